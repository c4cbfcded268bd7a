// The seed's UDP echo server and client on real loopback sockets: the exact
// events of the exchange (datagrams, no connection states), settimeout as
// the cure for a client waiting forever, truncation by a small recvfrom,
// and interop with the seed's own Python UDP server and client.

#include "net/nativesocket.h"
#include "programs/udpechoclient.h"
#include "programs/udpechodemo.h"
#include "programs/udpechoserver.h"
#include "seedprograms.h"
#include "timeline/eventtext.h"
#include "timeline/timeline.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>

namespace {

// The seed's own words: the client sends 你好 (6 bytes in UTF-8), the server answers.
const QByteArray kHello = QStringLiteral("你好").toUtf8();
const QByteArray kReply = QByteArrayLiteral("IP:127.0.0.1,you are just send one message.");
const QByteArray kPreparing = QStringLiteral("connect preparing。。。").toUtf8();
const QByteArray kPrompt = QStringLiteral("DATA：").toUtf8();

struct Lab
{
    Timeline timeline;
    UdpEchoServer server { &timeline };
    UdpEchoClient client { &timeline };

    QList<LabEvent> of(EventKind kind, std::optional<Side> side = {}) const
    {
        QList<LabEvent> out;
        for (const LabEvent &e : timeline.events()) {
            if (e.kind == kind && (!side || e.side == *side))
                out << e;
        }
        return out;
    }
    /** The calls of @p side in order: "call phase result", the result as text. */
    QStringList calls(Side side) const
    {
        QStringList out;
        for (const LabEvent &e : of(EventKind::Call, side)) {
            QString line = e.call + QLatin1Char(' ') + callPhaseToken(e.phase);
            if (e.phase == CallPhase::Return)
                line += QLatin1Char(' ')
                    + (e.failed()                ? errorName(e.errorDomain, e.errnum)
                            : e.result.isValid() ? e.result.toString()
                                                 : QStringLiteral("None"));
            out << line;
        }
        return out;
    }
    int indexOf(EventKind kind, Side side) const
    {
        for (int i = 0; i < timeline.size(); ++i) {
            if (timeline.at(i).kind == kind && timeline.at(i).side == side)
                return i;
        }
        return -1;
    }
    /** Starts the server on an ephemeral port and runs it up to recvfrom(). */
    quint16 bind(int bufsize = 1024)
    {
        UdpEchoServer::Config c;
        c.port = 0;
        c.bufsize = bufsize;
        c.serveForever = false;
        server.setConfig(c);
        for (int i = 0; i < UdpEchoServer::RecvFrom; ++i)
            server.step();
        return server.boundAddress().port;
    }
};

// A UDP socket bound on 127.0.0.1 that never answers; its port.
quint16 silentPeer(NativeSocket &peer)
{
    peer.socket(AF_INET, SOCK_DGRAM);
    peer.bind(QStringLiteral("127.0.0.1"), 0);
    return peer.localAddress().port;
}

} // namespace

class TstUdpEcho : public QObject
{
    Q_OBJECT

private slots:
    void demoEvents();
    void oneCallPerStep();
    void serverAnswersEachDatagram();
    void timeoutWhenNobodyAnswers_data();
    void timeoutWhenNobodyAnswers();
    void noTimeoutWaitsForever();
    void truncation();
    void externalLargeAndEmptyDatagrams();
    void labClientAgainstSeedServer();
    void seedClientAgainstLabServer();

private:
    /** python3 and the seed, else a QSKIP with the reason. */
    bool seedReady();
    void startPython(QProcess &process, const QString &script);
};

