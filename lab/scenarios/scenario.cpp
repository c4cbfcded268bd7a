#include "scenario.h"

#include "net/sockaddr.h"
#include "tcp/tcpconnection.h"
#include "timeline/timeline.h"

#include <QFile>
#include <QHash>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace {

const QList<ScenarioInfo> kScenarios = {
    { QStringLiteral("three-way-handshake"), QT_TRANSLATE_NOOP("Scenario", "Three-way handshake"),
        QT_TRANSLATE_NOOP("Scenario", "connect() and accept(): SYN, SYN-ACK, ACK") },
    { QStringLiteral("tcp-echo"),
        QT_TRANSLATE_NOOP("Scenario", "TCP echo (the source text's exchange)"),
        QT_TRANSLATE_NOOP(
            "Scenario", "handshake, 请求连接 and 你已连接成功。, the server closes first") },
    { QStringLiteral("four-way-close"), QT_TRANSLATE_NOOP("Scenario", "Four-way close"),
        QT_TRANSLATE_NOOP("Scenario", "FIN, ACK, FIN, ACK, then TIME-WAIT for 2·MSL") },
    { QStringLiteral("three-segment-close"), QT_TRANSLATE_NOOP("Scenario", "Three-segment close"),
        QT_TRANSLATE_NOOP("Scenario", "the ACK rides on the peer's FIN: FIN, FIN-ACK, ACK") },
    { QStringLiteral("connection-refused"), QT_TRANSLATE_NOOP("Scenario", "Connection refused"),
        QT_TRANSLATE_NOOP(
            "Scenario", "nothing listens: SYN answered by RST,ACK; connect_ex gives 111") },
    { QStringLiteral("syn-retransmit"),
        QT_TRANSLATE_NOOP("Scenario", "SYN retransmission (RFC 6298)"),
        QT_TRANSLATE_NOOP("Scenario", "the SYN is lost and resent after 1 s, then 2 s") },
    { QStringLiteral("syn-retransmit-linux"),
        QT_TRANSLATE_NOOP("Scenario", "SYN retransmission (this kernel)"),
        QT_TRANSLATE_NOOP("Scenario",
            "every SYN lost: the schedule of tcp_syn_retries and tcp_syn_linear_timeouts") },
    { QStringLiteral("simultaneous-open"), QT_TRANSLATE_NOOP("Scenario", "Simultaneous open"),
        QT_TRANSLATE_NOOP("Scenario", "two SYNs cross: both SYN-RECEIVED, then ESTABLISHED") },
    { QStringLiteral("simultaneous-close"), QT_TRANSLATE_NOOP("Scenario", "Simultaneous close"),
        QT_TRANSLATE_NOOP("Scenario", "two FINs cross: both CLOSING, then TIME-WAIT") },
    { QStringLiteral("half-close"), QT_TRANSLATE_NOOP("Scenario", "Half-close"),
        QT_TRANSLATE_NOOP(
            "Scenario", "shutdown(SHUT_WR): FIN-WAIT-2 while data still flows back") },
    { QStringLiteral("abort"), QT_TRANSLATE_NOOP("Scenario", "Abort (RST)"),
        QT_TRANSLATE_NOOP("Scenario", "SO_LINGER 0 then close(): RST, and the peer's recv fails") },
    { QStringLiteral("backlog-full"), QT_TRANSLATE_NOOP("Scenario", "Full accept queue"),
        QT_TRANSLATE_NOOP("Scenario",
            "listen(1): two connections complete, the third client's SYNs are dropped until "
            "accept()") },
    { QStringLiteral("udp-echo"), QT_TRANSLATE_NOOP("Scenario", "UDP echo"),
        QT_TRANSLATE_NOOP("Scenario", "datagrams with sendto/recvfrom: no handshake, no states") },
};

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
            "%1 calls listen(): its socket is LISTEN, waiting for a SYN. The handshake itself will "
            "be done by the kernel.") },
    { TcpState::Closed, TcpState::SynSent, "active OPEN",
        QT_TRANSLATE_NOOP("Caption",
            "%1 connects: the kernel sends a SYN carrying its initial sequence number (ISS) and "
            "the MSS option. It is now SYN-SENT.") },
    { TcpState::Listen, TcpState::SynReceived, "rcv SYN",
        QT_TRANSLATE_NOOP("Caption",
            "%1 receives the SYN, records the peer's ISN (IRS) and answers with its own SYN plus "
            "an ACK of the peer's SYN: SYN-RECEIVED.") },
    { TcpState::SynSent, TcpState::Established, "rcv SYN,ACK",
        QT_TRANSLATE_NOOP("Caption",
            "%1 receives the SYN-ACK: its SYN is acknowledged, so it is ESTABLISHED at once and "
            "sends the final ACK. connect() returns.") },
    { TcpState::SynReceived, TcpState::Established, "rcv ACK of SYN",
        QT_TRANSLATE_NOOP("Caption",
            "%1 receives the ACK of its SYN: ESTABLISHED. The connection waits in the accept queue "
            "until accept() takes it.") },
    { TcpState::SynSent, TcpState::SynReceived, "rcv SYN",
        QT_TRANSLATE_NOOP("Caption",
            "%1 was waiting for a SYN-ACK but receives a bare SYN: the SYNs crossed. It answers "
            "SYN,ACK and goes to SYN-RECEIVED.") },
    { TcpState::Established, TcpState::FinWait1, "CLOSE",
        QT_TRANSLATE_NOOP("Caption",
            "%1 closes its side: a FIN goes out (with ACK, as Linux always sets it). FIN-WAIT-1: "
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
            "%1 receives a FIN that also acknowledges its own FIN: straight to TIME-WAIT, sending "
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
            "%1's FIN is acknowledged: the connection is CLOSED on this side, with no waiting.") },
    { TcpState::TimeWait, TcpState::Closed, "Timeout=2MSL",
        QT_TRANSLATE_NOOP("Caption",
            "TIME-WAIT is over: %1 is CLOSED. Until now no new connection could use this same "
            "address pair (both addresses and ports).") },
    { TcpState::SynSent, TcpState::Closed, "rcv RST,ACK",
        QT_TRANSLATE_NOOP("Caption",
            "%1 receives RST,ACK for its SYN: nobody listens there. CLOSED; connect() fails with "
            "ECONNREFUSED (111 on Linux), connect_ex returns 111.") },
    { TcpState::SynSent, TcpState::Closed, "Timeout",
        QT_TRANSLATE_NOOP("Caption",
            "%1 gives up after its last retransmission: CLOSED; connect() fails with ETIMEDOUT "
            "(110).") },
};

