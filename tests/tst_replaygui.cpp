// Capture files in the window (issue 6): opening one on a worker thread with
// a progress bar and Cancel, dropping one on the window, the connection list
// and its filter, picking a connection steps it on the same views as a
// scenario, a damaged or unreadable file says why in the UI language, every
// new text retranslated, and `socketlab --replay FILE --screenshot`.
// Files made here with PcapExport need nothing; the public captures of
// ../shared/pcaps are used where present and skipped with a message where not.

#include "capture/pcapexport.h"
#include "capturefileloader.h"
#include "capturefilepane.h"
#include "connectionlistmodel.h"
#include "ladderview.h"
#include "language.h"
#include "mainwindow.h"
#include "replay/replayfile.h"
#include "scenarios/scenario.h"
#include "segmentinspector.h"
#include "timeline/stepper.h"
#include "timeline/timeline.h"

#include <QAction>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFrame>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <algorithm>
#include <atomic>
#include <memory>

namespace {

const QString kBinary = QStringLiteral(SOCKETLAB_BINARY);

/** A file of ../shared/pcaps, empty when that folder is absent. */
QString sharedPcap(const char *name)
{
    const QString p = QStringLiteral(SOCKETLAB_SHARED_DIR "/pcaps/") + QLatin1String(name);
    return QFile::exists(p) ? p : QString();
}

/** Sets @p path to the shared capture @p name, or skips the test saying it is absent. */
#define SHARED_PCAP_OR_SKIP(path, name)                                                            \
    const QString path = sharedPcap(name);                                                         \
    if (path.isEmpty())                                                                            \
    QSKIP("../shared/pcaps/" name " is absent: the public captures are not checked out beside "    \
          "this repository")

/** A segment of stream @p stream between @p client and @p server, sent by @p side. */
LabEvent segment(int stream, const QString &client, const QString &server, Side side,
    const char *flags, qint64 seq, qint64 ack, qint64 tUs)
{
    LabEvent e;
    e.kind = EventKind::Segment;
    e.source = EventSource::Model;
    e.side = side;
    e.src = side == Side::Client ? client : server;
    e.dst = side == Side::Client ? server : client;
    e.flags = QString::fromLatin1(flags).split(QLatin1Char(','));
    e.seq = seq;
    e.ack = ack;
    e.len = 0;
    e.win = 64240;
    e.stream = stream;
    e.tUs = tUs;
    return e;
}

/**
 * @p n connections from 10.0.x.y to 192.0.2.1:80, each SYN, SYN-ACK, ACK
 * and the client's RST: 4·n packets.
 */
QList<LabEvent> refusedAfterHandshake(int n)
{
    QList<LabEvent> events;
    const QString server = QStringLiteral("192.0.2.1:80");
    for (int i = 0; i < n; ++i) {
        const QString client
            = QStringLiteral("10.0.%1.%2:%3").arg(i / 200).arg(i % 200 + 1).arg(40000 + i);
        const qint64 t = qint64(i) * 100;
        events << segment(i, client, server, Side::Client, "SYN", 0, -1, t)
               << segment(i, client, server, Side::Server, "SYN,ACK", 0, 1, t + 10)
               << segment(i, client, server, Side::Client, "ACK", 1, 1, t + 20)
               << segment(i, client, server, Side::Client, "RST,ACK", 1, 1, t + 30);
    }
    return events;
}

/** The scenario tcp-echo of the RFC 9293 model written as a pcap file at @p path. */
bool writeEchoCapture(const QString &path)
{
    Timeline t;
    Scenarios::build(QStringLiteral("tcp-echo"), &t);
    return PcapExport::write(t, path);
}

/** A main window and its Language, for one test; shown() shows it. */
struct Window
{
    Language language;
    std::unique_ptr<MainWindow> window;
    explicit Window(const char *lang = "en")
    {
        if (!language.set(QString::fromLatin1(lang)))
            qFatal("no translation for %s", lang);
        window = std::make_unique<MainWindow>(&language);
    }
    MainWindow &shown()
    {
        window->show();
        return *window;
    }
};

/**
 * Holds @p loader's worker thread at its first progress report until
 * @p release is released; @p held turns true once it waits there.
 */
void holdAtFirstReport(CaptureFileLoader *loader, QSemaphore &release, std::atomic<bool> &held)
{
    QObject::connect(
        loader, &CaptureFileLoader::progress, loader,
        [&release, &held](qint64, qint64) {
            if (held.exchange(true))
                return;
            release.acquire();
        },
        Qt::DirectConnection);
}

/** Reads @p path in @p w and waits for the end; the finished signal's ok, or false. */
bool openAndWait(MainWindow &w, const QString &path, bool *ok = nullptr)
{
    QSignalSpy finished(&w, &MainWindow::captureFileFinished);
    w.openCaptureFile(path);
    if (!finished.wait(30000))
        return false;
    if (ok)
        *ok = finished.first().first().toBool();
    return true;
}

/**
 * @p text with "(s)" read as a plural "s": English plurals come from
 * socketlab_en.ts, and until its entry for a new text exists Qt shows the
 * source's "connection(s)". Used only where the count is above one.
 */
QString plural(QString text)
{
    return text.replace(QStringLiteral("(s)"), QStringLiteral("s"));
}

QString cell(const CaptureFilePane *pane, int row, int column)
{
    return pane->proxy()->index(row, column).data().toString();
}

/** The first timeline row holding a segment, -1 when none. */
int firstSegmentRow(const Timeline *t)
{
    for (int i = 0; i < t->size(); ++i) {
        if (t->at(i).kind == EventKind::Segment)
            return i;
    }
    return -1;
}

/** Every source text translated as "ZZ " + itself, to see what is retranslated. */
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *, const char *sourceText, const char *, int) const override
    {
        return QStringLiteral("ZZ ") + QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TstReplayGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsTheConnections();
    void filterNarrowsTheList_data();
    void filterNarrowsTheList();
    void pickingAConnectionStepsIt();
    void clockSteppingBackKeepsFrameOrder();
    void fileSourceLabelled();
    void sharedCaptureTwoConnections();
    void damagedFileKeepsWhatWasRead();
    void sharedDamagedFile();
    void unreadableFile_data();
    void unreadableFile();
    void cancelButtonStopsReading();
    void cancelMidFile();
    void newOpenSupersedesRunningRead();
    void dropOpensTheFile();
    void dragOfOtherThingsRefused_data();
    void dragOfOtherThingsRefused();
    void modeSwitchKeepsTheFile();
    void exportsTheConnectionShown();
    void retranslatesEverything();
    void chineseSourceLabel();
    void commandLineScreenshot();
    void commandLineDamagedScreenshot();

private:
    QTemporaryDir m_dir;
    QString m_echo; // tcp-echo as a pcap: 1 connection
    QString m_two; // two connections, stream 1 reset after its handshake
};

