#include "serverpane.h"

#include "programs/echoserver.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

ServerPane::ServerPane(EchoServer *server, QWidget *parent)
    : ProgramPane(server, parent)
    , m_server(server)
    , m_host(new QLineEdit(server->config().host, this))
    , m_port(new QSpinBox(this))
    , m_backlog(new QSpinBox(this))
    , m_reuse(new QCheckBox(this))
    , m_reply(new QLineEdit(QString::fromUtf8(server->config().reply), this))
    , m_stop(new QPushButton(this))
{
    setObjectName(QStringLiteral("serverPane"));
    m_port->setRange(0, 65535);
    m_port->setValue(server->config().port);
    m_backlog->setRange(0, 4096);
    m_backlog->setValue(server->config().backlog);
    m_reuse->setChecked(server->config().reuseAddress);
    form()->addRow(new QLabel(this), m_host);
    form()->addRow(new QLabel(this), m_port);
    form()->addRow(new QLabel(this), m_backlog);
    form()->addRow(new QLabel(this), m_reuse);
    form()->addRow(new QLabel(this), m_reply);
    controlsRow()->insertWidget(2, m_stop);
    connect(m_stop, &QPushButton::clicked, this, [this] { m_server->stop(); });
    connect(m_server, &EchoServer::acceptQueueChanged, this, &ServerPane::refresh);
    // The backlog is part of the listen() button's text.
    connect(m_backlog, &QSpinBox::valueChanged, this, [this] { applyConfig(); });
    retranslateUi();
}

void ServerPane::applyConfig()
{
    EchoServer::Config c = m_server->config();
    c.host = m_host->text().trimmed();
    c.port = quint16(m_port->value());
    c.backlog = m_backlog->value();
    c.reuseAddress = m_reuse->isChecked();
    c.reply = m_reply->text().toUtf8();
    m_server->setConfig(c);
}

void ServerPane::setFieldsEnabled(bool enabled)
{
    for (QWidget *w : { static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port),
             static_cast<QWidget *>(m_backlog), static_cast<QWidget *>(m_reuse) })
        w->setEnabled(enabled);
    if (m_stop)
        m_stop->setEnabled(m_server->listenerState() == TcpState::Listen);
}

QString ServerPane::extraStatus() const
{
    if (!m_server || m_server->listenerState() != TcpState::Listen)
        return {};
    //: %1/%2: connections waiting for accept() / the limit set by listen(backlog)
    return tr("Listening socket: LISTEN · accept queue %1 / %2")
        .arg(qMax(0, m_server->acceptQueue()))
        .arg(qMax(0, m_server->acceptBacklog()));
}

void ServerPane::retranslateUi()
{
    setTitle(tr("Server (TCP echo)"));
    auto label
        = [this](QWidget *field) { return qobject_cast<QLabel *>(form()->labelForField(field)); };
    if (!label(m_host))
        return; // called by the base constructor before the fields exist
    label(m_host)->setText(tr("Address:"));
    label(m_port)->setText(tr("Port:"));
    label(m_backlog)->setText(tr("Backlog:"));
    label(m_reuse)->setText(tr("Option:"));
    label(m_reply)->setText(tr("Reply:"));
    m_host->setToolTip(tr("127.0.0.1 keeps the server on this machine (loopback). 0.0.0.0 would "
                          "accept connections from the network."));
    m_backlog->setToolTip(tr("listen(backlog): on Linux, the length of the accept queue of "
                             "completed connections waiting for accept()."));
    m_reuse->setText(QStringLiteral("SO_REUSEADDR"));
    m_reuse->setToolTip(
        tr("Lets bind() reuse the port while an old connection is still in TIME-WAIT (60 s on "
           "Linux). The seed does not set it; the lab does by default."));
    m_stop->setText(tr("Stop server"));
    m_stop->setToolTip(tr("Close the listening socket"));
    ProgramPane::retranslateUi();
}
