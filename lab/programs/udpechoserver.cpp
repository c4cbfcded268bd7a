#include "udpechoserver.h"

#include "net/nativesocket.h"
#include "timeline/timeline.h"

#include <sys/socket.h>

namespace {
const QString kServer = QStringLiteral("server");
} // namespace

UdpEchoServer::UdpEchoServer(Timeline *timeline, QObject *parent)
    : SocketProgram(Side::Server, timeline, nullptr, parent)
{
    reset();
}

UdpEchoServer::~UdpEchoServer() = default;

void UdpEchoServer::setConfig(const Config &config)
{
    m_config = config;
    emit changed();
}

QStringList UdpEchoServer::stepNames() const
{
    return { QStringLiteral("socket(SOCK_DGRAM)"), QStringLiteral("bind()"),
        QStringLiteral("recvfrom(%1)").arg(m_config.bufsize), QStringLiteral("sendto()") };
}

TcpState UdpEchoServer::endpointState() const
{
    return TcpState::Unknown;
}

bool UdpEchoServer::isSettled() const
{
    return true;
}

QByteArray UdpEchoServer::replyFor(const QString &host)
{
    // The seed's own words, English in both UI languages: they are data, not UI.
    return QStringLiteral("IP:%1,you are just send one message.").arg(host).toUtf8();
}

void UdpEchoServer::reset()
{
    if (m_socket) {
        m_stopping = true; // a waiting recvfrom() ends with the close: no failure
        m_socket->close();
        m_stopping = false;
        m_socket->deleteLater();
    }
    m_socket = new NativeSocket(this);
    m_bound = {};
    m_peer = {};
    m_received.clear();
    m_step = Socket;
    m_waiting = false;
    m_running = false;
    m_lastFailure = {};
    emit changed();
}

bool UdpEchoServer::isOpen() const
{
    return m_socket && m_socket->isOpen();
}

void UdpEchoServer::stop()
{
    if (!m_socket->isOpen())
        return;
    m_stopping = true;
    const CallResult r = m_socket->close();
    m_stopping = false;
    recordReturn(r, kServer);
    m_socket->deleteLater();
    m_socket = new NativeSocket(this);
    m_step = Socket;
    m_waiting = false;
    m_running = false;
    emit changed();
}

void UdpEchoServer::dropDatagram()
{
    if (m_waiting || m_step < RecvFrom || !m_socket->isOpen())
        return;
    m_lastFailure = {};
    m_step = RecvFrom;
    emit changed();
}

bool UdpEchoServer::completesRun(int from, int next) const
{
    return next < 0 || from == SendTo;
}

void UdpEchoServer::runStep(int index)
{
    switch (Step(index)) {
    case Socket: {
        if (m_socket->isOpen()) {
            // Started over after stop(): a fresh socket object.
            m_socket->deleteLater();
            m_socket = new NativeSocket(this);
        }
        const int family = m_config.host.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
        const CallResult r = m_socket->socket(family, SOCK_DGRAM);
        recordReturn(r, kServer);
        finishStep(r, Bind);
        break;
    }
    case Bind: {
        const CallResult r = m_socket->bind(m_config.host, m_config.port);
        recordReturn(r, kServer);
        if (r.ok()) {
            m_bound = m_socket->localAddress();
            emit bound(m_bound);
        }
        finishStep(r, RecvFrom);
        break;
    }
    case RecvFrom: {
        const qint64 t0 = m_timeline->nowUs();
        const CallResult r = m_socket->recvfrom(m_config.bufsize);
        recordStart(r, kServer, t0);
        whenDone(m_socket, r, [this](const CallResult &res) { onReceived(res); });
        break;
    }
    case SendTo: {
        const QByteArray reply = replyFor(m_peer.host);
        const CallResult r = m_socket->sendto(reply, m_peer.host, m_peer.port);
        if (r.ok())
            recordDatagram(m_bound, m_peer, reply.left(r.value.toInt()), kServer);
        recordReturn(r, kServer); // the datagram left during the call
        finishStep(r, m_config.serveForever ? RecvFrom : -1);
        break;
    }
    case StepCount:
        break;
    }
}

void UdpEchoServer::onReceived(const CallResult &r)
{
    if (r.ok())
        recordArrivedDatagram(r, m_bound, kServer);
    recordReturn(r, kServer);
    if (r.ok()) {
        m_received = r.data;
        m_peer = r.addr;
        recordData(r.data, kServer);
        emit dataReceived(r.data);
    }
    finishStep(r, SendTo);
}
