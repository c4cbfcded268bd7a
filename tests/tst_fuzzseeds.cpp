// The fuzz targets' seed corpus (fuzz/), generated here rather than committed:
// hand-made connections — TCP handshakes, data, close, RST, simultaneous open,
// port reuse, SACK, Fast Open, hostile options; IPv4 and IPv6 with extension
// headers; every link type the decoder knows; truncated variants — each
// checked to decode as intended, so the corpus really reaches the code behind
// each header, then written in fuzz/fuzzinput.h's format to
// SOCKETLAB_FUZZ_SEEDS_DIR/frames/ (both targets), and as pcap files to
// .../files/ (fuzz_replay). Where ../shared/pcaps exists, its files are added
// as seeds "shared-<file>": their packets (read with libpcap) to frames/,
// their first 8 KiB as they are to files/.

#include "capture/capturetracker.h"
#include "capture/packetdecoder.h"
#include "frames.h"
#include "fuzzinput.h"
#include "replay/replayfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <pcap/pcap.h>

namespace {

using Frames::put16;
using Frames::put32;
using Frames::tcpHeader;

enum : quint8 {
    Fin = DecodedPacket::Fin,
    Syn = DecodedPacket::Syn,
    Rst = DecodedPacket::Rst,
    Psh = DecodedPacket::Psh,
    Ack = DecodedPacket::Ack,
};

// Linux's SYN options: MSS, SACK_PERM, TS, NOP, WS (20 bytes).
QByteArray synOptions(quint16 mss = 65495, quint8 ws = 7)
{
    QByteArray o = QByteArray::fromHex("0204ffd7"
                                       "0402"
                                       "080a0000000100000000"
                                       "01030307");
    put16(o, 2, mss);
    o[19] = char(ws);
    return o;
}

// Two NOPs and one SACK block (RFC 2018) after a timestamp option: 24 bytes.
QByteArray sackOptions(quint32 left, quint32 right)
{
    QByteArray o = QByteArray::fromHex("0101080a00000002000000010101050a0000000000000000");
    put32(o, 16, left);
    put32(o, 20, right);
    return o;
}

QByteArray udpHeader(quint16 sport, quint16 dport, const QByteArray &payload)
{
    QByteArray u(8, '\0');
    put16(u, 0, sport);
    put16(u, 2, dport);
    put16(u, 4, quint16(8 + payload.size()));
    return u + payload;
}

// An IPv4 packet (RFC 791); @p options makes the header longer (a multiple of 4 bytes).
QByteArray ipv4(const QByteArray &transport, quint8 proto, quint32 src, quint32 dst,
    const QByteArray &options = {})
{
    QByteArray ip(20, '\0');
    ip[0] = char(0x40 | ((20 + options.size()) / 4));
    put16(ip, 2, quint16(20 + options.size() + transport.size()));
    put16(ip, 6, 0x4000); // DF
    ip[8] = char(64);
    ip[9] = char(proto);
    put32(ip, 12, src);
    put32(ip, 16, dst);
    return ip + options + transport;
}

// An IPv6 packet (RFC 8200); @p extensions are already chained, @p next names the first.
QByteArray ipv6(const QByteArray &transport, quint8 next, quint8 srcLow, quint8 dstLow,
    const QByteArray &extensions = {})
{
    QByteArray ip(40, '\0');
    ip[0] = char(0x60);
    put16(ip, 4, quint16(extensions.size() + transport.size()));
    ip[6] = char(next);
    ip[7] = char(64);
    ip[8] = char(0x20); // 2001:db8::/32
    ip[9] = char(0x01);
    ip[10] = char(0x0d);
    ip[11] = char(0xb8);
    ip[24] = ip[8];
    ip[25] = ip[9];
    ip[26] = ip[10];
    ip[27] = ip[11];
    ip[23] = char(srcLow);
    ip[39] = char(dstLow);
    return ip + extensions + transport;
}

// Link-layer framings (pcap-linktype(7)) of an IP packet; the version nibble picks the protocol.
enum class Framing { Ethernet, Vlan, QinQ, Null, Loop, Bare, Sll, Sll2 };

QByteArray frame(Framing framing, const QByteArray &ip)
{
    const bool v6 = !ip.isEmpty() && (quint8(ip[0]) >> 4) == 6;
    const quint16 etherType = v6 ? 0x86dd : 0x0800;
    QByteArray h;
    switch (framing) {
    case Framing::Ethernet:
        h = QByteArray(14, '\0');
        h[5] = 1; // destination 00:00:00:00:00:01
        h[11] = 2;
        put16(h, 12, etherType);
        break;
    case Framing::Vlan:
        h = QByteArray(18, '\0');
        put16(h, 12, 0x8100);
        put16(h, 14, 0xa00a); // PCP 5, DEI 0, VID 10
        put16(h, 16, etherType);
        break;
    case Framing::QinQ:
        h = QByteArray(22, '\0');
        put16(h, 12, 0x88a8);
        put16(h, 14, 100);
        put16(h, 16, 0x8100);
        put16(h, 18, 10);
        put16(h, 20, etherType);
        break;
    case Framing::Null:
        h = QByteArray(4, '\0');
        h[0] = char(v6 ? 24 : 2); // host byte order (little-endian); 24: BSD's AF_INET6
        break;
    case Framing::Loop:
        h = QByteArray(4, '\0');
        h[3] = char(v6 ? 24 : 2); // OpenBSD: network byte order
        break;
    case Framing::Bare:
        break;
    case Framing::Sll:
        h = QByteArray(16, '\0');
        put16(h, 2, 772); // ARPHRD_LOOPBACK
        put16(h, 4, 6);
        put16(h, 14, etherType);
        break;
    case Framing::Sll2:
        h = QByteArray(20, '\0');
        put16(h, 0, etherType);
        put32(h, 4, 1); // interface index
        put16(h, 8, 772);
        h[11] = 6;
        break;
    }
    return h + ip;
}

// One TCP connection's segments as IP packets, client → server or back.
struct Flow
{
    bool v6 = false;
    quint16 clientPort = 40000;
    quint16 serverPort = 8888;
    quint32 clientIsn = 0x10000000;
    quint32 serverIsn = 0xfffffff0; // wraps during the exchange

