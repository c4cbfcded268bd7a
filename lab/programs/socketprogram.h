#pragma once

#include "net/callresult.h"
#include "tcp/tcpstate.h"
#include "timeline/labevent.h"

#include <QObject>
#include <QStringList>

#include <functional>

class NativeSocket;
class SegmentInferrer;
class StateWatch;
class Timeline;

/**
 * A program of the source text run one socket call per step, as a student
 * would run it line by line. Subclasses list their steps (call names in
 * program order) and perform one per step(); every call, its result, the
 * data returned, the kernel's states and the inferred segments go to the
 * Timeline.
 *
 * A blocking call that cannot finish at once leaves the program waiting
 * (isWaiting()); the step completes when the socket's notifier fires.
 * runToEnd() steps on by itself until the program's end or a failure.
 */
class SocketProgram : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SocketProgram)

public:
    SocketProgram(
        Side side, Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);

    Side side() const { return m_side; }
    /** The calls of the program in order, as shown on buttons: "socket()", "bind()", … */
    virtual QStringList stepNames() const = 0;
    /** False for a call of stepNames() that the program's current variant never makes. */
    virtual bool isStepUsed(int index) const
    {
        Q_UNUSED(index);
        return true;
    }
    /** Index into stepNames() of the next call, or -1 when the program has ended. */
    int currentStep() const { return m_step; }
    /** A blocking call is pending (e.g. accept() waiting for a client). */
    bool isWaiting() const { return m_waiting; }
    /** runToEnd() is in progress. */
    bool isRunning() const { return m_running; }
    /** The last call failed; lastFailure() tells how. */
    bool hasFailed() const { return m_lastFailure.failed(); }
    CallResult lastFailure() const { return m_lastFailure; }
    /** The endpoint's current TCP state (the connection's, else the listener's). */
    virtual TcpState endpointState() const = 0;
    /** True when nothing is left to read from the kernel (all watches stopped or final). */
    virtual bool isSettled() const = 0;

    /** Performs the next call. Ignored while waiting. */
    void step();
    /** Steps until the end of one run of the program, or a failure. */
    void runToEnd();
    /** Closes every socket and starts over at the first step. */
    virtual void reset() = 0;
    /** A UDP program (SOCK_DGRAM): datagrams, no connection, no end of stream. */
    virtual bool isDatagram() const { return false; }

    /**
     * How this program's payloads are shown as text on the timeline:
     * "utf-8" (the default) or "gbk". The bytes themselves are never
     * changed; the text fields a pane sends are encoded with it.
     */
    void setTextEncoding(const QString &encoding) { m_textEncoding = encoding; }
    QString textEncoding() const { return m_textEncoding; }

    /** The inferrer this program reports to (shared with its peer), or nullptr. */
    SegmentInferrer *inferrer() const { return m_inferrer; }

signals:
    /** Step, waiting or failure changed: refresh buttons. */
    void changed();
    /** recv()/recvfrom() returned these bytes to the program (empty: EOF). */
    void dataReceived(const QByteArray &bytes);
    /** A call failed; CallResult::errorMessage() explains it in the UI language. */
    void callFailed(const CallResult &result);
    /** runToEnd() stopped: the program ended or a call failed. */
    void runFinished();
    /** The program reached its last step (or failed) and nothing more will run. */
    void ended();

