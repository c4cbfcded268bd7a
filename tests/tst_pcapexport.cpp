#include "capture/pcapexport.h"
#include "labtest.h"
#include "language.h"
#include "mainwindow.h"
#include "scenarios/scenario.h"
#include "timeline/timeline.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <pcap/pcap.h>

/**
 * PcapExport: timelines written as pcap files, read back by tshark (the
 * dissector a student will use) and by libpcap with checksums computed here,
 * independently of the exporter. Also the command line's --export-pcap.
 */
class TstPcapExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void handshakeScenarioInTshark();
    void scenariosInTshark_data();
    void scenariosInTshark();
    void udpInTshark();
    void optionsAndIpv6InTshark();
    void checksumsReadBackWithLibpcap();
    void unwritableFileFails();
    void cliScenario();
    void cliDemo();
    void cliBadCombinations_data();
    void cliBadCombinations();
    void cliWriteFailure();
    void cliDemoPayloadFromCalls();
    void cliToStandardOutput();
    void timestampsAndResetWindow();
    void menuExportsShownTimeline();

private:
    /** tshark's -T fields output for @p file, one list of fields per packet. */
    QList<QStringList> tshark(const QString &file, const QStringList &fields);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_tshark;
};

namespace {

// Our flag names from tshark's tcp.flags.str ("·······A··S·"), in the lab's order.
QStringList flagsFromTshark(const QString &str)
{
    QStringList out;
    const struct
    {
        QChar letter;
        const char *name;
    } order[] = { { u'F', "FIN" }, { u'S', "SYN" }, { u'R', "RST" }, { u'P', "PSH" },
        { u'A', "ACK" }, { u'U', "URG" } };
    for (const auto &o : order) {
        if (str.contains(o.letter))
            out << QString::fromLatin1(o.name);
    }
    return out;
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}

LabEvent datagram(
    const QString &src, const QString &dst, const QByteArray &bytes, qint64 len, qint64 tUs)
{
    LabEvent e;
    e.kind = EventKind::Datagram;
    e.source = EventSource::Inferred;
    e.src = src;
    e.dst = dst;
    e.bytes = bytes;
    e.len = len;
    e.tUs = tUs;
    return e;
}

LabEvent segment(const QString &src, const QString &dst, const QStringList &flags, qint64 seq,
    qint64 ack, qint64 len, qint64 win, const QStringList &options, qint64 tUs)
{
    LabEvent e;
    e.kind = EventKind::Segment;
    e.source = EventSource::Inferred;
    e.src = src;
    e.dst = dst;
    e.flags = flags;
    e.seq = seq;
    e.ack = ack;
    e.len = len;
    e.win = win;
    e.options = options;
    e.stream = 0;
    e.tUs = tUs;
    return e;
}

// The ones' complement sum (RFC 1071), written here again so the test does not trust the exporter.
quint32 onesSum(const uchar *p, int n, quint32 sum = 0)
{
    for (int i = 0; i + 1 < n; i += 2)
        sum += quint32(p[i]) << 8 | p[i + 1];
    if (n & 1)
        sum += quint32(p[n - 1]) << 8;
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return sum;
}

int packetCount(const QString &file)
{
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    pcap_t *p = pcap_open_offline(QFile::encodeName(file).constData(), errbuf);
    if (!p)
        return -1;
    pcap_pkthdr *h = nullptr;
    const u_char *d = nullptr;
    int n = 0;
    while (pcap_next_ex(p, &h, &d) == 1)
        ++n;
    pcap_close(p);
    return n;
}

int be16(const uchar *p)
{
    return p[0] << 8 | p[1];
}

} // namespace

void TstPcapExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_tshark = QStandardPaths::findExecutable(QStringLiteral("tshark"));
}

