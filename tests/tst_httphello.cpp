// The seed's web server ("web服务原型") and its correct variant on real
// loopback sockets: the exact bytes of request and response, the reset a
// long request causes, one stream per connection, and real clients: curl
// (in-process and against `--serve http-hello`) and the lab's client
// against the seed's own Python server.

#include "seedprograms.h"

#include "net/nativesocket.h"
#include "programs/httpgetclient.h"
#include "programs/httphellodemo.h"
#include "programs/httphelloserver.h"
#include "programs/segmentinferrer.h"
#include "timeline/timeline.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <cerrno>
#include <csignal>

namespace {

const QByteArray kSeedResponse = QByteArrayLiteral("HTTP/1.1 200 OK\r\n\r\nHello, World");
const QByteArray kCorrectResponse = QByteArrayLiteral("HTTP/1.1 200 OK\r\n"
                                                      "Content-Type: text/plain; charset=utf-8\r\n"
                                                      "Content-Length: 12\r\n"
                                                      "Connection: close\r\n"
                                                      "\r\n"
                                                      "Hello, World");

struct Lab
{
    Timeline timeline;
    SegmentInferrer inferrer { &timeline };
    HttpHelloServer server { &timeline, &inferrer };
    HttpGetClient client { &timeline, &inferrer };

    QList<LabEvent> of(EventKind kind, Side side = Side::Both) const
    {
        QList<LabEvent> out;
        for (const LabEvent &e : timeline.events()) {
            if (e.kind == kind && (side == Side::Both || e.side == side))
                out << e;
        }
        return out;
    }
    QStringList segments() const
    {
        QStringList out;
        for (const LabEvent &e : of(EventKind::Segment)) {
            out << QStringLiteral("%1 %2 seq=%3 ack=%4 len=%5")
                       .arg(sideToken(e.side), e.flags.join(QLatin1Char(',')))
                       .arg(e.seq)
                       .arg(e.ack)
                       .arg(e.len);
        }
        return out;
    }
    /** The bytes a side's recv() calls returned, concatenated. */
    QByteArray received(Side side) const
    {
        QByteArray out;
        for (const LabEvent &e : of(EventKind::Data, side))
            out += e.bytes;
        return out;
    }
    /** Runs the demo to its end; the server is the seed's unless @p correct. */
    bool demo(bool correct, int padding = 0)
    {
        HttpHelloServer::Config sc = server.config();
        sc.correct = correct;
        server.setConfig(sc);
        HttpGetClient::Config cc = client.config();
        cc.padding = padding;
        client.setConfig(cc);
        HttpHelloDemo d(&server, &client);
        QSignalSpy done(&d, &HttpHelloDemo::finished);
        d.start(QStringLiteral("127.0.0.1"), 0);
        if (!done.wait(10000))
            return false;
        return done.first().first().toBool();
    }
    /** Starts the server on an ephemeral port, serving until stopped. */
    quint16 serve(bool correct)
    {
        HttpHelloServer::Config sc;
        sc.port = 0;
        sc.correct = correct;
        server.setConfig(sc);
        // One run is one client: run again after each, as `--serve` does.
        QObject::connect(&server, &SocketProgram::runFinished, &server, [this] {
            if (!server.hasFailed() && server.currentStep() >= 0)
                QTimer::singleShot(0, &server, [this] { server.runToEnd(); });
        });
        QSignalSpy listening(&server, &HttpHelloServer::listening);
        server.runToEnd();
        if (listening.isEmpty() && !listening.wait(5000))
            return 0;
        return server.boundAddress().port;
    }
};

/** Runs curl with @p args while the event loop runs (the server may be in this process). */
bool curl(const QStringList &args, QByteArray *out, int *code)
{
    QProcess p;
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(QStringLiteral("curl"), args);
    if (!p.waitForStarted(5000) || !finished.wait(15000))
        return false;
    *out = p.readAllStandardOutput();
    *code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return true;
}

} // namespace

