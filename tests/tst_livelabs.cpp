// The window's three live labs as a student uses them, offscreen, on real
// loopback sockets: the web server answering curl and the lab's client
// (and resetting a long request), the UDP echo with and without a server,
// and the per-pane text encoding that garbles text when the ends disagree.

#include "apireferencepanel.h"
#include "clientpane.h"
#include "httppanes.h"
#include "ladderview.h"
#include "language.h"
#include "mainwindow.h"
#include "net/nativesocket.h"
#include "programs/echoclient.h"
#include "programs/echoserver.h"
#include "programs/httpgetclient.h"
#include "programs/httphelloserver.h"
#include "programs/udpechoclient.h"
#include "programs/udpechoserver.h"
#include "serverpane.h"
#include "statesview.h"
#include "timeline/timeline.h"
#include "udppanes.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

namespace {

int count(const Timeline *t, EventKind kind)
{
    int n = 0;
    for (const LabEvent &e : t->events())
        n += e.kind == kind;
    return n;
}

/** A UDP port nobody listens on (bound, read, closed). */
quint16 closedUdpPort()
{
    NativeSocket probe;
    probe.socket(AF_INET, SOCK_DGRAM);
    probe.bind(QStringLiteral("127.0.0.1"), 0);
    const quint16 port = probe.localAddress().port;
    probe.close();
    return port;
}

} // namespace

class TstLiveLabs : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void labsInTheShowMenu();
    void httpPaneServesCurl();
    void httpExchangeInTheWindow();
    void httpLongRequestIsReset();
    void httpCorrectVariant();
    void udpExchangeHasNoStates();
    void udpTruncatedBySmallBuffer();
    void udpClientTimesOutWithoutServer();
    void encodingsThatDisagreeGarble();
    void hexView();
    void buttonsFitEveryPane();
    void apiReferenceRecordsOnTheTimeline();
    void statesDoNotLeakBetweenLabs();
    void silentClientStallsTheNext();

private:
    Language *m_language = nullptr;
    MainWindow *m_window = nullptr;
};

