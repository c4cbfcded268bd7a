#include "socketapi.h"

#include <sys/socket.h>

namespace {

using Kind = SocketApiEntry::Kind;

SocketApiEntry constant(const char *name, int value, const char *explanation, const char *fact)
{
    SocketApiEntry e;
    e.name = QString::fromLatin1(name);
    e.kind = Kind::Constant;
    e.signature = QStringLiteral("socket.") + e.name;
    e.linuxValue = value;
    e.explanation = explanation;
    e.fact = fact;
    return e;
}

SocketApiEntry method(const char *name, const char *signature, const char *explanation,
    const char *fact, bool inSeed = true)
{
    SocketApiEntry e;
    e.name = QString::fromLatin1(name);
    e.kind = Kind::Method;
    e.signature = QString::fromLatin1(signature);
    e.inSeed = inSeed;
    e.explanation = explanation;
    e.fact = fact;
    return e;
}

QList<SocketApiEntry> makeEntries()
{
    QList<SocketApiEntry> list;
    // Parameter 1 of socket.socket(): the address family.
    list << constant("AF_INET", AF_INET,
        QT_TRANSLATE_NOOP("SocketApi",
            "Address family IPv4, Python's default. Addresses are (host, port) tuples such as "
            "('127.0.0.1', 8888)."),
        nullptr);
    list << constant("AF_INET6", AF_INET6,
        QT_TRANSLATE_NOOP("SocketApi",
            "Address family IPv6. Addresses are (host, port, flowinfo, scope_id) tuples; (host, "
            "port) is enough, e.g. ('::1', 8888)."),
        QT_TRANSLATE_NOOP("SocketApi",
            "A listening socket bound to \"::\" also accepts IPv4 clients, seen as "
            "::ffff:127.0.0.1, unless the option IPV6_V6ONLY is set."));
    list << constant("AF_UNIX", AF_UNIX,
        QT_TRANSLATE_NOOP("SocketApi",
            "Unix domain sockets: communication between processes on the same machine, addressed "
            "by a file system path (on Linux also an abstract name) instead of a host and port. "
            "No IP and no TCP are involved."),
        nullptr);
    // Parameter 2: the socket type.
    list << constant("SOCK_STREAM", SOCK_STREAM,
        QT_TRANSLATE_NOOP("SocketApi",
            "A reliable, ordered, connection-based byte stream, Python's default type. With "
            "AF_INET or AF_INET6 and protocol 0 the kernel chooses TCP (IPPROTO_TCP, 6)."),
        QT_TRANSLATE_NOOP("SocketApi",
            "A byte stream keeps no message boundaries: one send() may arrive as several recv()s "
            "and several send()s as one."));
    list << constant("SOCK_DGRAM", SOCK_DGRAM,
        QT_TRANSLATE_NOOP("SocketApi",
            "Datagrams: connectionless, unreliable messages of bounded size. With AF_INET or "
            "AF_INET6 and protocol 0 the kernel chooses UDP (IPPROTO_UDP, 17)."),
        QT_TRANSLATE_NOOP("SocketApi",
            "Each recvfrom() returns one whole datagram; one longer than the buffer is truncated "
            "and the rest is lost."));
    list << constant("SOCK_RAW", SOCK_RAW,
        QT_TRANSLATE_NOOP("SocketApi",
            "A raw socket: the program sends and receives the IP packets of one protocol, such as "
            "ICMP, itself, without TCP or UDP; with the option IP_HDRINCL it writes the IP header "
            "too."),
        QT_TRANSLATE_NOOP("SocketApi",
            "Linux requires the capability CAP_NET_RAW (usually root): without it socket() fails "
            "with EPERM (1). A raw socket also needs a protocol: socket(AF_INET, SOCK_RAW) with "
            "protocol 0 fails with EPROTONOSUPPORT (93)."));
    list << constant("SOCK_RDM", SOCK_RDM,
        QT_TRANSLATE_NOOP("SocketApi",
            "Reliably delivered messages: datagrams that are guaranteed to arrive, in no "
            "particular order."),
        QT_TRANSLATE_NOOP("SocketApi",
            "Linux implements SOCK_RDM only for TIPC (AF_TIPC), not for TCP/IP: socket(AF_INET, "
            "SOCK_RDM) fails with ESOCKTNOSUPPORT (94). The source text's \"SOCK_RAM\" is a typo "
            "for SOCK_RDM, and its sentences about low-level access to raw protocols such as ICMP "
            "describe SOCK_RAW."));
    list << constant("SOCK_SEQPACKET", SOCK_SEQPACKET,
        QT_TRANSLATE_NOOP("SocketApi",
            "Sequenced packets: reliable, ordered and connection-based like SOCK_STREAM, but "
            "keeping message boundaries like SOCK_DGRAM."),
        QT_TRANSLATE_NOOP("SocketApi",
            "On Linux it works with AF_UNIX (and with SCTP, protocol IPPROTO_SCTP), not with "
            "TCP/IP's defaults: socket(AF_INET, SOCK_SEQPACKET) fails with ESOCKTNOSUPPORT (94) "
            "on this machine."));

    list << method("socket", "socket.socket(family=AF_INET, type=SOCK_STREAM, proto=0)",
        QT_TRANSLATE_NOOP("SocketApi",
            "Creates a socket; underneath, socket(2) returns a new file descriptor. family is the "
            "address family (AF_INET …), type the socket type (SOCK_STREAM …), and proto 0 lets "
            "the kernel choose the protocol for that pair."),
        QT_TRANSLATE_NOOP("SocketApi",
            "With proto 0 the kernel chooses TCP (6) for SOCK_STREAM and UDP (17) for SOCK_DGRAM; "
            "getsockopt(SOL_SOCKET, SO_PROTOCOL) shows which."));
    list << method("bind", "sk.bind(address)",
        QT_TRANSLATE_NOOP("SocketApi",
            "Gives the socket its local address. For AF_INET the address is a (host, port) tuple: "
            "host \"\" means every local address, port 0 lets the kernel choose a free port. "
            "Servers bind before listen(); a client usually doesn't and gets an address at "
            "connect()."),
        QT_TRANSLATE_NOOP("SocketApi",
            "A second socket cannot bind an address already bound: bind() fails with EADDRINUSE "
            "(98). The lab's servers set SO_REUSEADDR so that a restarted server can bind a port "
            "whose old connection is still in TIME-WAIT."));
    list << method("listen", "sk.listen([backlog])",
        QT_TRANSLATE_NOOP("SocketApi",
            "Makes a bound TCP socket a listening socket (state LISTEN): from now on the kernel "
            "answers SYNs and completes three-way handshakes by itself. backlog bounds the accept "
            "queue of completed connections waiting for accept()."),
        QT_TRANSLATE_NOOP("SocketApi",
            "The source text calls backlog the number of connections pending \"before refusing\". "
            "On Linux it bounds only the accept queue, which holds backlog + 1 connections, and a "
            "full queue refuses nobody: the kernel drops the new SYN, the client stays in "
            "SYN-SENT and retransmits it, so its connect() waits instead of failing."));
    list << method("setblocking", "sk.setblocking(flag)",
        QT_TRANSLATE_NOOP("SocketApi",
            "Chooses blocking (True, the default) or non-blocking (False) mode. In non-blocking "
            "mode a call that would have to wait (accept() with no connection queued, recv() with "
            "nothing received) fails at once with BlockingIOError, errno EAGAIN (11)."),
        QT_TRANSLATE_NOOP("SocketApi",
            "setblocking(False) is settimeout(0.0) and setblocking(True) is settimeout(None). "
            "EAGAIN is no failure of the socket: call again when select() or poll() reports it "
            "ready."));
    list << method("accept", "sk.accept()",
        QT_TRANSLATE_NOOP("SocketApi",
            "Takes the next completed connection from the listening socket's accept queue and "
            "returns (conn, address): a new socket for that connection and the client's address. "
            "The listening socket stays in LISTEN for more clients. Blocks while the queue is "
            "empty."),
        QT_TRANSLATE_NOOP("SocketApi",
            "accept() takes no part in the three-way handshake: the kernel has completed it "
            "already, and accept() only dequeues the connection. Non-blocking, with an empty "
            "queue, it fails with EAGAIN (11)."));
    list << method("connect", "sk.connect(address)",
        QT_TRANSLATE_NOOP("SocketApi",
            "Connects to the server at address. For TCP the kernel sends SYN, and connect() "
            "returns when the SYN-ACK arrives: the client is then ESTABLISHED. A failure raises "
            "OSError."),
        QT_TRANSLATE_NOOP("SocketApi",
            "The source text says connect() \"returns socket.error\"; it raises it (socket.error "
            "is OSError in Python 3). To a port where nothing listens it raises "
            "ConnectionRefusedError, errno ECONNREFUSED (111): the server's kernel answered the "
            "SYN with RST."));
    list << method("connect_ex", "sk.connect_ex(address)",
        QT_TRANSLATE_NOOP("SocketApi",
            "Like connect(), but returns an error indicator instead of raising: 0 on success, "
            "else the errno."),
        QT_TRANSLATE_NOOP("SocketApi",
            "The source text's 10061 is Windows' WSAECONNREFUSED. On Linux a refused connection "
            "returns 111 (ECONNREFUSED). Name lookup errors (socket.gaierror) are still raised."));
    list << method("close", "sk.close()",
        QT_TRANSLATE_NOOP("SocketApi",
            "Releases the socket. On a TCP connection the kernel then sends FIN, the first step of "
            "the four-way close, and the peer's recv() returns b\"\". Afterwards fileno() returns "
            "-1 and other calls raise OSError EBADF (9)."),
        QT_TRANSLATE_NOOP("SocketApi",
            "If received data is still unread, Linux sends RST instead of FIN (an abort), and the "
            "peer may see ECONNRESET."));
    list << method("recv", "sk.recv(bufsize[, flags])",
        QT_TRANSLATE_NOOP("SocketApi",
            "Returns the bytes received, at most bufsize of them; blocks until at least one byte "
            "is there."),
        QT_TRANSLATE_NOOP("SocketApi",
            "b\"\" (empty) means end of stream: the peer sent FIN. It is neither an error nor \"no "
            "data yet\". TCP is a byte stream, so one recv() may return part of a send() or parts "
            "of several. In Python 3 the data is bytes, not a string as the source text says."));
    list << method("recvfrom", "sk.recvfrom(bufsize[, flags])",
        QT_TRANSLATE_NOOP("SocketApi",
            "For datagram sockets: returns (data, address), one datagram and its sender's "
            "address."),
        QT_TRANSLATE_NOOP("SocketApi",
            "One call returns one datagram; one longer than bufsize is truncated and the rest is "
            "lost. The source text's \"[.flag]\" should read \"[, flags]\"."));
    list << method("send", "sk.send(data[, flags])",
        QT_TRANSLATE_NOOP("SocketApi",
            "Hands data to the kernel for a connected socket and returns the number of bytes it "
            "took."),
        QT_TRANSLATE_NOOP("SocketApi",
            "The number may be smaller than len(data): the kernel takes only what fits in the send "
            "buffer. Check it and send the rest, or use sendall()."));
    list << method("sendall", "sk.sendall(data[, flags])",
        QT_TRANSLATE_NOOP("SocketApi",
            "Sends all of data: it calls send() again until every byte is taken, waiting whenever "
            "the send buffer is full. Returns None; on an error it raises, and how much was sent "
            "is then unknown."),
        QT_TRANSLATE_NOOP("SocketApi",
            "The source text says sendall() calls send() recursively; it loops. Since Python 3.5 a "
            "timeout bounds the whole sendall(), not each send()."));
    list << method("sendto", "sk.sendto(data[, flags], address)",
        QT_TRANSLATE_NOOP("SocketApi",
            "Sends one datagram to address, without a connection, and returns the number of bytes "
            "sent. Used with UDP."),
        QT_TRANSLATE_NOOP("SocketApi",
            "UDP does not know whether anyone receives: sendto() to a port where nothing listens "
            "still returns the byte count."));
    list << method("settimeout", "sk.settimeout(value)",
        QT_TRANSLATE_NOOP("SocketApi",
            "Sets a timeout in seconds (a float) for the calls that block: a call that cannot "
            "complete in time raises socket.timeout (TimeoutError). None means no timeout."),
        QT_TRANSLATE_NOOP("SocketApi",
            "settimeout(0) is non-blocking mode, the same as setblocking(False): calls fail at "
            "once with EAGAIN (11) instead of waiting. The timeout applies to each call, connect() "
            "included."));
    list << method("gettimeout", "sk.gettimeout()",
        QT_TRANSLATE_NOOP("SocketApi",
            "Returns the timeout in seconds, or None when the socket blocks without a timeout."),
        QT_TRANSLATE_NOOP("SocketApi",
            "Not in the source text. After setblocking(False) it returns 0.0, after "
            "setblocking(True) None."),
        false);
    list << method("getpeername", "sk.getpeername()",
        QT_TRANSLATE_NOOP("SocketApi",
            "Returns the remote address of a connected socket; for AF_INET a (host, port) tuple."),
        QT_TRANSLATE_NOOP(
            "SocketApi", "On a socket that is not connected it raises OSError ENOTCONN (107)."));
    list << method("getsockname", "sk.getsockname()",
        QT_TRANSLATE_NOOP("SocketApi",
            "Returns the socket's own address; after bind(('127.0.0.1', 0)) it shows the port the "
            "kernel chose."),
        QT_TRANSLATE_NOOP("SocketApi",
            "Before bind() or connect() it returns ('0.0.0.0', 0): the socket has no address "
            "yet."));
    list << method("setsockopt", "sk.setsockopt(level, optname, value)",
        QT_TRANSLATE_NOOP("SocketApi",
            "Sets a socket option, e.g. setsockopt(SOL_SOCKET, SO_REUSEADDR, 1) so that a server "
            "can bind a port still in TIME-WAIT, or SO_RCVBUF, the receive buffer size in bytes."),
        QT_TRANSLATE_NOOP("SocketApi",
            "Not in the source text. Linux doubles the buffer size it is given, for its own "
            "bookkeeping (socket(7)): after setsockopt(SOL_SOCKET, SO_RCVBUF, 4096), getsockopt() "
            "returns 8192."),
        false);
    list << method("getsockopt", "sk.getsockopt(level, optname[, buflen])",
        QT_TRANSLATE_NOOP("SocketApi",
            "Reads a socket option: SO_TYPE gives the socket type, SO_RCVBUF the receive buffer "
            "size in bytes, SO_ERROR the pending error."),
        QT_TRANSLATE_NOOP("SocketApi",
            "Not in the source text. A new TCP socket's SO_RCVBUF is the middle value of the "
            "sysctl net.ipv4.tcp_rmem (131072 by default)."),
        false);
    list << method("fileno", "sk.fileno()",
        QT_TRANSLATE_NOOP("SocketApi",
            "Returns the socket's file descriptor, the small integer socket(2) returned; select() "
            "and poll() watch it."),
        QT_TRANSLATE_NOOP("SocketApi", "After close() it returns -1."));
    return list;
}

} // namespace

const QList<SocketApiEntry> &SocketApi::entries()
{
    static const QList<SocketApiEntry> list = makeEntries();
    return list;
}

const SocketApiEntry *SocketApi::lookup(const QString &text)
{
    QString name = text.trimmed();
    if (name.endsWith(QLatin1String("()")))
        name.chop(2);
    for (const char *prefix : { "socket.", "sk.", "s." }) {
        if (name.startsWith(QLatin1String(prefix)))
            name = name.mid(int(qstrlen(prefix)));
    }
    for (const SocketApiEntry &e : entries()) {
        if (e.name.compare(name, Qt::CaseInsensitive) == 0)
            return &e;
    }
    return nullptr;
}

const SocketApiEntry *SocketApi::find(const QString &name)
{
    for (const SocketApiEntry &e : entries()) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

QString SocketApi::explanation(const SocketApiEntry &entry)
{
    return entry.explanation ? tr(entry.explanation) : QString();
}

QString SocketApi::fact(const SocketApiEntry &entry)
{
    return entry.fact ? tr(entry.fact) : QString();
}
