#include "tcpconnection.h"

#include "seqnum.h"

#include <algorithm>

// Section numbers are those of RFC 9293 unless another RFC is named.

namespace {

using S = TcpState;
using N = TcpConnection::Notice;

// §3.7.1: the send MSS when the peer sent no MSS option (IPv4).
constexpr quint32 kDefaultSndMss = 536;
// RFC 6298 §2.5 allows a ceiling of at least 60 s on the RTO; Linux's TCP_RTO_MAX is 120 s.
constexpr qint64 kMaxRtoUs = 120000000;
// §3.1: the window field has 16 bits, and the model negotiates no window scale (RFC 7323).
constexpr quint32 kMaxUnscaledWindow = 65535;

QString str(const char *s)
{
    return QString::fromLatin1(s);
}

bool canSendData(S s)
{
    // §3.10.2: SEND is accepted in ESTABLISHED and CLOSE-WAIT; bytes queued before a
    // CLOSE still leave in FIN-WAIT-1 and LAST-ACK, ahead of the FIN (§3.10.4).
    return s == S::Established || s == S::CloseWait || s == S::FinWait1 || s == S::LastAck;
}

} // namespace

TcpConnection::TcpConnection()
    : TcpConnection(Config {})
{
}

TcpConnection::TcpConnection(const Config &config)
    : m_config(config)
{
    resetTcb();
}

void TcpConnection::resetTcb()
{
    m_state = S::Closed;
    m_iss = m_irs = m_sndUna = m_sndNxt = m_sndWnd = m_rcvNxt = 0;
    m_rcvWnd = std::min(m_config.rcvWnd, kMaxUnscaledWindow);
    m_passiveOpen = m_finSent = m_hasUnacked = false;
    m_finSeq = 0;
    m_retries = 0;
    m_rtoUs = m_config.initialRtoUs;
    m_unacked = {};
    m_linearTimeouts = 0;
    m_sndWl1 = m_sndWl2 = m_maxSndWnd = 0;
    m_sndMss = kDefaultSndMss;
    m_sndQueued = 0;
    m_finQueued = m_closeQueued = m_ackDue = false;
}

// ---------------------------------------------------------------------------
// Segments and timers

TcpSegment TcpConnection::segment(quint8 flags, quint32 seq, quint32 ack, quint32 len) const
{
    TcpSegment s;
    s.flags = flags;
    s.seq = seq;
    s.ack = (flags & TcpAck) ? ack : 0;
    s.len = len;
    s.wnd = m_rcvWnd; // RCV.WND is advertised on every segment (§3.8.6)
    return s;
}

TcpSegment TcpConnection::ackSegment() const
{
    // <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>: the reply to an unacceptable segment (§3.10.7.4
    // first step), the challenge ACK (RFC 5961 §3.2, §4.2) and the ACK of data or a FIN.
    return segment(TcpAck, m_sndNxt, m_rcvNxt);
}

TcpSegment TcpConnection::finSegment() const
{
    // Linux sets ACK on every segment after the SYN, the FIN included.
    return segment(TcpFin | TcpAck, m_finSeq, m_rcvNxt);
}

TcpSegment TcpConnection::resetFor(const TcpSegment &in)
{
    // §3.10.7.1 (and §3.5.2): answer with the peer's own ACK as our SEQ, or, when it
    // carried none, with SEQ 0 and an ACK of everything it occupied.
    TcpSegment r;
    if (in.has(TcpAck)) {
        r.flags = TcpRst;
        r.seq = in.ack;
    } else {
        r.flags = TcpRst | TcpAck;
        r.seq = 0;
        r.ack = in.seq + in.seqLen();
    }
    return r;
}

bool TcpConnection::acceptable(const TcpSegment &s) const
{
    // §3.10.7.4 first step: the four cases of segment length × receive window.
    const quint32 len = s.seqLen();
    const quint32 end = m_rcvNxt + m_rcvWnd;
    if (len == 0 && m_rcvWnd == 0)
        return s.seq == m_rcvNxt;
    if (len == 0)
        return Seq::inWindow(s.seq, m_rcvNxt, end);
    if (m_rcvWnd == 0)
        return false;
    return Seq::inWindow(s.seq, m_rcvNxt, end) || Seq::inWindow(s.seq + len - 1, m_rcvNxt, end);
}

