#include "exchangedemo.h"

#include "socketprogram.h"

#include <QDateTime>

ExchangeDemo::ExchangeDemo(SocketProgram *server, SocketProgram *client, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_client(client)
{
    m_settle.setInterval(10);
    connect(&m_settle, &QTimer::timeout, this, &ExchangeDemo::checkSettled);
    connect(m_server, &SocketProgram::runFinished, this, [this] {
        if (!m_running)
            return;
        m_serverDone = true;
        if (m_server->hasFailed()) {
            m_ok = false;
            if (!m_clientStarted)
                m_clientDone = true; // the client never starts without a ready server
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
                m_serverDone = true; // accept()/recvfrom() would wait for a client that never comes
        }
        onProgramDone();
    });
}

void ExchangeDemo::startExchange(const QString &host, quint16 port, int settleMs)
{
    m_running = true;
    m_clientStarted = false;
    m_serverDone = false;
    m_clientDone = false;
    m_ok = true;
    m_settleMs = settleMs;
    m_server->reset();
    m_client->reset();
    configureServer(host, port);
    m_server->runToEnd();
}

void ExchangeDemo::startClient(const SockAddr &server)
{
    if (!m_running || m_clientStarted)
        return;
    m_clientStarted = true;
    configureClient(server);
    m_client->runToEnd();
}

void ExchangeDemo::onProgramDone()
{
    if (!m_serverDone || !m_clientDone)
        return;
    if (!m_ok && m_server->isWaiting()) {
        // The client failed while the server waits for it: nothing more will come.
        m_server->reset();
    }
    m_settleDeadline = QDateTime::currentMSecsSinceEpoch() + m_settleMs;
    m_settle.start();
    checkSettled();
}

void ExchangeDemo::checkSettled()
{
    const bool settled = m_server->isSettled() && m_client->isSettled();
    if (!settled && QDateTime::currentMSecsSinceEpoch() < m_settleDeadline)
        return;
    m_settle.stop();
    m_running = false;
    emit finished(m_ok);
}
