# tcp_server_eof.py - read until the client has finished, then close.
import socket

ADDRESS = ("127.0.0.1", 8888)

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # [socket]
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # [setsockopt]
listener.bind(ADDRESS)  # [bind]
listener.listen(5)  # [listen]

conn, peer = listener.accept()  # [accept]
try:
    # b"" means the client sent its FIN: nothing more will come.
    data = conn.recv(1024)  # [recv]
    print(peer, "sent", data)
except ConnectionResetError:
    # The client aborted with RST instead of closing with FIN.
    print(peer, "reset the connection")
conn.close()  # [close]
listener.close()
