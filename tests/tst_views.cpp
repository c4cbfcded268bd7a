// The teaching views over a hand-made model timeline: the seed's exchange
// (three-way handshake, one request and one reply, the server closing first)
// stepped row by row on the state diagram, the ladder, the segment inspector
// and the code panel, offscreen. Screenshots of the diagram go to /tmp/views/.

#include "codepanel.h"
#include "endpoints.h"
#include "ladderview.h"
#include "scenarios/scenario.h"
#include "segmentinspector.h"
#include "statediagramview.h"
#include "tcp/tcpdiagram.h"
#include "timeline/timeline.h"

#include <QDir>
#include <QImage>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

namespace {

using Endpoints::kClient;
using Endpoints::kClientIsn;
using Endpoints::kServer;
using Endpoints::kServerIsn;
const QString kShots = QStringLiteral("/tmp/views");

LabEvent call(Side side, const char *name, CallPhase phase, const char *program)
{
    LabEvent e;
    e.kind = EventKind::Call;
    e.source = EventSource::Model;
    e.side = side;
    e.call = QString::fromLatin1(name);
    e.phase = phase;
    e.code = QString::fromLatin1(program) + QLatin1Char(':') + e.call;
    if (phase == CallPhase::Return)
        e.result = 0;
    return e;
}

LabEvent state(Side side, TcpState from, TcpState to, const char *transition)
{
    LabEvent e;
    e.kind = EventKind::State;
    e.source = EventSource::Model;
    e.side = side;
    e.from = from;
    e.to = to;
    e.transition = QString::fromUtf8(transition);
    return e;
}

/** A segment sent by @p side; seq and ack relative, as the model gives them. */
LabEvent segment(Side side, const char *flags, qint64 seq, qint64 ack, qint64 len)
{
    LabEvent e = Endpoints::segment(side, flags, seq, ack, len, EventSource::Model);
    e.win = 65483;
    if (e.flags.contains(QLatin1String("SYN")))
        e.options = QStringList { QStringLiteral("MSS=65495"), QStringLiteral("SACK_PERM"),
            QStringLiteral("TS"), QStringLiteral("WS=7") };
    return e;
}

/** The seed's exchange as a scenario would make it. */
QList<LabEvent> exchange()
{
    using S = TcpState;
    const Side c = Side::Client;
    const Side s = Side::Server;
    const auto R = CallPhase::Return;
    LabEvent request = call(c, "sendall", R, "tcp_client");
    request.bytes
        = QByteArrayLiteral("\xe8\xaf\xb7\xe6\xb1\x82\xe8\xbf\x9e\xe6\x8e\xa5"); // 请求连接
    LabEvent reply = call(s, "sendall", R, "tcp_server");
    reply.bytes = QStringLiteral("你已连接成功。").toUtf8();
    LabEvent caption;
    caption.kind = EventKind::Note;
    caption.source = EventSource::Model;
    caption.noteKey = QStringLiteral("The server's port is free again after 2·MSL.");
    return {
        /*  0 */ call(s, "socket", R, "tcp_server"),
        /*  1 */ call(s, "bind", R, "tcp_server"),
        /*  2 */ call(s, "listen", R, "tcp_server"),
        /*  3 */ state(s, S::Closed, S::Listen, "passive OPEN / create TCB"),
        /*  4 */ call(s, "accept", CallPhase::Start, "tcp_server"),
        /*  5 */ call(c, "socket", R, "tcp_client"),
        /*  6 */ call(c, "connect", CallPhase::Start, "tcp_client"),
        /*  7 */ state(c, S::Closed, S::SynSent, "active OPEN / snd SYN"),
        /*  8 */ segment(c, "SYN", 0, -1, 0),
        /*  9 */ state(s, S::Listen, S::SynReceived, "rcv SYN / snd SYN,ACK"),
        /* 10 */ segment(s, "SYN,ACK", 0, 1, 0),
        /* 11 */ state(c, S::SynSent, S::Established, "rcv SYN,ACK / snd ACK"),
        /* 12 */ segment(c, "ACK", 1, 1, 0),
        /* 13 */ state(s, S::SynReceived, S::Established, "rcv ACK of SYN / x"),
        /* 14 */ call(c, "connect", R, "tcp_client"),
        /* 15 */ call(s, "accept", R, "tcp_server"),
        /* 16 */ request,
        /* 17 */ segment(c, "PSH,ACK", 1, 1, 12),
        /* 18 */ segment(s, "ACK", 1, 13, 0),
        /* 19 */ call(s, "recv", R, "tcp_server"),
        /* 20 */ reply,
        /* 21 */ segment(s, "PSH,ACK", 1, 13, 21),
        /* 22 */ segment(c, "ACK", 13, 22, 0),
        /* 23 */ call(c, "recv", R, "tcp_client"),
        /* 24 */ call(s, "close", R, "tcp_server"),
        /* 25 */ state(s, S::Established, S::FinWait1, "CLOSE / snd FIN"),
        /* 26 */ segment(s, "FIN,ACK", 22, 13, 0),
        /* 27 */ state(c, S::Established, S::CloseWait, "rcv FIN / snd ACK"),
        /* 28 */ segment(c, "ACK", 13, 23, 0),
        /* 29 */ state(s, S::FinWait1, S::FinWait2, "rcv ACK of FIN / x"),
        /* 30 */ call(c, "close", R, "tcp_client"),
        /* 31 */ state(c, S::CloseWait, S::LastAck, "CLOSE / snd FIN"),
        /* 32 */ segment(c, "FIN,ACK", 13, 23, 0),
        /* 33 */ state(s, S::FinWait2, S::TimeWait, "rcv FIN / snd ACK"),
        /* 34 */ segment(s, "ACK", 23, 14, 0),
        /* 35 */ state(c, S::LastAck, S::Closed, "rcv ACK of FIN / x"),
        /* 36 */ caption,
        /* 37 */ state(s, S::TimeWait, S::Closed, "Timeout=2MSL / delete TCB"),
    };
}

/** Stands in for a Chinese .qm: the glossary's terms for the strings these views show. */
class GlossaryTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(
        const char *context, const char *source, const char *disambiguation, int) const override
    {
        const QString ctx = QString::fromLatin1(context);
        const QString src = QString::fromUtf8(source);
        if (ctx == QLatin1String("StateDiagramView")
            && QByteArray(disambiguation) == "glossary term") {
            static const QHash<QString, QString> terms {
                { QStringLiteral("CLOSED"), QStringLiteral("关闭") },
                { QStringLiteral("LISTEN"), QStringLiteral("监听") },
                { QStringLiteral("SYN-SENT"), QStringLiteral("同步已发送") },
                { QStringLiteral("SYN-RECEIVED"), QStringLiteral("同步已收到") },
                { QStringLiteral("ESTABLISHED"), QStringLiteral("已建立连接") },
                { QStringLiteral("FIN-WAIT-1"), QStringLiteral("终止等待 1") },
                { QStringLiteral("FIN-WAIT-2"), QStringLiteral("终止等待 2") },
                { QStringLiteral("CLOSE-WAIT"), QStringLiteral("关闭等待") },
                { QStringLiteral("CLOSING"), QStringLiteral("同时关闭中") },
                { QStringLiteral("LAST-ACK"), QStringLiteral("最后确认") },
                { QStringLiteral("TIME-WAIT"), QStringLiteral("时间等待") },
            };
            return terms.value(src);
        }
        if (ctx == QLatin1String("StateDiagramView")
            && src == QLatin1String("to CLOSED, from the states marked so:"))
            return QStringLiteral("到 CLOSED（从带此标记的状态）：");
        if (ctx == QLatin1String("EventText") && src == QLatin1String("client"))
            return QStringLiteral("客户端");
        if (ctx == QLatin1String("EventText") && src == QLatin1String("server"))
            return QStringLiteral("服务器");
        if (ctx == QLatin1String("SegmentInspector")
            && src == QLatin1String("Sequence Number (relative sequence number)"))
            return QStringLiteral("序号（相对序号）");
        if (ctx == QLatin1String("SegmentInspector") && src == QLatin1String("Window"))
            return QStringLiteral("窗口");
        return {};
    }
};

} // namespace

class TstViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyRow_data();
    void everyRow();
    void handshake_data();
    void handshake();
    void synAckInInspector();
    void unknownValues();
    void datagramInInspector();
    void connectInBothLanguages();
    void everyProgramHasItsAnchors_data();
    void everyProgramHasItsAnchors();
    void ladderFlight();
    void diagramAnimation();
    void everyArcCanBeHighlighted();
    void liveEvents();
    void serverConnectionCloses();
    void everyScenario_data();
    void everyScenario();
    void chineseTerms();

private:
    void setRow(int row);
    void shoot(QWidget *w, const QString &name);

    Timeline m_timeline;
    StateDiagramView m_diagram;
    LadderView m_ladder;
    SegmentInspector m_inspector;
    CodePanel m_code;
};

void TstViews::initTestCase()
{
    QVERIFY(QDir().mkpath(kShots));
    qint64 t = 0;
    for (LabEvent e : exchange()) {
        e.tUs = t += 1000;
        m_timeline.append(e);
    }
    QCOMPARE(m_timeline.size(), 38);
    m_diagram.resize(1000, 960);
    m_ladder.resize(640, 900);
    m_inspector.resize(560, 560);
    m_code.resize(640, 420);
    for (CursorView *v :
        std::initializer_list<CursorView *> { &m_diagram, &m_ladder, &m_inspector, &m_code }) {
        v->setTimeline(&m_timeline);
        v->setCurrentRow(0);
    }
}