QString who(Side side)
{
    return side == Side::Client ? QStringLiteral("client") : QStringLiteral("server");
}

/** One socket of the simulation: a TCB of the model, or a UDP socket. */
struct Endpoint
{
    Side side = Side::Client;
    QString socket; // "listener", "conn" or empty
    QString program; // our example program shown in the code panel
    SockAddr addr;
    SockAddr peer; // invalid for a listener
    std::unique_ptr<TcpConnection> tcp;
    int stream = -1;
    quint64 retransmitGeneration = 0;
    qint64 lastGapUs = -1; // the last retransmission timeout armed, µs
    quint64 timeWaitGeneration = 0;
    QString pendingCall; // a blocking call waiting for the model: "connect", "connect_ex",
                         // "accept", "recv"
    // Listener only: completed connections waiting for accept(), and the limit.
    QList<Endpoint *> acceptQueue;
    int backlog = 5;
    Endpoint *accepted = nullptr; // taken by a waiting accept(), not yet handed to the script
};

/** A discrete-event run of the model on model time (µs). */
class Sim
{
public:
    explicit Sim(Timeline *timeline)
        : m_timeline(timeline)
    {
    }

    qint64 now = 0;
    /** Decides whether a segment is lost: (sender, segment, index of that sender's segments). */
    std::function<bool(const Endpoint &, const TcpSegment &)> lose;
    /** The server side refuses a SYN when the accept queue is full (Linux drops it). */
    bool dropSynWhenFull = true;
    /** This endpoint's bare ACKs are held back (a delayed ACK that will ride on its next segment).
     */
    Endpoint *delayPureAcksOf = nullptr;

