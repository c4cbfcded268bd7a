// The socket API reference: the catalogue holds exactly the source text's
// constants and methods (plus the three the lab adds), every entry is
// explained, every "try it" runs on real loopback sockets with the exact
// calls, values and errnos on the timeline, and the panel's filter, button,
// shortcut and retranslation work offscreen.

#include "api/socketapi.h"
#include "api/socketapitrial.h"
#include "apireferencepanel.h"
#include "timeline/eventtext.h"
#include "timeline/timeline.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>

#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

const QStringList kConstants { "AF_INET", "AF_INET6", "AF_UNIX", "SOCK_STREAM", "SOCK_DGRAM",
    "SOCK_RAW", "SOCK_RDM", "SOCK_SEQPACKET" };
const QStringList kMethods { "socket", "bind", "listen", "setblocking", "accept", "connect",
    "connect_ex", "close", "recv", "recvfrom", "send", "sendall", "sendto", "settimeout",
    "gettimeout", "getpeername", "getsockname", "setsockopt", "getsockopt", "fileno" };

/** One line per timeline event: "S listener accept() …", "C client connect(…) → 0", "S conn data
 * 12". */
QStringList trace(const Timeline &t)
{
    QStringList lines;
    for (const LabEvent &e : t.events()) {
        const QString side = e.side == Side::Client ? QStringLiteral("C")
            : e.side == Side::Server                ? QStringLiteral("S")
                                                    : QStringLiteral("B");
        if (e.kind == EventKind::Data) {
            lines << QStringLiteral("%1 %2 data %3").arg(side, e.socket).arg(e.bytes.size());
            continue;
        }
        if (e.kind != EventKind::Call) {
            lines << QStringLiteral("%1 unexpected event").arg(side);
            continue;
        }
        QString line
            = side + QLatin1Char(' ') + e.socket + QLatin1Char(' ') + EventText::callSignature(e);
        if (e.phase == CallPhase::Start) {
            line += QStringLiteral(" …");
        } else if (e.failed()) {
            line += QStringLiteral(" → ") + errorName(e.errorDomain, e.errnum);
        } else {
            line += QStringLiteral(" → ")
                + (e.result.isValid() ? e.result.toString() : QStringLiteral("None"));
        }
        lines << line;
    }
    return lines;
}

/** @p text matches @p pattern, where '*' stands for any text (nothing else is special). */
bool wildMatch(const QString &pattern, const QString &text)
{
    QStringList parts = pattern.split(QLatin1Char('*'));
    for (QString &p : parts)
        p = QRegularExpression::escape(p);
    const QRegularExpression re(QRegularExpression::anchoredPattern(parts.join(".*")),
        QRegularExpression::DotMatchesEverythingOption);
    return re.match(text).hasMatch();
}

QString compareTrace(const QStringList &expected, const QStringList &actual)
{
    QString diff;
    for (qsizetype i = 0; i < qMax(expected.size(), actual.size()); ++i) {
        const QString e = expected.value(i), a = actual.value(i);
        if (i >= expected.size() || i >= actual.size() || !wildMatch(e, a))
            diff += QStringLiteral("\n  #%1 expected: %2\n      actual:   %3").arg(i).arg(e, a);
    }
    return diff;
}

int openDescriptors()
{
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot).size());
}

/** net.ipv4.tcp_rmem's middle value: a new TCP socket's SO_RCVBUF. */
int tcpRmemDefault()
{
    QFile f(QStringLiteral("/proc/sys/net/ipv4/tcp_rmem"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    return QString::fromLatin1(f.readAll()).simplified().split(QLatin1Char(' ')).value(1).toInt();
}

/** What socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) does for this process: 0 or the errno. */
int rawSocketErrno()
{
    const int fd = ::socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    if (fd < 0)
        return errno;
    ::close(fd);
    return 0;
}

struct Run
{
    bool finished = false;
    bool ok = false;
    QString summary;
};

Run runTrial(SocketApiTrial &trial, const QString &name, int timeoutMs = 6000)
{
    Run run;
    QSignalSpy spy(&trial, &SocketApiTrial::finished);
    if (!spy.isValid() || !trial.start(name))
        return run;
    if (!spy.wait(timeoutMs) || spy.size() != 1)
        return run;
    run.finished = true;
    run.ok = spy.at(0).at(0).toBool();
    run.summary = spy.at(0).at(1).toString();
    return run;
}

/** A translator that marks every string of the panel's contexts, to prove retranslation. */
class MarkingTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(
        const char *context, const char *source, const char *disambiguation, int n) const override
    {
        Q_UNUSED(disambiguation);
        Q_UNUSED(n);
        const QByteArray c(context);
        if (c == "ApiReferencePanel" || c == "SocketApi")
            return QStringLiteral("ZZ") + QString::fromUtf8(source);
        return {};
    }
};

} // namespace