QList<QStringList> TstPcapExport::tshark(const QString &file, const QStringList &fields)
{
    QStringList args { QStringLiteral("-r"), file, QStringLiteral("-o"),
        QStringLiteral("tcp.check_checksum:TRUE"), QStringLiteral("-o"),
        QStringLiteral("udp.check_checksum:TRUE"), QStringLiteral("-o"),
        QStringLiteral("ip.check_checksum:TRUE"), QStringLiteral("-o"),
        QStringLiteral("tcp.relative_sequence_numbers:TRUE"), QStringLiteral("-T"),
        QStringLiteral("fields"), QStringLiteral("-E"), QStringLiteral("separator=/t"),
        QStringLiteral("-E"), QStringLiteral("occurrence=f") };
    for (const QString &f : fields)
        args << QStringLiteral("-e") << f;
    QProcess p;
    p.start(m_tshark, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        qWarning("tshark did not finish");
        return {};
    }
    if (p.exitCode() != 0)
        qWarning("tshark: %s", p.readAllStandardError().constData());
    QList<QStringList> rows;
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    for (const QString &line : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        rows << line.split(QLatin1Char('\t'));
    return rows;
}

#define NEED_TSHARK()                                                                              \
    if (m_tshark.isEmpty())                                                                        \
    QSKIP("tshark is not installed (apt-get install tshark): the files are not read back")

void TstPcapExport::handshakeScenarioInTshark()
{
    NEED_TSHARK();
    Timeline timeline;
    QVERIFY(Scenarios::build(QStringLiteral("three-way-handshake"), &timeline));
    const QString file = path(QStringLiteral("handshake.pcap"));
    QString error;
    QVERIFY2(PcapExport::write(timeline, file, &error), qPrintable(error));
    const QList<QStringList> rows = tshark(file,
        { QStringLiteral("tcp.flags.str"), QStringLiteral("tcp.seq"), QStringLiteral("tcp.ack"),
            QStringLiteral("tcp.len"), QStringLiteral("tcp.checksum.status"),
            QStringLiteral("ip.checksum.status"), QStringLiteral("tcp.options.mss_val"),
            QStringLiteral("ip.ttl"), QStringLiteral("ip.flags.df") });
    QCOMPARE(rows.size(), 3);
    const QList<QStringList> want = {
        // tshark shows 0 for the acknowledgment field of a segment without ACK
        { QStringLiteral("SYN"), QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("0") },
        { QStringLiteral("SYN,ACK"), QStringLiteral("0"), QStringLiteral("1"),
            QStringLiteral("0") },
        { QStringLiteral("ACK"), QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("0") },
    };
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(rows[i].size(), 9);
        QCOMPARE(flagsFromTshark(rows[i][0]).join(QLatin1Char(',')), want[i][0]);
        QCOMPARE(rows[i][1], want[i][1]);
        QCOMPARE(rows[i][2], want[i][2]);
        QCOMPARE(rows[i][3], want[i][3]);
        QCOMPARE(rows[i][4], QStringLiteral("1")); // PROTO_CHECKSUM_E_GOOD
        QCOMPARE(rows[i][5], QStringLiteral("1"));
        QCOMPARE(rows[i][7], QStringLiteral("64"));
        QCOMPARE(rows[i][8], QStringLiteral("1"));
    }
    QCOMPARE(rows[0][6], QStringLiteral("65495")); // the model's MSS option on the SYN
}

void TstPcapExport::scenariosInTshark_data()
{
    QTest::addColumn<QString>("name");
    for (const ScenarioInfo &s : Scenarios::list())
        QTest::newRow(qPrintable(s.name)) << s.name;
}

