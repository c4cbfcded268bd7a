#include "pcapexport.h"

#include "net/errortext.h"
#include "timeline/timeline.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>
#include <QRegularExpression>

#include <pcap/pcap.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <unistd.h>

namespace {

constexpr int kTtl = 64;
constexpr int kMaxIpBytes = 65535;

struct Endpoint
{
    QHostAddress address;
    quint16 port = 0;
};

// "127.0.0.1:8888", "[::1]:8888"; an address that does not parse stays null.
Endpoint parseEndpoint(const QString &text)
{
    Endpoint e;
    QString host = text;
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    const bool bracketed = text.startsWith(QLatin1Char('['));
    const int close = text.indexOf(QLatin1Char(']'));
    if (bracketed && close > 0) {
        host = text.mid(1, close - 1);
        if (colon > close)
            e.port = quint16(text.mid(colon + 1).toUInt());
    } else if (colon >= 0 && text.indexOf(QLatin1Char(':')) == colon) {
        host = text.left(colon);
        e.port = quint16(text.mid(colon + 1).toUInt());
    }
    e.address = QHostAddress(host);
    return e;
}

void put16(QByteArray &b, quint16 v)
{
    b.append(char(v >> 8));
    b.append(char(v & 0xff));
}

void put32(QByteArray &b, quint32 v)
{
    put16(b, quint16(v >> 16));
    put16(b, quint16(v & 0xffff));
}

void set16(QByteArray &b, int at, quint16 v)
{
    b[at] = char(v >> 8);
    b[at + 1] = char(v & 0xff);
}

quint32 sum16(const QByteArray &data, quint32 sum = 0)
{
    const auto *p = reinterpret_cast<const uchar *>(data.constData());
    const qsizetype n = data.size();
    for (qsizetype i = 0; i + 1 < n; i += 2)
        sum += quint32(p[i] << 8 | p[i + 1]);
    if (n % 2)
        sum += quint32(p[n - 1] << 8);
    return sum;
}

bool hasFlag(const LabEvent &e, const char *flag)
{
    return e.flags.contains(QLatin1String(flag), Qt::CaseInsensitive);
}

quint8 tcpFlags(const LabEvent &e)
{
    // RFC 9293 §3.1 control bits, plus ECE/CWR (RFC 3168).
    static const struct
    {
        const char *name;
        quint8 bit;
    } kBits[] = { { "FIN", 0x01 }, { "SYN", 0x02 }, { "RST", 0x04 }, { "PSH", 0x08 },
        { "ACK", 0x10 }, { "URG", 0x20 }, { "ECE", 0x40 }, { "CWR", 0x80 } };
    quint8 bits = 0;
    for (const auto &b : kBits) {
        if (hasFlag(e, b.name))
            bits |= b.bit;
    }
    return bits;
}

/** The parsed `options` of a segment. */
struct TcpOptions
{
    int mss = -1;
    int windowScale = -1;
    bool sackPermitted = false;
    bool timestamps = false;
    bool tsValues = false; ///< "TS=val/ecr": the values are given
    quint32 tsVal = 0;
    quint32 tsEcr = 0;
};

TcpOptions parseOptions(const QStringList &options)
{
    TcpOptions o;
    for (const QString &token : options) {
        const QString name = token.section(QLatin1Char('='), 0, 0).trimmed().toUpper();
        const QString value = token.section(QLatin1Char('='), 1).trimmed();
        if (name == QLatin1String("MSS")) {
            o.mss = int(qBound(0u, value.toUInt(), 65535u));
        } else if (name == QLatin1String("WS")) {
            o.windowScale = int(qBound(0u, value.toUInt(), 14u));
        } else if (name == QLatin1String("SACK_PERM") || name == QLatin1String("SACK")) {
            o.sackPermitted = true;
        } else if (name == QLatin1String("TS")) {
            o.timestamps = true; // "TS", or "TS=val/ecr" (also "val,ecr", "val:ecr")
            const QStringList parts
                = value.split(QRegularExpression(QStringLiteral("[/,: ]+")), Qt::SkipEmptyParts);
            o.tsValues = !parts.isEmpty();
            if (!parts.isEmpty())
                o.tsVal = parts.at(0).toUInt();
            if (parts.size() > 1)
                o.tsEcr = parts.at(1).toUInt();
        }
    }
    return o;
}

// Linux's order (tcp_options_write): MSS, SACK_PERM+TS or NOP NOP TS or NOP NOP SACK_PERM,
// NOP WS. Always a multiple of four bytes.
QByteArray encodeOptions(const TcpOptions &o)
{
    QByteArray b;
    if (o.mss >= 0) {
        b.append(char(2)).append(char(4));
        put16(b, quint16(o.mss));
    }
    if (o.timestamps) {
        if (o.sackPermitted)
            b.append(char(4)).append(char(2));
        else
            b.append(char(1)).append(char(1));
        b.append(char(8)).append(char(10));
        put32(b, o.tsVal);
        put32(b, o.tsEcr);
    } else if (o.sackPermitted) {
        b.append(char(1)).append(char(1)).append(char(4)).append(char(2));
    }
    if (o.windowScale >= 0)
        b.append(char(1)).append(char(3)).append(char(3)).append(char(o.windowScale));
    return b;
}

// IPv6 when the address parses as one or its text has more than one ':' ("[::1]:8888").
bool isV6(const QString &text, const Endpoint &e)
{
    return e.address.protocol() == QHostAddress::IPv6Protocol || text.count(QLatin1Char(':')) > 1;
}

QString directionKey(const QString &src, const QString &dst, int stream)
{
    return src + QLatin1Char('>') + dst + QLatin1Char('#') + QString::number(stream);
}

class PacketBuilder
{
public:
    explicit PacketBuilder(const QList<LabEvent> &events)
    {
        // The ISN of each direction: from raw numbers where the timeline has them.
        for (const LabEvent &e : events) {
            if (e.kind != EventKind::Segment)
                continue;
            const QString fwd = directionKey(e.src, e.dst, e.stream);
            const QString rev = directionKey(e.dst, e.src, e.stream);
            if (e.seq >= 0 && e.seqRaw >= 0 && !m_iss.contains(fwd))
                m_iss.insert(fwd, quint32(e.seqRaw - e.seq));
            if (e.ack >= 0 && e.ackRaw >= 0 && !m_iss.contains(rev))
                m_iss.insert(rev, quint32(e.ackRaw - e.ack));
        }
        // The bytes each program handed to send()/sendall(), per stream and sender:
        // what an inferred data segment carried, found at its relative sequence number.
        // A call's stream is that of its socket's latest state event.
        QHash<QString, int> socketStream; // side#socket → stream
        QHash<QString, QByteArray> pending; // side#socket → bytes of a send started
        for (const LabEvent &e : events) {
            const QString socket = sideToken(e.side) + QLatin1Char('#') + e.socket;
            if (e.kind == EventKind::State && e.stream >= 0) {
                socketStream.insert(socket, e.stream);
            } else if (e.kind == EventKind::Call
                && (e.call == QLatin1String("send") || e.call == QLatin1String("sendall"))) {
                if (e.phase == CallPhase::Start) {
                    pending.insert(socket, e.bytes);
                } else if (e.phase == CallPhase::Return && pending.contains(socket)) {
                    const QByteArray bytes = pending.take(socket);
                    const int stream = socketStream.value(socket, -1);
                    if (e.failed() || stream < 0)
                        continue;
                    // send() returns how many it took; sendall() returns None once all went.
                    const qint64 taken = e.result.typeId() == QMetaType::Int
                            || e.result.typeId() == QMetaType::LongLong
                        ? qBound<qint64>(0, e.result.toLongLong(), bytes.size())
                        : bytes.size();
                    m_sent[sentKey(stream, e.side)] += bytes.left(taken);
                }
            }
        }
        // Window scale: the shift each direction announced on its SYN.
        for (const LabEvent &e : events) {
            if (e.kind == EventKind::Segment && hasFlag(e, "SYN")) {
                const QString fwd = directionKey(e.src, e.dst, e.stream);
                if (!m_shift.contains(fwd))
                    m_shift.insert(fwd, parseOptions(e.options).windowScale);
            }
        }
    }

