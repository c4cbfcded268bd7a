// tcp_peer.cpp - simultaneous open: two peers, each bound to its own port, connect to each other.
// Start "./tcp_peer 40000 8888" and "./tcp_peer 8888 40000" at the same moment.
// POSIX sockets; build with: g++ -std=c++17 tcp_peer.cpp -o tcp_peer
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

static sockaddr_in loopback(int port)
{
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    return addr;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s MY_PORT PEER_PORT\n", argv[0]);
        return 2;
    }
    sockaddr_in mine = loopback(std::atoi(argv[1]));
    sockaddr_in other = loopback(std::atoi(argv[2]));

    int peer = socket(AF_INET, SOCK_STREAM, 0); // [socket]
    if (bind(peer, reinterpret_cast<sockaddr *>(&mine), sizeof mine) < 0) { // [bind]
        std::perror("bind");
        return 1;
    }
    // No listen(): the two SYNs cross on the wire and both ends answer with SYN,ACK.
    if (connect(peer, reinterpret_cast<sockaddr *>(&other), sizeof other) < 0) { // [connect]
        std::perror("connect");
        return 1;
    }
    std::printf("connected\n");
    close(peer); // [close]
}
