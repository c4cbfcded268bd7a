// udp_server.cpp - answer every datagram with one datagram; no connection, no handshake.
// POSIX sockets; build with: g++ -std=c++17 udp_server.cpp -o udp_server
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <string>

int main()
{
    int server = socket(AF_INET, SOCK_DGRAM, 0); // [socket]
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(8888);
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    auto *local = reinterpret_cast<sockaddr *>(&addr);
    if (bind(server, local, sizeof addr) < 0) { // [bind]
        std::perror("bind");
        return 1;
    }

    for (;;) {
        // One recvfrom() returns one datagram, cut to 1024 bytes if it is longer.
        char data[1024];
        sockaddr_in peer {};
        socklen_t peerLen = sizeof peer;
        auto *from = reinterpret_cast<sockaddr *>(&peer);
        ssize_t n = recvfrom(server, data, sizeof data, 0, from, &peerLen); // [recvfrom]
        if (n < 0)
            continue;
        char host[INET_ADDRSTRLEN] = {};
        inet_ntop(AF_INET, &peer.sin_addr, host, sizeof host);
        std::printf("%s %d %.*s\n", host, ntohs(peer.sin_port), int(n), data);
        const std::string reply = "IP:" + std::string(host) + ",you are just send one message.";
        sendto(server, reply.data(), reply.size(), 0, from, peerLen); // [sendto]
    }
}
