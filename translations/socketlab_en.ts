<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <source>Sent with sendall() as UTF-8</source>
        <translation>Sent with sendall() as UTF-8</translation>
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
        <source>connection refused: nothing is listening on that port (the peer answered SYN with RST)</source>
        <translation>connection refused: nothing is listening on that port (the peer answered SYN with RST)</translation>
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
        <source>Ladder diagram: segments between client and server</source>
        <translation>Ladder diagram: segments between client and server</translation>
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
        <source>(not valid UTF-8: shown with �)</source>
        <translation>(not valid UTF-8: shown with �)</translation>
    </message>
</context>
<context>
    <name>ServerPane</name>
    <message>
        <source>Listening socket: LISTEN · accept queue %1 / %2</source>
        <extracomment>%1/%2: connections waiting for accept() / the limit set by listen(backlog)</extracomment>
        <translation>Listening socket: LISTEN · accept queue %1 / %2</translation>
    </message>
    <message>
        <source>Server (TCP echo)</source>
        <translation>Server (TCP echo)</translation>
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
        <source>Reply:</source>
        <translation>Reply:</translation>
    </message>
    <message>
        <source>127.0.0.1 keeps the server on this machine (loopback). 0.0.0.0 would accept connections from the network.</source>
        <translation>127.0.0.1 keeps the server on this machine (loopback). 0.0.0.0 would accept connections from the network.</translation>
    </message>
    <message>
        <source>listen(backlog): on Linux, the length of the accept queue of completed connections waiting for accept().</source>
        <translation>listen(backlog): on Linux, the length of the accept queue of completed connections waiting for accept().</translation>
    </message>
    <message>
        <source>Lets bind() reuse the port while an old connection is still in TIME-WAIT (60 s on Linux). The seed does not set it; the lab does by default.</source>
        <translation>Lets bind() reuse the port while an old connection is still in TIME-WAIT (60 s on Linux). The seed does not set it; the lab does by default.</translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation>Stop server</translation>
    </message>
    <message>
        <source>Close the listening socket</source>
        <translation>Close the listening socket</translation>
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
        <source>waiting 2·MSL before the port is free</source>
        <translation>waiting 2·MSL before the port is free</translation>
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
        <source>Run a demo on real loopback sockets (tcp-echo).</source>
        <translation>Run a demo on real loopback sockets (tcp-echo).</translation>
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
        <source>Address to bind or connect to (default 127.0.0.1).</source>
        <translation>Address to bind or connect to (default 127.0.0.1).</translation>
    </message>
    <message>
        <source>Port (default: 8888 for --serve/--client, ephemeral for --demo).</source>
        <translation>Port (default: 8888 for --serve/--client, ephemeral for --demo).</translation>
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
        <source>--json and --print need --demo, --serve or --client (see --help)</source>
        <translation>--json and --print need --demo, --serve or --client (see --help)</translation>
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
        <source>choose one of --demo, --serve, --client and --list</source>
        <translation>choose one of --demo, --serve, --client and --list</translation>
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
</context>
</TS>