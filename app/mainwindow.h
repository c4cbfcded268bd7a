#pragma once

#include <QMainWindow>

#include <functional>
#include <memory>

class ApiReferencePanel;
class CaptureBanner;
class CaptureFileLoader;
class CaptureFilePane;
class CaptureSession;
class CaptionView;
class ClientPane;
class PresentationWindow;
class QComboBox;
class QStackedWidget;
class QSplitter;
class QTabWidget;
class ScenarioPane;
class StateDiagramView;
class Stepper;
class StepperBar;
class EchoClient;
class EchoServer;
class ExchangeDemo;
class HttpClientPane;
class HttpGetClient;
class HttpHelloServer;
class HttpServerPane;
class ProgramPane;
class UdpClientPane;
class UdpEchoClient;
class UdpEchoServer;
class UdpServerPane;
class Language;
class LadderView;
class QActionGroup;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QScrollArea;
class ReplayFile;
class SegmentInferrer;
class ServerPane;
class StatesView;
class TcpEchoDemo;
class Timeline;
class TimelineTable;

/**
 * The lab window: the server and client panes of one live lab on the left
 * (TCP echo, the web server, UDP echo — all three keep running when another
 * is shown), or a scenario, or the connection list of a capture file; on the
 * right both endpoints' states, the ladder diagram and the timeline table,
 * all views of one Timeline (a scenario and a capture file's connection are
 * stepped by one Stepper). Menus open a capture file, run the whole
 * exchange, step each program, export the timeline and switch the language
 * at run time.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Language *language, QWidget *parent = nullptr);
    ~MainWindow() override;

    Timeline *timeline() const { return m_timeline; }
    EchoServer *server() const { return m_server; }
    EchoClient *client() const { return m_client; }
    ServerPane *serverPane() const { return m_serverPane; }
    ClientPane *clientPane() const { return m_clientPane; }
    HttpHelloServer *httpServer() const { return m_httpServer; }
    HttpGetClient *httpClient() const { return m_httpClient; }
    HttpServerPane *httpServerPane() const { return m_httpServerPane; }
    HttpClientPane *httpClientPane() const { return m_httpClientPane; }
    UdpEchoServer *udpServer() const { return m_udpServer; }
    UdpEchoClient *udpClient() const { return m_udpClient; }
    UdpServerPane *udpServerPane() const { return m_udpServerPane; }
    UdpClientPane *udpClientPane() const { return m_udpClientPane; }
    /** The live labs' names, in menu order: "tcp-echo", "http-hello", "udp-echo". */
    QStringList liveLabs() const;
    /** The live lab shown (or last shown, in scenario mode). */
    QString currentLiveLab() const;
    StatesView *statesView() const { return m_states; }
    LadderView *ladderView() const { return m_ladder; }
    StateDiagramView *diagramView() const { return m_diagram; }
    CaptionView *captionView() const { return m_caption; }
    ScenarioPane *scenarioPane() const { return m_scenarioPane; }
    Stepper *stepper() const { return m_stepper; }
    ApiReferencePanel *apiPanel() const { return m_apiPanel; }
    /** The timeline the views show: the live one, the scenario's or a capture file connection's. */
    Timeline *shownTimeline() const;
    bool isScenarioMode() const;

    /**
     * Starts reading capture file @p path on a worker thread (CaptureFileLoader),
     * with a progress bar and Cancel in the status bar; the window stays
     * responsive. When it is read, it is shown (showCaptureFile()) with its
     * first connection picked, also when it could be read only in part or not
     * at all (the pane's banner says why); captureFileFinished() then follows.
     * File ▸ Open capture file… (Ctrl+O) and dropping a file on the window call it.
     */
    void openCaptureFile(const QString &path);
    /**
     * Shows the capture file read last: its connection list on the left, the
     * connection picked stepped in the views like a scenario. False before any.
     */
    bool showCaptureFile();
    /** Shows connection (stream) @p stream of the capture file; false when there is none. */
    bool showConnection(int stream);
    bool isCaptureFileMode() const;
    /** The capture file read last (null before any). */
    const ReplayFile *replayFile() const { return m_replayFile.get(); }
    /** The stream shown from the capture file, -1 when none. */
    int shownStream() const { return m_replayStream; }
    CaptureFilePane *captureFilePane() const { return m_capturePane; }
    CaptureFileLoader *captureFileLoader() const { return m_loader; }
    /** The status bar's progress bar and Cancel button, shown while a capture file is read. */
    QProgressBar *readProgressBar() const { return m_readProgress; }
    QPushButton *cancelReadButton() const { return m_cancelRead; }

    /** Plays scenario @p name step by step (views on its timeline); false for an unknown name. */
    bool showScenario(const QString &name);
    /** Back to the live lab: the panes, the views following the live timeline. */
    void showLive();
    /**
     * Shows live lab @p name (see liveLabs()); "http-reset" shows the web
     * server with a 3000-byte extra header. False for another name.
     */
    bool showLive(const QString &name);
    /**
     * Shows step @p row of what is shown, animations finished except the
     * segment of that step, drawn in flight (for screenshots and slides).
     */
    void showStep(int row);
    /**
     * Shows the socket API reference on the left (the views follow the live
     * timeline, where "Try it" records its calls).
     */
    void showApiReference();
    bool isApiMode() const;
    /** Opens presentation mode (full screen) on the scenario shown. */
    void present();

    /**
     * Runs the whole exchange of the live lab shown: the server up to
     * accept() (recvfrom() for UDP), the client, then both to the end.
     * @p port 0 binds an ephemeral port; -1 uses the panes' fields.
     */
    void runExchange(int port = -1);
    /** Closes every socket and clears the timeline. */
    void resetAll();
    /** Scrolls the ladder diagram to its top, where the handshake is. */
    void showTopOfLadder();
    /**
     * "Capture packets" (Run menu, on by default): runExchange() and "Serve
     * clients" of the TCP labs capture the lab's port with CaptureSession,
     * so the ladder shows the segments seen on the wire (source capture).
     * While capture runs, the shared SegmentInferrer appends no segments of
     * the captured port's connections (SegmentInferrer::setCapturedPorts):
     * one inferrer and one timeline, and a guess is never shown beside the
     * observation. Without capture rights the banner above the ladder says
     * so and the segments are inferred.
     */
    QAction *captureAction() const { return m_captureAction; }
    /** The banner saying capture is not available (hidden while it is, or dismissed). */
    CaptureBanner *captureBanner() const { return m_captureBanner; }
    /** The capture of the last exchange or serve (null before any). */
    CaptureSession *captureSession() const { return m_capture; }
    /** Writes the timeline as JSON Lines; false (and a message) on failure. */
    bool exportTimeline(const QString &path);
    /** Writes the shown timeline's segments and datagrams as a pcap file; false (and a message)
     * on failure. */
    bool exportCapture(const QString &path);

