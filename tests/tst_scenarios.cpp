// The scripted scenarios of the RFC 9293 model, step by step: exact
// segments (flags, relative seq/ack, len), exact state paths of each
// endpoint, model time, and the Stepper that walks them.

#include "scenarios/scenario.h"
#include "tcp/tcpconnection.h"
#include "timeline/stepper.h"
#include "timeline/timeline.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

namespace {

struct Run
{
    Timeline timeline;
    explicit Run(const QString &name) { ok = Scenarios::build(name, &timeline); }
    bool ok = false;

    QStringList segments() const
    {
        QStringList out;
        for (const LabEvent &e : timeline.events()) {
            if (e.kind == EventKind::Segment)
                out << QStringLiteral("%1 %2 %3/%4 len=%5")
                           .arg(sideToken(e.side), e.flags.join(u','))
                           .arg(e.seq)
                           .arg(e.ack)
                           .arg(e.len);
        }
        return out;
    }
    /** The states an endpoint went through: side and socket ("" matches any but the listener). */
    QStringList states(Side side, const QString &socket = {}) const
    {
        QStringList out;
        for (const LabEvent &e : timeline.events()) {
            if (e.kind != EventKind::State || e.side != side)
                continue;
            if (socket.isEmpty() ? e.socket == QLatin1String("listener") : e.socket != socket)
                continue;
            out << tcpStateName(e.to);
        }
        return out;
    }
    QList<qint64> timesOf(const QString &flags, Side side) const
    {
        QList<qint64> out;
        for (const LabEvent &e : timeline.events()) {
            if (e.kind == EventKind::Segment && e.side == side && e.flags.join(u',') == flags)
                out << e.tUs;
        }
        return out;
    }
    const LabEvent *firstCall(const QString &call, CallPhase phase) const
    {
        for (const LabEvent &e : timeline.events()) {
            if (e.kind == EventKind::Call && e.call == call && e.phase == phase)
                return &e;
        }
        return nullptr;
    }
};

int sysctl(const char *path, int fallback)
{
    QFile f(QString::fromLatin1(path));
    bool ok = false;
    const int v = f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toInt(&ok) : 0;
    return ok ? v : fallback;
}

} // namespace

class TstScenarios : public QObject
{
    Q_OBJECT

private slots:
    void everyScenarioBuilds_data();
    void everyScenarioBuilds();
    void unknownScenario();
    void threeWayHandshake();
    void tcpEcho();
    void fourWayClose();
    void threeSegmentClose();
    void connectionRefused();
    void synRetransmit();
    void synRetransmitLinux();
    void simultaneousOpen();
    void simultaneousClose();
    void halfClose();
    void abortSendsRst();
    void backlogFull();
    void udpEcho();
    void stepperWalksForwardAndBack();
    void stepperPlaysAndStops();
};

void TstScenarios::everyScenarioBuilds_data()
{
    QTest::addColumn<QString>("name");
    for (const ScenarioInfo &i : Scenarios::list())
        QTest::newRow(qPrintable(i.name)) << i.name;
}

void TstScenarios::everyScenarioBuilds()
{
    QFETCH(QString, name);
    Run r(name);
    QVERIFY(r.ok);
    QVERIFY(r.timeline.size() > 5);
    qint64 last = 0;
    bool caption = false;
    for (const LabEvent &e : r.timeline.events()) {
        QCOMPARE(e.source, EventSource::Model); // never presented as observed
        QVERIFY(e.tUs >= last); // model time, in order
        last = e.tUs;
        caption = caption || !e.noteKey.isEmpty();
        if (e.kind == EventKind::Call)
            QVERIFY2(e.code.contains(u':'), qPrintable(e.call)); // the code panel can show it
        if (e.kind == EventKind::State)
            QVERIFY2(!e.transition.isEmpty(), qPrintable(tcpStateName(e.to)));
    }
    QVERIFY(caption);
    QVERIFY(!Scenarios::title(*Scenarios::find(name)).isEmpty());
}

