<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApiReferencePanel</name>
    <message>
        <source>Value on Linux: %1</source>
        <extracomment>%1 is the number, e.g. 2 for AF_INET</extracomment>
        <translation>Value on Linux: %1</translation>
    </message>
    <message>
        <source>Not in the source text; the lab's programs use it.</source>
        <translation>Not in the source text; the lab's programs use it.</translation>
    </message>
    <message>
        <source>Trying %1 on loopback …</source>
        <extracomment>%1 is a call or constant name; the demonstration runs on real sockets on 127.0.0.1</extracomment>
        <translation>Trying %1 on loopback …</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 the entry tried, %2 what happened</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Constants</source>
        <translation>Constants</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>Methods</translation>
    </message>
    <message>
        <source>Correct fact</source>
        <translation>Correct fact</translation>
    </message>
    <message>
        <source>Try it</source>
        <extracomment>the button runs the selected call on real sockets</extracomment>
        <translation>Try it</translation>
    </message>
    <message>
        <source>Run a short demonstration on real sockets on 127.0.0.1; every call appears on the timeline (Ctrl+T).</source>
        <translation>Run a short demonstration on real sockets on 127.0.0.1; every call appears on the timeline (Ctrl+T).</translation>
    </message>
    <message>
        <source>Filter, e.g. recv</source>
        <translation>Filter, e.g. recv</translation>
    </message>
</context>
<context>
    <name>BrowserDemo</name>
    <message>
        <source>Chromium could not be started: %1</source>
        <translation>Chromium could not be started: %1</translation>
    </message>
    <message>
        <source>Chromium sent no request to the server within %1 ms</source>
        <translation>Chromium sent no request to the server within %1 ms</translation>
    </message>