class TstSocketApi : public QObject
{
    Q_OBJECT

private slots:
    void catalogueIsTheSeedsList();
    void catalogueCoversTheSeedText();
    void everyEntryIsExplained();
    void factsCorrectTheSeed();
    void startRefusesWhatItCannotRun();
    void tryIt_data();
    void tryIt();
    void sendTakesPart();
    void sendallLoops();
    void settimeoutWaits();
    void valuesAgree();
    void panelFilter();
    void panelButtonAndShortcut();
    void panelRetranslates();
};

void TstSocketApi::catalogueIsTheSeedsList()
{
    QStringList constants, methods;
    for (const SocketApiEntry &e : SocketApi::entries())
        (e.isConstant() ? constants : methods) << e.name;
    QCOMPARE(constants, kConstants);
    QCOMPARE(methods, kMethods);
    // The constants come first, as in the source text.
    QCOMPARE(SocketApi::entries().at(kConstants.size() - 1).name, QStringLiteral("SOCK_SEQPACKET"));

    // Linux's values (measured with Python's socket module on Debian 12 as well).
    const QList<int> values { 2, 10, 1, 1, 2, 3, 4, 5 };
    for (int i = 0; i < kConstants.size(); ++i) {
        const SocketApiEntry *e = SocketApi::find(kConstants.at(i));
        QVERIFY(e);
        QCOMPARE(e->linuxValue, values.at(i));
        QCOMPARE(e->signature, QStringLiteral("socket.") + e->name);
    }
    for (const QString &m : kMethods) {
        const SocketApiEntry *e = SocketApi::find(m);
        QVERIFY(e);
        QCOMPARE(e->linuxValue, -1);
        QVERIFY2(e->signature.contains(m + QLatin1Char('(')), qPrintable(e->signature));
        const bool ours = m == "gettimeout" || m == "setsockopt" || m == "getsockopt";
        QCOMPARE(e->inSeed, !ours);
    }
    QVERIFY(!SocketApi::find(QStringLiteral("makefile"))); // the source text doesn't list it
    QVERIFY(!SocketApi::find(QStringLiteral("SOCK_RAM"))); // its typo is a fact, not an entry
    // What people type: Python's spelling, any case.
    for (const char *text : { "connect_ex", "connect_ex()", "sk.connect_ex()", "CONNECT_EX" })
        QCOMPARE(
            SocketApi::lookup(QLatin1String(text)), SocketApi::find(QStringLiteral("connect_ex")));
    QCOMPARE(SocketApi::lookup(QStringLiteral("socket.af_inet")),
        SocketApi::find(QStringLiteral("AF_INET")));
    QVERIFY(!SocketApi::lookup(QStringLiteral("SOCK_RAM")));
    QVERIFY(!SocketApi::lookup(QString()));
}

void TstSocketApi::catalogueCoversTheSeedText()
{
    const QString path = QStringLiteral(SOCKETLAB_SHARED_DIR "/seed/socket-basics.md");
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        QSKIP(qPrintable(QStringLiteral("source text not found: ") + path));
    const QString text = QString::fromUtf8(f.readAll()).remove(QLatin1Char('\\'));
    // Every "socket.AF_x"/"socket.SOCK_x" and every "sk.method(" of the source text.
    QSet<QString> named;
    QRegularExpression constant(QStringLiteral("socket\\.((?:AF|SOCK)_[A-Z0-9]+)"));
    for (auto it = constant.globalMatch(text); it.hasNext();)
        named << it.next().captured(1);
    QRegularExpression method(QStringLiteral("\\bsk\\.([a-z_]+)\\("));
    for (auto it = method.globalMatch(text); it.hasNext();)
        named << it.next().captured(1);
    named << QStringLiteral("socket"); // "sk = socket.socket(参数1,参数2,参数3)"
    QVERIFY(named.size() > 20);
    for (const QString &n : std::as_const(named))
        QVERIFY2(SocketApi::find(n), qPrintable(n + " is in the source text but not catalogued"));
    for (const SocketApiEntry &e : SocketApi::entries()) {
        if (e.inSeed)
            QVERIFY2(named.contains(e.name), qPrintable(e.name + " is not in the source text"));
    }
}

void TstSocketApi::everyEntryIsExplained()
{
    for (const SocketApiEntry &e : SocketApi::entries()) {
        QVERIFY2(e.explanation && qstrlen(e.explanation) > 30, qPrintable(e.name));
        QVERIFY2(!SocketApi::explanation(e).isEmpty(), qPrintable(e.name));
        QVERIFY2(!e.signature.isEmpty(), qPrintable(e.name));
        if (e.fact)
            QCOMPARE(SocketApi::fact(e), QString::fromUtf8(e.fact));
        else
            QVERIFY(SocketApi::fact(e).isEmpty());
    }
}