void TstUdpEcho::demoEvents()
{
    Lab lab;
    UdpEchoDemo demo(&lab.server, &lab.client);
    QSignalSpy finished(&demo, &UdpEchoDemo::finished);
    QVERIFY(finished.isValid());
    demo.start(QStringLiteral("127.0.0.1"), 0);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(!demo.isRunning());

    const quint16 serverPort = lab.server.boundAddress().port;
    const quint16 clientPort = lab.server.lastPeer().port;
    QVERIFY(serverPort != 0);
    QVERIFY(clientPort != 0);
    const QString server = QStringLiteral("127.0.0.1:%1").arg(serverPort);
    const QString client = QStringLiteral("127.0.0.1:%1").arg(clientPort);

    // Two datagrams, one each way, inferred from the sendto() calls.
    const QList<LabEvent> datagrams = lab.of(EventKind::Datagram);
    QCOMPARE(datagrams.size(), 2);
    const LabEvent &hello = datagrams.at(0);
    QCOMPARE(hello.side, Side::Client);
    QCOMPARE(hello.source, EventSource::Inferred);
    QCOMPARE(hello.src, client);
    QCOMPARE(hello.dst, server);
    QCOMPARE(hello.len, 6);
    QCOMPARE(hello.bytes, kHello);
    const LabEvent &reply = datagrams.at(1);
    QCOMPARE(reply.side, Side::Server);
    QCOMPARE(reply.source, EventSource::Inferred);
    QCOMPARE(reply.src, server);
    QCOMPARE(reply.dst, client);
    QCOMPARE(reply.len, 43);
    QCOMPARE(reply.bytes, kReply);

    // What recvfrom() gave each program, byte for byte.
    const QList<LabEvent> serverData = lab.of(EventKind::Data, Side::Server);
    QCOMPARE(serverData.size(), 1);
    QCOMPARE(serverData.at(0).bytes, kHello);
    QCOMPARE(serverData.at(0).text(), QStringLiteral("你好"));
    const QList<LabEvent> clientData = lab.of(EventKind::Data, Side::Client);
    QCOMPARE(clientData.size(), 1);
    QCOMPARE(clientData.at(0).bytes, kReply);
    QCOMPARE(lab.client.reply(), kReply);
    QCOMPARE(lab.client.replyFrom().toString(), server);

    // No connection: no state and no segment at all.
    QVERIFY(lab.of(EventKind::State).isEmpty());
    QVERIFY(lab.of(EventKind::Segment).isEmpty());

    // The calls, with the values Python would show.
    QCOMPARE(lab.calls(Side::Server),
        (QStringList { QStringLiteral("socket return %1")
                           .arg(lab.of(EventKind::Call, Side::Server).at(0).result.toInt()),
            QStringLiteral("bind return 0"), QStringLiteral("recvfrom start"),
            QStringLiteral("recvfrom return (b'\\xe4\\xbd\\xa0\\xe5\\xa5\\xbd', ('127.0.0.1', %1))")
                .arg(clientPort),
            QStringLiteral("sendto return 43") }));
    QCOMPARE(lab.calls(Side::Client),
        (QStringList { QStringLiteral("socket return %1")
                           .arg(lab.of(EventKind::Call, Side::Client).at(0).result.toInt()),
            QStringLiteral("settimeout return None"), QStringLiteral("sendto return 6"),
            QStringLiteral("recvfrom start"),
            QStringLiteral(
                "recvfrom return (b'IP:127.0.0.1,you are just send one message.', ('127.0.0.1', "
                "%1))")
                .arg(serverPort),
            QStringLiteral("close return 0") }));
    const QList<LabEvent> clientCalls = lab.of(EventKind::Call, Side::Client);
    QCOMPARE(clientCalls.at(0).args, (QStringList { "AF_INET", "SOCK_DGRAM" }));
    QCOMPARE(clientCalls.at(1).args, (QStringList { "2" }));
    QCOMPARE(clientCalls.at(2).bytes, kHello); // the payload of the sendto call

    // In the order it happened: the server waits first, then each datagram before its data.
    const int serverWaits = lab.indexOf(EventKind::Call, Side::Server) + 2; // recvfrom start
    QCOMPARE(lab.timeline.at(serverWaits).call, QStringLiteral("recvfrom"));
    QVERIFY(serverWaits < lab.indexOf(EventKind::Call, Side::Client));
    QVERIFY(lab.indexOf(EventKind::Datagram, Side::Client)
        < lab.indexOf(EventKind::Data, Side::Server));
    QVERIFY(lab.indexOf(EventKind::Data, Side::Server)
        < lab.indexOf(EventKind::Datagram, Side::Server));
    QVERIFY(lab.indexOf(EventKind::Datagram, Side::Server)
        < lab.indexOf(EventKind::Data, Side::Client));
    for (int i = 1; i < lab.timeline.size(); ++i)
        QVERIFY(lab.timeline.at(i - 1).tUs <= lab.timeline.at(i).tUs);

    QCOMPARE(lab.server.currentStep(), -1);
    QCOMPARE(lab.client.currentStep(), -1);
    QVERIFY(!lab.server.hasFailed());
    QVERIFY(!lab.client.hasFailed());
}

