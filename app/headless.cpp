#include "headless.h"

#include "capture/capturesession.h"
#include "capture/pcapexport.h"
#include "net/textcodec.h"
#include "programs/backlogdemo.h"
#include "programs/browserdemo.h"
#include "programs/dualstackdemo.h"
#include "programs/echoclient.h"
#include "programs/echoserver.h"
#include "programs/eofresetdemo.h"
#include "programs/exchangedemo.h"
#include "programs/getaddrinfoorderdemo.h"
#include "programs/httpgetclient.h"
#include "programs/httphellodemo.h"
#include "programs/httphelloserver.h"
#include "programs/nonblockingdemo.h"
#include "programs/permissionsdemo.h"
#include "programs/segmentinferrer.h"
#include "programs/serveloop.h"
#include "programs/streamboundariesdemo.h"
#include "programs/tcpechodemo.h"
#include "programs/textencodingsdemo.h"
#include "programs/timewaitdemo.h"
#include "programs/udpechoclient.h"
#include "programs/udpechodemo.h"
#include "programs/udpechoserver.h"
#include "programs/udpunreachabledemo.h"
#include "scenarios/scenario.h"
#include "timeline/eventtext.h"
#include "timeline/timeline.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <functional>
#include <limits>
#include <memory>
#include <unistd.h>

namespace {

int g_signalPipe[2] = { -1, -1 };

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}

// SIGINT/SIGTERM become a quit of the event loop, so sockets close cleanly.
void quitOnSignals()
{
    if (g_signalPipe[0] >= 0 || ::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    auto *n = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, qApp);
    QObject::connect(n, &QSocketNotifier::activated, qApp, [] { QCoreApplication::exit(130); });
    struct sigaction sa
    {
    };
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
}

} // namespace

Headless::Headless(Format format, QObject *parent)
    : QObject(parent)
    , m_format(format)
{
}

