# tcp_client_abort.py - SO_LINGER with a zero timeout: close() sends RST, not FIN.
import socket
import struct

ADDRESS = ("127.0.0.1", 8888)

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # [socket]
client.connect(ADDRESS)  # [connect]
linger = struct.pack("ii", 1, 0)  # l_onoff = 1, l_linger = 0 seconds
client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)  # [setsockopt]
client.close()  # [close]