bool TcpConnection::ourFinAcked() const
{
    return m_finSent && Seq::gt(m_sndUna, m_finSeq);
}

void TcpConnection::moveTo(Result &r, TcpState to, const QString &event)
{
    const TcpState from = m_state;
    m_state = to;
    const TcpArc *found = findTcpArc(from, to, event);
    Q_ASSERT_X(found && found->event == event, "TcpConnection::moveTo", "arc not in the diagram");
    TcpArc arc = found ? *found : TcpArc { from, to, event, str("x") };
    if (r.transition) {
        // Two arcs taken by one segment (e.g. the ACK of our FIN and the peer's FIN): the
        // diagram's own arc when it has one (FIN-WAIT-1 → TIME-WAIT), else both labels.
        const TcpArc first = *r.transition;
        if (const TcpArc *direct = findTcpArc(first.from, to)) {
            arc = *direct;
        } else {
            QStringList actions;
            for (const QString &a : { first.action, arc.action }) {
                if (a != str("x") && !actions.contains(a))
                    actions << a;
            }
            arc.from = first.from;
            arc.event = first.event + str(" + ") + arc.event;
            arc.action = actions.isEmpty() ? str("x") : actions.join(str(", "));
        }
    }
    r.transition = arc;
}

void TcpConnection::deleteTcb(Result &r, const QString &event, std::optional<Notice> why)
{
    disarm(r);
    m_sndQueued = 0;
    m_finQueued = m_closeQueued = false;
    moveTo(r, S::Closed, event);
    if (why)
        r.notices << *why;
    r.notices << N::Closed;
}

void TcpConnection::returnToListen(Result &r, const QString &event)
{
    // §3.10.7.4 second and fourth steps: a passive OPEN's SYN-RECEIVED goes back to LISTEN;
    // "the user need not be informed".
    disarm(r);
    m_sndQueued = 0;
    m_finQueued = m_closeQueued = false;
    moveTo(r, S::Listen, event);
}

void TcpConnection::enterTimeWait(Result &r)
{
    // §3.10.7.4 eighth step: start the time-wait timer, turn off the other timers.
    disarm(r);
    r.timeWaitAfterUs = 2 * m_config.mslUs;
}

void TcpConnection::arm(Result &r, const TcpSegment &s, int linearTimeouts)
{
    // §3.7 / RFC 6298 §5.1: a segment occupying sequence space starts the timer, RTO 1 s
    // (RFC 6298 §2.1).
    m_unacked = s;
    m_hasUnacked = true;
    m_retries = 0;
    m_linearTimeouts = linearTimeouts;
    m_rtoUs = m_config.initialRtoUs;
    r.retransmitAfterUs = m_rtoUs;
    r.cancelRetransmit = false;
}

void TcpConnection::disarm(Result &r)
{
    // RFC 6298 §5.2: everything outstanding is acknowledged (or the TCB is gone).
    if (!m_hasUnacked)
        return;
    m_hasUnacked = false;
    m_retries = 0;
    m_rtoUs = m_config.initialRtoUs;
    r.retransmitAfterUs = -1;
    r.cancelRetransmit = true;
}

void TcpConnection::acknowledged(Result &r)
{
    // §3.10.7.4 fifth step: acknowledged segments leave the retransmission queue.
    if (!m_hasUnacked || Seq::lt(m_sndUna, m_unacked.seq + m_unacked.seqLen()))
        return;
    disarm(r);
    if (m_finSent && !ourFinAcked())
        arm(r, finSegment(), 0); // a FIN sent behind the SYN is protected next (RFC 6298 §5.3)
}

void TcpConnection::sendSyn(Result &r)
{
    // §3.10.1 / §3.10.2: select an ISS, send <SEQ=ISS><CTL=SYN>, SND.UNA = ISS,
    // SND.NXT = ISS+1. The MSS option rides on the SYN (§3.7.1).
    m_iss = m_config.iss;
    m_sndUna = m_iss;
    m_sndNxt = m_iss + 1;
    TcpSegment syn = segment(TcpSyn, m_iss, 0);
    syn.options.mss = m_config.mss;
    r.sent << syn;
    // Linux ≥ 6.5 spaces the first tcp_syn_linear_timeouts + 1 SYN retries by one RTO.
    arm(r, syn, m_config.synLinearTimeouts);
}