void TstUdpEcho::oneCallPerStep()
{
    Lab lab;
    QCOMPARE(lab.server.stepNames(),
        (QStringList { "socket(SOCK_DGRAM)", "bind()", "recvfrom(1024)", "sendto()" }));
    QCOMPARE(lab.client.stepNames(),
        (QStringList {
            "socket(SOCK_DGRAM)", "settimeout(2)", "sendto()", "recvfrom(1024)", "close()" }));
    const quint16 port = lab.bind();
    QCOMPARE(lab.server.currentStep(), int(UdpEchoServer::RecvFrom));
    QCOMPARE(lab.timeline.size(), 2); // socket, bind
    lab.server.step();
    QVERIFY(lab.server.isWaiting());
    lab.server.step(); // ignored while waiting
    QCOMPARE(lab.timeline.size(), 3);

    UdpEchoClient::Config c;
    c.port = port;
    lab.client.setConfig(c);
    for (const int s :
        { UdpEchoClient::Socket, UdpEchoClient::SetTimeout, UdpEchoClient::SendTo }) {
        QCOMPARE(lab.client.currentStep(), s);
        lab.client.step();
    }
    QCOMPARE(lab.of(EventKind::Datagram).size(), 1);
    // The server's recvfrom() returns when the datagram arrives, by itself.
    QTRY_COMPARE(lab.server.currentStep(), int(UdpEchoServer::SendTo));
    QVERIFY(!lab.server.isWaiting());
    QCOMPARE(lab.server.lastDatagram(), kHello);
    lab.server.step();
    QCOMPARE(lab.server.currentStep(), -1);
    lab.client.step(); // recvfrom: the reply is already queued
    QTRY_COMPARE(lab.client.currentStep(), int(UdpEchoClient::Close));
    lab.client.step();
    QCOMPARE(lab.client.currentStep(), -1);
    QCOMPARE(lab.client.reply(), kReply);
    QVERIFY(lab.of(EventKind::State).isEmpty());
}

void TstUdpEcho::serverAnswersEachDatagram()
{
    // `while True`: one run per datagram, back to recvfrom() after each sendto().
    Lab lab;
    UdpEchoServer::Config sc;
    sc.port = 0;
    lab.server.setConfig(sc);
    QSignalSpy bound(&lab.server, &UdpEchoServer::bound);
    QVERIFY(bound.isValid());
    lab.server.runToEnd();
    QTRY_VERIFY(lab.server.isWaiting());
    QCOMPARE(bound.size(), 1);
    const quint16 port = lab.server.boundAddress().port;
    QCOMPARE(bound.at(0).at(0).value<SockAddr>().port, port);

    for (const QByteArray &message : { QByteArray("one"), QByteArray("two") }) {
        UdpEchoClient::Config cc;
        cc.port = port;
        cc.message = message;
        lab.client.setConfig(cc);
        lab.client.reset(); // a new client program each time
        lab.client.runToEnd();
        QTRY_VERIFY(!lab.client.isRunning());
        QVERIFY2(!lab.client.hasFailed(), qPrintable(lab.client.lastFailure().errorMessage()));
        QCOMPARE(lab.client.reply(), kReply);
        QTRY_VERIFY(!lab.server.isRunning());
        QCOMPARE(lab.server.lastDatagram(), message);
        QCOMPARE(lab.server.currentStep(), int(UdpEchoServer::RecvFrom));
        lab.server.runToEnd(); // the next run: wait for the next datagram
        QTRY_VERIFY(lab.server.isWaiting());
    }
    QCOMPARE(lab.of(EventKind::Datagram).size(), 4);
    lab.server.stop();
    QVERIFY(!lab.server.isWaiting());
    QVERIFY(!lab.server.hasFailed());
    QCOMPARE(lab.server.currentStep(), int(UdpEchoServer::Socket));
}

void TstUdpEcho::timeoutWhenNobodyAnswers_data()
{
    QTest::addColumn<bool>("silentPeer");
    // A closed port answers with ICMP port unreachable, but an unconnected
    // UDP socket is not told (Linux reports it only to a connected one).
    QTest::newRow("bound, never answers") << true;
    QTest::newRow("closed port") << false;
}

