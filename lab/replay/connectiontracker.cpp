#include "connectiontracker.h"

#include "tcp/seqnum.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cstring>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace {

constexpr quint8 kFin = 0x01;
constexpr quint8 kSyn = 0x02;
constexpr quint8 kRst = 0x04;
constexpr quint8 kAck = 0x10;

using Endpoint = ConnectionTracker::Endpoint;
using Machine = ConnectionTracker::Machine;
using StepLog = ConnectionTracker::StepLog;

void record(StepLog *log, quint32 index, quint8 phase, int end, TcpState from, TcpState to)
{
    if (!log || log->count >= int(std::size(log->items)))
        return;
    log->items[log->count++] = { index, phase, quint8(end), from, to };
}

// Moves endpoint @p end of @p m to @p to, logged at segment @p index.
void go(Machine &m, int end, TcpState to, quint32 index, quint8 phase, StepLog *log,
    TcpState shownFrom = TcpState::Unknown)
{
    Endpoint &e = m.end[end];
    if (e.state == to)
        return;
    const TcpState from = shownFrom != TcpState::Unknown ? shownFrom : e.state;
    e.state = to;
    record(log, index, phase, end, from, to);
}

// What the sender's own segment says about it (RFC 9293 §3.3.2's "snd" arcs, and the
// evidence of a handshake the capture missed).
void applySend(
    Machine &m, int x, const ConnectionTracker::StepInput &s, quint32 index, StepLog *log)
{
    Endpoint &e = m.end[x];
    const quint32 seqLen = s.len + ((s.flags & kSyn) ? 1 : 0) + ((s.flags & kFin) ? 1 : 0);
    const quint32 end = s.seq + seqLen;
    if ((s.flags & kSyn) && !e.synSent) {
        e.synSent = true;
        e.iss = s.seq;
        e.sndNxt = end;
    } else if (e.synSent && Seq::gt(end, e.sndNxt)) {
        e.sndNxt = end;
    }
    if (s.flags & kRst) { // §3.10.7: a reset aborts the connection at its sender
        if (e.state != TcpState::Closed)
            e.resetItself = true;
        go(m, x, TcpState::Closed, index, 0, log);
        return;
    }
    const TcpState st = e.state;
    if ((s.flags & kSyn) && !(s.flags & kAck)) {
        if (st == TcpState::Unknown || st == TcpState::Closed || st == TcpState::Listen) {
            // connect(): CLOSED → SYN-SENT; a listener that opens actively: LISTEN → SYN-SENT
            const TcpState from = st == TcpState::Unknown
                ? (e.sawPeerSyn ? TcpState::Listen : TcpState::Closed)
                : st;
            go(m, x, TcpState::SynSent, index, 0, log, from);
        }
        return;
    }
    if (s.flags & kSyn) { // SYN-ACK
        if (!e.synAckSent) {
            e.synAckSent = true;
            e.synAckAck = s.ack;
        }
        if (st == TcpState::Unknown || st == TcpState::Closed || st == TcpState::Listen)
            go(m, x, TcpState::SynReceived, index, 0, log,
                TcpState::Listen); // rcv SYN, snd SYN,ACK
        else if (st == TcpState::SynSent)
            go(m, x, TcpState::SynReceived, index, 0, log); // simultaneous open
        return;
    }
    // A segment acknowledging something from an endpoint not yet synchronised: the
    // handshake's end was not captured, yet it happened. Its peer then sent a SYN-ACK.
    if ((s.flags & kAck)
        && (st == TcpState::Unknown || st == TcpState::Listen || st == TcpState::SynSent)) {
        go(m, x, TcpState::Established, index, 0, log);
        Endpoint &peer = m.end[1 - x];
        if (!m.self && (peer.state == TcpState::Unknown || peer.state == TcpState::Listen))
            peer.state = TcpState::SynReceived;
    }
    // SYN-RECEIVED acknowledging more than the peer's SYN: the peer's ACK of our SYN-ACK
    // arrived uncaptured, so it is ESTABLISHED.
    if ((s.flags & kAck) && st == TcpState::SynReceived && e.synAckSent
        && Seq::gt(s.ack, e.synAckAck))
        go(m, x, TcpState::Established, index, 0, log);
    // An endpoint that reset the connection yet goes on acknowledging was not torn down
    // (an injected or ignored reset): the capture shows it synchronised.
    if ((s.flags & kAck) && !(s.flags & kFin) && st == TcpState::Closed && e.resetItself
        && !e.finSent) {
        e.resetItself = false;
        go(m, x, TcpState::Established, index, 0, log);
    }
    if (s.flags & kFin) {
        const TcpState now = e.state;
        if (now == TcpState::Established || now == TcpState::SynReceived
            || now == TcpState::CloseWait) {
            e.finSent = true;
            e.finSeq = s.seq + s.len;
            go(m, x, now == TcpState::CloseWait ? TcpState::LastAck : TcpState::FinWait1, index, 0,
                log);
        }
    }
}

