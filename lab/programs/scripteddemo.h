#pragma once

#include "net/callresult.h"
#include "net/sockaddr.h"

#include <QObject>
#include <QStringList>

#include <functional>

class NativeSocket;
class SegmentInferrer;
class QTimer;
class Timeline;

/**
 * The common ground of the short teaching demos (stream-boundaries,
 * nonblocking): one scripted sequence of real socket calls on a loopback
 * pair, both ends driven by one object, every call, result and byte put on
 * the Timeline and the data segments handed to the SegmentInferrer.
 *
 * Sockets: the server's "listener" and accepted "conn", the "client". A
 * subclass calls openListener(), connectPair() and closePair() around its
 * own steps and ends with succeed() or fail(). Nothing blocks: a call that
 * has to wait continues in a callback when its socket finishes it.
 */
class ScriptedDemo : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScriptedDemo)

public:
    ScriptedDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);
    ~ScriptedDemo() override;

    /** Runs the script; the listener binds @p host:@p port (0: ephemeral). */
    void start(const QString &host = QStringLiteral("127.0.0.1"), quint16 port = 0);
    bool isRunning() const { return m_running; }
    /** The call that failed unexpectedly (empty when none); errorMessage() explains it. */
    CallResult failure() const { return m_failure; }

signals:
    /** The script is over; @p ok is false when a call failed unexpectedly (see failure()). */
    void finished(bool ok);

protected:
    /** The script's own steps, after start() reset everything. */
    virtual void run() = 0;

    /** socket(), setsockopt(SO_REUSEADDR), bind(), listen(1) on the listener; false on failure.
     */
    bool openListener();
    /** Client socket() and connect(), then accept() on the listener; then @p next. */
    void connectPair(std::function<void()> next);
    /** close() of client, conn and listener (the FINs inferred), then @p next. */
    void closePair(std::function<void()> next);
    /**
     * recv(@p bufsize) on @p socket ("client" or "conn"): start, return and
     * data events; the peer's segments that carried the bytes are inferred.
     */
    void recvOn(NativeSocket *socket, int bufsize, std::function<void(const CallResult &)> then);
    /** sendall(@p data) on @p socket: start and return events, the segments inferred. */
    void sendallOn(
        NativeSocket *socket, const QByteArray &data, std::function<void(const CallResult &)> then);

    /** Gives @p r to @p handler now, or when @p socket finishes it if it is pending. */
    void whenDone(
        NativeSocket *socket, const CallResult &r, std::function<void(const CallResult &)> handler);
    /** accept() on the listener: the new connection becomes m_conn; then @p next (fail() on error).
     */
    void acceptThen(std::function<void()> next);
    /** A call's `start` event, stamped @p tUs; a payload shown as text in @p encoding. */
    void recordStart(const CallResult &r, NativeSocket *socket, qint64 tUs,
        const QString &encoding = QStringLiteral("utf-8"));
    /** A call's `return` event: its value or its errno. */
    void recordReturn(const CallResult &r, NativeSocket *socket,
        const QString &encoding = QStringLiteral("utf-8"));
    /** What a recv() returned to the program (empty: EOF), as the program decodes it. */
    void recordData(const QByteArray &bytes, NativeSocket *socket,
        const QString &encoding = QStringLiteral("utf-8"));
    /** A teaching caption, @p key in context "Note" with %1… @p args. */
    void recordNote(const char *key, const QStringList &args = {});

    /** Ends the script with @p r as its failure: every socket closed, finished(false). */
    void fail(const CallResult &r);
    /** Ends the script: finished(true). */
    void succeed();
    /**
     * Calls @p check every millisecond until it is true, then @p next. After
     * @p ms: @p onTimeout, or fail() when none is given.
     */
    void waitUntil(std::function<bool()> check, std::function<void()> next, int ms = 3000,
        std::function<void()> onTimeout = {});

    /** The side and the name a socket's events carry; a demo with more sockets overrides them. */
    virtual Side sideOf(NativeSocket *socket) const;
    virtual QString nameOf(NativeSocket *socket) const;

    Timeline *m_timeline = nullptr;
    SegmentInferrer *m_inferrer = nullptr;
    QString m_host;
    quint16 m_port = 0;
    NativeSocket *m_listener = nullptr;
    NativeSocket *m_client = nullptr;
    NativeSocket *m_conn = nullptr;
    SockAddr m_serverAddr; ///< the listener's real address
    SockAddr m_clientAddr; ///< the client's address once connected

private:
    void inferArrived(NativeSocket *socket, qint64 notBeforeUs);
    void inferSent(NativeSocket *socket, qint64 bytes, qint64 notBeforeUs);

    bool m_running = false;
    CallResult m_failure;
    qint64 m_read[2] = { 0, 0 }; ///< bytes recv() returned: [0] client, [1] conn
    QTimer *m_wait = nullptr;
};