namespace {
/** Makes a ScriptedDemo on @p timeline; null for the demos that are not one. */
using MakeScripted = std::unique_ptr<ScriptedDemo> (*)(Timeline *, SegmentInferrer *);

template <class Demo> std::unique_ptr<ScriptedDemo> make(Timeline *t, SegmentInferrer *i)
{
    return std::make_unique<Demo>(t, i);
}

/**
 * Every demo, in --list order: its name, its one-line summary (translated when
 * shown) and, for a scripted one (--demo only, no --serve/--client), how to make it.
 */
struct DemoInfo
{
    const char *name;
    const char *summary;
    MakeScripted makeScripted = nullptr;
    bool demoOnly = false; ///< no --serve/--client (scripted demos and http-browser)
};

const DemoInfo kDemos[] = {
    { "tcp-echo",
        QT_TRANSLATE_NOOP("Headless",
            "the source text's TCP echo: server on 127.0.0.1 with listen(5); the client sends "
            "请求连接, the server answers 你已连接成功。 and closes") },
    { "udp-echo",
        QT_TRANSLATE_NOOP("Headless",
            "the source text's UDP echo: no connection; the client sends 你好 with sendto(), the "
            "server answers with one datagram from recvfrom()/sendto()") },
    { "http-hello",
        QT_TRANSLATE_NOOP("Headless",
            "the source text's web server: recv(1024) once, send() \"HTTP/1.1 200 OK\" and a "
            "blank line, send() Hello, World, close(); the client's GET reads to EOF") },
    { "http-reset",
        QT_TRANSLATE_NOOP("Headless",
            "the same server and a GET with a 3000-byte header: recv(1024) leaves bytes unread, "
            "so close() sends RST and the client's recv() fails with ECONNRESET") },
    { "http-browser",
        QT_TRANSLATE_NOOP("Headless",
            "headless Chromium loads a page from the same server: every connection it opens, "
            "its requests (GET / and GET /favicon.ico, Connection: keep-alive) and its spare "
            "connections (needs the package chromium)"),
        nullptr, true },
    { "stream-boundaries",
        QT_TRANSLATE_NOOP("Headless",
            "TCP is a byte stream: two sendall() calls arrive in one recv(), one large sendall() "
            "in several recv() calls"),
        make<StreamBoundariesDemo>, true },
    { "nonblocking",
        QT_TRANSLATE_NOOP("Headless",
            "setblocking(False): accept() and recv() fail at once with EAGAIN; settimeout(0.2): "
            "recv() fails with a timeout, then returns data as soon as it arrives"),
        make<NonblockingDemo>, true },
    { "eof-and-reset",
        QT_TRANSLATE_NOOP("Headless",
            "recv() after the peer's close(): b'' (EOF, not an error); after a close() with "
            "unread data: RST, and recv() fails with ECONNRESET"),
        make<EofResetDemo>, true },
    { "time-wait-restart",
        QT_TRANSLATE_NOOP("Headless",
            "the server closes first and restarts on the same port while the old connection is "
            "in TIME-WAIT: bind() fails with EADDRINUSE unless SO_REUSEADDR is set on both "
            "listeners"),
        make<TimeWaitDemo>, true },
    { "ipv6-dual-stack",
        QT_TRANSLATE_NOOP("Headless",
            "a listener on \"::\" accepts an IPv4 client as ::ffff:127.0.0.1; with IPV6_V6ONLY "
            "the IPv4 connect() is refused (ECONNREFUSED)"),
        make<DualStackDemo>, true },
    { "listen-backlog",
        QT_TRANSLATE_NOOP("Headless",
            "listen(1) and no accept(): 2 clients complete the handshake, the 3rd is not "
            "refused but keeps retransmitting SYNs"),
        make<BacklogDemo>, true },
    { "udp-unreachable",
        QT_TRANSLATE_NOOP("Headless",
            "a UDP datagram to a closed port: a connected socket's recv() fails with "
            "ECONNREFUSED (ICMP port unreachable), an unconnected socket's recvfrom() only "
            "times out unless IP_RECVERR"),
        make<UdpUnreachableDemo>, true },
    { "getaddrinfo-order",
        QT_TRANSLATE_NOOP("Headless",
            "connecting to a name tries each address getaddrinfo() returns: ::1 is refused, "
            "127.0.0.1 connects (--host: a name, or the answer as a list; default ::1,127.0.0.1)"),
        make<GetaddrinfoOrderDemo>, true },
    { "permissions",
        QT_TRANSLATE_NOOP("Headless",
            "without root: bind() to port 80 fails with EACCES, a raw ICMP socket with EPERM; "
            "as root both succeed (run as root, the lab drops privileges in a child process)"),
        make<PermissionsDemo>, true },
    { "text-encodings",
        QT_TRANSLATE_NOOP("Headless",
            "sockets carry bytes: 你好 sent as GBK and decoded as UTF-8 gives U+FFFD, UTF-8 "
            "decoded as GBK gives 浣犲ソ, then both agree"),
        make<TextEncodingsDemo>, true },
};

const DemoInfo *findDemo(const QString &name)
{
    for (const DemoInfo &d : kDemos) {
        if (name == QLatin1String(d.name))
            return &d;
    }
    return nullptr;
}

/** Whether --host was on the command line (main() passes its default, 127.0.0.1, otherwise). */
bool hostGiven()
{
    for (const QString &a : QCoreApplication::arguments()) {
        if (a == QLatin1String("--host") || a.startsWith(QLatin1String("--host=")))
            return true;
    }
    return false;
}

/** A demo run by --demo only: a ScriptedDemo, or http-browser. */
bool isScripted(const QString &name)
{
    const DemoInfo *d = findDemo(name);
    return d && d->demoOnly;
}
} // namespace

bool Headless::hasDemo(const QString &name)
{
    return findDemo(name) != nullptr;
}

