#include "mainwindow.h"

#include "apireferencepanel.h"
#include "captionview.h"
#include "capture/capturesession.h"
#include "capture/pcapexport.h"
#include "capturebanner.h"
#include "capturefileloader.h"
#include "capturefilepane.h"
#include "clientpane.h"
#include "connectionlistmodel.h"
#include "httppanes.h"
#include "ladderview.h"
#include "language.h"
#include "presentationwindow.h"
#include "programs/echoclient.h"
#include "programs/echoserver.h"
#include "programs/httpgetclient.h"
#include "programs/httphellodemo.h"
#include "programs/httphelloserver.h"
#include "programs/segmentinferrer.h"
#include "programs/tcpechodemo.h"
#include "programs/udpechoclient.h"
#include "programs/udpechodemo.h"
#include "programs/udpechoserver.h"
#include "replay/replayfile.h"
#include "scenariopane.h"
#include "scenarios/scenario.h"
#include "serverpane.h"
#include "statediagramview.h"
#include "statesview.h"
#include "stepperbar.h"
#include "timeline/stepper.h"
#include "timeline/timeline.h"
#include "timelinetable.h"
#include "udppanes.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

MainWindow::MainWindow(Language *language, QWidget *parent)
    : QMainWindow(parent)
    , m_language(language)
    , m_timeline(new Timeline(this))
    , m_inferrer(new SegmentInferrer(m_timeline, this))
    , m_server(new EchoServer(m_timeline, m_inferrer, this))
    , m_client(new EchoClient(m_timeline, m_inferrer, this))
    , m_demo(new TcpEchoDemo(m_server, m_client, this))
    , m_scenarioTimeline(new Timeline(this))
    , m_stepper(new Stepper(this))
{
    m_leftStack = new QStackedWidget;
    m_serverPane = new ServerPane(m_server);
    m_clientPane = new ClientPane(m_client);
    addLiveLab({ QStringLiteral("tcp-echo"), m_serverPane, m_clientPane, nullptr, m_demo,
        [this](quint16 port) { m_demo->start(m_serverPane->hostEdit()->text().trimmed(), port); },
        [this] { return quint16(m_serverPane->portSpin()->value()); } });

    m_httpServer = new HttpHelloServer(m_timeline, m_inferrer, this);
    m_httpClient = new HttpGetClient(m_timeline, m_inferrer, this);
    auto *httpDemo = new HttpHelloDemo(m_httpServer, m_httpClient, this);
    m_httpServerPane = new HttpServerPane(m_httpServer);
    m_httpClientPane = new HttpClientPane(m_httpClient);
    addLiveLab(
        { QStringLiteral("http-hello"), m_httpServerPane, m_httpClientPane, nullptr, httpDemo,
            [this, httpDemo](quint16 port) {
                httpDemo->start(m_httpServerPane->hostEdit()->text().trimmed(), port);
            },
            [this] { return quint16(m_httpServerPane->portSpin()->value()); } });

    m_udpServer = new UdpEchoServer(m_timeline, this);
    m_udpClient = new UdpEchoClient(m_timeline, this);
    auto *udpDemo = new UdpEchoDemo(m_udpServer, m_udpClient, this);
    m_udpServerPane = new UdpServerPane(m_udpServer);
    m_udpClientPane = new UdpClientPane(m_udpClient);
    addLiveLab({ QStringLiteral("udp-echo"), m_udpServerPane, m_udpClientPane, nullptr, udpDemo,
        [this, udpDemo](
            quint16 port) { udpDemo->start(m_udpServerPane->hostEdit()->text().trimmed(), port); },
        [this] { return quint16(m_udpServerPane->portSpin()->value()); } });
    connect(m_server, &EchoServer::listening, this,
        [this](const SockAddr &a) { showBoundPort(m_labs.at(0), a.port); });
    connect(m_httpServer, &HttpHelloServer::listening, this,
        [this](const SockAddr &a) { showBoundPort(m_labs.at(1), a.port); });
    connect(m_udpServer, &UdpEchoServer::bound, this,
        [this](const SockAddr &a) { showBoundPort(m_labs.at(2), a.port); });

    m_scenarioPane = new ScenarioPane;
    m_scenarioPane->setTimeline(m_scenarioTimeline);
    m_leftStack->addWidget(m_scenarioPane);
    m_apiPanel = new ApiReferencePanel;
    m_apiPanel->setTimeline(m_timeline);
    m_leftStack->addWidget(m_apiPanel);
    m_capturePane = new CaptureFilePane;
    m_leftStack->addWidget(m_capturePane);
    connect(m_capturePane, &CaptureFilePane::streamChosen, this, &MainWindow::showConnection);

    m_states = new StatesView;
    m_states->setTimeline(m_timeline);
    m_diagram = new StateDiagramView;
    m_diagram->setTimeline(m_timeline);
    // It scales to its room; in the live lab the states cards need only a little.
    m_diagram->setMinimumSize(240, 120);
    m_topTabs = new QTabWidget;
    m_topTabs->addTab(m_states, QString());
    m_topTabs->addTab(m_diagram, QString());
    m_caption = new CaptionView;
    m_caption->setTextPointSize(13);
    m_caption->setTimeline(m_scenarioTimeline);
    m_caption->hide();
    m_stepperBar = new StepperBar(m_stepper);
    m_stepperBar->hide();
    m_ladder = new LadderView;
    m_ladder->setTimeline(m_timeline);
    m_ladderScroll = new QScrollArea;
    m_ladderScroll->setWidget(m_ladder);
    m_ladderScroll->setWidgetResizable(true);
    m_ladderScroll->setBackgroundRole(QPalette::Base);
    m_table = new TimelineTable;
    m_table->setTimeline(m_timeline);
    m_ladderTitle = new QLabel;
    m_tableTitle = new QLabel;
    for (QLabel *l : { m_ladderTitle, m_tableTitle }) {
        QFont f = l->font();
        f.setBold(true);
        l->setFont(f);
    }

    auto *ladderBox = new QWidget;
    auto *ladderLayout = new QVBoxLayout(ladderBox);
    ladderLayout->setContentsMargins(0, 0, 0, 0);
    ladderLayout->addWidget(m_caption);
    m_captureBanner = new CaptureBanner;
    ladderLayout->addWidget(m_captureBanner);
    ladderLayout->addWidget(m_ladderTitle);
    ladderLayout->addWidget(m_ladderScroll);
    ladderLayout->addWidget(m_stepperBar);
    auto *tableBox = new QWidget;
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_tableTitle);
    tableLayout->addWidget(m_table);

    auto *right = new QSplitter(Qt::Vertical);
    m_rightSplit = right;
    right->addWidget(m_topTabs);
    right->addWidget(ladderBox);
    right->addWidget(tableBox);
    right->setStretchFactor(0, 0);
    right->setStretchFactor(1, 3);
    right->setStretchFactor(2, 2);
    right->setSizes({ 190, 420, 130 });

    auto *split = new QSplitter(Qt::Horizontal);
    m_mainSplit = split;
    split->addWidget(m_leftStack);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({ 460, 820 });
    setCentralWidget(split);

    connect(m_timeline, &Timeline::eventAdded, this, &MainWindow::scrollLadderToEnd);
    for (const LiveLab &l : std::as_const(m_labs)) {
        connect(l.demo, &ExchangeDemo::finished, this, [this](bool ok) {
            // The exchange is over when its last packets are on the timeline too.
            stopCapture([this, ok] {
                setStatus(ok ? Status::Finished : Status::Failed);
                emit exchangeFinished(ok);
            });
        });
        // A serving server is captured while it serves (its port field: the port it binds).
        if (QPushButton *serve = l.server->serveButton();
            serve && l.name != QLatin1String("udp-echo")) {
            connect(serve, &QPushButton::toggled, this, [this, fieldPort = l.fieldPort](bool on) {
                if (on && m_captureAction->isChecked() && fieldPort() != 0)
                    startCapture({ fieldPort() }, {});
                else if (!on)
                    stopCapture();
            });
        }
    }

    connect(m_stepper, &Stepper::currentChanged, this, &MainWindow::setViewsRow);
    m_modeCombo = new QComboBox;
    m_modeCombo->setObjectName(QStringLiteral("modeCombo"));
    for (const LiveLab &l : std::as_const(m_labs))
        m_modeCombo->addItem(QString(), QStringLiteral("live:") + l.name);
    m_modeCombo->addItem(QString(), QStringLiteral("api"));
    for (const ScenarioInfo &info : Scenarios::list())
        m_modeCombo->addItem(QString(), info.name);
    connect(m_modeCombo, &QComboBox::activated, this, &MainWindow::onModeChosen);
    m_modeLabel = new QLabel;
    auto *modeBar = addToolBar(QString());
    modeBar->setObjectName(QStringLiteral("modeBar"));
    modeBar->setMovable(false);
    modeBar->addWidget(m_modeLabel);
    modeBar->addWidget(m_modeCombo);

    // Reading a capture file: on a worker thread, its progress and Cancel in the status bar.
    m_loader = new CaptureFileLoader(this);
    connect(m_loader, &CaptureFileLoader::progress, this, &MainWindow::onReadProgress);
    connect(m_loader, &CaptureFileLoader::finished, this, &MainWindow::onCaptureFileRead);
    m_readProgress = new QProgressBar;
    m_readProgress->setObjectName(QStringLiteral("readProgress"));
    m_readProgress->setRange(0, 1000);
    m_readProgress->setMaximumWidth(220);
    m_readProgress->hide();
    m_cancelRead = new QPushButton;
    m_cancelRead->setObjectName(QStringLiteral("cancelRead"));
    m_cancelRead->hide();
    connect(m_cancelRead, &QPushButton::clicked, m_loader, &CaptureFileLoader::cancel);
    statusBar()->addPermanentWidget(m_readProgress);
    statusBar()->addPermanentWidget(m_cancelRead);
    setAcceptDrops(true);

    createMenus();
    retranslateUi();
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::addLiveLab(const LiveLab &lab)
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(lab.server);
    layout->addWidget(lab.client);
    layout->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(450);
    m_leftStack->addWidget(scroll);
    LiveLab l = lab;
    l.page = scroll;
    m_labs.append(l);
}

