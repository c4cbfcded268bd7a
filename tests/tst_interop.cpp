// Interop with programs the lab did not write: the seed text's own Python
// TCP server and client, taken from the seed at test time (never copied
// into the repository) and run with python3 against the lab's EchoServer
// and EchoClient over loopback.

#include "net/nativesocket.h"
#include "programs/echoclient.h"
#include "programs/echoserver.h"
#include "programs/segmentinferrer.h"
#include "seedprograms.h"
#include "timeline/timeline.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <sys/socket.h>

namespace {

// The seed's own words: the client sends the request, the server answers.
const QByteArray kRequest = QStringLiteral("请求连接").toUtf8();
const QByteArray kReply = QStringLiteral("你已连接成功。").toUtf8();
const QByteArray kServing = QStringLiteral("服务开启...").toUtf8();

QList<LabEvent> eventsOf(const Timeline &timeline, Side side, EventKind kind)
{
    QList<LabEvent> out;
    for (const LabEvent &e : timeline.events()) {
        if (e.side == side && e.kind == kind)
            out.append(e);
    }
    return out;
}

bool hasKernelState(const QList<LabEvent> &states, const QString &socket, TcpState to)
{
    for (const LabEvent &e : states) {
        if (e.source == EventSource::Kernel && e.socket == socket && e.to == to)
            return true;
    }
    return false;
}

} // namespace

class TstInterop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void seedClientAgainstLabServer();
    void labClientAgainstSeedServer();

private:
    /** Writes @p code with the seed's port 8888 replaced by @p port; empty path on failure. */
    QString writeScript(
        const QTemporaryDir &dir, const QString &name, const QString &code, quint16 port);
    void startPython(QProcess &process, const QString &script);

    QString m_python;
    QString m_serverCode;
    QString m_clientCode;
};

void TstInterop::initTestCase()
{
    if (SeedPrograms::seedPath().isEmpty())
        QSKIP("the seed text ../shared/seed/socket-basics.md is absent: nothing to interoperate "
              "with");
    m_python = SeedPrograms::python();
    if (m_python.isEmpty())
        QSKIP("python3 is not on PATH: the seed's programs cannot run");

    const QStringList blocks = SeedPrograms::pythonBlocks();
    QVERIFY2(blocks.size() >= 2, "the seed has fewer than two ```python blocks");

    // The first block is the TCP server, the second the TCP client; check by content.
    m_serverCode = blocks.at(0);
    m_clientCode = blocks.at(1);
    QVERIFY2(m_serverCode.contains(QLatin1String("sk.listen(5)")), qPrintable(m_serverCode));
    QVERIFY(m_serverCode.contains(QLatin1String("sk.accept()")));
    QVERIFY(m_serverCode.contains(QString::fromUtf8(kServing)));
    QVERIFY2(m_clientCode.contains(QLatin1String("sk.connect")), qPrintable(m_clientCode));
    QVERIFY(!m_clientCode.contains(QLatin1String("sk.listen")));
    QVERIFY(m_clientCode.contains(QString::fromUtf8(kRequest)));
    QCOMPARE(m_serverCode.count(QLatin1String("8888")), 1);
    QCOMPARE(m_clientCode.count(QLatin1String("8888")), 1);
}

QString TstInterop::writeScript(
    const QTemporaryDir &dir, const QString &name, const QString &code, quint16 port)
{
    QString patched = code;
    patched.replace(QLatin1String("8888"), QString::number(port));
    return SeedPrograms::write(dir, name, patched);
}

void TstInterop::startPython(QProcess &process, const QString &script)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The seed prints Chinese: make the bytes UTF-8 whatever the test's locale.
    env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    env.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    process.setProcessEnvironment(env);
    process.setProgram(m_python);
    process.setArguments({ QStringLiteral("-u"), script });
    process.start();
    QVERIFY2(process.waitForStarted(5000), qPrintable(process.errorString()));
}