void TstReplayGui::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_echo = m_dir.filePath(QStringLiteral("echo.pcap"));
    QVERIFY(writeEchoCapture(m_echo));
    m_two = m_dir.filePath(QStringLiteral("two.pcap"));
    QList<LabEvent> two = refusedAfterHandshake(2);
    QVERIFY(PcapExport::write(two, m_two));
}

void TstReplayGui::listsTheConnections()
{
    Window window;
    MainWindow &w = window.shown();
    bool ok = false;
    QVERIFY(openAndWait(w, m_two, &ok));
    QVERIFY(ok);
    QVERIFY(w.isCaptureFileMode());
    CaptureFilePane *pane = w.captureFilePane();
    QVERIFY(pane->isVisible());
    QCOMPARE(pane->model()->rowCount(), 2);
    QCOMPARE(pane->visibleStreams(), (QList<int> { 0, 1 }));
    QCOMPARE(cell(pane, 0, ConnectionListModel::StreamColumn), QStringLiteral("0"));
    QCOMPARE(cell(pane, 0, ConnectionListModel::ClientColumn), QStringLiteral("10.0.0.1:40000"));
    QCOMPARE(cell(pane, 0, ConnectionListModel::ServerColumn), QStringLiteral("192.0.2.1:80"));
    QCOMPARE(cell(pane, 0, ConnectionListModel::HandshakeColumn), QStringLiteral("complete"));
    QCOMPARE(cell(pane, 0, ConnectionListModel::CloseColumn), QStringLiteral("RST"));
    QCOMPARE(cell(pane, 0, ConnectionListModel::SegmentsColumn), QStringLiteral("4"));
    QCOMPARE(cell(pane, 0, ConnectionListModel::ClientStateColumn), QStringLiteral("CLOSED"));
    QCOMPARE(cell(pane, 0, ConnectionListModel::ServerStateColumn), QStringLiteral("CLOSED"));
    QCOMPARE(cell(pane, 1, ConnectionListModel::ClientColumn), QStringLiteral("10.0.0.2:40001"));
    // Headers and the file's name, in the UI language.
    QCOMPARE(pane->proxy()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Stream"));
    QCOMPARE(
        pane->proxy()->headerData(7, Qt::Horizontal).toString(), QStringLiteral("Server state"));
    QCOMPARE(pane->findChild<QLabel *>(QStringLiteral("captureFileTitle"))->text(),
        QStringLiteral("Capture file: two.pcap"));
    QCOMPARE(plural(pane->findChild<QLabel *>(QStringLiteral("captureFileSummary"))->text()),
        QStringLiteral("2 connections · 8 packets read"));
    QCOMPARE(pane->findChild<QLabel *>(QStringLiteral("captureFileTitle"))->toolTip(), m_two);
    QCOMPARE(plural(pane->detailsText()),
        QStringLiteral("Stream 0: 10.0.0.1:40000 → 192.0.2.1:80\n"
                       "Handshake: complete · close: RST · 4 segments\n"
                       "Client at the end: CLOSED (no connection)\n"
                       "Server at the end: CLOSED (no connection)"));
    QVERIFY(pane->bannerText().isEmpty());
    // The Show box names the file; the first connection is picked and shown.
    auto *combo = w.findChild<QComboBox *>(QStringLiteral("modeCombo"));
    QCOMPARE(combo->currentText(), QStringLiteral("Capture file: two.pcap"));
    QCOMPARE(combo->currentData().toString(), QStringLiteral("capture-file"));
    QCOMPARE(pane->currentStream(), 0);
    QCOMPARE(w.shownStream(), 0);
    QCOMPARE(w.shownTimeline()->size(), int(w.replayFile()->events(0).size()));
    // Progress and Cancel are gone once read.
    QVERIFY(w.readProgressBar()->isHidden());
    QVERIFY(w.cancelReadButton()->isHidden());
}

void TstReplayGui::filterNarrowsTheList_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QList<int>>("streams");
    QTest::newRow("empty") << QString() << QList<int> { 0, 1, 2, 3 };
    QTest::newRow("address") << QStringLiteral("10.0.0.3") << QList<int> { 2 };
    QTest::newRow("port") << QStringLiteral(":40001") << QList<int> { 1 };
    QTest::newRow("server port") << QStringLiteral(":80") << QList<int> { 0, 1, 2, 3 };
    QTest::newRow("state") << QStringLiteral("closed") << QList<int> { 0, 1, 2, 3 };
    QTest::newRow("two words") << QStringLiteral("rst 10.0.0.4") << QList<int> { 3 };
    QTest::newRow("token") << QStringLiteral("complete") << QList<int> { 0, 1, 2, 3 };
    QTest::newRow("no match") << QStringLiteral("ESTABLISHED") << QList<int> {};
    QTest::newRow("not a regexp") << QStringLiteral("10.0.0.(") << QList<int> {};
}

