// socketlab-bench-wtap: the replay benchmark's baseline (issue 6, item 7): a
// bare wiretap read loop, set up as PLATFORM-NOTES item 24 says, that reads
// every record of FILE and touches each packet's bytes as little as a reader
// must (its length, link type and EtherType), so the time is wiretap's own.
//
// Usage: socketlab-bench-wtap FILE
// Prints key=value lines: records, packets, bytes (captured), ipv4, ipv6 and
// peak_kib, the process's peak resident memory (VmHWM).
// Exit status 2 with the reason on stderr when the file cannot be read.

#include "peakmemory.h"

#include <wiretap/wtap.h>
#include <wsutil/buffer.h>
#include <wsutil/wslog.h>

#include <cstdint>
#include <cstdio>

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: socketlab-bench-wtap FILE\n");
        return 1;
    }
    ws_log_init("socketlab-bench-wtap", nullptr);
    ws_log_set_level(LOG_LEVEL_WARNING);
    wtap_init(FALSE);

    int err = 0;
    gchar *errInfo = nullptr;
    wtap *wth = wtap_open_offline(argv[1], WTAP_TYPE_AUTO, &err, &errInfo, FALSE);
    if (!wth) {
        std::fprintf(stderr, "%s: %s%s%s\n", argv[1], wtap_strerror(err), errInfo ? ": " : "",
            errInfo ? errInfo : "");
        g_free(errInfo);
        return 2;
    }
    wtap_rec rec;
    Buffer buf;
    wtap_rec_init(&rec);
    ws_buffer_init(&buf, 1514);
    uint64_t records = 0, packets = 0, bytes = 0, ipv4 = 0, ipv6 = 0;
    gint64 offset = 0;
    while (wtap_read(wth, &rec, &buf, &err, &errInfo, &offset)) {
        ++records;
        // wtap_read() gives each record a block of options, the caller's to
        // free (as tshark does): without this 1 M records keep ~100 MB.
        const bool packet = rec.rec_type == REC_TYPE_PACKET;
        const uint32_t caplen = rec.rec_header.packet_header.caplen;
        const int encap = rec.rec_header.packet_header.pkt_encap;
        wtap_rec_reset(&rec);
        if (!packet)
            continue;
        ++packets;
        bytes += caplen;
        const uint8_t *p = ws_buffer_start_ptr(&buf);
        if (encap == WTAP_ENCAP_ETHERNET && caplen >= 14) {
            const unsigned type = unsigned(p[12]) << 8 | p[13];
            ipv4 += type == 0x0800;
            ipv6 += type == 0x86DD;
        }
    }
    const bool failed = err != 0;
    if (failed)
        std::fprintf(stderr, "%s: record %llu, offset %lld: %s%s%s\n", argv[1],
            (unsigned long long)records + 1, (long long)offset, wtap_strerror(err),
            errInfo ? ": " : "", errInfo ? errInfo : "");
    g_free(errInfo);
    ws_buffer_free(&buf);
    wtap_rec_cleanup(&rec);
    wtap_close(wth);
    wtap_cleanup();
    std::printf("records=%llu\npackets=%llu\nbytes=%llu\nipv4=%llu\nipv6=%llu\npeak_kib=%lld\n",
        (unsigned long long)records, (unsigned long long)packets, (unsigned long long)bytes,
        (unsigned long long)ipv4, (unsigned long long)ipv6, peakMemoryKib());
    return failed ? 2 : 0;
}
