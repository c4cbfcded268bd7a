#pragma once

#include "exchangedemo.h"

class HttpGetClient;
class HttpHelloServer;

/**
 * Runs the source text's web server against the lab's HTTP client end to
 * end, as TcpEchoDemo does for the echo: the server up to accept(), then
 * the client's GET against the port the server really bound, then both to
 * their end; then it reads the kernel until both endpoints have settled or
 * @p settleMs passed, and emits finished(). The programs' configs choose
 * the variant (the seed's or the correct server, a long request or not).
 * Used by `--demo http-hello` and `--demo http-reset`.
 */
class HttpHelloDemo : public ExchangeDemo
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpHelloDemo)

public:
    HttpHelloDemo(HttpHelloServer *server, HttpGetClient *client, QObject *parent = nullptr);

    /** Starts the exchange; the server listens on @p host:@p port (0: ephemeral). */
    void start(const QString &host, quint16 port, int settleMs = 2000);

protected:
    void configureServer(const QString &host, quint16 port) override;
    void configureClient(const SockAddr &server) override;

private:
    HttpHelloServer *m_server = nullptr;
    HttpGetClient *m_client = nullptr;
};
