# tcp_server.py - a TCP server that greets every client once, then hangs up.
import socket

ADDRESS = ("127.0.0.1", 8888)

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # [socket]
# Let a restarted server bind while an old connection is still in TIME-WAIT.
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # [setsockopt]
listener.bind(ADDRESS)  # [bind]
listener.listen(5)  # [listen]
print("listening on %s:%d" % ADDRESS)

while True:
    # The kernel did the handshake; accept() takes a finished connection off the queue.
    conn, peer = listener.accept()  # [accept]
    request = conn.recv(1024)  # [recv]
    print(peer, request.decode("utf-8", errors="replace"))
    conn.sendall("你已连接成功。".encode("utf-8"))  # [sendall]
    conn.close()  # [close]