void TstReplayGui::filterNarrowsTheList()
{
    QFETCH(QString, filter);
    QFETCH(QList<int>, streams);
    const QString path = m_dir.filePath(QStringLiteral("four.pcap"));
    if (!QFile::exists(path))
        QVERIFY(PcapExport::write(refusedAfterHandshake(4), path));
    Window window;
    MainWindow &w = window.shown();
    QVERIFY(openAndWait(w, path));
    CaptureFilePane *pane = w.captureFilePane();
    QCOMPARE(pane->model()->rowCount(), 4);
    QTest::keyClicks(pane->filterEdit(), filter);
    QCOMPARE(pane->visibleStreams(), streams);
    auto *matches = pane->findChild<QLabel *>(QStringLiteral("connectionMatches"));
    QCOMPARE(matches->isVisible(), !filter.isEmpty());
    if (!filter.isEmpty())
        QCOMPARE(plural(matches->text()),
            QStringLiteral("%1 of 4 connections match the filter").arg(streams.size()));
    // Picking a stream the filter hides clears the filter.
    QVERIFY(pane->selectStream(1));
    QCOMPARE(pane->currentStream(), 1);
    QVERIFY(pane->visibleStreams().contains(1));
}

void TstReplayGui::pickingAConnectionStepsIt()
{
    Window window;
    MainWindow &w = window.shown();
    QVERIFY(openAndWait(w, m_two));
    CaptureFilePane *pane = w.captureFilePane();
    // A click on the second row picks stream 1.
    QTableView *view = pane->connectionView();
    const QRect rowRect = view->visualRect(pane->proxy()->index(1, 1));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rowRect.center());
    QCOMPARE(pane->currentStream(), 1);
    QCOMPARE(w.shownStream(), 1);
    const QVector<LabEvent> events = w.replayFile()->events(1);
    Timeline *t = w.shownTimeline();
    QCOMPARE(t->size(), int(events.size()));
    QCOMPARE(w.stepper()->timeline(), t);
    QCOMPARE(w.ladderView()->timeline(), t);
    QCOMPARE(w.stepper()->current(), 0);
    // Stepped like a scenario: the step keys are on, the ladder grows step by step.
    QAction *next = nullptr;
    for (QAction *a : w.findChildren<QAction *>()) {
        if (a->shortcut() == QKeySequence(Qt::Key_Right))
            next = a;
    }
    QVERIFY(next);
    QVERIFY(next->isEnabled());
    const int first = firstSegmentRow(t);
    QVERIFY(first >= 0);
    w.stepper()->jumpTo(first);
    QCOMPARE(w.ladderView()->segmentCount(), 1);
    QCOMPARE(w.ladderView()->segmentLabel(first), QStringLiteral("#1 SYN seq=0 len=0 win=64240"));
    next->trigger();
    QCOMPARE(w.stepper()->current(), first + 1);
    w.stepper()->last();
    QCOMPARE(w.ladderView()->segmentCount(), 4);
    // The inspector on the left shows the step's segment: the client's RST.
    SegmentInspector *inspector = pane->inspector();
    QCOMPARE(inspector->timeline(), t);
    QCOMPARE(inspector->fieldValue(QStringLiteral("[Stream index]")), QStringLiteral("1"));
    QCOMPARE(inspector->fieldValue(QStringLiteral("Source Address")), QStringLiteral("10.0.0.2"));
    QCOMPARE(inspector->fieldValue(QStringLiteral("Flags")).contains(QStringLiteral("RST")), true);
    // Stream 1 is packets 5 to 8 of the file.
    QCOMPARE(inspector->fieldValue(QStringLiteral("Frame Number")), QStringLiteral("8"));
    QCOMPARE(
        inspector->filterField(QStringLiteral("Frame Number")), QStringLiteral("frame.number"));
    // showStep() (--step N) arrives by a step forward, the segment in flight.
    w.showStep(first);
    QCOMPARE(w.stepper()->current(), first);
    QCOMPARE(w.ladderView()->flightRow(), first);
}

