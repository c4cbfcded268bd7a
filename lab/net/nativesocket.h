#pragma once

#include "callresult.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QSocketNotifier;
class QTimer;

/**
 * A socket over the POSIX API whose methods carry Python's names
 * (socket(2), bind(2), listen(2), accept(2), connect(2), send(2), recv(2),
 * shutdown(2), close(2) …) with Python's semantics: blocking by default,
 * settimeout(t) for a timeout, setblocking(false) / settimeout(0) for
 * non-blocking calls that fail with EAGAIN / EINPROGRESS.
 *
 * Underneath, the descriptor is always O_NONBLOCK and driven by
 * QSocketNotifier, so the caller's thread never blocks: a "blocking" call
 * that cannot finish at once returns a CallResult with `pending` set, and
 * finished() delivers the real result later. One call may be pending at a
 * time (a Python program is blocked inside it); a second fails with
 * ErrorDomain::Busy.
 *
 * Errors are facts (call, arguments, errno); CallResult::errorMessage()
 * makes the words in the UI language. Linux-specific parts (accept4,
 * MSG_NOSIGNAL) stay in this file and kernelstate_linux.cpp.
 */
class NativeSocket : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NativeSocket)

public:
    explicit NativeSocket(QObject *parent = nullptr);
    ~NativeSocket() override;

    /** socket(family, type, proto): AF_INET/AF_INET6, SOCK_STREAM/SOCK_DGRAM. Value: the fd. */
    CallResult socket(int family = 2 /*AF_INET*/, int type = 1 /*SOCK_STREAM*/, int proto = 0);
    /** setsockopt(level, option, value) with an int value; e.g. SOL_SOCKET, SO_REUSEADDR, 1. */
    CallResult setsockopt(int level, int option, int value);
    /** bind((host, port)); host numeric, "localhost" or "" (wildcard). Value 0 (bind(2)'s return).
     */
    CallResult bind(const QString &host, quint16 port);
    /** listen(backlog). Value 0 (listen(2)'s return). */
    CallResult listen(int backlog);
    /** accept(): value is the new fd, `addr` the peer, `accepted` the new socket. May be pending.
     */
    CallResult accept();
    /** connect((host, port)): value 0 (connect(2)'s return; Python shows None). May be pending;
     * fails with the errno. */
    CallResult connect(const QString &host, quint16 port);
    /** connect_ex((host, port)): like connect, but the errno is the value (0 on success). */
    CallResult connect_ex(const QString &host, quint16 port);
    /** send(data): value is the number of bytes the kernel took (may be fewer). May be pending. */
    CallResult send(const QByteArray &data);
    /** sendall(data): send() in a loop until every byte is taken; value None. May be pending. */
    CallResult sendall(const QByteArray &data);
    /** recv(bufsize): at most bufsize bytes in `data`; empty means EOF (the peer's FIN). May be
     * pending. */
    CallResult recv(int bufsize);
    /** sendto(data, (host, port)): value is the byte count. */
    CallResult sendto(const QByteArray &data, const QString &host, quint16 port);
    /** recvfrom(bufsize): `data` and the sender in `addr`; a longer datagram is truncated. May be
     * pending. */
    CallResult recvfrom(int bufsize);
    /** settimeout(seconds): < 0 means None (block forever), 0 non-blocking. */
    CallResult settimeout(double seconds);
    /** setblocking(flag): true = settimeout(None), false = settimeout(0). */
    CallResult setblocking(bool flag);
    /** shutdown(how): SHUT_RD, SHUT_WR or SHUT_RDWR. */
    CallResult shutdown(int how);
    /** close(): cancels a pending call (it finishes with EBADF) and releases the fd. */
    CallResult close();
    /** getsockname(): `addr` and value "('host', port)". */
    CallResult getsockname();
    /** getpeername(): `addr` and value "('host', port)"; ENOTCONN when not connected. */
    CallResult getpeername();
    /** fileno(): the descriptor, -1 after close(). */
    CallResult fileno() const;

    /** The descriptor, or -1. */
    int fd() const { return m_fd; }
    bool isOpen() const { return m_fd >= 0; }
    int family() const { return m_family; }
    int type() const { return m_type; }
    /**
     * The largest segment this TCP socket sends, in bytes (TCP_MAXSEG,
     * tcp(7)), read rather than assumed (32768 measured on loopback with
     * Linux 6.18); 0 when unknown (not TCP, not open).
     */
    int maxSegment() const;
    /** The timeout in seconds; < 0 for None. */
    double timeout() const { return m_timeout; }
    /** Name of the pending call, or empty. */
    QString pendingCall() const { return m_pending ? m_pending->call : QString(); }
    /** Bytes received by the kernel but not yet read by recv (FIONREAD); 0 when closed. */
    int unreadBytes() const;
    /** Local and peer address without recording a call; invalid when unknown. */
    SockAddr localAddress() const;
    SockAddr peerAddress() const;

    /** Wraps an fd returned by accept(2); it must already be O_NONBLOCK. */
    static NativeSocket *adopt(int fd, int family, int type, QObject *parent);

signals:
    /** A pending call finished (successfully, with an error, or timed out). */
    void finished(const CallResult &result);
    /** Something happened on the socket (a notifier fired, a call ran): read its state now. */
    void activity();

private:
    enum class Op { None, Accept, Connect, ConnectEx, Send, SendAll, Recv, RecvFrom };

    CallResult begin(const char *call, QStringList args = {}) const;
    CallResult fail(CallResult r, int errnum) const;
    bool checkOpen(CallResult &r) const;
    bool checkIdle(CallResult &r) const;
    CallResult startConnect(const char *call, Op op, const QString &host, quint16 port);
    void makePending(CallResult r, Op op, bool wantWrite);
    /** Tries @p op now; if it would block, fails with EAGAIN or becomes pending. */
    CallResult runBlocking(CallResult r, Op op, bool wantWrite);
    CallResult nameCall(const char *call, bool peer) const;
    void onReady();
    void onTimeout();
    /** Runs the pending operation once; true when it finished (r filled). */
    bool attempt(Op op, CallResult &r);
    void complete(CallResult r);
    void armNotifiers(bool read, bool write);

    int m_fd = -1;
    int m_family = 0;
    int m_type = 0;
    double m_timeout = -1.0;
    Op m_op = Op::None;
    std::optional<CallResult> m_pending;
    QByteArray m_sendBuffer; // sendall: bytes not yet taken by the kernel
    qint64 m_sendTotal = 0;
    int m_bufsize = 0;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QTimer *m_timer = nullptr;
};