    QByteArray segment(bool fromClient, quint8 flags, quint32 seq, quint32 ack, quint16 window,
        const QByteArray &options = {}, const QByteArray &payload = {}) const
    {
        const quint16 sport = fromClient ? clientPort : serverPort;
        const quint16 dport = fromClient ? serverPort : clientPort;
        const QByteArray tcp = tcpHeader(sport, dport, seq, ack, flags, window, options) + payload;
        if (v6)
            return ipv6(tcp, 6, fromClient ? 1 : 2, fromClient ? 2 : 1);
        return ipv4(
            tcp, 6, fromClient ? 0xc0000201 : 0xc0000202, fromClient ? 0xc0000202 : 0xc0000201);
    }

    // SYN, SYN-ACK, ACK, request, its ACK, FIN-ACK, FIN-ACK, ACK: 8 packets.
    QList<QByteArray> fullConnection() const
    {
        const quint32 c = clientIsn, s = serverIsn;
        const QByteArray request = QByteArrayLiteral("请求连接");
        const quint32 n = quint32(request.size());
        return {
            segment(true, Syn, c, 0, 64240, synOptions(1460, 7)),
            segment(false, Syn | Ack, s, c + 1, 65160, synOptions(1460, 10)),
            segment(true, Ack, c + 1, s + 1, 502),
            segment(true, Psh | Ack, c + 1, s + 1, 502, {}, request),
            segment(false, Ack, s + 1, c + 1 + n, 64),
            segment(true, Fin | Ack, c + 1 + n, s + 1, 502),
            segment(false, Fin | Ack, s + 1, c + 2 + n, 64),
            segment(true, Ack, c + 2 + n, s + 2, 502),
        };
    }
};

QList<QByteArray> framed(Framing framing, const QList<QByteArray> &packets)
{
    QList<QByteArray> out;
    for (const QByteArray &p : packets)
        out << frame(framing, p);
    return out;
}

/** One seed: frames on a link type, and what decoding them must give. */
struct Seed
{
    QString name;
    int linkType = PacketDecoder::LinkEthernet; ///< -1: PacketDecoder::decodeIp
    QList<QByteArray> frames;
    int decoded = 0; ///< frames that decode as TCP or UDP (-1: not checked)
    int streams = 0; ///< TCP streams CaptureTracker numbers (-1: not checked)
};

QList<Seed> handMadeSeeds()
{
    QList<Seed> seeds;
    const Flow v4;
    Flow v6;
    v6.v6 = true;

    // The full connection on every link type the decoder takes, IPv4 and IPv6.
    const struct
    {
        const char *name;
        int linkType;
        Framing framing;
        bool v4;
        bool v6;
    } links[] = {
        { "ethernet", PacketDecoder::LinkEthernet, Framing::Ethernet, true, true },
        { "vlan", PacketDecoder::LinkEthernet, Framing::Vlan, true, true },
        { "null", PacketDecoder::LinkNull, Framing::Null, true, true },
        { "loop", PacketDecoder::LinkLoop, Framing::Loop, true, true },
        { "raw", PacketDecoder::LinkRaw, Framing::Bare, true, true },
        { "rawalt", PacketDecoder::LinkRawAlt, Framing::Bare, true, true },
        { "ipv4", PacketDecoder::LinkIpv4, Framing::Bare, true, false },
        { "ipv6", PacketDecoder::LinkIpv6, Framing::Bare, false, true },
        { "sll", PacketDecoder::LinkLinuxSll, Framing::Sll, true, true },
        { "sll2", PacketDecoder::LinkLinuxSll2, Framing::Sll2, true, true },
        { "ip", -1, Framing::Bare, true, true },
    };
    for (const auto &l : links) {
        const QString link = QString::fromLatin1(l.name);
        if (l.v4) {
            seeds << Seed { QStringLiteral("tcp4-%1").arg(link), l.linkType,
                framed(l.framing, v4.fullConnection()), 8, 1 };
        }
        if (l.v6) {
            seeds << Seed { QStringLiteral("tcp6-%1").arg(link), l.linkType,
                framed(l.framing, v6.fullConnection()), 8, 1 };
        }
    }
    // An 802.1ad outer tag and an 802.1Q tag (QinQ): whether PacketDecoder takes it is not checked.
    seeds << Seed { QStringLiteral("tcp4-qinq"), PacketDecoder::LinkEthernet,
        framed(Framing::QinQ, v4.fullConnection()), -1, -1 };

    // Truncated variants of the SYN and of the request: every header cut somewhere.
    const QByteArray syn = frame(Framing::Ethernet, v4.fullConnection().at(0));
    const QByteArray syn6 = frame(Framing::Ethernet, v6.fullConnection().at(0));
    const QByteArray request = frame(Framing::Sll2, v4.fullConnection().at(3));
    const struct
    {
        const char *name;
        int linkType;
        QByteArray frame;
        int cut; ///< bytes kept
        int decoded; ///< 1: still TCP (its payload cut by the snap length)
    } cuts[] = {
        { "syn-in-ethernet", PacketDecoder::LinkEthernet, syn, 10, 0 },
        { "syn-in-ipv4", PacketDecoder::LinkEthernet, syn, 14 + 12, 0 },
        { "syn-in-tcp", PacketDecoder::LinkEthernet, syn, 14 + 20 + 12, 0 },
        { "syn-in-options", PacketDecoder::LinkEthernet, syn, 14 + 20 + 20 + 6, 0 },
        { "syn6-in-ipv6", PacketDecoder::LinkEthernet, syn6, 14 + 30, 0 },
        { "syn6-in-tcp", PacketDecoder::LinkEthernet, syn6, 14 + 40 + 19, 0 },
        { "request-in-sll2", PacketDecoder::LinkLinuxSll2, request, 19, 0 },
        { "request-in-payload", PacketDecoder::LinkLinuxSll2, request, 20 + 20 + 20 + 5, 1 },
    };
    for (const auto &c : cuts) {
        seeds << Seed { QStringLiteral("cut-%1").arg(QLatin1String(c.name)), c.linkType,
            { c.frame.left(c.cut) }, c.decoded, c.decoded };
    }

    // IPv6 extension headers before TCP: hop-by-hop, destination options, an atomic fragment
    // (offset 0, no more fragments: RFC 6946); then a real fragment, which is not decoded.
    {
        QByteArray ext(24, '\0');
        ext[0] = 60; // hop-by-hop → destination options
        ext[8] = 44; // → fragment
        ext[16] = 6; // → TCP
        const QByteArray tcp = tcpHeader(40000, 8888, 1, 0, Syn, 65535, synOptions());
        QByteArray later = ext;
        put16(later, 18, 0x0101); // offset 32, more fragments
        seeds << Seed { QStringLiteral("ipv6-extension-headers"), PacketDecoder::LinkIpv6,
            { ipv6(tcp, 0, 1, 2, ext), ipv6(tcp, 0, 1, 2, later) }, 1, 1 };
    }
    // IPv4 with options, a later fragment, and a TSO packet with total length 0.
    {
        const QByteArray tcp = tcpHeader(40000, 8888, 1, 0, Syn, 65535, synOptions());
        QByteArray fragment = ipv4(tcp, 6, 0x7f000001, 0x7f000001);
        put16(fragment, 6, 0x0010);
        QByteArray tso = ipv4(tcpHeader(40000, 8888, 2, 1, Ack, 512) + QByteArray(3000, 'x'), 6,
            0x7f000001, 0x7f000001);
        put16(tso, 2, 0);
        seeds << Seed { QStringLiteral("ipv4-options-fragment-tso"), PacketDecoder::LinkRaw,
            { ipv4(tcp, 6, 0x7f000001, 0x7f000001, QByteArray(4, '\1')), fragment, tso }, 2, 1 };
    }
    // Fast Open (RFC 7413): a SYN with a cookie and data; then SACK blocks.
    {
        const QByteArray tfo = synOptions() + QByteArray::fromHex("220a0102030405060708");
        seeds << Seed { QStringLiteral("tcp-fastopen-sack"), PacketDecoder::LinkEthernet,
            framed(Framing::Ethernet,
                { v4.segment(true, Syn, 100, 0, 65535, tfo + QByteArray(2, '\1'), "GET /"),
                    v4.segment(false, Syn | Ack, 500, 106, 65535, synOptions()),
                    v4.segment(false, Psh | Ack, 501, 106, 512, {}, QByteArray(100, 'a')),
                    v4.segment(true, Ack, 106, 501, 512, sackOptions(551, 601)) }),
            4, 1 };
    }
    // Refused (RST answering a SYN), simultaneous open, port reuse, mid-stream.
    seeds << Seed { QStringLiteral("tcp-refused"), PacketDecoder::LinkEthernet,
        framed(Framing::Ethernet,
            { v4.segment(true, Syn, 7, 0, 65535, synOptions()),
                v4.segment(false, Rst | Ack, 0, 8, 0) }),
        2, 1 };
    {
        Flow peers = v4;
        peers.clientPort = 5000;
        peers.serverPort = 5001;
        seeds << Seed { QStringLiteral("tcp-simultaneous-open"), PacketDecoder::LinkNull,
            framed(Framing::Null,
                { peers.segment(true, Syn, 10, 0, 65535, synOptions()),
                    peers.segment(false, Syn, 20, 0, 65535, synOptions()),
                    peers.segment(true, Syn | Ack, 10, 21, 65535, synOptions()),
                    peers.segment(false, Syn | Ack, 20, 11, 65535, synOptions()) }),
            4, 1 };
    }
    {
        Flow again = v4;
        again.clientIsn = 0x20000000;
        again.serverIsn = 0x30000000;
        seeds << Seed { QStringLiteral("tcp-port-reuse"), PacketDecoder::LinkEthernet,
            framed(Framing::Ethernet, v4.fullConnection() + again.fullConnection()), 16, 2 };
    }
    seeds << Seed { QStringLiteral("tcp-midstream"), PacketDecoder::LinkEthernet,
        framed(Framing::Ethernet,
            { v4.segment(false, Psh | Ack, 1000, 2000, 300, {}, "data"),
                v4.segment(true, Ack, 2000, 1004, 300), v4.segment(true, Rst, 2000, 0, 0) }),
        3, 1 };
    // Hostile options: window scale 255 on both SYNs (RFC 7323 §2.3: use 14), an MSS of the
    // wrong length, a zero option length, an option running past the header.
    seeds << Seed { QStringLiteral("tcp-hostile-options"), PacketDecoder::LinkEthernet,
        framed(Framing::Ethernet,
            { v4.segment(true, Syn, 1, 0, 65535, synOptions(1460, 255)),
                v4.segment(false, Syn | Ack, 9, 2, 65535, synOptions(1460, 255)),
                v4.segment(true, Ack, 2, 10, 0xffff),
                v4.segment(true, Ack, 2, 10, 1, QByteArray::fromHex("0203ffff")),
                v4.segment(true, Ack, 2, 10, 1, QByteArray::fromHex("08000000")),
                v4.segment(true, Ack, 2, 10, 1, QByteArray::fromHex("0101080c")) }),
        6, 1 };
    // UDP both ways, IPv4 and IPv6; what is not IP, not TCP or UDP; an unknown IP version.
    seeds << Seed { QStringLiteral("udp-echo"), PacketDecoder::LinkEthernet,
        framed(Framing::Ethernet,
            { ipv4(udpHeader(51000, 8888, "你好"), 17, 0x7f000001, 0x7f000001),
                ipv4(udpHeader(8888, 51000, "你好"), 17, 0x7f000001, 0x7f000001),
                ipv6(udpHeader(51000, 8888, "hi"), 17, 1, 1),
                ipv6(udpHeader(51000, 8888, ""), 17, 1, 1) }),
        4, 0 };
    {
        QByteArray arp = frame(Framing::Ethernet, QByteArray(28, '\0'));
        put16(arp, 12, 0x0806);
        QByteArray version5 = ipv4(udpHeader(1, 2, "x"), 17, 1, 2);
        version5[0] = char(0x55);
        seeds << Seed { QStringLiteral("not-tcp-or-udp"), PacketDecoder::LinkEthernet,
            { arp, frame(Framing::Ethernet, ipv4(QByteArray(8, '\0'), 1, 1, 2)),
                frame(Framing::Ethernet, ipv6(QByteArray(8, '\0'), 58, 1, 2)),
                frame(Framing::Ethernet, version5), QByteArray() },
            0, 0 };
    }
    return seeds;
}

// A pcapng file (draft-ietf-opsawg-pcapng, little-endian, microsecond times): one section,
// an interface per link type of @p interfaces, and an enhanced packet block per packet.
struct PcapngPacket
{
    int interface = 0;
    quint64 timeUs = 0;
    QByteArray frame;
};

QByteArray pcapng(const QList<int> &interfaces, const QList<PcapngPacket> &packets)
{
    QByteArray out;
    auto block = [&out](quint32 type, const QByteArray &body) {
        QByteArray b(8, '\0');
        const quint32 total = quint32(12 + body.size());
        qToLittleEndian<quint32>(type, b.data());
        qToLittleEndian<quint32>(total, b.data() + 4);
        b += body;
        b += QByteArray(4, '\0');
        qToLittleEndian<quint32>(total, b.data() + b.size() - 4);
        out += b;
    };
    QByteArray shb(16, '\0');
    qToLittleEndian<quint32>(0x1a2b3c4d, shb.data());
    qToLittleEndian<quint16>(1, shb.data() + 4); // version 1.0
    qToLittleEndian<qint64>(-1, shb.data() + 8); // section length not given
    block(0x0a0d0d0a, shb);
    for (int linkType : interfaces) {
        QByteArray idb(8, '\0');
        qToLittleEndian<quint16>(quint16(linkType), idb.data());
        qToLittleEndian<quint32>(0x40000, idb.data() + 4);
        block(1, idb);
    }
    for (const PcapngPacket &p : packets) {
        QByteArray epb(20, '\0');
        qToLittleEndian<quint32>(quint32(p.interface), epb.data());
        qToLittleEndian<quint32>(quint32(p.timeUs >> 32), epb.data() + 4);
        qToLittleEndian<quint32>(quint32(p.timeUs), epb.data() + 8);
        qToLittleEndian<quint32>(quint32(p.frame.size()), epb.data() + 12);
        qToLittleEndian<quint32>(quint32(p.frame.size()), epb.data() + 16);
        epb += p.frame;
        epb += QByteArray((4 - p.frame.size() % 4) % 4, '\0');
        block(6, epb);
    }
    return out;
}

// Capture files only fuzz_replay's whole-file seeds can hold: pcapng with two interfaces of
// different link types, and with times far apart (64-bit timestamps).
QList<QPair<QString, QByteArray>> pcapngSeeds()
{
    const Flow v4;
    Flow v6;
    v6.v6 = true;
    QList<PcapngPacket> mixed, far;
    const QList<QByteArray> a = v4.fullConnection(), b = v6.fullConnection();
    for (int i = 0; i < a.size(); ++i) {
        mixed << PcapngPacket { 0, 1'704'067'200'000'000ull + quint64(i) * 1000,
            frame(Framing::Ethernet, a.at(i)) };
        mixed << PcapngPacket { 1, 1'704'067'200'000'500ull + quint64(i) * 1000,
            frame(Framing::Sll2, b.at(i)) };
        far << PcapngPacket { 0, i % 2 ? ~0ull - quint64(i) : quint64(i),
            frame(Framing::Ethernet, a.at(i)) };
    }
    return {
        { QStringLiteral("pcapng-ethernet-and-sll2"),
            pcapng({ PacketDecoder::LinkEthernet, PacketDecoder::LinkLinuxSll2 }, mixed) },
        { QStringLiteral("pcapng-far-times"), pcapng({ PacketDecoder::LinkEthernet }, far) },
    };
}

// The packets of a capture file (libpcap reads pcap and pcapng's first link type), cut to keep
// seeds small: at most 64 frames of at most 512 bytes.
bool readShared(const QString &path, Seed *seed)
{
    char err[PCAP_ERRBUF_SIZE] = {};
    pcap_t *p = pcap_open_offline(QFile::encodeName(path).constData(), err);
    if (!p)
        return false;
    seed->linkType = pcap_datalink(p);
    pcap_pkthdr *h = nullptr;
    const u_char *data = nullptr;
    while (seed->frames.size() < 64 && pcap_next_ex(p, &h, &data) == 1) {
        seed->frames << QByteArray(
            reinterpret_cast<const char *>(data), int(qMin<bpf_u_int32>(h->caplen, 512)));
    }
    pcap_close(p);
    return FuzzInput::hasLinkType(seed->linkType);
}

} // namespace

