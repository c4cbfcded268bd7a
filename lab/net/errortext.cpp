#include "errortext.h"

#include <cerrno>
#include <cstring>
#include <netdb.h>

QString ErrorText::message(ErrorDomain domain, int errnum)
{
    switch (domain) {
    case ErrorDomain::None:
        return {};
    case ErrorDomain::Timeout:
        return tr("timed out: nothing happened within the time set by settimeout()");
    case ErrorDomain::Busy:
        return tr("another call on this socket is still waiting; wait for it first");
    case ErrorDomain::Gai:
        switch (errnum) {
        case EAI_NONAME:
            return tr("not a valid address here: use a numeric IPv4/IPv6 address or localhost");
        case EAI_FAMILY:
            return tr("the address does not belong to the socket's address family");
        default:
            return tr("address lookup failed (getaddrinfo error %1)").arg(errnum);
        }
    case ErrorDomain::Errno:
        break;
    }
    switch (errnum) {
    case ECONNREFUSED:
        return tr("connection refused: nothing is listening on that port (TCP: the peer answered "
                  "SYN with RST; UDP: an ICMP port unreachable came back)");
    case EADDRINUSE:
        return tr("address already in use: another socket holds this port — a server already "
                  "listening on it, or, unless both the old and the new socket set SO_REUSEADDR, "
                  "an old connection still in TIME-WAIT");
    case EADDRNOTAVAIL:
        return tr("address not available: this machine has no such address");
    case ECONNRESET:
        return tr(
            "connection reset by peer: the peer sent RST (it closed with unread data, or aborted)");
    case EPIPE:
        return tr("broken pipe: the connection is already closed for sending");
    case ENOTCONN:
        return tr("the socket is not connected");
    case EISCONN:
        return tr("the socket is already connected");
    case EAGAIN:
        return tr("the call would block, and the socket is non-blocking (BlockingIOError)");
    case EINPROGRESS:
        return tr("connection in progress, and the socket is non-blocking");
    case EALREADY:
        return tr("a connection attempt is already in progress");
    case EBADF:
        return tr("bad file descriptor: the socket is closed or was never created");
    case EINVAL:
        return tr("invalid argument for the socket in its current state");
    case ETIMEDOUT:
        return tr("connection timed out: the peer never answered");
    case EHOSTUNREACH:
        return tr("no route to host");
    case ENETUNREACH:
        return tr("network is unreachable");
    case EACCES:
        return tr("permission denied (ports below 1024 need privileges)");
    case EPERM:
        return tr("operation not permitted");
    case EAFNOSUPPORT:
        return tr("address family not supported");
    case EPROTONOSUPPORT:
        return tr("protocol not supported");
    case ESOCKTNOSUPPORT:
        return tr("socket type not supported in this address family");
    case EPROTOTYPE:
        return tr("protocol wrong type for socket");
    case ENOBUFS:
        return tr("no buffer space available");
    case EDESTADDRREQ:
        return tr("destination address required: the socket is not connected");
    case EOPNOTSUPP:
        return tr("operation not supported on this kind of socket");
    case EMFILE:
        return tr("too many open files");
    case EMSGSIZE:
        return tr("message too long for one datagram");
    case ENOTSOCK:
        return tr("not a socket");
    default:
        //: %1 is the system's own (English) text of the error
        return tr("system error: %1").arg(QString::fromLocal8Bit(std::strerror(errnum)));
    }
}

QString ErrorText::callFailure(const QString &signature, ErrorDomain domain, int errnum)
{
    const QString code = domain == ErrorDomain::Errno || domain == ErrorDomain::Gai
        ? QStringLiteral("%1 %2").arg(errorName(domain, errnum)).arg(errnum)
        : errorName(domain, errnum);
    //: %1 is a call such as connect(('127.0.0.1', 8888)); %2 the meaning; %3 the code
    return tr("%1 failed: %2 [%3]").arg(signature, message(domain, errnum), code);
}

QString ErrorText::fileReason(int errnum, FileAccess access)
{
    switch (errnum) {
    case ENOENT:
        return access == FileAccess::Write ? tr("the folder does not exist")
                                           : tr("there is no such file");
    case EACCES:
    case EPERM:
        return tr("permission denied");
    case EISDIR:
        return tr("it is a folder");
    case ENOSPC:
        return tr("the disk is full");
    case EROFS:
        return tr("the file system is read-only");
    case ENOTDIR:
        return tr("part of the path is not a folder");
    case EINVAL:
        return tr("that kind of file cannot be used here (a device or a /proc file)");
    case EBADF:
        return tr("it is closed");
    case EPIPE:
        return tr("the reader went away (broken pipe)");
    default:
        return QString::fromLocal8Bit(std::strerror(errnum));
    }
}
