#pragma once

#include "tcp/tcpstate.h"
#include "timeline/labevent.h"

#include <QString>
#include <QVector>

#include <functional>
#include <memory>

class ConnectionTracker;

/**
 * One TCP connection of a capture file: Wireshark's `tcp.stream`, with the
 * fields `../shared/pcaps/INDEX.md` defines and both endpoints' final
 * inferred RFC 9293 states (ConnectionTracker).
 */
struct ReplayConnection
{
    int stream = -1; ///< 0-based, in order of first segment, as Wireshark's tcp.stream
    QString client; ///< "addr:port" or "[v6addr]:port": sent the first SYN without ACK, else …
    QString server; ///< the other endpoint
    QString handshake; ///< "complete" | "partial" | "none" (INDEX.md)
    QString close; ///< "rst" | "fin" | "none" (INDEX.md)
    int fins = 0; ///< how many directions sent a FIN, 0 to 2
    qint64 segments = 0; ///< TCP segments in the stream
    TcpState clientState = TcpState::Unknown; ///< final inferred state of the client (RFC 9293)
    TcpState serverState = TcpState::Unknown; ///< final inferred state of the server
    qint64 firstUs = 0; ///< first segment, µs after the file's first packet
    qint64 lastUs = 0; ///< last segment, µs after the file's first packet
};

/**
 * Why a capture file was not read to its end. `packet` and `offset` say
 * where reading stopped: the 1-based number of the record that could not be
 * read and the byte offset in the (uncompressed) file where it starts.
 */
struct ReplayError
{
    enum Kind {
        None, ///< read to the end
        CannotOpen, ///< no such file, no permission, not a capture file wiretap knows
        Unsupported, ///< a format, record or link type wiretap (or the lab) cannot read
        Damaged, ///< cut short or corrupt after some records (the connections read so far stand)
        NoTcp, ///< read to the end, but not one TCP segment in it
        Cancelled, ///< the progress callback said stop
    } kind
        = None;
    QString detail; ///< wiretap's own words (English), e.g. "pcap: File has 16711424-byte packet…";
                    ///< may be empty
    qint64 packet = 0; ///< 1-based record number where reading stopped (0: before the first)
    qint64 offset = 0; ///< byte offset in the file where reading stopped
    /** wiretap's code: an errno (> 0) or a WTAP_ERR_* (< 0); 0 when none. */
    int code = 0;

    /** One line in the UI language (context "ReplayError"), naming packet and offset. */
    QString message() const;
};

/**
 * A capture file read whole with Wireshark's wiretap library
 * (wtap_open_offline(3)-style API of `wiretap/wtap.h`): every format tshark
 * reads — pcap (µs and ns), pcapng with several interfaces, link types and
 * sections, gzip and zstd compressed. Each packet record's own link type
 * (WTAP_ENCAP_*) picks the decoder (PacketDecoder::decodeHeaders); TCP
 * segments go to a ConnectionTracker, which numbers streams as Wireshark's
 * `tcp.stream` and infers each endpoint's RFC 9293 state.
 *
 * Memory: a compact record per segment; LabEvents are made only when asked
 * for, by events(). Not thread-safe as an object, but read() may run on a
 * worker thread (no Qt Gui, no event loop) and the result be handed over.
 */
class ReplayFile
{
public:
    ReplayFile();
    ~ReplayFile();
    ReplayFile(ReplayFile &&) noexcept;
    ReplayFile &operator=(ReplayFile &&) noexcept;

    /**
     * Reads @p path to its end (or to the first error). @p progress, when set,
     * is called now and then with bytes read so far and the file's size (both
     * in bytes of the file on disk; for a compressed file the done count is
     * an approximation); returning false cancels (error() kind Cancelled).
     * True when the file was read to its end and held at least one TCP
     * segment; otherwise error() says why and connections() holds what was
     * read before it. Safe to call from a worker thread.
     */
    bool read(const QString &path, const std::function<bool(qint64, qint64)> &progress = {});

    /** Why the last read() stopped early; kind None after a complete read. */
    const ReplayError &error() const;

    /** Every TCP connection read, by stream number (connections()[i].stream == i). */
    const QVector<ReplayConnection> &connections() const;

    /**
     * The timeline of stream @p stream: its segments (kind Segment, source
     * File, side = sender, seq/ack relative to each side's ISN and raw, flags,
     * len, window scaled as RFC 7323 says, options, stream, frame) and both
     * endpoints' inferred State events, in time order; t_us from the file's
     * first packet. Empty for an unknown stream.
     */
    QVector<LabEvent> events(int stream) const;

    /** One kind Connection event per stream, in stream order (t_us: its first segment). */
    QVector<LabEvent> connectionEvents() const;

    /** Packet records read (TCP or not). */
    qint64 packetCount() const;
    /** The path given to the last read(). */
    QString path() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};
