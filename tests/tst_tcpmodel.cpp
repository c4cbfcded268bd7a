// The RFC 9293 teaching model: sequence arithmetic, segments, the diagram's
// arcs, and TcpConnection — a data-driven transition table that covers every
// arc, then whole exchanges between two endpoints wired together, checked
// segment by segment and variable by variable.

#include "tcp/seqnum.h"
#include "tcp/tcpconnection.h"
#include "tcp/tcpdiagram.h"
#include "tcp/tcpsegment.h"

#include <QSet>
#include <QTest>

namespace {

using S = TcpState;
using N = TcpConnection::Notice;
using Result = TcpConnection::Result;

constexpr quint32 kIss = 1000; // the endpoint under test
constexpr quint32 kPeerIss = 5000; // the other end
constexpr qint64 kSecond = 1000000;

TcpConnection::Config config(quint32 iss = kIss)
{
    TcpConnection::Config c;
    c.iss = iss;
    return c;
}

TcpSegment seg(quint8 flags, quint32 seq, quint32 ack = 0, quint32 len = 0)
{
    TcpSegment s;
    s.flags = flags;
    s.seq = seq;
    s.ack = ack;
    s.len = len;
    s.wnd = 65535;
    return s;
}

/** Segments as "SYN,ACK FIN,ACK"; empty when nothing was sent. */
QString flagsOf(const QList<TcpSegment> &segments)
{
    QStringList out;
    for (const TcpSegment &s : segments)
        out << s.flagNames().join(QLatin1Char(','));
    return out.join(QLatin1Char(' '));
}

QString noticesOf(const Result &r)
{
    static const char *const kNames[] = { "Established", "Refused", "Reset", "DataReceived",
        "EndOfStream", "ChallengeAck", "TimedOut", "Closed" };
    QStringList out;
    for (N n : r.notices)
        out << QString::fromLatin1(kNames[int(n)]);
    return out.join(QLatin1Char(' '));
}

QString arcKey(const TcpArc &a)
{
    return tcpStateName(a.from) + QLatin1String(" → ") + tcpStateName(a.to) + QLatin1String(": ")
        + a.label();
}

QString stateOf(const TcpConnection &c)
{
    return tcpStateName(c.state());
}

/**
 * One endpoint (ISS 1000) driven into @p state by segments of a peer whose ISS
 * is 5000. @p passive picks the way into SYN-RECEIVED (and ESTABLISHED).
 */
TcpConnection inState(S state, bool passive = false)
{
    TcpConnection c(config());
    const auto peerSyn = seg(TcpSyn, kPeerIss);
    switch (state) {
    case S::Unknown:
    case S::Closed:
        break;
    case S::Listen:
        c.open(false);
        break;
    case S::SynSent:
        c.open(true);
        break;
    case S::SynReceived:
        c.open(!passive);
        c.receive(peerSyn);
        break;
    case S::Established:
        if (passive) {
            c = inState(S::SynReceived, true);
            c.receive(seg(TcpAck, kPeerIss + 1, kIss + 1));
        } else {
            c.open(true);
            c.receive(seg(TcpSyn | TcpAck, kPeerIss, kIss + 1));
        }
        break;
    case S::FinWait1:
        c = inState(S::Established);
        c.close();
        break;
    case S::FinWait2:
        c = inState(S::FinWait1);
        c.receive(seg(TcpAck, kPeerIss + 1, kIss + 2));
        break;
    case S::CloseWait:
        c = inState(S::Established);
        c.receive(seg(TcpFin | TcpAck, kPeerIss + 1, kIss + 1));
        break;
    case S::Closing:
        c = inState(S::FinWait1);
        c.receive(seg(TcpFin | TcpAck, kPeerIss + 1, kIss + 1));
        break;
    case S::LastAck:
        c = inState(S::CloseWait);
        c.close();
        break;
    case S::TimeWait:
        c = inState(S::FinWait2);
        c.receive(seg(TcpFin | TcpAck, kPeerIss + 1, kIss + 2));
        break;
    }
    return c;
}

/** Applies the stimulus named as the RFC's diagram names events. */
Result apply(TcpConnection &c, const QString &stimulus)
{
    const bool synchronized = c.state() != S::Listen && c.state() != S::SynSent;
    if (stimulus == QLatin1String("passive OPEN"))
        return c.open(false);
    if (stimulus == QLatin1String("active OPEN"))
        return c.open(true);
    if (stimulus == QLatin1String("SEND"))
        return c.send(10);
    if (stimulus == QLatin1String("CLOSE"))
        return c.close();
    if (stimulus == QLatin1String("ABORT"))
        return c.abort();
    if (stimulus == QLatin1String("rcv SYN")) // a new SYN, inside the window once synchronized
        return c.receive(seg(TcpSyn, synchronized ? c.rcvNxt() : kPeerIss));
    if (stimulus == QLatin1String("rcv SYN,ACK"))
        return c.receive(seg(TcpSyn | TcpAck, kPeerIss, c.sndNxt()));
    if (stimulus == QLatin1String("rcv ACK"))
        return c.receive(seg(TcpAck, c.rcvNxt(), c.sndNxt()));
    if (stimulus == QLatin1String("rcv FIN")) // acknowledges nothing new
        return c.receive(seg(TcpFin | TcpAck, c.rcvNxt(), c.sndUna()));
    if (stimulus == QLatin1String("rcv FIN,ACK of FIN"))
        return c.receive(seg(TcpFin | TcpAck, c.rcvNxt(), c.sndNxt()));
    if (stimulus == QLatin1String("rcv RST"))
        return c.receive(seg(TcpRst, c.rcvNxt()));
    if (stimulus == QLatin1String("rcv RST,ACK"))
        return c.receive(seg(TcpRst | TcpAck, 0, c.sndNxt()));
    if (stimulus == QLatin1String("Timeout=2MSL"))
        return c.timeWaitTimeout();
    if (stimulus == QLatin1String("Timeout")) { // every retransmission in vain
        Result r;
        for (int i = 0; i < 100 && !r.transition; ++i)
            r = c.retransmissionTimeout();
        return r;
    }
    qFatal("unknown stimulus %s", qPrintable(stimulus));
}

struct Row
{
    S from;
    bool passive; // the way into SYN-RECEIVED
    const char *stimulus;
    S to;
    const char *sent; // flags of the segments sent
    const char *notices;
    const char *event; // the arc taken
    const char *action;
};

/** The transition table: state × event → next state, segment sent, arc. */
const QList<Row> &tableRows()
{
    static const QList<Row> rows {
        // RFC 9293 Figure 5.
        { S::Closed, false, "passive OPEN", S::Listen, "", "", "passive OPEN", "create TCB" },
        { S::Closed, false, "active OPEN", S::SynSent, "SYN", "", "active OPEN", "snd SYN" },
        { S::Listen, false, "CLOSE", S::Closed, "", "Closed", "CLOSE", "delete TCB" },
        { S::Listen, false, "rcv SYN", S::SynReceived, "SYN,ACK", "", "rcv SYN", "snd SYN,ACK" },
        { S::Listen, false, "SEND", S::SynSent, "SYN", "", "SEND", "snd SYN" },
        { S::SynReceived, true, "rcv RST", S::Listen, "", "", "rcv RST", "x" },
        { S::SynSent, false, "rcv SYN", S::SynReceived, "SYN,ACK", "", "rcv SYN", "snd SYN,ACK" },
        { S::SynSent, false, "CLOSE", S::Closed, "", "Closed", "CLOSE", "delete TCB" },
        { S::SynReceived, true, "rcv ACK", S::Established, "", "Established", "rcv ACK of SYN",
            "x" },
        { S::SynReceived, false, "rcv SYN,ACK", S::Established, "", "Established", "rcv ACK of SYN",
            "x" }, // simultaneous open, Figure 8
        { S::SynSent, false, "rcv SYN,ACK", S::Established, "ACK", "Established", "rcv SYN,ACK",
            "snd ACK" },
        { S::SynReceived, true, "CLOSE", S::FinWait1, "FIN,ACK", "", "CLOSE", "snd FIN" },
        { S::Established, false, "CLOSE", S::FinWait1, "FIN,ACK", "", "CLOSE", "snd FIN" },
        { S::Established, false, "rcv FIN", S::CloseWait, "ACK", "EndOfStream", "rcv FIN",
            "snd ACK" },
        { S::FinWait1, false, "rcv ACK", S::FinWait2, "", "", "rcv ACK of FIN", "x" },
        { S::FinWait1, false, "rcv FIN", S::Closing, "ACK", "EndOfStream", "rcv FIN", "snd ACK" },
        { S::CloseWait, false, "CLOSE", S::LastAck, "FIN,ACK", "", "CLOSE", "snd FIN" },
        { S::FinWait2, false, "rcv FIN", S::TimeWait, "ACK", "EndOfStream", "rcv FIN", "snd ACK" },
        { S::Closing, false, "rcv ACK", S::TimeWait, "", "", "rcv ACK of FIN", "x" },
        { S::LastAck, false, "rcv ACK", S::Closed, "", "Closed", "rcv ACK of FIN", "x" },
        { S::TimeWait, false, "Timeout=2MSL", S::Closed, "", "Closed", "Timeout=2MSL",
            "delete TCB" },
        // The transitions the RFC's text adds.
        { S::Listen, false, "active OPEN", S::SynSent, "SYN", "", "active OPEN", "snd SYN" },
        { S::FinWait1, false, "rcv FIN,ACK of FIN", S::TimeWait, "ACK", "EndOfStream",
            "rcv FIN,ACK of FIN", "snd ACK" },
        { S::SynSent, false, "rcv RST,ACK", S::Closed, "", "Refused Closed", "rcv RST,ACK", "x" },
        { S::SynSent, false, "Timeout", S::Closed, "", "TimedOut Closed", "Timeout", "x" },
        { S::SynReceived, true, "rcv SYN", S::Listen, "", "", "rcv SYN", "x" },
        { S::SynReceived, true, "Timeout", S::Listen, "", "", "Timeout", "x" },
        // Resets (§3.10.7.4 second step).
        { S::SynReceived, false, "rcv RST", S::Closed, "", "Refused Closed", "rcv RST", "x" },
        { S::Established, false, "rcv RST", S::Closed, "", "Reset Closed", "rcv RST", "x" },
        { S::FinWait1, false, "rcv RST", S::Closed, "", "Reset Closed", "rcv RST", "x" },
        { S::FinWait2, false, "rcv RST", S::Closed, "", "Reset Closed", "rcv RST", "x" },
        { S::CloseWait, false, "rcv RST", S::Closed, "", "Reset Closed", "rcv RST", "x" },
        { S::Closing, false, "rcv RST", S::Closed, "", "Closed", "rcv RST", "x" },
        { S::LastAck, false, "rcv RST", S::Closed, "", "Closed", "rcv RST", "x" },
        { S::TimeWait, false, "rcv RST", S::Closed, "", "Closed", "rcv RST", "x" },
        // ABORT (§3.10.5).
        { S::SynReceived, true, "ABORT", S::Closed, "RST,ACK", "Closed", "ABORT", "snd RST" },
        { S::Established, false, "ABORT", S::Closed, "RST,ACK", "Closed", "ABORT", "snd RST" },
        { S::FinWait1, false, "ABORT", S::Closed, "RST,ACK", "Closed", "ABORT", "snd RST" },
        { S::FinWait2, false, "ABORT", S::Closed, "RST,ACK", "Closed", "ABORT", "snd RST" },
        { S::CloseWait, false, "ABORT", S::Closed, "RST,ACK", "Closed", "ABORT", "snd RST" },
        { S::Listen, false, "ABORT", S::Closed, "", "Closed", "ABORT", "delete TCB" },
        { S::SynSent, false, "ABORT", S::Closed, "", "Closed", "ABORT", "delete TCB" },
        { S::Closing, false, "ABORT", S::Closed, "", "Closed", "ABORT", "delete TCB" },
        { S::LastAck, false, "ABORT", S::Closed, "", "Closed", "ABORT", "delete TCB" },
        { S::TimeWait, false, "ABORT", S::Closed, "", "Closed", "ABORT", "delete TCB" },
        // Retransmissions exhausted.
        { S::SynReceived, false, "Timeout", S::Closed, "", "TimedOut Closed", "Timeout", "x" },
        { S::FinWait1, false, "Timeout", S::Closed, "", "TimedOut Closed", "Timeout", "x" },
        { S::Closing, false, "Timeout", S::Closed, "", "TimedOut Closed", "Timeout", "x" },
        { S::LastAck, false, "Timeout", S::Closed, "", "TimedOut Closed", "Timeout", "x" },
    };
    return rows;
}

TcpArc arcOf(const Row &row)
{
    return TcpArc { row.from, row.to, QString::fromLatin1(row.event),
        QString::fromLatin1(row.action) };
}

/** Two endpoints after a handshake: client ISS 1000, server ISS 5000. */
struct Pair
{
    TcpConnection client { config(kIss) };
    TcpConnection server { config(kPeerIss) };
};

Pair established(quint32 clientIss = kIss, quint32 serverIss = kPeerIss)
{
    Pair p { TcpConnection(config(clientIss)), TcpConnection(config(serverIss)) };
    p.server.open(false);
    const Result syn = p.client.open(true);
    const Result synAck = p.server.receive(syn.sent.at(0));
    const Result ack = p.client.receive(synAck.sent.at(0));
    p.server.receive(ack.sent.at(0));
    return p;
}

} // namespace

