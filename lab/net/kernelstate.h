#pragma once

#include "sockaddr.h"
#include "tcp/tcpstate.h"

#include <QList>

#include <optional>

/**
 * What the kernel says about one TCP socket. The OS-specific readers live
 * behind these two functions (Linux: kernelstate_linux.cpp); a Windows or
 * macOS port adds its own file (SIO_TCP_INFO / GetTcpTable2,
 * TCP_CONNECTION_INFO).
 */
struct KernelTcpInfo
{
    TcpState state = TcpState::Unknown;
    /** On a LISTEN socket: connections waiting for accept() (Linux tcpi_unacked). */
    int acceptQueue = 0;
    /** On a LISTEN socket: the accept queue's limit, the backlog (Linux tcpi_sacked). */
    int backlog = 0;
};

/** One TCP socket as NETLINK_SOCK_DIAG lists it (as `ss -tan` does). */
struct KernelConnection
{
    SockAddr local;
    SockAddr remote;
    TcpState state = TcpState::Unknown;
};

namespace KernelState {

/**
 * getsockopt(fd, IPPROTO_TCP, TCP_INFO) — tcp(7). nullopt when @p fd is
 * not a TCP socket or the call fails. Note (PLATFORM-NOTES 10): once the
 * connection of a socket that still has its fd reaches TIME-WAIT, the fd
 * reports CLOSED; ask lookupConnection() then.
 */
std::optional<KernelTcpInfo> readTcpInfo(int fd);

/**
 * The state of the TCP connection @p local ↔ @p remote, found through
 * NETLINK_SOCK_DIAG (sock_diag(7), as `ss -tan` does; no root needed).
 * This sees connections whose socket was closed: orphaned FIN-WAIT-1/2,
 * LAST-ACK, TIME-WAIT. Returns TcpState::Closed when the kernel has no
 * such connection, nullopt when the query itself failed.
 */
std::optional<TcpState> lookupConnection(const SockAddr &local, const SockAddr &remote);

/**
 * Every TCP socket of address family @p family (AF_INET / AF_INET6) the
 * kernel knows, listeners and TIME-WAIT included (sock_diag(7)); nullopt
 * when the query failed.
 */
std::optional<QList<KernelConnection>> connections(int family);

/**
 * How long an orphaned connection may stay in FIN-WAIT-2 before the kernel
 * drops it, in microseconds (Linux: net.ipv4.tcp_fin_timeout, 60 s by default).
 */
qint64 finWait2TimeoutUs();

/**
 * The connections whose local address is @p listener (a listening socket's
 * address; host "0.0.0.0"/"::" matches any local host), without the
 * listener itself: e.g. those completed by the kernel and waiting in the
 * accept queue. Empty when the query failed.
 */
QList<KernelConnection> connectionsOn(const SockAddr &listener);

} // namespace KernelState
