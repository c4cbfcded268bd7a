// The surprises of issue 4 (items 2, 4, 5) on real loopback sockets:
// udp-unreachable (ICMP port unreachable reaches only a connected UDP
// socket), getaddrinfo-order (each address of a name tried in turn),
// permissions (EACCES and EPERM without root) and text-encodings (bytes,
// not text), with their exact bytes, errnos and event order; the
// TextCodec and KernelCounters helpers; and the same demos through the
// socketlab binary (--demo NAME --json / --print, --list).

#include "net/kernelcounters.h"
#include "net/textcodec.h"
#include "programs/getaddrinfoorderdemo.h"
#include "programs/permissionsdemo.h"
#include "programs/segmentinferrer.h"
#include "programs/textencodingsdemo.h"
#include "programs/udpunreachabledemo.h"
#include "timeline/timeline.h"

#include "labtest.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <cerrno>
#include <netinet/in.h>
#include <unistd.h>

namespace {

using Run = LabTest::DemoRun;
using Cli = LabTest::CliRun;

Cli cli(const QStringList &args)
{
    return LabTest::runCli(args, 30000);
}

int find(const QList<QJsonObject> &events, const QVariantMap &want, int from = 0)
{
    return LabTest::findEvent(events, want, from);
}

/** Whether this machine can bind ::1 (IPv6 loopback). */
bool hasIpv6Loopback()
{
    const int fd = ::socket(AF_INET6, SOCK_DGRAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in6 a {};
    a.sin6_family = AF_INET6;
    a.sin6_addr = in6addr_loopback;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
}

} // namespace

class TstSurprises : public QObject
{
    Q_OBJECT

private slots:
    void textCodec_data();
    void textCodec();
    void textCodecNames();
    void cutSequenceAtTheEnd();
    void kernelCounters();

    void udpUnreachable_data();
    void udpUnreachable();
    void getaddrinfoAddressList_data();
    void getaddrinfoAddressList();
    void getaddrinfoOrderList();
    void getaddrinfoOrderName();
    void getaddrinfoOrderAllRefused();
    void permissions();
    void permissionsMatchSetpriv();
    void textEncodings();

    void cliList();
    void cliUdpUnreachable();
    void cliGetaddrinfoOrder();
    void cliPermissions();
    void cliTextEncodings();
};

void TstSurprises::textCodec_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("你好 utf-8") << QStringLiteral("你好") << QStringLiteral("utf-8")
                                << QByteArray::fromHex("e4bda0e5a5bd");
    QTest::newRow("你好 gbk") << QStringLiteral("你好") << QStringLiteral("gbk")
                              << QByteArray::fromHex("c4e3bac3");
    QTest::newRow("请求连接 gbk") << QStringLiteral("请求连接") << QStringLiteral("GBK")
                                  << QByteArray::fromHex("c7ebc7f3c1acbdd3");
    QTest::newRow("ascii gbk") << QStringLiteral("GET /") << QStringLiteral("gbk")
                               << QByteArray("GET /");
}

void TstSurprises::textCodec()
{
    QFETCH(QString, text);
    QFETCH(QString, encoding);
    QFETCH(QByteArray, bytes);
    if (!TextCodec::isAvailable(QStringLiteral("gbk")))
        QSKIP("this Qt has no GBK converter (built without ICU)");
    const TextCodec::Result e = TextCodec::encode(text, encoding);
    QVERIFY(e.valid);
    QCOMPARE(e.bytes, bytes);
    QCOMPARE(e.text, text);
    const TextCodec::Result d = TextCodec::decode(bytes, encoding);
    QVERIFY(d.valid);
    QCOMPARE(d.text, text);
    // The same text as a timeline event shows it.
    LabEvent ev;
    ev.bytes = bytes;
    ev.encoding = TextCodec::canonical(encoding);
    QCOMPARE(ev.text(), text);
    QVERIFY(ev.textIsValid());
}

void TstSurprises::cutSequenceAtTheEnd()
{
    if (!TextCodec::isAvailable(QStringLiteral("gbk")))
        QSKIP("this Qt has no GBK converter (built without ICU)");
    // 你已连接成功。 in UTF-8 read as GBK: its last byte (0x82) starts a GBK character that
    // never ends. It shows as U+FFFD, as Python's errors="replace" does, and is not dropped.
    const QByteArray reply = QStringLiteral("你已连接成功。").toUtf8();
    const TextCodec::Result d = TextCodec::decode(reply, QStringLiteral("gbk"));
    QVERIFY(!d.valid);
    QCOMPARE(d.text, QStringLiteral("浣犲凡杩炴帴鎴愬姛銆\uFFFD"));
    // UTF-8 cut in the middle of 你 (e4 bd a0): one U+FFFD each, nothing dropped.
    const TextCodec::Result u
        = TextCodec::decode(QByteArray::fromHex("41e4bd"), QStringLiteral("utf-8"));
    QVERIFY(!u.valid);
    QVERIFY(u.text.startsWith(QLatin1Char('A')));
    QVERIFY(u.text.size() >= 2);
    QVERIFY(u.text.mid(1).count(QChar(0xFFFD)) == u.text.size() - 1);
    LabEvent ev;
    ev.bytes = reply;
    ev.encoding = QStringLiteral("gbk");
    QCOMPARE(ev.text(), d.text);
}

