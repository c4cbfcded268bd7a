// tcp_server_eof.cpp - read until the client has finished, then close.
// POSIX sockets; build with: g++ -std=c++17 tcp_server_eof.cpp -o tcp_server_eof
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

int main()
{
    int listener = socket(AF_INET, SOCK_STREAM, 0); // [socket]
    int yes = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes); // [setsockopt]

    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(8888);
    inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    if (bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0) { // [bind]
        std::perror("bind");
        return 1;
    }
    listen(listener, 5); // [listen]

    int conn = accept(listener, nullptr, nullptr); // [accept]
    char buf[1024];
    // 0 means the client sent its FIN; -1 with ECONNRESET means it aborted with RST.
    ssize_t n = recv(conn, buf, sizeof buf, 0); // [recv]
    if (n < 0 && errno == ECONNRESET)
        std::printf("the client reset the connection\n");
    else
        std::printf("received %zd bytes\n", n);
    close(conn); // [close]
    close(listener);
}
