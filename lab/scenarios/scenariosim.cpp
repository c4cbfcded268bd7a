#include "scenariosim.h"

#include "scenario.h"
#include "timeline/timeline.h"

namespace ScenarioSim {

namespace {

    // Generic captions, one per arc of the diagram, said of the endpoint that moved.
    // %1 is "the client" / "the server".
    struct ArcCaption
    {
        TcpState from;
        TcpState to;
        const char *event;
        const char *text;
    };

    const ArcCaption kArcCaptions[] = {
        { TcpState::Closed, TcpState::Listen, "passive OPEN",
            QT_TRANSLATE_NOOP("Caption",
                "%1 calls listen(): its socket is LISTEN, waiting for a SYN. The handshake itself "
                "will "
                "be done by the kernel.") },
        { TcpState::Closed, TcpState::SynSent, "active OPEN",
            QT_TRANSLATE_NOOP("Caption",
                "%1 connects: the kernel sends a SYN carrying its initial sequence number (ISS) "
                "and "
                "the MSS option. It is now SYN-SENT.") },
        { TcpState::Listen, TcpState::SynReceived, "rcv SYN",
            QT_TRANSLATE_NOOP("Caption",
                "%1 receives the SYN, records the peer's ISN (IRS) and answers with its own SYN "
                "plus "
                "an ACK of the peer's SYN: SYN-RECEIVED.") },
        { TcpState::SynSent, TcpState::Established, "rcv SYN,ACK",
            QT_TRANSLATE_NOOP("Caption",
                "%1 receives the SYN-ACK: its SYN is acknowledged, so it is ESTABLISHED at once "
                "and "
                "sends the final ACK. connect() returns.") },
        { TcpState::SynReceived, TcpState::Established, "rcv ACK of SYN",
            QT_TRANSLATE_NOOP("Caption",
                "%1 receives the ACK of its SYN: ESTABLISHED. The connection waits in the accept "
                "queue "
                "until accept() takes it.") },
        { TcpState::SynSent, TcpState::SynReceived, "rcv SYN",
            QT_TRANSLATE_NOOP("Caption",
                "%1 was waiting for a SYN-ACK but receives a bare SYN: the SYNs crossed. It "
                "answers "
                "SYN,ACK and goes to SYN-RECEIVED.") },
        { TcpState::Established, TcpState::FinWait1, "CLOSE",
            QT_TRANSLATE_NOOP("Caption",
                "%1 closes its side: a FIN goes out (with ACK, as Linux always sets it). "
                "FIN-WAIT-1: "
                "waiting for that FIN to be acknowledged.") },
        { TcpState::SynReceived, TcpState::FinWait1, "CLOSE",
            QT_TRANSLATE_NOOP("Caption",
                "%1 closes before the handshake ended: a FIN follows its SYN. FIN-WAIT-1.") },
        { TcpState::Established, TcpState::CloseWait, "rcv FIN",
            QT_TRANSLATE_NOOP("Caption",
                "%1 receives the peer's FIN: CLOSE-WAIT. Once the data before it is read, recv() "
                "returns b\"\" (end of stream); it may still send.") },
        { TcpState::FinWait1, TcpState::FinWait2, "rcv ACK of FIN",
            QT_TRANSLATE_NOOP("Caption",
                "%1's FIN is acknowledged: FIN-WAIT-2, waiting for the peer to close its side.") },
        { TcpState::FinWait1, TcpState::Closing, "rcv FIN",
            QT_TRANSLATE_NOOP("Caption",
                "%1 receives a FIN while its own FIN is not yet acknowledged: both closed at once. "
                "CLOSING.") },
        { TcpState::FinWait1, TcpState::TimeWait, "rcv FIN,ACK of FIN",
            QT_TRANSLATE_NOOP("Caption",
                "%1 receives a FIN that also acknowledges its own FIN: straight to TIME-WAIT, "
                "sending "
                "the last ACK.") },
        { TcpState::FinWait2, TcpState::TimeWait, "rcv FIN",
            QT_TRANSLATE_NOOP("Caption",
                "%1 receives the peer's FIN and sends the last ACK: TIME-WAIT, in case that ACK is "
                "lost. Linux waits a fixed 60 s (RFC 9293: 2·MSL).") },
        { TcpState::Closing, TcpState::TimeWait, "rcv ACK of FIN",
            QT_TRANSLATE_NOOP("Caption", "%1's FIN is acknowledged: TIME-WAIT.") },
        { TcpState::CloseWait, TcpState::LastAck, "CLOSE",
            QT_TRANSLATE_NOOP("Caption",
                "%1 calls close() in CLOSE-WAIT: its FIN goes out. LAST-ACK: waiting for the "
                "acknowledgment.") },
        { TcpState::LastAck, TcpState::Closed, "rcv ACK of FIN",
            QT_TRANSLATE_NOOP("Caption",
                "%1's FIN is acknowledged: the connection is CLOSED on this side, with no "
                "waiting.") },
        { TcpState::TimeWait, TcpState::Closed, "Timeout=2MSL",
            QT_TRANSLATE_NOOP("Caption",
                "TIME-WAIT is over: %1 is CLOSED. Until now no new connection could use this same "
                "address pair (both addresses and ports).") },
        { TcpState::SynSent, TcpState::Closed, "rcv RST,ACK",
            QT_TRANSLATE_NOOP("Caption",
                "%1 receives RST,ACK for its SYN: nobody listens there. CLOSED; connect() fails "
                "with "
                "ECONNREFUSED (111 on Linux), connect_ex returns 111.") },
        { TcpState::SynSent, TcpState::Closed, "Timeout",
            QT_TRANSLATE_NOOP("Caption",
                "%1 gives up after its last retransmission: CLOSED; connect() fails with ETIMEDOUT "
                "(110).") },
    };

} // namespace

QString who(Side side)
{
    return side == Side::Client ? QStringLiteral("client") : QStringLiteral("server");
}

Endpoint *Sim::add(
    Side side, const QString &socket, const QString &program, const SockAddr &addr, quint32 iss)
{
    auto e = std::make_unique<Endpoint>();
    e->side = side;
    e->socket = socket;
    e->program = program;
    e->addr = addr;
    TcpConnection::Config c;
    c.iss = iss;
    c.synLinearTimeouts = m_linearTimeouts;
    c.mss = 65495; // loopback: MTU 65536 less the IP and TCP headers, as Linux announces
    c.maxRetries = m_synRetries;
    e->tcp = std::make_unique<TcpConnection>(c);
    m_endpoints.push_back(std::move(e));
    return m_endpoints.back().get();
}

void Sim::setSynSchedule(int retries, int linearTimeouts)
{
    m_synRetries = retries;
    m_linearTimeouts = linearTimeouts;
}

void Sim::runUntil(qint64 until)
{
    while (!m_queue.empty() && m_queue.begin()->first.first <= until) {
        auto it = m_queue.begin();
        now = qMax(now, it->first.first);
        auto f = std::move(it->second);
        m_queue.erase(it);
        f();
    }
    now = qMax(now, until);
}

void Sim::runAll()
{
    while (!m_queue.empty())
        runUntil(m_queue.begin()->first.first);
    now = m_lastEventUs; // expired timers that did nothing do not move the story on
}

void Sim::at(qint64 t, std::function<void()> f)
{
    m_queue.emplace(std::make_pair(t, m_seq++), std::move(f));
}

void Sim::call(
    Endpoint *e, const QString &name, const QStringList &args, const QVariant &result, int err)
{
    LabEvent ev = callEvent(e, name, args, CallPhase::Return);
    ev.result = result;
    if (err) {
        ev.errorDomain = ErrorDomain::Errno;
        ev.errnum = err;
    }
    append(ev);
}

void Sim::start(Endpoint *e, const QString &name, const QStringList &args)
{
    append(callEvent(e, name, args, CallPhase::Start));
    e->pendingCall = name;
    m_pendingArgs[e] = args;
}

void Sim::finish(Endpoint *e, const QVariant &result, int err, const QString &name)
{
    const QString call = name.isEmpty() ? e->pendingCall : name;
    if (call.isEmpty())
        return;
    LabEvent ev = callEvent(e, call, m_pendingArgs.value(e), CallPhase::Return);
    ev.result = result;
    if (err) {
        ev.errorDomain = ErrorDomain::Errno;
        ev.errnum = err;
    }
    append(ev);
    if (call == e->pendingCall)
        e->pendingCall.clear();
}

void Sim::data(Endpoint *e, const QByteArray &bytes)
{
    LabEvent ev;
    ev.tUs = now;
    ev.side = e->side;
    ev.kind = EventKind::Data;
    ev.source = EventSource::Model;
    ev.socket = e->socket;
    ev.bytes = bytes;
    ev.encoding = QStringLiteral("utf-8");
    append(ev);
}

void Sim::caption(const char *key, const QStringList &args)
{
    if (m_pending && m_pending->tUs == now && m_pending->noteKey.isEmpty()
        && m_pending->kind != EventKind::Note) {
        m_pending->noteKey = QString::fromUtf8(key);
        m_pending->noteArgs = args;
        return;
    }
    LabEvent ev;
    ev.tUs = now;
    ev.kind = EventKind::Note;
    ev.source = EventSource::Model;
    ev.noteKey = QString::fromUtf8(key);
    ev.noteArgs = args;
    append(ev);
}

void Sim::flush()
{
    if (m_pending)
        m_timeline->append(*m_pending);
    m_pending.reset();
}

void Sim::datagram(Endpoint *from, Endpoint *to, const QByteArray &bytes)
{
    LabEvent ev;
    ev.tUs = now;
    ev.side = from->side;
    ev.kind = EventKind::Datagram;
    ev.source = EventSource::Model;
    ev.src = from->addr.toString();
    ev.dst = to->addr.toString();
    ev.len = bytes.size();
    ev.bytes = bytes;
    ev.encoding = QStringLiteral("utf-8");
    append(ev);
}

void Sim::openPassive(Endpoint *listener, int backlog)
{
    listener->backlog = backlog;
    apply(listener, listener->tcp->open(false));
}

void Sim::openActive(Endpoint *e, Endpoint *server)
{
    e->peer = server->addr;
    e->stream = m_nextStream++;
    apply(e, e->tcp->open(true));
}

void Sim::send(Endpoint *e, const QByteArray &bytes)
{
    apply(e, e->tcp->send(quint32(bytes.size())), bytes);
}

void Sim::apply(Endpoint *e, const TcpConnection::Result &r, const QByteArray &payload)
{
    if (r.transition)
        stateEvent(e, *r.transition);
    for (const TcpSegment &s : r.sent) {
        if (e == delayPureAcksOf && s.flags == TcpAck && s.len == 0) {
            caption(QT_TRANSLATE_NOOP("Caption",
                        "%1 does not acknowledge at once: a delayed ACK waits (40 ms or more "
                        "on Linux) for something to ride on."),
                { who(e->side) });
            continue;
        }
        transmit(e, s, payload);
    }
    if (r.cancelRetransmit)
        ++e->retransmitGeneration;
    if (r.retransmitAfterUs >= 0) {
        if (e->lastGapUs < 0)
            e->lastGapUs = r.retransmitAfterUs;
        const quint64 g = ++e->retransmitGeneration;
        at(now + r.retransmitAfterUs, [this, e, g] {
            if (g != e->retransmitGeneration)
                return;
            const auto res = e->tcp->retransmissionTimeout();
            apply(e, res);
            if (res.sent.isEmpty())
                return;
            const qint64 next = res.retransmitAfterUs;
            if (next > 0 && next == e->lastGapUs)
                caption(QT_TRANSLATE_NOOP("Caption",
                            "No answer within the retransmission timeout: %1 sends the same SYN "
                            "again. The next wait stays %2 s (Linux's tcp_syn_linear_timeouts)."),
                    { who(e->side), QString::number(next / 1000000) });
            else
                caption(QT_TRANSLATE_NOOP("Caption",
                            "No answer within the retransmission timeout: %1 sends the same SYN "
                            "again and doubles its timeout to %2 s (RFC 6298 §5.5)."),
                    { who(e->side), QString::number(next / 1000000) });
            e->lastGapUs = next;
        });
    }
    if (r.timeWaitAfterUs >= 0) {
        const quint64 g = ++e->timeWaitGeneration;
        at(now + r.timeWaitAfterUs, [this, e, g] {
            if (g == e->timeWaitGeneration)
                apply(e, e->tcp->timeWaitTimeout());
        });
    }
    for (const auto n : r.notices)
        notice(e, n);
}

Endpoint *Sim::acceptFrom(Endpoint *listener)
{
    if (listener->pendingCall != QLatin1String("accept"))
        return nullptr;
    for (Endpoint *e : std::as_const(listener->acceptQueue)) {
        if (e->tcp->state() != TcpState::SynReceived) {
            listener->acceptQueue.removeOne(e);
            finish(listener, QStringLiteral("(4, ('%1', %2))").arg(e->peer.host).arg(e->peer.port));
            listener->accepted = e;
            return e;
        }
    }
    return nullptr;
}

Endpoint *Sim::listenerFor(const SockAddr &addr)
{
    for (auto &e : m_endpoints) {
        if (e->socket == QLatin1String("listener") && e->addr == addr
            && e->tcp->state() == TcpState::Listen)
            return e.get();
    }
    return nullptr;
}

LabEvent Sim::callEvent(
    Endpoint *e, const QString &name, const QStringList &args, CallPhase phase) const
{
    LabEvent ev;
    ev.tUs = now;
    ev.side = e->side;
    ev.kind = EventKind::Call;
    ev.source = EventSource::Model;
    ev.socket = e->socket;
    ev.call = name;
    ev.phase = phase;
    ev.args = args;
    ev.code = e->program + QLatin1Char(':') + name;
    return ev;
}

void Sim::append(LabEvent ev)
{
    ev.tUs = now;
    m_lastEventUs = now;
    flush();
    m_pending = ev;
}

void Sim::stateEvent(Endpoint *e, const TcpArc &arc)
{
    LabEvent ev;
    ev.tUs = now;
    ev.side = e->side;
    ev.kind = EventKind::State;
    ev.source = EventSource::Model;
    ev.socket = e->socket;
    ev.from = arc.from;
    ev.to = arc.to;
    ev.transition = arc.label();
    ev.stream = e->stream;
    for (const ArcCaption &c : kArcCaptions) {
        if (c.from == arc.from && c.to == arc.to
            && (arc.event == QLatin1String(c.event) || arc.from != TcpState::SynSent)) {
            ev.noteKey = QString::fromUtf8(c.text);
            ev.noteArgs = { who(e->side) };
            break;
        }
    }
    // SYN-RECEIVED → ESTABLISHED after a simultaneous open: no listener, no accept queue.
    if (arc.from == TcpState::SynReceived && arc.to == TcpState::Established
        && e->socket != QLatin1String("conn"))
        ev.noteKey = QString::fromUtf8(QT_TRANSLATE_NOOP("Caption",
            "%1 receives the ACK of its SYN: ESTABLISHED, and its connect() returns. Nobody "
            "listened: both ends opened actively."));
    append(ev);
}

Endpoint *Sim::find(const SockAddr &addr, const SockAddr &peer)
{
    for (auto &e : m_endpoints) {
        if (e->addr == addr && e->peer == peer && e->socket != QLatin1String("listener"))
            return e.get();
    }
    return nullptr;
}

void Sim::transmit(Endpoint *from, const TcpSegment &s, const QByteArray &payload)
{
    const Endpoint *peerTcb = find(from->peer, from->addr);
    LabEvent ev;
    ev.tUs = now;
    ev.side = from->side;
    ev.kind = EventKind::Segment;
    ev.source = EventSource::Model;
    ev.src = from->addr.toString();
    ev.dst = from->peer.toString();
    ev.flags = s.flagNames();
    ev.seqRaw = s.seq;
    ev.seq = qint64(quint32(s.seq - from->tcp->iss()));
    if (s.has(TcpAck)) {
        ev.ackRaw = s.ack;
        // Relative to the receiver's ISN, which the sender knows as IRS once synchronized.
        const quint32 base = peerTcb ? peerTcb->tcp->iss() : from->tcp->irs();
        ev.ack = qint64(quint32(s.ack - base));
    }
    ev.len = s.len;
    ev.win = s.wnd;
    ev.options = s.options.toStrings();
    ev.stream = from->stream;
    if (s.len > 0)
        ev.bytes = payload.left(int(s.len));
    append(ev);

    if (lose && lose(*from, s)) {
        caption(QT_TRANSLATE_NOOP(
            "Caption", "This segment is lost on the way: nothing arrives, and no one is told."));
        return;
    }
    const SockAddr src = from->addr;
    const SockAddr dst = from->peer;
    const QByteArray bytes = payload.left(int(s.len));
    at(now + Scenarios::kOneWayDelayUs, [this, s, src, dst, bytes] { arrive(s, src, dst, bytes); });
}

void Sim::arrive(
    const TcpSegment &s, const SockAddr &src, const SockAddr &dst, const QByteArray &payload)
{
    m_arriving = payload;
    Endpoint *e = find(dst, src);
    if (!e) {
        Endpoint *listener = listenerFor(dst);
        if (listener && s.has(TcpSyn) && !s.has(TcpAck)) {
            // A SYN for a listener: a new TCB in LISTEN takes it (RFC 9293 §3.10.7.2),
            // unless the accept queue is full — Linux then drops the SYN silently.
            int completed = 0;
            for (Endpoint *q : std::as_const(listener->acceptQueue))
                completed += q->tcp->state() != TcpState::SynReceived ? 1 : 0;
            if (dropSynWhenFull && completed > listener->backlog) {
                caption(QT_TRANSLATE_NOOP("Caption",
                            "The accept queue is full (listen(%1) admits %2 completed connections "
                            "on Linux): the SYN is dropped without a word. The client will retry."),
                    { QString::number(listener->backlog), QString::number(listener->backlog + 1) });
                return;
            }
            e = add(Side::Server, QStringLiteral("conn"), listener->program, dst,
                listener->tcp->config().iss + quint32(m_nextConnIss++) * 100000u);
            e->peer = src;
            for (auto &c : m_endpoints) {
                if (c->addr == src && c->peer == dst)
                    e->stream = c->stream;
            }
            // The new TCB starts as a copy of the listener: LISTEN.
            e->tcp->open(false);
            listener->acceptQueue.append(e);
        } else {
            // Nobody there: a CLOSED endpoint answers with RST (§3.10.7.1).
            TcpConnection closed;
            const auto r = closed.receive(s);
            for (const TcpSegment &rst : r.sent)
                transmitFromNowhere(rst, dst, src);
            return;
        }
    }
    apply(e, e->tcp->receive(s));
}

void Sim::transmitFromNowhere(const TcpSegment &s, const SockAddr &from, const SockAddr &to)
{
    LabEvent ev;
    ev.tUs = now;
    ev.side = Side::Server;
    ev.kind = EventKind::Segment;
    ev.source = EventSource::Model;
    ev.src = from.toString();
    ev.dst = to.toString();
    ev.flags = s.flagNames();
    ev.seqRaw = s.seq;
    ev.seq = 0; // a CLOSED port has no ISN: Wireshark shows 0
    Endpoint *client = find(to, from);
    if (s.has(TcpAck)) {
        ev.ackRaw = s.ack;
        ev.ack = client ? qint64(quint32(s.ack - client->tcp->iss())) : s.ack;
    }
    ev.len = 0;
    ev.win = s.wnd;
    ev.stream = client ? client->stream : -1;
    append(ev);
    if (client)
        at(now + Scenarios::kOneWayDelayUs,
            [this, s, client] { apply(client, client->tcp->receive(s)); });
}

void Sim::notice(Endpoint *e, TcpConnection::Notice n)
{
    using N = TcpConnection::Notice;
    switch (n) {
    case N::Established:
        if (e->pendingCall == QLatin1String("connect")
            || e->pendingCall == QLatin1String("connect_ex"))
            finish(e, 0);
        if (e->socket == QLatin1String("conn")) {
            // accept() returns as soon as the kernel completed a connection.
            if (Endpoint *l = listenerFor(e->addr))
                acceptFrom(l);
        }
        break;
    case N::Refused:
        if (e->pendingCall == QLatin1String("connect_ex"))
            finish(e, 111); // connect_ex returns the errno (10061 on Windows)
        else
            finish(e, {}, 111);
        break;
    case N::TimedOut:
        if (e->pendingCall == QLatin1String("connect_ex"))
            finish(e, 110);
        else
            finish(e, {}, 110);
        break;
    case N::Reset:
        if (e->pendingCall == QLatin1String("recv"))
            finish(e, {}, 104);
        break;
    case N::DataReceived:
        // A recv() waiting in the program returns the moment the data arrives.
        if (e->pendingCall == QLatin1String("recv")) {
            finish(e, m_arriving.size());
            data(e, m_arriving);
        }
        break;
    case N::EndOfStream:
        if (e->pendingCall == QLatin1String("recv")) {
            finish(e, 0);
            data(e, {});
        }
        break;
    case N::ChallengeAck:
        caption(QT_TRANSLATE_NOOP("Caption",
                    "%1 answers with a challenge ACK instead of obeying: the RST or SYN was "
                    "not exactly at RCV.NXT (RFC 5961)."),
            { who(e->side) });
        break;
    default:
        break;
    }
    if (onNotice)
        onNotice(e, n);
}

} // namespace ScenarioSim