void TstScenarios::unknownScenario()
{
    Timeline t;
    QVERIFY(!Scenarios::build(QStringLiteral("no-such"), &t));
    QCOMPARE(Scenarios::find(QStringLiteral("no-such")), nullptr);
    QCOMPARE(Scenarios::list().size(), 13);
}

void TstScenarios::threeWayHandshake()
{
    Run r(QStringLiteral("three-way-handshake"));
    QCOMPARE(r.segments(),
        (QStringList {
            "client SYN 0/-1 len=0", "server SYN,ACK 0/1 len=0", "client ACK 1/1 len=0" }));
    QStringList client;
    for (const LabEvent &e : r.timeline.events())
        if (e.kind == EventKind::State && e.side == Side::Client)
            client << tcpStateName(e.to);
    QCOMPARE(client, (QStringList { "SYN-SENT", "ESTABLISHED" }));
    QCOMPARE(r.states(Side::Server, QStringLiteral("conn")),
        (QStringList { "SYN-RECEIVED", "ESTABLISHED" }));
    QCOMPARE(r.states(Side::Server, QStringLiteral("listener")), QStringList { "LISTEN" });
    // Raw numbers are the ISNs; relative ones start at 0 (Wireshark's default).
    const LabEvent &syn = *std::find_if(r.timeline.events().cbegin(), r.timeline.events().cend(),
        [](const LabEvent &e) { return e.kind == EventKind::Segment; });
    QCOMPARE(syn.seqRaw, 3892146337);
    QCOMPARE(syn.options, (QStringList { "MSS=65495" })); // loopback: MTU 65536 − 40
    // The client is ESTABLISHED on the SYN-ACK, the server on the final ACK.
    const auto *connectReturn = r.firstCall(QStringLiteral("connect"), CallPhase::Return);
    QVERIFY(connectReturn);
    QCOMPARE(connectReturn->result.toInt(), 0);
    QCOMPARE(connectReturn->tUs, 2 * Scenarios::kOneWayDelayUs + 100000);
}