bool Headless::capturableDemo(const QString &name)
{
    return name == QLatin1String("tcp-echo") || name == QLatin1String("http-hello")
        || name == QLatin1String("http-reset");
}

bool Headless::servableDemo(const QString &name)
{
    if (!knownDemo(name))
        return false;
    if (!isScripted(name))
        return true;
    printLine(QCoreApplication::translate(
                  "Headless", "%1 is one scripted exchange: run it with --demo %1")
                  .arg(name),
        stderr);
    return false;
}

bool Headless::knownDemo(const QString &name)
{
    if (hasDemo(name))
        return true;
    std::fputs(QCoreApplication::translate("Headless", "unknown demo: %1 (see --list)")
                   .arg(name)
                   .toUtf8()
                   .constData(),
        stderr);
    std::fputc('\n', stderr);
    return false;
}

int Headless::list()
{
    auto line = [](const QString &name, const QString &text) {
        std::fputs(
            QStringLiteral("  %1  %2\n").arg(name, -22).arg(text).toUtf8().constData(), stdout);
    };
    std::fputs((QCoreApplication::translate(
                    "Headless", "Demos on real loopback sockets (--demo, --serve, --client):")
                   + QLatin1Char('\n'))
                   .toUtf8()
                   .constData(),
        stdout);
    for (const DemoInfo &d : kDemos)
        line(QString::fromLatin1(d.name), QCoreApplication::translate("Headless", d.summary));
    std::fputs(
        (QCoreApplication::translate("Headless", "Scenarios of the RFC 9293 model (--scenario):")
            + QLatin1Char('\n'))
            .toUtf8()
            .constData(),
        stdout);
    for (const ScenarioInfo &s : Scenarios::list())
        line(s.name,
            //: a scenario's title, then its one-line summary
            QCoreApplication::translate("Headless", "%1: %2")
                .arg(Scenarios::title(s), Scenarios::summary(s)));
    return 0;
}

int Headless::scenario(const QString &name)
{
    if (!Scenarios::find(name)) {
        printLine(
            QCoreApplication::translate("Headless", "unknown scenario: %1 (see --list)").arg(name),
            stderr);
        return 2;
    }
    Timeline timeline;
    Scenarios::build(name, &timeline);
    printAll(timeline);
    return 0;
}

namespace {

// Columns on a terminal: CJK characters take two cells.
int displayWidth(const QString &s)
{
    int w = 0;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        const bool wide = (u >= 0x1100 && u <= 0x115F) || (u >= 0x2E80 && u <= 0xA4CF)
            || (u >= 0xAC00 && u <= 0xD7A3) || (u >= 0xF900 && u <= 0xFAFF)
            || (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFF60)
            || (u >= 0xFFE0 && u <= 0xFFE6);
        w += wide ? 2 : 1;
    }
    return w;
}

QString padded(const QString &s, int width)
{
    return s + QString(qMax(0, width - displayWidth(s)), QLatin1Char(' '));
}

} // namespace

QString Headless::formatEvent(const LabEvent &e, Format format)
{
    if (format == Format::Json)
        return QString::fromUtf8(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact));
    // Pad to the widest label of the UI language, so the columns line up.
    int sideWidth = 0;
    for (const QString &socket : { QString(), QStringLiteral("listener") }) {
        for (const Side s : { Side::Client, Side::Server })
            sideWidth = qMax(sideWidth, displayWidth(EventText::side(s, socket)));
    }
    int sourceWidth = 0;
    for (const EventSource s : { EventSource::App, EventSource::Kernel, EventSource::Inferred })
        sourceWidth = qMax(sourceWidth, displayWidth(EventText::source(s)) + 2);
    QString text = EventText::describe(e);
    if (e.kind == EventKind::Data && !e.bytes.isEmpty()) {
        // The bytes themselves beside their text: what a recv() returned is bytes,
        // the text is only how the receiver decodes them.
        constexpr int kHexBytes = 32;
        QString hex = TextCodec::hex(e.bytes.left(kHexBytes));
        if (e.bytes.size() > kHexBytes)
            hex += QStringLiteral(" …");
        text += QStringLiteral("  ")
            //: after a data event: %1 the bytes in hex, %2 the encoding (UTF-8, GBK)
            + QCoreApplication::translate("Headless", "[%1, decoded as %2]")
                  .arg(hex,
                      TextCodec::displayName(
                          e.encoding.isEmpty() ? QStringLiteral("utf-8") : e.encoding));
    }
    return QStringLiteral("%1  %2  %3  %4")
        .arg(EventText::time(e.tUs), 10)
        .arg(padded(EventText::side(e.side, e.socket), sideWidth))
        .arg(padded(QLatin1Char('[') + EventText::source(e.source) + QLatin1Char(']'), sourceWidth))
        .arg(text);
}

