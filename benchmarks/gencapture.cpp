// socketlab-bench-gen: writes the replay benchmark's capture (issue 6, item 7).
//
// A classic pcap file (pcap-savefile(5), microsecond time stamps, link type
// LINKTYPE_ETHERNET) of exactly --segments TCP segments (default 1,000,000) in
// connections of 7 + D segments, D data segments with D in {4, 6, 8, 10, 12}
// (15 on average, so about 66,700 connections):
//   SYN, SYN-ACK, ACK; D data segments alternating client, server (PSH+ACK,
//   requests of 16-200 bytes, answers of 16-480); four-way close, started by
//   the client in 70% of the connections and by the server in the rest.
// SYNs carry Linux's options (MSS, SACK_PERM, TS, NOP, WS: 20 bytes) or, in
// 10% of the connections, Windows' (MSS, NOP, WS, NOP, NOP, SACK_PERM: 12
// bytes, no time stamps); the other segments of a connection with time
// stamps carry NOP, NOP, TS. 2% of the connections are IPv6. 128 connections
// are open at any time and their segments interleave at random, so
// consecutive packets rarely belong to the same connection. Client 4-tuples
// are never reused, so every connection is one Wireshark tcp.stream.
// Addresses, ports, ISNs, lengths and payload bytes come from a fixed-seed
// generator: the same arguments write the same bytes on every machine.
// Checksums (IPv4 header, TCP) are correct.
//
// Usage: socketlab-bench-gen FILE [--segments N] [--seed S]
// Prints key=value lines: file, segments, connections, ipv6_connections,
// bytes and digest = sum over streams of (tcp.stream + 1) * segments, streams
// numbered in order of their first segment as Wireshark numbers them.

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Rng
{
    uint64_t state;
    uint64_t next()
    { // splitmix64
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    uint32_t below(uint32_t n) { return uint32_t(((next() >> 32) * n) >> 32); }
    uint32_t between(uint32_t lo, uint32_t hi) { return lo + below(hi - lo + 1); }
    bool percent(uint32_t p) { return below(100) < p; }
};

enum : uint8_t { FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10 };

struct Host
{
    bool v6 = false;
    std::array<uint8_t, 16> addr {}; // IPv4 in the first 4 bytes
    std::array<uint8_t, 6> mac {};
    uint16_t nextPort = 0; // clients: next ephemeral port
};

struct Step
{
    uint8_t dir; // 0: client to server, 1: server to client
    uint8_t flags;
    uint16_t len;
};

struct Conn
{
    int client = 0, server = 0;
    uint16_t port[2] {}; // [0] client's, [1] server's
    uint32_t nxt[2] {}; // next sequence number each side sends
    uint32_t tsval[2] {}, lastTs[2] {}; // time stamp clock base, last value sent
    uint16_t ipId[2] {};
    uint32_t flow[2] {};
    bool v6 = false;
    bool ts = true; // Linux options (time stamps) or Windows'
    int stream = -1; // Wireshark's tcp.stream, set at the first segment
    int step = 0;
    std::vector<Step> steps;
};

class Writer
{
public:
    explicit Writer(std::FILE *f)
        : m_f(f)
    {
        std::setvbuf(m_f, nullptr, _IOFBF, 1 << 20);
        uint8_t h[24] {};
        put32le(h, 0xA1B2C3D4); // microsecond time stamps
        put16le(h + 4, 2);
        put16le(h + 6, 4);
        put32le(h + 16, 262144); // snaplen
        put32le(h + 20, 1); // LINKTYPE_ETHERNET
        write(h, sizeof h);
    }
    void record(uint64_t tUs, const uint8_t *frame, uint32_t len)
    {
        uint8_t h[16];
        put32le(h, uint32_t(kEpochSeconds + tUs / 1000000));
        put32le(h + 4, uint32_t(tUs % 1000000));
        put32le(h + 8, len);
        put32le(h + 12, len);
        write(h, sizeof h);
        write(frame, len);
    }
    uint64_t bytes() const { return m_bytes; }
    bool ok() const { return m_ok; }

private:
    static constexpr uint64_t kEpochSeconds = 1704067200; // 2024-01-01, as PcapExport
    static void put16le(uint8_t *p, uint16_t v)
    {
        p[0] = uint8_t(v);
        p[1] = uint8_t(v >> 8);
    }
    static void put32le(uint8_t *p, uint32_t v)
    {
        for (int i = 0; i < 4; ++i)
            p[i] = uint8_t(v >> (8 * i));
    }
    void write(const uint8_t *p, size_t n)
    {
        m_ok = m_ok && std::fwrite(p, 1, n, m_f) == n;
        m_bytes += n;
    }
    std::FILE *m_f;
    uint64_t m_bytes = 0;
    bool m_ok = true;
};

void put16(uint8_t *p, uint32_t v)
{
    p[0] = uint8_t(v >> 8);
    p[1] = uint8_t(v);
}
void put32(uint8_t *p, uint32_t v)
{
    p[0] = uint8_t(v >> 24);
    p[1] = uint8_t(v >> 16);
    p[2] = uint8_t(v >> 8);
    p[3] = uint8_t(v);
}

uint32_t sum16(const uint8_t *p, size_t n, uint32_t sum = 0)
{
    for (; n > 1; p += 2, n -= 2)
        sum += uint32_t(p[0]) << 8 | p[1];
    if (n)
        sum += uint32_t(p[0]) << 8;
    return sum;
}
uint16_t fold(uint32_t sum)
{
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return uint16_t(~sum);
}

class Generator
{
public:
    explicit Generator(uint64_t seed)
        : m_rng { seed }
    {
        // 4,000 IPv4 and 100 IPv6 clients, 40 IPv4 and 8 IPv6 servers.
        for (int i = 0; i < 4000; ++i) {
            Host h;
            h.addr[0] = 10;
            h.addr[1] = uint8_t(20 + i / 254);
            h.addr[2] = uint8_t(1 + (i * 97 + 13) % 254); // a permutation within each /16 group
            h.addr[3] = uint8_t(m_rng.between(1, 254));
            m_v4Clients.push_back(client(h));
        }
        for (int i = 0; i < 100; ++i) {
            Host h;
            h.v6 = true;
            const uint8_t prefix[8] = { 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x10, 0, 0 };
            std::memcpy(h.addr.data(), prefix, 8);
            h.addr[6] = uint8_t(i >> 8);
            h.addr[7] = uint8_t(i);
            for (int k = 8; k < 16; ++k)
                h.addr[k] = uint8_t(m_rng.next());
            m_v6Clients.push_back(client(h));
        }
        for (int i = 0; i < 40; ++i) {
            Host h;
            h.addr[0] = i < 20 ? 198 : 203;
            h.addr[1] = i < 20 ? 51 : 0;
            h.addr[2] = i < 20 ? 100 : 113;
            h.addr[3] = uint8_t(1 + i * 6);
            m_v4Servers.push_back(server(h));
        }
        for (int i = 0; i < 8; ++i) {
            Host h;
            h.v6 = true;
            const uint8_t prefix[8] = { 0x20, 0x01, 0x0d, 0xb8, 0xff, 0xff, 0, 0 };
            std::memcpy(h.addr.data(), prefix, 8);
            h.addr[15] = uint8_t(1 + i);
            m_v6Servers.push_back(server(h));
        }
    }

    bool run(std::FILE *f, uint64_t segments)
    {
        Writer out(f);
        uint64_t toPlan = segments;
        std::vector<Conn> open;
        auto startOne = [&]() {
            // D data segments; when what would be left could not make a
            // connection of 7 + 4 segments, this one takes it all (toPlan >= 11).
            uint32_t d = 2 * m_rng.between(2, 6);
            if (toPlan < 7 + d + 11)
                d = uint32_t(toPlan - 7);
            toPlan -= 7 + d;
            open.push_back(newConnection(d));
        };
        while (open.size() < kOpen && toPlan > 0)
            startOne();
        uint64_t tUs = 0;
        std::vector<uint8_t> frame(2048);
        while (!open.empty()) {
            const size_t i = m_rng.below(uint32_t(open.size()));
            Conn &c = open[i];
            tUs += m_rng.between(1, 40);
            if (c.stream < 0) {
                c.stream = int(m_segmentsPerStream.size());
                m_segmentsPerStream.push_back(uint32_t(c.steps.size()));
            }
            const uint32_t len = emit(c, c.steps[c.step++], tUs, frame.data());
            out.record(tUs, frame.data(), len);
            if (c.step == int(c.steps.size())) {
                open[i] = std::move(open.back());
                open.pop_back();
                if (toPlan > 0)
                    startOne();
            }
        }
        m_bytes = out.bytes();
        return out.ok();
    }

    void report(const char *path) const
    {
        uint64_t segments = 0;
        double digest = 0; // exact: well below 2^53
        for (size_t s = 0; s < m_segmentsPerStream.size(); ++s) {
            segments += m_segmentsPerStream[s];
            digest += double(s + 1) * m_segmentsPerStream[s];
        }
        std::printf("file=%s\nsegments=%llu\nconnections=%zu\nipv6_connections=%llu\nbytes=%llu\n"
                    "digest=%.0f\n",
            path, (unsigned long long)segments, m_segmentsPerStream.size(),
            (unsigned long long)m_v6Connections, (unsigned long long)m_bytes, digest);
    }

private:
    static constexpr size_t kOpen = 128;

    Host client(Host h)
    {
        h.nextPort = uint16_t(m_rng.between(32768, 58000));
        return mac(h);
    }
    Host server(Host h) { return mac(h); }
    Host mac(Host h)
    {
        h.mac = { 0x02, 0x00, uint8_t(m_rng.next()), uint8_t(m_rng.next()), uint8_t(m_rng.next()),
            uint8_t(m_rng.next()) };
        return h;
    }

    Conn newConnection(uint32_t d)
    {
        Conn c;
        const bool v6 = m_rng.percent(2);
        c.v6 = v6;
        m_v6Connections += v6;
        std::vector<Host> &clients = v6 ? m_v6Clients : m_v4Clients;
        c.client = int(m_rng.below(uint32_t(clients.size())));
        c.server = int(m_rng.below(uint32_t((v6 ? m_v6Servers : m_v4Servers).size())));
        // Client 4-tuples never repeat: each client's ports count up from a
        // random start, at most ~50 connections per client and step <= 3.
        Host &h = clients[c.client];
        c.port[0] = h.nextPort;
        h.nextPort = uint16_t(h.nextPort + m_rng.between(1, 3));
        static const uint16_t ports[]
            = { 443, 443, 443, 443, 443, 443, 443, 443, 22, 993, 5432, 6379 };
        c.port[1] = ports[m_rng.below(sizeof ports / sizeof ports[0])];
        c.ts = !m_rng.percent(10);
        for (int s = 0; s < 2; ++s) {
            c.nxt[s] = uint32_t(m_rng.next());
            c.tsval[s] = uint32_t(m_rng.next());
            c.ipId[s] = uint16_t(m_rng.next());
            c.flow[s] = uint32_t(m_rng.next()) & 0xFFFFF;
        }
        c.steps.push_back({ 0, SYN, 0 });
        c.steps.push_back({ 1, SYN | ACK, 0 });
        c.steps.push_back({ 0, ACK, 0 });
        for (uint32_t k = 0; k < d; ++k) {
            const uint8_t dir = k % 2;
            c.steps.push_back({ dir, PSH | ACK,
                uint16_t(dir == 0 ? m_rng.between(16, 200) : m_rng.between(16, 480)) });
        }
        const uint8_t closer = m_rng.percent(70) ? 0 : 1;
        c.steps.push_back({ closer, FIN | ACK, 0 });
        c.steps.push_back({ uint8_t(1 - closer), ACK, 0 });
        c.steps.push_back({ uint8_t(1 - closer), FIN | ACK, 0 });
        c.steps.push_back({ closer, ACK, 0 });
        return c;
    }

    // Writes the Ethernet frame of step @p s of @p c into @p f; returns its length.
    uint32_t emit(Conn &c, const Step &s, uint64_t tUs, uint8_t *f)
    {
        const bool v6 = c.v6;
        const Host &cl = (v6 ? m_v6Clients : m_v4Clients)[c.client];
        const Host &sv = (v6 ? m_v6Servers : m_v4Servers)[c.server];
        const Host &src = s.dir == 0 ? cl : sv;
        const Host &dst = s.dir == 0 ? sv : cl;
        const int me = s.dir, peer = 1 - s.dir;

        // TCP options.
        uint8_t opt[40];
        int optLen = 0;
        const uint32_t tsNow = c.tsval[me] + uint32_t(tUs / 1000);
        auto ts = [&](uint32_t ecr) {
            opt[optLen++] = 8;
            opt[optLen++] = 10;
            put32(opt + optLen, tsNow);
            put32(opt + optLen + 4, ecr);
            optLen += 8;
            c.lastTs[me] = tsNow;
        };
        const uint16_t mss = v6 ? 1440 : 1460;
        if (s.flags & SYN) {
            opt[optLen++] = 2;
            opt[optLen++] = 4;
            put16(opt + optLen, mss);
            optLen += 2;
            if (c.ts) { // Linux: MSS, SACK_PERM, TS, NOP, WS
                opt[optLen++] = 4;
                opt[optLen++] = 2;
                ts(s.flags & ACK ? c.lastTs[peer] : 0);
                opt[optLen++] = 1;
                opt[optLen++] = 3;
                opt[optLen++] = 3;
                opt[optLen++] = me == 0 ? 7 : 9;
            } else { // Windows: MSS, NOP, WS, NOP, NOP, SACK_PERM
                const uint8_t w[] = { 1, 3, 3, 8, 1, 1, 4, 2 };
                std::memcpy(opt + optLen, w, sizeof w);
                optLen += sizeof w;
            }
        } else if (c.ts) {
            opt[optLen++] = 1;
            opt[optLen++] = 1;
            ts(c.lastTs[peer]);
        }
        const int tcpLen = 20 + optLen + s.len;
        const int ipHeader = v6 ? 40 : 20;

        // Ethernet.
        std::memcpy(f, dst.mac.data(), 6);
        std::memcpy(f + 6, src.mac.data(), 6);
        put16(f + 12, v6 ? 0x86DD : 0x0800);
        uint8_t *ip = f + 14;
        uint32_t pseudo = 0;
        if (v6) {
            put32(ip, 0x60000000u | c.flow[me]);
            put16(ip + 4, uint32_t(tcpLen));
            ip[6] = 6;
            ip[7] = 64;
            std::memcpy(ip + 8, src.addr.data(), 16);
            std::memcpy(ip + 24, dst.addr.data(), 16);
            pseudo = sum16(ip + 8, 32) + 6 + uint32_t(tcpLen);
        } else {
            ip[0] = 0x45;
            ip[1] = 0;
            put16(ip + 2, uint32_t(20 + tcpLen));
            put16(ip + 4, c.ipId[me]++);
            put16(ip + 6, 0x4000); // DF
            ip[8] = me == 0 ? 64 : 53;
            ip[9] = 6;
            put16(ip + 10, 0);
            std::memcpy(ip + 12, src.addr.data(), 4);
            std::memcpy(ip + 16, dst.addr.data(), 4);
            put16(ip + 10, fold(sum16(ip, 20)));
            pseudo = sum16(ip + 12, 8) + 6 + uint32_t(tcpLen);
        }

        // TCP.
        uint8_t *tcp = ip + ipHeader;
        put16(tcp, c.port[me]);
        put16(tcp + 2, c.port[peer]);
        put32(tcp + 4, c.nxt[me]);
        put32(tcp + 8, (s.flags & ACK) ? c.nxt[peer] : 0);
        put16(tcp + 12, uint32_t((20 + optLen) / 4) << 12 | s.flags);
        uint16_t win;
        if (s.flags & SYN)
            win = c.ts ? (me == 0 ? 64240 : 65160) : 65535;
        else
            win = c.ts ? (me == 0 ? 502 : 126) : 256;
        put16(tcp + 14, win);
        put16(tcp + 16, 0);
        put16(tcp + 18, 0);
        std::memcpy(tcp + 20, opt, size_t(optLen));
        uint8_t *payload = tcp + 20 + optLen;
        for (int k = 0; k < s.len; k += 8) {
            const uint64_t r = m_rng.next();
            std::memcpy(payload + k, &r, size_t(std::min(8, s.len - k)));
        }
        put16(tcp + 16, fold(sum16(tcp, size_t(tcpLen), pseudo)));

        c.nxt[me] += s.len + ((s.flags & SYN) ? 1 : 0) + ((s.flags & FIN) ? 1 : 0);
        return uint32_t(14 + ipHeader + tcpLen);
    }

    Rng m_rng;
    std::vector<Host> m_v4Clients, m_v6Clients, m_v4Servers, m_v6Servers;
    std::vector<uint32_t> m_segmentsPerStream;
    uint64_t m_v6Connections = 0;
    uint64_t m_bytes = 0;
};

} // namespace

int main(int argc, char **argv)
{
    const char *path = nullptr;
    uint64_t segments = 1000000, seed = 20240101;
    bool usage = false;
    for (int i = 1; i < argc && !usage; ++i) {
        const std::string a = argv[i];
        if (a == "--segments" && i + 1 < argc)
            segments = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--seed" && i + 1 < argc)
            seed = std::strtoull(argv[++i], nullptr, 10);
        else if (!path && a.rfind("--", 0) != 0)
            path = argv[i];
        else
            usage = true;
    }
    if (usage || !path || segments < 11) {
        std::fprintf(stderr, "usage: socketlab-bench-gen FILE [--segments N (>= 11)] [--seed S]\n");
        return 1;
    }
    std::FILE *f = std::fopen(path, "wb");
    if (!f) {
        std::perror(path);
        return 1;
    }
    Generator g(seed);
    const bool ok = g.run(f, segments);
    if (std::fclose(f) != 0 || !ok) {
        std::perror(path);
        return 1;
    }
    g.report(path);
    return 0;
}