    Endpoint *add(
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

    void setSynSchedule(int retries, int linearTimeouts)
    {
        m_synRetries = retries;
        m_linearTimeouts = linearTimeouts;
    }

    /** Runs every event due up to @p until (inclusive), then sets the clock there. */
    void runUntil(qint64 until)
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
    /** Advances the clock by @p us, running what falls due. */
    void advance(qint64 us) { runUntil(now + us); }
    /** Runs until nothing is left to happen; the clock stays at the last event. */
    void runAll()
    {
        while (!m_queue.empty())
            runUntil(m_queue.begin()->first.first);
        now = m_lastEventUs; // expired timers that did nothing do not move the story on
    }

    void at(qint64 t, std::function<void()> f)
    {
        m_queue.emplace(std::make_pair(t, m_seq++), std::move(f));
    }

    // --- what the programs do ---------------------------------------------------------
    /** A call that returns at once (socket, bind, listen, close …). */
    void call(Endpoint *e, const QString &name, const QStringList &args, const QVariant &result = 0,
        int err = 0)
    {
        LabEvent ev = callEvent(e, name, args, CallPhase::Return);
        ev.result = result;
        if (err) {
            ev.errorDomain = ErrorDomain::Errno;
            ev.errnum = err;
        }
        append(ev);
    }
    /** A blocking call: its start now, its return when the model says so (finish()). */
    void start(Endpoint *e, const QString &name, const QStringList &args)
    {
        append(callEvent(e, name, args, CallPhase::Start));
        e->pendingCall = name;
        m_pendingArgs[e] = args;
    }
    void finish(Endpoint *e, const QVariant &result, int err = 0, const QString &name = {})
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
    void data(Endpoint *e, const QByteArray &bytes)
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
    /**
     * A caption for what just happened: it rides on the event appended last
     * at this same moment (so one step shows the change and its words), or
     * stands alone as a note.
     */
    void caption(const char *key, const QStringList &args = {})
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
    /** Writes the last buffered event to the timeline (at the end of a script). */
    void flush()
    {
        if (m_pending)
            m_timeline->append(*m_pending);
        m_pending.reset();
    }

    /** A UDP datagram from @p from to @p to: an event on the wire, nothing else. */
    void datagram(Endpoint *from, Endpoint *to, const QByteArray &bytes)
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

    // --- the model ----------------------------------------------------------------------
    void openPassive(Endpoint *listener, int backlog)
    {
        listener->backlog = backlog;
        apply(listener, listener->tcp->open(false));
    }
    void openActive(Endpoint *e, Endpoint *server)
    {
        e->peer = server->addr;
        e->stream = m_nextStream++;
        apply(e, e->tcp->open(true));
    }
    void send(Endpoint *e, const QByteArray &bytes)
    {
        apply(e, e->tcp->send(quint32(bytes.size())), bytes);
    }
    void close(Endpoint *e) { apply(e, e->tcp->close()); }
    void abort(Endpoint *e) { apply(e, e->tcp->abort()); }

    /** What the model did: state events, segments put on the wire, timers armed. */
    void apply(Endpoint *e, const TcpConnection::Result &r, const QByteArray &payload = {})
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
                    caption(
                        QT_TRANSLATE_NOOP("Caption",
                            "No answer within the retransmission timeout: %1 sends the same SYN "
                            "again. The next wait stays %2 s (Linux's tcp_syn_linear_timeouts)."),
                        { who(e->side), QString::number(next / 1000000) });
                else
                    caption(
                        QT_TRANSLATE_NOOP("Caption",
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

    /** Hooks for scripts: called on each notice after the standard handling. */
    std::function<void(Endpoint *, TcpConnection::Notice)> onNotice;

    /** A waiting accept() on @p listener takes the first completed connection, if any. */
    Endpoint *acceptFrom(Endpoint *listener)
    {
        if (listener->pendingCall != QLatin1String("accept"))
            return nullptr;
        for (Endpoint *e : std::as_const(listener->acceptQueue)) {
            if (e->tcp->state() != TcpState::SynReceived) {
                listener->acceptQueue.removeOne(e);
                finish(listener,
                    QStringLiteral("(4, ('%1', %2))").arg(e->peer.host).arg(e->peer.port));
                listener->accepted = e;
                return e;
            }
        }
        return nullptr;
    }

    Endpoint *listenerFor(const SockAddr &addr)
    {
        for (auto &e : m_endpoints) {
            if (e->socket == QLatin1String("listener") && e->addr == addr
                && e->tcp->state() == TcpState::Listen)
                return e.get();
        }
        return nullptr;
    }

    int streamCount() const { return m_nextStream; }

private:
    LabEvent callEvent(
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

    // One event is held back so a caption can still be attached to it.
    void append(LabEvent ev)
    {
        ev.tUs = now;
        m_lastEventUs = now;
        flush();
        m_pending = ev;
    }

    void stateEvent(Endpoint *e, const TcpArc &arc)
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

    Endpoint *find(const SockAddr &addr, const SockAddr &peer)
    {
        for (auto &e : m_endpoints) {
            if (e->addr == addr && e->peer == peer && e->socket != QLatin1String("listener"))
                return e.get();
        }
        return nullptr;
    }

    void transmit(Endpoint *from, const TcpSegment &s, const QByteArray &payload)
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
            caption(QT_TRANSLATE_NOOP("Caption",
                "This segment is lost on the way: nothing arrives, and no one is told."));
            return;
        }
        const SockAddr src = from->addr;
        const SockAddr dst = from->peer;
        const QByteArray bytes = payload.left(int(s.len));
        at(now + Scenarios::kOneWayDelayUs,
            [this, s, src, dst, bytes] { arrive(s, src, dst, bytes); });
    }

    void arrive(const TcpSegment &s, const SockAddr &src, const SockAddr &dst,
        const QByteArray &payload = {})
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
                    caption(
                        QT_TRANSLATE_NOOP("Caption",
                            "The accept queue is full (listen(%1) admits %2 completed connections "
                            "on Linux): the SYN is dropped without a word. The client will retry."),
                        { QString::number(listener->backlog),
                            QString::number(listener->backlog + 1) });
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

    void transmitFromNowhere(const TcpSegment &s, const SockAddr &from, const SockAddr &to)
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

    void notice(Endpoint *e, TcpConnection::Notice n)
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

    Timeline *m_timeline = nullptr;
    std::vector<std::unique_ptr<Endpoint>> m_endpoints;
    std::map<std::pair<qint64, quint64>, std::function<void()>> m_queue;
    quint64 m_seq = 0;
    QHash<Endpoint *, QStringList> m_pendingArgs;
    int m_nextStream = 0;
    int m_nextConnIss = 0;
    qint64 m_lastEventUs = 0;
    std::optional<LabEvent> m_pending;
    QByteArray m_arriving; // payload of the segment being delivered
    int m_synRetries = 6;
    int m_linearTimeouts = 0;
};

// Addresses and initial sequence numbers of the scripts: real-looking, fixed,
// so the raw numbers differ from the relative ones as on a real wire.
const SockAddr kServer { AF_INET, QStringLiteral("127.0.0.1"), 8888 };
SockAddr clientAddr(int i = 0)
{
    return { AF_INET, QStringLiteral("127.0.0.1"), quint16(40000 + i) };
}
constexpr quint32 kClientIss = 3892146337u;
constexpr quint32 kServerIss = 1174328665u;
constexpr qint64 kMs = 1000;

const QString kAddr = QStringLiteral("('127.0.0.1', 8888)");

/** The server's set-up: socket, setsockopt, bind, listen, then accept() waiting. */
Endpoint *serverListens(Sim &sim, int backlog = 5, bool accept = true,
    const QString &program = QStringLiteral("tcp_server"))
{
    Endpoint *l = sim.add(Side::Server, QStringLiteral("listener"), program, kServer, kServerIss);
    sim.call(l, QStringLiteral("socket"),
        { QStringLiteral("AF_INET"), QStringLiteral("SOCK_STREAM") }, 3);
    sim.call(l, QStringLiteral("setsockopt"),
        { QStringLiteral("SOL_SOCKET"), QStringLiteral("SO_REUSEADDR"), QStringLiteral("1") }, 0);
    sim.call(l, QStringLiteral("bind"), { kAddr }, 0);
    sim.call(l, QStringLiteral("listen"), { QString::number(backlog) }, 0);
    sim.openPassive(l, backlog);
    if (accept)
        sim.start(l, QStringLiteral("accept"), {});
    return l;
}

/** A client's socket() and connect(); the handshake runs as the clock advances. */
Endpoint *clientConnects(Sim &sim, int i = 0, const QString &program = QStringLiteral("tcp_client"),
    const QString &call = QStringLiteral("connect"))
{
    Endpoint *c
        = sim.add(Side::Client, QString(), program, clientAddr(i), kClientIss + quint32(i) * 7919u);
    sim.call(c, QStringLiteral("socket"),
        { QStringLiteral("AF_INET"), QStringLiteral("SOCK_STREAM") }, 3 + i);
    sim.start(c, call, { kAddr });
    Endpoint server;
    server.addr = kServer;
    sim.openActive(c, &server);
    return c;
}

/** The connection accept() returned on @p listener (waiting for one if it has not yet). */
Endpoint *accepted(Sim &sim, Endpoint *listener)
{
    if (listener->pendingCall != QLatin1String("accept") && !listener->accepted)
        sim.start(listener, QStringLiteral("accept"), {});
    if (!listener->accepted)
        sim.acceptFrom(listener);
    Endpoint *e = listener->accepted;
    listener->accepted = nullptr;
    return e;
}

/** The server listening, the client (running @p program) connected, the connection accepted. */
struct Pair
{
    Endpoint *listener = nullptr;
    Endpoint *client = nullptr;
    Endpoint *server = nullptr;
};

Pair connectedPair(Sim &sim, const QString &program = QStringLiteral("tcp_client"),
    const QString &serverProgram = QStringLiteral("tcp_server"))
{
    Pair p;
    p.listener = serverListens(sim, 5, true, serverProgram);
    sim.advance(100 * kMs);
    p.client = clientConnects(sim, 0, program);
    sim.advance(100 * kMs);
    p.server = accepted(sim, p.listener);
    return p;
}

/** sendall(): the call, the data handed to the model, the return. */
void sendall(Sim &sim, Endpoint *e, const QByteArray &bytes)
{
    sim.start(e, QStringLiteral("sendall"), {});
    sim.send(e, bytes);
    sim.finish(e, {});
}

/** close(): the call and the model's CLOSE (a FIN in ESTABLISHED or CLOSE-WAIT). */
void closeSocket(Sim &sim, Endpoint *e)
{
    sim.call(e, QStringLiteral("close"), {}, 0);
    sim.close(e);
}

/** A waiting recv() returns @p bytes (b"" for the end of stream). */
void received(Sim &sim, Endpoint *e, const QByteArray &bytes)
{
    sim.finish(e, bytes.size());
    sim.data(e, bytes);
}

void handshake(Sim &sim)
{
    connectedPair(sim);
}

void tcpEcho(Sim &sim)
{
    const Pair p = connectedPair(sim);
    const QByteArray request = QStringLiteral("请求连接").toUtf8();
    const QByteArray reply = QStringLiteral("你已连接成功。").toUtf8();
    sim.start(p.server, QStringLiteral("recv"), { QStringLiteral("1024") });
    sim.advance(50 * kMs);
    sendall(sim, p.client, request);
    sim.start(p.client, QStringLiteral("recv"), { QStringLiteral("1024") });
    sim.advance(Scenarios::kOneWayDelayUs); // the server's recv() returns as the data arrives
    sendall(sim, p.server, reply);
    sim.advance(Scenarios::kOneWayDelayUs); // … and the client's
    closeSocket(sim, p.server); // the seed's server closes first
    sim.advance(50 * kMs);
    closeSocket(sim, p.client);
    sim.runAll(); // through TIME-WAIT
}

void fourWayClose(Sim &sim, bool threeSegments)
{
    const Pair p
        = connectedPair(sim, QStringLiteral("tcp_client"), QStringLiteral("tcp_server_eof"));
    Endpoint *c = p.client;
    Endpoint *s = p.server;
    sim.start(s, QStringLiteral("recv"), { QStringLiteral("1024") });
    sim.advance(100 * kMs);
    if (threeSegments) {
        // The server's program closes the moment recv() returns b"": its ACK
        // of the client's FIN is still delayed, so it rides on the server's FIN.
        sim.delayPureAcksOf = s;
        sim.onNotice = [&sim, s](Endpoint *e, TcpConnection::Notice n) {
            if (e == s && n == TcpConnection::Notice::EndOfStream) {
                closeSocket(sim, s);
                sim.delayPureAcksOf = nullptr;
            }
        };
        closeSocket(sim, c);
    } else {
        closeSocket(sim, c);
        sim.advance(50 * kMs); // the server's recv() returned b"" when the FIN arrived
        closeSocket(sim, s);
    }
    sim.runAll();
}

} // namespace

const QList<ScenarioInfo> &Scenarios::list()
{
    return kScenarios;
}

namespace {

void refused(Sim &sim)
{
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "No program listens on 127.0.0.1:8888. The client uses connect_ex(), which returns the "
        "error number instead of raising it."));
    Endpoint *c
        = clientConnects(sim, 0, QStringLiteral("tcp_client_ex"), QStringLiteral("connect_ex"));
    sim.runAll();
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "connect_ex returned 111 (ECONNREFUSED) on Linux. On Windows the same refusal is 10061 "
        "(WSAECONNREFUSED), the number the source text quotes."));
    sim.call(c, QStringLiteral("close"), {}, 0);
}

