// The short teaching demos on real loopback sockets: stream-boundaries (TCP
// keeps no message boundaries), nonblocking (EAGAIN and timeouts) and the
// surprises (eof-and-reset, time-wait-restart, ipv6-dual-stack, listen-backlog), with
// the exact calls, errnos and bytes each one must show.

#include "programs/backlogdemo.h"
#include "programs/dualstackdemo.h"
#include "programs/eofresetdemo.h"
#include "programs/nonblockingdemo.h"
#include "programs/segmentinferrer.h"
#include "programs/streamboundariesdemo.h"
#include "programs/timewaitdemo.h"
#include "timeline/timeline.h"

#include "labtest.h"

#include <QSignalSpy>
#include <QTest>

#include <cerrno>
#include <netinet/in.h>

using Run = LabTest::DemoRun;

class TstDemos : public QObject
{
    Q_OBJECT

private slots:
    void streamBoundariesTwoSendsOneRecv();
    void streamBoundariesOneSendManyRecvs();
    void nonblocking();
    void eofAndReset();
    void timeWaitRestart();
    void ipv6DualStack();
    void listenBacklog();
};

void TstDemos::streamBoundariesTwoSendsOneRecv()
{
    Run r;
    StreamBoundariesDemo demo(&r.timeline, &r.inferrer);
    QVERIFY2(Run::run(demo), qPrintable(demo.failure().errorMessage()));

    // Part 1: exactly two sendall() calls, then exactly one recv() that returns both.
    const QStringList calls = r.calls();
    const int first = calls.indexOf(QStringLiteral("client client sendall start"));
    QVERIFY(first >= 0);
    QCOMPARE(calls.mid(first, 7),
        (QStringList { QStringLiteral("client client sendall start"),
            QStringLiteral("client client sendall return"),
            QStringLiteral("client client sendall start"),
            QStringLiteral("client client sendall return"),
            QStringLiteral("server conn recv start"), QStringLiteral("server conn recv return"),
            QStringLiteral("client client sendall start") })); // part 2 begins
    const int send1
        = r.findCall(QStringLiteral("sendall"), CallPhase::Start, QStringLiteral("client"));
    const int send2 = r.findCall(
        QStringLiteral("sendall"), CallPhase::Start, QStringLiteral("client"), send1 + 1);
    QCOMPARE(r.timeline.at(send1).bytes, QStringLiteral("请求").toUtf8());
    QCOMPARE(r.timeline.at(send1).text(), QStringLiteral("请求"));
    QCOMPARE(r.timeline.at(send2).bytes, QStringLiteral("连接").toUtf8());
    const int recv = r.findCall(QStringLiteral("recv"), CallPhase::Return, QStringLiteral("conn"));
    QVERIFY(send2 < recv);
    QCOMPARE(r.timeline.at(recv).args, QStringList { QStringLiteral("1024") });
    QCOMPARE(r.timeline.at(recv).result.toLongLong(), 12);
    const QList<LabEvent> data = r.of(EventKind::Data);
    QVERIFY(!data.isEmpty());
    QCOMPARE(data.first().side, Side::Server);
    QCOMPARE(data.first().bytes, QByteArray("\xe8\xaf\xb7\xe6\xb1\x82\xe8\xbf\x9e\xe6\x8e\xa5"));
    QCOMPARE(data.first().text(), QStringLiteral("请求连接"));
    QCOMPARE(demo.firstRecv(), QStringLiteral("请求连接").toUtf8());

    // Each sendall() put its own inferred segment on the wire: 6 bytes each.
    QStringList segments;
    for (const LabEvent &e : r.of(EventKind::Segment)) {
        if (e.len > 0 && e.seq < 13)
            segments << QStringLiteral("%1 %2 seq=%3 len=%4")
                            .arg(sideToken(e.side), e.flags.join(QLatin1Char(',')))
                            .arg(e.seq)
                            .arg(e.len);
    }
    QCOMPARE(segments,
        (QStringList { QStringLiteral("client PSH,ACK seq=1 len=6"),
            QStringLiteral("client PSH,ACK seq=7 len=6") }));

    // Captions: part 1, its outcome, part 2, its outcome.
    const QList<LabEvent> notes = r.of(EventKind::Note);
    QCOMPARE(notes.size(), 4);
    QCOMPARE(
        notes.at(0).noteArgs, (QStringList { QStringLiteral("请求"), QStringLiteral("连接") }));
    QCOMPARE(
        notes.at(1).noteArgs, (QStringList { QStringLiteral("12"), QStringLiteral("请求连接") }));
}