void TstPcapExport::scenariosInTshark()
{
    // Every scenario (tcp-echo first among them): tshark's flags, relative seq/ack and
    // lengths are the timeline's, and every checksum is good.
    NEED_TSHARK();
    QFETCH(QString, name);
    Timeline timeline;
    QVERIFY(Scenarios::build(name, &timeline));
    QList<LabEvent> wire;
    for (const LabEvent &e : timeline.events()) {
        if (e.kind == EventKind::Segment || e.kind == EventKind::Datagram)
            wire << e;
    }
    const QString file = path(name + QStringLiteral(".pcap"));
    QString error;
    QVERIFY2(PcapExport::write(timeline, file, &error), qPrintable(error));
    const QList<QStringList> rows = tshark(file,
        { QStringLiteral("tcp.flags.str"), QStringLiteral("tcp.seq"), QStringLiteral("tcp.ack"),
            QStringLiteral("tcp.len"), QStringLiteral("tcp.checksum.status"),
            QStringLiteral("udp.length"), QStringLiteral("udp.checksum.status"),
            QStringLiteral("ip.checksum.status"), QStringLiteral("tcp.ack_raw"),
            QStringLiteral("tcp.seq_raw") });
    QCOMPARE(rows.size(), wire.size());
    for (int i = 0; i < rows.size(); ++i) {
        const LabEvent &e = wire[i];
        const QStringList &r = rows[i];
        QCOMPARE(r.size(), 10);
        QCOMPARE(r[7], QStringLiteral("1"));
        if (e.kind == EventKind::Datagram) {
            QCOMPARE(r[5].toLongLong(), 8 + e.len);
            QCOMPARE(r[6], QStringLiteral("1"));
            continue;
        }
        QCOMPARE(sorted(flagsFromTshark(r[0])), sorted(e.flags));
        bool synSeen = false; // in this direction of this connection
        for (int k = 0; k <= i && !synSeen; ++k)
            synSeen = wire[k].src == e.src && wire[k].dst == e.dst && wire[k].stream == e.stream
                && wire[k].flags.contains(QStringLiteral("SYN"));
        if (synSeen)
            QCOMPARE(r[1].toLongLong(), e.seq);
        else // Wireshark counts a direction without a SYN from 1: compare the raw field
            QCOMPARE(r[9].toLongLong(), e.seqRaw);
        if (e.flags.contains(QStringLiteral("ACK")))
            QCOMPARE(r[2].toLongLong(), e.ack);
        else
            QCOMPARE(r[8], QStringLiteral("0")); // the field is zero without ACK
        QCOMPARE(r[3].toLongLong(), e.len);
        QCOMPARE(r[4], QStringLiteral("1"));
    }
    if (name == QLatin1String("tcp-echo")) {
        // The echo's exact exchange, as the ladder shows it.
        QStringList got;
        for (const QStringList &r : rows)
            got << QStringLiteral("%1 %2 %3 %4")
                       .arg(flagsFromTshark(r[0]).join(QLatin1Char(',')), r[1], r[2], r[3]);
        const QStringList want { QStringLiteral("SYN 0 0 0"), QStringLiteral("SYN,ACK 0 1 0"),
            QStringLiteral("ACK 1 1 0"), QStringLiteral("PSH,ACK 1 1 12"),
            QStringLiteral("ACK 1 13 0"), QStringLiteral("PSH,ACK 1 13 21"),
            QStringLiteral("ACK 13 22 0"), QStringLiteral("FIN,ACK 22 13 0"),
            QStringLiteral("ACK 13 23 0"), QStringLiteral("FIN,ACK 13 23 0"),
            QStringLiteral("ACK 23 14 0") };
        QCOMPARE(got, want);
    }
}

