#include "segmentinferrer.h"

#include "net/kernelstate.h"
#include "timeline/timeline.h"

#include <QTimer>

SegmentInferrer::SegmentInferrer(Timeline *timeline, QObject *parent)
    : QObject(parent)
    , m_timeline(timeline)
    , m_holdTimer(new QTimer(this))
{
    m_holdTimer->setInterval(100);
    connect(m_holdTimer, &QTimer::timeout, this, [this] { releaseHeld(false); });
    connect(m_timeline, &Timeline::eventAdded, this, [this](int row) {
        const LabEvent &e = m_timeline->at(row);
        if (e.kind == EventKind::Segment && e.source == EventSource::Capture)
            segmentCaptured(LabEvent(e)); // a copy: releasing inserts rows
    });
}

void SegmentInferrer::clear()
{
    m_connections.clear();
    m_nextStream = 0;
    m_captured.clear();
    m_held.clear(); // they belonged to the session that ended
    m_holdTimer->stop();
}

void SegmentInferrer::appendState(
    Side side, const SockAddr &local, const SockAddr &remote, LabEvent state)
{
    const SockAddr &client = side == Side::Client ? local : remote;
    const SockAddr &server = side == Side::Client ? remote : local;
    const Connection *c = find(side, local, remote);
    const bool captured = (c && c->captured) || m_capturedPorts.contains(server.port);
    const bool timed = state.source == EventSource::Inferred || state.source == EventSource::Kernel;
    if (!timed || !captured || !local.isValid() || !remote.isValid()) {
        m_timeline->append(std::move(state));
        return;
    }
    if (state.tUs < 0)
        state.tUs = m_timeline->nowUs();
    m_held.append({ side, key(client, server), std::move(state), m_timeline->nowUs() });
    releaseHeld(false);
    if (!m_held.isEmpty())
        m_holdTimer->start();
}

void SegmentInferrer::flushHeld()
{
    releaseHeld(true);
}

void SegmentInferrer::releaseHeld(bool all)
{
    const qint64 now = m_timeline->nowUs();
    // In order: a later state of the same endpoint never lands before an earlier one.
    for (int i = 0; i < m_held.size();) {
        Held &h = m_held[i];
        const qint64 cause = causeUs(h);
        if (cause == -1 && !all && now - h.heldAtUs < kHoldUs) {
            ++i;
            continue;
        }
        if (cause >= 0)
            h.event.tUs = cause; // after the segment: append() puts it after equal times
        LabEvent e = std::move(h.event);
        m_held.removeAt(i);
        m_timeline->append(std::move(e));
    }
    if (m_held.isEmpty())
        m_holdTimer->stop();
}

qint64 SegmentInferrer::causeUs(const Held &h) const
{
    const auto it = m_captured.constFind(h.key);
    const Captured none;
    const Captured &cap = it == m_captured.cend() ? none : it.value();
    const int x = h.side == Side::Client ? 0 : 1; // this endpoint's direction
    const Seen &mine = cap.dir[x];
    const Seen &peer = cap.dir[1 - x];
    const TcpState from = h.event.from;
    // The segment whose arrival or sending is the arc of RFC 9293's figure 5.
    switch (h.event.to) {
    case TcpState::SynReceived:
        return peer.synUs; // rcv SYN
    case TcpState::Established:
        return from == TcpState::SynSent ? peer.synUs : mine.synAckedUs; // rcv SYN,ACK / ACK
    case TcpState::FinWait1:
    case TcpState::LastAck:
        return mine.finUs; // snd FIN
    case TcpState::FinWait2:
        return mine.finAckedUs; // rcv ACK of FIN
    case TcpState::CloseWait:
    case TcpState::Closing:
        return peer.finUs; // rcv FIN
    case TcpState::TimeWait:
        if (from == TcpState::FinWait2)
            return peer.finUs;
        if (from == TcpState::Closing)
            return mine.finAckedUs;
        return peer.finUs < 0 || mine.finAckedUs < 0 ? -1 : qMax(peer.finUs, mine.finAckedUs);
    case TcpState::Closed:
        if (from == TcpState::LastAck)
            return mine.finAckedUs; // rcv ACK of FIN
        if (from == TcpState::TimeWait || from == TcpState::Listen)
            return kNoCause; // the 2·MSL timer, or close()
        if (peer.rstUs >= 0 || mine.rstUs >= 0)
            return peer.rstUs < 0 ? mine.rstUs
                : mine.rstUs < 0  ? peer.rstUs
                                  : qMin(peer.rstUs, mine.rstUs);
        return -1;
    default:
        return kNoCause;
    }
}

