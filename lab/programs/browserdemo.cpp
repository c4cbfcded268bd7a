#include "browserdemo.h"

#include "httphelloserver.h"
#include "net/callevent.h"
#include "net/callresult.h"
#include "net/kernelstate.h"
#include "serveloop.h"
#include "timeline/timeline.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <csignal>
#include <unistd.h>

namespace {

/** The server, telling the demo whom accept() returned (TcpServerProgram keeps that protected). */
class WatchedServer : public HttpHelloServer
{
public:
    using HttpHelloServer::HttpHelloServer;
    std::function<void(const SockAddr &)> accepted;

protected:
    void connectionAccepted() override
    {
        HttpHelloServer::connectionAccepted();
        if (accepted)
            accepted(m_conns.last().remote);
    }
};

const QByteArray kFavicon = QByteArrayLiteral("/favicon.ico");

QByteArray target(const QByteArray &request)
{
    const QList<QByteArray> parts = BrowserDemo::requestLine(request).split(' ');
    return parts.size() >= 2 ? parts.at(1) : QByteArray();
}

/** Killing Chromium's process group after this long, if SIGTERM was not enough. */
constexpr int kKillAfterMs = 3000;
/** After Chromium is gone, the server gets this long to see the EOFs of its connections. */
constexpr int kDrainMs = 300;

} // namespace

QString BrowserDemo::findChromium()
{
    if (qEnvironmentVariableIsSet("SOCKETLAB_CHROMIUM")) {
        const QFileInfo given(qEnvironmentVariable("SOCKETLAB_CHROMIUM"));
        return given.isFile() && given.isExecutable() ? given.filePath() : QString();
    }
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("chromium"));
    if (!onPath.isEmpty())
        return onPath;
    const QFileInfo usrBin(QStringLiteral("/usr/bin/chromium"));
    return usrBin.isExecutable() ? usrBin.filePath() : QString();
}

QByteArray BrowserDemo::requestLine(const QByteArray &request)
{
    const qsizetype end = request.indexOf("\r\n");
    return end < 0 ? request : request.left(end);
}

QByteArray BrowserDemo::header(const QByteArray &request, const QByteArray &name)
{
    const qsizetype headEnd = request.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = (headEnd < 0 ? request : request.left(headEnd)).split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

BrowserDemo::BrowserDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : QObject(parent)
    , m_timeline(timeline)
    , m_quiet(new QTimer(this))
    , m_deadline(new QTimer(this))
    , m_kill(new QTimer(this))
{
    auto *server = new WatchedServer(timeline, inferrer);
    server->accepted = [this](const SockAddr &remote) { onAccepted(remote); };
    m_server.reset(server);
    for (QTimer *t : { m_quiet, m_deadline, m_kill })
        t->setSingleShot(true);
    connect(m_quiet, &QTimer::timeout, this, &BrowserDemo::endBrowser);
    connect(m_deadline, &QTimer::timeout, this, &BrowserDemo::endBrowser);
    connect(m_kill, &QTimer::timeout, this, [this] {
        if (m_pid > 0)
            ::kill(pid_t(-m_pid), SIGKILL); // the whole group: browser, zygote, renderers
    });

    // Serving forever, as `--serve http-hello` does: after each client go
    // on; a client that vanished (recv/send failed) is dropped.
    m_loop = ServeLoop::forTcp(m_server.get(), this);
    connect(m_loop, &ServeLoop::stopped, this, [this](const CallResult &r) {
        if (m_running && r.failed() && m_serverFailure.call.isEmpty()) {
            m_serverFailure = r;
            endBrowser();
        }
    });
    connect(m_server.get(), &SocketProgram::dataReceived, this, &BrowserDemo::onData);
    connect(m_server.get(), &HttpHelloServer::requestReceived, this, &BrowserDemo::onRequest);
    connect(m_server.get(), &TcpServerProgram::listening, this, &BrowserDemo::launch);
}

BrowserDemo::~BrowserDemo()
{
    m_server->disconnect(this); // it outlives the members its slots use
    m_server->disconnect(m_loop);
    // Never leave a browser behind, even when destroyed while running.
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        if (m_pid > 0)
            ::kill(pid_t(-m_pid), SIGKILL);
        m_process->waitForFinished(1000); // the only wait: the event loop may be gone
    }
}

HttpHelloServer *BrowserDemo::server() const
{
    return m_server.get();
}

QList<QByteArray> BrowserDemo::requests() const
{
    QList<QByteArray> out;
    for (const Connection &c : m_conns) {
        if (!c.request.isEmpty())
            out << c.request;
    }
    return out;
}

