// The command line as a script or a teacher uses it: the socketlab binary
// run headless over real loopback sockets, its JSON Lines and exit codes,
// --serve against the seed's own Python client, and bad input.

#include "labtest.h"
#include "seedprograms.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <unistd.h>

namespace {

const QString kBinary = QStringLiteral(SOCKETLAB_BINARY);

using Run = LabTest::CliRun;

Run run(const QStringList &args, int timeoutMs = 20000)
{
    return LabTest::runCli(args, timeoutMs);
}

int find(const QList<QJsonObject> &events, const QJsonObject &want, int from = 0)
{
    return LabTest::findEvent(events, want, from);
}

QJsonObject obj(std::initializer_list<QPair<QString, QJsonValue>> kv)
{
    QJsonObject o;
    for (const auto &p : kv)
        o.insert(p.first, p.second);
    return o;
}

/** The width and height of PNG file @p path (from its IHDR chunk); invalid if it is no PNG. */
QSize pngSize(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = f.read(24);
    if (head.size() < 24 || head.left(8) != QByteArray("\x89PNG\r\n\x1a\n", 8))
        return {};
    // IHDR: width and height, big-endian, at bytes 16..23.
    auto be32 = [&](int at) {
        return int((quint32(quint8(head[at])) << 24) | (quint32(quint8(head[at + 1])) << 16)
            | (quint32(quint8(head[at + 2])) << 8) | quint32(quint8(head[at + 3])));
    };
    return { be32(16), be32(20) };
}

} // namespace

class TstCli : public QObject
{
    Q_OBJECT

private slots:
    void demoJsonOrder_data();
    void demoJsonOrder();
    void demoPrintChinese();
    void listShowsDemos();
    void scenarioJson();
    void scenarioScreenshotAtStep();
    void scriptedDemos();
    void serveAnswersSeedClient();
    void clientAgainstServe();
    void udpEcho();
    void httpHelloDemo();
    void busyPort_data();
    void busyPort();
    void refusedConnection();
    void invalidAddress();
    void badArguments_data();
    void badArguments();
    void screenshotWritesPng();
    void apiScreenshotTriesTheCall();
    void unwritableOutputFails();
};

void TstCli::demoJsonOrder_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("segmentSource");
    // By default the echo is captured where the helper may capture (root here in CI),
    // else its segments are inferred; --no-capture always infers them.
    QTest::newRow("default") << QStringList()
                             << QString::fromLatin1(::geteuid() == 0 ? "capture" : "inferred");
    QTest::newRow("no-capture") << QStringList { QStringLiteral("--no-capture") }
                                << QStringLiteral("inferred");
}