void SegmentInferrer::segmentCaptured(const LabEvent &s)
{
    if (s.side != Side::Client && s.side != Side::Server)
        return;
    const int x = s.side == Side::Client ? 0 : 1;
    const QString k
        = x == 0 ? s.src + QLatin1String("->") + s.dst : s.dst + QLatin1String("->") + s.src;
    Captured &cap = m_captured[k];
    const bool syn = s.flags.contains(QLatin1String("SYN"));
    const bool ack = s.flags.contains(QLatin1String("ACK"));
    Seen &mine = cap.dir[x];
    Seen &peer = cap.dir[1 - x];
    if (syn && !ack && x == 0 && cap.dir[0].finUs >= 0)
        cap = Captured {}; // the client port was reused: a new connection
    if (syn && mine.synUs < 0)
        mine.synUs = s.tUs;
    if (s.flags.contains(QLatin1String("FIN")) && mine.finUs < 0) {
        mine.finUs = s.tUs;
        mine.finEnd = s.seq + qMax<qint64>(0, s.len) + 1; // FIN occupies one number (§3.4)
    }
    if (s.flags.contains(QLatin1String("RST")) && mine.rstUs < 0)
        mine.rstUs = s.tUs;
    if (ack && s.ack >= 0) {
        if (!syn && peer.synUs >= 0 && peer.synAckedUs < 0 && s.ack >= 1)
            peer.synAckedUs = s.tUs;
        if (peer.finEnd >= 0 && peer.finAckedUs < 0 && s.ack >= peer.finEnd)
            peer.finAckedUs = s.tUs;
    }
    if (!m_held.isEmpty())
        releaseHeld(false);
}

QString SegmentInferrer::key(const SockAddr &client, const SockAddr &server)
{
    return client.toString() + QLatin1String("->") + server.toString();
}

SegmentInferrer::Connection &SegmentInferrer::connection(
    Side side, const SockAddr &local, const SockAddr &remote)
{
    const SockAddr client = side == Side::Client ? local : remote;
    const SockAddr server = side == Side::Client ? remote : local;
    const QString k = key(client, server);
    auto it = m_connections.find(k);
    if (it == m_connections.end()) {
        Connection c;
        c.client = client;
        c.server = server;
        c.stream = m_nextStream++;
        c.captured = m_capturedPorts.contains(server.port);
        it = m_connections.insert(k, c);
    }
    return it.value();
}

const SegmentInferrer::Connection *SegmentInferrer::find(
    Side side, const SockAddr &local, const SockAddr &remote) const
{
    const SockAddr client = side == Side::Client ? local : remote;
    const SockAddr server = side == Side::Client ? remote : local;
    const auto it = m_connections.constFind(key(client, server));
    return it == m_connections.cend() ? nullptr : &it.value();
}

void SegmentInferrer::stateRecorded(
    Side side, const SockAddr &local, const SockAddr &remote, TcpState from, TcpState to)
{
    Q_UNUSED(from);
    if (!local.isValid() || !remote.isValid() || side == Side::Both)
        return;
    if (to == TcpState::Established)
        ensureHandshake(connection(side, local, remote), -1);
}

int SegmentInferrer::streamOf(Side side, const SockAddr &local, const SockAddr &remote) const
{
    const Connection *c = find(side, local, remote);
    return c ? c->stream : -1;
}

SegmentInferrer::Handshake SegmentInferrer::handshakeOf(
    Side side, const SockAddr &local, const SockAddr &remote) const
{
    const Connection *c = find(side, local, remote);
    return c ? c->hs : Handshake {};
}

qint64 SegmentInferrer::stamp(qint64 notBeforeUs, int index, int count) const
{
    const qint64 now = m_timeline->nowUs();
    const qint64 a = notBeforeUs < 0 ? now : qMin(notBeforeUs, now);
    return a + (now - a) * (index + 1) / (count + 1);
}