void synRetransmit(Sim &sim)
{
    // RFC 6298: the first RTO is 1 s, then it doubles. The first two SYNs are lost.
    sim.setSynSchedule(6, 0);
    Endpoint *l = serverListens(sim);
    sim.advance(100 * kMs);
    int synsLost = 0;
    sim.lose = [&synsLost](const Endpoint &from, const TcpSegment &seg) {
        if (from.side == Side::Client && seg.has(TcpSyn) && synsLost < 2) {
            ++synsLost;
            return true;
        }
        return false;
    };
    clientConnects(sim);
    sim.advance(5000 * kMs);
    accepted(sim, l);
}

/** Linux's tcp_syn_retries and tcp_syn_linear_timeouts (0 where the kernel lacks it). */
std::pair<int, int> linuxSynSysctls()
{
    auto read = [](const char *path, int fallback) {
        QFile f(QString::fromLatin1(path));
        bool ok = false;
        const int v = f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toInt(&ok) : 0;
        return ok ? v : fallback;
    };
    return { read("/proc/sys/net/ipv4/tcp_syn_retries", 6),
        read("/proc/sys/net/ipv4/tcp_syn_linear_timeouts", 0) };
}

void synRetransmitLinux(Sim &sim)
{
    const auto [retries, linear] = linuxSynSysctls();
    sim.setSynSchedule(retries, linear);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
                    "This kernel: tcp_syn_retries = %1, tcp_syn_linear_timeouts = %2. Linux adds "
                    "the two, so a connect() makes %3 retransmissions; the first %4 come 1 s "
                    "apart, then the gap doubles. Every SYN is lost here."),
        { QString::number(retries), QString::number(linear), QString::number(retries + linear),
            QString::number(linear + 1) });
    sim.lose = [](const Endpoint &from, const TcpSegment &seg) {
        return from.side == Side::Client && seg.has(TcpSyn);
    };
    Endpoint *c = clientConnects(sim);
    sim.runAll();
    sim.call(c, QStringLiteral("close"), {}, 0);
}

