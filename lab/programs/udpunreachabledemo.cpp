#include "udpunreachabledemo.h"

#include "net/kernelcounters.h"
#include "net/nativesocket.h"
#include "timeline/timeline.h"

#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>

namespace {
const QString kClosedPort = QStringLiteral("closed-port");
const QString kConnected = QStringLiteral("connected");
const QString kUnconnected = QStringLiteral("unconnected");
const QString kRecvErr = QStringLiteral("recverr");

bool isRefused(const CallResult &r)
{
    return r.errorDomain == ErrorDomain::Errno && r.errnum == ECONNREFUSED;
}
} // namespace

UdpUnreachableDemo::UdpUnreachableDemo(
    Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : ScriptedDemo(timeline, inferrer, parent)
{
}

QByteArray UdpUnreachableDemo::message()
{
    return QByteArrayLiteral("ping");
}

Side UdpUnreachableDemo::sideOf(NativeSocket *socket) const
{
    return socket == m_reserve ? Side::Server : Side::Client;
}

QString UdpUnreachableDemo::nameOf(NativeSocket *socket) const
{
    if (socket == m_reserve)
        return kClosedPort;
    if (socket == m_connected)
        return kConnected;
    if (socket == m_unconnected)
        return kUnconnected;
    return kRecvErr;
}

std::optional<qint64> UdpUnreachableDemo::icmpCounter() const
{
    return KernelCounters::snmp(m_family == AF_INET6 ? QStringLiteral("Icmp6OutDestUnreachs")
                                                     : QStringLiteral("Icmp:OutDestUnreachs"));
}

QString UdpUnreachableDemo::counted(int part) const
{
    return m_icmp[part] ? QString::number(*m_icmp[part]) : QStringLiteral("?");
}

void UdpUnreachableDemo::run()
{
    for (NativeSocket *s : { m_reserve, m_connected, m_unconnected, m_recverr }) {
        if (s)
            s->deleteLater();
    }
    m_reserve = new NativeSocket(this);
    m_connected = new NativeSocket(this);
    m_unconnected = new NativeSocket(this);
    m_recverr = new NativeSocket(this);
    for (CallResult &r : m_receive)
        r = {};
    for (auto &c : m_icmp)
        c.reset();
    m_family = m_host.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
    m_closedPort = m_port;
    if (m_closedPort == 0) {
        // A port that surely has no socket: one the kernel just gave us and took back.
        CallResult r = m_reserve->socket(m_family, SOCK_DGRAM);
        recordReturn(r, m_reserve);
        if (r.ok()) {
            r = m_reserve->bind(m_host, 0);
            recordReturn(r, m_reserve);
        }
        if (!r.ok()) {
            fail(r);
            return;
        }
        m_closedPort = m_reserve->localAddress().port;
        r = m_reserve->close();
        recordReturn(r, m_reserve);
    }
    recordNote(QT_TRANSLATE_NOOP("Note",
                   "Nobody listens on UDP port %1 now. Part 1: a connected UDP socket sends a "
                   "datagram there and waits for an answer with recv()."),
        { QString::number(m_closedPort) });
    partOne();
}

bool UdpUnreachableDemo::openClient(NativeSocket *socket)
{
    CallResult r = socket->socket(m_family, SOCK_DGRAM);
    recordReturn(r, socket);
    if (r.ok()) {
        r = socket->settimeout(kTimeout);
        recordReturn(r, socket);
    }
    if (!r.ok())
        fail(r);
    return r.ok();
}

void UdpUnreachableDemo::recordDatagram(NativeSocket *socket, qint64 tUs)
{
    LabEvent e;
    e.tUs = tUs;
    e.side = Side::Client;
    e.kind = EventKind::Datagram;
    e.source = EventSource::Inferred;
    e.socket = nameOf(socket);
    // An unconnected socket is bound to the wildcard; on loopback the
    // datagram leaves from the loopback address itself.
    SockAddr from = socket->localAddress();
    if (from.host == QLatin1String("0.0.0.0") || from.host == QLatin1String("::"))
        from.host = m_host;
    e.src = from.toString();
    e.dst = SockAddr { m_family, m_host, m_closedPort }.toString();
    e.len = message().size();
    e.bytes = message();
    e.encoding = QStringLiteral("utf-8");
    m_timeline->append(e);
}

void UdpUnreachableDemo::receiveOn(NativeSocket *socket, int part, std::function<void()> next)
{
    const qint64 t0 = m_timeline->nowUs();
    const CallResult r = socket == m_connected ? socket->recv(1024) : socket->recvfrom(1024);
    recordStart(r, socket, t0);
    whenDone(socket, r, [this, socket, part, next](const CallResult &res) {
        recordReturn(res, socket);
        if (res.ok())
            recordData(res.data, socket);
        m_receive[part] = res;
        const auto now = icmpCounter();
        if (now && m_icmpBefore)
            m_icmp[part] = *now - *m_icmpBefore;
        next();
    });
}

void UdpUnreachableDemo::partOne()
{
    m_icmpBefore = icmpCounter();
    if (!openClient(m_connected))
        return;
    // connect() on UDP sends nothing: it only sets the peer for send() and recv().
    CallResult r = m_connected->connect(m_host, m_closedPort);
    recordReturn(r, m_connected);
    if (!r.ok()) {
        fail(r);
        return;
    }
    const qint64 t0 = m_timeline->nowUs();
    r = m_connected->send(message());
    recordStart(r, m_connected, t0);
    if (r.ok())
        recordDatagram(m_connected, t0);
    recordReturn(r, m_connected);
    if (!r.ok()) {
        fail(r);
        return;
    }
    receiveOn(m_connected, 0, [this] {
        const CallResult &res = m_receive[0];
        if (!isRefused(res)) {
            fail(res);
            return;
        }
        recordNote(
            QT_TRANSLATE_NOOP("Note",
                "connect() on a UDP socket sends nothing; it only fixes the peer. send() "
                "succeeded: the datagram left. Nobody listened on port %1, so the kernel answered "
                "with ICMP port unreachable (its counter of those rose by %2). The socket is "
                "connected, so Linux hands it the error: recv() fails with "
                "ConnectionRefusedError, errno %3 (ECONNREFUSED)."),
            { QString::number(m_closedPort), counted(0), QString::number(res.errnum) });
        const CallResult c = m_connected->close();
        recordReturn(c, m_connected);
        partTwo();
    });
}

void UdpUnreachableDemo::partTwo()
{
    m_icmpBefore = icmpCounter();
    if (!openClient(m_unconnected))
        return;
    const qint64 t0 = m_timeline->nowUs();
    const CallResult r = m_unconnected->sendto(message(), m_host, m_closedPort);
    recordStart(r, m_unconnected, t0);
    if (r.ok())
        recordDatagram(m_unconnected, t0);
    recordReturn(r, m_unconnected);
    if (!r.ok()) {
        fail(r);
        return;
    }
    const qint64 waitFrom = m_timeline->nowUs();
    receiveOn(m_unconnected, 1, [this, waitFrom] {
        const CallResult &res = m_receive[1];
        if (res.errorDomain != ErrorDomain::Timeout) {
            fail(res);
            return;
        }
        recordNote(
            QT_TRANSLATE_NOOP("Note",
                "Part 2: an unconnected socket sends the same datagram with sendto(). The kernel "
                "answered with ICMP port unreachable again (its counter rose by %1), yet "
                "recvfrom() saw no error: it timed out after %2 ms. Linux reports ICMP errors "
                "only to connected UDP sockets, since an unconnected one may talk to many peers. "
                "Without settimeout() recvfrom() would wait forever, as the source text's UDP "
                "client does."),
            { counted(1), QString::number((m_timeline->nowUs() - waitFrom) / 1000.0, 'f', 1) });
        const CallResult c = m_unconnected->close();
        recordReturn(c, m_unconnected);
        partThree();
    });
}

void UdpUnreachableDemo::partThree()
{
    m_icmpBefore = icmpCounter();
    CallResult r = m_recverr->socket(m_family, SOCK_DGRAM);
    recordReturn(r, m_recverr);
    if (r.ok()) {
        // ip(7) IP_RECVERR, ipv6(7) IPV6_RECVERR: queue ICMP errors for this socket too.
        const bool v6 = m_family == AF_INET6;
        r = m_recverr->setsockopt(
            v6 ? IPPROTO_IPV6 : IPPROTO_IP, v6 ? IPV6_RECVERR : IP_RECVERR, 1);
        r.args = { v6 ? QStringLiteral("IPPROTO_IPV6") : QStringLiteral("IPPROTO_IP"),
            v6 ? QStringLiteral("IPV6_RECVERR") : QStringLiteral("IP_RECVERR"),
            QStringLiteral("1") };
        recordReturn(r, m_recverr);
    }
    if (r.ok()) {
        r = m_recverr->settimeout(kTimeout);
        recordReturn(r, m_recverr);
    }
    if (!r.ok()) {
        fail(r);
        return;
    }
    const qint64 t0 = m_timeline->nowUs();
    r = m_recverr->sendto(message(), m_host, m_closedPort);
    recordStart(r, m_recverr, t0);
    if (r.ok())
        recordDatagram(m_recverr, t0);
    recordReturn(r, m_recverr);
    if (!r.ok()) {
        fail(r);
        return;
    }
    receiveOn(m_recverr, 2, [this] {
        const CallResult &res = m_receive[2];
        if (!isRefused(res)) {
            fail(res);
            return;
        }
        recordNote(
            QT_TRANSLATE_NOOP("Note",
                "Part 3: the same unconnected socket with setsockopt(%1, %2, 1) asks for ICMP "
                "errors too (ip(7)). The kernel's counter rose by %3 and recvfrom() fails at once "
                "with errno %4 (ECONNREFUSED); the error's details wait in the socket's error "
                "queue (recvmsg() with MSG_ERRQUEUE)."),
            { m_family == AF_INET6 ? QStringLiteral("IPPROTO_IPV6") : QStringLiteral("IPPROTO_IP"),
                m_family == AF_INET6 ? QStringLiteral("IPV6_RECVERR")
                                     : QStringLiteral("IP_RECVERR"),
                counted(2), QString::number(res.errnum) });
        const CallResult c = m_recverr->close();
        recordReturn(c, m_recverr);
        succeed();
    });
}
