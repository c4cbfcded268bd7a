<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApiReferencePanel</name>
    <message>
        <source>Value on Linux: %1</source>
        <extracomment>%1 is the number, e.g. 2 for AF_INET</extracomment>
        <translation>Linux 上的值：%1</translation>
    </message>
    <message>
        <source>Not in the source text; the lab's programs use it.</source>
        <translation>原文没有列出；本实验室的程序用到它。</translation>
    </message>
    <message>
        <source>Trying %1 on loopback …</source>
        <extracomment>%1 is a call or constant name; the demonstration runs on real sockets on 127.0.0.1</extracomment>
        <translation>正在回环地址上试运行 %1……</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 the entry tried, %2 what happened</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Constants</source>
        <translation>常量</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Correct fact</source>
        <translation>正确的事实</translation>
    </message>
    <message>
        <source>Try it</source>
        <extracomment>the button runs the selected call on real sockets</extracomment>
        <translation>试一试</translation>
    </message>
    <message>
        <source>Run a short demonstration on real sockets on 127.0.0.1; every call appears on the timeline (Ctrl+T).</source>
        <translation>在 127.0.0.1 上用真实的套接字运行一段简短演示；每一次调用都会出现在时间线上（Ctrl+T）。</translation>
    </message>
    <message>
        <source>Filter, e.g. recv</source>
        <translation>筛选，如 recv</translation>
    </message>
</context>
<context>
    <name>BrowserDemo</name>
    <message>
        <source>Chromium could not be started: %1</source>
        <translation>无法启动 Chromium：%1</translation>
    </message>
    <message>
        <source>Chromium sent no request to the server within %1 ms</source>
        <translation>Chromium 在 %1 毫秒内没有向服务器发送任何请求</translation>
    </message>
