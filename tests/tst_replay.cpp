// Reading capture files (issue 6): the decoder's allocation-free step on hand-made
// frames, the connection tracker's streams and RFC 9293 states on hand-made segments,
// ReplayFile's API, and conformance of `socketlab --replay FILE --json` with every
// expectation in ../shared/pcaps/expected/ (skipped where ../shared is absent).

#include "capture/packetdecoder.h"
#include "labtest.h"
#include "replay/connectiontracker.h"
#include "replay/replayfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

namespace {

QString pcapsDir()
{
    return QStringLiteral(SOCKETLAB_SHARED_DIR "/pcaps");
}

bool havePcaps()
{
    return QDir(pcapsDir() + QStringLiteral("/expected")).exists();
}

void put16(QByteArray &b, int at, quint16 v)
{
    qToBigEndian<quint16>(v, b.data() + at);
}

void put32(QByteArray &b, int at, quint32 v)
{
    qToBigEndian<quint32>(v, b.data() + at);
}

QByteArray tcpHeader(quint16 sport, quint16 dport, quint32 seq, quint32 ack, quint8 flags,
    const QByteArray &options = {}, int dataOffsetWords = -1)
{
    QByteArray t(20, '\0');
    put16(t, 0, sport);
    put16(t, 2, dport);
    put32(t, 4, seq);
    put32(t, 8, ack);
    t[12] = char((dataOffsetWords >= 0 ? dataOffsetWords : (20 + options.size()) / 4) << 4);
    t[13] = char(flags);
    put16(t, 14, 1000);
    return t + options;
}

QByteArray ipv4(const QByteArray &transport, quint32 src = 0x0a000001, quint32 dst = 0x0a000002)
{
    QByteArray ip(20, '\0');
    ip[0] = char(0x45);
    put16(ip, 2, quint16(20 + transport.size()));
    put16(ip, 6, 0x4000);
    ip[8] = char(64);
    ip[9] = char(6);
    put32(ip, 12, src);
    put32(ip, 16, dst);
    return ip + transport;
}

QByteArray ipv6(const QByteArray &transport)
{
    QByteArray ip(40, '\0');
    ip[0] = char(0x60);
    put16(ip, 4, quint16(transport.size()));
    ip[6] = char(6);
    ip[7] = char(64);
    ip[23] = 1; // ::1
    ip[39] = 1;
    return ip + transport;
}

bool decode(int link, const QByteArray &frame, PacketHeaders &h, qint64 wire = -1)
{
    return PacketDecoder::decodeHeaders(link, reinterpret_cast<const uchar *>(frame.constData()),
        frame.size(), wire < 0 ? frame.size() : wire, h);
}

constexpr quint8 kFin = 0x01;
constexpr quint8 kSyn = 0x02;
constexpr quint8 kRst = 0x04;
constexpr quint8 kPsh = 0x08;
constexpr quint8 kAck = 0x10;

/** Hand-made segments between a client 10.0.0.1:@p cport and a server 10.0.0.2:80. */
struct Wire
{
    ConnectionTracker tracker;
    quint16 cport = 40000;
    qint64 t = 0;
    qint64 frame = 0;

    int send(bool fromClient, quint8 flags, quint32 seq, quint32 ack, quint32 len = 0)
    {
        PacketHeaders h;
        h.transport = PacketHeaders::Tcp;
        h.ipVersion = 4;
        const quint8 c[4] = { 10, 0, 0, 1 };
        const quint8 s[4] = { 10, 0, 0, 2 };
        std::memcpy(h.src, fromClient ? c : s, 4);
        std::memcpy(h.dst, fromClient ? s : c, 4);
        h.srcPort = fromClient ? cport : 80;
        h.dstPort = fromClient ? 80 : cport;
        h.seq = seq;
        h.ack = ack;
        h.flags = flags;
        h.headerLength = 20;
        h.payloadLength = len;
        t += 1000;
        return tracker.add(h, t, ++frame);
    }
    int client(quint8 flags, quint32 seq, quint32 ack, quint32 len = 0)
    {
        return send(true, flags, seq, ack, len);
    }
    int server(quint8 flags, quint32 seq, quint32 ack, quint32 len = 0)
    {
        return send(false, flags, seq, ack, len);
    }
    /** The state changes of @p stream in order: "client CLOSED>SYN-SENT", … */
    QStringList states(int stream = 0) const
    {
        QStringList out;
        for (const LabEvent &e : tracker.events(stream)) {
            if (e.kind == EventKind::State)
                out << QStringLiteral("%1 %2>%3")
                           .arg(sideToken(e.side), tcpStateName(e.from), tcpStateName(e.to));
        }
        return out;
    }
};

} // namespace

class tst_Replay : public QObject
{
    Q_OBJECT

private slots:
    // the decoder's lean step
    void decodesLinkTypes_data();
    void decodesLinkTypes();
    void decodesTcpOptions();
    void countsCutHeadersAsTshark();
    // the tracker, hand-made segments
    void numbersStreamsWithPortReuse();
    void retransmittedSynDoesNotTransitionAgain();
    void threeWayHandshakeAndActiveClose();
    void simultaneousOpen();
    void crossingFinsGoThroughClosing();
    void midstreamStartIsEstablished();
    void oneSidedSynAckStart();
    void resetInSynSent();
    void summaryFields();
    void segmentEventFields();
    // files
    void keepsTimestampValues();
    void readsFileInProcess();
    void progressAndCancel();
    void errors();
    void synAfterInjectedRstSetsTheBase();
    void resetShowsWhatArrivedBeforeIt();
    void threeSegmentClose();
    void handReasonedStates_data();
    void handReasonedStates();
    void conformance();
    void printInUiLanguage();
    void damagedFileExitsTwo();
};