void TstSurprises::textCodecNames()
{
    QCOMPARE(TextCodec::encodings(), (QStringList { "utf-8", "gbk" }));
    QCOMPARE(TextCodec::canonical(QStringLiteral("UTF8")), QStringLiteral("utf-8"));
    QCOMPARE(TextCodec::canonical(QStringLiteral("utf_8")), QStringLiteral("utf-8"));
    QCOMPARE(TextCodec::canonical(QStringLiteral("cp936")), QStringLiteral("gbk"));
    QCOMPARE(TextCodec::canonical(QStringLiteral("latin-1")), QString());
    QCOMPARE(TextCodec::displayName(QStringLiteral("gbk")), QStringLiteral("GBK"));
    QCOMPARE(TextCodec::displayName(QStringLiteral("utf-8")), QStringLiteral("UTF-8"));
    QVERIFY(TextCodec::isAvailable(QStringLiteral("utf-8")));
    QVERIFY(!TextCodec::isAvailable(QStringLiteral("ebcdic")));
    QCOMPARE(TextCodec::hex(QByteArray::fromHex("c4e3bac3")), QStringLiteral("c4 e3 ba c3"));
    QCOMPARE(TextCodec::hex({}), QString());

    // Unknown encoding: nothing, not valid.
    const TextCodec::Result unknown = TextCodec::encode(QStringLiteral("x"), QStringLiteral("koi"));
    QVERIFY(!unknown.valid);
    QVERIFY(unknown.bytes.isEmpty());

    // GBK bytes decoded as UTF-8: U+FFFD, not valid; UTF-8 as GBK: mojibake, valid.
    const TextCodec::Result garbled
        = TextCodec::decode(QByteArray::fromHex("c4e3bac3"), QStringLiteral("utf-8"));
    QVERIFY(!garbled.valid);
    QVERIFY(garbled.text.contains(QChar(0xFFFD)));
    QVERIFY(!garbled.text.contains(QStringLiteral("你")));
    if (!TextCodec::isAvailable(QStringLiteral("gbk")))
        QSKIP("this Qt has no GBK converter (built without ICU)");
    const TextCodec::Result mojibake
        = TextCodec::decode(QByteArray::fromHex("e4bda0e5a5bd"), QStringLiteral("gbk"));
    QVERIFY(mojibake.valid);
    QCOMPARE(mojibake.text, QStringLiteral("浣犲ソ"));
    // A character GBK lacks: not valid (Python raises UnicodeEncodeError).
    QVERIFY(!TextCodec::encode(QStringLiteral("😀"), QStringLiteral("gbk")).valid);
    // A cut GBK character at the end becomes U+FFFD (stateless).
    const TextCodec::Result cut
        = TextCodec::decode(QByteArray::fromHex("c4e3ba"), QStringLiteral("gbk"));
    QVERIFY(!cut.valid);
    QVERIFY(cut.text.startsWith(QStringLiteral("你")));
}

void TstSurprises::kernelCounters()
{
    QFile f(QStringLiteral("/proc/sys/net/ipv4/ip_unprivileged_port_start"));
    if (!f.open(QIODevice::ReadOnly))
        QSKIP("no /proc/sys/net/ipv4/ip_unprivileged_port_start on this kernel");
    const qint64 expected = f.readAll().trimmed().toLongLong();
    QCOMPARE(KernelCounters::sysctl(QStringLiteral("net.ipv4.ip_unprivileged_port_start")),
        std::optional<qint64>(expected));
    QCOMPARE(KernelCounters::sysctl(QStringLiteral("net/ipv4/ip_unprivileged_port_start")),
        std::optional<qint64>(expected));
    QCOMPARE(KernelCounters::sysctl(QStringLiteral("net.ipv4.no_such_sysctl")), std::nullopt);
    QVERIFY(KernelCounters::snmp(QStringLiteral("Icmp:OutDestUnreachs")).has_value());
    QVERIFY(KernelCounters::snmp(QStringLiteral("Udp:NoPorts")).has_value());
    QCOMPARE(KernelCounters::snmp(QStringLiteral("Udp:NoSuchField")), std::nullopt);
    QCOMPARE(KernelCounters::snmp(QStringLiteral("Nope:NoPorts")), std::nullopt);
}

void TstSurprises::udpUnreachable_data()
{
    QTest::addColumn<QString>("host");
    QTest::newRow("IPv4") << QStringLiteral("127.0.0.1");
    QTest::newRow("IPv6") << QStringLiteral("::1");
}

