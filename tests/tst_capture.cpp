// Live capture: the packet decoder on hand-made frames, the tracker's
// relative numbers, a real loopback exchange captured by socketlab-capture
// (root), and the path without CAP_NET_RAW (setpriv).

#include "capture/capturesession.h"
#include "capture/capturetracker.h"
#include "capture/packetdecoder.h"
#include "frames.h"
#include "timeline/timeline.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUdpSocket>
#include <QtEndian>
#include <csignal>
#include <functional>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using Frames::put16;
using Frames::put32;
using Frames::tcpHeader;

// Linux's SYN options on lo: MSS 65495, SACK_PERM, TS, NOP, WS 7 (20 bytes).
QByteArray linuxSynOptions(quint32 tsVal)
{
    QByteArray o = QByteArray::fromHex("0204ffd7"
                                       "0402"
                                       "080a0000000000000000"
                                       "01030307");
    put32(o, 8, tsVal);
    return o;
}

QByteArray ipv4(
    const QByteArray &transport, quint8 proto, quint32 src = 0x7f000001, quint32 dst = 0x7f000001)
{
    QByteArray ip(20, '\0');
    ip[0] = char(0x45);
    put16(ip, 2, quint16(20 + transport.size()));
    put16(ip, 6, 0x4000); // DF
    ip[8] = char(64);
    ip[9] = char(proto);
    put32(ip, 12, src);
    put32(ip, 16, dst);
    return ip + transport;
}

QByteArray ipv6(const QByteArray &transport, quint8 proto)
{
    QByteArray ip(40, '\0');
    ip[0] = char(0x60);
    put16(ip, 4, quint16(transport.size()));
    ip[6] = char(proto);
    ip[7] = char(64);
    ip[23] = 1; // ::1
    ip[39] = 1;
    return ip + transport;
}

QByteArray ethernet(const QByteArray &ip, quint16 etherType = 0x0800)
{
    QByteArray eth(14, '\0'); // lo: all-zero MACs
    put16(eth, 12, etherType);
    return eth + ip;
}

DecodedPacket tcp4(quint16 sport, quint16 dport, quint32 seq, quint32 ack, quint8 flags,
    quint16 window, const QByteArray &options = {}, const QByteArray &payload = {})
{
    return PacketDecoder::decode(PacketDecoder::LinkEthernet,
        ethernet(ipv4(tcpHeader(sport, dport, seq, ack, flags, window, options) + payload, 6)));
}

int loopbackMtu()
{
    QFile f(QStringLiteral("/sys/class/net/lo/mtu"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    return f.readAll().trimmed().toInt();
}

/** Starts the socketlab binary with @p args and this build's capture helper. */
void startCli(QProcess &cli, const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(
        QStringLiteral("SOCKETLAB_CAPTURE_HELPER"), QStringLiteral(SOCKETLAB_CAPTURE_HELPER));
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(SOCKETLAB_BINARY), args);
}

} // namespace

class tst_Capture : public QObject
{
    Q_OBJECT

private slots:
    void decodesEthernetIpv4TcpSyn();
    void decodesIpv6UdpOnRawLink();
    void decodesDataSegmentAndIpv6ExtensionHeader();
    void rejectsWhatIsNotTcpOrUdp_data();
    void rejectsWhatIsNotTcpOrUdp();
    void tracksRelativeNumbersAcrossWrap();
    void newSynOnSamePairIsNewStream();
    void scalesWindowOnlyWhenBothSidesSentWs();
    void capturesLoopbackHandshake();
    void helperWithoutCapNetRaw();
    void missingHelperIsUnavailable();
    void demoJsonWithCapture();
    void stuckHelperGivesUp();
    void udpOnTheSamePortIsNotTheLabs();
    void helperRefusesBadArguments_data();
    void helperRefusesBadArguments();
    void helperEndsOnHangup();
};

void tst_Capture::decodesEthernetIpv4TcpSyn()
{
    const DecodedPacket d
        = tcp4(40000, 8888, 0xdeadbeef, 0, DecodedPacket::Syn, 65495, linuxSynOptions(0x01020304));
    QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
    QCOMPARE(d.transport, DecodedPacket::Tcp);
    QCOMPARE(d.ipVersion, 4);
    QCOMPARE(d.srcEndpoint(), QStringLiteral("127.0.0.1:40000"));
    QCOMPARE(d.dstEndpoint(), QStringLiteral("127.0.0.1:8888"));
    QCOMPARE(d.seq, 0xdeadbeefu);
    QCOMPARE(d.ack, 0u);
    QCOMPARE(d.flagNames(), QStringList { QStringLiteral("SYN") });
    QCOMPARE(d.window, quint16(65495));
    QCOMPARE(d.options.mss, 65495);
    QCOMPARE(d.options.windowScale, 7);
    QVERIFY(d.options.sackPermitted);
    QVERIFY(d.options.timestamps);
    QCOMPARE(d.tsVal, 0x01020304u);
    QCOMPARE(d.tsEcr, 0u);
    QCOMPARE(d.options.toStrings(),
        (QStringList { QStringLiteral("MSS=65495"), QStringLiteral("SACK_PERM"),
            QStringLiteral("TS"), QStringLiteral("WS=7") }));
    // The timeline's event keeps the timestamp values (TSval 0x01020304, TSecr 0).
    CaptureTracker tracker;
    QCOMPARE(tracker.toEvent(d, 0).options,
        (QStringList { QStringLiteral("MSS=65495"), QStringLiteral("SACK_PERM"),
            QStringLiteral("TS=16909060/0"), QStringLiteral("WS=7") }));
    QCOMPARE(d.payloadLength, 0);
    QVERIFY(d.payload.isEmpty());
}