void tst_Replay::decodesLinkTypes_data()
{
    QTest::addColumn<int>("link");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("ipVersion");
    const QByteArray v4 = ipv4(tcpHeader(1234, 80, 1, 0, kSyn));
    const QByteArray v6 = ipv6(tcpHeader(1234, 80, 1, 0, kSyn));
    auto eth = [](quint16 type, const QByteArray &payload) {
        QByteArray e(14, '\0');
        put16(e, 12, type);
        return e + payload;
    };
    QTest::newRow("Ethernet") << int(PacketDecoder::LinkEthernet) << eth(0x0800, v4) << 4;
    QByteArray tag = QByteArray::fromHex("00050800");
    QTest::newRow("802.1Q") << int(PacketDecoder::LinkEthernet) << eth(0x8100, tag + v4) << 4;
    QTest::newRow("QinQ 88a8+8100")
        << int(PacketDecoder::LinkEthernet)
        << eth(0x88a8, QByteArray::fromHex("00078100") + QByteArray::fromHex("000586dd") + v6) << 6;
    QTest::newRow("PPPoE") << int(PacketDecoder::LinkEthernet)
                           << eth(0x8864, QByteArray::fromHex("1100dde500360021") + v4) << 4;
    QByteArray sll(16, '\0');
    put16(sll, 14, 0x0800);
    QTest::newRow("SLL") << int(PacketDecoder::LinkLinuxSll) << sll + v4 << 4;
    QByteArray sll2(20, '\0');
    put16(sll2, 0, 0x86dd);
    QTest::newRow("SLL2") << int(PacketDecoder::LinkLinuxSll2) << sll2 + v6 << 6;
    QTest::newRow("raw IPv4") << int(PacketDecoder::LinkRaw) << v4 << 4;
    QTest::newRow("raw IPv6 (101)") << int(PacketDecoder::LinkRawAlt) << v6 << 6;
    QTest::newRow("LINKTYPE_IPV6") << int(PacketDecoder::LinkIpv6) << v6 << 6;
    // BSD loopback: the family in the capturing host's byte order, either one
    for (const quint32 family : { 2u, 24u, 28u, 30u }) {
        const QByteArray ip = family == 2 ? v4 : v6;
        QByteArray le(4, '\0');
        qToLittleEndian<quint32>(family, le.data());
        QByteArray be(4, '\0');
        qToBigEndian<quint32>(family, be.data());
        QTest::addRow("NULL %u little-endian", family)
            << int(PacketDecoder::LinkNull) << le + ip << (family == 2 ? 4 : 6);
        QTest::addRow("NULL %u big-endian", family)
            << int(PacketDecoder::LinkNull) << be + ip << (family == 2 ? 4 : 6);
        QTest::addRow("LOOP %u", family)
            << int(PacketDecoder::LinkLoop) << be + ip << (family == 2 ? 4 : 6);
    }
}

void tst_Replay::decodesLinkTypes()
{
    QFETCH(int, link);
    QFETCH(QByteArray, frame);
    QFETCH(int, ipVersion);
    PacketHeaders h;
    QVERIFY2(decode(link, frame, h), h.error);
    QCOMPARE(h.transport, PacketHeaders::Tcp);
    QCOMPARE(int(h.ipVersion), ipVersion);
    QCOMPARE(h.srcPort, quint16(1234));
    QCOMPARE(h.dstPort, quint16(80));
    QCOMPARE(h.flags, kSyn);
    // the allocating wrapper the live capture uses agrees
    const DecodedPacket d = PacketDecoder::decode(link, frame);
    QCOMPARE(d.transport, DecodedPacket::Tcp);
    QCOMPARE(d.srcPort, quint16(1234));
}

void tst_Replay::decodesTcpOptions()
{
    // MSS 1460, SACK_PERM, TS 7/9, NOP, WS 7, NOP, NOP, TFO cookie request (40 bytes at most)
    const QByteArray syn = QByteArray::fromHex("020405b4"
                                               "0402"
                                               "080a0000000700000009"
                                               "01030307"
                                               "01012202");
    PacketHeaders h;
    QVERIFY2(decode(PacketDecoder::LinkRaw, ipv4(tcpHeader(1, 2, 3, 4, kSyn, syn)), h), h.error);
    QCOMPARE(h.options.mss, 1460);
    QVERIFY(h.options.sackPermitted);
    QVERIFY(h.options.timestamps);
    QCOMPARE(h.tsVal, 7u);
    QCOMPARE(h.tsEcr, 9u);
    QCOMPARE(h.options.windowScale, 7);
    QCOMPARE(int(h.fastOpen), 0);
    QVERIFY(!h.fastOpenExperimental);
    // NOP, NOP, SACK with 2 blocks, then the experimental TFO (kind 254, 0xF989) request
    const QByteArray ack = QByteArray::fromHex("0101"
                                               "0512000003e8000007d000000bb800000fa0"
                                               "fe04f989");
    QVERIFY2(decode(PacketDecoder::LinkRaw, ipv4(tcpHeader(1, 2, 3, 4, kAck, ack)), h), h.error);
    QCOMPARE(int(h.sackCount), 2);
    QCOMPARE(h.sackLeft[0], 1000u);
    QCOMPARE(h.sackRight[0], 2000u);
    QCOMPARE(h.sackLeft[1], 3000u);
    QCOMPARE(h.sackRight[1], 4000u);
    QCOMPARE(int(h.fastOpen), 0);
    QVERIFY(h.fastOpenExperimental);

    QByteArray tfo = QByteArray::fromHex("220a0102030405060708");
    tfo.append(2, '\x01');
    QVERIFY(decode(PacketDecoder::LinkRaw, ipv4(tcpHeader(1, 2, 3, 4, kSyn, tfo)), h));
    QCOMPARE(int(h.fastOpen), 8);
    QVERIFY(!h.fastOpenExperimental);
    QCOMPARE(QByteArray(reinterpret_cast<const char *>(h.fastOpenCookie), 8),
        QByteArray::fromHex("0102030405060708"));
    QVERIFY(decode(PacketDecoder::LinkRaw,
        ipv4(tcpHeader(1, 2, 3, 4, kSyn, QByteArray::fromHex("0101fe0af989aabbccddeeff"))), h));
    QCOMPARE(int(h.fastOpen), 6);
    QVERIFY(h.fastOpenExperimental);
}