void TstSurprises::udpUnreachable()
{
    QFETCH(QString, host);
    const bool v6 = host.contains(QLatin1Char(':'));
    if (v6 && !hasIpv6Loopback())
        QSKIP("no IPv6 loopback on this machine");
    Run r;
    UdpUnreachableDemo demo(&r.timeline, &r.inferrer);
    QVERIFY2(Run::run(demo, host), qPrintable(demo.failure().errorMessage()));
    const quint16 port = demo.closedPort();
    QVERIFY(port != 0);
    const QString target = SockAddr { v6 ? AF_INET6 : AF_INET, host, port }.pythonRepr();

    // The calls, in order: the closed port made, then the three parts.
    const QString opt = v6 ? QStringLiteral("IPV6_RECVERR") : QStringLiteral("IP_RECVERR");
    QCOMPARE(r.calls(false),
        (QStringList { "closed-port socket return", "closed-port bind return",
            "closed-port close return", "connected socket return", "connected settimeout return",
            "connected connect return", "connected send start", "connected send return",
            "connected recv start", "connected recv return", "connected close return",
            "unconnected socket return", "unconnected settimeout return",
            "unconnected sendto start", "unconnected sendto return", "unconnected recvfrom start",
            "unconnected recvfrom return", "unconnected close return", "recverr socket return",
            "recverr setsockopt return", "recverr settimeout return", "recverr sendto start",
            "recverr sendto return", "recverr recvfrom start", "recverr recvfrom return",
            "recverr close return" }));

    // Part 1: connect() and send() succeed; recv() fails with ECONNREFUSED (111).
    const int connect
        = r.findCall(QStringLiteral("connect"), CallPhase::Return, QStringLiteral("connected"));
    QCOMPARE(r.timeline.at(connect).args, QStringList { target });
    QVERIFY(!r.timeline.at(connect).failed());
    const int send
        = r.findCall(QStringLiteral("send"), CallPhase::Return, QStringLiteral("connected"));
    QCOMPARE(r.timeline.at(send).bytes, QByteArray("ping"));
    QCOMPARE(r.timeline.at(send).result.toInt(), 4);
    const int recv
        = r.findCall(QStringLiteral("recv"), CallPhase::Return, QStringLiteral("connected"));
    QCOMPARE(r.timeline.at(recv).errorDomain, ErrorDomain::Errno);
    QCOMPARE(r.timeline.at(recv).errnum, 111);
    QCOMPARE(r.timeline.at(recv).errnum, int(ECONNREFUSED));
    QCOMPARE(demo.receive(0).errnum, 111);

    // Part 2: sendto() succeeds; recvfrom() only times out, after the 0.5 s timeout.
    const int start2
        = r.findCall(QStringLiteral("recvfrom"), CallPhase::Start, QStringLiteral("unconnected"));
    const int end2
        = r.findCall(QStringLiteral("recvfrom"), CallPhase::Return, QStringLiteral("unconnected"));
    QCOMPARE(r.timeline.at(end2).errorDomain, ErrorDomain::Timeout);
    QCOMPARE(r.timeline.at(end2).errnum, 0);
    const qint64 waited = r.timeline.at(end2).tUs - r.timeline.at(start2).tUs;
    QVERIFY2(waited >= 490000 && waited < 3000000, qPrintable(QString::number(waited)));
    QCOMPARE(demo.receive(1).errorDomain, ErrorDomain::Timeout);

    // Part 3: IP_RECVERR on the unconnected socket: recvfrom() fails with ECONNREFUSED.
    const int so
        = r.findCall(QStringLiteral("setsockopt"), CallPhase::Return, QStringLiteral("recverr"));
    QCOMPARE(r.timeline.at(so).args.value(1), opt);
    QVERIFY(!r.timeline.at(so).failed());
    const int end3
        = r.findCall(QStringLiteral("recvfrom"), CallPhase::Return, QStringLiteral("recverr"));
    QCOMPARE(r.timeline.at(end3).errorDomain, ErrorDomain::Errno);
    QCOMPARE(r.timeline.at(end3).errnum, 111);
    QVERIFY(r.timeline.at(end3).tUs - r.timeline.at(so).tUs < 400000); // at once, no timeout

    // One inferred datagram per part, "ping" to the closed port; no data ever arrived.
    const QList<LabEvent> datagrams = r.of(EventKind::Datagram);
    QCOMPARE(datagrams.size(), 3);
    for (const LabEvent &d : datagrams) {
        QCOMPARE(d.source, EventSource::Inferred);
        QCOMPARE(d.bytes, QByteArray("ping"));
        QCOMPARE(d.dst, SockAddr({ v6 ? AF_INET6 : AF_INET, host, port }).toString());
        QVERIFY2(d.src.startsWith(v6 ? QStringLiteral("[::1]:") : QStringLiteral("127.0.0.1:")),
            qPrintable(d.src));
    }
    QVERIFY(r.of(EventKind::Data).isEmpty());

    // The kernel sent ICMP port unreachable each time (its counter is per namespace:
    // other programs may add to it, never take away).
    for (int part = 0; part < 3; ++part) {
        if (!demo.icmpSent(part))
            QSKIP("the ICMP counters of /proc/net/snmp are unreadable here");
        QVERIFY2(*demo.icmpSent(part) >= 1, qPrintable(QString::number(part)));
    }

    // Captions: the port, then one per part with its errno or wait.
    const QList<LabEvent> notes = r.of(EventKind::Note);
    QCOMPARE(notes.size(), 4);
    QCOMPARE(notes.at(0).noteArgs, QStringList { QString::number(port) });
    QCOMPARE(notes.at(1).noteArgs.value(0), QString::number(port));
    QCOMPARE(notes.at(1).noteArgs.value(2), QStringLiteral("111"));
    QCOMPARE(notes.at(3).noteArgs.value(1), opt);
    QCOMPARE(notes.at(3).noteArgs.value(3), QStringLiteral("111"));
    QVERIFY(notes.at(1).tUs > r.timeline.at(recv).tUs);
}

