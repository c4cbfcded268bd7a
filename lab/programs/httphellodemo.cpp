#include "httphellodemo.h"

#include "httpgetclient.h"
#include "httphelloserver.h"

#include <QDateTime>

HttpHelloDemo::HttpHelloDemo(HttpHelloServer *server, HttpGetClient *client, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_client(client)
{
    m_settle.setInterval(10);
    connect(&m_settle, &QTimer::timeout, this, &HttpHelloDemo::checkSettled);
    connect(m_server, &HttpHelloServer::listening, this, [this](const SockAddr &address) {
        if (!m_running || m_clientStarted)
            return;
        m_clientStarted = true;
        HttpGetClient::Config cc = m_client->config();
        cc.host = address.host;
        cc.port = address.port;
        m_client->setConfig(cc);
        m_client->runToEnd();
    });
    connect(m_server, &SocketProgram::runFinished, this, [this] {
        if (!m_running)
            return;
        m_serverDone = true;
        if (m_server->hasFailed()) {
            m_ok = false;
            if (!m_clientStarted)
                m_clientDone = true; // the client never starts without a listener
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
                m_serverDone = true; // accept() would wait for a client that never comes
        }
        onProgramDone();
    });
}

void HttpHelloDemo::start(const QString &host, quint16 port, int settleMs)
{
    m_running = true;
    m_clientStarted = false;
    m_serverDone = false;
    m_clientDone = false;
    m_ok = true;
    m_settleMs = settleMs;
    m_server->reset();
    m_client->reset();
    HttpHelloServer::Config sc = m_server->config();
    sc.host = host;
    sc.port = port;
    sc.serveForever = false;
    m_server->setConfig(sc);
    m_server->runToEnd();
}

void HttpHelloDemo::onProgramDone()
{
    if (!m_serverDone || !m_clientDone)
        return;
    if (!m_ok && m_server->isWaiting())
        m_server->reset(); // the client failed while the server waits in accept()
    m_settleDeadline = QDateTime::currentMSecsSinceEpoch() + m_settleMs;
    m_settle.start();
    checkSettled();
}

void HttpHelloDemo::checkSettled()
{
    const bool settled = m_server->isSettled() && m_client->isSettled();
    if (!settled && QDateTime::currentMSecsSinceEpoch() < m_settleDeadline)
        return;
    m_settle.stop();
    m_running = false;
    emit finished(m_ok);
}
