#pragma once

#include "tcp/tcpsegment.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

/**
 * The headers of one captured frame, taken apart without allocating: the
 * lean step behind PacketDecoder::decode() and the capture-file reader
 * (ReplayFile), which calls it once per packet. Plain data: addresses as 16
 * raw bytes in network byte order (IPv4 in the first 4, the rest zero), every
 * other number in host byte order; `payload` points into the caller's frame
 * and is valid only as long as it. Filled by PacketDecoder::decodeHeaders().
 */
struct PacketHeaders
{
    enum Transport : quint8 { None, Tcp, Udp };

    Transport transport = None; ///< None: not a decodable IPv4/IPv6 TCP or UDP packet (see error)
    quint8 ipVersion = 0; ///< 4 or 6; 0 before the IP header was read
    quint8 flags = 0; ///< TCP flags byte (DecodedPacket::TcpFlagBit bits)
    quint8 sackCount = 0; ///< SACK blocks in sackLeft/sackRight (RFC 2018 §3), 0 to 4
    /** Why it is not TCP or UDP, static English text for logs (never shown to users); null when it
     * is. */
    const char *error = nullptr;
    quint8 src[16] = {}; ///< source address, network byte order
    quint8 dst[16] = {}; ///< destination address, network byte order
    quint16 srcPort = 0;
    quint16 dstPort = 0;

    // TCP (RFC 9293 §3.1)
    quint32 seq = 0; ///< sequence number as on the wire
    quint32 ack = 0; ///< acknowledgment number as on the wire (meaningful with the ACK bit)
    quint16 window = 0; ///< window field, not scaled
    quint16 headerLength = 0; ///< TCP data offset × 4, bytes (UDP: 8)
    /**
     * How whole the TCP header is, in Wireshark's terms (epan/dissectors/packet-tcp.c):
     * a segment needs its first 16 bytes (ports to window) to count at all.
     */
    enum HeaderState : quint8 {
        HeaderComplete, ///< data offset ≥ 5 and the header fits in the IP length
        HeaderCaptureCut, ///< complete on the wire, but the snap length cut its options
        HeaderShort, ///< the IP length ends inside the header ("Short segment"): no payload
        HeaderBogus, ///< data offset < 5 ("Bogus TCP header length"): flags not to be trusted
    } headerState
        = HeaderComplete;
    TcpOptions options; ///< MSS, window scale, SACK permitted, timestamps
    quint32 tsVal = 0; ///< timestamp option TSval (RFC 7323 §3), when options.timestamps
    quint32 tsEcr = 0; ///< timestamp option TSecr
    quint32 sackLeft[4] = {}; ///< SACK blocks' left edges, raw sequence numbers
    quint32 sackRight[4] = {}; ///< SACK blocks' right edges (first sequence number after the block)
    /**
     * TCP Fast Open option (RFC 7413 §4.1.1, kind 34, or the experimental
     * kind 254 with magic 0xF989 of RFC 6994): -1 absent, 0 a cookie request,
     * otherwise the cookie's length in bytes (4 to 16, in fastOpenCookie).
     */
    qint8 fastOpen = -1;
    bool fastOpenExperimental = false; ///< the option was kind 254 / 0xF989
    quint8 fastOpenCookie[16] = {};

    /** Payload bytes on the wire: from the IP length fields, bounded by the frame's wire length. */
    quint32 payloadLength = 0;
    /** The payload bytes that were captured (at most payloadLength), in the caller's frame. */
    quint32 payloadCaptured = 0;
    const uchar *payload = nullptr;

    bool isTcp() const { return transport == Tcp; }
};

/**
 * One captured frame, taken apart: the IP addresses, the TCP or UDP header
 * fields as on the wire (host byte order, unscaled window, absolute
 * sequence numbers) and the payload. Produced by PacketDecoder::decode().
 */
struct DecodedPacket
{
    enum Transport { None, Tcp, Udp };

    /** Bits of the TCP flags byte (RFC 9293 §3.1; ECE/CWR from RFC 3168). */
    enum TcpFlagBit : quint8 {
        Fin = 0x01,
        Syn = 0x02,
        Rst = 0x04,
        Psh = 0x08,
        Ack = 0x10,
        Urg = 0x20,
        Ece = 0x40,
        Cwr = 0x80,
    };

