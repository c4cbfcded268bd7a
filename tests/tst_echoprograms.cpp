// The seed's TCP echo server and client on real loopback sockets: the exact
// events of the exchange, one call per step, and the failures a classroom
// meets (refused, busy port, a peer that resets or vanishes).

#include "net/kernelstate.h"
#include "net/nativesocket.h"
#include "programs/echoclient.h"
#include "programs/echoserver.h"
#include "programs/segmentinferrer.h"
#include "programs/tcpechodemo.h"
#include "timeline/timeline.h"

#include <QSignalSpy>
#include <QTest>

#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

struct Lab
{
    Timeline timeline;
    SegmentInferrer inferrer { &timeline };
    EchoServer server { &timeline, &inferrer };
    EchoClient client { &timeline, &inferrer };

    QList<LabEvent> of(EventKind kind) const
    {
        QList<LabEvent> out;
        for (const LabEvent &e : timeline.events()) {
            if (e.kind == kind)
                out << e;
        }
        return out;
    }
    /** The states a side/socket went through, in order, as "TO:source". */
    QStringList states(Side side, const QString &socket) const
    {
        QStringList out;
        for (const LabEvent &e : of(EventKind::State)) {
            if (e.side == side && e.socket == socket)
                out << tcpStateName(e.to) + QLatin1Char(':') + eventSourceToken(e.source);
        }
        return out;
    }
    /** Starts the server on an ephemeral port and runs it up to accept(). */
    quint16 listen()
    {
        EchoServer::Config c;
        c.port = 0;
        c.serveForever = false;
        server.setConfig(c);
        for (int i = 0; i < EchoServer::Accept; ++i)
            server.step();
        return server.boundAddress().port;
    }
};

QString seg(const LabEvent &e)
{
    return QStringLiteral("%1 %2 seq=%3 ack=%4 len=%5")
        .arg(sideToken(e.side), e.flags.join(QLatin1Char(',')))
        .arg(e.seq)
        .arg(e.ack)
        .arg(e.len);
}

} // namespace

class TstEchoPrograms : public QObject
{
    Q_OBJECT

private slots:
    void wholeExchange();
    void oneCallPerStep();
    void refused();
    void busyPort();
    void peerResets();
    void peerVanishes();
    void unreadDataResets();
    void peerClosedBeforeReply();
    void peerAbortsAfterOurFin();
    void largeSendInferredInSegments();
};

namespace {
// A raw client connected to @p port (the test's peer, not one of the lab's programs).
bool connectPeer(NativeSocket &peer, quint16 port)
{
    peer.socket();
    QSignalSpy connected(&peer, &NativeSocket::finished);
    const CallResult c = peer.connect(QStringLiteral("127.0.0.1"), port);
    return c.ok() || (c.pending && connected.wait(5000));
}
} // namespace

void TstEchoPrograms::peerClosedBeforeReply()
{
    // The client sends and closes without reading: the server's reply meets a
    // closed socket, which answers with a bare RST (RFC 9293 §3.10.7.1).
    // Checked against tcpdump: P 1:13, F 13, P 1:22 (server), R 14.
    Lab lab;
    const quint16 port = lab.listen();
    NativeSocket peer;
    QVERIFY(connectPeer(peer, port));
    QVERIFY(peer.sendall(QStringLiteral("请求连接").toUtf8()).ok());
    peer.close();
    lab.server.step(); // accept
    QTRY_COMPARE(lab.server.currentStep(), int(EchoServer::Recv));
    lab.server.step(); // recv
    QTRY_COMPARE(lab.server.currentStep(), int(EchoServer::SendAll));
    lab.server.step(); // sendall
    QTRY_COMPARE(
        lab.states(Side::Server, QStringLiteral("conn")).last(), QStringLiteral("CLOSED:kernel"));
    lab.server.step(); // close: nothing left to send
    QStringList segments;
    for (const LabEvent &e : lab.of(EventKind::Segment))
        segments << seg(e);
    QCOMPARE(segments.mid(3),
        (QStringList { QStringLiteral("client PSH,ACK seq=1 ack=1 len=12"),
            QStringLiteral("server ACK seq=1 ack=13 len=0"),
            QStringLiteral("client FIN,ACK seq=13 ack=1 len=0"),
            QStringLiteral("server PSH,ACK seq=1 ack=14 len=21"),
            QStringLiteral("client RST seq=14 ack=-1 len=0") }));
    const QStringList server = lab.states(Side::Server, QStringLiteral("conn"));
    QVERIFY2(!server.contains(QStringLiteral("LAST-ACK:inferred")), qPrintable(server.join(u' ')));
    QVERIFY(server.contains(QStringLiteral("CLOSE-WAIT:kernel")));
}

