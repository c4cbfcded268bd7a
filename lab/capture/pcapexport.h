#pragma once

#include "timeline/labevent.h"

#include <QByteArray>
#include <QList>
#include <QString>

class Timeline;

/**
 * Writes a timeline's segments and datagrams as a classic pcap capture file
 * (pcap-savefile(5)) that Wireshark and tshark open: every Segment and
 * Datagram event becomes one packet, in timeline order; other events are
 * left out. Works for any timeline — live (inferred or captured segments),
 * a scenario of the RFC 9293 model, an imported capture.
 *
 * What the file holds, and where each value comes from:
 * - Link type DLT_EN10MB with both MAC addresses zero and EtherType
 *   0x0800/0x86DD: what libpcap records on Linux `lo` (PLATFORM-NOTES 13),
 *   so an exported timeline and a live loopback capture look alike.
 * - Time stamps: kEpochSeconds (2024-01-01 00:00:00 UTC) plus the event's
 *   t_us, in microseconds (events without a time get the base itself). The
 *   lab's clock starts at the session, not at a calendar date, so the date
 *   is fixed and only the differences mean something.
 * - IP (RFC 791 / RFC 8200): IPv6 when either address has a ':' (an IPv4
 *   peer is then written as ::ffff:a.b.c.d), else IPv4 with TTL 64, DF set
 *   and an identification that counts up from 1 through the file; IPv6 with
 *   hop limit 64 and flow label 0. An address that does not parse becomes
 *   the loopback address (127.0.0.1 or ::1), a missing port 0.
 * - TCP (RFC 9293): flags from the event; raw sequence numbers are the
 *   event's relative ones plus an initial sequence number per direction and
 *   connection (src, dst, stream): taken from the event's seq_raw/ack_raw
 *   where the timeline has them (the model, a capture), otherwise
 *   kDefaultIss + 0x01000000 × k for the k-th direction seen (0, 1, …). So
 *   Wireshark's relative numbers equal the lab's wherever the file holds the
 *   direction's SYN (a direction without one, such as the RST answering a
 *   SYN to a closed port, Wireshark counts from 1 at its first segment; the
 *   raw field then is the timeline's seq_raw, e.g. RFC 9293's 0 for that
 *   RST). The acknowledgment field is
 *   filled only when ACK is set (zero otherwise). The window field is `win`
 *   (when unknown: 65535, and 0 on a RST as Linux sends it), shifted right
 *   by the sender's window scale on non-SYN segments once both SYNs carried
 *   WS (RFC 7323 §2.2), and capped at 65535. Options from `options` (MSS=n,
 *   SACK_PERM, TS or TS=val/ecr, WS=n) are encoded in Linux's layout,
 *   NOP-padded to 32-bit words; a bare TS gets Linux-like values: TSval a
 *   millisecond clock (t_us / 1000) from an offset per direction, TSecr the
 *   peer's latest TSval, 0 on a SYN (RFC 7323 §3.2, §4.3).
 * - Payload: the event's `bytes` when it holds exactly `len` bytes;
 *   otherwise the bytes the sender's program handed to send()/sendall() at
 *   that stream offset (relative seq − 1), taken from the call events (a
 *   call belongs to the stream of its socket's latest state event; send()
 *   counts only what it returned); otherwise `len` zero bytes — a segment
 *   inferred from a peer outside the lab knows how much, not what. Payloads
 *   are cut to fit IP's 65,535-byte limit.
 * - Checksums: IPv4 header (RFC 791 §3.1), TCP and UDP over the
 *   pseudo-header (RFC 9293 §3.1, RFC 768, RFC 8200 §8.1); a UDP checksum
 *   that computes to 0 is sent as 0xFFFF. All multi-byte fields are in
 *   network byte order (big-endian).
 *
 * libpcap (pcap_open_dead, pcap_dump_fopen, pcap_dump) writes the file; no
 * capture rights are needed.
 */
class PcapExport
{
public:
    /** Seconds since the Unix epoch of t_us = 0: 2024-01-01 00:00:00 UTC. */
    static constexpr qint64 kEpochSeconds = 1704067200;
    /** ISN of the first direction that has no raw sequence numbers. */
    static constexpr quint32 kDefaultIss = 0x10000000;
    /** Link-layer header type of the file: DLT_EN10MB (LINKTYPE_ETHERNET, 1). */
    static constexpr int kLinkType = 1;
    /** Bytes of the zero-MAC Ethernet header in front of every IP packet. */
    static constexpr int kLinkHeaderBytes = 14;

    /** One packet: its time (µs since t_us = 0) and its bytes from the Ethernet header on. */
    struct Packet
    {
        qint64 tUs = 0;
        QByteArray frame;
    };

    /**
     * Writes @p timeline's segments and datagrams to @p path (replacing it;
     * "-" writes to standard output, as `tcpdump -w -`).
     * On failure returns false and, when @p error is given, sets it to a
     * message in the UI language naming the file and the reason.
     */
    static bool write(const Timeline &timeline, const QString &path, QString *error = nullptr);
    /**
     * True when write() could create or replace @p path ("-": standard
     * output); checked before a demo runs, so a bad path fails at once. On
     * failure sets @p error as write() does. Leaves no file behind.
     */
    static bool canWrite(const QString &path, QString *error = nullptr);
    /** The same for a list of events (in the order given). */
    static bool write(const QList<LabEvent> &events, const QString &path, QString *error = nullptr);

    /** The packets write() would store, one per Segment or Datagram event. */
    static QList<Packet> packets(const QList<LabEvent> &events);

    /**
     * The Internet checksum (RFC 1071): ones' complement of the ones'
     * complement sum of @p data as big-endian 16-bit words (an odd last byte
     * padded with zero), starting from @p sum (e.g. a pseudo-header's sum).
     */
    static quint16 checksum(const QByteArray &data, quint32 sum = 0);
};