void TstSocketApi::factsCorrectTheSeed()
{
    const auto fact = [](const char *name) { return SocketApi::fact(*SocketApi::find(name)); };
    QVERIFY(fact("listen").contains("backlog + 1"));
    QVERIFY(fact("listen").contains("SYN-SENT"));
    QVERIFY(fact("connect_ex").contains("111 (ECONNREFUSED)"));
    QVERIFY(fact("connect_ex").contains("10061"));
    QVERIFY(fact("sendall").contains("loops"));
    QVERIFY(fact("recv").contains("b\"\""));
    QVERIFY(fact("SOCK_RDM").contains("ESOCKTNOSUPPORT (94)"));
    QVERIFY(fact("SOCK_RDM").contains("SOCK_RAM"));
    QVERIFY(fact("SOCK_RAW").contains("CAP_NET_RAW"));
    QVERIFY(fact("SOCK_RAW").contains("EPERM (1)"));
    QVERIFY(fact("SOCK_SEQPACKET").contains("ESOCKTNOSUPPORT (94)"));
    QVERIFY(fact("settimeout").contains("setblocking(False)"));
    QVERIFY(fact("setblocking").contains("settimeout(0.0)"));
    QVERIFY(fact("getpeername").contains("ENOTCONN (107)"));
    QVERIFY(fact("bind").contains("EADDRINUSE (98)"));
    QVERIFY(fact("setsockopt").contains("8192"));
    // The numbers in the facts are this kernel's.
    QCOMPARE(ECONNREFUSED, 111);
    QCOMPARE(ESOCKTNOSUPPORT, 94);
    QCOMPARE(EPROTONOSUPPORT, 93);
    QCOMPARE(ENOTCONN, 107);
    QCOMPARE(EADDRINUSE, 98);
    QCOMPARE(EAGAIN, 11);
}

void TstSocketApi::startRefusesWhatItCannotRun()
{
    SocketApiTrial trial;
    QVERIFY(!trial.start(QStringLiteral("socket"))); // no timeline
    Timeline timeline;
    trial.setTimeline(&timeline);
    QVERIFY(!trial.start(QStringLiteral("makefile")));
    QSignalSpy spy(&trial, &SocketApiTrial::finished);
    QVERIFY(trial.start(QStringLiteral("socket")));
    QVERIFY(trial.isRunning());
    QCOMPARE(spy.size(), 0); // never from inside start()
    QVERIFY(!trial.start(QStringLiteral("bind")));
    QVERIFY(spy.wait(5000));
    QVERIFY(!trial.isRunning());
    QCOMPARE(trial.entryName(), QStringLiteral("socket"));
}