void TstLiveLabs::init()
{
    m_language = new Language;
    QVERIFY(m_language->set(QStringLiteral("en")));
    m_window = new MainWindow(m_language);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TstLiveLabs::cleanup()
{
    delete m_window;
    delete m_language;
}

void TstLiveLabs::labsInTheShowMenu()
{
    QCOMPARE(m_window->liveLabs(),
        QStringList({ QStringLiteral("tcp-echo"), QStringLiteral("http-hello"),
            QStringLiteral("udp-echo") }));
    auto *combo = m_window->findChild<QComboBox *>(QStringLiteral("modeCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->itemText(1), QStringLiteral("Live lab: web server (HTTP, real sockets)"));
    QVERIFY(m_window->showLive(QStringLiteral("udp-echo")));
    QCOMPARE(m_window->currentLiveLab(), QStringLiteral("udp-echo"));
    QVERIFY(m_window->udpServerPane()->isVisible());
    QVERIFY(!m_window->serverPane()->isVisible());
    QCOMPARE(combo->currentIndex(), 2);
    QVERIFY(!m_window->showLive(QStringLiteral("no-such-lab")));
    QCOMPARE(m_window->currentLiveLab(), QStringLiteral("udp-echo"));
    // A scenario and back keeps the lab.
    QVERIFY(m_window->showScenario(QStringLiteral("three-way-handshake")));
    m_window->showLive();
    QCOMPARE(m_window->currentLiveLab(), QStringLiteral("udp-echo"));
    QVERIFY(m_window->udpServerPane()->isVisible());
}

void TstLiveLabs::httpPaneServesCurl()
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        QSKIP("curl is not installed (apt install curl)");
    QVERIFY(m_window->showLive(QStringLiteral("http-hello")));
    HttpServerPane *sp = m_window->httpServerPane();
    QCOMPARE(sp->portSpin()->value(), 8080); // the seed's port
    sp->portSpin()->setValue(0);
    QVERIFY(sp->serveButton());
    sp->serveButton()->click();
    QVERIFY(sp->serveButton()->isChecked());
    QVERIFY(!sp->runButton()->isEnabled());
    HttpHelloServer *server = m_window->httpServer();
    QTRY_VERIFY(server->isWaiting());
    QCOMPARE(server->currentStep(), int(HttpHelloServer::Accept));
    const quint16 port = server->boundAddress().port;
    QVERIFY(port > 0);
    // The pane tells where to point curl or a browser.
    QTRY_VERIFY(sp->findChild<QLabel *>(QStringLiteral("extra"))
                    ->text()
                    .contains(QStringLiteral("try: curl http://127.0.0.1:%1/").arg(port)));

    // Twice: the seed's server loops back to accept() for the next client.
    for (int i = 1; i <= 2; ++i) {
        QProcess p;
        p.start(curl,
            { QStringLiteral("-s"), QStringLiteral("http://127.0.0.1:%1/").arg(port),
                QStringLiteral("--max-time"), QStringLiteral("5") });
        QTRY_COMPARE_WITH_TIMEOUT(p.state(), QProcess::NotRunning, 10000);
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(p.readAllStandardOutput(), QByteArray("Hello, World"));
        QTRY_COMPARE(server->requests().size(), qsizetype(i));
    }
    QVERIFY(server->requests().at(0).startsWith("GET / HTTP/1.1\r\n"));
    QVERIFY(server->requests().at(0).contains("User-Agent: curl/"));
    QVERIFY(sp->receivedText().contains(QStringLiteral("GET / HTTP/1.1\\r\\n")));
    QVERIFY2(sp->findChild<QLabel *>(QStringLiteral("extra"))
                 ->text()
                 .contains(QStringLiteral("2 requests read")),
        qPrintable(sp->findChild<QLabel *>(QStringLiteral("extra"))->text()));
    // Two connections, each with its own stream on the ladder.
    int handshakes = 0;
    for (const LabEvent &e : m_window->timeline()->events())
        handshakes
            += e.kind == EventKind::Segment && e.flags == QStringList { QStringLiteral("SYN") };
    QCOMPARE(handshakes, 2);
    sp->stopButton()->click();
    QCOMPARE(server->listenerState(), TcpState::Closed);
    QVERIFY(!sp->serveButton()->isChecked());
}

void TstLiveLabs::httpExchangeInTheWindow()
{
    QVERIFY(m_window->showLive(QStringLiteral("http-hello")));
    QSignalSpy done(m_window, &MainWindow::exchangeFinished);
    m_window->runExchange(0);
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().first().toBool(), true);
    QCOMPARE(m_window->httpClient()->response(), QByteArray("HTTP/1.1 200 OK\r\n\r\nHello, World"));
    // However the two send()s were cut into recv()s, the pane ends with the FIN's b"".
    QVERIFY(m_window->httpClientPane()->receivedText().endsWith(
        QStringLiteral("Hello, World\nb\"\" — end of stream: the peer closed (FIN)")));
    // The pane shows the port the server really bound.
    QCOMPARE(quint16(m_window->httpClientPane()->portSpin()->value()),
        m_window->httpServer()->boundAddress().port);
    QCOMPARE(m_window->statesView()->endpoint(Side::Server).state, TcpState::TimeWait);
    QCOMPARE(m_window->statesView()->endpoint(Side::Client).state, TcpState::Closed);
}

void TstLiveLabs::httpLongRequestIsReset()
{
    QVERIFY(m_window->showLive(QStringLiteral("http-reset")));
    QCOMPARE(m_window->currentLiveLab(), QStringLiteral("http-hello"));
    QCOMPARE(m_window->httpClientPane()->paddingSpin()->value(), 3000);
    QSignalSpy done(m_window, &MainWindow::exchangeFinished);
    m_window->runExchange(0);
    QVERIFY(done.wait(10000));
    HttpGetClient *client = m_window->httpClient();
    QVERIFY(client->hasFailed());
    QCOMPARE(client->lastFailure().call, QStringLiteral("recv"));
    QCOMPARE(client->lastFailure().errnum, ECONNRESET);
    QVERIFY2(m_window->httpClientPane()->statusText().contains(QStringLiteral("ECONNRESET 104")),
        qPrintable(m_window->httpClientPane()->statusText()));
    // The server read 1024 bytes of the request; its close() sent RST.
    QCOMPARE(m_window->httpServer()->requests().value(0).size(), 1024);
    bool rst = false;
    for (const LabEvent &e : m_window->timeline()->events())
        rst |= e.kind == EventKind::Segment && e.side == Side::Server
            && e.flags.contains(QStringLiteral("RST"));
    QVERIFY(rst);
}

void TstLiveLabs::httpCorrectVariant()
{
    QVERIFY(m_window->showLive(QStringLiteral("http-hello")));
    HttpServerPane *sp = m_window->httpServerPane();
    auto *explain = sp->findChild<QLabel *>(QStringLiteral("explain"));
    QVERIFY(explain->text().startsWith(QStringLiteral("The post's server")));
    sp->correctCheck()->click();
    QVERIFY(m_window->httpServer()->config().correct);
    QVERIFY(explain->text().startsWith(QStringLiteral("Correct:")));
    // Its buttons are its calls: one sendall(), not the seed's two send()s.
    QTRY_VERIFY(sp->stepButton(HttpHelloServer::SendAll)->isVisible());
    QVERIFY(!sp->stepButton(HttpHelloServer::SendStatus)->isVisible());
    QVERIFY(!sp->stepButton(HttpHelloServer::SendBody)->isVisible());
    // The long request that the seed resets is read whole and answered.
    m_window->httpClientPane()->paddingSpin()->setValue(3000);
    QSignalSpy done(m_window, &MainWindow::exchangeFinished);
    m_window->runExchange(0);
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().first().toBool(), true);
    QCOMPARE(m_window->httpClient()->response(), HttpHelloServer::correctResponse());
    QCOMPARE(m_window->httpServer()->requests().value(0).size(),
        HttpGetClient::request(
            QStringLiteral("127.0.0.1"), m_window->httpServer()->boundAddress().port, 3000)
            .size());
    for (const LabEvent &e : m_window->timeline()->events())
        QVERIFY(!(e.kind == EventKind::Segment && e.flags.contains(QStringLiteral("RST"))));
}