QStringList MainWindow::liveLabs() const
{
    QStringList names;
    for (const LiveLab &l : m_labs)
        names.append(l.name);
    return names;
}

QString MainWindow::currentLiveLab() const
{
    return lab().name;
}

void MainWindow::showBoundPort(const LiveLab &lab, quint16 port)
{
    if (!lab.demo->isRunning())
        return;
    for (ProgramPane *pane : { lab.server, lab.client }) {
        if (QSpinBox *spin = pane->findChild<QSpinBox *>(QStringLiteral("port"))) {
            const QSignalBlocker block(spin);
            spin->setValue(port);
        }
    }
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_openCaptureAction
        = m_fileMenu->addAction(QString(), this, &MainWindow::onOpenCaptureTriggered);
    m_openCaptureAction->setShortcut(QKeySequence::Open);
    m_fileMenu->addSeparator();
    m_exportAction = m_fileMenu->addAction(QString(), this, &MainWindow::onExportTriggered);
    m_exportAction->setShortcut(QKeySequence::Save);
    m_exportCaptureAction
        = m_fileMenu->addAction(QString(), this, &MainWindow::onExportCaptureTriggered);
    m_exportCaptureAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), qApp, &QApplication::closeAllWindows);
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_runMenu = menuBar()->addMenu(QString());
    m_runAction = m_runMenu->addAction(QString(), this, [this] { runExchange(); });
    m_runAction->setShortcut(Qt::Key_F5);
    m_serverStepAction = m_runMenu->addAction(QString(), this, [this] {
        if (!isScenarioMode() && !isApiMode() && !isCaptureFileMode())
            lab().server->stepOnce();
    });
    m_serverStepAction->setShortcut(Qt::Key_F6);
    m_clientStepAction = m_runMenu->addAction(QString(), this, [this] {
        if (!isScenarioMode() && !isApiMode() && !isCaptureFileMode())
            lab().client->stepOnce();
    });
    m_clientStepAction->setShortcut(Qt::Key_F7);
    m_runMenu->addSeparator();
    m_resetAction = m_runMenu->addAction(QString(), this, &MainWindow::resetAll);
    m_resetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_runMenu->addSeparator();
    m_captureAction = m_runMenu->addAction(QString());
    m_captureAction->setObjectName(QStringLiteral("capturePackets"));
    m_captureAction->setCheckable(true);
    m_captureAction->setChecked(true);
    connect(m_captureAction, &QAction::toggled, this, [this](bool on) {
        if (on)
            return; // the next exchange or serve captures
        stopCapture();
        m_captureBanner->dismiss(); // inferred by choice, not for want of rights
    });
    // No View menu: the ladder's numbering lives here, found by name in retranslateUi().
    QAction *showRaw = m_runMenu->addAction(QString(), m_ladder, &LadderView::setShowRaw);
    showRaw->setObjectName(QStringLiteral("showRawAction"));
    showRaw->setCheckable(true);
    showRaw->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));

    m_scenarioMenu = menuBar()->addMenu(QString());
    auto addStep = [this](const QList<QKeySequence> &keys, auto slot) {
        QAction *a = m_scenarioMenu->addAction(QString(), m_stepper, slot);
        a->setShortcuts(keys);
        a->setEnabled(false);
        m_stepActions.append(a);
        return a;
    };
    addStep({ QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_PageDown) }, &Stepper::next);
    addStep({ QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_PageUp) }, &Stepper::previous);
    addStep({ QKeySequence(Qt::Key_Space) }, &Stepper::togglePlay);
    addStep({ QKeySequence(Qt::Key_Home) }, &Stepper::first);
    addStep({ QKeySequence(Qt::Key_End) }, &Stepper::last);
    m_scenarioMenu->addSeparator();
    m_presentAction = m_scenarioMenu->addAction(QString(), this, &MainWindow::present);
    m_presentAction->setShortcut(Qt::Key_F11);
    m_presentAction->setEnabled(false);

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    // Each language is named in itself, so it can be found from either.
    m_zhAction = m_languageMenu->addAction(QStringLiteral("中文"));
    m_enAction = m_languageMenu->addAction(QStringLiteral("English"));
    for (QAction *a : { m_zhAction, m_enAction }) {
        a->setCheckable(true);
        m_languageGroup->addAction(a);
    }
    m_zhAction->setData(QStringLiteral("zh_CN"));
    m_enAction->setData(QStringLiteral("en"));
    connect(m_languageGroup, &QActionGroup::triggered, this,
        [this](QAction *a) { m_language->set(a->data().toString()); });

    m_helpMenu = menuBar()->addMenu(QString());
    m_apiAction = m_helpMenu->addAction(QString(), this, &MainWindow::showApiReference);
    m_apiAction->setShortcut(Qt::Key_F2);
    m_helpMenu->addSeparator();
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setShortcut(QKeySequence::HelpContents);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Socket Lab"));
    m_fileMenu->setTitle(tr("&File"));
    //: opens a pcap or pcapng file (抓包文件) to step through its connections
    m_openCaptureAction->setText(tr("&Open capture file…"));
    m_exportAction->setText(tr("&Export timeline (JSON Lines)…"));
    m_exportCaptureAction->setText(tr("Export &capture (pcap)…"));
    m_quitAction->setText(tr("&Quit"));
    m_runMenu->setTitle(tr("&Run"));
    m_runAction->setText(tr("Run the whole &exchange"));
    m_serverStepAction->setText(tr("&Server: next call"));
    m_clientStepAction->setText(tr("&Client: next call"));
    m_resetAction->setText(tr("&Reset all"));
    //: packet capture on lo with the helper program (抓包)
    m_captureAction->setText(tr("Capture &packets"));
    findChild<QAction *>(QStringLiteral("showRawAction"))
        ->setText(tr("Show ra&w sequence numbers"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About Socket Lab"));
    m_apiAction->setText(tr("Socket &API reference"));
    m_ladderTitle->setText(tr("Ladder diagram: segments and datagrams between client and server"));
    m_topTabs->setTabText(0, tr("States"));
    m_topTabs->setTabText(1, tr("State diagram (RFC 9293)"));
    m_modeLabel->setText(tr("Show: "));
    const QStringList labTitles { tr("Live lab: TCP echo (real sockets)"),
        tr("Live lab: web server (HTTP, real sockets)"), tr("Live lab: UDP echo (real sockets)") };
    for (int i = 0; i < m_labs.size(); ++i)
        m_modeCombo->setItemText(i, labTitles.value(i));
    m_modeCombo->setItemText(int(m_labs.size()), tr("Socket API reference (try each call)"));
    for (const ScenarioInfo &info : Scenarios::list())
        m_modeCombo->setItemText(
            m_modeCombo->findData(info.name), tr("Scenario: %1").arg(Scenarios::title(info)));
    updateCaptureFileItem();
    m_scenarioMenu->setTitle(tr("&Scenario"));
    const QStringList stepNames { tr("Next step"), tr("Previous step"), tr("Play / pause"),
        tr("First step"), tr("Last step") };
    for (int i = 0; i < m_stepActions.size(); ++i)
        m_stepActions.at(i)->setText(stepNames.value(i));
    m_presentAction->setText(tr("&Presentation mode"));
    m_tableTitle->setText(tr("Timeline"));
    //: stops reading a capture file
    m_cancelRead->setText(tr("Cancel"));
    m_zhAction->setChecked(m_language->current() == QLatin1String("zh_CN"));
    m_enAction->setChecked(m_language->current() == QLatin1String("en"));
    m_timeline->retranslate();
    showStatus();
}

void MainWindow::setStatus(Status status, const QString &arg, int n)
{
    m_status = status;
    m_statusArg = arg;
    m_statusCount = n;
    showStatus();
}

void MainWindow::showStatus()
{
    QString text;
    switch (m_status) {
    case Status::Hint:
        text = tr(
            "Click the server's calls, then the client's — or press F5 to run the whole exchange.");
        break;
    case Status::Running:
        text = tr("Running the exchange…");
        break;
    case Status::Finished:
        text = tr("The exchange finished.");
        break;
    case Status::Failed:
        text = tr("The exchange stopped: a call failed (see the panes).");
        break;
    case Status::Api:
        text
            = tr("Choose a constant or a method, then \"Try it\" (Ctrl+T): the call runs on a real "
                 "socket and lands on the timeline.");
        break;
    case Status::Scenario:
        text = tr("A scenario of the RFC 9293 model: → and ← step, Space plays, Home and End jump; "
                  "F11 presents it full screen.");
        break;
    case Status::Saved:
        text = tr("Saved %n event(s) to %1", nullptr, m_statusCount).arg(m_statusArg);
        break;
    case Status::SavedCapture:
        //: %1 a .pcap file; a packet is one segment or datagram
        text = tr("Saved %n packet(s) to %1", nullptr, m_statusCount).arg(m_statusArg);
        break;
    case Status::Reading:
        //: %1 a capture file's name
        text = tr("Reading the capture file %1…").arg(m_statusArg);
        break;
    case Status::ReadCancelled:
        //: %1 a capture file's name
        text = tr("Reading %1 was cancelled.").arg(m_statusArg);
        break;
    case Status::CaptureFile:
        text = tr("A capture file: pick a connection in the list; → and ← step, Space plays, Home "
                  "and End jump; F11 presents it full screen.");
        break;
    }
    statusBar()->showMessage(text);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::runExchange(int port)
{
    if (isScenarioMode() || isApiMode() || isCaptureFileMode())
        showLive();
    const LiveLab &l = lab();
    if (l.demo->isRunning())
        return;
    if (m_captureStarting)
        return;
    quint16 p = quint16(port >= 0 ? port : l.fieldPort());
    resetAll();
    setStatus(Status::Running);
    l.server->applyFields();
    l.client->applyFields();
    // The UDP lab records its datagrams itself and has no inferrer to quiet: not captured.
    if (!m_captureAction->isChecked() || l.name == QLatin1String("udp-echo")) {
        l.start(p);
        return;
    }
    // The filter needs the server's port before the server binds it: take a free one now.
    if (p == 0)
        p = CaptureSession::reservePort();
    m_captureStarting = true;
    startCapture({ p }, [this, start = l.start, p] {
        m_captureStarting = false;
        start(p);
    });
}

void MainWindow::startCapture(const QList<quint16> &ports, const std::function<void()> &then)
{
    if (m_capture) {
        // A running capture of another port ends; its packets stay on the timeline.
        CaptureSession *old = m_capture;
        old->disconnect(this);
        connect(old, &CaptureSession::stopped, old, &QObject::deleteLater);
        if (old->status() == CaptureSession::Status::Running
            || old->status() == CaptureSession::Status::Starting)
            old->drain();
        else
            old->deleteLater();
    }
    m_inferrer->setCapturedPorts({});
    auto *session = new CaptureSession(m_timeline, this);
    m_capture = session;
    session->setServerPorts(ports);
    connect(session, &CaptureSession::started, this, [this, ports, then] {
        m_inferrer->setCapturedPorts(ports);
        m_captureBanner->dismiss();
        if (then)
            then();
    });
    connect(session, &CaptureSession::unavailable, this, [this, session, then] {
        // Never silently: the banner says why, and the inferrer fills the ladder.
        m_inferrer->setCapturedPorts({});
        m_captureBanner->showFailure(session);
        if (then && m_captureStarting)
            then();
    });
    session->start();
}

void MainWindow::stopCapture(const std::function<void()> &then)
{
    CaptureSession *session = m_capture;
    if (!session || session->status() != CaptureSession::Status::Running) {
        if (then)
            then();
        return;
    }
    connect(session, &CaptureSession::stopped, this, [this, then] {
        // New connections on the port are inferred again; the captured ones stay quiet.
        m_inferrer->setCapturedPorts({});
        if (then)
            then();
    });
    session->drain();
}

void MainWindow::resetAll()
{
    for (const LiveLab &l : std::as_const(m_labs)) {
        l.server->resetProgram();
        l.client->resetProgram();
    }
    m_inferrer->clear();
    m_timeline->clear();
    m_followLadder = true;
    setStatus(Status::Hint);
}

bool MainWindow::exportTimeline(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QMessageBox::warning(
            this, tr("Export failed"), tr("Could not write %1: %2").arg(path, f.errorString()));
        return false;
    }
    for (const LabEvent &e : m_timeline->events()) {
        f.write(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact));
        f.write("\n");
    }
    setStatus(Status::Saved, path, m_timeline->size());
    return true;
}