void Headless::printLine(const QString &line, FILE *to)
{
    // fwrite, not fputs: a NUL inside received data must not cut the line.
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), to);
    std::fflush(to);
}

void Headless::setPcapExport(const QString &path, bool printEvents)
{
    m_pcapPath = path;
    m_printEvents = printEvents;
}

void Headless::printAll(const Timeline &timeline)
{
    if (m_printEvents) {
        for (const LabEvent &e : timeline.events())
            printLine(formatEvent(e, m_format));
    }
    if (QString error; !m_pcapPath.isEmpty() && !PcapExport::write(timeline, m_pcapPath, &error)) {
        printLine(error, stderr);
        m_exportFailed = true;
    }
}

bool Headless::runExchange(ExchangeDemo &demo, const std::function<void()> &start,
    const Timeline &timeline, const SocketProgram &server, const SocketProgram &client)
{
    bool ok = false;
    QEventLoop loop;
    QObject::connect(&demo, &ExchangeDemo::finished, &loop, [&](bool result) {
        ok = result;
        loop.quit();
    });
    quitOnSignals(); // Ctrl+C still prints what happened so far
    start();
    if (demo.isRunning())
        loop.exec();
    drainCapture(); // --json includes every packet captured
    if (server.inferrer())
        server.inferrer()->flushHeld(); // states whose segment was not captured: at their own time
    printAll(timeline);
    for (const SocketProgram *p : { &server, &client }) {
        if (p->hasFailed())
            printLine(p->lastFailure().errorMessage(), stderr);
    }
    return ok;
}

std::unique_ptr<CaptureSession> Headless::startCapture(
    Timeline &timeline, const QString &host, quint16 &port)
{
    // The filter needs the server's port before the server binds it: take a free one now.
    if (port == 0)
        port = CaptureSession::reservePort(host);
    auto session = std::make_unique<CaptureSession>(&timeline);
    if (port != 0)
        session->setServerPorts({ port });
    bool started = false;
    QEventLoop loop;
    QObject::connect(session.get(), &CaptureSession::started, &loop, [&] {
        started = true;
        loop.quit();
    });
    QObject::connect(
        session.get(), &CaptureSession::unavailable, &loop, [&](const QString &reason) {
            printLine(reason, stderr);
            loop.quit();
        });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit); // a helper that never answers
    session->start();
    loop.exec();
    if (!started)
        return nullptr;
    m_activeCapture = session.get();
    return session;
}

void Headless::drainCapture()
{
    if (!m_activeCapture)
        return;
    QEventLoop loop;
    QObject::connect(m_activeCapture, &CaptureSession::stopped, &loop, &QEventLoop::quit);
    m_activeCapture->drain(); // bounded: the helper is terminated after 3 s
    loop.exec();
    m_activeCapture = nullptr;
}

