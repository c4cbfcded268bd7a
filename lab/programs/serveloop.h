#pragma once

#include "net/callresult.h"

#include <QObject>

#include <functional>

class SocketProgram;
class TcpServerProgram;
class UdpEchoServer;

/**
 * Runs a server program as the source text's `while True:` loop: one run
 * after another (SocketProgram::runToEnd() stops after each client) until
 * stop() or a failure that ends the server. A failure that concerns one
 * client only (a peer that reset or vanished: recv/send failed) drops that
 * client and the loop goes on, as a real server must.
 */
class ServeLoop : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServeLoop)

public:
    /** True when a failed call concerns the current client only. */
    using Recoverable = std::function<bool(const CallResult &)>;

    /**
     * @p server must outlive the loop. @p recoverable tells which failures
     * drop a client; @p drop gives up on that client so the server can go on.
     */
    ServeLoop(SocketProgram *server, Recoverable recoverable, std::function<void()> drop,
        QObject *parent = nullptr);

    /** The loop for a TCP server: recv/send/sendall failures drop the connection. */
    static ServeLoop *forTcp(TcpServerProgram *server, QObject *parent = nullptr);
    /** The loop for the UDP echo server: recvfrom/sendto failures drop the datagram. */
    static ServeLoop *forUdp(UdpEchoServer *server, QObject *parent = nullptr);

    bool isServing() const { return m_serving; }

public slots:
    /** Starts serving from the program's next call (socket() on a fresh program). */
    void start();
    /** Stops looping; the program keeps its sockets (its own stop() closes them). */
    void stop();

signals:
    /** A client was dropped after @p failure; the server goes on. */
    void clientDropped(const CallResult &failure);
    /** The loop ended: stop(), the program's end, or @p failure (ok() when none). */
    void stopped(const CallResult &failure);

private:
    void onFailed(const CallResult &r);
    void onRunFinished();
    void finish(const CallResult &r);

    SocketProgram *m_server = nullptr;
    Recoverable m_recoverable;
    std::function<void()> m_drop;
    bool m_serving = false;
};
