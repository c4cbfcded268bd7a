# tcp_client_halfclose.py - stop sending, keep receiving until the server closes.
import socket

ADDRESS = ("127.0.0.1", 8888)

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # [socket]
client.connect(ADDRESS)  # [connect]
client.sendall("请求连接".encode("utf-8"))  # [sendall]
# Our FIN goes out now; the other direction stays open.
client.shutdown(socket.SHUT_WR)  # [shutdown]
while True:
    chunk = client.recv(1024)  # [recv]
    if not chunk:  # b"": the server's FIN arrived
        break
    print(chunk.decode("utf-8", errors="replace"))
client.close()  # [close]