void TstSurprises::getaddrinfoAddressList_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QStringList>("list");
    QTest::newRow("default") << GetaddrinfoOrderDemo::defaultHost()
                             << QStringList { "::1", "127.0.0.1" };
    QTest::newRow("one") << QStringLiteral("127.0.0.1") << QStringList { "127.0.0.1" };
    QTest::newRow("spaces") << QStringLiteral(" 127.0.0.1 , ::1 ")
                            << QStringList { "127.0.0.1", "::1" };
    QTest::newRow("name") << QStringLiteral("localhost") << QStringList();
    QTest::newRow("mixed") << QStringLiteral("::1,localhost") << QStringList();
    QTest::newRow("empty item") << QStringLiteral("::1,") << QStringList();
}

void TstSurprises::getaddrinfoAddressList()
{
    QFETCH(QString, host);
    QFETCH(QStringList, list);
    QCOMPARE(GetaddrinfoOrderDemo::addressList(host), list);
}

void TstSurprises::getaddrinfoOrderList()
{
    if (!hasIpv6Loopback())
        QSKIP("no IPv6 loopback on this machine: ::1 cannot be tried");
    Run r;
    GetaddrinfoOrderDemo demo(&r.timeline, &r.inferrer);
    QVERIFY2(
        Run::run(demo, QStringLiteral("::1,127.0.0.1")), qPrintable(demo.failure().errorMessage()));
    QVERIFY(!demo.resolved());
    const QList<SockAddr> c = demo.candidates();
    QCOMPARE(c.size(), 2);
    QCOMPARE(c.at(0).host, QStringLiteral("::1"));
    QCOMPARE(c.at(1).host, QStringLiteral("127.0.0.1"));
    const quint16 port = c.at(0).port;
    QCOMPARE(c.at(1).port, port);

    // The server: 127.0.0.1 only.
    const int bind
        = r.findCall(QStringLiteral("bind"), CallPhase::Return, QStringLiteral("listener"));
    QCOMPARE(r.timeline.at(bind).args, QStringList { QStringLiteral("('127.0.0.1', 0)") });

    // No getaddrinfo() call: the list stands for its answer, said in a note.
    QCOMPARE(
        r.findCall(QStringLiteral("getaddrinfo"), CallPhase::Start, QStringLiteral("client")), -1);
    const QList<LabEvent> notes = r.of(EventKind::Note);
    QCOMPARE(notes.size(), 3);
    QCOMPARE(notes.at(0).noteArgs.value(0),
        QStringLiteral("[(AF_INET6, ('::1', %1)), (AF_INET, ('127.0.0.1', %1))]").arg(port));

    // Attempt 1: socket(AF_INET6), connect(::1) refused (111), close(); attempt 2 connects.
    const QString client = QStringLiteral("client");
    QStringList attempts;
    for (const LabEvent &e : r.of(EventKind::Call)) {
        if (e.socket == client)
            attempts << QStringLiteral("%1(%2) %3 %4")
                            .arg(e.call, e.args.join(QLatin1String(", ")), callPhaseToken(e.phase),
                                e.phase == CallPhase::Return && e.failed()
                                    ? errorName(e.errorDomain, e.errnum)
                                    : QStringLiteral("ok"));
    }
    const QString v6 = QStringLiteral("('::1', %1)").arg(port);
    const QString v4 = QStringLiteral("('127.0.0.1', %1)").arg(port);
    QCOMPARE(attempts.mid(0, 7),
        (QStringList { "socket(AF_INET6, SOCK_STREAM) return ok",
            QStringLiteral("connect(%1) start ok").arg(v6),
            QStringLiteral("connect(%1) return ECONNREFUSED").arg(v6), "close() return ok",
            "socket(AF_INET, SOCK_STREAM) return ok",
            QStringLiteral("connect(%1) start ok").arg(v4),
            QStringLiteral("connect(%1) return ok").arg(v4) }));
    QCOMPARE(demo.attempts().size(), 2);
    QCOMPARE(demo.attempts().at(0).errnum, 111);
    QVERIFY(demo.attempts().at(1).ok());
    const int refused = r.findCall(QStringLiteral("connect"), CallPhase::Return, client);
    QCOMPARE(r.timeline.at(refused).errnum, int(ECONNREFUSED));
    // The server accepted the second attempt, after it connected.
    const int connected
        = r.findCall(QStringLiteral("connect"), CallPhase::Return, client, refused + 1);
    const int accept
        = r.findCall(QStringLiteral("accept"), CallPhase::Return, QStringLiteral("listener"));
    QVERIFY(refused < connected && connected < accept);
    // The refusal on the wire: SYN then RST,ACK (inferred), before connect() returned 111.
    QStringList flags;
    for (int i = 0; i < refused; ++i) {
        if (r.timeline.at(i).kind == EventKind::Segment)
            flags << r.timeline.at(i).flags.join(QLatin1Char(','));
    }
    QCOMPARE(flags, (QStringList { "SYN", "RST,ACK" }));
    QCOMPARE(notes.at(1).noteArgs,
        (QStringList { "1", QStringLiteral("[::1]:%1").arg(port), "111", "ECONNREFUSED" }));
    QCOMPARE(notes.at(2).noteArgs.value(0), QStringLiteral("2"));
}