    Transport transport = None; ///< None: not an IPv4/IPv6 TCP or UDP packet (see error)
    QString error; ///< why it could not be decoded, for logs (English, not shown to users)
    int ipVersion = 0; ///< 4 or 6
    QHostAddress src;
    QHostAddress dst;
    quint16 srcPort = 0;
    quint16 dstPort = 0;

    // TCP (RFC 9293 §3.1)
    quint32 seq = 0; ///< sequence number as on the wire
    quint32 ack = 0; ///< acknowledgment number as on the wire (meaningful with the ACK bit)
    quint8 flags = 0; ///< TcpFlagBit bits
    quint16 window = 0; ///< window field, not yet scaled by the window-scale shift
    TcpOptions options; ///< MSS, window scale, SACK permitted, timestamps
    quint32 tsVal = 0; ///< timestamp option TSval (RFC 7323), when options.timestamps
    quint32 tsEcr = 0; ///< timestamp option TSecr

    /** Payload bytes on the wire, from the IP length fields (not cut by the snap length). */
    qint64 payloadLength = 0;
    /** The payload bytes that were captured (at most payloadLength). */
    QByteArray payload;

    bool isTcp() const { return transport == Tcp; }
    bool has(TcpFlagBit bit) const { return (flags & bit) != 0; }
    /** Flag names in the lab's (Wireshark's) order: FIN, SYN, RST, PSH, ACK, URG, ECE, CWR. */
    QStringList flagNames() const;
    /** "127.0.0.1:8888" or "[::1]:8888", as LabEvent::src and dst spell them. */
    QString srcEndpoint() const;
    QString dstEndpoint() const;
};

/**
 * The lab's one packet decoder, for live capture (libpcap, pcap(3PCAP)) and
 * capture files (ReplayFile): a link-layer frame of one of the link types of
 * pcap-linktype(7) — DLT_EN10MB (Ethernet, including `lo` with its 14-byte
 * zero-MAC header; any number of 802.1Q / 802.1ad tags, 0x8100, 0x88a8,
 * 0x9100; PPPoE sessions; MPLS), DLT_RAW / LINKTYPE_IPV4 / LINKTYPE_IPV6
 * (bare IP), DLT_NULL (BSD loopback, a 4-byte family in the capturing host's
 * byte order: 2, 24, 28 or 30), DLT_LOOP (the same in network order),
 * DLT_LINUX_SLL and DLT_LINUX_SLL2 (the "any" device) — then IPv4 (RFC 791)
 * or IPv6 (RFC 8200, skipping hop-by-hop, routing, destination-options and
 * AH headers; IP in IP followed) and TCP (RFC 9293) or UDP (RFC 768). All
 * header fields are big-endian on the wire and returned in host order.
 * Fragments are not decoded (transport None), as Wireshark shows nothing of
 * TCP before reassembly. decodeHeaders() is the allocation-free step;
 * decode() wraps it in a DecodedPacket.
 */
class PacketDecoder
{
public:
    /** Link types (DLT_ values as pcap_datalink() returns them on Linux). */
    enum LinkType {
        LinkNull = 0,
        LinkEthernet = 1,
        LinkRaw = 12,
        LinkRawAlt = 101, ///< LINKTYPE_RAW as stored in files
        LinkLoop = 108, ///< OpenBSD loopback: a 4-byte family in network byte order
        LinkLinuxSll = 113,
        LinkIpv4 = 228,
        LinkIpv6 = 229,
        LinkLinuxSll2 = 276,
    };

    /** Decodes @p frame, captured on a link of type @p linkType (a thin wrapper over
     * decodeHeaders()). */
    static DecodedPacket decode(int linkType, const QByteArray &frame);
    /**
     * Decodes the headers of @p frame (@p capturedLength bytes captured of
     * @p wireLength on the wire, as pcap's caplen and len; −1 when not known: the
     * IP length fields alone tell it) into @p out,
     * without allocating. True for a TCP or UDP packet; otherwise out.error
     * says why. Never reads past @p capturedLength.
     */
    static bool decodeHeaders(int linkType, const uchar *frame, qint64 capturedLength,
        qint64 wireLength, PacketHeaders &out);
    /** Decodes an IPv4 or IPv6 packet starting at its IP header (the version nibble decides). */
    static DecodedPacket decodeIp(const QByteArray &packet);
};
