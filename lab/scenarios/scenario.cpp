#include "scenario.h"

#include "scenariosim.h"

#include "net/sockaddr.h"
#include "tcp/tcpconnection.h"
#include "timeline/timeline.h"

#include <QFile>
#include <QHash>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace {

using namespace ScenarioSim;

const QList<ScenarioInfo> kScenarios = {
    { QStringLiteral("three-way-handshake"), QT_TRANSLATE_NOOP("Scenario", "Three-way handshake"),
        QT_TRANSLATE_NOOP("Scenario", "connect() and accept(): SYN, SYN-ACK, ACK") },
    { QStringLiteral("tcp-echo"),
        QT_TRANSLATE_NOOP("Scenario", "TCP echo (the source text's exchange)"),
        QT_TRANSLATE_NOOP(
            "Scenario", "handshake, 请求连接 and 你已连接成功。, the server closes first") },
    { QStringLiteral("four-way-close"), QT_TRANSLATE_NOOP("Scenario", "Four-way close"),
        QT_TRANSLATE_NOOP("Scenario", "FIN, ACK, FIN, ACK, then TIME-WAIT for 2·MSL") },
    { QStringLiteral("three-segment-close"), QT_TRANSLATE_NOOP("Scenario", "Three-segment close"),
        QT_TRANSLATE_NOOP("Scenario", "the ACK rides on the peer's FIN: FIN, FIN-ACK, ACK") },
    { QStringLiteral("connection-refused"), QT_TRANSLATE_NOOP("Scenario", "Connection refused"),
        QT_TRANSLATE_NOOP(
            "Scenario", "nothing listens: SYN answered by RST,ACK; connect_ex gives 111") },
    { QStringLiteral("syn-retransmit"),
        QT_TRANSLATE_NOOP("Scenario", "SYN retransmission (RFC 6298)"),
        QT_TRANSLATE_NOOP("Scenario", "the SYN is lost and resent after 1 s, then 2 s") },
    { QStringLiteral("syn-retransmit-linux"),
        QT_TRANSLATE_NOOP("Scenario", "SYN retransmission (this kernel)"),
        QT_TRANSLATE_NOOP("Scenario",
            "every SYN lost: the schedule of tcp_syn_retries and tcp_syn_linear_timeouts") },
    { QStringLiteral("simultaneous-open"), QT_TRANSLATE_NOOP("Scenario", "Simultaneous open"),
        QT_TRANSLATE_NOOP("Scenario", "two SYNs cross: both SYN-RECEIVED, then ESTABLISHED") },
    { QStringLiteral("simultaneous-close"), QT_TRANSLATE_NOOP("Scenario", "Simultaneous close"),
        QT_TRANSLATE_NOOP("Scenario", "two FINs cross: both CLOSING, then TIME-WAIT") },
    { QStringLiteral("half-close"), QT_TRANSLATE_NOOP("Scenario", "Half-close"),
        QT_TRANSLATE_NOOP(
            "Scenario", "shutdown(SHUT_WR): FIN-WAIT-2 while data still flows back") },
    { QStringLiteral("abort"), QT_TRANSLATE_NOOP("Scenario", "Abort (RST)"),
        QT_TRANSLATE_NOOP("Scenario", "SO_LINGER 0 then close(): RST, and the peer's recv fails") },
    { QStringLiteral("backlog-full"), QT_TRANSLATE_NOOP("Scenario", "Full accept queue"),
        QT_TRANSLATE_NOOP("Scenario",
            "listen(1): two connections complete, the third client's SYNs are dropped until "
            "accept()") },
    { QStringLiteral("udp-echo"), QT_TRANSLATE_NOOP("Scenario", "UDP echo"),
        QT_TRANSLATE_NOOP("Scenario", "datagrams with sendto/recvfrom: no handshake, no states") },
};

// Addresses and initial sequence numbers of the scripts: real-looking, fixed,
// so the raw numbers differ from the relative ones as on a real wire.
const SockAddr kServer { AF_INET, QStringLiteral("127.0.0.1"), 8888 };
SockAddr clientAddr(int i = 0)
{
    return { AF_INET, QStringLiteral("127.0.0.1"), quint16(40000 + i) };
}
constexpr quint32 kClientIss = 3892146337u;
constexpr quint32 kServerIss = 1174328665u;
constexpr qint64 kMs = 1000;

const QString kAddr = QStringLiteral("('127.0.0.1', 8888)");

