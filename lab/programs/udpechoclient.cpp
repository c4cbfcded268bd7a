#include "udpechoclient.h"

#include "net/nativesocket.h"
#include "timeline/timeline.h"

#include <sys/socket.h>

namespace {
const QString kClient = QStringLiteral("client");
} // namespace

UdpEchoClient::UdpEchoClient(Timeline *timeline, QObject *parent)
    : SocketProgram(Side::Client, timeline, nullptr, parent)
{
    reset();
}

UdpEchoClient::~UdpEchoClient() = default;

void UdpEchoClient::setConfig(const Config &config)
{
    m_config = config;
    emit changed();
}

bool UdpEchoClient::isStepUsed(int index) const
{
    return index != SetTimeout || m_config.timeout >= 0;
}

QStringList UdpEchoClient::stepNames() const
{
    const QString timeout
        = m_config.timeout < 0 ? QStringLiteral("None") : QString::number(m_config.timeout);
    return { QStringLiteral("socket(SOCK_DGRAM)"), QStringLiteral("settimeout(%1)").arg(timeout),
        QStringLiteral("sendto()"), QStringLiteral("recvfrom(%1)").arg(m_config.bufsize),
        QStringLiteral("close()") };
}

TcpState UdpEchoClient::endpointState() const
{
    return TcpState::Unknown;
}

bool UdpEchoClient::isSettled() const
{
    return true;
}

void UdpEchoClient::reset()
{
    if (m_socket) {
        m_stopping = true; // a waiting recvfrom() ends with the close: no failure
        m_socket->close();
        m_stopping = false;
        m_socket->deleteLater();
    }
    m_socket = new NativeSocket(this);
    m_reply.clear();
    m_replyFrom = {};
    m_fresh = true;
    m_step = Socket;
    m_waiting = false;
    m_running = false;
    m_lastFailure = {};
    emit changed();
}

void UdpEchoClient::runStep(int index)
{
    switch (Step(index)) {
    case Socket: {
        if (!m_fresh) {
            // A fresh socket object for every run, as the seed makes a new one.
            m_socket->deleteLater();
            m_socket = new NativeSocket(this);
            m_reply.clear();
            m_replyFrom = {};
        }
        m_fresh = false;
        const int family = m_config.host.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
        const CallResult r = m_socket->socket(family, SOCK_DGRAM);
        recordReturn(r, kClient);
        // The seed's client has no settimeout(): with None the call is left out.
        finishStep(r, m_config.timeout < 0 ? SendTo : SetTimeout);
        break;
    }
    case SetTimeout: {
        const CallResult r = m_socket->settimeout(m_config.timeout);
        recordReturn(r, kClient);
        finishStep(r, SendTo);
        break;
    }
    case SendTo: {
        const CallResult r = m_socket->sendto(m_config.message, m_config.host, m_config.port);
        if (r.ok()) {
            // "localhost" and the like as the kernel resolved them.
            socklen_t len = 0;
            int gai = 0;
            SockAddr to { m_socket->family(), m_config.host, m_config.port };
            if (const auto ss = SockAddr::toNative(to.family, to.host, to.port, &len, &gai)) {
                if (const auto a
                    = SockAddr::fromNative(reinterpret_cast<const sockaddr *>(&*ss), len))
                    to = *a;
            }
            recordDatagram(
                m_socket->localAddress(), to, m_config.message.left(r.value.toInt()), kClient);
        }
        recordReturn(r, kClient); // the datagram left during the call
        finishStep(r, RecvFrom);
        break;
    }
    case RecvFrom: {
        const qint64 t0 = m_timeline->nowUs();
        const CallResult r = m_socket->recvfrom(m_config.bufsize);
        recordStart(r, kClient, t0);
        whenDone(m_socket, r, [this](const CallResult &res) {
            if (res.ok())
                recordArrivedDatagram(res, m_socket->localAddress(), kClient);
            recordReturn(res, kClient);
            if (res.ok()) {
                m_reply = res.data;
                m_replyFrom = res.addr;
                recordData(res.data, kClient);
                emit dataReceived(res.data);
            }
            finishStep(res, Close);
        });
        break;
    }
    case Close: {
        const CallResult r = m_socket->close();
        recordReturn(r, kClient);
        finishStep(r, -1);
        break;
    }
    case StepCount:
        break;
    }
}