void TcpConnection::sendFin(Result &r)
{
    // §3.10.4: once every queued SEND is segmentized, form a FIN; it occupies one
    // sequence number (§3.4).
    m_finSeq = m_sndNxt;
    m_finSent = true;
    m_finQueued = false;
    const TcpSegment fin = finSegment();
    m_sndNxt += 1;
    r.sent << fin;
    if (!m_hasUnacked)
        arm(r, fin, 0);
}

void TcpConnection::flush(Result &r)
{
    if (!canSendData(m_state))
        return;
    // §3.10.2: segmentize queued bytes within the peer's MSS (§3.7.1) and the usable
    // window SND.UNA + SND.WND − SND.NXT (§3.8.6). PSH on the segment that empties the
    // queue, as Linux does; ACK on all of them (§3.10.7.4 seventh step: piggybacked).
    while (m_sndQueued > 0) {
        const quint32 inFlight = m_sndNxt - m_sndUna;
        if (inFlight >= m_sndWnd)
            break;
        const quint64 usable = m_sndWnd - inFlight;
        const quint32 n = quint32(std::min({ m_sndQueued, quint64(m_sndMss), usable }));
        const bool last = n == m_sndQueued;
        r.sent << segment(TcpAck | (last ? TcpPsh : 0), m_sndNxt, m_rcvNxt, n);
        m_sndNxt += n;
        m_sndQueued -= n;
    }
    if (m_finQueued && m_sndQueued == 0)
        sendFin(r);
}

void TcpConnection::finish(Result &r)
{
    // §3.10.4 SYN-RECEIVED: a CLOSE queued behind data is processed once ESTABLISHED.
    if (m_closeQueued && m_state == S::Established) {
        m_closeQueued = false;
        m_finQueued = true;
        moveTo(r, S::FinWait1, str("CLOSE"));
    }
    const qsizetype before = r.sent.size();
    flush(r);
    // Data or a FIN just sent carries the ACK; otherwise a bare ACK leaves.
    if (m_ackDue && r.sent.size() == before)
        r.sent << ackSegment();
    m_ackDue = false;
}

// ---------------------------------------------------------------------------
// User calls

TcpConnection::Result TcpConnection::open(bool active)
{
    Result r;
    if (m_state == S::Closed || m_state == S::Unknown) {
        // §3.10.1 CLOSED: create a TCB; passive → LISTEN, active → SYN and SYN-SENT.
        resetTcb();
        if (!active) {
            m_passiveOpen = true;
            moveTo(r, S::Listen, str("passive OPEN"));
            return r;
        }
        sendSyn(r);
        moveTo(r, S::SynSent, str("active OPEN"));
        return r;
    }
    if (m_state == S::Listen && active) {
        // §3.10.1 LISTEN: an active OPEN changes the connection from passive to active.
        m_passiveOpen = false;
        sendSyn(r);
        moveTo(r, S::SynSent, str("active OPEN"));
        return r;
    }
    r.ok = false; // §3.10.1: "error: connection already exists"
    return r;
}

TcpConnection::Result TcpConnection::send(quint32 bytes)
{
    Result r;
    switch (m_state) {
    case S::Listen:
        // §3.10.2 LISTEN: the foreign socket is known: go active, send a SYN; the data is
        // queued for after ESTABLISHED.
        m_passiveOpen = false;
        m_sndQueued += bytes;
        sendSyn(r);
        moveTo(r, S::SynSent, str("SEND"));
        return r;
    case S::SynSent:
    case S::SynReceived:
        // §3.10.2: queue the data for transmission after entering ESTABLISHED.
        m_sndQueued += bytes;
        return r;
    case S::Established:
    case S::CloseWait:
        // §3.10.2: segmentize the buffer and send it with a piggybacked ACK.
        m_sndQueued += bytes;
        flush(r);
        return r;
    case S::Unknown:
    case S::Closed: // §3.10.2: "error: connection does not exist"
    default: // FIN-WAIT-1 … TIME-WAIT, §3.10.2: "error: connection closing"
        r.ok = false;
        return r;
    }
}