void TstReplayGui::clockSteppingBackKeepsFrameOrder()
{
    // Frames whose times step back (a merged file, a bad clock): the window keeps frame
    // order, as --print does, instead of re-sorting them into an impossible story.
    const QString c = QStringLiteral("10.0.0.1:40000");
    const QString s = QStringLiteral("192.0.2.1:80");
    const QList<LabEvent> events { segment(0, c, s, Side::Client, "SYN", 0, -1, 3000),
        segment(0, c, s, Side::Server, "SYN,ACK", 0, 1, 1000),
        segment(0, c, s, Side::Client, "ACK", 1, 1, 2000) };
    const QString path = m_dir.filePath(QStringLiteral("backwards.pcap"));
    QVERIFY(PcapExport::write(events, path));
    Window window;
    MainWindow &w = window.shown();
    QVERIFY(openAndWait(w, path));
    QVERIFY(w.showConnection(0));
    QStringList flags;
    QList<qint64> times;
    for (const LabEvent &e : w.shownTimeline()->events()) {
        if (e.kind == EventKind::Segment) {
            flags << e.flags.join(u',');
            times << e.tUs;
        }
    }
    QCOMPARE(flags, (QStringList { "SYN", "SYN,ACK", "ACK" }));
    QCOMPARE(times, (QList<qint64> { 0, 0, 0 })); // the later frames keep the SYN's time
}

void TstReplayGui::fileSourceLabelled()
{
    Window window;
    MainWindow &w = window.shown();
    QVERIFY(openAndWait(w, m_echo));
    Timeline *t = w.shownTimeline();
    const int row = firstSegmentRow(t);
    QVERIFY(row >= 0);
    QCOMPARE(t->at(row).source, EventSource::File);
    w.stepper()->jumpTo(row);
    QCOMPARE(w.captureFilePane()->inspector()->fieldValue(QStringLiteral("[Event source]")),
        QStringLiteral("from a capture file"));
    QCOMPARE(w.captureFilePane()->inspector()->fieldValue(QStringLiteral("[Time since reference or "
                                                                         "first frame]")),
        QStringLiteral("0.000 ms"));
    QCOMPARE(t->data(t->index(row, Timeline::SourceColumn)).toString(),
        QStringLiteral("from a capture file"));
    QVERIFY(w.ladderView()->toolTip(row).endsWith(
        QStringLiteral("Read from a capture file.\nPacket 1 of the capture file.")));
}

void TstReplayGui::sharedCaptureTwoConnections()
{
    SHARED_PCAP_OR_SKIP(path, "normal_http_classic_wireshark_httpcap.pcap");
    Window window;
    MainWindow &w = window.shown();
    bool ok = false;
    QVERIFY(openAndWait(w, path, &ok));
    QVERIFY(ok);
    CaptureFilePane *pane = w.captureFilePane();
    QCOMPARE(pane->model()->rowCount(), 2);
    // ../shared/pcaps/expected/normal_http_classic_wireshark_httpcap.pcap.json
    const QStringList row0 { QStringLiteral("0"), QStringLiteral("145.254.160.237:3372"),
        QStringLiteral("65.208.228.223:80"), QStringLiteral("complete"), QStringLiteral("FIN"),
        QStringLiteral("34") };
    const QStringList row1 { QStringLiteral("1"), QStringLiteral("145.254.160.237:3371"),
        QStringLiteral("216.239.59.99:80"), QStringLiteral("not captured"), QStringLiteral("none"),
        QStringLiteral("7") };
    for (int c = 0; c < row0.size(); ++c) {
        QCOMPARE(cell(pane, 0, c), row0.at(c));
        QCOMPARE(cell(pane, 1, c), row1.at(c));
    }
    // Stream 0 on the ladder: all 34 segments at its last step.
    QCOMPARE(w.shownStream(), 0);
    w.stepper()->last();
    QCOMPARE(w.ladderView()->segmentCount(), 34);
    QCOMPARE(w.ladderView()->segmentLabel(firstSegmentRow(w.shownTimeline())),
        QStringLiteral("SYN seq=0 len=0 win=8760"));
    // The filter narrows the list to the Google connection, which is then the one picked.
    QTest::keyClicks(pane->filterEdit(), QStringLiteral("216.239"));
    QCOMPARE(pane->visibleStreams(), QList<int> { 1 });
    QCOMPARE(pane->currentStream(), 1);
    QCOMPARE(w.shownStream(), 1);
    // Stream 1 starts mid-connection: no SYN, both ends ESTABLISHED throughout.
    w.stepper()->last();
    QCOMPARE(w.ladderView()->segmentCount(), 7);
    QCOMPARE(cell(pane, 0, ConnectionListModel::ClientStateColumn), QStringLiteral("ESTABLISHED"));
    pane->filterEdit()->clear();
    QCOMPARE(pane->visibleStreams(), (QList<int> { 0, 1 }));
    QCOMPARE(w.shownStream(), 1);
}