qint64 SegmentInferrer::emitSegment(
    Connection &c, int from, QStringList flags, qint64 len, qint64 tUs)
{
    Direction &d = c.dir[from];
    Direction &o = c.dir[1 - from];
    const bool syn = flags.contains(QLatin1String("SYN"));
    const bool fin = flags.contains(QLatin1String("FIN"));
    const bool hasAck = flags.contains(QLatin1String("ACK"));

    LabEvent e;
    e.tUs = tUs;
    e.kind = EventKind::Segment;
    e.source = EventSource::Inferred;
    e.side = from == 0 ? Side::Client : Side::Server;
    e.src = (from == 0 ? c.client : c.server).toString();
    e.dst = (from == 0 ? c.server : c.client).toString();
    e.flags = flags;
    e.seq = d.sndNxt;
    // Sequence space: SYN and FIN each occupy one number (RFC 9293 §3.4).
    e.ack = hasAck && o.synSent ? o.sndNxt : -1;
    e.len = len;
    e.stream = c.stream;

    d.sndNxt += len + (syn ? 1 : 0) + (fin ? 1 : 0);
    d.dataSent += len;
    if (syn)
        d.synSent = true;
    if (fin)
        d.finSent = true;
    if (flags.contains(QLatin1String("RST")))
        d.rstSent = true;
    if (hasAck && o.finSent && e.ack >= o.sndNxt)
        o.finAcked = true;
    c.captured = c.captured || m_capturedPorts.contains(c.server.port);
    if (!c.captured)
        m_timeline->append(e);
    return e.tUs;
}

void SegmentInferrer::setCapturedPorts(const QList<quint16> &ports)
{
    if (ports != m_capturedPorts)
        flushHeld(); // a capture that ended brings no more causes
    m_capturedPorts = ports;
}

qint64 SegmentInferrer::recent(qint64 notBeforeUs) const
{
    // Evidence that appears only now (a notifier fired) happened just before:
    // keep the inferred segments close to it rather than spread over a long wait.
    return qMax(notBeforeUs, m_timeline->nowUs() - 40);
}

void SegmentInferrer::ensureSynAck(Connection &c, qint64 notBeforeUs)
{
    if (c.synAckDone)
        return;
    const qint64 a = c.connectStartUs >= 0 ? c.connectStartUs : recent(notBeforeUs);
    // RFC 9293 §3.5, figure 6: SYN, then SYN-ACK.
    if (!c.dir[0].synSent)
        c.hs.synUs = emitSegment(c, 0, { QStringLiteral("SYN") }, 0, stamp(a, 0, 3));
    c.hs.synAckUs
        = emitSegment(c, 1, { QStringLiteral("SYN"), QStringLiteral("ACK") }, 0, stamp(a, 1, 3));
    c.synAckDone = true;
}

void SegmentInferrer::ensureHandshake(Connection &c, qint64 notBeforeUs)
{
    if (c.handshakeDone)
        return;
    const qint64 a = c.connectStartUs >= 0 ? c.connectStartUs : recent(notBeforeUs);
    const bool synAckEarlier = c.synAckDone;
    ensureSynAck(c, notBeforeUs);
    // The client's ACK completes it; the server is ESTABLISHED when it arrives.
    // After a SYN-ACK inferred earlier (the client's ESTABLISHED stands between), it is now.
    c.hs.ackUs = emitSegment(
        c, 0, { QStringLiteral("ACK") }, 0, synAckEarlier ? m_timeline->nowUs() : stamp(a, 2, 3));
    c.handshakeDone = true;
}

void SegmentInferrer::ensureFin(Connection &c, int from)
{
    if (c.dir[from].finSent || c.dir[from].rstSent)
        return;
    // Linux always sets ACK on a FIN once the connection is synchronized.
    emitSegment(c, from, { QStringLiteral("FIN"), QStringLiteral("ACK") }, 0, m_timeline->nowUs());
}

void SegmentInferrer::ensureFinAcked(Connection &c, int from)
{
    ensureFin(c, from);
    if (c.dir[from].finAcked || c.dir[from].rstSent)
        return;
    emitSegment(c, 1 - from, { QStringLiteral("ACK") }, 0, m_timeline->nowUs());
}

void SegmentInferrer::connectStarted(const SockAddr &client, const SockAddr &server, qint64 tUs)
{
    if (!client.isValid() || !server.isValid())
        return;
    Connection &c = connection(Side::Client, client, server);
    if (c.connectStartUs < 0)
        c.connectStartUs = tUs;
}