void TstEchoPrograms::largeSendInferredInSegments()
{
    // A peer outside the lab sends 100,000 bytes at once: the server's recv(1024)
    // reveals them, and the inferred segments carry at most one MSS each (TCP_MAXSEG),
    // cut at multiples of it, as the kernel sends them — never one 100,000-byte segment.
    Lab lab;
    const quint16 port = lab.listen();
    NativeSocket peer;
    QVERIFY(connectPeer(peer, port));
    const int mss = peer.maxSegment();
    QVERIFY2(mss > 0 && mss < 100000, qPrintable(QString::number(mss)));
    const QByteArray big(100000, 'x');
    QSignalSpy sent(&peer, &NativeSocket::finished);
    const CallResult s = peer.sendall(big);
    QVERIFY(s.ok() || s.pending);
    lab.server.step(); // accept
    QTRY_COMPARE(lab.server.currentStep(), int(EchoServer::Recv));
    QTRY_VERIFY(s.ok() || !sent.isEmpty());
    QTest::qWait(50); // every byte queued at the server
    lab.server.step(); // recv(1024)
    QTRY_COMPARE(lab.server.currentStep(), int(EchoServer::SendAll));
    qint64 total = 0;
    QList<qint64> lens;
    for (const LabEvent &e : lab.of(EventKind::Segment)) {
        if (e.side == Side::Client && e.len > 0) {
            QCOMPARE(e.seq, total + 1); // in stream order, no gap
            lens << e.len;
            total += e.len;
        }
    }
    QCOMPARE(total, qint64(big.size()));
    // The server's own TCP_MAXSEG sets the cut (32768 here; the peer's may read a little less).
    const qint64 cut = lens.first();
    QVERIFY2(cut > 1000 && cut <= 65535 && cut < big.size(), qPrintable(QString::number(cut)));
    QCOMPARE(lens.size(), int((big.size() + cut - 1) / cut));
    for (int i = 0; i + 1 < lens.size(); ++i)
        QCOMPARE(lens.at(i), cut);
    lab.server.dropConnection();
}

void TstEchoPrograms::peerAbortsAfterOurFin()
{
    // The server closes first; the client acknowledges the FIN, then aborts
    // (SO_LINGER 0): FIN-WAIT-2 ends at once, not after tcp_fin_timeout, so it
    // was a reset. Checked against tcpdump: F (server), ., R. 13:23.
    Lab lab;
    const quint16 port = lab.listen();
    NativeSocket peer;
    QVERIFY(connectPeer(peer, port));
    QVERIFY(peer.sendall(QStringLiteral("请求连接").toUtf8()).ok());
    lab.server.step(); // accept
    QTRY_COMPARE(lab.server.currentStep(), int(EchoServer::Recv));
    lab.server.step(); // recv
    QTRY_COMPARE(lab.server.currentStep(), int(EchoServer::SendAll));
    lab.server.step(); // sendall
    lab.server.step(); // close
    QTRY_COMPARE(lab.states(Side::Server, QStringLiteral("conn")).last(),
        QStringLiteral("FIN-WAIT-2:kernel"));
    const linger l { 1, 0 };
    QCOMPARE(::setsockopt(peer.fd(), SOL_SOCKET, SO_LINGER, &l, sizeof l), 0);
    peer.close();
    QTRY_COMPARE(
        lab.states(Side::Server, QStringLiteral("conn")).last(), QStringLiteral("CLOSED:kernel"));
    QCOMPARE(seg(lab.of(EventKind::Segment).last()),
        QStringLiteral("client RST,ACK seq=13 ack=23 len=0"));
}