void TstDemos::streamBoundariesOneSendManyRecvs()
{
    Run r;
    StreamBoundariesDemo demo(&r.timeline, &r.inferrer);
    QVERIFY2(Run::run(demo), qPrintable(demo.failure().errorMessage()));

    const QByteArray payload = StreamBoundariesDemo::largePayload();
    QCOMPARE(payload.size(), 200000);
    QVERIFY(payload.startsWith("000000000|000000001|"));
    QVERIFY(payload.endsWith("|000019999|"));

    // One sendall() of all 200,000 bytes …
    int sends = 0;
    for (const LabEvent &e : r.of(EventKind::Call)) {
        if (e.call == QLatin1String("sendall") && e.phase == CallPhase::Start
            && e.bytes.size() == payload.size()) {
            ++sends;
            QCOMPARE(e.bytes, payload);
        }
    }
    QCOMPARE(sends, 1);
    // … arrives as several recv(65536)s: at least ceil(200000 / 65536) = 4.
    const QList<LabEvent> data = r.of(EventKind::Data);
    QByteArray joined;
    for (int i = 1; i < data.size(); ++i) {
        QCOMPARE(data.at(i).side, Side::Server);
        QVERIFY(data.at(i).bytes.size() <= StreamBoundariesDemo::kLargeBufsize);
        QVERIFY(!data.at(i).bytes.isEmpty());
        joined += data.at(i).bytes;
    }
    QCOMPARE(data.size() - 1, demo.largeRecvCalls());
    QVERIFY2(demo.largeRecvCalls() >= 4, qPrintable(QString::number(demo.largeRecvCalls())));
    QCOMPARE(joined.size(), 200000);
    QCOMPARE(joined, payload);
    QCOMPARE(demo.largeReceived(), payload);
    int recvReturns = 0;
    for (const LabEvent &e : r.of(EventKind::Call)) {
        if (e.call == QLatin1String("recv") && e.phase == CallPhase::Return) {
            QVERIFY(!e.failed());
            ++recvReturns;
        }
    }
    QCOMPARE(recvReturns, 1 + demo.largeRecvCalls());
    const QList<LabEvent> notes = r.of(EventKind::Note);
    QCOMPARE(notes.last().noteArgs,
        (QStringList { QStringLiteral("200000"), QString::number(demo.largeRecvCalls()),
            QStringLiteral("65536") }));

    // The inferred data segments carry every byte once, in order: 12 + 200,000.
    qint64 next = 1;
    for (const LabEvent &e : r.of(EventKind::Segment)) {
        if (e.side != Side::Client || e.len <= 0)
            continue;
        QCOMPARE(e.seq, next);
        next += e.len;
    }
    QCOMPARE(next, 1 + 12 + 200000);
}

