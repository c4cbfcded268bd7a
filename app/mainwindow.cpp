#include "mainwindow.h"

#include "clientpane.h"
#include "ladderview.h"
#include "language.h"
#include "programs/echoclient.h"
#include "programs/echoserver.h"
#include "programs/segmentinferrer.h"
#include "programs/tcpechodemo.h"
#include "serverpane.h"
#include "statesview.h"
#include "timeline/timeline.h"
#include "timelinetable.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

MainWindow::MainWindow(Language *language, QWidget *parent)
    : QMainWindow(parent)
    , m_language(language)
    , m_timeline(new Timeline(this))
    , m_inferrer(new SegmentInferrer(m_timeline, this))
    , m_server(new EchoServer(m_timeline, m_inferrer, this))
    , m_client(new EchoClient(m_timeline, m_inferrer, this))
    , m_demo(new TcpEchoDemo(m_server, m_client, this))
{
    m_serverPane = new ServerPane(m_server);
    m_clientPane = new ClientPane(m_client);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 6, 6);
    leftLayout->addWidget(m_serverPane);
    leftLayout->addWidget(m_clientPane);
    leftLayout->addStretch();
    auto *leftScroll = new QScrollArea;
    leftScroll->setWidget(left);
    leftScroll->setWidgetResizable(true);
    leftScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    leftScroll->setMinimumWidth(450);

    m_states = new StatesView;
    m_states->setTimeline(m_timeline);
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
    ladderLayout->addWidget(m_ladderTitle);
    ladderLayout->addWidget(m_ladderScroll);
    auto *tableBox = new QWidget;
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_tableTitle);
    tableLayout->addWidget(m_table);

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(m_states);
    right->addWidget(ladderBox);
    right->addWidget(tableBox);
    right->setStretchFactor(0, 0);
    right->setStretchFactor(1, 3);
    right->setStretchFactor(2, 2);
    right->setSizes({ 160, 420, 160 });

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(leftScroll);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({ 460, 820 });
    setCentralWidget(split);

    connect(m_timeline, &Timeline::eventAdded, this, &MainWindow::scrollLadderToEnd);
    connect(m_demo, &TcpEchoDemo::finished, this, [this](bool ok) {
        setStatus(ok ? Status::Finished : Status::Failed);
        emit exchangeFinished(ok);
    });
    // The panes show the port the server really bound (0 asks the kernel for one).
    connect(m_server, &EchoServer::listening, this, [this](const SockAddr &address) {
        if (!m_demo->isRunning())
            return;
        for (QSpinBox *spin : { m_serverPane->portSpin(), m_clientPane->portSpin() }) {
            const QSignalBlocker block(spin);
            spin->setValue(address.port);
        }
    });

    createMenus();
    retranslateUi();
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_exportAction = m_fileMenu->addAction(QString(), this, &MainWindow::onExportTriggered);
    m_exportAction->setShortcut(QKeySequence::Save);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), qApp, &QApplication::closeAllWindows);
    m_quitAction->setShortcut(QKeySequence::Quit);

    m_runMenu = menuBar()->addMenu(QString());
    m_runAction = m_runMenu->addAction(QString(), this, [this] { runExchange(); });
    m_runAction->setShortcut(Qt::Key_F5);
    m_serverStepAction = m_runMenu->addAction(QString(), m_serverPane, &ProgramPane::stepOnce);
    m_serverStepAction->setShortcut(Qt::Key_F6);
    m_clientStepAction = m_runMenu->addAction(QString(), m_clientPane, &ProgramPane::stepOnce);
    m_clientStepAction->setShortcut(Qt::Key_F7);
    m_runMenu->addSeparator();
    m_resetAction = m_runMenu->addAction(QString(), this, &MainWindow::resetAll);
    m_resetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));

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
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setShortcut(QKeySequence::HelpContents);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Socket Lab"));
    m_fileMenu->setTitle(tr("&File"));
    m_exportAction->setText(tr("&Export timeline (JSON Lines)…"));
    m_quitAction->setText(tr("&Quit"));
    m_runMenu->setTitle(tr("&Run"));
    m_runAction->setText(tr("Run the whole &exchange"));
    m_serverStepAction->setText(tr("&Server: next call"));
    m_clientStepAction->setText(tr("&Client: next call"));
    m_resetAction->setText(tr("&Reset all"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About Socket Lab"));
    m_ladderTitle->setText(tr("Ladder diagram: segments between client and server"));
    m_tableTitle->setText(tr("Timeline"));
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
    case Status::Saved:
        text = tr("Saved %n event(s) to %1", nullptr, m_statusCount).arg(m_statusArg);
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
    if (m_demo->isRunning())
        return;
    resetAll();
    const QString host = m_serverPane->hostEdit()->text().trimmed();
    const quint16 p = quint16(port >= 0 ? port : m_serverPane->portSpin()->value());
    setStatus(Status::Running);
    EchoClient::Config cc = m_client->config();
    cc.message = m_clientPane->messageEdit()->text().toUtf8();
    m_client->setConfig(cc);
    EchoServer::Config sc = m_server->config();
    sc.reply = m_serverPane->replyEdit()->text().toUtf8();
    sc.backlog = m_serverPane->backlogSpin()->value();
    m_server->setConfig(sc);
    m_demo->start(host, p);
}

void MainWindow::resetAll()
{
    m_serverPane->resetProgram();
    m_clientPane->resetProgram();
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
    const QString path = QFileDialog::getSaveFileName(this, tr("Export timeline"),
        QStringLiteral("timeline.jsonl"), tr("JSON Lines (*.jsonl *.json)"));
    if (!path.isEmpty())
        exportTimeline(path);
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