// The receiver's side of a segment (RFC 9293 §3.10.7), once it is known to have it.
void applyReceipt(Machine &m, int y, const Endpoint::Pending &p, quint32 at, StepLog *log)
{
    Endpoint &e = m.end[y];
    const quint8 f = p.flags;
    if (f & kRst) {
        switch (e.state) {
        case TcpState::SynSent:
            // §3.10.7.3: acceptable only when it acknowledges the SYN
            if ((f & kAck) && (!e.synSent || (Seq::gt(p.ack, e.iss) && Seq::le(p.ack, e.sndNxt))))
                go(m, y, TcpState::Closed, at, 2, log);
            break;
        case TcpState::Unknown:
            if (!e.sawPeerSyn) // a listener ignores a reset (§3.10.7.2)
                go(m, y, TcpState::Closed, at, 2, log);
            break;
        case TcpState::Listen:
        case TcpState::Closed:
            break;
        default:
            go(m, y, TcpState::Closed, at, 2, log);
            break;
        }
        return;
    }
    if ((f & kSyn) && !(f & kAck)) {
        if (e.state == TcpState::SynSent)
            go(m, y, TcpState::SynReceived, at, 2, log); // simultaneous open (§3.5)
        else if (e.state == TcpState::Unknown)
            e.sawPeerSyn = true; // a listener, seen only by its answer
        return;
    }
    if (f & kAck) {
        const bool acksSyn = !e.synSent || Seq::gt(p.ack, e.iss);
        if (e.state == TcpState::SynReceived && e.synSent && Seq::gt(p.ack, e.iss))
            go(m, y, TcpState::Established, at, 2, log);
        else if (e.state == TcpState::SynSent && (f & kSyn) && acksSyn)
            go(m, y, TcpState::Established, at, 2, log);
        if (e.finSent && Seq::gt(p.ack, e.finSeq)) { // our FIN is acknowledged
            // A FIN,ACK of our FIN goes straight to TIME-WAIT (§3.10.7.4, eighth step,
            // FIN-WAIT-1: "if our FIN has been ACKed (perhaps in this segment)"), as the
            // lab's model and the kernel show it; a bare ACK of it to FIN-WAIT-2.
            if (e.state == TcpState::FinWait1)
                go(m, y, (f & kFin) ? TcpState::TimeWait : TcpState::FinWait2, at, 2, log);
            else if (e.state == TcpState::Closing)
                go(m, y, TcpState::TimeWait, at, 2, log);
            else if (e.state == TcpState::LastAck)
                go(m, y, TcpState::Closed, at, 2, log);
        }
    }
    if (f & kFin) { // §3.10.7.4, eighth: after the acknowledgment
        switch (e.state) {
        case TcpState::SynReceived:
        case TcpState::Established:
            go(m, y, TcpState::CloseWait, at, 2, log);
            break;
        case TcpState::FinWait1:
            go(m, y, TcpState::Closing, at, 2, log); // crossing FINs (§3.6)
            break;
        case TcpState::FinWait2:
            go(m, y, TcpState::TimeWait, at, 2, log);
            break;
        default:
            break;
        }
    }
}

// Applies the oldest @p n receipts pending at endpoint @p y.
void flush(Machine &m, int y, int n, StepLog *log)
{
    Endpoint &e = m.end[y];
    for (int i = 0; i < n && e.pendingCount > 0; ++i) {
        const Endpoint::Pending p = e.pending[e.pendingHead];
        e.pendingHead = quint8((e.pendingHead + 1) % std::size(e.pending));
        --e.pendingCount;
        // Placed after the segment itself, or after the receiver's own later segment
        // when that one shows it was sent before this one arrived (crossing in flight).
        const quint32 at = e.lastSend >= 0 ? std::max(p.index, quint32(e.lastSend)) : p.index;
        applyReceipt(m, y, p, at, log);
    }
}

} // namespace