void tst_Replay::countsCutHeadersAsTshark()
{
    // tshark gives a segment a stream once ports, numbers, offset, flags and window
    // (16 bytes) were captured: measured with tshark 4.0 on hand-made frames.
    const QByteArray full = ipv4(tcpHeader(1, 2, 3, 4, kSyn));
    PacketHeaders h;
    for (int tcpBytes = 0; tcpBytes <= 20; ++tcpBytes) {
        const bool ok = decode(PacketDecoder::LinkRaw, full.left(20 + tcpBytes), h, full.size());
        QCOMPARE(ok && h.isTcp(), tcpBytes >= 16);
    }
    // the IP length ending inside the TCP header: "Short segment", still a segment
    QByteArray shortIp = full;
    put16(shortIp, 2, 36);
    QVERIFY(decode(PacketDecoder::LinkRaw, shortIp, h));
    QCOMPARE(h.headerState, PacketHeaders::HeaderShort);
    // a data offset below 5: "Bogus TCP header length", a segment whose flags do not count
    QVERIFY(decode(PacketDecoder::LinkRaw, ipv4(tcpHeader(1, 2, 3, 4, kSyn, {}, 3)), h));
    QCOMPARE(h.headerState, PacketHeaders::HeaderBogus);
    // a fragment is not decoded (Wireshark reassembles first)
    QByteArray frag = full;
    put16(frag, 6, 0x2000);
    QVERIFY(!decode(PacketDecoder::LinkRaw, frag, h));
    // the snap length cut the payload: payloadLength from the wire, captured less
    const QByteArray data = ipv4(tcpHeader(1, 2, 3, 4, kAck | kPsh) + QByteArray(100, 'x'));
    QVERIFY(decode(PacketDecoder::LinkRaw, data.left(50), h, data.size()));
    QCOMPARE(h.payloadLength, 100u);
    QCOMPARE(h.payloadCaptured, 10u);
    // the live wrapper refuses a cut header but keeps a cut payload
    QCOMPARE(PacketDecoder::decode(PacketDecoder::LinkRaw, shortIp).transport, DecodedPacket::None);
    QCOMPARE(PacketDecoder::decode(PacketDecoder::LinkRaw, data.left(50)).payloadLength, 100);
}

void tst_Replay::numbersStreamsWithPortReuse()
{
    Wire w;
    QCOMPARE(w.client(kSyn, 100, 0), 0);
    QCOMPARE(w.server(kSyn | kAck, 500, 101), 0);
    QCOMPARE(w.client(kAck, 101, 501), 0);
    QCOMPARE(w.client(kSyn, 100, 0), 0); // same ISN: a retransmission
    w.cport = 40001;
    QCOMPARE(w.client(kSyn, 7, 0), 1); // another pair
    w.cport = 40000;
    QCOMPARE(w.client(kSyn, 9000, 0), 2); // the port reused: a new ISN, a new stream
    QCOMPARE(w.server(kSyn | kAck, 800, 9001), 2); // on the newest stream of the pair
    // a SYN from the side whose first number came from the peer's ACK − 1 (Wireshark)
    w.cport = 40002;
    QCOMPARE(w.server(kAck, 50, 700), 3);
    QCOMPARE(w.client(kSyn, 699, 0), 3);
    QCOMPARE(w.client(kSyn, 100, 0), 4);
    QCOMPARE(w.tracker.streamCount(), 5);
    QCOMPARE(w.tracker.connection(0).segments, 4);
    QCOMPARE(w.tracker.connection(2).segments, 2);
}

void tst_Replay::retransmittedSynDoesNotTransitionAgain()
{
    Wire w;
    w.client(kSyn, 100, 0);
    w.client(kSyn, 100, 0);
    w.client(kSyn, 100, 0);
    QCOMPARE(w.states(), QStringList { QStringLiteral("client CLOSED>SYN-SENT") });
    QCOMPARE(w.tracker.connection(0).clientState, TcpState::SynSent);
    QCOMPARE(w.tracker.connection(0).serverState, TcpState::Listen); // only ever received SYNs
    QCOMPARE(w.tracker.connection(0).handshake, QStringLiteral("partial"));
    // a retransmitted SYN-ACK and FIN do not transition again either
    w.server(kSyn | kAck, 500, 101);
    w.server(kSyn | kAck, 500, 101);
    w.client(kAck, 101, 501);
    w.client(kFin | kAck, 101, 501);
    w.client(kFin | kAck, 101, 501);
    QCOMPARE(w.states(),
        (QStringList { "client CLOSED>SYN-SENT", "server LISTEN>SYN-RECEIVED",
            "client SYN-SENT>ESTABLISHED", "server SYN-RECEIVED>ESTABLISHED",
            "client ESTABLISHED>FIN-WAIT-1", "server ESTABLISHED>CLOSE-WAIT" }));
}