void simultaneousOpen(Sim &sim)
{
    // Two programs connect to each other's port at the same moment (RFC 9293 §3.5, figure 8).
    Endpoint *a
        = sim.add(Side::Client, QString(), QStringLiteral("tcp_peer"), clientAddr(), kClientIss);
    Endpoint *b = sim.add(Side::Server, QString(), QStringLiteral("tcp_peer"), kServer, kServerIss);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "Both ends call connect() to each other at the same moment; neither listens. (On Linux "
        "this happens when a socket bound to a port connects to that very port.)"));
    sim.call(a, QStringLiteral("bind"), { QStringLiteral("('127.0.0.1', 40000)") }, 0);
    sim.call(b, QStringLiteral("bind"), { kAddr }, 0);
    sim.start(a, QStringLiteral("connect"), { kAddr });
    sim.start(b, QStringLiteral("connect"), { QStringLiteral("('127.0.0.1', 40000)") });
    sim.openActive(a, b);
    b->peer = a->addr;
    b->stream = a->stream;
    sim.apply(b, b->tcp->open(true));
    sim.runAll();
}

void simultaneousClose(Sim &sim)
{
    const Pair p
        = connectedPair(sim, QStringLiteral("tcp_client"), QStringLiteral("tcp_server_eof"));
    sim.advance(100 * kMs);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "Both programs call close() at the same moment: the two FINs cross on the wire."));
    closeSocket(sim, p.client);
    closeSocket(sim, p.server);
    sim.runAll();
}

