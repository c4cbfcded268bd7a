#include "echoclient.h"

#include "net/nativesocket.h"
#include "net/statewatch.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

#include <cerrno>
#include <sys/socket.h>

namespace {
const QString kClient = QStringLiteral("client");
} // namespace

EchoClient::EchoClient(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : SocketProgram(Side::Client, timeline, inferrer, parent)
{
    connect(inferrer, &SegmentInferrer::clientReadingWanted, this,
        [this](const SockAddr &client, const SockAddr &) {
            if (m_watch && m_local.isValid() && client == m_local)
                m_watch->poll();
        });
    reset();
}

EchoClient::~EchoClient() = default;

void EchoClient::setConfig(const Config &config)
{
    m_config = config;
    emit changed();
}

QStringList EchoClient::stepNames() const
{
    return { QStringLiteral("socket()"), QStringLiteral("connect()"), QStringLiteral("sendall()"),
        QStringLiteral("recv(%1)").arg(m_config.bufsize), QStringLiteral("close()") };
}

TcpState EchoClient::endpointState() const
{
    const TcpState s = m_watch ? m_watch->state() : TcpState::Closed;
    return s == TcpState::Unknown ? TcpState::Closed : s;
}

bool EchoClient::isSettled() const
{
    const TcpState s = endpointState();
    return s == TcpState::Closed || s == TcpState::TimeWait;
}

void EchoClient::reset()
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
    followWatch(m_watch, kClient,
        [this] { return m_bytesRead + (m_socket ? m_socket->unreadBytes() : 0); });
    m_local = {};
    m_remote = {};
    m_reply.clear();
    m_bytesRead = 0;
    m_fresh = true;
    m_step = Socket;
    m_waiting = false;
    m_running = false;
    m_lastFailure = {};
    emit changed();
}

void EchoClient::runStep(int index)
{
    switch (Step(index)) {
    case Socket: {
        const int family = m_config.host.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
        if (!m_fresh) {
            // A fresh socket object for every run, as the seed makes a new one.
            m_watch->stop();
            m_watch->deleteLater();
            m_socket->deleteLater();
            m_socket = new NativeSocket(this);
            m_watch = new StateWatch(this);
            followWatch(m_watch, kClient,
                [this] { return m_bytesRead + (m_socket ? m_socket->unreadBytes() : 0); });
            m_local = {};
            m_remote = {};
            m_bytesRead = 0;
        }
        m_fresh = false;
        const CallResult r = m_socket->socket(family, SOCK_STREAM);
        recordReturn(r, kClient);
        if (r.ok()) {
            m_watch->watch(m_socket);
            if (m_config.timeout >= 0) {
                const CallResult t = m_socket->settimeout(m_config.timeout);
                recordReturn(t, kClient);
            }
        }
        finishStep(r, Connect);
        break;
    }
    case Connect: {
        const qint64 t0 = m_timeline->nowUs();
        // connect() sends SYN at once: the state is SYN-SENT until the SYN-ACK arrives.
        // Too brief to read on loopback (PLATFORM-NOTES 9), so it is marked inferred.
        const TcpState before = m_watch->state();
        m_watch->assume(TcpState::SynSent);
        const CallResult r = m_socket->connect(m_config.host, m_config.port);
        recordStart(r, kClient, t0);
        if (r.failed() && r.errorDomain != ErrorDomain::Errno) {
            // Nothing was sent (bad address, busy): no SYN.
            m_watch->assume(before);
            onConnected(r, t0);
            break;
        }
        recordState(kClient, TcpState::Closed, TcpState::SynSent, EventSource::Inferred, -1, t0);
        m_remote = SockAddr { m_socket->family(),
            m_config.host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1")
                                                        : m_config.host,
            m_config.port };
        m_local = m_socket->localAddress();
        m_watch->expect(
            m_local, m_remote); // a refusal read before connect() returns still knows its peer
        m_inferrer->connectStarted(m_local, m_remote, t0);
        whenDone(m_socket, r, [this, t0](const CallResult &res) { onConnected(res, t0); });
        break;
    }
    case SendAll: {
        const qint64 t0 = m_timeline->nowUs();
        const CallResult r = m_socket->sendall(m_config.message);
        recordStart(r, kClient, t0);
        auto done = [this, t0](const CallResult &res) {
            if (res.ok())
                m_inferrer->dataSent(Side::Client, m_local, m_remote, res.payload.size(), t0);
            m_watch->poll(); // a reset shows before the error it caused
            recordReturn(res, kClient);
            finishStep(res, Recv);
        };
        whenDone(m_socket, r, done);
        break;
    }
    case Recv: {
        const qint64 t0 = m_timeline->nowUs();
        const CallResult r = m_socket->recv(m_config.bufsize);
        recordStart(r, kClient, t0);
        auto done = [this, t0](const CallResult &res) {
            recordReceived(m_socket, m_watch, kClient, m_local, m_remote, m_bytesRead, res, t0);
            m_watch->poll();
            if (res.ok())
                m_reply = res.data;
            finishStep(res, Close);
        };
        whenDone(m_socket, r, done);
        break;
    }
    case Close: {
        const CallResult r
            = closeConnected(m_socket, m_watch, kClient, m_local, m_remote, m_bytesRead);
        finishStep(r, -1);
        break;
    }
    case StepCount:
        break;
    }
}

void EchoClient::onConnected(const CallResult &r, qint64 t0)
{
    if (r.ok()) {
        m_local = m_socket->localAddress();
        // SYN-SENT → ESTABLISHED, read from the kernel: SYN and SYN-ACK before
        // it, the client's ACK after it (SegmentInferrer::stateObserved/Recorded).
        m_watch->poll();
        m_inferrer->handshake(m_local, m_remote, t0); // if the reading came earlier
        recordReturn(r, kClient);
        finishStep(r, SendAll);
        return;
    }
    if (r.errorDomain == ErrorDomain::Errno && r.errnum == ECONNREFUSED)
        m_inferrer->refused(m_local, m_remote, t0);
    m_watch->poll();
    if (m_watch->state() == TcpState::SynSent)
        m_watch->assume(TcpState::Closed);
    recordReturn(r, kClient);
    // A failed connect leaves the socket unusable (connect(2)): start over from socket().
    finishStep(r, Connect);
    m_step = Socket;
    emit changed();
}
