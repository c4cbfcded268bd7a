#pragma once

#include <QString>
#include <QStringList>

/** TCP header control bits (RFC 9293 §3.1), values as on the wire. */
enum TcpFlag : quint8 {
    TcpFin = 0x01,
    TcpSyn = 0x02,
    TcpRst = 0x04,
    TcpPsh = 0x08,
    TcpAck = 0x10,
};

/** The TCP options the lab shows (RFC 9293 §3.2, RFC 7323, RFC 2018). -1 / false: absent. */
struct TcpOptions
{
    int mss = -1; ///< Maximum segment size, bytes
    int windowScale = -1; ///< shift count, 0..14
    bool sackPermitted = false;
    bool timestamps = false;

    /** As the lab prints them: {"MSS=1460", "SACK_PERM", "TS", "WS=7"}. Empty when none. */
    QStringList toStrings() const;
    bool operator==(const TcpOptions &) const = default;
};

/**
 * One TCP segment of the model: absolute (raw) sequence numbers in host
 * byte order, payload length in bytes, window in bytes (already scaled).
 */
struct TcpSegment
{
    quint8 flags = 0;
    quint32 seq = 0; ///< SEG.SEQ
    quint32 ack = 0; ///< SEG.ACK, meaningful when TcpAck is set
    quint32 len = 0; ///< payload bytes
    quint32 wnd = 0; ///< SEG.WND, bytes
    TcpOptions options;

    bool has(TcpFlag f) const { return (flags & f) != 0; }
    /** SEG.LEN in sequence space: payload plus one for SYN and one for FIN (§3.4). */
    quint32 seqLen() const { return len + (has(TcpSyn) ? 1 : 0) + (has(TcpFin) ? 1 : 0); }
    /** Flag names in Wireshark's order (FIN, SYN, RST, PSH, ACK), e.g. {"SYN","ACK"}. */
    QStringList flagNames() const;
    bool operator==(const TcpSegment &) const = default;
};
