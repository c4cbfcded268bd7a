#pragma once

#include "net/sockaddr.h"
#include "tcp/tcpstate.h"
#include "timeline/labevent.h"

#include <QHash>
#include <QObject>

class QTimer;
class Timeline;

/**
 * Deduces the TCP segments that must have crossed the wire from what the
 * lab can see without packet capture: its own calls and the kernel's
 * states on either endpoint (RFC 9293 §3.5 for the handshake, §3.6 for the
 * close, §3.10.7 for RST). Every segment it appends is marked
 * EventSource::Inferred and carries relative seq/ack (seq_raw/ack_raw
 * unknown, -1) and the connection's `stream`.
 *
 * Both the client and the server program of one lab report to the same
 * inferrer; it keys connections by (client address, server address) and
 * infers each segment once, whichever endpoint revealed it first.
 * Segments are stamped between the time the evidence could first exist
 * (@p notBeforeUs) and now, so they land in causal order on the timeline.
 */
class SegmentInferrer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SegmentInferrer)

public:
    /** When the three handshake segments were stamped. */
    struct Handshake
    {
        qint64 synUs = -1;
        qint64 synAckUs = -1;
        qint64 ackUs = -1;
    };

    explicit SegmentInferrer(Timeline *timeline, QObject *parent = nullptr);

    /** A client began connect() at @p tUs from @p client to @p server. */
    void connectStarted(const SockAddr &client, const SockAddr &server, qint64 tUs);
    /**
     * The client's connect() saw the SYN-ACK: SYN and SYN-ACK, if not yet
     * inferred. The client is ESTABLISHED from here; its ACK follows.
     */
    void synAckReceived(const SockAddr &client, const SockAddr &server, qint64 notBeforeUs);
    /** The handshake of client ↔ server completed (SYN, SYN-ACK, ACK), if not yet inferred. */
    Handshake handshake(const SockAddr &client, const SockAddr &server, qint64 notBeforeUs);
    /** The SYN was answered by RST,ACK (connection refused, RFC 9293 §3.10.7.1). */
    void refused(const SockAddr &client, const SockAddr &server, qint64 notBeforeUs);
    /**
     * @p side's program handed @p bytes bytes to the kernel: the data
     * segments and the peer's ACK. A segment carries at most @p mss bytes
     * (TCP_MAXSEG of the sender; 0: no limit), cut at stream offsets that
     * are multiples of it, as dataArrived() cuts them.
     */
    void dataSent(Side side, const SockAddr &local, const SockAddr &remote, qint64 bytes,
        qint64 notBeforeUs, qint64 mss = 0);
    /**
     * @p totalBytes payload bytes have arrived at @p side's kernel so far on
     * this connection (read by the program plus still queued, FIONREAD). If
     * the peer's segments that carried them are not on the timeline yet (the
     * peer is not one of the lab's programs), infer them: data segments of
     * at most @p mss bytes (0: one segment) and our ACK.
     */
    void dataArrived(Side side, const SockAddr &local, const SockAddr &remote, qint64 totalBytes,
        qint64 notBeforeUs, qint64 mss = 0);
    /** @p side called close()/shutdown(SHUT_WR): its FIN,ACK. */
    void finSent(Side side, const SockAddr &local, const SockAddr &remote);
    /** @p side closed with unread data or aborted: its RST,ACK (RFC 9293 §3.10.7.4 on the peer). */
    void resetSent(Side side, const SockAddr &local, const SockAddr &remote);
    /**
     * The kernel says @p side's endpoint went @p from → @p to: append any
     * segment this proves (the peer's FIN behind CLOSE-WAIT, the ACK of our
     * FIN behind FIN-WAIT-2, …). Call it before appending the state event.
     */
    void stateObserved(
        Side side, const SockAddr &local, const SockAddr &remote, TcpState from, TcpState to);
    /**
     * The state event of stateObserved() is on the timeline: append what
     * follows it (the client's ACK after it became ESTABLISHED).
     */
    void stateRecorded(
        Side side, const SockAddr &local, const SockAddr &remote, TcpState from, TcpState to);
    /** The stream number of the connection, or -1 when unknown. */
    int streamOf(Side side, const SockAddr &local, const SockAddr &remote) const;
    /** The stamped handshake of the connection (times -1 when not inferred). */
    Handshake handshakeOf(Side side, const SockAddr &local, const SockAddr &remote) const;

    /**
     * Packet capture observes connections whose server port is in @p ports:
     * their segments are captured, so the inferrer keeps following them (seq,
     * stream, state) but appends none of their segments to the timeline — a
     * guess is never shown beside the observation it would duplicate. A
     * connection once seen under capture stays silent after the capture ends
     * (its segments are on the timeline); new connections on ports no longer
     * in the set are inferred again. Empty (the default): infer everything.
     */
    void setCapturedPorts(const QList<quint16> &ports);
    QList<quint16> capturedPorts() const { return m_capturedPorts; }

    /** Forgets every connection (a new session); the captured ports stay. */
    void clear();

    /**
     * Appends @p state, a State event of @p side's end of local ↔ remote.
     * On a connection under capture, a state change is stamped with the
     * captured segment that caused it (RFC 9293 §3.10.7: the peer's SYN, our
     * FIN, the ACK of our FIN …), so it lands between the segments around it:
     * one the kernel was too quick to show (source Inferred: SYN-RECEIVED,
     * LAST-ACK …) instead of a guessed time, one read from the kernel
     * (source Kernel) instead of the moment it was read, up to a poll
     * interval later. It is held until that segment has been captured; held
     * longer than kHoldUs (the capture lost it), or at flushHeld(), it lands
     * at its own time. A change no segment causes (TIME-WAIT's timer, a
     * listener's) and every other event are appended at once.
     */
    void appendState(Side side, const SockAddr &local, const SockAddr &remote, LabEvent state);
    /** Appends every held state event at its own time (capture stopped, or before printing). */
    void flushHeld();
    /** How long (microseconds) a state waits for its captured cause. */
    static constexpr qint64 kHoldUs = 500000;