class TstTcpModel : public QObject
{
    Q_OBJECT

private slots:
    void seqArithmetic_data();
    void seqArithmetic();
    void seqWindow_data();
    void seqWindow();
    void segmentStrings();
    void findArc();
    void transitionTable_data();
    void transitionTable();
    void tableCoversEveryArc();
    void handshake();
    void fourWayClose();
    void threeSegmentClose();
    void simultaneousOpen();
    void simultaneousClose();
    void halfClose();
    void refused();
    void rstInSynchronizedStates_data();
    void rstInSynchronizedStates();
    void synInSynchronizedStates_data();
    void synInSynchronizedStates();
    void abortSendsRst();
    void wraparound();
    void synRetransmitGaps_data();
    void synRetransmitGaps();
    void synRetransmitSchedule_data();
    void synRetransmitSchedule();
    void finRetransmission();
    void timeWaitRestartsOnRetransmittedFin();
    void segmentsInClosedAndListen();
    void listenAgainAfterReset();
    void synSentRejectsBadAck();
    void dataSegmentsFollowMssAndWindow();
    void dataQueuedBeforeEstablished();
    void duplicateAndOutOfOrderData();
    void finRidingOnTheHandshakeAck();
    void callsRefusedInWrongStates();
};

void TstTcpModel::seqArithmetic_data()
{
    QTest::addColumn<quint32>("a");
    QTest::addColumn<quint32>("b");
    QTest::addColumn<bool>("lt");
    QTest::addColumn<bool>("le");
    QTest::addColumn<bool>("gt");
    QTest::addColumn<bool>("ge");
    QTest::newRow("plain") << 1u << 2u << true << true << false << false;
    QTest::newRow("equal") << 7u << 7u << false << true << false << true;
    QTest::newRow("wrap: 2^32-1 < 0") << 0xFFFFFFFFu << 0u << true << true << false << false;
    QTest::newRow("wrap: 0 > 2^32-1") << 0u << 0xFFFFFFFFu << false << false << true << true;
    QTest::newRow("wrap: 0xFFFFFFF0 < 0x10")
        << 0xFFFFFFF0u << 0x10u << true << true << false << false;
    QTest::newRow("2^31-1 ahead") << 0x7FFFFFFFu << 0u << false << false << true << true;
    QTest::newRow("2^31 + 1 ahead is behind")
        << 0x80000001u << 0u << true << true << false << false;
}

void TstTcpModel::seqArithmetic()
{
    QFETCH(quint32, a);
    QFETCH(quint32, b);
    QFETCH(bool, lt);
    QFETCH(bool, le);
    QFETCH(bool, gt);
    QFETCH(bool, ge);
    QCOMPARE(Seq::lt(a, b), lt);
    QCOMPARE(Seq::le(a, b), le);
    QCOMPARE(Seq::gt(a, b), gt);
    QCOMPARE(Seq::ge(a, b), ge);
}