void tst_Replay::threeWayHandshakeAndActiveClose()
{
    Wire w;
    w.client(kSyn, 100, 0);
    w.server(kSyn | kAck, 500, 101);
    w.client(kAck, 101, 501);
    w.client(kPsh | kAck, 101, 501, 10);
    w.server(kAck, 501, 111);
    w.client(kFin | kAck, 111, 501);
    w.server(kAck, 501, 112);
    w.server(kFin | kAck, 501, 112);
    w.client(kAck, 112, 502);
    QCOMPARE(w.states(),
        (QStringList { "client CLOSED>SYN-SENT", "server LISTEN>SYN-RECEIVED",
            "client SYN-SENT>ESTABLISHED", "server SYN-RECEIVED>ESTABLISHED",
            "client ESTABLISHED>FIN-WAIT-1", "server ESTABLISHED>CLOSE-WAIT",
            "client FIN-WAIT-1>FIN-WAIT-2", "server CLOSE-WAIT>LAST-ACK",
            "client FIN-WAIT-2>TIME-WAIT", "server LAST-ACK>CLOSED" }));
    const ReplayConnection c = w.tracker.connection(0);
    QCOMPARE(c.clientState, TcpState::TimeWait);
    QCOMPARE(c.serverState, TcpState::Closed);
    QCOMPARE(c.handshake, QStringLiteral("complete"));
    QCOMPARE(c.close, QStringLiteral("fin"));
    QCOMPARE(c.fins, 2);
}

void tst_Replay::simultaneousOpen()
{
    // RFC 9293 §3.5 figure 7: both send SYN, each gets the other's in SYN-SENT.
    Wire w;
    w.client(kSyn, 100, 0);
    w.server(kSyn, 300, 0);
    w.client(kSyn | kAck, 100, 301);
    w.server(kSyn | kAck, 300, 101);
    w.client(kAck, 101, 301);
    QCOMPARE(w.states(),
        (QStringList { "client CLOSED>SYN-SENT", "server CLOSED>SYN-SENT",
            "client SYN-SENT>SYN-RECEIVED", "server SYN-SENT>SYN-RECEIVED",
            "server SYN-RECEIVED>ESTABLISHED", "client SYN-RECEIVED>ESTABLISHED" }));
    QCOMPARE(w.tracker.connection(0).handshake, QStringLiteral("complete"));
    QCOMPARE(w.tracker.streamCount(), 1); // the peer's first SYN is no port reuse
}

void tst_Replay::crossingFinsGoThroughClosing()
{
    Wire w;
    w.client(kSyn, 100, 0);
    w.server(kSyn | kAck, 500, 101);
    w.client(kAck, 101, 501);
    w.client(kFin | kAck, 101, 501); // the FINs cross: neither acknowledges the other's
    w.server(kFin | kAck, 501, 101);
    w.client(kAck, 102, 502);
    w.server(kAck, 502, 102);
    const QStringList s = w.states();
    QCOMPARE(s.mid(4),
        (QStringList { "client ESTABLISHED>FIN-WAIT-1", "server ESTABLISHED>FIN-WAIT-1",
            "client FIN-WAIT-1>CLOSING", "server FIN-WAIT-1>CLOSING", "server CLOSING>TIME-WAIT",
            "client CLOSING>TIME-WAIT" }));
    QCOMPARE(w.tracker.connection(0).clientState, TcpState::TimeWait);
    QCOMPARE(w.tracker.connection(0).serverState, TcpState::TimeWait);
}

void tst_Replay::midstreamStartIsEstablished()
{
    Wire w;
    w.server(kPsh | kAck, 5000, 800, 100);
    w.client(kAck, 800, 5100);
    w.server(kFin | kAck, 5100, 800);
    w.client(kAck, 800, 5101);
    // Without a SYN, INDEX.md makes the first sender (here 10.0.0.2:80) the client.
    QCOMPARE(w.states(),
        (QStringList { "client ?>ESTABLISHED", "server ?>ESTABLISHED",
            "client ESTABLISHED>FIN-WAIT-1", "server ESTABLISHED>CLOSE-WAIT",
            "client FIN-WAIT-1>FIN-WAIT-2" }));
    const ReplayConnection c = w.tracker.connection(0);
    QCOMPARE(c.handshake, QStringLiteral("none"));
    QCOMPARE(c.client, QStringLiteral("10.0.0.2:80")); // the first sender, INDEX.md's last rule
    // seq relative to the first number − 1, as Wireshark does without a SYN
    const QVector<LabEvent> ev = w.tracker.events(0);
    QCOMPARE(ev.at(2).kind, EventKind::Segment);
    QCOMPARE(ev.at(2).seq, 1);
    QCOMPARE(ev.at(2).seqRaw, 5000);
}

void tst_Replay::oneSidedSynAckStart()
{
    Wire w;
    w.server(kSyn | kAck, 500, 101);
    w.server(kSyn | kAck, 500, 101); // retransmitted
    w.client(kAck, 101, 501);
    QCOMPARE(w.states(),
        (QStringList { "server LISTEN>SYN-RECEIVED", "client SYN-SENT>ESTABLISHED",
            "server SYN-RECEIVED>ESTABLISHED" }));
    QCOMPARE(w.tracker.connection(0).client, QStringLiteral("10.0.0.1:40000"));
}

void tst_Replay::resetInSynSent()
{
    {
        Wire w; // refused: RST,ACK acknowledging the SYN
        w.client(kSyn, 100, 0);
        w.server(kRst | kAck, 0, 101);
        QCOMPARE(w.states(),
            (QStringList {
                "client CLOSED>SYN-SENT", "server ?>CLOSED", "client SYN-SENT>CLOSED" }));
        QCOMPARE(w.tracker.connection(0).close, QStringLiteral("rst"));
    }
    {
        Wire w; // a RST without ACK is not acceptable in SYN-SENT (§3.10.7.3)
        w.client(kSyn, 100, 0);
        w.server(kRst, 0, 0);
        QCOMPARE(w.tracker.connection(0).clientState, TcpState::SynSent);
    }
    {
        Wire w; // nor one acknowledging something else
        w.client(kSyn, 100, 0);
        w.server(kRst | kAck, 0, 7777);
        QCOMPARE(w.tracker.connection(0).clientState, TcpState::SynSent);
    }
}