TcpConnection::Result TcpConnection::close()
{
    Result r;
    switch (m_state) {
    case S::Listen: // §3.10.4: delete the TCB, enter CLOSED
    case S::SynSent: // §3.10.4: delete the TCB, queued SENDs get "error: closing"
        deleteTcb(r, str("CLOSE"));
        return r;
    case S::SynReceived:
        // §3.10.4: with no SEND pending, send a FIN and enter FIN-WAIT-1; otherwise queue
        // the CLOSE until ESTABLISHED.
        if (m_sndQueued > 0) {
            m_closeQueued = true;
            return r;
        }
        moveTo(r, S::FinWait1, str("CLOSE"));
        sendFin(r);
        return r;
    case S::Established:
        // §3.10.4: queue the FIN behind the pending SENDs; enter FIN-WAIT-1 in any case.
        moveTo(r, S::FinWait1, str("CLOSE"));
        m_finQueued = true;
        flush(r);
        return r;
    case S::CloseWait:
        // §3.10.4: the FIN follows the pending SENDs; enter LAST-ACK.
        moveTo(r, S::LastAck, str("CLOSE"));
        m_finQueued = true;
        flush(r);
        return r;
    case S::FinWait1:
    case S::FinWait2:
        // §3.10.4: strictly "error: connection closing", but "ok" is acceptable as long as
        // no second FIN is sent: close() after shutdown(SHUT_WR) is what programs do.
        return r;
    default: // CLOSED: "connection does not exist"; CLOSING, LAST-ACK, TIME-WAIT: "closing"
        r.ok = false;
        return r;
    }
}

TcpConnection::Result TcpConnection::abort()
{
    Result r;
    switch (m_state) {
    case S::SynReceived:
    case S::Established:
    case S::FinWait1:
    case S::FinWait2:
    case S::CloseWait: {
        // §3.10.5: send <SEQ=SND.NXT><CTL=RST>, flush the queues, delete the TCB. Linux
        // (tcp_send_active_reset) sets ACK too, with RCV.NXT.
        r.sent << segment(TcpRst | TcpAck, m_sndNxt, m_rcvNxt);
        deleteTcb(r, str("ABORT"));
        return r;
    }
    case S::Listen:
    case S::SynSent: // §3.10.5: queued calls get "connection reset"; delete the TCB
    case S::Closing:
    case S::LastAck:
    case S::TimeWait: // §3.10.5: respond "ok", delete the TCB; no segment
        deleteTcb(r, str("ABORT"));
        return r;
    default: // §3.10.5 CLOSED: "error: connection does not exist"
        r.ok = false;
        return r;
    }
}

// ---------------------------------------------------------------------------
// Timeouts

TcpConnection::Result TcpConnection::retransmissionTimeout()
{
    Result r;
    if (!m_hasUnacked) {
        r.ok = false; // no timer runs
        return r;
    }
    const int limit = m_config.maxRetries + m_linearTimeouts;
    if (m_retries >= limit) {
        // §3.8.3 R2 / Linux tcp_syn_retries: give up. The timer has fired: nothing to cancel.
        m_hasUnacked = false;
        if (m_state == S::SynReceived && m_passiveOpen) {
            returnToListen(r, str("Timeout"));
        } else {
            deleteTcb(r, str("Timeout"), N::TimedOut); // §3.10.8: "connection aborted"
        }
        return r;
    }
    // §3.10.8 RETRANSMISSION TIMEOUT: resend the segment at the head of the queue; RFC 6298
    // §5.4–5.6: back off the timer (linear first for a Linux SYN) and restart it.
    ++m_retries;
    m_rtoUs = synRetransmitGapsUs(
        m_config.maxRetries, m_linearTimeouts, m_config.initialRtoUs)[m_retries];
    TcpSegment again = m_unacked;
    if (again.has(TcpAck))
        again.ack = m_rcvNxt;
    r.sent << again;
    r.retransmitAfterUs = m_rtoUs;
    return r;
}

