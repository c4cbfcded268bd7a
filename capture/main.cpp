/*
 * socketlab-capture — the lab's packet capture helper.
 *
 * As Wireshark's dumpcap, it is the only part of Socket Lab that needs the
 * right to capture (CAP_NET_RAW): grant it to this one small binary with
 *     setcap cap_net_raw+ep build/capture/socketlab-capture
 * and the Qt program never runs privileged. It uses libpcap only (no Qt).
 *
 * Usage:
 *     socketlab-capture [--interface IF] [--port N]... [--filter EXPR] [--snaplen N]
 * --interface  the interface to open (default "lo", where the lab's sockets talk), once
 * --port       capture TCP and UDP packets to or from port N (repeatable);
 *              the BPF filter is "(tcp or udp) and (port N or port M …)"
 * --filter     a pcap-filter(7) expression instead (overrides --port)
 * Without --port and --filter it captures "tcp or udp".
 *
 * The interface is opened in immediate mode (pcap_set_immediate_mode(3PCAP)):
 * without it, Linux's TPACKET_V3 delivers packets in blocks, late.
 *
 * Output on stdout: JSON Lines, one object per line, flushed after each line.
 *   {"type":"start","interface":"lo","linktype":1,"linktype_name":"EN10MB",
 *    "filter":"(tcp or udp) and (port 8888)","snaplen":262144}
 *       once, when capture is running: packets sent from now on are seen.
 *   {"type":"packet","mono_us":123,"wall_us":1700000000000000,"caplen":74,"len":74,
 *    "data":"0000…"}
 *       one per packet. "data" is the captured bytes (caplen of them) in lower-case
 *       hex, starting with the link-layer header of "linktype" (a DLT_ value of
 *       pcap-linktype(7); lo is DLT_EN10MB, 1, with a 14-byte all-zero MAC header).
 *       "len" is the packet's length on the wire. "wall_us" is pcap's timestamp,
 *       microseconds since the Unix epoch (CLOCK_REALTIME). "mono_us" is the same
 *       instant on CLOCK_MONOTONIC, in microseconds: wall_us + (MONOTONIC − REALTIME),
 *       the offset sampled when the packet is delivered, so a wall-clock step
 *       between the packet and its delivery is the only error (microseconds).
 *   {"type":"end","received":N,"dropped":N,"ifdropped":N}
 *       once, at a clean end (pcap_stats(3PCAP); on lo "received" counts each
 *       packet twice).
 * It runs until stdin reaches end of file (the lab closes the pipe) or SIGTERM /
 * SIGINT / SIGHUP; then it delivers what the kernel still holds (until 50 ms pass with
 * no packet, at most 1 s), writes the "end" line and exits 0.
 *
 * Exit status: 0 done; 2 bad arguments; 3 capture could not start (no such
 * interface, a bad filter, …); 4 no permission to capture (PCAP_ERROR_PERM_DENIED:
 * CAP_NET_RAW missing). Errors are one line on stderr, starting with
 * "socketlab-capture: ".
 */

#include <pcap/pcap.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <poll.h>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

enum ExitStatus { ExitOk = 0, ExitUsage = 2, ExitCaptureError = 3, ExitNoPermission = 4 };

volatile sig_atomic_t g_stop = 0;

void onSignal(int)
{
    g_stop = 1;
}

[[noreturn]] void fail(int status, const std::string &message)
{
    std::fprintf(stderr, "socketlab-capture: %s\n", message.c_str());
    std::exit(status);
}

std::string jsonString(const std::string &s)
{
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += char(c);
        }
    }
    return out + "\"";
}

long long toUs(const timespec &t)
{
    return (long long)t.tv_sec * 1000000LL + t.tv_nsec / 1000;
}

struct Writer
{
    std::string line;
    unsigned long packets = 0;
};

void writeLine(const std::string &line)
{
    if (std::fwrite(line.data(), 1, line.size(), stdout) != line.size() || std::fflush(stdout) != 0)
        std::exit(ExitOk); // the lab closed the pipe: nobody is listening any more
}

/**
 * CLOCK_MONOTONIC minus CLOCK_REALTIME, in microseconds, read between two
 * REALTIME readings so that being preempted between the calls (milliseconds
 * on a loaded machine) cannot skew it: the tightest of up to three brackets.
 */