/** The server's set-up: socket, setsockopt, bind, listen, then accept() waiting. */
Endpoint *serverListens(Sim &sim, int backlog = 5, bool accept = true,
    const QString &program = QStringLiteral("tcp_server"))
{
    Endpoint *l = sim.add(Side::Server, QStringLiteral("listener"), program, kServer, kServerIss);
    sim.call(l, QStringLiteral("socket"),
        { QStringLiteral("AF_INET"), QStringLiteral("SOCK_STREAM") }, 3);
    sim.call(l, QStringLiteral("setsockopt"),
        { QStringLiteral("SOL_SOCKET"), QStringLiteral("SO_REUSEADDR"), QStringLiteral("1") }, 0);
    sim.call(l, QStringLiteral("bind"), { kAddr }, 0);
    sim.call(l, QStringLiteral("listen"), { QString::number(backlog) }, 0);
    sim.openPassive(l, backlog);
    if (accept)
        sim.start(l, QStringLiteral("accept"), {});
    return l;
}

/** A client's socket() and connect(); the handshake runs as the clock advances. */
Endpoint *clientConnects(Sim &sim, int i = 0, const QString &program = QStringLiteral("tcp_client"),
    const QString &call = QStringLiteral("connect"))
{
    Endpoint *c
        = sim.add(Side::Client, QString(), program, clientAddr(i), kClientIss + quint32(i) * 7919u);
    sim.call(c, QStringLiteral("socket"),
        { QStringLiteral("AF_INET"), QStringLiteral("SOCK_STREAM") }, 3 + i);
    sim.start(c, call, { kAddr });
    Endpoint server;
    server.addr = kServer;
    sim.openActive(c, &server);
    return c;
}

/** The connection accept() returned on @p listener (waiting for one if it has not yet). */
Endpoint *accepted(Sim &sim, Endpoint *listener)
{
    if (listener->pendingCall != QLatin1String("accept") && !listener->accepted)
        sim.start(listener, QStringLiteral("accept"), {});
    if (!listener->accepted)
        sim.acceptFrom(listener);
    Endpoint *e = listener->accepted;
    listener->accepted = nullptr;
    return e;
}

/** The server listening, the client (running @p program) connected, the connection accepted. */
struct Pair
{
    Endpoint *listener = nullptr;
    Endpoint *client = nullptr;
    Endpoint *server = nullptr;
};

Pair connectedPair(Sim &sim, const QString &program = QStringLiteral("tcp_client"),
    const QString &serverProgram = QStringLiteral("tcp_server"))
{
    Pair p;
    p.listener = serverListens(sim, 5, true, serverProgram);
    sim.advance(100 * kMs);
    p.client = clientConnects(sim, 0, program);
    sim.advance(100 * kMs);
    p.server = accepted(sim, p.listener);
    return p;
}

/** sendall(): the call, the data handed to the model, the return. */
void sendall(Sim &sim, Endpoint *e, const QByteArray &bytes)
{
    sim.start(e, QStringLiteral("sendall"), {});
    sim.send(e, bytes);
    sim.finish(e, {});
}

/** close(): the call and the model's CLOSE (a FIN in ESTABLISHED or CLOSE-WAIT). */
void closeSocket(Sim &sim, Endpoint *e)
{
    sim.call(e, QStringLiteral("close"), {}, 0);
    sim.close(e);
}

/** A waiting recv() returns @p bytes (b"" for the end of stream). */
void received(Sim &sim, Endpoint *e, const QByteArray &bytes)
{
    sim.finish(e, bytes.size());
    sim.data(e, bytes);
}

void handshake(Sim &sim)
{
    connectedPair(sim);
}

void tcpEcho(Sim &sim)
{
    const Pair p = connectedPair(sim);
    const QByteArray request = QStringLiteral("请求连接").toUtf8();
    const QByteArray reply = QStringLiteral("你已连接成功。").toUtf8();
    sim.start(p.server, QStringLiteral("recv"), { QStringLiteral("1024") });
    sim.advance(50 * kMs);
    sendall(sim, p.client, request);
    sim.start(p.client, QStringLiteral("recv"), { QStringLiteral("1024") });
    sim.advance(Scenarios::kOneWayDelayUs); // the server's recv() returns as the data arrives
    sendall(sim, p.server, reply);
    sim.advance(Scenarios::kOneWayDelayUs); // … and the client's
    closeSocket(sim, p.server); // the seed's server closes first
    sim.advance(50 * kMs);
    closeSocket(sim, p.client);
    sim.runAll(); // through TIME-WAIT
}