void TstCli::demoJsonOrder()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, segmentSource);
    const Run r = run(QStringList { QStringLiteral("--demo"), QStringLiteral("tcp-echo"),
                          QStringLiteral("--json") }
        + extra);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.events.size() > 20, qPrintable(r.out));
    for (const QJsonObject &e : r.events) {
        QVERIFY(e.contains(QStringLiteral("t_us")));
        QVERIFY(!e.value(QStringLiteral("source")).toString().isEmpty());
        QVERIFY(!e.value(QStringLiteral("side")).toString().isEmpty());
    }
    // Time order.
    for (int i = 1; i < r.events.size(); ++i)
        QVERIFY(r.events[i - 1].value(QStringLiteral("t_us")).toDouble()
            <= r.events[i].value(QStringLiteral("t_us")).toDouble());

    const int listen = find(r.events,
        obj({ { "kind", "state" }, { "side", "server" }, { "to", "LISTEN" },
            { "source", "kernel" } }));
    const int connectStart = find(r.events,
        obj({ { "kind", "call" }, { "call", "connect" }, { "phase", "start" },
            { "source", "app" } }));
    const int syn = find(r.events,
        obj({ { "kind", "segment" }, { "flags", "SYN" }, { "side", "client" }, { "seq", 0 } }));
    const int synAck = find(r.events,
        obj({ { "kind", "segment" }, { "flags", "SYN,ACK" }, { "side", "server" }, { "seq", 0 },
            { "ack", 1 } }));
    const int ack = find(r.events,
        obj({ { "kind", "segment" }, { "flags", "ACK" }, { "side", "client" }, { "seq", 1 },
            { "ack", 1 } }));
    const int connectReturn = find(r.events,
        obj({ { "kind", "call" }, { "call", "connect" }, { "phase", "return" }, { "result", 0 } }));
    const int serverData = find(r.events,
        obj({ { "kind", "data" }, { "side", "server" }, { "text", QStringLiteral("请求连接") },
            { "bytes", 12 } }));
    const int clientData = find(r.events,
        obj({ { "kind", "data" }, { "side", "client" },
            { "text", QStringLiteral("你已连接成功。") }, { "bytes", 21 } }));
    const int fin = find(r.events,
        obj({ { "kind", "segment" }, { "flags", "FIN,ACK" }, { "side", "server" }, { "seq", 22 },
            { "ack", 13 } }));
    QVERIFY(listen >= 0);
    QVERIFY(listen < connectStart);
    QVERIFY(connectStart < syn);
    QVERIFY(syn < synAck);
    QVERIFY(synAck < ack);
    QVERIFY(ack < connectReturn);
    QVERIFY(connectReturn < serverData);
    QVERIFY(serverData < clientData);
    QVERIFY(fin > serverData); // the server closes right after its sendall
    // … and a FIN follows the client's data: the client's own close.
    QVERIFY(find(r.events,
                obj({ { "kind", "segment" }, { "flags", "FIN,ACK" }, { "side", "client" },
                    { "seq", 13 }, { "ack", 23 } }),
                clientData)
        > clientData);
    // Segments say where they come from: deduced ones have no raw sequence number.
    QCOMPARE(r.events[syn].value(QStringLiteral("source")).toString(), segmentSource);
    QCOMPARE(r.events[syn].value(QStringLiteral("seq_raw")).isNull(),
        segmentSource == QLatin1String("inferred"));
    // ESTABLISHED on both sides read from the kernel.
    QVERIFY(find(r.events,
                obj({ { "kind", "state" }, { "side", "client" }, { "to", "ESTABLISHED" },
                    { "source", "kernel" } }))
        > syn);
    QVERIFY(find(r.events,
                obj({ { "kind", "state" }, { "side", "server" }, { "socket", "conn" },
                    { "to", "ESTABLISHED" }, { "source", "kernel" } }))
        > syn);
    // The brief handshake states are never claimed as kernel readings.
    QCOMPARE(
        find(r.events, obj({ { "kind", "state" }, { "to", "SYN-SENT" }, { "source", "kernel" } })),
        -1);
    QVERIFY(
        find(r.events, obj({ { "kind", "state" }, { "to", "SYN-SENT" }, { "source", "inferred" } }))
        >= 0);
    // After both closes: the server (first to close) in TIME-WAIT, the client CLOSED.
    QVERIFY(find(r.events,
                obj({ { "kind", "state" }, { "side", "server" }, { "to", "TIME-WAIT" },
                    { "source", "kernel" } }))
        > fin);
    QVERIFY(find(r.events,
                obj({ { "kind", "state" }, { "side", "client" }, { "to", "CLOSED" },
                    { "source", "kernel" } }))
        > fin);
}

void TstCli::demoPrintChinese()
{
    const Run r = run({ QStringLiteral("--demo"), QStringLiteral("tcp-echo"),
        QStringLiteral("--print"), QStringLiteral("--lang"), QStringLiteral("zh_CN") });
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("内核读取")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("由调用推断")));
    QVERIFY(r.out.contains(QStringLiteral("收到 12 字节：\"请求连接\"")));
    QVERIFY(r.out.contains(QStringLiteral("CLOSED → LISTEN")));
    QVERIFY(!r.out.contains(QStringLiteral("read from the kernel")));
    const Run en = run({ QStringLiteral("--demo"), QStringLiteral("tcp-echo"),
        QStringLiteral("--print"), QStringLiteral("--lang"), QStringLiteral("en") });
    QCOMPARE(en.code, 0);
    QVERIFY(en.out.contains(QStringLiteral("read from the kernel")));
    QVERIFY(en.out.contains(QStringLiteral("received 21 bytes: \"你已连接成功。\"")));
}

