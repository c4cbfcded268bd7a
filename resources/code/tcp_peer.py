# tcp_peer.py - simultaneous open: two peers, each bound to its own port, connect to each other.
# Start "python3 tcp_peer.py 40000 8888" and "python3 tcp_peer.py 8888 40000" at the same moment.
import socket
import sys

my_port, peer_port = int(sys.argv[1]), int(sys.argv[2])

peer = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # [socket]
peer.bind(("127.0.0.1", my_port))  # [bind]
# No listen(): the two SYNs cross on the wire and both ends answer with SYN,ACK.
peer.connect(("127.0.0.1", peer_port))  # [connect]
print("connected to", peer.getpeername())
peer.close()  # [close]