void TstViews::setRow(int row)
{
    for (CursorView *v :
        std::initializer_list<CursorView *> { &m_diagram, &m_ladder, &m_inspector, &m_code })
        v->setCurrentRow(row);
    m_diagram.setAnimationProgress(1.0);
    m_ladder.setFlightProgress(1.0);
}

void TstViews::shoot(QWidget *w, const QString &name)
{
    const QImage image = w->grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(kShots + QLatin1Char('/') + name + QStringLiteral(".png")));
}

void TstViews::everyRow_data()
{
    QTest::addColumn<int>("row");
    for (int row = 0; row < m_timeline.size(); ++row)
        QTest::addRow("row %02d", row) << row;
}

void TstViews::everyRow()
{
    QFETCH(int, row);
    // Step there from the row before, as the stepper does, then land the animations.
    setRow(qMax(0, row - 1));
    setRow(row);
    for (QWidget *w :
        std::initializer_list<QWidget *> { &m_diagram, &m_ladder, &m_inspector, &m_code })
        QVERIFY(!w->grab().isNull());

    // What each view must show, worked out from the timeline on its own.
    TcpState client = TcpState::Unknown;
    TcpState server = TcpState::Unknown;
    int segments = 0;
    int lastSegment = -1;
    QString codeRef;
    for (int i = 0; i <= row; ++i) {
        const LabEvent &e = m_timeline.at(i);
        if (e.kind == EventKind::State)
            (e.side == Side::Client ? client : server) = e.to;
        if (e.kind == EventKind::Segment) {
            ++segments;
            lastSegment = i;
        }
        if (e.kind == EventKind::Call)
            codeRef = e.code;
    }
    const LabEvent &here = m_timeline.at(row);
    QCOMPARE(m_diagram.markerState(Side::Client), client);
    QCOMPARE(m_diagram.markerState(Side::Server), server);
    QCOMPARE(m_diagram.highlightedArcLabel(),
        here.kind == EventKind::State ? here.transition : QString());
    QCOMPARE(m_ladder.segmentCount(), segments);
    QCOMPARE(m_inspector.shownRow(), lastSegment);
    if (lastSegment >= 0) {
        const LabEvent &seg = m_timeline.at(lastSegment);
        QCOMPARE(
            m_inspector.fieldValue(QStringLiteral("Sequence Number (relative sequence number)")),
            QString::number(seg.seq));
        QCOMPARE(m_inspector.fieldValue(QStringLiteral("Source Port")), seg.src.section(':', -1));
        QCOMPARE(
            m_inspector.fieldValue(QStringLiteral("[Event source]")), QStringLiteral("RFC model"));
    } else {
        QCOMPARE(m_inspector.fieldValue(QStringLiteral("Flags")), QString());
    }
    const QString program = codeRef.section(QLatin1Char(':'), 0, 0);
    const QString anchor = codeRef.section(QLatin1Char(':'), 1);
    QCOMPARE(m_code.currentProgram(), program);
    QVERIFY2(
        m_code.currentLineText(CodePanel::PythonTab).endsWith(QStringLiteral("# [%1]").arg(anchor)),
        qPrintable(m_code.currentLineText(CodePanel::PythonTab)));
    QVERIFY2(
        m_code.currentLineText(CodePanel::CppTab).contains(QStringLiteral("// [%1]").arg(anchor)),
        qPrintable(m_code.currentLineText(CodePanel::CppTab)));
}

void TstViews::handshake_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<TcpState>("client");
    QTest::addColumn<TcpState>("server");
    QTest::addColumn<QString>("arc");
    using S = TcpState;
    QTest::newRow("03 listen") << 3 << S::Unknown << S::Listen
                               << QStringLiteral("passive OPEN / create TCB");
    QTest::newRow("06 connect called") << 6 << S::Unknown << S::Listen << QString();
    QTest::newRow("07 SYN-SENT") << 7 << S::SynSent << S::Listen
                                 << QStringLiteral("active OPEN / snd SYN");
    QTest::newRow("08 SYN") << 8 << S::SynSent << S::Listen << QString();
    QTest::newRow("09 SYN-RECEIVED")
        << 9 << S::SynSent << S::SynReceived << QStringLiteral("rcv SYN / snd SYN,ACK");
    QTest::newRow("10 SYN,ACK") << 10 << S::SynSent << S::SynReceived << QString();
    QTest::newRow("11 client ESTABLISHED")
        << 11 << S::Established << S::SynReceived << QStringLiteral("rcv SYN,ACK / snd ACK");
    QTest::newRow("12 ACK") << 12 << S::Established << S::SynReceived << QString();
    QTest::newRow("13 server ESTABLISHED")
        << 13 << S::Established << S::Established << QStringLiteral("rcv ACK of SYN / x");
    QTest::newRow("25 FIN-WAIT-1")
        << 25 << S::Established << S::FinWait1 << QStringLiteral("CLOSE / snd FIN");
    QTest::newRow("27 CLOSE-WAIT")
        << 27 << S::CloseWait << S::FinWait1 << QStringLiteral("rcv FIN / snd ACK");
    QTest::newRow("33 TIME-WAIT") << 33 << S::LastAck << S::TimeWait
                                  << QStringLiteral("rcv FIN / snd ACK");
    QTest::newRow("35 client CLOSED")
        << 35 << S::Closed << S::TimeWait << QStringLiteral("rcv ACK of FIN / x");
    QTest::newRow("37 server CLOSED")
        << 37 << S::Closed << S::Closed << QStringLiteral("Timeout=2MSL / delete TCB");
}