class TstHttpHello : public QObject
{
    Q_OBJECT

private slots:
    void seedExchange();
    void correctExchange();
    void correctReadsToBlankLine();
    void correctGivesUpOnEndlessRequest();
    void longRequestResets();
    void longRequestCorrectNoReset();
    void twoConnectionsTwoStreams();
    void curlInProcess_data();
    void curlInProcess();
    void curlAgainstServe();
    void labClientAgainstSeedServer();
};

void TstHttpHello::seedExchange()
{
    Lab lab;
    QVERIFY(lab.demo(false));
    const quint16 port = lab.server.boundAddress().port;
    const QByteArray request = HttpGetClient::request(QStringLiteral("127.0.0.1"), port);
    QCOMPARE(
        request, QStringLiteral("GET / HTTP/1.1\r\nHost: 127.0.0.1:%1\r\n\r\n").arg(port).toUtf8());

    // The server's one recv(1024) got the whole request, exactly.
    const auto serverData = lab.of(EventKind::Data, Side::Server);
    QCOMPARE(serverData.size(), 1);
    QCOMPARE(serverData.first().bytes, request);
    QCOMPARE(serverData.first().socket, QStringLiteral("conn"));
    QCOMPARE(lab.server.requests(), QList<QByteArray> { request });

    // The client read to EOF: the two send()s, then b"" (the server's FIN).
    QCOMPARE(lab.client.response(), kSeedResponse);
    QCOMPARE(lab.received(Side::Client), kSeedResponse);
    QVERIFY(lab.of(EventKind::Data, Side::Client).last().bytes.isEmpty());

    // Two send() calls, as the seed writes them, with the count each returned.
    QStringList sends;
    for (const LabEvent &e : lab.of(EventKind::Call, Side::Server)) {
        if (e.call == QLatin1String("send") && e.phase == CallPhase::Return)
            sends << QString::fromUtf8(e.bytes) + QLatin1Char('=') + e.result.toString();
    }
    QCOMPARE(sends,
        (QStringList {
            QStringLiteral("HTTP/1.1 200 OK\r\n\r\n=19"), QStringLiteral("Hello, World=12") }));

    const qint64 n = request.size();
    QCOMPARE(lab.segments(),
        (QStringList { QStringLiteral("client SYN seq=0 ack=-1 len=0"),
            QStringLiteral("server SYN,ACK seq=0 ack=1 len=0"),
            QStringLiteral("client ACK seq=1 ack=1 len=0"),
            QStringLiteral("client PSH,ACK seq=1 ack=1 len=%1").arg(n),
            QStringLiteral("server ACK seq=1 ack=%1 len=0").arg(n + 1),
            QStringLiteral("server PSH,ACK seq=1 ack=%1 len=19").arg(n + 1),
            QStringLiteral("client ACK seq=%1 ack=20 len=0").arg(n + 1),
            QStringLiteral("server PSH,ACK seq=20 ack=%1 len=12").arg(n + 1),
            QStringLiteral("client ACK seq=%1 ack=32 len=0").arg(n + 1),
            QStringLiteral("server FIN,ACK seq=32 ack=%1 len=0").arg(n + 1),
            QStringLiteral("client FIN,ACK seq=%1 ack=33 len=0").arg(n + 1),
            QStringLiteral("server ACK seq=33 ack=%1 len=0").arg(n + 2) }));
    for (const LabEvent &e : lab.of(EventKind::Segment)) {
        QCOMPARE(e.source, EventSource::Inferred);
        QCOMPARE(e.stream, 0);
    }
    QCOMPARE(lab.server.endpointState(), TcpState::TimeWait);
    QCOMPARE(lab.client.endpointState(), TcpState::Closed);
}

