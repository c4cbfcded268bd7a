#pragma once

#include <QFrame>
#include <QPointer>

class CaptureSession;
class QLabel;
class QToolButton;

/**
 * The banner above the ladder that says why packet capture is not running
 * (no CAP_NET_RAW, no helper, …), that the ladder shows inferred segments
 * instead, and how to grant the capture rights (`sudo setcap cap_net_raw+ep
 * …/socketlab-capture`). It shows the facts of a CaptureSession that failed
 * and words them at display time, so a language switch re-words it. The
 * close button dismisses it until the next failure is shown.
 */
class CaptureBanner : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureBanner)

public:
    explicit CaptureBanner(QWidget *parent = nullptr);

    /** Shows the banner for @p session, which failed to capture (unavailable()). */
    void showFailure(CaptureSession *session);
    /** Hides the banner (capture runs again, or the user dismissed it). */
    void dismiss();
    /** The banner's text as shown (for tests). */
    QString text() const;
    QToolButton *closeButton() const { return m_close; }

signals:
    /** The user closed the banner. */
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QPointer<CaptureSession> m_session;
    QLabel *m_label = nullptr;
    QToolButton *m_close = nullptr;
};