int Headless::demo(const QString &name, const QString &host, quint16 port)
{
    if (!knownDemo(name))
        return 2;
    if (name == QLatin1String("udp-echo"))
        return demoUdp(host, port);
    if (name == QLatin1String("http-browser")) {
        if (BrowserDemo::findChromium().isEmpty()) {
            printLine(QCoreApplication::translate("Headless",
                          "Chromium is not installed: install the package %1 (apt-get install "
                          "%1) to run this demo")
                          .arg(BrowserDemo::chromiumPackage()),
                stderr);
            return 3;
        }
        Timeline timeline;
        SegmentInferrer inferrer(&timeline);
        BrowserDemo demo(&timeline, &inferrer);
        BrowserDemo::Config config;
        config.host = host;
        config.port = port;
        demo.setConfig(config);
        bool ok = false;
        QEventLoop loop;
        QObject::connect(&demo, &BrowserDemo::finished, &loop, [&](bool result) {
            ok = result;
            loop.quit();
        });
        quitOnSignals(); // Ctrl+C still prints what happened so far
        demo.start();
        if (demo.isRunning())
            loop.exec();
        printAll(timeline);
        if (!ok)
            printLine(demo.errorText(), stderr);
        return ok ? 0 : 1;
    }
    if (const DemoInfo *info = findDemo(name); info && info->makeScripted) {
        Timeline timeline;
        SegmentInferrer inferrer(&timeline);
        const std::unique_ptr<ScriptedDemo> demo = info->makeScripted(&timeline, &inferrer);
        bool ok = false;
        QEventLoop loop;
        QObject::connect(demo.get(), &ScriptedDemo::finished, &loop, [&](bool result) {
            ok = result;
            loop.quit();
        });
        quitOnSignals(); // Ctrl+C still prints what happened so far
        // getaddrinfo-order's host is the resolver's answer unless --host says otherwise.
        demo->start(name == QLatin1String("getaddrinfo-order") && !hostGiven()
                ? GetaddrinfoOrderDemo::defaultHost()
                : host,
            port);
        if (demo->isRunning())
            loop.exec();
        printAll(timeline);
        if (demo->failure().failed())
            printLine(demo->failure().errorMessage(), stderr);
        return ok ? 0 : 1;
    }
    if (name.startsWith(QLatin1String("http-"))) {
        Timeline timeline;
        quint16 httpPort = port;
        const std::unique_ptr<CaptureSession> capture
            = m_capture ? startCapture(timeline, host, httpPort) : nullptr;
        SegmentInferrer inferrer(&timeline);
        if (capture)
            inferrer.setCapturedPorts({ httpPort });
        HttpHelloServer server(&timeline, &inferrer);
        HttpGetClient client(&timeline, &inferrer);
        const bool reset = name == QLatin1String("http-reset");
        HttpGetClient::Config cc = client.config();
        cc.padding = reset ? 3000 : 0; // longer than the seed's recv(1024)
        client.setConfig(cc);
        HttpHelloDemo demo(&server, &client);
        runExchange(
            demo, [&] { demo.start(host, httpPort); }, timeline, server, client);
        // http-reset shows a reset: the client's recv() failing with ECONNRESET is its point.
        const CallResult f = client.lastFailure();
        const bool expected = reset && f.call == QLatin1String("recv")
            && f.errorDomain == ErrorDomain::Errno && f.errnum == ECONNRESET;
        return !server.hasFailed() && (!client.hasFailed() || expected) ? 0 : 1;
    }
    Timeline timeline;
    quint16 echoPort = port;
    const std::unique_ptr<CaptureSession> capture
        = m_capture ? startCapture(timeline, host, echoPort) : nullptr;
    SegmentInferrer inferrer(&timeline);
    // With capture, the segments shown are the ones seen on the wire (a guess is never
    // shown beside an observation), and the brief states land at the segments that caused
    // them.
    if (capture)
        inferrer.setCapturedPorts({ echoPort });
    EchoServer server(&timeline, &inferrer);
    EchoClient client(&timeline, &inferrer);
    TcpEchoDemo demo(&server, &client);
    const bool ok = runExchange(
        demo, [&] { demo.start(host, echoPort); }, timeline, server, client);
    return ok ? 0 : 1;
}