void MainWindow::onExportTriggered()
{
    // Into the user's documents (or home), not wherever the lab was started from.
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QDir::homePath();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export timeline"),
        QDir(dir).filePath(QStringLiteral("timeline.jsonl")), tr("JSON Lines (*.jsonl *.json)"));
    if (!path.isEmpty())
        exportTimeline(path);
}

bool MainWindow::exportCapture(const QString &path)
{
    const Timeline *timeline = shownTimeline(); // live or scenario: what the views show
    QString error;
    if (!PcapExport::write(*timeline, path, &error)) {
        QMessageBox::warning(this, tr("Export failed"), error);
        return false;
    }
    setStatus(Status::SavedCapture, path, int(PcapExport::packets(timeline->events()).size()));
    return true;
}

void MainWindow::onExportCaptureTriggered()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QDir::homePath();
    const QString path = QFileDialog::getSaveFileName(this, tr("Export capture"),
        QDir(dir).filePath(QStringLiteral("capture.pcap")),
        //: file dialog filter; pcap is the file format's name
        tr("pcap capture files (*.pcap)"));
    if (!path.isEmpty())
        exportCapture(path);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Socket Lab"),
        tr("<p><b>Socket Lab</b> runs the programs of a classic socket tutorial on this machine's "
           "real sockets and shows every call, each endpoint's TCP state and the segments between "
           "them.</p>"
           "<p>States marked <i>read from the kernel</i> come from TCP_INFO and NETLINK_SOCK_DIAG; "
           "segments marked <i>inferred from calls</i> are deduced, because no packet capture is "
           "running.</p>"
           "<p>The close of a connection is called 四次挥手 (four-way close); the source text "
           "calls it 四次握手.</p>"
           "<p>Licensed under the GNU GPL, version 3 or later.</p>"));
}