void TstPcapExport::udpInTshark()
{
    NEED_TSHARK();
    Timeline timeline;
    const QByteArray hello = QByteArrayLiteral("\xe4\xbd\xa0\xe5\xa5\xbd"); // 你好 in UTF-8
    timeline.append(datagram(QStringLiteral("127.0.0.1:40000"), QStringLiteral("127.0.0.1:8888"),
        hello, hello.size(), 1000));
    // A datagram whose bytes are unknown (or cut by recvfrom()): len zeros.
    timeline.append(datagram(QStringLiteral("127.0.0.1:8888"), QStringLiteral("127.0.0.1:40000"),
        QByteArrayLiteral("IP:"), 43, 2000));
    timeline.append(datagram(
        QStringLiteral("[::1]:40001"), QStringLiteral("[::1]:8888"), hello, hello.size(), 3000));
    const QString file = path(QStringLiteral("udp.pcap"));
    QString error;
    QVERIFY2(PcapExport::write(timeline, file, &error), qPrintable(error));
    const QList<QStringList> rows = tshark(file,
        { QStringLiteral("udp.srcport"), QStringLiteral("udp.dstport"),
            QStringLiteral("udp.length"), QStringLiteral("udp.checksum.status"),
            QStringLiteral("ipv6.src"), QStringLiteral("data.data"),
            QStringLiteral("frame.time_relative") });
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0].mid(0, 6),
        QStringList({ QStringLiteral("40000"), QStringLiteral("8888"), QStringLiteral("14"),
            QStringLiteral("1"), QString(), QStringLiteral("e4bda0e5a5bd") }));
    QCOMPARE(rows[1].mid(0, 6),
        QStringList({ QStringLiteral("8888"), QStringLiteral("40000"), QStringLiteral("51"),
            QStringLiteral("1"), QString(), QString(43 * 2, QLatin1Char('0')) }));
    QCOMPARE(rows[2].mid(0, 6),
        QStringList({ QStringLiteral("40001"), QStringLiteral("8888"), QStringLiteral("14"),
            QStringLiteral("1"), QStringLiteral("::1"), QStringLiteral("e4bda0e5a5bd") }));
    QCOMPARE(rows[2][6].toDouble(), 0.002); // t_us 3000 − 1000
}

void TstPcapExport::optionsAndIpv6InTshark()
{
    // A Linux-like handshake over IPv6 with the kernel's options, a scaled window and a
    // payload the event knows.
    NEED_TSHARK();
    const QString c = QStringLiteral("[::1]:50000");
    const QString s = QStringLiteral("[::1]:8888");
    const QStringList linux { QStringLiteral("MSS=65476"), QStringLiteral("SACK_PERM"),
        QStringLiteral("TS=1000/0"), QStringLiteral("WS=7") };
    QList<LabEvent> events;
    events << segment(c, s, { QStringLiteral("SYN") }, 0, -1, 0, 65476, linux, 10);
    events << segment(s, c, { QStringLiteral("SYN"), QStringLiteral("ACK") }, 0, 1, 0, 65464,
        { QStringLiteral("MSS=65476"), QStringLiteral("SACK_PERM"), QStringLiteral("TS=2000/1000"),
            QStringLiteral("WS=7") },
        20);
    events << segment(
        c, s, { QStringLiteral("ACK") }, 1, 1, 0, 65536, { QStringLiteral("TS=1001/2000") }, 30);
    LabEvent data
        = segment(c, s, { QStringLiteral("PSH"), QStringLiteral("ACK") }, 1, 1, 4, 65536, {}, 40);
    data.bytes = QByteArrayLiteral("ping");
    events << data;
    const QString file = path(QStringLiteral("options.pcap"));
    QString error;
    QVERIFY2(PcapExport::write(events, file, &error), qPrintable(error));
    const QList<QStringList> rows = tshark(file,
        { QStringLiteral("tcp.options.mss_val"), QStringLiteral("tcp.options.sack_perm"),
            QStringLiteral("tcp.options.timestamp.tsval"),
            QStringLiteral("tcp.options.wscale.shift"), QStringLiteral("tcp.window_size_value"),
            QStringLiteral("tcp.checksum.status"), QStringLiteral("ipv6.hlim"),
            QStringLiteral("tcp.payload"), QStringLiteral("tcp.hdr_len") });
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows[0][0], QStringLiteral("65476"));
    QVERIFY(!rows[0][1].isEmpty()); // SACK permitted present
    QCOMPARE(rows[0][2], QStringLiteral("1000"));
    QCOMPARE(rows[0][3], QStringLiteral("7"));
    QCOMPARE(rows[0][4], QStringLiteral("65476")); // a SYN's window is never scaled
    QCOMPARE(rows[0][8], QStringLiteral("40")); // Linux's 20 bytes of options
    QCOMPARE(rows[1][2], QStringLiteral("2000"));
    QCOMPARE(rows[2][4], QStringLiteral("512")); // 65536 >> 7
    QCOMPARE(rows[2][8], QStringLiteral("32")); // NOP NOP TS
    QCOMPARE(rows[3][7], QStringLiteral("70696e67")); // "ping"
    for (const QStringList &r : rows) {
        QCOMPARE(r[5], QStringLiteral("1"));
        QCOMPARE(r[6], QStringLiteral("64"));
    }
}