</context>
<context>
    <name>Caption</name>
    <message>
        <source>%1 calls listen(): its socket is LISTEN, waiting for a SYN. The handshake itself will be done by the kernel.</source>
        <translation>%1调用 listen()：它的套接字进入 LISTEN，等待 SYN。握手本身将由内核完成。</translation>
    </message>
    <message>
        <source>%1 receives the SYN, records the peer's ISN (IRS) and answers with its own SYN plus an ACK of the peer's SYN: SYN-RECEIVED.</source>
        <translation>%1收到 SYN，记下对端的初始序号（IRS），并以自己的 SYN 加上对该 SYN 的 ACK 作答：SYN-RECEIVED。</translation>
    </message>
    <message>
        <source>%1 receives the SYN-ACK: its SYN is acknowledged, so it is ESTABLISHED at once and sends the final ACK. connect() returns.</source>
        <translation>%1收到 SYN-ACK：它的 SYN 已被确认，于是立即进入 ESTABLISHED，并发出最后一个 ACK。connect() 返回。</translation>
    </message>
    <message>
        <source>%1 receives the ACK of its SYN: ESTABLISHED. The connection waits in the accept queue until accept() takes it.</source>
        <translation>%1收到对其 SYN 的 ACK：ESTABLISHED。该连接在全连接队列（accept 队列）中等待，直到被 accept() 取走。</translation>
    </message>
    <message>
        <source>%1 was waiting for a SYN-ACK but receives a bare SYN: the SYNs crossed. It answers SYN,ACK and goes to SYN-RECEIVED.</source>
        <translation>%1本在等待 SYN-ACK，却收到一个单独的 SYN：双方的 SYN 交叉而过。它回应 SYN,ACK，进入 SYN-RECEIVED。</translation>
    </message>
    <message>
        <source>%1 closes its side: a FIN goes out (with ACK, as Linux always sets it). FIN-WAIT-1: waiting for that FIN to be acknowledged.</source>
        <translation>%1关闭自己这一端：发出 FIN（带 ACK，Linux 总是置位 ACK）。FIN-WAIT-1：等待这个 FIN 被确认。</translation>
    </message>
    <message>
        <source>%1 closes before the handshake ended: a FIN follows its SYN. FIN-WAIT-1.</source>
        <translation>%1在握手完成之前就关闭：FIN 紧跟在它的 SYN 之后。FIN-WAIT-1。</translation>
    </message>
    <message>
        <source>%1's FIN is acknowledged: FIN-WAIT-2, waiting for the peer to close its side.</source>
        <translation>%1的 FIN 已被确认：FIN-WAIT-2，等待对端关闭它那一端。</translation>
    </message>
    <message>
        <source>%1 receives a FIN while its own FIN is not yet acknowledged: both closed at once. CLOSING.</source>
        <translation>%1在自己的 FIN 尚未被确认时收到 FIN：双方同时关闭。CLOSING。</translation>
    </message>
    <message>
        <source>%1 receives a FIN that also acknowledges its own FIN: straight to TIME-WAIT, sending the last ACK.</source>
        <translation>%1收到的 FIN 同时确认了自己的 FIN：直接进入 TIME-WAIT，并发出最后一个 ACK。</translation>
    </message>
    <message>
        <source>%1's FIN is acknowledged: TIME-WAIT.</source>
        <translation>%1的 FIN 已被确认：TIME-WAIT。</translation>
    </message>
    <message>
        <source>%1 calls close() in CLOSE-WAIT: its FIN goes out. LAST-ACK: waiting for the acknowledgment.</source>
        <translation>%1在 CLOSE-WAIT 中调用 close()：发出它的 FIN。LAST-ACK：等待对方确认。</translation>
    </message>
    <message>
        <source>%1's FIN is acknowledged: the connection is CLOSED on this side, with no waiting.</source>
        <translation>%1的 FIN 已被确认：这一端的连接进入 CLOSED，无需等待。</translation>
    </message>
    <message>
        <source>%1 receives RST,ACK for its SYN: nobody listens there. CLOSED; connect() fails with ECONNREFUSED (111 on Linux), connect_ex returns 111.</source>
        <translation>%1的 SYN 得到 RST,ACK 的回应：那里没有程序在监听。CLOSED；connect() 以 ECONNREFUSED 失败（Linux 上为 111），connect_ex 返回 111。</translation>
    </message>
    <message>
        <source>%1 gives up after its last retransmission: CLOSED; connect() fails with ETIMEDOUT (110).</source>
        <translation>%1在最后一次重传之后放弃：CLOSED；connect() 以 ETIMEDOUT（110）失败。</translation>
    </message>
    <message>
        <source>This segment is lost on the way: nothing arrives, and no one is told.</source>
        <translation>这个报文段在途中丢失：什么也没有到达，也没有谁得到通知。</translation>
    </message>
    <message>
        <source>The accept queue is full (listen(%1) admits %2 completed connections on Linux): the SYN is dropped without a word. The client will retry.</source>
        <translation>全连接队列（accept 队列）已满（在 Linux 上，listen(%1) 可容纳 %2 个已完成的连接）：SYN 被悄无声息地丢弃。客户端会重试。</translation>
    </message>
    <message>
        <source>%1 answers with a challenge ACK instead of obeying: the RST or SYN was not exactly at RCV.NXT (RFC 5961).</source>
        <translation>%1没有照办，而是回应一个挑战 ACK：该 RST 或 SYN 的序号并不恰好等于 RCV.NXT（RFC 5961）。</translation>
    </message>
    <message>
        <source>No program listens on 127.0.0.1:8888. The client uses connect_ex(), which returns the error number instead of raising it.</source>
        <translation>127.0.0.1:8888 上没有程序在监听。客户端使用 connect_ex()，它返回错误号，而不是抛出异常。</translation>
    </message>
    <message>
        <source>connect_ex returned 111 (ECONNREFUSED) on Linux. On Windows the same refusal is 10061 (WSAECONNREFUSED), the number the source text quotes.</source>
        <translation>在 Linux 上，connect_ex 返回 111（ECONNREFUSED）。在 Windows 上，同样的拒绝是 10061（WSAECONNREFUSED），也就是原文引用的那个数字。</translation>
    </message>
    <message>
        <source>Both ends call connect() to each other at the same moment; neither listens. (On Linux this happens when a socket bound to a port connects to that very port.)</source>
        <translation>两端在同一时刻互相调用 connect()，谁都没有监听。（在 Linux 上，绑定到某个端口的套接字去连接这个端口本身时，就会出现这种情况。）</translation>
    </message>
    <message>
        <source>Both programs call close() at the same moment: the two FINs cross on the wire.</source>
        <translation>两个程序在同一时刻调用 close()：两个 FIN 在线路上交叉而过。</translation>
    </message>
    <message>
        <source>The client has said everything: shutdown(SHUT_WR) sends a FIN but keeps the socket open for reading.</source>
        <translation>客户端要说的都说完了：shutdown(SHUT_WR) 发出 FIN，但套接字仍然可以读取。</translation>
    </message>
    <message>
        <source>The server still sends its reply: the client, in FIN-WAIT-2, receives it normally.</source>
        <translation>服务器仍然发送它的回复：处于 FIN-WAIT-2 的客户端照常接收。</translation>
    </message>
    <message>
        <source>SO_LINGER with a zero timeout makes close() abort the connection: an RST instead of a FIN, and no TIME-WAIT.</source>
        <translation>SO_LINGER 的超时设为 0 时，close() 会异常终止连接：发出的是 RST 而不是 FIN，也没有 TIME-WAIT。</translation>
    </message>
    <message>
        <source>The server's recv() fails with ECONNRESET (104): the connection was reset, not closed.</source>
        <translation>服务器的 recv() 以 ECONNRESET（104）失败：连接是被复位，而不是被关闭。</translation>
    </message>
    <message>
        <source>The server finally calls accept(): one connection leaves the queue, so the third client's next SYN is admitted.</source>
        <translation>服务器终于调用了 accept()：一个连接离开队列，于是第三个客户端的下一个 SYN 被接纳。</translation>
    </message>
    <message>
        <source>UDP: no listen(), no accept(), no connection. The server just waits in recvfrom().</source>
        <translation>UDP：没有 listen()，没有 accept()，也没有连接。服务器只是在 recvfrom() 中等待。</translation>
    </message>
    <message>
        <source>One sendto() is one datagram: no handshake before it, no ACK after it, and no state on either side.</source>
        <translation>一次 sendto() 就是一个数据报：之前没有握手，之后没有 ACK，双方也都没有状态。</translation>
    </message>
    <message>
        <source>%1 connects: the kernel sends a SYN carrying its initial sequence number (ISS) and the MSS option. It is now SYN-SENT.</source>
        <translation>%1发起连接：内核发出 SYN，携带本端的初始序号（ISS）和 MSS 选项。现在处于 SYN-SENT。</translation>
    </message>
    <message>
        <source>%1 receives the peer's FIN: CLOSE-WAIT. Once the data before it is read, recv() returns b"" (end of stream); it may still send.</source>
        <translation>%1收到对端的 FIN：CLOSE-WAIT。读完它之前的数据后，recv() 将返回 b""（字节流结束）；本端仍可发送。</translation>
    </message>
    <message>
        <source>%1 receives the peer's FIN and sends the last ACK: TIME-WAIT, in case that ACK is lost. Linux waits a fixed 60 s (RFC 9293: 2·MSL).</source>
        <translation>%1收到对端的 FIN 并发出最后一个 ACK：进入 TIME-WAIT，以防这个 ACK 丢失。Linux 固定等待 60 秒（RFC 9293：2·MSL）。</translation>
    </message>
    <message>
        <source>TIME-WAIT is over: %1 is CLOSED. Until now no new connection could use this same address pair (both addresses and ports).</source>
        <translation>TIME-WAIT 结束：%1进入 CLOSED。在此之前，新连接不能使用同一对地址（双方的地址和端口）。</translation>
    </message>
    <message>
        <source>%1 does not acknowledge at once: a delayed ACK waits (40 ms or more on Linux) for something to ride on.</source>
        <translation>%1没有立即确认：延迟 ACK 会等一会儿（Linux 上至少 40 毫秒），好搭上后面要发的报文段。</translation>
    </message>
    <message>
        <source>No answer within the retransmission timeout: %1 sends the same SYN again. The next wait stays %2 s (Linux's tcp_syn_linear_timeouts).</source>
        <translation>在超时重传时间内没有应答：%1再次发送同一个 SYN。下一次等待仍是 %2 秒（Linux 的 tcp_syn_linear_timeouts）。</translation>
    </message>
    <message>
        <source>No answer within the retransmission timeout: %1 sends the same SYN again and doubles its timeout to %2 s (RFC 6298 §5.5).</source>
        <translation>在超时重传时间内没有应答：%1再次发送同一个 SYN，并把超时时间加倍为 %2 秒（RFC 6298 §5.5）。</translation>
    </message>
    <message>
        <source>%1 receives the ACK of its SYN: ESTABLISHED, and its connect() returns. Nobody listened: both ends opened actively.</source>
        <translation>%1收到对其 SYN 的 ACK：ESTABLISHED，它的 connect() 返回。没有谁在监听：双方都是主动打开。</translation>
    </message>
    <message>
        <source>This kernel: tcp_syn_retries = %1, tcp_syn_linear_timeouts = %2. Linux adds the two, so a connect() makes %3 retransmissions; the first %4 come 1 s apart, then the gap doubles. Every SYN is lost here.</source>
        <translation>本机内核：tcp_syn_retries = %1，tcp_syn_linear_timeouts = %2。Linux 把两者相加，所以一次 connect() 共重传 %3 次；前 %4 次间隔 1 秒，之后间隔逐次加倍。这里每个 SYN 都丢失了。</translation>
    </message>
    <message>
        <source>Linux refuses nothing here: the client is told nothing and keeps retrying. Only with net.ipv4.tcp_abort_on_overflow = 1 would the server answer RST.</source>
        <translation>Linux 在这里不拒绝任何连接：客户端得不到任何通知，只会不断重传。只有设置 net.ipv4.tcp_abort_on_overflow = 1 时，服务器才会回 RST。</translation>
    </message>
    <message>
        <source>The reply came back. Had it been lost, the source text's client would wait in recvfrom() forever; this client gives up after settimeout(2).</source>
        <translation>回复到了。要是它丢了，原文的客户端会在 recvfrom() 中永远等下去；这个客户端在 settimeout(2) 到期后放弃。</translation>
    </message>
</context>
<context>
    <name>CaptureBanner</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
    <message>
        <source>&lt;b&gt;No packet capture: the ladder shows segments inferred from the calls, not the ones on the wire.&lt;/b&gt;</source>
        <translation>&lt;b&gt;未在抓包：时序图显示的是根据调用推断出的报文段，而不是线路上真实的报文段。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Capture needs the helper program with the CAP_NET_RAW capability: sudo setcap cap_net_raw+ep %1</source>
        <extracomment>CAP_NET_RAW is a Linux capability name; keep it and the command as they are.</extracomment>
        <translation>抓包需要辅助程序具有 CAP_NET_RAW 能力：sudo setcap cap_net_raw+ep %1</translation>
    </message>
</context>
<context>
    <name>CaptureFilePane</name>
    <message numerus="yes">
        <source>%1 of %n connection(s) match the filter</source>
        <extracomment>%1 connections the filter leaves visible, %n all connections of the file</extracomment>
        <translation><numerusform>%n 个连接中有 %1 个符合筛选条件</numerusform></translation>
    </message>
    <message>
        <source>No TCP connection in this capture file.</source>
        <translation>此抓包文件中没有 TCP 连接。</translation>
    </message>
    <message>
        <source>The capture file could not be read to its end: the connections read before the problem are listed.</source>
        <translation>抓包文件没能读到末尾：下面列出出错之前读到的连接。</translation>
    </message>
    <message>
        <source>The capture file could not be read.</source>
        <translation>无法读取抓包文件。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Stream %1: %2 → %3</source>
        <extracomment>%1 stream number, %2 client address, %3 server address</extracomment>
        <translation>流 %1：%2 → %3</translation>
    </message>
    <message>
        <source>Handshake: %1 · close: %2 · %3</source>
        <extracomment>%1 complete / partial / not captured, %2 FIN / RST / none, %3 "14 segments"</extracomment>
        <translation>握手：%1 · 关闭方式：%2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation><numerusform>%n 个报文段</numerusform></translation>
    </message>
    <message>
        <source>Client at the end: %1</source>
        <extracomment>%1 a TCP state name with its explanation, e.g. "TIME-WAIT (…)"</extracomment>
        <translation>客户端最终状态：%1</translation>
    </message>
    <message>
        <source>Server at the end: %1</source>
        <translation>服务器最终状态：%1</translation>
    </message>
    <message>
        <source>Capture file</source>
        <extracomment>%1 the capture file's name (抓包文件)</extracomment>
        <translation>抓包文件</translation>
    </message>
    <message>
        <source>Capture file: %1</source>
        <translation>抓包文件：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation><numerusform>%n 个连接</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n packet(s) read</source>
        <translation><numerusform>已读取 %n 个数据包</numerusform></translation>
    </message>
    <message>
        <source>Filter: address, port or state, e.g. :80 TIME-WAIT</source>
        <extracomment>placeholder of the filter above the connection list</extracomment>
        <translation>筛选：地址、端口或状态，如 :80 TIME-WAIT</translation>
    </message>
</context>
<context>
    <name>CaptureSession</name>
    <message>
        <source>Packet capture is not available: the capture helper %1 was not found. The segments shown are inferred from the calls.</source>
        <translation>无法抓包：找不到抓包助手程序 %1。显示的报文段是由调用推断的。</translation>
    </message>
    <message>
        <source>Packet capture needs the CAP_NET_RAW capability, which the capture helper does not have. Grant it once with: sudo setcap cap_net_raw+ep %1 — until then the segments shown are inferred from the calls.</source>
        <extracomment>CAP_NET_RAW is a Linux capability name; keep it and the command as they are.</extracomment>
        <translation>抓包需要 CAP_NET_RAW 能力，而抓包助手程序没有。只需授予一次：sudo setcap cap_net_raw+ep %1 —— 在此之前，显示的报文段是由调用推断的。</translation>
    </message>
    <message>
        <source>Packet capture could not start (%1). The segments shown are inferred from the calls.</source>
        <translation>无法开始抓包（%1）。显示的报文段是由调用推断的。</translation>
    </message>
    <message>
        <source>The capture helper stopped unexpectedly (%1). The segments shown are inferred from the calls.</source>
        <translation>抓包助手程序意外退出（%1）。显示的报文段是由调用推断的。</translation>
    </message>
    <message>
        <source>Packet capture is not available: the capture helper %1 could not be started (%2). The segments shown are inferred from the calls.</source>
        <translation>无法抓包：抓包辅助程序 %1 无法启动（%2）。显示的报文段是由调用推断的。</translation>
    </message>
</context>
<context>
    <name>ClientPane</name>
    <message>
        <source>Client (TCP echo)</source>
        <translation>客户端（TCP 回显）</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>消息：</translation>
    </message>
    <message>
        <source>Sent with sendall() in the text encoding chosen below</source>
        <translation>用 sendall() 发送，编码为下方所选的文本编码</translation>
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
        <translation>执行当前这一步调用的程序显示在这里，调用所在的行会高亮显示。</translation>
    </message>
    <message>
        <source>No socket call yet.</source>
        <translation>还没有套接字调用。</translation>
    </message>
    <message>
        <source>%1, line %2: %3()</source>
        <extracomment>%1 file name, %2 line number, %3 call name, e.g. "tcp_client.py, line 7: connect()"</extracomment>
        <translation>%1 第 %2 行：%3()</translation>
    </message>
    <message>
        <source>%1 (no line for %2())</source>
        <extracomment>%1 file name, %2 call name: the program does not make this call</extracomment>
        <translation>%1（没有调用 %2() 的行）</translation>
    </message>
</context>
<context>
    <name>ConnectionListModel</name>
    <message>
        <source>complete</source>
        <comment>handshake</comment>
        <extracomment>the three-way handshake was captured whole (INDEX.md "complete")</extracomment>
        <translation>完整</translation>
    </message>
    <message>
        <source>partial</source>
        <comment>handshake</comment>
        <extracomment>a SYN was captured but the handshake did not complete (INDEX.md "partial")</extracomment>
        <translation>不完整</translation>
    </message>
    <message>
        <source>not captured</source>
        <comment>handshake</comment>
        <extracomment>no SYN in the capture file: it began in the middle of the connection</extracomment>
        <translation>未抓到</translation>
    </message>
    <message>
        <source>none</source>
        <comment>close</comment>
        <extracomment>how the connection closed: neither FIN nor RST is in the capture file</extracomment>
        <translation>无</translation>
    </message>
    <message>
        <source>Stream %1, numbered as Wireshark's tcp.stream (in order of first segment).</source>
        <translation>第 %1 条流，按 Wireshark 的 tcp.stream 编号（按第一个报文段出现的先后）。</translation>
    </message>
    <message>
        <source>The client: it sent the first SYN without ACK (else it received the first SYN-ACK, else it sent the first segment).</source>
        <translation>客户端：发出第一个不带 ACK 的 SYN 的一端（没有时为收到第一个 SYN-ACK 的一端，再没有时为发出第一个报文段的一端）。</translation>
    </message>
    <message>
        <source>The server: the other endpoint.</source>
        <translation>服务器：另一端。</translation>
    </message>
    <message>
        <source>Both SYNs were sent and acknowledged: the three-way handshake is in the capture file.</source>
        <translation>双方的 SYN 都已发出并得到确认：抓包文件中有完整的三次握手。</translation>
    </message>
    <message>
        <source>A SYN is in the capture file, but the three-way handshake did not complete.</source>
        <translation>抓包文件中有 SYN，但三次握手没有完成。</translation>
    </message>
    <message>
        <source>No SYN in the capture file: capture began in the middle of the connection, so both endpoints start ESTABLISHED.</source>
        <translation>抓包文件中没有 SYN：开始抓包时连接已在进行中，所以两端都从 ESTABLISHED 开始。</translation>
    </message>
    <message>
        <source>A segment carries RST: the connection was aborted (reset).</source>
        <translation>有报文段带 RST：连接被异常终止（复位）。</translation>
    </message>
    <message numerus="yes">
        <source>Closed with FIN: %n direction(s) sent a FIN.</source>
        <translation><numerusform>以 FIN 关闭：%n 个方向发送了 FIN。</numerusform></translation>
    </message>
    <message>
        <source>Neither FIN nor RST is in the capture file.</source>
        <translation>抓包文件中既没有 FIN，也没有 RST。</translation>
    </message>
    <message numerus="yes">
        <source>%n TCP segment(s) in this connection.</source>
        <translation><numerusform>此连接共有 %n 个 TCP 报文段。</numerusform></translation>
    </message>
    <message>
        <source>Final state, inferred from the segments: %1 (%2)</source>
        <extracomment>%1 a TCP state name (RFC 9293), %2 its explanation</extracomment>
        <translation>最终状态（由报文段推断）：%1（%2）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Stream</source>
        <extracomment>column: the connection's number, Wireshark's tcp.stream</extracomment>
        <translation>流</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Handshake</source>
        <extracomment>column: was the three-way handshake captured?</extracomment>
        <translation>握手</translation>
    </message>
    <message>
        <source>Close</source>
        <extracomment>column: how the connection closed (FIN, RST or none)</extracomment>
        <translation>关闭方式</translation>
    </message>
    <message>
        <source>Segments</source>
        <extracomment>column: how many TCP segments (报文段)</extracomment>
        <translation>报文段数</translation>
    </message>
    <message>
        <source>Client state</source>
        <extracomment>column: the client's final TCP state</extracomment>
        <translation>客户端状态</translation>
    </message>
    <message>
        <source>Server state</source>
        <extracomment>column: the server's final TCP state</extracomment>
        <translation>服务器状态</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>timed out: nothing happened within the time set by settimeout()</source>
        <translation>超时：在 settimeout() 设定的时间内什么也没有发生</translation>
    </message>
    <message>
        <source>another call on this socket is still waiting; wait for it first</source>
        <translation>这个套接字上另一个调用仍在等待，请先等它完成</translation>
    </message>
    <message>
        <source>not a valid address here: use a numeric IPv4/IPv6 address or localhost</source>
        <translation>这里不是有效地址：请用数字形式的 IPv4/IPv6 地址或 localhost</translation>
    </message>
    <message>
        <source>the address does not belong to the socket's address family</source>
        <translation>该地址不属于套接字的地址簇</translation>
    </message>
    <message>
        <source>address lookup failed (getaddrinfo error %1)</source>
        <translation>地址解析失败（getaddrinfo 错误 %1）</translation>
    </message>
    <message>
        <source>address not available: this machine has no such address</source>
        <translation>地址不可用：本机没有这个地址</translation>
    </message>
    <message>
        <source>connection reset by peer: the peer sent RST (it closed with unread data, or aborted)</source>
        <translation>连接被对端复位：对端发送了 RST（它在还有未读数据时关闭，或异常终止）</translation>
    </message>
    <message>
        <source>broken pipe: the connection is already closed for sending</source>
        <translation>管道破裂：连接的发送方向已经关闭</translation>
    </message>
    <message>
        <source>the socket is not connected</source>
        <translation>套接字尚未连接</translation>
    </message>
    <message>
        <source>the socket is already connected</source>
        <translation>套接字已经连接</translation>
    </message>
    <message>
        <source>the call would block, and the socket is non-blocking (BlockingIOError)</source>
        <translation>调用将会阻塞，而套接字是非阻塞的（BlockingIOError）</translation>
    </message>
    <message>
        <source>connection in progress, and the socket is non-blocking</source>
        <translation>连接正在进行中，而套接字是非阻塞的</translation>
    </message>
    <message>
        <source>a connection attempt is already in progress</source>
        <translation>已有一个连接尝试正在进行</translation>
    </message>
    <message>
        <source>bad file descriptor: the socket is closed or was never created</source>
        <translation>文件描述符无效：套接字已关闭或从未创建</translation>
    </message>
    <message>
        <source>invalid argument for the socket in its current state</source>
        <translation>参数对套接字的当前状态无效</translation>
    </message>
    <message>
        <source>connection timed out: the peer never answered</source>
        <translation>连接超时：对端始终没有应答</translation>
    </message>
    <message>
        <source>no route to host</source>
        <translation>没有到主机的路由</translation>
    </message>
    <message>
        <source>network is unreachable</source>
        <translation>网络不可达</translation>
    </message>
    <message>
        <source>permission denied (ports below 1024 need privileges)</source>
        <translation>权限不足（1024 以下的端口需要特权）</translation>
    </message>
    <message>
        <source>operation not permitted</source>
        <translation>不允许的操作</translation>
    </message>
    <message>
        <source>address family not supported</source>
        <translation>不支持的地址簇</translation>
    </message>
    <message>
        <source>protocol not supported</source>
        <translation>不支持的协议</translation>
    </message>
    <message>
        <source>operation not supported on this kind of socket</source>
        <translation>这种套接字不支持该操作</translation>
    </message>
    <message>
        <source>too many open files</source>
        <translation>打开的文件过多</translation>
    </message>
    <message>
        <source>message too long for one datagram</source>
        <translation>消息太长，一个数据报装不下</translation>
    </message>
    <message>
        <source>not a socket</source>
        <translation>不是套接字</translation>
    </message>
    <message>
        <source>system error: %1</source>
        <extracomment>%1 is the system's own (English) text of the error</extracomment>
        <translation>系统错误：%1</translation>
    </message>
    <message>
        <source>%1 failed: %2 [%3]</source>
        <extracomment>%1 is a call such as connect(('127.0.0.1', 8888)); %2 the meaning; %3 the code</extracomment>
        <translation>%1 失败：%2 [%3]</translation>
    </message>
    <message>
        <source>address already in use: another socket holds this port — a server already listening on it, or, unless both the old and the new socket set SO_REUSEADDR, an old connection still in TIME-WAIT</source>
        <translation>地址已被占用：另一个套接字占着这个端口——可能已有服务器在该端口监听；或者旧连接仍处于 TIME-WAIT，而新旧两个套接字没有都设置 SO_REUSEADDR</translation>
    </message>
    <message>
        <source>socket type not supported in this address family</source>
        <translation>此地址族不支持该套接字类型</translation>
    </message>
    <message>
        <source>protocol wrong type for socket</source>
        <translation>协议类型与套接字不符</translation>
    </message>
    <message>
        <source>no buffer space available</source>
        <translation>没有可用的缓冲区空间</translation>
    </message>
    <message>
        <source>destination address required: the socket is not connected</source>
        <translation>需要目标地址：套接字未连接</translation>
    </message>
    <message>
        <source>connection refused: nothing is listening on that port (TCP: the peer answered SYN with RST; UDP: an ICMP port unreachable came back)</source>
        <translation>连接被拒绝：该端口上没有程序在监听（TCP：对端用 RST 回应了 SYN；UDP：收到了 ICMP 端口不可达）</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <source>there is no such file</source>
        <translation>没有这个文件</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>文件系统是只读的</translation>
    </message>
    <message>
        <source>part of the path is not a folder</source>
        <translation>路径中的某一部分不是文件夹</translation>
    </message>
    <message>
        <source>that kind of file cannot be used here (a device or a /proc file)</source>
        <translation>这类文件不能用在这里（设备文件或 /proc 下的文件）</translation>
    </message>
    <message>
        <source>it is closed</source>
        <translation>它已关闭</translation>
    </message>
    <message>
        <source>the reader went away (broken pipe)</source>
        <translation>读取端已经离开（管道断开）</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>server (listening socket)</source>
        <translation>服务器（监听套接字）</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>both</source>
        <translation>双方</translation>
    </message>
    <message>
        <source>call by the lab</source>
        <translation>实验室发起的调用</translation>
    </message>
    <message>
        <source>read from the kernel</source>
        <translation>内核读取</translation>
    </message>
    <message>
        <source>captured on the wire</source>
        <translation>抓包所见</translation>
    </message>
    <message>
        <source>inferred from calls</source>
        <translation>由调用推断</translation>
    </message>
    <message>
        <source>RFC model</source>
        <translation>协议模型</translation>
    </message>
    <message>
        <source>from a capture file</source>
        <translation>来自抓包文件</translation>
    </message>
    <message>
        <source>A socket call the lab's program made, with what it returned.</source>
        <translation>实验室的程序发起的一次套接字调用及其返回值。</translation>
    </message>
    <message>
        <source>Read from the live socket: getsockopt(TCP_INFO) or NETLINK_SOCK_DIAG, as ss does.</source>
        <translation>从活动的套接字读取：getsockopt(TCP_INFO) 或 NETLINK_SOCK_DIAG（与 ss 命令相同）。</translation>
    </message>
    <message>
        <source>Seen on the wire by packet capture.</source>
        <translation>通过抓包在线路上看到。</translation>
    </message>
    <message>
        <source>Not observed: deduced from the calls and the kernel's states, because no packet capture is running.</source>
        <translation>并非观测所得：由于没有运行抓包，根据调用和内核状态推断得出。</translation>
    </message>
    <message>
        <source>Produced by the lab's RFC 9293 model of TCP.</source>
        <translation>由实验室的 RFC 9293 协议模型产生。</translation>
    </message>
    <message>
        <source>Read from a capture file.</source>
        <translation>从抓包文件读取。</translation>
    </message>
    <message>
        <source>%1 called</source>
        <extracomment>a blocking socket call was issued and is waiting for its result</extracomment>
        <translation>已调用 %1</translation>
    </message>
    <message>
        <source>%1 returned %2</source>
        <translation>%1 返回 %2</translation>
    </message>
    <message>
        <source>segment %1 → %2: %3</source>
        <extracomment>%1 sender, %2 receiver, %3 the segment's flags and numbers</extracomment>
        <translation>报文段 %1 → %2：%3</translation>
    </message>
    <message numerus="yes">
        <source>datagram %1 → %2: %n byte(s)</source>
        <translation><numerusform>数据报 %1 → %2：%n 字节</numerusform></translation>
    </message>
    <message>
        <source>received b"": end of stream, the peer sent FIN</source>
        <translation>收到 b""：字节流结束，对端发送了 FIN</translation>
    </message>
    <message numerus="yes">
        <source>received %n byte(s): %1</source>
        <translation><numerusform>收到 %n 字节：%1</numerusform></translation>
    </message>
    <message>
        <source>connection summary</source>
        <translation>连接摘要</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>时间（毫秒）</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message numerus="yes">
        <source>%1 returned %n byte(s)</source>
        <extracomment>recv() returns the bytes it read; here only their number is shown</extracomment>
        <translation><numerusform>%1 返回了 %n 字节</numerusform></translation>
    </message>
    <message>
        <source>%1 → %2 (%3)</source>
        <extracomment>a state change: %1 and %2 are RFC 9293 state names, %3 explains the new state</extracomment>
        <translation>%1 → %2（%3）</translation>
    </message>
    <message>
        <source>the client</source>
        <comment>caption: the endpoint that acts</comment>
        <translation>客户端</translation>
    </message>
    <message>
        <source>the server</source>
        <comment>caption: the endpoint that acts</comment>
        <translation>服务器</translation>
    </message>
    <message>
        <source>received an empty datagram (0 bytes): UDP has no end of stream</source>
        <translation>收到一个空数据报（0 字节）：UDP 没有“流结束”</translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <source>the source text's TCP echo: server on 127.0.0.1 with listen(5); the client sends 请求连接, the server answers 你已连接成功。 and closes</source>
        <translation>原文的 TCP 回显：服务器在 127.0.0.1 上 listen(5)；客户端发送“请求连接”，服务器回答“你已连接成功。”后关闭</translation>
    </message>
    <message>
        <source>unknown demo: %1 (see --list)</source>
        <translation>未知的演示：%1（见 --list）</translation>
    </message>
    <message>
        <source>Demos on real loopback sockets (--demo, --serve, --client):</source>
        <translation>在真实回环套接字上运行的演示（--demo、--serve、--client）：</translation>
    </message>
    <message>
        <source>Scenarios of the RFC 9293 model (--scenario):</source>
        <translation>RFC 9293 协议模型的场景（--scenario）：</translation>
    </message>
    <message>
        <source>unknown scenario: %1 (see --list)</source>
        <translation>未知的场景：%1（见 --list）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>a scenario's title, then its one-line summary
----------
--replay: why the capture file was not replayed whole; %1 the file, %2 the reason</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>the source text's UDP echo: no connection; the client sends 你好 with sendto(), the server answers with one datagram from recvfrom()/sendto()</source>
        <translation>原文的 UDP 回显：没有连接；客户端用 sendto() 发送“你好”，服务器用 recvfrom()/sendto() 回一个数据报</translation>
    </message>
    <message>
        <source>the source text's web server: recv(1024) once, send() "HTTP/1.1 200 OK" and a blank line, send() Hello, World, close(); the client's GET reads to EOF</source>
        <translation>原文的 web 服务原型：只调用一次 recv(1024)，用 send() 发出 "HTTP/1.1 200 OK" 和一个空行，再用 send() 发出 Hello, World，然后 close()；客户端的 GET 一直读到 EOF</translation>
    </message>
    <message>
        <source>the same server and a GET with a 3000-byte header: recv(1024) leaves bytes unread, so close() sends RST and the client's recv() fails with ECONNRESET</source>
        <translation>同一个服务器，GET 请求带一个 3000 字节的头部：recv(1024) 留下未读的字节，于是 close() 发出 RST，客户端的 recv() 以 ECONNRESET 失败</translation>
    </message>
    <message>
        <source>TCP is a byte stream: two sendall() calls arrive in one recv(), one large sendall() in several recv() calls</source>
        <translation>TCP 是字节流：两次 sendall() 在一次 recv() 中到达，一次大的 sendall() 要分几次 recv() 收完</translation>
    </message>
    <message>
        <source>setblocking(False): accept() and recv() fail at once with EAGAIN; settimeout(0.2): recv() fails with a timeout, then returns data as soon as it arrives</source>
        <translation>setblocking(False)（非阻塞）：accept() 和 recv() 立即以 EAGAIN 失败；settimeout(0.2)：recv() 超时失败，随后数据一到就立即返回</translation>
    </message>
    <message>
        <source>%1 is one scripted exchange: run it with --demo %1</source>
        <translation>%1 是一段完整的脚本演示：请用 --demo %1 运行</translation>
    </message>
    <message>
        <source>recv() after the peer's close(): b'' (EOF, not an error); after a close() with unread data: RST, and recv() fails with ECONNRESET</source>
        <translation>对端 close() 之后的 recv()：返回 b''（EOF，不是错误）；对端在有未读数据时 close()：发送 RST，recv() 以 ECONNRESET 失败</translation>
    </message>
    <message>
        <source>the server closes first and restarts on the same port while the old connection is in TIME-WAIT: bind() fails with EADDRINUSE unless SO_REUSEADDR is set on both listeners</source>
        <translation>服务器先关闭，并在旧连接仍处于 TIME-WAIT 时于同一端口重启：除非两个监听套接字都设置了 SO_REUSEADDR，否则 bind() 以 EADDRINUSE 失败</translation>
    </message>
    <message>
        <source>a listener on "::" accepts an IPv4 client as ::ffff:127.0.0.1; with IPV6_V6ONLY the IPv4 connect() is refused (ECONNREFUSED)</source>
        <translation>"::" 上的监听套接字把 IPv4 客户端接受为 ::ffff:127.0.0.1；设置 IPV6_V6ONLY 后，IPv4 的 connect() 被拒绝（ECONNREFUSED）</translation>
    </message>
    <message>
        <source>listen(1) and no accept(): 2 clients complete the handshake, the 3rd is not refused but keeps retransmitting SYNs</source>
        <translation>listen(1) 且不调用 accept()：2 个客户端完成三次握手，第 3 个不会被拒绝，而是不断重传 SYN</translation>
    </message>
    <message>
        <source>headless Chromium loads a page from the same server: every connection it opens, its requests (GET / and GET /favicon.ico, Connection: keep-alive) and its spare connections (needs the package chromium)</source>
        <translation>无头 Chromium 从同一个服务器加载页面：它打开的每个连接、它的请求（GET / 和 GET /favicon.ico，Connection: keep-alive）以及它的备用连接（需要安装软件包 chromium）</translation>
    </message>
    <message>
        <source>Chromium is not installed: install the package %1 (apt-get install %1) to run this demo</source>
        <translation>未安装 Chromium：请安装软件包 %1（apt-get install %1）后再运行此演示</translation>
    </message>
    <message>
        <source>a UDP datagram to a closed port: a connected socket's recv() fails with ECONNREFUSED (ICMP port unreachable), an unconnected socket's recvfrom() only times out unless IP_RECVERR</source>
        <translation>向没有程序监听的端口发送 UDP 数据报：已连接套接字的 recv() 以 ECONNREFUSED 失败（ICMP 端口不可达），未连接套接字的 recvfrom() 只会超时，除非设置 IP_RECVERR</translation>
    </message>
    <message>
        <source>connecting to a name tries each address getaddrinfo() returns: ::1 is refused, 127.0.0.1 connects (--host: a name, or the answer as a list; default ::1,127.0.0.1)</source>
        <translation>按名字连接时，依次尝试 getaddrinfo() 返回的每个地址：::1 被拒绝，127.0.0.1 连接成功（--host：一个名字，或以列表给出的解析结果；默认 ::1,127.0.0.1）</translation>
    </message>
    <message>
        <source>without root: bind() to port 80 fails with EACCES, a raw ICMP socket with EPERM; as root both succeed (run as root, the lab drops privileges in a child process)</source>
        <translation>没有 root 权限时：bind() 到 80 端口以 EACCES 失败，创建 ICMP 原始套接字以 EPERM 失败；以 root 运行则两者都成功（以 root 运行时，实验室在子进程中放弃特权）</translation>
    </message>
    <message>
        <source>sockets carry bytes: 你好 sent as GBK and decoded as UTF-8 gives U+FFFD, UTF-8 decoded as GBK gives 浣犲ソ, then both agree</source>
        <translation>套接字传送的是字节：你好按 GBK 发送、按 UTF-8 解码得到 U+FFFD，按 UTF-8 发送、按 GBK 解码得到 浣犲ソ，最后双方约定一致</translation>
    </message>
    <message>
        <source>[%1, decoded as %2]</source>
        <extracomment>after a data event: %1 the bytes in hex, %2 the encoding (UTF-8, GBK)</extracomment>
        <translation>［%1，按 %2 解码］</translation>
    </message>
    <message>
        <source>Connection %1: client %2, server %3</source>
        <extracomment>--replay --print: a connection's heading. %1 stream number, %2 client address:port, %3 server address:port</extracomment>
        <translation>连接 %1：客户端 %2，服务器 %3</translation>
    </message>
    <message>
        <source>  handshake %1, close %2, FINs %3, %4 segments; at the end: client %5, server %6</source>
        <extracomment>--replay --print: %1 complete/partial/not captured, %2 RST/FIN/none (as the window's connection list says them), %3 FIN count, %4 segment count, %5 and %6 RFC 9293 state names</extracomment>
        <translation>  握手 %1，关闭 %2，FIN %3 个，报文段 %4 个；最后：客户端 %5，服务器 %6</translation>
    </message>
</context>
<context>
    <name>HttpClientPane</name>
    <message>
        <source>Client (HTTP GET)</source>
        <translation>客户端（HTTP GET）</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Extra header:</source>
        <translation>附加首部：</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>An X-Padding header of this many bytes. Above about 1000 the request outgrows the post's recv(1024): its close() then sends RST.</source>
        <translation>一个这么多字节的 X-Padding 首部。超过约 1000 字节时，请求超出原文服务器 recv(1024) 一次读取的长度：它的 close() 就会发送 RST。</translation>
    </message>
</context>
<context>
    <name>HttpServerPane</name>
    <message numerus="yes">
        <source>%n request(s) read</source>
        <translation><numerusform>已读取 %n 个请求</numerusform></translation>
    </message>
    <message>
        <source>Web server (HTTP)</source>
        <translation>Web 服务器（HTTP）</translation>
    </message>
    <message>
        <source>recv() size:</source>
        <translation>recv() 大小：</translation>
    </message>
    <message>
        <source>Variant:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>Correct server</source>
        <translation>正确的服务器</translation>
    </message>
    <message>
        <source>Read the request up to its blank line; answer with Content-Length and Connection: close in one sendall()</source>
        <translation>把请求读到空行为止；用一次 sendall() 回复，带 Content-Length 和 Connection: close</translation>
    </message>
    <message>
        <source>Correct: recv() until the blank line that ends the request's headers, then one sendall() of "HTTP/1.1 200 OK", Content-Length: 12 and Connection: close. The client knows where the body ends, and nothing is left unread at close(), so the connection ends with FIN.</source>
        <translation>正确的做法：反复 recv() 直到结束请求首部的空行，再用一次 sendall() 发送 "HTTP/1.1 200 OK"、Content-Length: 12 和 Connection: close。客户端知道正文在哪里结束；close() 时没有未读的数据，所以连接以 FIN 结束。</translation>
    </message>
    <message>
        <source>try: curl %1, or open it in a browser</source>
        <extracomment>%1 is a URL such as http://127.0.0.1:8080/</extracomment>
        <translation>试试：curl %1，或在浏览器中打开它</translation>
    </message>
    <message>
        <source>The post reads the request with one recv(1024).</source>
        <translation>原文只用一次 recv(1024) 读取请求。</translation>
    </message>
    <message>
        <source>The post's server: one recv(1024), then send() of "HTTP/1.1 200 OK" and a blank line, send() of Hello, World and close(). No Content-Length: the body ends with the FIN. A request longer than 1024 bytes leaves bytes unread, so close() sends RST and the client sees a reset.</source>
        <translation>原文的服务器：一次 recv(1024)，然后 send() 发送 "HTTP/1.1 200 OK" 和一个空行，send() 发送 Hello, World，再 close()。没有 Content-Length：正文以 FIN 结束。长于 1024 字节的请求会留下未读的字节，于是 close() 发送 RST，客户端看到连接被重置。</translation>
    </message>
</context>
<context>
    <name>LadderView</name>
    <message>
        <source>observed</source>
        <translation>观测所得</translation>
    </message>
    <message>
        <source>inferred from calls</source>
        <translation>由调用推断</translation>
    </message>
    <message>
        <source>not observed</source>
        <translation>未观测到</translation>
    </message>
    <message>
        <source>seq: %1 relative, %2 raw</source>
        <extracomment>%1 relative sequence number, %2 the 32-bit number on the wire</extracomment>
        <translation>seq：相对值 %1，原始值 %2</translation>
    </message>
    <message>
        <source>ack: %1 relative, %2 raw</source>
        <extracomment>%1 relative acknowledgment number, %2 the 32-bit number on the wire</extracomment>
        <translation>ack：相对值 %1，原始值 %2</translation>
    </message>
    <message>
        <source>Options: %1</source>
        <translation>选项：%1</translation>
    </message>
    <message>
        <source>Window: %1 bytes; a SYN's window is never scaled (RFC 7323).</source>
        <translation>窗口：%1 字节；SYN 的窗口从不乘以扩大因子（RFC 7323）。</translation>
    </message>
    <message>
        <source>Window: %1 bytes = %2 × 2^%3, Wireshark's calculated window size (the field on the wire holds %2).</source>
        <extracomment>%1 window in bytes, %2 the window field on the wire, %3 the shift count</extracomment>
        <translation>窗口：%1 字节 = %2 × 2^%3，即 Wireshark 的计算窗口大小（线上的窗口字段为 %2）。</translation>
    </message>
    <message>
        <source>Window: %1 bytes, not scaled: window scaling is not in use.</source>
        <translation>窗口：%1 字节，未扩大：此连接未使用窗口扩大因子。</translation>
    </message>
    <message>
        <source>Window: %1 bytes, already scaled; the scale factor is unknown because the handshake is not on the timeline.</source>
        <translation>窗口：%1 字节，已扩大；扩大因子未知，因为时间线上没有这次握手。</translation>
    </message>
    <message>
        <source>seq/ack raw (* relative: not observed) · win scaled</source>
        <translation>seq/ack 为原始值（* 为相对值：原始值未观测到）· win 已乘以扩大因子</translation>
    </message>
    <message>
        <source>seq/ack relative · win scaled</source>
        <translation>seq/ack 为相对值 · win 已乘以扩大因子</translation>
    </message>
    <message>
        <source>Packet %1 of the capture file.</source>
        <extracomment>%1 the packet's number in the capture file (Wireshark's frame.number)</extracomment>
        <translation>抓包文件中的第 %1 个数据包。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The exchange finished.</source>
        <translation>交互已完成。</translation>
    </message>
    <message>
        <source>The exchange stopped: a call failed (see the panes).</source>
        <translation>交互中止：有调用失败（见左侧面板）。</translation>
    </message>
    <message>
        <source>Socket Lab</source>
        <translation>套接字实验室</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export timeline (JSON Lines)…</source>
        <translation>导出时间线（JSON Lines）(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run the whole &amp;exchange</source>
        <translation>运行整个交互(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Server: next call</source>
        <translation>服务器：下一个调用(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Client: next call</source>
        <translation>客户端：下一个调用(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Reset all</source>
        <translation>全部重置(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Socket Lab</source>
        <translation>关于套接字实验室(&amp;A)</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Click the server's calls, then the client's — or press F5 to run the whole exchange.</source>
        <translation>先逐个点击服务器的调用，再点击客户端的调用；或按 F5 运行整个交互。</translation>
    </message>
    <message>
        <source>Running the exchange…</source>
        <translation>正在运行交互…</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n event(s) to %1</source>
        <translation><numerusform>已将 %n 个事件保存到 %1</numerusform></translation>
    </message>
    <message>
        <source>Export timeline</source>
        <translation>导出时间线</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.json)</source>
        <translation>JSON Lines 文件 (*.jsonl *.json)</translation>
    </message>
    <message>
        <source>About Socket Lab</source>
        <translation>关于套接字实验室</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Socket Lab&lt;/b&gt; runs the programs of a classic socket tutorial on this machine's real sockets and shows every call, each endpoint's TCP state and the segments between them.&lt;/p&gt;&lt;p&gt;States marked &lt;i&gt;read from the kernel&lt;/i&gt; come from TCP_INFO and NETLINK_SOCK_DIAG; segments marked &lt;i&gt;inferred from calls&lt;/i&gt; are deduced, because no packet capture is running.&lt;/p&gt;&lt;p&gt;The close of a connection is called 四次挥手 (four-way close); the source text calls it 四次握手.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;套接字实验室&lt;/b&gt;在本机真实的套接字上运行一篇经典套接字教程中的程序，并展示每一次调用、每个端点的 TCP 状态以及双方之间的报文段。&lt;/p&gt;&lt;p&gt;标为&lt;i&gt;内核读取&lt;/i&gt;的状态来自 TCP_INFO 和 NETLINK_SOCK_DIAG；标为&lt;i&gt;由调用推断&lt;/i&gt;的报文段是推断出来的，因为没有运行抓包。&lt;/p&gt;&lt;p&gt;连接的释放称为四次挥手；原文称之为“四次握手”。&lt;/p&gt;&lt;p&gt;本软件按 GNU GPL 第 3 版或更高版本授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>States</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>State diagram (RFC 9293)</source>
        <translation>状态图（RFC 9293）</translation>
    </message>
    <message>
        <source>Show: </source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Scenario: %1</source>
        <translation>场景：%1</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>场景(&amp;S)</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>单步前进</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>单步后退</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <source>First step</source>
        <translation>第一步</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>最后一步</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>A scenario of the RFC 9293 model: → and ← step, Space plays, Home and End jump; F11 presents it full screen.</source>
        <translation>RFC 9293 协议模型的一个场景：→ 和 ← 单步前进 / 后退，Space 播放，Home 和 End 跳到首尾；F11 全屏演示。</translation>
    </message>
    <message>
        <source>Live lab: TCP echo (real sockets)</source>
        <translation>实时实验：TCP 回显（真实套接字）</translation>
    </message>
    <message>
        <source>Live lab: web server (HTTP, real sockets)</source>
        <translation>实时实验：Web 服务器（HTTP，真实套接字）</translation>
    </message>
    <message>
        <source>Live lab: UDP echo (real sockets)</source>
        <translation>实时实验：UDP 回显（真实套接字）</translation>
    </message>
    <message>
        <source>Socket &amp;API reference</source>
        <translation>套接字 &amp;API 参考</translation>
    </message>
    <message>
        <source>Socket API reference (try each call)</source>
        <translation>套接字 API 参考（逐个试调用）</translation>
    </message>
    <message>
        <source>Choose a constant or a method, then "Try it" (Ctrl+T): the call runs on a real socket and lands on the timeline.</source>
        <translation>选一个常量或方法，再点“试一试”（Ctrl+T）：调用在真实套接字上运行，并记录到时间线上。</translation>
    </message>
    <message>
        <source>Ladder diagram: segments and datagrams between client and server</source>
        <translation>时序图：客户端与服务器之间的报文段和数据报</translation>
    </message>
    <message>
        <source>Export &amp;capture (pcap)…</source>
        <translation>导出抓包文件（pcap）(&amp;C)…</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n packet(s) to %1</source>
        <extracomment>%1 a .pcap file; a packet is one segment or datagram</extracomment>
        <translation><numerusform>已将 %n 个数据包保存到 %1</numerusform></translation>
    </message>
    <message>
        <source>Export capture</source>
        <translation>导出抓包文件</translation>
    </message>
    <message>
        <source>pcap capture files (*.pcap)</source>
        <extracomment>file dialog filter; pcap is the file format's name</extracomment>
        <translation>pcap 抓包文件 (*.pcap)</translation>
    </message>
    <message>
        <source>Capture &amp;packets</source>
        <extracomment>packet capture on lo with the helper program (抓包)</extracomment>
        <translation>抓包(&amp;P)</translation>
    </message>
    <message>
        <source>Show ra&amp;w sequence numbers</source>
        <translation>显示原始序号(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Open capture file…</source>
        <extracomment>opens a pcap or pcapng file (抓包文件) to step through its connections</extracomment>
        <translation>打开抓包文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <extracomment>stops reading a capture file</extracomment>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reading the capture file %1…</source>
        <extracomment>%1 a capture file's name</extracomment>
        <translation>正在读取抓包文件 %1…</translation>
    </message>
    <message>
        <source>Reading %1 was cancelled.</source>
        <extracomment>%1 a capture file's name</extracomment>
        <translation>已取消读取 %1。</translation>
    </message>
    <message>
        <source>A capture file: pick a connection in the list; → and ← step, Space plays, Home and End jump; F11 presents it full screen.</source>
        <translation>抓包文件：在列表中选择一个连接；→ 和 ← 单步前进 / 后退，Space 播放，Home 和 End 跳到首尾；F11 全屏演示。</translation>
    </message>
    <message>
        <source>Open capture file</source>
        <translation>打开抓包文件</translation>
    </message>
    <message>
        <source>Capture files (*.pcap *.pcapng *.cap *.gz *.zst)</source>
        <extracomment>file dialog filters; pcap and pcapng are file formats' names</extracomment>
        <translation>抓包文件 (*.pcap *.pcapng *.cap *.gz *.zst)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Capture file: %1</source>
        <extracomment>in the Show box; %1 the capture file's name</extracomment>
        <translation>抓包文件：%1</translation>
    </message>
</context>
<context>
    <name>Note</name>
    <message>
        <source>the client closed before the blank line that ends its request: no answer, the server closes</source>
        <translation>客户端在表示请求结束的空行到来之前就关闭了：服务器不作应答，直接关闭</translation>
    </message>
    <message>
        <source>no blank line in the first %1 bytes: the request is too long, the server gives up and closes without answering</source>
        <translation>前 %1 字节里没有空行：请求太长，服务器放弃读取，不作应答就关闭连接</translation>
    </message>
    <message>
        <source>setblocking(False) on the listening socket: no client waits in the accept queue, so accept() does not wait. It fails at once with BlockingIOError, errno %1 (EAGAIN): try again later.</source>
        <translation>对监听套接字调用 setblocking(False)（非阻塞）：全连接队列（accept 队列）中没有等待的客户端，所以 accept() 不会阻塞等待，而是立即失败，抛出 BlockingIOError，errno %1（EAGAIN）：稍后再试。</translation>
    </message>
    <message>
        <source>setblocking(False) on the connection: nothing has arrived, so recv() fails at once with BlockingIOError, errno %1 (EAGAIN). A non-blocking program calls it again when select() or poll() reports the socket readable.</source>
        <translation>对已连接的套接字调用 setblocking(False)（非阻塞）：还没有数据到达，所以 recv() 立即失败，抛出 BlockingIOError，errno %1（EAGAIN）。非阻塞程序会在 select() 或 poll() 报告套接字可读时再调用它。</translation>
    </message>
    <message>
        <source>settimeout(%1): recv() waits for data, but at most %1 s. Nothing came, so after %2 ms it fails with socket.timeout (TimeoutError). The connection is still usable.</source>
        <translation>settimeout(%1)：recv() 阻塞等待数据，但最多等 %1 秒。没有数据到达，于是 %2 毫秒后它以 socket.timeout（TimeoutError）超时失败。连接仍然可用。</translation>
    </message>
    <message>
        <source>The client sent %1: the waiting recv() returned it after %2 ms, well within the timeout. A timeout only bounds the wait; data ends it at once.</source>
        <translation>客户端发送了 %1：正在等待的 recv() 在 %2 毫秒后就返回了它，远未到超时。超时只限定最长的等待；数据一到，等待立即结束。</translation>
    </message>
    <message>
        <source>Part 1: the client calls sendall() twice, first with %1, then with %2. TCP is a byte stream: it keeps the bytes and their order, not the boundaries between the two messages.</source>
        <translation>第 1 部分：客户端调用两次 sendall()，先发 %1，再发 %2。TCP 是字节流：它保留字节及其顺序，但不保留两条消息之间的消息边界。</translation>
    </message>
    <message>
        <source>One recv(1024) returned all %1 bytes, %2: the two messages arrived as one. The receiver cannot tell where one sendall() ended; a protocol marks its message boundaries itself, with a length prefix or a delimiter such as a newline.</source>
        <translation>一次 recv(1024) 就返回了全部 %1 字节“%2”：两条消息合在一起到达（俗称“粘包”）。接收方分不清一次 sendall() 在哪里结束；消息边界要由协议自己标出，比如长度前缀或换行这样的分隔符。</translation>
    </message>
    <message>
        <source>Part 2: one sendall() of %1 bytes; the server calls recv(%2) until all of them have arrived. Each recv() returns what has arrived so far, at most %2 bytes: one send may arrive as several recv()s.</source>
        <translation>第 2 部分：一次 sendall() 发送 %1 字节；服务器反复调用 recv(%2)，直到全部到达。每次 recv() 返回目前已到达的数据，最多 %2 字节：一次发送可能要分几次 recv() 才能收完。</translation>
    </message>
    <message>
        <source>The %1 bytes of one sendall() arrived in %2 recv(%3) calls, identical and in order. How many recv()s it takes depends on timing and buffer sizes, so a receiver loops until it has the whole message.</source>
        <translation>一次 sendall() 的 %1 字节分 %2 次 recv(%3) 收完，内容完全相同、顺序不变（一条消息被拆开，俗称“拆包”）。需要几次 recv() 取决于时机和缓冲区大小，所以接收方要循环读取，直到收齐整条消息。</translation>
    </message>
    <message>
        <source>listen(%1) and no accept(): after %2 ms, %3 clients' connect() returned (their handshakes completed; they wait in the accept queue, backlog + 1 on Linux), %4 still connecting and %5 refused. TCP_INFO on the listener: %6 in the accept queue, backlog %7.</source>
        <translation>listen(%1) 且不调用 accept()：%2 毫秒后，%3 个客户端的 connect() 已返回（三次握手已完成，它们在全连接队列中等待，Linux 上为 backlog + 1 个），%4 个仍在连接中，%5 个被拒绝。监听套接字的 TCP_INFO：全连接队列中 %6 个，积压队列长度（backlog）%7。</translation>
    </message>
    <message>
        <source>Linux does not refuse a client when the accept queue is full: it drops its SYN, and the client keeps retransmitting SYNs (after 1 s, 2 s, …) until the queue has room or connect() times out after about two minutes. The backlog is not a limit on connections, only on those waiting for accept().</source>
        <translation>全连接队列（accept 队列）满时，Linux 并不拒绝客户端：它丢弃该客户端的 SYN，客户端不断重传 SYN（1 秒、2 秒……之后），直到队列有空位，或约两分钟后 connect() 超时。积压队列长度（backlog）限制的不是连接数，而只是等待 accept() 的连接数。</translation>
    </message>
    <message>
        <source>This machine has no usable IPv6: %1 failed with errno %2, so the dual-stack demo cannot run here.</source>
        <translation>本机没有可用的 IPv6：%1 失败，errno %2，因此双栈演示无法在此运行。</translation>
    </message>
    <message>
        <source>An AF_INET6 listener on "::" with IPV6_V6ONLY off accepted an IPv4 client: accept() gives its address as %1, an IPv4-mapped IPv6 address (::ffff: followed by the IPv4 address). One listener serves both families.</source>
        <translation>绑定在 "::" 上、关闭了 IPV6_V6ONLY 的 AF_INET6 监听套接字接受了一个 IPv4 客户端：accept() 给出的地址是 %1，即 IPv4 映射的 IPv6 地址（::ffff: 后接 IPv4 地址）。一个监听套接字同时服务两个地址族。</translation>
    </message>
    <message>
        <source>With IPV6_V6ONLY on, the "::" listener takes IPv6 only. Nobody listens for IPv4 on port %1, so the IPv4 client's connect() fails with ConnectionRefusedError, errno %2 (ECONNREFUSED).</source>
        <translation>打开 IPV6_V6ONLY 后，"::" 上的监听套接字只接受 IPv6。端口 %1 上没有程序监听 IPv4，所以 IPv4 客户端的 connect() 以 ConnectionRefusedError 失败，errno %2（ECONNREFUSED）。</translation>
    </message>
    <message>
        <source>The server called close() with nothing left unread: its kernel sent FIN. The client's recv() returned b'' at once: zero bytes means end of file (EOF), the peer will send nothing more. It is not an error; the program should stop reading and close() its side too.</source>
        <translation>服务器调用 close() 时没有未读数据：它的内核发送了 FIN。客户端的 recv() 立即返回 b''：零字节表示文件结束（EOF），对端不会再发送任何数据。这不是错误；程序应停止读取，并也 close() 自己这一端。</translation>
    </message>
    <message>
        <source>The server called close() with %1 bytes it never read still in its receive queue. Its kernel does not send FIN then: it sends RST (reset) and drops the connection at once, since the data it accepted will never be delivered.</source>
        <translation>服务器调用 close() 时，接收队列里还有 %1 个字节从未读取。这时它的内核不发送 FIN，而是发送 RST（复位）并立即丢弃连接，因为它已接收的数据再也无法交付。</translation>
    </message>
    <message>
        <source>After the RST the client's recv() does not return b'': it fails with ConnectionResetError, errno %1 (ECONNRESET). A reset is an error, unlike EOF; the cure is to read the request completely before close().</source>
        <translation>收到 RST 之后，客户端的 recv() 不会返回 b''：它以 ConnectionResetError 失败，errno %1（ECONNRESET）。复位是错误，这与 EOF 不同；解决办法是在 close() 之前把请求完整读完。</translation>
    </message>
    <message>
        <source>The server closed first, so its side of the connection %1 is now in TIME-WAIT (the kernel keeps it about 60 s) although every socket is closed. Now the server restarts on port %2.</source>
        <translation>服务器先关闭，所以连接 %1 的服务器一端现在处于 TIME-WAIT（内核约保留 60 秒），尽管所有套接字都已关闭。现在服务器在端口 %2 上重启。</translation>
    </message>
    <message>
        <source>Without SO_REUSEADDR the new listener's bind() fails with OSError, errno %1 (EADDRINUSE: Address already in use): the TIME-WAIT connection still holds the port, though nobody listens on it.</source>
        <translation>没有 SO_REUSEADDR 时，新监听套接字的 bind() 以 OSError 失败，errno %1（EADDRINUSE：地址已被占用）：处于 TIME-WAIT 的连接仍占着这个端口，尽管已没有程序在上面监听。</translation>
    </message>
    <message>
        <source>With SO_REUSEADDR set on the old listener and on the new one, bind() succeeds despite the TIME-WAIT connection. On Linux both are needed: if either one lacks it, bind() fails with EADDRINUSE.</source>
        <translation>旧的和新的监听套接字都设置了 SO_REUSEADDR，尽管有处于 TIME-WAIT 的连接，bind() 仍然成功。在 Linux 上两者缺一不可：任一方没有设置，bind() 都会以 EADDRINUSE 失败。</translation>
    </message>
    <message>
        <source>Headless Chromium loads %1: a real browser, with a new empty profile and its background networking off, so every connection below is its page load.</source>
        <translation>无头 Chromium 加载 %1：这是一个真正的浏览器，使用全新的空配置文件，并关闭了后台联网，所以下面的每个连接都来自这次页面加载。</translation>
    </message>
    <message>
        <source>Connection %1 (the browser's port %2) sent no request before Chromium was ended, %3 ms after accept(): a connection kept open in advance for a request that never came.</source>
        <translation>连接 %1（浏览器端口 %2）在 Chromium 被结束之前没有发送任何请求，此时距 accept() 已 %3 毫秒：这是一个为后续请求预先保持打开的连接，而那个请求始终没有到来。</translation>
    </message>
    <message>
        <source>Connection %1 (the browser's port %2) sent no request: the browser opened it in advance and closed it unused, and recv() returned b'' %3 ms after accept(). This server serves one connection at a time: all that time it waited in recv(), and when recv() returned, %4 other connections were waiting in its accept queue.</source>
        <translation>连接 %1（浏览器端口 %2）没有发送任何请求：浏览器预先打开了它，又在未使用的情况下关闭了它；recv() 在 accept() 之后 %3 毫秒返回 b''。这个服务器一次只服务一个连接：这段时间里它一直阻塞在 recv() 中；recv() 返回时，还有 %4 个其他连接在它的全连接队列（accept 队列）中等待。</translation>
    </message>
    <message>
        <source>Request %1, on connection %2 (the browser's port %3): %4. It says Connection: %5: the browser would keep the connection open for more requests (HTTP/1.1's persistent connections). This server closes it after one answer, so the browser's next request needs a new connection.</source>
        <translation>请求 %1，在连接 %2 上（浏览器端口 %3）：%4。它带有 Connection: %5：浏览器希望保持连接打开，以便发送更多请求（HTTP/1.1 的持久连接）。这个服务器应答一次后就关闭连接，所以浏览器的下一个请求需要一个新连接。</translation>
    </message>
    <message>
        <source>Request %1, on connection %2 (the browser's port %3): %4. Connection: %5.</source>
        <translation>请求 %1，在连接 %2 上（浏览器端口 %3）：%4。Connection: %5。</translation>
    </message>
    <message>
        <source>The browser asked for /favicon.ico by itself: no page mentions it. It is the icon for the tab. This server answers every request alike, so the icon it gets is Hello, World; a real server would answer 404 Not Found or an image.</source>
        <translation>浏览器自己请求了 /favicon.ico：页面中并没有提到它。它是标签页上的图标。这个服务器对所有请求的应答都一样，所以浏览器得到的图标是 Hello, World；真正的服务器会应答 404 Not Found 或一张图片。</translation>
    </message>
    <message>
        <source>Chromium was ended (SIGTERM), %1 ms after it started; its temporary profile is removed.</source>
        <translation>Chromium 在启动 %1 毫秒后被结束（SIGTERM）；它的临时配置文件已删除。</translation>
    </message>
    <message>
        <source>Chromium exited by itself, %1 ms after it started; its temporary profile is removed.</source>
        <translation>Chromium 在启动 %1 毫秒后自行退出；它的临时配置文件已删除。</translation>
    </message>
    <message>
        <source>The addresses %1 stand for getaddrinfo()'s answer for a name such as localhost, in this order: a machine with "::1 localhost" in /etc/hosts answers ::1 first (RFC 6724). The server listens on %2 only. Like Python's socket.create_connection(), the client tries each address in turn.</source>
        <translation>地址列表 %1 代表 getaddrinfo() 对 localhost 这类名字的解析结果，顺序不变：/etc/hosts 中有 "::1 localhost" 的机器会先给出 ::1（RFC 6724）。服务器只在 %2 上监听。客户端像 Python 的 socket.create_connection() 那样依次尝试每个地址。</translation>
    </message>
    <message>
        <source>getaddrinfo(%1) answered %2, in this order; the server listens on %3 only. Like Python's socket.create_connection(), the client tries each address in turn.</source>
        <translation>getaddrinfo(%1) 按此顺序返回 %2；服务器只在 %3 上监听。客户端像 Python 的 socket.create_connection() 那样依次尝试每个地址。</translation>
    </message>
    <message>
        <source>Attempt %1: connect() to %2 failed with errno %3 (%4). create_connection() closes this socket and tries the next address.</source>
        <translation>第 %1 次尝试：connect() 到 %2 失败，errno %3（%4）。create_connection() 关闭这个套接字，接着尝试下一个地址。</translation>
    </message>
    <message>
        <source>Attempt %1: connect() to %2 succeeded. Failed attempts before it: %3. A refusal on loopback costs microseconds, but an address that does not answer at all costs a whole connect timeout, which is why browsers race the addresses (Happy Eyeballs, RFC 8305).</source>
        <translation>第 %1 次尝试：connect() 到 %2 成功。此前失败的尝试：%3 次。在回环地址上，连接被拒绝只花几微秒；但一个完全不应答的地址要耗掉整个连接超时，所以浏览器会让多个地址同时竞速（Happy Eyeballs，RFC 8305）。</translation>
    </message>
    <message>
        <source>This kernel has no net.ipv4.ip_unprivileged_port_start (it came with Linux 4.11): ports below 1024 are privileged, port %1 among them.</source>
        <translation>这个内核没有 net.ipv4.ip_unprivileged_port_start（Linux 4.11 才引入）：1024 以下的端口都是特权端口，端口 %1 也在其中。</translation>
    </message>
    <message>
        <source>net.ipv4.ip_unprivileged_port_start is %1 on this machine: ports below %1 are privileged, and binding one, such as port %2, needs the capability CAP_NET_BIND_SERVICE.</source>
        <translation>本机的 net.ipv4.ip_unprivileged_port_start 为 %1：%1 以下的端口是特权端口，绑定其中的端口（例如端口 %2）需要 CAP_NET_BIND_SERVICE 能力。</translation>
    </message>
    <message>
        <source>net.ipv4.ip_unprivileged_port_start is %1 on this machine: port %2 is not privileged here, so bind() to it succeeds for anyone.</source>
        <translation>本机的 net.ipv4.ip_unprivileged_port_start 为 %1：端口 %2 在这里不是特权端口，所以任何用户 bind() 到它都会成功。</translation>
    </message>
    <message>
        <source>The lab runs as uid %1, not as root: it makes the calls itself. The contrast with root is left out.</source>
        <translation>实验室以 uid %1 运行，而不是 root：由它自己进行这些调用。与 root 的对比从略。</translation>
    </message>
    <message>
        <source>The lab runs as root, and root may do all of this. So a child process gives up root before any socket call, as setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all does: no supplementary groups, gid and uid 65534 (nobody), no capabilities.</source>
        <translation>实验室以 root 运行，而 root 可以做这一切。所以由一个子进程在进行任何套接字调用之前放弃 root，效果与 setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all 相同：没有附加组，gid 和 uid 为 65534（nobody），没有任何能力。</translation>
    </message>
    <message>
        <source>The child process could not give up root: %1 failed with errno %2 (%3). The permission errors cannot be shown on this machine.</source>
        <translation>子进程无法放弃 root：%1 失败，errno %2（%3）。本机无法演示这些权限错误。</translation>
    </message>
    <message>
        <source>The same calls, made by the lab itself as root:</source>
        <translation>同样的调用，由实验室自己以 root 身份进行：</translation>
    </message>
    <message>
        <source>As root both calls succeed: bind() to port %1 returned 0 and the raw socket() returned descriptor %2. Root holds every capability, CAP_NET_BIND_SERVICE and CAP_NET_RAW among them.</source>
        <translation>以 root 身份两个调用都成功：bind() 到端口 %1 返回 0，原始套接字的 socket() 返回描述符 %2。root 拥有全部能力，其中包括 CAP_NET_BIND_SERVICE 和 CAP_NET_RAW。</translation>
    </message>
    <message>
        <source>As uid %1, bind() to port %2 fails with PermissionError, errno %3 (EACCES): the port is privileged, and this process lacks CAP_NET_BIND_SERVICE. Servers run on ports from 1024 up, or get that one capability instead of running as root.</source>
        <translation>以 uid %1 身份，bind() 到端口 %2 以 PermissionError 失败，errno %3（EACCES）：这是特权端口，而该进程没有 CAP_NET_BIND_SERVICE 能力。服务器应使用 1024 及以上的端口，或者只授予这一项能力，而不是以 root 运行。</translation>
    </message>
    <message>
        <source>As uid %1, socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) fails with PermissionError, errno %2 (EPERM): a raw socket can send any packet, forged ones too, so it needs CAP_NET_RAW. This is the source text's "SOCK_RAW is usually limited to advanced users or administrators".</source>
        <translation>以 uid %1 身份，socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) 以 PermissionError 失败，errno %2（EPERM）：原始套接字可以发送任何报文，包括伪造的报文，所以需要 CAP_NET_RAW 能力。这就是原文所说的“通常仅限于高级用户或管理员运行的程序使用”。</translation>
    </message>
    <message>
        <source>As uid %1, %2 succeeded.</source>
        <translation>以 uid %1 身份，%2 成功。</translation>
    </message>
    <message>
        <source>As uid %1, %2 failed with errno %3 (%4).</source>
        <translation>以 uid %1 身份，%2 失败，errno %3（%4）。</translation>
    </message>
    <message>
        <source>This Qt has no GBK converter (it was built without ICU), so the encodings demo cannot run here.</source>
        <translation>这个 Qt 没有 GBK 编码转换器（构建时未启用 ICU），因此编码演示无法在此运行。</translation>
    </message>
    <message>
        <source>Part 1: the client encodes %1 as GBK, the bytes %2, and sends them. The server decodes what it receives as UTF-8, as the source text's server does with .decode("utf8").</source>
        <translation>第 1 部分：客户端把 %1 按 GBK 编码为字节 %2 并发送。服务器把收到的字节按 UTF-8 解码，就像原文的服务器用 .decode("utf8") 那样。</translation>
    </message>
    <message>
        <source>Part 2: the client encodes %1 as UTF-8, the bytes %2; this time the server decodes them as GBK, as a program written for a Chinese Windows code page might.</source>
        <translation>第 2 部分：客户端把 %1 按 UTF-8 编码为字节 %2；这一次服务器按 GBK 解码，为中文 Windows 代码页编写的程序就可能这样做。</translation>
    </message>
    <message>
        <source>Part 3: both sides agree on UTF-8: the client sends the bytes %1.</source>
        <translation>第 3 部分：双方约定使用 UTF-8：客户端发送字节 %1。</translation>
    </message>
    <message>
        <source>The server received the same %1 bytes, %2, but they are not UTF-8: decoded as UTF-8 they give %3, U+FFFD replacement characters for bytes that form no character ("valid": false). Python's strict .decode("utf8") raises UnicodeDecodeError here instead; with errors="replace" it gives U+FFFD too.</source>
        <translation>服务器收到的正是这 %1 个字节 %2，但它们不是 UTF-8：按 UTF-8 解码得到 %3，即 U+FFFD 替换字符，代表构不成字符的字节（"valid": false）。Python 严格的 .decode("utf8") 在这里会抛出 UnicodeDecodeError；加上 errors="replace" 也会得到 U+FFFD。</translation>
    </message>
    <message>
        <source>The server decodes %1 as GBK and gets %2: valid GBK, but the wrong characters (mojibake). No error warns the program; only a reader notices.</source>
        <translation>服务器把 %1 按 GBK 解码，得到 %2：是合法的 GBK，却是错误的字符（乱码）。程序不会收到任何错误提示，只有看的人才会发现。</translation>
    </message>
    <message>
        <source>Decoded as UTF-8, %1 gives %2 again. TCP carries bytes, never text: the two programs must agree on the encoding themselves, and a protocol says which (HTTP's charset, for example).</source>
        <translation>按 UTF-8 解码，%1 又得到 %2。TCP 传送的是字节，而不是文本：通信双方必须自己约定编码，并由协议写明用哪一种（例如 HTTP 的 charset）。</translation>
    </message>
    <message>
        <source>Nobody listens on UDP port %1 now. Part 1: a connected UDP socket sends a datagram there and waits for an answer with recv().</source>
        <translation>现在 UDP 端口 %1 上没有程序监听。第 1 部分：一个已连接的 UDP 套接字向该端口发送一个数据报，再用 recv() 等待回应。</translation>
    </message>
    <message>
        <source>connect() on a UDP socket sends nothing; it only fixes the peer. send() succeeded: the datagram left. Nobody listened on port %1, so the kernel answered with ICMP port unreachable (its counter of those rose by %2). The socket is connected, so Linux hands it the error: recv() fails with ConnectionRefusedError, errno %3 (ECONNREFUSED).</source>
        <translation>对 UDP 套接字调用 connect() 不发送任何数据，只是固定对端地址。send() 成功：数据报已发出。端口 %1 上没有程序监听，于是内核回以 ICMP 端口不可达（内核的相应计数增加了 %2）。套接字是已连接的，所以 Linux 把这个错误交给它：recv() 以 ConnectionRefusedError 失败，errno %3（ECONNREFUSED）。</translation>
    </message>
    <message>
        <source>Part 2: an unconnected socket sends the same datagram with sendto(). The kernel answered with ICMP port unreachable again (its counter rose by %1), yet recvfrom() saw no error: it timed out after %2 ms. Linux reports ICMP errors only to connected UDP sockets, since an unconnected one may talk to many peers. Without settimeout() recvfrom() would wait forever, as the source text's UDP client does.</source>
        <translation>第 2 部分：一个未连接的套接字用 sendto() 发送同样的数据报。内核同样回以 ICMP 端口不可达（计数增加了 %1），但 recvfrom() 没有看到任何错误：它在 %2 毫秒后超时。Linux 只把 ICMP 错误报告给已连接的 UDP 套接字，因为未连接的套接字可能与许多对端通信。如果没有 settimeout()，recvfrom() 会永远阻塞等待，原文的 UDP 客户端就是这样。</translation>
    </message>
    <message>
        <source>Part 3: the same unconnected socket with setsockopt(%1, %2, 1) asks for ICMP errors too (ip(7)). The kernel's counter rose by %3 and recvfrom() fails at once with errno %4 (ECONNREFUSED); the error's details wait in the socket's error queue (recvmsg() with MSG_ERRQUEUE).</source>
        <translation>第 3 部分：同样未连接的套接字调用 setsockopt(%1, %2, 1)，也要求接收 ICMP 错误（见 ip(7)）。内核的计数增加了 %3，recvfrom() 立即失败，errno %4（ECONNREFUSED）；错误的详细信息留在套接字的错误队列里（用带 MSG_ERRQUEUE 的 recvmsg() 读取）。</translation>
    </message>
    <message>
        <source>The datagram had %1 bytes; recvfrom(%2) returned the first %3 and the kernel discarded the other %4. UDP keeps no rest for the next call: size the buffer for the largest datagram.</source>
        <translation>这个数据报有 %1 字节；recvfrom(%2) 只返回了前 %3 字节，其余 %4 字节被内核丢弃。UDP 不会把剩下的部分留给下一次调用：缓冲区要按最大的数据报来定。</translation>
    </message>
    <message>
        <source>Attempt %1: connect() to %2 failed with errno %3 (%4). That was the last address: create_connection() closes this socket and raises this error.</source>
        <translation>第 %1 次尝试：connect() 到 %2 失败，errno %3（%4）。这是最后一个地址：create_connection() 关闭这个套接字，并抛出这个错误。</translation>
    </message>
    <message>
        <source>%1 completed its handshake, but the server is still in a call on the connection from %2: it serves one connection at a time, so %1 waits in the accept queue until that one is done. A client that connects and sends nothing stalls every client behind it.</source>
        <translation>%1 已完成握手，但服务器仍在处理来自 %2 的连接上的调用：它一次只服务一个连接，所以 %1 要在全连接队列（accept 队列）里等到那个连接结束。一个连上后什么都不发的客户端会拖住它后面的所有客户端。</translation>
    </message>
    <message>
        <source>The post's server does not check for b'': it sends its answer anyway, into a connection the browser has closed. The browser's kernel answers that with RST, and a later send() fails.</source>
        <translation>原文的服务器不检查 b''：它照样发送应答，发进一个浏览器已经关闭的连接。浏览器的内核对此回以 RST，之后的 send() 就会失败。</translation>
    </message>
    <message>
        <source>In all: connections Chromium opened: %1; requests it sent: %2 (%3); connections that sent no request: %4. No connection carried a second request: reusing one needs a server that leaves it open and says where each answer ends (Content-Length).</source>
        <translation>总计：Chromium 打开的连接：%1 个；发送的请求：%2 个（%3）；没有发送任何请求的连接：%4 个。没有哪个连接承载第二个请求：要复用连接，服务器必须保持连接打开，并说明每个应答在哪里结束（Content-Length）。</translation>
    </message>
</context>
<context>
    <name>PcapExport</name>
    <message>
        <source>Could not write the capture file %1: %2</source>
        <translation>无法写入抓包文件 %1：%2</translation>
    </message>
    <message>
        <source>Could not write the capture file to standard output: %1</source>
        <extracomment>exporting a pcap capture file failed: %1 the file, %2 why</extracomment>
        <translation>无法把抓包文件写到标准输出：%1</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <source>Socket Lab — presentation</source>
        <translation>套接字实验室 — 演示模式</translation>
    </message>
    <message>
        <source>→ / Page Down: next   ← / Page Up: previous   Space: play/pause   Home/End   Esc: leave</source>
        <translation>→ / Page Down：单步前进   ← / Page Up：单步后退   Space：播放/暂停   Home/End：第一步/最后一步   Esc：退出</translation>
    </message>
</context>
<context>
    <name>ProgramPane</name>
    <message>
        <source>b"" — end of stream: the peer closed (FIN)</source>
        <translation>b"" —— 字节流结束：对端已关闭（FIN）</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s): %1</source>
        <translation><numerusform>%n 字节：%1</numerusform></translation>
    </message>
    <message>
        <source>Waiting in %1 … (the call blocks; the window does not)</source>
        <extracomment>%1 is a call such as accept(); it blocks until something arrives</extracomment>
        <translation>正在 %1 中等待…（调用阻塞，窗口不会卡住）</translation>
    </message>
    <message>
        <source>The program has ended. Reset to run it again.</source>
        <translation>程序已结束。重置后可再次运行。</translation>
    </message>
    <message>
        <source>Next call: %1</source>
        <extracomment>%1 is the next socket call, e.g. bind()</extracomment>
        <translation>下一个调用：%1</translation>
    </message>
    <message>
        <source>Run to end</source>
        <translation>运行到结束</translation>
    </message>
    <message>
        <source>Make the remaining calls one after another</source>
        <translation>依次执行剩下的调用</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Close the sockets and start again from socket()</source>
        <translation>关闭套接字，从 socket() 重新开始</translation>
    </message>
    <message>
        <source>Data received:</source>
        <translation>收到的数据：</translation>
    </message>
    <message>
        <source>(not valid %1: shown with �)</source>
        <extracomment>%1 is the encoding, UTF-8 or GBK</extracomment>
        <translation>（不是有效的 %1：以 � 显示）</translation>
    </message>
    <message>
        <source>  hex: %1</source>
        <translation>  十六进制：%1</translation>
    </message>
    <message>
        <source>Text encoding:</source>
        <translation>文本编码：</translation>
    </message>
    <message>
        <source>How this program turns text into bytes and bytes into text. When the two programs disagree, the receiver shows garbled text: the bytes are the same, only their reading differs.</source>
        <translation>这个程序怎样把文本变成字节、把字节变回文本。两个程序用的编码不一致时，接收方显示乱码：字节完全相同，只是解读方式不同。</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Show the received bytes in hexadecimal too</source>
        <translation>同时以十六进制显示收到的字节</translation>
    </message>
    <message>
        <source>Serve clients</source>
        <translation>持续服务</translation>
    </message>
    <message>
        <source>Run the server as the source text's while True: loop, one client after another, until you press it again. Try it with curl or a browser too.</source>
        <translation>像原文的 while True: 循环那样运行服务器，一个客户端接一个客户端，直到再按一次。也可以用 curl 或浏览器来试。</translation>
    </message>
    <message>
        <source>0 bytes: an empty datagram (UDP has no end of stream)</source>
        <translation>0 字节：一个空数据报（UDP 没有“流结束”）</translation>
    </message>
</context>
<context>
    <name>ReplayError</name>
    <message>
        <source>cannot open the capture file</source>
        <translation>无法打开抓包文件</translation>
    </message>
    <message>
        <source>the capture file holds something unsupported at packet %1 (byte offset %2)</source>
        <extracomment>%1 packet number (1-based), %2 byte offset in the file</extracomment>
        <translation>抓包文件在第 %1 个数据包处含有不支持的内容（字节偏移 %2）</translation>
    </message>
    <message>
        <source>the capture file is damaged or cut short at packet %1 (byte offset %2)</source>
        <extracomment>%1 packet number (1-based), %2 byte offset in the file</extracomment>
        <translation>抓包文件在第 %1 个数据包处损坏或被截断（字节偏移 %2）</translation>
    </message>
    <message numerus="yes">
        <source>no TCP segment in the capture file (%n packet(s) read)</source>
        <translation><numerusform>抓包文件中没有 TCP 报文段（已读取 %n 个数据包）</numerusform></translation>
    </message>
    <message>
        <source>reading stopped at packet %1: cancelled</source>
        <extracomment>%1 packet number (1-based)</extracomment>
        <translation>读取在第 %1 个数据包处停止：已取消</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 what went wrong, %2 why (wiretap's own English words when not a common reason)</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>it is not a capture file in a format Wireshark knows</source>
        <translation>它不是 Wireshark 认识的格式的抓包文件</translation>
    </message>
    <message>
        <source>the file ends in the middle of a packet</source>
        <translation>文件在一个数据包的中间结束</translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <source>Three-way handshake</source>
        <translation>三次握手</translation>
    </message>
    <message>
        <source>connect() and accept(): SYN, SYN-ACK, ACK</source>
        <translation>connect() 与 accept()：SYN、SYN-ACK、ACK</translation>
    </message>
    <message>
        <source>TCP echo (the source text's exchange)</source>
        <translation>TCP 回显（原文的交互）</translation>
    </message>
    <message>
        <source>handshake, 请求连接 and 你已连接成功。, the server closes first</source>
        <translation>握手，“请求连接”与“你已连接成功。”，服务器先关闭</translation>
    </message>
    <message>
        <source>Four-way close</source>
        <translation>四次挥手</translation>
    </message>
    <message>
        <source>FIN, ACK, FIN, ACK, then TIME-WAIT for 2·MSL</source>
        <translation>FIN、ACK、FIN、ACK，然后在 TIME-WAIT 中等待 2·MSL</translation>
    </message>
    <message>
        <source>Three-segment close</source>
        <translation>三次挥手（三个报文段）</translation>
    </message>
    <message>
        <source>the ACK rides on the peer's FIN: FIN, FIN-ACK, ACK</source>
        <translation>ACK 搭载在对端的 FIN 上：FIN、FIN-ACK、ACK</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>nothing listens: SYN answered by RST,ACK; connect_ex gives 111</source>
        <translation>无人监听：SYN 得到 RST,ACK 的回应；connect_ex 返回 111</translation>
    </message>
    <message>
        <source>SYN retransmission (RFC 6298)</source>
        <translation>SYN 重传（RFC 6298）</translation>
    </message>
    <message>
        <source>the SYN is lost and resent after 1 s, then 2 s</source>
        <translation>SYN 丢失，1 秒后重传，再过 2 秒又重传</translation>
    </message>
    <message>
        <source>SYN retransmission (this kernel)</source>
        <translation>SYN 重传（本机内核）</translation>
    </message>
    <message>
        <source>every SYN lost: the schedule of tcp_syn_retries and tcp_syn_linear_timeouts</source>
        <translation>每个 SYN 都丢失：由 tcp_syn_retries 和 tcp_syn_linear_timeouts 决定的重传时间表</translation>
    </message>
    <message>
        <source>Simultaneous open</source>
        <translation>同时打开</translation>
    </message>
    <message>
        <source>two SYNs cross: both SYN-RECEIVED, then ESTABLISHED</source>
        <translation>两个 SYN 交叉而过：双方先进入 SYN-RECEIVED，再进入 ESTABLISHED</translation>
    </message>
    <message>
        <source>Simultaneous close</source>
        <translation>同时关闭</translation>
    </message>
    <message>
        <source>two FINs cross: both CLOSING, then TIME-WAIT</source>
        <translation>两个 FIN 交叉而过：双方先进入 CLOSING，再进入 TIME-WAIT</translation>
    </message>
    <message>
        <source>Half-close</source>
        <translation>半关闭</translation>
    </message>
    <message>
        <source>shutdown(SHUT_WR): FIN-WAIT-2 while data still flows back</source>
        <translation>shutdown(SHUT_WR)：处于 FIN-WAIT-2 时，数据仍可从对端流回</translation>
    </message>
    <message>
        <source>Abort (RST)</source>
        <translation>异常终止（RST）</translation>
    </message>
    <message>
        <source>SO_LINGER 0 then close(): RST, and the peer's recv fails</source>
        <translation>SO_LINGER 设为 0 后 close()：发出 RST，对端的 recv 失败</translation>
    </message>
    <message>
        <source>Full accept queue</source>
        <translation>全连接队列（accept 队列）已满</translation>
    </message>
    <message>
        <source>listen(1): two connections complete, the third client's SYNs are dropped until accept()</source>
        <translation>listen(1)：两个连接完成握手，第三个客户端的 SYN 一直被丢弃，直到 accept()</translation>
    </message>
    <message>
        <source>UDP echo</source>
        <translation>UDP 回显</translation>
    </message>
    <message>
        <source>datagrams with sendto/recvfrom: no handshake, no states</source>
        <translation>用 sendto/recvfrom 收发数据报：没有握手，没有状态</translation>
    </message>
</context>
<context>
    <name>SegmentInspector</name>
    <message>
        <source>Field</source>
        <extracomment>column of the segment inspector: the header field's name, as Wireshark names it column of the segment inspector: Wireshark's display filter name, e.g. tcp.seq_raw</extracomment>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>No segment up to this step.</source>
        <translation>到这一步为止还没有报文段。</translation>
    </message>
    <message>
        <source>[Event source]</source>
        <translation>[事件来源]</translation>
    </message>
    <message>
        <source>[Time since the session began]</source>
        <extracomment>%1 milliseconds, e.g. "12.345 ms"</extracomment>
        <translation>[自会话开始以来的时间]</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Src: %1, Dst: %2</source>
        <extracomment>Wireshark's summary of the IP header, %1 source address, %2 destination address</extracomment>
        <translation>源地址：%1，目的地址：%2</translation>
    </message>
    <message>
        <source>Internet Protocol Version 6</source>
        <translation>网际协议第 6 版（IPv6）</translation>
    </message>
    <message>
        <source>Internet Protocol Version 4</source>
        <translation>网际协议第 4 版（IPv4）</translation>
    </message>
    <message>
        <source>Source Address</source>
        <translation>源地址</translation>
    </message>
    <message>
        <source>Destination Address</source>
        <translation>目的地址</translation>
    </message>
    <message>
        <source>Src Port: %1, Dst Port: %2, Seq: %3, Ack: %4, Len: %5</source>
        <extracomment>Wireshark's summary line of the TCP header</extracomment>
        <translation>源端口：%1，目的端口：%2，序号：%3，确认号：%4，长度：%5</translation>
    </message>
    <message>
        <source>Transmission Control Protocol</source>
        <translation>传输控制协议（TCP）</translation>
    </message>
    <message>
        <source>Source Port</source>
        <translation>源端口</translation>
    </message>
    <message>
        <source>Destination Port</source>
        <translation>目的端口</translation>
    </message>
    <message>
        <source>[Stream index]</source>
        <translation>[流索引]</translation>
    </message>
    <message>
        <source>Which connection this is, numbered as Wireshark's tcp.stream.</source>
        <translation>这是哪一条连接，编号方式与 Wireshark 的 tcp.stream 相同。</translation>
    </message>
    <message>
        <source>[TCP Segment Len]</source>
        <translation>[TCP 报文段长度]</translation>
    </message>
    <message>
        <source>Payload bytes.</source>
        <translation>载荷的字节数。</translation>
    </message>
    <message>
        <source>Sequence Number (relative sequence number)</source>
        <translation>序号（相对序号）</translation>
    </message>
    <message>
        <source>Counted from the sender's initial sequence number (ISN), as Wireshark shows it.</source>
        <translation>从发送方的初始序号（ISN）起算，与 Wireshark 的显示方式相同。</translation>
    </message>
    <message>
        <source>Sequence Number (raw)</source>
        <translation>序号（原始值）</translation>
    </message>
    <message>
        <source>The 32-bit number as on the wire.</source>
        <translation>线路上实际传输的 32 位数值。</translation>
    </message>
    <message>
        <source>[Next Sequence Number (relative sequence number)]</source>
        <translation>[下一个序号（相对序号）]</translation>
    </message>
    <message>
        <source>Sequence number + payload length, plus 1 for SYN or FIN.</source>
        <translation>序号 + 载荷长度；带 SYN 或 FIN 时再加 1。</translation>
    </message>
    <message>
        <source>not used (ACK not set)</source>
        <extracomment>the acknowledgment number is not meaningful: the ACK flag is not set</extracomment>
        <translation>未使用（ACK 未置位）</translation>
    </message>
    <message>
        <source>Acknowledgment Number (relative ack number)</source>
        <translation>确认号（相对确认号）</translation>
    </message>
    <message>
        <source>The next sequence number the sender expects, counted from the receiver's ISN.</source>
        <translation>发送方期望收到的下一个序号，从接收方的初始序号（ISN）起算。</translation>
    </message>
    <message>
        <source>Acknowledgment number (raw)</source>
        <translation>确认号（原始值）</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>已置位</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未置位</translation>
    </message>
    <message>
        <source>Acknowledgment</source>
        <translation>确认（ACK）</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>推送（PSH）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>复位（RST）</translation>
    </message>
    <message>
        <source>Syn</source>
        <translation>同步（SYN）</translation>
    </message>
    <message>
        <source>Fin</source>
        <translation>终止（FIN）</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Maximum segment size</source>
        <translation>最大报文段长度</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Window scale</source>
        <translation>窗口扩大因子</translation>
    </message>
    <message>
        <source>%1 (multiply by %2)</source>
        <translation>%1（乘以 %2）</translation>
    </message>
    <message>
        <source>SACK permitted</source>
        <translation>允许选择确认（SACK）</translation>
    </message>
    <message>
        <source>Timestamps</source>
        <translation>时间戳选项</translation>
    </message>
    <message>
        <source>No-Operation (NOP)</source>
        <translation>无操作（NOP）</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>[TCP payload]</source>
        <extracomment>%n payload bytes, %1 the payload as quoted text</extracomment>
        <translation>[TCP 载荷]</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s): %1</source>
        <translation><numerusform>%n 字节：%1</numerusform></translation>
    </message>
    <message>
        <source>Src Port: %1, Dst Port: %2</source>
        <extracomment>Wireshark's summary line of the UDP header</extracomment>
        <translation>源端口：%1，目的端口：%2</translation>
    </message>
    <message>
        <source>User Datagram Protocol</source>
        <translation>用户数据报协议（UDP）</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Header (8 bytes) plus payload.</source>
        <translation>首部（8 字节）加上载荷。</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Filter field</source>
        <translation>过滤字段</translation>
    </message>
    <message>
        <source>The 16-bit window field as on the wire.</source>
        <translation>线上的 16 位窗口字段。</translation>
    </message>
    <message>
        <source>[Calculated window size]</source>
        <translation>[计算窗口大小]</translation>
    </message>
    <message>
        <source>The receive window in bytes: the field × 2^shift, the shift the sender announced in its SYN.</source>
        <translation>接收窗口（字节）：窗口字段 × 2^移位计数，移位计数由发送方在它的 SYN 中通告。</translation>
    </message>
    <message>
        <source>not scaled (a SYN's window never is)</source>
        <extracomment>window scaling factor of a SYN segment</extracomment>
        <translation>不扩大（SYN 的窗口从不乘以扩大因子）</translation>
    </message>
    <message>
        <source>%1 (shift %2)</source>
        <extracomment>%1 the multiplier 2^shift, %2 the shift count</extracomment>
        <translation>%1（移位 %2）</translation>
    </message>
    <message>
        <source>no window scaling used</source>
        <translation>未使用窗口扩大因子</translation>
    </message>
    <message>
        <source>unknown (the handshake is not on the timeline)</source>
        <translation>未知（时间线上没有这次握手）</translation>
    </message>
    <message>
        <source>[Window size scaling factor]</source>
        <translation>[窗口扩大倍数]</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>MSS Value</source>
        <translation>MSS 值</translation>
    </message>
    <message>
        <source>Shift count</source>
        <translation>移位计数</translation>
    </message>
    <message>
        <source>[Multiplier]</source>
        <translation>[乘数]</translation>
    </message>
    <message>
        <source>TCP SACK Permitted Option</source>
        <translation>TCP SACK 允许选项</translation>
    </message>
    <message>
        <source>Timestamp value</source>
        <translation>时间戳值</translation>
    </message>
    <message>
        <source>Timestamp echo reply</source>
        <translation>时间戳回显应答</translation>
    </message>
    <message>
        <source>Frame Number</source>
        <translation>帧编号</translation>
    </message>
    <message>
        <source>The packet's number in the capture file, as Wireshark counts (from 1).</source>
        <translation>数据包在抓包文件中的编号，与 Wireshark 的计数相同（从 1 开始）。</translation>
    </message>
    <message>
        <source>[Time since reference or first frame]</source>
        <translation>[自参考帧或第一帧起的时间]</translation>
    </message>
</context>
<context>
    <name>ServerPane</name>
    <message>
        <source>Server (TCP echo)</source>
        <translation>服务器（TCP 回显）</translation>
    </message>
    <message>
        <source>Reply:</source>
        <translation>回复：</translation>
    </message>
    <message>
        <source>Sent with sendall() in the text encoding chosen below</source>
        <translation>用 sendall() 发送，编码为下方所选的文本编码</translation>
    </message>
</context>
<context>
    <name>SocketApi</name>
    <message>
        <source>Address family IPv4, Python's default. Addresses are (host, port) tuples such as ('127.0.0.1', 8888).</source>
        <translation>IPv4 地址族，Python 的默认值。地址是 (host, port) 元组，例如 ('127.0.0.1', 8888)。</translation>
    </message>
    <message>
        <source>Address family IPv6. Addresses are (host, port, flowinfo, scope_id) tuples; (host, port) is enough, e.g. ('::1', 8888).</source>
        <translation>IPv6 地址族。地址是 (host, port, flowinfo, scope_id) 元组；只写 (host, port) 也可以，例如 ('::1', 8888)。</translation>
    </message>
    <message>
        <source>A listening socket bound to "::" also accepts IPv4 clients, seen as ::ffff:127.0.0.1, unless the option IPV6_V6ONLY is set.</source>
        <translation>绑定在 "::" 上的监听套接字也接受 IPv4 客户端，看到的地址是 ::ffff:127.0.0.1，除非设置了选项 IPV6_V6ONLY。</translation>
    </message>
    <message>
        <source>Unix domain sockets: communication between processes on the same machine, addressed by a file system path (on Linux also an abstract name) instead of a host and port. No IP and no TCP are involved.</source>
        <translation>Unix 域套接字：同一台机器上进程之间的通信，用文件系统路径（在 Linux 上也可以是抽象名字）寻址，而不是主机和端口。其中不涉及 IP，也不涉及 TCP。</translation>
    </message>
    <message>
        <source>A reliable, ordered, connection-based byte stream, Python's default type. With AF_INET or AF_INET6 and protocol 0 the kernel chooses TCP (IPPROTO_TCP, 6).</source>
        <translation>可靠、有序、面向连接的字节流，Python 的默认类型。配合 AF_INET 或 AF_INET6 且协议为 0 时，内核选用 TCP（IPPROTO_TCP，6）。</translation>
    </message>
    <message>
        <source>A byte stream keeps no message boundaries: one send() may arrive as several recv()s and several send()s as one.</source>
        <translation>字节流不保留消息边界：一次 send() 可能分成几次 recv() 收到，几次 send() 也可能合成一次收到。</translation>
    </message>
    <message>
        <source>Datagrams: connectionless, unreliable messages of bounded size. With AF_INET or AF_INET6 and protocol 0 the kernel chooses UDP (IPPROTO_UDP, 17).</source>
        <translation>数据报：无连接、不可靠、大小有限的消息。配合 AF_INET 或 AF_INET6 且协议为 0 时，内核选用 UDP（IPPROTO_UDP，17）。</translation>
    </message>
    <message>
        <source>Each recvfrom() returns one whole datagram; one longer than the buffer is truncated and the rest is lost.</source>
        <translation>每次 recvfrom() 返回一个完整的数据报；比缓冲区长的数据报会被截断，其余部分丢失。</translation>
    </message>
    <message>
        <source>A raw socket: the program sends and receives the IP packets of one protocol, such as ICMP, itself, without TCP or UDP; with the option IP_HDRINCL it writes the IP header too.</source>
        <translation>原始套接字：程序自己收发某一协议（例如 ICMP）的 IP 分组，不经过 TCP 或 UDP；设置选项 IP_HDRINCL 后连 IP 首部也由程序自己写。</translation>
    </message>
    <message>
        <source>Linux requires the capability CAP_NET_RAW (usually root): without it socket() fails with EPERM (1). A raw socket also needs a protocol: socket(AF_INET, SOCK_RAW) with protocol 0 fails with EPROTONOSUPPORT (93).</source>
        <translation>Linux 要求具备 CAP_NET_RAW 能力（通常是 root）：没有它，socket() 以 EPERM（1）失败。原始套接字还必须指定协议：协议为 0 的 socket(AF_INET, SOCK_RAW) 以 EPROTONOSUPPORT（93）失败。</translation>
    </message>
    <message>
        <source>Reliably delivered messages: datagrams that are guaranteed to arrive, in no particular order.</source>
        <translation>可靠投递的消息：保证送达、但不保证顺序的数据报。</translation>
    </message>
    <message>
        <source>Linux implements SOCK_RDM only for TIPC (AF_TIPC), not for TCP/IP: socket(AF_INET, SOCK_RDM) fails with ESOCKTNOSUPPORT (94). The source text's "SOCK_RAM" is a typo for SOCK_RDM, and its sentences about low-level access to raw protocols such as ICMP describe SOCK_RAW.</source>
        <translation>Linux 只为 TIPC（AF_TIPC）实现了 SOCK_RDM，TCP/IP 没有：socket(AF_INET, SOCK_RDM) 以 ESOCKTNOSUPPORT（94）失败。原文的“SOCK_RAM”是 SOCK_RDM 的笔误，而它关于“对原始协议的低级访问”、“发送 ICMP 报文”的那几句说的是 SOCK_RAW。</translation>
    </message>
    <message>
        <source>Sequenced packets: reliable, ordered and connection-based like SOCK_STREAM, but keeping message boundaries like SOCK_DGRAM.</source>
        <translation>有序分组：像 SOCK_STREAM 一样可靠、有序、面向连接，又像 SOCK_DGRAM 一样保留消息边界。</translation>
    </message>
    <message>
        <source>On Linux it works with AF_UNIX (and with SCTP, protocol IPPROTO_SCTP), not with TCP/IP's defaults: socket(AF_INET, SOCK_SEQPACKET) fails with ESOCKTNOSUPPORT (94) on this machine.</source>
        <translation>在 Linux 上它可用于 AF_UNIX（以及协议为 IPPROTO_SCTP 的 SCTP），但不能用 TCP/IP 的默认协议：在本机上 socket(AF_INET, SOCK_SEQPACKET) 以 ESOCKTNOSUPPORT（94）失败。</translation>
    </message>
    <message>
        <source>Creates a socket; underneath, socket(2) returns a new file descriptor. family is the address family (AF_INET …), type the socket type (SOCK_STREAM …), and proto 0 lets the kernel choose the protocol for that pair.</source>
        <translation>创建一个套接字；底层的 socket(2) 返回一个新的文件描述符。family 是地址族（AF_INET……），type 是套接字类型（SOCK_STREAM……），proto 为 0 时由内核为这一组合选择协议。</translation>
    </message>
    <message>
        <source>With proto 0 the kernel chooses TCP (6) for SOCK_STREAM and UDP (17) for SOCK_DGRAM; getsockopt(SOL_SOCKET, SO_PROTOCOL) shows which.</source>
        <translation>proto 为 0 时，内核为 SOCK_STREAM 选 TCP（6），为 SOCK_DGRAM 选 UDP（17）；用 getsockopt(SOL_SOCKET, SO_PROTOCOL) 可以看到选了哪个。</translation>
    </message>
    <message>
        <source>Gives the socket its local address. For AF_INET the address is a (host, port) tuple: host "" means every local address, port 0 lets the kernel choose a free port. Servers bind before listen(); a client usually doesn't and gets an address at connect().</source>
        <translation>给套接字指定本地地址。对 AF_INET，地址是 (host, port) 元组：host 为 "" 表示本机所有地址，port 为 0 表示由内核挑一个空闲端口。服务器在 listen() 之前 bind；客户端通常不 bind，在 connect() 时获得地址。</translation>
    </message>
    <message>
        <source>A second socket cannot bind an address already bound: bind() fails with EADDRINUSE (98). The lab's servers set SO_REUSEADDR so that a restarted server can bind a port whose old connection is still in TIME-WAIT.</source>
        <translation>第二个套接字不能绑定已被绑定的地址：bind() 以 EADDRINUSE（98）失败。本实验室的服务器设置了 SO_REUSEADDR，这样重启的服务器可以绑定旧连接仍处于 TIME-WAIT（时间等待）的端口。</translation>
    </message>
    <message>
        <source>Makes a bound TCP socket a listening socket (state LISTEN): from now on the kernel answers SYNs and completes three-way handshakes by itself. backlog bounds the accept queue of completed connections waiting for accept().</source>
        <translation>把已绑定的 TCP 套接字变成监听套接字（状态 LISTEN 监听）：此后由内核自己应答 SYN、完成三次握手。backlog 限定全连接队列（accept 队列）的长度，队列里是等待 accept() 的已完成连接。</translation>
    </message>
    <message>
        <source>The source text calls backlog the number of connections pending "before refusing". On Linux it bounds only the accept queue, which holds backlog + 1 connections, and a full queue refuses nobody: the kernel drops the new SYN, the client stays in SYN-SENT and retransmits it, so its connect() waits instead of failing.</source>
        <translation>原文说 backlog 是“在拒绝连接之前”可以挂起的最大连接数。在 Linux 上它只限定全连接队列（accept 队列），队列可容纳 backlog + 1 个连接；队列满了也不拒绝任何人：内核丢弃新来的 SYN，客户端停在 SYN-SENT（同步已发送）并重传 SYN，所以它的 connect() 是在等待，而不是失败。</translation>
    </message>
    <message>
        <source>Chooses blocking (True, the default) or non-blocking (False) mode. In non-blocking mode a call that would have to wait (accept() with no connection queued, recv() with nothing received) fails at once with BlockingIOError, errno EAGAIN (11).</source>
        <translation>选择阻塞（True，默认）或非阻塞（False）模式。在非阻塞模式下，本该等待的调用（队列中没有连接时的 accept()、什么也没收到时的 recv()）会立即以 BlockingIOError 失败，errno 为 EAGAIN（11）。</translation>
    </message>
    <message>
        <source>setblocking(False) is settimeout(0.0) and setblocking(True) is settimeout(None). EAGAIN is no failure of the socket: call again when select() or poll() reports it ready.</source>
        <translation>setblocking(False) 就是 settimeout(0.0)，setblocking(True) 就是 settimeout(None)。EAGAIN 不代表套接字出了故障：等 select() 或 poll() 报告它就绪时再调用。</translation>
    </message>
    <message>
        <source>Takes the next completed connection from the listening socket's accept queue and returns (conn, address): a new socket for that connection and the client's address. The listening socket stays in LISTEN for more clients. Blocks while the queue is empty.</source>
        <translation>从监听套接字的全连接队列（accept 队列）取出下一个已完成的连接，返回 (conn, address)：该连接的新套接字和客户端的地址。监听套接字仍处于 LISTEN，继续等待其他客户端。队列为空时阻塞。</translation>
    </message>
    <message>
        <source>accept() takes no part in the three-way handshake: the kernel has completed it already, and accept() only dequeues the connection. Non-blocking, with an empty queue, it fails with EAGAIN (11).</source>
        <translation>accept() 不参与三次握手：握手早已由内核完成，accept() 只是把连接从队列中取出。非阻塞且队列为空时，它以 EAGAIN（11）失败。</translation>
    </message>
    <message>
        <source>Connects to the server at address. For TCP the kernel sends SYN, and connect() returns when the SYN-ACK arrives: the client is then ESTABLISHED. A failure raises OSError.</source>
        <translation>连接到 address 处的服务器。对 TCP，内核发出 SYN，收到 SYN-ACK 时 connect() 返回：此时客户端处于 ESTABLISHED（已建立连接）。失败时抛出 OSError。</translation>
    </message>
    <message>
        <source>The source text says connect() "returns socket.error"; it raises it (socket.error is OSError in Python 3). To a port where nothing listens it raises ConnectionRefusedError, errno ECONNREFUSED (111): the server's kernel answered the SYN with RST.</source>
        <translation>原文说 connect()“返回 socket.error 错误”；其实是抛出（在 Python 3 中 socket.error 就是 OSError）。连接到无人监听的端口时，它抛出 ConnectionRefusedError，errno 为 ECONNREFUSED（111）：服务器的内核用 RST 回应了 SYN。</translation>
    </message>
    <message>
        <source>Like connect(), but returns an error indicator instead of raising: 0 on success, else the errno.</source>
        <translation>与 connect() 相同，但不抛出异常，而是返回错误码：成功时为 0，否则为 errno。</translation>
    </message>
    <message>
        <source>The source text's 10061 is Windows' WSAECONNREFUSED. On Linux a refused connection returns 111 (ECONNREFUSED). Name lookup errors (socket.gaierror) are still raised.</source>
        <translation>原文中的 10061 是 Windows 的 WSAECONNREFUSED。在 Linux 上，连接被拒绝时返回 111（ECONNREFUSED）。名字解析错误（socket.gaierror）仍然会抛出。</translation>
    </message>
    <message>
        <source>Releases the socket. On a TCP connection the kernel then sends FIN, the first step of the four-way close, and the peer's recv() returns b"". Afterwards fileno() returns -1 and other calls raise OSError EBADF (9).</source>
        <translation>释放套接字。在 TCP 连接上，内核随即发出 FIN，即四次挥手的第一步，对端的 recv() 返回 b""。此后 fileno() 返回 -1，其他调用抛出 OSError EBADF（9）。</translation>
    </message>
    <message>
        <source>If received data is still unread, Linux sends RST instead of FIN (an abort), and the peer may see ECONNRESET.</source>
        <translation>如果收到的数据还没读完，Linux 发出的是 RST 而不是 FIN（异常终止（复位）），对端可能看到 ECONNRESET。</translation>
    </message>
    <message>
        <source>Returns the bytes received, at most bufsize of them; blocks until at least one byte is there.</source>
        <translation>返回收到的字节，最多 bufsize 个；至少有一个字节到达之前一直阻塞。</translation>
    </message>
    <message>
        <source>b"" (empty) means end of stream: the peer sent FIN. It is neither an error nor "no data yet". TCP is a byte stream, so one recv() may return part of a send() or parts of several. In Python 3 the data is bytes, not a string as the source text says.</source>
        <translation>b""（空）表示流结束：对端发来了 FIN。它既不是错误，也不是“暂时没有数据”。TCP 是字节流，所以一次 recv() 可能只返回一次 send() 的一部分，也可能返回几次 send() 的内容。在 Python 3 中数据是 bytes，而不是原文所说的字符串。</translation>
    </message>
    <message>
        <source>For datagram sockets: returns (data, address), one datagram and its sender's address.</source>
        <translation>用于数据报套接字：返回 (data, address)，即一个数据报及其发送方的地址。</translation>
    </message>
    <message>
        <source>One call returns one datagram; one longer than bufsize is truncated and the rest is lost. The source text's "[.flag]" should read "[, flags]".</source>
        <translation>一次调用返回一个数据报；比 bufsize 长的数据报会被截断，其余部分丢失。原文的“[.flag]”应为“[, flags]”。</translation>
    </message>
    <message>
        <source>Hands data to the kernel for a connected socket and returns the number of bytes it took.</source>
        <translation>把数据交给已连接套接字的内核，返回内核接收的字节数。</translation>
    </message>
    <message>
        <source>The number may be smaller than len(data): the kernel takes only what fits in the send buffer. Check it and send the rest, or use sendall().</source>
        <translation>这个数可能小于 len(data)：内核只接收发送缓冲区放得下的部分。要检查它并发送剩下的部分，或者改用 sendall()。</translation>
    </message>
    <message>
        <source>Sends all of data: it calls send() again until every byte is taken, waiting whenever the send buffer is full. Returns None; on an error it raises, and how much was sent is then unknown.</source>
        <translation>发送全部数据：反复调用 send()，直到每个字节都被接收，发送缓冲区满时就等待。返回 None；出错时抛出异常，此时无法知道已经发送了多少。</translation>
    </message>
    <message>
        <source>The source text says sendall() calls send() recursively; it loops. Since Python 3.5 a timeout bounds the whole sendall(), not each send().</source>
        <translation>原文说 sendall() 内部“递归调用 send”；其实是循环调用。自 Python 3.5 起，超时限定的是整个 sendall()，而不是每一次 send()。</translation>
    </message>
    <message>
        <source>Sends one datagram to address, without a connection, and returns the number of bytes sent. Used with UDP.</source>
        <translation>不建立连接，向 address 发送一个数据报，返回发送的字节数。用于 UDP。</translation>
    </message>
    <message>
        <source>UDP does not know whether anyone receives: sendto() to a port where nothing listens still returns the byte count.</source>
        <translation>UDP 不知道有没有人接收：向无人监听的端口 sendto()，照样返回字节数。</translation>
    </message>
    <message>
        <source>Sets a timeout in seconds (a float) for the calls that block: a call that cannot complete in time raises socket.timeout (TimeoutError). None means no timeout.</source>
        <translation>为会阻塞的调用设置超时，单位为秒（浮点数）：未能按时完成的调用抛出 socket.timeout（TimeoutError）。None 表示不设超时。</translation>
    </message>
    <message>
        <source>settimeout(0) is non-blocking mode, the same as setblocking(False): calls fail at once with EAGAIN (11) instead of waiting. The timeout applies to each call, connect() included.</source>
        <translation>settimeout(0) 就是非阻塞模式，与 setblocking(False) 相同：调用不等待，立即以 EAGAIN（11）失败。超时作用于每一次调用，包括 connect()。</translation>
    </message>
    <message>
        <source>Returns the timeout in seconds, or None when the socket blocks without a timeout.</source>
        <translation>返回以秒为单位的超时；套接字阻塞且不设超时时返回 None。</translation>
    </message>
    <message>
        <source>Not in the source text. After setblocking(False) it returns 0.0, after setblocking(True) None.</source>
        <translation>原文没有列出。setblocking(False) 之后它返回 0.0，setblocking(True) 之后返回 None。</translation>
    </message>
    <message>
        <source>Returns the remote address of a connected socket; for AF_INET a (host, port) tuple.</source>
        <translation>返回已连接套接字的远端地址；对 AF_INET 是 (host, port) 元组。</translation>
    </message>
    <message>
        <source>On a socket that is not connected it raises OSError ENOTCONN (107).</source>
        <translation>在未连接的套接字上，它抛出 OSError ENOTCONN（107）。</translation>
    </message>
    <message>
        <source>Returns the socket's own address; after bind(('127.0.0.1', 0)) it shows the port the kernel chose.</source>
        <translation>返回套接字自己的地址；在 bind(('127.0.0.1', 0)) 之后，可以看到内核选定的端口。</translation>
    </message>
    <message>
        <source>Before bind() or connect() it returns ('0.0.0.0', 0): the socket has no address yet.</source>
        <translation>在 bind() 或 connect() 之前，它返回 ('0.0.0.0', 0)：套接字还没有地址。</translation>
    </message>
    <message>
        <source>Sets a socket option, e.g. setsockopt(SOL_SOCKET, SO_REUSEADDR, 1) so that a server can bind a port still in TIME-WAIT, or SO_RCVBUF, the receive buffer size in bytes.</source>
        <translation>设置套接字选项，例如 setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)，让服务器可以绑定仍处于 TIME-WAIT 的端口；又如 SO_RCVBUF，即接收缓冲区的大小（字节）。</translation>
    </message>
    <message>
        <source>Not in the source text. Linux doubles the buffer size it is given, for its own bookkeeping (socket(7)): after setsockopt(SOL_SOCKET, SO_RCVBUF, 4096), getsockopt() returns 8192.</source>
        <translation>原文没有列出。Linux 会把给定的缓冲区大小加倍，用于自身的簿记开销（见 socket(7)）：setsockopt(SOL_SOCKET, SO_RCVBUF, 4096) 之后，getsockopt() 返回 8192。</translation>
    </message>
    <message>
        <source>Reads a socket option: SO_TYPE gives the socket type, SO_RCVBUF the receive buffer size in bytes, SO_ERROR the pending error.</source>
        <translation>读取套接字选项：SO_TYPE 给出套接字类型，SO_RCVBUF 给出接收缓冲区大小（字节），SO_ERROR 给出待处理的错误。</translation>
    </message>
    <message>
        <source>Not in the source text. A new TCP socket's SO_RCVBUF is the middle value of the sysctl net.ipv4.tcp_rmem (131072 by default).</source>
        <translation>原文没有列出。新建 TCP 套接字的 SO_RCVBUF 是 sysctl 参数 net.ipv4.tcp_rmem 的中间值（默认 131072）。</translation>
    </message>
    <message>
        <source>Returns the socket's file descriptor, the small integer socket(2) returned; select() and poll() watch it.</source>
        <translation>返回套接字的文件描述符，即 socket(2) 返回的那个小整数；select() 和 poll() 监视的就是它。</translation>
    </message>
    <message>
        <source>After close() it returns -1.</source>
        <translation>close() 之后它返回 -1。</translation>
    </message>
    <message>
        <source>The demonstration did not end within %1 s.</source>
        <translation>演示未能在 %1 秒内结束。</translation>
    </message>
    <message>
        <source>Not as expected: %1</source>
        <translation>与预期不符：%1</translation>
    </message>
    <message>
        <source>socket(AF_UNIX, SOCK_STREAM) made a Unix domain socket: SO_DOMAIN reads back %1. Its addresses are file system paths, not (host, port).</source>
        <translation>socket(AF_UNIX, SOCK_STREAM) 创建了一个 Unix 域套接字：读回的 SO_DOMAIN 为 %1。它的地址是文件系统路径，而不是 (host, port)。</translation>
    </message>
    <message>
        <source>socket(%1, SOCK_STREAM): SO_DOMAIN reads back %2, and the bound address is %3.</source>
        <translation>socket(%1, SOCK_STREAM)：读回的 SO_DOMAIN 为 %2，绑定的地址是 %3。</translation>
    </message>
    <message>
        <source>socket(AF_INET, %1): SO_TYPE reads back %2, and with protocol 0 the kernel chose protocol %3 (%4).</source>
        <translation>socket(AF_INET, %1)：读回的 SO_TYPE 为 %2；协议为 0 时，内核选择了协议 %3（%4）。</translation>
    </message>
    <message>
        <source>socket(AF_INET, SOCK_RAW) without a protocol failed with EPROTONOSUPPORT (%1); with IPPROTO_ICMP it returned descriptor %2: this process has CAP_NET_RAW.</source>
        <translation>不指定协议的 socket(AF_INET, SOCK_RAW) 以 EPROTONOSUPPORT（%1）失败；指定 IPPROTO_ICMP 后返回了描述符 %2：本进程具有 CAP_NET_RAW。</translation>
    </message>
    <message>
        <source>socket(AF_INET, SOCK_RAW) without a protocol failed with EPROTONOSUPPORT (%1); with IPPROTO_ICMP it failed with EPERM (%2): this process lacks CAP_NET_RAW.</source>
        <translation>不指定协议的 socket(AF_INET, SOCK_RAW) 以 EPROTONOSUPPORT（%1）失败；指定 IPPROTO_ICMP 后以 EPERM（%2）失败：本进程没有 CAP_NET_RAW。</translation>
    </message>
    <message>
        <source>socket(AF_INET, SOCK_RDM) failed with %1 (%2): Linux offers no reliable datagrams over TCP/IP.</source>
        <translation>socket(AF_INET, SOCK_RDM) 以 %1（%2）失败：Linux 的 TCP/IP 不提供可靠数据报。</translation>
    </message>
    <message>
        <source>socket(AF_INET, SOCK_SEQPACKET) failed with %1 (%2); socket(AF_UNIX, SOCK_SEQPACKET) worked, and SO_TYPE reads back %3.</source>
        <translation>socket(AF_INET, SOCK_SEQPACKET) 以 %1（%2）失败；socket(AF_UNIX, SOCK_SEQPACKET) 成功，读回的 SO_TYPE 为 %3。</translation>
    </message>
    <message>
        <source>socket.socket() returned descriptor %1; with proto 0 the kernel chose protocol %2 (IPPROTO_TCP).</source>
        <translation>socket.socket() 返回了描述符 %1；proto 为 0 时，内核选择了协议 %2（IPPROTO_TCP）。</translation>
    </message>
    <message>
        <source>bind(('127.0.0.1', 0)) got port %1 from the kernel; a second socket's bind() to that port failed with EADDRINUSE (%2).</source>
        <translation>bind(('127.0.0.1', 0)) 从内核得到了端口 %1；第二个套接字 bind() 到这个端口时以 EADDRINUSE（%2）失败。</translation>
    </message>
    <message>
        <source>listen(1): two clients connected without any accept() (the accept queue holds backlog + 1); the third was not refused: its connect() was still waiting after 0.3 s (timeout).</source>
        <translation>listen(1)：没有调用 accept()，两个客户端也连上了（全连接队列可容纳 backlog + 1 个连接）；第三个客户端没有被拒绝：0.3 秒后它的 connect() 仍在等待（超时）。</translation>
    </message>
    <message>
        <source>setblocking(False): accept() with an empty accept queue failed at once with EAGAIN (%1) instead of waiting.</source>
        <translation>setblocking(False)：全连接队列为空时，accept() 不等待，立即以 EAGAIN（%1）失败。</translation>
    </message>
    <message>
        <source>accept() returned a new socket (descriptor %1) for the client %2. Before the client connected, the accept queue was empty and the non-blocking accept() failed with EAGAIN (%3).</source>
        <translation>accept() 为客户端 %2 返回了一个新套接字（描述符 %1）。在客户端连接之前，全连接队列为空，非阻塞的 accept() 以 EAGAIN（%3）失败。</translation>
    </message>
    <message>
        <source>connect_ex() returned %1 (ECONNREFUSED) while nothing listened on the port, and 0 after listen(); it raised nothing.</source>
        <translation>端口无人监听时 connect_ex() 返回 %1（ECONNREFUSED），listen() 之后返回 0；它没有抛出任何异常。</translation>
    </message>
    <message>
        <source>Before listen(), connect() raised ConnectionRefusedError, errno %1 (ECONNREFUSED): the server's kernel answered with RST. After listen() it connected.</source>
        <translation>在 listen() 之前，connect() 抛出 ConnectionRefusedError，errno 为 %1（ECONNREFUSED）：服务器的内核回应了 RST。listen() 之后它连上了。</translation>
    </message>
    <message>
        <source>After the client's close() (FIN), the server's recv() returned b"" (end of stream), and the client's fileno() returns -1.</source>
        <translation>客户端 close()（发出 FIN）之后，服务器的 recv() 返回 b""（流结束），客户端的 fileno() 返回 -1。</translation>
    </message>
    <message>
        <source>recv(1024) returned the %1 bytes the client sent; after the client's close() it returned b"": end of stream, not an error.</source>
        <translation>recv(1024) 返回了客户端发送的 %1 个字节；客户端 close() 之后它返回 b""：流结束，而不是错误。</translation>
    </message>
    <message>
        <source>send() of %1 bytes returned %2: the kernel took only what fit in the buffers. Sending the rest is the program's job, or sendall()'s.</source>
        <translation>send() 发送 %1 字节，返回 %2：内核只接收了缓冲区放得下的部分。剩下的要由程序自己发送，或者交给 sendall()。</translation>
    </message>
    <message>
        <source>send() of %1 bytes returned %2: this time everything fit in the buffers.</source>
        <translation>send() 发送 %1 字节，返回 %2：这一次缓冲区放得下全部数据。</translation>
    </message>
    <message>
        <source>sendall() of %1 bytes returned None once the kernel had taken them all; meanwhile the server read them with %2 recv() calls.</source>
        <translation>sendall() 发送 %1 字节，等内核全部接收后返回 None；在此期间服务器调用了 %2 次 recv() 才读完。</translation>
    </message>
    <message>
        <source>recvfrom(1024) returned one datagram of %1 bytes and its sender %2.</source>
        <translation>recvfrom(1024) 返回了一个 %1 字节的数据报及其发送方 %2。</translation>
    </message>
    <message>
        <source>sendto() returned %1 both times: to the server, and again after the server had closed. UDP does not know whether anyone receives.</source>
        <translation>sendto() 两次都返回 %1：一次发给服务器，一次在服务器关闭之后。UDP 不知道有没有人接收。</translation>
    </message>
    <message>
        <source>settimeout(0.2): recvfrom() gave up after %1 ms with socket.timeout. settimeout(0): it failed at once with EAGAIN (%2), as after setblocking(False).</source>
        <translation>settimeout(0.2)：recvfrom() 在 %1 毫秒后以 socket.timeout 放弃。settimeout(0)：它立即以 EAGAIN（%2）失败，与 setblocking(False) 之后相同。</translation>
    </message>
    <message>
        <source>gettimeout() returned None, then 2.5 after settimeout(2.5), then 0.0 after setblocking(False).</source>
        <translation>gettimeout() 先返回 None，settimeout(2.5) 之后返回 2.5，setblocking(False) 之后返回 0.0。</translation>
    </message>
    <message>
        <source>getpeername() raised ENOTCONN (%1) before connect() and returned %2, the server's address, after it.</source>
        <translation>getpeername() 在 connect() 之前抛出 ENOTCONN（%1），之后返回服务器的地址 %2。</translation>
    </message>
    <message>
        <source>getsockname() returned ('0.0.0.0', 0) before bind() and %1 after bind(('127.0.0.1', 0)): the kernel chose port %2.</source>
        <translation>getsockname() 在 bind() 之前返回 ('0.0.0.0', 0)，在 bind(('127.0.0.1', 0)) 之后返回 %1：内核选定了端口 %2。</translation>
    </message>
    <message>
        <source>SO_RCVBUF was %1; after setsockopt(SOL_SOCKET, SO_RCVBUF, %2) getsockopt() returns %3: Linux doubled the value.</source>
        <translation>SO_RCVBUF 原为 %1；setsockopt(SOL_SOCKET, SO_RCVBUF, %2) 之后 getsockopt() 返回 %3：Linux 把这个值加倍了。</translation>
    </message>
    <message>
        <source>getsockopt() read SO_TYPE %1 (SOCK_STREAM), SO_RCVBUF %2 bytes and SO_ERROR 0 (no pending error).</source>
        <translation>getsockopt() 读到 SO_TYPE 为 %1（SOCK_STREAM），SO_RCVBUF 为 %2 字节，SO_ERROR 为 0（没有待处理的错误）。</translation>
    </message>
    <message>
        <source>fileno() returned %1, the descriptor socket() had returned; after close() it returns -1.</source>
        <translation>fileno() 返回 %1，即 socket() 返回的那个描述符；close() 之后它返回 -1。</translation>
    </message>
</context>
<context>
    <name>StateDiagramView</name>
    <message>
        <source>CLOSED</source>
        <comment>glossary term</comment>
        <extracomment>Under the state name in the state diagram: the glossary's term (关闭). Leave the English name to show nothing.</extracomment>
        <translation>关闭</translation>
    </message>
    <message>
        <source>LISTEN</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (监听)</extracomment>
        <translation>监听</translation>
    </message>
    <message>
        <source>SYN-SENT</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (同步已发送)</extracomment>
        <translation>同步已发送</translation>
    </message>
    <message>
        <source>SYN-RECEIVED</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (同步已收到)</extracomment>
        <translation>同步已收到</translation>
    </message>
    <message>
        <source>ESTABLISHED</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (已建立连接)</extracomment>
        <translation>已建立连接</translation>
    </message>
    <message>
        <source>FIN-WAIT-1</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (终止等待 1)</extracomment>
        <translation>终止等待 1</translation>
    </message>
    <message>
        <source>FIN-WAIT-2</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (终止等待 2)</extracomment>
        <translation>终止等待 2</translation>
    </message>
    <message>
        <source>CLOSE-WAIT</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (关闭等待)</extracomment>
        <translation>关闭等待</translation>
    </message>
    <message>
        <source>CLOSING</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (同时关闭中)</extracomment>
        <translation>同时关闭中</translation>
    </message>
    <message>
        <source>LAST-ACK</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (最后确认)</extracomment>
        <translation>最后确认</translation>
    </message>
    <message>
        <source>TIME-WAIT</source>
        <comment>glossary term</comment>
        <extracomment>the glossary's term (时间等待)</extracomment>
        <translation>时间等待</translation>
    </message>
    <message>
        <source>to CLOSED, from the states marked so:</source>
        <translation>转到 CLOSED（从带此标记的状态出发）：</translation>
    </message>
</context>
<context>
    <name>StatesView</name>
    <message>
        <source>no socket yet</source>
        <translation>尚无套接字</translation>
    </message>
    <message>
        <source>listening socket: %1</source>
        <translation>监听套接字：%1</translation>
    </message>
    <message>
        <source>a program outside the lab: its state is not read</source>
        <translation>实验室之外的程序：无法读取它的状态</translation>
    </message>
    <message>
        <source>datagrams: no connection, no TCP state</source>
        <translation>数据报：没有连接，没有 TCP 状态</translation>
    </message>
    <message>
        <source>sendto() and recvfrom(); nothing to read from the kernel</source>
        <translation>sendto() 和 recvfrom()；没有可从内核读取的状态</translation>
    </message>
    <message>
        <source>state unknown: the lab cannot read another program's socket</source>
        <translation>状态未知：实验室读不到别的程序的套接字</translation>
    </message>
</context>
<context>
    <name>StepperBar</name>
    <message>
        <source>Step %1 of %2</source>
        <extracomment>%1 the step shown (1-based), %2 the number of steps</extracomment>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停（Space）</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>播放（Space）</translation>
    </message>
    <message>
        <source>First step (Home)</source>
        <translation>第一步（Home）</translation>
    </message>
    <message>
        <source>Previous step (← or Page Up)</source>
        <translation>单步后退（← 或 Page Up）</translation>
    </message>
    <message>
        <source>Next step (→ or Page Down)</source>
        <translation>单步前进（→ 或 Page Down）</translation>
    </message>
    <message>
        <source>Last step (End)</source>
        <translation>最后一步（End）</translation>
    </message>
    <message>
        <source>Playing speed</source>
        <translation>播放速度</translation>
    </message>
</context>
<context>
    <name>TcpServerPane</name>
    <message>
        <source>Listening socket: LISTEN · accept queue %1 / %2</source>
        <extracomment>%1/%2: connections waiting for accept() / the limit set by listen(backlog)</extracomment>
        <translation>监听套接字：LISTEN · 全连接队列（accept 队列）%1 / %2</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Backlog:</source>
        <translation>积压队列长度（backlog）：</translation>
    </message>
    <message>
        <source>Option:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>127.0.0.1 keeps the server on this machine (loopback). 0.0.0.0 would accept connections from the network.</source>
        <translation>127.0.0.1 让服务器只在本机（回环）可见；0.0.0.0 则会接受来自网络的连接。</translation>
    </message>
    <message>
        <source>0 lets the kernel choose a free port</source>
        <translation>0 表示由内核选择一个空闲端口</translation>
    </message>
    <message>
        <source>listen(backlog): on Linux, the length of the accept queue of completed connections waiting for accept().</source>
        <translation>listen(backlog)：在 Linux 上，它限制全连接队列（已完成握手、等待 accept() 的连接）的长度。</translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation>停止服务器</translation>
    </message>
    <message>
        <source>Close the listening socket</source>
        <translation>关闭监听套接字</translation>
    </message>
    <message>
        <source>Lets bind() reuse the port while an old connection is still in TIME-WAIT (60 s on Linux). The post does not set it; the lab does by default.</source>
        <translation>允许在旧连接仍处于 TIME-WAIT（Linux 上为 60 秒）时用 bind() 重用端口。原文没有设置它；实验室默认设置。</translation>
    </message>
</context>
<context>
    <name>TcpState</name>
    <message>
        <source>not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <source>no connection</source>
        <translation>关闭：没有连接</translation>
    </message>
    <message>
        <source>waiting for connections</source>
        <translation>监听：等待连接</translation>
    </message>
    <message>
        <source>SYN sent, waiting for SYN-ACK</source>
        <translation>同步已发送：已发出 SYN，等待 SYN-ACK</translation>
    </message>
    <message>
        <source>SYN received, SYN-ACK sent</source>
        <translation>同步已收到：收到 SYN，已回 SYN-ACK</translation>
    </message>
    <message>
        <source>connection established</source>
        <translation>已建立连接</translation>
    </message>
    <message>
        <source>FIN sent, waiting for its ACK</source>
        <translation>终止等待 1：已发出 FIN，等待其 ACK</translation>
    </message>
    <message>
        <source>FIN acknowledged, waiting for the peer's FIN</source>
        <translation>终止等待 2：FIN 已被确认，等待对端的 FIN</translation>
    </message>
    <message>
        <source>peer closed, waiting for our close()</source>
        <translation>关闭等待：对端已关闭，等待本端 close()</translation>
    </message>
    <message>
        <source>both sides closing at once</source>
        <translation>同时关闭中：双方同时关闭</translation>
    </message>
    <message>
        <source>FIN sent, waiting for the last ACK</source>
        <translation>最后确认：已发出 FIN，等待最后的 ACK</translation>
    </message>
    <message>
        <source>waiting 2·MSL (Linux: 60 s) before the address pair is free</source>
        <translation>时间等待：等待 2·MSL（Linux 为 60 秒）后这对地址才可重用</translation>
    </message>
</context>
<context>
    <name>UdpClientPane</name>
    <message>
        <source>Client (UDP echo)</source>
        <translation>客户端（UDP 回显）</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>服务器地址：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>消息：</translation>
    </message>
    <message>
        <source>recvfrom() size:</source>
        <translation>recvfrom() 大小：</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>超时：</translation>
    </message>
    <message>
        <source>Sent with sendto() in the text encoding chosen below</source>
        <translation>用 sendto() 发送，编码为下方所选的文本编码</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Off: the post's client, whose recvfrom() waits forever when no server answers. On: recvfrom() fails with a timeout instead.</source>
        <translation>关闭：原文的客户端，没有服务器回应时 recvfrom() 会永远等下去。打开：recvfrom() 改为以超时失败。</translation>
    </message>
</context>
<context>
    <name>UdpServerPane</name>
    <message>
        <source>Bound to %1 · UDP keeps no connection state</source>
        <extracomment>%1 is the bound address, e.g. 127.0.0.1:8888</extracomment>
        <translation>已绑定到 %1 · UDP 不保存连接状态</translation>
    </message>
    <message>
        <source>Server (UDP echo)</source>
        <translation>服务器（UDP 回显）</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>recvfrom() size:</source>
        <translation>recvfrom() 大小：</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <source>A datagram longer than this is truncated: the rest is lost, not kept for the next recvfrom().</source>
        <translation>比这更长的数据报会被截断：多出的部分丢失，不会留给下一次 recvfrom()。</translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation>停止服务器</translation>
    </message>
    <message>
        <source>Close the server's socket</source>
        <translation>关闭服务器的套接字</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>unsupported language: %1 (use zh_CN or en)</source>
        <translation>不支持的语言：%1（请用 zh_CN 或 en）</translation>
    </message>
    <message>
        <source>Socket Lab: the socket API and the TCP handshake, made visible.</source>
        <translation>套接字实验室：让套接字接口和 TCP 握手看得见。</translation>
    </message>
    <message>
        <source>UI language: zh_CN or en (default: the system's).</source>
        <translation>界面语言：zh_CN 或 en（默认跟随系统）。</translation>
    </message>
    <message>
        <source>List the demos.</source>
        <translation>列出所有演示。</translation>
    </message>
    <message>
        <source>Print the events as JSON Lines, without a window.</source>
        <translation>不开窗口，以 JSON Lines 输出事件。</translation>
    </message>
    <message>
        <source>Print the events as text in the UI language, without a window.</source>
        <translation>不开窗口，以界面语言的文本输出事件。</translation>
    </message>
    <message>
        <source>Run only the server of a demo until interrupted.</source>
        <translation>只运行演示的服务器端，直到被中断。</translation>
    </message>
    <message>
        <source>Run only the client of a demo.</source>
        <translation>只运行演示的客户端。</translation>
    </message>
    <message>
        <source>Render the window offscreen (after the demo, if any) into a PNG file.</source>
        <translation>在屏幕外渲染窗口（若有演示则在其后），保存为 PNG 文件。</translation>
    </message>
    <message>
        <source>invalid port: %1 (0–65535)</source>
        <translation>无效的端口：%1（0–65535）</translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>unexpected argument: %1</source>
        <translation>多余的参数：%1</translation>
    </message>
    <message>
        <source>choose one of --json and --print</source>
        <translation>--json 和 --print 只能选一个</translation>
    </message>
    <message>
        <source>--screenshot needs a file name</source>
        <translation>--screenshot 需要一个文件名</translation>
    </message>
    <message>
        <source>--screenshot renders the window: use it alone or with --demo</source>
        <translation>--screenshot 渲染的是窗口：请单独使用，或与 --demo 一起使用</translation>
    </message>
    <message>
        <source>%1 (see --help)</source>
        <translation>%1（见 --help）</translation>
    </message>
    <message>
        <source>no display to open the window on: run the lab in a desktop session, or use --demo tcp-echo --print, --json or --screenshot FILE.png</source>
        <translation>没有可以打开窗口的显示器：请在桌面会话中运行实验室，或使用 --demo tcp-echo 配合 --print、--json 或 --screenshot FILE.png</translation>
    </message>
    <message>
        <source>--screenshot cannot write .%1 images: use .png</source>
        <translation>--screenshot 无法写入 .%1 图像：请用 .png</translation>
    </message>
    <message>
        <source>Play a scripted scenario of the RFC 9293 model (see --list).</source>
        <translation>播放 RFC 9293 协议模型的一个预设场景（见 --list）。</translation>
    </message>
    <message>
        <source>With --screenshot: show step N (0 = the first) of the scenario or demo.</source>
        <translation>与 --screenshot 一起使用：显示场景或演示的第 N 步（0 表示第一步）。</translation>
    </message>
    <message>
        <source>invalid step: %1 (0 or more)</source>
        <translation>无效的步骤编号：%1（应为 0 或更大）</translation>
    </message>
    <message>
        <source>--step needs --screenshot</source>
        <translation>--step 需要配合 --screenshot</translation>
    </message>
    <message>
        <source>Run a demo on real loopback sockets (see --list).</source>
        <translation>在真实的回环套接字上运行演示（见 --list）。</translation>
    </message>
    <message>
        <source>Port (default: the source text's, 8888 or 8080 for HTTP, with --serve/--client; ephemeral for --demo).</source>
        <translation>端口（--serve/--client 默认用原文的端口：8888，HTTP 为 8080；--demo 默认用临时端口）。</translation>
    </message>
    <message>
        <source>the window runs tcp-echo, http-hello, http-reset and udp-echo: use --demo %1 --print or --json</source>
        <translation>窗口运行 tcp-echo、http-hello、http-reset 和 udp-echo：请用 --demo %1 --print 或 --json</translation>
    </message>
    <message>
        <source>Open the socket API reference at a constant or method, e.g. connect_ex; with --screenshot, try it first.</source>
        <translation>打开套接字 API 参考并定位到一个常量或方法，如 connect_ex；与 --screenshot 同用时先试一试。</translation>
    </message>
    <message>
        <source>--api opens the window: use it alone or with --screenshot</source>
        <translation>--api 会打开窗口：请单独使用，或与 --screenshot 同用</translation>
    </message>
    <message>
        <source>unknown name for --api: %1 (a constant such as AF_INET or a method such as connect_ex)</source>
        <translation>--api 的名称未知：%1（应为 AF_INET 这样的常量或 connect_ex 这样的方法）</translation>
    </message>
    <message>
        <source>Address to bind or connect to (default 127.0.0.1; for getaddrinfo-order a name or a list of addresses, default ::1,127.0.0.1).</source>
        <translation>要绑定或连接的地址（默认 127.0.0.1；getaddrinfo-order 可用一个名字或一串地址，默认 ::1,127.0.0.1）。</translation>
    </message>
    <message>
        <source>could not write the output: %1</source>
        <translation>无法写出输出：%1</translation>
    </message>
    <message>
        <source>Write the segments and datagrams of --scenario or --demo to a pcap capture file (for Wireshark or tshark), without a window.</source>
        <translation>把 --scenario 或 --demo 的报文段和数据报写入 pcap 抓包文件（供 Wireshark 或 tshark 打开），不打开窗口。</translation>
    </message>
    <message>
        <source>--export-pcap needs a file name</source>
        <translation>--export-pcap 需要一个文件名</translation>
    </message>
    <message>
        <source>--export-pcap needs --scenario or --demo (and no --screenshot)</source>
        <translation>--export-pcap 需要与 --scenario 或 --demo 一起使用（不能与 --screenshot 一起使用）</translation>
    </message>
    <message>
        <source>choose one of --capture and --no-capture</source>
        <translation>--capture 和 --no-capture 只能选一个</translation>
    </message>
    <message>
        <source>With --demo tcp-echo, http-hello or http-reset (the default there): capture its packets on lo with socketlab-capture (needs CAP_NET_RAW) and show them instead of inferred segments.</source>
        <translation>用于 --demo tcp-echo、http-hello 或 http-reset（在那里是默认）：用 socketlab-capture 在 lo 上抓包（需要 CAP_NET_RAW），显示抓到的报文段，而不是由调用推断的报文段。</translation>
    </message>
    <message>
        <source>With --demo tcp-echo, http-hello or http-reset: show the segments inferred from the calls, without capture.</source>
        <translation>用于 --demo tcp-echo、http-hello 或 http-reset：不抓包，显示由调用推断的报文段。</translation>
    </message>
    <message>
        <source>--replay needs a file name</source>
        <translation>--replay 需要一个文件名</translation>
    </message>
    <message>
        <source>--export-pcap - writes the capture to standard output: it cannot be combined with --json or --print</source>
        <translation>--export-pcap - 把抓包文件写到标准输出：不能同时使用 --json 或 --print</translation>
    </message>
    <message>
        <source>Read a capture file (pcap, pcapng, also gzip or zstd compressed) and print its TCP connections with both endpoints' inferred states (with --json or --print); without them, open it in the window (--screenshot: its first connection).</source>
        <translation>读取抓包文件（pcap、pcapng，也可以是 gzip 或 zstd 压缩的），输出其中的 TCP 连接和两端推断出的状态（配合 --json 或 --print）；不加这两个选项时在窗口中打开（配合 --screenshot：显示第一个连接）。</translation>
    </message>
    <message>
        <source>choose one of --demo, --scenario, --api, --serve, --client and --list</source>
        <translation>--demo、--scenario、--api、--serve、--client 和 --list 只能选一个</translation>
    </message>
    <message>
        <source>--replay reads a capture file: use it without --demo, --scenario, --api, --serve, --client and --list</source>
        <translation>--replay 读取的是抓包文件：不能与 --demo、--scenario、--api、--serve、--client 或 --list 同时使用</translation>
    </message>
    <message>
        <source>%1 needs --demo tcp-echo, http-hello or http-reset with --json, --print or --export-pcap</source>
        <translation>%1 需要与 --demo tcp-echo、http-hello 或 http-reset 以及 --json、--print 或 --export-pcap 一起使用</translation>
    </message>
    <message>
        <source>--json and --print need --demo, --scenario, --serve or --client (see --help)</source>
        <translation>--json 和 --print 需要配合 --demo、--scenario、--serve 或 --client（见 --help）</translation>
    </message>
</context>
</TS>