#include "sockaddr.h"

#include <arpa/inet.h>
#include <cstring>
#include <netdb.h>
#include <netinet/in.h>

QString SockAddr::toString() const
{
    if (family == AF_INET6)
        return QStringLiteral("[%1]:%2").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

QString SockAddr::pythonRepr() const
{
    return QStringLiteral("('%1', %2)").arg(host).arg(port);
}

std::optional<SockAddr> SockAddr::fromNative(const sockaddr *sa, socklen_t len)
{
    char buf[INET6_ADDRSTRLEN] = {};
    if (sa->sa_family == AF_INET && len >= socklen_t(sizeof(sockaddr_in))) {
        const auto *in = reinterpret_cast<const sockaddr_in *>(sa);
        inet_ntop(AF_INET, &in->sin_addr, buf, sizeof buf);
        return SockAddr { AF_INET, QString::fromLatin1(buf), ntohs(in->sin_port) };
    }
    if (sa->sa_family == AF_INET6 && len >= socklen_t(sizeof(sockaddr_in6))) {
        const auto *in6 = reinterpret_cast<const sockaddr_in6 *>(sa);
        inet_ntop(AF_INET6, &in6->sin6_addr, buf, sizeof buf);
        return SockAddr { AF_INET6, QString::fromLatin1(buf), ntohs(in6->sin6_port) };
    }
    return std::nullopt;
}

std::optional<sockaddr_storage> SockAddr::toNative(
    int family, const QString &hostText, quint16 port, socklen_t *len, int *gaiError)
{
    sockaddr_storage ss {};
    QString host = hostText.trimmed();
    if (host == QLatin1String("localhost"))
        host = family == AF_INET6 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1");
    if (family == AF_INET) {
        auto *in = reinterpret_cast<sockaddr_in *>(&ss);
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        if (host.isEmpty()) {
            in->sin_addr.s_addr = htonl(INADDR_ANY);
        } else if (inet_pton(AF_INET, host.toLatin1().constData(), &in->sin_addr) != 1) {
            in6_addr probe {};
            *gaiError = inet_pton(AF_INET6, host.toLatin1().constData(), &probe) == 1 ? EAI_FAMILY
                                                                                      : EAI_NONAME;
            return std::nullopt;
        }
        *len = sizeof(sockaddr_in);
        return ss;
    }
    if (family == AF_INET6) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&ss);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        if (host.isEmpty()) {
            in6->sin6_addr = in6addr_any;
        } else if (inet_pton(AF_INET6, host.toLatin1().constData(), &in6->sin6_addr) != 1) {
            in_addr probe {};
            *gaiError = inet_pton(AF_INET, host.toLatin1().constData(), &probe) == 1 ? EAI_FAMILY
                                                                                     : EAI_NONAME;
            return std::nullopt;
        }
        *len = sizeof(sockaddr_in6);
        return ss;
    }
    *gaiError = EAI_FAMILY;
    return std::nullopt;
}

QString socketFamilyName(int family)
{
    switch (family) {
    case AF_INET:
        return QStringLiteral("AF_INET");
    case AF_INET6:
        return QStringLiteral("AF_INET6");
    case AF_UNIX:
        return QStringLiteral("AF_UNIX");
    }
    return QString::number(family);
}

QString socketTypeName(int type)
{
    switch (type) {
    case SOCK_STREAM:
        return QStringLiteral("SOCK_STREAM");
    case SOCK_DGRAM:
        return QStringLiteral("SOCK_DGRAM");
    case SOCK_RAW:
        return QStringLiteral("SOCK_RAW");
    case SOCK_RDM:
        return QStringLiteral("SOCK_RDM");
    case SOCK_SEQPACKET:
        return QStringLiteral("SOCK_SEQPACKET");
    }
    return QString::number(type);
}
