// udp_client.cpp - send one datagram and wait at most two seconds for the answer.
// POSIX sockets; build with: g++ -std=c++17 udp_client.cpp -o udp_client
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

int main()
{
    sockaddr_in server {};
    server.sin_family = AF_INET;
    server.sin_port = htons(8888);
    inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);

    int client = socket(AF_INET, SOCK_DGRAM, 0); // [socket]
    // Without a timeout, recvfrom() waits forever when no server answers.
    timeval timeout { 2, 0 };
    setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout); // [settimeout]
    const char message[] = "你好";
    auto *to = reinterpret_cast<sockaddr *>(&server);
    sendto(client, message, std::strlen(message), 0, to, sizeof server); // [sendto]
    char data[1024];
    ssize_t n = recvfrom(client, data, sizeof data, 0, nullptr, nullptr); // [recvfrom]
    if (n >= 0)
        std::printf("%.*s\n", int(n), data);
    else
        std::printf("no answer within 2 s\n");
    close(client); // [close]
}