void TstTcpModel::seqWindow_data()
{
    QTest::addColumn<quint32>("x");
    QTest::addColumn<quint32>("lo");
    QTest::addColumn<quint32>("hi");
    QTest::addColumn<bool>("inside");
    QTest::newRow("lo is inside") << 100u << 100u << 200u << true;
    QTest::newRow("hi is outside") << 200u << 100u << 200u << false;
    QTest::newRow("below") << 99u << 100u << 200u << false;
    QTest::newRow("empty window") << 100u << 100u << 100u << false;
    QTest::newRow("across 2^32, before") << 0xFFFFFFF8u << 0xFFFFFFF0u << 0x10u << true;
    QTest::newRow("across 2^32, at 0") << 0u << 0xFFFFFFF0u << 0x10u << true;
    QTest::newRow("across 2^32, after") << 0xFu << 0xFFFFFFF0u << 0x10u << true;
    QTest::newRow("across 2^32, hi") << 0x10u << 0xFFFFFFF0u << 0x10u << false;
    QTest::newRow("across 2^32, below") << 0xFFFFFFEFu << 0xFFFFFFF0u << 0x10u << false;
}

void TstTcpModel::seqWindow()
{
    QFETCH(quint32, x);
    QFETCH(quint32, lo);
    QFETCH(quint32, hi);
    QFETCH(bool, inside);
    QCOMPARE(Seq::inWindow(x, lo, hi), inside);
}

void TstTcpModel::segmentStrings()
{
    TcpOptions o;
    QCOMPARE(o.toStrings(), QStringList());
    o.windowScale = 7;
    o.timestamps = true;
    o.sackPermitted = true;
    o.mss = 1460;
    QCOMPARE(o.toStrings(), (QStringList { "MSS=1460", "SACK_PERM", "TS", "WS=7" }));
    o = {};
    o.windowScale = 0;
    QCOMPARE(o.toStrings(), QStringList { "WS=0" });

    TcpSegment s;
    QCOMPARE(s.flagNames(), QStringList());
    s.flags = TcpAck | TcpPsh | TcpRst | TcpSyn | TcpFin;
    QCOMPARE(s.flagNames(), (QStringList { "FIN", "SYN", "RST", "PSH", "ACK" }));
    s.flags = TcpSyn | TcpAck;
    QCOMPARE(s.flagNames(), (QStringList { "SYN", "ACK" }));
    s.len = 10;
    QCOMPARE(s.seqLen(), 11u);
    s.flags = TcpFin | TcpAck;
    QCOMPARE(s.seqLen(), 11u);
    s.flags = TcpSyn | TcpFin;
    QCOMPARE(s.seqLen(), 12u);
}

void TstTcpModel::findArc()
{
    const TcpArc *a = findTcpArc(S::Listen, S::SynReceived);
    QVERIFY(a);
    QCOMPARE(a->label(), QStringLiteral("rcv SYN / snd SYN,ACK"));
    a = findTcpArc(S::SynSent, S::Closed, QStringLiteral("rcv RST,ACK"));
    QVERIFY(a);
    QCOMPARE(a->action, QStringLiteral("x"));
    a = findTcpArc(S::SynSent, S::Closed, QStringLiteral("Timeout"));
    QVERIFY(a);
    QCOMPARE(a->event, QStringLiteral("Timeout"));
    // An unknown event falls back to the first arc between the two states.
    a = findTcpArc(S::SynSent, S::Closed, QStringLiteral("no such event"));
    QVERIFY(a);
    QCOMPARE(a->label(), QStringLiteral("CLOSE / delete TCB"));
    QCOMPARE(findTcpArc(S::Closed, S::Established), nullptr);
    QCOMPARE(findTcpArc(S::TimeWait, S::Listen, QStringLiteral("Timeout")), nullptr);
    // No arc twice.
    QSet<QString> keys;
    for (const TcpArc &arc : tcpDiagramArcs())
        keys.insert(arcKey(arc));
    QCOMPARE(keys.size(), tcpDiagramArcs().size());
}

void TstTcpModel::transitionTable_data()
{
    QTest::addColumn<int>("row");
    const QList<Row> &rows = tableRows();
    for (int i = 0; i < rows.size(); ++i) {
        const Row &r = rows[i];
        const QString name = tcpStateName(r.from)
            + (r.from == S::SynReceived ? (r.passive ? " (passive)" : " (active)") : "") + " × "
            + QLatin1String(r.stimulus);
        QTest::newRow(qPrintable(name)) << i;
    }
}

void TstTcpModel::transitionTable()
{
    QFETCH(int, row);
    const Row &r = tableRows().at(row);
    TcpConnection c = inState(r.from, r.passive);
    QCOMPARE(stateOf(c), tcpStateName(r.from));
    const Result result = apply(c, QString::fromLatin1(r.stimulus));
    QVERIFY(result.ok);
    QCOMPARE(stateOf(c), tcpStateName(r.to));
    QCOMPARE(flagsOf(result.sent), QString::fromLatin1(r.sent));
    QCOMPARE(noticesOf(result), QString::fromLatin1(r.notices));
    QVERIFY(result.transition);
    QCOMPARE(arcKey(*result.transition), arcKey(arcOf(r)));
    // The arc taken is one of the diagram's.
    const TcpArc *inDiagram = findTcpArc(r.from, r.to, QString::fromLatin1(r.event));
    QVERIFY(inDiagram);
    QCOMPARE(arcKey(*inDiagram), arcKey(arcOf(r)));
}

void TstTcpModel::tableCoversEveryArc()
{
    QSet<QString> table;
    for (const Row &r : tableRows())
        table.insert(arcKey(arcOf(r)));
    QSet<QString> diagram;
    for (const TcpArc &a : tcpDiagramArcs())
        diagram.insert(arcKey(a));
    QStringList missing = (diagram - table).values();
    missing.sort();
    QCOMPARE(missing, QStringList()); // an arc without a row in the table
    QStringList extra = (table - diagram).values();
    extra.sort();
    QCOMPARE(extra, QStringList()); // a row whose arc is not in the diagram
    // Figure 5 has 20 arcs; the text adds the rest.
    QCOMPARE(diagram.size(), 48);
}

