// tcp_server.cpp - a TCP server that greets every client once, then hangs up.
// POSIX sockets; build with: g++ -std=c++17 tcp_server.cpp -o tcp_server
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

// send() may take fewer bytes than offered: loop until all are out (Python's sendall).
static bool send_all(int fd, const char *data, size_t size)
{
    while (size > 0) {
        ssize_t n = send(fd, data, size, 0); // [send]
        if (n < 0)
            return false;
        data += n;
        size -= size_t(n);
    }
    return true;
}

int main()
{
    int listener = socket(AF_INET, SOCK_STREAM, 0); // [socket]
    // Let a restarted server bind while an old connection is still in TIME-WAIT.
    int yes = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes); // [setsockopt]

    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(8888);
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    auto *local = reinterpret_cast<sockaddr *>(&addr);
    if (bind(listener, local, sizeof addr) < 0) { // [bind]
        std::perror("bind");
        return 1;
    }
    listen(listener, 5); // [listen]
    std::printf("listening on 127.0.0.1:8888\n");

    for (;;) {
        // The kernel did the handshake; accept() takes a finished connection off the queue.
        sockaddr_in peer {};
        socklen_t peerLen = sizeof peer;
        auto *from = reinterpret_cast<sockaddr *>(&peer);
        int conn = accept(listener, from, &peerLen); // [accept]
        if (conn < 0)
            continue;
        char request[1024];
        ssize_t n = recv(conn, request, sizeof request, 0); // [recv]
        if (n > 0)
            std::printf("%.*s\n", int(n), request);
        const char reply[] = "你已连接成功。";
        send_all(conn, reply, std::strlen(reply)); // [sendall]
        close(conn); // [close]
    }
}