void MainWindow::showTopOfLadder()
{
    m_followLadder = false;
    m_ladderScroll->verticalScrollBar()->setValue(0);
}

void MainWindow::scrollLadderToEnd()
{
    QTimer::singleShot(0, this, [this] {
        if (!m_followLadder)
            return;
        QScrollBar *bar = m_ladderScroll->verticalScrollBar();
        bar->setValue(bar->maximum());
    });
}

Timeline *MainWindow::shownTimeline() const
{
    if (isCaptureFileMode() && m_replayTimeline)
        return m_replayTimeline;
    return isScenarioMode() ? m_scenarioTimeline : m_timeline;
}

bool MainWindow::isScenarioMode() const
{
    return m_leftStack->currentWidget() == m_scenarioPane;
}

void MainWindow::setViewsTimeline(Timeline *timeline)
{
    m_states->setTimeline(timeline);
    m_diagram->setTimeline(timeline);
    m_ladder->setTimeline(timeline);
    m_table->setTimeline(timeline);
    m_caption->setTimeline(timeline);
}

void MainWindow::setViewsRow(int row)
{
    m_states->setCurrentRow(row);
    m_diagram->setCurrentRow(row);
    m_ladder->setCurrentRow(row);
    m_caption->setCurrentRow(row);
    if (isCaptureFileMode())
        m_capturePane->setCurrentRow(row);
    else
        m_scenarioPane->setCurrentRow(row);
    if (row >= 0) {
        m_table->selectRow(row);
        // Keep the step's row of the ladder in view.
        QScrollBar *bar = m_ladderScroll->verticalScrollBar();
        bar->setValue(bar->maximum());
    }
}