void TstCli::listShowsDemos()
{
    const Run r = run({ QStringLiteral("--list"), QStringLiteral("--lang"), QStringLiteral("en") });
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QStringLiteral("\n  tcp-echo ")), qPrintable(r.out));
    for (const char *name :
        { "three-way-handshake", "tcp-echo", "four-way-close", "three-segment-close",
            "connection-refused", "syn-retransmit", "syn-retransmit-linux", "simultaneous-open",
            "simultaneous-close", "half-close", "abort", "backlog-full", "udp-echo" })
        QVERIFY2(r.out.contains(QStringLiteral("  %1 ").arg(QLatin1String(name))), name);
}

void TstCli::scenarioJson()
{
    // The acceptance of issue 3: SYN (seq 0), SYN,ACK (ack 1), ACK (ack 1); the client
    // SYN-SENT then ESTABLISHED, the server SYN-RECEIVED then ESTABLISHED; t_us in model time.
    const Run r = run({ QStringLiteral("--scenario"), QStringLiteral("three-way-handshake"),
        QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    QStringList segments, client, server;
    for (const QJsonObject &e : r.events) {
        QCOMPARE(e.value(QStringLiteral("source")).toString(), QStringLiteral("model"));
        const QString kind = e.value(QStringLiteral("kind")).toString();
        if (kind == QLatin1String("segment"))
            segments << QStringLiteral("%1 seq=%2 ack=%3")
                            .arg(e.value(QStringLiteral("flags")).toString())
                            .arg(e.value(QStringLiteral("seq")).toInt())
                            .arg(e.value(QStringLiteral("ack")).isNull()
                                    ? QStringLiteral("-")
                                    : QString::number(e.value(QStringLiteral("ack")).toInt()));
        if (kind == QLatin1String("state")
            && e.value(QStringLiteral("socket")).toString() != QLatin1String("listener"))
            (e.value(QStringLiteral("side")).toString() == QLatin1String("client") ? client
                                                                                   : server)
                << e.value(QStringLiteral("to")).toString();
    }
    QCOMPARE(
        segments, (QStringList { "SYN seq=0 ack=-", "SYN,ACK seq=0 ack=1", "ACK seq=1 ack=1" }));
    QCOMPARE(client, (QStringList { "SYN-SENT", "ESTABLISHED" }));
    QCOMPARE(server, (QStringList { "SYN-RECEIVED", "ESTABLISHED" }));
    QCOMPARE(r.events.first().value(QStringLiteral("t_us")).toInteger(), 0);

    const Run bad = run({ QStringLiteral("--scenario"), QStringLiteral("nope"),
        QStringLiteral("--json"), QStringLiteral("--lang"), QStringLiteral("en") });
    QCOMPARE(bad.code, 2);
    QVERIFY(bad.err.contains(QStringLiteral("unknown scenario: nope")));
}

void TstCli::scenarioScreenshotAtStep()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("step.png"));
    const Run r = run({ QStringLiteral("--scenario"), QStringLiteral("three-way-handshake"),
                          QStringLiteral("--screenshot"), file, QStringLiteral("--step"),
                          QStringLiteral("9"), QStringLiteral("--lang"), QStringLiteral("en") },
        60000);
    QCOMPARE(r.code, 0);
    QVERIFY(QFile::exists(file));
    QVERIFY(QFileInfo(file).size() > 10000);
}