void TstTcpModel::handshake()
{
    TcpConnection client(config(1000));
    TcpConnection server(config(5000));

    const Result listen = server.open(false);
    QCOMPARE(stateOf(server), QStringLiteral("LISTEN"));
    QVERIFY(listen.sent.isEmpty());

    const Result open = client.open(true);
    QCOMPARE(stateOf(client), QStringLiteral("SYN-SENT"));
    QCOMPARE(open.sent.size(), 1);
    const TcpSegment syn = open.sent.at(0);
    QCOMPARE(flagsOf(open.sent), QStringLiteral("SYN"));
    QCOMPARE(syn.seq, 1000u);
    QCOMPARE(syn.ack, 0u);
    QCOMPARE(syn.len, 0u);
    QCOMPARE(syn.wnd, 65535u);
    QCOMPARE(syn.options.toStrings(), QStringList { "MSS=1460" });
    QCOMPARE(open.retransmitAfterUs, kSecond);
    QCOMPARE(open.transition->label(), QStringLiteral("active OPEN / snd SYN"));
    QCOMPARE(client.iss(), 1000u);
    QCOMPARE(client.sndUna(), 1000u);
    QCOMPARE(client.sndNxt(), 1001u);

    const Result synAckR = server.receive(syn);
    QCOMPARE(stateOf(server), QStringLiteral("SYN-RECEIVED"));
    QCOMPARE(synAckR.sent.size(), 1);
    const TcpSegment synAck = synAckR.sent.at(0);
    QCOMPARE(flagsOf(synAckR.sent), QStringLiteral("SYN,ACK"));
    QCOMPARE(synAck.seq, 5000u);
    QCOMPARE(synAck.ack, 1001u);
    QCOMPARE(synAck.options.toStrings(), QStringList { "MSS=1460" });
    QCOMPARE(synAckR.retransmitAfterUs, kSecond);
    QCOMPARE(synAckR.transition->label(), QStringLiteral("rcv SYN / snd SYN,ACK"));
    QCOMPARE(server.iss(), 5000u);
    QCOMPARE(server.irs(), 1000u);
    QCOMPARE(server.rcvNxt(), 1001u);
    QCOMPARE(server.sndUna(), 5000u);
    QCOMPARE(server.sndNxt(), 5001u);

    const Result ackR = client.receive(synAck);
    QCOMPARE(stateOf(client), QStringLiteral("ESTABLISHED"));
    QCOMPARE(ackR.sent.size(), 1);
    const TcpSegment ack = ackR.sent.at(0);
    QCOMPARE(flagsOf(ackR.sent), QStringLiteral("ACK"));
    QCOMPARE(ack.seq, 1001u);
    QCOMPARE(ack.ack, 5001u);
    QCOMPARE(ack.len, 0u);
    QVERIFY(ack.options.toStrings().isEmpty());
    QCOMPARE(noticesOf(ackR), QStringLiteral("Established"));
    QVERIFY(ackR.cancelRetransmit);
    QCOMPARE(ackR.transition->label(), QStringLiteral("rcv SYN,ACK / snd ACK"));
    QCOMPARE(client.irs(), 5000u);
    QCOMPARE(client.rcvNxt(), 5001u);
    QCOMPARE(client.sndUna(), 1001u);
    QCOMPARE(client.sndNxt(), 1001u);
    QCOMPARE(client.sndWnd(), 65535u);

    const Result done = server.receive(ack);
    QCOMPARE(stateOf(server), QStringLiteral("ESTABLISHED"));
    QVERIFY(done.sent.isEmpty());
    QCOMPARE(noticesOf(done), QStringLiteral("Established"));
    QVERIFY(done.cancelRetransmit);
    QCOMPARE(done.transition->label(), QStringLiteral("rcv ACK of SYN / x"));
    QCOMPARE(server.sndUna(), 5001u);
    QCOMPARE(server.sndNxt(), 5001u);
    QCOMPARE(server.rcvNxt(), 1001u);
    QCOMPARE(server.sndWnd(), 65535u);

    // The seed's exchange: 12 bytes each way ("请求连接" in UTF-8).
    const Result request = client.send(12);
    QCOMPARE(flagsOf(request.sent), QStringLiteral("PSH,ACK"));
    QCOMPARE(request.sent.at(0).seq, 1001u);
    QCOMPARE(request.sent.at(0).ack, 5001u);
    QCOMPARE(request.sent.at(0).len, 12u);
    QCOMPARE(client.sndNxt(), 1013u);
    const Result gotRequest = server.receive(request.sent.at(0));
    QCOMPARE(noticesOf(gotRequest), QStringLiteral("DataReceived"));
    QCOMPARE(flagsOf(gotRequest.sent), QStringLiteral("ACK"));
    QCOMPARE(gotRequest.sent.at(0).seq, 5001u);
    QCOMPARE(gotRequest.sent.at(0).ack, 1013u);
    QVERIFY(!gotRequest.transition);
    QCOMPARE(server.rcvNxt(), 1013u);
    client.receive(gotRequest.sent.at(0));
    QCOMPARE(client.sndUna(), 1013u);
}

void TstTcpModel::fourWayClose()
{
    Pair p = established();
    const Result fin1 = p.client.close();
    QCOMPARE(stateOf(p.client), QStringLiteral("FIN-WAIT-1"));
    QCOMPARE(flagsOf(fin1.sent), QStringLiteral("FIN,ACK"));
    QCOMPARE(fin1.sent.at(0).seq, 1001u);
    QCOMPARE(fin1.sent.at(0).ack, 5001u);
    QCOMPARE(fin1.retransmitAfterUs, kSecond);
    QCOMPARE(p.client.sndNxt(), 1002u);

    const Result ack1 = p.server.receive(fin1.sent.at(0));
    QCOMPARE(stateOf(p.server), QStringLiteral("CLOSE-WAIT"));
    QCOMPARE(noticesOf(ack1), QStringLiteral("EndOfStream"));
    QCOMPARE(flagsOf(ack1.sent), QStringLiteral("ACK"));
    QCOMPARE(ack1.sent.at(0).seq, 5001u);
    QCOMPARE(ack1.sent.at(0).ack, 1002u);
    QCOMPARE(p.server.rcvNxt(), 1002u);

    const Result fw2 = p.client.receive(ack1.sent.at(0));
    QCOMPARE(stateOf(p.client), QStringLiteral("FIN-WAIT-2"));
    QVERIFY(fw2.sent.isEmpty());
    QVERIFY(fw2.cancelRetransmit);
    QCOMPARE(p.client.sndUna(), 1002u);

    const Result fin2 = p.server.close();
    QCOMPARE(stateOf(p.server), QStringLiteral("LAST-ACK"));
    QCOMPARE(flagsOf(fin2.sent), QStringLiteral("FIN,ACK"));
    QCOMPARE(fin2.sent.at(0).seq, 5001u);
    QCOMPARE(fin2.sent.at(0).ack, 1002u);

    const Result ack2 = p.client.receive(fin2.sent.at(0));
    QCOMPARE(stateOf(p.client), QStringLiteral("TIME-WAIT"));
    QCOMPARE(flagsOf(ack2.sent), QStringLiteral("ACK"));
    QCOMPARE(ack2.sent.at(0).seq, 1002u);
    QCOMPARE(ack2.sent.at(0).ack, 5002u);
    QCOMPARE(ack2.timeWaitAfterUs, 60 * kSecond);
    QCOMPARE(noticesOf(ack2), QStringLiteral("EndOfStream"));

    const Result closed = p.server.receive(ack2.sent.at(0));
    QCOMPARE(stateOf(p.server), QStringLiteral("CLOSED"));
    QVERIFY(closed.sent.isEmpty());
    QVERIFY(closed.cancelRetransmit);
    QCOMPARE(noticesOf(closed), QStringLiteral("Closed"));

    const Result expired = p.client.timeWaitTimeout();
    QCOMPARE(stateOf(p.client), QStringLiteral("CLOSED"));
    QCOMPARE(expired.transition->label(), QStringLiteral("Timeout=2MSL / delete TCB"));
    QCOMPARE(noticesOf(expired), QStringLiteral("Closed"));
    QVERIFY(!p.client.timeWaitTimeout().ok);
}

void TstTcpModel::threeSegmentClose()
{
    Pair p = established();
    const Result fin1 = p.client.close();
    // The server's ACK is not sent on its own: it rides on the server's FIN.
    p.server.receive(fin1.sent.at(0));
    const Result finAck = p.server.close();
    QCOMPARE(flagsOf(finAck.sent), QStringLiteral("FIN,ACK"));
    QCOMPARE(finAck.sent.at(0).seq, 5001u);
    QCOMPARE(finAck.sent.at(0).ack, 1002u);

    const Result ack = p.client.receive(finAck.sent.at(0));
    QCOMPARE(stateOf(p.client), QStringLiteral("TIME-WAIT"));
    QVERIFY(ack.transition);
    QCOMPARE(ack.transition->from, S::FinWait1);
    QCOMPARE(ack.transition->label(), QStringLiteral("rcv FIN,ACK of FIN / snd ACK"));
    QCOMPARE(flagsOf(ack.sent), QStringLiteral("ACK"));
    QCOMPARE(ack.sent.at(0).seq, 1002u);
    QCOMPARE(ack.sent.at(0).ack, 5002u);
    QCOMPARE(ack.timeWaitAfterUs, 60 * kSecond);
    QVERIFY(ack.cancelRetransmit);

    p.server.receive(ack.sent.at(0));
    QCOMPARE(stateOf(p.server), QStringLiteral("CLOSED"));
}