protected:
    /** True when going from step @p from to @p next completes one run (default: the end). */
    virtual bool completesRun(int from, int next) const
    {
        Q_UNUSED(from);
        return next < 0;
    }
    /** Performs step @p index; must end, now or later, in finishStep(). */
    virtual void runStep(int index) = 0;
    /** The step is over: go to @p next (-1: end), or stop on failure. */
    void finishStep(const CallResult &r, int next);
    /** Marks the program waiting for @p socket's pending call; `handler` gets its result. */
    void await(NativeSocket *socket, std::function<void(const CallResult &)> handler);
    /** Gives @p r to @p handler now, or when @p socket finishes it if it is pending. */
    void whenDone(
        NativeSocket *socket, const CallResult &r, std::function<void(const CallResult &)> handler);

    /** A call event of this program's side, without its phase-specific fields. */
    LabEvent callEvent(const CallResult &r, const QString &socket, CallPhase phase) const;
    /** Appends the call's `start` event stamped @p tUs. */
    void recordStart(const CallResult &r, const QString &socket, qint64 tUs);
    /** Appends the call's `return` event (result or error). */
    void recordReturn(const CallResult &r, const QString &socket);
    /** Appends the data a recv returned. */
    void recordData(const QByteArray &bytes, const QString &socket);
    /**
     * Appends a UDP datagram this side sent from @p from to @p to, inferred
     * from the sendto() call (nothing is captured). A wildcard @p from is
     * replaced by the source address the kernel's route gives for @p to.
     */
    void recordDatagram(const SockAddr &from, const SockAddr &to, const QByteArray &bytes,
        const QString &socket, qint64 tUs = -1);
    /**
     * After a recvfrom() that returned @p r on the socket bound to @p local:
     * the datagram that arrived, inferred, unless its sender's sendto()
     * already put it on the timeline (a program outside the lab sent it);
     * a caption when recvfrom()'s buffer truncated it.
     */
    void recordArrivedDatagram(const CallResult &r, const SockAddr &local, const QString &socket);
    /**
     * Appends a state change of the connection local ↔ remote (invalid
     * addresses: not yet known). Through the inferrer, so that under capture
     * an inferred state lands at the captured segment that caused it.
     */
    void recordState(const QString &socket, TcpState from, TcpState to, EventSource source,
        int stream, qint64 tUs = -1, const SockAddr &local = {}, const SockAddr &remote = {});
    /** Appends a teaching caption (key in context "Note"). */
    void recordNote(const char *key, const QStringList &args = {});
    /**
     * Appends @p from → @p to for the connection local ↔ remote, preceded by
     * the states the RFC says it passed in between (inferred), each told to
     * the inferrer before and after it lands.
     */
    void recordTransition(const QString &socket, const SockAddr &local, const SockAddr &remote,
        TcpState from, TcpState to, EventSource source);
    /**
     * The common end of a recv() on a connected socket: infer the peer's
     * data that arrived (read so far in @p bytesRead, updated, plus what is
     * still queued), then the return event and the data event. On failure
     * the kernel is read first, so the RST shows before the error it caused.
     */
    void recordReceived(NativeSocket *s, StateWatch *watch, const QString &socket,
        const SockAddr &local, const SockAddr &remote, qint64 &bytesRead, const CallResult &res,
        qint64 t0);
    /**
     * close() on a connected socket: reads the kernel first, closes, records
     * the call and what it sent — RST when data was left unread (the peer's
     * data that had arrived is inferred first), else FIN — then reads again.
     */
    CallResult closeConnected(NativeSocket *s, StateWatch *watch, const QString &socket,
        const SockAddr &local, const SockAddr &remote, qint64 bytesRead);
    /**
     * Follows @p watch: kernel changes go to the inferrer, then to the
     * timeline. @p arrived, when given, tells the payload bytes that have
     * reached this endpoint so far (read plus queued): a change that proves
     * the peer's FIN first shows the data that came before it.
     */
    void followWatch(
        StateWatch *watch, const QString &socket, std::function<qint64()> arrived = {});

    Timeline *m_timeline = nullptr;
    SegmentInferrer *m_inferrer = nullptr;
    Side m_side;
    int m_step = 0;
    bool m_waiting = false;
    bool m_running = false;
    int m_runStartStep = 0;
    CallResult m_lastFailure;
    /** Set while the program closes its own sockets under a waiting call: that call's end is no
     * failure. */
    bool m_stopping = false;
    QString m_textEncoding = QStringLiteral("utf-8");
};