void TstDemos::nonblocking()
{
    Run r;
    NonblockingDemo demo(&r.timeline, &r.inferrer);
    QVERIFY2(Run::run(demo), qPrintable(demo.failure().errorMessage()));
    const QString listener = QStringLiteral("listener");
    const QString conn = QStringLiteral("conn");

    // 1. setblocking(False) on the listener: accept() fails at once with EAGAIN (11).
    const int blockOff = r.findCall(QStringLiteral("setblocking"), CallPhase::Return, listener);
    QVERIFY(blockOff >= 0);
    QCOMPARE(r.timeline.at(blockOff).args, QStringList { QStringLiteral("False") });
    const int acceptStart = r.findCall(QStringLiteral("accept"), CallPhase::Start, listener);
    const int accept = r.findCall(QStringLiteral("accept"), CallPhase::Return, listener);
    QVERIFY(blockOff < acceptStart && acceptStart < accept);
    QCOMPARE(r.timeline.at(accept).errorDomain, ErrorDomain::Errno);
    QCOMPARE(r.timeline.at(accept).errnum, 11);
    QCOMPARE(r.timeline.at(accept).errnum, int(EAGAIN));
    QCOMPARE(r.timeline.at(accept).toJson().value(QStringLiteral("error")).toString(),
        QStringLiteral("EAGAIN"));
    QVERIFY(r.timeline.at(accept).tUs - r.timeline.at(acceptStart).tUs < 50000); // at once
    // Nobody had connected yet; the next accept() takes the client.
    QVERIFY(
        accept < r.findCall(QStringLiteral("connect"), CallPhase::Start, QStringLiteral("client")));
    const int accepted
        = r.findCall(QStringLiteral("accept"), CallPhase::Return, listener, accept + 1);
    QVERIFY(accepted > accept);
    QVERIFY(!r.timeline.at(accepted).failed());

    // 2. setblocking(False) on the connection: recv() fails at once with EAGAIN (11).
    const int recvStart = r.findCall(QStringLiteral("recv"), CallPhase::Start, conn);
    const int wouldBlock = r.findCall(QStringLiteral("recv"), CallPhase::Return, conn);
    QVERIFY(accepted < wouldBlock);
    QCOMPARE(r.timeline.at(wouldBlock).errorDomain, ErrorDomain::Errno);
    QCOMPARE(r.timeline.at(wouldBlock).errnum, 11);
    QVERIFY(r.timeline.at(wouldBlock).tUs - r.timeline.at(recvStart).tUs < 50000);

    // 3. settimeout(0.2): recv() fails with a timeout, after at least 200 ms.
    const int settimeout = r.findCall(QStringLiteral("settimeout"), CallPhase::Return, conn);
    QVERIFY(settimeout > wouldBlock);
    QCOMPARE(r.timeline.at(settimeout).args, QStringList { QStringLiteral("0.2") });
    const int timeoutStart = r.findCall(QStringLiteral("recv"), CallPhase::Start, conn, settimeout);
    const int timedOut = r.findCall(QStringLiteral("recv"), CallPhase::Return, conn, settimeout);
    QCOMPARE(r.timeline.at(timedOut).errorDomain, ErrorDomain::Timeout);
    QCOMPARE(r.timeline.at(timedOut).toJson().value(QStringLiteral("error")).toString(),
        QStringLiteral("timeout"));
    const qint64 waited = r.timeline.at(timedOut).tUs - r.timeline.at(timeoutStart).tUs;
    QVERIFY2(waited >= 200000, qPrintable(QString::number(waited)));
    QVERIFY2(waited < 1000000, qPrintable(QString::number(waited)));
    QVERIFY(demo.timeoutWaitedUs() >= 200000);

    // 4. The client's data makes the next recv() return it, exactly.
    const int lastStart = r.findCall(QStringLiteral("recv"), CallPhase::Start, conn, timedOut);
    const int send
        = r.findCall(QStringLiteral("sendall"), CallPhase::Start, QStringLiteral("client"));
    const int last = r.findCall(QStringLiteral("recv"), CallPhase::Return, conn, timedOut + 1);
    QVERIFY(lastStart < send && send < last); // recv() was waiting when the data came
    QVERIFY(!r.timeline.at(last).failed());
    QCOMPARE(r.timeline.at(last).result.toLongLong(), 6);
    const QList<LabEvent> data = r.of(EventKind::Data);
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.first().bytes, QByteArray("\xe4\xbd\xa0\xe5\xa5\xbd"));
    QCOMPARE(data.first().text(), QStringLiteral("你好"));
    QCOMPARE(demo.lastRecv(), NonblockingDemo::message());

    // One caption per part; the first two carry errno 11.
    const QList<LabEvent> notes = r.of(EventKind::Note);
    QCOMPARE(notes.size(), 4);
    QCOMPARE(notes.at(0).noteArgs, QStringList { QStringLiteral("11") });
    QCOMPARE(notes.at(1).noteArgs, QStringList { QStringLiteral("11") });
    QCOMPARE(notes.at(2).noteArgs.value(0), QStringLiteral("0.2"));
    QVERIFY(notes.at(2).noteArgs.value(1).toDouble() >= 200.0);
}