void TstSurprises::getaddrinfoOrderName()
{
    // A name is resolved for real, off the GUI thread: this machine's /etc/hosts
    // maps localhost to 127.0.0.1 (and maybe ::1).
    Run r;
    GetaddrinfoOrderDemo demo(&r.timeline, &r.inferrer);
    QVERIFY2(
        Run::run(demo, QStringLiteral("localhost")), qPrintable(demo.failure().errorMessage()));
    QVERIFY(demo.resolved());
    const QString client = QStringLiteral("client");
    const int start = r.findCall(QStringLiteral("getaddrinfo"), CallPhase::Start, client);
    const int ret = r.findCall(QStringLiteral("getaddrinfo"), CallPhase::Return, client);
    QVERIFY(start >= 0 && start < ret);
    const quint16 port = demo.candidates().value(0).port;
    QCOMPARE(r.timeline.at(start).args,
        (QStringList { "'localhost'", QString::number(port), "type=SOCK_STREAM" }));
    const QString answer = r.timeline.at(ret).result.toString();
    QVERIFY2(answer.contains(QStringLiteral("(AF_INET, ('127.0.0.1', %1))").arg(port)),
        qPrintable(answer));
    bool hasV4 = false;
    for (const SockAddr &a : demo.candidates())
        hasV4 = hasV4 || a.host == QLatin1String("127.0.0.1");
    QVERIFY(hasV4);
    // Every attempt follows the answer; the last one connected.
    const int firstSocket = r.findCall(QStringLiteral("socket"), CallPhase::Return, client);
    QVERIFY(ret < firstSocket);
    QVERIFY(demo.attempts().last().ok());
    QCOMPARE(demo.attempts().last().args.value(0), QStringLiteral("('127.0.0.1', %1)").arg(port));
}

void TstSurprises::getaddrinfoOrderAllRefused()
{
    // Only addresses nobody listens on: create_connection() raises the last error.
    if (!hasIpv6Loopback())
        QSKIP("no IPv6 loopback on this machine");
    Run r;
    GetaddrinfoOrderDemo demo(&r.timeline, &r.inferrer);
    QVERIFY(!Run::run(demo, QStringLiteral("::1")));
    QCOMPARE(demo.failure().call, QStringLiteral("connect"));
    QCOMPARE(demo.failure().errnum, int(ECONNREFUSED));
    QCOMPARE(demo.attempts().size(), 1);
}

void TstSurprises::permissions()
{
    Run r;
    PermissionsDemo demo(&r.timeline, &r.inferrer);
    QVERIFY2(Run::run(demo), qPrintable(demo.failure().errorMessage()));
    const auto start
        = KernelCounters::sysctl(QStringLiteral("net.ipv4.ip_unprivileged_port_start"));
    QCOMPARE(demo.unprivilegedPortStart(), start);
    const QList<LabEvent> notes = r.of(EventKind::Note);
    QVERIFY(!notes.isEmpty());
    if (start)
        QCOMPARE(notes.at(0).noteArgs.value(0), QString::number(*start));
    if (!demo.unprivilegedRan())
        QSKIP(qPrintable(QStringLiteral("cannot drop privileges here: %1 failed with errno %2")
                             .arg(demo.dropFailure().call)
                             .arg(demo.dropFailure().errnum)));
    const bool privileged = !start || *start > PermissionsDemo::kPort;

    // Without privileges: bind() to port 80 → EACCES (13) unless the sysctl allows it;
    // a raw ICMP socket → EPERM (1).
    const CallResult bind = demo.unprivilegedBind();
    QCOMPARE(bind.call, QStringLiteral("bind"));
    QCOMPARE(bind.args, QStringList { QStringLiteral("('127.0.0.1', 80)") });
    if (privileged) {
        QCOMPARE(bind.errorDomain, ErrorDomain::Errno);
        QCOMPARE(bind.errnum, 13);
        QCOMPARE(bind.errnum, int(EACCES));
    } else {
        QVERIFY(bind.ok());
    }
    const CallResult raw = demo.unprivilegedRaw();
    QCOMPARE(raw.args, (QStringList { "AF_INET", "SOCK_RAW", "IPPROTO_ICMP" }));
    QCOMPARE(raw.errorDomain, ErrorDomain::Errno);
    QCOMPARE(raw.errnum, 1);
    QCOMPARE(raw.errnum, int(EPERM));

    if (!demo.ranAsRoot())
        QSKIP("not run as root: the contrast with root is left out");
    // The child's calls, on the timeline as the unprivileged process's, in order.
    const QString child = QStringLiteral("uid-65534");
    const QString root = QStringLiteral("uid-0");
    QStringList childCalls, rootCalls;
    for (const LabEvent &e : r.of(EventKind::Call)) {
        QCOMPARE(e.side, Side::Client);
        const QString line = QStringLiteral("%1 %2").arg(
            e.call, e.failed() ? errorName(e.errorDomain, e.errnum) : QStringLiteral("ok"));
        if (e.socket == child)
            childCalls << line;
        else if (e.socket == root)
            rootCalls << line;
        else
            QFAIL(qPrintable(e.socket));
    }
    QCOMPARE(childCalls,
        (QStringList { "setgroups ok", "setresgid ok", "prctl ok", "capset ok", "setresuid ok",
            "capget ok", "socket ok", privileged ? "bind EACCES" : "bind ok", "close ok",
            "socket EPERM" }));
    QCOMPARE(demo.childCapabilities(), std::optional<quint64>(0));
    // Root: fork() first, then the same calls succeed (port 80 may be taken by a server).
    QCOMPARE(rootCalls.value(0), QStringLiteral("fork ok"));
    QCOMPARE(rootCalls.value(1), QStringLiteral("socket ok"));
    QVERIFY(demo.rootBind().ok()
        || (demo.rootBind().errorDomain == ErrorDomain::Errno
            && demo.rootBind().errnum == EADDRINUSE));
    QVERIFY(demo.rootRaw().ok());
    QVERIFY(demo.rootRaw().value.toInt() >= 0);
    // Time order: fork() < the child's calls < root's calls.
    const int fork = r.findCall(QStringLiteral("fork"), CallPhase::Return, root);
    const int setgroups = r.findCall(QStringLiteral("setgroups"), CallPhase::Return, child);
    const int childRaw = r.findCall(QStringLiteral("socket"), CallPhase::Return, child,
        r.findCall(QStringLiteral("bind"), CallPhase::Return, child));
    const int rootSocket = r.findCall(QStringLiteral("socket"), CallPhase::Return, root);
    QVERIFY(fork < setgroups && setgroups < childRaw && childRaw < rootSocket);
    const LabEvent &e = r.timeline.at(childRaw);
    QCOMPARE(e.toJson().value(QStringLiteral("error")).toString(), QStringLiteral("EPERM"));
    QCOMPARE(e.toJson().value(QStringLiteral("errno")).toInt(), 1);
    // Captions: the sysctl, the child, EACCES, EPERM, root's calls, root's success.
    QCOMPARE(notes.size(), 6);
    if (privileged) {
        QCOMPARE(notes.at(2).noteArgs, (QStringList { "65534", "80", "13" }));
        QCOMPARE(notes.at(3).noteArgs, (QStringList { "65534", "1" }));
    }
}

