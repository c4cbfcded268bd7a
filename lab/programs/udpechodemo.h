#pragma once

#include "exchangedemo.h"

class UdpEchoClient;
class UdpEchoServer;

/**
 * Runs the source text's UDP echo exchange end to end with the two
 * programs it is given: the server up to recvfrom(), then the client
 * against the port the server really bound, then both to their end, and
 * emits finished(). UDP leaves nothing in the kernel to wait for (no
 * TIME-WAIT), so there is no settling. Used by `--demo udp-echo`.
 */
class UdpEchoDemo : public ExchangeDemo
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpEchoDemo)

public:
    UdpEchoDemo(UdpEchoServer *server, UdpEchoClient *client, QObject *parent = nullptr);

    /** Starts the exchange; the server binds @p host:@p port (0: ephemeral). */
    void start(const QString &host, quint16 port);

protected:
    void configureServer(const QString &host, quint16 port) override;
    void configureClient(const SockAddr &server) override;

private:
    UdpEchoServer *m_server = nullptr;
    UdpEchoClient *m_client = nullptr;
};