    QByteArray frame(const LabEvent &e)
    {
        Endpoint src = parseEndpoint(e.src);
        Endpoint dst = parseEndpoint(e.dst);
        const bool v6 = isV6(e.src, src) || isV6(e.dst, dst);
        for (Endpoint *ep : { &src, &dst }) {
            if (ep->address.isNull())
                ep->address = v6 ? QHostAddress(QHostAddress::LocalHostIPv6)
                                 : QHostAddress(QHostAddress::LocalHost);
        }
        const bool tcp = e.kind == EventKind::Segment;

        QByteArray transport = tcp ? tcpHeader(e, src.port, dst.port) : udpHeader(src, dst);
        const int ipHeader = v6 ? 40 : 20;
        const qint64 room = kMaxIpBytes - ipHeader - transport.size();
        // The bytes when the event knows them all, else those its program sent at that
        // stream offset (data start at relative sequence number 1), else as many zeros.
        QByteArray payload = e.bytes;
        if (e.len >= 0 && e.bytes.size() != e.len) {
            const QByteArray &sent = m_sent[sentKey(e.stream, e.side)];
            const qint64 offset = e.seq - 1;
            if (tcp && e.stream >= 0 && offset >= 0 && offset + e.len <= sent.size())
                payload = sent.mid(offset, e.len);
            else
                payload = QByteArray(qMin<qint64>(e.len, kMaxIpBytes), '\0');
        }
        if (payload.size() > room)
            payload.truncate(room);
        transport += payload;
        if (!tcp)
            set16(transport, 4, quint16(transport.size()));

        // Pseudo-header (RFC 9293 §3.1, RFC 768, RFC 8200 §8.1) and the transport checksum.
        QByteArray pseudo;
        if (v6) {
            pseudo += ipv6Bytes(src.address);
            pseudo += ipv6Bytes(dst.address);
            put32(pseudo, quint32(transport.size()));
            put32(pseudo, tcp ? 6 : 17);
        } else {
            put32(pseudo, src.address.toIPv4Address());
            put32(pseudo, dst.address.toIPv4Address());
            put16(pseudo, tcp ? 6 : 17);
            put16(pseudo, quint16(transport.size()));
        }
        quint16 sum = PcapExport::checksum(transport, sum16(pseudo));
        if (!tcp && sum == 0)
            sum = 0xffff; // RFC 768: zero means "no checksum"
        set16(transport, tcp ? 16 : 6, sum);

        QByteArray frame(12, '\0'); // destination and source MAC: zero, as on lo
        put16(frame, v6 ? 0x86dd : 0x0800);
        if (v6) {
            put32(frame, 0x60000000); // version 6, traffic class 0, flow label 0
            put16(frame, quint16(transport.size()));
            frame.append(char(tcp ? 6 : 17)).append(char(kTtl));
            frame += ipv6Bytes(src.address);
            frame += ipv6Bytes(dst.address);
        } else {
            QByteArray ip;
            ip.append(char(0x45)).append(char(0));
            put16(ip, quint16(20 + transport.size()));
            put16(ip, m_ipId++);
            put16(ip, 0x4000); // DF, fragment offset 0
            ip.append(char(kTtl)).append(char(tcp ? 6 : 17));
            put16(ip, 0);
            put32(ip, src.address.toIPv4Address());
            put32(ip, dst.address.toIPv4Address());
            set16(ip, 10, PcapExport::checksum(ip));
            frame += ip;
        }
        frame += transport;
        return frame;
    }

private:
    static QByteArray ipv6Bytes(const QHostAddress &a)
    {
        bool isV4 = false;
        const quint32 v4 = a.toIPv4Address(&isV4);
        if (isV4 && a.protocol() == QHostAddress::IPv4Protocol) {
            QByteArray b(10, '\0');
            b.append(char(0xff)).append(char(0xff));
            put32(b, v4);
            return b;
        }
        const Q_IPV6ADDR v6 = a.toIPv6Address();
        return QByteArray(reinterpret_cast<const char *>(v6.c), 16);
    }

