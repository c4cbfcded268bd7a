// tcp_client_ex.cpp - what Python's connect_ex() does: report the errno, don't fail.
// POSIX sockets; build with: g++ -std=c++17 tcp_client_ex.cpp -o tcp_client_ex
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

int main()
{
    sockaddr_in server {};
    server.sin_family = AF_INET;
    server.sin_port = htons(8888);
    inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);

    int client = socket(AF_INET, SOCK_STREAM, 0); // [socket]
    auto *to = reinterpret_cast<sockaddr *>(&server);
    int err = connect(client, to, sizeof server) == 0 ? 0 : errno; // [connect_ex]
    if (err == 0)
        std::printf("connected\n");
    else // 111 ECONNREFUSED on Linux (Windows reports 10061 WSAECONNREFUSED).
        std::printf("connect failed: errno %d (%s)\n", err, std::strerror(err));
    close(client); // [close]
}