void TstCli::scriptedDemos()
{
    // Issue 4's acceptance: two sendall() calls, each carrying its text, whose
    // bytes arrive together in one data event of the receiver …
    const Run s = run({ QStringLiteral("--demo"), QStringLiteral("stream-boundaries"),
        QStringLiteral("--json") });
    QCOMPARE(s.code, 0);
    const int send1 = find(s.events,
        obj({ { "kind", "call" }, { "call", "sendall" }, { "phase", "start" }, { "side", "client" },
            { "text", QStringLiteral("请求") } }));
    const int send2 = find(s.events,
        obj({ { "kind", "call" }, { "call", "sendall" }, { "phase", "start" }, { "side", "client" },
            { "text", QStringLiteral("连接") } }));
    const int data = find(s.events,
        obj({ { "kind", "data" }, { "side", "server" }, { "text", QStringLiteral("请求连接") },
            { "bytes", 12 } }));
    QVERIFY2(send1 >= 0 && send1 < send2 && send2 < data, qPrintable(s.err));
    QCOMPARE(find(s.events, obj({ { "kind", "data" } })), data); // the first recv() got both

    // … and a call failing with errno 11 (EAGAIN), then a timeout.
    const Run n = run(
        { QStringLiteral("--demo"), QStringLiteral("nonblocking"), QStringLiteral("--json") });
    QCOMPARE(n.code, 0);
    const int accept = find(n.events,
        obj({ { "kind", "call" }, { "call", "accept" }, { "phase", "return" }, { "errno", 11 },
            { "error", "EAGAIN" } }));
    const int recv = find(n.events,
        obj({ { "kind", "call" }, { "call", "recv" }, { "phase", "return" }, { "errno", 11 },
            { "error", "EAGAIN" } }));
    const int timeout = find(n.events,
        obj({ { "kind", "call" }, { "call", "recv" }, { "phase", "return" },
            { "error", "timeout" } }));
    const int hello = find(n.events,
        obj({ { "kind", "data" }, { "side", "server" }, { "text", QStringLiteral("你好") },
            { "bytes", 6 } }));
    QVERIFY2(accept >= 0 && accept < recv && recv < timeout && timeout < hello, qPrintable(n.err));

    const Run l = run({ QStringLiteral("--list"), QStringLiteral("--lang"), QStringLiteral("en") });
    QVERIFY(l.out.contains(QStringLiteral("\n  stream-boundaries ")));
    QVERIFY(l.out.contains(QStringLiteral("\n  nonblocking ")));
    for (const char *name :
        { "eof-and-reset", "time-wait-restart", "ipv6-dual-stack", "listen-backlog" })
        QVERIFY2(l.out.contains(QStringLiteral("\n  %1 ").arg(QLatin1String(name))), name);
    // The new scripted demos run from the command line; --serve refuses them.
    const Run e = run(
        { QStringLiteral("--demo"), QStringLiteral("eof-and-reset"), QStringLiteral("--json") });
    QCOMPARE(e.code, 0);
    QVERIFY2(find(e.events,
                 obj({ { "kind", "call" }, { "call", "recv" }, { "phase", "return" },
                     { "errno", 104 }, { "error", "ECONNRESET" } }))
            >= 0,
        qPrintable(e.err));
    const Run sv = run({ QStringLiteral("--serve"), QStringLiteral("listen-backlog") });
    QCOMPARE(sv.code, 2);
}

void TstCli::serveAnswersSeedClient()
{
    if (SeedPrograms::seedPath().isEmpty())
        QSKIP("../shared/seed/socket-basics.md is absent: the seed's client cannot be extracted");
    if (SeedPrograms::python().isEmpty())
        QSKIP("python3 is not installed: the seed's client cannot run");
    const quint16 port = SeedPrograms::freePort();
    QProcess server;
    server.start(kBinary,
        { QStringLiteral("--serve"), QStringLiteral("tcp-echo"), QStringLiteral("--port"),
            QString::number(port), QStringLiteral("--json") });
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10000);
    // With --json the announcement is a JSON object too, so the output stays JSON Lines.
    const QJsonObject first = QJsonDocument::fromJson(server.readLine()).object();
    QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("listening"));
    QCOMPARE(first.value(QStringLiteral("text")).toString(),
        QStringLiteral("listening on 127.0.0.1:%1").arg(port));
    QCOMPARE(first.value(QStringLiteral("port")).toInt(), int(port));

    QTemporaryDir dir;
    const QString code = SeedPrograms::tcpClient(port);
    QVERIFY2(!code.isEmpty(), "the seed has no TCP client block");
    QProcess client;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(
        QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8")); // the seed prints Chinese
    client.setProcessEnvironment(env);
    client.start(SeedPrograms::python(),
        { QStringLiteral("-u"), SeedPrograms::write(dir, QStringLiteral("client.py"), code) });
    QVERIFY(client.waitForFinished(10000));
    QCOMPARE(client.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(client.readAllStandardOutput()), QStringLiteral("你已连接成功。\n"));

    // The server keeps serving: a second client gets the same answer.
    QProcess again;
    again.setProcessEnvironment(env);
    again.start(SeedPrograms::python(),
        { QStringLiteral("-u"), dir.filePath(QStringLiteral("client.py")) });
    QVERIFY(again.waitForFinished(10000));
    QCOMPARE(QString::fromUtf8(again.readAllStandardOutput()), QStringLiteral("你已连接成功。\n"));

    ::kill(pid_t(server.processId()), SIGINT);
    QVERIFY(server.waitForFinished(5000));
    QCOMPARE(server.exitCode(), 0);
    const QString out = QString::fromUtf8(server.readAll());
    QVERIFY2(out.contains(QStringLiteral("\"text\":\"请求连接\"")), qPrintable(out));
    // Printed as it happens, yet in time order (inferred events are stamped a little in the past).
    double last = -1;
    int lines = 0;
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const double t = QJsonDocument::fromJson(line.toUtf8())
                             .object()
                             .value(QStringLiteral("t_us"))
                             .toDouble();
        QVERIFY2(t >= last, qPrintable(line));
        last = t;
        ++lines;
    }
    QVERIFY(lines > 30);
    // Stopping is no failure: the interrupted accept() is not reported.
    QVERIFY(!out.contains(QStringLiteral("EBADF")));
}

