#pragma once

#include "exchangedemo.h"

class EchoClient;
class EchoServer;

/**
 * Runs the source text's TCP echo exchange end to end with the two
 * programs it is given: the server up to accept(), then the client against
 * the port the server really bound, then both to their end; then it keeps
 * reading the kernel until both endpoints have settled (server in
 * TIME-WAIT, client CLOSED) or @p settleMs passed, and emits finished().
 * Used by `--demo tcp-echo` and by the window's "Run the exchange".
 */
class TcpEchoDemo : public ExchangeDemo
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpEchoDemo)

public:
    TcpEchoDemo(EchoServer *server, EchoClient *client, QObject *parent = nullptr);

    /** Starts the exchange; the server listens on @p host:@p port (0: ephemeral). */
    void start(const QString &host, quint16 port, int settleMs = 2000);

protected:
    void configureServer(const QString &host, quint16 port) override;
    void configureClient(const SockAddr &server) override;

private:
    EchoServer *m_server = nullptr;
    EchoClient *m_client = nullptr;
};
