#include "api/socketapi.h"
#include "apireferencepanel.h"
#include "capture/pcapexport.h"
#include "headless.h"
#include "language.h"
#include "mainwindow.h"
#include "replay/replayfile.h"
#include "scenarios/scenario.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QImageWriter>
#include <QTimer>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace {

QString argValue(int argc, char **argv, const char *name)
{
    const QByteArray prefix = QByteArray(name) + '=';
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], name) == 0 && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (QByteArray(argv[i]).startsWith(prefix))
            return QString::fromLocal8Bit(argv[i] + prefix.size());
    }
    return {};
}

void err(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stderr);
    std::fputc('\n', stderr);
}

/** The source text's port for a demo: 8080 for its web server, 8888 otherwise. */
quint16 defaultPort(const QString &demo)
{
    return demo.startsWith(QLatin1String("http-")) ? 8080 : 8888;
}

/** The command line's options; descriptions are made in the UI language. */
struct Options
{
    QCommandLineOption lang { QStringLiteral("lang"),
        QCoreApplication::translate("main", "UI language: zh_CN or en (default: the system's)."),
        QStringLiteral("LANG") };
    QCommandLineOption list { QStringLiteral("list"),
        QCoreApplication::translate("main", "List the demos.") };
    QCommandLineOption demo { QStringLiteral("demo"),
        QCoreApplication::translate("main", "Run a demo on real loopback sockets (see --list)."),
        QStringLiteral("NAME") };
    QCommandLineOption json { QStringLiteral("json"),
        QCoreApplication::translate("main", "Print the events as JSON Lines, without a window.") };
    QCommandLineOption print { QStringLiteral("print"),
        QCoreApplication::translate(
            "main", "Print the events as text in the UI language, without a window.") };
    QCommandLineOption serve { QStringLiteral("serve"),
        QCoreApplication::translate("main", "Run only the server of a demo until interrupted."),
        QStringLiteral("NAME") };
    QCommandLineOption client { QStringLiteral("client"),
        QCoreApplication::translate("main", "Run only the client of a demo."),
        QStringLiteral("NAME") };
    QCommandLineOption host { QStringLiteral("host"),
        QCoreApplication::translate("main",
            "Address to bind or connect to (default 127.0.0.1; for getaddrinfo-order a name or "
            "a list of addresses, default ::1,127.0.0.1)."),
        QStringLiteral("HOST"), QStringLiteral("127.0.0.1") };
    QCommandLineOption port { QStringLiteral("port"),
        QCoreApplication::translate("main",
            "Port (default: the source text's, 8888 or 8080 for HTTP, with --serve/--client; "
            "ephemeral for --demo)."),
        QStringLiteral("N") };
    QCommandLineOption scenario { QStringLiteral("scenario"),
        QCoreApplication::translate(
            "main", "Play a scripted scenario of the RFC 9293 model (see --list)."),
        QStringLiteral("NAME") };
    QCommandLineOption step { QStringLiteral("step"),
        QCoreApplication::translate(
            "main", "With --screenshot: show step N (0 = the first) of the scenario or demo."),
        QStringLiteral("N") };
    QCommandLineOption api { QStringLiteral("api"),
        QCoreApplication::translate("main",
            "Open the socket API reference at a constant or method, e.g. connect_ex; with "
            "--screenshot, try it first."),
        QStringLiteral("NAME") };
    QCommandLineOption screenshot { QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "main", "Render the window offscreen (after the demo, if any) into a PNG file."),
        QStringLiteral("FILE.png") };
    QCommandLineOption exportPcap { QStringLiteral("export-pcap"),
        QCoreApplication::translate("main",
            "Write the segments and datagrams of --scenario or --demo to a pcap capture file "
            "(for Wireshark or tshark), without a window."),
        QStringLiteral("FILE.pcap") };

    QCommandLineOption replay { QStringLiteral("replay"),
        QCoreApplication::translate("main",
            "Read a capture file (pcap, pcapng, also gzip or zstd compressed) and print its TCP "
            "connections with both endpoints' inferred states (with --json or --print); without "
            "them, open it in the window (--screenshot: its first connection)."),
        QStringLiteral("FILE") };
    QCommandLineOption capture { QStringLiteral("capture"),
        QCoreApplication::translate("main",
            "With --demo tcp-echo, http-hello or http-reset (the default there): capture its "
            "packets on lo with "
            "socketlab-capture (needs CAP_NET_RAW) and show them instead of inferred segments.") };
    QCommandLineOption noCapture { QStringLiteral("no-capture"),
        QCoreApplication::translate("main",
            "With --demo tcp-echo, http-hello or http-reset: show the segments inferred from the "
            "calls, without capture.") };

    void addTo(QCommandLineParser &parser) const
    {
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({ lang, list, demo, scenario, replay, api, json, print, serve, client,
            host, port, screenshot, step, exportPcap, capture, noCapture });
    }
};

