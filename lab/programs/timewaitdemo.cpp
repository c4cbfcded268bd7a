#include "timewaitdemo.h"

#include "net/kernelstate.h"
#include "net/nativesocket.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>

TimeWaitDemo::TimeWaitDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : ScriptedDemo(timeline, inferrer, parent)
{
}

CallResult TimeWaitDemo::openSocket(NativeSocket *socket, bool reuse, quint16 port)
{
    CallResult r = socket->socket(AF_INET, SOCK_STREAM);
    recordReturn(r, socket);
    if (r.ok() && reuse) {
        r = socket->setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
        recordReturn(r, socket);
    }
    if (r.ok()) {
        r = socket->bind(QStringLiteral("127.0.0.1"), port);
        recordReturn(r, socket);
    }
    return r;
}

QString TimeWaitDemo::nameOf(NativeSocket *socket) const
{
    if (socket && socket == m_again)
        return QStringLiteral("new-listener");
    return ScriptedDemo::nameOf(socket);
}

void TimeWaitDemo::run()
{
    m_rebind[0] = m_rebind[1] = {};
    m_ports[0] = m_ports[1] = 0;
    m_sawTimeWait[0] = m_sawTimeWait[1] = false;
    part(false, [this] {
        m_listener = new NativeSocket(this);
        m_client = new NativeSocket(this);
        m_conn = nullptr;
        part(true, [this] { succeed(); });
    });
}

void TimeWaitDemo::part(bool reuse, std::function<void()> next)
{
    const int i = reuse ? 1 : 0;
    // The old server: an ephemeral port, remembered for the restart.
    CallResult r = openSocket(m_listener, reuse, 0);
    if (r.ok()) {
        m_serverAddr = m_listener->localAddress();
        m_ports[i] = m_serverAddr.port;
        r = m_listener->listen(1);
        recordReturn(r, m_listener);
    }
    if (!r.ok()) {
        fail(r);
        return;
    }
    connectPair([this, i, reuse, next] {
        // The server closes first: its side goes FIN-WAIT-1/2, then TIME-WAIT.
        CallResult c = m_conn->close();
        recordReturn(c, m_conn);
        m_inferrer->finSent(Side::Server, m_serverAddr, m_clientAddr);
        c = m_client->close();
        recordReturn(c, m_client);
        m_inferrer->finSent(Side::Client, m_clientAddr, m_serverAddr);
        c = m_listener->close();
        recordReturn(c, m_listener);
        waitUntil(
            [this] {
                return KernelState::lookupConnection(m_serverAddr, m_clientAddr)
                    == std::optional<TcpState>(TcpState::TimeWait);
            },
            [this, i, reuse, next] {
                m_sawTimeWait[i] = true;
                m_inferrer->stateObserved(Side::Server, m_serverAddr, m_clientAddr,
                    TcpState::FinWait2, TcpState::TimeWait);
                recordNote(QT_TRANSLATE_NOOP("Note",
                               "The server closed first, so its side of the connection %1 is "
                               "now in TIME-WAIT (the kernel keeps it about 60 s) although "
                               "every socket is closed. Now the server restarts on port %2."),
                    { QStringLiteral("%1 ↔ %2").arg(
                          m_serverAddr.toString(), m_clientAddr.toString()),
                        QString::number(m_serverAddr.port) });
                // The restarted server: a new listener on the remembered port.
                m_again = new NativeSocket(this);
                const CallResult b = openSocket(m_again, reuse, m_serverAddr.port);
                m_rebind[i] = b;
                recordReturn(m_again->close(), m_again);
                if (!reuse) {
                    if (b.errorDomain != ErrorDomain::Errno || b.errnum != EADDRINUSE) {
                        fail(b);
                        return;
                    }
                    recordNote(QT_TRANSLATE_NOOP("Note",
                                   "Without SO_REUSEADDR the new listener's bind() fails with "
                                   "OSError, errno %1 (EADDRINUSE: Address already in use): the "
                                   "TIME-WAIT connection still holds the port, though nobody "
                                   "listens on it."),
                        { QString::number(b.errnum) });
                } else {
                    if (!b.ok()) {
                        fail(b);
                        return;
                    }
                    recordNote(QT_TRANSLATE_NOOP("Note",
                        "With SO_REUSEADDR set on the old listener and on the new one, bind() "
                        "succeeds despite the TIME-WAIT connection. On Linux both are needed: "
                        "if either one lacks it, bind() fails with EADDRINUSE."));
                }
                next();
            },
            3000);
    });
}