void TstUdpEcho::timeoutWhenNobodyAnswers()
{
    QFETCH(bool, silentPeer);
    NativeSocket peer;
    const quint16 port = silentPeer ? ::silentPeer(peer) : SeedPrograms::freePort(SOCK_DGRAM);
    Lab lab;
    UdpEchoClient::Config c;
    c.port = port;
    c.timeout = 0.5;
    lab.client.setConfig(c);
    QElapsedTimer clock;
    clock.start();
    lab.client.runToEnd();
    QTRY_VERIFY_WITH_TIMEOUT(!lab.client.isRunning(), 5000);
    const qint64 elapsed = clock.elapsed();
    QVERIFY(lab.client.hasFailed());
    const CallResult f = lab.client.lastFailure();
    QCOMPARE(f.call, QStringLiteral("recvfrom"));
    QCOMPARE(f.errorDomain, ErrorDomain::Timeout);
    QVERIFY2(elapsed >= 500, qPrintable(QString::number(elapsed)));
    QVERIFY2(elapsed < 2000, qPrintable(QString::number(elapsed)));
    QCOMPARE(lab.client.currentStep(), int(UdpEchoClient::RecvFrom));
    // The datagram left anyway; recvfrom's return says timeout.
    QCOMPARE(lab.of(EventKind::Datagram).size(), 1);
    QCOMPARE(lab.calls(Side::Client).mid(1),
        (QStringList { "settimeout return None", "sendto return 6", "recvfrom start",
            "recvfrom return timeout" }));
    QVERIFY(lab.of(EventKind::Data).isEmpty());
}

void TstUdpEcho::noTimeoutWaitsForever()
{
    // The seed's client: no settimeout(), so recvfrom() waits as long as nobody answers.
    NativeSocket peer;
    const quint16 port = silentPeer(peer);
    Lab lab;
    UdpEchoClient::Config c;
    c.port = port;
    c.timeout = -1;
    lab.client.setConfig(c);
    QCOMPARE(
        lab.client.stepNames().at(UdpEchoClient::SetTimeout), QStringLiteral("settimeout(None)"));
    lab.client.runToEnd();
    QTRY_VERIFY(lab.client.isWaiting());
    QTest::qWait(500);
    QVERIFY(lab.client.isWaiting());
    QVERIFY(lab.client.isRunning());
    QVERIFY(!lab.client.hasFailed());
    QCOMPARE(lab.client.currentStep(), int(UdpEchoClient::RecvFrom));
    // The seed has no settimeout() call, so neither has the timeline.
    QCOMPARE(lab.calls(Side::Client).mid(1), (QStringList { "sendto return 6", "recvfrom start" }));

    const int before = lab.timeline.size();
    lab.client.reset();
    QVERIFY(!lab.client.isWaiting());
    QVERIFY(!lab.client.isRunning());
    QVERIFY(!lab.client.hasFailed());
    QCOMPARE(lab.client.currentStep(), int(UdpEchoClient::Socket));
    QTest::qWait(50);
    QCOMPARE(lab.timeline.size(), before); // the cancelled recvfrom is no failure
}

void TstUdpEcho::truncation()
{
    // recvfrom(3) of an 8-byte datagram returns 3 bytes; the rest is lost (PLATFORM-NOTES 23).
    NativeSocket receiver;
    const quint16 port = silentPeer(receiver);
    NativeSocket sender;
    QVERIFY(sender.socket(AF_INET, SOCK_DGRAM).ok());
    const CallResult s = sender.sendto("12345678", QStringLiteral("127.0.0.1"), port);
    QVERIFY(s.ok());
    QCOMPARE(s.value.toInt(), 8);
    receiver.settimeout(1);
    QSignalSpy done(&receiver, &NativeSocket::finished);
    CallResult r = receiver.recvfrom(3);
    if (r.pending) {
        QVERIFY(done.wait(2000));
        r = done.takeFirst().at(0).value<CallResult>();
    }
    QVERIFY(r.ok());
    QCOMPARE(r.data, QByteArray("123"));
    QCOMPARE(r.value.toInt(), 3);
    QCOMPARE(r.addr.port, sender.localAddress().port);
    // Nothing of the rest is left: the next recvfrom times out.
    receiver.settimeout(0.2);
    const CallResult next = receiver.recvfrom(1024);
    QVERIFY(next.pending);
    QVERIFY(done.wait(2000));
    QCOMPARE(done.takeFirst().at(0).value<CallResult>().errorDomain, ErrorDomain::Timeout);

    // The lab's server with recvfrom(3): the first 3 bytes of 你好 are 你.
    Lab lab;
    const quint16 serverPort = lab.bind(3);
    lab.server.runToEnd();
    UdpEchoClient::Config c;
    c.port = serverPort;
    lab.client.setConfig(c);
    lab.client.runToEnd();
    QTRY_VERIFY(!lab.client.isRunning());
    QVERIFY(!lab.client.hasFailed());
    QCOMPARE(lab.of(EventKind::Datagram).at(0).len, 6);
    const QList<LabEvent> data = lab.of(EventKind::Data, Side::Server);
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.at(0).bytes, QStringLiteral("你").toUtf8());
    QCOMPARE(lab.client.reply(), kReply);
}