void TstPcapExport::checksumsReadBackWithLibpcap()
{
    Timeline timeline;
    QVERIFY(Scenarios::build(QStringLiteral("tcp-echo"), &timeline));
    timeline.append(datagram(QStringLiteral("[::1]:1"), QStringLiteral("127.0.0.1:2"),
        QByteArrayLiteral("odd"), 3, 900000));
    const QString file = path(QStringLiteral("sums.pcap"));
    QVERIFY(PcapExport::write(timeline, file));

    char errbuf[PCAP_ERRBUF_SIZE] = {};
    pcap_t *p = pcap_open_offline(QFile::encodeName(file).constData(), errbuf);
    QVERIFY2(p, errbuf);
    QCOMPARE(pcap_datalink(p), DLT_EN10MB);
    QList<LabEvent> wire;
    for (const LabEvent &e : timeline.events()) {
        if (e.kind == EventKind::Segment || e.kind == EventKind::Datagram)
            wire << e;
    }
    pcap_pkthdr *h = nullptr;
    const u_char *d = nullptr;
    int n = 0;
    quint16 lastId = 0;
    while (pcap_next_ex(p, &h, &d) == 1) {
        QVERIFY(n < wire.size());
        const LabEvent &e = wire[n++];
        QCOMPARE(qint64(h->ts.tv_sec) * 1000000 + h->ts.tv_usec,
            PcapExport::kEpochSeconds * 1000000 + e.tUs);
        QCOMPARE(h->caplen, h->len);
        for (int i = 0; i < 12; ++i)
            QCOMPARE(d[i], u_char(0)); // zero MACs, as on lo
        const int type = be16(d + 12);
        const uchar *ip = d + 14;
        quint32 pseudo = 0;
        int proto = 0;
        const uchar *l4 = nullptr;
        int l4len = 0;
        if (type == 0x0800) {
            QCOMPARE(ip[0], uchar(0x45));
            QCOMPARE(onesSum(ip, 20), 0xffffu); // header checksum verifies
            QCOMPARE(be16(ip + 6), 0x4000); // DF
            QCOMPARE(ip[8], uchar(64));
            const quint16 id = quint16(be16(ip + 4));
            QVERIFY(id > lastId);
            lastId = id;
            proto = ip[9];
            l4 = ip + 20;
            l4len = be16(ip + 2) - 20;
            pseudo = onesSum(ip + 12, 8);
        } else {
            QCOMPARE(type, 0x86dd);
            QCOMPARE(ip[0] >> 4, 6);
            proto = ip[6];
            l4 = ip + 40;
            l4len = be16(ip + 4);
            pseudo = onesSum(ip + 8, 32);
        }
        QCOMPARE(int(h->caplen), int(l4 - d) + l4len);
        pseudo += quint32(proto) + quint32(l4len);
        QCOMPARE(proto, e.kind == EventKind::Segment ? 6 : 17);
        QCOMPARE(onesSum(l4, l4len, pseudo), 0xffffu); // transport checksum verifies
    }
    pcap_close(p);
    QCOMPARE(n, wire.size());
}

void TstPcapExport::unwritableFileFails()
{
    Timeline timeline;
    QVERIFY(Scenarios::build(QStringLiteral("three-way-handshake"), &timeline));
    const QString file = path(QStringLiteral("no/such/folder/x.pcap"));
    QString error;
    QVERIFY(!PcapExport::write(timeline, file, &error));
    QVERIFY2(error.contains(file), qPrintable(error));
    QVERIFY(!QFile::exists(file));
}

