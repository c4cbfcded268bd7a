#pragma once

#include "capture/packetdecoder.h"
#include "timeline/labevent.h"

#include <QHash>
#include <QSet>

/**
 * Turns decoded packets into the timeline's LabEvents (source Capture), as
 * Wireshark's TCP dissector does with its conversation table:
 *
 * - `stream`: one number per TCP connection (address/port pair), counted
 *   from 0 in the order first seen, like `tcp.stream`; a new SYN with a
 *   different ISN on the same pair starts a new stream (port reuse).
 * - `seq`/`ack`: relative to each direction's initial sequence number (the
 *   SYN's; without a SYN seen, the first sequence number seen), modulo 2^32
 *   (RFC 9293 §3.4); `seq_raw`/`ack_raw` as on the wire.
 * - `win`: the window in bytes, scaled by the sender's window-scale shift
 *   once both SYNs carried the option (RFC 7323 §2.3; never on a SYN; a shift
 *   above 14 counts as 14). When
 *   the handshake was not seen the shift is unknown and `win` is the raw field.
 * - `side`: the sender — Server when its port is one of the server ports,
 *   Client when the receiver's is; otherwise the sender of the first SYN is the client.
 *
 * UDP packets become Datagram events with `len` and `bytes` (the payload).
 */
class CaptureTracker
{
public:
    /** Ports that identify the server end (e.g. 8888). */
    void setServerPorts(const QSet<quint16> &ports) { m_serverPorts = ports; }
    const QSet<quint16> &serverPorts() const { return m_serverPorts; }

    /**
     * The event for @p packet, stamped @p tUs (Timeline clock). Returns an
     * event of kind Note (to be dropped) for a packet that is not TCP or UDP.
     */
    LabEvent toEvent(const DecodedPacket &packet, qint64 tUs);

    /** Forgets every connection and restarts stream numbers at 0. */
    void clear();

private:
    struct Direction
    {
        bool baseKnown = false;
        quint32 base = 0; ///< ISN (or first seq seen)
        int windowShift = -1; ///< from this direction's SYN; -1 none
    };
    struct Connection
    {
        int stream = -1;
        QString first; ///< endpoint that opened it (sent the first SYN), or first sender
        Direction fromA; ///< the direction from key's first endpoint
        Direction fromB;
        bool synSeen = false;
        bool synAckSeen = false;
    };

    Side sideOf(const DecodedPacket &packet, const Connection *c) const;

    QSet<quint16> m_serverPorts;
    QHash<QString, Connection> m_connections; ///< key: "lower endpoint|higher endpoint"
    int m_nextStream = 0;
};
