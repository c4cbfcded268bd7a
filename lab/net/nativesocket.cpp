#include "nativesocket.h"

#include "errortext.h"
#include "timeline/eventtext.h"

#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

QString CallResult::signature() const
{
    LabEvent e;
    e.call = call;
    e.args = args;
    e.bytes = payload;
    return EventText::callSignature(e);
}

QString CallResult::errorMessage() const
{
    if (!failed())
        return {};
    return ErrorText::callFailure(signature(), errorDomain, errnum);
}

NativeSocket::NativeSocket(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    // A coarse timer may fire up to 5 % early; Python's timeout never does.
    m_timer->setTimerType(Qt::PreciseTimer);
    QObject::connect(m_timer, &QTimer::timeout, this, &NativeSocket::onTimeout);
}

NativeSocket::~NativeSocket()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

NativeSocket *NativeSocket::adopt(int fd, int family, int type, QObject *parent)
{
    auto *s = new NativeSocket(parent);
    s->m_fd = fd;
    s->m_family = family;
    s->m_type = type;
    s->armNotifiers(false, false);
    return s;
}

CallResult NativeSocket::begin(const char *call, QStringList args) const
{
    CallResult r;
    r.call = QString::fromLatin1(call);
    r.args = std::move(args);
    return r;
}

CallResult NativeSocket::fail(CallResult r, int errnum) const
{
    r.pending = false;
    r.errorDomain = ErrorDomain::Errno;
    r.errnum = errnum;
    return r;
}

bool NativeSocket::checkOpen(CallResult &r) const
{
    if (m_fd >= 0)
        return true;
    r = fail(r, EBADF);
    return false;
}

bool NativeSocket::checkIdle(CallResult &r) const
{
    if (!checkOpen(r))
        return false;
    if (!m_pending)
        return true;
    r.errorDomain = ErrorDomain::Busy;
    return false;
}

void NativeSocket::armNotifiers(bool read, bool write)
{
    if (m_fd < 0)
        return;
    if (!m_readNotifier) {
        m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
        QObject::connect(m_readNotifier, &QSocketNotifier::activated, this, &NativeSocket::onReady);
        QObject::connect(
            m_writeNotifier, &QSocketNotifier::activated, this, &NativeSocket::onReady);
    }
    m_readNotifier->setEnabled(read);
    m_writeNotifier->setEnabled(write);
}

CallResult NativeSocket::socket(int family, int type, int proto)
{
    CallResult r = begin("socket", { socketFamilyName(family), socketTypeName(type) });
    if (proto != 0)
        r.args << QString::number(proto);
    if (m_fd >= 0)
        return fail(r, EISCONN);
    const int fd = ::socket(family, type | SOCK_NONBLOCK | SOCK_CLOEXEC, proto);
    if (fd < 0)
        return fail(r, errno);
    m_fd = fd;
    m_family = family;
    m_type = type;
    armNotifiers(false, false);
    r.value = fd;
    emit activity();
    return r;
}

CallResult NativeSocket::setsockopt(int level, int option, int value)
{
    QString levelName = level == SOL_SOCKET ? QStringLiteral("SOL_SOCKET")
        : level == IPPROTO_IPV6             ? QStringLiteral("IPPROTO_IPV6")
                                            : QString::number(level);
    QString optionName = QString::number(option);
    if (level == IPPROTO_IPV6 && option == IPV6_V6ONLY)
        optionName = QStringLiteral("IPV6_V6ONLY");
    else if (level == SOL_SOCKET && option == SO_REUSEADDR)
        optionName = QStringLiteral("SO_REUSEADDR");
    else if (level == SOL_SOCKET && option == SO_REUSEPORT)
        optionName = QStringLiteral("SO_REUSEPORT");
    CallResult r = begin("setsockopt", { levelName, optionName, QString::number(value) });
    if (!checkOpen(r))
        return r;
    if (::setsockopt(m_fd, level, option, &value, sizeof value) != 0)
        return fail(r, errno);
    r.value = 0;
    return r;
}

