#include "capturetracker.h"

LabEvent CaptureTracker::toEvent(const DecodedPacket &p, qint64 tUs)
{
    LabEvent e;
    e.tUs = tUs;
    e.source = EventSource::Capture;
    if (p.transport == DecodedPacket::None)
        return e; // kind Note: not for the timeline

    e.src = p.srcEndpoint();
    e.dst = p.dstEndpoint();
    e.len = p.payloadLength;
    e.bytes = p.payload;
    if (p.transport == DecodedPacket::Udp) {
        e.kind = EventKind::Datagram;
        e.side = sideOf(p, nullptr);
        return e;
    }

    e.kind = EventKind::Segment;
    const bool fromLower = e.src <= e.dst;
    const QString key = fromLower ? e.src + u'|' + e.dst : e.dst + u'|' + e.src;
    Connection *c = &m_connections[key];
    const bool syn = p.has(DecodedPacket::Syn);
    const bool ack = p.has(DecodedPacket::Ack);
    {
        const Direction &mine = fromLower ? c->fromA : c->fromB;
        // A fresh SYN with another ISN on a known pair: the port was reused, a new connection.
        if (c->stream >= 0 && syn && !ack && mine.baseKnown && mine.base != p.seq)
            *c = Connection {};
    }
    if (c->stream < 0)
        c->stream = m_nextStream++;
    Direction &mine = fromLower ? c->fromA : c->fromB;
    Direction &peer = fromLower ? c->fromB : c->fromA;

    if (syn) {
        mine.base = p.seq;
        mine.baseKnown = true;
        mine.windowShift = p.options.windowScale;
        if (!ack) {
            c->synSeen = true;
            c->first = e.src;
        } else {
            c->synAckSeen = true;
            if (c->first.isEmpty())
                c->first = e.dst;
        }
    }
    if (!mine.baseKnown) {
        mine.base = p.seq;
        mine.baseKnown = true;
    }
    if (ack && !peer.baseKnown) {
        peer.base = p.ack;
        peer.baseKnown = true;
    }

    e.flags = p.flagNames();
    e.seqRaw = p.seq;
    e.seq = quint32(p.seq - mine.base);
    if (ack) {
        e.ackRaw = p.ack;
        e.ack = quint32(p.ack - peer.base);
    }
    // RFC 7323 §2.2: the window of a SYN is never scaled; scaling applies only when both sent WS.
    // §2.3: a shift above 14 is used as 14 (the option byte can say up to 255).
    const int shift
        = !syn && mine.windowShift >= 0 && peer.windowShift >= 0 ? qMin(mine.windowShift, 14) : 0;
    e.win = qint64(p.window) << shift;
    e.options = p.options.toStrings();
    if (p.options.timestamps) {
        // Keep the values (RFC 7323 §3): the inspector and an exported pcap show them.
        e.options.replace(e.options.indexOf(QLatin1String("TS")),
            QStringLiteral("TS=%1/%2").arg(p.tsVal).arg(p.tsEcr));
    }
    e.stream = c->stream;
    e.side = sideOf(p, c);
    return e;
}

void CaptureTracker::clear()
{
    m_connections.clear();
    m_nextStream = 0;
}

Side CaptureTracker::sideOf(const DecodedPacket &p, const Connection *c) const
{
    const bool srcIsServer = m_serverPorts.contains(p.srcPort);
    const bool dstIsServer = m_serverPorts.contains(p.dstPort);
    if (srcIsServer && !dstIsServer)
        return Side::Server;
    if (dstIsServer && !srcIsServer)
        return Side::Client;
    if (c && !c->first.isEmpty())
        return p.srcEndpoint() == c->first ? Side::Client : Side::Server;
    return Side::Both;
}
