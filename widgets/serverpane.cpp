#include "serverpane.h"

#include "programs/echoserver.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

ServerPane::ServerPane(EchoServer *server, QWidget *parent)
    : TcpServerPane(server, server->config().host, server->config().port, server->config().backlog,
        server->config().reuseAddress, parent)
    , m_server(server)
    , m_reply(new QLineEdit(QString::fromUtf8(server->config().reply), this))
{
    setObjectName(QStringLiteral("serverPane"));
    form()->addRow(new QLabel(this), m_reply);
    retranslateUi();
}

void ServerPane::applyConfig()
{
    EchoServer::Config c = m_server->config();
    fillListen(c);
    c.reply = encodeText(m_reply->text());
    m_server->setConfig(c);
}

void ServerPane::retranslateUi()
{
    setTitle(tr("Server (TCP echo)"));
    if (!setRowLabel(m_reply, tr("Reply:")))
        return; // called by the base constructor before the fields exist
    m_reply->setToolTip(tr("Sent with sendall() in the text encoding chosen below"));
    TcpServerPane::retranslateUi();
}