void TstSurprises::permissionsMatchSetpriv()
{
    // What the demo's child reports must be what setpriv itself gives a program.
    if (::geteuid() != 0)
        QSKIP("not root: setpriv cannot change the user");
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (setpriv.isEmpty())
        QSKIP("setpriv is not installed (util-linux): nothing to compare with");
    // The system's python3: a per-user one (pyenv under /root) is unreadable for nobody.
    const QString python = QStringLiteral("/usr/bin/python3");
    if (!QFile::exists(python))
        QSKIP("/usr/bin/python3 is not installed");
    QProcess p;
    p.start(setpriv,
        { "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all",
            "--bounding-set=-all", python, "-c",
            "import socket\n"
            "def e(f):\n"
            "    try:\n"
            "        f(); return 0\n"
            "    except OSError as x:\n"
            "        return x.errno\n"
            "s = socket.socket()\n"
            "print(e(lambda: s.bind(('127.0.0.1', 80))), "
            "e(lambda: socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)))\n" });
    QVERIFY(p.waitForFinished(20000));
    if (p.exitCode() != 0)
        QSKIP(qPrintable(QStringLiteral("setpriv could not drop privileges here: %1")
                             .arg(QString::fromUtf8(p.readAllStandardError()).trimmed())));
    const QStringList errnos
        = QString::fromUtf8(p.readAllStandardOutput()).trimmed().split(QLatin1Char(' '));

    Run r;
    PermissionsDemo demo(&r.timeline, &r.inferrer);
    QVERIFY(Run::run(demo));
    if (!demo.unprivilegedRan())
        QSKIP("the demo could not drop privileges here");
    QCOMPARE(errnos,
        (QStringList { QString::number(demo.unprivilegedBind().errnum),
            QString::number(demo.unprivilegedRaw().errnum) }));
}