TcpConnection::Result TcpConnection::timeWaitTimeout()
{
    Result r;
    if (m_state != S::TimeWait) {
        r.ok = false;
        return r;
    }
    // §3.10.8 TIME-WAIT TIMEOUT: delete the TCB, enter CLOSED.
    deleteTcb(r, str("Timeout=2MSL"));
    return r;
}

QList<qint64> TcpConnection::synRetransmitGapsUs(
    int retries, int linearTimeouts, qint64 initialRtoUs)
{
    retries = std::max(retries, 0);
    linearTimeouts = std::max(linearTimeouts, 0);
    const qint64 ceiling = std::max(kMaxRtoUs, initialRtoUs);
    QList<qint64> gaps;
    qint64 rto = initialRtoUs;
    for (int i = 0; i <= retries + linearTimeouts; ++i) {
        if (i > linearTimeouts)
            rto = std::min(rto * 2, ceiling); // RFC 6298 §5.5: RTO ← RTO · 2
        gaps << rto;
    }
    return gaps;
}

// ---------------------------------------------------------------------------
// SEGMENT ARRIVES (§3.10.7)

TcpConnection::Result TcpConnection::receive(const TcpSegment &segment)
{
    m_ackDue = false;
    switch (m_state) {
    case S::Unknown:
    case S::Closed:
        return segmentInClosed(segment);
    case S::Listen:
        return segmentInListen(segment);
    case S::SynSent:
        return segmentInSynSent(segment);
    default:
        return segmentInSynchronized(segment);
    }
}

TcpConnection::Result TcpConnection::segmentInClosed(const TcpSegment &s) const
{
    // §3.10.7.1: the data is discarded; a RST is discarded; anything else is answered
    // with a RST (§3.5.2, case 1).
    Result r;
    if (!s.has(TcpRst))
        r.sent << resetFor(s);
    return r;
}

TcpConnection::Result TcpConnection::segmentInListen(const TcpSegment &s)
{
    Result r;
    if (s.has(TcpRst))
        return r; // §3.10.7.2 first: an incoming RST is ignored
    if (s.has(TcpAck)) {
        r.sent << resetFor(s); // §3.10.7.2 second: <SEQ=SEG.ACK><CTL=RST>
        return r;
    }
    if (!s.has(TcpSyn))
        return r; // §3.10.7.2 fourth: other text or control: drop
    // §3.10.7.2 third: RCV.NXT = SEG.SEQ+1, IRS = SEG.SEQ, select an ISS and send
    // <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>; SND.NXT = ISS+1, SND.UNA = ISS. Data on the SYN
    // (TCP Fast Open) is not delivered by this model.
    resetTcb(); // a fresh TCB for this connection (LISTEN may have been returned to)
    m_state = S::Listen;
    m_passiveOpen = true;
    m_irs = s.seq;
    m_rcvNxt = s.seq + 1;
    m_sndMss = s.options.mss > 0 ? quint32(s.options.mss) : kDefaultSndMss; // §3.7.1
    m_iss = m_config.iss;
    m_sndUna = m_iss;
    m_sndNxt = m_iss + 1;
    // SND.WND comes with the ACK that completes the handshake (§3.10.7.4 fifth step);
    // WL1/WL2 start at the SYN so that any later segment may update it.
    m_sndWl1 = m_irs;
    m_sndWl2 = m_iss;
    TcpSegment synAck = segment(TcpSyn | TcpAck, m_iss, m_rcvNxt);
    synAck.options.mss = m_config.mss;
    r.sent << synAck;
    arm(r, synAck, 0);
    moveTo(r, S::SynReceived, str("rcv SYN"));
    return r;
}

