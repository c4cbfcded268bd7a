#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
class SocketApiTrial;
class Timeline;

/**
 * The socket API reference of the source text: a filter field, the
 * entries in two groups (constants, methods), the selected entry's
 * Python signature, Linux value, explanation and the correct fact where
 * the source text is loose, and "Try it" (Ctrl+T), which runs the entry's
 * demonstration on real loopback sockets (SocketApiTrial) and records every
 * call on the timeline. The line under the button tells the outcome.
 *
 * Self-contained: give it a timeline with setTimeline(); it opens no socket
 * itself, its SocketApiTrial does. Every text is made in the UI language
 * and re-made on QEvent::LanguageChange.
 */
class ApiReferencePanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiReferencePanel)

public:
    explicit ApiReferencePanel(QWidget *parent = nullptr);

    /** Where "Try it" records its calls; not owned. Without one the button is disabled. */
    void setTimeline(Timeline *timeline);
    Timeline *timeline() const;

    /** The selected entry's name ("AF_INET", "connect_ex" …), empty when none. */
    QString currentEntry() const;
    /** Selects the entry @p name (clearing a filter that hides it); false when unknown. */
    bool selectEntry(const QString &name);
    /** The entries the filter leaves visible, in list order. */
    QStringList visibleEntries() const;

    QLineEdit *filterEdit() const { return m_filter; }
    QTreeWidget *entryList() const { return m_list; }
    QPushButton *tryButton() const { return m_tryButton; }
    /** The result line's text. */
    QString resultText() const;
    /** The detail area's texts, for tests: signature, Linux value, explanation, fact. */
    QString signatureText() const;
    QString valueText() const;
    QString explanationText() const;
    QString factText() const;
    SocketApiTrial *trial() const { return m_trial; }

public slots:
    /** Runs the selected entry's demonstration (the button, Ctrl+T); ignored while one runs. */
    void tryCurrent();

signals:
    /** The selection changed to @p name. */
    void entrySelected(const QString &name);
    /** A demonstration ended; @p summary is in the UI language. */
    void trialFinished(bool ok, const QString &summary);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyFilter();
    void showEntry();
    void showResult();
    void refreshButton();

    SocketApiTrial *m_trial = nullptr;
    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_list = nullptr;
    QTreeWidgetItem *m_constants = nullptr;
    QTreeWidgetItem *m_methods = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_signature = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_explanation = nullptr;
    QLabel *m_factTitle = nullptr;
    QLabel *m_fact = nullptr;
    QPushButton *m_tryButton = nullptr;
    QLabel *m_result = nullptr;
    bool m_hasResult = false;
};
