#pragma once

#include "net/callresult.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <optional>

class NativeSocket;
class QTimer;
class Timeline;

/**
 * "Try it" for one SocketApi entry: a short demonstration on real sockets
 * on loopback (127.0.0.1, ::1 or AF_UNIX; never beyond), each call — the
 * set-up ones too — appended to the Timeline as it happens: a call that
 * may block (accept, connect, connect_ex, send, sendall, recv, recvfrom)
 * as `start` and `return`, the others as `return`, with the value or the
 * errno; a recv's bytes as a `data` event. Sides: the listening and
 * accepted sockets are "server", connecting ones "client".
 *
 * Nothing blocks the calling thread: NativeSocket is non-blocking and
 * driven by its notifiers; a call that could wait gets a short
 * settimeout() first (also on the timeline), and a watchdog ends a run that
 * is still going after runLimitMs(). Every socket the run opened is closed
 * before finished() is emitted.
 *
 * The summary is stored as a key (context "SocketApi") with arguments and
 * made in the UI language by summary(), so it can be re-made after a
 * language switch.
 */
class SocketApiTrial : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SocketApiTrial)

public:
    explicit SocketApiTrial(QObject *parent = nullptr);
    ~SocketApiTrial() override;

    /** Where the calls are recorded; not owned. A run needs one. */
    void setTimeline(Timeline *timeline);
    Timeline *timeline() const { return m_timeline; }

    /**
     * Starts the demonstration of the entry @p name (SocketApi::find).
     * Returns false, doing nothing, when the name is unknown, no timeline is
     * set or a run is going on. finished() always comes later, from the
     * event loop, never from inside start().
     */
    bool start(const QString &name);
    bool isRunning() const { return m_running; }
    /** The entry of the current or last run. */
    QString entryName() const { return m_entry; }

    /** The last run showed what the entry says (false: a call surprised us, or the watchdog). */
    bool lastOk() const { return m_ok; }
    /** One sentence on the last run, in the UI language; empty before the first. */
    QString summary() const;
    /** Every call of the last run in order, final results only (pending calls as they ended). */
    QList<CallResult> results() const { return m_results; }

    /** Milliseconds after which a run is stopped and fails (default 5000). */
    int runLimitMs() const { return m_runLimitMs; }
    void setRunLimitMs(int ms) { m_runLimitMs = ms; }

signals:
    /** The run is over, its sockets closed. @p summary is summary() at that moment. */
    void finished(bool ok, const QString &summary);

private:
    using Op = std::function<CallResult(NativeSocket *)>;
    using Check = std::function<bool(const CallResult &)>;
    using After = std::function<void(const CallResult &)>;

    struct Step
    {
        QString socket; ///< "listener", "conn", "client", "sk" …
        Op op; ///< the call; empty for a step that waits for the background call
        Check expect; ///< true when the result is what the entry teaches
        After after; ///< remembers values for later steps and the summary
        std::function<bool()> when; ///< run only when true (empty: always)
        std::function<bool()> again; ///< after it ran: run it again while true
        bool background = false; ///< don't wait for a pending result; a later wait step does
    };

    void add(const QString &socket, Op op, Check expect = {}, After after = {});
    void build(const QString &name);
    void buildConstant(const QString &name);
    void addPair(bool smallBuffers);
    void addUdpPair();
    void addCloseAll(const QStringList &sockets);

    void runNext();
    void handleResult(const Step &step, NativeSocket *s, const CallResult &r);
    void record(const CallResult &r, NativeSocket *s, const QString &socket);
    void stop(bool ok);
    void closeRemaining();
    NativeSocket *socketNamed(const QString &name);
    Side sideOf(const QString &socket) const;
    void setSummary(const char *key, const QStringList &args = {});

    Timeline *m_timeline = nullptr;
    QTimer *m_watchdog = nullptr;
    int m_runLimitMs = 5000;
    bool m_running = false;
    bool m_ok = false;
    quint64 m_generation = 0; ///< callbacks of an ended run are ignored
    QString m_entry;
    Side m_skSide = Side::Client; ///< the side of a lone socket "sk"
    QList<Step> m_steps;
    int m_index = 0;
    QList<QPair<QString, QPointer<NativeSocket>>> m_sockets; ///< in order of creation
    QList<CallResult> m_results;

    // What steps remember for later steps and the summary.
    SockAddr m_bound; ///< the listener's (or lone socket's) address after bind
    quint16 m_port = 0;
    qint64 m_received = 0;
    int m_recvCalls = 0;
    qint64 m_value = 0; ///< a number one step remembers for the summary
    qint64 m_startUs = 0; ///< start of the last blocking call
    std::optional<CallResult> m_background; ///< the background call's result, once done
    bool m_waitingBackground = false;

    const char *m_summaryKey = nullptr;
    QStringList m_summaryArgs;
    std::optional<CallResult> m_surprise; ///< the call that was not as expected
};