CallResult NativeSocket::bind(const QString &host, quint16 port)
{
    CallResult r = begin("bind", { SockAddr { m_family, host, port }.pythonRepr() });
    if (!checkIdle(r))
        return r;
    socklen_t len = 0;
    int gai = 0;
    const auto ss = SockAddr::toNative(m_family, host, port, &len, &gai);
    if (!ss) {
        r.errorDomain = ErrorDomain::Gai;
        r.errnum = gai;
        return r;
    }
    if (::bind(m_fd, reinterpret_cast<const sockaddr *>(&*ss), len) != 0)
        return fail(r, errno);
    r.value = 0;
    emit activity();
    return r;
}

CallResult NativeSocket::listen(int backlog)
{
    CallResult r = begin("listen", { QString::number(backlog) });
    if (!checkIdle(r))
        return r;
    if (::listen(m_fd, backlog) != 0)
        return fail(r, errno);
    r.value = 0;
    emit activity();
    return r;
}

CallResult NativeSocket::runBlocking(CallResult r, Op op, bool wantWrite)
{
    if (attempt(op, r)) {
        emit activity();
        return r;
    }
    // Would block. Python: BlockingIOError when non-blocking, else wait (maybe with a timeout).
    if (m_timeout == 0)
        return fail(r, EAGAIN);
    makePending(r, op, wantWrite);
    return *m_pending;
}

void NativeSocket::makePending(CallResult r, Op op, bool wantWrite)
{
    r.pending = true;
    m_pending = r;
    m_op = op;
    armNotifiers(!wantWrite, wantWrite);
    if (m_timeout > 0)
        m_timer->start(int(m_timeout * 1000.0));
}

bool NativeSocket::attempt(Op op, CallResult &r)
{
    switch (op) {
    case Op::Accept: {
        sockaddr_storage ss {};
        socklen_t len = sizeof ss;
        const int fd = ::accept4(
            m_fd, reinterpret_cast<sockaddr *>(&ss), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EAGAIN || errno == EINTR || errno == ECONNABORTED)
                return false;
            r = fail(r, errno);
            return true;
        }
        r.value = fd;
        if (auto a = SockAddr::fromNative(reinterpret_cast<sockaddr *>(&ss), len))
            r.addr = *a;
        r.accepted = adopt(fd, m_family, m_type, this);
        return true;
    }
    case Op::Connect:
    case Op::ConnectEx: {
        int err = 0;
        socklen_t len = sizeof err;
        ::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err == 0) {
            // Writable without error means connected; getpeername confirms.
            sockaddr_storage ss {};
            socklen_t sl = sizeof ss;
            if (::getpeername(m_fd, reinterpret_cast<sockaddr *>(&ss), &sl) != 0)
                return false;
        }
        if (op == Op::ConnectEx) {
            r.value = err;
        } else if (err != 0) {
            r = fail(r, err);
        } else {
            r.value = 0;
        }
        return true;
    }
    case Op::Send: {
        const ssize_t n
            = ::send(m_fd, r.payload.constData(), size_t(r.payload.size()), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR)
                return false;
            r = fail(r, errno);
            return true;
        }
        r.value = qint64(n);
        return true;
    }
    case Op::SendAll: {
        while (!m_sendBuffer.isEmpty()) {
            const ssize_t n
                = ::send(m_fd, m_sendBuffer.constData(), size_t(m_sendBuffer.size()), MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                if (errno == EAGAIN)
                    return false;
                r = fail(r, errno);
                return true;
            }
            m_sendBuffer.remove(0, qsizetype(n));
            m_sendTotal += n;
        }
        r.value = QVariant(); // Python's sendall returns None
        return true;
    }
    case Op::Recv: {
        QByteArray buf(m_bufsize, Qt::Uninitialized);
        const ssize_t n = ::recv(m_fd, buf.data(), size_t(buf.size()), 0);
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR)
                return false;
            r = fail(r, errno);
            return true;
        }
        buf.truncate(qsizetype(n));
        r.data = buf;
        r.value = qint64(n);
        return true;
    }
    case Op::RecvFrom: {
        QByteArray buf(m_bufsize, Qt::Uninitialized);
        sockaddr_storage ss {};
        socklen_t len = sizeof ss;
        // MSG_TRUNC: a datagram socket returns the datagram's real length (udp(7)),
        // so a truncated one can be told; the buffer still holds at most bufsize bytes.
        const bool datagram = m_type == SOCK_DGRAM;
        const ssize_t n = ::recvfrom(m_fd, buf.data(), size_t(buf.size()), datagram ? MSG_TRUNC : 0,
            reinterpret_cast<sockaddr *>(&ss), &len);
        if (n < 0) {
            if (errno == EAGAIN || errno == EINTR)
                return false;
            r = fail(r, errno);
            return true;
        }
        const qsizetype got = qMin(qsizetype(n), buf.size());
        buf.truncate(got);
        r.data = buf;
        r.value = qint64(got);
        if (datagram)
            r.datagramSize = qint64(n);
        if (auto a = SockAddr::fromNative(reinterpret_cast<sockaddr *>(&ss), len))
            r.addr = *a;
        return true;
    }
    case Op::None:
        break;
    }
    return true;
}

