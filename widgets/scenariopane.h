#pragma once

#include <QWidget>

class CodePanel;
class QLabel;
class SegmentInspector;
class Timeline;
struct ScenarioInfo;

/**
 * The left side of the window while a scenario plays: its title and
 * summary, the code panel (the line of our example program behind the
 * step) and the segment inspector (the header fields of the segment).
 */
class ScenarioPane : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenarioPane)

public:
    explicit ScenarioPane(QWidget *parent = nullptr);

    void setScenario(const ScenarioInfo *info);
    void setTimeline(Timeline *timeline);
    void setCurrentRow(int row);

    CodePanel *codePanel() const { return m_code; }
    SegmentInspector *inspector() const { return m_inspector; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    const ScenarioInfo *m_info = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    CodePanel *m_code = nullptr;
    SegmentInspector *m_inspector = nullptr;
};
