#pragma once

#include "net/sockaddr.h"
#include "socketprogram.h"

#include <QHash>
#include <QList>
#include <QPointer>

#include <memory>

/**
 * The source text's TCP echo server, one call per step:
 *
 *     sk = socket.socket()
 *     sk.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)   # the lab's visible default
 *     sk.bind(("127.0.0.1", 8888))
 *     sk.listen(5)
 *     while True:
 *         conn, addr = sk.accept()
 *         client_data = conn.recv(1024)
 *         conn.sendall("你已连接成功。".encode("utf8"))
 *         conn.close()
 *
 * The loop goes back to accept() after close(); one run is one client.
 * The listening socket is the "listener", the accepted one the "conn".
 */
class EchoServer : public SocketProgram
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EchoServer)

public:
    enum Step { Socket, SetReuseAddr, Bind, Listen, Accept, Recv, SendAll, CloseConn, StepCount };

    struct Config
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 8888; ///< 0: an ephemeral port chosen by the kernel
        int backlog = 5;
        bool reuseAddress = true; ///< SO_REUSEADDR before bind()
        QByteArray reply = QStringLiteral("你已连接成功。").toUtf8();
        int bufsize = 1024;
        bool serveForever = true; ///< false: end after the first client
    };

    EchoServer(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);
    ~EchoServer() override;

    void setConfig(const Config &config);
    const Config &config() const { return m_config; }

    QStringList stepNames() const override;
    TcpState endpointState() const override;
    bool isSettled() const override;
    void reset() override;

    /** The listener's TCP state (LISTEN once listening). */
    TcpState listenerState() const;
    /** Accept queue length and limit read from the listener (TCP_INFO), -1 before listen. */
    int acceptQueue() const;
    int acceptBacklog() const;
    /** The address actually bound (after bind; the real port when port 0 was asked). */
    SockAddr boundAddress() const { return m_bound; }
    /** Closes the listening socket (the server stops); the next step is socket() again. */
    void stop();
    /**
     * Gives up on the current client after a failed recv/sendall (a peer
     * that reset or vanished): closes its socket and goes back to accept().
     */
    void dropConnection();

signals:
    /** The listener's accept queue changed: @p queued waiting for accept(), limit @p backlog. */
    void acceptQueueChanged(int queued, int backlog);
    /** listen() succeeded on @p address. */
    void listening(const SockAddr &address);

protected:
    void runStep(int index) override;
    bool completesRun(int from, int next) const override;

private:
    struct Conn
    {
        QPointer<NativeSocket> socket;
        StateWatch *watch = nullptr;
        SockAddr local;
        SockAddr remote;
        std::shared_ptr<qint64> bytesRead = std::make_shared<qint64>(0); // shared with its watch
    };
    void onAccepted(const CallResult &r, qint64 t0);
    /**
     * Finds connections the kernel completed on the listening port that
     * wait in the accept queue (NETLINK_SOCK_DIAG), so the server's
     * ESTABLISHED shows when the final ACK arrived, not when accept() runs.
     */
    void discoverQueued();
    /** Closes the current connection if open (FIN, or RST with unread data). */
    void closeCurrent();

    Config m_config;
    NativeSocket *m_listener = nullptr;
    StateWatch *m_listenerWatch = nullptr;
    QList<Conn> m_conns; // every accepted connection, still followed after close
    /** Connections seen in the accept queue, by client address: their last state read. */
    QHash<QString, TcpState> m_queued;
    SockAddr m_bound;
};