void tst_Capture::decodesIpv6UdpOnRawLink()
{
    const QByteArray text = QStringLiteral("你好").toUtf8();
    QByteArray udp(8, '\0');
    put16(udp, 0, 51000);
    put16(udp, 2, 8888);
    put16(udp, 4, quint16(8 + text.size()));
    const DecodedPacket d = PacketDecoder::decode(PacketDecoder::LinkRaw, ipv6(udp + text, 17));
    QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
    QCOMPARE(d.transport, DecodedPacket::Udp);
    QCOMPARE(d.ipVersion, 6);
    QCOMPARE(d.srcEndpoint(), QStringLiteral("[::1]:51000"));
    QCOMPARE(d.dstEndpoint(), QStringLiteral("[::1]:8888"));
    QCOMPARE(d.payloadLength, 6);
    QCOMPARE(d.payload, text);

    CaptureTracker tracker;
    tracker.setServerPorts({ 8888 });
    const LabEvent e = tracker.toEvent(d, 42);
    QCOMPARE(e.kind, EventKind::Datagram);
    QCOMPARE(e.source, EventSource::Capture);
    QCOMPARE(e.side, Side::Client);
    QCOMPARE(e.tUs, 42);
    QCOMPARE(e.len, 6);
    QCOMPARE(e.text(), QStringLiteral("你好"));
}

void tst_Capture::decodesDataSegmentAndIpv6ExtensionHeader()
{
    // IPv6 with a hop-by-hop header (8 bytes) before TCP: PSH,ACK with 12 bytes, cut to 5 by the
    // snap length.
    const QByteArray payload = QByteArrayLiteral("hello, world");
    QByteArray hop(8, '\0');
    hop[0] = 6; // next: TCP
    const QByteArray segment
        = tcpHeader(8888, 40000, 100, 200, DecodedPacket::Psh | DecodedPacket::Ack, 512) + payload;
    QByteArray frame = ethernet(ipv6(hop + segment, 0), 0x86dd);
    frame.chop(7);
    const DecodedPacket d = PacketDecoder::decode(PacketDecoder::LinkEthernet, frame);
    QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
    QCOMPARE(d.transport, DecodedPacket::Tcp);
    QCOMPARE(d.flagNames(), (QStringList { QStringLiteral("PSH"), QStringLiteral("ACK") }));
    QCOMPARE(d.seq, 100u);
    QCOMPARE(d.ack, 200u);
    QCOMPARE(d.payloadLength, 12);
    QCOMPARE(d.payload, QByteArrayLiteral("hello"));
    QCOMPARE(d.options.toStrings(), QStringList {});
}

void tst_Capture::rejectsWhatIsNotTcpOrUdp_data()
{
    QTest::addColumn<int>("linkType");
    QTest::addColumn<QByteArray>("frame");
    QByteArray icmp(8, '\0');
    QTest::newRow("ICMP") << int(PacketDecoder::LinkEthernet) << ethernet(ipv4(icmp, 1));
    QTest::newRow("ARP") << int(PacketDecoder::LinkEthernet)
                         << ethernet(QByteArray(28, '\0'), 0x0806);
    QTest::newRow("short Ethernet") << int(PacketDecoder::LinkEthernet) << QByteArray(10, '\0');
    QByteArray cut = ethernet(ipv4(tcpHeader(1, 2, 3, 4, DecodedPacket::Ack, 5), 6));
    cut.chop(10);
    QTest::newRow("TCP cut short") << int(PacketDecoder::LinkEthernet) << cut;
    QByteArray fragment = ipv4(tcpHeader(1, 2, 3, 4, DecodedPacket::Ack, 5), 6);
    put16(fragment, 6, 0x0010); // offset 128 bytes
    QTest::newRow("later fragment") << int(PacketDecoder::LinkRaw) << fragment;
    QTest::newRow("unknown link") << 9999 << ipv4(tcpHeader(1, 2, 3, 4, 0, 5), 6);
}