void halfClose(Sim &sim)
{
    const Pair p = connectedPair(sim, QStringLiteral("tcp_client_halfclose"));
    sim.advance(50 * kMs);
    const QByteArray request = QStringLiteral("请求连接").toUtf8();
    const QByteArray reply = QStringLiteral("你已连接成功。").toUtf8();
    sendall(sim, p.client, request);
    sim.call(p.client, QStringLiteral("shutdown"), { QStringLiteral("SHUT_WR") }, 0);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "The client has said everything: shutdown(SHUT_WR) sends a FIN but keeps the socket open "
        "for reading."));
    sim.close(p.client); // in TCP terms a half-close is the CLOSE call (RFC 9293 §3.10.4)
    sim.start(p.client, QStringLiteral("recv"), { QStringLiteral("1024") });
    sim.advance(50 * kMs);
    sim.start(p.server, QStringLiteral("recv"), { QStringLiteral("1024") });
    received(sim, p.server, request); // already in the receive buffer
    sendall(sim, p.server, reply);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "The server still sends its reply: the client, in FIN-WAIT-2, receives it normally."));
    sim.advance(Scenarios::kOneWayDelayUs);
    sim.start(p.client, QStringLiteral("recv"), { QStringLiteral("1024") });
    sim.advance(40 * kMs);
    closeSocket(sim, p.server); // its FIN ends the client's reading: recv() returns b""
    sim.advance(2 * Scenarios::kOneWayDelayUs);
    sim.call(p.client, QStringLiteral("close"), {}, 0); // TCP is already in TIME-WAIT
    sim.runAll();
}