    quint32 iss(const QString &key)
    {
        auto it = m_iss.constFind(key);
        if (it == m_iss.constEnd())
            it = m_iss.insert(key, PcapExport::kDefaultIss + 0x01000000u * quint32(m_defaults++));
        return *it;
    }

    QByteArray tcpHeader(const LabEvent &e, quint16 srcPort, quint16 dstPort)
    {
        const QString fwd = directionKey(e.src, e.dst, e.stream);
        const QString rev = directionKey(e.dst, e.src, e.stream);
        const quint8 flags = tcpFlags(e);
        TcpOptions parsed = parseOptions(e.options);
        if (parsed.timestamps && !parsed.tsValues) {
            // As Linux: TSval a millisecond clock from a per-connection offset; TSecr the
            // last TSval heard from the peer, 0 on a SYN (RFC 7323 §3.2, §4.3).
            auto base = m_tsBase.constFind(fwd);
            if (base == m_tsBase.cend())
                base = m_tsBase.insert(fwd, 0x01000000u * quint32(m_tsBase.size() + 1));
            parsed.tsVal = *base + quint32(qMax<qint64>(0, e.tUs) / 1000);
            parsed.tsEcr = (flags & 0x10) ? m_lastTsVal.value(rev, 0) : 0;
        }
        if (parsed.timestamps)
            m_lastTsVal.insert(fwd, parsed.tsVal);
        const QByteArray options = encodeOptions(parsed);

        // Unknown: 65535; a RST's window is 0, as Linux sends it (tcp_v4_send_reset).
        quint32 window = e.win >= 0 ? quint32(qMin<qint64>(e.win, 0xffffffffLL))
            : (flags & 0x04)        ? 0u
                                    : 65535u;
        const int own = m_shift.value(fwd, -1);
        const int peer = m_shift.value(rev, -1);
        if (!(flags & 0x02) && e.win >= 0 && own >= 0 && peer >= 0)
            window >>= own; // RFC 7323 §2.2: never scaled on a SYN
        window = qMin(window, 65535u);

        QByteArray h;
        put16(h, srcPort);
        put16(h, dstPort);
        put32(h, iss(fwd) + quint32(qMax<qint64>(0, e.seq)));
        put32(h, (flags & 0x10) ? iss(rev) + quint32(qMax<qint64>(0, e.ack)) : 0);
        h.append(char(((20 + options.size()) / 4) << 4)).append(char(flags));
        put16(h, quint16(window));
        put16(h, 0); // checksum, filled in later
        put16(h, 0); // urgent pointer
        h += options;
        return h;
    }

