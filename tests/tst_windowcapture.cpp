// Live capture in the window: F5 on the TCP echo with the capture helper shows
// the segments seen on lo (source capture, the kernel's MSS) and no inferred
// segment of that connection; without the helper, or with the helper run
// without CAP_NET_RAW (setpriv), the banner above the ladder says so and how
// to grant it, and the segments are inferred. CI runs as root; elsewhere the
// capturing cases skip with a message.

#include "capture/capturesession.h"
#include "capturebanner.h"
#include "ladderview.h"
#include "language.h"
#include "mainwindow.h"
#include "programs/echoserver.h"
#include "serverpane.h"
#include "timeline/timeline.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <unistd.h>

namespace {

QList<LabEvent> segments(const Timeline *t, EventSource source)
{
    QList<LabEvent> out;
    for (const LabEvent &e : t->events()) {
        if (e.kind == EventKind::Segment && e.source == source)
            out.append(e);
    }
    return out;
}

/**
 * The MSS the kernel announces on lo: the largest IPv4 packet on it (the MTU,
 * but at most 65535: the total length is 16 bits) less the IPv4 and TCP headers.
 */
int loopbackMss()
{
    QFile f(QStringLiteral("/sys/class/net/lo/mtu"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    return qMin(f.readAll().trimmed().toInt(), 65535) - 40;
}

bool hasCjk(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
            return true;
    }
    return false;
}

} // namespace

class TstWindowCapture : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void captureIsOnByDefault();
    void capturedHandshake();
    void missingHelperShowsBanner();
    void withoutCapNetRawShowsBanner();
    void captureSwitchedOff();
    void servingIsCaptured();

private:
    /** F5 on the TCP echo (ephemeral port); true when the exchange finished. */
    bool runEcho();

    Language *m_language = nullptr;
    MainWindow *m_window = nullptr;
};

void TstWindowCapture::init()
{
    m_language = new Language;
    QVERIFY(m_language->set(QStringLiteral("en")));
    m_window = new MainWindow(m_language);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TstWindowCapture::cleanup()
{
    delete m_window;
    delete m_language;
    qunsetenv("SOCKETLAB_CAPTURE_HELPER");
}

bool TstWindowCapture::runEcho()
{
    QSignalSpy done(m_window, &MainWindow::exchangeFinished);
    QElapsedTimer clock;
    clock.start();
    m_window->runExchange(0);
    // The window never waits for the helper: runExchange() returns at once.
    if (clock.elapsed() > 500) {
        qWarning("runExchange() took %lld ms", clock.elapsed());
        return false;
    }
    return done.wait(30000) && done.first().first().toBool();
}

void TstWindowCapture::captureIsOnByDefault()
{
    QAction *a = m_window->captureAction();
    QVERIFY(a);
    QVERIFY(a->isCheckable());
    QVERIFY(a->isChecked());
    QCOMPARE(a->text(), QStringLiteral("Capture &packets"));
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("capturePackets")) == a);
    QVERIFY(!m_window->captureBanner()->isVisible());
}