void TstSocketApi::tryIt_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("expected");
    const QString rmem = QString::number(tcpRmemDefault());
    const QStringList pairSetup { "S listener socket(AF_INET, SOCK_STREAM) → *",
        "S listener bind(('127.0.0.1', 0)) → 0", "S listener listen(1) → 0",
        "C client socket(AF_INET, SOCK_STREAM) → *", "C client connect(('127.0.0.1', *)) …",
        "C client connect(('127.0.0.1', *)) → 0", "S listener settimeout(1) → None",
        "S listener accept() …", "S listener accept() → (*, ('127.0.0.1', *))" };
    const QStringList udpSetup { "S server socket(AF_INET, SOCK_DGRAM) → *",
        "S server bind(('127.0.0.1', 0)) → 0", "C client socket(AF_INET, SOCK_DGRAM) → *",
        "C client sendto(\"请求连接\", ('127.0.0.1', *)) → 12", "S server settimeout(1) → None",
        "S server recvfrom(1024) …", "S server recvfrom(1024) → (b'*', ('127.0.0.1', *))",
        "S server data 12" };

    QTest::newRow("AF_INET") << "AF_INET"
                             << QStringList { "C sk socket(AF_INET, SOCK_STREAM) → *",
                                    "C sk getsockopt(SOL_SOCKET, SO_DOMAIN) → 2",
                                    "C sk bind(('127.0.0.1', 0)) → 0",
                                    "C sk getsockname() → ('127.0.0.1', *)", "C sk close() → 0" };
    QTest::newRow("AF_INET6") << "AF_INET6"
                              << QStringList { "C sk socket(AF_INET6, SOCK_STREAM) → *",
                                     "C sk getsockopt(SOL_SOCKET, SO_DOMAIN) → 10",
                                     "C sk bind(('::1', 0)) → 0", "C sk getsockname() → ('::1', *)",
                                     "C sk close() → 0" };
    QTest::newRow("AF_UNIX") << "AF_UNIX"
                             << QStringList { "C sk socket(AF_UNIX, SOCK_STREAM) → *",
                                    "C sk getsockopt(SOL_SOCKET, SO_DOMAIN) → 1",
                                    "C sk close() → 0" };
    QTest::newRow("SOCK_STREAM") << "SOCK_STREAM"
                                 << QStringList { "C sk socket(AF_INET, SOCK_STREAM) → *",
                                        "C sk getsockopt(SOL_SOCKET, SO_TYPE) → 1",
                                        "C sk getsockopt(SOL_SOCKET, SO_PROTOCOL) → 6",
                                        "C sk close() → 0" };
    QTest::newRow("SOCK_DGRAM") << "SOCK_DGRAM"
                                << QStringList { "C sk socket(AF_INET, SOCK_DGRAM) → *",
                                       "C sk getsockopt(SOL_SOCKET, SO_TYPE) → 2",
                                       "C sk getsockopt(SOL_SOCKET, SO_PROTOCOL) → 17",
                                       "C sk close() → 0" };
    QStringList raw { "C sk socket(AF_INET, SOCK_RAW) → EPROTONOSUPPORT" };
    const int rawErr = rawSocketErrno();
    if (rawErr == 0) {
        raw << "C sk socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) → *"
            << "C sk getsockopt(SOL_SOCKET, SO_TYPE) → 3"
            << "C sk close() → 0";
    } else {
        QCOMPARE(rawErr, EPERM);
        raw << "C sk socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) → EPERM";
    }
    QTest::newRow("SOCK_RAW") << "SOCK_RAW" << raw;
    QTest::newRow("SOCK_RDM") << "SOCK_RDM"
                              << QStringList { "C sk socket(AF_INET, SOCK_RDM) → ESOCKTNOSUPPORT" };
    QTest::newRow("SOCK_SEQPACKET")
        << "SOCK_SEQPACKET"
        << QStringList { "C sk socket(AF_INET, SOCK_SEQPACKET) → ESOCKTNOSUPPORT",
               "C sk socket(AF_UNIX, SOCK_SEQPACKET) → *",
               "C sk getsockopt(SOL_SOCKET, SO_TYPE) → 5", "C sk close() → 0" };

    QTest::newRow("socket") << "socket"
                            << QStringList { "C sk socket(AF_INET, SOCK_STREAM) → *",
                                   "C sk getsockopt(SOL_SOCKET, SO_PROTOCOL) → 6",
                                   "C sk close() → 0" };
    QTest::newRow("bind") << "bind"
                          << QStringList { "S listener socket(AF_INET, SOCK_STREAM) → *",
                                 "S listener bind(('127.0.0.1', 0)) → 0",
                                 "S listener getsockname() → ('127.0.0.1', *)",
                                 "S second socket(AF_INET, SOCK_STREAM) → *",
                                 "S second bind(('127.0.0.1', *)) → EADDRINUSE",
                                 "S second close() → 0", "S listener close() → 0" };
    QStringList listen { "S listener socket(AF_INET, SOCK_STREAM) → *",
        "S listener bind(('127.0.0.1', 0)) → 0", "S listener listen(1) → 0" };
    for (const QString &c : { "client", "client2" }) {
        listen << "C " + c + " socket(AF_INET, SOCK_STREAM) → *"
               << "C " + c + " settimeout(1) → None"
               << "C " + c + " connect(('127.0.0.1', *)) …"
               << "C " + c + " connect(('127.0.0.1', *)) → 0";
    }
    listen << "C client3 socket(AF_INET, SOCK_STREAM) → *"
           << "C client3 settimeout(0.3) → None"
           << "C client3 connect(('127.0.0.1', *)) …"
           << "C client3 connect(('127.0.0.1', *)) → timeout"
           << "C client3 close() → 0"
           << "C client2 close() → 0"
           << "C client close() → 0"
           << "S listener close() → 0";
    QTest::newRow("listen") << "listen" << listen;
    QTest::newRow("setblocking") << "setblocking"
                                 << QStringList { "S listener socket(AF_INET, SOCK_STREAM) → *",
                                        "S listener bind(('127.0.0.1', 0)) → 0",
                                        "S listener listen(1) → 0",
                                        "S listener setblocking(False) → None",
                                        "S listener accept() …", "S listener accept() → EAGAIN",
                                        "S listener close() → 0" };
    QTest::newRow("accept")
        << "accept"
        << QStringList { "S listener socket(AF_INET, SOCK_STREAM) → *",
               "S listener bind(('127.0.0.1', 0)) → 0", "S listener listen(1) → 0",
               "S listener setblocking(False) → None", "S listener accept() …",
               "S listener accept() → EAGAIN", "C client socket(AF_INET, SOCK_STREAM) → *",
               "C client connect(('127.0.0.1', *)) …", "C client connect(('127.0.0.1', *)) → 0",
               "S listener settimeout(1) → None", "S listener accept() …",
               "S listener accept() → (*, ('127.0.0.1', *))", "S conn close() → 0",
               "C client close() → 0", "S listener close() → 0" };
    for (const QString call : { "connect", "connect_ex" }) {
        const bool ex = call == "connect_ex";
        QTest::newRow(qPrintable(call))
            << call
            << QStringList { "S listener socket(AF_INET, SOCK_STREAM) → *",
                   "S listener bind(('127.0.0.1', 0)) → 0",
                   "C client socket(AF_INET, SOCK_STREAM) → *",
                   "C client " + call + "(('127.0.0.1', *)) …",
                   "C client " + call + "(('127.0.0.1', *)) → " + (ex ? "111" : "ECONNREFUSED"),
                   "C client close() → 0", "S listener listen(1) → 0",
                   "C client socket(AF_INET, SOCK_STREAM) → *",
                   "C client " + call + "(('127.0.0.1', *)) …",
                   "C client " + call + "(('127.0.0.1', *)) → 0",
                   "C client getpeername() → ('127.0.0.1', *)", "C client close() → 0",
                   "S listener close() → 0" };
    }
    QTest::newRow("close") << "close"
                           << pairSetup
            + QStringList { "C client close() → 0", "S conn settimeout(1) → None",
                  "S conn recv(1024) …", "S conn recv(1024) → 0", "S conn data 0",
                  "C client fileno() → -1", "S conn close() → 0", "S listener close() → 0" };
    QTest::newRow("recv") << "recv"
                          << pairSetup
            + QStringList { "C client sendall(\"请求连接\") …",
                  "C client sendall(\"请求连接\") → None", "S conn settimeout(1) → None",
                  "S conn recv(1024) …", "S conn recv(1024) → 12", "S conn data 12",
                  "C client close() → 0", "S conn recv(1024) …", "S conn recv(1024) → 0",
                  "S conn data 0", "S conn close() → 0", "S listener close() → 0" };
    QTest::newRow("recvfrom") << "recvfrom"
                              << udpSetup
            + QStringList { "C client close() → 0", "S server close() → 0" };
    QTest::newRow("sendto") << "sendto"
                            << udpSetup
            + QStringList { "S server close() → 0",
                  "C client sendto(\"请求连接\", ('127.0.0.1', *)) → 12", "C client close() → 0" };
    QTest::newRow("settimeout") << "settimeout"
                                << QStringList { "C sk socket(AF_INET, SOCK_DGRAM) → *",
                                       "C sk bind(('127.0.0.1', 0)) → 0",
                                       "C sk settimeout(0.2) → None", "C sk recvfrom(1024) …",
                                       "C sk recvfrom(1024) → timeout", "C sk settimeout(0) → None",
                                       "C sk recvfrom(1024) …", "C sk recvfrom(1024) → EAGAIN",
                                       "C sk close() → 0" };
    QTest::newRow("gettimeout") << "gettimeout"
                                << QStringList { "C sk socket(AF_INET, SOCK_STREAM) → *",
                                       "C sk gettimeout() → None", "C sk settimeout(2.5) → None",
                                       "C sk gettimeout() → 2.5", "C sk setblocking(False) → None",
                                       "C sk gettimeout() → 0.0", "C sk close() → 0" };
    QTest::newRow("getpeername") << "getpeername"
                                 << QStringList { "S listener socket(AF_INET, SOCK_STREAM) → *",
                                        "S listener bind(('127.0.0.1', 0)) → 0",
                                        "S listener listen(1) → 0",
                                        "C client socket(AF_INET, SOCK_STREAM) → *",
                                        "C client getpeername() → ENOTCONN",
                                        "C client connect(('127.0.0.1', *)) …",
                                        "C client connect(('127.0.0.1', *)) → 0",
                                        "C client getpeername() → ('127.0.0.1', *)",
                                        "C client close() → 0", "S listener close() → 0" };
    QTest::newRow("getsockname") << "getsockname"
                                 << QStringList { "S sk socket(AF_INET, SOCK_STREAM) → *",
                                        "S sk getsockname() → ('0.0.0.0', 0)",
                                        "S sk bind(('127.0.0.1', 0)) → 0",
                                        "S sk getsockname() → ('127.0.0.1', *)",
                                        "S sk close() → 0" };
    QTest::newRow("setsockopt") << "setsockopt"
                                << QStringList { "C sk socket(AF_INET, SOCK_STREAM) → *",
                                       "C sk getsockopt(SOL_SOCKET, SO_RCVBUF) → " + rmem,
                                       "C sk setsockopt(SOL_SOCKET, SO_RCVBUF, 4096) → 0",
                                       "C sk getsockopt(SOL_SOCKET, SO_RCVBUF) → 8192",
                                       "C sk close() → 0" };
    QTest::newRow("getsockopt") << "getsockopt"
                                << QStringList { "C sk socket(AF_INET, SOCK_STREAM) → *",
                                       "C sk getsockopt(SOL_SOCKET, SO_TYPE) → 1",
                                       "C sk getsockopt(SOL_SOCKET, SO_RCVBUF) → " + rmem,
                                       "C sk getsockopt(SOL_SOCKET, SO_ERROR) → 0",
                                       "C sk close() → 0" };
    QTest::newRow("fileno") << "fileno"
                            << QStringList { "C sk socket(AF_INET, SOCK_STREAM) → *",
                                   "C sk fileno() → *", "C sk close() → 0", "C sk fileno() → -1" };
    // send and sendall: their own tests (the kernel decides how much one send() takes).
}