void TstTcpModel::simultaneousOpen()
{
    TcpConnection a(config(1000));
    TcpConnection b(config(5000));
    const Result synA = a.open(true);
    const Result synB = b.open(true);

    const Result synAckA = a.receive(synB.sent.at(0));
    const Result synAckB = b.receive(synA.sent.at(0));
    QCOMPARE(stateOf(a), QStringLiteral("SYN-RECEIVED"));
    QCOMPARE(stateOf(b), QStringLiteral("SYN-RECEIVED"));
    QCOMPARE(synAckA.transition->label(), QStringLiteral("rcv SYN / snd SYN,ACK"));
    QCOMPARE(flagsOf(synAckA.sent), QStringLiteral("SYN,ACK"));
    QCOMPARE(synAckA.sent.at(0).seq, 1000u);
    QCOMPARE(synAckA.sent.at(0).ack, 5001u);
    QCOMPARE(synAckB.sent.at(0).seq, 5000u);
    QCOMPARE(synAckB.sent.at(0).ack, 1001u);
    QCOMPARE(synAckA.retransmitAfterUs, -1); // the SYN's timer keeps running
    QCOMPARE(a.irs(), 5000u);
    QCOMPARE(a.rcvNxt(), 5001u);
    QCOMPARE(a.sndUna(), 1000u);

    const Result estA = a.receive(synAckB.sent.at(0));
    const Result estB = b.receive(synAckA.sent.at(0));
    QCOMPARE(stateOf(a), QStringLiteral("ESTABLISHED"));
    QCOMPARE(stateOf(b), QStringLiteral("ESTABLISHED"));
    QVERIFY(estA.sent.isEmpty()); // Figure 8: four segments in all
    QVERIFY(estB.sent.isEmpty());
    QCOMPARE(noticesOf(estA), QStringLiteral("Established"));
    QCOMPARE(estA.transition->label(), QStringLiteral("rcv ACK of SYN / x"));
    QVERIFY(estA.cancelRetransmit);
    QCOMPARE(a.sndUna(), 1001u);
    QCOMPARE(a.sndNxt(), 1001u);
    QCOMPARE(a.rcvNxt(), 5001u);
    QCOMPARE(b.sndUna(), 5001u);
    QCOMPARE(b.rcvNxt(), 1001u);
    QCOMPARE(a.sndWnd(), 65535u);
}

void TstTcpModel::simultaneousClose()
{
    Pair p = established();
    const Result finC = p.client.close();
    const Result finS = p.server.close();
    QCOMPARE(stateOf(p.client), QStringLiteral("FIN-WAIT-1"));
    QCOMPARE(stateOf(p.server), QStringLiteral("FIN-WAIT-1"));

    const Result ackC = p.client.receive(finS.sent.at(0));
    const Result ackS = p.server.receive(finC.sent.at(0));
    QCOMPARE(stateOf(p.client), QStringLiteral("CLOSING"));
    QCOMPARE(stateOf(p.server), QStringLiteral("CLOSING"));
    QCOMPARE(ackC.transition->label(), QStringLiteral("rcv FIN / snd ACK"));
    QCOMPARE(flagsOf(ackC.sent), QStringLiteral("ACK"));
    QCOMPARE(ackC.sent.at(0).seq, 1002u);
    QCOMPARE(ackC.sent.at(0).ack, 5002u);
    QCOMPARE(ackS.sent.at(0).seq, 5002u);
    QCOMPARE(ackS.sent.at(0).ack, 1002u);

    const Result twC = p.client.receive(ackS.sent.at(0));
    const Result twS = p.server.receive(ackC.sent.at(0));
    QCOMPARE(stateOf(p.client), QStringLiteral("TIME-WAIT"));
    QCOMPARE(stateOf(p.server), QStringLiteral("TIME-WAIT"));
    QCOMPARE(twC.transition->label(), QStringLiteral("rcv ACK of FIN / x"));
    QVERIFY(twC.sent.isEmpty());
    QCOMPARE(twC.timeWaitAfterUs, 60 * kSecond);
    QVERIFY(twC.cancelRetransmit);
    QCOMPARE(twS.timeWaitAfterUs, 60 * kSecond);
    QCOMPARE(p.client.sndUna(), 1002u);
    QCOMPARE(p.client.rcvNxt(), 5002u);
}

void TstTcpModel::halfClose()
{
    Pair p = established();
    const Result fin = p.client.close(); // shutdown(SHUT_WR)
    const Result ack = p.server.receive(fin.sent.at(0));
    p.client.receive(ack.sent.at(0));
    QCOMPARE(stateOf(p.client), QStringLiteral("FIN-WAIT-2"));
    QCOMPARE(stateOf(p.server), QStringLiteral("CLOSE-WAIT"));
    QVERIFY(p.client.close().ok); // close() after shutdown(): "ok", no second FIN
    QVERIFY(!p.client.send(1).ok); // "connection closing"

    const Result data = p.server.send(100);
    QVERIFY(data.ok);
    QCOMPARE(flagsOf(data.sent), QStringLiteral("PSH,ACK"));
    QCOMPARE(data.sent.at(0).seq, 5001u);
    QCOMPARE(data.sent.at(0).ack, 1002u);
    QCOMPARE(data.sent.at(0).len, 100u);

    const Result got = p.client.receive(data.sent.at(0));
    QCOMPARE(stateOf(p.client), QStringLiteral("FIN-WAIT-2"));
    QCOMPARE(noticesOf(got), QStringLiteral("DataReceived"));
    QCOMPARE(flagsOf(got.sent), QStringLiteral("ACK"));
    QCOMPARE(got.sent.at(0).seq, 1002u);
    QCOMPARE(got.sent.at(0).ack, 5101u);
    QCOMPARE(p.client.rcvNxt(), 5101u);
    p.server.receive(got.sent.at(0));
    QCOMPARE(p.server.sndUna(), 5101u);

    const Result fin2 = p.server.close();
    QCOMPARE(fin2.sent.at(0).seq, 5101u);
    const Result last = p.client.receive(fin2.sent.at(0));
    QCOMPARE(stateOf(p.client), QStringLiteral("TIME-WAIT"));
    QCOMPARE(last.sent.at(0).ack, 5102u);
    p.server.receive(last.sent.at(0));
    QCOMPARE(stateOf(p.server), QStringLiteral("CLOSED"));
}

void TstTcpModel::refused()
{
    TcpConnection client(config(1000));
    TcpConnection nobody(config(7000)); // CLOSED: no listener on the port
    const Result syn = client.open(true);
    const Result rst = nobody.receive(syn.sent.at(0));
    QCOMPARE(stateOf(nobody), QStringLiteral("CLOSED"));
    QCOMPARE(flagsOf(rst.sent), QStringLiteral("RST,ACK"));
    QCOMPARE(rst.sent.at(0).seq, 0u);
    QCOMPARE(rst.sent.at(0).ack, 1001u);
    QCOMPARE(rst.sent.at(0).wnd, 0u);
    QVERIFY(!rst.transition);

    const Result refusedR = client.receive(rst.sent.at(0));
    QCOMPARE(stateOf(client), QStringLiteral("CLOSED"));
    QCOMPARE(noticesOf(refusedR), QStringLiteral("Refused Closed"));
    QCOMPARE(refusedR.transition->label(), QStringLiteral("rcv RST,ACK / x"));
    QVERIFY(refusedR.cancelRetransmit);
    QVERIFY(refusedR.sent.isEmpty());
    QVERIFY(!client.retransmissionTimeout().ok);
}

void TstTcpModel::rstInSynchronizedStates_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<bool>("passive");
    QTest::addColumn<int>("offset"); // SEG.SEQ − RCV.NXT
    QTest::addColumn<QString>("next");
    QTest::addColumn<QString>("sent");
    QTest::addColumn<QString>("notices");
    struct Case
    {
        S state;
        bool passive;
        const char *reset; // notices of an exact RST
        const char *afterReset;
    };
    const Case cases[] = {
        { S::SynReceived, true, "", "LISTEN" },
        { S::SynReceived, false, "Refused Closed", "CLOSED" },
        { S::Established, false, "Reset Closed", "CLOSED" },
        { S::FinWait1, false, "Reset Closed", "CLOSED" },
        { S::FinWait2, false, "Reset Closed", "CLOSED" },
        { S::CloseWait, false, "Reset Closed", "CLOSED" },
        { S::Closing, false, "Closed", "CLOSED" },
        { S::LastAck, false, "Closed", "CLOSED" },
        { S::TimeWait, false, "Closed", "CLOSED" },
    };
    for (const Case &c : cases) {
        const QString name = tcpStateName(c.state)
            + (c.state == S::SynReceived ? (c.passive ? " passive" : " active") : "");
        const QString same = tcpStateName(c.state);
        QTest::addRow("%s: exact", qPrintable(name))
            << int(c.state) << c.passive << 0 << QString::fromLatin1(c.afterReset) << QString()
            << QString::fromLatin1(c.reset);
        QTest::addRow("%s: in window", qPrintable(name))
            << int(c.state) << c.passive << 1 << same << QStringLiteral("ACK")
            << QStringLiteral("ChallengeAck");
        QTest::addRow("%s: window end", qPrintable(name))
            << int(c.state) << c.passive << 65534 << same << QStringLiteral("ACK")
            << QStringLiteral("ChallengeAck");
        QTest::addRow("%s: beyond window", qPrintable(name))
            << int(c.state) << c.passive << 65535 << same << QString() << QString();
        QTest::addRow("%s: old", qPrintable(name))
            << int(c.state) << c.passive << -1 << same << QString() << QString();
    }
}