void TstWindowCapture::capturedHandshake()
{
    if (geteuid() != 0)
        QSKIP("capturing needs CAP_NET_RAW: run as root (CI does) or setcap the helper");
    qputenv("SOCKETLAB_CAPTURE_HELPER", SOCKETLAB_CAPTURE_HELPER);
    QVERIFY(runEcho());
    CaptureSession *session = m_window->captureSession();
    QVERIFY(session);
    QVERIFY2(
        session->failure() == CaptureSession::Failure::None, qPrintable(session->helperMessage()));
    QCOMPARE(session->status(), CaptureSession::Status::Stopped);
    QVERIFY(!m_window->captureBanner()->isVisible());

    const Timeline *t = m_window->timeline();
    const QList<LabEvent> captured = segments(t, EventSource::Capture);
    QVERIFY2(captured.size() >= 8, qPrintable(QString::number(captured.size())));
    QCOMPARE(captured.at(0).flags, QStringList { QStringLiteral("SYN") });
    QCOMPARE(captured.at(1).flags, QStringList({ QStringLiteral("SYN"), QStringLiteral("ACK") }));
    QCOMPARE(captured.at(2).flags, QStringList { QStringLiteral("ACK") });
    QCOMPARE(captured.at(0).side, Side::Client);
    QCOMPARE(captured.at(1).side, Side::Server);
    const int mss = loopbackMss();
    QVERIFY(mss > 0);
    QVERIFY2(captured.at(0).options.contains(QStringLiteral("MSS=%1").arg(mss)),
        qPrintable(captured.at(0).options.join(u' ')));
    QCOMPARE(captured.at(1).seq, 0);
    QCOMPARE(captured.at(1).ack, 1);
    // The server's port is the one the capture filtered on.
    const quint16 port = m_window->server()->boundAddress().port;
    QVERIFY(captured.at(0).dst.endsWith(QStringLiteral(":%1").arg(port)));

    // No guess beside the observation: no inferred segment of that connection.
    for (const LabEvent &e : segments(t, EventSource::Inferred)) {
        QVERIFY2(!e.src.endsWith(QStringLiteral(":%1").arg(port))
                && !e.dst.endsWith(QStringLiteral(":%1").arg(port)),
            qPrintable(e.src + QStringLiteral(" → ") + e.dst));
    }
    // One clock: the SYN leaves after connect() is issued, the data after sendall().
    qint64 connectUs = -1;
    for (const LabEvent &e : t->events()) {
        if (e.kind == EventKind::Call && e.side == Side::Client
            && e.call == QLatin1String("connect") && connectUs < 0)
            connectUs = e.tUs;
    }
    QVERIFY(connectUs >= 0);
    QVERIFY2(connectUs <= captured.at(0).tUs,
        qPrintable(
            QStringLiteral("connect %1 µs, SYN %2 µs").arg(connectUs).arg(captured.at(0).tUs)));
    int fins = 0;
    for (const LabEvent &e : captured)
        fins += e.flags.contains(QLatin1String("FIN"));
    QCOMPARE(fins, 2); // drained before exchangeFinished: the close is on the ladder
}

void TstWindowCapture::missingHelperShowsBanner()
{
    qputenv("SOCKETLAB_CAPTURE_HELPER", "/nonexistent/socketlab-capture");
    QVERIFY(runEcho());
    CaptureSession *session = m_window->captureSession();
    QVERIFY(session);
    QCOMPARE(session->failure(), CaptureSession::Failure::NoHelper);
    CaptureBanner *banner = m_window->captureBanner();
    QVERIFY(banner->isVisible());
    const QString text = banner->text();
    QVERIFY2(text.contains(QLatin1String("No packet capture")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("/nonexistent/socketlab-capture")), qPrintable(text));
    // A helper that is not there needs building, not a capability: no setcap advice.
    QVERIFY2(!text.contains(QLatin1String("setcap")), qPrintable(text));
    // The banner sits above the ladder (its scroll area's viewport).
    QWidget *viewport = m_window->ladderView()->parentWidget();
    QVERIFY(banner->mapTo(m_window, QPoint(0, banner->height())).y()
        <= viewport->mapTo(m_window, QPoint(0, 0)).y());

    const Timeline *t = m_window->timeline();
    QVERIFY(segments(t, EventSource::Capture).isEmpty());
    const QList<LabEvent> inferred = segments(t, EventSource::Inferred);
    QVERIFY(inferred.size() >= 8);
    QCOMPARE(inferred.at(0).flags, QStringList { QStringLiteral("SYN") });

    // Retranslated on a language switch.
    QVERIFY(m_language->set(QStringLiteral("zh_CN")));
    // LanguageChange reaches the widgets through the event loop.
    QTRY_VERIFY2(hasCjk(banner->text()), qPrintable(banner->text()));
    const QString zh = banner->text();
    QVERIFY2(zh.contains(QCoreApplication::translate("CaptureBanner",
                 "<b>No packet capture: the ladder shows segments inferred from the calls, not "
                 "the ones on the wire.</b>")),
        qPrintable(zh));
    QVERIFY(zh.contains(QLatin1String("/nonexistent/socketlab-capture")));
    QVERIFY(m_language->set(QStringLiteral("en")));
    QTRY_COMPARE(banner->text(), text);

    // Dismissed, it stays hidden until capture fails again.
    QSignalSpy dismissed(banner, &CaptureBanner::dismissed);
    banner->closeButton()->click();
    QCOMPARE(dismissed.size(), 1);
    QVERIFY(!banner->isVisible());
    QVERIFY(runEcho());
    QVERIFY(banner->isVisible());
}