void TstSocketApi::tryIt()
{
    QFETCH(QString, name);
    QFETCH(QStringList, expected);
    Timeline timeline;
    SocketApiTrial trial;
    trial.setTimeline(&timeline);
    const int fdsBefore = openDescriptors();
    const Run run = runTrial(trial, name);
    QVERIFY2(run.finished, qPrintable(name + " did not finish"));
    const QStringList actual = trace(timeline);
    const QString diff = compareTrace(expected, actual);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY2(run.ok, qPrintable(run.summary));
    QVERIFY(!run.summary.isEmpty());
    QCOMPARE(run.summary, trial.summary());
    QVERIFY(!run.summary.startsWith(QStringLiteral("Not as expected")));
    for (const LabEvent &e : timeline.events()) {
        QCOMPARE(e.source, EventSource::App);
        QVERIFY(e.side != Side::Both);
    }
    // Every socket it opened is closed (the descriptors are back to what they were).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCOMPARE(openDescriptors(), fdsBefore);
}

void TstSocketApi::sendTakesPart()
{
    Timeline timeline;
    SocketApiTrial trial;
    trial.setTimeline(&timeline);
    const Run run = runTrial(trial, QStringLiteral("send"));
    QVERIFY(run.finished);
    QVERIFY2(run.ok, qPrintable(run.summary));
    const QStringList t = trace(timeline);
    const QString diff = compareTrace(
        { "S listener socket(AF_INET, SOCK_STREAM) → *",
            "S listener setsockopt(SOL_SOCKET, SO_RCVBUF, 4096) → 0",
            "S listener bind(('127.0.0.1', 0)) → 0", "S listener listen(1) → 0",
            "C client socket(AF_INET, SOCK_STREAM) → *",
            "C client setsockopt(SOL_SOCKET, SO_SNDBUF, 4096) → 0",
            "C client connect(('127.0.0.1', *)) …", "C client connect(('127.0.0.1', *)) → 0",
            "S listener settimeout(1) → None", "S listener accept() …",
            "S listener accept() → (*, ('127.0.0.1', *))", "C client setblocking(False) → None",
            "C client send(\"xxx*\") …", "C client send(\"xxx*\") → *", "C client close() → 0",
            "S conn close() → 0", "S listener close() → 0" },
        t);
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    CallResult send;
    for (const CallResult &r : trial.results()) {
        if (r.call == QLatin1String("send"))
            send = r;
    }
    QCOMPARE(send.call, QStringLiteral("send"));
    QCOMPARE(send.payload.size(), 65536);
    // With 4 KiB buffers (8 KiB after Linux doubles them) one send() takes part: 6144 here.
    const qint64 n = send.value.toLongLong();
    QVERIFY2(n > 0 && n < 65536, qPrintable(QString::number(n)));
    QVERIFY2(run.summary.contains(QString::number(n)), qPrintable(run.summary));
}

