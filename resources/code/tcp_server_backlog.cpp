// tcp_server_backlog.cpp - a tiny accept queue, and a server slow to accept.
// POSIX sockets; build with: g++ -std=c++17 tcp_server_backlog.cpp -o tcp_server_backlog
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

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
    // Linux queues backlog + 1 completed connections; more SYNs are dropped, not refused.
    listen(listener, 1); // [listen]

    sleep(2); // busy elsewhere: clients pile up in the accept queue
    int conn = accept(listener, nullptr, nullptr); // [accept]
    std::printf("accepted one connection\n");
    close(conn); // [close]
}
