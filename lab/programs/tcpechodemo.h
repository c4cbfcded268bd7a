#pragma once

#include <QObject>
#include <QTimer>

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
class TcpEchoDemo : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpEchoDemo)

public:
    TcpEchoDemo(EchoServer *server, EchoClient *client, QObject *parent = nullptr);

    /** Starts the exchange; the server listens on @p host:@p port (0: ephemeral). */
    void start(const QString &host, quint16 port, int settleMs = 2000);
    bool isRunning() const { return m_running; }

signals:
    /** The exchange is over; @p ok is false when a call failed (the programs tell which). */
    void finished(bool ok);

private:
    void onProgramDone();
    void checkSettled();

    EchoServer *m_server = nullptr;
    EchoClient *m_client = nullptr;
    QTimer m_settle;
    qint64 m_settleDeadline = 0;
    int m_settleMs = 2000;
    bool m_running = false;
    bool m_clientStarted = false;
    bool m_serverDone = false;
    bool m_clientDone = false;
    bool m_ok = true;
};