void TstReplayGui::damagedFileKeepsWhatWasRead()
{
    // The echo's packets, then a record header claiming 16 MB: cut short after them.
    QFile good(m_echo);
    QVERIFY(good.open(QIODevice::ReadOnly));
    QByteArray bytes = good.readAll();
    const qint64 goodSize = bytes.size();
    bytes += QByteArray::fromHex("00000000 00000000 0000ff00 0000ff00");
    bytes += QByteArray(8, '\0');
    const QString path = m_dir.filePath(QStringLiteral("damaged.pcap"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    f.close();

    Window window;
    MainWindow &w = window.shown();
    bool ok = true;
    QVERIFY(openAndWait(w, path, &ok));
    QVERIFY(!ok);
    const ReplayError &error = w.replayFile()->error();
    QCOMPARE(error.kind, ReplayError::Damaged);
    // The scenario's packets read, the next one damaged.
    Timeline echo;
    Scenarios::build(QStringLiteral("tcp-echo"), &echo);
    const qint64 packets = PcapExport::packets(echo.events()).size();
    QCOMPARE(error.packet, packets + 1);
    QVERIFY(error.offset >= goodSize && error.offset <= bytes.size());
    CaptureFilePane *pane = w.captureFilePane();
    QCOMPARE(pane->model()->rowCount(), 1);
    QVERIFY(pane->banner()->isVisible());
    QVERIFY(pane->bannerText().startsWith(
        QStringLiteral("<b>The capture file could not be read to its end: the connections read "
                       "before the problem are listed.</b><br>")));
    QVERIFY(pane->bannerText().endsWith(error.message().toHtmlEscaped()));
    QCOMPARE(error.message().left(error.message().indexOf(QLatin1Char(')')) + 1),
        QStringLiteral("the capture file is damaged or cut short at packet %1 (byte offset %2)")
            .arg(packets + 1)
            .arg(error.offset));
    // What was read is stepped as usual.
    QCOMPARE(w.shownStream(), 0);
    QVERIFY(w.shownTimeline()->size() > 0);
    // A good file afterwards: no banner.
    QVERIFY(openAndWait(w, m_two));
    QVERIFY(pane->bannerText().isEmpty());
    QVERIFY(pane->banner()->isHidden());
}

void TstReplayGui::sharedDamagedFile()
{
    SHARED_PCAP_OR_SKIP(path, "fuzz_oversized_record_length.pcap");
    Window window;
    MainWindow &w = window.shown();
    bool ok = true;
    QVERIFY(openAndWait(w, path, &ok));
    QVERIFY(!ok);
    const ReplayError &error = w.replayFile()->error();
    QCOMPARE(error.kind, ReplayError::Damaged);
    // Two readable packets, then a 16711424-byte record: reading stops at packet 3.
    QCOMPARE(error.packet, 3);
    CaptureFilePane *pane = w.captureFilePane();
    QCOMPARE(pane->model()->rowCount(), int(w.replayFile()->connections().size()));
    QVERIFY(pane->banner()->isVisible());
    QVERIFY(pane->bannerText().contains(QStringLiteral("at packet 3")));
    QVERIFY(pane->bannerText().contains(QStringLiteral("16711424")));
}

void TstReplayGui::unreadableFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content"); // null: no such file
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("banner");
    const QString unreadable = QStringLiteral(
        "<b>The capture file could not be read.</b><br>cannot open the capture file");
    QTest::newRow("missing") << QStringLiteral("missing.pcap") << QByteArray()
                             << int(ReplayError::CannotOpen) << unreadable;
    QTest::newRow("not a capture")
        << QStringLiteral("notes.txt") << QByteArray("GET / HTTP/1.1\r\n\r\n")
        << int(ReplayError::CannotOpen) << unreadable;
    // A pcap file header (Ethernet) and no packet: read to its end, nothing in it.
    QTest::newRow("no packets") << QStringLiteral("header-only.pcap")
                                << QByteArray::fromHex(
                                       "d4c3b2a1020004000000000000000000ffff000001000000")
                                << int(ReplayError::NoTcp)
                                << QStringLiteral(
                                       "<b>No TCP connection in this capture file.</b><br>"
                                       "no TCP segment in the capture file");
}

void TstReplayGui::unreadableFile()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(int, kind);
    QFETCH(QString, banner);
    const QString path = m_dir.filePath(name);
    if (!content.isNull()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    Window window;
    MainWindow &w = window.shown();
    bool ok = true;
    QVERIFY(openAndWait(w, path, &ok));
    QVERIFY(!ok);
    QCOMPARE(int(w.replayFile()->error().kind), kind);
    CaptureFilePane *pane = w.captureFilePane();
    QVERIFY(w.isCaptureFileMode());
    QCOMPARE(pane->model()->rowCount(), 0);
    QVERIFY2(pane->bannerText().startsWith(banner), qPrintable(pane->bannerText()));
    // Nothing to step, and nothing of another file shown.
    QCOMPARE(w.shownStream(), -1);
    QCOMPARE(w.shownTimeline()->size(), 0);
    QCOMPARE(w.ladderView()->segmentCount(), 0);
}

void TstReplayGui::cancelButtonStopsReading()
{
    Window window;
    MainWindow &w = window.shown();
    QVERIFY(openAndWait(w, m_two));
    // Hold the reader at its first report until Cancel was clicked.
    QSemaphore release;
    std::atomic<bool> held { false };
    CaptureFileLoader *loader = w.captureFileLoader();
    holdAtFirstReport(loader, release, held);
    QSignalSpy finished(&w, &MainWindow::captureFileFinished);
    w.openCaptureFile(m_echo);
    QVERIFY(loader->isBusy());
    QVERIFY(w.readProgressBar()->isVisible());
    QVERIFY(w.cancelReadButton()->isVisible());
    QCOMPARE(
        w.statusBar()->currentMessage(), QStringLiteral("Reading the capture file echo.pcap…"));
    QTRY_VERIFY(held.load());
    QTest::mouseClick(w.cancelReadButton(), Qt::LeftButton);
    release.release();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.first().first().toBool(), false);
    QVERIFY(!loader->isBusy());
    QVERIFY(w.readProgressBar()->isHidden());
    QVERIFY(w.cancelReadButton()->isHidden());
    QCOMPARE(w.statusBar()->currentMessage(), QStringLiteral("Reading echo.pcap was cancelled."));
    // The file shown before stays.
    QCOMPARE(w.replayFile()->path(), m_two);
    QCOMPARE(w.captureFilePane()->model()->rowCount(), 2);
    QVERIFY(w.isCaptureFileMode());
}

