#include "httpgetclient.h"

#include "net/nativesocket.h"
#include "net/statewatch.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

#include <cerrno>
#include <sys/socket.h>

namespace {
const QString kClient = QStringLiteral("client");
} // namespace

QByteArray HttpGetClient::request(const QString &host, quint16 port, int padding)
{
    QByteArray r = QByteArrayLiteral("GET / HTTP/1.1\r\nHost: ") + host.toUtf8() + ':'
        + QByteArray::number(port) + QByteArrayLiteral("\r\n");
    if (padding > 0)
        r += QByteArrayLiteral("X-Padding: ") + QByteArray(padding, 'x')
            + QByteArrayLiteral("\r\n");
    return r + QByteArrayLiteral("\r\n");
}

HttpGetClient::HttpGetClient(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : SocketProgram(Side::Client, timeline, inferrer, parent)
{
    connect(inferrer, &SegmentInferrer::clientReadingWanted, this,
        [this](const SockAddr &client, const SockAddr &) {
            if (m_watch && m_local.isValid() && client == m_local)
                m_watch->poll();
        });
    reset();
}

HttpGetClient::~HttpGetClient() = default;

void HttpGetClient::setConfig(const Config &config)
{
    m_config = config;
    emit changed();
}

QStringList HttpGetClient::stepNames() const
{
    return { QStringLiteral("socket()"), QStringLiteral("connect()"), QStringLiteral("sendall()"),
        QStringLiteral("recv(%1)").arg(m_config.bufsize), QStringLiteral("close()") };
}

TcpState HttpGetClient::endpointState() const
{
    const TcpState s = m_watch ? m_watch->state() : TcpState::Closed;
    return s == TcpState::Unknown ? TcpState::Closed : s;
}

bool HttpGetClient::isSettled() const
{
    const TcpState s = endpointState();
    return s == TcpState::Closed || s == TcpState::TimeWait;
}

void HttpGetClient::renew()
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
    m_bytesRead = 0;
}

void HttpGetClient::reset()
{
    renew();
    m_response.clear();
    m_fresh = true;
    m_step = Socket;
    m_waiting = false;
    m_running = false;
    m_lastFailure = {};
    emit changed();
}

void HttpGetClient::runStep(int index)
{
    switch (Step(index)) {
    case Socket: {
        const int family = m_config.host.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
        if (!m_fresh) {
            renew(); // a fresh socket object for every run
            m_response.clear();
        }
        m_fresh = false;
        const CallResult r = m_socket->socket(family, SOCK_STREAM);
        recordReturn(r, kClient);
        if (r.ok())
            m_watch->watch(m_socket);
        finishStep(r, Connect);
        break;
    }
    case Connect: {
        const qint64 t0 = m_timeline->nowUs();
        // connect() sends SYN at once: SYN-SENT until the SYN-ACK arrives, too
        // brief to read on loopback, so it is marked inferred.
        const TcpState before = m_watch->state();
        m_watch->assume(TcpState::SynSent);
        const CallResult r = m_socket->connect(m_config.host, m_config.port);
        recordStart(r, kClient, t0);
        if (r.failed() && r.errorDomain != ErrorDomain::Errno) {
            m_watch->assume(before); // nothing was sent: no SYN
            onConnected(r, t0);
            break;
        }
        recordState(kClient, TcpState::Closed, TcpState::SynSent, EventSource::Inferred, -1, t0);
        m_remote = SockAddr { m_socket->family(),
            m_config.host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1")
                                                        : m_config.host,
            m_config.port };
        m_local = m_socket->localAddress();
        m_watch->expect(m_local, m_remote);
        m_inferrer->connectStarted(m_local, m_remote, t0);
        whenDone(m_socket, r, [this, t0](const CallResult &res) { onConnected(res, t0); });
        break;
    }
    case SendAll: {
        const qint64 t0 = m_timeline->nowUs();
        const CallResult r
            = m_socket->sendall(request(m_config.host, m_config.port, m_config.padding));
        recordStart(r, kClient, t0);
        whenDone(m_socket, r, [this, t0](const CallResult &res) {
            if (res.ok())
                m_inferrer->dataSent(Side::Client, m_local, m_remote, res.payload.size(), t0);
            m_watch->poll(); // a reset shows before the error it caused
            recordReturn(res, kClient);
            finishStep(res, Recv);
        });
        break;
    }
    case Recv: {
        const qint64 t0 = m_timeline->nowUs();
        const CallResult r = m_socket->recv(m_config.bufsize);
        recordStart(r, kClient, t0);
        whenDone(m_socket, r, [this, t0](const CallResult &res) {
            recordReceived(m_socket, m_watch, kClient, m_local, m_remote, m_bytesRead, res, t0);
            m_watch->poll();
            if (res.ok())
                m_response += res.data;
            // No Content-Length from the seed's server: only its FIN (b"") ends the response.
            finishStep(res, res.ok() && res.data.isEmpty() ? Close : Recv);
        });
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

void HttpGetClient::onConnected(const CallResult &r, qint64 t0)
{
    if (r.ok()) {
        m_local = m_socket->localAddress();
        m_watch->poll();
        m_inferrer->handshake(m_local, m_remote, t0);
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