void TstCli::clientAgainstServe()
{
    const quint16 port = SeedPrograms::freePort();
    QProcess server;
    server.start(kBinary,
        { QStringLiteral("--serve"), QStringLiteral("tcp-echo"), QStringLiteral("--port"),
            QString::number(port) });
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10000);
    QCOMPARE(QString::fromUtf8(server.readLine()),
        QStringLiteral("listening on 127.0.0.1:%1\n").arg(port));
    const Run r = run({ QStringLiteral("--client"), QStringLiteral("tcp-echo"),
        QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
        QString::number(port), QStringLiteral("--json") });
    ::kill(pid_t(server.processId()), SIGTERM);
    QVERIFY(server.waitForFinished(5000));
    QCOMPARE(r.code, 0);
    QVERIFY(find(r.events,
                obj({ { "kind", "data" }, { "side", "client" },
                    { "text", QStringLiteral("你已连接成功。") } }))
        >= 0);
    QVERIFY(find(r.events,
                obj({ { "kind", "call" }, { "call", "connect" }, { "phase", "return" },
                    { "result", 0 } }))
        >= 0);
}

void TstCli::httpHelloDemo()
{
    const Run r
        = run({ QStringLiteral("--demo"), QStringLiteral("http-hello"), QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    const int request
        = find(r.events, obj({ { "kind", "data" }, { "side", "server" }, { "socket", "conn" } }));
    QVERIFY2(request >= 0, qPrintable(r.out));
    QVERIFY(r.events[request]
                .value(QStringLiteral("text"))
                .toString()
                .startsWith(QStringLiteral("GET / HTTP/1.1\r\nHost: 127.0.0.1:")));
    QString response;
    for (const QJsonObject &e : r.events) {
        if (e.value(QStringLiteral("kind")) == QStringLiteral("data")
            && e.value(QStringLiteral("side")) == QStringLiteral("client"))
            response += e.value(QStringLiteral("text")).toString();
    }
    QCOMPARE(response, QStringLiteral("HTTP/1.1 200 OK\r\n\r\nHello, World"));
    const int synAck = find(r.events, obj({ { "kind", "segment" }, { "flags", "SYN,ACK" } }));
    QVERIFY(synAck >= 0 && synAck < request);
    // Captured where the helper may capture (root here in CI), else inferred; either way
    // the client's segments carry the request's bytes, the server's the response's.
    const QString source = QString::fromLatin1(::geteuid() == 0 ? "capture" : "inferred");
    qint64 sent[2] = { 0, 0 };
    for (const QJsonObject &e : r.events) {
        if (e.value(QStringLiteral("kind")) != QStringLiteral("segment"))
            continue;
        QCOMPARE(e.value(QStringLiteral("source")).toString(), source);
        sent[e.value(QStringLiteral("side")) == QStringLiteral("client") ? 0 : 1]
            += e.value(QStringLiteral("len")).toInteger();
    }
    QCOMPARE(sent[0], r.events[request].value(QStringLiteral("bytes")).toInteger());
    QCOMPARE(sent[1], qint64(response.toUtf8().size()));
}

void TstCli::udpEcho()
{
    // The demo: a datagram each way, the seed's reply, and no connection states.
    const Run r
        = run({ QStringLiteral("--demo"), QStringLiteral("udp-echo"), QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    QStringList datagrams;
    for (const QJsonObject &e : r.events) {
        const QString kind = e.value(QStringLiteral("kind")).toString();
        QVERIFY2(
            kind != QLatin1String("state") && kind != QLatin1String("segment"), qPrintable(r.out));
        if (kind == QLatin1String("datagram"))
            datagrams << QStringLiteral("%1 %2 %3 %4")
                             .arg(e.value(QStringLiteral("side")).toString(),
                                 e.value(QStringLiteral("source")).toString())
                             .arg(e.value(QStringLiteral("len")).toInt())
                             .arg(e.value(QStringLiteral("text")).toString());
    }
    QCOMPARE(datagrams,
        (QStringList { QStringLiteral("client inferred 6 你好"),
            QStringLiteral("server inferred 43 IP:127.0.0.1,you are just send one message.") }));
    QVERIFY(find(r.events,
                obj({ { "kind", "data" }, { "side", "server" }, { "text", QStringLiteral("你好") },
                    { "bytes", 6 } }))
        >= 0);
    QVERIFY(find(r.events,
                obj({ { "kind", "data" }, { "side", "client" },
                    { "text", QStringLiteral("IP:127.0.0.1,you are just send one message.") },
                    { "bytes", 43 } }))
        >= 0);

    // --serve answers --client, datagram by datagram, until interrupted.
    const quint16 port = SeedPrograms::freePort(SOCK_DGRAM);
    QProcess server;
    server.start(kBinary,
        { QStringLiteral("--serve"), QStringLiteral("udp-echo"), QStringLiteral("--port"),
            QString::number(port), QStringLiteral("--json") });
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10000);
    const QJsonObject first = QJsonDocument::fromJson(server.readLine()).object();
    QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("listening"));
    QCOMPARE(first.value(QStringLiteral("text")).toString(),
        QStringLiteral("listening on 127.0.0.1:%1").arg(port));
    QCOMPARE(first.value(QStringLiteral("port")).toInt(), int(port));
    for (int i = 0; i < 2; ++i) {
        const Run c = run({ QStringLiteral("--client"), QStringLiteral("udp-echo"),
            QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
            QString::number(port), QStringLiteral("--json") });
        QCOMPARE(c.code, 0);
        QVERIFY2(
            find(c.events,
                obj({ { "kind", "data" }, { "side", "client" },
                    { "text", QStringLiteral("IP:127.0.0.1,you are just send one message.") } }))
                >= 0,
            qPrintable(c.out));
        QCOMPARE(find(c.events, obj({ { "kind", "state" } })), -1);
    }
    ::kill(pid_t(server.processId()), SIGINT);
    QVERIFY(server.waitForFinished(5000));
    QCOMPARE(server.exitCode(), 0);
    const QString out = QString::fromUtf8(server.readAll());
    // Each client's datagram (inferred on arrival: another process sent it) and the reply.
    QCOMPARE(out.count(QStringLiteral("\"kind\":\"datagram\"")), 4);
    QCOMPARE(out.count(QStringLiteral("\"kind\":\"state\"")), 0);
    QVERIFY(!out.contains(QStringLiteral("EBADF"))); // stopping is no failure
}

void TstCli::busyPort_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("words");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("address already in use");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("地址已被占用");
}

void TstCli::busyPort()
{
    QFETCH(QString, lang);
    QFETCH(QString, words);
    // Another program listens on the port: bind fails even with SO_REUSEADDR.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a), 0);
    QCOMPARE(::listen(fd, 1), 0);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    const quint16 port = ntohs(a.sin_port);
    const Run r
        = run({ QStringLiteral("--serve"), QStringLiteral("tcp-echo"), QStringLiteral("--port"),
                  QString::number(port), QStringLiteral("--lang"), lang },
            10000);
    ::close(fd);
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("EADDRINUSE 98")), qPrintable(r.err));
    QVERIFY2(r.err.contains(words), qPrintable(r.err));
    // Never announced; the events so far (socket, the failed bind) are printed.
    QVERIFY(!r.out.startsWith(QStringLiteral("listening on")));
    QVERIFY2(r.out.contains(QStringLiteral("EADDRINUSE 98")), qPrintable(r.out));
}

