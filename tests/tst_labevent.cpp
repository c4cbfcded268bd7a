// LabEvent and Timeline: one clock, time order with stable insertion, the
// JSON Lines fields of ARCHITECTURE.md, the item model, and the RFC 9293
// state names.

#include "tcp/tcpstate.h"
#include "timeline/eventtext.h"
#include "timeline/timeline.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <cerrno>

class TstLabEvent : public QObject
{
    Q_OBJECT

private slots:
    void clockIsMonotonic();
    void appendKeepsTimeOrder();
    void appendStampsNow();
    void jsonOfCall();
    void jsonOfFailedCall();
    void jsonOfSegment();
    void jsonOfStateAndData();
    void textDecodesUtf8();
    void modelColumns();
    void clearRestartsClock();
    void stateNames_data();
    void stateNames();
    void linuxStates_data();
    void linuxStates();
    void describeSegment();
    void controlCharactersEscaped();
    void gaiErrnoInJson();
};

void TstLabEvent::controlCharactersEscaped()
{
    LabEvent d;
    d.kind = EventKind::Data;
    d.bytes = QByteArray("a\x00"
                         "b\x1b[31m\r\n\"q\"",
        13);
    QCOMPARE(EventText::quoted(d), QStringLiteral("\"a\\x00b\\x1b[31m\\r\\n\\\"q\\\"\""));
    QVERIFY(d.textIsValid());
    // A UTF-8 sequence cut short shows as U+FFFD, not as nothing.
    d.bytes = QByteArray("\xe8\xaf", 2);
    QVERIFY(d.text().startsWith(QChar(0xFFFD)));
    QVERIFY(!d.textIsValid());
    QCOMPARE(d.toJson().value("valid").toBool(), false);
    QCOMPARE(d.toJson().value("hex").toString(), QStringLiteral("e8 af"));
    QCOMPARE(
        EventText::escaped(QStringLiteral("abcdef"), 3), QStringLiteral("abc") + QChar(0x2026));
}

void TstLabEvent::gaiErrnoInJson()
{
    LabEvent e;
    e.kind = EventKind::Call;
    e.call = QStringLiteral("bind");
    e.phase = CallPhase::Return;
    e.errorDomain = ErrorDomain::Gai;
    e.errnum = -2; // EAI_NONAME, as Python's socket.gaierror.errno
    QCOMPARE(e.toJson().value("errno").toInt(), -2);
    QCOMPARE(e.toJson().value("error").toString(), QStringLiteral("EAI_NONAME"));
}

void TstLabEvent::clockIsMonotonic()
{
    Timeline t;
    qint64 last = t.nowUs();
    QVERIFY(last >= 0);
    for (int i = 0; i < 1000; ++i) {
        const qint64 now = t.nowUs();
        QVERIFY(now >= last);
        last = now;
    }
}

void TstLabEvent::appendKeepsTimeOrder()
{
    Timeline t;
    auto ev = [](qint64 tUs, const char *call) {
        LabEvent e;
        e.tUs = tUs;
        e.kind = EventKind::Call;
        e.call = QString::fromLatin1(call);
        return e;
    };
    QCOMPARE(t.append(ev(100, "a")), 0);
    QCOMPARE(t.append(ev(300, "c")), 1);
    QCOMPARE(t.append(ev(200, "b")), 1); // late: inserted, not appended
    QCOMPARE(t.append(ev(200, "b2")), 2); // equal time: after the earlier one
    QCOMPARE(t.append(ev(50, "first")), 0);
    QStringList order;
    for (const LabEvent &e : t.events())
        order << e.call;
    QCOMPARE(order, (QStringList { "first", "a", "b", "b2", "c" }));
}

void TstLabEvent::appendStampsNow()
{
    Timeline t;
    QSignalSpy added(&t, &Timeline::eventAdded);
    const qint64 before = t.nowUs();
    LabEvent e;
    t.append(e);
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first().first().toInt(), 0);
    QVERIFY(t.at(0).tUs >= before);
    QVERIFY(t.at(0).tUs <= t.nowUs());
}

void TstLabEvent::jsonOfCall()
{
    LabEvent e;
    e.tUs = 1234;
    e.side = Side::Client;
    e.kind = EventKind::Call;
    e.source = EventSource::App;
    e.socket = QStringLiteral("client");
    e.call = QStringLiteral("sendall");
    e.phase = CallPhase::Return;
    e.bytes = QStringLiteral("请求连接").toUtf8();
    e.encoding = QStringLiteral("utf-8");
    const QJsonObject o = e.toJson();
    QCOMPARE(o.value("t_us").toInteger(), 1234);
    QCOMPARE(o.value("side").toString(), QStringLiteral("client"));
    QCOMPARE(o.value("kind").toString(), QStringLiteral("call"));
    QCOMPARE(o.value("source").toString(), QStringLiteral("app"));
    QCOMPARE(o.value("call").toString(), QStringLiteral("sendall"));
    QCOMPARE(o.value("phase").toString(), QStringLiteral("return"));
    QCOMPARE(o.value("text").toString(), QStringLiteral("请求连接"));
    QCOMPARE(o.value("bytes").toInt(), 12);
    QVERIFY(o.value("result").isNull()); // None
    QVERIFY(o.value("errno").isNull());
    QVERIFY(!o.contains("error"));
}