void TstPcapExport::cliScenario()
{
    // The acceptance: the handshake scenario exported from the command line.
    const QString file = path(QStringLiteral("cli-handshake.pcap"));
    const LabTest::CliRun r = LabTest::runCli({ QStringLiteral("--scenario"),
        QStringLiteral("three-way-handshake"), QStringLiteral("--export-pcap"), file });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(r.out, QString()); // alone: the file, nothing on stdout
    QVERIFY(QFileInfo(file).size() > 24);
    // With --json: the events and the file.
    const QString file2 = path(QStringLiteral("cli-handshake2.pcap"));
    const LabTest::CliRun j
        = LabTest::runCli({ QStringLiteral("--scenario"), QStringLiteral("three-way-handshake"),
            QStringLiteral("--json"), QStringLiteral("--export-pcap"), file2 });
    QVERIFY2(j.code == 0, qPrintable(j.err));
    QVERIFY(!j.events.isEmpty());
    QFile a(file), b(file2);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), b.readAll());
    if (m_tshark.isEmpty())
        QSKIP("tshark is not installed (apt-get install tshark): the file is not read back");
    const QList<QStringList> rows = tshark(file, { QStringLiteral("tcp.flags.str") });
    QCOMPARE(rows.size(), 3);
    QCOMPARE(flagsFromTshark(rows[1][0]), QStringList({ "SYN", "ACK" }));
}

void TstPcapExport::cliDemo()
{
    const QString file = path(QStringLiteral("cli-demo.pcap"));
    const LabTest::CliRun r
        = LabTest::runCli({ QStringLiteral("--demo"), QStringLiteral("tcp-echo"),
            QStringLiteral("--json"), QStringLiteral("--export-pcap"), file });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    int segments = 0;
    for (const QJsonObject &e : r.events)
        segments += e.value(QStringLiteral("kind")).toString() == QLatin1String("segment");
    QVERIFY(segments >= 10);
    QCOMPARE(packetCount(file), segments);
    // The UDP echo alone (no --json/--print): two datagrams.
    const QString udp = path(QStringLiteral("cli-udp.pcap"));
    const LabTest::CliRun u = LabTest::runCli({ QStringLiteral("--demo"),
        QStringLiteral("udp-echo"), QStringLiteral("--export-pcap"), udp });
    QVERIFY2(u.code == 0, qPrintable(u.err));
    QCOMPARE(u.out, QString());
    if (m_tshark.isEmpty())
        QSKIP("tshark is not installed (apt-get install tshark): the file is not read back");
    const QList<QStringList> rows
        = tshark(udp, { QStringLiteral("udp.length"), QStringLiteral("udp.checksum.status") });
    QCOMPARE(rows.size(), 2);
    for (const QStringList &row : rows)
        QCOMPARE(row.value(1), QStringLiteral("1"));
}

void TstPcapExport::cliBadCombinations_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("alone") << QStringList { QStringLiteral("--export-pcap"),
        QStringLiteral("x.pcap") };
    QTest::newRow("serve") << QStringList { QStringLiteral("--serve"), QStringLiteral("tcp-echo"),
        QStringLiteral("--export-pcap"), QStringLiteral("x.pcap") };
    QTest::newRow("client") << QStringList { QStringLiteral("--client"), QStringLiteral("tcp-echo"),
        QStringLiteral("--export-pcap"), QStringLiteral("x.pcap") };
    QTest::newRow("list") << QStringList { QStringLiteral("--list"),
        QStringLiteral("--export-pcap"), QStringLiteral("x.pcap") };
    QTest::newRow("empty name") << QStringList { QStringLiteral("--scenario"),
        QStringLiteral("three-way-handshake"), QStringLiteral("--export-pcap"), QString() };
    QTest::newRow("screenshot") << QStringList { QStringLiteral("--scenario"),
        QStringLiteral("three-way-handshake"), QStringLiteral("--screenshot"),
        QStringLiteral("x.png"), QStringLiteral("--export-pcap"), QStringLiteral("x.pcap") };
}