void tst_Replay::summaryFields()
{
    Wire w;
    w.client(kSyn, 100, 0);
    w.server(kSyn | kAck, 500, 101);
    w.server(kFin | kAck, 501, 101);
    const LabEvent e = w.tracker.connectionEvent(0);
    QCOMPARE(e.kind, EventKind::Connection);
    const QJsonObject o = e.toJson();
    QCOMPARE(o.value("kind").toString(), QStringLiteral("connection"));
    QCOMPARE(o.value("client").toString(), QStringLiteral("10.0.0.1:40000"));
    QCOMPARE(o.value("server").toString(), QStringLiteral("10.0.0.2:80"));
    QCOMPARE(o.value("handshake").toString(), QStringLiteral("partial")); // SYN-ACK not acked
    QCOMPARE(o.value("close").toString(), QStringLiteral("fin"));
    QCOMPARE(o.value("fins").toInt(-1), 1);
    QCOMPARE(o.value("segments").toInt(), 3);
    QCOMPARE(o.value("client_state").toString(), QStringLiteral("CLOSE-WAIT"));
    QCOMPARE(o.value("server_state").toString(), QStringLiteral("FIN-WAIT-1"));
    QVERIFY(!o.contains("flags")); // a segment's fields stay out
}

void tst_Replay::segmentEventFields()
{
    Wire w;
    w.client(kSyn, 0xfffffff0u, 0);
    w.server(kSyn | kAck, 500, 0xfffffff1u);
    w.client(kPsh | kAck, 0xfffffff1u, 501, 100); // wraps past 2^32
    const QVector<LabEvent> ev = w.tracker.events(0);
    QVector<LabEvent> segs;
    for (const LabEvent &e : ev) {
        if (e.kind == EventKind::Segment)
            segs << e;
        QCOMPARE(e.source, EventSource::File);
        QCOMPARE(e.stream, 0);
    }
    QCOMPARE(segs.size(), 3);
    QCOMPARE(segs[2].seq, 1);
    QCOMPARE(segs[2].ack, 1);
    QCOMPARE(segs[2].seqRaw, qint64(0xfffffff1u));
    QCOMPARE(segs[2].len, 100);
    QCOMPARE(segs[2].frame, 3);
    QCOMPARE(segs[1].side, Side::Server);
    QCOMPARE(segs[1].flags, (QStringList { "SYN", "ACK" }));
    for (int i = 1; i < ev.size(); ++i)
        QVERIFY(ev[i - 1].tUs <= ev[i].tUs);
}

void tst_Replay::keepsTimestampValues()
{
    // The timestamp option's values, as tshark shows tcp.options.timestamp.tsval/tsecr for
    // normal_http_get_ipv4.pcap: SYN 374005024/0, SYN,ACK 797524569/374005024.
    if (!havePcaps())
        QSKIP("../shared/pcaps is absent: no capture files to read");
    ReplayFile f;
    QVERIFY(f.read(pcapsDir() + QStringLiteral("/normal_http_get_ipv4.pcap")));
    QStringList options;
    for (const LabEvent &e : f.events(0)) {
        if (e.kind == EventKind::Segment && options.size() < 3)
            options << e.options.join(u' ');
    }
    QCOMPARE(options,
        (QStringList { "MSS=1460 SACK_PERM TS=374005024/0 WS=4",
            "MSS=1460 SACK_PERM TS=797524569/374005024 WS=7", "TS=374005094/797524569" }));
}

void tst_Replay::readsFileInProcess()
{
    if (!havePcaps())
        QSKIP("../shared/pcaps is absent: no capture files to read");
    ReplayFile f;
    QVERIFY(f.read(pcapsDir() + QStringLiteral("/sll2_handshake_http.pcap")));
    QCOMPARE(f.error().kind, ReplayError::None);
    QCOMPARE(f.connections().size(), 1);
    const QVector<LabEvent> ev = f.events(0);
    QVERIFY(!ev.isEmpty());
    QCOMPARE(ev.first().tUs, 0);
    int segments = 0;
    for (const LabEvent &e : ev)
        segments += e.kind == EventKind::Segment ? 1 : 0;
    QCOMPARE(segments, f.connections().first().segments);
    QCOMPARE(f.connectionEvents().size(), 1);
    QVERIFY(f.events(1).isEmpty());
    // compressed, multi-interface, multi-link-type pcapng
    QVERIFY(f.read(pcapsDir() + QStringLiteral("/pcapng_two_ifs_eth_and_sll_with_tcp.pcapng.zst")));
    QCOMPARE(f.connections().size(), 15);
    QCOMPARE(f.packetCount(), 159);
    // gzip, as wiretap reads it (no copy of the file in the repository: made here)
    const QString gzip = QStandardPaths::findExecutable(QStringLiteral("gzip"));
    if (gzip.isEmpty())
        QSKIP("gzip is not installed: a .pcap.gz not tried");
    QTemporaryDir dir;
    const QString gz = dir.filePath(QStringLiteral("get.pcap.gz"));
    QProcess p;
    p.setStandardOutputFile(gz);
    p.start(
        gzip, { QStringLiteral("-c"), pcapsDir() + QStringLiteral("/normal_http_get_ipv4.pcap") });
    QVERIFY(p.waitForFinished());
    QVERIFY(f.read(gz));
    QCOMPARE(f.connections().size(), 1);
    QCOMPARE(f.connections().first().segments, 14);
    QCOMPARE(f.connections().first().clientState, TcpState::TimeWait);
}

void tst_Replay::progressAndCancel()
{
    if (!havePcaps())
        QSKIP("../shared/pcaps is absent: no capture files to read");
    const QString path = pcapsDir() + QStringLiteral("/sll_v1_http_download.pcap");
    ReplayFile f;
    qint64 last = -1;
    qint64 total = -1;
    QVERIFY(f.read(path, [&](qint64 done, qint64 all) {
        last = done;
        total = all;
        return true;
    }));
    QCOMPARE(total, QFileInfo(path).size());
    QCOMPARE(last, total);
    QVERIFY(!f.read(path, [](qint64, qint64) { return false; }));
    QCOMPARE(f.error().kind, ReplayError::Cancelled);
    QVERIFY(!f.error().message().isEmpty());
}

