#include "packetdecoder.h"

#include <QtEndian>

#include <cstring>

namespace {

quint16 be16(const uchar *p)
{
    return qFromBigEndian<quint16>(p);
}

quint32 be32(const uchar *p)
{
    return qFromBigEndian<quint32>(p);
}

QString endpoint(const QHostAddress &a, quint16 port)
{
    if (a.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(a.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(a.toString()).arg(port);
}

// The frame being decoded: `n` bytes captured, `wire` bytes on the wire (both from the
// current position's start of the frame).
struct Cursor
{
    const uchar *p;
    qint64 n; ///< captured bytes from p
    qint64 wire; ///< bytes on the wire from p (≥ n); very large when not known
    bool wireKnown = true; ///< false: only the IP length fields tell the length
};

constexpr qint64 kUnknownWire = qint64(1) << 40;

bool fail(PacketHeaders &h, const char *why)
{
    h.error = why;
    h.transport = PacketHeaders::None;
    return false;
}

// TCP options (RFC 9293 §3.2; MSS §3.7.1; window scale and timestamps RFC 7323;
// SACK-permitted and SACK RFC 2018; Fast Open RFC 7413 §4.1.1, or RFC 6994's
// experimental kind 254 with ExID 0xF989). Stops at End of Option List or a bad length.
void decodeTcpOptions(const uchar *p, int n, PacketHeaders &h)
{
    int i = 0;
    while (i < n) {
        const uchar kind = p[i];
        if (kind == 0) // end of option list
            break;
        if (kind == 1) { // no-operation
            ++i;
            continue;
        }
        if (i + 1 >= n)
            break;
        const int len = p[i + 1];
        if (len < 2 || i + len > n)
            break;
        const uchar *v = p + i + 2;
        switch (kind) {
        case 2:
            if (len == 4)
                h.options.mss = be16(v);
            break;
        case 3:
            if (len == 3)
                h.options.windowScale = v[0];
            break;
        case 4:
            if (len == 2)
                h.options.sackPermitted = true;
            break;
        case 5: // SACK: 8 bytes per block
            for (int b = 0; b < (len - 2) / 8 && h.sackCount < 4; ++b) {
                h.sackLeft[h.sackCount] = be32(v + 8 * b);
                h.sackRight[h.sackCount] = be32(v + 8 * b + 4);
                ++h.sackCount;
            }
            break;
        case 8:
            if (len == 10) {
                h.options.timestamps = true;
                h.tsVal = be32(v);
                h.tsEcr = be32(v + 4);
            }
            break;
        case 34: // TCP Fast Open: a cookie request (length 2) or a 4- to 16-byte cookie
            if (len == 2 || (len >= 6 && len <= 18)) {
                h.fastOpen = qint8(len - 2);
                h.fastOpenExperimental = false;
                std::memcpy(h.fastOpenCookie, v, size_t(len - 2));
            }
            break;
        case 253:
        case 254: // RFC 6994 experimental option; 0xF989 is Fast Open's ExID
            if (len >= 4 && be16(v) == 0xf989 && (len == 4 || (len >= 8 && len <= 20))) {
                h.fastOpen = qint8(len - 4);
                h.fastOpenExperimental = true;
                std::memcpy(h.fastOpenCookie, v + 2, size_t(len - 4));
            }
            break;
        default:
            break;
        }
        i += len;
    }
}

// The transport header at c (its wire length already bounded by the IP length fields).
bool decodeTransport(int proto, Cursor c, PacketHeaders &h)
{
    const qint64 avail = qMin(c.n, c.wire);
    if (proto == 6) {
        // Wireshark reads ports, numbers, offset, flags and window (16 bytes) before it
        // gives the segment a stream; with fewer it is not a TCP segment at all.
        if (avail < 16)
            return fail(h, "TCP header cut short");
        h.srcPort = be16(c.p);
        h.dstPort = be16(c.p + 2);
        h.seq = be32(c.p + 4);
        h.ack = be32(c.p + 8);
        h.flags = c.p[13];
        h.window = be16(c.p + 14);
        h.headerLength = quint16((c.p[12] >> 4) * 4);
        h.transport = PacketHeaders::Tcp;
        if (h.headerLength < 20) {
            h.headerState = PacketHeaders::HeaderBogus;
            return true;
        }
        if (c.wire < h.headerLength) {
            h.headerState = PacketHeaders::HeaderShort;
            decodeTcpOptions(c.p + 20, int(qMax<qint64>(0, avail - 20)), h);
            return true;
        }
        if (c.n < h.headerLength)
            h.headerState = PacketHeaders::HeaderCaptureCut;
        decodeTcpOptions(c.p + 20, int(qMin<qint64>(h.headerLength, c.n) - 20), h);
        h.payloadLength = quint32(c.wire - h.headerLength);
        h.payloadCaptured = quint32(qBound<qint64>(0, c.n - h.headerLength, h.payloadLength));
        h.payload = c.p + h.headerLength;
        return true;
    }
    if (proto == 17) {
        if (avail < 8)
            return fail(h, "UDP header cut short");
        h.transport = PacketHeaders::Udp;
        h.srcPort = be16(c.p);
        h.dstPort = be16(c.p + 2);
        h.headerLength = 8;
        const qint64 udpLen = qMin<qint64>(be16(c.p + 4), c.wire);
        h.payloadLength = quint32(qMax<qint64>(0, udpLen - 8));
        h.payloadCaptured = quint32(qBound<qint64>(0, c.n - 8, h.payloadLength));
        h.payload = c.p + 8;
        return true;
    }
    return fail(h, "not TCP or UDP");
}

bool decodeIpCursor(Cursor c, PacketHeaders &h, int depth = 0);

// IPv4 (RFC 791): the header must be captured whole; the total length bounds the
// payload (0: TCP segmentation offload, trust the frame). Fragments are not decoded
// (Wireshark reassembles them before TCP sees anything).
bool decodeIpv4(Cursor c, PacketHeaders &h, int depth)
{
    if (c.n < 20)
        return fail(h, "IPv4 header cut short");
    const int ihl = (c.p[0] & 0x0f) * 4;
    if (ihl < 20)
        return fail(h, "bad IPv4 header length");
    if (ihl > c.n)
        return fail(h, "IPv4 header cut short");
    h.ipVersion = 4;
    std::memset(h.src, 0, 16);
    std::memset(h.dst, 0, 16);
    std::memcpy(h.src, c.p + 12, 4);
    std::memcpy(h.dst, c.p + 16, 4);
    const qint64 total = be16(c.p + 2) ? be16(c.p + 2) : (c.wireKnown ? c.wire : c.n);
    if (total < ihl)
        return fail(h, "bad IPv4 total length");
    if ((be16(c.p + 6) & 0x3fff) != 0) // more fragments, or an offset
        return fail(h, "IPv4 fragment");
    const int proto = c.p[9];
    const Cursor next { c.p + ihl, c.n - ihl, qMin(total, c.wire) - ihl, true };
    if ((proto == 4 || proto == 41) && depth < 4) // IP in IP (RFC 2003, RFC 4213)
        return decodeIpCursor(next, h, depth + 1);
    return decodeTransport(proto, next, h);
}

// IPv6 (RFC 8200): skips hop-by-hop, routing, destination options and AH headers;
// fragments are not decoded (as above).
bool decodeIpv6(Cursor c, PacketHeaders &h, int depth)
{
    if (c.n < 40)
        return fail(h, "IPv6 header cut short");
    h.ipVersion = 6;
    std::memcpy(h.src, c.p + 8, 16);
    std::memcpy(h.dst, c.p + 24, 16);
    const qint64 plen = be16(c.p + 4);
    const qint64 wire = qMin(plen ? plen + 40 : (c.wireKnown ? c.wire : c.n), c.wire);
    int next = c.p[6];
    qint64 off = 40;
    for (int guard = 0; guard < 16; ++guard) {
        if (next == 0 || next == 43 || next == 60 || next == 51) {
            if (off + 8 > c.n)
                return fail(h, "IPv6 extension header cut short");
            const qint64 len = next == 51 ? (c.p[off + 1] + 2) * 4 : (c.p[off + 1] + 1) * 8;
            next = c.p[off];
            off += len;
        } else if (next == 44) {
            if (off + 8 > c.n)
                return fail(h, "IPv6 fragment header cut short");
            if ((be16(c.p + off + 2) & 0xfff9) != 0) // an offset or more fragments
                return fail(h, "IPv6 fragment");
            next = c.p[off];
            off += 8;
        } else {
            break;
        }
    }
    if (off > c.n || off > wire)
        return fail(h, "IPv6 extension headers cut short");
    const Cursor n { c.p + off, c.n - off, wire - off, true };
    if ((next == 4 || next == 41) && depth < 4)
        return decodeIpCursor(n, h, depth + 1);
    return decodeTransport(next, n, h);
}

bool decodeIpCursor(Cursor c, PacketHeaders &h, int depth)
{
    if (c.n < 1)
        return fail(h, "empty packet");
    switch (c.p[0] >> 4) {
    case 4:
        return decodeIpv4(c, h, depth);
    case 6:
        return decodeIpv6(c, h, depth);
    default:
        return fail(h, "not IPv4 or IPv6");
    }
}

Cursor advance(Cursor c, qint64 by)
{
    return { c.p + by, c.n - by, c.wire - by, c.wireKnown };
}

// An EtherType (IEEE 802.3) and what follows, through any 802.1Q / 802.1ad tags.
bool decodeEtherType(int type, Cursor c, PacketHeaders &h)
{
    for (int tags = 0; type == 0x8100 || type == 0x88a8 || type == 0x9100; ++tags) {
        if (c.n < 4 || tags > 8)
            return fail(h, "VLAN tag cut short");
        type = be16(c.p + 2);
        c = advance(c, 4);
    }
    if (type == 0x0800 || type == 0x86dd)
        return decodeIpCursor(c, h);
    if (type == 0x8864) { // PPPoE session (RFC 2516): 6-byte header, then PPP's protocol
        if (c.n < 8)
            return fail(h, "PPPoE header cut short");
        const int ppp = be16(c.p + 6);
        if (ppp == 0x0021 || ppp == 0x0057) // IPv4, IPv6 (RFC 1332, RFC 5072)
            return decodeIpCursor(advance(c, 8), h);
        return fail(h, "not IPv4 or IPv6");
    }
    if (type == 0x8847 || type == 0x8848) { // MPLS (RFC 3032): labels until bottom of stack
        for (int labels = 0; labels < 16; ++labels) {
            if (c.n < 4)
                return fail(h, "MPLS label cut short");
            const bool bottom = (c.p[2] & 0x01) != 0;
            c = advance(c, 4);
            if (bottom)
                return decodeIpCursor(c, h);
        }
        return fail(h, "too many MPLS labels");
    }
    return fail(h, "not IPv4 or IPv6");
}

// BSD loopback's address family (DLT_NULL host order, DLT_LOOP network order):
// AF_INET is 2 everywhere, AF_INET6 24 (NetBSD, OpenBSD), 28 (FreeBSD), 30 (macOS).
bool decodeFamily(quint32 family, Cursor c, PacketHeaders &h)
{
    switch (family) {
    case 2:
        return c.n > 0 && (c.p[0] >> 4) == 4 ? decodeIpv4(c, h, 0) : fail(h, "not IPv4");
    case 24:
    case 28:
    case 30:
        return c.n > 0 && (c.p[0] >> 4) == 6 ? decodeIpv6(c, h, 0) : fail(h, "not IPv6");
    default:
        // Some old captures put an EtherType here (as Wireshark's null dissector allows).
        if (family > 1500 && family <= 0xffff)
            return decodeEtherType(int(family), c, h);
        return fail(h, "unknown loopback address family");
    }
}

} // namespace

bool PacketDecoder::decodeHeaders(
    int linkType, const uchar *frame, qint64 capturedLength, qint64 wireLength, PacketHeaders &h)
{
    h = PacketHeaders {};
    if (!frame || capturedLength <= 0)
        return fail(h, "empty packet");
    const Cursor c { frame, capturedLength,
        wireLength < 0 ? kUnknownWire : qMax(wireLength, capturedLength), wireLength >= 0 };
    switch (linkType) {
    case LinkEthernet:
        if (c.n < 14)
            return fail(h, "Ethernet header cut short");
        return decodeEtherType(be16(c.p + 12), advance(c, 14), h);
    case LinkNull: {
        if (c.n < 4)
            return fail(h, "loopback header cut short");
        // The family is in the capturing host's byte order: a value with high bits set
        // was written by a host of the other order (Wireshark's rule).
        quint32 family = qFromLittleEndian<quint32>(c.p);
        if (family & 0xffff0000u)
            family = qFromBigEndian<quint32>(c.p);
        return decodeFamily(family, advance(c, 4), h);
    }
    case LinkLoop:
        if (c.n < 4)
            return fail(h, "loopback header cut short");
        return decodeFamily(be32(c.p), advance(c, 4), h);
    case LinkRaw:
    case LinkRawAlt:
        return decodeIpCursor(c, h);
    case LinkIpv4:
        return c.n > 0 && (c.p[0] >> 4) == 4 ? decodeIpv4(c, h, 0) : fail(h, "not IPv4");
    case LinkIpv6:
        return c.n > 0 && (c.p[0] >> 4) == 6 ? decodeIpv6(c, h, 0) : fail(h, "not IPv6");
    case LinkLinuxSll:
        if (c.n < 16)
            return fail(h, "SLL header cut short");
        return decodeEtherType(be16(c.p + 14), advance(c, 16), h);
    case LinkLinuxSll2:
        if (c.n < 20)
            return fail(h, "SLL2 header cut short");
        return decodeEtherType(be16(c.p), advance(c, 20), h);
    default:
        return fail(h, "unsupported link type");
    }
}

namespace {

// The allocating view the live capture uses, made from the lean step.
DecodedPacket toDecoded(bool ok, const PacketHeaders &h)
{
    DecodedPacket d;
    d.ipVersion = h.ipVersion;
    if (h.ipVersion == 4) {
        d.src = QHostAddress(qFromBigEndian<quint32>(h.src));
        d.dst = QHostAddress(qFromBigEndian<quint32>(h.dst));
    } else if (h.ipVersion == 6) {
        d.src = QHostAddress(h.src);
        d.dst = QHostAddress(h.dst);
    }
    if (!ok) {
        d.error = QString::fromLatin1(h.error);
        return d;
    }
    // A live segment is shown whole: a header the capture cut is not one.
    if (h.transport == PacketHeaders::Tcp && h.headerState != PacketHeaders::HeaderComplete) {
        d.error = h.headerState == PacketHeaders::HeaderBogus
            ? QStringLiteral("bad TCP data offset")
            : QStringLiteral("TCP header cut short");
        return d;
    }
    d.transport = h.transport == PacketHeaders::Tcp ? DecodedPacket::Tcp : DecodedPacket::Udp;
    d.srcPort = h.srcPort;
    d.dstPort = h.dstPort;
    d.seq = h.seq;
    d.ack = h.ack;
    d.flags = h.flags;
    d.window = h.window;
    d.options = h.options;
    d.tsVal = h.tsVal;
    d.tsEcr = h.tsEcr;
    d.payloadLength = h.payloadLength;
    d.payload = QByteArray(reinterpret_cast<const char *>(h.payload), int(h.payloadCaptured));
    return d;
}

} // namespace

QStringList DecodedPacket::flagNames() const
{
    static const struct
    {
        TcpFlagBit bit;
        const char *name;
    } kNames[] = {
        { Fin, "FIN" },
        { Syn, "SYN" },
        { Rst, "RST" },
        { Psh, "PSH" },
        { Ack, "ACK" },
        { Urg, "URG" },
        { Ece, "ECE" },
        { Cwr, "CWR" },
    };
    QStringList out;
    for (const auto &n : kNames) {
        if (has(n.bit))
            out << QString::fromLatin1(n.name);
    }
    return out;
}

QString DecodedPacket::srcEndpoint() const
{
    return endpoint(src, srcPort);
}

QString DecodedPacket::dstEndpoint() const
{
    return endpoint(dst, dstPort);
}

DecodedPacket PacketDecoder::decodeIp(const QByteArray &packet)
{
    PacketHeaders h;
    const bool ok = decodeHeaders(
        LinkRaw, reinterpret_cast<const uchar *>(packet.constData()), packet.size(), -1, h);
    return toDecoded(ok, h);
}

DecodedPacket PacketDecoder::decode(int linkType, const QByteArray &frame)
{
    PacketHeaders h;
    // libpcap's snap length may have cut the frame: the IP length fields tell the rest.
    const bool ok = decodeHeaders(
        linkType, reinterpret_cast<const uchar *>(frame.constData()), frame.size(), -1, h);
    return toDecoded(ok, h);
}