void TstViews::handshake()
{
    QFETCH(int, row);
    QFETCH(TcpState, client);
    QFETCH(TcpState, server);
    QFETCH(QString, arc);
    setRow(row - 1);
    setRow(row);
    QCOMPARE(m_diagram.markerState(Side::Client), client);
    QCOMPARE(m_diagram.markerState(Side::Server), server);
    QCOMPARE(m_diagram.highlightedArcLabel(), arc);
    if (arc.isEmpty()) {
        QVERIFY(!m_diagram.highlightedArc());
    } else {
        // The model's label is the RFC's arc, found in the diagram.
        QVERIFY(m_diagram.highlightedArc());
        QCOMPARE(m_diagram.highlightedArc()->label(), arc);
    }
    const QString name = QString::fromLatin1(QTest::currentDataTag()).replace(' ', '-');
    shoot(&m_diagram, QStringLiteral("statediagram-en-") + name);
    shoot(&m_ladder, QStringLiteral("ladder-en-") + name);
}

void TstViews::synAckInInspector()
{
    setRow(10);
    QCOMPARE(m_inspector.shownRow(), 10);
    const auto field
        = [this](const char *f) { return m_inspector.fieldValue(QString::fromLatin1(f)); };
    QCOMPARE(field("Flags"), QStringLiteral("0x012 (SYN, ACK)"));
    QCOMPARE(field("Syn"), QStringLiteral("Set"));
    QCOMPARE(field("Acknowledgment"), QStringLiteral("Set"));
    QCOMPARE(field("Fin"), QStringLiteral("Not set"));
    QCOMPARE(field("Reset"), QStringLiteral("Not set"));
    QCOMPARE(field("Push"), QStringLiteral("Not set"));
    QCOMPARE(field("Sequence Number (relative sequence number)"), QStringLiteral("0"));
    QCOMPARE(field("Sequence Number (raw)"), QString::number(kServerIsn));
    QCOMPARE(field("[Next Sequence Number (relative sequence number)]"), QStringLiteral("1"));
    QCOMPARE(field("Acknowledgment Number (relative ack number)"), QStringLiteral("1"));
    QCOMPARE(field("Acknowledgment number (raw)"), QString::number(kClientIsn + 1));
    QCOMPARE(field("Source Port"), QStringLiteral("8888"));
    QCOMPARE(field("Destination Port"), QStringLiteral("40000"));
    QCOMPARE(field("[Stream index]"), QStringLiteral("0"));
    QCOMPARE(field("[TCP Segment Len]"), QStringLiteral("0"));
    QCOMPARE(field("Window"), QStringLiteral("65483"));
    QCOMPARE(field("Maximum segment size"), QStringLiteral("65495 bytes"));
    QCOMPARE(field("Window scale"), QStringLiteral("7 (multiply by 128)"));
    QCOMPARE(field("Options"),
        QStringLiteral("Maximum segment size, SACK permitted, Timestamps, Window scale"));
    QCOMPARE(field("Source Address"), QStringLiteral("127.0.0.1"));
    QCOMPARE(field("[Event source]"), QStringLiteral("RFC model"));
    shoot(&m_inspector, QStringLiteral("inspector-en-synack"));

    // The SYN acknowledges nothing; the data segment carries 12 bytes.
    setRow(8);
    QCOMPARE(field("Flags"), QStringLiteral("0x002 (SYN)"));
    QCOMPARE(field("Acknowledgment Number (relative ack number)"),
        QStringLiteral("not used (ACK not set)"));
    setRow(17);
    QCOMPARE(field("Flags"), QStringLiteral("0x018 (PSH, ACK)"));
    QCOMPARE(field("Push"), QStringLiteral("Set"));
    QCOMPARE(field("[TCP Segment Len]"), QStringLiteral("12"));
    QCOMPARE(field("[Next Sequence Number (relative sequence number)]"), QStringLiteral("13"));
    QCOMPARE(field("Options"), QStringLiteral("none"));
    setRow(26);
    QCOMPARE(field("Flags"), QStringLiteral("0x011 (FIN, ACK)"));
    QCOMPARE(field("[Next Sequence Number (relative sequence number)]"), QStringLiteral("23"));
}

