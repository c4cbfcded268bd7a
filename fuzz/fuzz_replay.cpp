// libFuzzer target: ReplayFile::read() on hostile capture files, through
// Wireshark's wiretap as `socketlab --replay` reads them. Input format:
// fuzz/fuzzinput.h — frames, written here as a well-formed pcap file, so
// mutations reach the decoder and the tracker behind wiretap; or (selector
// 0xFF) a whole capture file as is, so they reach ReplayError's paths too
// (damaged, cut, unsupported).
//
// The file lives in a memfd (no disk), read by path through /proc/self/fd.
// Only the lab's code is instrumented for coverage; wiretap is Debian's.

#include "fuzzchecks.h"
#include "fuzzinput.h"
#include "replay/replayfile.h"

#include <sys/mman.h>
#include <unistd.h>

namespace {

// One memfd for the process, rewritten for every input.
QString fileFor(const QByteArray &bytes)
{
    static const int fd = memfd_create("fuzz_replay", 0);
    FUZZ_CHECK(fd >= 0);
    FUZZ_CHECK(ftruncate(fd, 0) == 0);
    FUZZ_CHECK(pwrite(fd, bytes.constData(), size_t(bytes.size()), 0) == bytes.size());
    return QStringLiteral("/proc/self/fd/%1").arg(fd);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const FuzzInput::Input in = FuzzInput::parse(data, size);
    ReplayFile replay;
    const bool ok = replay.read(fileFor(in.rawFile ? in.file : FuzzInput::toPcap(in)));
    const ReplayError &error = replay.error();
    FUZZ_CHECK(ok == (error.kind == ReplayError::None));
    if (!ok) {
        FUZZ_CHECK(!error.message().isEmpty());
        FUZZ_CHECK(error.packet >= 0 && error.offset >= 0);
    }
    if (!in.rawFile) {
        // A well-formed file of a link type the lab reads: read to its end.
        FUZZ_CHECK(error.kind == ReplayError::None || error.kind == ReplayError::NoTcp);
        FUZZ_CHECK(replay.packetCount() == in.frames.size());
    }
    const QVector<ReplayConnection> &connections = replay.connections();
    qint64 segments = 0;
    for (const ReplayConnection &c : connections)
        segments += c.segments;
    FuzzChecks::connections(
        connections, [&replay](int stream) { return replay.events(stream); }, segments,
        !in.rawFile);
    FUZZ_CHECK(replay.connectionEvents().size() == connections.size());
    return 0;
}
