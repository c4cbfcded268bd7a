#include "udpechodemo.h"

#include "udpechoclient.h"
#include "udpechoserver.h"

UdpEchoDemo::UdpEchoDemo(UdpEchoServer *server, UdpEchoClient *client, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_client(client)
{
    // The client starts once the server waits in recvfrom(), as in class:
    // first the server, then the client.
    connect(m_server, &SocketProgram::changed, this, [this] {
        if (m_running && !m_clientStarted && m_server->isWaiting()
            && m_server->currentStep() == UdpEchoServer::RecvFrom)
            startClient();
    });
    connect(m_server, &SocketProgram::runFinished, this, [this] {
        if (!m_running)
            return;
        m_serverDone = true;
        if (m_server->hasFailed()) {
            m_ok = false;
            if (!m_clientStarted)
                m_clientDone = true; // the client never starts without a bound server
        }
        onProgramDone();
    });
    connect(m_client, &SocketProgram::runFinished, this, [this] {
        if (!m_running)
            return;
        m_clientDone = true;
        if (m_client->hasFailed()) {
            m_ok = false;
            if (m_server->isWaiting())
                m_serverDone = true; // recvfrom() would wait for a datagram that never comes
        }
        onProgramDone();
    });
}

void UdpEchoDemo::start(const QString &host, quint16 port)
{
    m_running = true;
    m_clientStarted = false;
    m_serverDone = false;
    m_clientDone = false;
    m_ok = true;
    m_server->reset();
    m_client->reset();
    UdpEchoServer::Config sc = m_server->config();
    sc.host = host;
    sc.port = port;
    sc.serveForever = false;
    m_server->setConfig(sc);
    m_server->runToEnd();
}

void UdpEchoDemo::startClient()
{
    m_clientStarted = true;
    const SockAddr address = m_server->boundAddress();
    UdpEchoClient::Config cc = m_client->config();
    cc.host = address.host;
    cc.port = address.port;
    m_client->setConfig(cc);
    m_client->runToEnd();
}

void UdpEchoDemo::onProgramDone()
{
    if (!m_serverDone || !m_clientDone)
        return;
    if (!m_ok && m_server->isWaiting()) {
        // The client failed while the server waits in recvfrom(): nothing more will come.
        m_server->reset();
    }
    m_running = false;
    emit finished(m_ok);
}
