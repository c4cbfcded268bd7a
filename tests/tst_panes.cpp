// The window as a student uses it: click each call of both panes in turn,
// offscreen, and check the timeline, the states, the ladder and the
// panes' words; run the whole exchange; bad input in the fields.

#include "captionview.h"
#include "clientpane.h"
#include "codepanel.h"
#include "ladderview.h"
#include "language.h"
#include "mainwindow.h"
#include "net/nativesocket.h"
#include "presentationwindow.h"
#include "programs/echoclient.h"
#include "programs/echoserver.h"
#include "scenariopane.h"
#include "segmentinspector.h"
#include "serverpane.h"
#include "statediagramview.h"
#include "statesview.h"
#include "timeline/stepper.h"
#include "timeline/timeline.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

namespace {

void click(QPushButton *b)
{
    QVERIFY(b);
    QVERIFY2(b->isEnabled(), qPrintable(b->text()));
    QTest::mouseClick(b, Qt::LeftButton);
}

int count(const Timeline *t, EventKind kind)
{
    int n = 0;
    for (const LabEvent &e : t->events())
        n += e.kind == kind;
    return n;
}

quint16 closedPort()
{
    NativeSocket probe;
    probe.socket();
    probe.bind(QStringLiteral("127.0.0.1"), 0);
    const quint16 port = probe.localAddress().port;
    probe.close();
    return port;
}

} // namespace

class TstPanes : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void clickThroughBothPanes();
    void viewsAtEveryHandshakeStep();
    void runWholeExchange();
    void refusedShownInPane();
    void invalidAddressShownInPane();
    void fitsOnA1280x800Screen();
    void scenarioStepsWithKeys();
    void steppingBackRestoresViews();
    void presentationMode();

private:
    Language *m_language = nullptr;
    MainWindow *m_window = nullptr;
};

