# udp_server.py - answer every datagram with one datagram; no connection, no handshake.
import socket

ADDRESS = ("127.0.0.1", 8888)

server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)  # [socket]
server.bind(ADDRESS)  # [bind]

while True:
    # One recvfrom() returns one datagram, cut to 1024 bytes if it is longer.
    data, (host, port) = server.recvfrom(1024)  # [recvfrom]
    print(host, port, data.decode("utf-8", errors="replace"))
    reply = "IP:{0},you are just send one message.".format(host)
    server.sendto(reply.encode("utf-8"), (host, port))  # [sendto]