void TstReplayGui::cancelMidFile()
{
    // 40,000 packets: the reader reports (and looks at Cancel) every 16,384.
    const QString big = m_dir.filePath(QStringLiteral("big.pcap"));
    QVERIFY(PcapExport::write(refusedAfterHandshake(10000), big));
    CaptureFileLoader loader;
    QList<qint64> reports;
    connect(
        &loader, &CaptureFileLoader::progress, &loader,
        [&](qint64 done, qint64) {
            reports << done;
            if (done > 0)
                loader.cancel();
        },
        Qt::DirectConnection);
    QSignalSpy finished(&loader, &CaptureFileLoader::finished);
    loader.open(big);
    QVERIFY(finished.wait(30000));
    std::unique_ptr<ReplayFile> file = loader.takeFile();
    QVERIFY(file);
    QCOMPARE(file->error().kind, ReplayError::Cancelled);
    QCOMPARE(file->error().packet, 16385);
    QCOMPARE(reports.size(), 2);
    QCOMPARE(reports.first(), 0);
    QVERIFY(reports.last() > 0 && reports.last() < QFileInfo(big).size());
    // The connections of the first 16,384 packets (4 each).
    QCOMPARE(file->connections().size(), 4096);
    // Read to its end without Cancel.
    CaptureFileLoader whole;
    QSignalSpy done(&whole, &CaptureFileLoader::finished);
    whole.open(big);
    QVERIFY(done.wait(30000));
    file = whole.takeFile();
    QCOMPARE(file->error().kind, ReplayError::None);
    QCOMPARE(file->connections().size(), 10000);
    QCOMPARE(file->packetCount(), 40000);
}

void TstReplayGui::newOpenSupersedesRunningRead()
{
    Window window;
    MainWindow &w = window.shown();
    QSemaphore release;
    std::atomic<bool> held { false };
    CaptureFileLoader *loader = w.captureFileLoader();
    holdAtFirstReport(loader, release, held);
    QSignalSpy finished(&w, &MainWindow::captureFileFinished);
    w.openCaptureFile(m_echo);
    QTRY_VERIFY(held.load());
    w.openCaptureFile(m_two); // while echo.pcap is read: that read stops, this one follows
    release.release();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(w.replayFile()->path(), m_two);
    QCOMPARE(w.captureFilePane()->model()->rowCount(), 2);
    // Nothing else arrives.
    QVERIFY(!finished.wait(300));
}

void TstReplayGui::dropOpensTheFile()
{
    Window window;
    MainWindow &w = window.shown();
    QVERIFY(w.acceptDrops());
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(m_two) });
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &enter);
    QVERIFY(enter.isAccepted());
    QSignalSpy finished(&w, &MainWindow::captureFileFinished);
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.first().first().toBool());
    QCOMPARE(w.replayFile()->path(), m_two);
    QVERIFY(w.isCaptureFileMode());
    QCOMPARE(w.captureFilePane()->model()->rowCount(), 2);
}

