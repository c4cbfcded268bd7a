#pragma once

#include "net/sockaddr.h"

#include <QObject>
#include <QTimer>

class SocketProgram;

/**
 * Runs a server program and a client program of the source text end to
 * end: the server first, then the client against the address the server
 * really bound once the server is ready for it (subclasses tell when, by
 * calling startClient()), then both to their end; then it keeps reading
 * the kernel until both endpoints have settled (SocketProgram::isSettled())
 * or the settle time passed, and emits finished().
 *
 * When one program fails the other is not waited for where it could only
 * wait forever (a client that never starts, a server blocked waiting for
 * it); the server is then reset and finished(false) follows.
 */
class ExchangeDemo : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExchangeDemo)

public:
    /** True from start until finished() is emitted. */
    bool isRunning() const { return m_running; }

signals:
    /** The exchange is over; @p ok is false when a call failed (the programs tell which). */
    void finished(bool ok);

protected:
    /** @p server and @p client must outlive the demo. */
    ExchangeDemo(SocketProgram *server, SocketProgram *client, QObject *parent = nullptr);

    /**
     * Resets both programs, has configureServer() aim the server at
     * @p host:@p port (0: ephemeral) for one client, and runs it.
     * @p settleMs: how long, in milliseconds, to wait at most for the
     * endpoints to settle after both programs ended (0: not at all).
     */
    void startExchange(const QString &host, quint16 port, int settleMs);
    /**
     * Aims the client at @p server with configureClient() and runs it; only
     * once per exchange, and only while one runs.
     */
    void startClient(const SockAddr &server);
    /** True once startClient() has started the client in this exchange. */
    bool clientStarted() const { return m_clientStarted; }

    /** Sets the server's address to @p host:@p port, serving one client only. */
    virtual void configureServer(const QString &host, quint16 port) = 0;
    /** Sets the client's destination to @p server. */
    virtual void configureClient(const SockAddr &server) = 0;

    /** The usual configureServer(): @p Server has a Config with host, port and serveForever. */
    template <class Server> static void aimServer(Server *server, const QString &host, quint16 port)
    {
        typename Server::Config c = server->config();
        c.host = host;
        c.port = port;
        c.serveForever = false;
        server->setConfig(c);
    }
    /** The usual configureClient(): @p Client has a Config with host and port. */
    template <class Client> static void aimClient(Client *client, const SockAddr &server)
    {
        typename Client::Config c = client->config();
        c.host = server.host;
        c.port = server.port;
        client->setConfig(c);
    }

private:
    void onProgramDone();
    void checkSettled();

    SocketProgram *m_server = nullptr;
    SocketProgram *m_client = nullptr;
    QTimer m_settle;
    qint64 m_settleDeadline = 0;
    int m_settleMs = 0;
    bool m_running = false;
    bool m_clientStarted = false;
    bool m_serverDone = false;
    bool m_clientDone = false;
    bool m_ok = true;
};