void TstCli::refusedConnection()
{
    const quint16 port = SeedPrograms::freePort();
    const Run r = run({ QStringLiteral("--client"), QStringLiteral("tcp-echo"),
        QStringLiteral("--port"), QString::number(port), QStringLiteral("--json"),
        QStringLiteral("--lang"), QStringLiteral("en") });
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("ECONNREFUSED 111")), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("connection refused")));
    const int ret = find(r.events,
        obj({ { "kind", "call" }, { "call", "connect" }, { "phase", "return" }, { "errno", 111 },
            { "error", "ECONNREFUSED" } }));
    QVERIFY(ret >= 0);
    const int rst = find(r.events,
        obj({ { "kind", "segment" }, { "flags", "RST,ACK" }, { "side", "server" }, { "seq", 0 },
            { "ack", 1 }, { "source", "inferred" } }));
    QVERIFY(rst >= 0);
    QVERIFY(rst < ret);
    QCOMPARE(find(r.events, obj({ { "kind", "segment" }, { "flags", "SYN,ACK" } })), -1);
}

void TstCli::invalidAddress()
{
    const Run r = run({ QStringLiteral("--client"), QStringLiteral("tcp-echo"),
        QStringLiteral("--host"), QStringLiteral("999.1.1.1"), QStringLiteral("--json"),
        QStringLiteral("--lang"), QStringLiteral("zh_CN") });
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(QStringLiteral("EAI_NONAME")), qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("不是有效地址")));
    // Nothing was sent: no segment at all.
    QCOMPARE(find(r.events, obj({ { "kind", "segment" } })), -1);
}