void tst_Capture::rejectsWhatIsNotTcpOrUdp()
{
    QFETCH(int, linkType);
    QFETCH(QByteArray, frame);
    const DecodedPacket d = PacketDecoder::decode(linkType, frame);
    QCOMPARE(d.transport, DecodedPacket::None);
    QVERIFY(!d.error.isEmpty());
    CaptureTracker tracker;
    QCOMPARE(tracker.toEvent(d, 0).kind, EventKind::Note);
}

void tst_Capture::tracksRelativeNumbersAcrossWrap()
{
    // ISNs just below 2^32: relative numbers count modulo 2^32 (RFC 9293 §3.4).
    const quint32 iss = 0xfffffffe, irs = 0x7fffffff;
    CaptureTracker t;
    t.setServerPorts({ 8888 });
    const QList<LabEvent> e {
        t.toEvent(tcp4(40000, 8888, iss, 0, DecodedPacket::Syn, 65495, linuxSynOptions(1)), 10),
        t.toEvent(tcp4(8888, 40000, irs, iss + 1, DecodedPacket::Syn | DecodedPacket::Ack, 65483,
                      linuxSynOptions(2)),
            11),
        t.toEvent(tcp4(40000, 8888, iss + 1, irs + 1, DecodedPacket::Ack, 512), 12),
        t.toEvent(tcp4(40000, 8888, iss + 1, irs + 1, DecodedPacket::Psh | DecodedPacket::Ack, 512,
                      {}, QByteArrayLiteral("请求连接")),
            13),
        t.toEvent(tcp4(8888, 40000, irs + 1, iss + 13, DecodedPacket::Ack, 512), 14),
        t.toEvent(
            tcp4(40000, 8888, iss + 13, irs + 1, DecodedPacket::Fin | DecodedPacket::Ack, 512), 15),
    };
    const QList<QStringList> flags { { "SYN" }, { "SYN", "ACK" }, { "ACK" }, { "PSH", "ACK" },
        { "ACK" }, { "FIN", "ACK" } };
    const QList<qint64> seq { 0, 0, 1, 1, 1, 13 };
    const QList<qint64> ack { -1, 1, 1, 1, 13, 1 };
    const QList<Side> side { Side::Client, Side::Server, Side::Client, Side::Client, Side::Server,
        Side::Client };
    for (int i = 0; i < e.size(); ++i) {
        QCOMPARE(e[i].kind, EventKind::Segment);
        QCOMPARE(e[i].source, EventSource::Capture);
        QCOMPARE(e[i].flags, flags[i]);
        QCOMPARE(e[i].seq, seq[i]);
        QCOMPARE(e[i].ack, ack[i]);
        QCOMPARE(e[i].side, side[i]);
        QCOMPARE(e[i].stream, 0);
        QCOMPARE(e[i].tUs, 10 + i);
    }
    QCOMPARE(e[0].seqRaw, qint64(iss));
    QCOMPARE(e[0].ackRaw, -1);
    QCOMPARE(e[2].seqRaw, 0xffffffffLL);
    QCOMPARE(e[5].seqRaw, qint64(quint32(iss + 13)));
    QCOMPARE(e[4].ackRaw, qint64(quint32(iss + 13)));
    QCOMPARE(e[3].len, 12);
    QCOMPARE(e[3].bytes, QStringLiteral("请求连接").toUtf8());
    QCOMPARE(e[0].src, QStringLiteral("127.0.0.1:40000"));
    QCOMPARE(e[0].dst, QStringLiteral("127.0.0.1:8888"));
    QCOMPARE(e[0].options.first(), QStringLiteral("MSS=65495"));
}

void tst_Capture::newSynOnSamePairIsNewStream()
{
    CaptureTracker t; // no server ports: the SYN's sender is the client
    QCOMPARE(t.toEvent(tcp4(40000, 8888, 1000, 0, DecodedPacket::Syn, 100), 0).stream, 0);
    const LabEvent other = t.toEvent(tcp4(40001, 8888, 5, 0, DecodedPacket::Syn, 100), 0);
    QCOMPARE(other.stream, 1);
    QCOMPARE(other.side, Side::Client);
    const LabEvent synAck
        = t.toEvent(tcp4(8888, 40000, 7, 1001, DecodedPacket::Syn | DecodedPacket::Ack, 100), 0);
    QCOMPARE(synAck.stream, 0);
    QCOMPARE(synAck.side, Side::Server);
    // The same SYN again (a retransmission) stays in its stream; a new ISN starts a new one.
    QCOMPARE(t.toEvent(tcp4(40000, 8888, 1000, 0, DecodedPacket::Syn, 100), 0).stream, 0);
    const LabEvent reused = t.toEvent(tcp4(40000, 8888, 90000, 0, DecodedPacket::Syn, 100), 0);
    QCOMPARE(reused.stream, 2);
    QCOMPARE(reused.seq, 0);
    // A connection seen mid-way: the first numbers seen are the bases.
    const LabEvent mid = t.toEvent(tcp4(50000, 9999, 777, 888, DecodedPacket::Ack, 100), 0);
    QCOMPARE(mid.stream, 3);
    QCOMPARE(mid.seq, 0);
    QCOMPARE(mid.ack, 0);
    QCOMPARE(mid.side, Side::Both);
}