void abortScenario(Sim &sim)
{
    const Pair p
        = connectedPair(sim, QStringLiteral("tcp_client_abort"), QStringLiteral("tcp_server_eof"));
    Endpoint *c = p.client;
    Endpoint *s = p.server;
    sim.start(s, QStringLiteral("recv"), { QStringLiteral("1024") });
    sim.advance(50 * kMs);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "SO_LINGER with a zero timeout makes close() abort the connection: an RST instead of a "
        "FIN, and no TIME-WAIT."));
    sim.call(c, QStringLiteral("setsockopt"),
        { QStringLiteral("SOL_SOCKET"), QStringLiteral("SO_LINGER"), QStringLiteral("(1, 0)") }, 0);
    sim.call(c, QStringLiteral("close"), {}, 0);
    sim.abort(c);
    sim.runAll();
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "The server's recv() fails with ECONNRESET (104): the connection was reset, not closed."));
    sim.call(s, QStringLiteral("close"), {}, 0);
}

void backlogFull(Sim &sim)
{
    // listen(1): Linux admits backlog + 1 = 2 completed connections; the server
    // does not accept() until later.
    const auto [retries, linear] = linuxSynSysctls();
    sim.setSynSchedule(retries, linear);
    Endpoint *l = serverListens(sim, 1, false, QStringLiteral("tcp_server_backlog"));
    sim.advance(100 * kMs);
    clientConnects(sim, 0);
    sim.advance(100 * kMs);
    clientConnects(sim, 1);
    sim.advance(100 * kMs);
    clientConnects(sim, 2);
    sim.advance(1500 * kMs);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "Linux refuses nothing here: the client is told nothing and keeps retrying. Only with "
        "net.ipv4.tcp_abort_on_overflow = 1 would the server answer RST."));
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "The server finally calls accept(): one connection leaves the queue, so the third client's "
        "next SYN is admitted."));
    sim.start(l, QStringLiteral("accept"), {});
    accepted(sim, l);
    sim.advance(3000 * kMs);
}

