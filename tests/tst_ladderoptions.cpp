// The kernel's options and both numberings on the ladder and in the segment
// inspector: a hand-made captured handshake (raw numbers, MSS, window scale,
// SACK permitted, timestamps) and an inferred segment without raw numbers,
// in relative and raw mode; the window-scale arithmetic of RFC 7323; the
// main window's "Show raw sequence numbers" toggle. No root needed.
// Screenshots go to /tmp/views/.

#include "endpoints.h"
#include "ladderview.h"
#include "language.h"
#include "mainwindow.h"
#include "segmentinspector.h"
#include "timeline/eventtext.h"
#include "timeline/timeline.h"
#include "timeline/windowscale.h"

#include <QAction>
#include <QDir>
#include <QSignalSpy>
#include <QTest>

namespace {

using Endpoints::kClient;
using Endpoints::kClientIsn;
using Endpoints::kServer;
using Endpoints::kServerIsn;

/** A captured segment sent by @p side, with raw numbers and a window field shifted by @p shift. */
LabEvent captured(Side side, const char *flags, qint64 seq, qint64 ack, qint64 len, qint64 field,
    int shift, const QStringList &options = {})
{
    LabEvent e = Endpoints::segment(side, flags, seq, ack, len, EventSource::Capture);
    e.win = field << shift;
    e.options = options;
    return e;
}

/** The loopback handshake and one request as Linux sends them, then an inferred ACK. */
QList<LabEvent> handshake()
{
    const Side c = Side::Client;
    const Side s = Side::Server;
    // Linux's order on the wire is MSS, SACK_PERM, TS, NOP, WS: the label reorders them.
    const QStringList synOptions { QStringLiteral("MSS=65495"), QStringLiteral("SACK_PERM"),
        QStringLiteral("TS"), QStringLiteral("WS=7") };
    const QStringList synAckOptions { QStringLiteral("MSS=65495"), QStringLiteral("SACK_PERM"),
        QStringLiteral("TS=2000/1000"), QStringLiteral("WS=10") };
    LabEvent inferred = captured(s, "ACK", 1, 13, 0, 0, 0);
    inferred.source = EventSource::Inferred;
    inferred.seqRaw = -1;
    inferred.ackRaw = -1;
    inferred.win = -1;
    return {
        /* 0 */ captured(c, "SYN", 0, -1, 0, 65495, 0, synOptions),
        /* 1 */ captured(s, "SYN,ACK", 0, 1, 0, 65483, 0, synAckOptions),
        /* 2 */ captured(c, "ACK", 1, 1, 0, 512, 7, { QStringLiteral("TS=1001/2000") }),
        /* 3 */ captured(c, "PSH,ACK", 1, 1, 12, 512, 7, { QStringLiteral("TS=1002/2000") }),
        /* 4 */ captured(s, "ACK", 1, 13, 0, 64, 10),
        /* 5 */ inferred,
    };
}

} // namespace

class TstLadderOptions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void windowScale_data();
    void windowScale();
    void optionsLabel();
    void relativeLabels();
    void rawLabels();
    void toolTips();
    void inspectorFields();
    void inspectorWithoutHandshake();
    void mainWindowToggle();

private:
    void shoot(QWidget *w, const QString &name);

    Timeline m_timeline;
    LadderView m_ladder;
    SegmentInspector m_inspector;
};

void TstLadderOptions::initTestCase()
{
    for (const LabEvent &e : handshake())
        m_timeline.append(e);
    m_ladder.setTimeline(&m_timeline);
    m_ladder.resize(760, m_ladder.sizeHint().height());
    m_inspector.setTimeline(&m_timeline);
    QDir().mkpath(QStringLiteral("/tmp/views"));
}

void TstLadderOptions::shoot(QWidget *w, const QString &name)
{
    QVERIFY(w->grab().save(QStringLiteral("/tmp/views/%1.png").arg(name)));
}