void TstSocketApi::sendallLoops()
{
    Timeline timeline;
    SocketApiTrial trial;
    trial.setTimeline(&timeline);
    const Run run = runTrial(trial, QStringLiteral("sendall"));
    QVERIFY(run.finished);
    QVERIFY2(run.ok, qPrintable(run.summary));
    const QStringList t = trace(timeline);
    // The set-up, then sendall() starts; the server's recv()s take the bytes while it waits.
    int sendallStart = -1, sendallReturn = -1, firstRecvReturn = -1, recvCalls = 0;
    qint64 received = 0;
    for (int i = 0; i < timeline.size(); ++i) {
        const LabEvent &e = timeline.at(i);
        if (e.kind == EventKind::Call && e.call == "sendall") {
            QCOMPARE(e.side, Side::Client);
            QCOMPARE(e.bytes.size(), 16384);
            if (e.phase == CallPhase::Start)
                sendallStart = i;
            else
                sendallReturn = i;
            if (e.phase == CallPhase::Return) {
                QVERIFY(!e.failed());
                QVERIFY(!e.result.isValid()); // None
            }
        }
        if (e.kind == EventKind::Call && e.call == "recv" && e.phase == CallPhase::Return) {
            QCOMPARE(e.socket, QStringLiteral("conn"));
            QVERIFY(!e.failed());
            if (firstRecvReturn < 0)
                firstRecvReturn = i;
            ++recvCalls;
            received += e.result.toLongLong();
        }
    }
    QVERIFY(sendallStart >= 0);
    QVERIFY(sendallReturn > sendallStart);
    // sendall() was still waiting when the server read the first bytes: it could not hand
    // everything to the kernel at once, and looped.
    QVERIFY(firstRecvReturn > sendallStart);
    QVERIFY2(firstRecvReturn < sendallReturn, qPrintable(t.join('\n')));
    QCOMPARE(received, 16384);
    QVERIFY2(recvCalls > 1, qPrintable(t.join('\n')));
    QVERIFY2(run.summary.contains(QString::number(recvCalls)), qPrintable(run.summary));
    QCOMPARE(t.last(), QStringLiteral("S listener close() → 0"));
}