void fourWayClose(Sim &sim, bool threeSegments)
{
    const Pair p
        = connectedPair(sim, QStringLiteral("tcp_client"), QStringLiteral("tcp_server_eof"));
    Endpoint *c = p.client;
    Endpoint *s = p.server;
    sim.start(s, QStringLiteral("recv"), { QStringLiteral("1024") });
    sim.advance(100 * kMs);
    if (threeSegments) {
        // The server's program closes the moment recv() returns b"": its ACK
        // of the client's FIN is still delayed, so it rides on the server's FIN.
        sim.delayPureAcksOf = s;
        sim.onNotice = [&sim, s](Endpoint *e, TcpConnection::Notice n) {
            if (e == s && n == TcpConnection::Notice::EndOfStream) {
                closeSocket(sim, s);
                sim.delayPureAcksOf = nullptr;
            }
        };
        closeSocket(sim, c);
    } else {
        closeSocket(sim, c);
        sim.advance(50 * kMs); // the server's recv() returned b"" when the FIN arrived
        closeSocket(sim, s);
    }
    sim.runAll();
}

} // namespace

const QList<ScenarioInfo> &Scenarios::list()
{
    return kScenarios;
}

namespace {

using namespace ScenarioSim;

void refused(Sim &sim)
{
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "No program listens on 127.0.0.1:8888. The client uses connect_ex(), which returns the "
        "error number instead of raising it."));
    Endpoint *c
        = clientConnects(sim, 0, QStringLiteral("tcp_client_ex"), QStringLiteral("connect_ex"));
    sim.runAll();
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "connect_ex returned 111 (ECONNREFUSED) on Linux. On Windows the same refusal is 10061 "
        "(WSAECONNREFUSED), the number the source text quotes."));
    sim.call(c, QStringLiteral("close"), {}, 0);
}

void synRetransmit(Sim &sim)
{
    // RFC 6298: the first RTO is 1 s, then it doubles. The first two SYNs are lost.
    sim.setSynSchedule(6, 0);
    Endpoint *l = serverListens(sim);
    sim.advance(100 * kMs);
    int synsLost = 0;
    sim.lose = [&synsLost](const Endpoint &from, const TcpSegment &seg) {
        if (from.side == Side::Client && seg.has(TcpSyn) && synsLost < 2) {
            ++synsLost;
            return true;
        }
        return false;
    };
    clientConnects(sim);
    sim.advance(5000 * kMs);
    accepted(sim, l);
}

/** Linux's tcp_syn_retries and tcp_syn_linear_timeouts (0 where the kernel lacks it). */
std::pair<int, int> linuxSynSysctls()
{
    auto read = [](const char *path, int fallback) {
        QFile f(QString::fromLatin1(path));
        bool ok = false;
        const int v = f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toInt(&ok) : 0;
        return ok ? v : fallback;
    };
    return { read("/proc/sys/net/ipv4/tcp_syn_retries", 6),
        read("/proc/sys/net/ipv4/tcp_syn_linear_timeouts", 0) };
}

void synRetransmitLinux(Sim &sim)
{
    const auto [retries, linear] = linuxSynSysctls();
    sim.setSynSchedule(retries, linear);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
                    "This kernel: tcp_syn_retries = %1, tcp_syn_linear_timeouts = %2. Linux adds "
                    "the two, so a connect() makes %3 retransmissions; the first %4 come 1 s "
                    "apart, then the gap doubles. Every SYN is lost here."),
        { QString::number(retries), QString::number(linear), QString::number(retries + linear),
            QString::number(linear + 1) });
    sim.lose = [](const Endpoint &from, const TcpSegment &seg) {
        return from.side == Side::Client && seg.has(TcpSyn);
    };
    Endpoint *c = clientConnects(sim);
    sim.runAll();
    sim.call(c, QStringLiteral("close"), {}, 0);
}

void simultaneousOpen(Sim &sim)
{
    // Two programs connect to each other's port at the same moment (RFC 9293 §3.5, figure 8).
    Endpoint *a
        = sim.add(Side::Client, QString(), QStringLiteral("tcp_peer"), clientAddr(), kClientIss);
    Endpoint *b = sim.add(Side::Server, QString(), QStringLiteral("tcp_peer"), kServer, kServerIss);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "Both ends call connect() to each other at the same moment; neither listens. (On Linux "
        "this happens when a socket bound to a port connects to that very port.)"));
    sim.call(a, QStringLiteral("bind"), { QStringLiteral("('127.0.0.1', 40000)") }, 0);
    sim.call(b, QStringLiteral("bind"), { kAddr }, 0);
    sim.start(a, QStringLiteral("connect"), { kAddr });
    sim.start(b, QStringLiteral("connect"), { QStringLiteral("('127.0.0.1', 40000)") });
    sim.openActive(a, b);
    b->peer = a->addr;
    b->stream = a->stream;
    sim.apply(b, b->tcp->open(true));
    sim.runAll();
}

