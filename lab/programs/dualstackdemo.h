#pragma once

#include "scripteddemo.h"

/**
 * One IPv6 listener, IPv4 clients (`--demo ipv6-dual-stack`):
 *
 *     sk = socket.socket(AF_INET6)
 *     sk.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0); sk.bind(("::", 0)); sk.listen(1)
 *     client = socket.socket(); client.connect(("127.0.0.1", port))
 *     sk.accept()     # 1: the peer is ('::ffff:127.0.0.1', …), an IPv4-mapped address
 *     sk2.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 1) …   # 2: the IPv4 connect(): ECONNREFUSED (111)
 *
 * Where this machine has no IPv6 the demo says so in a note and ends.
 */
class DualStackDemo : public ScriptedDemo
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DualStackDemo)

public:
    DualStackDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);

    /** False when socket(AF_INET6) or bind("::") failed: the demo only said so. */
    bool ipv6Available() const { return m_ipv6; }
    /** Why IPv6 is unavailable (the failed call), when it is. */
    CallResult ipv6Failure() const { return m_ipv6Failure; }
    /** The peer part 1's accept() returned. */
    SockAddr acceptedPeer() const { return m_peer; }
    /** Part 2's connect() with IPV6_V6ONLY on. */
    CallResult v6OnlyConnect() const { return m_v6OnlyConnect; }

protected:
    void run() override;

private:
    /** socket(AF_INET6), setsockopt(IPV6_V6ONLY, @p v6only), bind(("::", 0)), listen(1). */
    CallResult openV6(bool v6only);
    /** The IPv4 client's socket() and connect() to 127.0.0.1 on the listener's port. */
    void connectV4(std::function<void(const CallResult &)> then);
    void partTwo();

    bool m_ipv6 = true;
    CallResult m_ipv6Failure;
    SockAddr m_peer;
    CallResult m_v6OnlyConnect;
};
