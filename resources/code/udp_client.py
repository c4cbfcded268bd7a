# udp_client.py - send one datagram and wait at most two seconds for the answer.
import socket

ADDRESS = ("127.0.0.1", 8888)

client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)  # [socket]
# Without a timeout, recvfrom() waits forever when no server answers.
client.settimeout(2)  # [settimeout]
client.sendto("你好".encode("utf-8"), ADDRESS)  # [sendto]
try:
    data, peer = client.recvfrom(1024)  # [recvfrom]
    print(peer, data.decode("utf-8", errors="replace"))
except socket.timeout:
    print("no answer within 2 s")
client.close()  # [close]