void simultaneousClose(Sim &sim)
{
    const Pair p
        = connectedPair(sim, QStringLiteral("tcp_client"), QStringLiteral("tcp_server_eof"));
    sim.advance(100 * kMs);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "Both programs call close() at the same moment: the two FINs cross on the wire."));
    closeSocket(sim, p.client);
    closeSocket(sim, p.server);
    sim.runAll();
}

void halfClose(Sim &sim)
{
    const Pair p = connectedPair(sim, QStringLiteral("tcp_client_halfclose"));
    sim.advance(50 * kMs);
    const QByteArray request = QStringLiteral("请求连接").toUtf8();
    const QByteArray reply = QStringLiteral("你已连接成功。").toUtf8();
    sendall(sim, p.client, request);
    sim.call(p.client, QStringLiteral("shutdown"), { QStringLiteral("SHUT_WR") }, 0);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "The client has said everything: shutdown(SHUT_WR) sends a FIN but keeps the socket open "
        "for reading."));
    sim.close(p.client); // in TCP terms a half-close is the CLOSE call (RFC 9293 §3.10.4)
    sim.start(p.client, QStringLiteral("recv"), { QStringLiteral("1024") });
    sim.advance(50 * kMs);
    sim.start(p.server, QStringLiteral("recv"), { QStringLiteral("1024") });
    received(sim, p.server, request); // already in the receive buffer
    sendall(sim, p.server, reply);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "The server still sends its reply: the client, in FIN-WAIT-2, receives it normally."));
    sim.advance(Scenarios::kOneWayDelayUs);
    sim.start(p.client, QStringLiteral("recv"), { QStringLiteral("1024") });
    sim.advance(40 * kMs);
    closeSocket(sim, p.server); // its FIN ends the client's reading: recv() returns b""
    sim.advance(2 * Scenarios::kOneWayDelayUs);
    sim.call(p.client, QStringLiteral("close"), {}, 0); // TCP is already in TIME-WAIT
    sim.runAll();
}

void abortScenario(Sim &sim)
{
    const Pair p
        = connectedPair(sim, QStringLiteral("tcp_client_abort"), QStringLiteral("tcp_server_eof"));
    Endpoint *c = p.client;
    Endpoint *s = p.server;
    sim.start(s, QStringLiteral("recv"), { QStringLiteral("1024") });
    sim.advance(50 * kMs);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "SO_LINGER with a zero timeout makes close() abort the connection: an RST instead of a "
        "FIN, and no TIME-WAIT."));
    sim.call(c, QStringLiteral("setsockopt"),
        { QStringLiteral("SOL_SOCKET"), QStringLiteral("SO_LINGER"), QStringLiteral("(1, 0)") }, 0);
    sim.call(c, QStringLiteral("close"), {}, 0);
    sim.abort(c);
    sim.runAll();
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "The server's recv() fails with ECONNRESET (104): the connection was reset, not closed."));
    sim.call(s, QStringLiteral("close"), {}, 0);
}

void backlogFull(Sim &sim)
{
    // listen(1): Linux admits backlog + 1 = 2 completed connections; the server
    // does not accept() until later.
    const auto [retries, linear] = linuxSynSysctls();
    sim.setSynSchedule(retries, linear);
    Endpoint *l = serverListens(sim, 1, false, QStringLiteral("tcp_server_backlog"));
    sim.advance(100 * kMs);
    clientConnects(sim, 0);
    sim.advance(100 * kMs);
    clientConnects(sim, 1);
    sim.advance(100 * kMs);
    clientConnects(sim, 2);
    sim.advance(1500 * kMs);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "Linux refuses nothing here: the client is told nothing and keeps retrying. Only with "
        "net.ipv4.tcp_abort_on_overflow = 1 would the server answer RST."));
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "The server finally calls accept(): one connection leaves the queue, so the third client's "
        "next SYN is admitted."));
    sim.start(l, QStringLiteral("accept"), {});
    accepted(sim, l);
    sim.advance(3000 * kMs);
}