void TstDemos::eofAndReset()
{
    Run r;
    EofResetDemo demo(&r.timeline, &r.inferrer);
    QVERIFY2(Run::run(demo), qPrintable(demo.failure().errorMessage()));
    const QString client = QStringLiteral("client");
    const QString conn = QStringLiteral("conn");

    // a: the server's close(), then the client's recv() returns b'' (0 bytes, no error).
    const int close1 = r.findCall(QStringLiteral("close"), CallPhase::Return, conn);
    const int eof = r.findCall(QStringLiteral("recv"), CallPhase::Return, client);
    QVERIFY(close1 >= 0 && close1 < eof);
    QVERIFY(!r.timeline.at(eof).failed());
    QCOMPARE(r.timeline.at(eof).result.toLongLong(), 0);
    QVERIFY(r.timeline.at(eof).bytes.isEmpty());
    QVERIFY(demo.sawEof());
    QVERIFY(r.of(EventKind::Data).isEmpty()); // recv() returned no bytes at all

    // b: sendall("unread"), the server's close() without reading: RST; recv() fails, 104.
    const int send = r.findCall(QStringLiteral("sendall"), CallPhase::Return, client, eof);
    const int close2 = r.findCall(QStringLiteral("close"), CallPhase::Return, conn, eof);
    const int reset = r.findCall(QStringLiteral("recv"), CallPhase::Return, client, close2);
    QVERIFY(eof < send && send < close2 && close2 < reset);
    QCOMPARE(r.timeline.at(send).bytes, QByteArray("unread"));
    QCOMPARE(r.timeline.at(reset).errorDomain, ErrorDomain::Errno);
    QCOMPARE(r.timeline.at(reset).errnum, 104);
    QCOMPARE(r.timeline.at(reset).errnum, int(ECONNRESET));
    QCOMPARE(r.timeline.at(reset).toJson().value(QStringLiteral("error")).toString(),
        QStringLiteral("ECONNRESET"));
    QCOMPARE(demo.resetErrno(), 104);
    // The inferred segments: a FIN from the server in a, an RST in b, after the close().
    int fin = -1, rst = -1;
    for (int i = 0; i < r.timeline.size(); ++i) {
        const LabEvent &e = r.timeline.at(i);
        if (e.kind != EventKind::Segment || e.side != Side::Server)
            continue;
        if (fin < 0 && e.flags.contains(QStringLiteral("FIN")))
            fin = i;
        if (rst < 0 && e.flags.contains(QStringLiteral("RST")))
            rst = i;
    }
    QVERIFY(close1 < fin && fin < eof);
    QVERIFY(close2 < rst && rst < reset);

    const QList<LabEvent> notes = r.of(EventKind::Note);
    QCOMPARE(notes.size(), 3);
    QCOMPARE(notes.at(1).noteArgs, QStringList { QStringLiteral("6") });
    QCOMPARE(notes.at(2).noteArgs, QStringList { QStringLiteral("104") });
}

