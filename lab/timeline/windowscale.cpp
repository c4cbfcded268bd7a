#include "windowscale.h"

#include "timeline.h"

namespace {

/** True when @p a and @p b belong to one connection. */
bool sameConnection(const LabEvent &a, const LabEvent &b)
{
    if (a.stream >= 0 && b.stream >= 0)
        return a.stream == b.stream;
    if (!a.src.isEmpty() && !b.src.isEmpty())
        return (a.src == b.src && a.dst == b.dst) || (a.src == b.dst && a.dst == b.src);
    return true; // hand-made or inferred events without addresses: one connection
}

/** True when @p a and @p b were sent by the same endpoint. */
bool sameSender(const LabEvent &a, const LabEvent &b)
{
    if (!a.src.isEmpty() && !b.src.isEmpty())
        return a.src == b.src;
    return a.side == b.side;
}

} // namespace

int WindowScale::announced(const QStringList &options)
{
    for (const QString &o : options) {
        if (o.startsWith(QLatin1String("WS=")))
            return qBound(0, o.mid(3).toInt(), 14); // RFC 7323 §2.3: at most 14
    }
    return -1;
}

int WindowScale::shiftFor(const Timeline &t, int row)
{
    if (row < 0 || row >= t.size())
        return -1;
    const LabEvent &e = t.at(row);
    if (e.flags.contains(QLatin1String("SYN")))
        return 0;
    const LabEvent *mine = nullptr;
    const LabEvent *peer = nullptr;
    for (int i = row - 1; i >= 0 && !(mine && peer); --i) {
        const LabEvent &s = t.at(i);
        if (s.kind != EventKind::Segment || !s.flags.contains(QLatin1String("SYN"))
            || !sameConnection(s, e))
            continue;
        const LabEvent *&slot = sameSender(s, e) ? mine : peer;
        if (!slot)
            slot = &s;
    }
    const int own = mine ? announced(mine->options) : -1;
    const int other = peer ? announced(peer->options) : -1;
    if ((mine && own < 0) || (peer && other < 0))
        return 0; // one side did not offer it: no scaling on this connection
    if (!mine || !peer)
        return -1;
    return own;
}

qint64 WindowScale::rawWindow(const LabEvent &e, int shift)
{
    if (e.win < 0 || shift < 0)
        return -1;
    return e.win >> shift;
}