void TstLabEvent::jsonOfFailedCall()
{
    LabEvent e;
    e.kind = EventKind::Call;
    e.call = QStringLiteral("connect");
    e.phase = CallPhase::Return;
    e.args = { QStringLiteral("('127.0.0.1', 9)") };
    e.errorDomain = ErrorDomain::Errno;
    e.errnum = ECONNREFUSED;
    const QJsonObject o = e.toJson();
    QCOMPARE(o.value("errno").toInt(), 111);
    QCOMPARE(o.value("error").toString(), QStringLiteral("ECONNREFUSED"));
    QVERIFY(o.value("result").isNull());
    QCOMPARE(o.value("args").toArray().first().toString(), QStringLiteral("('127.0.0.1', 9)"));
    QCOMPARE(EventText::describe(e),
        QStringLiteral("connect(('127.0.0.1', 9)) failed: connection refused: nothing is listening "
                       "on that port (TCP: the peer answered SYN with RST; UDP: an ICMP port "
                       "unreachable came back) [ECONNREFUSED 111]"));

    LabEvent t = e;
    t.errorDomain = ErrorDomain::Timeout;
    t.errnum = 0;
    QVERIFY(t.toJson().value("errno").isNull());
    QCOMPARE(t.toJson().value("error").toString(), QStringLiteral("timeout"));
}

void TstLabEvent::jsonOfSegment()
{
    LabEvent e;
    e.kind = EventKind::Segment;
    e.source = EventSource::Inferred;
    e.side = Side::Server;
    e.src = QStringLiteral("127.0.0.1:8888");
    e.dst = QStringLiteral("127.0.0.1:40000");
    e.flags = { QStringLiteral("SYN"), QStringLiteral("ACK") };
    e.seq = 0;
    e.ack = 1;
    e.len = 0;
    e.stream = 0;
    const QJsonObject o = e.toJson();
    QCOMPARE(o.value("flags").toString(), QStringLiteral("SYN,ACK"));
    QCOMPARE(o.value("seq").toInt(), 0);
    QCOMPARE(o.value("ack").toInt(), 1);
    QVERIFY(o.value("seq_raw").isNull());
    QVERIFY(o.value("ack_raw").isNull());
    QVERIFY(o.value("win").isNull());
    QCOMPARE(o.value("len").toInt(), 0);
    QCOMPARE(o.value("stream").toInt(), 0);
    QCOMPARE(o.value("source").toString(), QStringLiteral("inferred"));
    QCOMPARE(o.value("options").toArray().size(), 0);
}

void TstLabEvent::jsonOfStateAndData()
{
    LabEvent s;
    s.kind = EventKind::State;
    s.source = EventSource::Kernel;
    s.side = Side::Server;
    s.from = TcpState::Closed;
    s.to = TcpState::Listen;
    QCOMPARE(s.toJson().value("from").toString(), QStringLiteral("CLOSED"));
    QCOMPARE(s.toJson().value("to").toString(), QStringLiteral("LISTEN"));

    LabEvent d;
    d.kind = EventKind::Data;
    d.bytes = QByteArray("\xe4\xbd\xa0", 3);
    const QJsonObject o = d.toJson();
    QCOMPARE(o.value("text").toString(), QStringLiteral("你"));
    QCOMPARE(o.value("encoding").toString(), QStringLiteral("utf-8"));
    QCOMPARE(o.value("hex").toString(), QStringLiteral("e4 bd a0"));
    QCOMPARE(o.value("bytes").toInt(), 3);
}

void TstLabEvent::textDecodesUtf8()
{
    LabEvent d;
    d.bytes = QStringLiteral("你已连接成功。").toUtf8();
    QCOMPARE(d.text(), QStringLiteral("你已连接成功。"));
    // Text in the wrong encoding never crashes: invalid bytes become U+FFFD.
    d.bytes = QByteArray("\xc4\xe3\xba\xc3", 4); // "你好" in GBK
    QVERIFY(d.text().contains(QChar(0xFFFD)));
    d.encoding = QStringLiteral("no-such-encoding");
    QVERIFY(!d.text().isEmpty());
}