void TstLiveLabs::udpExchangeHasNoStates()
{
    QVERIFY(m_window->showLive(QStringLiteral("udp-echo")));
    QSignalSpy done(m_window, &MainWindow::exchangeFinished);
    m_window->runExchange(0);
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().first().toBool(), true);
    QCOMPARE(m_window->udpServerPane()->receivedText(), QStringLiteral("6 bytes: 你好"));
    QCOMPARE(m_window->udpClientPane()->receivedText(),
        QStringLiteral("43 bytes: IP:127.0.0.1,you are just send one message."));
    const Timeline *t = m_window->timeline();
    QCOMPARE(count(t, EventKind::State), 0);
    QCOMPARE(count(t, EventKind::Segment), 0);
    QCOMPARE(count(t, EventKind::Datagram), 2);
    QCOMPARE(m_window->ladderView()->segmentCount(), 2);
    // The state cards say UDP, not CLOSED.
    QVERIFY(m_window->statesView()->endpoint(Side::Client).udp);
    QVERIFY(m_window->statesView()->endpoint(Side::Server).udp);
    QVERIFY(!m_window->statesView()->endpoint(Side::Server).known);
}

void TstLiveLabs::udpTruncatedBySmallBuffer()
{
    QVERIFY(m_window->showLive(QStringLiteral("udp-echo")));
    m_window->udpServerPane()->bufsizeSpin()->setValue(3);
    QSignalSpy done(m_window, &MainWindow::exchangeFinished);
    m_window->runExchange(0);
    QVERIFY(done.wait(10000));
    // recvfrom(3) keeps the first 3 of the 6 bytes: 你; the rest is lost.
    QCOMPARE(m_window->udpServer()->lastDatagram(), QByteArray("\xe4\xbd\xa0"));
    QCOMPARE(m_window->udpServerPane()->receivedText(), QStringLiteral("3 bytes: 你"));
}

