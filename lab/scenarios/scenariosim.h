#pragma once

// The discrete-event simulation behind the scripted scenarios (scenario.cpp):
// RFC 9293 endpoints (TcpConnection) joined by a network with a fixed delay,
// on model time, writing model events to a Timeline. Internal to lab/scenarios.

#include "net/sockaddr.h"
#include "tcp/tcpconnection.h"
#include "timeline/labevent.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <vector>

class Timeline;

namespace ScenarioSim {

/** "client" or "server": the token a caption's %1 stands for. */
QString who(Side side);

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

    Endpoint *add(Side side, const QString &socket, const QString &program, const SockAddr &addr,
        quint32 iss);

    void setSynSchedule(int retries, int linearTimeouts);

    /** Runs every event due up to @p until (inclusive), then sets the clock there. */
    void runUntil(qint64 until);
    /** Advances the clock by @p us, running what falls due. */
    void advance(qint64 us) { runUntil(now + us); }
    /** Runs until nothing is left to happen; the clock stays at the last event. */
    void runAll();

    void at(qint64 t, std::function<void()> f);

    // --- what the programs do ---------------------------------------------------------
    /** A call that returns at once (socket, bind, listen, close …). */
    void call(Endpoint *e, const QString &name, const QStringList &args, const QVariant &result = 0,
        int err = 0);
    /** A blocking call: its start now, its return when the model says so (finish()). */
    void start(Endpoint *e, const QString &name, const QStringList &args);
    void finish(Endpoint *e, const QVariant &result, int err = 0, const QString &name = {});
    void data(Endpoint *e, const QByteArray &bytes);
    /**
     * A caption for what just happened: it rides on the event appended last
     * at this same moment (so one step shows the change and its words), or
     * stands alone as a note.
     */
    void caption(const char *key, const QStringList &args = {});
    /** Writes the last buffered event to the timeline (at the end of a script). */
    void flush();

    /** A UDP datagram from @p from to @p to: an event on the wire, nothing else. */
    void datagram(Endpoint *from, Endpoint *to, const QByteArray &bytes);

    // --- the model ----------------------------------------------------------------------
    void openPassive(Endpoint *listener, int backlog);
    void openActive(Endpoint *e, Endpoint *server);
    void send(Endpoint *e, const QByteArray &bytes);
    void close(Endpoint *e) { apply(e, e->tcp->close()); }
    void abort(Endpoint *e) { apply(e, e->tcp->abort()); }

    /** What the model did: state events, segments put on the wire, timers armed. */
    void apply(Endpoint *e, const TcpConnection::Result &r, const QByteArray &payload = {});

    /** Hooks for scripts: called on each notice after the standard handling. */
    std::function<void(Endpoint *, TcpConnection::Notice)> onNotice;

    /** A waiting accept() on @p listener takes the first completed connection, if any. */
    Endpoint *acceptFrom(Endpoint *listener);

    Endpoint *listenerFor(const SockAddr &addr);

    int streamCount() const { return m_nextStream; }

private:
    LabEvent callEvent(
        Endpoint *e, const QString &name, const QStringList &args, CallPhase phase) const;

    // One event is held back so a caption can still be attached to it.
    void append(LabEvent ev);

    void stateEvent(Endpoint *e, const TcpArc &arc);

    Endpoint *find(const SockAddr &addr, const SockAddr &peer);

    void transmit(Endpoint *from, const TcpSegment &s, const QByteArray &payload);

    void arrive(const TcpSegment &s, const SockAddr &src, const SockAddr &dst,
        const QByteArray &payload = {});

    void transmitFromNowhere(const TcpSegment &s, const SockAddr &from, const SockAddr &to);

    void notice(Endpoint *e, TcpConnection::Notice n);

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

} // namespace ScenarioSim