class tst_FuzzSeeds : public QObject
{
    Q_OBJECT

private slots:
    void seedsDecodeAsIntended_data();
    void seedsDecodeAsIntended();
    void windowScaleIsCappedAt14();
    void inputFormatRoundTrips();
    void pcapOfFramesReadsBack();
    void pcapngSeedsAreWellFormed();
    void writesCorpus();
};

void tst_FuzzSeeds::seedsDecodeAsIntended_data()
{
    QTest::addColumn<int>("linkType");
    QTest::addColumn<QList<QByteArray>>("frames");
    QTest::addColumn<int>("decoded");
    QTest::addColumn<int>("streams");
    for (const Seed &s : handMadeSeeds())
        QTest::newRow(qPrintable(s.name)) << s.linkType << s.frames << s.decoded << s.streams;
}

void tst_FuzzSeeds::seedsDecodeAsIntended()
{
    QFETCH(int, linkType);
    QFETCH(QList<QByteArray>, frames);
    QFETCH(int, decoded);
    QFETCH(int, streams);
    CaptureTracker tracker;
    tracker.setServerPorts({ 8888 });
    int decodedSeen = 0, streamsSeen = 0;
    for (const QByteArray &f : frames) {
        const DecodedPacket d
            = linkType < 0 ? PacketDecoder::decodeIp(f) : PacketDecoder::decode(linkType, f);
        if (d.transport == DecodedPacket::None) {
            QVERIFY(!d.error.isEmpty());
            continue;
        }
        QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
        ++decodedSeen;
        const LabEvent e = tracker.toEvent(d, 0);
        streamsSeen = qMax(streamsSeen, e.stream + 1);
    }
    if (decoded >= 0)
        QCOMPARE(decodedSeen, decoded);
    if (streams >= 0)
        QCOMPARE(streamsSeen, streams);
}