void TstWindowCapture::withoutCapNetRawShowsBanner()
{
    if (geteuid() != 0)
        QSKIP("dropping CAP_NET_RAW with setpriv needs root (CI runs as root)");
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (setpriv.isEmpty())
        QSKIP("setpriv (util-linux) is not installed");
    // The helper run as nobody with no capability at all, as tst_capture does.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QFile::Permissions rx = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
        | QFile::ReadOther | QFile::ExeOther;
    QFile::setPermissions(dir.path(), rx);
    const QString helper = dir.filePath(QStringLiteral("socketlab-capture"));
    QVERIFY(QFile::copy(QStringLiteral(SOCKETLAB_CAPTURE_HELPER), helper));
    QFile::setPermissions(helper, rx);
    const QString wrapper = dir.filePath(QStringLiteral("capture-unprivileged"));
    {
        QFile f(wrapper);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\nexec " + setpriv.toLocal8Bit()
            + " --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all "
            + helper.toLocal8Bit() + " \"$@\"\n");
    }
    QFile::setPermissions(wrapper, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("SOCKETLAB_CAPTURE_HELPER", wrapper.toLocal8Bit());

    QVERIFY(runEcho());
    CaptureSession *session = m_window->captureSession();
    QVERIFY(session);
    QCOMPARE(session->failure(), CaptureSession::Failure::NoPermission);
    CaptureBanner *banner = m_window->captureBanner();
    QVERIFY(banner->isVisible());
    const QString text = banner->text();
    QVERIFY2(text.contains(QLatin1String("CAP_NET_RAW")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("sudo setcap cap_net_raw+ep %1").arg(wrapper)),
        qPrintable(text));
    const Timeline *t = m_window->timeline();
    QVERIFY(segments(t, EventSource::Capture).isEmpty());
    QVERIFY(segments(t, EventSource::Inferred).size() >= 8);
}

void TstWindowCapture::captureSwitchedOff()
{
    qputenv("SOCKETLAB_CAPTURE_HELPER", "/nonexistent/socketlab-capture");
    m_window->captureAction()->setChecked(false);
    QVERIFY(runEcho());
    QVERIFY(!m_window->captureSession()); // not even tried
    QVERIFY(!m_window->captureBanner()->isVisible()); // inferred by choice
    const Timeline *t = m_window->timeline();
    QVERIFY(segments(t, EventSource::Capture).isEmpty());
    QVERIFY(segments(t, EventSource::Inferred).size() >= 8);
}

void TstWindowCapture::servingIsCaptured()
{
    if (geteuid() != 0)
        QSKIP("capturing needs CAP_NET_RAW: run as root (CI does) or setcap the helper");
    qputenv("SOCKETLAB_CAPTURE_HELPER", SOCKETLAB_CAPTURE_HELPER);
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    ServerPane *pane = m_window->serverPane();
    pane->portSpin()->setValue(port);
    pane->serveButton()->click();
    QTRY_VERIFY(m_window->server()->isWaiting());
    QTRY_VERIFY(m_window->captureSession() && m_window->captureSession()->isRunning());

    // A client from outside the lab, on this thread's event loop (the server shares it).
    QTcpSocket client;
    QSignalSpy connected(&client, &QTcpSocket::connected);
    QSignalSpy readyRead(&client, &QTcpSocket::readyRead);
    client.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(connected.wait(5000));
    client.write("hello");
    QVERIFY(readyRead.wait(5000));
    client.disconnectFromHost();
    const Timeline *t = m_window->timeline();
    QTRY_VERIFY(segments(t, EventSource::Capture).size() >= 3);
    QCOMPARE(
        segments(t, EventSource::Capture).first().flags, QStringList { QStringLiteral("SYN") });

    QSignalSpy stopped(m_window->captureSession(), &CaptureSession::stopped);
    pane->serveButton()->click(); // stop serving: the capture drains
    QVERIFY(stopped.wait(5000));
    for (const LabEvent &e : segments(t, EventSource::Inferred))
        QVERIFY(!e.dst.endsWith(QStringLiteral(":%1").arg(port))
            && !e.src.endsWith(QStringLiteral(":%1").arg(port)));
}

QTEST_MAIN(TstWindowCapture)
#include "tst_windowcapture.moc"
