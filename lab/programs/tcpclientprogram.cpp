#include "tcpclientprogram.h"

#include "net/nativesocket.h"
#include "net/statewatch.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

#include <cerrno>
#include <sys/socket.h>

const QString TcpClientProgram::kSocketName = QStringLiteral("client");

TcpClientProgram::TcpClientProgram(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : SocketProgram(Side::Client, timeline, inferrer, parent)
{
    // When the server side reveals the handshake first, read our state at once,
    // so the client's ESTABLISHED lands before its ACK.
    connect(inferrer, &SegmentInferrer::clientReadingWanted, this,
        [this](const SockAddr &client, const SockAddr &) {
            if (m_watch && m_local.isValid() && client == m_local)
                m_watch->poll();
        });
}

TcpState TcpClientProgram::endpointState() const
{
    const TcpState s = m_watch ? m_watch->state() : TcpState::Closed;
    return s == TcpState::Unknown ? TcpState::Closed : s;
}

bool TcpClientProgram::isSettled() const
{
    const TcpState s = endpointState();
    return s == TcpState::Closed || s == TcpState::TimeWait;
}

void TcpClientProgram::renewSocket()
{
    if (m_watch) {
        m_watch->stop();
        m_watch->deleteLater();
    }
    if (m_socket) {
        m_socket->close();
        m_socket->deleteLater();
    }
    m_socket = new NativeSocket(this);
    m_watch = new StateWatch(this);
    followWatch(m_watch, kSocketName,
        [this] { return m_bytesRead + (m_socket ? m_socket->unreadBytes() : 0); });
    m_local = {};
    m_remote = {};
    m_bytesRead = 0;
}

void TcpClientProgram::resetClient()
{
    renewSocket();
    m_fresh = true;
    m_step = 0;
    m_waiting = false;
    m_running = false;
    m_lastFailure = {};
}

void TcpClientProgram::runSocketStep(const QString &host, const std::function<void()> &afterSocket)
{
    const int family = host.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
    if (!m_fresh)
        renewSocket(); // a fresh socket object for every run, as the seed makes a new one
    m_fresh = false;
    const CallResult r = m_socket->socket(family, SOCK_STREAM);
    recordReturn(r, kSocketName);
    if (r.ok()) {
        m_watch->watch(m_socket);
        if (afterSocket)
            afterSocket();
    }
    finishStep(r, 1);
}

void TcpClientProgram::runConnectStep(const QString &host, quint16 port, int next)
{
    const qint64 t0 = m_timeline->nowUs();
    // connect() sends SYN at once: the state is SYN-SENT until the SYN-ACK arrives.
    // Too brief to read on loopback (PLATFORM-NOTES 9), so it is marked inferred.
    const TcpState before = m_watch->state();
    m_watch->assume(TcpState::SynSent);
    const CallResult r = m_socket->connect(host, port);
    recordStart(r, kSocketName, t0);
    if (r.failed() && r.errorDomain != ErrorDomain::Errno) {
        // Nothing was sent (bad address, busy): no SYN.
        m_watch->assume(before);
        onConnected(r, t0, next);
        return;
    }
    recordState(kSocketName, TcpState::Closed, TcpState::SynSent, EventSource::Inferred, -1, t0);
    m_remote = SockAddr { m_socket->family(),
        host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : host, port };
    m_local = m_socket->localAddress();
    m_watch->expect(
        m_local, m_remote); // a refusal read before connect() returns still knows its peer
    m_inferrer->connectStarted(m_local, m_remote, t0);
    whenDone(m_socket, r, [this, t0, next](const CallResult &res) { onConnected(res, t0, next); });
}

void TcpClientProgram::onConnected(const CallResult &r, qint64 t0, int next)
{
    if (r.ok()) {
        m_local = m_socket->localAddress();
        // SYN-SENT → ESTABLISHED, read from the kernel: SYN and SYN-ACK before
        // it, the client's ACK after it (SegmentInferrer::stateObserved/Recorded).
        m_watch->poll();
        m_inferrer->handshake(m_local, m_remote, t0); // if the reading came earlier
        recordReturn(r, kSocketName);
        finishStep(r, next);
        return;
    }
    if (r.errorDomain == ErrorDomain::Errno && r.errnum == ECONNREFUSED)
        m_inferrer->refused(m_local, m_remote, t0);
    m_watch->poll();
    if (m_watch->state() == TcpState::SynSent)
        m_watch->assume(TcpState::Closed);
    recordReturn(r, kSocketName);
    // A failed connect leaves the socket unusable (connect(2)): start over from socket().
    finishStep(r, 1);
    m_step = 0;
    emit changed();
}

void TcpClientProgram::runSendAllStep(const QByteArray &data, int next)
{
    const qint64 t0 = m_timeline->nowUs();
    const CallResult r = m_socket->sendall(data);
    recordStart(r, kSocketName, t0);
    whenDone(m_socket, r, [this, t0, next](const CallResult &res) {
        if (res.ok())
            m_inferrer->dataSent(
                Side::Client, m_local, m_remote, res.payload.size(), t0, m_socket->maxSegment());
        m_watch->poll(); // a reset shows before the error it caused
        recordReturn(res, kSocketName);
        finishStep(res, next);
    });
}

void TcpClientProgram::runCloseStep()
{
    const CallResult r
        = closeConnected(m_socket, m_watch, kSocketName, m_local, m_remote, m_bytesRead);
    finishStep(r, -1);
}
