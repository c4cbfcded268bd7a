#pragma once

#include <QGroupBox>
#include <QList>

class QFormLayout;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class SocketProgram;
struct CallResult;

/**
 * The controls of one program (server or client): its configuration
 * fields, one button per socket call in program order (only the next call
 * is enabled, so a click is one call), "Run to end", "Reset", a status
 * line (next call, waiting, or the error in the UI language) and the data
 * received. Subclasses add their fields to form() and apply them in
 * applyConfig().
 */
class ProgramPane : public QGroupBox
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgramPane)

public:
    explicit ProgramPane(SocketProgram *program, QWidget *parent = nullptr);

    SocketProgram *program() const { return m_program; }
    /** The button of step @p index (for tests and shortcuts). */
    QPushButton *stepButton(int index) const { return m_stepButtons.value(index); }
    QPushButton *runButton() const { return m_runButton; }
    QPushButton *resetButton() const { return m_resetButton; }
    /** The status line's current text. */
    QString statusText() const;
    /** The received-data box's text. */
    QString receivedText() const;

public slots:
    /** Runs the next call (same as clicking its button). */
    void stepOnce();
    void runToEnd();
    void resetProgram();

protected:
    QFormLayout *form() const { return m_form; }
    /** The row with "Run to end" and "Reset", for extra buttons. */
    QHBoxLayout *controlsRow() const { return m_controls; }
    /** Pushes the fields into the program's config (called before the first call). */
    virtual void applyConfig() = 0;
    /** Enables the fields only while no call has been made. */
    virtual void setFieldsEnabled(bool enabled) = 0;
    /** Extra status (e.g. the accept queue); empty for none. */
    virtual QString extraStatus() const { return {}; }
    virtual void retranslateUi();
    void changeEvent(QEvent *event) override;
    /** Re-reads the program: buttons, status, fields. */
    void refresh();

private:
    void rebuildButtons();
    void appendReceived(const QByteArray &bytes);
    QString receivedLine(const QByteArray &bytes) const;

    SocketProgram *m_program = nullptr;
    QFormLayout *m_form = nullptr;
    QGridLayout *m_buttonGrid = nullptr;
    QHBoxLayout *m_controls = nullptr;
    QList<QPushButton *> m_stepButtons;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_resetButton = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_extra = nullptr;
    QLabel *m_receivedLabel = nullptr;
    QPlainTextEdit *m_received = nullptr;
    QList<QByteArray> m_receivedChunks;
};
