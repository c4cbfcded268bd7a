#pragma once

#include <QString>

#include <optional>

/**
 * Numbers the kernel keeps for the whole network namespace, read from
 * /proc like `nstat` and `sysctl` do (Linux only; other systems get
 * nullopt). No privileges needed.
 */
class KernelCounters
{
public:
    /**
     * A counter of /proc/net/snmp, as "Group:Field" (e.g. "Icmp:OutDestUnreachs",
     * "Udp:NoPorts"), or of /proc/net/snmp6 by its name (e.g.
     * "Icmp6OutDestUnreachs", "Udp6NoPorts"); nullopt when absent. The
     * counters belong to the namespace: other programs' traffic counts too.
     */
    static std::optional<qint64> snmp(const QString &name);
    /**
     * The integer value of sysctl @p name, with dots or slashes
     * ("net.ipv4.ip_unprivileged_port_start"); nullopt when absent.
     */
    static std::optional<qint64> sysctl(const QString &name);
};
