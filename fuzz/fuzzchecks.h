#pragma once

#include "capture/packetdecoder.h"
#include "replay/replayfile.h"
#include "timeline/labevent.h"

#include <QJsonObject>
#include <QVector>

#include <cstdio>
#include <cstdlib>

/**
 * What the fuzz targets check beyond ASan and UBSan: the promises the code
 * under test makes to its callers. A broken one aborts, which libFuzzer
 * reports as a crash and saves the input.
 */
#define FUZZ_CHECK(cond)                                                                           \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);          \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace FuzzChecks {

/** PacketDecoder::decode() (packetdecoder.h). */
inline void decoded(const DecodedPacket &d)
{
    if (d.transport == DecodedPacket::None) {
        FUZZ_CHECK(!d.error.isEmpty());
        return;
    }
    FUZZ_CHECK(d.error.isEmpty());
    FUZZ_CHECK(d.ipVersion == 4 || d.ipVersion == 6);
    FUZZ_CHECK(d.payloadLength >= 0);
    FUZZ_CHECK(d.payload.size() <= d.payloadLength);
    if (d.isTcp()) {
        FUZZ_CHECK(d.options.mss >= -1 && d.options.mss <= 0xffff);
        FUZZ_CHECK(d.options.windowScale >= -1 && d.options.windowScale <= 0xff);
    }
}

/** PacketDecoder::decodeHeaders() on @p size bytes at @p frame, which returned @p ok. */
inline void headers(bool ok, const PacketHeaders &h, const uchar *frame, qint64 size)
{
    FUZZ_CHECK(ok == (h.transport != PacketHeaders::None));
    FUZZ_CHECK(ok == (h.error == nullptr));
    if (!ok)
        return;
    FUZZ_CHECK(h.ipVersion == 4 || h.ipVersion == 6);
    FUZZ_CHECK(h.payloadCaptured <= h.payloadLength);
    FUZZ_CHECK(h.payloadCaptured == 0
        || (h.payload >= frame && h.payload + h.payloadCaptured <= frame + size));
    FUZZ_CHECK(h.sackCount <= 4);
    FUZZ_CHECK(h.fastOpen >= -1 && h.fastOpen <= 16);
}

/**
 * Connections as ConnectionTracker and ReplayFile give them (INDEX.md's
 * fields), with @p events(i) the timeline of stream i and @p segmentCount
 * the TCP segments added. @p timeMovesOn: the packets' times never go back.
 */
template <typename EventsOf>
void connections(const QVector<ReplayConnection> &connections, const EventsOf &events,
    qint64 segmentCount, bool timeMovesOn)
{
    qint64 segments = 0;
    for (int i = 0; i < connections.size(); ++i) {
        const ReplayConnection &c = connections.at(i);
        FUZZ_CHECK(c.stream == i);
        FUZZ_CHECK(c.fins >= 0 && c.fins <= 2);
        FUZZ_CHECK(c.segments >= 1);
        FUZZ_CHECK(c.handshake == QLatin1String("complete")
            || c.handshake == QLatin1String("partial") || c.handshake == QLatin1String("none"));
        FUZZ_CHECK(c.close == QLatin1String("rst") || c.close == QLatin1String("fin")
            || c.close == QLatin1String("none"));
        FUZZ_CHECK(!c.client.isEmpty() && !c.server.isEmpty());
        FUZZ_CHECK(!timeMovesOn || c.firstUs <= c.lastUs);
        segments += c.segments;
        qint64 segmentEvents = 0;
        for (const LabEvent &e : events(i)) {
            FUZZ_CHECK(e.kind == EventKind::Segment || e.kind == EventKind::State);
            if (e.kind == EventKind::Segment) {
                FUZZ_CHECK(e.stream == i);
                FUZZ_CHECK(e.len >= 0);
                ++segmentEvents;
            }
            FUZZ_CHECK(!e.toJson().isEmpty());
        }
        FUZZ_CHECK(segmentEvents == c.segments);
    }
    FUZZ_CHECK(segments == segmentCount);
}

} // namespace FuzzChecks