void tst_FuzzSeeds::windowScaleIsCappedAt14()
{
    // RFC 7323 §2.3: a shift above 14 is taken as 14 (and must not shift a 64-bit value by 255).
    const Seed hostile = [] {
        for (const Seed &s : handMadeSeeds()) {
            if (s.name == QLatin1String("tcp-hostile-options"))
                return s;
        }
        return Seed {};
    }();
    QCOMPARE(hostile.frames.size(), 6);
    CaptureTracker tracker;
    QList<LabEvent> events;
    for (const QByteArray &f : hostile.frames)
        events << tracker.toEvent(PacketDecoder::decode(hostile.linkType, f), 0);
    QCOMPARE(events.at(0).options.last(), QStringLiteral("WS=255"));
    QCOMPARE(events.at(2).win, qint64(0xffff) << 14);
    QCOMPARE(events.at(3).win, qint64(1) << 14);
}

void tst_FuzzSeeds::inputFormatRoundTrips()
{
    for (const Seed &s : handMadeSeeds()) {
        const QByteArray bytes = FuzzInput::encode(s.linkType, s.frames);
        const FuzzInput::Input in = FuzzInput::parse(
            reinterpret_cast<const uint8_t *>(bytes.constData()), size_t(bytes.size()));
        QCOMPARE(in.linkType, s.linkType);
        QCOMPARE(in.frames, s.frames);
        QCOMPARE(in.wireExtra, 0);
        QVERIFY(!in.rawFile);
        const QByteArray cut = FuzzInput::encode(s.linkType, s.frames, true);
        QCOMPARE(
            FuzzInput::parse(reinterpret_cast<const uint8_t *>(cut.constData()), size_t(cut.size()))
                .wireExtra,
            FuzzInput::kSnapCut);
    }
    const QByteArray file = FuzzInput::encodeFile("\xd4\xc3\xb2\xa1");
    const FuzzInput::Input raw = FuzzInput::parse(
        reinterpret_cast<const uint8_t *>(file.constData()), size_t(file.size()));
    QVERIFY(raw.rawFile);
    QCOMPARE(raw.file, QByteArray("\xd4\xc3\xb2\xa1"));
    // A last frame longer than what is left takes the rest; a lone length byte is dropped.
    const uint8_t cut[] = { 0, 0, 9, 'a', 'b' };
    QCOMPARE(FuzzInput::parse(cut, sizeof cut).frames, QList<QByteArray> { "ab" });
    const uint8_t lone[] = { 1, 0 };
    QCOMPARE(FuzzInput::parse(lone, sizeof lone).linkType, int(PacketDecoder::LinkNull));
    QVERIFY(FuzzInput::parse(lone, sizeof lone).frames.isEmpty());
}