void TstDemos::timeWaitRestart()
{
    Run r;
    TimeWaitDemo demo(&r.timeline, &r.inferrer);
    QVERIFY2(Run::run(demo), qPrintable(demo.failure().errorMessage()));
    QVERIFY(demo.sawTimeWait(0));
    QVERIFY(demo.sawTimeWait(1));
    QVERIFY(demo.portOf(0) != 0 && demo.portOf(1) != 0);

    // Part 1: no SO_REUSEADDR anywhere; the new bind() to the old port: EADDRINUSE (98).
    const CallResult without = demo.rebindWithout();
    QCOMPARE(without.call, QStringLiteral("bind"));
    QCOMPARE(without.args, QStringList { QStringLiteral("('127.0.0.1', %1)").arg(demo.portOf(0)) });
    QCOMPARE(without.errorDomain, ErrorDomain::Errno);
    QCOMPARE(without.errnum, 98);
    QCOMPARE(without.errnum, int(EADDRINUSE));
    // Part 2: SO_REUSEADDR on the old and the new listener: bind() returns 0.
    const CallResult with = demo.rebindWith();
    QCOMPARE(with.call, QStringLiteral("bind"));
    QCOMPARE(with.args, QStringList { QStringLiteral("('127.0.0.1', %1)").arg(demo.portOf(1)) });
    QVERIFY(with.ok());
    QCOMPARE(with.value.toInt(), 0);

    // On the timeline: SO_REUSEADDR only in part 2 (old and new listener), in that order.
    const QString newListener = QStringLiteral("new-listener");
    const int bind1 = r.findCall(QStringLiteral("bind"), CallPhase::Return, newListener);
    const int bind2 = r.findCall(QStringLiteral("bind"), CallPhase::Return, newListener, bind1 + 1);
    QVERIFY(bind1 >= 0 && bind2 > bind1);
    QCOMPARE(r.timeline.at(bind1).errnum, 98);
    QVERIFY(!r.timeline.at(bind2).failed());
    QStringList reuse;
    for (int i = 0; i < r.timeline.size(); ++i) {
        const LabEvent &e = r.timeline.at(i);
        if (e.kind == EventKind::Call && e.call == QLatin1String("setsockopt"))
            reuse << QStringLiteral("%1 %2").arg(e.socket, i > bind1 ? "2" : "1");
    }
    QCOMPARE(
        reuse, (QStringList { QStringLiteral("listener 2"), QStringLiteral("new-listener 2") }));
    // The server closed first: its close() precedes the client's in each part.
    const int serverClose
        = r.findCall(QStringLiteral("close"), CallPhase::Return, QStringLiteral("conn"));
    const int clientClose
        = r.findCall(QStringLiteral("close"), CallPhase::Return, QStringLiteral("client"));
    QVERIFY(serverClose >= 0 && serverClose < clientClose && clientClose < bind1);

    const QList<LabEvent> notes = r.of(EventKind::Note);
    QCOMPARE(notes.size(), 4);
    QCOMPARE(notes.at(1).noteArgs, QStringList { QStringLiteral("98") });
}

