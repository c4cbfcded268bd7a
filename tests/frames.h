#pragma once

// Building packets byte by byte for the decoder's tests (tst_capture) and the
// fuzzers' seed corpus (tst_fuzzseeds). All fields big-endian, as on the wire.

#include <QByteArray>
#include <QtEndian>

namespace Frames {

/** Writes @p v at byte @p at of @p b in network byte order. */
inline void put16(QByteArray &b, int at, quint16 v)
{
    qToBigEndian<quint16>(v, b.data() + at);
}

/** Writes @p v at byte @p at of @p b in network byte order. */
inline void put32(QByteArray &b, int at, quint32 v)
{
    qToBigEndian<quint32>(v, b.data() + at);
}

/**
 * A TCP header (RFC 9293 §3.1) with @p options appended (a multiple of four
 * bytes); data offset from their length, checksum and urgent pointer zero.
 */
inline QByteArray tcpHeader(quint16 sport, quint16 dport, quint32 seq, quint32 ack, quint8 flags,
    quint16 window, const QByteArray &options = {})
{
    QByteArray t(20, '\0');
    put16(t, 0, sport);
    put16(t, 2, dport);
    put32(t, 4, seq);
    put32(t, 8, ack);
    t[12] = char(((20 + options.size()) / 4) << 4);
    t[13] = char(flags);
    put16(t, 14, window);
    return t + options;
}

} // namespace Frames