void TstViews::unknownValues()
{
    // An inferred segment: no raw numbers, no window.
    Timeline t;
    LabEvent e;
    e.kind = EventKind::Segment;
    e.source = EventSource::Inferred;
    e.side = Side::Client;
    e.flags = QStringList { QStringLiteral("SYN") };
    e.seq = 0;
    t.append(e);
    SegmentInspector inspector;
    inspector.setTimeline(&t);
    const auto field
        = [&inspector](const char *f) { return inspector.fieldValue(QString::fromLatin1(f)); };
    QCOMPARE(field("Sequence Number (raw)"), QStringLiteral("unknown"));
    QCOMPARE(field("Window"), QStringLiteral("unknown"));
    QCOMPARE(field("[TCP Segment Len]"), QStringLiteral("unknown"));
    QCOMPARE(field("Source Port"), QStringLiteral("unknown"));
    QCOMPARE(field("[Event source]"), QStringLiteral("inferred from calls"));
    QVERIFY(!inspector.grab().isNull());
}

void TstViews::datagramInInspector()
{
    Timeline t;
    LabEvent e;
    e.kind = EventKind::Datagram;
    e.source = EventSource::Capture;
    e.side = Side::Client;
    e.src = kClient;
    e.dst = kServer;
    e.len = 12;
    e.bytes = QStringLiteral("请求连接").toUtf8();
    t.append(e);
    SegmentInspector inspector;
    inspector.setTimeline(&t);
    QCOMPARE(inspector.fieldValue(QStringLiteral("User Datagram Protocol")),
        QStringLiteral("Src Port: 40000, Dst Port: 8888"));
    QCOMPARE(inspector.fieldValue(QStringLiteral("Length")), QStringLiteral("20"));
    QCOMPARE(
        inspector.fieldValue(QStringLiteral("Data")), QStringLiteral("12 byte(s): \"请求连接\""));
    QCOMPARE(inspector.fieldValue(QStringLiteral("Flags")), QString());
}

void TstViews::connectInBothLanguages()
{
    for (int row : { 6, 7, 14 }) {
        setRow(row);
        QCOMPARE(m_code.currentProgram(), QStringLiteral("tcp_client"));
        for (CodePanel::Tab tab : { CodePanel::PythonTab, CodePanel::CppTab }) {
            m_code.setTab(tab);
            QCOMPARE(m_code.tab(), tab);
            QVERIFY(m_code.currentLine() > 0);
            QVERIFY2(m_code.currentLineText().contains(QStringLiteral("connect(")),
                qPrintable(m_code.currentLineText()));
            QCOMPARE(m_code.currentLineText(), m_code.currentLineText(tab));
        }
    }
    m_code.setTab(CodePanel::PythonTab);
    shoot(&m_code, QStringLiteral("code-en-python-connect"));
    m_code.setTab(CodePanel::CppTab);
    shoot(&m_code, QStringLiteral("code-en-cpp-connect"));
    m_code.setTab(CodePanel::PythonTab);

    // The server's accept() and the client's close().
    setRow(4);
    QCOMPARE(m_code.currentProgram(), QStringLiteral("tcp_server"));
    QVERIFY(m_code.currentLineText(CodePanel::PythonTab).contains(QStringLiteral(".accept()")));
    QVERIFY(m_code.currentLineText(CodePanel::CppTab).contains(QStringLiteral("accept(")));
    setRow(30);
    QCOMPARE(m_code.currentProgram(), QStringLiteral("tcp_client"));
    QVERIFY(m_code.currentLineText(CodePanel::PythonTab).contains(QStringLiteral(".close()")));
    QVERIFY(m_code.currentLineText(CodePanel::CppTab).contains(QStringLiteral("close(client)")));
}

