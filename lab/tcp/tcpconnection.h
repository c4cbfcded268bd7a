#pragma once

#include "tcpdiagram.h"
#include "tcpsegment.h"
#include "tcpstate.h"

#include <QList>

#include <optional>

/**
 * One endpoint of a TCP connection as RFC 9293 specifies it: the TCB with
 * its state and send/receive sequence variables (§3.3.1), the user calls
 * OPEN, SEND, CLOSE, ABORT (§3.10.1–3.10.5), the processing of an arriving
 * segment (§3.10.7, with RFC 5961's challenge ACK for RST and SYN in the
 * synchronized states), the retransmission timer (RFC 6298: RTO starts at
 * 1 s and doubles, §5.5; Linux spaces its first `synLinearTimeouts` + 1 SYN
 * retries 1 s apart) and the TIME-WAIT timer (2·MSL, 60 s on Linux).
 *
 * A pure model: no clock, no sockets. Each call returns what the endpoint
 * did — segments sent, the transition taken, notices for the user, timers
 * to arm — and the caller (a scenario) owns time and the network.
 */
class TcpConnection
{
public:
    /** What the user (the program) is told. */
    enum class Notice {
        Established, ///< connect()/accept() can return
        Refused, ///< RST in SYN-SENT: ECONNREFUSED
        Reset, ///< RST in a synchronized state: ECONNRESET
        DataReceived, ///< payload accepted into the receive buffer
        EndOfStream, ///< the peer's FIN: recv() returns b""
        ChallengeAck, ///< RFC 5961 §3.2 / §4.2: an in-window RST or SYN answered with an ACK
        TimedOut, ///< retransmissions exhausted: ETIMEDOUT
        Closed, ///< the TCB was deleted
    };

    struct Config
    {
        quint32 iss = 0; ///< initial send sequence number (§3.4.1)
        quint32 rcvWnd = 65535; ///< RCV.WND, bytes
        int mss = 1460; ///< MSS option sent on SYN and SYN,ACK
        int maxRetries = 6; ///< SYN retries before giving up (Linux tcp_syn_retries)
        int synLinearTimeouts = 0; ///< Linux tcp_syn_linear_timeouts; 0: pure RFC 6298 doubling
        qint64 initialRtoUs = 1000000; ///< RFC 6298 §2.1: 1 s
        qint64 mslUs = 30000000; ///< so that 2·MSL is Linux's 60 s TIME-WAIT
    };

    /** What one call or one arriving segment did. */
    struct Result
    {
        QList<TcpSegment> sent;
        std::optional<TcpArc> transition; ///< the arc taken, if the state changed
        QList<Notice> notices;
        qint64 retransmitAfterUs = -1; ///< arm the retransmission timer; -1: leave it
        bool cancelRetransmit = false; ///< stop the retransmission timer
        qint64 timeWaitAfterUs = -1; ///< arm the 2·MSL timer
        /** false: the call is not allowed in this state (§3.10: "error: connection …"). */
        bool ok = true;
    };

    // Two constructors rather than `= {}`: a default argument cannot use the
    // member initializers of a nested class before the enclosing class is complete
    // (GCC 12 rejects it, CWG 1397).
    TcpConnection();
    explicit TcpConnection(const Config &config);

    TcpState state() const { return m_state; }
    const Config &config() const { return m_config; }
    // RFC 9293 §3.3.1 variables, absolute, host order.
    quint32 iss() const { return m_iss; }
    quint32 irs() const { return m_irs; }
    quint32 sndUna() const { return m_sndUna; }
    quint32 sndNxt() const { return m_sndNxt; }
    quint32 sndWnd() const { return m_sndWnd; }
    quint32 rcvNxt() const { return m_rcvNxt; }
    quint32 rcvWnd() const { return m_rcvWnd; }
    /** Retransmissions of the current unacknowledged segment so far. */
    int retransmissions() const { return m_retries; }
    /** The current retransmission timeout, µs. */
    qint64 rtoUs() const { return m_rtoUs; }

