#pragma once

#include "net/callresult.h"
#include "net/sockaddr.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QStringList>

#include <memory>

class HttpHelloServer;
class ServeLoop;
class QTemporaryDir;
class QTimer;
class SegmentInferrer;
class Timeline;

/**
 * A real browser against the source text's web server (`--demo
 * http-browser`): HttpHelloServer serves forever on an ephemeral loopback
 * port, headless Chromium (started with QProcess, never waited for) loads
 * http://127.0.0.1:PORT/, and every connection, request and EOF is put on
 * the Timeline with a caption. Chromium gets a new empty profile in a
 * temporary directory, removed at the end, and no background networking,
 * so it talks to this server only.
 *
 * Measured here (Chromium 156, Debian 12 userland, Linux 6.18, 16 page
 * loads, seed and correct server alike): every request says
 * "Connection: keep-alive"; the page load sends two requests, "GET /
 * HTTP/1.1" and, on its own, "GET /favicon.ico HTTP/1.1", each on its own
 * connection since the server closes after one answer; Chromium opens 2
 * connections (11 loads) or 3 (5 loads), the second before the first
 * answer is out. When there are 3, the first sends nothing and Chromium
 * closes it 6–46 ms later: a server that serves one connection at a time
 * waits in recv() on it until that FIN, then recv() returns b''.
 * With --dump-dom Chromium exits once the DOM is printed, often before its
 * favicon request.
 *
 * The demo ends when the favicon was answered and nothing new came for
 * quietMs, when Chromium exits by itself, or at deadlineMs; Chromium is
 * then terminated (its whole process group), the server stopped and
 * finished() emitted.
 */
class BrowserDemo : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowserDemo)

public:
    struct Config
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 0; ///< 0: an ephemeral port chosen by the kernel
        bool correct = false; ///< the correct variant of the server (false: the seed's)
        bool dumpDom = false; ///< --dump-dom: Chromium prints the DOM (see dom()) and exits
        int quietMs = 500; ///< after the favicon's answer, end when nothing new came for this long
        int deadlineMs = 15000; ///< end at the latest this long after Chromium started
        QString chromium; ///< the browser to run; empty: findChromium()
    };

    /** One connection the server accepted, in accept() order. */
    struct Connection
    {
        SockAddr remote; ///< the browser's end
        qint64 acceptedUs = -1; ///< when accept() returned it (Timeline time)
        QByteArray request; ///< the request read on it; empty when it sent none
        qint64 eofUs = -1; ///< when recv() returned b'' without a request, else -1
    };

    /**
     * Chromium's path: $SOCKETLAB_CHROMIUM when set (empty when that is not
     * an executable: tests use it to play "not installed"), else `chromium`
     * on PATH, else /usr/bin/chromium; empty when none exists.
     */
    static QString findChromium();
    /** The Debian package that provides it. */
    static QString chromiumPackage() { return QStringLiteral("chromium"); }
    /** The request line of @p request (up to its first CRLF). */
    static QByteArray requestLine(const QByteArray &request);
    /** The value of header @p name in @p request (case-insensitive name), empty when absent. */
    static QByteArray header(const QByteArray &request, const QByteArray &name);

    BrowserDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);
    ~BrowserDemo() override;

    void setConfig(const Config &config) { m_config = config; }
    const Config &config() const { return m_config; }

    /** Starts the server, then Chromium once it listens. finished() follows. */
    void start();
    bool isRunning() const { return m_running; }

    /** The server (the seed's or the correct one, as configured). */
    HttpHelloServer *server() const;
    /** Every accepted connection so far. */
    QList<Connection> connections() const { return m_conns; }
    /** The requests read, in order. */
    QList<QByteArray> requests() const;
    /** What Chromium printed on standard output (the DOM with dumpDom). */
    QByteArray dom() const { return m_stdout; }
    /** The arguments Chromium is started with (the URL last). */
    QStringList chromiumArguments(const QString &url) const;
    /** Chromium's process id (also its process group), 0 before it started. */
    qint64 browserPid() const { return m_pid; }
    /** The temporary profile directory of the last run (removed at its end). */
    QString profilePath() const { return m_profilePath; }
    /** Why the demo failed, in the UI language; empty when it did not. */
    QString errorText() const;

signals:
    /** The demo is over; @p ok is false when Chromium or the server failed (see errorText()). */
    void finished(bool ok);

private:
    void launch(const SockAddr &address);
    void onAccepted(const SockAddr &remote);
    void onData(const QByteArray &bytes);
    void onRequest(const QByteArray &request);
    void endBrowser();
    void onBrowserFinished();
    void finish();
    void recordNote(const char *key, const QStringList &args = {});
    QString msSince(qint64 us) const;

    Timeline *m_timeline = nullptr;
    std::unique_ptr<HttpHelloServer> m_server;
    ServeLoop *m_loop = nullptr; ///< runs m_server as the seed's while True: loop
    Config m_config;
    QProcess *m_process = nullptr;
    std::unique_ptr<QTemporaryDir> m_profile;
    QTimer *m_quiet = nullptr;
    QTimer *m_deadline = nullptr;
    QTimer *m_kill = nullptr;
    QList<Connection> m_conns;
    QByteArray m_stdout;
    QString m_profilePath;
    qint64 m_pid = 0;
    qint64 m_launchedUs = -1;
    bool m_running = false;
    bool m_ending = false; ///< Chromium was asked to quit
    bool m_faviconAnswered = false;
    bool m_processFailed = false; ///< Chromium could not be started
    CallResult m_serverFailure; ///< the server's failure that ended the demo, if any
};