void MainWindow::onModeChosen(int index)
{
    const QString data = m_modeCombo->itemData(index).toString();
    if (data == QLatin1String("api"))
        showApiReference();
    else if (data.startsWith(QLatin1String("live:")))
        showLive(data.mid(5));
    else if (data == QLatin1String("capture-file"))
        showCaptureFile();
    else
        showScenario(data);
}

bool MainWindow::showScenario(const QString &name)
{
    const ScenarioInfo *info = Scenarios::find(name);
    if (!info)
        return false;
    Scenarios::build(name, m_scenarioTimeline);
    m_scenarioPane->setScenario(info);
    m_leftStack->setCurrentWidget(m_scenarioPane);
    setViewsTimeline(m_scenarioTimeline);
    m_caption->show();
    m_stepperBar->show();
    m_topTabs->setCurrentWidget(m_diagram);
    // The state diagram needs the height; the table is a reference here.
    m_rightSplit->setSizes({ 360, 400, 0 });
    setStatus(Status::Scenario);
    for (QAction *a : std::as_const(m_stepActions))
        a->setEnabled(true);
    m_presentAction->setEnabled(true);
    m_followLadder = false;
    m_modeCombo->setCurrentIndex(m_modeCombo->findData(name));
    m_stepper->setTimeline(m_scenarioTimeline);
    setViewsRow(m_stepper->current());
    setFocus();
    return true;
}