void ConnectionTracker::step(Machine &m, const StepInput &s, StepLog *log)
{
    const quint32 index = m.count++;
    const int x = s.from;
    const int y = m.self ? x : 1 - x;
    if (index == 0 && !m.self && !(s.flags & kSyn)) {
        // The capture began mid-connection: both ends were already synchronised.
        go(m, x, TcpState::Established, 0, 0, log);
        go(m, 1 - x, TcpState::Established, 0, 0, log);
    } else if (index == 0 && !m.self && (s.flags & kSyn) && (s.flags & kAck)) {
        m.end[y].state = TcpState::SynSent; // its SYN went uncaptured
    }
    if (m.self) {
        // One socket talking to itself (Linux treats it as a simultaneous open): it
        // sends and receives every segment at once; both "ends" are that socket.
        applySend(m, 0, s, index, log);
        const Endpoint::Pending p { s.seq + s.len + ((s.flags & kSyn) ? 1 : 0)
                + ((s.flags & kFin) ? 1 : 0),
            s.ack, index, s.flags };
        applyReceipt(m, 0, p, index, log);
        m.end[1] = m.end[0];
        return;
    }
    // 1. This segment's acknowledgment shows which of the peer's segments its sender had.
    Endpoint &ex = m.end[x];
    if ((s.flags & kAck) && ex.pendingCount > 0) {
        int covered = 0;
        for (int i = 0; i < ex.pendingCount; ++i) {
            const Endpoint::Pending &p = ex.pending[(ex.pendingHead + i) % std::size(ex.pending)];
            if (Seq::le(p.end, s.ack))
                covered = i + 1;
        }
        flush(m, x, covered, log);
    }
    // A RST answers what arrived before it (RFC 9293 §3.10.7.1: <SEQ=SEG.ACK>), with or
    // without an ACK that says so: its sender had every segment pending at it.
    if ((s.flags & kRst) && ex.pendingCount > 0)
        flush(m, x, ex.pendingCount, log);
    // 2. The sender's own transition.
    applySend(m, x, s, index, log);
    ex.lastSend = int(index);
    // 3. The receiver gets it when it shows so (or at the end).
    Endpoint &ey = m.end[y];
    if (ey.pendingCount == std::size(ey.pending))
        flush(m, y, 1, log);
    const quint32 seqLen = s.len + ((s.flags & kSyn) ? 1 : 0) + ((s.flags & kFin) ? 1 : 0);
    ey.pending[(ey.pendingHead + ey.pendingCount) % std::size(ey.pending)]
        = { s.seq + seqLen, s.ack, index, s.flags };
    ++ey.pendingCount;
}

void ConnectionTracker::finish(Machine &m, StepLog *log)
{
    for (int end = 0; end < 2; ++end)
        flush(m, end, m.end[end].pendingCount, log);
}

bool ConnectionTracker::FlowKey::operator==(const FlowKey &o) const
{
    return std::memcmp(this, &o, sizeof(FlowKey)) == 0;
}

quint32 ConnectionTracker::FlowKey::hash() const
{
    static_assert(sizeof(FlowKey) == 40);
    quint64 w[5];
    std::memcpy(w, this, sizeof w);
    quint64 x = 0x9E3779B97F4A7C15ull;
    for (const quint64 v : w) { // multiply-xorshift (as splitmix64's finaliser)
        x = (x ^ v) * 0xBF58476D1CE4E5B9ull;
        x ^= x >> 31;
    }
    return quint32(x ^ (x >> 32));
}

ConnectionTracker::IndexSlot &ConnectionTracker::slotOf(const FlowKey &key, quint32 hash)
{
    const size_t mask = m_index.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        IndexSlot &s = m_index[i];
        if (s.conn == kNone || (s.hash == hash && m_conns[s.conn].key == key))
            return s;
    }
}