void tst_Capture::scalesWindowOnlyWhenBothSidesSentWs()
{
    CaptureTracker t;
    t.setServerPorts({ 8888 });
    QCOMPARE(
        t.toEvent(tcp4(40000, 8888, 1, 0, DecodedPacket::Syn, 65495, linuxSynOptions(1)), 0).win,
        65495);
    QCOMPARE(t.toEvent(tcp4(8888, 40000, 1, 2, DecodedPacket::Syn | DecodedPacket::Ack, 65483,
                           linuxSynOptions(1)),
                  0)
                 .win,
        65483);
    QCOMPARE(t.toEvent(tcp4(40000, 8888, 2, 2, DecodedPacket::Ack, 512), 0).win, 512 << 7);

    CaptureTracker noWs;
    const QByteArray mssOnly = QByteArray::fromHex("020405b4");
    noWs.toEvent(tcp4(40000, 8888, 1, 0, DecodedPacket::Syn, 64240, linuxSynOptions(1)), 0);
    noWs.toEvent(
        tcp4(8888, 40000, 1, 2, DecodedPacket::Syn | DecodedPacket::Ack, 65535, mssOnly), 0);
    QCOMPARE(noWs.toEvent(tcp4(40000, 8888, 2, 2, DecodedPacket::Ack, 512), 0).win, 512);
}