void SegmentInferrer::synAckReceived(
    const SockAddr &client, const SockAddr &server, qint64 notBeforeUs)
{
    if (!client.isValid() || !server.isValid())
        return;
    ensureSynAck(connection(Side::Client, client, server), notBeforeUs);
}

SegmentInferrer::Handshake SegmentInferrer::handshake(
    const SockAddr &client, const SockAddr &server, qint64 notBeforeUs)
{
    if (!client.isValid() || !server.isValid())
        return {};
    if (!connection(Side::Client, client, server).synAckDone)
        emit clientReadingWanted(client, server); // may infer SYN, SYN-ACK and ACK itself
    Connection &c = connection(Side::Client, client, server);
    ensureHandshake(c, notBeforeUs);
    return c.hs;
}

void SegmentInferrer::refused(const SockAddr &client, const SockAddr &server, qint64 notBeforeUs)
{
    if (!client.isValid() || !server.isValid())
        return;
    Connection &c = connection(Side::Client, client, server);
    if (c.dir[1].rstSent || c.handshakeDone)
        return;
    const qint64 a = c.connectStartUs >= 0 ? c.connectStartUs : notBeforeUs;
    if (!c.dir[0].synSent)
        emitSegment(c, 0, { QStringLiteral("SYN") }, 0, stamp(a, 0, 2));
    // A closed port answers SYN with <SEQ=0><ACK=SEG.SEQ+1><CTL=RST,ACK> (RFC 9293 §3.10.7.1).
    emitSegment(c, 1, { QStringLiteral("RST"), QStringLiteral("ACK") }, 0, stamp(a, 1, 2));
}

qint64 SegmentInferrer::emitData(Connection &c, int from, qint64 upTo, qint64 mss, qint64 fromUs)
{
    Direction &d = c.dir[from];
    const qint64 start = d.dataSent;
    // The cuts: multiples of mss in the stream; none without an mss.
    auto cut = [mss, upTo](qint64 at) { return mss > 0 ? qMin(upTo, (at / mss + 1) * mss) : upTo; };
    int count = 1; // the segments and one ACK
    for (qint64 at = start; at < upTo; at = cut(at))
        ++count;
    int index = 0;
    for (qint64 at = start; at < upTo; ++index) {
        const qint64 next = cut(at);
        emitSegment(c, from, { QStringLiteral("PSH"), QStringLiteral("ACK") }, next - at,
            stamp(fromUs, index, count));
        at = next;
    }
    return stamp(fromUs, index, count); // the ACK's time, after the segments
}

void SegmentInferrer::dataSent(Side side, const SockAddr &local, const SockAddr &remote,
    qint64 bytes, qint64 notBeforeUs, qint64 mss)
{
    if (!local.isValid() || !remote.isValid() || bytes <= 0)
        return;
    Connection &c = connection(side, local, remote);
    ensureHandshake(c, notBeforeUs);
    const int from = side == Side::Client ? 0 : 1;
    Direction &d = c.dir[from];
    d.handed += bytes;
    const qint64 missing = d.handed - d.dataSent;
    if (missing <= 0)
        return; // the peer's recv already revealed these bytes
    const qint64 ackUs = emitData(c, from, d.handed, mss, notBeforeUs);
    // A peer that already sent its FIN may have closed for good: then it answers
    // with RST, not ACK (RFC 9293 §3.10.7.1) — left to the states to reveal.
    if (!c.dir[1 - from].finSent)
        emitSegment(c, 1 - from, { QStringLiteral("ACK") }, 0, ackUs);
}

void SegmentInferrer::dataArrived(Side side, const SockAddr &local, const SockAddr &remote,
    qint64 totalBytes, qint64 notBeforeUs, qint64 mss)
{
    if (!local.isValid() || !remote.isValid() || totalBytes <= 0)
        return;
    Connection &c = connection(side, local, remote);
    ensureHandshake(c, notBeforeUs);
    const int to = side == Side::Client ? 0 : 1;
    Direction &peer = c.dir[1 - to];
    peer.arrived = qMax(peer.arrived, totalBytes);
    const qint64 missing = peer.arrived - peer.dataSent;
    if (missing <= 0)
        return; // the peer's send is already on the timeline
    const qint64 a = recent(notBeforeUs);
    const qint64 ackUs = emitData(c, 1 - to, peer.arrived, mss, a);
    emitSegment(c, to, { QStringLiteral("ACK") }, 0, ackUs);
}

