#include "serveloop.h"

#include "socketprogram.h"
#include "tcpserverprogram.h"
#include "udpechoserver.h"

#include <QTimer>

ServeLoop::ServeLoop(
    SocketProgram *server, Recoverable recoverable, std::function<void()> drop, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_recoverable(std::move(recoverable))
    , m_drop(std::move(drop))
{
    connect(m_server, &SocketProgram::callFailed, this, &ServeLoop::onFailed);
    connect(m_server, &SocketProgram::runFinished, this, &ServeLoop::onRunFinished);
}

ServeLoop *ServeLoop::forTcp(TcpServerProgram *server, QObject *parent)
{
    return new ServeLoop(
        server,
        [](const CallResult &r) {
            return r.call == QLatin1String("recv") || r.call == QLatin1String("send")
                || r.call == QLatin1String("sendall");
        },
        [server] { server->dropConnection(); }, parent);
}

ServeLoop *ServeLoop::forUdp(UdpEchoServer *server, QObject *parent)
{
    return new ServeLoop(
        server,
        [](const CallResult &r) {
            return r.call == QLatin1String("recvfrom") || r.call == QLatin1String("sendto");
        },
        [server] { server->dropDatagram(); }, parent);
}

void ServeLoop::start()
{
    if (m_serving)
        return;
    m_serving = true;
    m_server->runToEnd();
}

void ServeLoop::stop()
{
    finish({});
}

void ServeLoop::finish(const CallResult &r)
{
    if (!m_serving)
        return;
    m_serving = false;
    emit stopped(r);
}

void ServeLoop::onFailed(const CallResult &r)
{
    if (!m_serving)
        return;
    if (!m_recoverable(r)) {
        finish(r);
        return;
    }
    emit clientDropped(r);
    // After the failed call has unwound: drop the client, serve the next one.
    QTimer::singleShot(0, this, [this] {
        if (!m_serving)
            return;
        m_drop();
        m_server->runToEnd();
    });
}

void ServeLoop::onRunFinished()
{
    if (!m_serving || m_server->hasFailed())
        return;
    if (m_server->currentStep() < 0) {
        finish({});
        return;
    }
    QTimer::singleShot(0, this, [this] {
        if (m_serving)
            m_server->runToEnd();
    });
}