/**
 * Checks what the parser accepted for combinations it cannot see: one mode
 * at a time, one output format, no stray words. Returns the problem in the
 * UI language, or an empty string.
 */
QString conflicts(const QCommandLineParser &parser, const Options &o)
{
    if (!parser.positionalArguments().isEmpty())
        return QCoreApplication::translate("main", "unexpected argument: %1")
            .arg(parser.positionalArguments().first());
    if (parser.isSet(o.json) && parser.isSet(o.print))
        return QCoreApplication::translate("main", "choose one of --json and --print");
    int modes = 0;
    for (const QCommandLineOption *m :
        { &o.demo, &o.scenario, &o.serve, &o.client, &o.list, &o.api })
        modes += parser.isSet(*m) ? 1 : 0;
    if (modes > 1)
        return QCoreApplication::translate(
            "main", "choose one of --demo, --scenario, --api, --serve, --client and --list");
    if (parser.isSet(o.replay)) {
        if (modes > 0)
            return QCoreApplication::translate("main",
                "--replay reads a capture file: use it without --demo, --scenario, --api, "
                "--serve, --client and --list");
        ++modes;
        if (parser.value(o.replay).trimmed().isEmpty())
            return QCoreApplication::translate("main", "--replay needs a file name");
    }
    if (parser.isSet(o.api) && (parser.isSet(o.json) || parser.isSet(o.print)))
        return QCoreApplication::translate(
            "main", "--api opens the window: use it alone or with --screenshot");
    if (parser.isSet(o.api) && !SocketApi::lookup(parser.value(o.api)))
        return QCoreApplication::translate("main",
            "unknown name for --api: %1 (a constant such as AF_INET or a method such as "
            "connect_ex)")
            .arg(parser.value(o.api));
    if (parser.isSet(o.exportPcap)) {
        if (parser.value(o.exportPcap).trimmed().isEmpty())
            return QCoreApplication::translate("main", "--export-pcap needs a file name");
        if ((!parser.isSet(o.scenario) && !parser.isSet(o.demo)) || parser.isSet(o.screenshot))
            return QCoreApplication::translate(
                "main", "--export-pcap needs --scenario or --demo (and no --screenshot)");
        if (parser.value(o.exportPcap) == QLatin1String("-")
            && (parser.isSet(o.json) || parser.isSet(o.print)))
            return QCoreApplication::translate("main",
                "--export-pcap - writes the capture to standard output: it cannot be combined "
                "with --json or --print");
        if (QString why; !PcapExport::canWrite(parser.value(o.exportPcap), &why))
            return why; // before the demo runs, not after
    }
    if (parser.isSet(o.screenshot)) {
        const QString file = parser.value(o.screenshot).trimmed();
        if (file.isEmpty() || file.startsWith(QLatin1Char('-')))
            return QCoreApplication::translate("main", "--screenshot needs a file name");
        const QString suffix = QFileInfo(file).suffix().toLower();
        if (!suffix.isEmpty() && !QImageWriter::supportedImageFormats().contains(suffix.toLatin1()))
            return QCoreApplication::translate(
                "main", "--screenshot cannot write .%1 images: use .png")
                .arg(suffix);
        if (parser.isSet(o.json) || parser.isSet(o.print) || parser.isSet(o.serve)
            || parser.isSet(o.client) || parser.isSet(o.list))
            return QCoreApplication::translate(
                "main", "--screenshot renders the window: use it alone or with --demo");
    }
    if (parser.isSet(o.capture) && parser.isSet(o.noCapture))
        return QCoreApplication::translate("main", "choose one of --capture and --no-capture");
    if ((parser.isSet(o.capture) || parser.isSet(o.noCapture))
        && (!Headless::capturableDemo(parser.value(o.demo))
            || !(parser.isSet(o.json) || parser.isSet(o.print) || parser.isSet(o.exportPcap))))
        return QCoreApplication::translate("main",
            "%1 needs --demo tcp-echo, http-hello or http-reset with --json, --print or "
            "--export-pcap")
            .arg(parser.isSet(o.capture) ? QStringLiteral("--capture")
                                         : QStringLiteral("--no-capture"));
    if ((parser.isSet(o.json) || parser.isSet(o.print)) && modes == 0)
        return QCoreApplication::translate(
            "main", "--json and --print need --demo, --scenario, --serve or --client (see --help)");
    if (parser.isSet(o.step)) {
        bool ok = false;
        const int n = parser.value(o.step).toInt(&ok);
        if (!ok || n < 0)
            return QCoreApplication::translate("main", "invalid step: %1 (0 or more)")
                .arg(parser.value(o.step));
        if (!parser.isSet(o.screenshot))
            return QCoreApplication::translate("main", "--step needs --screenshot");
    }
    return {};
}

} // namespace