    static QByteArray udpHeader(const Endpoint &src, const Endpoint &dst)
    {
        QByteArray h;
        put16(h, src.port);
        put16(h, dst.port);
        put16(h, 8); // length, set once the payload is known
        put16(h, 0); // checksum, filled in later
        return h;
    }

    static QString sentKey(int stream, Side sender)
    {
        return QString::number(stream) + QLatin1Char('#') + sideToken(sender);
    }

    QHash<QString, quint32> m_iss;
    QHash<QString, int> m_shift;
    QHash<QString, QByteArray> m_sent; ///< sentKey → the bytes the sender's program sent
    QHash<QString, quint32> m_tsBase; ///< direction → TSval at t_us = 0
    QHash<QString, quint32> m_lastTsVal; ///< direction → its latest TSval
    int m_defaults = 0;
    quint16 m_ipId = 1;
};

QString failure(const QString &path, int errnum)
{
    //: exporting a pcap capture file failed: %1 the file, %2 why
    if (path == QLatin1String("-"))
        return QCoreApplication::translate(
            "PcapExport", "Could not write the capture file to standard output: %1")
            .arg(ErrorText::fileReason(errnum, ErrorText::FileAccess::Write));
    return QCoreApplication::translate("PcapExport", "Could not write the capture file %1: %2")
        .arg(path, ErrorText::fileReason(errnum, ErrorText::FileAccess::Write));
}

} // namespace