    /** OPEN (§3.10.1): passive → LISTEN; active → SYN-SENT, sending SYN with MSS. */
    Result open(bool active);
    /**
     * SEND (§3.10.2) of @p bytes payload bytes (ESTABLISHED, CLOSE-WAIT; queued as SYN in
     * LISTEN).
     */
    Result send(quint32 bytes);
    /**
     * CLOSE (§3.10.4): FIN from ESTABLISHED/SYN-RECEIVED/CLOSE-WAIT; deletes the TCB from
     * LISTEN/SYN-SENT.
     */
    Result close();
    /** ABORT (§3.10.5): RST from the synchronized states, then CLOSED. */
    Result abort();
    /** SEGMENT ARRIVES (§3.10.7). */
    Result receive(const TcpSegment &segment);
    /**
     * The retransmission timer expired (§3.8.1, RFC 6298 §5.4–5.7): resend, back off, or give
     * up.
     */
    Result retransmissionTimeout();
    /** The 2·MSL timer expired in TIME-WAIT (§3.10.8): CLOSED. */
    Result timeWaitTimeout();

    /**
     * The SYN retransmission schedule, µs: with @p retries (tcp_syn_retries)
     * and @p linearTimeouts (Linux ≥ 6.5 tcp_syn_linear_timeouts, 0 before),
     * a connect sends retries + linearTimeouts retransmissions; the first
     * linearTimeouts + 1 gaps are @p initialRtoUs, then each doubles
     * (RFC 6298 §5.5). The list holds those gaps, then the last wait before
     * connect() fails with ETIMEDOUT. Measured (PLATFORM-NOTES 20), 6 and 4:
     * 1,1,1,1,1,2,4,8,16,32 s then 64 s — about 131 s in all; 6 and 0:
     * 1,2,4,8,16,32 then 64 s — the classic 127 s.
     */
    static QList<qint64> synRetransmitGapsUs(
        int retries, int linearTimeouts, qint64 initialRtoUs = 1000000);

private:
    void resetTcb();
    TcpSegment segment(quint8 flags, quint32 seq, quint32 ack, quint32 len = 0) const;
    TcpSegment ackSegment() const;
    TcpSegment finSegment() const;
    static TcpSegment resetFor(const TcpSegment &in);
    bool acceptable(const TcpSegment &s) const;
    bool ourFinAcked() const;
    void moveTo(Result &r, TcpState to, const QString &event);
    void deleteTcb(Result &r, const QString &event, std::optional<Notice> why = std::nullopt);
    void returnToListen(Result &r, const QString &event);
    void enterTimeWait(Result &r);
    void arm(Result &r, const TcpSegment &s, int linearTimeouts);
    void disarm(Result &r);
    void acknowledged(Result &r);
    void sendSyn(Result &r);
    void sendFin(Result &r);
    void flush(Result &r);
    void finish(Result &r);
    Result segmentInClosed(const TcpSegment &s) const;
    Result segmentInListen(const TcpSegment &s);
    Result segmentInSynSent(const TcpSegment &s);
    Result segmentInSynchronized(const TcpSegment &s);
    bool processAck(const TcpSegment &s, Result &r);
    void processTextAndFin(const TcpSegment &s, Result &r);

    Config m_config;
    TcpState m_state = TcpState::Closed;
    quint32 m_iss = 0;
    quint32 m_irs = 0;
    quint32 m_sndUna = 0;
    quint32 m_sndNxt = 0;
    quint32 m_sndWnd = 0;
    quint32 m_rcvNxt = 0;
    quint32 m_rcvWnd = 0;
    bool m_passiveOpen = false; // SYN-RECEIVED came from LISTEN (RST returns there, §3.10.7.4)
    bool m_finSent = false;
    quint32 m_finSeq = 0;
    int m_retries = 0;
    qint64 m_rtoUs = 1000000;
    TcpSegment m_unacked; // the segment the retransmission timer protects
    bool m_hasUnacked = false;
    int m_linearTimeouts = 0; // linear RTOs of the m_unacked schedule (a bare SYN only)
    quint32 m_sndWl1 = 0; // SND.WL1, SND.WL2: the segment that last updated SND.WND (§3.3.1)
    quint32 m_sndWl2 = 0;
    quint32 m_maxSndWnd = 0; // MAX.SND.WND (RFC 5961 §5.2)
    quint32 m_sndMss = 536; // the peer's MSS option, 536 when absent (§3.7.1)
    quint64 m_sndQueued = 0; // bytes of SENDs not yet segmentized
    bool m_finQueued = false; // CLOSE seen, FIN waits for the queued bytes (§3.10.4)
    bool m_closeQueued = false; // CLOSE in SYN-RECEIVED with bytes queued: after ESTABLISHED
    bool m_ackDue = false; // an ACK must leave before receive() returns
};