int Headless::serve(const QString &name, const QString &host, quint16 port)
{
    if (!servableDemo(name))
        return 2;
    Timeline timeline;
    if (name.startsWith(QLatin1String("http-"))) {
        SegmentInferrer inferrer(&timeline);
        HttpHelloServer server(&timeline, &inferrer);
        HttpHelloServer::Config config;
        config.host = host;
        config.port = port;
        config.serveForever = true;
        server.setConfig(config);
        QObject::connect(&server, &HttpHelloServer::listening, this,
            [&](const SockAddr &a) { announce(timeline, a); });
        // A client that vanished (recv/send failed) is dropped; the server goes on.
        return serveLoop(timeline, *ServeLoop::forTcp(&server, &server), [&] { server.stop(); });
    }
    if (name == QLatin1String("udp-echo")) {
        UdpEchoServer server(&timeline);
        UdpEchoServer::Config config;
        config.host = host;
        config.port = port;
        config.serveForever = true;
        server.setConfig(config);
        QObject::connect(&server, &UdpEchoServer::bound, this,
            [&](const SockAddr &a) { announce(timeline, a); });
        // A datagram that could not be read or answered is dropped; the server goes on.
        return serveLoop(timeline, *ServeLoop::forUdp(&server, &server), [&] { server.stop(); });
    }
    SegmentInferrer inferrer(&timeline);
    EchoServer server(&timeline, &inferrer);
    EchoServer::Config config;
    config.host = host;
    config.port = port;
    config.serveForever = true;
    server.setConfig(config);
    QObject::connect(
        &server, &EchoServer::listening, this, [&](const SockAddr &a) { announce(timeline, a); });
    // A client that vanished (recv/sendall failed) is dropped; the server goes on.
    return serveLoop(timeline, *ServeLoop::forTcp(&server, &server), [&] { server.stop(); });
}

