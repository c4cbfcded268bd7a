#pragma once

#include "net/sockaddr.h"
#include "socketprogram.h"

#include <QHash>
#include <QList>
#include <QPointer>

#include <memory>

/**
 * The common part of the source text's TCP servers: a listening socket
 * ("listener") set up by socket() / setsockopt(SO_REUSEADDR) / bind() /
 * listen() / accept(), and the connections accept() returned ("conn"),
 * each followed in the kernel until it settles, even after close().
 *
 * Subclasses list their steps; the first six must be Socket, SetReuseAddr,
 * Bind, Listen, Accept and Recv in this order (runListenerStep() performs
 * the first five). What happens from Recv on is theirs.
 */
class TcpServerProgram : public SocketProgram
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpServerProgram)

public:
    TcpServerProgram(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);
    ~TcpServerProgram() override;

    /**
     * The last connection's TCP state while it matters, else the listener's
     * (CLOSED before socket() and after stop()).
     */
    TcpState endpointState() const override;
    /** True when every accepted connection is in TIME-WAIT or CLOSED (the listener is ignored). */
    bool isSettled() const override;
    /** Closes the listener and every connection and starts over at socket(). */
    void reset() override;

    /** The listener's TCP state (LISTEN once listening; CLOSED before socket()). */
    TcpState listenerState() const;
    /**
     * Number of connections waiting in the listener's accept queue, read
     * from the kernel (TCP_INFO); -1 before socket().
     */
    int acceptQueue() const;
    /** The accept queue's limit (listen()'s backlog as the kernel applies it); -1 before socket().
     */
    int acceptBacklog() const;
    /** The address actually bound (after bind; the real port when port 0 was asked), else invalid.
     */
    SockAddr boundAddress() const { return m_bound; }
    /**
     * Closes the listening socket (the server stops); a client still
     * connected gets its FIN first. The next step is socket() again.
     * Does nothing when the listener is not open.
     */
    void stop();
    /**
     * Gives up on the current client after a failed call (a peer that reset
     * or vanished): closes its socket and goes back to accept(), or to
     * socket() when the listener was closed. Does nothing while a call is
     * pending or before a connection was accepted.
     */
    void dropConnection();

signals:
    /** The listener's accept queue changed: @p queued waiting for accept(), limit @p backlog. */
    void acceptQueueChanged(int queued, int backlog);
    /** listen() succeeded on @p address. */
    void listening(const SockAddr &address);

protected:
    /** The steps every subclass starts with, at these indices. */
    enum ServerStep { Socket, SetReuseAddr, Bind, Listen, Accept, Recv };

    /** What socket() … listen() are called with. */
    struct ListenSpec
    {
        QString host; ///< numeric address; one with ':' makes an AF_INET6 socket
        quint16 port = 0; ///< 0: an ephemeral port chosen by the kernel
        int backlog = 5;
        bool reuseAddress = true; ///< SO_REUSEADDR before bind()
    };

    /** An accepted connection. */
    struct Connection
    {
        QPointer<NativeSocket> socket;
        StateWatch *watch = nullptr;
        SockAddr local;
        SockAddr remote;
        std::shared_ptr<qint64> bytesRead = std::make_shared<qint64>(0); // shared with its watch
    };

    /** Socket names on the timeline. */
    static inline const QString kListener = QStringLiteral("listener");
    static inline const QString kConn = QStringLiteral("conn");

    /** The names of steps Socket … Accept, as stepNames() shows them; listen() shows @p backlog. */
    static QStringList listenerStepNames(int backlog);
    /**
     * Performs step @p index, one of Socket … Accept, on the listener with
     * @p spec; accept() goes on to Recv with the new connection last in
     * m_conns.
     */
    void runListenerStep(int index, const ListenSpec &spec);
    /** close() on the current connection as a step, then step @p next. */
    void runCloseStep(int next);
    /** Called when accept() returned a new connection, now last in m_conns. */
    virtual void connectionAccepted() { }

    /** Closes the current connection if open (FIN, or RST with unread data). */
    void closeCurrent();

    NativeSocket *m_listener = nullptr;
    StateWatch *m_listenerWatch = nullptr;
    QList<Connection> m_conns; // every accepted connection, still followed after close
    SockAddr m_bound;

private:
    void onAccepted(const CallResult &r, qint64 t0);
    /**
     * Finds connections the kernel completed on the listening port that
     * wait in the accept queue (NETLINK_SOCK_DIAG), so the server's
     * ESTABLISHED shows when the final ACK arrived, not when accept() runs.
     */
    void discoverQueued();

    /** Connections seen in the accept queue, by client address: their last state read. */
    QHash<QString, TcpState> m_queued;
};