void ConnectionTracker::growIndex(size_t atLeast)
{
    size_t size = 1024;
    while (size < atLeast)
        size *= 2;
    if (size <= m_index.size())
        return;
    std::vector<IndexSlot> old(size, IndexSlot { 0, kNone });
    old.swap(m_index);
    const size_t mask = m_index.size() - 1;
    for (const IndexSlot &s : old) {
        if (s.conn == kNone)
            continue;
        size_t i = s.hash & mask;
        while (m_index[i].conn != kNone)
            i = (i + 1) & mask;
        m_index[i] = s;
    }
}

ConnectionTracker::ConnectionTracker() = default;
ConnectionTracker::~ConnectionTracker() = default;

int ConnectionTracker::add(const PacketHeaders &p, qint64 tUs, qint64 frame)
{
    // The key: both ends, the lower (address, port) first, so both directions meet.
    FlowKey key;
    std::memset(&key, 0, sizeof key);
    key.family = p.ipVersion;
    int order = std::memcmp(p.src, p.dst, 16);
    if (order == 0)
        order = int(p.srcPort) - int(p.dstPort);
    const int from = order > 0 ? 1 : 0;
    std::memcpy(key.a, from == 0 ? p.src : p.dst, 16);
    std::memcpy(key.b, from == 0 ? p.dst : p.src, 16);
    key.portA = from == 0 ? p.srcPort : p.dstPort;
    key.portB = from == 0 ? p.dstPort : p.srcPort;

    // Wireshark's rule (packet-tcp.c): a SYN without ACK whose number differs from the
    // first number seen in its direction starts a new stream on the same pair.
    if (2 * (size_t(m_indexUsed) + 1) > m_index.size())
        growIndex(2 * m_index.size());
    const quint32 hash = key.hash();
    IndexSlot &slot = slotOf(key, hash);
    quint32 ci;
    if (slot.conn == kNone
        || ((p.flags & (kSyn | kAck)) == kSyn && m_conns[slot.conn].dir[from].baseKnown
            && m_conns[slot.conn].dir[from].base != p.seq)) {
        ci = quint32(m_conns.size());
        m_conns.emplace_back();
        m_conns.back().key = key;
        m_conns.back().machine.self = order == 0;
        if (slot.conn == kNone)
            ++m_indexUsed;
        slot = { hash, ci };
    } else {
        ci = slot.conn;
    }
    Conn &c = m_conns[ci];
    Direction &mine = c.dir[from];
    Direction &peer = c.dir[1 - from];

    // Wireshark's base numbers: set by the first segment whose header fits (not by a
    // "short segment"); a direction never seen gets the peer's acknowledgment − 1.
    if (p.headerState != PacketHeaders::HeaderShort) {
        if (!mine.baseKnown) {
            mine.base = (p.flags & kSyn) ? p.seq : p.seq - 1;
            mine.baseKnown = true;
        } else if ((p.flags & kSyn) && !mine.synSeen) {
            // A direction's first SYN sets its base even after other segments of it (an
            // injected RST before the SYN,ACK), as Wireshark numbers them.
            mine.base = p.seq;
        }
        if (!peer.baseKnown && (p.flags & kAck)) {
            peer.base = p.ack - 1;
            peer.baseKnown = true;
        }
    }

    // INDEX.md's facts, from the flags tshark shows (none for a bogus header length).
    const quint8 flags = p.headerState == PacketHeaders::HeaderBogus ? 0 : p.flags;
    if (c.firstSender < 0)
        c.firstSender = qint8(from);
    if ((flags & kSyn) && !mine.synSeen) {
        mine.synSeen = true;
        mine.synSeq = p.seq;
        mine.windowShift = p.options.windowScale;
        if (peer.ackSeen
            && (Seq::gt(peer.firstAck, mine.synSeq) || Seq::gt(peer.lastAck, mine.synSeq)))
            mine.synAcked = true;
    }
    if ((flags & (kSyn | kAck)) == kSyn && c.clientRule > 1) {
        c.clientEnd = qint8(from);
        c.clientRule = 1;
    } else if ((flags & (kSyn | kAck)) == (kSyn | kAck) && c.clientRule > 2) {
        c.clientEnd = qint8(1 - from);
        c.clientRule = 2;
    }
    if (flags & kAck) {
        if (!mine.ackSeen)
            mine.firstAck = p.ack;
        mine.ackSeen = true;
        mine.lastAck = p.ack;
        // (a socket connected to itself acknowledges its own SYN)
        Direction &acked = c.machine.self ? mine : peer;
        if (acked.synSeen && Seq::gt(p.ack, acked.synSeq))
            acked.synAcked = true;
    }
    if (flags & kFin)
        mine.finSeen = true;
    if (flags & kRst)
        c.rst = true;

    // The compact record, chained to its stream.
    const quint32 si = quint32(m_segments.size());
    Segment seg;
    seg.tUs = tUs;
    seg.seq = p.seq;
    seg.ack = p.ack;
    seg.len = p.headerState == PacketHeaders::HeaderShort ? 0 : p.payloadLength;
    seg.next = kNone;
    seg.frame = quint32(frame);
    seg.extra = kNone;
    seg.window = p.window;
    seg.tsVal = p.tsVal;
    seg.tsEcr = p.tsEcr;
    seg.flags = flags;
    seg.bits = quint8((from ? FromB : 0) | (p.options.timestamps ? HasTimestamps : 0));
    if (p.options.mss >= 0 || p.options.windowScale >= 0 || p.options.sackPermitted
        || p.sackCount > 0 || p.fastOpen >= 0) {
        Extra x;
        x.options = p.options;
        std::memcpy(x.sackLeft, p.sackLeft, sizeof x.sackLeft);
        std::memcpy(x.sackRight, p.sackRight, sizeof x.sackRight);
        x.sackCount = p.sackCount;
        x.fastOpen = p.fastOpen;
        x.fastOpenExperimental = p.fastOpenExperimental;
        std::memcpy(x.fastOpenCookie, p.fastOpenCookie, sizeof x.fastOpenCookie);
        seg.extra = quint32(m_extras.size());
        seg.bits |= HasExtra;
        m_extras.push_back(x);
    }
    m_segments.push_back(seg);
    if (c.last != kNone)
        m_segments[c.last].next = si;
    else
        c.first = si;
    c.last = si;
    ++c.segments;

    step(c.machine, { p.seq, p.ack, seg.len, flags, quint8(from) }, nullptr);
    return int(ci);
}

