#include "headless.h"
#include "language.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

// The mode must be known before the application object exists: headless
// modes run on QCoreApplication and need no display.
bool argPresent(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], name) == 0)
            return true;
    }
    return false;
}

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

} // namespace

int main(int argc, char **argv)
{
    const bool screenshot = argPresent(argc, argv, "--screenshot");
    const bool headless = !screenshot
        && (argPresent(argc, argv, "--json") || argPresent(argc, argv, "--print")
            || argPresent(argc, argv, "--serve") || argPresent(argc, argv, "--client")
            || argPresent(argc, argv, "--list") || argPresent(argc, argv, "--help")
            || argPresent(argc, argv, "-h") || argPresent(argc, argv, "--version")
            || argPresent(argc, argv, "-v"));
    if (screenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen"); // renders without a display

    std::unique_ptr<QCoreApplication> app(headless ? new QCoreApplication(argc, argv)
                                                   : new QApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("socketlab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Socket Lab"));

    Language language;
    const QString langArg = argValue(argc, argv, "--lang");
    if (!language.set(langArg.isEmpty() ? Language::systemLanguage() : langArg)) {
        language.set(QStringLiteral("en"));
        err(QCoreApplication::translate("main", "unsupported language: %1 (use zh_CN or en)").arg(langArg));
        return 2;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Socket Lab: the socket API and the TCP handshake, made visible."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOpt(QStringLiteral("lang"), QCoreApplication::translate("main", "UI language: zh_CN or en (default: the system's)."), QStringLiteral("LANG"));
    const QCommandLineOption listOpt(QStringLiteral("list"), QCoreApplication::translate("main", "List the demos."));
    const QCommandLineOption demoOpt(QStringLiteral("demo"), QCoreApplication::translate("main", "Run a demo on real loopback sockets (tcp-echo)."), QStringLiteral("NAME"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QCoreApplication::translate("main", "Print the events as JSON Lines, without a window."));
    const QCommandLineOption printOpt(QStringLiteral("print"), QCoreApplication::translate("main", "Print the events as text in the UI language, without a window."));
    const QCommandLineOption serveOpt(QStringLiteral("serve"), QCoreApplication::translate("main", "Run only the server of a demo until interrupted."), QStringLiteral("NAME"));
    const QCommandLineOption clientOpt(QStringLiteral("client"), QCoreApplication::translate("main", "Run only the client of a demo."), QStringLiteral("NAME"));
    const QCommandLineOption hostOpt(QStringLiteral("host"), QCoreApplication::translate("main", "Address to bind or connect to (default 127.0.0.1)."), QStringLiteral("HOST"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption portOpt(QStringLiteral("port"), QCoreApplication::translate("main", "Port (default: 8888 for --serve/--client, ephemeral for --demo)."), QStringLiteral("N"));
    const QCommandLineOption shotOpt(QStringLiteral("screenshot"), QCoreApplication::translate("main", "Render the window offscreen (after the demo, if any) into a PNG file."), QStringLiteral("FILE.png"));
    parser.addOptions({ langOpt, listOpt, demoOpt, jsonOpt, printOpt, serveOpt, clientOpt, hostOpt, portOpt, shotOpt });
    parser.process(*app);

    int port = -1;
    if (parser.isSet(portOpt)) {
        bool ok = false;
        port = parser.value(portOpt).toInt(&ok);
        if (!ok || port < 0 || port > 65535) {
            err(QCoreApplication::translate("main", "invalid port: %1 (0–65535)").arg(parser.value(portOpt)));
            return 2;
        }
    }
    const QString host = parser.value(hostOpt);

    if (headless) {
        Headless runner(parser.isSet(jsonOpt) ? Headless::Format::Json : Headless::Format::Text);
        if (parser.isSet(listOpt))
            return Headless::list();
        if (parser.isSet(serveOpt))
            return runner.serve(parser.value(serveOpt), host, quint16(port < 0 ? 8888 : port));
        if (parser.isSet(clientOpt))
            return runner.client(parser.value(clientOpt), host, quint16(port < 0 ? 8888 : port));
        if (parser.isSet(demoOpt))
            return runner.demo(parser.value(demoOpt), host, quint16(port < 0 ? 0 : port));
        err(QCoreApplication::translate("main", "--json and --print need --demo, --serve or --client (see --help)"));
        return 2;
    }

    MainWindow window(&language);
    if (parser.isSet(demoOpt) && parser.value(demoOpt) != QLatin1String("tcp-echo")) {
        err(QCoreApplication::translate("Headless", "unknown demo: %1 (see --list)").arg(parser.value(demoOpt)));
        return 2;
    }
    if (screenshot) {
        const QString file = parser.value(shotOpt);
        window.show();
        auto save = [&window, file] {
            const bool saved = window.grab().save(file, "PNG");
            if (!saved)
                err(QCoreApplication::translate("main", "could not write %1").arg(file));
            QCoreApplication::exit(saved ? 0 : 1);
        };
        if (parser.isSet(demoOpt)) {
            QObject::connect(&window, &MainWindow::exchangeFinished, &window, [save] { QTimer::singleShot(300, save); });
            QTimer::singleShot(0, &window, [&window, port] { window.runExchange(port < 0 ? 0 : port); });
        } else {
            QTimer::singleShot(300, &window, save);
        }
        return QCoreApplication::exec();
    }
    window.show();
    if (parser.isSet(demoOpt))
        QTimer::singleShot(0, &window, [&window, port] { window.runExchange(port); });
    return QCoreApplication::exec();
}
