#pragma once

#include <QtGlobal>

/**
 * Sequence number arithmetic modulo 2^32 (RFC 9293 §3.4, in the manner of
 * RFC 1982 serial numbers): a < b when the signed 32-bit difference a − b
 * is negative. Numbers are in host byte order.
 */
namespace Seq {

inline bool lt(quint32 a, quint32 b)
{
    return qint32(a - b) < 0;
}
inline bool le(quint32 a, quint32 b)
{
    return qint32(a - b) <= 0;
}
inline bool gt(quint32 a, quint32 b)
{
    return qint32(a - b) > 0;
}
inline bool ge(quint32 a, quint32 b)
{
    return qint32(a - b) >= 0;
}
/** lo ≤ x < hi, modulo 2^32 (an empty window when lo == hi). */
inline bool inWindow(quint32 x, quint32 lo, quint32 hi)
{
    return le(lo, x) && lt(x, hi);
}

} // namespace Seq