int main(int argc, char **argv)
{
    // Decide before any application object exists: the window needs a
    // display, the headless modes and every error message do not.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    bool headless = true;
    bool noDisplay = false;
    {
        const Options o;
        QCommandLineParser pre;
        o.addTo(pre);
        const bool parsed = pre.parse(arguments);
        const bool window = !pre.isSet(o.json) && !pre.isSet(o.print) && !pre.isSet(o.serve)
            && !pre.isSet(o.client) && !pre.isSet(o.list) && !pre.isSet(o.exportPcap)
            && !pre.isSet(QStringLiteral("help")) && !pre.isSet(QStringLiteral("version"));
        headless = !parsed || !conflicts(pre, o).isEmpty() || !window
            || (pre.isSet(o.demo) && !Headless::hasDemo(pre.value(o.demo)))
            || (pre.isSet(o.scenario) && !Scenarios::find(pre.value(o.scenario)));
        if (!headless && pre.isSet(o.screenshot) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen"); // renders without a display
        if (!headless && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")
            && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
            headless = true; // say so in words instead of Qt's abort
            noDisplay = true;
        }
    }

    std::unique_ptr<QCoreApplication> app(
        headless ? new QCoreApplication(argc, argv) : new QApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("socketlab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Socket Lab"));

    Language language;
    const QString langArg = argValue(argc, argv, "--lang");
    if (!language.set(langArg.isEmpty() ? Language::systemLanguage() : langArg)) {
        language.set(QStringLiteral("en"));
        err(QCoreApplication::translate("main", "unsupported language: %1 (use zh_CN or en)")
                .arg(langArg));
        return 2;
    }

    const Options o;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Socket Lab: the socket API and the TCP handshake, made visible."));
    o.addTo(parser);
    if (!parser.parse(QCoreApplication::arguments())) {
        err(QCoreApplication::translate("main", "%1 (see --help)").arg(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (const QString problem = conflicts(parser, o); !problem.isEmpty()) {
        err(problem);
        return 2;
    }

    int port = -1;
    if (parser.isSet(o.port)) {
        bool ok = false;
        port = parser.value(o.port).toInt(&ok);
        if (!ok || port < 0 || port > 65535) {
            err(QCoreApplication::translate("main", "invalid port: %1 (0–65535)")
                    .arg(parser.value(o.port)));
            return 2;
        }
    }
    const QString host = parser.value(o.host);

    if (noDisplay) {
        err(QCoreApplication::translate("main",
            "no display to open the window on: run the lab in a desktop session, or use --demo "
            "tcp-echo --print, --json or --screenshot FILE.png"));
        return 2;
    }
    if (headless) {
        Headless runner(parser.isSet(o.json) ? Headless::Format::Json : Headless::Format::Text);
        // The TCP demos' segments as seen on the wire whenever the helper may capture;
        // without the right it says why on stderr and the inferred segments are shown.
        runner.setCapture(parser.isSet(o.capture)
            || (Headless::capturableDemo(parser.value(o.demo)) && !parser.isSet(o.noCapture)
                && (parser.isSet(o.json) || parser.isSet(o.print) || parser.isSet(o.exportPcap))));
        if (parser.isSet(o.exportPcap)) // alone: only the file, no events on stdout
            runner.setPcapExport(
                parser.value(o.exportPcap), parser.isSet(o.json) || parser.isSet(o.print));
        const int rc = [&] {
            if (parser.isSet(o.list))
                return Headless::list();
            if (parser.isSet(o.serve))
                return runner.serve(parser.value(o.serve), host,
                    quint16(port < 0 ? defaultPort(parser.value(o.serve)) : port));
            if (parser.isSet(o.client))
                return runner.client(parser.value(o.client), host,
                    quint16(port < 0 ? defaultPort(parser.value(o.client)) : port));
            if (parser.isSet(o.scenario))
                return runner.scenario(parser.value(o.scenario));
            if (parser.isSet(o.replay))
                return runner.replay(parser.value(o.replay));
            return runner.demo(parser.value(o.demo), host, quint16(port < 0 ? 0 : port));
        }();
        // Output that never arrived (a full disk, a closed pipe) is a failure, not a success.
        if ((std::fflush(stdout) != 0 || std::ferror(stdout)) && rc == 0) {
            err(QCoreApplication::translate("main", "could not write the output: %1")
                    .arg(QString::fromLocal8Bit(std::strerror(errno))));
            return 1;
        }
        return rc == 0 && runner.exportFailed() ? 1 : rc;
    }

    if (parser.isSet(o.demo) && !Headless::knownDemo(parser.value(o.demo)))
        return 2;
    const QStringList windowDemos { QStringLiteral("tcp-echo"), QStringLiteral("http-hello"),
        QStringLiteral("http-reset"), QStringLiteral("udp-echo") };
    if (parser.isSet(o.demo) && !windowDemos.contains(parser.value(o.demo))) {
        // The window has panes for the source text's three programs; the others print.
        err(QCoreApplication::translate("main",
            "the window runs tcp-echo, http-hello, http-reset and udp-echo: use --demo %1 "
            "--print or --json")
                .arg(parser.value(o.demo)));
        return 2;
    }
    MainWindow window(&language);
    int step = -1;
    if (parser.isSet(o.step))
        step = parser.value(o.step).toInt();
    if (parser.isSet(o.scenario))
        window.showScenario(parser.value(o.scenario));
    if (parser.isSet(o.demo))
        window.showLive(parser.value(o.demo));
    if (parser.isSet(o.api)) {
        window.showApiReference();
        window.apiPanel()->selectEntry(SocketApi::lookup(parser.value(o.api))->name);
    }
    // The window reads the file on its worker thread; a problem is also said on stderr.
    int replayStatus = 0;
    if (parser.isSet(o.replay)) {
        QObject::connect(
            &window, &MainWindow::captureFileFinished, &window, [&window, &replayStatus](bool ok) {
                if (ok || !window.replayFile())
                    return;
                err(window.replayFile()->error().message());
                replayStatus = 2;
            });
        window.openCaptureFile(parser.value(o.replay));
    }
    if (parser.isSet(o.screenshot)) {
        const QString file = parser.value(o.screenshot);
        window.show();
        auto save = [&window, file, step, &replayStatus] {
            if (step >= 0)
                window.showStep(step);
            else if (!window.isScenarioMode())
                window.showTopOfLadder(); // the handshake in view
            // The format follows the file name's suffix; PNG when it has none.
            const QByteArray format
                = QFileInfo(file).suffix().isEmpty() ? QByteArray("PNG") : QByteArray();
            const bool saved
                = window.grab().save(file, format.isEmpty() ? nullptr : format.constData());
            if (!saved)
                err(QCoreApplication::translate("main", "could not write %1").arg(file));
            QCoreApplication::exit(saved ? replayStatus : 1);
        };
        if (parser.isSet(o.api)) {
            QObject::connect(window.apiPanel(), &ApiReferencePanel::trialFinished, &window,
                [save] { QTimer::singleShot(300, save); });
            QTimer::singleShot(0, &window, [&window] { window.apiPanel()->tryCurrent(); });
        } else if (parser.isSet(o.replay)) {
            QObject::connect(&window, &MainWindow::captureFileFinished, &window,
                [save] { QTimer::singleShot(300, save); });
        } else if (parser.isSet(o.demo)) {
            QObject::connect(&window, &MainWindow::exchangeFinished, &window,
                [save] { QTimer::singleShot(300, save); });
            QTimer::singleShot(
                0, &window, [&window, port] { window.runExchange(port < 0 ? 0 : port); });
        } else {
            QTimer::singleShot(300, &window, save);
        }
        return QCoreApplication::exec();
    }
    window.show();
    if (parser.isSet(o.demo))
        QTimer::singleShot(0, &window, [&window, port] { window.runExchange(port); });
    return QCoreApplication::exec();
}