void TstTcpModel::rstInSynchronizedStates()
{
    QFETCH(int, state);
    QFETCH(bool, passive);
    QFETCH(int, offset);
    QFETCH(QString, next);
    QFETCH(QString, sent);
    QFETCH(QString, notices);
    TcpConnection c = inState(S(state), passive);
    const quint32 sndNxt = c.sndNxt();
    const quint32 rcvNxt = c.rcvNxt();
    const Result r = c.receive(seg(TcpRst, rcvNxt + quint32(offset)));
    QCOMPARE(stateOf(c), next);
    QCOMPARE(flagsOf(r.sent), sent);
    QCOMPARE(noticesOf(r), notices);
    if (!sent.isEmpty()) { // RFC 5961 §3.2: <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>
        QCOMPARE(r.sent.at(0).seq, sndNxt);
        QCOMPARE(r.sent.at(0).ack, rcvNxt);
        QVERIFY(!r.transition);
    }
    if (offset != 0)
        QVERIFY(!r.transition);
    else
        QCOMPARE(r.transition->event, QStringLiteral("rcv RST"));
}

void TstTcpModel::synInSynchronizedStates_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("offset"); // SEG.SEQ − RCV.NXT
    for (S s : { S::Established, S::FinWait1, S::FinWait2, S::CloseWait, S::Closing, S::LastAck,
             S::TimeWait }) {
        QTest::addRow("%s, in window", qPrintable(tcpStateName(s))) << int(s) << 0;
        QTest::addRow("%s, old", qPrintable(tcpStateName(s))) << int(s) << -100;
        QTest::addRow("%s, beyond", qPrintable(tcpStateName(s))) << int(s) << 100000;
    }
    QTest::addRow("SYN-RECEIVED active, in window") << int(S::SynReceived) << 0;
}

void TstTcpModel::synInSynchronizedStates()
{
    QFETCH(int, state);
    QFETCH(int, offset);
    TcpConnection c = inState(S(state));
    const quint32 sndNxt = c.sndNxt();
    const quint32 rcvNxt = c.rcvNxt();
    // RFC 5961 §4.2: whatever its sequence number, a SYN gets a challenge ACK.
    const Result r = c.receive(seg(TcpSyn, rcvNxt + quint32(offset)));
    QCOMPARE(stateOf(c), tcpStateName(S(state)));
    QCOMPARE(flagsOf(r.sent), QStringLiteral("ACK"));
    QCOMPARE(r.sent.at(0).seq, sndNxt);
    QCOMPARE(r.sent.at(0).ack, rcvNxt);
    QCOMPARE(noticesOf(r), QStringLiteral("ChallengeAck"));
    QVERIFY(!r.transition);
    QCOMPARE(c.rcvNxt(), rcvNxt);
}

void TstTcpModel::abortSendsRst()
{
    Pair p = established();
    p.client.send(10);
    p.server.receive(seg(TcpPsh | TcpAck, 1001, 5001, 10));
    const Result abort = p.client.abort(); // SO_LINGER 0, then close()
    QCOMPARE(stateOf(p.client), QStringLiteral("CLOSED"));
    QCOMPARE(flagsOf(abort.sent), QStringLiteral("RST,ACK"));
    QCOMPARE(abort.sent.at(0).seq, 1011u); // SND.NXT
    QCOMPARE(abort.sent.at(0).ack, 5001u);
    QCOMPARE(abort.transition->label(), QStringLiteral("ABORT / snd RST"));
    const Result reset = p.server.receive(abort.sent.at(0));
    QCOMPARE(stateOf(p.server), QStringLiteral("CLOSED"));
    QCOMPARE(noticesOf(reset), QStringLiteral("Reset Closed"));
    QVERIFY(reset.sent.isEmpty());
    // The TCB is gone: another RST is ignored, anything else is answered with one.
    QVERIFY(p.server.receive(abort.sent.at(0)).sent.isEmpty());
    QVERIFY(!p.client.abort().ok);
}

void TstTcpModel::wraparound()
{
    Pair p = established(0xFFFFFFF0u, 0xFFFFFFFFu);
    QCOMPARE(stateOf(p.client), QStringLiteral("ESTABLISHED"));
    QCOMPARE(stateOf(p.server), QStringLiteral("ESTABLISHED"));
    QCOMPARE(p.client.sndNxt(), 0xFFFFFFF1u);
    QCOMPARE(p.server.sndNxt(), 0u); // ISS + 1 wrapped
    QCOMPARE(p.client.rcvNxt(), 0u);

    // 100 bytes from 0xFFFFFFF1: the last one is number 0x54.
    const Result data = p.client.send(100);
    QCOMPARE(data.sent.at(0).seq, 0xFFFFFFF1u);
    QCOMPARE(p.client.sndNxt(), 0x55u);
    const Result ack = p.server.receive(data.sent.at(0));
    QCOMPARE(noticesOf(ack), QStringLiteral("DataReceived"));
    QCOMPARE(p.server.rcvNxt(), 0x55u);
    QCOMPARE(ack.sent.at(0).ack, 0x55u);
    p.client.receive(ack.sent.at(0));
    QCOMPARE(p.client.sndUna(), 0x55u);

    // The retransmitted (old) copy straddles 2^32 and is answered with a duplicate ACK.
    const Result dup = p.server.receive(data.sent.at(0));
    QVERIFY(dup.notices.isEmpty());
    QCOMPARE(dup.sent.at(0).ack, 0x55u);

    // An exact RST across the wrap still resets; one below RCV.NXT does not.
    TcpConnection probe = p.server;
    QVERIFY(probe.receive(seg(TcpRst, 0x54)).notices.isEmpty());
    QCOMPARE(noticesOf(probe.receive(seg(TcpRst, 0x55))), QStringLiteral("Reset Closed"));

    // A close across the wrap.
    const Result fin = p.server.close();
    QCOMPARE(fin.sent.at(0).seq, 0u);
    const Result finAck = p.client.receive(fin.sent.at(0));
    QCOMPARE(p.client.rcvNxt(), 1u);
    QCOMPARE(stateOf(p.client), QStringLiteral("CLOSE-WAIT"));
    p.server.receive(finAck.sent.at(0));
    QCOMPARE(stateOf(p.server), QStringLiteral("FIN-WAIT-2"));
    QCOMPARE(p.server.sndUna(), 1u);
}

void TstTcpModel::synRetransmitGaps_data()
{
    QTest::addColumn<int>("retries");
    QTest::addColumn<int>("linear");
    QTest::addColumn<QList<qint64>>("seconds");
    // PLATFORM-NOTES 20: tcp_syn_retries 6, tcp_syn_linear_timeouts 4.
    QTest::newRow("6 retries, 4 linear")
        << 6 << 4 << QList<qint64> { 1, 1, 1, 1, 1, 2, 4, 8, 16, 32, 64 };
    // Kernels before 6.5: the classic 127 s.
    QTest::newRow("6 retries, 0 linear") << 6 << 0 << QList<qint64> { 1, 2, 4, 8, 16, 32, 64 };
    QTest::newRow("2 retries, 1 linear") << 2 << 1 << QList<qint64> { 1, 1, 2, 4 };
    QTest::newRow("no retry") << 0 << 0 << QList<qint64> { 1 };
}

void TstTcpModel::synRetransmitGaps()
{
    QFETCH(int, retries);
    QFETCH(int, linear);
    QFETCH(QList<qint64>, seconds);
    QList<qint64> expected;
    for (qint64 s : seconds)
        expected << s * kSecond;
    QCOMPARE(TcpConnection::synRetransmitGapsUs(retries, linear), expected);
    qint64 total = 0;
    for (qint64 g : expected)
        total += g;
    if (retries == 6)
        QCOMPARE(total, (linear == 4 ? 131 : 127) * kSecond);
    // Another initial RTO scales the whole schedule.
    QCOMPARE(TcpConnection::synRetransmitGapsUs(retries, linear, 3 * kSecond).first(), 3 * kSecond);
}