int ConnectionTracker::clientOf(const Conn &c) const
{
    return c.clientEnd >= 0 ? c.clientEnd : qMax<int>(0, c.firstSender);
}

QString ConnectionTracker::endpointText(const FlowKey &k, int end) const
{
    // "a.b.c.d:port", or "[v6]:port" with inet_ntop(3)'s RFC 5952 form, as Wireshark
    // and QHostAddress write it. Digits by hand: snprintf() was a third of the time
    // connections() takes for 66,700 streams.
    const quint8 *addr = end == 0 ? k.a : k.b;
    const quint16 port = end == 0 ? k.portA : k.portB;
    char text[INET6_ADDRSTRLEN + 16];
    char *p = text;
    auto number = [&p](unsigned v) {
        char digits[5];
        int m = 0;
        do {
            digits[m++] = char('0' + v % 10);
            v /= 10;
        } while (v);
        while (m)
            *p++ = digits[--m];
    };
    if (k.family == 4) {
        for (int i = 0; i < 4; ++i) {
            number(addr[i]);
            *p++ = i < 3 ? '.' : ':';
        }
    } else {
        *p++ = '[';
        if (!inet_ntop(AF_INET6, addr, p, INET6_ADDRSTRLEN))
            return {};
        p += std::strlen(p);
        *p++ = ']';
        *p++ = ':';
    }
    number(port);
    return QString::fromLatin1(text, p - text);
}

