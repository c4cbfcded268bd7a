#pragma once

#include "labevent.h"

class Timeline;

/**
 * The TCP window scale (RFC 7323 §2) that applies to a segment, read from
 * its connection's handshake on the timeline. A segment's `win` is stored
 * already scaled (Wireshark's [Calculated window size]); the window field on
 * the wire is `win` ÷ 2^shift, where shift is the count the *sender*
 * announced in its own SYN — used only when both SYN and SYN-ACK carried the
 * option, and never on a SYN itself.
 */
class WindowScale
{
public:
    /** The shift announced by an option list ("WS=7" → 7), -1 without the option. */
    static int announced(const QStringList &options);
    /**
     * The shift that applies to the window of the segment at @p row of @p t:
     * 0 on a SYN or when scaling is not in use, -1 when unknown (the
     * handshake is not on the timeline before @p row).
     */
    static int shiftFor(const Timeline &t, int row);
    /** The window field as on the wire, `win` >> @p shift; -1 when either is unknown. */
    static qint64 rawWindow(const LabEvent &e, int shift);
};