void tst_FuzzSeeds::pcapOfFramesReadsBack()
{
    // fuzz_replay's pcap files, read with libpcap: the link type, every frame, the wire lengths.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const Seed &s : handMadeSeeds()) {
        FuzzInput::Input in;
        in.linkType = s.linkType;
        in.frames = s.frames;
        in.wireExtra = FuzzInput::kSnapCut;
        QFile f(dir.filePath(QStringLiteral("seed.pcap")));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(FuzzInput::toPcap(in));
        f.close();
        char err[PCAP_ERRBUF_SIZE] = {};
        pcap_t *p = pcap_open_offline(QFile::encodeName(f.fileName()).constData(), err);
        QVERIFY2(p, err);
        // libpcap hands LINKTYPE_RAW (101) out as DLT_RAW (12 on Linux).
        auto dlt = [](int linkType) { return linkType < 0 || linkType == 101 ? 12 : linkType; };
        QCOMPARE(dlt(pcap_datalink(p)), dlt(s.linkType));
        pcap_pkthdr *h = nullptr;
        const u_char *data = nullptr;
        QList<QByteArray> frames;
        while (pcap_next_ex(p, &h, &data) == 1) {
            QCOMPARE(qint64(h->len), qint64(h->caplen) + FuzzInput::kSnapCut);
            frames << QByteArray(reinterpret_cast<const char *>(data), int(h->caplen));
        }
        pcap_close(p);
        QCOMPARE(frames, s.frames);
    }
}