QStringList BrowserDemo::chromiumArguments(const QString &url) const
{
    // Measured as root on Debian 12: without the sandbox and the GPU; no
    // QUIC, no first-run or sync, no component updates and no background
    // networking, whose connections to Google the closed network refuses.
    QStringList args { QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
        QStringLiteral("--disable-gpu"), QStringLiteral("--disable-quic"),
        QStringLiteral("--no-first-run"), QStringLiteral("--disable-background-networking"),
        QStringLiteral("--disable-component-update"), QStringLiteral("--disable-sync") };
    if (m_profile)
        args << QStringLiteral("--user-data-dir=%1").arg(m_profile->path());
    if (m_config.dumpDom)
        args << QStringLiteral("--dump-dom");
    args << url;
    return args;
}

void BrowserDemo::start()
{
    m_conns.clear();
    m_stdout.clear();
    m_serverFailure = {};
    m_processFailed = false;
    m_faviconAnswered = false;
    m_ending = false;
    m_pid = 0;
    m_launchedUs = -1;
    m_running = true;
    m_server->reset();
    HttpHelloServer::Config sc;
    sc.host = m_config.host;
    sc.port = m_config.port;
    sc.correct = m_config.correct;
    sc.serveForever = true;
    m_server->setConfig(sc);
    m_loop->start(); // socket() … listen(), then launch() on listening()
}

void BrowserDemo::launch(const SockAddr &address)
{
    if (!m_running || m_process)
        return;
    const QString program = m_config.chromium.isEmpty() ? findChromium() : m_config.chromium;
    m_profile = std::make_unique<QTemporaryDir>(
        QDir::tempPath() + QStringLiteral("/socketlab-chromium-XXXXXX"));
    m_profilePath = m_profile->path();
    const QString url = QStringLiteral("http://%1/").arg(address.toString());
    m_process = new QProcess(this);
    // Its caches and settings go to the temporary profile too, not to $HOME.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_profile->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_profile->filePath(QStringLiteral("cache")));
    m_process->setProcessEnvironment(env);
    m_process->setStandardErrorFile(QProcess::nullDevice()); // D-Bus complaints, not ours
    // Its own process group, so that the end takes its helper processes too.
    m_process->setChildProcessModifier([] { ::setsid(); });
    connect(m_process, &QProcess::readyReadStandardOutput, this,
        [this] { m_stdout += m_process->readAllStandardOutput(); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return; // a crash or our own kill ends in finished()
        m_processFailed = true;
        m_deadline->stop();
        finish();
    });
    connect(m_process, &QProcess::started, this, [this] { m_pid = m_process->processId(); });
    connect(m_process, &QProcess::finished, this, &BrowserDemo::onBrowserFinished);
    m_launchedUs = m_timeline->nowUs();
    recordNote(QT_TRANSLATE_NOOP("Note",
                   "Headless Chromium loads %1: a real browser, with a new empty profile and "
                   "its background networking off, so every connection below is its page load."),
        { url });
    m_deadline->start(m_config.deadlineMs);
    m_process->start(program, chromiumArguments(url));
}

void BrowserDemo::onAccepted(const SockAddr &remote)
{
    Connection c;
    c.remote = remote;
    c.acceptedUs = m_timeline->nowUs();
    m_conns << c;
    if (m_faviconAnswered)
        m_quiet->start(m_config.quietMs);
}

void BrowserDemo::onData(const QByteArray &bytes)
{
    if (m_conns.isEmpty() || !bytes.isEmpty() || !m_conns.last().request.isEmpty())
        return;
    // recv() returned b'' before any request: the browser closed this connection unused.
    Connection &c = m_conns.last();
    c.eofUs = m_timeline->nowUs();
    const int number = int(m_conns.size());
    const QString port = QString::number(c.remote.port);
    if (m_ending) {
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "Connection %1 (the browser's port %2) sent no request before Chromium "
                       "was ended, %3 ms after accept(): a connection kept open in advance for a "
                       "request that never came."),
            { QString::number(number), port, msSince(c.acceptedUs) });
    } else {
        // Read from the kernel: handshakes completed on the listening port
        // that accept() has not taken yet.
        int queued = 0;
        for (const KernelConnection &k : KernelState::connectionsOn(m_server->boundAddress())) {
            bool accepted = false;
            for (const Connection &a : std::as_const(m_conns))
                accepted = accepted || a.remote == k.remote;
            if (!accepted && (k.state == TcpState::Established || k.state == TcpState::CloseWait))
                ++queued;
        }
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "Connection %1 (the browser's port %2) sent no request: the browser "
                       "opened it in advance and closed it unused, and recv() returned b'' %3 ms "
                       "after accept(). This server serves one connection at a time: all that "
                       "time it waited in recv(), and when recv() returned, %4 other connections "
                       "were waiting in its accept queue."),
            { QString::number(number), port, msSince(c.acceptedUs), QString::number(queued) });
    }
    if (!m_config.correct) {
        recordNote(QT_TRANSLATE_NOOP("Note",
            "The post's server does not check for b'': it sends its answer anyway, into a "
            "connection the browser has closed. The browser's kernel answers that with RST, "
            "and a later send() fails."));
    }
    if (m_faviconAnswered)
        m_quiet->start(m_config.quietMs);
}