void TstReplayGui::dragOfOtherThingsRefused_data()
{
    QTest::addColumn<QString>("what");
    QTest::newRow("web address") << QStringLiteral("http");
    QTest::newRow("folder") << QStringLiteral("folder");
    QTest::newRow("text") << QStringLiteral("text");
    QTest::newRow("missing file") << QStringLiteral("missing");
}

void TstReplayGui::dragOfOtherThingsRefused()
{
    QFETCH(QString, what);
    Window window;
    MainWindow &w = window.shown();
    QMimeData mime;
    if (what == QLatin1String("http"))
        mime.setUrls({ QUrl(QStringLiteral("http://127.0.0.1:8080/x.pcap")) });
    else if (what == QLatin1String("folder"))
        mime.setUrls({ QUrl::fromLocalFile(m_dir.path()) });
    else if (what == QLatin1String("missing"))
        mime.setUrls({ QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("none.pcap"))) });
    else
        mime.setText(m_two);
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &enter);
    QVERIFY(!enter.isAccepted());
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&w, &drop);
    QVERIFY(!drop.isAccepted());
    QVERIFY(!w.captureFileLoader()->isBusy());
    QVERIFY(!w.replayFile());
}

void TstReplayGui::modeSwitchKeepsTheFile()
{
    Window window;
    MainWindow &w = window.shown();
    QVERIFY(openAndWait(w, m_two));
    QVERIFY(w.showConnection(1));
    QVERIFY(w.showScenario(QStringLiteral("three-way-handshake")));
    QVERIFY(!w.isCaptureFileMode());
    QCOMPARE(w.shownTimeline()->at(0).source, EventSource::Model);
    // Back through the Show box: the same connection.
    auto *combo = w.findChild<QComboBox *>(QStringLiteral("modeCombo"));
    const int item = combo->findData(QStringLiteral("capture-file"));
    QCOMPARE(item, combo->findData(QStringLiteral("api")) + 1);
    combo->setCurrentIndex(item);
    emit combo->activated(item);
    QVERIFY(w.isCaptureFileMode());
    QCOMPARE(w.shownStream(), 1);
    QCOMPARE(w.captureFilePane()->currentStream(), 1);
    QCOMPARE(w.stepper()->timeline(), w.shownTimeline());
    // The scenario items are still named after their scenarios.
    QCOMPARE(combo->itemText(combo->findData(QStringLiteral("three-way-handshake"))),
        QStringLiteral("Scenario: %1")
            .arg(Scenarios::title(*Scenarios::find(QStringLiteral("three-way-handshake")))));
    // The live lab: the step keys are off again.
    w.showLive();
    QVERIFY(!w.isCaptureFileMode());
    QCOMPARE(w.shownTimeline(), w.timeline());
}

void TstReplayGui::exportsTheConnectionShown()
{
    Window window;
    MainWindow &w = window.shown();
    QVERIFY(openAndWait(w, m_two));
    QVERIFY(w.showConnection(1));
    const QString out = m_dir.filePath(QStringLiteral("stream1.pcap"));
    QVERIFY(w.exportCapture(out));
    ReplayFile back;
    QVERIFY(back.read(out));
    QCOMPARE(back.connections().size(), 1);
    QCOMPARE(back.connections().first().client, QStringLiteral("10.0.0.2:40001"));
    QCOMPARE(back.connections().first().segments, 4);
}