void MainWindow::showApiReference()
{
    showLive();
    m_leftStack->setCurrentWidget(m_apiPanel);
    m_modeCombo->setCurrentIndex(m_modeCombo->findData(QStringLiteral("api")));
    setStatus(Status::Api);
    m_apiPanel->filterEdit()->setFocus();
}

bool MainWindow::isApiMode() const
{
    return m_leftStack->currentWidget() == m_apiPanel;
}

bool MainWindow::showLive(const QString &name)
{
    const bool reset = name == QLatin1String("http-reset");
    const int index = int(liveLabs().indexOf(reset ? QStringLiteral("http-hello") : name));
    if (index < 0)
        return false;
    m_lab = index;
    if (reset)
        m_httpClientPane->paddingSpin()->setValue(3000);
    showLive();
    return true;
}

void MainWindow::showLive()
{
    m_stepper->pause();
    m_leftStack->setCurrentWidget(lab().page);
    setViewsTimeline(m_timeline);
    setViewsRow(-1);
    m_caption->hide();
    m_stepperBar->hide();
    m_topTabs->setCurrentWidget(m_states);
    m_rightSplit->setSizes({ 190, 420, 130 });
    setStatus(Status::Hint);
    for (QAction *a : std::as_const(m_stepActions))
        a->setEnabled(false);
    m_presentAction->setEnabled(false);
    m_followLadder = true;
    m_modeCombo->setCurrentIndex(m_lab);
}