void TstTcpModel::synRetransmitSchedule_data()
{
    synRetransmitGaps_data();
}

void TstTcpModel::synRetransmitSchedule()
{
    QFETCH(int, retries);
    QFETCH(int, linear);
    QFETCH(QList<qint64>, seconds);
    TcpConnection::Config cfg = config();
    cfg.maxRetries = retries;
    cfg.synLinearTimeouts = linear;
    TcpConnection c(cfg);
    const Result open = c.open(true);
    const TcpSegment syn = open.sent.at(0);

    // Drive the timer as a scenario would: each expiry after the time it asked for.
    qint64 now = 0;
    qint64 armed = open.retransmitAfterUs;
    QList<qint64> synTimes { 0 };
    QList<qint64> waits;
    for (int guard = 0; guard < 100; ++guard) {
        QVERIFY(armed > 0);
        waits << armed / kSecond;
        now += armed;
        const Result r = c.retransmissionTimeout();
        QVERIFY(r.ok);
        if (r.transition) { // given up
            QCOMPARE(stateOf(c), QStringLiteral("CLOSED"));
            QCOMPARE(noticesOf(r), QStringLiteral("TimedOut Closed"));
            QCOMPARE(r.transition->label(), QStringLiteral("Timeout / x"));
            QVERIFY(r.sent.isEmpty());
            break;
        }
        QCOMPARE(r.sent.size(), 1);
        QCOMPARE(r.sent.at(0), syn); // the same SYN, same ISS
        QCOMPARE(c.retransmissions(), synTimes.size());
        synTimes << now;
        armed = r.retransmitAfterUs;
        QCOMPARE(c.rtoUs(), armed);
    }
    QCOMPARE(waits, seconds);
    QCOMPARE(synTimes.size(), retries + linear + 1);
    QVERIFY(!c.retransmissionTimeout().ok);
}

void TstTcpModel::finRetransmission()
{
    Pair p = established();
    const Result fin = p.client.close();
    QCOMPARE(fin.retransmitAfterUs, kSecond);
    const Result again = p.client.retransmissionTimeout(); // the FIN was lost
    QCOMPARE(again.sent.size(), 1);
    QCOMPARE(again.sent.at(0), fin.sent.at(0));
    QCOMPARE(again.retransmitAfterUs, 2 * kSecond); // no linear phase after the SYN
    QCOMPARE(p.client.retransmissions(), 1);
    const Result ack = p.server.receive(again.sent.at(0));
    const Result fw2 = p.client.receive(ack.sent.at(0));
    QCOMPARE(stateOf(p.client), QStringLiteral("FIN-WAIT-2"));
    QVERIFY(fw2.cancelRetransmit);
    QCOMPARE(p.client.retransmissions(), 0);
    QCOMPARE(p.client.rtoUs(), kSecond);

    // The SYN,ACK of a passive open, lost: resent with its ACK, then given up: LISTEN again.
    TcpConnection::Config cfg = config();
    cfg.maxRetries = 1;
    TcpConnection server(cfg);
    server.open(false);
    const Result synAck = server.receive(seg(TcpSyn, kPeerIss));
    const Result resent = server.retransmissionTimeout();
    QCOMPARE(resent.sent.at(0), synAck.sent.at(0));
    QCOMPARE(resent.retransmitAfterUs, 2 * kSecond);
    const Result gone = server.retransmissionTimeout();
    QCOMPARE(stateOf(server), QStringLiteral("LISTEN"));
    QCOMPARE(noticesOf(gone), QString());
    QCOMPARE(gone.transition->label(), QStringLiteral("Timeout / x"));
}

void TstTcpModel::timeWaitRestartsOnRetransmittedFin()
{
    TcpConnection c = inState(S::TimeWait);
    QCOMPARE(c.rcvNxt(), kPeerIss + 2);
    // The peer did not see our last ACK and sends its FIN again.
    const Result r = c.receive(seg(TcpFin | TcpAck, kPeerIss + 1, kIss + 2));
    QCOMPARE(stateOf(c), QStringLiteral("TIME-WAIT"));
    QCOMPARE(flagsOf(r.sent), QStringLiteral("ACK"));
    QCOMPARE(r.sent.at(0).seq, kIss + 2);
    QCOMPARE(r.sent.at(0).ack, kPeerIss + 2);
    QCOMPARE(r.timeWaitAfterUs, 60 * kSecond);
    QVERIFY(r.notices.isEmpty());
    QVERIFY(!r.transition);
    // A stray ACK restarts nothing and is not answered.
    const Result stray = c.receive(seg(TcpAck, kPeerIss + 2, kIss + 2));
    QVERIFY(stray.sent.isEmpty());
    QCOMPARE(stray.timeWaitAfterUs, -1);
    // TIME-WAIT is 2·MSL.
    TcpConnection::Config cfg = config();
    cfg.mslUs = 15 * kSecond;
    TcpConnection shortMsl(cfg);
    shortMsl.open(true);
    shortMsl.receive(seg(TcpSyn | TcpAck, kPeerIss, kIss + 1));
    shortMsl.close();
    QCOMPARE(shortMsl.receive(seg(TcpFin | TcpAck, kPeerIss + 1, kIss + 2)).timeWaitAfterUs,
        30 * kSecond);
}

void TstTcpModel::segmentsInClosedAndListen()
{
    // CLOSED, §3.10.7.1: an ACK-bearing segment gets <SEQ=SEG.ACK><CTL=RST>.
    TcpConnection closed(config());
    const Result a = closed.receive(seg(TcpPsh | TcpAck, 300, 777, 20));
    QCOMPARE(flagsOf(a.sent), QStringLiteral("RST"));
    QCOMPARE(a.sent.at(0).seq, 777u);
    QCOMPARE(a.sent.at(0).ack, 0u);
    // Without ACK: <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>, SYN and FIN counted.
    const Result b = closed.receive(seg(TcpFin, 300, 0, 20));
    QCOMPARE(flagsOf(b.sent), QStringLiteral("RST,ACK"));
    QCOMPARE(b.sent.at(0).ack, 321u);
    QVERIFY(closed.receive(seg(TcpRst, 1)).sent.isEmpty());

    // LISTEN, §3.10.7.2: RST ignored, ACK answered with RST, other segments dropped.
    TcpConnection listener(config());
    listener.open(false);
    QVERIFY(listener.receive(seg(TcpRst, 1)).sent.isEmpty());
    const Result c = listener.receive(seg(TcpAck, 1, 4242));
    QCOMPARE(flagsOf(c.sent), QStringLiteral("RST"));
    QCOMPARE(c.sent.at(0).seq, 4242u);
    QVERIFY(listener.receive(seg(TcpFin, 1)).sent.isEmpty());
    QCOMPARE(stateOf(listener), QStringLiteral("LISTEN"));

    // SYN-RECEIVED: an ACK of something never sent: <SEQ=SEG.ACK><CTL=RST>.
    TcpConnection half = inState(S::SynReceived, true);
    const Result d = half.receive(seg(TcpAck, kPeerIss + 1, kIss + 7));
    QCOMPARE(flagsOf(d.sent), QStringLiteral("RST"));
    QCOMPARE(d.sent.at(0).seq, kIss + 7);
    QCOMPARE(stateOf(half), QStringLiteral("SYN-RECEIVED"));
    // A retransmitted SYN is old: plain ACK, no state change.
    const Result e = half.receive(seg(TcpSyn, kPeerIss));
    QCOMPARE(flagsOf(e.sent), QStringLiteral("ACK"));
    QVERIFY(e.notices.isEmpty());
    QCOMPARE(stateOf(half), QStringLiteral("SYN-RECEIVED"));
}