bool TstUdpEcho::seedReady()
{
    if (SeedPrograms::seedPath().isEmpty()) {
        QTest::qSkip("the seed text ../shared/seed/socket-basics.md is absent: nothing to "
                     "interoperate with",
            __FILE__, __LINE__);
        return false;
    }
    if (SeedPrograms::python().isEmpty()) {
        QTest::qSkip("python3 is not on PATH: the seed's programs cannot run", __FILE__, __LINE__);
        return false;
    }
    return true;
}

void TstUdpEcho::startPython(QProcess &process, const QString &script)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The seed prints and reads Chinese: UTF-8 whatever the test's locale.
    env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    process.setProcessEnvironment(env);
    process.setProgram(SeedPrograms::python());
    process.setArguments({ QStringLiteral("-u"), script });
    process.start();
    QVERIFY2(process.waitForStarted(5000), qPrintable(process.errorString()));
}

void TstUdpEcho::labClientAgainstSeedServer()
{
    if (!seedReady())
        return;
    const quint16 port = SeedPrograms::freePort(SOCK_DGRAM);
    const QString code = SeedPrograms::udpServer(port);
    QVERIFY2(!code.isEmpty(), "the seed has no UDP server block");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString script = SeedPrograms::write(dir, QStringLiteral("udp_server.py"), code);
    QVERIFY(!script.isEmpty());

    QProcess pyServer;
    QByteArray out;
    connect(&pyServer, &QProcess::readyReadStandardOutput, this,
        [&] { out += pyServer.readAllStandardOutput(); });
    startPython(pyServer, script);
    if (QTest::currentTestFailed())
        return;
    // It prints after bind(), just before recvfrom().
    QTRY_VERIFY2_WITH_TIMEOUT(
        out.contains(kPreparing), pyServer.readAllStandardError().constData(), 10000);

    Lab lab;
    UdpEchoClient::Config c;
    c.port = port;
    lab.client.setConfig(c);
    lab.client.runToEnd();
    QTRY_VERIFY_WITH_TIMEOUT(!lab.client.isRunning(), 5000);
    QVERIFY2(!lab.client.hasFailed(), qPrintable(lab.client.lastFailure().errorMessage()));
    QCOMPARE(lab.client.reply(), kReply);
    QCOMPARE(lab.client.replyFrom().port, port);
    const QList<LabEvent> data = lab.of(EventKind::Data, Side::Client);
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.at(0).bytes, kReply);

    // The seed server printed the lab's message and its sender, then waits again.
    const quint16 clientPort = lab.of(EventKind::Datagram).at(0).src.section(u':', 1).toUShort();
    QTRY_COMPARE(out,
        kPreparing + '\n' + kHello + " 127.0.0.1 " + QByteArray::number(clientPort) + '\n'
            + kPreparing + '\n');
    QCOMPARE(pyServer.state(), QProcess::Running); // `while True`: it never ends by itself
    pyServer.kill();
    QVERIFY(pyServer.waitForFinished(5000));
}