void TstEchoPrograms::unreadDataResets()
{
    Lab lab;
    const quint16 port = lab.listen();
    // A client sends more than the seed's recv(1024) reads: the server's
    // close() with 1376 bytes unread sends RST, acknowledging all 2400.
    NativeSocket peer;
    peer.socket();
    QSignalSpy connected(&peer, &NativeSocket::finished);
    const CallResult c = peer.connect(QStringLiteral("127.0.0.1"), port);
    if (c.pending)
        QVERIFY(connected.wait(5000));
    QVERIFY(peer.sendall(QByteArray(2400, 'x')).ok());
    lab.server.step(); // accept
    QTRY_COMPARE(lab.server.currentStep(), int(EchoServer::Recv));
    QTRY_COMPARE(lab.server.currentStep(), int(EchoServer::Recv));
    lab.server.step(); // recv(1024)
    QTRY_COMPARE(lab.server.currentStep(), int(EchoServer::SendAll));
    lab.server.step(); // sendall
    lab.server.step(); // close
    QStringList segments;
    for (const LabEvent &e : lab.of(EventKind::Segment))
        segments << seg(e);
    QVERIFY2(segments.contains(QStringLiteral("client PSH,ACK seq=1 ack=1 len=2400")),
        qPrintable(segments.join(u'\n')));
    QCOMPARE(segments.last(), QStringLiteral("server RST,ACK seq=22 ack=2401 len=0"));
    QCOMPARE(lab.of(EventKind::Data).last().bytes.size(), 1024);
}