</context>
<context>
    <name>Caption</name>
    <message>
        <source>%1 calls listen(): its socket is LISTEN, waiting for a SYN. The handshake itself will be done by the kernel.</source>
        <translation>%1 calls listen(): its socket is LISTEN, waiting for a SYN. The handshake itself will be done by the kernel.</translation>
    </message>
    <message>
        <source>%1 receives the SYN, records the peer's ISN (IRS) and answers with its own SYN plus an ACK of the peer's SYN: SYN-RECEIVED.</source>
        <translation>%1 receives the SYN, records the peer's ISN (IRS) and answers with its own SYN plus an ACK of the peer's SYN: SYN-RECEIVED.</translation>
    </message>
    <message>
        <source>%1 receives the SYN-ACK: its SYN is acknowledged, so it is ESTABLISHED at once and sends the final ACK. connect() returns.</source>
        <translation>%1 receives the SYN-ACK: its SYN is acknowledged, so it is ESTABLISHED at once and sends the final ACK. connect() returns.</translation>
    </message>
    <message>
        <source>%1 receives the ACK of its SYN: ESTABLISHED. The connection waits in the accept queue until accept() takes it.</source>
        <translation>%1 receives the ACK of its SYN: ESTABLISHED. The connection waits in the accept queue until accept() takes it.</translation>
    </message>
    <message>
        <source>%1 was waiting for a SYN-ACK but receives a bare SYN: the SYNs crossed. It answers SYN,ACK and goes to SYN-RECEIVED.</source>
        <translation>%1 was waiting for a SYN-ACK but receives a bare SYN: the SYNs crossed. It answers SYN,ACK and goes to SYN-RECEIVED.</translation>
    </message>
    <message>
        <source>%1 closes its side: a FIN goes out (with ACK, as Linux always sets it). FIN-WAIT-1: waiting for that FIN to be acknowledged.</source>
        <translation>%1 closes its side: a FIN goes out (with ACK, as Linux always sets it). FIN-WAIT-1: waiting for that FIN to be acknowledged.</translation>
    </message>
    <message>
        <source>%1 closes before the handshake ended: a FIN follows its SYN. FIN-WAIT-1.</source>
        <translation>%1 closes before the handshake ended: a FIN follows its SYN. FIN-WAIT-1.</translation>
    </message>
    <message>
        <source>%1's FIN is acknowledged: FIN-WAIT-2, waiting for the peer to close its side.</source>
        <translation>%1's FIN is acknowledged: FIN-WAIT-2, waiting for the peer to close its side.</translation>
    </message>
    <message>
        <source>%1 receives a FIN while its own FIN is not yet acknowledged: both closed at once. CLOSING.</source>
        <translation>%1 receives a FIN while its own FIN is not yet acknowledged: both closed at once. CLOSING.</translation>
    </message>
    <message>
        <source>%1 receives a FIN that also acknowledges its own FIN: straight to TIME-WAIT, sending the last ACK.</source>
        <translation>%1 receives a FIN that also acknowledges its own FIN: straight to TIME-WAIT, sending the last ACK.</translation>
    </message>
    <message>
        <source>%1's FIN is acknowledged: TIME-WAIT.</source>
        <translation>%1's FIN is acknowledged: TIME-WAIT.</translation>
    </message>
    <message>
        <source>%1 calls close() in CLOSE-WAIT: its FIN goes out. LAST-ACK: waiting for the acknowledgment.</source>
        <translation>%1 calls close() in CLOSE-WAIT: its FIN goes out. LAST-ACK: waiting for the acknowledgment.</translation>
    </message>
    <message>
        <source>%1's FIN is acknowledged: the connection is CLOSED on this side, with no waiting.</source>
        <translation>%1's FIN is acknowledged: the connection is CLOSED on this side, with no waiting.</translation>
    </message>
    <message>
        <source>%1 receives RST,ACK for its SYN: nobody listens there. CLOSED; connect() fails with ECONNREFUSED (111 on Linux), connect_ex returns 111.</source>
        <translation>%1 receives RST,ACK for its SYN: nobody listens there. CLOSED; connect() fails with ECONNREFUSED (111 on Linux), connect_ex returns 111.</translation>
    </message>
    <message>
        <source>%1 gives up after its last retransmission: CLOSED; connect() fails with ETIMEDOUT (110).</source>
        <translation>%1 gives up after its last retransmission: CLOSED; connect() fails with ETIMEDOUT (110).</translation>
    </message>
    <message>
        <source>This segment is lost on the way: nothing arrives, and no one is told.</source>
        <translation>This segment is lost on the way: nothing arrives, and no one is told.</translation>
    </message>
    <message>
        <source>The accept queue is full (listen(%1) admits %2 completed connections on Linux): the SYN is dropped without a word. The client will retry.</source>
        <translation>The accept queue is full (listen(%1) admits %2 completed connections on Linux): the SYN is dropped without a word. The client will retry.</translation>
    </message>
    <message>
        <source>%1 answers with a challenge ACK instead of obeying: the RST or SYN was not exactly at RCV.NXT (RFC 5961).</source>
        <translation>%1 answers with a challenge ACK instead of obeying: the RST or SYN was not exactly at RCV.NXT (RFC 5961).</translation>
    </message>
    <message>
        <source>No program listens on 127.0.0.1:8888. The client uses connect_ex(), which returns the error number instead of raising it.</source>
        <translation>No program listens on 127.0.0.1:8888. The client uses connect_ex(), which returns the error number instead of raising it.</translation>
    </message>
    <message>
        <source>connect_ex returned 111 (ECONNREFUSED) on Linux. On Windows the same refusal is 10061 (WSAECONNREFUSED), the number the source text quotes.</source>
        <translation>connect_ex returned 111 (ECONNREFUSED) on Linux. On Windows the same refusal is 10061 (WSAECONNREFUSED), the number the source text quotes.</translation>
    </message>
    <message>
        <source>Both ends call connect() to each other at the same moment; neither listens. (On Linux this happens when a socket bound to a port connects to that very port.)</source>
        <translation>Both ends call connect() to each other at the same moment; neither listens. (On Linux this happens when a socket bound to a port connects to that very port.)</translation>
    </message>
    <message>
        <source>Both programs call close() at the same moment: the two FINs cross on the wire.</source>
        <translation>Both programs call close() at the same moment: the two FINs cross on the wire.</translation>
    </message>
    <message>
        <source>The client has said everything: shutdown(SHUT_WR) sends a FIN but keeps the socket open for reading.</source>
        <translation>The client has said everything: shutdown(SHUT_WR) sends a FIN but keeps the socket open for reading.</translation>
    </message>
    <message>
        <source>The server still sends its reply: the client, in FIN-WAIT-2, receives it normally.</source>
        <translation>The server still sends its reply: the client, in FIN-WAIT-2, receives it normally.</translation>
    </message>
    <message>
        <source>SO_LINGER with a zero timeout makes close() abort the connection: an RST instead of a FIN, and no TIME-WAIT.</source>
        <translation>SO_LINGER with a zero timeout makes close() abort the connection: an RST instead of a FIN, and no TIME-WAIT.</translation>
    </message>
    <message>
        <source>The server's recv() fails with ECONNRESET (104): the connection was reset, not closed.</source>
        <translation>The server's recv() fails with ECONNRESET (104): the connection was reset, not closed.</translation>
    </message>
    <message>
        <source>The server finally calls accept(): one connection leaves the queue, so the third client's next SYN is admitted.</source>
        <translation>The server finally calls accept(): one connection leaves the queue, so the third client's next SYN is admitted.</translation>
    </message>
    <message>
        <source>UDP: no listen(), no accept(), no connection. The server just waits in recvfrom().</source>
        <translation>UDP: no listen(), no accept(), no connection. The server just waits in recvfrom().</translation>
    </message>
    <message>
        <source>One sendto() is one datagram: no handshake before it, no ACK after it, and no state on either side.</source>
        <translation>One sendto() is one datagram: no handshake before it, no ACK after it, and no state on either side.</translation>
    </message>
    <message>
        <source>%1 connects: the kernel sends a SYN carrying its initial sequence number (ISS) and the MSS option. It is now SYN-SENT.</source>
        <translation>%1 connects: the kernel sends a SYN carrying its initial sequence number (ISS) and the MSS option. It is now SYN-SENT.</translation>
    </message>
    <message>
        <source>%1 receives the peer's FIN: CLOSE-WAIT. Once the data before it is read, recv() returns b"" (end of stream); it may still send.</source>
        <translation>%1 receives the peer's FIN: CLOSE-WAIT. Once the data before it is read, recv() returns b"" (end of stream); it may still send.</translation>
    </message>
    <message>
        <source>%1 receives the peer's FIN and sends the last ACK: TIME-WAIT, in case that ACK is lost. Linux waits a fixed 60 s (RFC 9293: 2·MSL).</source>
        <translation>%1 receives the peer's FIN and sends the last ACK: TIME-WAIT, in case that ACK is lost. Linux waits a fixed 60 s (RFC 9293: 2·MSL).</translation>
    </message>
    <message>
        <source>TIME-WAIT is over: %1 is CLOSED. Until now no new connection could use this same address pair (both addresses and ports).</source>
        <translation>TIME-WAIT is over: %1 is CLOSED. Until now no new connection could use this same address pair (both addresses and ports).</translation>
    </message>
    <message>
        <source>%1 does not acknowledge at once: a delayed ACK waits (40 ms or more on Linux) for something to ride on.</source>
        <translation>%1 does not acknowledge at once: a delayed ACK waits (40 ms or more on Linux) for something to ride on.</translation>
    </message>
    <message>
        <source>No answer within the retransmission timeout: %1 sends the same SYN again. The next wait stays %2 s (Linux's tcp_syn_linear_timeouts).</source>
        <translation>No answer within the retransmission timeout: %1 sends the same SYN again. The next wait stays %2 s (Linux's tcp_syn_linear_timeouts).</translation>
    </message>
    <message>
        <source>No answer within the retransmission timeout: %1 sends the same SYN again and doubles its timeout to %2 s (RFC 6298 §5.5).</source>
        <translation>No answer within the retransmission timeout: %1 sends the same SYN again and doubles its timeout to %2 s (RFC 6298 §5.5).</translation>
    </message>
    <message>
        <source>%1 receives the ACK of its SYN: ESTABLISHED, and its connect() returns. Nobody listened: both ends opened actively.</source>
        <translation>%1 receives the ACK of its SYN: ESTABLISHED, and its connect() returns. Nobody listened: both ends opened actively.</translation>
    </message>
    <message>
        <source>This kernel: tcp_syn_retries = %1, tcp_syn_linear_timeouts = %2. Linux adds the two, so a connect() makes %3 retransmissions; the first %4 come 1 s apart, then the gap doubles. Every SYN is lost here.</source>
        <translation>This kernel: tcp_syn_retries = %1, tcp_syn_linear_timeouts = %2. Linux adds the two, so a connect() makes %3 retransmissions; the first %4 come 1 s apart, then the gap doubles. Every SYN is lost here.</translation>
    </message>
    <message>
        <source>Linux refuses nothing here: the client is told nothing and keeps retrying. Only with net.ipv4.tcp_abort_on_overflow = 1 would the server answer RST.</source>
        <translation>Linux refuses nothing here: the client is told nothing and keeps retrying. Only with net.ipv4.tcp_abort_on_overflow = 1 would the server answer RST.</translation>
    </message>
    <message>
        <source>The reply came back. Had it been lost, the source text's client would wait in recvfrom() forever; this client gives up after settimeout(2).</source>
        <translation>The reply came back. Had it been lost, the source text's client would wait in recvfrom() forever; this client gives up after settimeout(2).</translation>
    </message>
</context>
<context>
    <name>CaptureBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>&lt;b&gt;No packet capture: the ladder shows segments inferred from the calls, not the ones on the wire.&lt;/b&gt;</source>
        <translation>&lt;b&gt;No packet capture: the ladder shows segments inferred from the calls, not the ones on the wire.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Capture needs the helper program with the CAP_NET_RAW capability: sudo setcap cap_net_raw+ep %1</source>
        <extracomment>CAP_NET_RAW is a Linux capability name; keep it and the command as they are.</extracomment>
        <translation>Capture needs the helper program with the CAP_NET_RAW capability: sudo setcap cap_net_raw+ep %1</translation>
    </message>
</context>
<context>
    <name>CaptureFilePane</name>
    <message numerus="yes">
        <source>%1 of %n connection(s) match the filter</source>
        <extracomment>%1 connections the filter leaves visible, %n all connections of the file</extracomment>
        <translation><numerusform>%1 of %n connection match the filter</numerusform><numerusform>%1 of %n connections match the filter</numerusform></translation>
    </message>
    <message>
        <source>No TCP connection in this capture file.</source>
        <translation>No TCP connection in this capture file.</translation>
    </message>
    <message>
        <source>The capture file could not be read to its end: the connections read before the problem are listed.</source>
        <translation>The capture file could not be read to its end: the connections read before the problem are listed.</translation>
    </message>
    <message>
        <source>The capture file could not be read.</source>
        <translation>The capture file could not be read.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Stream %1: %2 → %3</source>
        <extracomment>%1 stream number, %2 client address, %3 server address</extracomment>
        <translation>Stream %1: %2 → %3</translation>
    </message>
    <message>
        <source>Handshake: %1 · close: %2 · %3</source>
        <extracomment>%1 complete / partial / not captured, %2 FIN / RST / none, %3 "14 segments"</extracomment>
        <translation>Handshake: %1 · close: %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation><numerusform>%n segment</numerusform><numerusform>%n segments</numerusform></translation>
    </message>
    <message>
        <source>Client at the end: %1</source>
        <extracomment>%1 a TCP state name with its explanation, e.g. "TIME-WAIT (…)"</extracomment>
        <translation>Client at the end: %1</translation>
    </message>
    <message>
        <source>Server at the end: %1</source>
        <translation>Server at the end: %1</translation>
    </message>
    <message>
        <source>Capture file</source>
        <extracomment>%1 the capture file's name (抓包文件)</extracomment>
        <translation>Capture file</translation>
    </message>
    <message>
        <source>Capture file: %1</source>
        <translation>Capture file: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation><numerusform>%n connection</numerusform><numerusform>%n connections</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n packet(s) read</source>
        <translation><numerusform>%n packet read</numerusform><numerusform>%n packets read</numerusform></translation>
    </message>
    <message>
        <source>Filter: address, port or state, e.g. :80 TIME-WAIT</source>
        <extracomment>placeholder of the filter above the connection list</extracomment>
        <translation>Filter: address, port or state, e.g. :80 TIME-WAIT</translation>
    </message>
</context>
<context>
    <name>CaptureSession</name>
    <message>
        <source>Packet capture is not available: the capture helper %1 was not found. The segments shown are inferred from the calls.</source>
        <translation>Packet capture is not available: the capture helper %1 was not found. The segments shown are inferred from the calls.</translation>
    </message>
    <message>
        <source>Packet capture needs the CAP_NET_RAW capability, which the capture helper does not have. Grant it once with: sudo setcap cap_net_raw+ep %1 — until then the segments shown are inferred from the calls.</source>
        <extracomment>CAP_NET_RAW is a Linux capability name; keep it and the command as they are.</extracomment>
        <translation>Packet capture needs the CAP_NET_RAW capability, which the capture helper does not have. Grant it once with: sudo setcap cap_net_raw+ep %1 — until then the segments shown are inferred from the calls.</translation>
    </message>
    <message>
        <source>Packet capture could not start (%1). The segments shown are inferred from the calls.</source>
        <translation>Packet capture could not start (%1). The segments shown are inferred from the calls.</translation>
    </message>
    <message>
        <source>The capture helper stopped unexpectedly (%1). The segments shown are inferred from the calls.</source>
        <translation>The capture helper stopped unexpectedly (%1). The segments shown are inferred from the calls.</translation>
    </message>
    <message>
        <source>Packet capture is not available: the capture helper %1 could not be started (%2). The segments shown are inferred from the calls.</source>
        <translation>Packet capture is not available: the capture helper %1 could not be started (%2). The segments shown are inferred from the calls.</translation>
    </message>
</context>
<context>
    <name>ClientPane</name>
    <message>
        <source>Client (TCP echo)</source>
        <translation>Client (TCP echo)</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Message:</translation>
    </message>
    <message>
        <source>Sent with sendall() in the text encoding chosen below</source>
        <translation>Sent with sendall() in the text encoding chosen below</translation>
    </message>
</context>
<context>
    <name>CodePanel</name>
    <message>
        <source>Python</source>
        <extracomment>tab title: the example program in the Python language</extracomment>
        <translation>Python</translation>
    </message>
    <message>
        <source>C++</source>
        <extracomment>tab title: the example program in the C++ language</extracomment>
        <translation>C++</translation>
    </message>
    <message>
        <source>The program that makes the current step's call appears here, with the line of the call highlighted.</source>
        <translation>The program that makes the current step's call appears here, with the line of the call highlighted.</translation>
    </message>
    <message>
        <source>No socket call yet.</source>
        <translation>No socket call yet.</translation>
    </message>
    <message>
        <source>%1, line %2: %3()</source>
        <extracomment>%1 file name, %2 line number, %3 call name, e.g. "tcp_client.py, line 7: connect()"</extracomment>
        <translation>%1, line %2: %3()</translation>
    </message>
    <message>
        <source>%1 (no line for %2())</source>
        <extracomment>%1 file name, %2 call name: the program does not make this call</extracomment>
        <translation>%1 (no line for %2())</translation>
    </message>
</context>
<context>
    <name>ConnectionListModel</name>
    <message>
        <source>complete</source>
        <comment>handshake</comment>
        <extracomment>the three-way handshake was captured whole (INDEX.md "complete")</extracomment>
        <translation>complete</translation>
    </message>
    <message>
        <source>partial</source>
        <comment>handshake</comment>
        <extracomment>a SYN was captured but the handshake did not complete (INDEX.md "partial")</extracomment>
        <translation>partial</translation>
    </message>
    <message>
        <source>not captured</source>
        <comment>handshake</comment>
        <extracomment>no SYN in the capture file: it began in the middle of the connection</extracomment>
        <translation>not captured</translation>
    </message>
    <message>
        <source>none</source>
        <comment>close</comment>
        <extracomment>how the connection closed: neither FIN nor RST is in the capture file</extracomment>
        <translation>none</translation>
    </message>
    <message>
        <source>Stream %1, numbered as Wireshark's tcp.stream (in order of first segment).</source>
        <translation>Stream %1, numbered as Wireshark's tcp.stream (in order of first segment).</translation>
    </message>
    <message>
        <source>The client: it sent the first SYN without ACK (else it received the first SYN-ACK, else it sent the first segment).</source>
        <translation>The client: it sent the first SYN without ACK (else it received the first SYN-ACK, else it sent the first segment).</translation>
    </message>
    <message>
        <source>The server: the other endpoint.</source>
        <translation>The server: the other endpoint.</translation>
    </message>
    <message>
        <source>Both SYNs were sent and acknowledged: the three-way handshake is in the capture file.</source>
        <translation>Both SYNs were sent and acknowledged: the three-way handshake is in the capture file.</translation>
    </message>
    <message>
        <source>A SYN is in the capture file, but the three-way handshake did not complete.</source>
        <translation>A SYN is in the capture file, but the three-way handshake did not complete.</translation>
    </message>
    <message>
        <source>No SYN in the capture file: capture began in the middle of the connection, so both endpoints start ESTABLISHED.</source>
        <translation>No SYN in the capture file: capture began in the middle of the connection, so both endpoints start ESTABLISHED.</translation>
    </message>
    <message>
        <source>A segment carries RST: the connection was aborted (reset).</source>
        <translation>A segment carries RST: the connection was aborted (reset).</translation>
    </message>
    <message numerus="yes">
        <source>Closed with FIN: %n direction(s) sent a FIN.</source>
        <translation><numerusform>Closed with FIN: %n direction sent a FIN.</numerusform><numerusform>Closed with FIN: %n directions sent a FIN.</numerusform></translation>
    </message>
    <message>
        <source>Neither FIN nor RST is in the capture file.</source>
        <translation>Neither FIN nor RST is in the capture file.</translation>
    </message>
    <message numerus="yes">
        <source>%n TCP segment(s) in this connection.</source>
        <translation><numerusform>%n TCP segment in this connection.</numerusform><numerusform>%n TCP segments in this connection.</numerusform></translation>
    </message>
    <message>
        <source>Final state, inferred from the segments: %1 (%2)</source>
        <extracomment>%1 a TCP state name (RFC 9293), %2 its explanation</extracomment>
        <translation>Final state, inferred from the segments: %1 (%2)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Stream</source>
        <extracomment>column: the connection's number, Wireshark's tcp.stream</extracomment>
        <translation>Stream</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Handshake</source>
        <extracomment>column: was the three-way handshake captured?</extracomment>
        <translation>Handshake</translation>
    </message>
    <message>
        <source>Close</source>
        <extracomment>column: how the connection closed (FIN, RST or none)</extracomment>
        <translation>Close</translation>
    </message>
    <message>
        <source>Segments</source>
        <extracomment>column: how many TCP segments (报文段)</extracomment>
        <translation>Segments</translation>
    </message>
    <message>
        <source>Client state</source>
        <extracomment>column: the client's final TCP state</extracomment>
        <translation>Client state</translation>
    </message>
    <message>
        <source>Server state</source>
        <extracomment>column: the server's final TCP state</extracomment>
        <translation>Server state</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>timed out: nothing happened within the time set by settimeout()</source>
        <translation>timed out: nothing happened within the time set by settimeout()</translation>
    </message>
    <message>
        <source>another call on this socket is still waiting; wait for it first</source>
        <translation>another call on this socket is still waiting; wait for it first</translation>
    </message>
    <message>
        <source>not a valid address here: use a numeric IPv4/IPv6 address or localhost</source>
        <translation>not a valid address here: use a numeric IPv4/IPv6 address or localhost</translation>
    </message>
    <message>
        <source>the address does not belong to the socket's address family</source>
        <translation>the address does not belong to the socket's address family</translation>
    </message>
    <message>
        <source>address lookup failed (getaddrinfo error %1)</source>
        <translation>address lookup failed (getaddrinfo error %1)</translation>
    </message>
    <message>
        <source>address not available: this machine has no such address</source>
        <translation>address not available: this machine has no such address</translation>
    </message>
    <message>
        <source>connection reset by peer: the peer sent RST (it closed with unread data, or aborted)</source>
        <translation>connection reset by peer: the peer sent RST (it closed with unread data, or aborted)</translation>
    </message>
    <message>
        <source>broken pipe: the connection is already closed for sending</source>
        <translation>broken pipe: the connection is already closed for sending</translation>
    </message>
    <message>
        <source>the socket is not connected</source>
        <translation>the socket is not connected</translation>
    </message>
    <message>
        <source>the socket is already connected</source>
        <translation>the socket is already connected</translation>
    </message>
    <message>
        <source>the call would block, and the socket is non-blocking (BlockingIOError)</source>
        <translation>the call would block, and the socket is non-blocking (BlockingIOError)</translation>
    </message>
    <message>
        <source>connection in progress, and the socket is non-blocking</source>
        <translation>connection in progress, and the socket is non-blocking</translation>
    </message>
    <message>
        <source>a connection attempt is already in progress</source>
        <translation>a connection attempt is already in progress</translation>
    </message>
    <message>
        <source>bad file descriptor: the socket is closed or was never created</source>
        <translation>bad file descriptor: the socket is closed or was never created</translation>
    </message>
    <message>
        <source>invalid argument for the socket in its current state</source>
        <translation>invalid argument for the socket in its current state</translation>
    </message>
    <message>
        <source>connection timed out: the peer never answered</source>
        <translation>connection timed out: the peer never answered</translation>
    </message>
    <message>
        <source>no route to host</source>
        <translation>no route to host</translation>
    </message>
    <message>
        <source>network is unreachable</source>
        <translation>network is unreachable</translation>
    </message>
    <message>
        <source>permission denied (ports below 1024 need privileges)</source>
        <translation>permission denied (ports below 1024 need privileges)</translation>
    </message>
    <message>
        <source>operation not permitted</source>
        <translation>operation not permitted</translation>
    </message>
    <message>
        <source>address family not supported</source>
        <translation>address family not supported</translation>
    </message>
    <message>
        <source>protocol not supported</source>
        <translation>protocol not supported</translation>
    </message>
    <message>
        <source>operation not supported on this kind of socket</source>
        <translation>operation not supported on this kind of socket</translation>
    </message>
    <message>
        <source>too many open files</source>
        <translation>too many open files</translation>
    </message>
    <message>
        <source>message too long for one datagram</source>
        <translation>message too long for one datagram</translation>
    </message>
    <message>
        <source>not a socket</source>
        <translation>not a socket</translation>
    </message>
    <message>
        <source>system error: %1</source>
        <extracomment>%1 is the system's own (English) text of the error</extracomment>
        <translation>system error: %1</translation>
    </message>
    <message>
        <source>%1 failed: %2 [%3]</source>
        <extracomment>%1 is a call such as connect(('127.0.0.1', 8888)); %2 the meaning; %3 the code</extracomment>
        <translation>%1 failed: %2 [%3]</translation>
    </message>
    <message>
        <source>address already in use: another socket holds this port — a server already listening on it, or, unless both the old and the new socket set SO_REUSEADDR, an old connection still in TIME-WAIT</source>
        <translation>address already in use: another socket holds this port — a server already listening on it, or, unless both the old and the new socket set SO_REUSEADDR, an old connection still in TIME-WAIT</translation>
    </message>
    <message>
        <source>socket type not supported in this address family</source>
        <translation>socket type not supported in this address family</translation>
    </message>
    <message>
        <source>protocol wrong type for socket</source>
        <translation>protocol wrong type for socket</translation>
    </message>
    <message>
        <source>no buffer space available</source>
        <translation>no buffer space available</translation>
    </message>
    <message>
        <source>destination address required: the socket is not connected</source>
        <translation>destination address required: the socket is not connected</translation>
    </message>
    <message>
        <source>connection refused: nothing is listening on that port (TCP: the peer answered SYN with RST; UDP: an ICMP port unreachable came back)</source>
        <translation>connection refused: nothing is listening on that port (TCP: the peer answered SYN with RST; UDP: an ICMP port unreachable came back)</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>the folder does not exist</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>there is no such file</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>permission denied</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>it is a folder</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>the file system is read-only</translation>
    </message>
    <message>
        <source>part of the path is not a folder</source>
        <translation>part of the path is not a folder</translation>
    </message>
    <message>
        <source>that kind of file cannot be used here (a device or a /proc file)</source>
        <translation>that kind of file cannot be used here (a device or a /proc file)</translation>
    </message>
    <message>
        <source>it is closed</source>
        <translation>it is closed</translation>
    </message>
    <message>
        <source>the reader went away (broken pipe)</source>
        <translation>the reader went away (broken pipe)</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>client</source>
        <translation>client</translation>
    </message>
    <message>
        <source>server (listening socket)</source>
        <translation>server (listening socket)</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>both</source>
        <translation>both</translation>
    </message>
    <message>
        <source>call by the lab</source>
        <translation>call by the lab</translation>
    </message>
    <message>
        <source>read from the kernel</source>
        <translation>read from the kernel</translation>
    </message>
    <message>
        <source>captured on the wire</source>
        <translation>captured on the wire</translation>
    </message>
    <message>
        <source>inferred from calls</source>
        <translation>inferred from calls</translation>
    </message>
    <message>
        <source>RFC model</source>
        <translation>RFC model</translation>
    </message>
    <message>
        <source>from a capture file</source>
        <translation>from a capture file</translation>
    </message>
    <message>
        <source>A socket call the lab's program made, with what it returned.</source>
        <translation>A socket call the lab's program made, with what it returned.</translation>
    </message>
    <message>
        <source>Read from the live socket: getsockopt(TCP_INFO) or NETLINK_SOCK_DIAG, as ss does.</source>
        <translation>Read from the live socket: getsockopt(TCP_INFO) or NETLINK_SOCK_DIAG, as ss does.</translation>
    </message>
    <message>
        <source>Seen on the wire by packet capture.</source>
        <translation>Seen on the wire by packet capture.</translation>
    </message>
    <message>
        <source>Not observed: deduced from the calls and the kernel's states, because no packet capture is running.</source>
        <translation>Not observed: deduced from the calls and the kernel's states, because no packet capture is running.</translation>
    </message>
    <message>
        <source>Produced by the lab's RFC 9293 model of TCP.</source>
        <translation>Produced by the lab's RFC 9293 model of TCP.</translation>
    </message>
    <message>
        <source>Read from a capture file.</source>
        <translation>Read from a capture file.</translation>
    </message>
    <message>
        <source>%1 called</source>
        <extracomment>a blocking socket call was issued and is waiting for its result</extracomment>
        <translation>%1 called</translation>
    </message>
    <message>
        <source>%1 returned %2</source>
        <translation>%1 returned %2</translation>
    </message>
    <message>
        <source>segment %1 → %2: %3</source>
        <extracomment>%1 sender, %2 receiver, %3 the segment's flags and numbers</extracomment>
        <translation>segment %1 → %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>datagram %1 → %2: %n byte(s)</source>
        <translation><numerusform>datagram %1 → %2: %n byte</numerusform><numerusform>datagram %1 → %2: %n bytes</numerusform></translation>
    </message>
    <message>
        <source>received b"": end of stream, the peer sent FIN</source>
        <translation>received b"": end of stream, the peer sent FIN</translation>
    </message>
    <message numerus="yes">
        <source>received %n byte(s): %1</source>
        <translation><numerusform>received %n byte: %1</numerusform><numerusform>received %n bytes: %1</numerusform></translation>
    </message>
    <message>
        <source>connection summary</source>
        <translation>connection summary</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>Time (ms)</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message numerus="yes">
        <source>%1 returned %n byte(s)</source>
        <extracomment>recv() returns the bytes it read; here only their number is shown</extracomment>
        <translation><numerusform>%1 returned %n byte</numerusform><numerusform>%1 returned %n bytes</numerusform></translation>
    </message>
    <message>
        <source>%1 → %2 (%3)</source>
        <extracomment>a state change: %1 and %2 are RFC 9293 state names, %3 explains the new state</extracomment>
        <translation>%1 → %2 (%3)</translation>
    </message>
    <message>
        <source>the client</source>
        <comment>caption: the endpoint that acts</comment>
        <translation>the client</translation>
    </message>
    <message>
        <source>the server</source>
        <comment>caption: the endpoint that acts</comment>
        <translation>the server</translation>
    </message>
    <message>
        <source>received an empty datagram (0 bytes): UDP has no end of stream</source>
        <translation>received an empty datagram (0 bytes): UDP has no end of stream</translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <source>the source text's TCP echo: server on 127.0.0.1 with listen(5); the client sends 请求连接, the server answers 你已连接成功。 and closes</source>
        <translation>the source text's TCP echo: server on 127.0.0.1 with listen(5); the client sends 请求连接, the server answers 你已连接成功。 and closes</translation>
    </message>
    <message>
        <source>unknown demo: %1 (see --list)</source>
        <translation>unknown demo: %1 (see --list)</translation>
    </message>
    <message>
        <source>Demos on real loopback sockets (--demo, --serve, --client):</source>
        <translation>Demos on real loopback sockets (--demo, --serve, --client):</translation>
    </message>
    <message>
        <source>Scenarios of the RFC 9293 model (--scenario):</source>
        <translation>Scenarios of the RFC 9293 model (--scenario):</translation>
    </message>
    <message>
        <source>unknown scenario: %1 (see --list)</source>
        <translation>unknown scenario: %1 (see --list)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>a scenario's title, then its one-line summary
----------
--replay: why the capture file was not replayed whole; %1 the file, %2 the reason</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the source text's UDP echo: no connection; the client sends 你好 with sendto(), the server answers with one datagram from recvfrom()/sendto()</source>
        <translation>the source text's UDP echo: no connection; the client sends 你好 with sendto(), the server answers with one datagram from recvfrom()/sendto()</translation>
    </message>
    <message>
        <source>the source text's web server: recv(1024) once, send() "HTTP/1.1 200 OK" and a blank line, send() Hello, World, close(); the client's GET reads to EOF</source>
        <translation>the source text's web server: recv(1024) once, send() "HTTP/1.1 200 OK" and a blank line, send() Hello, World, close(); the client's GET reads to EOF</translation>
    </message>
    <message>
        <source>the same server and a GET with a 3000-byte header: recv(1024) leaves bytes unread, so close() sends RST and the client's recv() fails with ECONNRESET</source>
        <translation>the same server and a GET with a 3000-byte header: recv(1024) leaves bytes unread, so close() sends RST and the client's recv() fails with ECONNRESET</translation>
    </message>
    <message>
        <source>TCP is a byte stream: two sendall() calls arrive in one recv(), one large sendall() in several recv() calls</source>
        <translation>TCP is a byte stream: two sendall() calls arrive in one recv(), one large sendall() in several recv() calls</translation>
    </message>
    <message>
        <source>setblocking(False): accept() and recv() fail at once with EAGAIN; settimeout(0.2): recv() fails with a timeout, then returns data as soon as it arrives</source>
        <translation>setblocking(False): accept() and recv() fail at once with EAGAIN; settimeout(0.2): recv() fails with a timeout, then returns data as soon as it arrives</translation>
    </message>
    <message>
        <source>%1 is one scripted exchange: run it with --demo %1</source>
        <translation>%1 is one scripted exchange: run it with --demo %1</translation>
    </message>
    <message>
        <source>recv() after the peer's close(): b'' (EOF, not an error); after a close() with unread data: RST, and recv() fails with ECONNRESET</source>
        <translation>recv() after the peer's close(): b'' (EOF, not an error); after a close() with unread data: RST, and recv() fails with ECONNRESET</translation>
    </message>
    <message>
        <source>the server closes first and restarts on the same port while the old connection is in TIME-WAIT: bind() fails with EADDRINUSE unless SO_REUSEADDR is set on both listeners</source>
        <translation>the server closes first and restarts on the same port while the old connection is in TIME-WAIT: bind() fails with EADDRINUSE unless SO_REUSEADDR is set on both listeners</translation>
    </message>
    <message>
        <source>a listener on "::" accepts an IPv4 client as ::ffff:127.0.0.1; with IPV6_V6ONLY the IPv4 connect() is refused (ECONNREFUSED)</source>
        <translation>a listener on "::" accepts an IPv4 client as ::ffff:127.0.0.1; with IPV6_V6ONLY the IPv4 connect() is refused (ECONNREFUSED)</translation>
    </message>
    <message>
        <source>listen(1) and no accept(): 2 clients complete the handshake, the 3rd is not refused but keeps retransmitting SYNs</source>
        <translation>listen(1) and no accept(): 2 clients complete the handshake, the 3rd is not refused but keeps retransmitting SYNs</translation>
    </message>
    <message>
        <source>headless Chromium loads a page from the same server: every connection it opens, its requests (GET / and GET /favicon.ico, Connection: keep-alive) and its spare connections (needs the package chromium)</source>
        <translation>headless Chromium loads a page from the same server: every connection it opens, its requests (GET / and GET /favicon.ico, Connection: keep-alive) and its spare connections (needs the package chromium)</translation>
    </message>
    <message>
        <source>Chromium is not installed: install the package %1 (apt-get install %1) to run this demo</source>
        <translation>Chromium is not installed: install the package %1 (apt-get install %1) to run this demo</translation>
    </message>
    <message>
        <source>a UDP datagram to a closed port: a connected socket's recv() fails with ECONNREFUSED (ICMP port unreachable), an unconnected socket's recvfrom() only times out unless IP_RECVERR</source>
        <translation>a UDP datagram to a closed port: a connected socket's recv() fails with ECONNREFUSED (ICMP port unreachable), an unconnected socket's recvfrom() only times out unless IP_RECVERR</translation>
    </message>
    <message>
        <source>connecting to a name tries each address getaddrinfo() returns: ::1 is refused, 127.0.0.1 connects (--host: a name, or the answer as a list; default ::1,127.0.0.1)</source>
        <translation>connecting to a name tries each address getaddrinfo() returns: ::1 is refused, 127.0.0.1 connects (--host: a name, or the answer as a list; default ::1,127.0.0.1)</translation>
    </message>
    <message>
        <source>without root: bind() to port 80 fails with EACCES, a raw ICMP socket with EPERM; as root both succeed (run as root, the lab drops privileges in a child process)</source>
        <translation>without root: bind() to port 80 fails with EACCES, a raw ICMP socket with EPERM; as root both succeed (run as root, the lab drops privileges in a child process)</translation>
    </message>
    <message>
        <source>sockets carry bytes: 你好 sent as GBK and decoded as UTF-8 gives U+FFFD, UTF-8 decoded as GBK gives 浣犲ソ, then both agree</source>
        <translation>sockets carry bytes: 你好 sent as GBK and decoded as UTF-8 gives U+FFFD, UTF-8 decoded as GBK gives 浣犲ソ, then both agree</translation>
    </message>
    <message>
        <source>[%1, decoded as %2]</source>
        <extracomment>after a data event: %1 the bytes in hex, %2 the encoding (UTF-8, GBK)</extracomment>
        <translation>[%1, decoded as %2]</translation>
    </message>
    <message>
        <source>Connection %1: client %2, server %3</source>
        <extracomment>--replay --print: a connection's heading. %1 stream number, %2 client address:port, %3 server address:port</extracomment>
        <translation>Connection %1: client %2, server %3</translation>
    </message>
    <message>
        <source>  handshake %1, close %2, FINs %3, %4 segments; at the end: client %5, server %6</source>
        <extracomment>--replay --print: %1 complete/partial/not captured, %2 RST/FIN/none (as the window's connection list says them), %3 FIN count, %4 segment count, %5 and %6 RFC 9293 state names</extracomment>
        <translation>  handshake %1, close %2, FINs %3, %4 segments; at the end: client %5, server %6</translation>
    </message>
</context>
<context>
    <name>HttpClientPane</name>
    <message>
        <source>Client (HTTP GET)</source>
        <translation>Client (HTTP GET)</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Extra header:</source>
        <translation>Extra header:</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> bytes</translation>
    </message>
    <message>
        <source>An X-Padding header of this many bytes. Above about 1000 the request outgrows the post's recv(1024): its close() then sends RST.</source>
        <translation>An X-Padding header of this many bytes. Above about 1000 the request outgrows the post's recv(1024): its close() then sends RST.</translation>
    </message>
</context>
<context>
    <name>HttpServerPane</name>
    <message numerus="yes">
        <source>%n request(s) read</source>
        <translation><numerusform>%n request read</numerusform><numerusform>%n requests read</numerusform></translation>
    </message>
    <message>
        <source>Web server (HTTP)</source>
        <translation>Web server (HTTP)</translation>
    </message>
    <message>
        <source>recv() size:</source>
        <translation>recv() size:</translation>
    </message>
    <message>
        <source>Variant:</source>
        <translation>Variant:</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> bytes</translation>
    </message>
    <message>
        <source>Correct server</source>
        <translation>Correct server</translation>
    </message>
    <message>
        <source>Read the request up to its blank line; answer with Content-Length and Connection: close in one sendall()</source>
        <translation>Read the request up to its blank line; answer with Content-Length and Connection: close in one sendall()</translation>
    </message>
    <message>
        <source>Correct: recv() until the blank line that ends the request's headers, then one sendall() of "HTTP/1.1 200 OK", Content-Length: 12 and Connection: close. The client knows where the body ends, and nothing is left unread at close(), so the connection ends with FIN.</source>
        <translation>Correct: recv() until the blank line that ends the request's headers, then one sendall() of "HTTP/1.1 200 OK", Content-Length: 12 and Connection: close. The client knows where the body ends, and nothing is left unread at close(), so the connection ends with FIN.</translation>
    </message>
    <message>
        <source>try: curl %1, or open it in a browser</source>
        <extracomment>%1 is a URL such as http://127.0.0.1:8080/</extracomment>
        <translation>try: curl %1, or open it in a browser</translation>
    </message>
    <message>
        <source>The post reads the request with one recv(1024).</source>
        <translation>The post reads the request with one recv(1024).</translation>
    </message>
    <message>
        <source>The post's server: one recv(1024), then send() of "HTTP/1.1 200 OK" and a blank line, send() of Hello, World and close(). No Content-Length: the body ends with the FIN. A request longer than 1024 bytes leaves bytes unread, so close() sends RST and the client sees a reset.</source>
        <translation>The post's server: one recv(1024), then send() of "HTTP/1.1 200 OK" and a blank line, send() of Hello, World and close(). No Content-Length: the body ends with the FIN. A request longer than 1024 bytes leaves bytes unread, so close() sends RST and the client sees a reset.</translation>
    </message>
</context>
<context>
    <name>LadderView</name>
    <message>
        <source>observed</source>
        <translation>observed</translation>
    </message>
    <message>
        <source>inferred from calls</source>
        <translation>inferred from calls</translation>
    </message>
    <message>
        <source>not observed</source>
        <translation>not observed</translation>
    </message>
    <message>
        <source>seq: %1 relative, %2 raw</source>
        <extracomment>%1 relative sequence number, %2 the 32-bit number on the wire</extracomment>
        <translation>seq: %1 relative, %2 raw</translation>
    </message>
    <message>
        <source>ack: %1 relative, %2 raw</source>
        <extracomment>%1 relative acknowledgment number, %2 the 32-bit number on the wire</extracomment>
        <translation>ack: %1 relative, %2 raw</translation>
    </message>
    <message>
        <source>Options: %1</source>
        <translation>Options: %1</translation>
    </message>
    <message>
        <source>Window: %1 bytes; a SYN's window is never scaled (RFC 7323).</source>
        <translation>Window: %1 bytes; a SYN's window is never scaled (RFC 7323).</translation>
    </message>
    <message>
        <source>Window: %1 bytes = %2 × 2^%3, Wireshark's calculated window size (the field on the wire holds %2).</source>
        <extracomment>%1 window in bytes, %2 the window field on the wire, %3 the shift count</extracomment>
        <translation>Window: %1 bytes = %2 × 2^%3, Wireshark's calculated window size (the field on the wire holds %2).</translation>
    </message>
    <message>
        <source>Window: %1 bytes, not scaled: window scaling is not in use.</source>
        <translation>Window: %1 bytes, not scaled: window scaling is not in use.</translation>
    </message>
    <message>
        <source>Window: %1 bytes, already scaled; the scale factor is unknown because the handshake is not on the timeline.</source>
        <translation>Window: %1 bytes, already scaled; the scale factor is unknown because the handshake is not on the timeline.</translation>
    </message>
    <message>
        <source>seq/ack raw (* relative: not observed) · win scaled</source>
        <translation>seq/ack raw (* relative: not observed) · win scaled</translation>
    </message>
    <message>
        <source>seq/ack relative · win scaled</source>
        <translation>seq/ack relative · win scaled</translation>
    </message>
    <message>
        <source>Packet %1 of the capture file.</source>
        <extracomment>%1 the packet's number in the capture file (Wireshark's frame.number)</extracomment>
        <translation>Packet %1 of the capture file.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The exchange finished.</source>
        <translation>The exchange finished.</translation>
    </message>
    <message>
        <source>The exchange stopped: a call failed (see the panes).</source>
        <translation>The exchange stopped: a call failed (see the panes).</translation>
    </message>
    <message>
        <source>Socket Lab</source>
        <translation>Socket Lab</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Export timeline (JSON Lines)…</source>
        <translation>&amp;Export timeline (JSON Lines)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>Run the whole &amp;exchange</source>
        <translation>Run the whole &amp;exchange</translation>
    </message>
    <message>
        <source>&amp;Server: next call</source>
        <translation>&amp;Server: next call</translation>
    </message>
    <message>
        <source>&amp;Client: next call</source>
        <translation>&amp;Client: next call</translation>
    </message>
    <message>
        <source>&amp;Reset all</source>
        <translation>&amp;Reset all</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Socket Lab</source>
        <translation>&amp;About Socket Lab</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Click the server's calls, then the client's — or press F5 to run the whole exchange.</source>
        <translation>Click the server's calls, then the client's — or press F5 to run the whole exchange.</translation>
    </message>
    <message>
        <source>Running the exchange…</source>
        <translation>Running the exchange…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n event(s) to %1</source>
        <translation><numerusform>Saved %n event to %1</numerusform><numerusform>Saved %n events to %1</numerusform></translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation>Export timeline</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.json)</source>
        <translation>JSON Lines (*.jsonl *.json)</translation>
    </message>
    <message>
        <source>About Socket Lab</source>
        <translation>About Socket Lab</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Socket Lab&lt;/b&gt; runs the programs of a classic socket tutorial on this machine's real sockets and shows every call, each endpoint's TCP state and the segments between them.&lt;/p&gt;&lt;p&gt;States marked &lt;i&gt;read from the kernel&lt;/i&gt; come from TCP_INFO and NETLINK_SOCK_DIAG; segments marked &lt;i&gt;inferred from calls&lt;/i&gt; are deduced, because no packet capture is running.&lt;/p&gt;&lt;p&gt;The close of a connection is called 四次挥手 (four-way close); the source text calls it 四次握手.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Socket Lab&lt;/b&gt; runs the programs of a classic socket tutorial on this machine's real sockets and shows every call, each endpoint's TCP state and the segments between them.&lt;/p&gt;&lt;p&gt;States marked &lt;i&gt;read from the kernel&lt;/i&gt; come from TCP_INFO and NETLINK_SOCK_DIAG; segments marked &lt;i&gt;inferred from calls&lt;/i&gt; are deduced, because no packet capture is running.&lt;/p&gt;&lt;p&gt;The close of a connection is called 四次挥手 (four-way close); the source text calls it 四次握手.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>States</source>
        <translation>States</translation>
    </message>
    <message>
        <source>State diagram (RFC 9293)</source>
        <translation>State diagram (RFC 9293)</translation>
    </message>
    <message>
        <source>Show: </source>
        <translation>Show: </translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation>Scenario: %1</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>&amp;Scenario</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Previous step</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Play / pause</translation>
    </message>
    <message>
        <source>First step</source>
        <translation>First step</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>Last step</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>&amp;Presentation mode</translation>
    </message>
    <message>
        <source>A scenario of the RFC 9293 model: → and ← step, Space plays, Home and End jump; F11 presents it full screen.</source>
        <translation>A scenario of the RFC 9293 model: → and ← step, Space plays, Home and End jump; F11 presents it full screen.</translation>
    </message>
    <message>
        <source>Live lab: TCP echo (real sockets)</source>
        <translation>Live lab: TCP echo (real sockets)</translation>
    </message>
    <message>
        <source>Live lab: web server (HTTP, real sockets)</source>
        <translation>Live lab: web server (HTTP, real sockets)</translation>
    </message>
    <message>
        <source>Live lab: UDP echo (real sockets)</source>
        <translation>Live lab: UDP echo (real sockets)</translation>
    </message>
    <message>
        <source>Socket &amp;API reference</source>
        <translation>Socket &amp;API reference</translation>
    </message>
    <message>
        <source>Socket API reference (try each call)</source>
        <translation>Socket API reference (try each call)</translation>
    </message>
    <message>
        <source>Choose a constant or a method, then "Try it" (Ctrl+T): the call runs on a real socket and lands on the timeline.</source>
        <translation>Choose a constant or a method, then "Try it" (Ctrl+T): the call runs on a real socket and lands on the timeline.</translation>
    </message>
    <message>
        <source>Ladder diagram: segments and datagrams between client and server</source>
        <translation>Ladder diagram: segments and datagrams between client and server</translation>
    </message>
    <message>
        <source>Export &amp;capture (pcap)…</source>
        <translation>Export &amp;capture (pcap)…</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n packet(s) to %1</source>
        <extracomment>%1 a .pcap file; a packet is one segment or datagram</extracomment>
        <translation><numerusform>Saved %n packet to %1</numerusform><numerusform>Saved %n packets to %1</numerusform></translation>
    </message>
    <message>
        <source>Export capture</source>
        <translation>Export capture</translation>
    </message>
    <message>
        <source>pcap capture files (*.pcap)</source>
        <extracomment>file dialog filter; pcap is the file format's name</extracomment>
        <translation>pcap capture files (*.pcap)</translation>
    </message>
    <message>
        <source>Capture &amp;packets</source>
        <extracomment>packet capture on lo with the helper program (抓包)</extracomment>
        <translation>Capture &amp;packets</translation>
    </message>
    <message>
        <source>Show ra&amp;w sequence numbers</source>
        <translation>Show ra&amp;w sequence numbers</translation>
    </message>
    <message>
        <source>&amp;Open capture file…</source>
        <extracomment>opens a pcap or pcapng file (抓包文件) to step through its connections</extracomment>
        <translation>&amp;Open capture file…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <extracomment>stops reading a capture file</extracomment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Reading the capture file %1…</source>
        <extracomment>%1 a capture file's name</extracomment>
        <translation>Reading the capture file %1…</translation>
    </message>
    <message>
        <source>Reading %1 was cancelled.</source>
        <extracomment>%1 a capture file's name</extracomment>
        <translation>Reading %1 was cancelled.</translation>
    </message>
    <message>
        <source>A capture file: pick a connection in the list; → and ← step, Space plays, Home and End jump; F11 presents it full screen.</source>
        <translation>A capture file: pick a connection in the list; → and ← step, Space plays, Home and End jump; F11 presents it full screen.</translation>
    </message>
    <message>
        <source>Open capture file</source>
        <translation>Open capture file</translation>
    </message>
    <message>
        <source>Capture files (*.pcap *.pcapng *.cap *.gz *.zst)</source>
        <extracomment>file dialog filters; pcap and pcapng are file formats' names</extracomment>
        <translation>Capture files (*.pcap *.pcapng *.cap *.gz *.zst)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Capture file: %1</source>
        <extracomment>in the Show box; %1 the capture file's name</extracomment>
        <translation>Capture file: %1</translation>
    </message>
</context>
<context>
    <name>Note</name>
    <message>
        <source>the client closed before the blank line that ends its request: no answer, the server closes</source>
        <translation>the client closed before the blank line that ends its request: no answer, the server closes</translation>
    </message>
    <message>
        <source>no blank line in the first %1 bytes: the request is too long, the server gives up and closes without answering</source>
        <translation>no blank line in the first %1 bytes: the request is too long, the server gives up and closes without answering</translation>
    </message>
    <message>
        <source>setblocking(False) on the listening socket: no client waits in the accept queue, so accept() does not wait. It fails at once with BlockingIOError, errno %1 (EAGAIN): try again later.</source>
        <translation>setblocking(False) on the listening socket: no client waits in the accept queue, so accept() does not wait. It fails at once with BlockingIOError, errno %1 (EAGAIN): try again later.</translation>
    </message>
    <message>
        <source>setblocking(False) on the connection: nothing has arrived, so recv() fails at once with BlockingIOError, errno %1 (EAGAIN). A non-blocking program calls it again when select() or poll() reports the socket readable.</source>
        <translation>setblocking(False) on the connection: nothing has arrived, so recv() fails at once with BlockingIOError, errno %1 (EAGAIN). A non-blocking program calls it again when select() or poll() reports the socket readable.</translation>
    </message>
    <message>
        <source>settimeout(%1): recv() waits for data, but at most %1 s. Nothing came, so after %2 ms it fails with socket.timeout (TimeoutError). The connection is still usable.</source>
        <translation>settimeout(%1): recv() waits for data, but at most %1 s. Nothing came, so after %2 ms it fails with socket.timeout (TimeoutError). The connection is still usable.</translation>
    </message>
    <message>
        <source>The client sent %1: the waiting recv() returned it after %2 ms, well within the timeout. A timeout only bounds the wait; data ends it at once.</source>
        <translation>The client sent %1: the waiting recv() returned it after %2 ms, well within the timeout. A timeout only bounds the wait; data ends it at once.</translation>
    </message>
    <message>
        <source>Part 1: the client calls sendall() twice, first with %1, then with %2. TCP is a byte stream: it keeps the bytes and their order, not the boundaries between the two messages.</source>
        <translation>Part 1: the client calls sendall() twice, first with %1, then with %2. TCP is a byte stream: it keeps the bytes and their order, not the boundaries between the two messages.</translation>
    </message>
    <message>
        <source>One recv(1024) returned all %1 bytes, %2: the two messages arrived as one. The receiver cannot tell where one sendall() ended; a protocol marks its message boundaries itself, with a length prefix or a delimiter such as a newline.</source>
        <translation>One recv(1024) returned all %1 bytes, %2: the two messages arrived as one. The receiver cannot tell where one sendall() ended; a protocol marks its message boundaries itself, with a length prefix or a delimiter such as a newline.</translation>
    </message>
    <message>
        <source>Part 2: one sendall() of %1 bytes; the server calls recv(%2) until all of them have arrived. Each recv() returns what has arrived so far, at most %2 bytes: one send may arrive as several recv()s.</source>
        <translation>Part 2: one sendall() of %1 bytes; the server calls recv(%2) until all of them have arrived. Each recv() returns what has arrived so far, at most %2 bytes: one send may arrive as several recv()s.</translation>
    </message>
    <message>
        <source>The %1 bytes of one sendall() arrived in %2 recv(%3) calls, identical and in order. How many recv()s it takes depends on timing and buffer sizes, so a receiver loops until it has the whole message.</source>
        <translation>The %1 bytes of one sendall() arrived in %2 recv(%3) calls, identical and in order. How many recv()s it takes depends on timing and buffer sizes, so a receiver loops until it has the whole message.</translation>
    </message>
    <message>
        <source>listen(%1) and no accept(): after %2 ms, %3 clients' connect() returned (their handshakes completed; they wait in the accept queue, backlog + 1 on Linux), %4 still connecting and %5 refused. TCP_INFO on the listener: %6 in the accept queue, backlog %7.</source>
        <translation>listen(%1) and no accept(): after %2 ms, %3 clients' connect() returned (their handshakes completed; they wait in the accept queue, backlog + 1 on Linux), %4 still connecting and %5 refused. TCP_INFO on the listener: %6 in the accept queue, backlog %7.</translation>
    </message>
    <message>
        <source>Linux does not refuse a client when the accept queue is full: it drops its SYN, and the client keeps retransmitting SYNs (after 1 s, 2 s, …) until the queue has room or connect() times out after about two minutes. The backlog is not a limit on connections, only on those waiting for accept().</source>
        <translation>Linux does not refuse a client when the accept queue is full: it drops its SYN, and the client keeps retransmitting SYNs (after 1 s, 2 s, …) until the queue has room or connect() times out after about two minutes. The backlog is not a limit on connections, only on those waiting for accept().</translation>
    </message>
    <message>
        <source>This machine has no usable IPv6: %1 failed with errno %2, so the dual-stack demo cannot run here.</source>
        <translation>This machine has no usable IPv6: %1 failed with errno %2, so the dual-stack demo cannot run here.</translation>
    </message>
    <message>
        <source>An AF_INET6 listener on "::" with IPV6_V6ONLY off accepted an IPv4 client: accept() gives its address as %1, an IPv4-mapped IPv6 address (::ffff: followed by the IPv4 address). One listener serves both families.</source>
        <translation>An AF_INET6 listener on "::" with IPV6_V6ONLY off accepted an IPv4 client: accept() gives its address as %1, an IPv4-mapped IPv6 address (::ffff: followed by the IPv4 address). One listener serves both families.</translation>
    </message>
    <message>
        <source>With IPV6_V6ONLY on, the "::" listener takes IPv6 only. Nobody listens for IPv4 on port %1, so the IPv4 client's connect() fails with ConnectionRefusedError, errno %2 (ECONNREFUSED).</source>
        <translation>With IPV6_V6ONLY on, the "::" listener takes IPv6 only. Nobody listens for IPv4 on port %1, so the IPv4 client's connect() fails with ConnectionRefusedError, errno %2 (ECONNREFUSED).</translation>
    </message>
    <message>
        <source>The server called close() with nothing left unread: its kernel sent FIN. The client's recv() returned b'' at once: zero bytes means end of file (EOF), the peer will send nothing more. It is not an error; the program should stop reading and close() its side too.</source>
        <translation>The server called close() with nothing left unread: its kernel sent FIN. The client's recv() returned b'' at once: zero bytes means end of file (EOF), the peer will send nothing more. It is not an error; the program should stop reading and close() its side too.</translation>
    </message>
    <message>
        <source>The server called close() with %1 bytes it never read still in its receive queue. Its kernel does not send FIN then: it sends RST (reset) and drops the connection at once, since the data it accepted will never be delivered.</source>
        <translation>The server called close() with %1 bytes it never read still in its receive queue. Its kernel does not send FIN then: it sends RST (reset) and drops the connection at once, since the data it accepted will never be delivered.</translation>
    </message>
    <message>
        <source>After the RST the client's recv() does not return b'': it fails with ConnectionResetError, errno %1 (ECONNRESET). A reset is an error, unlike EOF; the cure is to read the request completely before close().</source>
        <translation>After the RST the client's recv() does not return b'': it fails with ConnectionResetError, errno %1 (ECONNRESET). A reset is an error, unlike EOF; the cure is to read the request completely before close().</translation>
    </message>
    <message>
        <source>The server closed first, so its side of the connection %1 is now in TIME-WAIT (the kernel keeps it about 60 s) although every socket is closed. Now the server restarts on port %2.</source>
        <translation>The server closed first, so its side of the connection %1 is now in TIME-WAIT (the kernel keeps it about 60 s) although every socket is closed. Now the server restarts on port %2.</translation>
    </message>
    <message>
        <source>Without SO_REUSEADDR the new listener's bind() fails with OSError, errno %1 (EADDRINUSE: Address already in use): the TIME-WAIT connection still holds the port, though nobody listens on it.</source>
        <translation>Without SO_REUSEADDR the new listener's bind() fails with OSError, errno %1 (EADDRINUSE: Address already in use): the TIME-WAIT connection still holds the port, though nobody listens on it.</translation>
    </message>
    <message>
        <source>With SO_REUSEADDR set on the old listener and on the new one, bind() succeeds despite the TIME-WAIT connection. On Linux both are needed: if either one lacks it, bind() fails with EADDRINUSE.</source>
        <translation>With SO_REUSEADDR set on the old listener and on the new one, bind() succeeds despite the TIME-WAIT connection. On Linux both are needed: if either one lacks it, bind() fails with EADDRINUSE.</translation>
    </message>
    <message>
        <source>Headless Chromium loads %1: a real browser, with a new empty profile and its background networking off, so every connection below is its page load.</source>
        <translation>Headless Chromium loads %1: a real browser, with a new empty profile and its background networking off, so every connection below is its page load.</translation>
    </message>
    <message>
        <source>Connection %1 (the browser's port %2) sent no request before Chromium was ended, %3 ms after accept(): a connection kept open in advance for a request that never came.</source>
        <translation>Connection %1 (the browser's port %2) sent no request before Chromium was ended, %3 ms after accept(): a connection kept open in advance for a request that never came.</translation>
    </message>
    <message>
        <source>Connection %1 (the browser's port %2) sent no request: the browser opened it in advance and closed it unused, and recv() returned b'' %3 ms after accept(). This server serves one connection at a time: all that time it waited in recv(), and when recv() returned, %4 other connections were waiting in its accept queue.</source>
        <translation>Connection %1 (the browser's port %2) sent no request: the browser opened it in advance and closed it unused, and recv() returned b'' %3 ms after accept(). This server serves one connection at a time: all that time it waited in recv(), and when recv() returned, %4 other connections were waiting in its accept queue.</translation>
    </message>
    <message>
        <source>Request %1, on connection %2 (the browser's port %3): %4. It says Connection: %5: the browser would keep the connection open for more requests (HTTP/1.1's persistent connections). This server closes it after one answer, so the browser's next request needs a new connection.</source>
        <translation>Request %1, on connection %2 (the browser's port %3): %4. It says Connection: %5: the browser would keep the connection open for more requests (HTTP/1.1's persistent connections). This server closes it after one answer, so the browser's next request needs a new connection.</translation>
    </message>
    <message>
        <source>Request %1, on connection %2 (the browser's port %3): %4. Connection: %5.</source>
        <translation>Request %1, on connection %2 (the browser's port %3): %4. Connection: %5.</translation>
    </message>
    <message>
        <source>The browser asked for /favicon.ico by itself: no page mentions it. It is the icon for the tab. This server answers every request alike, so the icon it gets is Hello, World; a real server would answer 404 Not Found or an image.</source>
        <translation>The browser asked for /favicon.ico by itself: no page mentions it. It is the icon for the tab. This server answers every request alike, so the icon it gets is Hello, World; a real server would answer 404 Not Found or an image.</translation>
    </message>
    <message>
        <source>Chromium was ended (SIGTERM), %1 ms after it started; its temporary profile is removed.</source>
        <translation>Chromium was ended (SIGTERM), %1 ms after it started; its temporary profile is removed.</translation>
    </message>
    <message>
        <source>Chromium exited by itself, %1 ms after it started; its temporary profile is removed.</source>
        <translation>Chromium exited by itself, %1 ms after it started; its temporary profile is removed.</translation>
    </message>
    <message>
        <source>The addresses %1 stand for getaddrinfo()'s answer for a name such as localhost, in this order: a machine with "::1 localhost" in /etc/hosts answers ::1 first (RFC 6724). The server listens on %2 only. Like Python's socket.create_connection(), the client tries each address in turn.</source>
        <translation>The addresses %1 stand for getaddrinfo()'s answer for a name such as localhost, in this order: a machine with "::1 localhost" in /etc/hosts answers ::1 first (RFC 6724). The server listens on %2 only. Like Python's socket.create_connection(), the client tries each address in turn.</translation>
    </message>
    <message>
        <source>getaddrinfo(%1) answered %2, in this order; the server listens on %3 only. Like Python's socket.create_connection(), the client tries each address in turn.</source>
        <translation>getaddrinfo(%1) answered %2, in this order; the server listens on %3 only. Like Python's socket.create_connection(), the client tries each address in turn.</translation>
    </message>
    <message>
        <source>Attempt %1: connect() to %2 failed with errno %3 (%4). create_connection() closes this socket and tries the next address.</source>
        <translation>Attempt %1: connect() to %2 failed with errno %3 (%4). create_connection() closes this socket and tries the next address.</translation>
    </message>
    <message>
        <source>Attempt %1: connect() to %2 succeeded. Failed attempts before it: %3. A refusal on loopback costs microseconds, but an address that does not answer at all costs a whole connect timeout, which is why browsers race the addresses (Happy Eyeballs, RFC 8305).</source>
        <translation>Attempt %1: connect() to %2 succeeded. Failed attempts before it: %3. A refusal on loopback costs microseconds, but an address that does not answer at all costs a whole connect timeout, which is why browsers race the addresses (Happy Eyeballs, RFC 8305).</translation>
    </message>
    <message>
        <source>This kernel has no net.ipv4.ip_unprivileged_port_start (it came with Linux 4.11): ports below 1024 are privileged, port %1 among them.</source>
        <translation>This kernel has no net.ipv4.ip_unprivileged_port_start (it came with Linux 4.11): ports below 1024 are privileged, port %1 among them.</translation>
    </message>
    <message>
        <source>net.ipv4.ip_unprivileged_port_start is %1 on this machine: ports below %1 are privileged, and binding one, such as port %2, needs the capability CAP_NET_BIND_SERVICE.</source>
        <translation>net.ipv4.ip_unprivileged_port_start is %1 on this machine: ports below %1 are privileged, and binding one, such as port %2, needs the capability CAP_NET_BIND_SERVICE.</translation>
    </message>
    <message>
        <source>net.ipv4.ip_unprivileged_port_start is %1 on this machine: port %2 is not privileged here, so bind() to it succeeds for anyone.</source>
        <translation>net.ipv4.ip_unprivileged_port_start is %1 on this machine: port %2 is not privileged here, so bind() to it succeeds for anyone.</translation>
    </message>
    <message>
        <source>The lab runs as uid %1, not as root: it makes the calls itself. The contrast with root is left out.</source>
        <translation>The lab runs as uid %1, not as root: it makes the calls itself. The contrast with root is left out.</translation>
    </message>
    <message>
        <source>The lab runs as root, and root may do all of this. So a child process gives up root before any socket call, as setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all does: no supplementary groups, gid and uid 65534 (nobody), no capabilities.</source>
        <translation>The lab runs as root, and root may do all of this. So a child process gives up root before any socket call, as setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all does: no supplementary groups, gid and uid 65534 (nobody), no capabilities.</translation>
    </message>
    <message>
        <source>The child process could not give up root: %1 failed with errno %2 (%3). The permission errors cannot be shown on this machine.</source>
        <translation>The child process could not give up root: %1 failed with errno %2 (%3). The permission errors cannot be shown on this machine.</translation>
    </message>
    <message>
        <source>The same calls, made by the lab itself as root:</source>
        <translation>The same calls, made by the lab itself as root:</translation>
    </message>
    <message>
        <source>As root both calls succeed: bind() to port %1 returned 0 and the raw socket() returned descriptor %2. Root holds every capability, CAP_NET_BIND_SERVICE and CAP_NET_RAW among them.</source>
        <translation>As root both calls succeed: bind() to port %1 returned 0 and the raw socket() returned descriptor %2. Root holds every capability, CAP_NET_BIND_SERVICE and CAP_NET_RAW among them.</translation>
    </message>
    <message>
        <source>As uid %1, bind() to port %2 fails with PermissionError, errno %3 (EACCES): the port is privileged, and this process lacks CAP_NET_BIND_SERVICE. Servers run on ports from 1024 up, or get that one capability instead of running as root.</source>
        <translation>As uid %1, bind() to port %2 fails with PermissionError, errno %3 (EACCES): the port is privileged, and this process lacks CAP_NET_BIND_SERVICE. Servers run on ports from 1024 up, or get that one capability instead of running as root.</translation>
    </message>
    <message>
        <source>As uid %1, socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) fails with PermissionError, errno %2 (EPERM): a raw socket can send any packet, forged ones too, so it needs CAP_NET_RAW. This is the source text's "SOCK_RAW is usually limited to advanced users or administrators".</source>
        <translation>As uid %1, socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) fails with PermissionError, errno %2 (EPERM): a raw socket can send any packet, forged ones too, so it needs CAP_NET_RAW. This is the source text's "SOCK_RAW is usually limited to advanced users or administrators".</translation>
    </message>
    <message>
        <source>As uid %1, %2 succeeded.</source>
        <translation>As uid %1, %2 succeeded.</translation>
    </message>
    <message>
        <source>As uid %1, %2 failed with errno %3 (%4).</source>
        <translation>As uid %1, %2 failed with errno %3 (%4).</translation>
    </message>
    <message>
        <source>This Qt has no GBK converter (it was built without ICU), so the encodings demo cannot run here.</source>
        <translation>This Qt has no GBK converter (it was built without ICU), so the encodings demo cannot run here.</translation>
    </message>
    <message>
        <source>Part 1: the client encodes %1 as GBK, the bytes %2, and sends them. The server decodes what it receives as UTF-8, as the source text's server does with .decode("utf8").</source>
        <translation>Part 1: the client encodes %1 as GBK, the bytes %2, and sends them. The server decodes what it receives as UTF-8, as the source text's server does with .decode("utf8").</translation>
    </message>
    <message>
        <source>Part 2: the client encodes %1 as UTF-8, the bytes %2; this time the server decodes them as GBK, as a program written for a Chinese Windows code page might.</source>
        <translation>Part 2: the client encodes %1 as UTF-8, the bytes %2; this time the server decodes them as GBK, as a program written for a Chinese Windows code page might.</translation>
    </message>
    <message>
        <source>Part 3: both sides agree on UTF-8: the client sends the bytes %1.</source>
        <translation>Part 3: both sides agree on UTF-8: the client sends the bytes %1.</translation>
    </message>
    <message>
        <source>The server received the same %1 bytes, %2, but they are not UTF-8: decoded as UTF-8 they give %3, U+FFFD replacement characters for bytes that form no character ("valid": false). Python's strict .decode("utf8") raises UnicodeDecodeError here instead; with errors="replace" it gives U+FFFD too.</source>
        <translation>The server received the same %1 bytes, %2, but they are not UTF-8: decoded as UTF-8 they give %3, U+FFFD replacement characters for bytes that form no character ("valid": false). Python's strict .decode("utf8") raises UnicodeDecodeError here instead; with errors="replace" it gives U+FFFD too.</translation>
    </message>
    <message>
        <source>The server decodes %1 as GBK and gets %2: valid GBK, but the wrong characters (mojibake). No error warns the program; only a reader notices.</source>
        <translation>The server decodes %1 as GBK and gets %2: valid GBK, but the wrong characters (mojibake). No error warns the program; only a reader notices.</translation>
    </message>
    <message>
        <source>Decoded as UTF-8, %1 gives %2 again. TCP carries bytes, never text: the two programs must agree on the encoding themselves, and a protocol says which (HTTP's charset, for example).</source>
        <translation>Decoded as UTF-8, %1 gives %2 again. TCP carries bytes, never text: the two programs must agree on the encoding themselves, and a protocol says which (HTTP's charset, for example).</translation>
    </message>
    <message>
        <source>Nobody listens on UDP port %1 now. Part 1: a connected UDP socket sends a datagram there and waits for an answer with recv().</source>
        <translation>Nobody listens on UDP port %1 now. Part 1: a connected UDP socket sends a datagram there and waits for an answer with recv().</translation>
    </message>
    <message>
        <source>connect() on a UDP socket sends nothing; it only fixes the peer. send() succeeded: the datagram left. Nobody listened on port %1, so the kernel answered with ICMP port unreachable (its counter of those rose by %2). The socket is connected, so Linux hands it the error: recv() fails with ConnectionRefusedError, errno %3 (ECONNREFUSED).</source>
        <translation>connect() on a UDP socket sends nothing; it only fixes the peer. send() succeeded: the datagram left. Nobody listened on port %1, so the kernel answered with ICMP port unreachable (its counter of those rose by %2). The socket is connected, so Linux hands it the error: recv() fails with ConnectionRefusedError, errno %3 (ECONNREFUSED).</translation>
    </message>
    <message>
        <source>Part 2: an unconnected socket sends the same datagram with sendto(). The kernel answered with ICMP port unreachable again (its counter rose by %1), yet recvfrom() saw no error: it timed out after %2 ms. Linux reports ICMP errors only to connected UDP sockets, since an unconnected one may talk to many peers. Without settimeout() recvfrom() would wait forever, as the source text's UDP client does.</source>
        <translation>Part 2: an unconnected socket sends the same datagram with sendto(). The kernel answered with ICMP port unreachable again (its counter rose by %1), yet recvfrom() saw no error: it timed out after %2 ms. Linux reports ICMP errors only to connected UDP sockets, since an unconnected one may talk to many peers. Without settimeout() recvfrom() would wait forever, as the source text's UDP client does.</translation>
    </message>
    <message>
        <source>Part 3: the same unconnected socket with setsockopt(%1, %2, 1) asks for ICMP errors too (ip(7)). The kernel's counter rose by %3 and recvfrom() fails at once with errno %4 (ECONNREFUSED); the error's details wait in the socket's error queue (recvmsg() with MSG_ERRQUEUE).</source>
        <translation>Part 3: the same unconnected socket with setsockopt(%1, %2, 1) asks for ICMP errors too (ip(7)). The kernel's counter rose by %3 and recvfrom() fails at once with errno %4 (ECONNREFUSED); the error's details wait in the socket's error queue (recvmsg() with MSG_ERRQUEUE).</translation>
    </message>
    <message>
        <source>The datagram had %1 bytes; recvfrom(%2) returned the first %3 and the kernel discarded the other %4. UDP keeps no rest for the next call: size the buffer for the largest datagram.</source>
        <translation>The datagram had %1 bytes; recvfrom(%2) returned the first %3 and the kernel discarded the other %4. UDP keeps no rest for the next call: size the buffer for the largest datagram.</translation>
    </message>
    <message>
        <source>Attempt %1: connect() to %2 failed with errno %3 (%4). That was the last address: create_connection() closes this socket and raises this error.</source>
        <translation>Attempt %1: connect() to %2 failed with errno %3 (%4). That was the last address: create_connection() closes this socket and raises this error.</translation>
    </message>
    <message>
        <source>%1 completed its handshake, but the server is still in a call on the connection from %2: it serves one connection at a time, so %1 waits in the accept queue until that one is done. A client that connects and sends nothing stalls every client behind it.</source>
        <translation>%1 completed its handshake, but the server is still in a call on the connection from %2: it serves one connection at a time, so %1 waits in the accept queue until that one is done. A client that connects and sends nothing stalls every client behind it.</translation>
    </message>
    <message>
        <source>The post's server does not check for b'': it sends its answer anyway, into a connection the browser has closed. The browser's kernel answers that with RST, and a later send() fails.</source>
        <translation>The post's server does not check for b'': it sends its answer anyway, into a connection the browser has closed. The browser's kernel answers that with RST, and a later send() fails.</translation>
    </message>
    <message>
        <source>In all: connections Chromium opened: %1; requests it sent: %2 (%3); connections that sent no request: %4. No connection carried a second request: reusing one needs a server that leaves it open and says where each answer ends (Content-Length).</source>
        <translation>In all: connections Chromium opened: %1; requests it sent: %2 (%3); connections that sent no request: %4. No connection carried a second request: reusing one needs a server that leaves it open and says where each answer ends (Content-Length).</translation>
    </message>
</context>
<context>
    <name>PcapExport</name>
    <message>
        <source>Could not write the capture file %1: %2</source>
        <translation>Could not write the capture file %1: %2</translation>
    </message>
    <message>
        <source>Could not write the capture file to standard output: %1</source>
        <extracomment>exporting a pcap capture file failed: %1 the file, %2 why</extracomment>
        <translation>Could not write the capture file to standard output: %1</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <source>Socket Lab — presentation</source>
        <translation>Socket Lab — presentation</translation>
    </message>
    <message>
        <source>→ / Page Down: next   ← / Page Up: previous   Space: play/pause   Home/End   Esc: leave</source>
        <translation>→ / Page Down: next   ← / Page Up: previous   Space: play/pause   Home/End   Esc: leave</translation>
    </message>
</context>
<context>
    <name>ProgramPane</name>
    <message>
        <source>b"" — end of stream: the peer closed (FIN)</source>
        <translation>b"" — end of stream: the peer closed (FIN)</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s): %1</source>
        <translation><numerusform>%n byte: %1</numerusform><numerusform>%n bytes: %1</numerusform></translation>
    </message>
    <message>
        <source>Waiting in %1 … (the call blocks; the window does not)</source>
        <extracomment>%1 is a call such as accept(); it blocks until something arrives</extracomment>
        <translation>Waiting in %1 … (the call blocks; the window does not)</translation>
    </message>
    <message>
        <source>The program has ended. Reset to run it again.</source>
        <translation>The program has ended. Reset to run it again.</translation>
    </message>
    <message>
        <source>Next call: %1</source>
        <extracomment>%1 is the next socket call, e.g. bind()</extracomment>
        <translation>Next call: %1</translation>
    </message>
    <message>
        <source>Run to end</source>
        <translation>Run to end</translation>
    </message>
    <message>
        <source>Make the remaining calls one after another</source>
        <translation>Make the remaining calls one after another</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Close the sockets and start again from socket()</source>
        <translation>Close the sockets and start again from socket()</translation>
    </message>
    <message>
        <source>Data received:</source>
        <translation>Data received:</translation>
    </message>
    <message>
        <source>(not valid %1: shown with �)</source>
        <extracomment>%1 is the encoding, UTF-8 or GBK</extracomment>
        <translation>(not valid %1: shown with �)</translation>
    </message>
    <message>
        <source>  hex: %1</source>
        <translation>  hex: %1</translation>
    </message>
    <message>
        <source>Text encoding:</source>
        <translation>Text encoding:</translation>
    </message>
    <message>
        <source>How this program turns text into bytes and bytes into text. When the two programs disagree, the receiver shows garbled text: the bytes are the same, only their reading differs.</source>
        <translation>How this program turns text into bytes and bytes into text. When the two programs disagree, the receiver shows garbled text: the bytes are the same, only their reading differs.</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>Show the received bytes in hexadecimal too</source>
        <translation>Show the received bytes in hexadecimal too</translation>
    </message>
    <message>
        <source>Serve clients</source>
        <translation>Serve clients</translation>
    </message>
    <message>
        <source>Run the server as the source text's while True: loop, one client after another, until you press it again. Try it with curl or a browser too.</source>
        <translation>Run the server as the source text's while True: loop, one client after another, until you press it again. Try it with curl or a browser too.</translation>
    </message>
    <message>
        <source>0 bytes: an empty datagram (UDP has no end of stream)</source>
        <translation>0 bytes: an empty datagram (UDP has no end of stream)</translation>
    </message>
</context>
<context>
    <name>ReplayError</name>
    <message>
        <source>cannot open the capture file</source>
        <translation>cannot open the capture file</translation>
    </message>
    <message>
        <source>the capture file holds something unsupported at packet %1 (byte offset %2)</source>
        <extracomment>%1 packet number (1-based), %2 byte offset in the file</extracomment>
        <translation>the capture file holds something unsupported at packet %1 (byte offset %2)</translation>
    </message>
    <message>
        <source>the capture file is damaged or cut short at packet %1 (byte offset %2)</source>
        <extracomment>%1 packet number (1-based), %2 byte offset in the file</extracomment>
        <translation>the capture file is damaged or cut short at packet %1 (byte offset %2)</translation>
    </message>
    <message numerus="yes">
        <source>no TCP segment in the capture file (%n packet(s) read)</source>
        <translation><numerusform>no TCP segment in the capture file (%n packet read)</numerusform><numerusform>no TCP segment in the capture file (%n packets read)</numerusform></translation>
    </message>
    <message>
        <source>reading stopped at packet %1: cancelled</source>
        <extracomment>%1 packet number (1-based)</extracomment>
        <translation>reading stopped at packet %1: cancelled</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 what went wrong, %2 why (wiretap's own English words when not a common reason)</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>it is not a capture file in a format Wireshark knows</source>
        <translation>it is not a capture file in a format Wireshark knows</translation>
    </message>
    <message>
        <source>the file ends in the middle of a packet</source>
        <translation>the file ends in the middle of a packet</translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <source>Three-way handshake</source>
        <translation>Three-way handshake</translation>
    </message>
    <message>
        <source>connect() and accept(): SYN, SYN-ACK, ACK</source>
        <translation>connect() and accept(): SYN, SYN-ACK, ACK</translation>
    </message>
    <message>
        <source>TCP echo (the source text's exchange)</source>
        <translation>TCP echo (the source text's exchange)</translation>
    </message>
    <message>
        <source>handshake, 请求连接 and 你已连接成功。, the server closes first</source>
        <translation>handshake, 请求连接 and 你已连接成功。, the server closes first</translation>
    </message>
    <message>
        <source>Four-way close</source>
        <translation>Four-way close</translation>
    </message>
    <message>
        <source>FIN, ACK, FIN, ACK, then TIME-WAIT for 2·MSL</source>
        <translation>FIN, ACK, FIN, ACK, then TIME-WAIT for 2·MSL</translation>
    </message>
    <message>
        <source>Three-segment close</source>
        <translation>Three-segment close</translation>
    </message>
    <message>
        <source>the ACK rides on the peer's FIN: FIN, FIN-ACK, ACK</source>
        <translation>the ACK rides on the peer's FIN: FIN, FIN-ACK, ACK</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Connection refused</translation>
    </message>
    <message>
        <source>nothing listens: SYN answered by RST,ACK; connect_ex gives 111</source>
        <translation>nothing listens: SYN answered by RST,ACK; connect_ex gives 111</translation>
    </message>
    <message>
        <source>SYN retransmission (RFC 6298)</source>
        <translation>SYN retransmission (RFC 6298)</translation>
    </message>
    <message>
        <source>the SYN is lost and resent after 1 s, then 2 s</source>
        <translation>the SYN is lost and resent after 1 s, then 2 s</translation>
    </message>
    <message>
        <source>SYN retransmission (this kernel)</source>
        <translation>SYN retransmission (this kernel)</translation>
    </message>
    <message>
        <source>every SYN lost: the schedule of tcp_syn_retries and tcp_syn_linear_timeouts</source>
        <translation>every SYN lost: the schedule of tcp_syn_retries and tcp_syn_linear_timeouts</translation>
    </message>
    <message>
        <source>Simultaneous open</source>
        <translation>Simultaneous open</translation>
    </message>
    <message>
        <source>two SYNs cross: both SYN-RECEIVED, then ESTABLISHED</source>
        <translation>two SYNs cross: both SYN-RECEIVED, then ESTABLISHED</translation>
    </message>
    <message>
        <source>Simultaneous close</source>
        <translation>Simultaneous close</translation>
    </message>
    <message>
        <source>two FINs cross: both CLOSING, then TIME-WAIT</source>
        <translation>two FINs cross: both CLOSING, then TIME-WAIT</translation>
    </message>
    <message>
        <source>Half-close</source>
        <translation>Half-close</translation>
    </message>
    <message>
        <source>shutdown(SHUT_WR): FIN-WAIT-2 while data still flows back</source>
        <translation>shutdown(SHUT_WR): FIN-WAIT-2 while data still flows back</translation>
    </message>
    <message>
        <source>Abort (RST)</source>
        <translation>Abort (RST)</translation>
    </message>
    <message>
        <source>SO_LINGER 0 then close(): RST, and the peer's recv fails</source>
        <translation>SO_LINGER 0 then close(): RST, and the peer's recv fails</translation>
    </message>
    <message>
        <source>Full accept queue</source>
        <translation>Full accept queue</translation>
    </message>
    <message>
        <source>listen(1): two connections complete, the third client's SYNs are dropped until accept()</source>
        <translation>listen(1): two connections complete, the third client's SYNs are dropped until accept()</translation>
    </message>
    <message>
        <source>UDP echo</source>
        <translation>UDP echo</translation>
    </message>
    <message>
        <source>datagrams with sendto/recvfrom: no handshake, no states</source>
        <translation>datagrams with sendto/recvfrom: no handshake, no states</translation>
    </message>
</context>
<context>
    <name>SegmentInspector</name>
    <message>
        <source>Field</source>
        <extracomment>column of the segment inspector: the header field's name, as Wireshark names it column of the segment inspector: Wireshark's display filter name, e.g. tcp.seq_raw</extracomment>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>No segment up to this step.</source>
        <translation>No segment up to this step.</translation>
    </message>
    <message>
        <source>[Event source]</source>
        <translation>[Event source]</translation>
    </message>
    <message>
        <source>[Time since the session began]</source>
        <extracomment>%1 milliseconds, e.g. "12.345 ms"</extracomment>
        <translation>[Time since the session began]</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Src: %1, Dst: %2</source>
        <extracomment>Wireshark's summary of the IP header, %1 source address, %2 destination address</extracomment>
        <translation>Src: %1, Dst: %2</translation>
    </message>
    <message>
        <source>Internet Protocol Version 6</source>
        <translation>Internet Protocol Version 6</translation>
    </message>
    <message>
        <source>Internet Protocol Version 4</source>
        <translation>Internet Protocol Version 4</translation>
    </message>
    <message>
        <source>Source Address</source>
        <translation>Source Address</translation>
    </message>
    <message>
        <source>Destination Address</source>
        <translation>Destination Address</translation>
    </message>
    <message>
        <source>Src Port: %1, Dst Port: %2, Seq: %3, Ack: %4, Len: %5</source>
        <extracomment>Wireshark's summary line of the TCP header</extracomment>
        <translation>Src Port: %1, Dst Port: %2, Seq: %3, Ack: %4, Len: %5</translation>
    </message>
    <message>
        <source>Transmission Control Protocol</source>
        <translation>Transmission Control Protocol</translation>
    </message>
    <message>
        <source>Source Port</source>
        <translation>Source Port</translation>
    </message>
    <message>
        <source>Destination Port</source>
        <translation>Destination Port</translation>
    </message>
    <message>
        <source>[Stream index]</source>
        <translation>[Stream index]</translation>
    </message>
    <message>
        <source>Which connection this is, numbered as Wireshark's tcp.stream.</source>
        <translation>Which connection this is, numbered as Wireshark's tcp.stream.</translation>
    </message>
    <message>
        <source>[TCP Segment Len]</source>
        <translation>[TCP Segment Len]</translation>
    </message>
    <message>
        <source>Payload bytes.</source>
        <translation>Payload bytes.</translation>
    </message>
    <message>
        <source>Sequence Number (relative sequence number)</source>
        <translation>Sequence Number (relative sequence number)</translation>
    </message>
    <message>
        <source>Counted from the sender's initial sequence number (ISN), as Wireshark shows it.</source>
        <translation>Counted from the sender's initial sequence number (ISN), as Wireshark shows it.</translation>
    </message>
    <message>
        <source>Sequence Number (raw)</source>
        <translation>Sequence Number (raw)</translation>
    </message>
    <message>
        <source>The 32-bit number as on the wire.</source>
        <translation>The 32-bit number as on the wire.</translation>
    </message>
    <message>
        <source>[Next Sequence Number (relative sequence number)]</source>
        <translation>[Next Sequence Number (relative sequence number)]</translation>
    </message>
    <message>
        <source>Sequence number + payload length, plus 1 for SYN or FIN.</source>
        <translation>Sequence number + payload length, plus 1 for SYN or FIN.</translation>
    </message>
    <message>
        <source>not used (ACK not set)</source>
        <extracomment>the acknowledgment number is not meaningful: the ACK flag is not set</extracomment>
        <translation>not used (ACK not set)</translation>
    </message>
    <message>
        <source>Acknowledgment Number (relative ack number)</source>
        <translation>Acknowledgment Number (relative ack number)</translation>
    </message>
    <message>
        <source>The next sequence number the sender expects, counted from the receiver's ISN.</source>
        <translation>The next sequence number the sender expects, counted from the receiver's ISN.</translation>
    </message>
    <message>
        <source>Acknowledgment number (raw)</source>
        <translation>Acknowledgment number (raw)</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Flags</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>Acknowledgment</source>
        <translation>Acknowledgment</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Syn</source>
        <translation>Syn</translation>
    </message>
    <message>
        <source>Fin</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Maximum segment size</source>
        <translation>Maximum segment size</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 bytes</translation>
    </message>
    <message>
        <source>Window scale</source>
        <translation>Window scale</translation>
    </message>
    <message>
        <source>%1 (multiply by %2)</source>
        <translation>%1 (multiply by %2)</translation>
    </message>
    <message>
        <source>SACK permitted</source>
        <translation>SACK permitted</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>Timestamps</translation>
    </message>
    <message>
        <source>No-Operation (NOP)</source>
        <translation>No-Operation (NOP)</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>[TCP payload]</source>
        <extracomment>%n payload bytes, %1 the payload as quoted text</extracomment>
        <translation>[TCP payload]</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s): %1</source>
        <translation><numerusform>%n byte: %1</numerusform><numerusform>%n bytes: %1</numerusform></translation>
    </message>
    <message>
        <source>Src Port: %1, Dst Port: %2</source>
        <extracomment>Wireshark's summary line of the UDP header</extracomment>
        <translation>Src Port: %1, Dst Port: %2</translation>
    </message>
    <message>
        <source>User Datagram Protocol</source>
        <translation>User Datagram Protocol</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>Header (8 bytes) plus payload.</source>
        <translation>Header (8 bytes) plus payload.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Filter field</source>
        <translation>Filter field</translation>
    </message>
    <message>
        <source>The 16-bit window field as on the wire.</source>
        <translation>The 16-bit window field as on the wire.</translation>
    </message>
    <message>
        <source>[Calculated window size]</source>
        <translation>[Calculated window size]</translation>
    </message>
    <message>
        <source>The receive window in bytes: the field × 2^shift, the shift the sender announced in its SYN.</source>
        <translation>The receive window in bytes: the field × 2^shift, the shift the sender announced in its SYN.</translation>
    </message>
    <message>
        <source>not scaled (a SYN's window never is)</source>
        <extracomment>window scaling factor of a SYN segment</extracomment>
        <translation>not scaled (a SYN's window never is)</translation>
    </message>
    <message>
        <source>%1 (shift %2)</source>
        <extracomment>%1 the multiplier 2^shift, %2 the shift count</extracomment>
        <translation>%1 (shift %2)</translation>
    </message>
    <message>
        <source>no window scaling used</source>
        <translation>no window scaling used</translation>
    </message>
    <message>
        <source>unknown (the handshake is not on the timeline)</source>
        <translation>unknown (the handshake is not on the timeline)</translation>
    </message>
    <message>
        <source>[Window size scaling factor]</source>
        <translation>[Window size scaling factor]</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>MSS Value</source>
        <translation>MSS Value</translation>
    </message>
    <message>
        <source>Shift count</source>
        <translation>Shift count</translation>
    </message>
    <message>
        <source>[Multiplier]</source>
        <translation>[Multiplier]</translation>
    </message>
    <message>
        <source>TCP SACK Permitted Option</source>
        <translation>TCP SACK Permitted Option</translation>
    </message>
    <message>
        <source>Timestamp value</source>
        <translation>Timestamp value</translation>
    </message>
    <message>
        <source>Timestamp echo reply</source>
        <translation>Timestamp echo reply</translation>
    </message>
    <message>
        <source>Frame Number</source>
        <translation>Frame Number</translation>
    </message>
    <message>
        <source>The packet's number in the capture file, as Wireshark counts (from 1).</source>
        <translation>The packet's number in the capture file, as Wireshark counts (from 1).</translation>
    </message>
    <message>
        <source>[Time since reference or first frame]</source>
        <translation>[Time since reference or first frame]</translation>
    </message>
</context>
<context>
    <name>ServerPane</name>
    <message>
        <source>Server (TCP echo)</source>
        <translation>Server (TCP echo)</translation>
    </message>
    <message>
        <source>Reply:</source>
        <translation>Reply:</translation>
    </message>
    <message>
        <source>Sent with sendall() in the text encoding chosen below</source>
        <translation>Sent with sendall() in the text encoding chosen below</translation>
    </message>
</context>
<context>
    <name>SocketApi</name>
    <message>
        <source>Address family IPv4, Python's default. Addresses are (host, port) tuples such as ('127.0.0.1', 8888).</source>
        <translation>Address family IPv4, Python's default. Addresses are (host, port) tuples such as ('127.0.0.1', 8888).</translation>
    </message>
    <message>
        <source>Address family IPv6. Addresses are (host, port, flowinfo, scope_id) tuples; (host, port) is enough, e.g. ('::1', 8888).</source>
        <translation>Address family IPv6. Addresses are (host, port, flowinfo, scope_id) tuples; (host, port) is enough, e.g. ('::1', 8888).</translation>
    </message>
    <message>
        <source>A listening socket bound to "::" also accepts IPv4 clients, seen as ::ffff:127.0.0.1, unless the option IPV6_V6ONLY is set.</source>
        <translation>A listening socket bound to "::" also accepts IPv4 clients, seen as ::ffff:127.0.0.1, unless the option IPV6_V6ONLY is set.</translation>
    </message>
    <message>
        <source>Unix domain sockets: communication between processes on the same machine, addressed by a file system path (on Linux also an abstract name) instead of a host and port. No IP and no TCP are involved.</source>
        <translation>Unix domain sockets: communication between processes on the same machine, addressed by a file system path (on Linux also an abstract name) instead of a host and port. No IP and no TCP are involved.</translation>
    </message>
    <message>
        <source>A reliable, ordered, connection-based byte stream, Python's default type. With AF_INET or AF_INET6 and protocol 0 the kernel chooses TCP (IPPROTO_TCP, 6).</source>
        <translation>A reliable, ordered, connection-based byte stream, Python's default type. With AF_INET or AF_INET6 and protocol 0 the kernel chooses TCP (IPPROTO_TCP, 6).</translation>
    </message>
    <message>
        <source>A byte stream keeps no message boundaries: one send() may arrive as several recv()s and several send()s as one.</source>
        <translation>A byte stream keeps no message boundaries: one send() may arrive as several recv()s and several send()s as one.</translation>
    </message>
    <message>
        <source>Datagrams: connectionless, unreliable messages of bounded size. With AF_INET or AF_INET6 and protocol 0 the kernel chooses UDP (IPPROTO_UDP, 17).</source>
        <translation>Datagrams: connectionless, unreliable messages of bounded size. With AF_INET or AF_INET6 and protocol 0 the kernel chooses UDP (IPPROTO_UDP, 17).</translation>
    </message>
    <message>
        <source>Each recvfrom() returns one whole datagram; one longer than the buffer is truncated and the rest is lost.</source>
        <translation>Each recvfrom() returns one whole datagram; one longer than the buffer is truncated and the rest is lost.</translation>
    </message>
    <message>
        <source>A raw socket: the program sends and receives the IP packets of one protocol, such as ICMP, itself, without TCP or UDP; with the option IP_HDRINCL it writes the IP header too.</source>
        <translation>A raw socket: the program sends and receives the IP packets of one protocol, such as ICMP, itself, without TCP or UDP; with the option IP_HDRINCL it writes the IP header too.</translation>
    </message>
    <message>
        <source>Linux requires the capability CAP_NET_RAW (usually root): without it socket() fails with EPERM (1). A raw socket also needs a protocol: socket(AF_INET, SOCK_RAW) with protocol 0 fails with EPROTONOSUPPORT (93).</source>
        <translation>Linux requires the capability CAP_NET_RAW (usually root): without it socket() fails with EPERM (1). A raw socket also needs a protocol: socket(AF_INET, SOCK_RAW) with protocol 0 fails with EPROTONOSUPPORT (93).</translation>
    </message>
    <message>
        <source>Reliably delivered messages: datagrams that are guaranteed to arrive, in no particular order.</source>
        <translation>Reliably delivered messages: datagrams that are guaranteed to arrive, in no particular order.</translation>
    </message>
    <message>
        <source>Linux implements SOCK_RDM only for TIPC (AF_TIPC), not for TCP/IP: socket(AF_INET, SOCK_RDM) fails with ESOCKTNOSUPPORT (94). The source text's "SOCK_RAM" is a typo for SOCK_RDM, and its sentences about low-level access to raw protocols such as ICMP describe SOCK_RAW.</source>
        <translation>Linux implements SOCK_RDM only for TIPC (AF_TIPC), not for TCP/IP: socket(AF_INET, SOCK_RDM) fails with ESOCKTNOSUPPORT (94). The source text's "SOCK_RAM" is a typo for SOCK_RDM, and its sentences about low-level access to raw protocols such as ICMP describe SOCK_RAW.</translation>
    </message>
    <message>
        <source>Sequenced packets: reliable, ordered and connection-based like SOCK_STREAM, but keeping message boundaries like SOCK_DGRAM.</source>
        <translation>Sequenced packets: reliable, ordered and connection-based like SOCK_STREAM, but keeping message boundaries like SOCK_DGRAM.</translation>
    </message>
    <message>
        <source>On Linux it works with AF_UNIX (and with SCTP, protocol IPPROTO_SCTP), not with TCP/IP's defaults: socket(AF_INET, SOCK_SEQPACKET) fails with ESOCKTNOSUPPORT (94) on this machine.</source>
        <translation>On Linux it works with AF_UNIX (and with SCTP, protocol IPPROTO_SCTP), not with TCP/IP's defaults: socket(AF_INET, SOCK_SEQPACKET) fails with ESOCKTNOSUPPORT (94) on this machine.</translation>
    </message>
    <message>
        <source>Creates a socket; underneath, socket(2) returns a new file descriptor. family is the address family (AF_INET …), type the socket type (SOCK_STREAM …), and proto 0 lets the kernel choose the protocol for that pair.</source>
        <translation>Creates a socket; underneath, socket(2) returns a new file descriptor. family is the address family (AF_INET …), type the socket type (SOCK_STREAM …), and proto 0 lets the kernel choose the protocol for that pair.</translation>
    </message>
    <message>
        <source>With proto 0 the kernel chooses TCP (6) for SOCK_STREAM and UDP (17) for SOCK_DGRAM; getsockopt(SOL_SOCKET, SO_PROTOCOL) shows which.</source>
        <translation>With proto 0 the kernel chooses TCP (6) for SOCK_STREAM and UDP (17) for SOCK_DGRAM; getsockopt(SOL_SOCKET, SO_PROTOCOL) shows which.</translation>
    </message>
    <message>
        <source>Gives the socket its local address. For AF_INET the address is a (host, port) tuple: host "" means every local address, port 0 lets the kernel choose a free port. Servers bind before listen(); a client usually doesn't and gets an address at connect().</source>
        <translation>Gives the socket its local address. For AF_INET the address is a (host, port) tuple: host "" means every local address, port 0 lets the kernel choose a free port. Servers bind before listen(); a client usually doesn't and gets an address at connect().</translation>
    </message>
    <message>
        <source>A second socket cannot bind an address already bound: bind() fails with EADDRINUSE (98). The lab's servers set SO_REUSEADDR so that a restarted server can bind a port whose old connection is still in TIME-WAIT.</source>
        <translation>A second socket cannot bind an address already bound: bind() fails with EADDRINUSE (98). The lab's servers set SO_REUSEADDR so that a restarted server can bind a port whose old connection is still in TIME-WAIT.</translation>
    </message>
    <message>
        <source>Makes a bound TCP socket a listening socket (state LISTEN): from now on the kernel answers SYNs and completes three-way handshakes by itself. backlog bounds the accept queue of completed connections waiting for accept().</source>
        <translation>Makes a bound TCP socket a listening socket (state LISTEN): from now on the kernel answers SYNs and completes three-way handshakes by itself. backlog bounds the accept queue of completed connections waiting for accept().</translation>
    </message>
    <message>
        <source>The source text calls backlog the number of connections pending "before refusing". On Linux it bounds only the accept queue, which holds backlog + 1 connections, and a full queue refuses nobody: the kernel drops the new SYN, the client stays in SYN-SENT and retransmits it, so its connect() waits instead of failing.</source>
        <translation>The source text calls backlog the number of connections pending "before refusing". On Linux it bounds only the accept queue, which holds backlog + 1 connections, and a full queue refuses nobody: the kernel drops the new SYN, the client stays in SYN-SENT and retransmits it, so its connect() waits instead of failing.</translation>
    </message>
    <message>
        <source>Chooses blocking (True, the default) or non-blocking (False) mode. In non-blocking mode a call that would have to wait (accept() with no connection queued, recv() with nothing received) fails at once with BlockingIOError, errno EAGAIN (11).</source>
        <translation>Chooses blocking (True, the default) or non-blocking (False) mode. In non-blocking mode a call that would have to wait (accept() with no connection queued, recv() with nothing received) fails at once with BlockingIOError, errno EAGAIN (11).</translation>
    </message>
    <message>
        <source>setblocking(False) is settimeout(0.0) and setblocking(True) is settimeout(None). EAGAIN is no failure of the socket: call again when select() or poll() reports it ready.</source>
        <translation>setblocking(False) is settimeout(0.0) and setblocking(True) is settimeout(None). EAGAIN is no failure of the socket: call again when select() or poll() reports it ready.</translation>
    </message>
    <message>
        <source>Takes the next completed connection from the listening socket's accept queue and returns (conn, address): a new socket for that connection and the client's address. The listening socket stays in LISTEN for more clients. Blocks while the queue is empty.</source>
        <translation>Takes the next completed connection from the listening socket's accept queue and returns (conn, address): a new socket for that connection and the client's address. The listening socket stays in LISTEN for more clients. Blocks while the queue is empty.</translation>
    </message>
    <message>
        <source>accept() takes no part in the three-way handshake: the kernel has completed it already, and accept() only dequeues the connection. Non-blocking, with an empty queue, it fails with EAGAIN (11).</source>
        <translation>accept() takes no part in the three-way handshake: the kernel has completed it already, and accept() only dequeues the connection. Non-blocking, with an empty queue, it fails with EAGAIN (11).</translation>
    </message>
    <message>
        <source>Connects to the server at address. For TCP the kernel sends SYN, and connect() returns when the SYN-ACK arrives: the client is then ESTABLISHED. A failure raises OSError.</source>
        <translation>Connects to the server at address. For TCP the kernel sends SYN, and connect() returns when the SYN-ACK arrives: the client is then ESTABLISHED. A failure raises OSError.</translation>
    </message>
    <message>
        <source>The source text says connect() "returns socket.error"; it raises it (socket.error is OSError in Python 3). To a port where nothing listens it raises ConnectionRefusedError, errno ECONNREFUSED (111): the server's kernel answered the SYN with RST.</source>
        <translation>The source text says connect() "returns socket.error"; it raises it (socket.error is OSError in Python 3). To a port where nothing listens it raises ConnectionRefusedError, errno ECONNREFUSED (111): the server's kernel answered the SYN with RST.</translation>
    </message>
    <message>
        <source>Like connect(), but returns an error indicator instead of raising: 0 on success, else the errno.</source>
        <translation>Like connect(), but returns an error indicator instead of raising: 0 on success, else the errno.</translation>
    </message>
    <message>
        <source>The source text's 10061 is Windows' WSAECONNREFUSED. On Linux a refused connection returns 111 (ECONNREFUSED). Name lookup errors (socket.gaierror) are still raised.</source>
        <translation>The source text's 10061 is Windows' WSAECONNREFUSED. On Linux a refused connection returns 111 (ECONNREFUSED). Name lookup errors (socket.gaierror) are still raised.</translation>
    </message>
    <message>
        <source>Releases the socket. On a TCP connection the kernel then sends FIN, the first step of the four-way close, and the peer's recv() returns b"". Afterwards fileno() returns -1 and other calls raise OSError EBADF (9).</source>
        <translation>Releases the socket. On a TCP connection the kernel then sends FIN, the first step of the four-way close, and the peer's recv() returns b"". Afterwards fileno() returns -1 and other calls raise OSError EBADF (9).</translation>
    </message>
    <message>
        <source>If received data is still unread, Linux sends RST instead of FIN (an abort), and the peer may see ECONNRESET.</source>
        <translation>If received data is still unread, Linux sends RST instead of FIN (an abort), and the peer may see ECONNRESET.</translation>
    </message>
    <message>
        <source>Returns the bytes received, at most bufsize of them; blocks until at least one byte is there.</source>
        <translation>Returns the bytes received, at most bufsize of them; blocks until at least one byte is there.</translation>
    </message>
    <message>
        <source>b"" (empty) means end of stream: the peer sent FIN. It is neither an error nor "no data yet". TCP is a byte stream, so one recv() may return part of a send() or parts of several. In Python 3 the data is bytes, not a string as the source text says.</source>
        <translation>b"" (empty) means end of stream: the peer sent FIN. It is neither an error nor "no data yet". TCP is a byte stream, so one recv() may return part of a send() or parts of several. In Python 3 the data is bytes, not a string as the source text says.</translation>
    </message>
    <message>
        <source>For datagram sockets: returns (data, address), one datagram and its sender's address.</source>
        <translation>For datagram sockets: returns (data, address), one datagram and its sender's address.</translation>
    </message>
    <message>
        <source>One call returns one datagram; one longer than bufsize is truncated and the rest is lost. The source text's "[.flag]" should read "[, flags]".</source>
        <translation>One call returns one datagram; one longer than bufsize is truncated and the rest is lost. The source text's "[.flag]" should read "[, flags]".</translation>
    </message>
    <message>
        <source>Hands data to the kernel for a connected socket and returns the number of bytes it took.</source>
        <translation>Hands data to the kernel for a connected socket and returns the number of bytes it took.</translation>
    </message>
    <message>
        <source>The number may be smaller than len(data): the kernel takes only what fits in the send buffer. Check it and send the rest, or use sendall().</source>
        <translation>The number may be smaller than len(data): the kernel takes only what fits in the send buffer. Check it and send the rest, or use sendall().</translation>
    </message>
    <message>
        <source>Sends all of data: it calls send() again until every byte is taken, waiting whenever the send buffer is full. Returns None; on an error it raises, and how much was sent is then unknown.</source>
        <translation>Sends all of data: it calls send() again until every byte is taken, waiting whenever the send buffer is full. Returns None; on an error it raises, and how much was sent is then unknown.</translation>
    </message>
    <message>
        <source>The source text says sendall() calls send() recursively; it loops. Since Python 3.5 a timeout bounds the whole sendall(), not each send().</source>
        <translation>The source text says sendall() calls send() recursively; it loops. Since Python 3.5 a timeout bounds the whole sendall(), not each send().</translation>
    </message>
    <message>
        <source>Sends one datagram to address, without a connection, and returns the number of bytes sent. Used with UDP.</source>
        <translation>Sends one datagram to address, without a connection, and returns the number of bytes sent. Used with UDP.</translation>
    </message>
    <message>
        <source>UDP does not know whether anyone receives: sendto() to a port where nothing listens still returns the byte count.</source>
        <translation>UDP does not know whether anyone receives: sendto() to a port where nothing listens still returns the byte count.</translation>
    </message>
    <message>
        <source>Sets a timeout in seconds (a float) for the calls that block: a call that cannot complete in time raises socket.timeout (TimeoutError). None means no timeout.</source>
        <translation>Sets a timeout in seconds (a float) for the calls that block: a call that cannot complete in time raises socket.timeout (TimeoutError). None means no timeout.</translation>
    </message>
    <message>
        <source>settimeout(0) is non-blocking mode, the same as setblocking(False): calls fail at once with EAGAIN (11) instead of waiting. The timeout applies to each call, connect() included.</source>
        <translation>settimeout(0) is non-blocking mode, the same as setblocking(False): calls fail at once with EAGAIN (11) instead of waiting. The timeout applies to each call, connect() included.</translation>
    </message>
    <message>
        <source>Returns the timeout in seconds, or None when the socket blocks without a timeout.</source>
        <translation>Returns the timeout in seconds, or None when the socket blocks without a timeout.</translation>
    </message>
    <message>
        <source>Not in the source text. After setblocking(False) it returns 0.0, after setblocking(True) None.</source>
        <translation>Not in the source text. After setblocking(False) it returns 0.0, after setblocking(True) None.</translation>
    </message>
    <message>
        <source>Returns the remote address of a connected socket; for AF_INET a (host, port) tuple.</source>
        <translation>Returns the remote address of a connected socket; for AF_INET a (host, port) tuple.</translation>
    </message>
    <message>
        <source>On a socket that is not connected it raises OSError ENOTCONN (107).</source>
        <translation>On a socket that is not connected it raises OSError ENOTCONN (107).</translation>
    </message>
    <message>
        <source>Returns the socket's own address; after bind(('127.0.0.1', 0)) it shows the port the kernel chose.</source>
        <translation>Returns the socket's own address; after bind(('127.0.0.1', 0)) it shows the port the kernel chose.</translation>
    </message>
    <message>
        <source>Before bind() or connect() it returns ('0.0.0.0', 0): the socket has no address yet.</source>
        <translation>Before bind() or connect() it returns ('0.0.0.0', 0): the socket has no address yet.</translation>
    </message>
    <message>
        <source>Sets a socket option, e.g. setsockopt(SOL_SOCKET, SO_REUSEADDR, 1) so that a server can bind a port still in TIME-WAIT, or SO_RCVBUF, the receive buffer size in bytes.</source>
        <translation>Sets a socket option, e.g. setsockopt(SOL_SOCKET, SO_REUSEADDR, 1) so that a server can bind a port still in TIME-WAIT, or SO_RCVBUF, the receive buffer size in bytes.</translation>
    </message>
    <message>
        <source>Not in the source text. Linux doubles the buffer size it is given, for its own bookkeeping (socket(7)): after setsockopt(SOL_SOCKET, SO_RCVBUF, 4096), getsockopt() returns 8192.</source>
        <translation>Not in the source text. Linux doubles the buffer size it is given, for its own bookkeeping (socket(7)): after setsockopt(SOL_SOCKET, SO_RCVBUF, 4096), getsockopt() returns 8192.</translation>
    </message>
    <message>
        <source>Reads a socket option: SO_TYPE gives the socket type, SO_RCVBUF the receive buffer size in bytes, SO_ERROR the pending error.</source>
        <translation>Reads a socket option: SO_TYPE gives the socket type, SO_RCVBUF the receive buffer size in bytes, SO_ERROR the pending error.</translation>
    </message>
    <message>
        <source>Not in the source text. A new TCP socket's SO_RCVBUF is the middle value of the sysctl net.ipv4.tcp_rmem (131072 by default).</source>
        <translation>Not in the source text. A new TCP socket's SO_RCVBUF is the middle value of the sysctl net.ipv4.tcp_rmem (131072 by default).</translation>
    </message>
    <message>
        <source>Returns the socket's file descriptor, the small integer socket(2) returned; select() and poll() watch it.</source>
        <translation>Returns the socket's file descriptor, the small integer socket(2) returned; select() and poll() watch it.</translation>
    </message>
    <message>
        <source>After close() it returns -1.</source>
        <translation>After close() it returns -1.</translation>
    </message>
    <message>
        <source>The demonstration did not end within %1 s.</source>
        <translation>The demonstration did not end within %1 s.</translation>
    </message>
    <message>
        <source>Not as expected: %1</source>
        <translation>Not as expected: %1</translation>
    </message>
    <message>
        <source>socket(AF_UNIX, SOCK_STREAM) made a Unix domain socket: SO_DOMAIN reads back %1. Its addresses are file system paths, not (host, port).</source>
        <translation>socket(AF_UNIX, SOCK_STREAM) made a Unix domain socket: SO_DOMAIN reads back %1. Its addresses are file system paths, not (host, port).</translation>
    </message>
    <message>
        <source>socket(%1, SOCK_STREAM): SO_DOMAIN reads back %2, and the bound address is %3.</source>
        <translation>socket(%1, SOCK_STREAM): SO_DOMAIN reads back %2, and the bound address is %3.</translation>
    </message>
    <message>
        <source>socket(AF_INET, %1): SO_TYPE reads back %2, and with protocol 0 the kernel chose protocol %3 (%4).</source>
        <translation>socket(AF_INET, %1): SO_TYPE reads back %2, and with protocol 0 the kernel chose protocol %3 (%4).</translation>
    </message>
    <message>
        <source>socket(AF_INET, SOCK_RAW) without a protocol failed with EPROTONOSUPPORT (%1); with IPPROTO_ICMP it returned descriptor %2: this process has CAP_NET_RAW.</source>
        <translation>socket(AF_INET, SOCK_RAW) without a protocol failed with EPROTONOSUPPORT (%1); with IPPROTO_ICMP it returned descriptor %2: this process has CAP_NET_RAW.</translation>
    </message>
    <message>
        <source>socket(AF_INET, SOCK_RAW) without a protocol failed with EPROTONOSUPPORT (%1); with IPPROTO_ICMP it failed with EPERM (%2): this process lacks CAP_NET_RAW.</source>
        <translation>socket(AF_INET, SOCK_RAW) without a protocol failed with EPROTONOSUPPORT (%1); with IPPROTO_ICMP it failed with EPERM (%2): this process lacks CAP_NET_RAW.</translation>
    </message>
    <message>
        <source>socket(AF_INET, SOCK_RDM) failed with %1 (%2): Linux offers no reliable datagrams over TCP/IP.</source>
        <translation>socket(AF_INET, SOCK_RDM) failed with %1 (%2): Linux offers no reliable datagrams over TCP/IP.</translation>
    </message>
    <message>
        <source>socket(AF_INET, SOCK_SEQPACKET) failed with %1 (%2); socket(AF_UNIX, SOCK_SEQPACKET) worked, and SO_TYPE reads back %3.</source>
        <translation>socket(AF_INET, SOCK_SEQPACKET) failed with %1 (%2); socket(AF_UNIX, SOCK_SEQPACKET) worked, and SO_TYPE reads back %3.</translation>
    </message>
    <message>
        <source>socket.socket() returned descriptor %1; with proto 0 the kernel chose protocol %2 (IPPROTO_TCP).</source>
        <translation>socket.socket() returned descriptor %1; with proto 0 the kernel chose protocol %2 (IPPROTO_TCP).</translation>
    </message>
    <message>
        <source>bind(('127.0.0.1', 0)) got port %1 from the kernel; a second socket's bind() to that port failed with EADDRINUSE (%2).</source>
        <translation>bind(('127.0.0.1', 0)) got port %1 from the kernel; a second socket's bind() to that port failed with EADDRINUSE (%2).</translation>
    </message>
    <message>
        <source>listen(1): two clients connected without any accept() (the accept queue holds backlog + 1); the third was not refused: its connect() was still waiting after 0.3 s (timeout).</source>
        <translation>listen(1): two clients connected without any accept() (the accept queue holds backlog + 1); the third was not refused: its connect() was still waiting after 0.3 s (timeout).</translation>
    </message>
    <message>
        <source>setblocking(False): accept() with an empty accept queue failed at once with EAGAIN (%1) instead of waiting.</source>
        <translation>setblocking(False): accept() with an empty accept queue failed at once with EAGAIN (%1) instead of waiting.</translation>
    </message>
    <message>
        <source>accept() returned a new socket (descriptor %1) for the client %2. Before the client connected, the accept queue was empty and the non-blocking accept() failed with EAGAIN (%3).</source>
        <translation>accept() returned a new socket (descriptor %1) for the client %2. Before the client connected, the accept queue was empty and the non-blocking accept() failed with EAGAIN (%3).</translation>
    </message>
    <message>
        <source>connect_ex() returned %1 (ECONNREFUSED) while nothing listened on the port, and 0 after listen(); it raised nothing.</source>
        <translation>connect_ex() returned %1 (ECONNREFUSED) while nothing listened on the port, and 0 after listen(); it raised nothing.</translation>
    </message>
    <message>
        <source>Before listen(), connect() raised ConnectionRefusedError, errno %1 (ECONNREFUSED): the server's kernel answered with RST. After listen() it connected.</source>
        <translation>Before listen(), connect() raised ConnectionRefusedError, errno %1 (ECONNREFUSED): the server's kernel answered with RST. After listen() it connected.</translation>
    </message>
    <message>
        <source>After the client's close() (FIN), the server's recv() returned b"" (end of stream), and the client's fileno() returns -1.</source>
        <translation>After the client's close() (FIN), the server's recv() returned b"" (end of stream), and the client's fileno() returns -1.</translation>
    </message>
    <message>
        <source>recv(1024) returned the %1 bytes the client sent; after the client's close() it returned b"": end of stream, not an error.</source>
        <translation>recv(1024) returned the %1 bytes the client sent; after the client's close() it returned b"": end of stream, not an error.</translation>
    </message>
    <message>
        <source>send() of %1 bytes returned %2: the kernel took only what fit in the buffers. Sending the rest is the program's job, or sendall()'s.</source>
        <translation>send() of %1 bytes returned %2: the kernel took only what fit in the buffers. Sending the rest is the program's job, or sendall()'s.</translation>
    </message>
    <message>
        <source>send() of %1 bytes returned %2: this time everything fit in the buffers.</source>
        <translation>send() of %1 bytes returned %2: this time everything fit in the buffers.</translation>
    </message>
    <message>
        <source>sendall() of %1 bytes returned None once the kernel had taken them all; meanwhile the server read them with %2 recv() calls.</source>
        <translation>sendall() of %1 bytes returned None once the kernel had taken them all; meanwhile the server read them with %2 recv() calls.</translation>
    </message>
    <message>
        <source>recvfrom(1024) returned one datagram of %1 bytes and its sender %2.</source>
        <translation>recvfrom(1024) returned one datagram of %1 bytes and its sender %2.</translation>
    </message>
    <message>
        <source>sendto() returned %1 both times: to the server, and again after the server had closed. UDP does not know whether anyone receives.</source>
        <translation>sendto() returned %1 both times: to the server, and again after the server had closed. UDP does not know whether anyone receives.</translation>
    </message>
    <message>
        <source>settimeout(0.2): recvfrom() gave up after %1 ms with socket.timeout. settimeout(0): it failed at once with EAGAIN (%2), as after setblocking(False).</source>
        <translation>settimeout(0.2): recvfrom() gave up after %1 ms with socket.timeout. settimeout(0): it failed at once with EAGAIN (%2), as after setblocking(False).</translation>
    </message>
    <message>
        <source>gettimeout() returned None, then 2.5 after settimeout(2.5), then 0.0 after setblocking(False).</source>
        <translation>gettimeout() returned None, then 2.5 after settimeout(2.5), then 0.0 after setblocking(False).</translation>
    </message>
    <message>
        <source>getpeername() raised ENOTCONN (%1) before connect() and returned %2, the server's address, after it.</source>
        <translation>getpeername() raised ENOTCONN (%1) before connect() and returned %2, the server's address, after it.</translation>
    </message>
    <message>
        <source>getsockname() returned ('0.0.0.0', 0) before bind() and %1 after bind(('127.0.0.1', 0)): the kernel chose port %2.</source>
        <translation>getsockname() returned ('0.0.0.0', 0) before bind() and %1 after bind(('127.0.0.1', 0)): the kernel chose port %2.</translation>
    </message>
    <message>
        <source>SO_RCVBUF was %1; after setsockopt(SOL_SOCKET, SO_RCVBUF, %2) getsockopt() returns %3: Linux doubled the value.</source>
        <translation>SO_RCVBUF was %1; after setsockopt(SOL_SOCKET, SO_RCVBUF, %2) getsockopt() returns %3: Linux doubled the value.</translation>
    </message>
    <message>
        <source>getsockopt() read SO_TYPE %1 (SOCK_STREAM), SO_RCVBUF %2 bytes and SO_ERROR 0 (no pending error).</source>
        <translation>getsockopt() read SO_TYPE %1 (SOCK_STREAM), SO_RCVBUF %2 bytes and SO_ERROR 0 (no pending error).</translation>
    </message>
    <message>
        <source>fileno() returned %1, the descriptor socket() had returned; after close() it returns -1.</source>
        <translation>fileno() returned %1, the descriptor socket() had returned; after close() it returns -1.</translation>
    </message>
</context>
<context>
    <name>StateDiagramView</name>
    <message>
        <source>CLOSED</source>
        <comment>glossary term</comment>
        <extracomment>Under the state name in the state diagram: the glossary's term (关闭). Leave the English name to show nothing.</extracomment>
        <translation>CLOSED</translation>
    </message>
    <message>
        <source>LISTEN</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (监听)</extracomment>
        <translation>LISTEN</translation>
    </message>
    <message>
        <source>SYN-SENT</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (同步已发送)</extracomment>
        <translation>SYN-SENT</translation>
    </message>
    <message>
        <source>SYN-RECEIVED</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (同步已收到)</extracomment>
        <translation>SYN-RECEIVED</translation>
    </message>
    <message>
        <source>ESTABLISHED</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (已建立连接)</extracomment>
        <translation>ESTABLISHED</translation>
    </message>
    <message>
        <source>FIN-WAIT-1</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (终止等待 1)</extracomment>
        <translation>FIN-WAIT-1</translation>
    </message>
    <message>
        <source>FIN-WAIT-2</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (终止等待 2)</extracomment>
        <translation>FIN-WAIT-2</translation>
    </message>
    <message>
        <source>CLOSE-WAIT</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (关闭等待)</extracomment>
        <translation>CLOSE-WAIT</translation>
    </message>
    <message>
        <source>CLOSING</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (同时关闭中)</extracomment>
        <translation>CLOSING</translation>
    </message>
    <message>
        <source>LAST-ACK</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (最后确认)</extracomment>
        <translation>LAST-ACK</translation>
    </message>
    <message>
        <source>TIME-WAIT</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (时间等待)</extracomment>
        <translation>TIME-WAIT</translation>
    </message>
    <message>
        <source>to CLOSED, from the states marked so:</source>
        <translation>to CLOSED, from the states marked so:</translation>
    </message>
</context>
<context>
    <name>StatesView</name>
    <message>
        <source>no socket yet</source>
        <translation>no socket yet</translation>
    </message>
    <message>
        <source>listening socket: %1</source>
        <translation>listening socket: %1</translation>
    </message>
    <message>
        <source>a program outside the lab: its state is not read</source>
        <translation>a program outside the lab: its state is not read</translation>
    </message>
    <message>
        <source>datagrams: no connection, no TCP state</source>
        <translation>datagrams: no connection, no TCP state</translation>
    </message>
    <message>
        <source>sendto() and recvfrom(); nothing to read from the kernel</source>
        <translation>sendto() and recvfrom(); nothing to read from the kernel</translation>
    </message>
    <message>
        <source>state unknown: the lab cannot read another program's socket</source>
        <translation>state unknown: the lab cannot read another program's socket</translation>
    </message>
</context>
<context>
    <name>StepperBar</name>
    <message>
        <source>Step %1 of %2</source>
        <extracomment>%1 the step shown (1-based), %2 the number of steps</extracomment>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Space)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Play (Space)</translation>
    </message>
    <message>
        <source>First step (Home)</source>
        <translation>First step (Home)</translation>
    </message>
    <message>
        <source>Previous step (← or Page Up)</source>
        <translation>Previous step (← or Page Up)</translation>
    </message>
    <message>
        <source>Next step (→ or Page Down)</source>
        <translation>Next step (→ or Page Down)</translation>
    </message>
    <message>
        <source>Last step (End)</source>
        <translation>Last step (End)</translation>
    </message>
    <message>
        <source>Playing speed</source>
        <translation>Playing speed</translation>
    </message>
</context>
<context>
    <name>TcpServerPane</name>
    <message>
        <source>Listening socket: LISTEN · accept queue %1 / %2</source>
        <extracomment>%1/%2: connections waiting for accept() / the limit set by listen(backlog)</extracomment>
        <translation>Listening socket: LISTEN · accept queue %1 / %2</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Backlog:</source>
        <translation>Backlog:</translation>
    </message>
    <message>
        <source>Option:</source>
        <translation>Option:</translation>
    </message>
    <message>
        <source>127.0.0.1 keeps the server on this machine (loopback). 0.0.0.0 would accept connections from the network.</source>
        <translation>127.0.0.1 keeps the server on this machine (loopback). 0.0.0.0 would accept connections from the network.</translation>
    </message>
    <message>
        <source>0 lets the kernel choose a free port</source>
        <translation>0 lets the kernel choose a free port</translation>
    </message>
    <message>
        <source>listen(backlog): on Linux, the length of the accept queue of completed connections waiting for accept().</source>
        <translation>listen(backlog): on Linux, the length of the accept queue of completed connections waiting for accept().</translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation>Stop server</translation>
    </message>
    <message>
        <source>Close the listening socket</source>
        <translation>Close the listening socket</translation>
    </message>
    <message>
        <source>Lets bind() reuse the port while an old connection is still in TIME-WAIT (60 s on Linux). The post does not set it; the lab does by default.</source>
        <translation>Lets bind() reuse the port while an old connection is still in TIME-WAIT (60 s on Linux). The post does not set it; the lab does by default.</translation>
    </message>
</context>
<context>
    <name>TcpState</name>
    <message>
        <source>not read yet</source>
        <translation>not read yet</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>no connection</translation>
    </message>
    <message>
        <source>waiting for connections</source>
        <translation>waiting for connections</translation>
    </message>
    <message>
        <source>SYN sent, waiting for SYN-ACK</source>
        <translation>SYN sent, waiting for SYN-ACK</translation>
    </message>
    <message>
        <source>SYN received, SYN-ACK sent</source>
        <translation>SYN received, SYN-ACK sent</translation>
    </message>
    <message>
        <source>connection established</source>
        <translation>connection established</translation>
    </message>
    <message>
        <source>FIN sent, waiting for its ACK</source>
        <translation>FIN sent, waiting for its ACK</translation>
    </message>
    <message>
        <source>FIN acknowledged, waiting for the peer's FIN</source>
        <translation>FIN acknowledged, waiting for the peer's FIN</translation>
    </message>
    <message>
        <source>peer closed, waiting for our close()</source>
        <translation>peer closed, waiting for our close()</translation>
    </message>
    <message>
        <source>both sides closing at once</source>
        <translation>both sides closing at once</translation>
    </message>
    <message>
        <source>FIN sent, waiting for the last ACK</source>
        <translation>FIN sent, waiting for the last ACK</translation>
    </message>
    <message>
        <source>waiting 2·MSL (Linux: 60 s) before the address pair is free</source>
        <translation>waiting 2·MSL (Linux: 60 s) before the address pair is free</translation>
    </message>
</context>
<context>
    <name>UdpClientPane</name>
    <message>
        <source>Client (UDP echo)</source>
        <translation>Client (UDP echo)</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Message:</translation>
    </message>
    <message>
        <source>recvfrom() size:</source>
        <translation>recvfrom() size:</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> bytes</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Timeout:</translation>
    </message>
    <message>
        <source>Sent with sendto() in the text encoding chosen below</source>
        <translation>Sent with sendto() in the text encoding chosen below</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Off: the post's client, whose recvfrom() waits forever when no server answers. On: recvfrom() fails with a timeout instead.</source>
        <translation>Off: the post's client, whose recvfrom() waits forever when no server answers. On: recvfrom() fails with a timeout instead.</translation>
    </message>
</context>
<context>
    <name>UdpServerPane</name>
    <message>
        <source>Bound to %1 · UDP keeps no connection state</source>
        <extracomment>%1 is the bound address, e.g. 127.0.0.1:8888</extracomment>
        <translation>Bound to %1 · UDP keeps no connection state</translation>
    </message>
    <message>
        <source>Server (UDP echo)</source>
        <translation>Server (UDP echo)</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>recvfrom() size:</source>
        <translation>recvfrom() size:</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> bytes</translation>
    </message>
    <message>
        <source>A datagram longer than this is truncated: the rest is lost, not kept for the next recvfrom().</source>
        <translation>A datagram longer than this is truncated: the rest is lost, not kept for the next recvfrom().</translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation>Stop server</translation>
    </message>
    <message>
        <source>Close the server's socket</source>
        <translation>Close the server's socket</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>unsupported language: %1 (use zh_CN or en)</source>
        <translation>unsupported language: %1 (use zh_CN or en)</translation>
    </message>
    <message>
        <source>Socket Lab: the socket API and the TCP handshake, made visible.</source>
        <translation>Socket Lab: the socket API and the TCP handshake, made visible.</translation>
    </message>
    <message>
        <source>UI language: zh_CN or en (default: the system's).</source>
        <translation>UI language: zh_CN or en (default: the system's).</translation>
    </message>
    <message>
        <source>List the demos.</source>
        <translation>List the demos.</translation>
    </message>
    <message>
        <source>Print the events as JSON Lines, without a window.</source>
        <translation>Print the events as JSON Lines, without a window.</translation>
    </message>
    <message>
        <source>Print the events as text in the UI language, without a window.</source>
        <translation>Print the events as text in the UI language, without a window.</translation>
    </message>
    <message>
        <source>Run only the server of a demo until interrupted.</source>
        <translation>Run only the server of a demo until interrupted.</translation>
    </message>
    <message>
        <source>Run only the client of a demo.</source>
        <translation>Run only the client of a demo.</translation>
    </message>
    <message>
        <source>Render the window offscreen (after the demo, if any) into a PNG file.</source>
        <translation>Render the window offscreen (after the demo, if any) into a PNG file.</translation>
    </message>
    <message>
        <source>invalid port: %1 (0–65535)</source>
        <translation>invalid port: %1 (0–65535)</translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation>could not write %1</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>unexpected argument: %1</translation>
    </message>
    <message>
        <source>choose one of --json and --print</source>
        <translation>choose one of --json and --print</translation>
    </message>
    <message>
        <source>--screenshot needs a file name</source>
        <translation>--screenshot needs a file name</translation>
    </message>
    <message>
        <source>--screenshot renders the window: use it alone or with --demo</source>
        <translation>--screenshot renders the window: use it alone or with --demo</translation>
    </message>
    <message>
        <source>%1 (see --help)</source>
        <translation>%1 (see --help)</translation>
    </message>
    <message>
        <source>no display to open the window on: run the lab in a desktop session, or use --demo tcp-echo --print, --json or --screenshot FILE.png</source>
        <translation>no display to open the window on: run the lab in a desktop session, or use --demo tcp-echo --print, --json or --screenshot FILE.png</translation>
    </message>
    <message>
        <source>--screenshot cannot write .%1 images: use .png</source>
        <translation>--screenshot cannot write .%1 images: use .png</translation>
    </message>
    <message>
        <source>Play a scripted scenario of the RFC 9293 model (see --list).</source>
        <translation>Play a scripted scenario of the RFC 9293 model (see --list).</translation>
    </message>
    <message>
        <source>With --screenshot: show step N (0 = the first) of the scenario or demo.</source>
        <translation>With --screenshot: show step N (0 = the first) of the scenario or demo.</translation>
    </message>
    <message>
        <source>invalid step: %1 (0 or more)</source>
        <translation>invalid step: %1 (0 or more)</translation>
    </message>
    <message>
        <source>--step needs --screenshot</source>
        <translation>--step needs --screenshot</translation>
    </message>
    <message>
        <source>Run a demo on real loopback sockets (see --list).</source>
        <translation>Run a demo on real loopback sockets (see --list).</translation>
    </message>
    <message>
        <source>Port (default: the source text's, 8888 or 8080 for HTTP, with --serve/--client; ephemeral for --demo).</source>
        <translation>Port (default: the source text's, 8888 or 8080 for HTTP, with --serve/--client; ephemeral for --demo).</translation>
    </message>
    <message>
        <source>the window runs tcp-echo, http-hello, http-reset and udp-echo: use --demo %1 --print or --json</source>
        <translation>the window runs tcp-echo, http-hello, http-reset and udp-echo: use --demo %1 --print or --json</translation>
    </message>
    <message>
        <source>Open the socket API reference at a constant or method, e.g. connect_ex; with --screenshot, try it first.</source>
        <translation>Open the socket API reference at a constant or method, e.g. connect_ex; with --screenshot, try it first.</translation>
    </message>
    <message>
        <source>--api opens the window: use it alone or with --screenshot</source>
        <translation>--api opens the window: use it alone or with --screenshot</translation>
    </message>
    <message>
        <source>unknown name for --api: %1 (a constant such as AF_INET or a method such as connect_ex)</source>
        <translation>unknown name for --api: %1 (a constant such as AF_INET or a method such as connect_ex)</translation>
    </message>
    <message>
        <source>Address to bind or connect to (default 127.0.0.1; for getaddrinfo-order a name or a list of addresses, default ::1,127.0.0.1).</source>
        <translation>Address to bind or connect to (default 127.0.0.1; for getaddrinfo-order a name or a list of addresses, default ::1,127.0.0.1).</translation>
    </message>
    <message>
        <source>could not write the output: %1</source>
        <translation>could not write the output: %1</translation>
    </message>
    <message>
        <source>Write the segments and datagrams of --scenario or --demo to a pcap capture file (for Wireshark or tshark), without a window.</source>
        <translation>Write the segments and datagrams of --scenario or --demo to a pcap capture file (for Wireshark or tshark), without a window.</translation>
    </message>
    <message>
        <source>--export-pcap needs a file name</source>
        <translation>--export-pcap needs a file name</translation>
    </message>
    <message>
        <source>--export-pcap needs --scenario or --demo (and no --screenshot)</source>
        <translation>--export-pcap needs --scenario or --demo (and no --screenshot)</translation>
    </message>
    <message>
        <source>choose one of --capture and --no-capture</source>
        <translation>choose one of --capture and --no-capture</translation>
    </message>
    <message>
        <source>With --demo tcp-echo, http-hello or http-reset (the default there): capture its packets on lo with socketlab-capture (needs CAP_NET_RAW) and show them instead of inferred segments.</source>
        <translation>With --demo tcp-echo, http-hello or http-reset (the default there): capture its packets on lo with socketlab-capture (needs CAP_NET_RAW) and show them instead of inferred segments.</translation>
    </message>
    <message>
        <source>With --demo tcp-echo, http-hello or http-reset: show the segments inferred from the calls, without capture.</source>
        <translation>With --demo tcp-echo, http-hello or http-reset: show the segments inferred from the calls, without capture.</translation>
    </message>
    <message>
        <source>--replay needs a file name</source>
        <translation>--replay needs a file name</translation>
    </message>
    <message>
        <source>--export-pcap - writes the capture to standard output: it cannot be combined with --json or --print</source>
        <translation>--export-pcap - writes the capture to standard output: it cannot be combined with --json or --print</translation>
    </message>
    <message>
        <source>Read a capture file (pcap, pcapng, also gzip or zstd compressed) and print its TCP connections with both endpoints' inferred states (with --json or --print); without them, open it in the window (--screenshot: its first connection).</source>
        <translation>Read a capture file (pcap, pcapng, also gzip or zstd compressed) and print its TCP connections with both endpoints' inferred states (with --json or --print); without them, open it in the window (--screenshot: its first connection).</translation>
    </message>
    <message>
        <source>choose one of --demo, --scenario, --api, --serve, --client and --list</source>
        <translation>choose one of --demo, --scenario, --api, --serve, --client and --list</translation>
    </message>
    <message>
        <source>--replay reads a capture file: use it without --demo, --scenario, --api, --serve, --client and --list</source>
        <translation>--replay reads a capture file: use it without --demo, --scenario, --api, --serve, --client and --list</translation>
    </message>
    <message>
        <source>%1 needs --demo tcp-echo, http-hello or http-reset with --json, --print or --export-pcap</source>
        <translation>%1 needs --demo tcp-echo, http-hello or http-reset with --json, --print or --export-pcap</translation>
    </message>
    <message>
        <source>--json and --print need --demo, --scenario, --serve or --client (see --help)</source>
        <translation>--json and --print need --demo, --scenario, --serve or --client (see --help)</translation>
    </message>
</context>
</TS>