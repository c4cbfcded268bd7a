#pragma once

#include <QGroupBox>
#include <QList>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QPlainTextEdit;
class QLineEdit;
class QPushButton;
class QSpinBox;
class ServeLoop;
class SocketProgram;
struct CallResult;

/**
 * The controls of one program (server or client): its configuration
 * fields, one button per socket call in program order (only the next call
 * is enabled, so a click is one call), "Run to end", "Reset", a status
 * line (next call, waiting, or the error in the UI language) and the data
 * received, decoded in the pane's text encoding (UTF-8 or GBK, so two
 * panes that disagree show garbled text) and in hexadecimal on demand.
 * Subclasses add their fields to form() and apply them in
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
    /** "Serve clients" of a server pane (checkable), or null for a client. */
    QPushButton *serveButton() const { return m_serveButton; }
    /** The status line's current text. */
    QString statusText() const;
    /** The received-data box's text. */
    QString receivedText() const;
    /** The pane's text encoding chooser: UTF-8 (data "utf-8") or GBK (data "gbk"). */
    QComboBox *encodingCombo() const { return m_encoding; }
    /** Shows the received bytes in hexadecimal too. */
    QCheckBox *hexCheck() const { return m_hex; }
    /** The encoding the pane sends and reads text in: "utf-8" or "gbk". */
    QString textEncoding() const;
    /**
     * @p text in the pane's encoding. A character GBK cannot represent
     * (an emoji, say) becomes '?', as Python's errors="replace" does.
     */
    QByteArray encodeText(const QString &text) const;

    /** Pushes the fields into the program's config now (before a whole exchange is run). */
    void applyFields() { applyConfig(); }

public slots:
    /** Runs the next call (same as clicking its button). */
    void stepOnce();
    void runToEnd();
    void resetProgram();

protected:
    QFormLayout *form() const { return m_form; }
    /** The row with "Run to end" and "Reset", for extra buttons. */
    QHBoxLayout *controlsRow() const { return m_controls; }
    /** Adds a row with a line edit holding @p host (a numeric address); label it with
     * setRowLabel(). */
    QLineEdit *addHostRow(const QString &host);
    /** Adds a row with a port spin box from @p minimum (0: ephemeral) to 65535 holding @p port. */
    QSpinBox *addPortRow(quint16 port, int minimum);
    /** Adds a row with a spin box of bytes from @p minimum to @p maximum holding @p value. */
    QSpinBox *addBytesRow(int value, int minimum, int maximum);
    /**
     * Adds "Serve clients": checked, @p loop runs the server as the source
     * text's `while True:` loop, for the lab's client or any other (curl,
     * a browser); unchecked, or when the loop ends, it stops.
     */
    void addServeButton(ServeLoop *loop);
    /** Sets the label of @p field's form row; false while the row does not exist yet. */
    bool setRowLabel(QWidget *field, const QString &text);
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
    /** The program's calls changed (their number, or which ones its variant makes). */
    bool stepsChanged() const;
    void appendReceived(const QByteArray &bytes);
    void onEncodingChosen();
    void showReceived();
    QString receivedLine(const QByteArray &bytes) const;

    SocketProgram *m_program = nullptr;
    QFormLayout *m_form = nullptr;
    QGridLayout *m_buttonGrid = nullptr;
    QHBoxLayout *m_controls = nullptr;
    QList<QPushButton *> m_stepButtons;
    QList<bool> m_usedSteps; // per step: shown (the program's variant makes that call)
    QPushButton *m_runButton = nullptr;
    QPushButton *m_resetButton = nullptr;
    QPushButton *m_serveButton = nullptr;
    ServeLoop *m_serveLoop = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_extra = nullptr;
    QLabel *m_receivedLabel = nullptr;
    QLabel *m_encodingLabel = nullptr;
    QComboBox *m_encoding = nullptr;
    QCheckBox *m_hex = nullptr;
    QPlainTextEdit *m_received = nullptr;
    QList<QByteArray> m_receivedChunks;
};