long long monotonicMinusRealtimeUs()
{
    long long best = 0;
    long long bestSpan = -1;
    for (int i = 0; i < 3; ++i) {
        timespec before {}, mono {}, after {};
        clock_gettime(CLOCK_REALTIME, &before);
        clock_gettime(CLOCK_MONOTONIC, &mono);
        clock_gettime(CLOCK_REALTIME, &after);
        const long long span = toUs(after) - toUs(before);
        if (bestSpan < 0 || span < bestSpan) {
            bestSpan = span;
            best = toUs(mono) - (toUs(before) + toUs(after)) / 2;
        }
        if (span <= 2)
            break;
    }
    return best;
}

void onPacket(u_char *user, const pcap_pkthdr *h, const u_char *bytes)
{
    auto *w = reinterpret_cast<Writer *>(user);
    const long long wallUs = (long long)h->ts.tv_sec * 1000000LL + h->ts.tv_usec;
    const long long monoUs = wallUs + monotonicMinusRealtimeUs();

    static const char kHex[] = "0123456789abcdef";
    std::string &line = w->line;
    line.clear();
    line.reserve(128 + 2 * h->caplen);
    char head[160];
    std::snprintf(head, sizeof head,
        "{\"type\":\"packet\",\"mono_us\":%lld,\"wall_us\":%lld,\"caplen\":%u,\"len\":%u,\"data\":"
        "\"",
        monoUs, wallUs, h->caplen, h->len);
    line += head;
    for (bpf_u_int32 i = 0; i < h->caplen; ++i) {
        line += kHex[bytes[i] >> 4];
        line += kHex[bytes[i] & 0xf];
    }
    line += "\"}\n";
    writeLine(line);
    ++w->packets;
}

} // namespace

