#pragma once

#include "scripteddemo.h"

#include <QByteArray>

#include <optional>

/**
 * A UDP datagram to a port nobody listens on (`--demo udp-unreachable`):
 *
 *     c = socket(AF_INET, SOCK_DGRAM); c.connect(("127.0.0.1", port))
 *     c.send(b"ping"); c.recv(1024)   # 1: ConnectionRefusedError, ECONNREFUSED (111)
 *     u = socket(AF_INET, SOCK_DGRAM); u.settimeout(0.5)
 *     u.sendto(b"ping", ("127.0.0.1", port)); u.recvfrom(1024)   # 2: timeout, no error
 *     u.setsockopt(IPPROTO_IP, IP_RECVERR, 1) …                  # 3: ECONNREFUSED again
 *
 * The kernel answers every datagram with ICMP port unreachable (RFC 1122
 * §4.1.3.1), counted in /proc/net/snmp; it reports the error only to a
 * connected socket, or one with IP_RECVERR (udp(7), ip(7)). Measured on
 * Linux 6.18. The port is one a socket bound and closed just before, or
 * --port; the host 127.0.0.1 or ::1.
 */
class UdpUnreachableDemo : public ScriptedDemo
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpUnreachableDemo)

public:
    /** The recv()/recvfrom() timeout of every part, in seconds. */
    static constexpr double kTimeout = 0.5;

    UdpUnreachableDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);

    /** The datagram each part sends. */
    static QByteArray message();

    /** The closed port the datagrams went to. */
    quint16 closedPort() const { return m_closedPort; }
    /** Part @p part's (0, 1, 2) recv()/recvfrom() result. */
    CallResult receive(int part) const { return m_receive[part]; }
    /**
     * How much the kernel's counter of ICMP port unreachable messages sent
     * (Icmp:OutDestUnreachs, Icmp6OutDestUnreachs for ::1) rose during part
     * @p part; nullopt when /proc/net/snmp is unreadable.
     */
    std::optional<qint64> icmpSent(int part) const { return m_icmp[part]; }

protected:
    void run() override;
    Side sideOf(NativeSocket *socket) const override;
    QString nameOf(NativeSocket *socket) const override;

private:
    void partOne();
    void partTwo();
    void partThree();
    /** socket(), then settimeout(); false (after fail()) when one failed. */
    bool openClient(NativeSocket *socket);
    /** The datagram @p socket just sent, as an inferred datagram event. */
    void recordDatagram(NativeSocket *socket, qint64 tUs);
    /** recv() (connected) or recvfrom() on @p socket: start and return events. */
    void receiveOn(NativeSocket *socket, int part, std::function<void()> next);
    /** The ICMP counter now; nullopt when unreadable. */
    std::optional<qint64> icmpCounter() const;
    /** The counter's rise since @p before, as note text ("1", or "?" when unknown). */
    QString counted(int part) const;

    int m_family = 0;
    quint16 m_closedPort = 0;
    NativeSocket *m_reserve = nullptr;
    NativeSocket *m_connected = nullptr;
    NativeSocket *m_unconnected = nullptr;
    NativeSocket *m_recverr = nullptr;
    CallResult m_receive[3];
    std::optional<qint64> m_icmpBefore;
    std::optional<qint64> m_icmp[3];
};