void TstLadderOptions::windowScale_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("shift");
    QTest::addColumn<qint64>("raw");
    QTest::newRow("SYN: never scaled") << 0 << 0 << qint64(65495);
    QTest::newRow("SYN-ACK: never scaled") << 1 << 0 << qint64(65483);
    QTest::newRow("client ACK: its own WS=7") << 2 << 7 << qint64(512);
    QTest::newRow("client data") << 3 << 7 << qint64(512);
    QTest::newRow("server ACK: its own WS=10") << 4 << 10 << qint64(64);
    QTest::newRow("no window") << 5 << 10 << qint64(-1);
}

void TstLadderOptions::windowScale()
{
    QFETCH(int, row);
    QFETCH(int, shift);
    QFETCH(qint64, raw);
    QCOMPARE(WindowScale::shiftFor(m_timeline, row), shift);
    QCOMPARE(WindowScale::rawWindow(m_timeline.at(row), shift), raw);

    // Without the SYN-ACK the scale is unknown; when one side did not offer WS it is off.
    Timeline partial;
    partial.append(m_timeline.at(0));
    partial.append(m_timeline.at(2));
    QCOMPARE(WindowScale::shiftFor(partial, 1), -1);
    Timeline unscaled;
    LabEvent synAck = m_timeline.at(1);
    synAck.options.removeLast();
    unscaled.append(m_timeline.at(0));
    unscaled.append(synAck);
    unscaled.append(m_timeline.at(2));
    QCOMPARE(WindowScale::shiftFor(unscaled, 2), 0);
}

void TstLadderOptions::optionsLabel()
{
    QCOMPARE(EventText::optionsLabel(m_timeline.at(0).options),
        QStringLiteral("MSS=65495 WS=7 SACK_PERM TS"));
    QCOMPARE(EventText::optionsLabel(
                 { QStringLiteral("TS=5/0"), QStringLiteral("NOP"), QStringLiteral("MSS=1460") }),
        QStringLiteral("MSS=1460 TS NOP"));
    QCOMPARE(EventText::optionsLabel({}), QString());
    // The one-line label of the timeline table and --print keeps its form.
    QCOMPARE(EventText::segmentLabel(m_timeline.at(0)),
        QStringLiteral("SYN seq=0 len=0 win=65495 MSS=65495,SACK_PERM,TS,WS=7"));
}

void TstLadderOptions::relativeLabels()
{
    QVERIFY(!m_ladder.showRaw());
    QCOMPARE(m_ladder.segmentLabel(0), QStringLiteral("SYN seq=0 len=0 win=65495"));
    QCOMPARE(m_ladder.optionsLabel(0), QStringLiteral("MSS=65495 WS=7 SACK_PERM TS"));
    QCOMPARE(m_ladder.segmentLabel(1), QStringLiteral("SYN,ACK seq=0 ack=1 len=0 win=65483"));
    QCOMPARE(m_ladder.optionsLabel(1), QStringLiteral("MSS=65495 WS=10 SACK_PERM TS"));
    // Data segments: one line, the scaled window, their timestamps left to the tool tip.
    QCOMPARE(m_ladder.segmentLabel(3), QStringLiteral("PSH,ACK seq=1 ack=1 len=12 win=65536"));
    QCOMPARE(m_ladder.optionsLabel(3), QString());
    QCOMPARE(m_ladder.segmentLabel(5), QStringLiteral("ACK seq=1 ack=13 len=0"));
    QCOMPARE(m_ladder.segmentLabel(6), QString());
    shoot(&m_ladder, QStringLiteral("ladderoptions-en-relative"));
}

void TstLadderOptions::rawLabels()
{
    QSignalSpy spy(&m_ladder, &LadderView::showRawChanged);
    QVERIFY(spy.isValid());
    m_ladder.setShowRaw(true);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toBool(), true);
    m_ladder.setShowRaw(true); // no change, no signal
    QCOMPARE(spy.size(), 1);
    QVERIFY(m_ladder.property("showRaw").toBool());

    QCOMPARE(m_ladder.segmentLabel(0), QStringLiteral("SYN seq=1000000 len=0 win=65495"));
    QCOMPARE(m_ladder.optionsLabel(0), QStringLiteral("MSS=65495 WS=7 SACK_PERM TS"));
    QCOMPARE(m_ladder.segmentLabel(1),
        QStringLiteral("SYN,ACK seq=7000000 ack=1000001 len=0 win=65483"));
    QCOMPARE(m_ladder.segmentLabel(3),
        QStringLiteral("PSH,ACK seq=1000001 ack=7000001 len=12 win=65536"));
    // Inferred: no raw numbers, so the relative ones, marked.
    QCOMPARE(m_ladder.segmentLabel(5), QStringLiteral("ACK seq=1* ack=13* len=0"));
    shoot(&m_ladder, QStringLiteral("ladderoptions-en-raw"));

    m_ladder.setShowRaw(false);
    QCOMPARE(spy.size(), 2);
    QCOMPARE(m_ladder.segmentLabel(0), QStringLiteral("SYN seq=0 len=0 win=65495"));
}

