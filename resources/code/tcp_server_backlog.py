# tcp_server_backlog.py - a tiny accept queue, and a server slow to accept.
import socket
import time

ADDRESS = ("127.0.0.1", 8888)

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # [socket]
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # [setsockopt]
listener.bind(ADDRESS)  # [bind]
# Linux queues backlog + 1 completed connections; more SYNs are dropped, not refused.
listener.listen(1)  # [listen]

time.sleep(2)  # busy elsewhere: clients pile up in the accept queue
conn, peer = listener.accept()  # [accept]
print("accepted", peer)
conn.close()  # [close]
