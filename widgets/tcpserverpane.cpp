#include "tcpserverpane.h"

#include "programs/serveloop.h"
#include "programs/tcpserverprogram.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

TcpServerPane::TcpServerPane(TcpServerProgram *server, const QString &host, quint16 port,
    int backlog, bool reuse, QWidget *parent)
    : ProgramPane(server, parent)
    , m_server(server)
    , m_host(addHostRow(host))
    , m_port(addPortRow(port, 0))
    , m_backlog(new QSpinBox(this))
    , m_reuse(new QCheckBox(this))
    , m_stop(new QPushButton(this))
{
    m_backlog->setRange(0, 4096);
    m_backlog->setValue(backlog);
    m_reuse->setChecked(reuse);
    form()->addRow(new QLabel(this), m_backlog);
    form()->addRow(new QLabel(this), m_reuse);
    controlsRow()->insertWidget(2, m_stop);
    auto *loop = ServeLoop::forTcp(server, this);
    addServeButton(loop);
    connect(m_stop, &QPushButton::clicked, this, [this, loop] {
        loop->stop();
        m_server->stop();
    });
    connect(m_server, &TcpServerProgram::acceptQueueChanged, this, &TcpServerPane::refresh);
    // The backlog is part of the listen() button's text.
    connect(m_backlog, &QSpinBox::valueChanged, this, [this] { applyConfig(); });
}

QString TcpServerPane::listenHost() const
{
    return m_host->text().trimmed();
}

quint16 TcpServerPane::listenPort() const
{
    return quint16(m_port->value());
}

int TcpServerPane::listenBacklog() const
{
    return m_backlog->value();
}

bool TcpServerPane::listenReuse() const
{
    return m_reuse->isChecked();
}

void TcpServerPane::setFieldsEnabled(bool enabled)
{
    for (QWidget *w : { static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port),
             static_cast<QWidget *>(m_backlog), static_cast<QWidget *>(m_reuse) })
        w->setEnabled(enabled);
    if (m_stop)
        m_stop->setEnabled(m_server->listenerState() == TcpState::Listen);
}

QString TcpServerPane::extraStatus() const
{
    if (!m_server || m_server->listenerState() != TcpState::Listen)
        return {};
    //: %1/%2: connections waiting for accept() / the limit set by listen(backlog)
    return tr("Listening socket: LISTEN · accept queue %1 / %2")
        .arg(qMax(0, m_server->acceptQueue()))
        .arg(qMax(0, m_server->acceptBacklog()));
}

void TcpServerPane::retranslateUi()
{
    if (!setRowLabel(m_host, tr("Address:")))
        return; // called by the base constructor before the fields exist
    setRowLabel(m_port, tr("Port:"));
    setRowLabel(m_backlog, tr("Backlog:"));
    setRowLabel(m_reuse, tr("Option:"));
    m_host->setToolTip(tr("127.0.0.1 keeps the server on this machine (loopback). 0.0.0.0 would "
                          "accept connections from the network."));
    m_port->setToolTip(tr("0 lets the kernel choose a free port"));
    m_backlog->setToolTip(tr("listen(backlog): on Linux, the length of the accept queue of "
                             "completed connections waiting for accept()."));
    m_reuse->setText(QStringLiteral("SO_REUSEADDR"));
    m_reuse->setToolTip(
        tr("Lets bind() reuse the port while an old connection is still in TIME-WAIT (60 s on "
           "Linux). The post does not set it; the lab does by default."));
    m_stop->setText(tr("Stop server"));
    m_stop->setToolTip(tr("Close the listening socket"));
    ProgramPane::retranslateUi();
}
