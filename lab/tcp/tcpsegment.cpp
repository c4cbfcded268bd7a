#include "tcpsegment.h"

QStringList TcpOptions::toStrings() const
{
    // The order the lab prints them in, whatever the order on the wire.
    QStringList out;
    if (mss >= 0)
        out << QStringLiteral("MSS=%1").arg(mss);
    if (sackPermitted)
        out << QStringLiteral("SACK_PERM");
    if (timestamps)
        out << QStringLiteral("TS");
    if (windowScale >= 0)
        out << QStringLiteral("WS=%1").arg(windowScale);
    return out;
}

QStringList TcpSegment::flagNames() const
{
    // Wireshark's order (tcp.flags.str reads right to left: FIN is bit 0).
    static const struct
    {
        TcpFlag flag;
        const char *name;
    } kNames[] = {
        { TcpFin, "FIN" },
        { TcpSyn, "SYN" },
        { TcpRst, "RST" },
        { TcpPsh, "PSH" },
        { TcpAck, "ACK" },
    };
    QStringList out;
    for (const auto &n : kNames) {
        if (has(n.flag))
            out << QString::fromLatin1(n.name);
    }
    return out;
}
