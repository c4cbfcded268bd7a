#include "tcpechodemo.h"

#include "echoclient.h"
#include "echoserver.h"

TcpEchoDemo::TcpEchoDemo(EchoServer *server, EchoClient *client, QObject *parent)
    : ExchangeDemo(server, client, parent)
    , m_server(server)
    , m_client(client)
{
    connect(m_server, &EchoServer::listening, this, &TcpEchoDemo::startClient);
}

void TcpEchoDemo::start(const QString &host, quint16 port, int settleMs)
{
    startExchange(host, port, settleMs);
}

void TcpEchoDemo::configureServer(const QString &host, quint16 port)
{
    aimServer(m_server, host, port);
}

void TcpEchoDemo::configureClient(const SockAddr &server)
{
    aimClient(m_client, server);
}
