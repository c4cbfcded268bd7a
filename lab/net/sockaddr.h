#pragma once

#include "timeline/labevent.h"

#include <QString>

#include <optional>

#include <sys/socket.h>

/**
 * An IPv4 or IPv6 socket address as the lab shows it. `host` is numeric
 * text; `port` is in host byte order. Conversion to and from the kernel's
 * sockaddr (network byte order) is done here only.
 */
struct SockAddr
{
    int family = AF_INET; ///< AF_INET or AF_INET6
    QString host; ///< numeric, e.g. "127.0.0.1" or "::1"
    quint16 port = 0; ///< host byte order

    bool isValid() const { return !host.isEmpty(); }
    /** "127.0.0.1:8888" or "[::1]:8888". */
    QString toString() const;
    /** As Python prints an address tuple: "('127.0.0.1', 8888)". */
    QString pythonRepr() const;

    bool operator==(const SockAddr &o) const = default;

    /** From a kernel sockaddr (AF_INET / AF_INET6); nullopt for other families. */
    static std::optional<SockAddr> fromNative(const sockaddr *sa, socklen_t len);

    /**
     * Turns user text into a kernel address without any blocking lookup:
     * a numeric address, "localhost" (127.0.0.1 or ::1 by @p family) or ""
     * (the wildcard, as Python's ""). Anything else fails with
     * ErrorDomain::Gai / EAI_NONAME in @p gaiError; a numeric address of the
     * other family fails with EAI_FAMILY.
     */
    static std::optional<sockaddr_storage> toNative(
        int family, const QString &host, quint16 port, socklen_t *len, int *gaiError);
};

/** An address family as Python names it: "AF_INET", "AF_INET6", "AF_UNIX", else the number. */
QString socketFamilyName(int family);
/** A socket type as Python names it: "SOCK_STREAM" … "SOCK_SEQPACKET", else the number. */
QString socketTypeName(int type);
