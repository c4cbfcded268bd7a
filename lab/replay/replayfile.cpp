#include "replayfile.h"

#include "capture/packetdecoder.h"
#include "net/errortext.h"
#include "replay/connectiontracker.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <cerrno>
#include <mutex>

// Wireshark's C headers after Qt's (PLATFORM-NOTES 24); they need glib.
extern "C" {
#include <wireshark/ws_log_defs.h>
#include <wiretap/wtap.h>
#include <wsutil/buffer.h>
#include <wsutil/wslog.h>
}

namespace {

// wiretap keeps global tables: set them up once per process, quietly.
void initWiretap()
{
    static std::once_flag once;
    std::call_once(once, [] {
        ws_log_init("socketlab", nullptr);
        ws_log_set_level(LOG_LEVEL_CRITICAL); // hostile files must not fill stderr
        wtap_init(FALSE);
    });
}

// A record's WTAP_ENCAP_* link type as the decoder's (pcap-linktype(7) DLT numbers);
// -1 for one the lab does not decode.
int linkTypeOf(int encap)
{
    switch (encap) {
    case WTAP_ENCAP_ETHERNET:
        return PacketDecoder::LinkEthernet;
    case WTAP_ENCAP_NULL:
        return PacketDecoder::LinkNull;
    case WTAP_ENCAP_LOOP:
        return PacketDecoder::LinkLoop;
    case WTAP_ENCAP_RAW_IP:
        return PacketDecoder::LinkRaw;
    case WTAP_ENCAP_RAW_IP4:
        return PacketDecoder::LinkIpv4;
    case WTAP_ENCAP_RAW_IP6:
        return PacketDecoder::LinkIpv6;
    case WTAP_ENCAP_SLL:
        return PacketDecoder::LinkLinuxSll;
    case WTAP_ENCAP_SLL2:
        return PacketDecoder::LinkLinuxSll2;
    default:
        return -1;
    }
}

ReplayError::Kind kindOf(int err)
{
    switch (err) {
    case WTAP_ERR_UNSUPPORTED:
    case WTAP_ERR_ENCAP_PER_PACKET_UNSUPPORTED:
    case WTAP_ERR_COMPRESSION_NOT_SUPPORTED:
    case WTAP_ERR_DECOMPRESSION_NOT_SUPPORTED:
        return ReplayError::Unsupported;
    case WTAP_ERR_FILE_UNKNOWN_FORMAT:
    case WTAP_ERR_NOT_REGULAR_FILE:
    case WTAP_ERR_CANT_OPEN:
    case WTAP_ERR_RANDOM_OPEN_PIPE:
    case WTAP_ERR_RANDOM_OPEN_STDIN:
        return ReplayError::CannotOpen;
    default:
        return err > 0 ? ReplayError::CannotOpen : ReplayError::Damaged;
    }
}

// wiretap's own words: the detail it gave, else its text for the error code.
QString wiretapDetail(int err, gchar *errInfo)
{
    QString s = errInfo ? QString::fromUtf8(errInfo) : QString::fromUtf8(wtap_strerror(err));
    g_free(errInfo);
    return s.simplified(); // one line
}

} // namespace

struct ReplayFile::Private
{
    QString path;
    ReplayError error;
    ConnectionTracker tracker;
    QVector<ReplayConnection> connections;
    qint64 packets = 0;
};

ReplayFile::ReplayFile()
    : d(std::make_unique<Private>())
{
}

ReplayFile::~ReplayFile() = default;
ReplayFile::ReplayFile(ReplayFile &&) noexcept = default;
ReplayFile &ReplayFile::operator=(ReplayFile &&) noexcept = default;