void TstLadderOptions::toolTips()
{
    const QString syn = m_ladder.toolTip(0);
    QVERIFY2(syn.contains(QStringLiteral("seq: 0 relative, 1000000 raw")), qPrintable(syn));
    QVERIFY2(syn.contains(QStringLiteral("Options: MSS=65495 SACK_PERM TS WS=7")), qPrintable(syn));
    QVERIFY2(syn.contains(QStringLiteral("a SYN's window is never scaled")), qPrintable(syn));
    const QString data = m_ladder.toolTip(3);
    QVERIFY2(data.contains(QStringLiteral("ack: 1 relative, 7000001 raw")), qPrintable(data));
    QVERIFY2(data.contains(QStringLiteral("Options: TS=1002/2000")), qPrintable(data));
    QVERIFY2(data.contains(QStringLiteral("Window: 65536 bytes = 512 × 2^7")), qPrintable(data));
    const QString inferred = m_ladder.toolTip(5);
    QVERIFY2(inferred.contains(QStringLiteral("seq: 1 relative, not observed raw")),
        qPrintable(inferred));
    // The row under the pointer: the SYN is the first row drawn.
    m_ladder.setCurrentRow(-1);
    QCOMPARE(m_ladder.rowAt(QPoint(200, 0)), -1);
    QVERIFY(m_ladder.rowAt(QPoint(200, m_ladder.height() - 1)) <= 5);
}

