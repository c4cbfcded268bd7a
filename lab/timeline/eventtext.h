#pragma once

#include "labevent.h"

#include <QCoreApplication>

/**
 * Words for events, made in the UI language at the moment they are shown
 * (the timeline table, --print, tool tips). Nothing here is stored.
 */
class EventText
{
    Q_DECLARE_TR_FUNCTIONS(EventText)

public:
    /** One line describing @p e, e.g. "connect(('127.0.0.1', 8888)) returned 0". */
    static QString describe(const LabEvent &e);
    /**
     * The teaching caption an event carries (a note, or a scenario step's
     * words riding on its state change or segment), in the UI language;
     * empty when none.
     */
    static QString caption(const LabEvent &e);
    /** "client", "server", "server (listening socket)" … in the UI language. */
    static QString side(Side s, const QString &socket = {});
    /** The glossary's label of a source, e.g. "read from the kernel". */
    static QString source(EventSource s);
    /** A sentence saying what a source means, for tool tips. */
    static QString sourceExplanation(EventSource s);
    /** @p tUs microseconds as milliseconds with three decimals ("12.345"). */
    static QString time(qint64 tUs);
    /** "connect(('127.0.0.1', 8888))": the call as Python would write it. */
    static QString callSignature(const LabEvent &e);
    /** A segment's one-line label: "SYN,ACK seq=0 ack=1 len=0". Protocol tokens only. */
    static QString segmentLabel(const LabEvent &e);
    /**
     * A segment's short label for the ladder: flags, seq, ack, len and the
     * (scaled) window, no options: "SYN,ACK seq=0 ack=1 len=0 win=65483".
     * With @p raw the sequence and acknowledgment numbers are the 32-bit
     * numbers as on the wire; where the event has none (inferred or model
     * segments) the relative number is shown marked with "*".
     */
    static QString ladderLabel(const LabEvent &e, bool raw);
    /**
     * A SYN's options, compact and space-separated in a fixed order (MSS, WS,
     * SACK_PERM, TS, then any other): "MSS=65495 WS=7 SACK_PERM TS". Timestamp
     * values are left to the inspector. Empty when there are none.
     */
    static QString optionsLabel(const QStringList &options);
    /** Payload bytes as a short quoted string, elided past @p maxChars characters. */
    static QString quoted(const LabEvent &e, int maxChars = 40);
    /** @p text with control characters escaped as Python's repr does (\n, \x00 …), elided past @p
     * maxChars. */
    static QString escaped(const QString &text, int maxChars = 4096);
};