bool ReplayFile::read(const QString &path, const std::function<bool(qint64, qint64)> &progress)
{
    initWiretap();
    d->path = path;
    d->error = {};
    d->tracker.clear();
    d->connections.clear();
    d->packets = 0;

    int err = 0;
    gchar *errInfo = nullptr;
    wtap *wth = wtap_open_offline(
        QFile::encodeName(path).constData(), WTAP_TYPE_AUTO, &err, &errInfo, FALSE);
    if (!wth) {
        d->error.kind = kindOf(err);
        d->error.code = err;
        d->error.detail = wiretapDetail(err, errInfo);
        d->error.packet = 1;
        return false;
    }
    int sizeErr = 0;
    const qint64 total = qMax<qint64>(0, wtap_file_size(wth, &sizeErr));
    d->tracker.reserve(qMin<qint64>(total / 64, 50'000'000));
    if (progress && !progress(0, total)) {
        wtap_close(wth);
        d->error.kind = ReplayError::Cancelled;
        d->error.packet = 1;
        return false;
    }

    wtap_rec rec;
    Buffer buf;
    wtap_rec_init(&rec);
    ws_buffer_init(&buf, 2048);
    gint64 offset = 0;
    qint64 nextOffset = 0; // where the record after the last one read starts
    bool haveBase = false;
    // A hostile file's times may be anything: within ±10^12 s nothing overflows.
    constexpr qint64 kTimeLimit = 1'000'000'000'000;
    qint64 baseSecs = 0;
    qint64 baseNsecs = 0;
    qint64 unsupportedPackets = 0;
    int unsupportedEncap = 0;
    PacketHeaders h;
    bool cancelled = false;
    while (wtap_read(wth, &rec, &buf, &err, &errInfo, &offset)) {
        // Some of wiretap's readers set an error text on a record they still return:
        // free it, or the next read overwrites the pointer and it leaks.
        g_free(errInfo);
        errInfo = nullptr;
        ++d->packets;
        nextOffset = wtap_read_so_far(wth);
        if (rec.rec_type == REC_TYPE_PACKET) {
            const wtap_packet_header &ph = rec.rec_header.packet_header;
            qint64 tUs = 0;
            if (rec.presence_flags & WTAP_HAS_TS) {
                if (!haveBase) {
                    haveBase = true;
                    baseSecs = std::clamp<qint64>(rec.ts.secs, -kTimeLimit, kTimeLimit);
                    baseNsecs = rec.ts.nsecs;
                }
                const qint64 secs
                    = std::clamp<qint64>(rec.ts.secs, -kTimeLimit, kTimeLimit) - baseSecs;
                tUs = secs * 1'000'000 + (qint64(rec.ts.nsecs) - baseNsecs) / 1000;
            }
            const int link = linkTypeOf(ph.pkt_encap);
            if (link < 0) {
                if (unsupportedPackets++ == 0)
                    unsupportedEncap = ph.pkt_encap;
            } else if (PacketDecoder::decodeHeaders(
                           link, ws_buffer_start_ptr(&buf), ph.caplen, ph.len, h)
                && h.transport == PacketHeaders::Tcp) {
                d->tracker.add(h, tUs, d->packets);
            }
        }
        wtap_rec_reset(&rec);
        if (progress && (d->packets & 0x3fff) == 0 && !progress(nextOffset, total)) {
            cancelled = true;
            break;
        }
    }
    wtap_rec_cleanup(&rec);
    ws_buffer_free(&buf);
    wtap_close(wth);

    d->connections = d->tracker.connections();
    if (cancelled) {
        d->error.kind = ReplayError::Cancelled;
        d->error.packet = d->packets + 1;
        d->error.offset = nextOffset;
        return false;
    }
    if (err != 0) {
        d->error.kind = kindOf(err) == ReplayError::CannotOpen ? ReplayError::Damaged : kindOf(err);
        d->error.code = err;
        d->error.detail = wiretapDetail(err, errInfo);
        d->error.packet = d->packets + 1;
        d->error.offset = nextOffset;
        return false;
    }
    if (progress)
        progress(total, total);
    if (d->tracker.streamCount() == 0) {
        d->error.kind = ReplayError::NoTcp;
        d->error.packet = d->packets;
        d->error.offset = nextOffset;
        if (unsupportedPackets > 0)
            d->error.detail
                = QStringLiteral("%1 packet(s) of link type %2 (%3), which the lab does not decode")
                      .arg(unsupportedPackets)
                      .arg(QString::fromUtf8(wtap_encap_name(unsupportedEncap)),
                          QString::fromUtf8(wtap_encap_description(unsupportedEncap)));
        return false;
    }
    return true;
}

const ReplayError &ReplayFile::error() const
{
    return d->error;
}

const QVector<ReplayConnection> &ReplayFile::connections() const
{
    return d->connections;
}

QVector<LabEvent> ReplayFile::events(int stream) const
{
    return d->tracker.events(stream);
}

QVector<LabEvent> ReplayFile::connectionEvents() const
{
    QVector<LabEvent> out;
    out.reserve(d->tracker.streamCount());
    for (int i = 0; i < d->tracker.streamCount(); ++i)
        out << d->tracker.connectionEvent(i);
    return out;
}

qint64 ReplayFile::packetCount() const
{
    return d->packets;
}

QString ReplayFile::path() const
{
    return d->path;
}

QString ReplayError::message() const
{
    QString text;
    switch (kind) {
    case None:
        return {};
    case CannotOpen:
        text = QCoreApplication::translate("ReplayError", "cannot open the capture file");
        break;
    case Unsupported:
        //: %1 packet number (1-based), %2 byte offset in the file
        text = QCoreApplication::translate("ReplayError",
            "the capture file holds something unsupported at packet %1 (byte offset %2)")
                   .arg(packet)
                   .arg(offset);
        break;
    case Damaged:
        //: %1 packet number (1-based), %2 byte offset in the file
        text = QCoreApplication::translate(
            "ReplayError", "the capture file is damaged or cut short at packet %1 (byte offset %2)")
                   .arg(packet)
                   .arg(offset);
        break;
    case NoTcp:
        text = QCoreApplication::translate("ReplayError",
            "no TCP segment in the capture file (%n packet(s) read)", nullptr, int(packet));
        break;
    case Cancelled:
        //: %1 packet number (1-based)
        text = QCoreApplication::translate("ReplayError", "reading stopped at packet %1: cancelled")
                   .arg(packet);
        break;
    }
    // The common reasons in the UI language; the rest in wiretap's own (English) words.
    QString why;
    switch (code) {
    case WTAP_ERR_FILE_UNKNOWN_FORMAT:
        why = QCoreApplication::translate(
            "ReplayError", "it is not a capture file in a format Wireshark knows");
        break;
    case WTAP_ERR_SHORT_READ:
        why = QCoreApplication::translate("ReplayError", "the file ends in the middle of a packet");
        break;
    default:
        why = code > 0 ? ErrorText::fileReason(code, ErrorText::FileAccess::Read) : detail;
        break;
    }
    if (!why.isEmpty())
        //: %1 what went wrong, %2 why (wiretap's own English words when not a common reason)
        text = QCoreApplication::translate("ReplayError", "%1: %2").arg(text, why);
    return text;
}
