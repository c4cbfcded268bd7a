#include "clientpane.h"

#include "programs/echoclient.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

ClientPane::ClientPane(EchoClient *client, QWidget *parent)
    : ProgramPane(client, parent)
    , m_client(client)
    , m_host(addHostRow(client->config().host))
    , m_port(addPortRow(client->config().port, 1))
    , m_message(new QLineEdit(QString::fromUtf8(client->config().message), this))
{
    setObjectName(QStringLiteral("clientPane"));
    form()->addRow(new QLabel(this), m_message);
    retranslateUi();
}

void ClientPane::applyConfig()
{
    EchoClient::Config c = m_client->config();
    c.host = m_host->text().trimmed();
    c.port = quint16(m_port->value());
    c.message = encodeText(m_message->text());
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
    if (!setRowLabel(m_host, tr("Server address:")))
        return; // called by the base constructor before the fields exist
    setRowLabel(m_port, tr("Port:"));
    setRowLabel(m_message, tr("Message:"));
    m_message->setToolTip(tr("Sent with sendall() in the text encoding chosen below"));
    ProgramPane::retranslateUi();
}