void TstLadderOptions::inspectorFields()
{
    const auto field
        = [this](const char *f) { return m_inspector.fieldValue(QString::fromLatin1(f)); };
    const auto filter
        = [this](const char *f) { return m_inspector.filterField(QString::fromLatin1(f)); };
    m_inspector.setCurrentRow(1); // the SYN-ACK
    QCOMPARE(field("Sequence Number (relative sequence number)"), QStringLiteral("0"));
    QCOMPARE(field("Sequence Number (raw)"), QStringLiteral("7000000"));
    QCOMPARE(field("Acknowledgment Number (relative ack number)"), QStringLiteral("1"));
    QCOMPARE(field("Acknowledgment number (raw)"), QStringLiteral("1000001"));
    QCOMPARE(filter("Sequence Number (relative sequence number)"), QStringLiteral("tcp.seq"));
    QCOMPARE(filter("Sequence Number (raw)"), QStringLiteral("tcp.seq_raw"));
    QCOMPARE(filter("Acknowledgment Number (relative ack number)"), QStringLiteral("tcp.ack"));
    QCOMPARE(filter("Acknowledgment number (raw)"), QStringLiteral("tcp.ack_raw"));
    QCOMPARE(field("Options"),
        QStringLiteral("Maximum segment size, SACK permitted, Timestamps, Window scale"));
    QCOMPARE(field("Maximum segment size"), QStringLiteral("65495 bytes"));
    QCOMPARE(field("MSS Value"), QStringLiteral("65495"));
    QCOMPARE(filter("MSS Value"), QStringLiteral("tcp.options.mss_val"));
    QCOMPARE(field("Window scale"), QStringLiteral("10 (multiply by 1024)"));
    QCOMPARE(field("Shift count"), QStringLiteral("10"));
    QCOMPARE(filter("Shift count"), QStringLiteral("tcp.options.wscale.shift"));
    QCOMPARE(field("[Multiplier]"), QStringLiteral("1024"));
    QCOMPARE(field("SACK permitted"), QStringLiteral("Set"));
    QCOMPARE(field("TCP SACK Permitted Option"), QStringLiteral("True"));
    QCOMPARE(filter("TCP SACK Permitted Option"), QStringLiteral("tcp.options.sack_perm"));
    QCOMPARE(field("Timestamps"), QStringLiteral("TSval 2000, TSecr 1000"));
    QCOMPARE(field("Timestamp value"), QStringLiteral("2000"));
    QCOMPARE(filter("Timestamp value"), QStringLiteral("tcp.options.timestamp.tsval"));
    QCOMPARE(field("Timestamp echo reply"), QStringLiteral("1000"));
    QCOMPARE(filter("Timestamp echo reply"), QStringLiteral("tcp.options.timestamp.tsecr"));
    QCOMPARE(field("Window"), QStringLiteral("65483"));
    QCOMPARE(field("[Calculated window size]"), QStringLiteral("65483"));
    QCOMPARE(field("[Window size scaling factor]"),
        QStringLiteral("not scaled (a SYN's window never is)"));
    shoot(&m_inspector, QStringLiteral("ladderoptions-en-inspector-synack"));

    m_inspector.setCurrentRow(0); // the SYN: timestamps without values
    QCOMPARE(field("Timestamps"), QString());
    QCOMPARE(field("Timestamp value"), QStringLiteral("not recorded"));
    QCOMPARE(field("Window scale"), QStringLiteral("7 (multiply by 128)"));

    m_inspector.setCurrentRow(3); // data: the window field, scaled by the client's WS=7
    QCOMPARE(field("Window"), QStringLiteral("512"));
    QCOMPARE(filter("Window"), QStringLiteral("tcp.window_size_value"));
    QCOMPARE(field("[Calculated window size]"), QStringLiteral("65536"));
    QCOMPARE(filter("[Calculated window size]"), QStringLiteral("tcp.window_size"));
    QCOMPARE(field("[Window size scaling factor]"), QStringLiteral("128 (shift 7)"));
    QCOMPARE(field("Timestamp value"), QStringLiteral("1002"));
    QCOMPARE(field("Sequence Number (raw)"), QStringLiteral("1000001"));
    m_inspector.setCurrentRow(4);
    QCOMPARE(field("Window"), QStringLiteral("64"));
    QCOMPARE(field("[Calculated window size]"), QStringLiteral("65536"));
    QCOMPARE(field("[Window size scaling factor]"), QStringLiteral("1024 (shift 10)"));
    QCOMPARE(field("Options"), QStringLiteral("none"));
    shoot(&m_inspector, QStringLiteral("ladderoptions-en-inspector-data"));
    m_inspector.setCurrentRow(-1);
}

void TstLadderOptions::inspectorWithoutHandshake()
{
    // Capture started after the handshake: the window is known scaled, its field is not.
    Timeline t;
    t.append(m_timeline.at(3));
    SegmentInspector inspector;
    inspector.setTimeline(&t);
    QCOMPARE(inspector.fieldValue(QStringLiteral("Window")), QStringLiteral("unknown"));
    QCOMPARE(
        inspector.fieldValue(QStringLiteral("[Calculated window size]")), QStringLiteral("65536"));
    QCOMPARE(inspector.fieldValue(QStringLiteral("[Window size scaling factor]")),
        QStringLiteral("unknown (the handshake is not on the timeline)"));
    LadderView ladder;
    ladder.setTimeline(&t);
    QVERIFY(ladder.toolTip(0).contains(QStringLiteral("the scale factor is unknown")));
}

void TstLadderOptions::mainWindowToggle()
{
    Language language;
    QVERIFY(language.set(QStringLiteral("en")));
    MainWindow window(&language);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *action = window.findChild<QAction *>(QStringLiteral("showRawAction"));
    QVERIFY(action);
    QVERIFY(action->isCheckable());
    QVERIFY(!action->isChecked());
    QCOMPARE(action->text(), QStringLiteral("Show ra&w sequence numbers"));
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    QVERIFY(!window.ladderView()->showRaw());
    action->trigger();
    QVERIFY(window.ladderView()->showRaw());
    action->trigger();
    QVERIFY(!window.ladderView()->showRaw());
}

QTEST_MAIN(TstLadderOptions)
#include "tst_ladderoptions.moc"