void TstCli::badArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown demo") << QStringList { QStringLiteral("--demo"), QStringLiteral("nope"),
        QStringLiteral("--json"), QStringLiteral("--lang"), QStringLiteral("en") }
                                  << QStringLiteral("unknown demo: nope");
    QTest::newRow("bad port") << QStringList { QStringLiteral("--serve"),
        QStringLiteral("tcp-echo"), QStringLiteral("--port"), QStringLiteral("70000"),
        QStringLiteral("--lang"), QStringLiteral("en") }
                              << QStringLiteral("invalid port: 70000");
    QTest::newRow("bad language") << QStringList { QStringLiteral("--list"),
        QStringLiteral("--lang"), QStringLiteral("fr") }
                                  << QStringLiteral("unsupported language: fr");
    QTest::newRow("json alone") << QStringList { QStringLiteral("--json"), QStringLiteral("--lang"),
        QStringLiteral("en") } << QStringLiteral("--json and --print need");
    QTest::newRow("unknown option")
        << QStringList { QStringLiteral("--bogus"), QStringLiteral("--lang"), QStringLiteral("en") }
        << QStringLiteral("(see --help)");
    QTest::newRow("stray word") << QStringList { QStringLiteral("foo"), QStringLiteral("--lang"),
        QStringLiteral("en") } << QStringLiteral("unexpected argument: foo");
    QTest::newRow("json and print") << QStringList { QStringLiteral("--demo"),
        QStringLiteral("tcp-echo"), QStringLiteral("--json"), QStringLiteral("--print"),
        QStringLiteral("--lang"), QStringLiteral("en") }
                                    << QStringLiteral("choose one of --json and --print");
    QTest::newRow("two modes") << QStringList {
        QStringLiteral("--demo"), QStringLiteral("tcp-echo"), QStringLiteral("--client"),
        QStringLiteral("tcp-echo"), QStringLiteral("--lang"), QStringLiteral("en")
    } << QStringLiteral("choose one of --demo, --scenario, --api, --serve, --client and --list");
    QTest::newRow("unknown api name") << QStringList { QStringLiteral("--api"),
        QStringLiteral("SOCK_FOO"), QStringLiteral("--lang"), QStringLiteral("en") }
                                      << QStringLiteral("unknown name for --api: SOCK_FOO");
    QTest::newRow("api with json") << QStringList { QStringLiteral("--api"),
        QStringLiteral("connect_ex"), QStringLiteral("--json"), QStringLiteral("--lang"),
        QStringLiteral("en") } << QStringLiteral("--api opens the window");
    QTest::newRow("empty screenshot") << QStringList { QStringLiteral("--screenshot="),
        QStringLiteral("--lang"), QStringLiteral("en") }
                                      << QStringLiteral("--screenshot needs a file name");
    QTest::newRow("option as file name") << QStringList { QStringLiteral("--screenshot"),
        QStringLiteral("--json") } << QStringLiteral("--screenshot needs a file name");
    QTest::newRow("image format") << QStringList { QStringLiteral("--screenshot"),
        QStringLiteral("/tmp/x.txt"), QStringLiteral("--lang"), QStringLiteral("en") }
                                  << QStringLiteral("cannot write .txt images");
    QTest::newRow("traditional chinese") << QStringList { QStringLiteral("--list"),
        QStringLiteral("--lang"), QStringLiteral("zh_TW") }
                                         << QStringLiteral("unsupported language: zh_TW");
    QTest::newRow("step without screenshot") << QStringList { QStringLiteral("--scenario"),
        QStringLiteral("abort"), QStringLiteral("--json"), QStringLiteral("--step"),
        QStringLiteral("3"), QStringLiteral("--lang"), QStringLiteral("en") }
                                             << QStringLiteral("--step needs --screenshot");
    QTest::newRow("bad step") << QStringList { QStringLiteral("--scenario"),
        QStringLiteral("abort"), QStringLiteral("--screenshot"), QStringLiteral("/tmp/x.png"),
        QStringLiteral("--step"), QStringLiteral("-1"), QStringLiteral("--lang"),
        QStringLiteral("en") } << QStringLiteral("invalid step: -1");
    // No DISPLAY and no QT_QPA_PLATFORM (run() removes both): words, not Qt's abort.
    QTest::newRow("no display") << QStringList { QStringLiteral("--lang"), QStringLiteral("en") }
                                << QStringLiteral("no display to open the window on");
    QTest::newRow("unknown demo in window") << QStringList { QStringLiteral("--demo"),
        QStringLiteral("nope"), QStringLiteral("--lang"), QStringLiteral("zh_CN") }
                                            << QStringLiteral("未知的演示：nope");
}