void MainWindow::showStep(int row)
{
    // Arrive by a step forward, as a student would, so the step's segment flies.
    const bool stepped = isScenarioMode() || isCaptureFileMode();
    if (stepped) {
        m_stepper->jumpTo(row - 1);
        m_stepper->jumpTo(row);
    } else {
        const int r = qBound(0, row, qMax(0, m_timeline->size() - 1));
        setViewsRow(r - 1);
        setViewsRow(r);
    }
    m_diagram->setAnimationProgress(1.0);
    // The segment of this step is drawn half way across, as in flight.
    m_ladder->setFlightProgress(0.6);
    if (!stepped)
        showTopOfLadder();
}

void MainWindow::present()
{
    if (!isScenarioMode() && !isCaptureFileMode())
        return;
    auto *w = new PresentationWindow(shownTimeline(), m_stepper);
    w->ladder()->setShowRaw(m_ladder->showRaw());
    connect(m_ladder, &LadderView::showRawChanged, w->ladder(), &LadderView::setShowRaw);
    w->showFullScreen();
}

void MainWindow::onOpenCaptureTriggered()
{
    QString dir = m_openDir;
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QDir::homePath();
    // wiretap reads them compressed too; "All files" for captures named otherwise.
    const QString path = QFileDialog::getOpenFileName(this, tr("Open capture file"), dir,
        //: file dialog filters; pcap and pcapng are file formats' names
        tr("Capture files (*.pcap *.pcapng *.cap *.gz *.zst)") + QStringLiteral(";;")
            + tr("All files (*)"));
    if (!path.isEmpty())
        openCaptureFile(path);
}

void MainWindow::openCaptureFile(const QString &path)
{
    m_openDir = QFileInfo(path).absolutePath();
    m_loader->open(path);
    m_readProgress->setRange(0, 1000);
    m_readProgress->setValue(0);
    m_readProgress->show();
    m_cancelRead->show();
    setStatus(Status::Reading, QFileInfo(path).fileName());
}

void MainWindow::onReadProgress(qint64 done, qint64 total)
{
    if (!m_loader->isBusy())
        return; // a late report of a read that has ended
    if (total <= 0) {
        m_readProgress->setRange(0, 0); // size unknown: busy
        return;
    }
    m_readProgress->setRange(0, 1000);
    m_readProgress->setValue(int(qBound(qint64(0), done * 1000 / total, qint64(1000))));
}

void MainWindow::onCaptureFileRead()
{
    m_readProgress->hide();
    m_cancelRead->hide();
    std::unique_ptr<ReplayFile> file = m_loader->takeFile();
    if (!file)
        return;
    const QString name = QFileInfo(file->path()).fileName();
    if (file->error().kind == ReplayError::Cancelled) {
        // The user changed their mind: what was shown stays.
        setStatus(Status::ReadCancelled, name);
        emit captureFileFinished(false);
        return;
    }
    const bool ok = file->error().kind == ReplayError::None;
    m_replayFile = std::move(file);
    m_replayStream = -1;
    m_capturePane->setFile(m_replayFile->path(), m_replayFile->connections(), m_replayFile->error(),
        m_replayFile->packetCount());
    updateCaptureFileItem();
    showCaptureFile();
    emit captureFileFinished(ok);
}