void TstEchoPrograms::wholeExchange()
{
    Lab lab;
    TcpEchoDemo demo(&lab.server, &lab.client);
    QSignalSpy done(&demo, &TcpEchoDemo::finished);
    QVERIFY(done.isValid());
    demo.start(QStringLiteral("127.0.0.1"), 0);
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().first().toBool(), true);

    // The bytes each program received, exactly, in UTF-8.
    const auto data = lab.of(EventKind::Data);
    QCOMPARE(data.size(), 2);
    QCOMPARE(data[0].side, Side::Server);
    QCOMPARE(data[0].bytes, QStringLiteral("请求连接").toUtf8());
    QCOMPARE(data[1].side, Side::Client);
    QCOMPARE(data[1].bytes, QStringLiteral("你已连接成功。").toUtf8());
    QCOMPARE(lab.client.reply(), QStringLiteral("你已连接成功。").toUtf8());

    // The segments, deduced from calls and kernel states: RFC 9293 §3.5 and §3.6.
    QStringList segments;
    for (const LabEvent &e : lab.of(EventKind::Segment)) {
        segments << seg(e);
        QCOMPARE(e.source, EventSource::Inferred);
        QCOMPARE(e.stream, 0);
        QCOMPARE(e.seqRaw, -1);
    }
    const QStringList expected {
        QStringLiteral("client SYN seq=0 ack=-1 len=0"),
        QStringLiteral("server SYN,ACK seq=0 ack=1 len=0"),
        QStringLiteral("client ACK seq=1 ack=1 len=0"),
        QStringLiteral("client PSH,ACK seq=1 ack=1 len=12"),
        QStringLiteral("server ACK seq=1 ack=13 len=0"),
        QStringLiteral("server PSH,ACK seq=1 ack=13 len=21"),
        QStringLiteral("client ACK seq=13 ack=22 len=0"),
        QStringLiteral("server FIN,ACK seq=22 ack=13 len=0"),
        // The client's ACK of that FIN is delayed and rides on its own FIN:
        // nothing proves a separate ACK (the server never reads FIN-WAIT-2).
        QStringLiteral("client FIN,ACK seq=13 ack=23 len=0"),
        QStringLiteral("server ACK seq=23 ack=14 len=0"),
    };
    QCOMPARE(segments, expected);

    // States: the brief handshake states inferred, the rest read from the kernel.
    QCOMPARE(lab.states(Side::Server, QStringLiteral("listener")),
        QStringList { QStringLiteral("LISTEN:kernel") });
    const QStringList client = lab.states(Side::Client, QStringLiteral("client"));
    QCOMPARE(client.first(), QStringLiteral("SYN-SENT:inferred"));
    QCOMPARE(client.at(1), QStringLiteral("ESTABLISHED:kernel"));
    QVERIFY2(client.contains(QStringLiteral("CLOSE-WAIT:kernel")), qPrintable(client.join(u' ')));
    // close() in CLOSE-WAIT: LAST-ACK for microseconds, too brief to read.
    QCOMPARE(client.at(client.size() - 2), QStringLiteral("LAST-ACK:inferred"));
    QCOMPARE(client.last(), QStringLiteral("CLOSED:kernel"));
    const QStringList server = lab.states(Side::Server, QStringLiteral("conn"));
    QCOMPARE(server.first(), QStringLiteral("SYN-RECEIVED:inferred"));
    QCOMPARE(server.at(1), QStringLiteral("ESTABLISHED:kernel"));
    QCOMPARE(server.last(), QStringLiteral("TIME-WAIT:kernel"));
    QCOMPARE(lab.server.endpointState(), TcpState::TimeWait);
    QCOMPARE(lab.client.endpointState(), TcpState::Closed);

    // The kernel agrees, right now: the server's side of the connection sits in TIME-WAIT.
    const auto conns = lab.of(EventKind::Segment);
    const QString clientAddr = conns.first().src;
    const QString serverAddr = conns.first().dst;
    const SockAddr serverLocal { AF_INET, QStringLiteral("127.0.0.1"),
        quint16(serverAddr.section(u':', 1).toUInt()) };
    const SockAddr clientLocal { AF_INET, QStringLiteral("127.0.0.1"),
        quint16(clientAddr.section(u':', 1).toUInt()) };
    QCOMPARE(KernelState::lookupConnection(serverLocal, clientLocal),
        std::optional<TcpState>(TcpState::TimeWait));
    QCOMPARE(KernelState::lookupConnection(clientLocal, serverLocal),
        std::optional<TcpState>(TcpState::Closed));

    // Calls come as start/return pairs around the segments they caused.
    int connectStart = -1, syn = -1, connectReturn = -1;
    for (int i = 0; i < lab.timeline.size(); ++i) {
        const LabEvent &e = lab.timeline.at(i);
        if (e.kind == EventKind::Call && e.call == QLatin1String("connect"))
            (e.phase == CallPhase::Start ? connectStart : connectReturn) = i;
        if (e.kind == EventKind::Segment && syn < 0)
            syn = i;
    }
    QVERIFY(connectStart < syn);
    QVERIFY(syn < connectReturn);

    // RFC 9293 §3.5: the client is ESTABLISHED on the SYN-ACK, before its
    // ACK; the server only when that ACK arrives.
    auto rowOf = [&](EventKind kind, Side side, const QString &what) {
        for (int i = 0; i < lab.timeline.size(); ++i) {
            const LabEvent &e = lab.timeline.at(i);
            if (e.kind != kind || e.side != side)
                continue;
            if ((kind == EventKind::Segment && e.flags.join(u',') == what)
                || (kind == EventKind::State && tcpStateName(e.to) == what))
                return i;
        }
        return -1;
    };
    const int synAck = rowOf(EventKind::Segment, Side::Server, QStringLiteral("SYN,ACK"));
    const int clientEstablished
        = rowOf(EventKind::State, Side::Client, QStringLiteral("ESTABLISHED"));
    const int finalAck = rowOf(EventKind::Segment, Side::Client, QStringLiteral("ACK"));
    const int serverEstablished
        = rowOf(EventKind::State, Side::Server, QStringLiteral("ESTABLISHED"));
    QVERIFY(synAck < clientEstablished);
    QVERIFY(clientEstablished < finalAck);
    QVERIFY(finalAck < serverEstablished);
    QCOMPARE(lab.timeline.at(connectReturn).result.toInt(), 0);
}