void TstViews::everyProgramHasItsAnchors_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("anchors");
    const auto list = [](const char *s) { return QString::fromLatin1(s).split(' '); };
    QTest::newRow("tcp_server") << QStringLiteral("tcp_server")
                                << list("socket setsockopt bind listen accept recv sendall close");
    QTest::newRow("tcp_client") << QStringLiteral("tcp_client")
                                << list("socket connect sendall recv close");
    QTest::newRow("tcp_client_ex")
        << QStringLiteral("tcp_client_ex") << list("socket connect_ex close");
    QTest::newRow("tcp_client_halfclose") << QStringLiteral("tcp_client_halfclose")
                                          << list("socket connect sendall shutdown recv close");
    QTest::newRow("tcp_client_abort")
        << QStringLiteral("tcp_client_abort") << list("socket connect setsockopt close");
    QTest::newRow("tcp_peer") << QStringLiteral("tcp_peer") << list("socket bind connect close");
    QTest::newRow("udp_server") << QStringLiteral("udp_server")
                                << list("socket bind recvfrom sendto");
    QTest::newRow("udp_client") << QStringLiteral("udp_client")
                                << list("socket settimeout sendto recvfrom close");
}

void TstViews::everyProgramHasItsAnchors()
{
    QFETCH(QString, program);
    QFETCH(QStringList, anchors);
    const QString py = CodePanel::programSource(program, CodePanel::PythonTab);
    const QString cpp = CodePanel::programSource(program, CodePanel::CppTab);
    QVERIFY(!py.isEmpty());
    QVERIFY(!cpp.isEmpty());
    // Exactly the anchors listed, each once, in both languages.
    static const QRegularExpression pyAnchor(QStringLiteral("# \\[(\\w+)\\]$"));
    static const QRegularExpression cppAnchor(QStringLiteral("// \\[(\\w+)\\]$"));
    QStringList inPy;
    QStringList inCpp;
    for (const QString &line : py.split('\n')) {
        const auto m = pyAnchor.match(line);
        if (m.hasMatch())
            inPy << m.captured(1);
    }
    for (const QString &line : cpp.split('\n')) {
        const auto m = cppAnchor.match(line);
        if (m.hasMatch() && m.captured(1) != QLatin1String("send")) // send_all()'s loop
            inCpp << m.captured(1);
    }
    QStringList expected = anchors;
    expected.sort();
    inPy.sort();
    inCpp.sort();
    QCOMPARE(inPy, expected);
    QCOMPARE(inCpp, expected);
}

void TstViews::ladderFlight()
{
    setRow(7);
    QCOMPARE(m_ladder.flightRow(), -1);
    m_ladder.setCurrentRow(8); // one step forward onto the SYN: it flies
    QCOMPARE(m_ladder.flightRow(), 8);
    QVERIFY(m_ladder.flightProgress() < 1);
    m_ladder.setFlightProgress(0.5);
    shoot(&m_ladder, QStringLiteral("ladder-en-syn-in-flight"));
    // Left alone, it lands and the animation stops.
    QTRY_COMPARE_WITH_TIMEOUT(m_ladder.flightProgress(), 1.0, 3000);
    QCOMPARE(m_ladder.segmentCount(), 1);

    m_ladder.setCurrentRow(9); // a state change: nothing flies
    QCOMPARE(m_ladder.flightRow(), -1);
    QCOMPARE(m_ladder.flightProgress(), 1.0);
    m_ladder.setCurrentRow(10);
    QCOMPARE(m_ladder.flightRow(), 10);
    m_ladder.setFlightProgress(1.0);
    QCOMPARE(m_ladder.flightProgress(), 1.0);
    m_ladder.setCurrentRow(3); // back, then a jump forward: no flight
    m_ladder.setCurrentRow(12);
    QCOMPARE(m_ladder.flightRow(), -1);
    m_ladder.setCurrentRow(-1); // following the end (live): never
    QCOMPARE(m_ladder.flightRow(), -1);
    QCOMPARE(m_ladder.segmentCount(), 11);
    QVERIFY(m_ladder.itemCount() > m_ladder.segmentCount());
    m_ladder.setCurrentRow(0);
}

void TstViews::diagramAnimation()
{
    setRow(8);
    m_diagram.setCurrentRow(9); // the server takes "rcv SYN / snd SYN,ACK"
    QVERIFY(m_diagram.animationProgress() < 1);
    QCOMPARE(m_diagram.markerState(Side::Server), TcpState::SynReceived);
    m_diagram.setAnimationProgress(0.5);
    shoot(&m_diagram, QStringLiteral("statediagram-en-09-halfway"));
    QTRY_COMPARE_WITH_TIMEOUT(m_diagram.animationProgress(), 1.0, 3000);

    m_diagram.setCurrentRow(10); // a segment: no state moves
    QCOMPARE(m_diagram.animationProgress(), 1.0);
    m_diagram.setCurrentRow(3); // a jump back onto a state change: it is shown, not animated
    QCOMPARE(m_diagram.animationProgress(), 1.0);
    QCOMPARE(m_diagram.highlightedArcLabel(), QStringLiteral("passive OPEN / create TCB"));
    m_diagram.setCurrentRow(0);
}

