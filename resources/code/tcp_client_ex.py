# tcp_client_ex.py - connect_ex() returns an errno instead of raising.
import errno
import socket

ADDRESS = ("127.0.0.1", 8888)

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # [socket]
err = client.connect_ex(ADDRESS)  # [connect_ex]
if err == 0:
    print("connected")
else:
    # 111 ECONNREFUSED on Linux (Windows reports 10061 WSAECONNREFUSED).
    print("connect_ex returned", err, errno.errorcode.get(err, "?"))
client.close()  # [close]
