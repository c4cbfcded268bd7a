#pragma once

#include "tcp/tcpstate.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariant>

/*
 * LabEvent is the one record every producer appends and every view reads
 * (see ARCHITECTURE.md, "One idea holds it together: the timeline").
 * It stores facts only — call names, errno numbers, state enums, bytes,
 * caption keys — never words in a UI language.
 */

/** What happened. */
enum class EventKind { Call, Segment, Datagram, State, Data, Note, Connection };

/** Where the fact comes from; views always show it. */
enum class EventSource { App, Kernel, Capture, Inferred, Model, File };

/** Which endpoint the event belongs to (a segment's side is its sender). */
enum class Side { Client, Server, Both };

/** For calls: `Start` when issued, `Return` when it completed. */
enum class CallPhase { None, Start, Return };

/** How a failed call failed. */
enum class ErrorDomain {
    None, ///< no error
    Errno, ///< POSIX errno in `errnum` (OSError in Python)
    Gai, ///< getaddrinfo EAI_* code in `errnum` (socket.gaierror)
    Timeout, ///< settimeout() expired (socket.timeout / TimeoutError); errnum 0
    Busy, ///< another call is still pending on this socket (the lab's own guard)
};

/** A timeline event. Unused fields keep their defaults and are left out of JSON. */
struct LabEvent
{
    qint64 tUs
        = -1; ///< microseconds since the session began (Timeline::nowUs()); -1: stamp on append
    Side side = Side::Both;
    EventKind kind = EventKind::Note;
    EventSource source = EventSource::App;
    QString socket; ///< which socket of that side: "listener", "conn", "client"

    // kind Call
    QString call; ///< POSIX / Python name, e.g. "connect"
    CallPhase phase = CallPhase::None;
    QStringList args; ///< arguments as Python would print them, e.g. "('127.0.0.1', 8888)"
    QVariant result; ///< return value (int, string) or invalid for None
    ErrorDomain errorDomain = ErrorDomain::None;
    int errnum = 0; ///< errno (Errno) or EAI_* (Gai)

    // kind Segment / Datagram
    QString src; ///< "host:port" of the sender
    QString dst; ///< "host:port" of the receiver
    QStringList flags; ///< e.g. {"SYN","ACK"}, Wireshark order
    qint64 seq = -1; ///< relative to the sender's ISN; -1 unknown
    qint64 ack = -1; ///< relative to the receiver's ISN; -1 none
    qint64 seqRaw = -1; ///< as on the wire; -1 unknown (inferred segments)
    qint64 ackRaw = -1;
    qint64 len = -1; ///< payload bytes
    qint64 win = -1; ///< window in bytes (scaled); -1 unknown
    QStringList options; ///< e.g. {"MSS=65495","SACK_PERM","TS","WS=7"}
    int stream = -1; ///< per connection, as Wireshark's tcp.stream
    qint64 frame = -1; ///< source File: 1-based packet number in the capture file; -1 none

    // kind Connection (a replayed capture file, ../shared/pcaps/INDEX.md): `src` holds the
    // client, `dst` the server, `stream` the stream, `tUs` the time of its first segment
    QString handshake; ///< "complete", "partial" or "none"
    QString close; ///< "rst", "fin" or "none"
    int fins = -1; ///< how many directions sent a FIN, 0 to 2; -1 not a connection
    qint64 segments = -1; ///< TCP segments in the stream
    TcpState clientState = TcpState::Unknown; ///< final inferred RFC 9293 state of the client
    TcpState serverState = TcpState::Unknown; ///< final inferred state of the server

    // kind State
    TcpState from = TcpState::Unknown;
    TcpState to = TcpState::Unknown;
    QString
        transition; ///< the RFC 9293 diagram arc taken, e.g. "rcv SYN / snd SYN,ACK" (model events)

    // kind Call (model and live): where in our example programs the call is
    QString code; ///< "<program>:<anchor>", e.g. "client:connect" (see CodePanel)

    // kind Data (and the payload of a send call)
    QByteArray bytes;
    QString encoding; ///< "utf-8" …: how `bytes` is shown as text

    // a caption: on kind Note, or riding on any event it explains; a translatable key
    // (context "Note" or "Caption") with %1… arguments
    QString noteKey;
    QStringList noteArgs;

    /** True for a call that failed. */
    bool failed() const { return errorDomain != ErrorDomain::None; }

    /** `bytes` decoded with `encoding` (UTF-8 when empty); invalid or cut sequences become U+FFFD.
     */
    QString text() const;
    /** False when `bytes` are not valid text in `encoding` (text() then holds U+FFFD). */
    bool textIsValid() const;

    /** The JSON Lines object of ARCHITECTURE.md's `--json` (t_us, side, kind, source, …). */
    QJsonObject toJson() const;
};

/** Lower-case JSON tokens: "call", "segment", … */
QString eventKindToken(EventKind k);
/** "app", "kernel", "capture", "inferred", "model", "file". */
QString eventSourceToken(EventSource s);
/** "client", "server", "both". */
QString sideToken(Side s);
/** "start", "return" or "" for None. */
QString callPhaseToken(CallPhase p);
/** Symbolic errno name, e.g. "ECONNREFUSED" for 111; "EAI_NONAME" for Gai -2; "timeout". */
QString errorName(ErrorDomain d, int errnum);
