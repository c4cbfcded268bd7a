#pragma once

#include "cursorview.h"

#include <array>

class QLabel;
class QPlainTextEdit;
class QTabWidget;

/**
 * The line of code behind the current step: one of the lab's own example
 * programs (resources/code/<program>.py and .cpp, written for the lab) in a
 * "Python" and a "C++" tab, with the line of the call at the cursor
 * highlighted and scrolled into view.
 *
 * The call is the call event at the cursor, else the latest call before it
 * that names its code ("<program>:<anchor>", LabEvent::code). Each call line
 * of a program ends with its anchor comment, "# [connect]" or "// [connect]".
 * A live call without a code ref is looked up by its side and name
 * (client → tcp_client, server → tcp_server, UDP calls → udp_*).
 */
class CodePanel : public CursorView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodePanel)

public:
    enum Tab { PythonTab, CppTab };

    explicit CodePanel(QWidget *parent = nullptr);

    /** The tab shown. */
    Tab tab() const;
    void setTab(Tab tab);

    /** The program shown, e.g. "tcp_client"; empty before the first call. */
    QString currentProgram() const { return m_program; }
    /** The highlighted line (1-based) of @p tab, 0 when none. */
    int currentLine(Tab tab) const { return m_lines.at(tab); }
    /** The highlighted line (1-based) of the tab shown, 0 when none. */
    int currentLine() const { return currentLine(tab()); }
    /** The text of the highlighted line of @p tab, empty when none. */
    QString currentLineText(Tab tab) const;
    QString currentLineText() const { return currentLineText(tab()); }

    /** The text of @p program in @p tab's language, from the resources; empty if unknown. */
    static QString programSource(const QString &program, Tab tab);

    QSize sizeHint() const override;

protected:
    void timelineChanged() override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    QString codeRefAt(int row) const;
    void showProgram(const QString &program);
    void highlight();

    QLabel *m_caption = nullptr;
    QTabWidget *m_tabs = nullptr;
    std::array<QPlainTextEdit *, 2> m_editors {};
    QString m_program;
    QString m_anchor;
    QString m_call; ///< the call's name, for the caption
    std::array<int, 2> m_lines { 0, 0 };
};
