#pragma once

#include "capture/packetdecoder.h"
#include "replay/replayfile.h"
#include "timeline/labevent.h"

#include <QVector>

#include <vector>

/*
 * ConnectionTracker: TCP segments of a capture file → connections.
 *
 *   add(PacketHeaders)  ──►  FlowKey (both addresses and ports, lower end first)
 *                              │ open-addressing index of 8-byte slots
 *                              ▼
 *                           Conn (stream number, per-direction facts, the two
 *                                 endpoints' RFC 9293 states)
 *                              │
 *   Segment records (40 bytes each, one std::vector, chained per stream)
 *                              ▼
 *   events(stream) replays the stream's records through the same state
 *   machine and only then makes LabEvents.
 */

/**
 * Numbers TCP connections as Wireshark's `tcp.stream` and infers both
 * endpoints' RFC 9293 §3.3.2 states from the segments between them.
 *
 * Streams (`../shared/pcaps/INDEX.md`): numbered from 0 in order of first
 * segment, keyed by the two addresses and ports whichever the direction; a
 * SYN without ACK on a pair that already has a stream starts a new stream
 * when its sequence number differs from the first sequence number seen in
 * that direction (Wireshark's "TCP port numbers reused"); the same number
 * is a retransmission.
 *
 * States: each segment is sent by one endpoint (its transition happens when
 * it is seen) and received by the other, whose transition is applied once
 * that endpoint shows it had it — when it next sends a segment acknowledging
 * it, or at the end of the capture — so FINs or SYNs that cross in flight
 * give CLOSING or SYN-RECEIVED on both sides, as RFC 9293 §3.5 and §3.6
 * describe. Retransmissions do not transition again; RST closes (a RST
 * received in SYN-SENT only when it acknowledges the SYN, §3.10.7.3). A
 * connection whose handshake was not captured starts ESTABLISHED on both
 * sides, or SYN-RECEIVED / SYN-SENT when its first segment is a SYN-ACK.
 *
 * Per segment: no heap allocation beyond the amortised growth of one vector
 * and one hash table.
 */
class ConnectionTracker
{
public:
    ConnectionTracker();
    ~ConnectionTracker();

    /**
     * Adds the TCP segment @p p (transport Tcp), seen @p tUs microseconds
     * after the file's first packet in packet (frame) number @p frame
     * (1-based). Returns its stream number.
     */
    int add(const PacketHeaders &p, qint64 tUs, qint64 frame);

    /** Streams so far; stream numbers are 0 … streamCount() − 1. */
    int streamCount() const { return int(m_conns.size()); }
    /** TCP segments added so far. */
    qint64 segmentCount() const { return qint64(m_segments.size()); }

    /** The summary of @p stream (INDEX.md's fields and the final states). */
    ReplayConnection connection(int stream) const;
    /** Every stream's summary, in stream order. */
    QVector<ReplayConnection> connections() const;
    /** The kind Connection event of @p stream (source File; t_us its first segment). */
    LabEvent connectionEvent(int stream) const;
    /**
     * The segments of @p stream (kind Segment, source File) and both
     * endpoints' State events, in time order; see ReplayFile::events().
     */
    QVector<LabEvent> events(int stream) const;

    /** Room for @p segments segments without reallocating. */
    void reserve(qint64 segments);
    /** Forgets every stream. */
    void clear();

    /** Bits of Segment::bits. */
    enum SegmentBit : quint8 {
        FromB = 0x01, ///< sent by the key's second endpoint
        HasTimestamps = 0x02, ///< carried the timestamp option (RFC 7323)
        HasExtra = 0x04, ///< other options: see m_extras[Segment::extra]
    };

