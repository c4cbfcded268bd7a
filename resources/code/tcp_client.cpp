// tcp_client.cpp - connect, send one request, print the reply.
// POSIX sockets; build with: g++ -std=c++17 tcp_client.cpp -o tcp_client
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
    const char request[] = "请求连接";
    send_all(client, request, std::strlen(request)); // [sendall]
    char reply[1024];
    ssize_t n = recv(client, reply, sizeof reply, 0); // [recv]
    if (n > 0)
        std::printf("%.*s\n", int(n), reply);
    close(client); // [close]
}