void TstViews::everyArcCanBeHighlighted()
{
    // Each arc of RFC 9293 Figure 5 (and the ones its text adds) taken alone.
    StateDiagramView view;
    view.resize(800, 770);
    int n = 0;
    for (const TcpArc &arc : tcpDiagramArcs()) {
        Timeline t;
        t.append(state(Side::Client, arc.from, arc.to, arc.label().toUtf8().constData()));
        view.setTimeline(&t);
        view.setCurrentRow(0);
        QCOMPARE(view.markerState(Side::Client), arc.to);
        QCOMPARE(view.markerState(Side::Server), TcpState::Unknown);
        QCOMPARE(view.highlightedArc(), &arc);
        QCOMPARE(view.highlightedArcLabel(), arc.label());
        const QImage image = view.grab().toImage();
        QVERIFY(!image.isNull());
        if (arc.to == TcpState::Closed || arc.from == TcpState::FinWait1)
            image.save(kShots + QStringLiteral("/arc-%1.png").arg(n, 2, 10, QLatin1Char('0')));
        ++n;
        view.setTimeline(nullptr);
    }
    QVERIFY(n >= 20);
}

void TstViews::liveEvents()
{
    // A live session: the kernel's states, an inferred segment, calls without code refs.
    Timeline t;
    LabEvent listening = state(Side::Server, TcpState::Closed, TcpState::Listen, "");
    listening.source = EventSource::Kernel;
    listening.socket = QStringLiteral("listener");
    listening.transition.clear();
    t.append(listening);
    LabEvent connect = call(Side::Client, "connect", CallPhase::Start, "");
    connect.code.clear();
    connect.source = EventSource::App;
    t.append(connect);
    LabEvent syn = segment(Side::Client, "SYN", 0, -1, 0);
    syn.source = EventSource::Inferred;
    syn.seqRaw = -1;
    t.append(syn);
    LabEvent established = state(Side::Server, TcpState::Unknown, TcpState::Established, "");
    established.source = EventSource::Kernel;
    established.socket = QStringLiteral("conn");
    t.append(established);
    LabEvent clientUp = state(Side::Client, TcpState::SynSent, TcpState::Established, "");
    clientUp.source = EventSource::Kernel;
    t.append(clientUp);

    StateDiagramView diagram;
    LadderView ladder;
    SegmentInspector inspector;
    CodePanel code;
    for (CursorView *v :
        std::initializer_list<CursorView *> { &diagram, &ladder, &inspector, &code }) {
        v->setTimeline(&t); // following the end
        QVERIFY(!v->grab().isNull());
    }
    // The server's connection is shown rather than its listening socket.
    QCOMPARE(diagram.markerState(Side::Server), TcpState::Established);
    QCOMPARE(diagram.markerState(Side::Client), TcpState::Established);
    // A kernel reading without a transition still names the diagram's arc.
    QVERIFY(diagram.highlightedArc());
    QCOMPARE(diagram.highlightedArcLabel(), QStringLiteral("rcv SYN,ACK / snd ACK"));
    QCOMPARE(diagram.animationProgress(), 1.0);
    QCOMPARE(
        inspector.fieldValue(QStringLiteral("Sequence Number (raw)")), QStringLiteral("unknown"));
    QCOMPARE(inspector.fieldValue(QStringLiteral("[Event source]")),
        QStringLiteral("inferred from calls"));
    QCOMPARE(ladder.segmentCount(), 1);
    QCOMPARE(code.currentProgram(), QStringLiteral("tcp_client"));
    QVERIFY(code.currentLineText(CodePanel::PythonTab).contains(QStringLiteral("connect(")));

    // Only the listening socket so far: the server's marker is on LISTEN.
    diagram.setCurrentRow(1);
    QCOMPARE(diagram.markerState(Side::Server), TcpState::Listen);
    QCOMPARE(diagram.markerState(Side::Client), TcpState::Unknown);
}

