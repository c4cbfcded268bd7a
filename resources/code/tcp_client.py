# tcp_client.py - connect, send one request, print the reply.
import socket

ADDRESS = ("127.0.0.1", 8888)

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # [socket]
client.connect(ADDRESS)  # [connect]
client.sendall("请求连接".encode("utf-8"))  # [sendall]
reply = client.recv(1024)  # [recv]
print(reply.decode("utf-8", errors="replace"))
client.close()  # [close]