signals:
    /**
     * runExchange() finished, its capture (if any) drained onto the
     * timeline; @p ok is false when a call failed.
     */
    void exchangeFinished(bool ok);
    /**
     * Reading a capture file ended: @p ok when it was read to its end. A file
     * read in part or not at all is shown with the reason; a cancelled one is not.
     */
    void captureFileFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;
    /** A dragged file (one local file URL) may be dropped: it is opened as a capture file. */
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void retranslateUi();
    void onExportTriggered();
    void onExportCaptureTriggered();
    void onOpenCaptureTriggered();
    void onCaptureFileRead();
    void onReadProgress(qint64 done, qint64 total);
    /** The window's layout for a capture file (left pane, stepping), without loading a stream. */
    void enterCaptureFileMode();
    /** The capture file's item in the Show box, made when the first file is read. */
    void updateCaptureFileItem();
    void showAbout();
    void scrollLadderToEnd();
    void setViewsTimeline(Timeline *timeline);
    void setViewsRow(int row);
    void onModeChosen(int index);
    /** One live lab: its two panes, its page on the left and how to run its exchange. */
    struct LiveLab
    {
        QString name;
        ProgramPane *server = nullptr;
        ProgramPane *client = nullptr;
        QWidget *page = nullptr;
        ExchangeDemo *demo = nullptr;
        /** Starts the demo with the server on this port (0: ephemeral). */
        std::function<void(quint16 port)> start;
        /** The server pane's port field. */
        std::function<quint16()> fieldPort;
    };
    void addLiveLab(const LiveLab &lab);
    const LiveLab &lab() const { return m_labs.at(m_lab); }
    /** The panes show the port the server really bound (0 asks the kernel for one). */
    void showBoundPort(const LiveLab &lab, quint16 port);
    /** What the status bar says, as a fact, so a language switch can re-say it. */
    enum class Status {
        Hint,
        Running,
        Finished,
        Failed,
        Saved,
        SavedCapture,
        Scenario,
        Api,
        Reading,
        ReadCancelled,
        CaptureFile
    };
    void setStatus(Status status, const QString &arg = {}, int n = 0);
    /**
     * Starts capturing @p ports (replacing any capture), then calls @p then
     * once capture runs or is known to be unavailable (the banner shown).
     */
    void startCapture(const QList<quint16> &ports, const std::function<void()> &then);
    /** Drains the capture onto the timeline, then calls @p then (at once when none runs). */
    void stopCapture(const std::function<void()> &then = {});
    void showStatus();

    Language *m_language = nullptr;
    Timeline *m_timeline = nullptr;
    SegmentInferrer *m_inferrer = nullptr;
    EchoServer *m_server = nullptr;
    EchoClient *m_client = nullptr;
    TcpEchoDemo *m_demo = nullptr;
    HttpHelloServer *m_httpServer = nullptr;
    HttpGetClient *m_httpClient = nullptr;
    HttpServerPane *m_httpServerPane = nullptr;
    HttpClientPane *m_httpClientPane = nullptr;
    UdpEchoServer *m_udpServer = nullptr;
    UdpEchoClient *m_udpClient = nullptr;
    UdpServerPane *m_udpServerPane = nullptr;
    UdpClientPane *m_udpClientPane = nullptr;
    QList<LiveLab> m_labs;
    int m_lab = 0; // index into m_labs of the lab shown
    ServerPane *m_serverPane = nullptr;
    ClientPane *m_clientPane = nullptr;
    StatesView *m_states = nullptr;
    LadderView *m_ladder = nullptr;
    QScrollArea *m_ladderScroll = nullptr;
    TimelineTable *m_table = nullptr;
    QLabel *m_ladderTitle = nullptr;
    QLabel *m_tableTitle = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_runMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_openCaptureAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_exportCaptureAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_serverStepAction = nullptr;
    QAction *m_clientStepAction = nullptr;
    QAction *m_resetAction = nullptr;
    QAction *m_captureAction = nullptr;
    CaptureSession *m_capture = nullptr;
    CaptureBanner *m_captureBanner = nullptr;
    bool m_captureStarting = false; // runExchange() waits for the capture to start
    QAction *m_zhAction = nullptr;
    QAction *m_enAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_presentAction = nullptr;
    QList<QAction *> m_stepActions; // → ← Space Home End PageDown PageUp, scenario mode only
    QMenu *m_scenarioMenu = nullptr;

    Timeline *m_scenarioTimeline = nullptr;
    Stepper *m_stepper = nullptr;
    QComboBox *m_modeCombo = nullptr;
    QLabel *m_modeLabel = nullptr;
    QStackedWidget *m_leftStack = nullptr;
    ScenarioPane *m_scenarioPane = nullptr;
    ApiReferencePanel *m_apiPanel = nullptr;
    QAction *m_apiAction = nullptr;
    QTabWidget *m_topTabs = nullptr;
    QSplitter *m_rightSplit = nullptr;
    QSplitter *m_mainSplit = nullptr; // left panes | right views
    static constexpr int kCaptureFileWidth = 580; // the left side's width for a capture file
    StateDiagramView *m_diagram = nullptr;
    CaptionView *m_caption = nullptr;
    StepperBar *m_stepperBar = nullptr;
    bool m_followLadder = true; // live: the ladder follows the newest segment

    CaptureFileLoader *m_loader = nullptr;
    std::unique_ptr<ReplayFile> m_replayFile;
    CaptureFilePane *m_capturePane = nullptr;
    Timeline *m_replayTimeline = nullptr; // the events of the stream shown, made when picked
    int m_replayStream = -1;
    QProgressBar *m_readProgress = nullptr;
    QPushButton *m_cancelRead = nullptr;
    QString m_openDir; // where the file dialog opens: the folder of the last file read
    Status m_status = Status::Hint;
    QString m_statusArg;
    int m_statusCount = 0;
};