void TstLiveLabs::udpClientTimesOutWithoutServer()
{
    QVERIFY(m_window->showLive(QStringLiteral("udp-echo")));
    UdpClientPane *cp = m_window->udpClientPane();
    cp->portSpin()->setValue(closedUdpPort());
    cp->timeoutSpin()->setValue(0.3);
    QCOMPARE(cp->stepButton(UdpEchoClient::SetTimeout)->text(), QStringLiteral("settimeout(0.3)"));
    cp->runButton()->click();
    UdpEchoClient *client = m_window->udpClient();
    QTRY_VERIFY_WITH_TIMEOUT(client->hasFailed(), 5000);
    QCOMPARE(client->lastFailure().call, QStringLiteral("recvfrom"));
    QVERIFY2(cp->statusText().contains(QStringLiteral("timed out")), qPrintable(cp->statusText()));

    // Without settimeout() — the seed's client — recvfrom() just waits.
    cp->resetButton()->click();
    cp->timeoutCheck()->setChecked(false);
    QCOMPARE(cp->stepButton(UdpEchoClient::SetTimeout)->text(), QStringLiteral("settimeout(None)"));
    QVERIFY(!cp->stepButton(UdpEchoClient::SetTimeout)->isVisible()); // the seed makes no such call
    cp->runButton()->click();
    QTRY_VERIFY(client->isWaiting());
    QCOMPARE(client->currentStep(), int(UdpEchoClient::RecvFrom));
    QTest::qWait(500);
    QVERIFY(client->isWaiting());
    QVERIFY(!client->hasFailed());
    QCOMPARE(cp->statusText(),
        QStringLiteral("Waiting in recvfrom(1024) … (the call blocks; the window does not)"));
    cp->resetButton()->click();
    QVERIFY(!client->isWaiting());
}

void TstLiveLabs::encodingsThatDisagreeGarble()
{
    ClientPane *cp = m_window->clientPane();
    ServerPane *sp = m_window->serverPane();
    cp->encodingCombo()->setCurrentIndex(cp->encodingCombo()->findData(QStringLiteral("gbk")));
    QCOMPARE(cp->textEncoding(), QStringLiteral("gbk"));
    QCOMPARE(sp->textEncoding(), QStringLiteral("utf-8"));
    QSignalSpy done(m_window, &MainWindow::exchangeFinished);
    m_window->runExchange(0);
    QVERIFY(done.wait(10000));
    // 请求连接 in GBK is 8 bytes, not valid UTF-8.
    QByteArray received;
    for (const LabEvent &e : m_window->timeline()->events()) {
        if (e.kind == EventKind::Data && e.side == Side::Server)
            received += e.bytes;
    }
    QCOMPARE(received, QByteArray("\xc7\xeb\xc7\xf3\xc1\xac\xbd\xd3"));
    QVERIFY2(
        sp->receivedText().startsWith(QStringLiteral("8 bytes: ")), qPrintable(sp->receivedText()));
    QVERIFY(sp->receivedText().contains(QStringLiteral("(not valid UTF-8: shown with �)")));
    QVERIFY(!sp->receivedText().contains(QStringLiteral("请求连接")));
    // The reply, UTF-8, read as GBK: mojibake, valid GBK but the wrong text.
    QCOMPARE(cp->receivedText().left(9), QStringLiteral("21 bytes:"));
    QVERIFY2(cp->receivedText().contains(QStringLiteral("浣犲凡杩炴帴鎴愬姛銆\uFFFD")),
        qPrintable(cp->receivedText()));
    // The timeline keeps the bytes and tells how each side read them.
    for (const LabEvent &e : m_window->timeline()->events()) {
        if (e.kind == EventKind::Data && e.side == Side::Server && !e.bytes.isEmpty()) {
            QCOMPARE(e.encoding, QStringLiteral("utf-8"));
            QVERIFY(!e.textIsValid());
        }
        if (e.kind == EventKind::Call && e.side == Side::Client
            && e.call == QLatin1String("sendall")) {
            QCOMPARE(e.encoding, QStringLiteral("gbk"));
            QCOMPARE(e.text(), QStringLiteral("请求连接"));
        }
    }
    // Both in GBK: the server reads 请求连接 again.
    sp->encodingCombo()->setCurrentIndex(sp->encodingCombo()->findData(QStringLiteral("gbk")));
    m_window->runExchange(0);
    QVERIFY(done.wait(10000));
    QCOMPARE(sp->receivedText(), QStringLiteral("8 bytes: 请求连接"));
    QCOMPARE(cp->receivedText(), QStringLiteral("14 bytes: 你已连接成功。"));
}