void TstPcapExport::cliBadCombinations()
{
    QFETCH(QStringList, args);
    const LabTest::CliRun r
        = LabTest::runCli(args << QStringLiteral("--lang") << QStringLiteral("en"));
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("--export-pcap")), qPrintable(r.err));
    QVERIFY(!QFile::exists(QStringLiteral("x.pcap")));
}

void TstPcapExport::cliWriteFailure()
{
    const QString file = path(QStringLiteral("missing/dir/h.pcap"));
    const LabTest::CliRun r = LabTest::runCli({ QStringLiteral("--scenario"),
        QStringLiteral("three-way-handshake"), QStringLiteral("--export-pcap"), file,
        QStringLiteral("--lang"), QStringLiteral("en") });
    // Checked before anything runs: a usage error, no events printed.
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(file), qPrintable(r.err));
    QCOMPARE(r.out, QString());
    const LabTest::CliRun demo = LabTest::runCli({ QStringLiteral("--demo"),
        QStringLiteral("tcp-echo"), QStringLiteral("--json"), QStringLiteral("--export-pcap"), file,
        QStringLiteral("--lang"), QStringLiteral("en") });
    QCOMPARE(demo.code, 2);
    QVERIFY(demo.events.isEmpty());
    QVERIFY2(demo.err.contains(QLatin1String("the folder does not exist")), qPrintable(demo.err));
    QVERIFY(!QFile::exists(file));
    if (QFile::exists(QStringLiteral("/dev/full"))) {
        const LabTest::CliRun full
            = LabTest::runCli({ QStringLiteral("--scenario"), QStringLiteral("tcp-echo"),
                QStringLiteral("--export-pcap"), QStringLiteral("/dev/full") });
        QCOMPARE(full.code, 1);
    }
}

void TstPcapExport::cliDemoPayloadFromCalls()
{
    // The web demo infers its segments (no capture): their payload is what the programs
    // passed to sendall()/send(), so tshark decodes the HTTP request and response.
    NEED_TSHARK();
    const QString file = path(QStringLiteral("http.pcap"));
    const LabTest::CliRun r
        = LabTest::runCli({ QStringLiteral("--demo"), QStringLiteral("http-hello"),
            QStringLiteral("--no-capture"), QStringLiteral("--export-pcap"), file });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QList<QStringList> rows = tshark(file,
        { QStringLiteral("http.request.method"), QStringLiteral("http.request.uri"),
            QStringLiteral("http.response.code"), QStringLiteral("http.file_data") });
    QStringList methods, codes, bodies;
    for (const QStringList &row : rows) {
        if (!row.value(0).isEmpty())
            methods << row.value(0) + QLatin1Char(' ') + row.value(1);
        if (!row.value(2).isEmpty())
            codes << row.value(2);
        if (!row.value(3).isEmpty())
            bodies << row.value(3);
    }
    QCOMPARE(methods, QStringList { QStringLiteral("GET /") });
    QCOMPARE(codes, QStringList { QStringLiteral("200") });
    // tshark prints the body as hex or text depending on version: either spells it.
    QCOMPARE(bodies.size(), 1);
    QVERIFY2(bodies[0] == QLatin1String("Hello, World")
            || bodies[0] == QLatin1String(QByteArrayLiteral("Hello, World").toHex()),
        qPrintable(bodies[0]));
}

