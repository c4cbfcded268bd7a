#pragma once

#include <QMainWindow>

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
class Language;
class LadderView;
class QActionGroup;
class QLabel;
class QMenu;
class QScrollArea;
class SegmentInferrer;
class ServerPane;
class StatesView;
class TcpEchoDemo;
class Timeline;
class TimelineTable;

/**
 * The lab window: the server and client panes on the left; on the right
 * both endpoints' states, the ladder diagram and the timeline table, all
 * views of one Timeline. Menus run the whole exchange, step each program,
 * export the timeline and switch the language at run time.
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
    StatesView *statesView() const { return m_states; }
    LadderView *ladderView() const { return m_ladder; }
    StateDiagramView *diagramView() const { return m_diagram; }
    CaptionView *captionView() const { return m_caption; }
    ScenarioPane *scenarioPane() const { return m_scenarioPane; }
    Stepper *stepper() const { return m_stepper; }
    /** The timeline the views show: the live one, or the scenario's. */
    Timeline *shownTimeline() const;
    bool isScenarioMode() const;

    /** Plays scenario @p name step by step (views on its timeline); false for an unknown name. */
    bool showScenario(const QString &name);
    /** Back to the live lab: the panes, the views following the live timeline. */
    void showLive();
    /**
     * Shows step @p row of what is shown, animations finished except the
     * segment of that step, drawn in flight (for screenshots and slides).
     */
    void showStep(int row);
    /** Opens presentation mode (full screen) on the scenario shown. */
    void present();

    /**
     * Runs the whole exchange: the server up to accept(), the client, then
     * both to the end. @p port 0 binds an ephemeral port; -1 uses the panes' fields.
     */
    void runExchange(int port = -1);
    /** Closes every socket and clears the timeline. */
    void resetAll();
    /** Scrolls the ladder diagram to its top, where the handshake is. */
    void showTopOfLadder();
    /** Writes the timeline as JSON Lines; false (and a message) on failure. */
    bool exportTimeline(const QString &path);

signals:
    /** runExchange() finished; @p ok is false when a call failed. */
    void exchangeFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void createMenus();
    void retranslateUi();
    void onExportTriggered();
    void showAbout();
    void scrollLadderToEnd();
    void setViewsTimeline(Timeline *timeline);
    void setViewsRow(int row);
    void onModeChosen(int index);
    /** What the status bar says, as a fact, so a language switch can re-say it. */
    enum class Status { Hint, Running, Finished, Failed, Saved, Scenario };
    void setStatus(Status status, const QString &arg = {}, int n = 0);
    void showStatus();

    Language *m_language = nullptr;
    Timeline *m_timeline = nullptr;
    SegmentInferrer *m_inferrer = nullptr;
    EchoServer *m_server = nullptr;
    EchoClient *m_client = nullptr;
    TcpEchoDemo *m_demo = nullptr;
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
    QAction *m_exportAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_serverStepAction = nullptr;
    QAction *m_clientStepAction = nullptr;
    QAction *m_resetAction = nullptr;
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
    QTabWidget *m_topTabs = nullptr;
    QSplitter *m_rightSplit = nullptr;
    StateDiagramView *m_diagram = nullptr;
    CaptionView *m_caption = nullptr;
    StepperBar *m_stepperBar = nullptr;
    bool m_followLadder = true; // live: the ladder follows the newest segment
    Status m_status = Status::Hint;
    QString m_statusArg;
    int m_statusCount = 0;
};
