#pragma once

#include <QObject>

class UdpEchoClient;
class UdpEchoServer;

/**
 * Runs the source text's UDP echo exchange end to end with the two
 * programs it is given: the server up to recvfrom(), then the client
 * against the port the server really bound, then both to their end, and
 * emits finished(). UDP leaves nothing in the kernel to wait for (no
 * TIME-WAIT), so there is no settling. Used by `--demo udp-echo`.
 */
class UdpEchoDemo : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpEchoDemo)

public:
    UdpEchoDemo(UdpEchoServer *server, UdpEchoClient *client, QObject *parent = nullptr);

    /** Starts the exchange; the server binds @p host:@p port (0: ephemeral). */
    void start(const QString &host, quint16 port);
    bool isRunning() const { return m_running; }

signals:
    /** The exchange is over; @p ok is false when a call failed (the programs tell which). */
    void finished(bool ok);

private:
    void startClient();
    void onProgramDone();

    UdpEchoServer *m_server = nullptr;
    UdpEchoClient *m_client = nullptr;
    bool m_running = false;
    bool m_clientStarted = false;
    bool m_serverDone = false;
    bool m_clientDone = false;
    bool m_ok = true;
};