void TstCli::badArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(args, 10000);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
}

void TstCli::unwritableOutputFails()
{
    if (!QFile::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full here: cannot make standard output fail");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.setStandardOutputFile(QStringLiteral("/dev/full")); // every write fails with ENOSPC
    p.start(kBinary,
        { QStringLiteral("--scenario"), QStringLiteral("three-way-handshake"),
            QStringLiteral("--json"), QStringLiteral("--lang"), QStringLiteral("en") });
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 1);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("could not write the output")), qPrintable(err));
}

void TstCli::apiScreenshotTriesTheCall()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("api.png"));
    const Run r = run(
        { QStringLiteral("--api"), QStringLiteral("sk.connect_ex()"),
            QStringLiteral("--screenshot"), file, QStringLiteral("--lang"), QStringLiteral("en") },
        60000);
    QCOMPARE(r.code, 0);
    QCOMPARE(pngSize(file), QSize(1280, 800));
}

void TstCli::screenshotWritesPng()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("shot.png"));
    const Run r = run(
        { QStringLiteral("--demo"), QStringLiteral("tcp-echo"), QStringLiteral("--screenshot"),
            file, QStringLiteral("--lang"), QStringLiteral("zh_CN") },
        60000);
    QCOMPARE(r.code, 0);
    QCOMPARE(pngSize(file), QSize(1280, 800));
}

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"