void TstSurprises::textEncodings()
{
    if (!TextCodec::isAvailable(QStringLiteral("gbk")))
        QSKIP("this Qt has no GBK converter (built without ICU)");
    Run r;
    TextEncodingsDemo demo(&r.timeline, &r.inferrer);
    QVERIFY2(Run::run(demo), qPrintable(demo.failure().errorMessage()));

    // What the server received: exactly the bytes sent, decoded as the server chose.
    const QList<LabEvent> data = r.of(EventKind::Data);
    QCOMPARE(data.size(), 3);
    QCOMPARE(data.at(0).bytes, QByteArray::fromHex("c4e3bac3"));
    QCOMPARE(data.at(0).encoding, QStringLiteral("utf-8"));
    QVERIFY(!data.at(0).textIsValid());
    QVERIFY(data.at(0).text().contains(QChar(0xFFFD)));
    QCOMPARE(data.at(1).bytes, QByteArray::fromHex("e4bda0e5a5bd"));
    QCOMPARE(data.at(1).encoding, QStringLiteral("gbk"));
    QVERIFY(data.at(1).textIsValid());
    QCOMPARE(data.at(1).text(), QStringLiteral("浣犲ソ"));
    QCOMPARE(data.at(2).bytes, QByteArray::fromHex("e4bda0e5a5bd"));
    QCOMPARE(data.at(2).encoding, QStringLiteral("utf-8"));
    QCOMPARE(data.at(2).text(), QStringLiteral("你好"));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(data.at(i).side, Side::Server);
        QCOMPARE(data.at(i).socket, QStringLiteral("conn"));
        QCOMPARE(demo.received(i), data.at(i).bytes);
    }
    const QJsonObject j0 = data.at(0).toJson();
    QCOMPARE(j0.value(QStringLiteral("encoding")).toString(), QStringLiteral("utf-8"));
    QCOMPARE(j0.value(QStringLiteral("valid")).toBool(), false);
    QCOMPARE(j0.value(QStringLiteral("hex")).toString(), QStringLiteral("c4 e3 ba c3"));
    const QJsonObject j1 = data.at(1).toJson();
    QCOMPARE(j1.value(QStringLiteral("encoding")).toString(), QStringLiteral("gbk"));
    QCOMPARE(j1.value(QStringLiteral("valid")).toBool(), true);
    QCOMPARE(j1.value(QStringLiteral("text")).toString(), QStringLiteral("浣犲ソ"));

    // Each sendall() carries the client's bytes in the client's encoding: always 你好.
    const QString client = QStringLiteral("client");
    QStringList sent;
    for (const LabEvent &e : r.of(EventKind::Call)) {
        if (e.call == QLatin1String("sendall") && e.phase == CallPhase::Start) {
            QCOMPARE(e.text(), QStringLiteral("你好"));
            sent << QStringLiteral("%1 %2").arg(e.encoding, TextCodec::hex(e.bytes));
        }
    }
    QCOMPARE(sent,
        (QStringList { "gbk c4 e3 ba c3", "utf-8 e4 bd a0 e5 a5 bd", "utf-8 e4 bd a0 e5 a5 bd" }));

    // Order: each sendall() returns before the server's recv() that reads its bytes.
    int from = 0;
    for (int i = 0; i < 3; ++i) {
        const int send = r.findCall(QStringLiteral("sendall"), CallPhase::Return, client, from);
        const int recv
            = r.findCall(QStringLiteral("recv"), CallPhase::Return, QStringLiteral("conn"), send);
        QVERIFY(send >= 0 && send < recv);
        QCOMPARE(r.timeline.at(recv).result.toInt(), i == 0 ? 4 : 6);
        from = recv;
    }
    // The segments: 4, 6 and 6 bytes from the client, in stream order.
    QStringList segments;
    for (const LabEvent &e : r.of(EventKind::Segment)) {
        if (e.len > 0)
            segments
                << QStringLiteral("%1 seq=%2 len=%3").arg(sideToken(e.side)).arg(e.seq).arg(e.len);
    }
    QCOMPARE(segments,
        (QStringList { "client seq=1 len=4", "client seq=5 len=6", "client seq=11 len=6" }));

    // Captions: the hex sent and what the server made of it.
    const QList<LabEvent> notes = r.of(EventKind::Note);
    QCOMPARE(notes.size(), 6);
    QCOMPARE(notes.at(0).noteArgs, (QStringList { "你好", "c4 e3 ba c3" }));
    QCOMPARE(notes.at(1).noteArgs.value(1), QStringLiteral("c4 e3 ba c3"));
    QCOMPARE(notes.at(3).noteArgs, (QStringList { "e4 bd a0 e5 a5 bd", "浣犲ソ" }));
    QCOMPARE(notes.at(5).noteArgs, (QStringList { "e4 bd a0 e5 a5 bd", "你好" }));
}

void TstSurprises::cliList()
{
    const Cli l = cli({ QStringLiteral("--list"), QStringLiteral("--lang"), QStringLiteral("en") });
    QCOMPARE(l.code, 0);
    for (const char *name :
        { "udp-unreachable", "getaddrinfo-order", "permissions", "text-encodings" })
        QVERIFY2(l.out.contains(QStringLiteral("\n  %1 ").arg(QLatin1String(name))), name);
    // One scripted exchange each: --serve refuses them.
    for (const char *name : { "udp-unreachable", "text-encodings" })
        QCOMPARE(cli({ QStringLiteral("--serve"), QLatin1String(name) }).code, 2);
}

