#include "backlogdemo.h"

#include "net/kernelstate.h"
#include "net/nativesocket.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

#include <netinet/in.h>
#include <sys/socket.h>

BacklogDemo::BacklogDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : ScriptedDemo(timeline, inferrer, parent)
{
}

QString BacklogDemo::nameOf(NativeSocket *socket) const
{
    const int i = m_clients.indexOf(socket);
    if (i >= 0)
        return QStringLiteral("client%1").arg(i + 1);
    return ScriptedDemo::nameOf(socket);
}

Side BacklogDemo::sideOf(NativeSocket *socket) const
{
    return m_clients.contains(socket) ? Side::Client : ScriptedDemo::sideOf(socket);
}

void BacklogDemo::run()
{
    for (NativeSocket *s : std::as_const(m_clients)) {
        s->close();
        s->deleteLater();
    }
    m_clients.clear();
    m_clientAddrs.clear();
    m_closing = false;
    m_connected = m_failed = m_pendingAtEnd = 0;
    m_acceptQueue = m_backlog = -1;
    if (!openListener()) // socket(), SO_REUSEADDR, bind(), listen(1)
        return;
    for (int i = 0; i < kClients; ++i) {
        auto *c = new NativeSocket(this);
        m_clients << c;
        CallResult r = c->socket(AF_INET, SOCK_STREAM);
        recordReturn(r, c);
        if (!r.ok()) {
            fail(r);
            return;
        }
        const qint64 t0 = m_timeline->nowUs();
        r = c->connect(m_serverAddr.host, m_serverAddr.port);
        recordStart(r, c, t0);
        const SockAddr local = c->localAddress();
        m_clientAddrs << local;
        m_inferrer->connectStarted(local, m_serverAddr, t0);
        whenDone(c, r, [this, c, local, t0](const CallResult &res) {
            if (m_closing)
                return; // closed by the demo while still connecting
            if (res.ok()) {
                ++m_connected;
                m_inferrer->handshake(local, m_serverAddr, t0);
            } else {
                ++m_failed;
            }
            recordReturn(res, c);
        });
        if (!isRunning())
            return;
    }
    // Watch for kWaitMs: nothing ends the wait early.
    waitUntil([] { return false; }, [] {}, kWaitMs, [this] { watched(); });
}

void BacklogDemo::watched()
{
    for (NativeSocket *c : std::as_const(m_clients)) {
        if (c->pendingCall() == QLatin1String("connect"))
            ++m_pendingAtEnd;
    }
    if (const auto info = KernelState::readTcpInfo(m_listener->fd())) {
        m_acceptQueue = info->acceptQueue;
        m_backlog = info->backlog;
    }
    recordNote(QT_TRANSLATE_NOOP("Note",
                   "listen(%1) and no accept(): after %2 ms, %3 clients' connect() returned "
                   "(their handshakes completed; they wait in the accept queue, backlog + 1 on "
                   "Linux), %4 still connecting and %5 refused. TCP_INFO on the listener: %6 "
                   "in the accept queue, backlog %7."),
        { QStringLiteral("1"), QString::number(kWaitMs), QString::number(m_connected),
            QString::number(m_pendingAtEnd), QString::number(m_failed),
            QString::number(m_acceptQueue), QString::number(m_backlog) });
    recordNote(QT_TRANSLATE_NOOP("Note",
        "Linux does not refuse a client when the accept queue is full: it drops its SYN, and "
        "the client keeps retransmitting SYNs (after 1 s, 2 s, …) until the queue has room or "
        "connect() times out after about two minutes. The backlog is not a limit on "
        "connections, only on those waiting for accept()."));
    if (m_connected != 2 || m_pendingAtEnd != 1 || m_failed != 0) {
        CallResult r;
        r.call = QStringLiteral("connect");
        r.errorDomain = ErrorDomain::Timeout;
        m_closing = true;
        for (NativeSocket *c : std::as_const(m_clients))
            c->close();
        fail(r);
        return;
    }
    m_closing = true;
    for (NativeSocket *c : std::as_const(m_clients))
        recordReturn(c->close(), c);
    recordReturn(m_listener->close(), m_listener);
    succeed();
}