void TstLiveLabs::hexView()
{
    QSignalSpy done(m_window, &MainWindow::exchangeFinished);
    m_window->runExchange(0);
    QVERIFY(done.wait(10000));
    ServerPane *sp = m_window->serverPane();
    QCOMPARE(sp->receivedText(), QStringLiteral("12 bytes: 请求连接"));
    sp->hexCheck()->setChecked(true);
    QCOMPARE(sp->receivedText(),
        QStringLiteral("12 bytes: 请求连接\n  hex: e8 af b7 e6 b1 82 e8 bf 9e e6 8e a5"));
    // Choosing another encoding re-reads the same bytes.
    sp->encodingCombo()->setCurrentIndex(sp->encodingCombo()->findData(QStringLiteral("gbk")));
    QVERIFY(
        sp->receivedText().endsWith(QStringLiteral("hex: e8 af b7 e6 b1 82 e8 bf 9e e6 8e a5")));
    QVERIFY(!sp->receivedText().contains(QStringLiteral("请求连接")));
}

void TstLiveLabs::buttonsFitEveryPane()
{
    for (const QString &lab : m_window->liveLabs()) {
        QVERIFY(m_window->showLive(lab));
        QTest::qWait(50);
        for (ProgramPane *pane : m_window->findChildren<ProgramPane *>()) {
            if (!pane->isVisible())
                continue;
            for (int i = 0; pane->stepButton(i); ++i) {
                QPushButton *b = pane->stepButton(i);
                const QRect r(b->mapTo(pane, QPoint(0, 0)), b->size());
                QVERIFY2(pane->rect().contains(r), qPrintable(lab + u' ' + b->text()));
                QVERIFY2(b->width() >= b->fontMetrics().horizontalAdvance(b->text()),
                    qPrintable(lab + u' ' + b->text()));
            }
            // The pane is not wider than the room it is shown in.
            QVERIFY2(pane->width() <= pane->parentWidget()->width(), qPrintable(lab));
        }
    }
}

void TstLiveLabs::apiReferenceRecordsOnTheTimeline()
{
    QTest::keyClick(m_window, Qt::Key_F2);
    QVERIFY(m_window->isApiMode());
    QVERIFY(m_window->apiPanel()->isVisible());
    QCOMPARE(m_window->shownTimeline(), m_window->timeline());
    ApiReferencePanel *api = m_window->apiPanel();
    QVERIFY(api->selectEntry(QStringLiteral("connect_ex")));
    QSignalSpy done(api, &ApiReferencePanel::trialFinished);
    QTest::keyClick(api, Qt::Key_T, Qt::ControlModifier);
    QVERIFY(done.wait(5000));
    // connect_ex() to a port nobody listens on returns the errno instead of raising.
    bool sawRefused = false;
    for (const LabEvent &e : m_window->timeline()->events()) {
        if (e.kind == EventKind::Call && e.call == QLatin1String("connect_ex")
            && e.phase == CallPhase::Return)
            sawRefused |= e.result.toString() == QLatin1String("111");
    }
    QVERIFY(sawRefused);
    // F5 goes back to the lab shown before and runs its exchange.
    QSignalSpy finished(m_window, &MainWindow::exchangeFinished);
    m_window->runExchange(0);
    QVERIFY(!m_window->isApiMode());
    QVERIFY(finished.wait(10000));
}

