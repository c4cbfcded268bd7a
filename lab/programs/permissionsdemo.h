#pragma once

#include "scripteddemo.h"

#include <QList>

#include <optional>

class QSocketNotifier;

/**
 * Calls that need privileges (`--demo permissions`), made by an
 * unprivileged process and, for contrast, by root:
 *
 *     s = socket(AF_INET, SOCK_STREAM); s.bind(("127.0.0.1", 80))  # PermissionError, EACCES (13)
 *     socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)                       # PermissionError, EPERM (1)
 *
 * Ports below net.ipv4.ip_unprivileged_port_start (1024 by default) need
 * CAP_NET_BIND_SERVICE, raw sockets CAP_NET_RAW (capabilities(7), ip(7),
 * raw(7)); root has every capability.
 *
 * Run as root, the lab cannot show the errors in its own process: it
 * fork()s a child that gives up root before any socket call, as
 * `setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all
 * --bounding-set=-all` does (setgroups, setresgid, the bounding set,
 * capset, setresuid; a uid change away from 0 clears the capabilities),
 * and reports each call's result and errno through a pipe; the parent puts
 * them on the timeline as the child's call events (side client, socket
 * "uid-65534") and then makes the same calls as root (socket "uid-0"). Run
 * as another user, the lab makes the calls itself (socket "uid-N") and
 * leaves the root contrast out. Only fork(), syscalls and write() run in
 * the child, as POSIX allows after fork() in a threaded process.
 */
class PermissionsDemo : public ScriptedDemo
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PermissionsDemo)

public:
    /** The unprivileged user and group: nobody / nogroup. */
    static constexpr unsigned kNobody = 65534;
    /** The privileged port bind() tries unless start() was given one. */
    static constexpr quint16 kPort = 80;

    PermissionsDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);
    ~PermissionsDemo() override;

    /** net.ipv4.ip_unprivileged_port_start as read; nullopt when the kernel has none. */
    std::optional<qint64> unprivilegedPortStart() const { return m_portStart; }
    /** Whether the lab ran as root (and so forked an unprivileged child). */
    bool ranAsRoot() const { return m_root; }
    /** Whether the unprivileged calls ran (the child gave up root, or the lab is not root). */
    bool unprivilegedRan() const { return m_unprivileged; }
    /** The call that kept the child from giving up root, when one did. */
    CallResult dropFailure() const { return m_dropFailure; }
    /** The unprivileged process's bind() and raw socket() results. */
    CallResult unprivilegedBind() const { return m_bind[0]; }
    CallResult unprivilegedRaw() const { return m_raw[0]; }
    /** Root's bind() and raw socket() results (empty call when not run as root). */
    CallResult rootBind() const { return m_bind[1]; }
    CallResult rootRaw() const { return m_raw[1]; }
    /** The child's effective capabilities after the drop (capget), when it ran. */
    std::optional<quint64> childCapabilities() const { return m_childCaps; }

    /** One call's outcome, as the child sends it through the pipe (plain data). */
    struct Record
    {
        int step = 0;
        long long ret = 0; ///< the call's return value (fd, 0, or a capability mask)
        int err = 0; ///< errno when it failed, else 0
        long long ns = 0; ///< CLOCK_MONOTONIC when it returned, in nanoseconds
    };

protected:
    void run() override;

private:
    void runChild();
    void onPipe();
    void childDone();
    void runAsRoot();
    /** The records of one process as call events and the facts they prove. */
    void recordProcess(const QList<Record> &records, const QString &socket, int who);
    void explain(int who, const QString &socket);
    void closePipe();

    std::optional<qint64> m_portStart;
    quint16 m_privPort = kPort;
    bool m_root = false;
    bool m_unprivileged = false;
    CallResult m_dropFailure;
    CallResult m_bind[2]; ///< [0] unprivileged, [1] root
    CallResult m_raw[2];
    std::optional<quint64> m_childCaps;
    int m_pid = -1;
    int m_pipe = -1;
    QByteArray m_pipeBytes;
    QSocketNotifier *m_notifier = nullptr;
    qint64 m_clockOffsetUs = 0; ///< Timeline time minus CLOCK_MONOTONIC, in microseconds
};