void TstViews::serverConnectionCloses()
{
    // The server's connection is reset while its listening socket stays: the marker
    // follows the connection into CLOSED, then returns to the listening socket.
    Timeline t;
    LabEvent listening
        = state(Side::Server, TcpState::Closed, TcpState::Listen, "passive OPEN / create TCB");
    listening.socket = QStringLiteral("listener");
    t.append(listening);
    LabEvent up
        = state(Side::Server, TcpState::Listen, TcpState::SynReceived, "rcv SYN / snd SYN,ACK");
    up.socket = QStringLiteral("conn");
    t.append(up);
    LabEvent established
        = state(Side::Server, TcpState::SynReceived, TcpState::Established, "rcv ACK of SYN / x");
    established.socket = QStringLiteral("conn");
    t.append(established);
    LabEvent reset = state(Side::Server, TcpState::Established, TcpState::Closed, "rcv RST / x");
    reset.socket = QStringLiteral("conn");
    t.append(reset);
    LabEvent caption;
    caption.kind = EventKind::Note;
    caption.noteKey = QStringLiteral("The listening socket is still there.");
    t.append(caption);

    StateDiagramView view;
    view.resize(800, 770);
    view.setTimeline(&t);
    view.setCurrentRow(0);
    QCOMPARE(view.markerState(Side::Server), TcpState::Listen);
    view.setCurrentRow(1);
    QCOMPARE(view.markerState(Side::Server), TcpState::SynReceived);
    QVERIFY(view.animationProgress() < 1); // moved from LISTEN, where the listener's marker was
    view.setCurrentRow(2);
    view.setCurrentRow(3);
    QCOMPARE(view.markerState(Side::Server), TcpState::Closed);
    QCOMPARE(view.highlightedArcLabel(), QStringLiteral("rcv RST / x"));
    QVERIFY(view.animationProgress() < 1);
    view.setAnimationProgress(0.6);
    shoot(&view, QStringLiteral("statediagram-en-reset-in-flight"));
    view.setAnimationProgress(1);
    shoot(&view, QStringLiteral("statediagram-en-reset"));
    view.setCurrentRow(4);
    QCOMPARE(view.markerState(Side::Server), TcpState::Listen);
    QCOMPARE(view.highlightedArcLabel(), QString());
}

void TstViews::everyScenario_data()
{
    QTest::addColumn<QString>("name");
    for (const ScenarioInfo &info : Scenarios::list())
        QTest::newRow(qPrintable(info.name)) << info.name;
}

void TstViews::everyScenario()
{
    // The lab's scenarios through the four views, step by step: every state change is an arc
    // of the diagram and every call a line of both example programs.
    QFETCH(QString, name);
    Timeline t;
    QVERIFY(Scenarios::build(name, &t));
    StateDiagramView diagram;
    LadderView ladder;
    SegmentInspector inspector;
    CodePanel code;
    diagram.resize(800, 770);
    const std::initializer_list<CursorView *> views { &diagram, &ladder, &inspector, &code };
    for (CursorView *v : views) {
        v->setTimeline(&t);
        v->setCurrentRow(0);
    }
    for (int row = 0; row < t.size(); ++row) {
        for (CursorView *v : views)
            v->setCurrentRow(row);
        diagram.setAnimationProgress(1);
        ladder.setFlightProgress(1);
        const LabEvent &e = t.at(row);
        const QByteArray where = QStringLiteral("row %1: %2").arg(row).arg(e.code).toUtf8();
        if (e.kind == EventKind::State && e.from != TcpState::Unknown) {
            QVERIFY2(diagram.highlightedArc(), where.constData());
            QCOMPARE(diagram.highlightedArcLabel(), e.transition);
            QCOMPARE(diagram.markerState(e.side), e.to);
        }
        if (e.kind == EventKind::Call && !e.code.isEmpty()) {
            QCOMPARE(code.currentProgram(), e.code.section(QLatin1Char(':'), 0, 0));
            QVERIFY2(code.currentLine(CodePanel::PythonTab) > 0, where.constData());
            QVERIFY2(code.currentLine(CodePanel::CppTab) > 0, where.constData());
        }
        if (e.kind == EventKind::Segment)
            QCOMPARE(inspector.shownRow(), row);
    }
    QVERIFY(!diagram.grab().isNull());
}

void TstViews::chineseTerms()
{
    GlossaryTranslator zh;
    QVERIFY(QCoreApplication::installTranslator(&zh)); // sends LanguageChange to every widget
    QCoreApplication::processEvents();
    setRow(8);
    setRow(9);
    QCOMPARE(m_inspector.fieldValue(QStringLiteral("Window")), QStringLiteral("65483"));
    bool found = false;
    for (QTreeWidgetItemIterator it(m_inspector.tree()); *it; ++it)
        found = found || (*it)->text(0) == QStringLiteral("序号（相对序号）");
    QVERIFY(found);
    shoot(&m_diagram, QStringLiteral("statediagram-zh-09-SYN-RECEIVED"));
    setRow(12);
    setRow(13);
    shoot(&m_diagram, QStringLiteral("statediagram-zh-13-ESTABLISHED"));
    shoot(&m_inspector, QStringLiteral("inspector-zh-ack"));
    QVERIFY(QCoreApplication::removeTranslator(&zh));
    QCoreApplication::processEvents();
    found = false;
    for (QTreeWidgetItemIterator it(m_inspector.tree()); *it; ++it)
        found = found
            || (*it)->text(0) == QStringLiteral("Sequence Number (relative sequence number)");
    QVERIFY(found);
}

QTEST_MAIN(TstViews)
#include "tst_views.moc"