void TstTcpModel::listenAgainAfterReset()
{
    // §3.10.7.4: RST in a passive SYN-RECEIVED returns to LISTEN; the next SYN starts afresh.
    TcpConnection c = inState(S::SynReceived, true);
    const Result back = c.receive(seg(TcpRst, kPeerIss + 1));
    QCOMPARE(stateOf(c), QStringLiteral("LISTEN"));
    QVERIFY(back.cancelRetransmit); // the SYN,ACK is no longer retransmitted
    QVERIFY(!c.retransmissionTimeout().ok);
    const Result synAck = c.receive(seg(TcpSyn, 9000));
    QCOMPARE(stateOf(c), QStringLiteral("SYN-RECEIVED"));
    QCOMPARE(synAck.sent.at(0).seq, kIss);
    QCOMPARE(synAck.sent.at(0).ack, 9001u);
    QCOMPARE(c.irs(), 9000u);
    QCOMPARE(c.rcvNxt(), 9001u);
    QCOMPARE(c.sndNxt(), kIss + 1);
    c.receive(seg(TcpAck, 9001, kIss + 1));
    QCOMPARE(stateOf(c), QStringLiteral("ESTABLISHED"));
    QCOMPARE(c.sndWnd(), 65535u);
}

void TstTcpModel::synSentRejectsBadAck()
{
    TcpConnection c = inState(S::SynSent);
    // §3.10.7.3: SEG.ACK =< ISS or > SND.NXT: <SEQ=SEG.ACK><CTL=RST>, stay.
    const Result r = c.receive(seg(TcpSyn | TcpAck, kPeerIss, kIss));
    QCOMPARE(flagsOf(r.sent), QStringLiteral("RST"));
    QCOMPARE(r.sent.at(0).seq, kIss);
    QCOMPARE(stateOf(c), QStringLiteral("SYN-SENT"));
    QVERIFY(c.receive(seg(TcpRst | TcpAck, 0, kIss + 5)).sent.isEmpty()); // a bad RST: dropped
    QVERIFY(c.receive(seg(TcpRst, 0)).notices.isEmpty()); // RST without ACK: dropped
    QVERIFY(c.receive(seg(TcpAck, kPeerIss, kIss + 1)).sent.isEmpty()); // no SYN: dropped
    QCOMPARE(stateOf(c), QStringLiteral("SYN-SENT"));
}

void TstTcpModel::dataSegmentsFollowMssAndWindow()
{
    TcpConnection c(config());
    c.open(true);
    TcpSegment synAck = seg(TcpSyn | TcpAck, kPeerIss, kIss + 1);
    synAck.options.mss = 1000;
    synAck.wnd = 2500;
    c.receive(synAck);
    QCOMPARE(c.sndWnd(), 2500u);
    const Result r = c.send(3000);
    QCOMPARE(flagsOf(r.sent), QStringLiteral("ACK ACK ACK")); // 500 bytes wait: no PSH yet
    QCOMPARE(r.sent.at(0).len, 1000u);
    QCOMPARE(r.sent.at(1).len, 1000u);
    QCOMPARE(r.sent.at(2).len, 500u);
    QCOMPARE(r.sent.at(2).seq, kIss + 2001);
    QCOMPARE(c.sndNxt(), kIss + 2501);
    // The ACK opens the window again: the rest (500 bytes) goes, then the queued FIN.
    QVERIFY(c.close().sent.isEmpty());
    QCOMPARE(stateOf(c), QStringLiteral("FIN-WAIT-1"));
    const Result more = c.receive(seg(TcpAck, kPeerIss + 1, kIss + 2501));
    QCOMPARE(flagsOf(more.sent), QStringLiteral("PSH,ACK FIN,ACK"));
    QCOMPARE(more.sent.at(0).len, 500u);
    QCOMPARE(more.sent.at(1).seq, kIss + 3001);
    QCOMPARE(c.sndNxt(), kIss + 3002);
}

void TstTcpModel::dataQueuedBeforeEstablished()
{
    // SEND on a LISTEN connection (§3.10.2): SYN now, the bytes after ESTABLISHED, with the
    // handshake's ACK riding on them.
    TcpConnection c(config());
    c.open(false);
    const Result syn = c.send(10);
    QCOMPARE(flagsOf(syn.sent), QStringLiteral("SYN"));
    QVERIFY(c.send(5).sent.isEmpty()); // SYN-SENT: queued
    const Result r = c.receive(seg(TcpSyn | TcpAck, kPeerIss, kIss + 1));
    QCOMPARE(stateOf(c), QStringLiteral("ESTABLISHED"));
    QCOMPARE(flagsOf(r.sent), QStringLiteral("PSH,ACK"));
    QCOMPARE(r.sent.at(0).seq, kIss + 1);
    QCOMPARE(r.sent.at(0).ack, kPeerIss + 1);
    QCOMPARE(r.sent.at(0).len, 15u);
}

void TstTcpModel::duplicateAndOutOfOrderData()
{
    TcpConnection c = inState(S::Established);
    // Partly old: only the new bytes count (§3.10.7.4: process the new part).
    c.receive(seg(TcpPsh | TcpAck, kPeerIss + 1, kIss + 1, 10));
    QCOMPARE(c.rcvNxt(), kPeerIss + 11);
    const Result part = c.receive(seg(TcpPsh | TcpAck, kPeerIss + 6, kIss + 1, 10));
    QCOMPARE(noticesOf(part), QStringLiteral("DataReceived"));
    QCOMPARE(c.rcvNxt(), kPeerIss + 16);
    // Out of order: not delivered, a duplicate ACK.
    const Result gap = c.receive(seg(TcpPsh | TcpAck, kPeerIss + 100, kIss + 1, 10));
    QVERIFY(gap.notices.isEmpty());
    QCOMPARE(flagsOf(gap.sent), QStringLiteral("ACK"));
    QCOMPARE(gap.sent.at(0).ack, kPeerIss + 16);
    QCOMPARE(c.rcvNxt(), kPeerIss + 16);
    // An ACK of data never sent (RFC 5961 §5.2): ACK back, dropped, nothing delivered.
    const Result future = c.receive(seg(TcpPsh | TcpAck, kPeerIss + 16, kIss + 50, 4));
    QCOMPARE(flagsOf(future.sent), QStringLiteral("ACK"));
    QVERIFY(future.notices.isEmpty());
    QCOMPARE(c.rcvNxt(), kPeerIss + 16);
    QCOMPARE(c.sndUna(), kIss + 1);
    // Data after the peer's FIN is ignored (§3.10.7.4 seventh step).
    TcpConnection cw = inState(S::CloseWait);
    const Result late = cw.receive(seg(TcpPsh | TcpAck, kPeerIss + 2, kIss + 1, 5));
    QVERIFY(late.notices.isEmpty());
    QCOMPARE(cw.rcvNxt(), kPeerIss + 2);
}

void TstTcpModel::finRidingOnTheHandshakeAck()
{
    // SYN-RECEIVED: one segment acknowledges the SYN and carries data and a FIN: two arcs
    // (SYN-RECEIVED → ESTABLISHED → CLOSE-WAIT) reported as one.
    TcpConnection c = inState(S::SynReceived, true);
    const Result r = c.receive(seg(TcpFin | TcpPsh | TcpAck, kPeerIss + 1, kIss + 1, 3));
    QCOMPARE(stateOf(c), QStringLiteral("CLOSE-WAIT"));
    QCOMPARE(noticesOf(r), QStringLiteral("Established DataReceived EndOfStream"));
    QCOMPARE(flagsOf(r.sent), QStringLiteral("ACK"));
    QCOMPARE(r.sent.at(0).ack, kPeerIss + 5);
    QCOMPARE(r.transition->from, S::SynReceived);
    QCOMPARE(r.transition->to, S::CloseWait);
    QCOMPARE(r.transition->label(), QStringLiteral("rcv ACK of SYN + rcv FIN / snd ACK"));
}

void TstTcpModel::callsRefusedInWrongStates()
{
    TcpConnection c(config());
    QVERIFY(!c.send(1).ok); // "connection does not exist"
    QVERIFY(!c.close().ok);
    QVERIFY(!c.abort().ok);
    QVERIFY(!c.timeWaitTimeout().ok);
    QVERIFY(!c.retransmissionTimeout().ok);
    c.open(false);
    QVERIFY(!c.open(false).ok); // "connection already exists"
    TcpConnection est = inState(S::Established);
    QVERIFY(!est.open(true).ok);
    TcpConnection la = inState(S::LastAck);
    QVERIFY(!la.close().ok); // "connection closing"
    QVERIFY(!la.send(1).ok);
    QCOMPARE(stateOf(la), QStringLiteral("LAST-ACK"));
}

QTEST_GUILESS_MAIN(TstTcpModel)
#include "tst_tcpmodel.moc"
