#pragma once

#include <QObject>
#include <QTimer>

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
class HttpHelloDemo : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpHelloDemo)

public:
    HttpHelloDemo(HttpHelloServer *server, HttpGetClient *client, QObject *parent = nullptr);

    /** Starts the exchange; the server listens on @p host:@p port (0: ephemeral). */
    void start(const QString &host, quint16 port, int settleMs = 2000);
    bool isRunning() const { return m_running; }

signals:
    /** The exchange is over; @p ok is false when a call failed (the programs tell which). */
    void finished(bool ok);

private:
    void onProgramDone();
    void checkSettled();

    HttpHelloServer *m_server = nullptr;
    HttpGetClient *m_client = nullptr;
    QTimer m_settle;
    qint64 m_settleDeadline = 0;
    int m_settleMs = 2000;
    bool m_running = false;
    bool m_clientStarted = false;
    bool m_serverDone = false;
    bool m_clientDone = false;
    bool m_ok = true;
};
