#include "httphellodemo.h"

#include "httpgetclient.h"
#include "httphelloserver.h"

HttpHelloDemo::HttpHelloDemo(HttpHelloServer *server, HttpGetClient *client, QObject *parent)
    : ExchangeDemo(server, client, parent)
    , m_server(server)
    , m_client(client)
{
    connect(m_server, &HttpHelloServer::listening, this, &HttpHelloDemo::startClient);
}

void HttpHelloDemo::start(const QString &host, quint16 port, int settleMs)
{
    startExchange(host, port, settleMs);
}

void HttpHelloDemo::configureServer(const QString &host, quint16 port)
{
    aimServer(m_server, host, port);
}

void HttpHelloDemo::configureClient(const SockAddr &server)
{
    aimClient(m_client, server);
}