void tst_FuzzSeeds::pcapngSeedsAreWellFormed()
{
    // Two interfaces of different link types: wiretap (ReplayFile) reads both connections.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QList<QPair<QString, QByteArray>> seeds = pcapngSeeds();
    QCOMPARE(seeds.size(), 2);
    QFile mixed(dir.filePath(seeds.at(0).first));
    QVERIFY(mixed.open(QIODevice::WriteOnly));
    mixed.write(seeds.at(0).second);
    mixed.close();
    ReplayFile replay;
    QVERIFY2(replay.read(mixed.fileName()), qPrintable(replay.error().message()));
    QCOMPARE(replay.packetCount(), 16);
    QCOMPARE(replay.connections().size(), 2);
    QCOMPARE(replay.connections().at(1).client, QStringLiteral("[2001:db8::1]:40000"));

    // Times 2^64 µs apart: libpcap reads the first packet (the lab's reading is fuzz_replay's).
    QFile far(dir.filePath(seeds.at(1).first));
    QVERIFY(far.open(QIODevice::WriteOnly));
    far.write(seeds.at(1).second);
    far.close();
    char err[PCAP_ERRBUF_SIZE] = {};
    pcap_t *p = pcap_open_offline(QFile::encodeName(far.fileName()).constData(), err);
    QVERIFY2(p, err);
    const int linkType = pcap_datalink(p);
    pcap_pkthdr *h = nullptr;
    const u_char *data = nullptr;
    const int next = pcap_next_ex(p, &h, &data);
    const QString why = QString::fromLocal8Bit(pcap_geterr(p));
    const QByteArray first
        = next == 1 ? QByteArray(reinterpret_cast<const char *>(data), int(h->caplen)) : "";
    pcap_close(p);
    QCOMPARE(linkType, int(PacketDecoder::LinkEthernet));
    QVERIFY2(next == 1, qPrintable(why));
    const DecodedPacket d = PacketDecoder::decode(PacketDecoder::LinkEthernet, first);
    QVERIFY(d.isTcp());
    QCOMPARE(d.flagNames(), QStringList { QStringLiteral("SYN") });
}