void TstUdpEcho::seedClientAgainstLabServer()
{
    if (!seedReady())
        return;
    Lab lab;
    UdpEchoServer::Config sc;
    sc.port = 0;
    sc.serveForever = false;
    lab.server.setConfig(sc);
    lab.server.runToEnd();
    QTRY_VERIFY(lab.server.isWaiting()); // in recvfrom()
    const quint16 port = lab.server.boundAddress().port;

    const QString code = SeedPrograms::udpClient(port);
    QVERIFY2(!code.isEmpty(), "the seed has no UDP client block");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString script = SeedPrograms::write(dir, QStringLiteral("udp_client.py"), code);
    QVERIFY(!script.isEmpty());

    QProcess client;
    QSignalSpy clientDone(&client, &QProcess::finished);
    QVERIFY(clientDone.isValid());
    startPython(client, script);
    if (QTest::currentTestFailed())
        return;
    // One line to send, then "exit": input() reads them from stdin.
    client.write(kHello + "\nexit\n");
    client.closeWriteChannel();
    // The event loop must run while the client waits for the lab's reply.
    QVERIFY(clientDone.wait(15000));
    const QByteArray err = client.readAllStandardError();
    QVERIFY2(
        client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0, err.constData());
    // input() prints its prompt without a newline: prompt, the reply line, prompt again.
    QCOMPARE(client.readAllStandardOutput(), kPrompt + kReply + '\n' + kPrompt);

    QTRY_VERIFY(!lab.server.isRunning());
    QVERIFY2(!lab.server.hasFailed(), qPrintable(lab.server.lastFailure().errorMessage()));
    QCOMPARE(lab.server.currentStep(), -1);
    QCOMPARE(lab.server.lastDatagram(), kHello);
    const QList<LabEvent> data = lab.of(EventKind::Data, Side::Server);
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.at(0).bytes, kHello);
    const QList<LabEvent> datagrams = lab.of(EventKind::Datagram);
    // The seed's datagram, inferred when the lab's server received it (no sendto() of the
    // lab drew it), then the reply.
    QCOMPARE(datagrams.size(), 2);
    QCOMPARE(datagrams.at(0).side, Side::Client);
    QCOMPARE(datagrams.at(0).source, EventSource::Inferred);
    QCOMPARE(datagrams.at(0).bytes, kHello);
    QCOMPARE(datagrams.at(0).len, kHello.size());
    QCOMPARE(datagrams.at(0).src, lab.server.lastPeer().toString());
    QCOMPARE(datagrams.at(1).side, Side::Server);
    QCOMPARE(datagrams.at(1).bytes, kReply);
    QCOMPARE(datagrams.at(1).dst, lab.server.lastPeer().toString());
}

void TstUdpEcho::externalLargeAndEmptyDatagrams()
{
    // Another process (here a bare socket) sends to the lab's server: a datagram larger
    // than recvfrom(1024), then an empty one.
    Lab lab;
    const quint16 port = lab.bind(1024);
    QVERIFY(port > 0);
    NativeSocket peer;
    QVERIFY(peer.socket(AF_INET, SOCK_DGRAM).ok());
    const QByteArray big(60000, 'x');
    QVERIFY(peer.sendto(big, QStringLiteral("127.0.0.1"), port).ok());
    lab.server.step(); // recvfrom(1024)
    QTRY_COMPARE(lab.server.currentStep(), int(UdpEchoServer::SendTo));
    QCOMPARE(lab.server.lastDatagram(), big.left(1024));
    QList<LabEvent> datagrams = lab.of(EventKind::Datagram);
    QCOMPARE(datagrams.size(), 1);
    QCOMPARE(datagrams.at(0).side, Side::Client);
    QCOMPARE(datagrams.at(0).len, 60000);
    // The peer never bound: the kernel chose its port, and loopback its address.
    QCOMPARE(datagrams.at(0).src, QStringLiteral("127.0.0.1:%1").arg(peer.localAddress().port));
    const QList<LabEvent> notes = lab.of(EventKind::Note);
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.at(0).noteArgs,
        QStringList({ QStringLiteral("60000"), QStringLiteral("1024"), QStringLiteral("1024"),
            QStringLiteral("58976") }));
    // recvfrom() returned 1024 bytes, as Python's would.
    const QList<LabEvent> calls = lab.of(EventKind::Call, Side::Server);
    QCOMPARE(calls.last().call, QStringLiteral("recvfrom"));
    QCOMPARE(calls.last().result.toString().left(14), QStringLiteral("(b'xxxxxxxxxxx"));

    // The server answers and goes back to recvfrom() (serving forever), then gets b"".
    UdpEchoServer::Config c = lab.server.config();
    c.serveForever = true;
    lab.server.setConfig(c);
    lab.server.step(); // sendto
    QCOMPARE(lab.server.currentStep(), int(UdpEchoServer::RecvFrom));
    QVERIFY(peer.sendto(QByteArray(), QStringLiteral("127.0.0.1"), port).ok());
    lab.server.step();
    QTRY_COMPARE(lab.server.currentStep(), int(UdpEchoServer::SendTo));
    QCOMPARE(lab.server.lastDatagram(), QByteArray());
    const QList<LabEvent> data = lab.of(EventKind::Data, Side::Server);
    QCOMPARE(data.size(), 2);
    QVERIFY(data.last().bytes.isEmpty());
    QCOMPARE(EventText::describe(data.last()),
        QStringLiteral("received an empty datagram (0 bytes): UDP has no end of stream"));
    datagrams = lab.of(EventKind::Datagram);
    QCOMPARE(datagrams.last().len, 0);
    QCOMPARE(datagrams.last().side, Side::Client);
    lab.server.stop();
}

QTEST_GUILESS_MAIN(TstUdpEcho)
#include "tst_udpecho.moc"