void TstPanes::init()
{
    m_language = new Language;
    QVERIFY(m_language->set(QStringLiteral("en")));
    m_window = new MainWindow(m_language);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TstPanes::cleanup()
{
    delete m_window;
    delete m_language;
}

void TstPanes::clickThroughBothPanes()
{
    ServerPane *sp = m_window->serverPane();
    ClientPane *cp = m_window->clientPane();
    EchoServer *server = m_window->server();
    EchoClient *client = m_window->client();
    // The seed's defaults are in the fields.
    QCOMPARE(sp->hostEdit()->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(sp->portSpin()->value(), 8888);
    QCOMPARE(sp->backlogSpin()->value(), 5);
    QCOMPARE(cp->messageEdit()->text(), QStringLiteral("请求连接"));
    QCOMPARE(sp->replyEdit()->text(), QStringLiteral("你已连接成功。"));
    sp->portSpin()->setValue(0); // an ephemeral port: no clash with a lab left open

    // Server: one click, one call. Only the next call's button is enabled.
    QCOMPARE(sp->stepButton(EchoServer::Bind)->isEnabled(), false);
    for (int i = EchoServer::Socket; i <= EchoServer::Listen; ++i) {
        click(sp->stepButton(i));
        QCOMPARE(server->currentStep(), i + 1);
    }
    QVERIFY(sp->statusText().startsWith(QStringLiteral("Next call: accept()")));
    const quint16 port = server->boundAddress().port;
    QVERIFY(port > 0);
    click(sp->stepButton(EchoServer::Accept));
    QVERIFY(server->isWaiting());
    QVERIFY(!sp->stepButton(EchoServer::Accept)->isEnabled());
    QCOMPARE(sp->statusText(),
        QStringLiteral("Waiting in accept() … (the call blocks; the window does not)"));

    cp->portSpin()->setValue(port);
    click(cp->stepButton(EchoClient::Socket));
    click(cp->stepButton(EchoClient::Connect));
    QTRY_COMPARE(client->currentStep(), int(EchoClient::SendAll));
    QTRY_COMPARE(server->currentStep(), int(EchoServer::Recv));
    QCOMPARE(m_window->statesView()->endpoint(Side::Client).state, TcpState::Established);
    QCOMPARE(m_window->statesView()->endpoint(Side::Server).state, TcpState::Established);

    click(sp->stepButton(EchoServer::Recv));
    QVERIFY(server->isWaiting());
    click(cp->stepButton(EchoClient::SendAll));
    QTRY_COMPARE(server->currentStep(), int(EchoServer::SendAll));
    QCOMPARE(sp->receivedText(), QStringLiteral("12 bytes: 请求连接"));
    click(sp->stepButton(EchoServer::SendAll));
    click(sp->stepButton(EchoServer::CloseConn));
    // As the seed's `while True:` loop: back to accept() for the next client.
    QCOMPARE(server->currentStep(), int(EchoServer::Accept));
    QVERIFY(sp->statusText().startsWith(QStringLiteral("Next call: accept()")));
    click(cp->stepButton(EchoClient::Recv));
    QTRY_COMPARE(cp->receivedText(), QStringLiteral("21 bytes: 你已连接成功。"));
    click(cp->stepButton(EchoClient::Close));
    QCOMPARE(cp->statusText(), QStringLiteral("The program has ended. Reset to run it again."));

    QTRY_COMPARE(m_window->statesView()->endpoint(Side::Server).state, TcpState::TimeWait);
    QTRY_COMPARE(m_window->statesView()->endpoint(Side::Client).state, TcpState::Closed);
    QCOMPARE(m_window->statesView()->endpoint(Side::Server).source, EventSource::Kernel);
    QCOMPARE(m_window->ladderView()->segmentCount(), 10);
    QCOMPARE(count(m_window->timeline(), EventKind::Data), 2);
    QCOMPARE(count(m_window->timeline(), EventKind::Segment), 10);

    // Reset: every socket closed, back to socket(), fields editable again.
    click(sp->resetButton());
    QCOMPARE(server->currentStep(), 0);
    QVERIFY(sp->portSpin()->isEnabled());
    QCOMPARE(sp->receivedText(), QString());
}

void TstPanes::viewsAtEveryHandshakeStep()
{
    QSignalSpy done(m_window, &MainWindow::exchangeFinished);
    m_window->runExchange(0);
    QVERIFY(done.wait(10000));
    const Timeline *t = m_window->timeline();
    StatesView *states = m_window->statesView();
    LadderView *ladder = m_window->ladderView();
    int segments = 0;
    bool sawSynSent = false;
    bool sawSynReceived = false;
    for (int row = 0; row < t->size(); ++row) {
        states->setCurrentRow(row);
        ladder->setCurrentRow(row);
        const LabEvent &e = t->at(row);
        segments += e.kind == EventKind::Segment;
        QCOMPARE(ladder->segmentCount(), segments);
        if (e.kind == EventKind::State && e.side == Side::Client && e.to == TcpState::SynSent) {
            QCOMPARE(states->endpoint(Side::Client).state, TcpState::SynSent);
            QCOMPARE(states->endpoint(Side::Client).source, EventSource::Inferred);
            sawSynSent = true;
        }
        if (e.kind == EventKind::State && e.side == Side::Server && e.to == TcpState::SynReceived) {
            QCOMPARE(states->endpoint(Side::Server).state, TcpState::SynReceived);
            sawSynReceived = true;
        }
        const QImage a = states->grab().toImage();
        const QImage b = ladder->grab().toImage();
        QVERIFY(!a.isNull() && a.width() > 100);
        QVERIFY(!b.isNull() && b.height() > 50);
    }
    QVERIFY(sawSynSent);
    QVERIFY(sawSynReceived);
    states->setCurrentRow(-1);
    ladder->setCurrentRow(-1);
    QCOMPARE(ladder->segmentCount(), 10);
}

void TstPanes::runWholeExchange()
{
    QSignalSpy done(m_window, &MainWindow::exchangeFinished);
    m_window->runExchange(0);
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().first().toBool(), true);
    QCOMPARE(m_window->clientPane()->receivedText(), QStringLiteral("21 bytes: 你已连接成功。"));
    QCOMPARE(m_window->serverPane()->receivedText(), QStringLiteral("12 bytes: 请求连接"));
    QCOMPARE(m_window->statesView()->endpoint(Side::Server).state, TcpState::TimeWait);
    // Twice in a row: the second run starts from a clean timeline.
    m_window->runExchange(0);
    QVERIFY(done.wait(10000));
    QCOMPARE(count(m_window->timeline(), EventKind::Segment), 10);
}

void TstPanes::refusedShownInPane()
{
    ClientPane *cp = m_window->clientPane();
    cp->portSpin()->setValue(closedPort());
    click(cp->runButton());
    QTRY_VERIFY(m_window->client()->hasFailed());
    QVERIFY2(cp->statusText().contains(QStringLiteral("connection refused")),
        qPrintable(cp->statusText()));
    QVERIFY(cp->statusText().contains(QStringLiteral("ECONNREFUSED 111")));
    // In the window too, the SYN and the RST come before the CLOSED they caused.
    const Timeline *t = m_window->timeline();
    int syn = -1, rst = -1, closed = -1;
    for (int i = 0; i < t->size(); ++i) {
        const LabEvent &e = t->at(i);
        if (e.kind == EventKind::Segment)
            (e.flags.contains(QStringLiteral("RST")) ? rst : syn) = i;
        if (e.kind == EventKind::State && e.to == TcpState::Closed)
            closed = i;
    }
    QVERIFY(syn >= 0);
    QVERIFY(syn < rst);
    QVERIFY(rst < closed);
    // The window stays usable: socket() is the next call again.
    QVERIFY(cp->stepButton(EchoClient::Socket)->isEnabled());
    // … and the message follows the language.
    QVERIFY(m_language->set(QStringLiteral("zh_CN")));
    QTRY_VERIFY2(
        cp->statusText().contains(QStringLiteral("连接被拒绝")), qPrintable(cp->statusText()));
}

void TstPanes::invalidAddressShownInPane()
{
    ServerPane *sp = m_window->serverPane();
    sp->hostEdit()->setText(QStringLiteral("999.1.1.1"));
    sp->portSpin()->setValue(0);
    click(sp->runButton());
    QTRY_VERIFY(m_window->server()->hasFailed());
    QCOMPARE(m_window->server()->currentStep(), int(EchoServer::Bind));
    QVERIFY2(sp->statusText().contains(QStringLiteral("EAI_NONAME")), qPrintable(sp->statusText()));
    QVERIFY(sp->statusText().contains(QStringLiteral("not a valid address")));
}

void TstPanes::fitsOnA1280x800Screen()
{
    QCOMPARE(m_window->size(), QSize(1280, 800));
    QVERIFY(m_window->minimumSizeHint().width() <= 1280);
    QVERIFY(m_window->minimumSizeHint().height() <= 800);
    // Both panes' buttons are fully inside their pane.
    for (ProgramPane *pane : { static_cast<ProgramPane *>(m_window->serverPane()),
             static_cast<ProgramPane *>(m_window->clientPane()) }) {
        for (int i = 0; pane->stepButton(i); ++i) {
            QPushButton *b = pane->stepButton(i);
            const QRect r(b->mapTo(pane, QPoint(0, 0)), b->size());
            QVERIFY2(pane->rect().contains(r), qPrintable(b->text()));
            QVERIFY2(
                b->width() >= b->fontMetrics().horizontalAdvance(b->text()), qPrintable(b->text()));
        }
    }
}

void TstPanes::scenarioStepsWithKeys()
{
    QVERIFY(m_window->showScenario(QStringLiteral("three-way-handshake")));
    QVERIFY(m_window->isScenarioMode());
    Stepper *s = m_window->stepper();
    QCOMPARE(s->current(), 0);
    QTest::keyClick(m_window, Qt::Key_Right);
    QTest::keyClick(m_window, Qt::Key_PageDown); // a presentation clicker
    QCOMPARE(s->current(), 2);
    QTest::keyClick(m_window, Qt::Key_Left);
    QCOMPARE(s->current(), 1);
    QTest::keyClick(m_window, Qt::Key_End);
    QCOMPARE(s->current(), m_window->shownTimeline()->size() - 1);
    QTest::keyClick(m_window, Qt::Key_Home);
    QCOMPARE(s->current(), 0);
    QTest::keyClick(m_window, Qt::Key_Space);
    QVERIFY(s->isPlaying());
    QTest::keyClick(m_window, Qt::Key_Space);
    QVERIFY(!s->isPlaying());
    // At the end of the handshake both markers are on ESTABLISHED.
    s->last();
    m_window->diagramView()->setAnimationProgress(1.0);
    QCOMPARE(m_window->diagramView()->markerState(Side::Client), TcpState::Established);
    QCOMPARE(m_window->diagramView()->markerState(Side::Server), TcpState::Established);
    QVERIFY(!m_window->captionView()->caption().isEmpty());
    // The live lab is one choice away, and its keys are off again.
    m_window->showLive();
    QVERIFY(!m_window->isScenarioMode());
    const int parked = s->current();
    QTest::keyClick(m_window, Qt::Key_Left);
    QCOMPARE(s->current(), parked);
    QCOMPARE(m_window->shownTimeline(), m_window->timeline());
}

void TstPanes::steppingBackRestoresViews()
{
    // Stepping forward then back returns every view to identical states.
    QVERIFY(m_window->showScenario(QStringLiteral("tcp-echo")));
    Stepper *s = m_window->stepper();
    auto snapshot = [this] {
        StateDiagramView *d = m_window->diagramView();
        d->setAnimationProgress(1.0);
        m_window->ladderView()->setFlightProgress(1.0);
        return QStringList { tcpStateName(d->markerState(Side::Client)),
            tcpStateName(d->markerState(Side::Server)),
            tcpStateName(m_window->statesView()->endpoint(Side::Client).state),
            tcpStateName(m_window->statesView()->endpoint(Side::Server).state),
            QString::number(m_window->ladderView()->segmentCount()),
            QString::number(m_window->scenarioPane()->inspector()->shownRow()),
            m_window->scenarioPane()->codePanel()->currentLineText(),
            m_window->captionView()->caption() };
    };
    for (int row = 0; row + 1 < s->count(); ++row) {
        s->jumpTo(row);
        const QStringList before = snapshot();
        s->next();
        s->previous();
        QCOMPARE(snapshot(), before);
    }
}

void TstPanes::presentationMode()
{
    QVERIFY(m_window->showScenario(QStringLiteral("four-way-close")));
    m_window->present();
    PresentationWindow *p = nullptr;
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *pw = qobject_cast<PresentationWindow *>(w))
            p = pw;
    QVERIFY(p);
    QVERIFY(p->isVisible());
    QCOMPARE(p->palette().color(QPalette::Window), QColor(Qt::black)); // high contrast
    Stepper *s = m_window->stepper();
    const int start = s->current();
    QTest::keyClick(p, Qt::Key_PageDown);
    QCOMPARE(s->current(), start + 1);
    QCOMPARE(p->diagram()->currentRow(), start + 1);
    QTest::keyClick(p, Qt::Key_PageUp);
    QCOMPARE(s->current(), start);
    QVERIFY(!p->grab().toImage().isNull());
    QPointer<PresentationWindow> guard(p);
    QTest::keyClick(p, Qt::Key_Escape);
    QTRY_VERIFY(guard.isNull() || !guard->isVisible());
}

QTEST_MAIN(TstPanes)
#include "tst_panes.moc"