TcpConnection::Result TcpConnection::segmentInSynSent(const TcpSegment &s)
{
    Result r;
    // §3.10.7.3 first: an ACK of something we never sent is answered by a RST (unless it
    // is one itself).
    if (s.has(TcpAck) && (Seq::le(s.ack, m_iss) || Seq::gt(s.ack, m_sndNxt))) {
        if (!s.has(TcpRst))
            r.sent << resetFor(s);
        return r;
    }
    const bool ackAcceptable
        = s.has(TcpAck) && Seq::lt(m_sndUna, s.ack) && Seq::le(s.ack, m_sndNxt);
    // §3.10.7.3 second (and RFC 5961 §3.2 for SYN-SENT): a RST counts only when it
    // acknowledges our SYN: "connection reset", i.e. refused.
    if (s.has(TcpRst)) {
        if (ackAcceptable)
            deleteTcb(r, str("rcv RST,ACK"), N::Refused);
        return r;
    }
    // §3.10.7.3 fifth: neither SYN nor RST: drop.
    if (!s.has(TcpSyn))
        return r;
    // §3.10.7.3 fourth: the peer's SYN.
    m_irs = s.seq;
    m_rcvNxt = s.seq + 1;
    m_sndMss = s.options.mss > 0 ? quint32(s.options.mss) : kDefaultSndMss; // §3.7.1
    if (ackAcceptable)
        m_sndUna = s.ack;
    m_sndWnd = s.wnd;
    m_sndWl1 = s.seq;
    m_sndWl2 = s.ack;
    m_maxSndWnd = std::max(m_maxSndWnd, m_sndWnd);
    if (Seq::gt(m_sndUna, m_iss)) {
        // Our SYN is acknowledged: ESTABLISHED, <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> (queued
        // data may ride on it), then continue at the sixth step of §3.10.7.4.
        acknowledged(r);
        moveTo(r, S::Established, str("rcv SYN,ACK"));
        r.notices << N::Established;
        m_ackDue = true;
        TcpSegment rest = s;
        rest.flags &= ~TcpSyn;
        rest.seq = s.seq + 1;
        processTextAndFin(rest, r);
        finish(r);
        return r;
    }
    // Simultaneous open (§3.5 Figure 8): SYN-RECEIVED, and <SEQ=ISS><ACK=RCV.NXT>
    // <CTL=SYN,ACK> as §3.10.7.3 writes it (Figure 5's "snd ACK" is that SYN,ACK). It
    // replaces our SYN in the retransmission queue; the timer keeps running.
    TcpSegment synAck = segment(TcpSyn | TcpAck, m_iss, m_rcvNxt);
    synAck.options.mss = m_config.mss;
    r.sent << synAck;
    if (m_hasUnacked)
        m_unacked = synAck;
    moveTo(r, S::SynReceived, str("rcv SYN"));
    return r;
}

