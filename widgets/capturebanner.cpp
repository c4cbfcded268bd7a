#include "capturebanner.h"

#include "capture/capturesession.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

CaptureBanner::CaptureBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel)
    , m_close(new QToolButton)
{
    setObjectName(QStringLiteral("captureBanner"));
    setFrameShape(QFrame::StyledPanel);
    // A warning, not an error: the lab still works, on inferred segments.
    setAutoFillBackground(true);
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    p.setColor(QPalette::WindowText, QColor(0x4a, 0x3b, 0x00));
    setPalette(p);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse); // the command can be copied
    m_close->setObjectName(QStringLiteral("dismiss"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    connect(m_close, &QToolButton::clicked, this, [this] {
        dismiss();
        emit dismissed();
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    hide();
    retranslateUi();
}

void CaptureBanner::showFailure(CaptureSession *session)
{
    m_session = session;
    retranslateUi();
    show();
}

void CaptureBanner::dismiss()
{
    hide();
}

QString CaptureBanner::text() const
{
    return m_label->text();
}

void CaptureBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QFrame::changeEvent(event);
}

void CaptureBanner::retranslateUi()
{
    m_close->setToolTip(tr("Dismiss"));
    if (!m_session) {
        m_label->clear();
        return;
    }
    QString text = tr("<b>No packet capture: the ladder shows segments inferred from the calls, "
                      "not the ones on the wire.</b>");
    text += QStringLiteral("<br>") + m_session->unavailableReason().toHtmlEscaped();
    // Without the helper's permission the reason already gives the command; a helper
    // that is not there needs building, not a capability.
    const bool missing = m_session->failure() == CaptureSession::Failure::NoHelper
        && !(QFileInfo::exists(m_session->helperPath()));
    if (m_session->failure() != CaptureSession::Failure::NoPermission && !missing) {
        const QString helper = m_session->helperPath().isEmpty()
            ? QStringLiteral("…/socketlab-capture")
            : m_session->helperPath();
        //: CAP_NET_RAW is a Linux capability name; keep it and the command as they are.
        text += QStringLiteral("<br>")
            + tr("Capture needs the helper program with the CAP_NET_RAW capability: sudo setcap "
                 "cap_net_raw+ep %1")
                  .arg(helper)
                  .toHtmlEscaped();
    }
    m_label->setText(text);
}