void udpEcho(Sim &sim)
{
    const SockAddr server { AF_INET, QStringLiteral("127.0.0.1"), 8888 };
    const SockAddr client { AF_INET, QStringLiteral("127.0.0.1"), 40000 };
    Endpoint *s = sim.add(Side::Server, QString(), QStringLiteral("udp_server"), server, 0);
    Endpoint *c = sim.add(Side::Client, QString(), QStringLiteral("udp_client"), client, 0);
    sim.call(s, QStringLiteral("socket"),
        { QStringLiteral("AF_INET"), QStringLiteral("SOCK_DGRAM") }, 3);
    sim.call(s, QStringLiteral("bind"), { kAddr }, 0);
    sim.start(s, QStringLiteral("recvfrom"), { QStringLiteral("1024") });
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "UDP: no listen(), no accept(), no connection. The server just waits in recvfrom()."));
    sim.advance(100 * kMs);
    sim.call(c, QStringLiteral("socket"),
        { QStringLiteral("AF_INET"), QStringLiteral("SOCK_DGRAM") }, 3);
    sim.call(c, QStringLiteral("settimeout"), { QStringLiteral("2") }, {});
    const QByteArray hello = QStringLiteral("你好").toUtf8();
    sim.call(c, QStringLiteral("sendto"), { QStringLiteral("\"你好\""), kAddr }, int(hello.size()));
    sim.datagram(c, s, hello);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "One sendto() is one datagram: no handshake before it, no ACK after it, and no state on "
        "either side."));
    sim.start(c, QStringLiteral("recvfrom"), { QStringLiteral("1024") });
    sim.advance(Scenarios::kOneWayDelayUs);
    sim.finish(s, QStringLiteral("(b'\\xe4\\xbd\\xa0\\xe5\\xa5\\xbd', ('127.0.0.1', 40000))"));
    sim.data(s, hello);
    const QByteArray reply = QStringLiteral("IP:127.0.0.1,you are just send one message.").toUtf8();
    sim.call(s, QStringLiteral("sendto"),
        { QStringLiteral("\"IP:127.0.0.1,…\""), QStringLiteral("('127.0.0.1', 40000)") },
        int(reply.size()));
    sim.datagram(s, c, reply);
    sim.advance(Scenarios::kOneWayDelayUs);
    sim.finish(c, QStringLiteral("(b'IP:127.0.0.1,…', ('127.0.0.1', 8888))"));
    sim.data(c, reply);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "The reply came back. Had it been lost, the source text's client would wait in recvfrom() "
        "forever; this client gives up after settimeout(2)."));
    sim.call(c, QStringLiteral("close"), {}, 0);
}

} // namespace

const ScenarioInfo *Scenarios::find(const QString &name)
{
    for (const ScenarioInfo &i : kScenarios) {
        if (i.name == name)
            return &i;
    }
    return nullptr;
}

QString Scenarios::title(const ScenarioInfo &info)
{
    return QCoreApplication::translate("Scenario", info.title);
}

QString Scenarios::summary(const ScenarioInfo &info)
{
    return QCoreApplication::translate("Scenario", info.summary);
}

bool Scenarios::build(const QString &name, Timeline *timeline)
{
    if (!find(name))
        return false;
    timeline->clear();
    Sim sim(timeline);
    if (name == QLatin1String("three-way-handshake"))
        handshake(sim);
    else if (name == QLatin1String("tcp-echo"))
        tcpEcho(sim);
    else if (name == QLatin1String("four-way-close"))
        fourWayClose(sim, false);
    else if (name == QLatin1String("three-segment-close"))
        fourWayClose(sim, true);
    else if (name == QLatin1String("connection-refused"))
        refused(sim);
    else if (name == QLatin1String("syn-retransmit"))
        synRetransmit(sim);
    else if (name == QLatin1String("syn-retransmit-linux"))
        synRetransmitLinux(sim);
    else if (name == QLatin1String("simultaneous-open"))
        simultaneousOpen(sim);
    else if (name == QLatin1String("simultaneous-close"))
        simultaneousClose(sim);
    else if (name == QLatin1String("half-close"))
        halfClose(sim);
    else if (name == QLatin1String("abort"))
        abortScenario(sim);
    else if (name == QLatin1String("backlog-full"))
        backlogFull(sim);
    else if (name == QLatin1String("udp-echo"))
        udpEcho(sim);
    sim.flush();
    return true;
}