void TstDemos::ipv6DualStack()
{
    Run r;
    DualStackDemo demo(&r.timeline, &r.inferrer);
    QVERIFY2(Run::run(demo), qPrintable(demo.failure().errorMessage()));
    if (!demo.ipv6Available()) {
        QCOMPARE(r.of(EventKind::Note).size(), 1);
        QSKIP(qPrintable(QStringLiteral("no IPv6 on this machine: %1 failed with errno %2")
                             .arg(demo.ipv6Failure().call)
                             .arg(demo.ipv6Failure().errnum)));
    }
    const QString listener = QStringLiteral("listener");

    // Part 1: IPV6_V6ONLY 0, bind(('::', 0)); the IPv4 client is accepted as ::ffff:127.0.0.1.
    const int opt = r.findCall(QStringLiteral("setsockopt"), CallPhase::Return, listener);
    QCOMPARE(r.timeline.at(opt).args,
        (QStringList {
            QStringLiteral("IPPROTO_IPV6"), QStringLiteral("IPV6_V6ONLY"), QStringLiteral("0") }));
    const int bind = r.findCall(QStringLiteral("bind"), CallPhase::Return, listener);
    QVERIFY(opt < bind);
    QCOMPARE(r.timeline.at(bind).args.value(0), QStringLiteral("('::', 0)"));
    QCOMPARE(demo.acceptedPeer().family, int(AF_INET6));
    QCOMPARE(demo.acceptedPeer().host, QStringLiteral("::ffff:127.0.0.1"));
    const int accept = r.findCall(QStringLiteral("accept"), CallPhase::Return, listener);
    QVERIFY(
        r.timeline.at(accept).result.toString().contains(QStringLiteral("('::ffff:127.0.0.1', ")));
    const int connect
        = r.findCall(QStringLiteral("connect"), CallPhase::Return, QStringLiteral("client"));
    QVERIFY(!r.timeline.at(connect).failed());
    QVERIFY(r.timeline.at(connect).args.value(0).startsWith(QStringLiteral("('127.0.0.1', ")));

    // Part 2: IPV6_V6ONLY 1: the IPv4 connect() fails with ECONNREFUSED (111).
    const int opt2 = r.findCall(QStringLiteral("setsockopt"), CallPhase::Return, listener, accept);
    QCOMPARE(r.timeline.at(opt2).args.value(2), QStringLiteral("1"));
    const int refused
        = r.findCall(QStringLiteral("connect"), CallPhase::Return, QStringLiteral("client"), opt2);
    QCOMPARE(r.timeline.at(refused).errorDomain, ErrorDomain::Errno);
    QCOMPARE(r.timeline.at(refused).errnum, 111);
    QCOMPARE(demo.v6OnlyConnect().errnum, int(ECONNREFUSED));
    QVERIFY(r.findCall(QStringLiteral("accept"), CallPhase::Start, listener, opt2) < 0);

    const QList<LabEvent> notes = r.of(EventKind::Note);
    QCOMPARE(notes.size(), 2);
    QCOMPARE(notes.at(0).noteArgs, QStringList { QStringLiteral("::ffff:127.0.0.1") });
    QCOMPARE(notes.at(1).noteArgs.value(1), QStringLiteral("111"));
}

void TstDemos::listenBacklog()
{
    Run r;
    BacklogDemo demo(&r.timeline, &r.inferrer);
    QVERIFY2(Run::run(demo), qPrintable(demo.failure().errorMessage()));
    // listen(1), no accept(): exactly 2 connected, 1 still connecting after 500 ms, 0 refused.
    QCOMPARE(demo.connected(), 2);
    QCOMPARE(demo.pending(), 1);
    QCOMPARE(demo.refused(), 0);
    // TCP_INFO on the listener: 2 in the accept queue, backlog 1.
    QCOMPARE(demo.acceptQueue(), 2);
    QCOMPARE(demo.backlog(), 1);

    const int listen
        = r.findCall(QStringLiteral("listen"), CallPhase::Return, QStringLiteral("listener"));
    QCOMPARE(r.timeline.at(listen).args, QStringList { QStringLiteral("1") });
    QCOMPARE(
        r.findCall(QStringLiteral("accept"), CallPhase::Start, QStringLiteral("listener")), -1);
    // Each client's connect() started; only two returned, both successfully.
    int returned = 0;
    for (const char *name : { "client1", "client2", "client3" }) {
        QVERIFY(r.findCall(QStringLiteral("connect"), CallPhase::Start, QLatin1String(name)) >= 0);
        const int ret
            = r.findCall(QStringLiteral("connect"), CallPhase::Return, QLatin1String(name));
        if (ret >= 0) {
            QVERIFY(!r.timeline.at(ret).failed());
            ++returned;
        }
    }
    QCOMPARE(returned, 2);
    const QList<LabEvent> notes = r.of(EventKind::Note);
    QCOMPARE(notes.size(), 2);
    QCOMPARE(notes.at(0).noteArgs,
        (QStringList { QStringLiteral("1"), QStringLiteral("500"), QStringLiteral("2"),
            QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("2"), QStringLiteral("1") }));
    // Everything closed at the end: four close() calls after the notes.
    int closes = 0;
    for (const LabEvent &e : r.of(EventKind::Call))
        closes += e.call == QLatin1String("close") ? 1 : 0;
    QCOMPARE(closes, 4);
}

QTEST_GUILESS_MAIN(TstDemos)
#include "tst_demos.moc"