void TstEchoPrograms::oneCallPerStep()
{
    Lab lab;
    QCOMPARE(lab.server.stepNames().size(), int(EchoServer::StepCount));
    QCOMPARE(lab.server.stepNames().at(EchoServer::Listen), QStringLiteral("listen(5)"));
    const quint16 port = lab.listen();
    QVERIFY(port > 0);
    QCOMPARE(lab.server.currentStep(), int(EchoServer::Accept));
    QCOMPARE(lab.server.listenerState(), TcpState::Listen);
    QCOMPARE(lab.server.acceptBacklog(), 5);
    QCOMPARE(lab.server.acceptQueue(), 0);

    lab.server.step(); // accept() blocks: no client yet
    QVERIFY(lab.server.isWaiting());
    QCOMPARE(lab.server.currentStep(), int(EchoServer::Accept));
    lab.server.step(); // ignored while waiting
    QCOMPARE(lab.timeline.size(), lab.timeline.size());

    EchoClient::Config cc;
    cc.port = port;
    lab.client.setConfig(cc);
    lab.client.step(); // socket
    lab.client.step(); // connect
    QTRY_COMPARE(lab.client.currentStep(), int(EchoClient::SendAll));
    QTRY_COMPARE(lab.server.currentStep(), int(EchoServer::Recv));
    QVERIFY(!lab.server.isWaiting());
    QCOMPARE(lab.client.endpointState(), TcpState::Established);
    QCOMPARE(lab.server.endpointState(), TcpState::Established);

    lab.server.step(); // recv: the client has sent nothing yet, so it waits
    QVERIFY(lab.server.isWaiting());
    lab.client.step(); // sendall
    QTRY_COMPARE(lab.server.currentStep(), int(EchoServer::SendAll));
    lab.server.step(); // sendall
    lab.server.step(); // close
    QCOMPARE(lab.server.currentStep(), -1);
    lab.client.step(); // recv: the reply is already there
    QCOMPARE(lab.client.reply(), QStringLiteral("你已连接成功。").toUtf8());
    QTRY_COMPARE(lab.client.endpointState(), TcpState::CloseWait);
    lab.client.step(); // close
    QCOMPARE(lab.client.currentStep(), -1);
    QTRY_COMPARE(lab.server.endpointState(), TcpState::TimeWait);
    QTRY_COMPARE(lab.client.endpointState(), TcpState::Closed);
    QVERIFY(!lab.server.hasFailed());
    QVERIFY(!lab.client.hasFailed());
}

void TstEchoPrograms::refused()
{
    Lab lab;
    // A port nobody listens on: bound a moment ago, then closed.
    NativeSocket probe;
    probe.socket();
    probe.bind(QStringLiteral("127.0.0.1"), 0);
    const quint16 port = probe.localAddress().port;
    probe.close();

    EchoClient::Config cc;
    cc.port = port;
    lab.client.setConfig(cc);
    QSignalSpy failed(&lab.client, &SocketProgram::callFailed);
    lab.client.runToEnd();
    QTRY_COMPARE(failed.size(), 1);
    const CallResult r = failed.first().first().value<CallResult>();
    QCOMPARE(r.call, QStringLiteral("connect"));
    QCOMPARE(r.errorDomain, ErrorDomain::Errno);
    QCOMPARE(r.errnum, ECONNREFUSED);
    QVERIFY(r.errorMessage().contains(QStringLiteral("ECONNREFUSED 111")));
    QCOMPARE(lab.client.currentStep(), int(EchoClient::Socket)); // start over from socket()
    QVERIFY(!lab.client.isRunning());

    QStringList segments;
    for (const LabEvent &e : lab.of(EventKind::Segment))
        segments << seg(e);
    QCOMPARE(segments,
        (QStringList { QStringLiteral("client SYN seq=0 ack=-1 len=0"),
            QStringLiteral("server RST,ACK seq=0 ack=1 len=0") }));
    QCOMPARE(lab.states(Side::Client, QStringLiteral("client")),
        (QStringList { QStringLiteral("SYN-SENT:inferred"), QStringLiteral("CLOSED:kernel") }));
    // The RST comes before the CLOSED it caused, wherever the reading happened.
    int rst = -1, closed = -1;
    for (int i = 0; i < lab.timeline.size(); ++i) {
        const LabEvent &e = lab.timeline.at(i);
        if (e.kind == EventKind::Segment && e.flags.contains(QStringLiteral("RST")))
            rst = i;
        if (e.kind == EventKind::State && e.to == TcpState::Closed)
            closed = i;
    }
    QVERIFY(rst >= 0 && rst < closed);
}