void TstPcapExport::cliToStandardOutput()
{
    // "-" is standard output, as tcpdump -w -: the pcap bytes and nothing else.
    QProcess p;
    p.start(QStringLiteral(SOCKETLAB_BINARY),
        { QStringLiteral("--scenario"), QStringLiteral("three-way-handshake"),
            QStringLiteral("--export-pcap"), QStringLiteral("-") });
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    const QByteArray out = p.readAllStandardOutput();
    QVERIFY(!QFile::exists(QStringLiteral("-")));
    QVERIFY(out.size() > 24 + 3 * 16);
    QCOMPARE(out.left(4).toHex(), QByteArrayLiteral("d4c3b2a1")); // pcap magic, little-endian
    const QString file = path(QStringLiteral("stdout.pcap"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(out);
    f.close();
    QCOMPARE(packetCount(file), 3);
    // Not with events on standard output too.
    const LabTest::CliRun both
        = LabTest::runCli({ QStringLiteral("--scenario"), QStringLiteral("three-way-handshake"),
            QStringLiteral("--json"), QStringLiteral("--export-pcap"), QStringLiteral("-"),
            QStringLiteral("--lang"), QStringLiteral("en") });
    QCOMPARE(both.code, 2);
    QVERIFY2(both.err.contains(QLatin1String("standard output")), qPrintable(both.err));
}

void TstPcapExport::timestampsAndResetWindow()
{
    // A bare "TS" gets Linux-like values: TSval a millisecond clock, TSecr the peer's last
    // TSval (0 on the SYN). A RST whose window is unknown carries 0, as Linux sends it.
    NEED_TSHARK();
    const QString c = QStringLiteral("127.0.0.1:50000");
    const QString s = QStringLiteral("127.0.0.1:8888");
    const QStringList ts { QStringLiteral("TS") };
    QList<LabEvent> events;
    events << segment(c, s, { QStringLiteral("SYN") }, 0, -1, 0, -1, ts, 1000);
    events << segment(
        s, c, { QStringLiteral("SYN"), QStringLiteral("ACK") }, 0, 1, 0, -1, ts, 3000);
    events << segment(c, s, { QStringLiteral("ACK") }, 1, 1, 0, -1, ts, 5000);
    events << segment(
        s, c, { QStringLiteral("RST"), QStringLiteral("ACK") }, 1, 1, 0, -1, {}, 9000);
    const QString file = path(QStringLiteral("ts.pcap"));
    QString error;
    QVERIFY2(PcapExport::write(events, file, &error), qPrintable(error));
    const QList<QStringList> rows = tshark(file,
        { QStringLiteral("tcp.options.timestamp.tsval"),
            QStringLiteral("tcp.options.timestamp.tsecr"),
            QStringLiteral("tcp.window_size_value") });
    QCOMPARE(rows.size(), 4);
    const quint32 synVal = rows[0][0].toUInt();
    const quint32 synAckVal = rows[1][0].toUInt();
    QVERIFY(synVal != 0 && synAckVal != 0);
    QCOMPARE(rows[0][1], QStringLiteral("0"));
    QCOMPARE(rows[1][1].toUInt(), synVal);
    QCOMPARE(rows[2][0].toUInt(), synVal + 4); // 4 ms after the SYN, on the same clock
    QCOMPARE(rows[2][1].toUInt(), synAckVal);
    QCOMPARE(rows[3][2], QStringLiteral("0"));
    QCOMPARE(rows[2][2], QStringLiteral("65535"));
}

void TstPcapExport::menuExportsShownTimeline()
{
    // File ▸ Export capture (pcap)… writes what the views show: here a scenario.
    Language language;
    QVERIFY(language.set(QStringLiteral("en")));
    MainWindow w(&language);
    QVERIFY(w.showScenario(QStringLiteral("three-way-handshake")));
    QAction *action = nullptr;
    for (QAction *a : w.findChildren<QAction *>()) {
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S))
            action = a;
    }
    QVERIFY(action);
    QCOMPARE(action->text(), QStringLiteral("Export &capture (pcap)…"));
    const QString file = path(QStringLiteral("menu.pcap"));
    QVERIFY(w.exportCapture(file));
    QCOMPARE(packetCount(file), 3);
    QVERIFY2(w.statusBar()->currentMessage().contains(QLatin1String("3 packet")),
        qPrintable(w.statusBar()->currentMessage()));
}

QTEST_MAIN(TstPcapExport)
#include "tst_pcapexport.moc"