TcpConnection::Result TcpConnection::segmentInSynchronized(const TcpSegment &seg)
{
    Result r;
    TcpSegment s = seg;

    // §3.10.7.4 fifth/eighth steps, TIME-WAIT: a retransmission of the peer's FIN is
    // acknowledged and restarts the 2·MSL timer (its FIN octet lies just before RCV.NXT,
    // so the acceptability test alone would only ACK it; Linux tcp_timewait_state_process).
    if (m_state == S::TimeWait && s.has(TcpFin) && !s.has(TcpRst) && !s.has(TcpSyn)
        && s.seq + s.seqLen() == m_rcvNxt) {
        r.sent << ackSegment();
        r.timeWaitAfterUs = 2 * m_config.mslUs;
        return r;
    }

    // Simultaneous open, §3.5 Figure 8 lines 6–7: in SYN-RECEIVED after an active OPEN, the
    // peer's SYN,ACK repeats its SYN (already received) and acknowledges ours. The SYN octet
    // is old and trimmed (§3.10.7.4: "trimming off any portions that lie outside the
    // window (including SYN and FIN)"), leaving an ACK that completes the handshake.
    // Linux does the same (tcp_validate_incoming).
    const bool simultaneousSynAck = m_state == S::SynReceived && !m_passiveOpen
        && s.flags == (TcpSyn | TcpAck) && s.len == 0 && s.seq == m_irs && s.ack == m_sndNxt;
    if (simultaneousSynAck) {
        s.flags &= ~TcpSyn;
        s.seq = m_irs + 1;
    }

    // A SYN here is an attack or a stale duplicate (RFC 5961 §4.2), except after a passive
    // OPEN, whose SYN-RECEIVED is not yet synchronized (§3.5.2).
    const bool challengeSyn = !(m_state == S::SynReceived && m_passiveOpen);

    // First: the sequence number (§3.10.7.4, four cases).
    if (!acceptable(s)) {
        if (s.has(TcpRst))
            return r; // RFC 5961 §3.2 (1): a RST outside the window is dropped silently
        r.sent << ackSegment(); // <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>, then drop
        if (s.has(TcpSyn) && challengeSyn)
            r.notices << N::ChallengeAck; // RFC 5961 §4.2: whatever its sequence number
        return r;
    }

    // Second: the RST bit, with RFC 5961 §3.2.
    if (s.has(TcpRst)) {
        if (s.seq != m_rcvNxt) {
            // (3) in the window but not RCV.NXT: challenge ACK, drop.
            r.sent << ackSegment();
            r.notices << N::ChallengeAck;
            return r;
        }
        // (2) exactly RCV.NXT: reset as the state says.
        switch (m_state) {
        case S::SynReceived:
            if (m_passiveOpen)
                returnToListen(r, str("rcv RST"));
            else
                deleteTcb(r, str("rcv RST"), N::Refused); // "connection refused"
            break;
        case S::Established:
        case S::FinWait1:
        case S::FinWait2:
        case S::CloseWait:
            deleteTcb(r, str("rcv RST"), N::Reset); // "connection reset"
            break;
        default: // CLOSING, LAST-ACK, TIME-WAIT: enter CLOSED, nobody to tell
            deleteTcb(r, str("rcv RST"));
            break;
        }
        return r;
    }

    // Third: security (not modelled). Fourth: the SYN bit.
    if (s.has(TcpSyn)) {
        if (!challengeSyn) {
            returnToListen(r, str("rcv SYN")); // §3.10.7.4 fourth, passive OPEN
            return r;
        }
        r.sent << ackSegment(); // RFC 5961 §4.2: challenge ACK, drop
        r.notices << N::ChallengeAck;
        return r;
    }

    // Fifth: the ACK field. Without it the segment is dropped.
    if (!s.has(TcpAck))
        return r;
    if (!processAck(s, r))
        return r;

    // Sixth (URG, not modelled), seventh (text) and eighth (FIN).
    processTextAndFin(s, r);
    finish(r);
    return r;
}

bool TcpConnection::processAck(const TcpSegment &s, Result &r)
{
    if (m_state == S::SynReceived) {
        // §3.10.7.4 fifth, SYN-RECEIVED: SND.UNA < SEG.ACK =< SND.NXT completes the
        // handshake (SND.WND, WL1, WL2 from this segment); otherwise <SEQ=SEG.ACK><CTL=RST>.
        if (!(Seq::lt(m_sndUna, s.ack) && Seq::le(s.ack, m_sndNxt))) {
            r.sent << resetFor(s);
            return false;
        }
        m_sndWnd = s.wnd;
        m_sndWl1 = s.seq;
        m_sndWl2 = s.ack;
        m_maxSndWnd = std::max(m_maxSndWnd, m_sndWnd);
        moveTo(r, S::Established, str("rcv ACK of SYN"));
        r.notices << N::Established;
    }

    // ESTABLISHED processing, shared by every synchronized state.
    // RFC 5961 §5.2 (in §3.10.7.4): acceptable only when
    // SND.UNA − MAX.SND.WND =< SEG.ACK =< SND.NXT; otherwise send an ACK and drop
    // (this also covers "the ACK acks something not yet sent").
    if (Seq::gt(s.ack, m_sndNxt) || Seq::lt(s.ack, m_sndUna - m_maxSndWnd)) {
        r.sent << ackSegment();
        return false;
    }
    if (Seq::lt(m_sndUna, s.ack)) {
        m_sndUna = s.ack; // SND.UNA < SEG.ACK =< SND.NXT
        acknowledged(r);
    } // SEG.ACK =< SND.UNA: a duplicate, ignored
    // Window update when SND.UNA =< SEG.ACK =< SND.NXT, from the newest segment only
    // (SND.WL1 < SEG.SEQ, or SND.WL1 = SEG.SEQ and SND.WL2 =< SEG.ACK).
    if (Seq::le(m_sndUna, s.ack)
        && (Seq::lt(m_sndWl1, s.seq) || (m_sndWl1 == s.seq && Seq::le(m_sndWl2, s.ack)))) {
        m_sndWnd = s.wnd;
        m_sndWl1 = s.seq;
        m_sndWl2 = s.ack;
        m_maxSndWnd = std::max(m_maxSndWnd, m_sndWnd);
    }

    switch (m_state) {
    case S::FinWait1:
        // If our FIN is now acknowledged, enter FIN-WAIT-2 and continue processing.
        if (ourFinAcked())
            moveTo(r, S::FinWait2, str("rcv ACK of FIN"));
        return true;
    case S::Closing:
        // If the ACK acknowledges our FIN, enter TIME-WAIT; otherwise ignore the segment.
        if (ourFinAcked()) {
            moveTo(r, S::TimeWait, str("rcv ACK of FIN"));
            enterTimeWait(r);
        }
        return false;
    case S::LastAck:
        // The only thing that can arrive is the ACK of our FIN: delete the TCB.
        if (ourFinAcked())
            deleteTcb(r, str("rcv ACK of FIN"));
        return false;
    case S::TimeWait:
        // Only a retransmitted FIN is expected (handled above); Linux drops the rest.
        return false;
    default:
        return true;
    }
}