void tst_Capture::capturesLoopbackHandshake()
{
    if (geteuid() != 0)
        QSKIP("capturing needs CAP_NET_RAW: run as root (CI does) or setcap the helper");

    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(listener >= 0);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
    QCOMPARE(::listen(listener, 5), 0);
    socklen_t alen = sizeof addr;
    QCOMPARE(::getsockname(listener, reinterpret_cast<sockaddr *>(&addr), &alen), 0);
    const quint16 port = ntohs(addr.sin_port);

    Timeline timeline;
    CaptureSession session(&timeline);
    session.setHelperPath(QStringLiteral(SOCKETLAB_CAPTURE_HELPER));
    session.setServerPorts({ port });
    QSignalSpy started(&session, &CaptureSession::started);
    QSignalSpy unavailable(&session, &CaptureSession::unavailable);
    QSignalSpy stopped(&session, &CaptureSession::stopped);
    session.start();
    QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty() || !unavailable.isEmpty(), 5000);
    QVERIFY2(unavailable.isEmpty(), qPrintable(session.helperMessage()));
    QCOMPARE(session.linkType(), int(PacketDecoder::LinkEthernet));

    const qint64 before = timeline.nowUs();
    const int client = ::socket(AF_INET, SOCK_STREAM, 0);
    QCOMPARE(::connect(client, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
    const int conn = ::accept(listener, nullptr, nullptr);
    QVERIFY(conn >= 0);
    const QByteArray request = QStringLiteral("请求连接").toUtf8(); // 12 bytes
    const QByteArray reply = QStringLiteral("你已连接成功。").toUtf8(); // 21 bytes
    QCOMPARE(::send(client, request.constData(), request.size(), 0), request.size());
    char buf[64];
    QCOMPARE(::recv(conn, buf, sizeof buf, 0), request.size());
    QCOMPARE(::send(conn, reply.constData(), reply.size(), 0), reply.size());
    QCOMPARE(::recv(client, buf, sizeof buf, 0), reply.size());
    ::close(client);
    QCOMPARE(::recv(conn, buf, sizeof buf, 0), 0);
    ::close(conn);
    ::close(listener);
    const qint64 after = timeline.nowUs();

    session.drain();
    QVERIFY(stopped.wait(5000));

    QList<LabEvent> segs;
    for (const LabEvent &e : timeline.events()) {
        if (e.kind == EventKind::Segment)
            segs << e;
    }
    QVERIFY2(segs.size() >= 7, qPrintable(QString::number(segs.size())));
    QCOMPARE(session.eventCount(), segs.size());
    for (const LabEvent &e : segs) {
        QCOMPARE(e.source, EventSource::Capture);
        QCOMPARE(e.stream, 0);
        QVERIFY2(e.tUs >= before - 1000 && e.tUs <= after + 1000,
            qPrintable(QStringLiteral("%1 not in [%2, %3]").arg(e.tUs).arg(before).arg(after)));
    }
    QCOMPARE(segs[0].flags, QStringList { QStringLiteral("SYN") });
    QCOMPARE(segs[0].side, Side::Client);
    QCOMPARE(segs[0].dst, QStringLiteral("127.0.0.1:%1").arg(port));
    QCOMPARE(segs[1].flags, (QStringList { QStringLiteral("SYN"), QStringLiteral("ACK") }));
    QCOMPARE(segs[1].side, Side::Server);
    QCOMPARE(segs[2].flags, QStringList { QStringLiteral("ACK") });
    QCOMPARE(segs[2].side, Side::Client);
    const int mtu = loopbackMtu();
    // The kernel advertises the MTU less 40 header bytes, but an IPv4 packet is at most 65535.
    if (mtu > 0)
        QVERIFY2(segs[0].options.contains(QStringLiteral("MSS=%1").arg(qMin(mtu, 65535) - 40)),
            qPrintable(segs[0].options.join(u' ')));
    else
        QVERIFY(segs[0].options.first().startsWith(QLatin1String("MSS=")));
    QCOMPARE(segs[0].seq, 0);
    QCOMPARE(segs[1].seq, 0);
    QCOMPARE(segs[1].ack, 1);
    QCOMPARE(segs[2].seq, 1);
    QCOMPARE(segs[2].ack, 1);

    // Each direction's relative seq is the bytes it sent before (SYN and FIN count one);
    // an ACK never acknowledges more than the peer has sent.
    qint64 next[2] = { 0, 0 }; // client, server
    qint64 dataBytes[2] = { 0, 0 };
    for (const LabEvent &e : segs) {
        const int me = e.side == Side::Client ? 0 : 1;
        QVERIFY(e.side == Side::Client || e.side == Side::Server);
        QCOMPARE(e.seq, next[me]);
        QCOMPARE(quint32(e.seqRaw - e.seq), quint32(segs[me].seqRaw)); // raw = ISN + relative
        if (e.ack >= 0)
            QVERIFY2(e.ack <= next[1 - me], qPrintable(e.flags.join(u',')));
        next[me] += e.len + (e.flags.contains(QLatin1String("SYN")) ? 1 : 0)
            + (e.flags.contains(QLatin1String("FIN")) ? 1 : 0);
        dataBytes[me] += e.len;
    }
    QCOMPARE(dataBytes[0], request.size());
    QCOMPARE(dataBytes[1], reply.size());
    QCOMPARE(segs.last().ack, next[segs.last().side == Side::Client ? 1 : 0]);
}

void tst_Capture::helperWithoutCapNetRaw()
{
    if (geteuid() != 0)
        QSKIP("dropping CAP_NET_RAW with setpriv needs root (CI runs as root)");
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (setpriv.isEmpty())
        QSKIP("setpriv (util-linux) is not installed");

    // A copy user nobody can execute, and a wrapper that runs it without any capability.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile::setPermissions(dir.path(),
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
            | QFile::ExeOther);
    const QString helper = dir.filePath(QStringLiteral("socketlab-capture"));
    QVERIFY(QFile::copy(QStringLiteral(SOCKETLAB_CAPTURE_HELPER), helper));
    QFile::setPermissions(helper,
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
            | QFile::ExeOther);
    const QStringList dropAll { QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
        QStringLiteral("--clear-groups"), QStringLiteral("--inh-caps=-all"),
        QStringLiteral("--bounding-set=-all") };

    QProcess p;
    p.start(setpriv, dropAll + QStringList { helper, QStringLiteral("--port"), "8888" });
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    const QString err = QString::fromLocal8Bit(p.readAllStandardError());
    QCOMPARE(p.exitCode(), CaptureSession::NoPermissionExitStatus);
    QVERIFY2(err.startsWith(QLatin1String("socketlab-capture: no permission to capture on lo")),
        qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("CAP_NET_RAW")), qPrintable(err));
    QCOMPARE(err.count(u'\n'), 1);
    QVERIFY(p.readAllStandardOutput().isEmpty());

    const QString wrapper = dir.filePath(QStringLiteral("capture-unprivileged"));
    {
        QFile f(wrapper);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\nexec " + setpriv.toLocal8Bit() + ' ' + dropAll.join(u' ').toLocal8Bit()
            + ' ' + helper.toLocal8Bit() + " \"$@\"\n");
    }
    QFile::setPermissions(wrapper, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    Timeline timeline;
    CaptureSession session(&timeline);
    session.setHelperPath(wrapper);
    session.setServerPorts({ 8888 });
    QSignalSpy started(&session, &CaptureSession::started);
    QSignalSpy unavailable(&session, &CaptureSession::unavailable);
    session.start();
    QVERIFY(unavailable.wait(10000));
    QVERIFY(started.isEmpty());
    QCOMPARE(session.status(), CaptureSession::Status::Unavailable);
    QCOMPARE(session.failure(), CaptureSession::Failure::NoPermission);
    const QString reason = unavailable.first().first().toString();
    QVERIFY2(reason.contains(QLatin1String("CAP_NET_RAW"))
            && reason.contains(QLatin1String("setcap cap_net_raw+ep")),
        qPrintable(reason));
    QCOMPARE(reason, session.unavailableReason());
    QVERIFY(session.helperMessage().contains(QLatin1String("no permission")));

    QSignalSpy stopped(&session, &CaptureSession::stopped);
    session.drain();
    QVERIFY(stopped.wait(2000));
    QCOMPARE(timeline.size(), 0);

    // The command line falls back to inferred segments, and says why on stderr.
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SOCKETLAB_CAPTURE_HELPER"), wrapper);
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    cli.setProcessEnvironment(env);
    cli.start(QStringLiteral(SOCKETLAB_BINARY),
        { QStringLiteral("--demo"), QStringLiteral("tcp-echo"), QStringLiteral("--json"),
            QStringLiteral("--capture"), QStringLiteral("--lang"), QStringLiteral("en") });
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 0);
    const QString cliErr = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(cliErr.contains(QLatin1String("setcap cap_net_raw+ep")), qPrintable(cliErr));
    int inferred = 0;
    for (const QByteArray &line : cli.readAllStandardOutput().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.value(QLatin1String("kind")).toString() == QLatin1String("segment")) {
            QCOMPARE(o.value(QLatin1String("source")).toString(), QStringLiteral("inferred"));
            ++inferred;
        }
    }
    QVERIFY(inferred >= 3);
}