void TstEchoPrograms::busyPort()
{
    Lab lab;
    NativeSocket other;
    other.socket();
    other.bind(QStringLiteral("127.0.0.1"), 0);
    other.listen(1);
    EchoServer::Config c;
    c.port = other.localAddress().port;
    lab.server.setConfig(c);
    QSignalSpy failed(&lab.server, &SocketProgram::callFailed);
    lab.server.runToEnd();
    QTRY_COMPARE(failed.size(), 1);
    const CallResult r = failed.first().first().value<CallResult>();
    QCOMPARE(r.call, QStringLiteral("bind"));
    QCOMPARE(r.errnum, EADDRINUSE);
    QCOMPARE(lab.server.currentStep(), int(EchoServer::Bind));
    QVERIFY(lab.server.hasFailed());
    // The failed call is on the timeline with its errno.
    const auto calls = lab.of(EventKind::Call);
    QCOMPARE(calls.last().call, QStringLiteral("bind"));
    QCOMPARE(calls.last().errnum, EADDRINUSE);
}

void TstEchoPrograms::peerResets()
{
    Lab lab;
    const quint16 port = lab.listen();
    // A peer that aborts: SO_LINGER 0 makes close() send RST.
    NativeSocket peer;
    peer.socket();
    QSignalSpy connected(&peer, &NativeSocket::finished);
    const CallResult c = peer.connect(QStringLiteral("127.0.0.1"), port);
    if (c.pending)
        QVERIFY(connected.wait(5000));
    const linger l { 1, 0 };
    QCOMPARE(::setsockopt(peer.fd(), SOL_SOCKET, SO_LINGER, &l, sizeof l), 0);
    lab.server.step(); // accept
    QTRY_COMPARE(lab.server.currentStep(), int(EchoServer::Recv));
    peer.close();
    QSignalSpy failed(&lab.server, &SocketProgram::callFailed);
    lab.server.step(); // recv
    QTRY_COMPARE(failed.size(), 1);
    const CallResult r = failed.first().first().value<CallResult>();
    QCOMPARE(r.call, QStringLiteral("recv"));
    QCOMPARE(r.errnum, ECONNRESET);
    QTRY_COMPARE(
        lab.states(Side::Server, QStringLiteral("conn")).last(), QStringLiteral("CLOSED:kernel"));
    // Between clients the server shows its listening socket.
    QCOMPARE(lab.server.endpointState(), TcpState::Listen);
    // The reset was deduced: the connection vanished without a FIN.
    const auto segments = lab.of(EventKind::Segment);
    QCOMPARE(seg(segments.last()), QStringLiteral("client RST,ACK seq=1 ack=1 len=0"));
    // The server gives up on this client and goes back to accept().
    lab.server.dropConnection();
    QCOMPARE(lab.server.currentStep(), int(EchoServer::Accept));
    QVERIFY(!lab.server.hasFailed());
}

void TstEchoPrograms::peerVanishes()
{
    Lab lab;
    const quint16 port = lab.listen();
    // A peer that connects and closes at once: the server reads EOF, b"".
    NativeSocket peer;
    peer.socket();
    QSignalSpy connected(&peer, &NativeSocket::finished);
    const CallResult c = peer.connect(QStringLiteral("127.0.0.1"), port);
    if (c.pending)
        QVERIFY(connected.wait(5000));
    peer.close();
    QSignalSpy received(&lab.server, &SocketProgram::dataReceived);
    lab.server.step(); // accept
    QTRY_COMPARE(lab.server.currentStep(), int(EchoServer::Recv));
    lab.server.step(); // recv
    QTRY_COMPARE(received.size(), 1);
    QCOMPARE(received.first().first().toByteArray(), QByteArray());
    QVERIFY(!lab.server.hasFailed());
    QCOMPARE(lab.of(EventKind::Data).last().bytes, QByteArray());
    QTRY_COMPARE(lab.server.endpointState(), TcpState::CloseWait);
    // Its reply goes to a closed socket; the next close() ends the connection.
    lab.server.step(); // sendall
    lab.server.step(); // close
    QCOMPARE(lab.server.currentStep(), -1);
    QTRY_VERIFY(lab.server.isSettled());
}

QTEST_GUILESS_MAIN(TstEchoPrograms)
#include "tst_echoprograms.moc"
