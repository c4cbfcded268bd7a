<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
        <source>Sent with sendall() as UTF-8</source>
        <translation>以 UTF-8 编码用 sendall() 发送</translation>
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
        <source>connection refused: nothing is listening on that port (the peer answered SYN with RST)</source>
        <translation>连接被拒绝：该端口上没有程序在监听（对端用 RST 回应了 SYN）</translation>
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
        <source>Ladder diagram: segments between client and server</source>
        <translation>时序图：客户端与服务器之间的报文段</translation>
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
        <source>(not valid UTF-8: shown with �)</source>
        <translation>（不是有效的 UTF-8：无法解码处显示为 �）</translation>
    </message>
</context>
<context>
    <name>ServerPane</name>
    <message>
        <source>Listening socket: LISTEN · accept queue %1 / %2</source>
        <extracomment>%1/%2: connections waiting for accept() / the limit set by listen(backlog)</extracomment>
        <translation>监听套接字：LISTEN · 全连接队列（accept 队列）%1 / %2</translation>
    </message>
    <message>
        <source>Server (TCP echo)</source>
        <translation>服务器（TCP 回显）</translation>
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
        <source>Reply:</source>
        <translation>回复：</translation>
    </message>
    <message>
        <source>127.0.0.1 keeps the server on this machine (loopback). 0.0.0.0 would accept connections from the network.</source>
        <translation>127.0.0.1 让服务器只在本机（回环）可见；0.0.0.0 则会接受来自网络的连接。</translation>
    </message>
    <message>
        <source>listen(backlog): on Linux, the length of the accept queue of completed connections waiting for accept().</source>
        <translation>listen(backlog)：在 Linux 上，它限制全连接队列（已完成握手、等待 accept() 的连接）的长度。</translation>
    </message>
    <message>
        <source>Lets bind() reuse the port while an old connection is still in TIME-WAIT (60 s on Linux). The seed does not set it; the lab does by default.</source>
        <translation>允许在旧连接仍处于 TIME-WAIT（Linux 上为 60 秒）时用 bind() 重用端口。原文没有设置它；实验室默认设置。</translation>
    </message>
    <message>
        <source>Stop server</source>
        <translation>停止服务器</translation>
    </message>
    <message>
        <source>Close the listening socket</source>
        <translation>关闭监听套接字</translation>
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
        <source>waiting 2·MSL before the port is free</source>
        <translation>时间等待：等待 2·MSL 后端口才空闲</translation>
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
        <source>Run a demo on real loopback sockets (tcp-echo).</source>
        <translation>在真实的回环套接字上运行演示（tcp-echo）。</translation>
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
        <source>Address to bind or connect to (default 127.0.0.1).</source>
        <translation>要绑定或连接的地址（默认 127.0.0.1）。</translation>
    </message>
    <message>
        <source>Port (default: 8888 for --serve/--client, ephemeral for --demo).</source>
        <translation>端口（--serve/--client 默认 8888，--demo 默认临时端口）。</translation>
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
        <source>--json and --print need --demo, --serve or --client (see --help)</source>
        <translation>--json 和 --print 需要配合 --demo、--serve 或 --client（见 --help）</translation>
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
        <source>choose one of --demo, --serve, --client and --list</source>
        <translation>--demo、--serve、--client 和 --list 只能选一个</translation>
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
</context>
</TS>