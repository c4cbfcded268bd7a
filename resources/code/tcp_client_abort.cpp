// tcp_client_abort.cpp - SO_LINGER with a zero timeout: close() sends RST, not FIN.
// POSIX sockets; build with: g++ -std=c++17 tcp_client_abort.cpp -o tcp_client_abort
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>

int main()
{
    sockaddr_in server {};
    server.sin_family = AF_INET;
    server.sin_port = htons(8888);
    inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);

    int client = socket(AF_INET, SOCK_STREAM, 0); // [socket]
    auto *to = reinterpret_cast<sockaddr *>(&server);
    if (connect(client, to, sizeof server) < 0) { // [connect]
        std::perror("connect");
        return 1;
    }
    linger option {};
    option.l_onoff = 1; // linger on close ...
    option.l_linger = 0; // ... for zero seconds: drop the connection
    setsockopt(client, SOL_SOCKET, SO_LINGER, &option, sizeof option); // [setsockopt]
    close(client); // [close]
}