void TstInterop::seedClientAgainstLabServer()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const quint16 port = SeedPrograms::freePort();
    QVERIFY(port != 0);
    const QString script = writeScript(dir, QStringLiteral("client.py"), m_clientCode, port);
    QVERIFY(!script.isEmpty());

    Timeline timeline;
    SegmentInferrer inferrer(&timeline);
    EchoServer server(&timeline, &inferrer);
    EchoServer::Config config;
    config.port = port;
    config.serveForever = false;
    server.setConfig(config);

    QSignalSpy listening(&server, &EchoServer::listening);
    QVERIFY(listening.isValid());
    server.runToEnd();
    QTRY_COMPARE(listening.size(), 1);
    QCOMPARE(server.boundAddress().port, port);
    QTRY_VERIFY(server.isWaiting()); // blocked in accept()

    QProcess client;
    QSignalSpy clientDone(&client, &QProcess::finished);
    QVERIFY(clientDone.isValid());
    startPython(client, script);
    if (QTest::currentTestFailed())
        return;
    // The event loop must run while the client waits for the lab's reply.
    QVERIFY(clientDone.wait(15000));
    const QByteArray err = client.readAllStandardError();
    QVERIFY2(
        client.exitStatus() == QProcess::NormalExit && client.exitCode() == 0, err.constData());
    QCOMPARE(client.readAllStandardOutput(), kReply + '\n');

    QTRY_VERIFY(!server.isRunning());
    QVERIFY2(!server.hasFailed(), qPrintable(server.lastFailure().errorMessage()));
    QCOMPARE(server.currentStep(), -1); // serveForever false: one client, then the end

    // What the lab saw of the seed client.
    const QList<LabEvent> data = eventsOf(timeline, Side::Server, EventKind::Data);
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.at(0).bytes, kRequest);
    QCOMPARE(data.at(0).socket, QStringLiteral("conn"));
    QCOMPARE(data.at(0).text(), QStringLiteral("请求连接"));

    const QList<LabEvent> states = eventsOf(timeline, Side::Server, EventKind::State);
    QVERIFY(hasKernelState(states, QStringLiteral("listener"), TcpState::Listen));
    QVERIFY(hasKernelState(states, QStringLiteral("conn"), TcpState::Established));
}

void TstInterop::labClientAgainstSeedServer()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const quint16 port = SeedPrograms::freePort();
    QVERIFY(port != 0);
    const QString script = writeScript(dir, QStringLiteral("server.py"), m_serverCode, port);
    QVERIFY(!script.isEmpty());

    QProcess pyServer;
    QByteArray out;
    connect(&pyServer, &QProcess::readyReadStandardOutput, this,
        [&] { out += pyServer.readAllStandardOutput(); });
    startPython(pyServer, script);
    if (QTest::currentTestFailed())
        return;
    // It prints after bind() and listen(), just before accept().
    QTRY_VERIFY2_WITH_TIMEOUT(
        out.contains(kServing), pyServer.readAllStandardError().constData(), 10000);

    Timeline timeline;
    SegmentInferrer inferrer(&timeline);
    EchoClient client(&timeline, &inferrer);
    EchoClient::Config config;
    config.port = port;
    client.setConfig(config);

    for (int attempt = 1;; ++attempt) {
        client.runToEnd();
        QTRY_VERIFY_WITH_TIMEOUT(!client.isRunning(), 10000);
        if (!client.hasFailed())
            break;
        const CallResult f = client.lastFailure();
        const bool refused = f.errorDomain == ErrorDomain::Errno && f.errnum == ECONNREFUSED;
        QVERIFY2(refused && attempt < 5, qPrintable(f.errorMessage()));
        // Not listening yet after all: back off a little and run the client again.
        client.reset();
        QTest::qWait(200);
    }
    QCOMPARE(client.currentStep(), -1);
    QCOMPARE(client.reply(), kReply);

    const QList<LabEvent> data = eventsOf(timeline, Side::Client, EventKind::Data);
    QCOMPARE(data.size(), 1);
    QCOMPARE(data.at(0).bytes, kReply);
    const QList<LabEvent> states = eventsOf(timeline, Side::Client, EventKind::State);
    QVERIFY(hasKernelState(states, QStringLiteral("client"), TcpState::Established));

    // The seed server printed the lab's request and went back to accept().
    QTRY_COMPARE(out, kServing + '\n' + kRequest + '\n' + kServing + '\n');
    QCOMPARE(pyServer.state(), QProcess::Running); // `while True`: it never ends by itself
    pyServer.kill();
    QVERIFY(pyServer.waitForFinished(5000));
}

QTEST_GUILESS_MAIN(TstInterop)
#include "tst_interop.moc"