    /** The TCP state machine's memory of one endpoint (POD). */
    struct Endpoint
    {
        TcpState state = TcpState::Unknown;
        bool sawPeerSyn = false; ///< received a SYN while nothing else was known: a listener
        bool synSent = false;
        bool finSent = false;
        quint32 iss = 0; ///< its first SYN's sequence number (with synSent)
        quint32 sndNxt = 0; ///< one past the last sequence number it sent (with synSent)
        quint32 finSeq = 0; ///< its FIN's sequence number (with finSent)
        quint32 synAckAck = 0; ///< the acknowledgment its SYN-ACK carried (with synAckSent)
        bool synAckSent = false;
        bool resetItself = false; ///< closed by a RST it sent
        int lastSend = -1; ///< index (within the stream) of its last segment
        /** A segment sent to it, not yet known to be received. */
        struct Pending
        {
            quint32 end; ///< SEG.SEQ + SEG.LEN (SYN and FIN count one)
            quint32 ack;
            quint32 index; ///< within the stream
            quint8 flags;
        };
        Pending pending[4]; ///< a ring, oldest at pendingHead
        quint8 pendingHead = 0;
        quint8 pendingCount = 0;
    };
    /** Both endpoints of one connection and how many segments they exchanged. */
    struct Machine
    {
        Endpoint end[2];
        quint32 count = 0;
        bool self = false; ///< a socket connected to itself (both ends one address and port)
    };
    /** One state change the machine inferred, placed after (phase 2) or before (0) a segment. */
    struct Transition
    {
        quint32 index; ///< the segment (within the stream) it is placed at
        quint8 phase; ///< 0: before that segment (its sender's), 2: after it (a receipt)
        quint8 end; ///< 0 or 1
        TcpState from;
        TcpState to;
    };
    /** What one step of the machine inferred (at most a few changes per segment). */
    struct StepLog
    {
        Transition items[24];
        int count = 0;
    };
    /** The facts of a segment the machine needs. */
    struct StepInput
    {
        quint32 seq;
        quint32 ack;
        quint32 len; ///< payload bytes
        quint8 flags;
        quint8 from; ///< sending end, 0 or 1
    };
    /**
     * Feeds one segment to @p m (RFC 9293 §3.10 in outline, see the class
     * comment); @p log, when not null, receives the transitions.
     */
    static void step(Machine &m, const StepInput &s, StepLog *log);
    /** Applies every receipt still pending (the end of the capture). */
    static void finish(Machine &m, StepLog *log);

private:
    /** One segment, as compact as events() allows. */
    struct Segment
    {
        qint64 tUs;
        quint32 seq; ///< raw
        quint32 ack; ///< raw
        quint32 len; ///< payload bytes on the wire
        quint32 next; ///< next segment of the same stream, or kNone
        quint32 frame; ///< 1-based packet number
        quint32 extra; ///< index into m_extras (with HasExtra)
        quint16 window; ///< raw field
        quint8 flags;
        quint8 bits; ///< SegmentBit
        quint32 tsVal; ///< timestamp option TSval (with HasTimestamps; RFC 7323 §3)
        quint32 tsEcr; ///< timestamp option TSecr
    };
    /** Options other than timestamps (SYN options, SACK blocks, TCP Fast Open). */
    struct Extra
    {
        TcpOptions options;
        quint32 sackLeft[4];
        quint32 sackRight[4];
        quint8 sackCount;
        qint8 fastOpen;
        bool fastOpenExperimental;
        quint8 fastOpenCookie[16];
    };
    /** Both ends of a connection, lower one first: the hash key, POD. */
    struct FlowKey
    {
        quint8 a[16];
        quint8 b[16];
        quint16 portA;
        quint16 portB;
        quint8 family; ///< 4 or 6
        quint8 pad[3];
        bool operator==(const FlowKey &o) const;
        quint32 hash() const;
    };
    /** One slot of the stream index: a key's hash and its newest stream (kNone: empty). */
    struct IndexSlot
    {
        quint32 hash;
        quint32 conn;
    };

    struct Direction
    {
        bool synSeen = false; ///< sent a SYN (with or without ACK)
        bool synNoAckSeen = false;
        bool synAcked = false; ///< the peer acknowledged it (INDEX.md's handshake)
        bool finSeen = false;
        bool baseKnown = false; ///< first sequence number seen (Wireshark's base_seq)
        bool ackSeen = false;
        quint32 base = 0;
        quint32 synSeq = 0; ///< first SYN's sequence number
        quint32 firstAck = 0; ///< first and last ACK numbers it sent
        quint32 lastAck = 0;
        int windowShift = -1; ///< its SYN's window scale option; -1 none
    };
    struct Conn
    {
        FlowKey key;
        Direction dir[2]; ///< sent by a (0) and by b (1)
        Machine machine; ///< the states of endpoint a (0) and b (1)
        quint32 first = kNone; ///< first and last segment (indices into m_segments)
        quint32 last = kNone;
        qint64 segments = 0;
        qint8 clientEnd = -1; ///< 0/1: INDEX.md's client, once known by a SYN or SYN-ACK
        qint8 firstSender = -1;
        quint8 clientRule = 3; ///< 1: SYN sender, 2: SYN-ACK receiver, 3: first sender
        bool rst = false;
    };

    static constexpr quint32 kNone = 0xffffffffu;

    int clientOf(const Conn &c) const;
    QString endpointText(const FlowKey &k, int end) const;

    std::vector<Segment> m_segments;
    std::vector<Extra> m_extras;
    std::vector<Conn> m_conns;
    /**
     * Open addressing, linear probing, at most half full: 8 bytes a slot, so the
     * lookup per segment stays in cache and only the Conn it finds is a miss.
     */
    std::vector<IndexSlot> m_index;
    quint32 m_indexUsed = 0;
    /** The slot of @p key (hash @p hash): its stream, or the empty slot to fill. */
    IndexSlot &slotOf(const FlowKey &key, quint32 hash);
    /** Makes m_index at least @p atLeast slots long (a power of two, 1,024 or more). */
    void growIndex(size_t atLeast);
};