void TstScenarios::tcpEcho()
{
    Run r(QStringLiteral("tcp-echo"));
    QCOMPARE(r.segments(),
        (QStringList { "client SYN 0/-1 len=0", "server SYN,ACK 0/1 len=0", "client ACK 1/1 len=0",
            "client PSH,ACK 1/1 len=12", "server ACK 1/13 len=0", "server PSH,ACK 1/13 len=21",
            "client ACK 13/22 len=0", "server FIN,ACK 22/13 len=0", "client ACK 13/23 len=0",
            "client FIN,ACK 13/23 len=0", "server ACK 23/14 len=0" }));
    QCOMPARE(r.states(Side::Server, QStringLiteral("conn")),
        (QStringList {
            "SYN-RECEIVED", "ESTABLISHED", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT", "CLOSED" }));
    QStringList client;
    for (const LabEvent &e : r.timeline.events())
        if (e.kind == EventKind::State && e.side == Side::Client)
            client << tcpStateName(e.to);
    QCOMPARE(
        client, (QStringList { "SYN-SENT", "ESTABLISHED", "CLOSE-WAIT", "LAST-ACK", "CLOSED" }));
    // TIME-WAIT lasts 2·MSL = 60 s (Linux).
    LabEvent last;
    for (const LabEvent &e : r.timeline.events())
        if (e.kind == EventKind::State)
            last = e;
    QCOMPARE(last.to, TcpState::Closed);
    QCOMPARE(last.side, Side::Server);
    QCOMPARE(last.transition, QStringLiteral("Timeout=2MSL / delete TCB"));
    int dataEvents = 0;
    for (const LabEvent &e : r.timeline.events())
        dataEvents += e.kind == EventKind::Data ? 1 : 0;
    QCOMPARE(dataEvents, 2);
}

void TstScenarios::fourWayClose()
{
    Run r(QStringLiteral("four-way-close"));
    const QStringList s = r.segments();
    QCOMPARE(s.mid(3),
        (QStringList { "client FIN,ACK 1/1 len=0", "server ACK 1/2 len=0",
            "server FIN,ACK 1/2 len=0", "client ACK 2/2 len=0" }));
    QStringList client;
    for (const LabEvent &e : r.timeline.events())
        if (e.kind == EventKind::State && e.side == Side::Client)
            client << tcpStateName(e.to);
    QCOMPARE(client.mid(2), (QStringList { "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT", "CLOSED" }));
    const QList<qint64> finTimes = r.timesOf(QStringLiteral("FIN,ACK"), Side::Client);
    QCOMPARE(finTimes.size(), 1);
    qint64 closedAt = -1;
    for (const LabEvent &e : r.timeline.events())
        if (e.kind == EventKind::State && e.side == Side::Client && e.to == TcpState::Closed)
            closedAt = e.tUs;
    QCOMPARE(closedAt - r.timesOf(QStringLiteral("FIN,ACK"), Side::Server).first(),
        Scenarios::kOneWayDelayUs + 60000000); // TIME-WAIT from the last FIN's arrival
}

void TstScenarios::threeSegmentClose()
{
    Run r(QStringLiteral("three-segment-close"));
    QCOMPARE(r.segments().mid(3),
        (QStringList {
            "client FIN,ACK 1/1 len=0", "server FIN,ACK 1/2 len=0", "client ACK 2/2 len=0" }));
    QStringList client;
    for (const LabEvent &e : r.timeline.events())
        if (e.kind == EventKind::State && e.side == Side::Client)
            client << tcpStateName(e.to);
    // No FIN-WAIT-2: the FIN that acknowledges ours takes FIN-WAIT-1 straight to TIME-WAIT.
    QCOMPARE(client.mid(2), (QStringList { "FIN-WAIT-1", "TIME-WAIT", "CLOSED" }));
}

void TstScenarios::connectionRefused()
{
    Run r(QStringLiteral("connection-refused"));
    QCOMPARE(r.segments(), (QStringList { "client SYN 0/-1 len=0", "server RST,ACK 0/1 len=0" }));
    QStringList client;
    for (const LabEvent &e : r.timeline.events())
        if (e.kind == EventKind::State && e.side == Side::Client)
            client << tcpStateName(e.to);
    QCOMPARE(client, (QStringList { "SYN-SENT", "CLOSED" }));
    const auto *ret = r.firstCall(QStringLiteral("connect_ex"), CallPhase::Return);
    QVERIFY(ret);
    QCOMPARE(ret->result.toInt(), 111); // ECONNREFUSED on Linux (10061 on Windows)
    QVERIFY(!ret->failed()); // connect_ex returns the errno, it does not raise
}

void TstScenarios::synRetransmit()
{
    Run r(QStringLiteral("syn-retransmit"));
    const QList<qint64> syns = r.timesOf(QStringLiteral("SYN"), Side::Client);
    QCOMPARE(syns.size(), 3);
    QCOMPARE(syns[1] - syns[0], 1000000); // RFC 6298: RTO 1 s …
    QCOMPARE(syns[2] - syns[1], 2000000); // … then doubled
    QCOMPARE(
        r.segments().mid(3), (QStringList { "server SYN,ACK 0/1 len=0", "client ACK 1/1 len=0" }));
}

void TstScenarios::synRetransmitLinux()
{
    const int retries = sysctl("/proc/sys/net/ipv4/tcp_syn_retries", 6);
    const int linear = sysctl("/proc/sys/net/ipv4/tcp_syn_linear_timeouts", 0);
    Run r(QStringLiteral("syn-retransmit-linux"));
    const QList<qint64> syns = r.timesOf(QStringLiteral("SYN"), Side::Client);
    const QList<qint64> schedule = TcpConnection::synRetransmitGapsUs(retries, linear);
    QCOMPARE(syns.size(), retries + linear + 1);
    for (int i = 1; i < syns.size(); ++i) {
        const qint64 expected = i <= linear + 1 ? 1000000 : (qint64(1000000) << (i - linear - 1));
        QCOMPARE(syns[i] - syns[i - 1], expected);
        QCOMPARE(syns[i] - syns[i - 1], schedule.at(i - 1));
    }
    const auto *ret = r.firstCall(QStringLiteral("connect"), CallPhase::Return);
    QVERIFY(ret);
    QCOMPARE(ret->errnum, 110); // ETIMEDOUT
    QCOMPARE(ret->tUs - syns.last(), schedule.last());
    if (retries == 6 && linear == 4) // this machine, measured (PLATFORM-NOTES 20)
        QCOMPARE(ret->tUs - syns.first(), qint64(131000000));
}

void TstScenarios::simultaneousOpen()
{
    Run r(QStringLiteral("simultaneous-open"));
    QStringList client, server;
    for (const LabEvent &e : r.timeline.events())
        if (e.kind == EventKind::State)
            (e.side == Side::Client ? client : server) << tcpStateName(e.to);
    QCOMPARE(client, (QStringList { "SYN-SENT", "SYN-RECEIVED", "ESTABLISHED" }));
    QCOMPARE(server, (QStringList { "SYN-SENT", "SYN-RECEIVED", "ESTABLISHED" }));
    QCOMPARE(r.segments(),
        (QStringList { "client SYN 0/-1 len=0", "server SYN 0/-1 len=0", "server SYN,ACK 0/1 len=0",
            "client SYN,ACK 0/1 len=0" }));
}

void TstScenarios::simultaneousClose()
{
    Run r(QStringLiteral("simultaneous-close"));
    QStringList client, server;
    for (const LabEvent &e : r.timeline.events())
        if (e.kind == EventKind::State && e.socket != QLatin1String("listener"))
            (e.side == Side::Client ? client : server) << tcpStateName(e.to);
    QCOMPARE(client.mid(2), (QStringList { "FIN-WAIT-1", "CLOSING", "TIME-WAIT", "CLOSED" }));
    QCOMPARE(server.mid(2), (QStringList { "FIN-WAIT-1", "CLOSING", "TIME-WAIT", "CLOSED" }));
}

void TstScenarios::halfClose()
{
    Run r(QStringLiteral("half-close"));
    QStringList client;
    int dataInFinWait2 = 0;
    TcpState clientState = TcpState::Closed;
    for (const LabEvent &e : r.timeline.events()) {
        if (e.kind == EventKind::State && e.side == Side::Client) {
            client << tcpStateName(e.to);
            clientState = e.to;
        }
        if (e.kind == EventKind::Data && e.side == Side::Client
            && clientState == TcpState::FinWait2)
            ++dataInFinWait2;
    }
    QVERIFY(client.contains(QStringLiteral("FIN-WAIT-2")));
    QCOMPARE(dataInFinWait2, 1); // the reply still arrives after shutdown(SHUT_WR)
    QVERIFY(r.firstCall(QStringLiteral("shutdown"), CallPhase::Return));
}

void TstScenarios::abortSendsRst()
{
    Run r(QStringLiteral("abort"));
    QCOMPARE(r.segments().mid(3), (QStringList { "client RST,ACK 1/1 len=0" }));
    const auto *recv = r.firstCall(QStringLiteral("recv"), CallPhase::Return);
    QVERIFY(recv);
    QCOMPARE(recv->errnum, 104); // ECONNRESET
    // No TIME-WAIT after an abort.
    for (const LabEvent &e : r.timeline.events())
        QVERIFY(!(e.kind == EventKind::State && e.to == TcpState::TimeWait));
}

void TstScenarios::backlogFull()
{
    Run r(QStringLiteral("backlog-full"));
    // listen(1): two handshakes complete, the third client's SYNs are dropped and retried.
    QSet<int> established;
    for (const LabEvent &e : r.timeline.events())
        if (e.kind == EventKind::State && e.side == Side::Client && e.to == TcpState::Established)
            established.insert(e.stream);
    QCOMPARE(established.size(), 3);
    QList<qint64> thirdSyns;
    for (const LabEvent &e : r.timeline.events())
        if (e.kind == EventKind::Segment && e.stream == 2 && e.flags == QStringList { "SYN" })
            thirdSyns << e.tUs;
    QCOMPARE(thirdSyns.size(), 3); // dropped, dropped, admitted after accept()
    // Retried on this kernel's schedule (tcp_syn_linear_timeouts: 1 s, then 1 s or 2 s).
    const QList<qint64> schedule
        = TcpConnection::synRetransmitGapsUs(sysctl("/proc/sys/net/ipv4/tcp_syn_retries", 6),
            sysctl("/proc/sys/net/ipv4/tcp_syn_linear_timeouts", 0));
    QCOMPARE(thirdSyns[1] - thirdSyns[0], schedule.at(0));
    QCOMPARE(thirdSyns[2] - thirdSyns[1], schedule.at(1));
    bool noRst = true;
    for (const LabEvent &e : r.timeline.events())
        noRst = noRst && !(e.kind == EventKind::Segment && e.flags.contains(QStringLiteral("RST")));
    QVERIFY(noRst); // RST only with tcp_abort_on_overflow
}

void TstScenarios::udpEcho()
{
    Run r(QStringLiteral("udp-echo"));
    QStringList datagrams;
    for (const LabEvent &e : r.timeline.events()) {
        QVERIFY(e.kind != EventKind::Segment && e.kind != EventKind::State);
        if (e.kind == EventKind::Datagram)
            datagrams << QStringLiteral("%1 %2").arg(sideToken(e.side)).arg(e.len);
    }
    QCOMPARE(datagrams, (QStringList { "client 6", "server 43" })); // "你好" is 6 bytes in UTF-8
}

void TstScenarios::stepperWalksForwardAndBack()
{
    Timeline t;
    Scenarios::build(QStringLiteral("three-way-handshake"), &t);
    Stepper s;
    QSignalSpy changed(&s, &Stepper::currentChanged);
    s.setTimeline(&t);
    QCOMPARE(s.current(), 0);
    QCOMPARE(s.count(), t.size());
    s.next();
    s.next();
    QCOMPARE(s.current(), 2);
    s.previous();
    QCOMPARE(s.current(), 1);
    s.last();
    QVERIFY(s.atEnd());
    s.next(); // stays at the end
    QCOMPARE(s.current(), t.size() - 1);
    s.jumpTo(1000);
    QCOMPARE(s.current(), t.size() - 1);
    s.jumpTo(-5);
    QCOMPARE(s.current(), 0);
    s.first();
    QVERIFY(s.atStart());
    QVERIFY(changed.size() >= 6);
}

void TstScenarios::stepperPlaysAndStops()
{
    Timeline t;
    Scenarios::build(QStringLiteral("connection-refused"), &t);
    Stepper s;
    s.setTimeline(&t);
    s.setSpeed(4.0);
    QSignalSpy playing(&s, &Stepper::playingChanged);
    s.play();
    QVERIFY(s.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(s.atEnd(), 20000);
    QTRY_VERIFY(!s.isPlaying()); // stops by itself at the end
    QCOMPARE(playing.size(), 2);
    s.restart();
    QCOMPARE(s.current(), 0);
    s.setSpeed(100); // clamped
    QCOMPARE(s.speed(), 4.0);
}

QTEST_GUILESS_MAIN(TstScenarios)
#include "tst_scenarios.moc"