void Headless::announce(const Timeline &timeline, const SockAddr &a)
{
    const QString line = QStringLiteral("listening on %1").arg(a.toString());
    if (m_format == Format::Json) {
        // Still the first line and still says "listening on", but valid JSON Lines.
        QJsonObject o { { QStringLiteral("t_us"), double(timeline.nowUs()) },
            { QStringLiteral("side"), QStringLiteral("server") },
            { QStringLiteral("kind"), QStringLiteral("listening") },
            { QStringLiteral("source"), QStringLiteral("app") }, { QStringLiteral("text"), line },
            { QStringLiteral("host"), a.host }, { QStringLiteral("port"), a.port } };
        printLine(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    } else {
        printLine(line);
    }
    m_announced = true;
}

int Headless::serveLoop(Timeline &timeline, ServeLoop &loop, const std::function<void()> &stop)
{
    m_announced = false;
    int printed = 0;
    // Print in time order: hold each event back 50 ms, since inferred
    // segments are stamped a little in the past when their evidence appears.
    auto flush = [&](qint64 upToUs) {
        while (printed < timeline.size() && timeline.at(printed).tUs <= upToUs)
            printLine(formatEvent(timeline.at(printed++), m_format));
    };
    QObject::connect(&timeline, &Timeline::eventAdded, this, [&](int row) {
        if (row < printed) { // later than the hold-back: print it now, out of order
            printLine(formatEvent(timeline.at(row), m_format));
            ++printed;
        }
    });
    QTimer holdBack;
    QObject::connect(&holdBack, &QTimer::timeout, this, [&] {
        if (m_announced)
            flush(timeline.nowUs() - 50000);
    });
    holdBack.start(20);
    // Serving forever: a client's failure is reported and the server goes on;
    // any other failure ends it.
    QObject::connect(&loop, &ServeLoop::clientDropped, this,
        [&](const CallResult &r) { printLine(r.errorMessage(), stderr); });
    QObject::connect(&loop, &ServeLoop::stopped, this, [&](const CallResult &r) {
        if (r.failed()) {
            printLine(r.errorMessage(), stderr);
            QCoreApplication::exit(1);
        }
    });
    quitOnSignals();
    loop.start();
    const int rc = QCoreApplication::exec();
    loop.stop();
    stop();
    flush(std::numeric_limits<qint64>::max());
    return rc == 130 ? 0 : rc;
}

int Headless::client(const QString &name, const QString &host, quint16 port)
{
    if (!servableDemo(name))
        return 2;
    if (name == QLatin1String("udp-echo"))
        return clientUdp(host, port);
    if (name.startsWith(QLatin1String("http-"))) {
        Timeline timeline;
        SegmentInferrer inferrer(&timeline);
        HttpGetClient client(&timeline, &inferrer);
        HttpGetClient::Config config;
        config.host = host;
        config.port = port;
        const bool reset = name == QLatin1String("http-reset");
        config.padding = reset ? 3000 : 0; // longer than the seed's recv(1024)
        client.setConfig(config);
        QEventLoop loop;
        QObject::connect(&client, &SocketProgram::runFinished, &loop, [&] {
            // Let the kernel finish the close before the last reading.
            QTimer::singleShot(client.hasFailed() ? 0 : 100, &loop, &QEventLoop::quit);
        });
        quitOnSignals(); // Ctrl+C still prints what happened so far
        client.runToEnd();
        if (client.isRunning())
            loop.exec();
        printAll(timeline);
        if (!client.hasFailed())
            return 0;
        const CallResult f = client.lastFailure();
        printLine(f.errorMessage(), stderr);
        // http-reset asks for the reset: the recv() failing with ECONNRESET is its point.
        return reset && f.call == QLatin1String("recv") && f.errorDomain == ErrorDomain::Errno
                && f.errnum == ECONNRESET
            ? 0
            : 1;
    }
    Timeline timeline;
    SegmentInferrer inferrer(&timeline);
    EchoClient client(&timeline, &inferrer);
    EchoClient::Config config;
    config.host = host;
    config.port = port;
    client.setConfig(config);
    QEventLoop loop;
    QObject::connect(&client, &SocketProgram::runFinished, &loop, [&] {
        // Let the kernel finish the close before the last reading.
        QTimer::singleShot(client.hasFailed() ? 0 : 100, &loop, &QEventLoop::quit);
    });
    quitOnSignals(); // Ctrl+C still prints what happened so far
    client.runToEnd();
    if (client.isRunning())
        loop.exec();
    printAll(timeline);
    if (client.hasFailed()) {
        printLine(client.lastFailure().errorMessage(), stderr);
        return 1;
    }
    return 0;
}

int Headless::demoUdp(const QString &host, quint16 port)
{
    Timeline timeline;
    UdpEchoServer server(&timeline);
    UdpEchoClient client(&timeline);
    UdpEchoDemo demo(&server, &client);
    const bool ok = runExchange(
        demo, [&] { demo.start(host, port); }, timeline, server, client);
    return ok ? 0 : 1;
}

int Headless::clientUdp(const QString &host, quint16 port)
{
    Timeline timeline;
    UdpEchoClient client(&timeline);
    UdpEchoClient::Config config;
    config.host = host;
    config.port = port;
    client.setConfig(config);
    QEventLoop loop;
    QObject::connect(&client, &SocketProgram::runFinished, &loop, &QEventLoop::quit);
    quitOnSignals(); // Ctrl+C still prints what happened so far
    client.runToEnd();
    if (client.isRunning())
        loop.exec();
    printAll(timeline);
    if (client.hasFailed()) {
        printLine(client.lastFailure().errorMessage(), stderr);
        return 1;
    }
    return 0;
}