signals:
    /**
     * The server side is about to reveal the handshake of client ↔ server.
     * A lab program holding the client end should read its kernel state now,
     * so the client's ESTABLISHED lands where it happened: after the SYN-ACK,
     * before its ACK and the server's ESTABLISHED.
     */
    void clientReadingWanted(const SockAddr &client, const SockAddr &server);

private:
    /** What capture saw of one direction of a connection (times in Timeline microseconds). */
    struct Seen
    {
        qint64 synUs = -1; ///< its SYN (with or without ACK)
        qint64 synAckedUs = -1; ///< the peer's first ACK past that SYN
        qint64 finUs = -1; ///< its FIN
        qint64 finEnd = -1; ///< relative ack number that acknowledges the FIN
        qint64 finAckedUs = -1; ///< the peer's first ACK of that FIN
        qint64 rstUs = -1; ///< its RST
    };
    /** The captured segments of one connection, client → server [0] and back [1]. */
    struct Captured
    {
        Seen dir[2];
    };
    struct Held
    {
        Side side;
        QString key;
        LabEvent event;
        qint64 heldAtUs;
    };

    struct Direction
    {
        qint64 sndNxt = 0; // next relative sequence number to send
        qint64 handed = 0; // payload bytes the sender's program gave the kernel
        qint64 dataSent = 0; // payload bytes on the timeline
        qint64 arrived = 0; // payload bytes known to have reached the peer's kernel
        bool synSent = false;
        bool finSent = false;
        bool finAcked = false;
        bool rstSent = false;
        qint64 finWait2SinceUs = -1; // when this sender was seen in FIN-WAIT-2
    };
    struct Connection
    {
        SockAddr client;
        SockAddr server;
        int stream = -1;
        qint64 connectStartUs = -1;
        Handshake hs;
        bool synAckDone = false; // SYN and SYN-ACK on the timeline
        bool handshakeDone = false; // … and the final ACK
        Direction dir[2]; // 0: client → server, 1: server → client
        bool captured = false; // seen under capture: its segments are not appended
    };

    Connection &connection(Side side, const SockAddr &local, const SockAddr &remote);
    const Connection *find(Side side, const SockAddr &local, const SockAddr &remote) const;
    static QString key(const SockAddr &client, const SockAddr &server);
    qint64 emitSegment(Connection &c, int from, QStringList flags, qint64 len, qint64 tUs);
    /**
     * The data segments of direction @p from up to stream offset @p upTo,
     * cut at multiples of @p mss (0: one segment), stamped between
     * @p fromUs and now; returns the time for the ACK that follows them.
     */
    qint64 emitData(Connection &c, int from, qint64 upTo, qint64 mss, qint64 fromUs);
    qint64 stamp(qint64 notBeforeUs, int index, int count) const;
    /** @p notBeforeUs, but no earlier than just before now: for evidence seen only now. */
    qint64 recent(qint64 notBeforeUs) const;
    void ensureSynAck(Connection &c, qint64 notBeforeUs);
    void ensureHandshake(Connection &c, qint64 notBeforeUs);
    void ensureFin(Connection &c, int from);
    void ensureFinAcked(Connection &c, int from);
    /** A captured segment landed: note what it proves, release the states it caused. */
    void segmentCaptured(const LabEvent &segment);
    /**
     * The time of the captured segment that caused @p held; -1 when it has
     * not been captured yet; kNoCause when no segment causes it (a timer did).
     */
    qint64 causeUs(const Held &held) const;
    static constexpr qint64 kNoCause = -2;
    void releaseHeld(bool all);

    Timeline *m_timeline = nullptr;
    QHash<QString, Connection> m_connections;
    QList<quint16> m_capturedPorts;
    int m_nextStream = 0;
    QHash<QString, Captured> m_captured; ///< key as key(client, server)
    QList<Held> m_held;
    QTimer *m_holdTimer = nullptr;
};