int main(int argc, char **argv)
{
    std::string interface = "lo";
    std::string filter;
    bool interfaceGiven = false;
    bool filterGiven = false;
    std::vector<int> ports;
    int snaplen = 262144;

    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                fail(ExitUsage, arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--interface" || arg == "-i") {
            if (interfaceGiven)
                fail(ExitUsage, "--interface given twice: one helper captures one interface");
            interface = value();
            interfaceGiven = true;
            if (interface.empty())
                fail(ExitUsage, "--interface needs a name");
        } else if (arg == "--port" || arg == "-p") {
            const std::string v = value();
            char *end = nullptr;
            const long port = std::strtol(v.c_str(), &end, 10);
            if (v.empty() || *end != '\0' || port < 1 || port > 65535)
                fail(ExitUsage, "not a port number: " + v);
            ports.push_back(int(port));
        } else if (arg == "--filter" || arg == "-f") {
            if (filterGiven)
                fail(ExitUsage, "--filter given twice");
            filter = value();
            filterGiven = true;
            if (filter.find_first_not_of(" \t") == std::string::npos)
                fail(ExitUsage, "--filter needs an expression (without it: \"tcp or udp\")");
        } else if (arg == "--snaplen") {
            snaplen = std::atoi(value().c_str());
            if (snaplen <= 0)
                fail(ExitUsage, "bad --snaplen");
        } else if (arg == "--help" || arg == "-h") {
            std::printf("usage: socketlab-capture [--interface IF] [--port N]... [--filter EXPR] "
                        "[--snaplen N]\n"
                        "Streams the packets on IF (default lo) to stdout as JSON Lines until "
                        "stdin closes or SIGTERM.\n"
                        "Needs CAP_NET_RAW: setcap cap_net_raw+ep %s\n",
                argv[0]);
            return ExitOk;
        } else {
            fail(ExitUsage, "unknown argument: " + arg);
        }
    }
    if (!filterGiven) {
        if (ports.empty()) {
            filter = "tcp or udp";
        } else {
            filter = "(tcp or udp) and (";
            for (size_t i = 0; i < ports.size(); ++i)
                filter += (i ? " or port " : "port ") + std::to_string(ports[i]);
            filter += ")";
        }
    }

    struct sigaction sa
    {
    };
    sa.sa_handler = onSignal; // no SA_RESTART: poll() returns EINTR at once
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGHUP, &sa, nullptr); // the terminal went away: end cleanly too
    std::signal(SIGPIPE, SIG_IGN);

    char errbuf[PCAP_ERRBUF_SIZE] = {};
    pcap_t *pcap = pcap_create(interface.c_str(), errbuf);
    if (!pcap)
        fail(ExitCaptureError, "cannot open " + interface + ": " + errbuf);
    pcap_set_snaplen(pcap, snaplen);
    pcap_set_promisc(pcap, 0);
    pcap_set_immediate_mode(pcap, 1);
    const int activated = pcap_activate(pcap);
    if (activated == PCAP_ERROR_PERM_DENIED) {
        fail(ExitNoPermission,
            "no permission to capture on "
                + interface + " (needs CAP_NET_RAW: setcap cap_net_raw+ep " + argv[0]
                + "): " + pcap_geterr(pcap));
    }
    if (activated < 0) {
        const std::string why = activated == PCAP_ERROR ? std::string(pcap_geterr(pcap))
                                                        : std::string(pcap_statustostr(activated));
        fail(ExitCaptureError, "cannot capture on " + interface + ": " + why);
    }
    if (activated > 0)
        std::fprintf(stderr, "socketlab-capture: warning: %s\n", pcap_statustostr(activated));

    bpf_program program {};
    if (pcap_compile(pcap, &program, filter.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0)
        fail(ExitCaptureError, "bad filter \"" + filter + "\": " + pcap_geterr(pcap));
    if (pcap_setfilter(pcap, &program) != 0)
        fail(ExitCaptureError, "cannot set filter: " + std::string(pcap_geterr(pcap)));
    pcap_freecode(&program);
    if (pcap_setnonblock(pcap, 1, errbuf) != 0)
        fail(ExitCaptureError, std::string("cannot set non-blocking mode: ") + errbuf);
    const int pcapFd = pcap_get_selectable_fd(pcap);
    if (pcapFd < 0)
        fail(ExitCaptureError, "no selectable descriptor for " + interface);

    const int link = pcap_datalink(pcap);
    const char *linkName = pcap_datalink_val_to_name(link);
    writeLine("{\"type\":\"start\",\"interface\":" + jsonString(interface) + ",\"linktype\":"
        + std::to_string(link) + ",\"linktype_name\":" + jsonString(linkName ? linkName : "")
        + ",\"filter\":" + jsonString(filter)
        + ",\"snaplen\":" + std::to_string(pcap_snapshot(pcap)) + "}\n");

    Writer writer;
    bool stdinOpen = true;
    while (!g_stop && stdinOpen) {
        pollfd fds[2] = { { pcapFd, POLLIN, 0 }, { STDIN_FILENO, POLLIN, 0 } };
        const int n = poll(fds, 2, 1000);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail(ExitCaptureError, std::string("poll: ") + std::strerror(errno));
        }
        if (fds[0].revents & (POLLIN | POLLERR)) {
            if (pcap_dispatch(pcap, -1, onPacket, reinterpret_cast<u_char *>(&writer))
                == PCAP_ERROR)
                fail(ExitCaptureError, std::string("capture failed: ") + pcap_geterr(pcap));
        }
        if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
            char buf[512];
            const ssize_t got = read(STDIN_FILENO, buf, sizeof buf);
            if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN))
                stdinOpen = false;
        }
    }

    // Deliver what the kernel still holds: a packet sent just before the stop
    // may still be on its way through lo's receive path.
    timespec begin {};
    clock_gettime(CLOCK_MONOTONIC, &begin);
    for (;;) {
        pollfd fd = { pcapFd, POLLIN, 0 };
        const int n = poll(&fd, 1, 50);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (pcap_dispatch(pcap, -1, onPacket, reinterpret_cast<u_char *>(&writer)) == PCAP_ERROR)
            break;
        timespec now {};
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (toUs(now) - toUs(begin) > 1000000)
            break;
    }

    pcap_stat stats {};
    if (pcap_stats(pcap, &stats) == 0) {
        writeLine("{\"type\":\"end\",\"received\":" + std::to_string(stats.ps_recv)
            + ",\"dropped\":" + std::to_string(stats.ps_drop)
            + ",\"ifdropped\":" + std::to_string(stats.ps_ifdrop) + "}\n");
    } else {
        writeLine("{\"type\":\"end\"}\n");
    }
    pcap_close(pcap);
    return ExitOk;
}