int NativeSocket::maxSegment() const
{
    int mss = 0;
    socklen_t len = sizeof mss;
    if (m_fd < 0 || m_type != SOCK_STREAM
        || ::getsockopt(m_fd, IPPROTO_TCP, TCP_MAXSEG, &mss, &len) != 0 || mss <= 0)
        return 0;
    return mss;
}

CallResult NativeSocket::accept()
{
    CallResult r = begin("accept");
    if (!checkIdle(r))
        return r;
    return runBlocking(r, Op::Accept, false);
}

CallResult NativeSocket::startConnect(const char *call, Op op, const QString &host, quint16 port)
{
    CallResult r = begin(call, { SockAddr { m_family, host, port }.pythonRepr() });
    if (!checkIdle(r))
        return r;
    socklen_t len = 0;
    int gai = 0;
    const auto ss = SockAddr::toNative(m_family, host, port, &len, &gai);
    if (!ss) {
        r.errorDomain = ErrorDomain::Gai;
        r.errnum = gai;
        return r;
    }
    int rc = ::connect(m_fd, reinterpret_cast<const sockaddr *>(&*ss), len);
    const int err = rc == 0 ? 0 : errno;
    emit activity();
    if (err == EINPROGRESS && m_timeout != 0) {
        makePending(r, op, true);
        return *m_pending;
    }
    if (op == Op::ConnectEx) {
        r.value = err;
        return r;
    }
    if (err != 0)
        return fail(r, err);
    r.value = 0;
    return r;
}

CallResult NativeSocket::connect(const QString &host, quint16 port)
{
    return startConnect("connect", Op::Connect, host, port);
}

CallResult NativeSocket::connect_ex(const QString &host, quint16 port)
{
    return startConnect("connect_ex", Op::ConnectEx, host, port);
}

CallResult NativeSocket::send(const QByteArray &data)
{
    CallResult r = begin("send");
    r.payload = data;
    if (!checkIdle(r))
        return r;
    return runBlocking(r, Op::Send, true);
}

CallResult NativeSocket::sendall(const QByteArray &data)
{
    CallResult r = begin("sendall");
    r.payload = data;
    if (!checkIdle(r))
        return r;
    m_sendBuffer = data;
    m_sendTotal = 0;
    return runBlocking(r, Op::SendAll, true);
}

CallResult NativeSocket::recv(int bufsize)
{
    CallResult r = begin("recv", { QString::number(bufsize) });
    if (!checkIdle(r))
        return r;
    if (bufsize < 0)
        return fail(r, EINVAL);
    m_bufsize = bufsize;
    return runBlocking(r, Op::Recv, false);
}

CallResult NativeSocket::sendto(const QByteArray &data, const QString &host, quint16 port)
{
    CallResult r = begin("sendto", { SockAddr { m_family, host, port }.pythonRepr() });
    r.payload = data;
    if (!checkIdle(r))
        return r;
    socklen_t len = 0;
    int gai = 0;
    const auto ss = SockAddr::toNative(m_family, host, port, &len, &gai);
    if (!ss) {
        r.errorDomain = ErrorDomain::Gai;
        r.errnum = gai;
        return r;
    }
    const ssize_t n = ::sendto(m_fd, data.constData(), size_t(data.size()), MSG_NOSIGNAL,
        reinterpret_cast<const sockaddr *>(&*ss), len);
    if (n < 0)
        return fail(r, errno);
    r.value = qint64(n);
    emit activity();
    return r;
}