void TstSocketApi::settimeoutWaits()
{
    Timeline timeline;
    SocketApiTrial trial;
    trial.setTimeline(&timeline);
    const Run run = runTrial(trial, QStringLiteral("settimeout"));
    QVERIFY(run.finished && run.ok);
    // recvfrom() with settimeout(0.2): start and return 200 ms apart (never early).
    qint64 t0 = -1, waited = -1, t1 = -1, nonBlocking = -1;
    for (const LabEvent &e : timeline.events()) {
        if (e.call != "recvfrom")
            continue;
        if (e.phase == CallPhase::Start)
            (t0 < 0 ? t0 : t1) = e.tUs;
        else if (e.errorDomain == ErrorDomain::Timeout)
            waited = e.tUs - t0;
        else
            nonBlocking = e.tUs - t1;
    }
    QVERIFY2(waited >= 200000 && waited < 1000000, qPrintable(QString::number(waited)));
    QVERIFY2(nonBlocking >= 0 && nonBlocking < 100000, qPrintable(QString::number(nonBlocking)));
}

void TstSocketApi::valuesAgree()
{
    // fileno() returns what socket() returned.
    {
        Timeline timeline;
        SocketApiTrial trial;
        trial.setTimeline(&timeline);
        QVERIFY(runTrial(trial, QStringLiteral("fileno")).ok);
        const QList<CallResult> r = trial.results();
        QCOMPARE(r.size(), 4);
        QVERIFY(r.at(0).value.toInt() >= 0);
        QCOMPARE(r.at(1).value.toInt(), r.at(0).value.toInt());
        QCOMPARE(r.at(3).value.toInt(), -1);
    }
    // bind(): the second socket asked for the port the first one got.
    {
        Timeline timeline;
        SocketApiTrial trial;
        trial.setTimeline(&timeline);
        const Run run = runTrial(trial, QStringLiteral("bind"));
        QVERIFY(run.ok);
        const QList<CallResult> r = trial.results();
        const quint16 port = r.at(2).addr.port;
        QVERIFY(port > 0);
        QCOMPARE(r.at(4).args.value(0), QStringLiteral("('127.0.0.1', %1)").arg(port));
        QCOMPARE(r.at(4).errnum, EADDRINUSE);
        QVERIFY(run.summary.contains(QString::number(port)));
    }
    // accept() returns the client's own address, and connect_ex() the errno as a value.
    {
        Timeline timeline;
        SocketApiTrial trial;
        trial.setTimeline(&timeline);
        const Run run = runTrial(trial, QStringLiteral("connect_ex"));
        QVERIFY(run.ok);
        const CallResult refused = trial.results().at(3);
        QCOMPARE(refused.call, QStringLiteral("connect_ex"));
        QVERIFY(refused.ok());
        QCOMPARE(refused.value.toInt(), ECONNREFUSED);
        QCOMPARE(refused.value.toInt(), 111);
        QVERIFY(run.summary.contains(QStringLiteral("111")));
    }
}

