#pragma once

// Two loopback endpoints with fixed initial sequence numbers, and segments
// between them, for the view tests (tst_views, tst_ladderoptions).

#include "timeline/labevent.h"

#include <QString>

namespace Endpoints {

inline const QString kClient = QStringLiteral("127.0.0.1:40000");
inline const QString kServer = QStringLiteral("127.0.0.1:8888");
constexpr qint64 kClientIsn = 1000000;
constexpr qint64 kServerIsn = 7000000;

/**
 * A segment sent by @p side from @p source: @p flags as "SYN,ACK", seq and
 * ack relative (ack -1: none), raw = ISN + relative, @p len payload bytes,
 * stream 0; window and options left for the caller.
 */
inline LabEvent segment(
    Side side, const char *flags, qint64 seq, qint64 ack, qint64 len, EventSource source)
{
    LabEvent e;
    e.kind = EventKind::Segment;
    e.source = source;
    e.side = side;
    e.flags = QString::fromLatin1(flags).split(QLatin1Char(','));
    const bool client = side == Side::Client;
    e.src = client ? kClient : kServer;
    e.dst = client ? kServer : kClient;
    e.seq = seq;
    e.seqRaw = (client ? kClientIsn : kServerIsn) + seq;
    e.ack = ack;
    e.ackRaw = ack < 0 ? -1 : (client ? kServerIsn : kClientIsn) + ack;
    e.len = len;
    e.stream = 0;
    return e;
}

} // namespace Endpoints