ReplayConnection ConnectionTracker::connection(int stream) const
{
    ReplayConnection r;
    if (stream < 0 || stream >= streamCount())
        return r;
    const Conn &c = m_conns[size_t(stream)];
    const int client = clientOf(c);
    r.stream = stream;
    r.client = endpointText(c.key, client);
    r.server = endpointText(c.key, 1 - client);
    // A socket connected to itself has one direction only: it is both of them.
    const Direction &d0 = c.dir[0];
    const Direction &d1 = c.machine.self ? c.dir[0] : c.dir[1];
    const bool anySyn = d0.synSeen || d1.synSeen;
    const bool complete = d0.synSeen && d1.synSeen && d0.synAcked && d1.synAcked;
    r.handshake = complete ? QStringLiteral("complete")
        : anySyn           ? QStringLiteral("partial")
                           : QStringLiteral("none");
    r.fins = (d0.finSeen ? 1 : 0) + (c.machine.self ? 0 : (d1.finSeen ? 1 : 0));
    r.close = c.rst  ? QStringLiteral("rst")
        : r.fins > 0 ? QStringLiteral("fin")
                     : QStringLiteral("none");
    r.segments = c.segments;
    Machine m = c.machine;
    finish(m, nullptr);
    // An end that only ever received SYNs was listening (or not there at all).
    auto final = [](const Endpoint &e) {
        return e.state == TcpState::Unknown && e.sawPeerSyn ? TcpState::Listen : e.state;
    };
    r.clientState = final(m.end[client]);
    r.serverState = final(m.end[1 - client]);
    if (c.first != kNone) {
        r.firstUs = m_segments[c.first].tUs;
        r.lastUs = m_segments[c.last].tUs;
    }
    return r;
}

QVector<ReplayConnection> ConnectionTracker::connections() const
{
    QVector<ReplayConnection> out;
    out.reserve(streamCount());
    for (int i = 0; i < streamCount(); ++i)
        out << connection(i);
    return out;
}

LabEvent ConnectionTracker::connectionEvent(int stream) const
{
    const ReplayConnection r = connection(stream);
    LabEvent e;
    e.kind = EventKind::Connection;
    e.source = EventSource::File;
    e.side = Side::Both;
    e.tUs = r.firstUs;
    e.stream = r.stream;
    e.src = r.client;
    e.dst = r.server;
    e.handshake = r.handshake;
    e.close = r.close;
    e.fins = r.fins;
    e.segments = r.segments;
    e.clientState = r.clientState;
    e.serverState = r.serverState;
    return e;
}

namespace {

QStringList flagNames(quint8 flags)
{
    static const char *const kNames[] = { "FIN", "SYN", "RST", "PSH", "ACK", "URG", "ECE", "CWR" };
    QStringList out;
    for (int bit = 0; bit < 8; ++bit) {
        if (flags & (1 << bit))
            out << QString::fromLatin1(kNames[bit]);
    }
    return out;
}

} // namespace