void tst_Replay::errors()
{
    ReplayFile f;
    QVERIFY(!f.read(QStringLiteral("/nonexistent/capture.pcap")));
    QCOMPARE(f.error().kind, ReplayError::CannotOpen);
    QVERIFY(!f.error().message().isEmpty());

    QTemporaryDir dir;
    QFile junk(dir.filePath(QStringLiteral("junk.pcap")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(100, 'x'));
    junk.close();
    QVERIFY(!f.read(junk.fileName()));
    QCOMPARE(f.error().kind, ReplayError::CannotOpen);

    if (!havePcaps())
        QSKIP("../shared/pcaps is absent: the damaged files are not there");
    // 2 good packets, then a record claiming 16 MB: the connections read so far stand
    QVERIFY(!f.read(pcapsDir() + QStringLiteral("/fuzz_oversized_record_length.pcap")));
    QCOMPARE(f.error().kind, ReplayError::Damaged);
    QCOMPARE(f.error().packet, 3);
    // past the file header and the two records wiretap accepted, inside the file
    QVERIFY(f.error().offset > 24);
    QVERIFY(
        f.error().offset <= QFileInfo(pcapsDir() + "/fuzz_oversized_record_length.pcap").size());
    QVERIFY2(f.error().detail.contains(QLatin1String("16711424")), qPrintable(f.error().detail));
    QVERIFY(f.error().message().contains(QLatin1String("3")));
    QCOMPARE(f.packetCount(), 2);

    QVERIFY(!f.read(pcapsDir() + QStringLiteral("/unsupported_linktype_user13.pcap")));
    QCOMPARE(f.error().kind, ReplayError::NoTcp);
    QVERIFY2(f.error().message().contains(QLatin1String("USER")), qPrintable(f.error().message()));
}

void tst_Replay::synAfterInjectedRstSetsTheBase()
{
    // An injected RST,ACK from the server's side comes before its real SYN,ACK: the SYN,ACK
    // still numbers the server's direction from 0, and the client's ACKs of it read 1, as
    // tshark shows rst_injected_before_synack.pcap.
    Wire w;
    w.client(kSyn, 1000, 0);
    w.server(kRst | kAck, 777777, 1001);
    w.server(kSyn | kAck, 5000, 1001);
    w.client(kAck, 1001, 5001);
    QList<qint64> seqs, acks;
    for (const LabEvent &e : w.tracker.events(0)) {
        if (e.kind == EventKind::Segment) {
            seqs << e.seq;
            acks << e.ack;
        }
    }
    QCOMPARE(seqs.size(), 4);
    QCOMPARE(seqs[2], 0); // the SYN,ACK
    QCOMPARE(acks[3], 1); // the client's ACK of it
    QCOMPARE(seqs[3], 1);
}

void tst_Replay::resetShowsWhatArrivedBeforeIt()
{
    // server_fin_then_client_data_rst.pcap: the server closes, the client ACKs the FIN and
    // sends data, the server (fully closed) answers with a bare RST. The RST shows it had the
    // ACK: FIN-WAIT-1 → FIN-WAIT-2, then CLOSED.
    Wire w;
    w.client(kSyn, 100, 0);
    w.server(kSyn | kAck, 500, 101);
    w.client(kAck, 101, 501);
    w.server(kFin | kAck, 501, 101);
    w.client(kAck, 101, 502);
    w.client(kPsh | kAck, 101, 502, 6);
    w.server(kRst, 502, 0);
    QCOMPARE(w.states(),
        (QStringList { "client CLOSED>SYN-SENT", "server LISTEN>SYN-RECEIVED",
            "client SYN-SENT>ESTABLISHED", "server SYN-RECEIVED>ESTABLISHED",
            "server ESTABLISHED>FIN-WAIT-1", "client ESTABLISHED>CLOSE-WAIT",
            "server FIN-WAIT-1>FIN-WAIT-2", "server FIN-WAIT-2>CLOSED",
            "client CLOSE-WAIT>CLOSED" }));
}

void tst_Replay::threeSegmentClose()
{
    // The server's FIN carries the ACK of the client's FIN: FIN-WAIT-1 → TIME-WAIT in one
    // step, as the model's three-segment-close scenario and the kernel show it.
    Wire w;
    w.client(kSyn, 100, 0);
    w.server(kSyn | kAck, 500, 101);
    w.client(kAck, 101, 501);
    w.client(kFin | kAck, 101, 501);
    w.server(kFin | kAck, 501, 102);
    w.client(kAck, 102, 502);
    QCOMPARE(w.states(),
        (QStringList { "client CLOSED>SYN-SENT", "server LISTEN>SYN-RECEIVED",
            "client SYN-SENT>ESTABLISHED", "server SYN-RECEIVED>ESTABLISHED",
            "client ESTABLISHED>FIN-WAIT-1", "server ESTABLISHED>CLOSE-WAIT",
            "server CLOSE-WAIT>LAST-ACK", "client FIN-WAIT-1>TIME-WAIT",
            "server LAST-ACK>CLOSED" }));
}

void tst_Replay::handReasonedStates_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("stream");
    QTest::addColumn<QString>("clientState");
    QTest::addColumn<QString>("serverState");
    QTest::addColumn<QStringList>("mustPass"); // transitions that must appear, in order
    // The client closes first; the server's FIN (frame 13) also acknowledges the client's,
    // so the client goes FIN-WAIT-1 → TIME-WAIT in one step (§3.10.7.4, eighth step), and
    // the client's last ACK closes the server's LAST-ACK.
    QTest::newRow("normal_http_get_ipv4")
        << "normal_http_get_ipv4.pcap" << 0 << "TIME-WAIT"
        << "CLOSED"
        << QStringList { "client ESTABLISHED>FIN-WAIT-1", "server ESTABLISHED>CLOSE-WAIT",
               "server CLOSE-WAIT>LAST-ACK", "client FIN-WAIT-1>TIME-WAIT",
               "server LAST-ACK>CLOSED" };
    // The FINs cross (frames 10 and 11): both FIN-WAIT-1 → CLOSING → TIME-WAIT (figure 13).
    QTest::newRow("crossing FINs")
        << "simultaneous_close_crossing_fins.pcap" << 0 << "TIME-WAIT"
        << "TIME-WAIT"
        << QStringList { "client ESTABLISHED>FIN-WAIT-1", "server ESTABLISHED>FIN-WAIT-1",
               "client FIN-WAIT-1>CLOSING", "server FIN-WAIT-1>CLOSING", "server CLOSING>TIME-WAIT",
               "client CLOSING>TIME-WAIT" };
    // SYN answered by RST,ACK: the client's SYN-SENT ends in CLOSED; no listener.
    QTest::newRow("refused") << "refused_syn_rstack.pcap" << 0 << "CLOSED"
                             << "CLOSED" << QStringList { "client SYN-SENT>CLOSED" };
    // No final ACK: the server stays SYN-RECEIVED, the client got its SYN-ACK.
    QTest::newRow("no final ACK") << "syn_synack_no_final_ack.pcap" << 0 << "ESTABLISHED"
                                  << "SYN-RECEIVED" << QStringList {};
    // Split handshake: SYN, SYN, SYN-ACK, ACK — the simultaneous-open path on both ends.
    QTest::newRow("split handshake")
        << "split_handshake_4way_syn_syn_synack_ack.pcap" << 0 << "CLOSED"
        << "CLOSED"
        << QStringList { "client SYN-SENT>SYN-RECEIVED", "server SYN-SENT>SYN-RECEIVED",
               "client SYN-RECEIVED>ESTABLISHED" };
    // shutdown(SHUT_WR): the client in FIN-WAIT-2 still receives, then TIME-WAIT.
    QTest::newRow("half-close") << "local_half_close_shut_wr.pcapng" << 0 << "TIME-WAIT"
                                << "CLOSED"
                                << QStringList { "server ESTABLISHED>CLOSE-WAIT",
                                       "client FIN-WAIT-1>FIN-WAIT-2",
                                       "server CLOSE-WAIT>LAST-ACK" };
    // The server closes first and the client reuses its port: two streams, server TIME-WAIT.
    QTest::newRow("port reuse") << "local_time_wait_port_reuse.pcapng" << 1 << "CLOSED"
                                << "TIME-WAIT" << QStringList { "client CLOSED>SYN-SENT" };
    // One socket connected to itself: it is both ends and goes through CLOSING.
    QTest::newRow("self-connect") << "local_self_connect_simultaneous_open.pcapng" << 0
                                  << "TIME-WAIT"
                                  << "TIME-WAIT"
                                  << QStringList { "client SYN-SENT>SYN-RECEIVED",
                                         "client FIN-WAIT-1>CLOSING" };
    // The capture began with the server's SYN-ACK: SYN-RECEIVED from the start.
    QTest::newRow("one-sided SYN-ACK") << "synack_retransmit_one_sided.pcap" << 0 << "CLOSED"
                                       << "CLOSED" << QStringList { "server LISTEN>SYN-RECEIVED" };
}