void tst_Capture::missingHelperIsUnavailable()
{
    Timeline timeline;
    CaptureSession session(&timeline);
    session.setHelperPath(QStringLiteral("/nonexistent/socketlab-capture"));
    QSignalSpy unavailable(&session, &CaptureSession::unavailable);
    session.start();
    QVERIFY(unavailable.wait(2000));
    QCOMPARE(session.failure(), CaptureSession::Failure::NoHelper);
    QVERIFY(unavailable.first().first().toString().contains(
        QLatin1String("/nonexistent/socketlab-capture")));
}

void tst_Capture::stuckHelperGivesUp()
{
    // A helper that never starts capturing must not leave the lab waiting forever.
    QTemporaryDir dir;
    const QString helper = dir.filePath(QStringLiteral("stuck-helper"));
    QFile f(helper);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("#!/bin/sh\nexec sleep 30\n");
    f.close();
    QVERIFY(f.setPermissions(f.permissions() | QFileDevice::ExeOwner));
    Timeline timeline;
    CaptureSession session(&timeline);
    session.setHelperPath(helper);
    QSignalSpy unavailable(&session, &CaptureSession::unavailable);
    QElapsedTimer clock;
    clock.start();
    session.start();
    QVERIFY(unavailable.wait(CaptureSession::kStartTimeoutMs + 3000));
    QVERIFY(clock.elapsed() >= CaptureSession::kStartTimeoutMs - 50);
    QCOMPARE(session.status(), CaptureSession::Status::Unavailable);
    QCOMPARE(session.failure(), CaptureSession::Failure::CaptureError);
    QTest::qWait(200); // the killed helper's end does not turn it into "stopped"
    QCOMPARE(session.status(), CaptureSession::Status::Unavailable);
}