void TstReplayGui::retranslatesEverything()
{
    const QString path = m_dir.filePath(QStringLiteral("cut.pcap"));
    {
        QFile in(m_two);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray bytes = in.readAll();
        bytes += QByteArray::fromHex("00000000 00000000 0000ff00 0000ff00");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    Window window;
    MainWindow &w = window.shown();
    QVERIFY(openAndWait(w, path));
    CaptureFilePane *pane = w.captureFilePane();
    QVERIFY(pane->bannerText().contains(QStringLiteral("the capture file is damaged")));

    MarkingTranslator marking;
    QVERIFY(QCoreApplication::installTranslator(&marking));
    auto *title = pane->findChild<QLabel *>(QStringLiteral("captureFileTitle"));
    QTRY_COMPARE(title->text(), QStringLiteral("ZZ Capture file: %1").arg(u"cut.pcap"));
    QVERIFY(pane->findChild<QLabel *>(QStringLiteral("captureFileSummary"))
                ->text()
                .startsWith(QStringLiteral("ZZ 2 connection(s) · ZZ 8 packet(s) read")));
    QCOMPARE(pane->filterEdit()->placeholderText().left(10), QStringLiteral("ZZ Filter:"));
    QCOMPARE(pane->proxy()->headerData(0, Qt::Horizontal).toString(), QStringLiteral("ZZ Stream"));
    QCOMPARE(pane->connectionView()->horizontalHeader()->model()->headerData(
                 ConnectionListModel::HandshakeColumn, Qt::Horizontal),
        QVariant(QStringLiteral("ZZ Handshake")));
    QCOMPARE(cell(pane, 0, ConnectionListModel::HandshakeColumn), QStringLiteral("ZZ complete"));
    QVERIFY(pane->detailsText().startsWith(QStringLiteral("ZZ Stream 0: ")));
    QVERIFY(pane->detailsText().endsWith(QStringLiteral("ZZ Server at the end: CLOSED (ZZ no "
                                                        "connection)")));
    QVERIFY(pane->proxy()
                ->index(0, ConnectionListModel::SegmentsColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("ZZ ")));
    // The banner, ReplayError::message() included, re-worded.
    QVERIFY(pane->bannerText().startsWith(QStringLiteral("<b>ZZ The capture file could not")));
    QVERIFY(pane->bannerText().contains(QStringLiteral("ZZ the capture file is damaged")));
    auto *combo = w.findChild<QComboBox *>(QStringLiteral("modeCombo"));
    QCOMPARE(combo->currentText(), QStringLiteral("ZZ Capture file: cut.pcap"));
    QVERIFY(w.statusBar()->currentMessage().startsWith(QStringLiteral("ZZ A capture file")));
    QCOMPARE(w.cancelReadButton()->text(), QStringLiteral("ZZ Cancel"));
    bool openFound = false;
    for (QAction *a : w.menuBar()->actions().first()->menu()->actions())
        openFound = openFound || a->text() == QStringLiteral("ZZ &Open capture file…");
    QVERIFY(openFound);
    const int row = firstSegmentRow(w.shownTimeline());
    w.stepper()->jumpTo(row);
    QCOMPARE(pane->inspector()->fieldValue(QStringLiteral("Frame Number")), QStringLiteral("1"));
    const QString matchesText = [&] {
        QTest::keyClicks(pane->filterEdit(), QStringLiteral("10.0.0.2"));
        return pane->findChild<QLabel *>(QStringLiteral("connectionMatches"))->text();
    }();
    QCOMPARE(matchesText, QStringLiteral("ZZ 1 of 2 connection(s) match the filter"));

    QVERIFY(QCoreApplication::removeTranslator(&marking));
    QTRY_COMPARE(title->text(), QStringLiteral("Capture file: cut.pcap"));
    QCOMPARE(cell(pane, 0, ConnectionListModel::HandshakeColumn), QStringLiteral("complete"));
    QCOMPARE(combo->currentText(), QStringLiteral("Capture file: cut.pcap"));
    QVERIFY(pane->bannerText().startsWith(QStringLiteral("<b>The capture file could not")));
}

void TstReplayGui::chineseSourceLabel()
{
    // The source of a file's events, in the glossary's Chinese (来自抓包文件).
    Window window("zh_CN");
    MainWindow &w = window.shown();
    QVERIFY(openAndWait(w, m_echo));
    Timeline *t = w.shownTimeline();
    const int row = firstSegmentRow(t);
    w.stepper()->jumpTo(row);
    QCOMPARE(w.captureFilePane()->inspector()->fieldValue(QStringLiteral("[Event source]")),
        QStringLiteral("来自抓包文件"));
    QCOMPARE(
        t->data(t->index(row, Timeline::SourceColumn)).toString(), QStringLiteral("来自抓包文件"));
    QVERIFY(w.ladderView()->toolTip(row).contains(QStringLiteral("从抓包文件读取。")));
}

void TstReplayGui::commandLineScreenshot()
{
    const QString png = m_dir.filePath(QStringLiteral("replay.png"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(kBinary,
        { QStringLiteral("--replay"), m_two, QStringLiteral("--screenshot"), png,
            QStringLiteral("--step"), QStringLiteral("2"), QStringLiteral("--lang"),
            QStringLiteral("en") });
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(!p.readAllStandardError().contains("capture file"));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1280, 800));
}

void TstReplayGui::commandLineDamagedScreenshot()
{
    const QString path = m_dir.filePath(QStringLiteral("garbage.pcap"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a capture file at all");
    }
    const QString png = m_dir.filePath(QStringLiteral("garbage.png"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(kBinary,
        { QStringLiteral("--replay"), path, QStringLiteral("--screenshot"), png,
            QStringLiteral("--lang"), QStringLiteral("en") });
    QVERIFY(p.waitForFinished(60000));
    // The window with the banner is rendered; the reason on stderr, status 2 as --json says.
    QCOMPARE(p.exitCode(), 2);
    const QStringList lines = QString::fromUtf8(p.readAllStandardError()).split(QLatin1Char('\n'));
    QVERIFY2(std::any_of(lines.cbegin(), lines.cend(),
                 [](const QString &l) {
                     return l.startsWith(QStringLiteral("cannot open the capture file: "));
                 }),
        qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY(!QImage(png).isNull());
}

QTEST_MAIN(TstReplayGui)
#include "tst_replaygui.moc"
