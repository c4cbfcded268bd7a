// socketlab-bench-replay: "the lab's time" in the replay benchmark (issue 6,
// item 7): one ReplayFile::read() of FILE, as the window and `socketlab
// --replay` do, and nothing else.
//
// Usage: socketlab-bench-replay FILE
// Prints key=value lines: packets, connections, segments, digest = sum over
// connections of (stream + 1) * segments (run.py compares it with the
// generator's and tshark's) and peak_kib, the process's peak resident memory
// (VmHWM) with the connections still held. Exit status 2 and the reason on stderr when
// read() fails.

#include "peakmemory.h"
#include "replay/replayfile.h"

#include <cstdio>

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: socketlab-bench-replay FILE\n");
        return 1;
    }
    ReplayFile file;
    const bool ok = file.read(QString::fromLocal8Bit(argv[1]));
    qint64 segments = 0;
    double digest = 0; // exact: well below 2^53
    for (const ReplayConnection &c : file.connections()) {
        segments += c.segments;
        digest += double(c.stream + 1) * double(c.segments);
    }
    std::printf("packets=%lld\nconnections=%lld\nsegments=%lld\ndigest=%.0f\npeak_kib=%lld\n",
        (long long)file.packetCount(), (long long)file.connections().size(), (long long)segments,
        digest, peakMemoryKib());
    if (!ok) {
        std::fprintf(stderr, "%s\n", qPrintable(file.error().message()));
        return 2;
    }
    return 0;
}