QVector<LabEvent> ConnectionTracker::events(int stream) const
{
    // "TS=tsval/tsecr", as a capture keeps it (RFC 7323 §3).
    auto timestamps = [](const Segment &seg) {
        return QStringLiteral("TS=%1/%2").arg(seg.tsVal).arg(seg.tsEcr);
    };
    QVector<LabEvent> out;
    if (stream < 0 || stream >= streamCount())
        return out;
    const Conn &c = m_conns[size_t(stream)];
    const int client = clientOf(c);
    const QString ends[2] = { endpointText(c.key, 0), endpointText(c.key, 1) };
    auto sideOf = [client](int end) { return end == client ? Side::Client : Side::Server; };
    const bool scaling = c.dir[0].windowShift >= 0 && c.dir[1].windowShift >= 0;

    // Replay the stream through a fresh machine, keeping where each change belongs.
    struct Placed
    {
        quint64 order; ///< segment index × 4 + phase (0 before, 1 the segment, 2 after)
        int slot; ///< index into `out`
    };
    std::vector<Placed> placed;
    std::vector<qint64> times; ///< per segment index
    placed.reserve(size_t(c.segments) * 2);
    times.reserve(size_t(c.segments));
    Machine m;
    m.self = c.machine.self;
    StepLog log;
    auto addTransitions = [&] {
        for (int i = 0; i < log.count; ++i) {
            const Transition &t = log.items[i];
            LabEvent e;
            e.kind = EventKind::State;
            e.source = EventSource::File;
            e.stream = stream;
            e.from = t.from;
            e.to = t.to;
            e.tUs = t.index < times.size() ? times[t.index] : 0;
            if (m.self) {
                // one socket, both ends: say it once for each side
                for (const Side s : { Side::Client, Side::Server }) {
                    e.side = s;
                    placed.push_back({ quint64(t.index) * 4 + t.phase, int(out.size()) });
                    out << e;
                }
                continue;
            }
            e.side = sideOf(t.end);
            placed.push_back({ quint64(t.index) * 4 + t.phase, int(out.size()) });
            out << e;
        }
        log.count = 0;
    };
    quint32 index = 0;
    for (quint32 si = c.first; si != kNone; si = m_segments[si].next, ++index) {
        const Segment &s = m_segments[si];
        const int from = (s.bits & FromB) ? 1 : 0;
        const Direction &mine = c.dir[from];
        const Direction &peer = c.dir[1 - from];
        times.push_back(s.tUs);
        step(m, { s.seq, s.ack, s.len, s.flags, quint8(from) }, &log);
        addTransitions();

        LabEvent e;
        e.kind = EventKind::Segment;
        e.source = EventSource::File;
        e.tUs = s.tUs;
        e.side = m.self ? Side::Client : sideOf(from);
        e.src = ends[from];
        e.dst = ends[m.self ? from : 1 - from];
        e.flags = flagNames(s.flags);
        e.seqRaw = s.seq;
        e.seq = quint32(s.seq - mine.base);
        if (s.flags & kAck) {
            e.ackRaw = s.ack;
            e.ack = quint32(s.ack - peer.base);
        }
        e.len = s.len;
        // RFC 7323 §2.2-2.3: scaled by the sender's shift once both SYNs carried one;
        // never on a SYN. Without the handshake the shift is unknown: the raw field.
        const int shift = scaling && !(s.flags & kSyn) ? mine.windowShift : 0;
        e.win = qint64(s.window) << qMin(shift, 14);
        if (s.bits & HasExtra) {
            const Extra &x = m_extras[s.extra];
            TcpOptions o = x.options;
            o.timestamps = (s.bits & HasTimestamps) != 0;
            e.options = o.toStrings();
            if (o.timestamps)
                e.options.replace(e.options.indexOf(QLatin1String("TS")), timestamps(s));
            for (int b = 0; b < x.sackCount; ++b)
                e.options << QStringLiteral("SACK=%1-%2")
                                 .arg(quint32(x.sackLeft[b] - peer.base))
                                 .arg(quint32(x.sackRight[b] - peer.base));
            if (x.fastOpen >= 0) {
                const QString name
                    = x.fastOpenExperimental ? QStringLiteral("TFO-EXP") : QStringLiteral("TFO");
                e.options << (x.fastOpen == 0 ? name
                                              : name + QLatin1Char('=')
                            + QString::fromLatin1(QByteArray(
                                reinterpret_cast<const char *>(x.fastOpenCookie), x.fastOpen)
                                                      .toHex()));
            }
        } else if (s.bits & HasTimestamps) {
            e.options << timestamps(s);
        }
        e.stream = stream;
        e.frame = s.frame;
        placed.push_back({ quint64(index) * 4 + 1, int(out.size()) });
        out << e;
    }
    finish(m, &log);
    addTransitions();

    std::stable_sort(placed.begin(), placed.end(),
        [](const Placed &a, const Placed &b) { return a.order < b.order; });
    QVector<LabEvent> sorted;
    sorted.reserve(out.size());
    for (const Placed &p : placed)
        sorted << std::move(out[p.slot]);
    return sorted;
}

namespace {

// Transparent huge pages under a large buffer (Linux, THP in its default "madvise"
// mode): first touches fault 2 MiB at a time, not 4 KiB (on a capture of 1 M
// segments, 17,000 fewer page faults: a sixth of read()'s CPU time).
void adviseHugePages(const void *data, size_t bytes)
{
#ifdef __linux__
    constexpr uintptr_t kHuge = uintptr_t(2) << 20;
    const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
    const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(kHuge - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
#endif
}

} // namespace

void ConnectionTracker::reserve(qint64 segments)
{
    // Typical captures: a dozen or more segments per connection, SYN options on two of them.
    m_segments.reserve(size_t(segments));
    m_conns.reserve(size_t(segments / 8));
    m_extras.reserve(size_t(segments / 4));
    growIndex(size_t(qMin<qint64>(segments / 16, 1 << 19)) * 2); // at most 8 MiB up front
    adviseHugePages(m_segments.data(), m_segments.capacity() * sizeof(Segment));
    adviseHugePages(m_conns.data(), m_conns.capacity() * sizeof(Conn));
    adviseHugePages(m_extras.data(), m_extras.capacity() * sizeof(Extra));
}

void ConnectionTracker::clear()
{
    m_segments.clear();
    m_extras.clear();
    m_conns.clear();
    m_index.clear();
    m_indexUsed = 0;
}
