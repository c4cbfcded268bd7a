#include "clientpane.h"

#include "programs/echoclient.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

ClientPane::ClientPane(EchoClient *client, QWidget *parent)
    : ProgramPane(client, parent)
    , m_client(client)
    , m_host(new QLineEdit(client->config().host, this))
    , m_port(new QSpinBox(this))
    , m_message(new QLineEdit(QString::fromUtf8(client->config().message), this))
{
    setObjectName(QStringLiteral("clientPane"));
    m_port->setRange(1, 65535);
    m_port->setValue(client->config().port);
    form()->addRow(new QLabel(this), m_host);
    form()->addRow(new QLabel(this), m_port);
    form()->addRow(new QLabel(this), m_message);
    retranslateUi();
}

void ClientPane::applyConfig()
{
    EchoClient::Config c = m_client->config();
    c.host = m_host->text().trimmed();
    c.port = quint16(m_port->value());
    c.message = m_message->text().toUtf8();
    m_client->setConfig(c);
}

void ClientPane::setFieldsEnabled(bool enabled)
{
    m_host->setEnabled(enabled);
    m_port->setEnabled(enabled);
}

void ClientPane::retranslateUi()
{
    setTitle(tr("Client (TCP echo)"));
    auto *hostLabel = qobject_cast<QLabel *>(form()->labelForField(m_host));
    if (!hostLabel)
        return; // called by the base constructor before the fields exist
    hostLabel->setText(tr("Server address:"));
    qobject_cast<QLabel *>(form()->labelForField(m_port))->setText(tr("Port:"));
    qobject_cast<QLabel *>(form()->labelForField(m_message))->setText(tr("Message:"));
    m_message->setToolTip(tr("Sent with sendall() as UTF-8"));
    ProgramPane::retranslateUi();
}