CallResult NativeSocket::recvfrom(int bufsize)
{
    CallResult r = begin("recvfrom", { QString::number(bufsize) });
    if (!checkIdle(r))
        return r;
    if (bufsize < 0)
        return fail(r, EINVAL);
    m_bufsize = bufsize;
    return runBlocking(r, Op::RecvFrom, false);
}

CallResult NativeSocket::settimeout(double seconds)
{
    CallResult r
        = begin("settimeout", { seconds < 0 ? QStringLiteral("None") : QString::number(seconds) });
    if (!checkOpen(r))
        return r;
    m_timeout = seconds < 0 ? -1.0 : seconds;
    return r;
}

CallResult NativeSocket::setblocking(bool flag)
{
    CallResult r
        = begin("setblocking", { flag ? QStringLiteral("True") : QStringLiteral("False") });
    if (!checkOpen(r))
        return r;
    m_timeout = flag ? -1.0 : 0.0;
    return r;
}

CallResult NativeSocket::shutdown(int how)
{
    const QString name = how == SHUT_RD ? QStringLiteral("SHUT_RD")
        : how == SHUT_WR                ? QStringLiteral("SHUT_WR")
                                        : QStringLiteral("SHUT_RDWR");
    CallResult r = begin("shutdown", { name });
    if (!checkOpen(r))
        return r;
    if (::shutdown(m_fd, how) != 0)
        return fail(r, errno);
    r.value = 0;
    emit activity();
    return r;
}

CallResult NativeSocket::close()
{
    CallResult r = begin("close");
    r.value = 0;
    if (m_fd < 0)
        return r; // Python: closing twice is harmless
    m_timer->stop();
    delete m_readNotifier;
    delete m_writeNotifier;
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    ::close(m_fd);
    m_fd = -1;
    if (m_pending) {
        CallResult p = fail(*m_pending, EBADF);
        m_pending.reset();
        m_op = Op::None;
        emit finished(p);
    }
    emit activity();
    return r;
}

namespace {
using NameFn = int (*)(int, sockaddr *, socklen_t *);

// getsockname(2) / getpeername(2) into a SockAddr; errno is left set on failure.
std::optional<SockAddr> readName(int fd, NameFn fn)
{
    sockaddr_storage ss {};
    socklen_t len = sizeof ss;
    if (fd < 0 || fn(fd, reinterpret_cast<sockaddr *>(&ss), &len) != 0)
        return std::nullopt;
    return SockAddr::fromNative(reinterpret_cast<sockaddr *>(&ss), len).value_or(SockAddr {});
}
} // namespace

CallResult NativeSocket::nameCall(const char *call, bool peer) const
{
    CallResult r = begin(call);
    if (!checkOpen(r))
        return r;
    const auto a = readName(m_fd, peer ? NameFn(::getpeername) : NameFn(::getsockname));
    if (!a)
        return fail(r, errno);
    r.addr = *a;
    r.value = a->pythonRepr();
    return r;
}

CallResult NativeSocket::getsockname()
{
    return nameCall("getsockname", false);
}

CallResult NativeSocket::getpeername()
{
    return nameCall("getpeername", true);
}

CallResult NativeSocket::fileno() const
{
    CallResult r = begin("fileno");
    r.value = m_fd;
    return r;
}

int NativeSocket::unreadBytes() const
{
    int n = 0;
    if (m_fd < 0 || ::ioctl(m_fd, FIONREAD, &n) != 0)
        return 0;
    return n;
}

SockAddr NativeSocket::localAddress() const
{
    return readName(m_fd, NameFn(::getsockname)).value_or(SockAddr {});
}

SockAddr NativeSocket::peerAddress() const
{
    return readName(m_fd, NameFn(::getpeername)).value_or(SockAddr {});
}

void NativeSocket::onReady()
{
    emit activity();
    if (!m_pending) {
        armNotifiers(false, false);
        return;
    }
    CallResult r = *m_pending;
    r.pending = false;
    if (attempt(m_op, r))
        complete(r);
}

void NativeSocket::onTimeout()
{
    if (!m_pending)
        return;
    CallResult r = *m_pending;
    r.pending = false;
    r.errorDomain = ErrorDomain::Timeout;
    r.errnum = 0;
    complete(r);
}

void NativeSocket::complete(CallResult r)
{
    m_timer->stop();
    m_pending.reset();
    m_op = Op::None;
    armNotifiers(false, false);
    emit activity();
    emit finished(r);
}
