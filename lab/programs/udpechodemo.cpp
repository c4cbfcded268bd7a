#include "udpechodemo.h"

#include "udpechoclient.h"
#include "udpechoserver.h"

UdpEchoDemo::UdpEchoDemo(UdpEchoServer *server, UdpEchoClient *client, QObject *parent)
    : ExchangeDemo(server, client, parent)
    , m_server(server)
    , m_client(client)
{
    // The client starts once the server waits in recvfrom(), as in class:
    // first the server, then the client.
    connect(m_server, &SocketProgram::changed, this, [this] {
        if (isRunning() && !clientStarted() && m_server->isWaiting()
            && m_server->currentStep() == UdpEchoServer::RecvFrom)
            startClient(m_server->boundAddress());
    });
}

void UdpEchoDemo::start(const QString &host, quint16 port)
{
    startExchange(host, port, 0); // nothing to settle
}

void UdpEchoDemo::configureServer(const QString &host, quint16 port)
{
    aimServer(m_server, host, port);
}

void UdpEchoDemo::configureClient(const SockAddr &server)
{
    aimClient(m_client, server);
}
