#include "udppanes.h"

#include "programs/serveloop.h"
#include "programs/udpechoclient.h"
#include "programs/udpechoserver.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

UdpServerPane::UdpServerPane(UdpEchoServer *server, QWidget *parent)
    : ProgramPane(server, parent)
    , m_server(server)
    , m_host(addHostRow(server->config().host))
    , m_port(addPortRow(server->config().port, 0))
    , m_bufsize(addBytesRow(server->config().bufsize, 1, 65535))
    , m_stop(new QPushButton(this))
{
    setObjectName(QStringLiteral("udpServerPane"));
    controlsRow()->insertWidget(2, m_stop);
    auto *loop = ServeLoop::forUdp(server, this);
    addServeButton(loop);
    connect(m_stop, &QPushButton::clicked, this, [this, loop] {
        loop->stop();
        m_server->stop();
    });
    retranslateUi();
}

void UdpServerPane::applyConfig()
{
    UdpEchoServer::Config c = m_server->config();
    c.host = m_host->text().trimmed();
    c.port = quint16(m_port->value());
    c.bufsize = m_bufsize->value();
    c.serveForever = true; // the post's while True: loop
    m_server->setConfig(c);
}

void UdpServerPane::setFieldsEnabled(bool enabled)
{
    for (QWidget *w : { static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port),
             static_cast<QWidget *>(m_bufsize) })
        w->setEnabled(enabled);
    if (m_stop)
        m_stop->setEnabled(m_server->isOpen());
}

QString UdpServerPane::extraStatus() const
{
    if (!m_server || !m_server->isOpen() || !m_server->boundAddress().isValid())
        return {};
    //: %1 is the bound address, e.g. 127.0.0.1:8888
    return tr("Bound to %1 · UDP keeps no connection state")
        .arg(m_server->boundAddress().toString());
}

void UdpServerPane::retranslateUi()
{
    setTitle(tr("Server (UDP echo)"));
    if (!setRowLabel(m_host, tr("Address:")))
        return; // called by the base constructor before the fields exist
    setRowLabel(m_port, tr("Port:"));
    setRowLabel(m_bufsize, tr("recvfrom() size:"));
    m_bufsize->setSuffix(tr(" bytes"));
    m_bufsize->setToolTip(tr("A datagram longer than this is truncated: the rest is lost, not "
                             "kept for the next recvfrom()."));
    m_stop->setText(tr("Stop server"));
    m_stop->setToolTip(tr("Close the server's socket"));
    ProgramPane::retranslateUi();
}

UdpClientPane::UdpClientPane(UdpEchoClient *client, QWidget *parent)
    : ProgramPane(client, parent)
    , m_client(client)
    , m_host(addHostRow(client->config().host))
    , m_port(addPortRow(client->config().port, 1))
    , m_message(new QLineEdit(QString::fromUtf8(client->config().message), this))
    , m_bufsize(nullptr)
    , m_timeoutOn(new QCheckBox(this))
    , m_timeout(new QDoubleSpinBox(this))
{
    setObjectName(QStringLiteral("udpClientPane"));
    form()->addRow(new QLabel(this), m_message);
    m_bufsize = addBytesRow(client->config().bufsize, 1, 65535);
    m_timeoutOn->setChecked(client->config().timeout >= 0);
    m_timeout->setRange(0.1, 60.0);
    m_timeout->setDecimals(1);
    m_timeout->setValue(client->config().timeout >= 0 ? client->config().timeout : 2.0);
    m_timeoutRow = new QHBoxLayout;
    m_timeoutRow->addWidget(m_timeoutOn);
    m_timeoutRow->addWidget(m_timeout);
    m_timeoutRow->addStretch();
    form()->addRow(new QLabel(this), m_timeoutRow);
    // settimeout(t) is a step of its own; its button shows t.
    connect(m_timeoutOn, &QCheckBox::toggled, this, [this] { applyConfig(); });
    connect(m_timeout, &QDoubleSpinBox::valueChanged, this, [this] { applyConfig(); });
    retranslateUi();
}

void UdpClientPane::applyConfig()
{
    UdpEchoClient::Config c = m_client->config();
    c.host = m_host->text().trimmed();
    c.port = quint16(m_port->value());
    c.message = encodeText(m_message->text());
    c.bufsize = m_bufsize->value();
    c.timeout = m_timeoutOn->isChecked() ? m_timeout->value() : -1.0;
    m_client->setConfig(c);
    refresh();
}

void UdpClientPane::setFieldsEnabled(bool enabled)
{
    for (QWidget *w : { static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port),
             static_cast<QWidget *>(m_bufsize), static_cast<QWidget *>(m_timeoutOn) })
        w->setEnabled(enabled);
    m_timeout->setEnabled(enabled && m_timeoutOn->isChecked());
}

void UdpClientPane::retranslateUi()
{
    setTitle(tr("Client (UDP echo)"));
    if (!setRowLabel(m_host, tr("Server address:")))
        return; // called by the base constructor before the fields exist
    setRowLabel(m_port, tr("Port:"));
    setRowLabel(m_message, tr("Message:"));
    setRowLabel(m_bufsize, tr("recvfrom() size:"));
    m_bufsize->setSuffix(tr(" bytes"));
    if (auto *label = qobject_cast<QLabel *>(form()->labelForField(m_timeoutRow)))
        label->setText(tr("Timeout:"));
    m_message->setToolTip(tr("Sent with sendto() in the text encoding chosen below"));
    m_timeoutOn->setText(QStringLiteral("settimeout()"));
    m_timeoutOn->setToolTip(tr("Off: the post's client, whose recvfrom() waits forever when no "
                               "server answers. On: recvfrom() fails with a timeout instead."));
    m_timeout->setSuffix(tr(" s"));
    ProgramPane::retranslateUi();
}
