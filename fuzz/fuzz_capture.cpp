// libFuzzer target: hostile frames through the packet decoder and the
// connection trackers, as the live capture helper or a capture file would
// deliver them. Input format: fuzz/fuzzinput.h (a link type selector, then
// frames); whole capture files (selector 0xFF) are fuzz_replay's and skipped.
//
// Each consumer is a Sink below: CaptureTracker (live capture) sees every
// frame's DecodedPacket, lab/replay's ConnectionTracker every frame's
// PacketHeaders (decodeHeaders), in order, and is checked after the last one.
// To add a consumer, add a Sink and feed it in LLVMFuzzerTestOneInput.

#include "capture/capturetracker.h"
#include "capture/packetdecoder.h"
#include "fuzzchecks.h"
#include "fuzzinput.h"
#include "replay/connectiontracker.h"

#include <cstring>
#include <memory>

namespace {

// CaptureTracker (the live capture's stream numbering).
class CaptureTrackerSink
{
public:
    CaptureTrackerSink() { m_tracker.setServerPorts({ 8888 }); }

    void add(const DecodedPacket &d, qint64 tUs)
    {
        const LabEvent e = m_tracker.toEvent(d, tUs);
        FUZZ_CHECK(e.source == EventSource::Capture);
        switch (d.transport) {
        case DecodedPacket::None:
            FUZZ_CHECK(e.kind == EventKind::Note);
            return;
        case DecodedPacket::Udp:
            FUZZ_CHECK(e.kind == EventKind::Datagram);
            break;
        case DecodedPacket::Tcp:
            FUZZ_CHECK(e.kind == EventKind::Segment);
            FUZZ_CHECK(e.stream >= 0 && e.stream <= m_tcpSegments);
            FUZZ_CHECK(e.seq >= 0 && e.seq <= 0xffffffffLL);
            FUZZ_CHECK(e.ack >= -1 && e.ack <= 0xffffffffLL);
            FUZZ_CHECK(e.win >= 0 && e.win <= qint64(0xffff) << 14);
            ++m_tcpSegments;
            break;
        }
        FUZZ_CHECK(e.len == d.payloadLength);
        FUZZ_CHECK(!e.toJson().isEmpty());
    }

private:
    CaptureTracker m_tracker;
    int m_tcpSegments = 0;
};

// lab/replay's ConnectionTracker (capture files): streams, both endpoints' states, events.
class ConnectionTrackerSink
{
public:
    void add(const PacketHeaders &h, qint64 tUs, qint64 frame)
    {
        if (!h.isTcp())
            return;
        const int stream = m_tracker.add(h, tUs, frame);
        FUZZ_CHECK(stream >= 0 && stream < m_tracker.streamCount());
        FUZZ_CHECK(m_tracker.streamCount() <= m_tracker.segmentCount());
    }

    void finish() const
    {
        const QVector<ReplayConnection> connections = m_tracker.connections();
        FUZZ_CHECK(connections.size() == m_tracker.streamCount());
        FuzzChecks::connections(
            connections, [this](int stream) { return m_tracker.events(stream); },
            m_tracker.segmentCount(), true);
        for (int i = 0; i < connections.size(); ++i)
            FUZZ_CHECK(m_tracker.connectionEvent(i).kind == EventKind::Connection);
    }

private:
    ConnectionTracker m_tracker;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput::Input in = FuzzInput::parse(data, size);
    if (in.rawFile)
        return -1; // not for this target: keep it out of the corpus
    const int headersLinkType = in.linkType < 0 ? int(PacketDecoder::LinkRaw) : in.linkType;
    CaptureTrackerSink capture;
    ConnectionTrackerSink replay;
    qint64 tUs = 0, frameNumber = 0;
    for (const QByteArray &frame : in.frames) {
        ++frameNumber;
        const DecodedPacket d = in.linkType < 0 ? PacketDecoder::decodeIp(frame)
                                                : PacketDecoder::decode(in.linkType, frame);
        FuzzChecks::decoded(d);
        capture.add(d, tUs);

        // The allocation-free step on a block of exactly the frame's size (ASan's redzone starts
        // at the first byte after it): with the wire length unknown, as decode() calls it, then
        // as a capture file's record of the frame (wireExtra: cut by a snap length).
        const qint64 n = frame.size();
        const std::unique_ptr<uchar[]> bytes(new uchar[size_t(qMax<qint64>(n, 1))]);
        std::memcpy(bytes.get(), frame.constData(), size_t(n));
        PacketHeaders unknownWire;
        const bool ok
            = PacketDecoder::decodeHeaders(headersLinkType, bytes.get(), n, -1, unknownWire);
        FuzzChecks::headers(ok, unknownWire, bytes.get(), n);
        // decode() is the same step, stricter: it drops a TCP header the capture cut.
        if (d.transport != DecodedPacket::None) {
            FUZZ_CHECK(int(unknownWire.transport) == int(d.transport));
            FUZZ_CHECK(qint64(unknownWire.payloadLength) == d.payloadLength);
            FUZZ_CHECK(qint64(unknownWire.payloadCaptured) == d.payload.size());
        } else {
            FUZZ_CHECK(!ok || unknownWire.isTcp());
        }
        PacketHeaders h;
        FuzzChecks::headers(
            PacketDecoder::decodeHeaders(headersLinkType, bytes.get(), n, n + in.wireExtra, h), h,
            bytes.get(), n);
        replay.add(h, tUs, frameNumber);
        tUs += 1000;
    }
    replay.finish();
    return 0;
}