void tst_Capture::demoJsonWithCapture()
{
    if (geteuid() != 0)
        QSKIP("capturing needs CAP_NET_RAW: run as root (CI does) or setcap the helper");
    QProcess cli;
    startCli(cli,
        { QStringLiteral("--demo"), QStringLiteral("tcp-echo"), QStringLiteral("--json"),
            QStringLiteral("--capture") });
    QVERIFY(cli.waitForFinished(30000));
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(cli.readAllStandardError().isEmpty(), "nothing on stderr");
    QList<QJsonObject> segs;
    QList<QJsonObject> all;
    qint64 lastT = -1;
    qint64 connectStart = -1, connectReturn = -1;
    for (const QByteArray &line : cli.readAllStandardOutput().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        all << o;
        const qint64 t = qint64(o.value(QLatin1String("t_us")).toDouble());
        QVERIFY2(t >= lastT, line.constData()); // one clock, in time order
        lastT = t;
        const QString kind = o.value(QLatin1String("kind")).toString();
        if (kind == QLatin1String("segment")) {
            QCOMPARE(o.value(QLatin1String("source")).toString(), QStringLiteral("capture"));
            segs << o;
        } else if (o.value(QLatin1String("call")).toString() == QLatin1String("connect")) {
            (o.value(QLatin1String("phase")).toString() == QLatin1String("start") ? connectStart
                                                                                  : connectReturn)
                = t;
        }
    }
    QVERIFY2(segs.size() >= 9, qPrintable(QString::number(segs.size())));
    const QStringList first { QStringLiteral("SYN"), QStringLiteral("SYN,ACK"),
        QStringLiteral("ACK") };
    for (int i = 0; i < 3; ++i)
        QCOMPARE(segs[i].value(QLatin1String("flags")).toString(), first[i]);
    QVERIFY(segs[0]
                .value(QLatin1String("options"))
                .toArray()
                .first()
                .toString()
                .startsWith(QLatin1String("MSS=")));
    // connect() starts before the SYN and returns after the SYN-ACK.
    QVERIFY(connectStart >= 0 && connectReturn >= 0);
    QVERIFY(connectStart <= qint64(segs[0].value(QLatin1String("t_us")).toDouble()));
    QVERIFY(connectReturn >= qint64(segs[1].value(QLatin1String("t_us")).toDouble()));
    // The request (12 bytes) and the reply (21 bytes) on the wire, acknowledged in full.
    qint64 sent[2] = { 0, 0 };
    for (const QJsonObject &o : segs)
        sent[o.value(QLatin1String("side")).toString() == QLatin1String("client") ? 0 : 1]
            += o.value(QLatin1String("len")).toInteger();
    QCOMPARE(sent[0], 12);
    QCOMPARE(sent[1], 21);

    // The brief states the kernel is too quick to show sit between the captured
    // segments around them: SYN-RECEIVED after the SYN that caused it and before the
    // SYN,ACK; LAST-ACK after its own FIN and before the ACK of that FIN.
    auto indexOf = [&all](const std::function<bool(const QJsonObject &)> &match, int from = 0) {
        for (int i = from; i < all.size(); ++i) {
            if (match(all[i]))
                return i;
        }
        return -1;
    };
    auto str = [](const QJsonObject &o, const char *key) {
        return o.value(QLatin1String(key)).toString();
    };
    auto segment = [&](const QString &flags) {
        return [&, flags](const QJsonObject &o) {
            return str(o, "kind") == QLatin1String("segment") && str(o, "flags") == flags;
        };
    };
    auto state = [&](const QString &to) {
        return [&, to](const QJsonObject &o) {
            return str(o, "kind") == QLatin1String("state") && str(o, "to") == to;
        };
    };
    // The message of a failing order check: "SYN 3, SYN-RECEIVED 2, SYN,ACK 4".
    auto order = [](const char *names, int a, int b, int c) {
        return QString::fromLatin1(names).arg(a).arg(b).arg(c);
    };
    const int syn = indexOf(segment(QStringLiteral("SYN")));
    const int synReceived = indexOf(state(QStringLiteral("SYN-RECEIVED")));
    const int synAck = indexOf(segment(QStringLiteral("SYN,ACK")));
    QVERIFY(syn >= 0 && synReceived >= 0 && synAck >= 0);
    QCOMPARE(str(all[synReceived], "side"), QStringLiteral("server"));
    QVERIFY2(syn < synReceived && synReceived < synAck,
        qPrintable(order("SYN %1, SYN-RECEIVED %2, SYN,ACK %3", syn, synReceived, synAck)));
    const int lastAck = indexOf(state(QStringLiteral("LAST-ACK")));
    QVERIFY(lastAck >= 0);
    const QString closer = str(all[lastAck], "side");
    int fin = -1;
    for (int i = 0; i < all.size(); ++i) {
        if (str(all[i], "kind") == QLatin1String("segment") && str(all[i], "side") == closer
            && str(all[i], "flags").contains(QLatin1String("FIN")))
            fin = i;
    }
    QVERIFY(fin >= 0);
    const qint64 finEnd = all[fin].value(QLatin1String("seq")).toInteger()
        + all[fin].value(QLatin1String("len")).toInteger() + 1;
    const int finAcked = indexOf(
        [&](const QJsonObject &o) {
            return str(o, "kind") == QLatin1String("segment") && str(o, "side") != closer
                && o.value(QLatin1String("ack")).toInteger() >= finEnd;
        },
        fin);
    QVERIFY2(fin < lastAck && lastAck < finAcked,
        qPrintable(order("FIN %1, LAST-ACK %2, its ACK %3", fin, lastAck, finAcked)));
    // States read from the kernel land at their cause too, not up to a poll later: the
    // client is ESTABLISHED on the SYN,ACK, before its ACK; the other end enters TIME-WAIT
    // on that FIN, before the ACK it answers with (the finAcked segment).
    const int established = indexOf([&](const QJsonObject &o) {
        return str(o, "kind") == QLatin1String("state") && str(o, "side") == QLatin1String("client")
            && str(o, "to") == QLatin1String("ESTABLISHED");
    });
    const int clientAck = indexOf(segment(QStringLiteral("ACK")), synAck);
    QVERIFY(established >= 0);
    QCOMPARE(str(all[established], "source"), QStringLiteral("kernel"));
    QVERIFY2(synAck < established && established < clientAck,
        qPrintable(order("SYN,ACK %1, ESTABLISHED %2, ACK %3", synAck, established, clientAck)));
    const int timeWait = indexOf(state(QStringLiteral("TIME-WAIT")));
    QVERIFY(timeWait >= 0);
    QVERIFY(str(all[timeWait], "side") != closer);
    QVERIFY2(fin < timeWait && timeWait < finAcked,
        qPrintable(order("FIN %1, TIME-WAIT %2, its ACK %3", fin, timeWait, finAcked)));
}

