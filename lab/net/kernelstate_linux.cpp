#include "kernelstate.h"

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

namespace {

bool sameAddress(int family, const __be32 *diagAddr, const SockAddr &a)
{
    if (a.family != family)
        return false;
    unsigned char buf[16] = {};
    if (inet_pton(family, a.host.toLatin1().constData(), buf) != 1)
        return false;
    return std::memcmp(diagAddr, buf, family == AF_INET ? 4 : 16) == 0;
}

} // namespace

std::optional<TcpState> lookupConnection(const SockAddr &local, const SockAddr &remote)
{
    if (!local.isValid() || !remote.isValid())
        return std::nullopt;
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
    msg.req.sdiag_family = quint8(local.family);
    msg.req.sdiag_protocol = IPPROTO_TCP;
    msg.req.idiag_states = 0xFFF; // every state, TIME-WAIT included
    sockaddr_nl kernel {};
    kernel.nl_family = AF_NETLINK;
    if (::sendto(nl, &msg, sizeof msg, 0, reinterpret_cast<sockaddr *>(&kernel), sizeof kernel) < 0) {
        ::close(nl);
        return std::nullopt;
    }

    std::optional<TcpState> found;
    bool done = false;
    bool failed = false;
    alignas(nlmsghdr) char buf[32768];
    while (!done) {
        const ssize_t n = ::recv(nl, buf, sizeof buf, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            failed = true;
            break;
        }
        int left = int(n);
        for (auto *h = reinterpret_cast<nlmsghdr *>(buf); NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
            if (h->nlmsg_type == NLMSG_DONE) {
                done = true;
                break;
            }
            if (h->nlmsg_type == NLMSG_ERROR) {
                failed = true;
                done = true;
                break;
            }
            const auto *d = static_cast<const inet_diag_msg *>(NLMSG_DATA(h));
            if (ntohs(d->id.idiag_sport) == local.port && ntohs(d->id.idiag_dport) == remote.port
                && sameAddress(local.family, d->id.idiag_src, local)
                && sameAddress(local.family, d->id.idiag_dst, remote) && !found) {
                found = tcpStateFromLinux(d->idiag_state);
            }
        }
    }
    ::close(nl);
    if (failed)
        return std::nullopt;
    return found.value_or(TcpState::Closed);
}

} // namespace KernelState