void TstHttpHello::correctExchange()
{
    Lab lab;
    QVERIFY(lab.demo(true));
    const QByteArray request
        = HttpGetClient::request(QStringLiteral("127.0.0.1"), lab.server.boundAddress().port);
    QCOMPARE(lab.received(Side::Server), request);
    QCOMPARE(lab.client.response(), kCorrectResponse);
    QCOMPARE(HttpHelloServer::correctResponse(), kCorrectResponse);

    // One sendall() carries the whole response; no send().
    QStringList calls;
    for (const LabEvent &e : lab.of(EventKind::Call, Side::Server)) {
        if (e.phase == CallPhase::Return && e.socket == QLatin1String("conn"))
            calls << e.call;
    }
    QCOMPARE(calls,
        (QStringList {
            QStringLiteral("recv"), QStringLiteral("sendall"), QStringLiteral("close") }));
    const QStringList segments = lab.segments();
    QVERIFY2(segments.contains(QStringLiteral("server PSH,ACK seq=1 ack=%1 len=%2")
                                   .arg(request.size() + 1)
                                   .arg(kCorrectResponse.size())),
        qPrintable(segments.join(u'\n')));
    QVERIFY(!segments.join(u' ').contains(QStringLiteral("RST")));
}

void TstHttpHello::correctReadsToBlankLine()
{
    // The request arrives in two pieces: the correct server reads on until
    // the blank line, then answers.
    Lab lab;
    const quint16 port = lab.serve(true);
    QVERIFY(port > 0);
    QSignalSpy requests(&lab.server, &HttpHelloServer::requestReceived);
    NativeSocket peer;
    peer.socket();
    QSignalSpy connected(&peer, &NativeSocket::finished);
    const CallResult c = peer.connect(QStringLiteral("127.0.0.1"), port);
    QVERIFY(c.ok() || (c.pending && connected.wait(5000)));
    const QByteArray first = QByteArrayLiteral("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    QVERIFY(peer.sendall(first).ok());
    QTRY_COMPARE(lab.received(Side::Server), first);
    QTest::qWait(100);
    QCOMPARE(requests.size(), 0); // no blank line yet: no answer
    QVERIFY(lab.server.isWaiting()); // in its second recv()
    QVERIFY(peer.sendall(QByteArrayLiteral("\r\n")).ok());
    QTRY_COMPARE(requests.size(), 1);
    QCOMPARE(requests.first().first().toByteArray(), first + "\r\n");

    QByteArray response;
    for (int i = 0; i < 10; ++i) {
        QSignalSpy got(&peer, &NativeSocket::finished);
        CallResult r = peer.recv(4096);
        if (r.pending) {
            QVERIFY(got.wait(5000));
            r = got.first().first().value<CallResult>();
        }
        QVERIFY(r.ok());
        if (r.data.isEmpty())
            break;
        response += r.data;
    }
    QCOMPARE(response, kCorrectResponse);
    const auto recvs = lab.of(EventKind::Data, Side::Server);
    QCOMPARE(recvs.size(), 2);
    QCOMPARE(recvs.at(1).bytes, QByteArrayLiteral("\r\n"));
    lab.server.stop();
}

void TstHttpHello::correctGivesUpOnEndlessRequest()
{
    // No blank line within maxRequest bytes: the server stops reading, says
    // why, and closes without answering; the bytes it never read make it RST.
    Lab lab;
    HttpHelloServer::Config sc;
    sc.port = 0;
    sc.correct = true;
    sc.maxRequest = 2048;
    sc.serveForever = false;
    lab.server.setConfig(sc);
    QSignalSpy listening(&lab.server, &HttpHelloServer::listening);
    lab.server.runToEnd();
    QVERIFY(!listening.isEmpty() || listening.wait(5000));
    NativeSocket peer;
    peer.socket();
    QSignalSpy connected(&peer, &NativeSocket::finished);
    const CallResult c = peer.connect(QStringLiteral("127.0.0.1"), lab.server.boundAddress().port);
    QVERIFY(c.ok() || (c.pending && connected.wait(5000)));
    QVERIFY(peer.sendall(QByteArray(3000, 'x')).ok());
    QTRY_COMPARE(lab.server.currentStep(), -1);
    QVERIFY(!lab.server.hasFailed());
    QCOMPARE(lab.received(Side::Server), QByteArray(2048, 'x'));
    const auto notes = lab.of(EventKind::Note);
    QCOMPARE(notes.size(), 1);
    QVERIFY(notes.first().noteKey.startsWith(QLatin1String("no blank line in the first %1 bytes")));
    QCOMPARE(notes.first().noteArgs, QStringList { QStringLiteral("2048") });
    QCOMPARE(lab.segments().last(), QStringLiteral("server RST,ACK seq=1 ack=3001 len=0"));
    // No answer at all: no send() or sendall().
    for (const LabEvent &e : lab.of(EventKind::Call, Side::Server))
        QVERIFY(!e.call.startsWith(QLatin1String("send")));
}

void TstHttpHello::longRequestResets()
{
    // Measured on Linux 6.x: the client's first recv() gets the whole answer
    // (both send()s, 31 bytes), the server's close() with 2030 bytes unread
    // sends RST,ACK, and the client's next recv() fails with ECONNRESET: the
    // data queued before the RST is still delivered, the FIN never comes.
    Lab lab;
    QVERIFY(!lab.demo(false, 3000)); // the client's call failed
    const QByteArray request
        = HttpGetClient::request(QStringLiteral("127.0.0.1"), lab.server.boundAddress().port, 3000);
    QVERIFY(request.size() > 3000);
    QVERIFY(!lab.server.hasFailed());
    QCOMPARE(lab.server.currentStep(), -1);
    QCOMPARE(lab.received(Side::Server), request.left(1024));

    QCOMPARE(lab.client.response(), kSeedResponse);
    QVERIFY(lab.client.hasFailed());
    const CallResult f = lab.client.lastFailure();
    QCOMPARE(f.call, QStringLiteral("recv"));
    QCOMPARE(f.errorDomain, ErrorDomain::Errno);
    QCOMPARE(f.errnum, ECONNRESET);
    // No b"": the response never ended with a FIN.
    for (const LabEvent &e : lab.of(EventKind::Data, Side::Client))
        QVERIFY(!e.bytes.isEmpty());

    const QStringList segments = lab.segments();
    QVERIFY2(
        segments.contains(QStringLiteral("client PSH,ACK seq=1 ack=1 len=%1").arg(request.size())),
        qPrintable(segments.join(u'\n')));
    QCOMPARE(segments.last(),
        QStringLiteral("server RST,ACK seq=32 ack=%1 len=0").arg(request.size() + 1));
    QVERIFY(!segments.join(u' ').contains(QStringLiteral("FIN")));
    // The RST shows before the error it caused.
    int rst = -1, failed = -1;
    for (int i = 0; i < lab.timeline.size(); ++i) {
        const LabEvent &e = lab.timeline.at(i);
        if (e.kind == EventKind::Segment && e.flags.contains(QStringLiteral("RST")))
            rst = i;
        if (e.kind == EventKind::Call && e.errnum == ECONNRESET)
            failed = i;
    }
    QVERIFY(rst >= 0 && rst < failed);
    QTRY_COMPARE(lab.of(EventKind::State, Side::Server).last().to, TcpState::Closed);
    QCOMPARE(lab.of(EventKind::State, Side::Server).last().source, EventSource::Kernel);
    QCOMPARE(lab.client.endpointState(), TcpState::Closed);
}

void TstHttpHello::longRequestCorrectNoReset()
{
    // The correct server reads the whole 3000-byte header: nothing unread, a FIN.
    Lab lab;
    QVERIFY(lab.demo(true, 3000));
    const QByteArray request
        = HttpGetClient::request(QStringLiteral("127.0.0.1"), lab.server.boundAddress().port, 3000);
    QCOMPARE(lab.received(Side::Server), request);
    QCOMPARE(lab.client.response(), kCorrectResponse);
    QVERIFY(!lab.segments().join(u' ').contains(QStringLiteral("RST")));
}

void TstHttpHello::twoConnectionsTwoStreams()
{
    Lab lab;
    const quint16 port = lab.serve(false);
    QVERIFY(port > 0);
    HttpGetClient::Config cc;
    cc.port = port;
    lab.client.setConfig(cc);
    for (int i = 0; i < 2; ++i) {
        lab.client.reset(); // a new socket for each request, as a browser opens one
        QSignalSpy done(&lab.client, &SocketProgram::runFinished);
        lab.client.runToEnd();
        QVERIFY(done.wait(10000));
        QVERIFY2(!lab.client.hasFailed(), qPrintable(lab.client.lastFailure().errorMessage()));
        QCOMPARE(lab.client.response(), kSeedResponse);
    }
    QTRY_COMPARE(lab.server.requests().size(), 2);
    lab.server.stop();
    QList<int> streams;
    for (const LabEvent &e : lab.of(EventKind::Segment)) {
        if (streams.isEmpty() || streams.last() != e.stream)
            streams << e.stream;
    }
    QCOMPARE(streams, (QList<int> { 0, 1 }));
    QList<int> serverStreams;
    for (const LabEvent &e : lab.of(EventKind::State, Side::Server)) {
        if (e.socket == QLatin1String("conn")
            && (serverStreams.isEmpty() || serverStreams.last() != e.stream))
            serverStreams << e.stream;
    }
    QCOMPARE(serverStreams, (QList<int> { 0, 1 }));
    QCOMPARE(lab.of(EventKind::Segment).first().flags, QStringList { QStringLiteral("SYN") });
}

void TstHttpHello::curlInProcess_data()
{
    QTest::addColumn<bool>("correct");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("seed") << false << kSeedResponse;
    QTest::newRow("correct") << true << kCorrectResponse;
}

void TstHttpHello::curlInProcess()
{
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
        QSKIP("curl is not installed (Debian: apt-get install curl): no real client to try");
    QFETCH(bool, correct);
    QFETCH(QByteArray, expected);
    Lab lab;
    const quint16 port = lab.serve(correct);
    QVERIFY(port > 0);
    const QString url = QStringLiteral("http://127.0.0.1:%1/").arg(port);
    QByteArray out;
    int code = -1;
    QVERIFY(curl({ QStringLiteral("-s"), QStringLiteral("-i"), url }, &out, &code));
    QCOMPARE(code, 0);
    QCOMPARE(out, expected);
    // Without -i: the body alone, and the status code curl read.
    QVERIFY(
        curl({ QStringLiteral("-s"), QStringLiteral("-w"), QStringLiteral("\n%{http_code}"), url },
            &out, &code));
    QCOMPARE(code, 0);
    QCOMPARE(out, QByteArrayLiteral("Hello, World\n200"));
    // curl's request, as the server read it (curl 7.x: a User-Agent and Accept */*).
    QTRY_COMPARE(lab.server.requests().size(), 2);
    const QByteArray request = lab.server.requests().first();
    QVERIFY2(request.startsWith(
                 QStringLiteral("GET / HTTP/1.1\r\nHost: 127.0.0.1:%1\r\n").arg(port).toUtf8()),
        request.constData());
    QVERIFY(request.endsWith("\r\n\r\n"));
    QCOMPARE(lab.of(EventKind::Data, Side::Server).first().bytes, request);
    lab.server.stop();
}

void TstHttpHello::curlAgainstServe()
{
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
        QSKIP("curl is not installed (Debian: apt-get install curl): no real client to try");
    const quint16 port = SeedPrograms::freePort();
    QProcess server;
    server.start(QStringLiteral(SOCKETLAB_BINARY),
        { QStringLiteral("--serve"), QStringLiteral("http-hello"), QStringLiteral("--port"),
            QString::number(port) });
    QVERIFY(server.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine(), 10000);
    QCOMPARE(QString::fromUtf8(server.readLine()),
        QStringLiteral("listening on 127.0.0.1:%1\n").arg(port));
    const QString url = QStringLiteral("http://127.0.0.1:%1/").arg(port);
    QByteArray out;
    int code = -1;
    QVERIFY(curl({ QStringLiteral("-s"), QStringLiteral("-i"), url }, &out, &code));
    QCOMPARE(code, 0);
    QCOMPARE(out, kSeedResponse);
    QVERIFY(curl({ QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                     QStringLiteral("-w"), QStringLiteral("%{http_code}"), url },
        &out, &code));
    QCOMPARE(code, 0);
    QCOMPARE(out, QByteArrayLiteral("200"));
    // A 3000-byte header outgrows recv(1024): curl prints what came before
    // the RST, then fails with CURLE_RECV_ERROR (56, connection reset by peer).
    QVERIFY(curl({ QStringLiteral("-s"), QStringLiteral("-i"), QStringLiteral("-H"),
                     QStringLiteral("X-Padding: ") + QString(3000, QLatin1Char('x')), url },
        &out, &code));
    QCOMPARE(code, 56);
    QCOMPARE(out, kSeedResponse);
    // The server goes on after the reset.
    QVERIFY(curl({ QStringLiteral("-s"), url }, &out, &code));
    QCOMPARE(code, 0);
    QCOMPARE(out, QByteArrayLiteral("Hello, World"));

    ::kill(pid_t(server.processId()), SIGINT);
    QVERIFY(server.waitForFinished(5000));
    QCOMPARE(server.exitCode(), 0);
    const QString text = QString::fromUtf8(server.readAll());
    QVERIFY2(text.contains(QStringLiteral("RST,ACK")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("received")));
}

void TstHttpHello::labClientAgainstSeedServer()
{
    if (SeedPrograms::seedPath().isEmpty())
        QSKIP("../shared/seed/socket-basics.md is absent: the seed's web server cannot be "
              "extracted");
    if (SeedPrograms::python().isEmpty())
        QSKIP("python3 is not installed: the seed's web server cannot run");
    const quint16 port = SeedPrograms::freePort();
    const QString code = SeedPrograms::webServer(port);
    QVERIFY2(!code.isEmpty(), "the seed has no web server block");
    QVERIFY(code.contains(QStringLiteral("'localhost',%1").arg(port))); // 127.0.0.1 here
    QTemporaryDir dir;
    QProcess py;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    py.setProcessEnvironment(env);
    py.start(SeedPrograms::python(),
        { QStringLiteral("-u"), SeedPrograms::write(dir, QStringLiteral("web.py"), code) });
    QVERIFY(py.waitForStarted(5000));

    Lab lab;
    HttpGetClient::Config cc;
    cc.port = port;
    lab.client.setConfig(cc);
    // The seed prints nothing when it listens: retry while it is refused.
    for (int attempt = 1;; ++attempt) {
        QSignalSpy done(&lab.client, &SocketProgram::runFinished);
        lab.client.runToEnd();
        QVERIFY(done.wait(10000));
        if (!lab.client.hasFailed())
            break;
        const CallResult f = lab.client.lastFailure();
        QVERIFY2(f.errnum == ECONNREFUSED && attempt < 50, qPrintable(f.errorMessage()));
        lab.client.reset();
        QTest::qWait(100);
    }
    QCOMPARE(lab.client.response(), kSeedResponse);
    QCOMPARE(lab.client.currentStep(), -1);
    QCOMPARE(py.state(), QProcess::Running); // `while True`: it serves on
    py.kill();
    QVERIFY(py.waitForFinished(5000));
}

QTEST_GUILESS_MAIN(TstHttpHello)
#include "tst_httphello.moc"