quint16 PcapExport::checksum(const QByteArray &data, quint32 sum)
{
    sum = sum16(data, sum);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return quint16(~sum & 0xffff);
}

QList<PcapExport::Packet> PcapExport::packets(const QList<LabEvent> &events)
{
    PacketBuilder builder(events);
    QList<Packet> out;
    for (const LabEvent &e : events) {
        if (e.kind != EventKind::Segment && e.kind != EventKind::Datagram)
            continue;
        out.append({ qMax<qint64>(0, e.tUs), builder.frame(e) });
    }
    return out;
}

bool PcapExport::canWrite(const QString &path, QString *error)
{
    if (path == QLatin1String("-"))
        return true;
    const QByteArray name = QFile::encodeName(path);
    const bool existed = QFileInfo::exists(path);
    FILE *file = std::fopen(name.constData(), "ab"); // neither truncates nor writes
    if (!file || QFileInfo(path).isDir()) {
        const int errnum = file ? EISDIR : errno;
        if (file)
            std::fclose(file);
        if (error)
            *error = failure(path, errnum);
        return false;
    }
    std::fclose(file);
    if (!existed)
        std::remove(name.constData());
    return true;
}

bool PcapExport::write(const Timeline &timeline, const QString &path, QString *error)
{
    return write(timeline.events(), path, error);
}

bool PcapExport::write(const QList<LabEvent> &events, const QString &path, QString *error)
{
    const QList<Packet> list = packets(events);
    // "-": standard output, as tcpdump -w - (a duplicate, so closing the dumper keeps stdout).
    FILE *file = path == QLatin1String("-") ? fdopen(dup(fileno(stdout)), "wb")
                                            : std::fopen(QFile::encodeName(path).constData(), "wb");
    if (!file) {
        if (error)
            *error = failure(path, errno);
        return false;
    }
    pcap_t *dead = pcap_open_dead(DLT_EN10MB, kMaxIpBytes + kLinkHeaderBytes);
    pcap_dumper_t *dumper = dead ? pcap_dump_fopen(dead, file) : nullptr;
    if (!dumper) {
        std::fclose(file);
        if (dead)
            pcap_close(dead);
        if (error)
            *error = failure(path, ENOMEM);
        return false;
    }
    for (const Packet &p : list) {
        pcap_pkthdr header {};
        header.ts.tv_sec = time_t(kEpochSeconds + p.tUs / 1000000);
        header.ts.tv_usec = suseconds_t(p.tUs % 1000000);
        header.caplen = bpf_u_int32(p.frame.size());
        header.len = bpf_u_int32(p.frame.size());
        pcap_dump(reinterpret_cast<u_char *>(dumper), &header,
            reinterpret_cast<const u_char *>(p.frame.constData()));
    }
    errno = 0;
    const bool flushed = pcap_dump_flush(dumper) == 0 && !std::ferror(file);
    const int flushErrno = errno ? errno : EIO;
    pcap_dump_close(dumper); // closes the file too
    pcap_close(dead);
    if (!flushed) {
        if (error)
            *error = failure(path, flushErrno);
        return false;
    }
    return true;
}
