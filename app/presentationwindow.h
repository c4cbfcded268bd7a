#pragma once

#include <QWidget>

class CaptionView;
class LadderView;
class QLabel;
class QScrollArea;
class StateDiagramView;
class Stepper;
class Timeline;

/**
 * Presentation mode: full screen, large type, high contrast (white on
 * black), only the state diagram, the ladder and the caption, driven by
 * the keyboard — → Page Down next, ← Page Up previous (presentation
 * clickers send these), Space play/pause, Home/End, Esc leaves.
 */
class PresentationWindow : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresentationWindow)

public:
    PresentationWindow(Timeline *timeline, Stepper *stepper, QWidget *parent = nullptr);

    StateDiagramView *diagram() const { return m_diagram; }
    LadderView *ladder() const { return m_ladder; }
    CaptionView *caption() const { return m_caption; }

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void showRow(int row);

    Stepper *m_stepper = nullptr;
    StateDiagramView *m_diagram = nullptr;
    LadderView *m_ladder = nullptr;
    QScrollArea *m_ladderScroll = nullptr;
    CaptionView *m_caption = nullptr;
    QLabel *m_hint = nullptr;
};