void TstSurprises::cliUdpUnreachable()
{
    const Cli r = cli(
        { QStringLiteral("--demo"), QStringLiteral("udp-unreachable"), QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    const int send = find(r.events,
        { { "kind", "call" }, { "call", "send" }, { "phase", "return" }, { "result", 4 },
            { "socket", "connected" } });
    const int refused = find(r.events,
        { { "kind", "call" }, { "call", "recv" }, { "phase", "return" }, { "errno", 111 },
            { "error", "ECONNREFUSED" }, { "socket", "connected" } });
    const int timeout = find(r.events,
        { { "kind", "call" }, { "call", "recvfrom" }, { "phase", "return" }, { "error", "timeout" },
            { "socket", "unconnected" } });
    const int recverr = find(r.events,
        { { "kind", "call" }, { "call", "recvfrom" }, { "phase", "return" }, { "errno", 111 },
            { "socket", "recverr" } });
    QVERIFY2(send >= 0 && send < refused && refused < timeout && timeout < recverr,
        qPrintable(r.out + r.err));
    QCOMPARE(
        find(r.events, { { "kind", "datagram" }, { "text", "ping" }, { "len", 4 } }) >= 0, true);
}

void TstSurprises::cliGetaddrinfoOrder()
{
    // The default --host is the list ::1,127.0.0.1: refused, then connected.
    if (hasIpv6Loopback()) {
        const Cli r = cli({ QStringLiteral("--demo"), QStringLiteral("getaddrinfo-order"),
            QStringLiteral("--json") });
        QCOMPARE(r.code, 0);
        const int refused = find(r.events,
            { { "kind", "call" }, { "call", "connect" }, { "phase", "return" }, { "errno", 111 },
                { "error", "ECONNREFUSED" } });
        QVERIFY2(refused >= 0, qPrintable(r.out + r.err));
        QVERIFY(r.events[refused]
                    .value(QStringLiteral("args"))
                    .toArray()
                    .at(0)
                    .toString()
                    .startsWith(QStringLiteral("('::1', ")));
        const int connected = find(r.events,
            { { "kind", "call" }, { "call", "connect" }, { "phase", "return" },
                { "errno", QVariant() } },
            refused + 1);
        QVERIFY(connected > refused);
        QVERIFY(r.events[connected]
                    .value(QStringLiteral("args"))
                    .toArray()
                    .at(0)
                    .toString()
                    .startsWith(QStringLiteral("('127.0.0.1', ")));
    }
    // An explicit list of one: one attempt, connected; a name: getaddrinfo() on the timeline.
    const Cli one = cli({ QStringLiteral("--demo"), QStringLiteral("getaddrinfo-order"),
        QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--json") });
    QCOMPARE(one.code, 0);
    QCOMPARE(find(one.events, { { "kind", "call" }, { "call", "connect" }, { "errno", 111 } }), -1);
    QCOMPARE(find(one.events, { { "call", "getaddrinfo" } }), -1);
    const Cli name = cli({ QStringLiteral("--demo"), QStringLiteral("getaddrinfo-order"),
        QStringLiteral("--host=localhost"), QStringLiteral("--json") });
    QCOMPARE(name.code, 0);
    QVERIFY(find(name.events, { { "call", "getaddrinfo" }, { "phase", "return" } }) >= 0);
    // A name that does not resolve: socket.gaierror, exit status 1.
    const Cli bad = cli(
        { QStringLiteral("--demo"), QStringLiteral("getaddrinfo-order"), QStringLiteral("--host"),
            QStringLiteral("no-such-host.invalid"), QStringLiteral("--json") });
    QCOMPARE(bad.code, 1);
    QVERIFY(find(bad.events, { { "call", "getaddrinfo" }, { "phase", "return" } }) >= 0);
}

void TstSurprises::cliPermissions()
{
    const Cli r = cli(
        { QStringLiteral("--demo"), QStringLiteral("permissions"), QStringLiteral("--json") });
    QCOMPARE(r.code, 0);
    const int raw = find(r.events,
        { { "kind", "call" }, { "call", "socket" }, { "phase", "return" }, { "errno", 1 },
            { "error", "EPERM" } });
    if (raw < 0 && ::geteuid() == 0)
        QSKIP(qPrintable(QStringLiteral("no unprivileged process here: %1").arg(r.out)));
    QVERIFY2(raw >= 0, qPrintable(r.out + r.err));
    const QString socket = r.events[raw].value(QStringLiteral("socket")).toString();
    QCOMPARE(r.events[raw].value(QStringLiteral("side")).toString(), QStringLiteral("client"));
    if (::geteuid() == 0)
        QCOMPARE(socket, QStringLiteral("uid-65534"));
    const auto start
        = KernelCounters::sysctl(QStringLiteral("net.ipv4.ip_unprivileged_port_start"));
    if (!start || *start > 80) {
        const int bind = find(r.events,
            { { "kind", "call" }, { "call", "bind" }, { "errno", 13 }, { "error", "EACCES" },
                { "socket", socket } });
        QVERIFY2(bind >= 0 && bind < raw, qPrintable(r.out));
    }
}

void TstSurprises::cliTextEncodings()
{
    if (!TextCodec::isAvailable(QStringLiteral("gbk")))
        QSKIP("this Qt has no GBK converter (built without ICU)");
    const Cli j = cli(
        { QStringLiteral("--demo"), QStringLiteral("text-encodings"), QStringLiteral("--json") });
    QCOMPARE(j.code, 0);
    const int garbled = find(j.events,
        { { "kind", "data" }, { "hex", "c4 e3 ba c3" }, { "encoding", "utf-8" }, { "valid", false },
            { "bytes", 4 } });
    const int mojibake = find(j.events,
        { { "kind", "data" }, { "hex", "e4 bd a0 e5 a5 bd" }, { "encoding", "gbk" },
            { "valid", true }, { "text", QStringLiteral("浣犲ソ") } });
    const int agreed = find(j.events,
        { { "kind", "data" }, { "hex", "e4 bd a0 e5 a5 bd" }, { "encoding", "utf-8" },
            { "valid", true }, { "text", QStringLiteral("你好") } });
    QVERIFY2(garbled >= 0 && garbled < mojibake && mojibake < agreed, qPrintable(j.out));
    QVERIFY(j.events[garbled].value(QStringLiteral("text")).toString().contains(QChar(0xFFFD)));

    // --print shows the bytes in hex beside the text, and the receiver's encoding.
    const Cli p = cli({ QStringLiteral("--demo"), QStringLiteral("text-encodings"),
        QStringLiteral("--print"), QStringLiteral("--lang"), QStringLiteral("en") });
    QCOMPARE(p.code, 0);
    QVERIFY2(p.out.contains(QStringLiteral("[c4 e3 ba c3, decoded as UTF-8]")), qPrintable(p.out));
    QVERIFY(p.out.contains(
        QStringLiteral("received 6 bytes: \"浣犲ソ\"  [e4 bd a0 e5 a5 bd, decoded as GBK]")));
}

QTEST_GUILESS_MAIN(TstSurprises)
#include "tst_surprises.moc"