void tst_Replay::handReasonedStates()
{
    if (!havePcaps())
        QSKIP("../shared/pcaps is absent: no capture files to read");
    QFETCH(QString, file);
    QFETCH(int, stream);
    QFETCH(QString, clientState);
    QFETCH(QString, serverState);
    QFETCH(QStringList, mustPass);
    ReplayFile f;
    f.read(pcapsDir() + QLatin1Char('/') + file);
    QVERIFY(stream < f.connections().size());
    const ReplayConnection &c = f.connections().at(stream);
    QStringList states;
    for (const LabEvent &e : f.events(stream)) {
        if (e.kind == EventKind::State)
            states << QStringLiteral("%1 %2>%3")
                          .arg(sideToken(e.side), tcpStateName(e.from), tcpStateName(e.to));
    }
    QCOMPARE(tcpStateName(c.clientState), clientState);
    QCOMPARE(tcpStateName(c.serverState), serverState);
    int at = 0;
    for (const QString &t : mustPass) {
        const int i = states.indexOf(t, at);
        QVERIFY2(i >= 0, qPrintable(t + QStringLiteral(" not in order in: ") + states.join(", ")));
        at = i + 1;
    }
}

void tst_Replay::conformance()
{
    if (!havePcaps())
        QSKIP("../shared/pcaps is absent: conformance with ../shared/pcaps/expected not checked");
    const QDir expectedDir(pcapsDir() + QStringLiteral("/expected"));
    const QStringList files = expectedDir.entryList({ QStringLiteral("*.json") }, QDir::Files);
    QVERIFY(!files.isEmpty());
    QStringList table; // file | stream | field | expected | got
    int streams = 0;
    for (const QString &name : files) {
        QFile jf(expectedDir.filePath(name));
        QVERIFY(jf.open(QIODevice::ReadOnly));
        const QJsonObject expected = QJsonDocument::fromJson(jf.readAll()).object();
        const QString capture = expected.value(QLatin1String("file")).toString();
        const LabTest::CliRun run
            = LabTest::runCli({ QStringLiteral("--replay"), pcapsDir() + QLatin1Char('/') + capture,
                QStringLiteral("--json"), QStringLiteral("--lang"), QStringLiteral("en") });
        auto row = [&](const QString &stream, const QString &field, const QString &want,
                       const QString &got) {
            table
                << QStringLiteral("%1 | %2 | %3 | %4 | %5").arg(capture, stream, field, want, got);
        };
        if (run.code < 0) {
            row(QStringLiteral("-"), QStringLiteral("exit"), QStringLiteral("0 or 2"),
                QStringLiteral("crashed or hung"));
            continue;
        }
        const QStringList errLines = run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (expected.contains(QLatin1String("error"))) {
            // unreadable: exit 2 and one line saying why
            if (run.code != 2 || errLines.size() != 1)
                row(QStringLiteral("-"), QStringLiteral("exit / stderr"),
                    QStringLiteral("2, one line"),
                    QStringLiteral("%1, %2 line(s): %3")
                        .arg(run.code)
                        .arg(errLines.size())
                        .arg(run.err.trimmed()));
            continue;
        }
        QList<QJsonObject> got;
        for (const QJsonObject &o : run.events) {
            if (o.value(QLatin1String("kind")).toString() == QLatin1String("connection"))
                got << o;
        }
        const QJsonArray want = expected.value(QLatin1String("streams")).toArray();
        streams += int(want.size());
        // no TCP segment at all: exit 2 with the reason; otherwise 0 and nothing on stderr
        const int wantCode = want.isEmpty() ? 2 : 0;
        if (run.code != wantCode || (wantCode == 2) != (errLines.size() == 1))
            row(QStringLiteral("-"), QStringLiteral("exit / stderr"), QString::number(wantCode),
                QStringLiteral("%1: %2").arg(run.code).arg(run.err.trimmed()));
        if (got.size() != want.size())
            row(QStringLiteral("-"), QStringLiteral("streams"), QString::number(want.size()),
                QString::number(got.size()));
        for (int i = 0; i < qMin(int(want.size()), int(got.size())); ++i) {
            const QJsonObject w = want.at(i).toObject();
            for (const char *field :
                { "stream", "client", "server", "handshake", "close", "fins", "segments" }) {
                const QJsonValue a = w.value(QLatin1String(field));
                const QJsonValue b = got.at(i).value(QLatin1String(field));
                if (a != b)
                    row(QString::number(i), QString::fromLatin1(field), a.toVariant().toString(),
                        b.isUndefined() ? QStringLiteral("(missing)") : b.toVariant().toString());
            }
            for (const char *field : { "client_state", "server_state" }) {
                if (!tcpStateFromName(got.at(i).value(QLatin1String(field)).toString()))
                    row(QString::number(i), QString::fromLatin1(field),
                        QStringLiteral("an RFC 9293 state"),
                        got.at(i).value(QLatin1String(field)).toString());
            }
        }
    }
    if (!table.isEmpty())
        qWarning().noquote() << "\nfile | stream | field | expected | got\n" + table.join('\n');
    qInfo(
        "%d files, %d streams, %d disagreement(s)", int(files.size()), streams, int(table.size()));
    QCOMPARE(table.size(), 0);
}