void udpEcho(Sim &sim)
{
    const SockAddr server { AF_INET, QStringLiteral("127.0.0.1"), 8888 };
    const SockAddr client { AF_INET, QStringLiteral("127.0.0.1"), 40000 };
    Endpoint *s = sim.add(Side::Server, QString(), QStringLiteral("udp_server"), server, 0);
    Endpoint *c = sim.add(Side::Client, QString(), QStringLiteral("udp_client"), client, 0);
    sim.call(s, QStringLiteral("socket"),
        { QStringLiteral("AF_INET"), QStringLiteral("SOCK_DGRAM") }, 3);
    sim.call(s, QStringLiteral("bind"), { kAddr }, 0);
    sim.start(s, QStringLiteral("recvfrom"), { QStringLiteral("1024") });
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "UDP: no listen(), no accept(), no connection. The server just waits in recvfrom()."));
    sim.advance(100 * kMs);
    sim.call(c, QStringLiteral("socket"),
        { QStringLiteral("AF_INET"), QStringLiteral("SOCK_DGRAM") }, 3);
    sim.call(c, QStringLiteral("settimeout"), { QStringLiteral("2") }, {});
    const QByteArray hello = QStringLiteral("你好").toUtf8();
    sim.call(c, QStringLiteral("sendto"), { QStringLiteral("\"你好\""), kAddr }, int(hello.size()));
    sim.datagram(c, s, hello);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "One sendto() is one datagram: no handshake before it, no ACK after it, and no state on "
        "either side."));
    sim.start(c, QStringLiteral("recvfrom"), { QStringLiteral("1024") });
    sim.advance(Scenarios::kOneWayDelayUs);
    sim.finish(s, QStringLiteral("(b'\\xe4\\xbd\\xa0\\xe5\\xa5\\xbd', ('127.0.0.1', 40000))"));
    sim.data(s, hello);
    const QByteArray reply = QStringLiteral("IP:127.0.0.1,you are just send one message.").toUtf8();
    sim.call(s, QStringLiteral("sendto"),
        { QStringLiteral("\"IP:127.0.0.1,…\""), QStringLiteral("('127.0.0.1', 40000)") },
        int(reply.size()));
    sim.datagram(s, c, reply);
    sim.advance(Scenarios::kOneWayDelayUs);
    sim.finish(c, QStringLiteral("(b'IP:127.0.0.1,…', ('127.0.0.1', 8888))"));
    sim.data(c, reply);
    sim.caption(QT_TRANSLATE_NOOP("Caption",
        "The reply came back. Had it been lost, the source text's client would wait in recvfrom() "
        "forever; this client gives up after settimeout(2)."));
    sim.call(c, QStringLiteral("close"), {}, 0);
}

} // namespace

const ScenarioInfo *Scenarios::find(const QString &name)
{
    for (const ScenarioInfo &i : kScenarios) {
        if (i.name == name)
            return &i;
    }
    return nullptr;
}

QString Scenarios::title(const ScenarioInfo &info)
{
    return QCoreApplication::translate("Scenario", info.title);
}

QString Scenarios::summary(const ScenarioInfo &info)
{
    return QCoreApplication::translate("Scenario", info.summary);
}

bool Scenarios::build(const QString &name, Timeline *timeline)
{
    if (!find(name))
        return false;
    timeline->clear();
    Sim sim(timeline);
    if (name == QLatin1String("three-way-handshake"))
        handshake(sim);
    else if (name == QLatin1String("tcp-echo"))
        tcpEcho(sim);
    else if (name == QLatin1String("four-way-close"))
        fourWayClose(sim, false);
    else if (name == QLatin1String("three-segment-close"))
        fourWayClose(sim, true);
    else if (name == QLatin1String("connection-refused"))
        refused(sim);
    else if (name == QLatin1String("syn-retransmit"))
        synRetransmit(sim);
    else if (name == QLatin1String("syn-retransmit-linux"))
        synRetransmitLinux(sim);
    else if (name == QLatin1String("simultaneous-open"))
        simultaneousOpen(sim);
    else if (name == QLatin1String("simultaneous-close"))
        simultaneousClose(sim);
    else if (name == QLatin1String("half-close"))
        halfClose(sim);
    else if (name == QLatin1String("abort"))
        abortScenario(sim);
    else if (name == QLatin1String("backlog-full"))
        backlogFull(sim);
    else if (name == QLatin1String("udp-echo"))
        udpEcho(sim);
    sim.flush();
    return true;
}
