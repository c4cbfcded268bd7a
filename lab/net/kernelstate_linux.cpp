#include "kernelstate.h"

#include <QFile>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace KernelState {

std::optional<KernelTcpInfo> readTcpInfo(int fd)
{
    if (fd < 0)
        return std::nullopt;
    tcp_info ti {};
    socklen_t len = sizeof ti;
    if (::getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len) != 0)
        return std::nullopt;
    KernelTcpInfo k;
    k.state = tcpStateFromLinux(ti.tcpi_state);
    if (k.state == TcpState::Listen) {
        // For listeners, Linux reuses these fields (net/ipv4/tcp.c, tcp_get_info).
        k.acceptQueue = int(ti.tcpi_unacked);
        k.backlog = int(ti.tcpi_sacked);
    }
    return k;
}

std::optional<QList<KernelConnection>> connections(int family)
{
    const int nl = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (nl < 0)
        return std::nullopt;

    struct
    {
        nlmsghdr nlh;
        inet_diag_req_v2 req;
    } msg {};
    msg.nlh.nlmsg_len = sizeof msg;
    msg.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    msg.nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    msg.req.sdiag_family = quint8(family);
    msg.req.sdiag_protocol = IPPROTO_TCP;
    msg.req.idiag_states = 0xFFF; // every state, TIME-WAIT included
    sockaddr_nl kernel {};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(nl, &msg, sizeof msg, 0, reinterpret_cast<sockaddr *>(&kernel), sizeof kernel)
        < 0) {
        ::close(nl);
        return std::nullopt;
    }

    QList<KernelConnection> out;
    bool done = false;
    bool failed = false;
    alignas(nlmsghdr) char buf[32768];
    char text[INET6_ADDRSTRLEN] = {};
    while (!done) {
        const ssize_t n = ::recv(nl, buf, sizeof buf, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            failed = true;
            break;
        }
        int left = int(n);
        for (auto *h = reinterpret_cast<nlmsghdr *>(buf); NLMSG_OK(h, left);
             h = NLMSG_NEXT(h, left)) {
            if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR) {
                failed = h->nlmsg_type == NLMSG_ERROR;
                done = true;
                break;
            }
            const auto *d = static_cast<const inet_diag_msg *>(NLMSG_DATA(h));
            KernelConnection k;
            inet_ntop(family, d->id.idiag_src, text, sizeof text);
            k.local = SockAddr { family, QString::fromLatin1(text), ntohs(d->id.idiag_sport) };
            inet_ntop(family, d->id.idiag_dst, text, sizeof text);
            k.remote = SockAddr { family, QString::fromLatin1(text), ntohs(d->id.idiag_dport) };
            k.state = tcpStateFromLinux(d->idiag_state);
            out.append(k);
        }
    }
    ::close(nl);
    if (failed)
        return std::nullopt;
    return out;
}

namespace {

    // Numeric addresses compare as bytes, so "::1" and "0:0::1" are the same host.
    bool sameHost(const SockAddr &a, const SockAddr &b)
    {
        unsigned char x[16] = {}, y[16] = {};
        return a.family == b.family && inet_pton(a.family, a.host.toLatin1().constData(), x) == 1
            && inet_pton(b.family, b.host.toLatin1().constData(), y) == 1
            && std::memcmp(x, y, sizeof x) == 0;
    }

    bool isWildcard(const SockAddr &a)
    {
        return a.host == QLatin1String("0.0.0.0") || a.host == QLatin1String("::");
    }

} // namespace

std::optional<TcpState> lookupConnection(const SockAddr &local, const SockAddr &remote)
{
    if (!local.isValid() || !remote.isValid())
        return std::nullopt;
    const auto all = connections(local.family);
    if (!all)
        return std::nullopt;
    for (const KernelConnection &k : *all) {
        if (k.local.port == local.port && k.remote.port == remote.port && sameHost(k.local, local)
            && sameHost(k.remote, remote))
            return k.state;
    }
    return TcpState::Closed;
}

qint64 finWait2TimeoutUs()
{
    QFile f(QStringLiteral("/proc/sys/net/ipv4/tcp_fin_timeout"));
    bool ok = false;
    const qint64 seconds = f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toLongLong(&ok) : 0;
    return (ok && seconds > 0 ? seconds : 60) * 1000000;
}

QList<KernelConnection> connectionsOn(const SockAddr &listener)
{
    QList<KernelConnection> out;
    const auto all = connections(listener.family);
    if (!all)
        return out;
    for (const KernelConnection &k : *all) {
        if (k.local.port == listener.port && k.state != TcpState::Listen
            && (isWildcard(listener) || sameHost(k.local, listener)))
            out.append(k);
    }
    return out;
}

} // namespace KernelState