void tst_Replay::printInUiLanguage()
{
    if (!havePcaps())
        QSKIP("../shared/pcaps is absent: no capture files to read");
    const QString file = pcapsDir() + QStringLiteral("/normal_http_get_ipv4.pcap");
    const LabTest::CliRun en = LabTest::runCli({ QStringLiteral("--replay"), file,
        QStringLiteral("--print"), QStringLiteral("--lang"), QStringLiteral("en") });
    QCOMPARE(en.code, 0);
    QVERIFY2(en.out.contains(QLatin1String("Connection 0")), qPrintable(en.out));
    QVERIFY(en.out.contains(QLatin1String("TIME-WAIT")));
    QVERIFY(en.out.contains(QStringLiteral("──▶")));
    QVERIFY(en.out.contains(QStringLiteral("◀──")));
    const LabTest::CliRun zh = LabTest::runCli({ QStringLiteral("--replay"), file,
        QStringLiteral("--print"), QStringLiteral("--lang"), QStringLiteral("zh_CN") });
    QCOMPARE(zh.code, 0);
    QVERIFY2(zh.out.contains(QStringLiteral("客户端")), qPrintable(zh.out));
}

void tst_Replay::damagedFileExitsTwo()
{
    if (!havePcaps())
        QSKIP("../shared/pcaps is absent: no capture files to read");
    // The golden HTTP GET cut in the middle of its last record: 13 whole packets, then
    // wiretap's "cut short"; the connection read so far is printed, then the reason.
    QFile in(pcapsDir() + QStringLiteral("/normal_http_get_ipv4.pcap"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QTemporaryDir dir;
    const QString cut = dir.filePath(QStringLiteral("cut.pcap"));
    QFile out(cut);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(in.readAll().chopped(20));
    out.close();
    for (const QString &lang : { QStringLiteral("en"), QStringLiteral("zh_CN") }) {
        const LabTest::CliRun run = LabTest::runCli(
            { QStringLiteral("--replay"), cut, QStringLiteral("--json"), "--lang", lang });
        QCOMPARE(run.code, 2);
        const QStringList lines = run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(QLatin1String("14")), qPrintable(run.err)); // packet
        const int c = LabTest::findEvent(run.events, QVariantMap { { "kind", "connection" } });
        QVERIFY(c >= 0);
        QCOMPARE(run.events.at(c).value("segments").toInt(), 13);
        if (lang == QLatin1String("en"))
            QVERIFY2(lines.first().contains(QLatin1String("byte offset")), qPrintable(run.err));
    }
    // no crash, no hang, nothing huge: the fuzzed record length
    const LabTest::CliRun fuzz = LabTest::runCli({ QStringLiteral("--replay"),
        pcapsDir() + QStringLiteral("/fuzz_oversized_record_length.pcap"),
        QStringLiteral("--print"), QStringLiteral("--lang"), QStringLiteral("en") });
    QCOMPARE(fuzz.code, 2);
    QVERIFY2(fuzz.err.contains(QLatin1String("packet 3")), qPrintable(fuzz.err));
}

QTEST_GUILESS_MAIN(tst_Replay)
#include "tst_replay.moc"