void TstSocketApi::panelFilter()
{
    ApiReferencePanel panel;
    QCOMPARE(panel.visibleEntries(), kConstants + kMethods);
    QCOMPARE(panel.currentEntry(), QStringLiteral("AF_INET"));
    QCOMPARE(panel.signatureText(), QStringLiteral("socket.AF_INET"));
    QCOMPARE(panel.valueText(), QStringLiteral("Value on Linux: 2"));

    QTest::keyClicks(panel.filterEdit(), QStringLiteral("timeout"));
    QCOMPARE(panel.visibleEntries(), QStringList({ "settimeout", "gettimeout" }));
    // The selection follows the filter to a visible entry.
    QCOMPARE(panel.currentEntry(), QStringLiteral("settimeout"));
    QCOMPARE(panel.signatureText(), QStringLiteral("sk.settimeout(value)"));
    QVERIFY(panel.factText().contains("EAGAIN (11)"));

    // The filter reads names and signatures: socket()'s signature names AF_INET.
    panel.filterEdit()->setText(QStringLiteral("af_"));
    QCOMPARE(panel.visibleEntries(), QStringList({ "AF_INET", "AF_INET6", "AF_UNIX", "socket" }));
    panel.filterEdit()->setText(QStringLiteral("nothing-like-this"));
    QVERIFY(panel.visibleEntries().isEmpty());
    QVERIFY(panel.currentEntry().isEmpty());
    QVERIFY(!panel.tryButton()->isEnabled());

    // Selecting a hidden entry clears the filter.
    QVERIFY(panel.selectEntry(QStringLiteral("SOCK_RDM")));
    QVERIFY(panel.filterEdit()->text().isEmpty());
    QCOMPARE(panel.currentEntry(), QStringLiteral("SOCK_RDM"));
    QVERIFY(panel.factText().contains("SOCK_RAM"));
    QVERIFY(panel.explanationText().startsWith("Reliably delivered messages"));
    QVERIFY(!panel.selectEntry(QStringLiteral("makefile")));
}

void TstSocketApi::panelButtonAndShortcut()
{
    ApiReferencePanel panel;
    QVERIFY(!panel.tryButton()->isEnabled()); // no timeline yet
    QCOMPARE(panel.tryButton()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_T));
    Timeline timeline;
    panel.setTimeline(&timeline);
    QVERIFY(panel.tryButton()->isEnabled());

    QVERIFY(panel.selectEntry(QStringLiteral("connect_ex")));
    QSignalSpy spy(&panel, &ApiReferencePanel::trialFinished);
    QTest::mouseClick(panel.tryButton(), Qt::LeftButton);
    QVERIFY(!panel.tryButton()->isEnabled()); // while it runs
    QVERIFY(panel.resultText().contains(QStringLiteral("connect_ex")));
    QVERIFY(spy.wait(5000));
    QVERIFY(spy.at(0).at(0).toBool());
    QVERIFY(panel.tryButton()->isEnabled());
    QVERIFY2(panel.resultText().startsWith(QStringLiteral("connect_ex: connect_ex() returned 111")),
        qPrintable(panel.resultText()));
    QCOMPARE(trace(timeline).size(), 13);

    // Ctrl+T runs the selected entry.
    panel.show();
    panel.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
    QVERIFY(panel.selectEntry(QStringLiteral("SOCK_RDM")));
    timeline.clear();
    QTest::keyClick(&panel, Qt::Key_T, Qt::ControlModifier);
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.size(), 2);
    QCOMPARE(trace(timeline), QStringList { "C sk socket(AF_INET, SOCK_RDM) → ESOCKTNOSUPPORT" });
    QVERIFY(panel.resultText().contains(QStringLiteral("ESOCKTNOSUPPORT (94)")));
}

void TstSocketApi::panelRetranslates()
{
    ApiReferencePanel panel;
    Timeline timeline;
    panel.setTimeline(&timeline);
    QVERIFY(panel.selectEntry(QStringLiteral("listen")));
    QSignalSpy spy(&panel, &ApiReferencePanel::trialFinished);
    panel.tryCurrent();
    QVERIFY(spy.wait(5000));
    const QString english = panel.resultText();
    QCOMPARE(panel.tryButton()->text(), QStringLiteral("Try it"));

    MarkingTranslator marker;
    QVERIFY(QCoreApplication::installTranslator(&marker));
    // Without a running event loop Qt does not send LanguageChange itself; the app's
    // language switcher does the same for every window.
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(&panel, &change);
    QCOMPARE(panel.tryButton()->text(), QStringLiteral("ZZTry it"));
    QVERIFY(panel.filterEdit()->placeholderText().startsWith("ZZ"));
    QVERIFY(panel.explanationText().startsWith("ZZMakes a bound TCP socket"));
    QVERIFY(panel.factText().startsWith("ZZThe source text calls backlog"));
    QVERIFY2(panel.resultText().contains("ZZlisten(1)"), qPrintable(panel.resultText()));
    QVERIFY(panel.resultText() != english);

    QVERIFY(QCoreApplication::removeTranslator(&marker));
    QCoreApplication::sendEvent(&panel, &change);
    QCOMPARE(panel.tryButton()->text(), QStringLiteral("Try it"));
    QCOMPARE(panel.resultText(), english);
}

QTEST_MAIN(TstSocketApi)
#include "tst_socketapi.moc"