void tst_FuzzSeeds::writesCorpus()
{
    const QDir seedsDir(QStringLiteral(SOCKETLAB_FUZZ_SEEDS_DIR));
    QDir frames(seedsDir.filePath(QStringLiteral("frames")));
    QDir files(seedsDir.filePath(QStringLiteral("files")));
    for (QDir *dir : { &frames, &files }) {
        QVERIFY(dir->removeRecursively());
        QVERIFY(dir->mkpath(QStringLiteral(".")));
    }
    auto write = [](const QDir &dir, const QString &name, const QByteArray &bytes) {
        QFile f(dir.filePath(name));
        QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(f.errorString()));
        QCOMPARE(f.write(bytes), bytes.size());
    };
    const QList<Seed> seeds = handMadeSeeds();
    for (const Seed &s : seeds) {
        write(frames, s.name, FuzzInput::encode(s.linkType, s.frames));
        FuzzInput::Input in;
        in.linkType = s.linkType;
        in.frames = s.frames;
        write(
            files, s.name + QStringLiteral(".pcap"), FuzzInput::encodeFile(FuzzInput::toPcap(in)));
    }
    const QList<QPair<QString, QByteArray>> pcapngs = pcapngSeeds();
    for (const auto &[name, file] : pcapngs)
        write(files, name + QStringLiteral(".pcapng"), FuzzInput::encodeFile(file));
    // Two seeds whose frames the snap length cut (wire length 1000 bytes more).
    write(frames, QStringLiteral("snapcut-tcp4-ethernet"),
        FuzzInput::encode(seeds.at(0).linkType, seeds.at(0).frames, true));
    write(frames, QStringLiteral("snapcut-tcp6-sll2"), [&seeds] {
        for (const Seed &s : seeds) {
            if (s.name == QLatin1String("tcp6-sll2"))
                return FuzzInput::encode(s.linkType, s.frames, true);
        }
        return QByteArray();
    }());

    int shared = 0;
    const QDir pcaps(QStringLiteral(SOCKETLAB_SHARED_DIR "/pcaps"));
    const QStringList names
        = pcaps.entryList({ QStringLiteral("*.pcap"), QStringLiteral("*.pcapng"),
                              QStringLiteral("*.gz"), QStringLiteral("*.zst") },
            QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile f(pcaps.filePath(name));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.errorString()));
        write(files, QStringLiteral("shared-") + name, FuzzInput::encodeFile(f.read(8192)));
        Seed s;
        if (readShared(pcaps.filePath(name), &s) && !s.frames.isEmpty())
            write(
                frames, QStringLiteral("shared-") + name, FuzzInput::encode(s.linkType, s.frames));
        ++shared;
    }
    if (names.isEmpty())
        qInfo("%s absent: hand-made seeds only", qPrintable(pcaps.path()));
    qInfo("%lld hand-made seeds and %d files of %s in %s", qlonglong(seeds.size()), shared,
        qPrintable(pcaps.path()), qPrintable(seedsDir.path()));
    QCOMPARE(files.entryList(QDir::Files).size(), seeds.size() + pcapngs.size() + shared);
}

QTEST_GUILESS_MAIN(tst_FuzzSeeds)
#include "tst_fuzzseeds.moc"