void TstLabEvent::modelColumns()
{
    Timeline t;
    QCOMPARE(t.columnCount(), int(Timeline::ColumnCount));
    LabEvent e;
    e.tUs = 12345;
    e.kind = EventKind::State;
    e.source = EventSource::Kernel;
    e.side = Side::Server;
    e.socket = QStringLiteral("listener");
    e.from = TcpState::Closed;
    e.to = TcpState::Listen;
    t.append(e);
    QCOMPARE(t.rowCount(), 1);
    QCOMPARE(t.data(t.index(0, Timeline::TimeColumn)).toString(), QStringLiteral("12.345"));
    QCOMPARE(t.data(t.index(0, Timeline::SideColumn)).toString(),
        QStringLiteral("server (listening socket)"));
    QCOMPARE(t.data(t.index(0, Timeline::SourceColumn)).toString(),
        QStringLiteral("read from the kernel"));
    QCOMPARE(t.data(t.index(0, Timeline::EventColumn)).toString(),
        QStringLiteral("CLOSED → LISTEN (waiting for connections)"));
    QCOMPARE(t.data(t.index(0, 0), Timeline::SourceRole).toInt(), int(EventSource::Kernel));
    QCOMPARE(t.headerData(Timeline::EventColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Event"));
}

void TstLabEvent::clearRestartsClock()
{
    Timeline t;
    t.append(LabEvent {});
    QTest::qWait(20);
    QVERIFY(t.nowUs() >= 20000);
    t.clear();
    QCOMPARE(t.size(), 0);
    QVERIFY(t.nowUs() < 20000);
}

void TstLabEvent::stateNames_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("name");
    QTest::newRow("CLOSED") << int(TcpState::Closed) << "CLOSED";
    QTest::newRow("LISTEN") << int(TcpState::Listen) << "LISTEN";
    QTest::newRow("SYN-SENT") << int(TcpState::SynSent) << "SYN-SENT";
    QTest::newRow("SYN-RECEIVED") << int(TcpState::SynReceived) << "SYN-RECEIVED";
    QTest::newRow("ESTABLISHED") << int(TcpState::Established) << "ESTABLISHED";
    QTest::newRow("FIN-WAIT-1") << int(TcpState::FinWait1) << "FIN-WAIT-1";
    QTest::newRow("FIN-WAIT-2") << int(TcpState::FinWait2) << "FIN-WAIT-2";
    QTest::newRow("CLOSE-WAIT") << int(TcpState::CloseWait) << "CLOSE-WAIT";
    QTest::newRow("CLOSING") << int(TcpState::Closing) << "CLOSING";
    QTest::newRow("LAST-ACK") << int(TcpState::LastAck) << "LAST-ACK";
    QTest::newRow("TIME-WAIT") << int(TcpState::TimeWait) << "TIME-WAIT";
}

void TstLabEvent::stateNames()
{
    QFETCH(int, state);
    QFETCH(QString, name);
    QCOMPARE(tcpStateName(TcpState(state)), name);
    QCOMPARE(tcpStateFromName(name), std::optional<TcpState>(TcpState(state)));
    QVERIFY(!tcpStateGloss(TcpState(state)).isEmpty());
}

void TstLabEvent::linuxStates_data()
{
    QTest::addColumn<int>("linux");
    QTest::addColumn<int>("state");
    // include/net/tcp_states.h
    QTest::newRow("ESTABLISHED") << 1 << int(TcpState::Established);
    QTest::newRow("SYN_SENT") << 2 << int(TcpState::SynSent);
    QTest::newRow("SYN_RECV") << 3 << int(TcpState::SynReceived);
    QTest::newRow("FIN_WAIT1") << 4 << int(TcpState::FinWait1);
    QTest::newRow("FIN_WAIT2") << 5 << int(TcpState::FinWait2);
    QTest::newRow("TIME_WAIT") << 6 << int(TcpState::TimeWait);
    QTest::newRow("CLOSE") << 7 << int(TcpState::Closed);
    QTest::newRow("CLOSE_WAIT") << 8 << int(TcpState::CloseWait);
    QTest::newRow("LAST_ACK") << 9 << int(TcpState::LastAck);
    QTest::newRow("LISTEN") << 10 << int(TcpState::Listen);
    QTest::newRow("CLOSING") << 11 << int(TcpState::Closing);
    QTest::newRow("NEW_SYN_RECV") << 12 << int(TcpState::SynReceived);
    QTest::newRow("unknown") << 99 << int(TcpState::Unknown);
}

void TstLabEvent::linuxStates()
{
    QFETCH(int, linux);
    QFETCH(int, state);
    QCOMPARE(tcpStateFromLinux(linux), TcpState(state));
}

void TstLabEvent::describeSegment()
{
    LabEvent e;
    e.kind = EventKind::Segment;
    e.side = Side::Client;
    e.flags = { QStringLiteral("PSH"), QStringLiteral("ACK") };
    e.seq = 1;
    e.ack = 1;
    e.len = 12;
    QCOMPARE(EventText::segmentLabel(e), QStringLiteral("PSH,ACK seq=1 ack=1 len=12"));
    QCOMPARE(EventText::describe(e),
        QStringLiteral("segment client → server: PSH,ACK seq=1 ack=1 len=12"));
}

QTEST_GUILESS_MAIN(TstLabEvent)
#include "tst_labevent.moc"