void tst_Capture::udpOnTheSamePortIsNotTheLabs()
{
    // Another program's UDP datagrams to the echo's port number are another socket: the
    // TCP demo's capture filter ("tcp and (port N)") leaves them out.
    if (geteuid() != 0)
        QSKIP("capturing needs CAP_NET_RAW: run as root (CI does) or setcap the helper");
    QUdpSocket sink; // holds the UDP port, so nothing answers with ICMP
    QVERIFY(sink.bind(QHostAddress::LocalHost, 0));
    const quint16 port = sink.localPort();
    QUdpSocket noise;
    QTimer timer;
    connect(&timer, &QTimer::timeout, &noise,
        [&] { noise.writeDatagram(QByteArrayLiteral("noise"), QHostAddress::LocalHost, port); });
    timer.start(1);
    QProcess cli;
    startCli(cli,
        { QStringLiteral("--demo"), QStringLiteral("tcp-echo"), QStringLiteral("--port"),
            QString::number(port), QStringLiteral("--json") });
    QVERIFY(cli.waitForStarted());
    QElapsedTimer clock;
    clock.start();
    while (cli.state() != QProcess::NotRunning && clock.elapsed() < 30000)
        QTest::qWait(5); // keep the noise going while the demo runs
    timer.stop();
    QCOMPARE(cli.exitCode(), 0);
    int segments = 0;
    for (const QByteArray &line : cli.readAllStandardOutput().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QVERIFY2(o.value(QLatin1String("kind")).toString() != QLatin1String("datagram"),
            line.constData());
        segments += o.value(QLatin1String("kind")).toString() == QLatin1String("segment");
    }
    QVERIFY2(segments >= 9, qPrintable(QString::number(segments)));
    QVERIFY(sink.hasPendingDatagrams()); // the noise did reach the port meanwhile
}

void tst_Capture::helperRefusesBadArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty filter") << QStringList { QStringLiteral("--filter"), QString() }
                                  << QStringLiteral("--filter needs an expression");
    QTest::newRow("blank filter") << QStringList { QStringLiteral("--filter"),
        QStringLiteral("  ") } << QStringLiteral("--filter needs an expression");
    QTest::newRow("two filters") << QStringList { QStringLiteral("-f"), QStringLiteral("tcp"),
        QStringLiteral("-f"), QStringLiteral("udp") }
                                 << QStringLiteral("--filter given twice");
    QTest::newRow("two interfaces") << QStringList { QStringLiteral("-i"), QStringLiteral("lo"),
        QStringLiteral("--interface"), QStringLiteral("eth0") }
                                    << QStringLiteral("--interface given twice");
    QTest::newRow("empty interface") << QStringList { QStringLiteral("-i"), QString() }
                                     << QStringLiteral("--interface needs a name");
    QTest::newRow("port 0") << QStringList { QStringLiteral("--port"), QStringLiteral("0") }
                            << QStringLiteral("not a port number: 0");
}

void tst_Capture::helperRefusesBadArguments()
{
    // Usage errors: exit 2 and one line saying which, before any capture is attempted.
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QProcess p;
    p.start(QStringLiteral(SOCKETLAB_CAPTURE_HELPER), args);
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
    QCOMPARE(p.readAllStandardOutput(), QByteArray());
}

void tst_Capture::helperEndsOnHangup()
{
    // SIGHUP (its terminal closed) ends it as SIGTERM does: the "end" line, exit 0.
    if (geteuid() != 0)
        QSKIP("capturing needs CAP_NET_RAW: run as root (CI does) or setcap the helper");
    QProcess p;
    p.start(QStringLiteral(SOCKETLAB_CAPTURE_HELPER), { QStringLiteral("--port"), "1" });
    QVERIFY(p.waitForReadyRead(10000)); // the "start" line: capturing
    QVERIFY(p.readLine().contains("\"type\":\"start\""));
    ::kill(pid_t(p.processId()), SIGHUP);
    QVERIFY(p.waitForFinished(5000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    const QByteArray rest = p.readAllStandardOutput();
    QVERIFY2(rest.contains("\"type\":\"end\""), rest.constData());
}

QTEST_GUILESS_MAIN(tst_Capture)
#include "tst_capture.moc"