void TstLiveLabs::statesDoNotLeakBetweenLabs()
{
    // The web server's exchange leaves its server in TIME-WAIT on the timeline …
    QVERIFY(m_window->showLive(QStringLiteral("http-hello")));
    QSignalSpy done(m_window, &MainWindow::exchangeFinished);
    m_window->runExchange(0);
    QVERIFY(done.wait(10000));
    QCOMPARE(m_window->statesView()->endpoint(Side::Server).state, TcpState::TimeWait);
    // … then the UDP server serves on the same timeline (no reset): its card says UDP.
    QVERIFY(m_window->showLive(QStringLiteral("udp-echo")));
    UdpServerPane *sp = m_window->udpServerPane();
    sp->portSpin()->setValue(0);
    sp->serveButton()->click();
    QTRY_VERIFY(m_window->udpServer()->isWaiting());
    StatesView::Endpoint server = m_window->statesView()->endpoint(Side::Server);
    QVERIFY(server.udp);
    QVERIFY(!server.known);
    // A datagram from a program outside the lab: drawn on arrival, its sender a UDP card.
    NativeSocket peer;
    QVERIFY(peer.socket(AF_INET, SOCK_DGRAM).ok());
    QVERIFY(peer.sendto(QByteArrayLiteral("hi"), QStringLiteral("127.0.0.1"),
                    m_window->udpServer()->boundAddress().port)
                .ok());
    QTRY_COMPARE(m_window->udpServer()->lastDatagram(), QByteArray("hi"));
    QTRY_VERIFY(m_window->statesView()->endpoint(Side::Client).udp);
    QCOMPARE(m_window->statesView()->endpoint(Side::Client).address,
        QStringLiteral("127.0.0.1:%1").arg(peer.localAddress().port));
    sp->serveButton()->click();
    QVERIFY(!m_window->udpServerPane()->serveButton()->isChecked());
}

void TstLiveLabs::silentClientStallsTheNext()
{
    QVERIFY(m_window->showLive(QStringLiteral("http-hello")));
    HttpServerPane *sp = m_window->httpServerPane();
    sp->portSpin()->setValue(0);
    sp->serveButton()->click();
    HttpHelloServer *server = m_window->httpServer();
    QTRY_VERIFY(server->isWaiting());
    const quint16 port = server->boundAddress().port;
    // A connects and says nothing: the seed's server waits in recv(1024) on it.
    NativeSocket a;
    QVERIFY(a.socket().ok());
    a.connect(QStringLiteral("127.0.0.1"), port);
    QTRY_COMPARE(server->currentStep(), int(HttpHelloServer::Recv));
    QTRY_VERIFY(server->isWaiting());
    // B connects: the kernel completes its handshake, and the lab says why B waits.
    NativeSocket b;
    QVERIFY(b.socket().ok());
    b.connect(QStringLiteral("127.0.0.1"), port);
    auto stallNote = [this]() -> LabEvent {
        for (const LabEvent &e : m_window->timeline()->events()) {
            if (e.noteKey.contains(QLatin1String("serves one connection at a time")))
                return e;
        }
        return {};
    };
    QTRY_VERIFY(!stallNote().noteKey.isEmpty());
    QCOMPARE(stallNote().noteArgs,
        QStringList({ QStringLiteral("127.0.0.1:%1").arg(b.localAddress().port),
            QStringLiteral("127.0.0.1:%1").arg(a.localAddress().port) }));
    QCOMPARE(server->currentStep(), int(HttpHelloServer::Recv)); // still on A
    a.close();
    b.close();
    sp->stopButton()->click();
}

QTEST_MAIN(TstLiveLabs)
#include "tst_livelabs.moc"
