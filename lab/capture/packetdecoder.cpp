#include "packetdecoder.h"

#include <QtEndian>

namespace {

quint16 be16(const uchar *p)
{
    return qFromBigEndian<quint16>(p);
}

quint32 be32(const uchar *p)
{
    return qFromBigEndian<quint32>(p);
}

DecodedPacket failed(const char *why)
{
    DecodedPacket d;
    d.error = QString::fromLatin1(why);
    return d;
}

QString endpoint(const QHostAddress &a, quint16 port)
{
    if (a.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(a.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(a.toString()).arg(port);
}

// TCP options (RFC 9293 §3.2; window scale and timestamps RFC 7323, SACK-permitted RFC 2018).
void decodeTcpOptions(const uchar *p, int n, DecodedPacket &d)
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
                d.options.mss = be16(v);
            break;
        case 3:
            if (len == 3)
                d.options.windowScale = v[0];
            break;
        case 4:
            if (len == 2)
                d.options.sackPermitted = true;
            break;
        case 8:
            if (len == 10) {
                d.options.timestamps = true;
                d.tsVal = be32(v);
                d.tsEcr = be32(v + 4);
            }
            break;
        default:
            break;
        }
        i += len;
    }
}

// The transport header at @p p, @p n bytes captured, @p wireLen bytes on the wire.
void decodeTransport(int proto, const uchar *p, qint64 n, qint64 wireLen, DecodedPacket &d)
{
    if (proto == 6) {
        if (n < 20) {
            d.error = QStringLiteral("TCP header cut short");
            return;
        }
        const int headerLen = (p[12] >> 4) * 4;
        if (headerLen < 20 || headerLen > n) {
            d.error = QStringLiteral("bad TCP data offset");
            return;
        }
        d.transport = DecodedPacket::Tcp;
        d.srcPort = be16(p);
        d.dstPort = be16(p + 2);
        d.seq = be32(p + 4);
        d.ack = be32(p + 8);
        d.flags = p[13];
        d.window = be16(p + 14);
        decodeTcpOptions(p + 20, headerLen - 20, d);
        d.payloadLength = qMax<qint64>(0, wireLen - headerLen);
        d.payload = QByteArray(reinterpret_cast<const char *>(p + headerLen),
            int(qMin(d.payloadLength, n - headerLen)));
    } else if (proto == 17) {
        if (n < 8) {
            d.error = QStringLiteral("UDP header cut short");
            return;
        }
        d.transport = DecodedPacket::Udp;
        d.srcPort = be16(p);
        d.dstPort = be16(p + 2);
        d.payloadLength = qMax<qint64>(0, qMin<qint64>(be16(p + 4), wireLen) - 8);
        d.payload
            = QByteArray(reinterpret_cast<const char *>(p + 8), int(qMin(d.payloadLength, n - 8)));
    } else {
        d.error = QStringLiteral("not TCP or UDP");
    }
}

DecodedPacket decodeIpv4(const uchar *p, qint64 n)
{
    if (n < 20)
        return failed("IPv4 header cut short");
    const int ihl = (p[0] & 0x0f) * 4;
    if (ihl < 20 || ihl > n)
        return failed("bad IPv4 header length");
    DecodedPacket d;
    d.ipVersion = 4;
    d.src = QHostAddress(be32(p + 12));
    d.dst = QHostAddress(be32(p + 16));
    const quint16 fragment = be16(p + 6);
    if ((fragment & 0x1fff) != 0) {
        d.error = QStringLiteral("IPv4 fragment");
        return d;
    }
    // Total length 0 means TCP segmentation offload put a larger packet here: trust the capture.
    const qint64 total = be16(p + 2) ? be16(p + 2) : n;
    decodeTransport(p[9], p + ihl, n - ihl, total - ihl, d);
    return d;
}

DecodedPacket decodeIpv6(const uchar *p, qint64 n)
{
    if (n < 40)
        return failed("IPv6 header cut short");
    DecodedPacket d;
    d.ipVersion = 6;
    d.src = QHostAddress(p + 8);
    d.dst = QHostAddress(p + 24);
    qint64 wireLen = be16(p + 4); // payload length, extension headers included
    int next = p[6];
    qint64 off = 40;
    for (;;) {
        if (next == 0 || next == 43 || next == 60) { // hop-by-hop, routing, destination options
            if (off + 8 > n)
                return failed("IPv6 extension header cut short");
            const qint64 len = (p[off + 1] + 1) * 8;
            next = p[off];
            off += len;
            wireLen -= len;
        } else if (next == 44) { // fragment
            if (off + 8 > n)
                return failed("IPv6 fragment header cut short");
            if ((be16(p + off + 2) & 0xfff8) != 0) {
                d.error = QStringLiteral("IPv6 fragment");
                return d;
            }
            next = p[off];
            off += 8;
            wireLen -= 8;
        } else {
            break;
        }
    }
    if (off > n)
        return failed("IPv6 extension headers cut short");
    decodeTransport(next, p + off, n - off, wireLen, d);
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
    const auto *p = reinterpret_cast<const uchar *>(packet.constData());
    if (packet.isEmpty())
        return failed("empty packet");
    switch (p[0] >> 4) {
    case 4:
        return decodeIpv4(p, packet.size());
    case 6:
        return decodeIpv6(p, packet.size());
    default:
        return failed("not IPv4 or IPv6");
    }
}

DecodedPacket PacketDecoder::decode(int linkType, const QByteArray &frame)
{
    const auto *p = reinterpret_cast<const uchar *>(frame.constData());
    const qint64 n = frame.size();
    qint64 off = 0;
    int etherType = -1; // -1: the version nibble decides
    switch (linkType) {
    case LinkEthernet:
        if (n < 14)
            return failed("Ethernet header cut short");
        etherType = be16(p + 12);
        off = 14;
        if (etherType == 0x8100 && n >= 18) { // one 802.1Q VLAN tag
            etherType = be16(p + 16);
            off = 18;
        }
        break;
    case LinkNull:
        if (n < 4)
            return failed("loopback header cut short");
        off = 4; // the family is in host byte order; the IP version nibble tells the same
        break;
    case LinkRaw:
    case LinkRawAlt:
    case LinkIpv4:
    case LinkIpv6:
        break;
    case LinkLinuxSll:
        if (n < 16)
            return failed("SLL header cut short");
        etherType = be16(p + 14);
        off = 16;
        break;
    case LinkLinuxSll2:
        if (n < 20)
            return failed("SLL2 header cut short");
        etherType = be16(p);
        off = 20;
        break;
    default:
        return failed("unsupported link type");
    }
    if (etherType != -1 && etherType != 0x0800 && etherType != 0x86dd)
        return failed("not IPv4 or IPv6");
    return decodeIp(frame.mid(off));
}

bool PacketDecoder::decodeHeaders(int, const uchar *, qint64, qint64, PacketHeaders &out)
{
    out = PacketHeaders {};
    out.error = "not yet";
    return false;
}