void TcpConnection::processTextAndFin(const TcpSegment &s, Result &r)
{
    quint32 seq = s.seq;
    quint32 len = s.len;
    bool fin = s.has(TcpFin);
    // §3.10.7.4: process only the new part: trim bytes already received ...
    if (Seq::lt(seq, m_rcvNxt)) {
        const quint32 old = m_rcvNxt - seq;
        if (old > len) {
            len = 0;
            fin = false; // the FIN (at SEG.SEQ + len) was received too
        } else {
            len -= old;
        }
        seq = m_rcvNxt;
    }
    if (seq != m_rcvNxt) {
        // Out of order: "may be held for later processing"; this model drops it and sends
        // a duplicate ACK saying what it still expects.
        if (len > 0 || fin)
            m_ackDue = true;
        return;
    }
    // ... and whatever lies beyond RCV.NXT + RCV.WND (a FIN there is not received).
    if (len > m_rcvWnd || (fin && len == m_rcvWnd)) {
        len = std::min(len, m_rcvWnd);
        fin = false;
    }

    // Seventh: the text.
    if (len > 0) {
        if (m_state != S::Established && m_state != S::FinWait1 && m_state != S::FinWait2)
            return; // CLOSE-WAIT … TIME-WAIT: the peer already sent its FIN: ignore the text
        m_rcvNxt += len; // deliver to the user, advance RCV.NXT, acknowledge
        r.notices << N::DataReceived;
        m_ackDue = true;
    }

    // Eighth: the FIN. Signal "connection closing", advance RCV.NXT over it, send an ACK.
    if (!fin)
        return;
    m_rcvNxt += 1;
    r.notices << N::EndOfStream;
    m_ackDue = true;
    switch (m_state) {
    case S::Established: // SYN-RECEIVED became ESTABLISHED in the fifth step
        moveTo(r, S::CloseWait, str("rcv FIN"));
        break;
    case S::FinWait1:
        // Our FIN acknowledged (perhaps by this very segment): TIME-WAIT; else CLOSING.
        // When this segment acknowledged it, FIN-WAIT-2 was entered above and the two arcs
        // are reported as the diagram's FIN-WAIT-1 → TIME-WAIT arc.
        if (ourFinAcked()) {
            moveTo(r, S::TimeWait, str("rcv FIN,ACK of FIN"));
            enterTimeWait(r);
        } else {
            moveTo(r, S::Closing, str("rcv FIN"));
        }
        break;
    case S::FinWait2:
        moveTo(r, S::TimeWait, str("rcv FIN"));
        enterTimeWait(r);
        break;
    case S::TimeWait:
        r.timeWaitAfterUs = 2 * m_config.mslUs; // restart the 2·MSL timeout
        break;
    default: // CLOSE-WAIT, CLOSING, LAST-ACK: remain
        break;
    }
}