void SegmentInferrer::finSent(Side side, const SockAddr &local, const SockAddr &remote)
{
    if (!local.isValid() || !remote.isValid())
        return;
    Connection &c = connection(side, local, remote);
    ensureHandshake(c, -1);
    ensureFin(c, side == Side::Client ? 0 : 1);
}

void SegmentInferrer::resetSent(Side side, const SockAddr &local, const SockAddr &remote)
{
    if (!local.isValid() || !remote.isValid())
        return;
    Connection &c = connection(side, local, remote);
    const int from = side == Side::Client ? 0 : 1;
    if (c.dir[from].rstSent)
        return;
    emitSegment(c, from, { QStringLiteral("RST"), QStringLiteral("ACK") }, 0, m_timeline->nowUs());
}

void SegmentInferrer::stateObserved(
    Side side, const SockAddr &local, const SockAddr &remote, TcpState from, TcpState to)
{
    if (!local.isValid() || !remote.isValid() || side == Side::Both)
        return;
    Connection &c = connection(side, local, remote);
    const int x = side == Side::Client ? 0 : 1;
    const int y = 1 - x;
    switch (to) {
    case TcpState::Established:
        // The client is ESTABLISHED on the SYN-ACK, before its ACK leaves;
        // the server only when that ACK arrives (§3.5).
        if (side == Side::Client && (from == TcpState::SynSent || from == TcpState::Unknown))
            ensureSynAck(c, -1);
        else
            ensureHandshake(c, -1);
        break;
    case TcpState::FinWait1: // we sent FIN (§3.6)
        ensureHandshake(c, -1);
        ensureFin(c, x);
        break;
    case TcpState::FinWait2: // our FIN was acknowledged
        ensureHandshake(c, -1);
        ensureFinAcked(c, x);
        c.dir[x].finWait2SinceUs = m_timeline->nowUs();
        break;
    case TcpState::CloseWait: // the peer's FIN arrived; our ACK may be delayed and ride on our FIN
        ensureHandshake(c, -1);
        ensureFin(c, y);
        break;
    case TcpState::Closing: // both FINs sent, ours not yet acknowledged
        ensureHandshake(c, -1);
        ensureFin(c, x);
        ensureFin(c, y);
        break;
    case TcpState::LastAck: // peer's FIN acknowledged, then ours sent
        ensureHandshake(c, -1);
        ensureFinAcked(c, y);
        ensureFin(c, x);
        break;
    case TcpState::TimeWait: // both FINs exchanged and acknowledged
        ensureHandshake(c, -1);
        ensureFin(c, x);
        ensureFin(c, y); // carries the ACK of our FIN when it was not yet acknowledged
        ensureFinAcked(c, x);
        ensureFinAcked(c, y);
        break;
    case TcpState::Closed:
        if (from == TcpState::LastAck) {
            ensureFinAcked(c, x); // the last ACK arrived (§3.6)
        } else if (from == TcpState::SynSent) {
            if (!c.handshakeDone)
                refused(c.client, c.server, -1);
        } else if (from == TcpState::TimeWait
            || (from == TcpState::FinWait2 && c.dir[x].finWait2SinceUs >= 0
                && m_timeline->nowUs() - c.dir[x].finWait2SinceUs
                    >= KernelState::finWait2TimeoutUs() - 1000000)) {
            // 2·MSL passed, or an orphaned FIN-WAIT-2 timed out
            // (tcp_fin_timeout): no segment either way. Sooner, it was a reset.
        } else if (!c.dir[x].rstSent && !c.dir[y].rstSent) {
            // Gone from ESTABLISHED, CLOSE-WAIT, SYN-RECEIVED, FIN-WAIT-1 or
            // CLOSING without the FIN exchange: the peer reset it (§3.10.7.4).
            // A peer that had closed for good answers our next segment from
            // CLOSED with a bare <SEQ=SEG.ACK><CTL=RST> (§3.10.7.1); an abort
            // (SO_LINGER 0, unread data) sends RST,ACK.
            ensureHandshake(c, -1);
            if (c.dir[y].finSent)
                emitSegment(c, y, { QStringLiteral("RST") }, 0, m_timeline->nowUs());
            else
                emitSegment(
                    c, y, { QStringLiteral("RST"), QStringLiteral("ACK") }, 0, m_timeline->nowUs());
        }
        break;
    default:
        break;
    }
}