void MainWindow::updateCaptureFileItem()
{
    if (!m_replayFile)
        return;
    int index = m_modeCombo->findData(QStringLiteral("capture-file"));
    if (index < 0) { // after the API reference, before the scenarios
        index = m_modeCombo->findData(QStringLiteral("api")) + 1;
        m_modeCombo->insertItem(index, QString(), QStringLiteral("capture-file"));
    }
    //: in the Show box; %1 the capture file's name
    m_modeCombo->setItemText(
        index, tr("Capture file: %1").arg(QFileInfo(m_replayFile->path()).fileName()));
}

bool MainWindow::isCaptureFileMode() const
{
    return m_leftStack->currentWidget() == m_capturePane;
}

void MainWindow::enterCaptureFileMode()
{
    if (isCaptureFileMode())
        return;
    m_stepper->pause();
    m_leftStack->setCurrentWidget(m_capturePane);
    // Stepped like a scenario; the file has no captions, so no caption line.
    m_caption->hide();
    m_stepperBar->show();
    m_topTabs->setCurrentWidget(m_diagram);
    m_rightSplit->setSizes({ 330, 400, 90 });
    // The connection list has more columns than the live panes: more room on the left.
    if (const QList<int> sizes = m_mainSplit->sizes(); sizes.value(0) < kCaptureFileWidth)
        m_mainSplit->setSizes(
            { kCaptureFileWidth, qMax(0, sizes.value(0) + sizes.value(1) - kCaptureFileWidth) });
    for (QAction *a : std::as_const(m_stepActions))
        a->setEnabled(true);
    m_presentAction->setEnabled(true);
    m_followLadder = false;
    m_modeCombo->setCurrentIndex(m_modeCombo->findData(QStringLiteral("capture-file")));
    setStatus(Status::CaptureFile);
}

bool MainWindow::showCaptureFile()
{
    if (!m_replayFile)
        return false;
    enterCaptureFileMode();
    const QVector<ReplayConnection> &connections = m_replayFile->connections();
    int stream = m_replayStream;
    if (stream < 0 && !connections.isEmpty())
        stream = connections.first().stream;
    if (stream >= 0)
        return showConnection(stream);
    // Nothing to step: the views show an empty timeline, not the previous file's.
    auto *empty = new Timeline(this);
    setViewsTimeline(empty);
    m_capturePane->setTimeline(empty);
    m_stepper->setTimeline(empty);
    if (m_replayTimeline)
        m_replayTimeline->deleteLater();
    m_replayTimeline = empty;
    setViewsRow(m_stepper->current());
    setFocus();
    return true;
}

bool MainWindow::showConnection(int stream)
{
    if (!m_replayFile || m_capturePane->model()->rowOfStream(stream) < 0)
        return false;
    enterCaptureFileMode();
    if (stream != m_replayStream || !m_replayTimeline) {
        // A new timeline, filled before any view watches it: a long connection loads at once.
        auto *timeline = new Timeline(this);
        // In frame order, as --print: a file whose clock steps back (merged files, a bad
        // clock) would otherwise be re-sorted into an impossible story, so such a frame
        // keeps the time of the frame before it.
        qint64 lastUs = 0;
        for (LabEvent e : m_replayFile->events(stream)) {
            e.tUs = qMax(e.tUs, lastUs);
            lastUs = e.tUs;
            timeline->append(std::move(e));
        }
        if (m_replayTimeline)
            m_replayTimeline->deleteLater();
        m_replayTimeline = timeline;
        m_replayStream = stream;
    }
    if (m_stepper->timeline() != m_replayTimeline) {
        setViewsTimeline(m_replayTimeline);
        m_capturePane->setTimeline(m_replayTimeline);
        m_stepper->setTimeline(m_replayTimeline);
    }
    if (m_capturePane->currentStream() != stream)
        m_capturePane->selectStream(stream); // emits streamChosen: back here, nothing to do
    setViewsRow(m_stepper->current());
    showTopOfLadder();
    return true;
}

namespace {

/** The local file a drag carries (the first of its URLs), empty when none. */
QString draggedFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().isEmpty())
        return {};
    const QUrl url = mime->urls().constFirst();
    if (!url.isLocalFile())
        return {};
    const QString path = url.toLocalFile();
    return QFileInfo(path).isFile() ? path : QString();
}

} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (draggedFile(event->mimeData()).isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = draggedFile(event->mimeData());
    if (path.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    openCaptureFile(path);
}