void BrowserDemo::onRequest(const QByteArray &request)
{
    if (m_conns.isEmpty() || request.isEmpty())
        return; // the seed "reads" an empty request at EOF: onData() told that
    Connection &c = m_conns.last();
    c.request = request;
    const int number = int(requests().size());
    const QByteArray connection = header(request, "Connection");
    const QStringList args { QString::number(number), QString::number(m_conns.size()),
        QString::number(c.remote.port), QString::fromLatin1(requestLine(request)),
        connection.isEmpty() ? QStringLiteral("—") : QString::fromLatin1(connection) };
    if (connection.compare("keep-alive", Qt::CaseInsensitive) == 0) {
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "Request %1, on connection %2 (the browser's port %3): %4. It says "
                       "Connection: %5: the browser would keep the connection open for more "
                       "requests (HTTP/1.1's persistent connections). This server closes it "
                       "after one answer, so the browser's next request needs a new "
                       "connection."),
            args);
    } else {
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "Request %1, on connection %2 (the browser's port %3): %4. "
                       "Connection: %5."),
            args);
    }
    if (target(request) == kFavicon) {
        recordNote(QT_TRANSLATE_NOOP("Note",
            "The browser asked for /favicon.ico by itself: no page mentions it. It is the icon "
            "for the tab. This server answers every request alike, so the icon it gets is "
            "Hello, World; a real server would answer 404 Not Found or an image."));
        m_faviconAnswered = true;
        m_quiet->start(m_config.quietMs);
    }
}

void BrowserDemo::endBrowser()
{
    m_quiet->stop();
    m_deadline->stop();
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        if (m_running && !m_process)
            finish(); // the server failed before Chromium was started
        return;
    }
    if (m_ending)
        return;
    m_ending = true;
    if (m_pid > 0)
        ::kill(pid_t(-m_pid), SIGTERM); // a clean exit: its connections end with FIN
    else
        m_process->terminate();
    m_kill->start(kKillAfterMs);
}

void BrowserDemo::onBrowserFinished()
{
    m_quiet->stop();
    m_deadline->stop();
    m_kill->stop();
    m_stdout += m_process->readAllStandardOutput();
    if (m_pid > 0)
        ::kill(pid_t(-m_pid), SIGKILL); // helpers left in its group, if any
    recordNote(m_ending ? QT_TRANSLATE_NOOP("Note",
                   "Chromium was ended (SIGTERM), %1 ms after it started; its temporary "
                   "profile is removed.")
                        : QT_TRANSLATE_NOOP("Note",
                            "Chromium exited by itself, %1 ms after it started; its temporary "
                            "profile is removed."),
        { msSince(m_launchedUs) });
    // Let the server see the EOFs of the connections Chromium left open.
    QTimer::singleShot(kDrainMs, this, &BrowserDemo::finish);
}

void BrowserDemo::finish()
{
    if (!m_running)
        return;
    m_running = false;
    m_loop->stop();
    m_server->stop();
    if (m_profile)
        m_profile->remove();
    const QList<QByteArray> reqs = requests();
    QStringList lines;
    int unused = 0;
    for (const Connection &c : std::as_const(m_conns)) {
        if (c.request.isEmpty())
            ++unused;
    }
    for (const QByteArray &r : reqs)
        lines << QString::fromLatin1(requestLine(r));
    if (!m_processFailed) {
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "In all: connections Chromium opened: %1; requests it sent: %2 (%3); "
                       "connections that sent no request: %4. No connection carried a second "
                       "request: "
                       "reusing one needs a server that leaves it open and says where each "
                       "answer ends (Content-Length)."),
            { QString::number(m_conns.size()), QString::number(reqs.size()),
                lines.join(QStringLiteral(", ")), QString::number(unused) });
    }
    const bool ok = !m_processFailed && m_serverFailure.call.isEmpty() && !reqs.isEmpty();
    if (m_process)
        m_process->deleteLater(); // finish() may run inside one of its signals
    m_process = nullptr;
    m_profile.reset();
    emit finished(ok);
}

QString BrowserDemo::errorText() const
{
    if (m_processFailed) {
        return QCoreApplication::translate("BrowserDemo", "Chromium could not be started: %1")
            .arg(m_config.chromium.isEmpty() ? findChromium() : m_config.chromium);
    }
    if (!m_serverFailure.call.isEmpty())
        return m_serverFailure.errorMessage();
    if (!m_running && requests().isEmpty()) {
        return QCoreApplication::translate(
            "BrowserDemo", "Chromium sent no request to the server within %1 ms")
            .arg(m_config.deadlineMs);
    }
    return {};
}

void BrowserDemo::recordNote(const char *key, const QStringList &args)
{
    m_timeline->append(noteEvent(key, args));
}

QString BrowserDemo::msSince(qint64 us) const
{
    return QString::number(double(qMax<qint64>(0, m_timeline->nowUs() - us)) / 1000.0, 'f', 1);
}
