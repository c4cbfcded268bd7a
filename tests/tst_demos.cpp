// The short teaching demos on real loopback sockets: stream-boundaries (TCP
// keeps no message boundaries) and nonblocking (EAGAIN and timeouts), with
// the exact calls, errnos and bytes each one must show.

#include "programs/nonblockingdemo.h"
#include "programs/segmentinferrer.h"
#include "programs/streamboundariesdemo.h"
#include "timeline/timeline.h"

#include <QSignalSpy>
#include <QTest>

#include <cerrno>

namespace {

struct Run
{
    Timeline timeline;
    SegmentInferrer inferrer { &timeline };

    /** Starts @p demo and waits for finished(ok). */
    static bool run(ScriptedDemo &demo)
    {
        QSignalSpy spy(&demo, &ScriptedDemo::finished);
        if (!spy.isValid())
            return false;
        demo.start();
        if (spy.isEmpty() && !spy.wait(10000))
            return false;
        return spy.size() == 1 && spy.at(0).at(0).toBool();
    }
    QList<LabEvent> of(EventKind kind) const
    {
        QList<LabEvent> out;
        for (const LabEvent &e : timeline.events()) {
            if (e.kind == kind)
                out << e;
        }
        return out;
    }
    /** The call events as "side socket call phase", e.g. "client client sendall start". */
    QStringList calls() const
    {
        QStringList out;
        for (const LabEvent &e : of(EventKind::Call))
            out << QStringLiteral("%1 %2 %3 %4")
                       .arg(sideToken(e.side), e.socket, e.call, callPhaseToken(e.phase));
        return out;
    }
    /** Index of the first call event at or after @p from matching. */
    int findCall(const QString &call, CallPhase phase, const QString &socket, int from = 0) const
    {
        for (int i = from; i < timeline.size(); ++i) {
            const LabEvent &e = timeline.at(i);
            if (e.kind == EventKind::Call && e.call == call && e.phase == phase
                && e.socket == socket)
                return i;
        }
        return -1;
    }
};

} // namespace

class TstDemos : public QObject
{
    Q_OBJECT

private slots:
    void streamBoundariesTwoSendsOneRecv();
    void streamBoundariesOneSendManyRecvs();
    void nonblocking();
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

QTEST_GUILESS_MAIN(TstDemos)
#include "tst_demos.moc"
