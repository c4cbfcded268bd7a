#include "permissionsdemo.h"

#include "net/kernelcounters.h"
#include "timeline/timeline.h"

#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <linux/capability.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

using Record = PermissionsDemo::Record;

enum Step {
    SetGroups = 1,
    SetResGid,
    CapBsetDrop,
    CapSetInheritable,
    SetResUid,
    CapGet,
    SocketStream,
    Bind,
    Close,
    SocketRaw,
    CloseRaw,
};

/** Where a Record goes: the pipe (child) or a list (this process). */
using Sink = void (*)(const Record &, void *);

long long monotonicNs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

// Async-signal-safe: no allocation, no locks; only syscalls (fork(2), signal-safety(7)).
void report(Sink sink, void *ctx, int step, long long ret)
{
    Record r;
    r.step = step;
    r.ret = ret;
    r.err = ret < 0 ? errno : 0;
    r.ns = monotonicNs();
    sink(r, ctx);
}

void toPipe(const Record &r, void *ctx)
{
    const int fd = *static_cast<int *>(ctx);
    [[maybe_unused]] const ssize_t n = ::write(fd, &r, sizeof r); // < PIPE_BUF: atomic
}

void toList(const Record &r, void *ctx)
{
    static_cast<QList<Record> *>(ctx)->append(r);
}

/** The calls the demo is about; the same code in the child and in this process. */
void probe(quint16 port, Sink sink, void *ctx)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    report(sink, ctx, SocketStream, fd);
    if (fd >= 0) {
        sockaddr_in a {};
        a.sin_family = AF_INET;
        a.sin_port = htons(port);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        report(sink, ctx, Bind, ::bind(fd, reinterpret_cast<const sockaddr *>(&a), sizeof a));
        report(sink, ctx, Close, ::close(fd));
    }
    const int raw = ::socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMP);
    report(sink, ctx, SocketRaw, raw);
    if (raw >= 0)
        report(sink, ctx, CloseRaw, ::close(raw));
}

/**
 * The child: gives up root as setpriv --reuid=65534 --regid=65534
 * --clear-groups --inh-caps=-all --bounding-set=-all, then probe(). Raw
 * syscalls: after fork() only async-signal-safe calls are allowed.
 */
[[noreturn]] void child(int out, quint16 port, int lastCap)
{
    Sink sink = toPipe;
    void *ctx = &out;
    const long id = PermissionsDemo::kNobody;
    long rc = ::syscall(SYS_setgroups, 0, nullptr);
    report(sink, ctx, SetGroups, rc);
    if (rc != 0)
        ::_exit(1);
    rc = ::syscall(SYS_setresgid, id, id, id);
    report(sink, ctx, SetResGid, rc);
    if (rc != 0)
        ::_exit(1);
    // The bounding set limits what a later execve() could gain back.
    rc = 0;
    for (int cap = 0; cap <= lastCap && rc == 0; ++cap)
        rc = ::prctl(PR_CAPBSET_DROP, cap, 0, 0, 0);
    report(sink, ctx, CapBsetDrop, rc);
    if (rc != 0)
        ::_exit(1);
    __user_cap_header_struct header { _LINUX_CAPABILITY_VERSION_3, 0 };
    __user_cap_data_struct data[2] {};
    rc = ::syscall(SYS_capget, &header, data);
    if (rc == 0) {
        data[0].inheritable = data[1].inheritable = 0;
        rc = ::syscall(SYS_capset, &header, data);
    }
    report(sink, ctx, CapSetInheritable, rc);
    if (rc != 0)
        ::_exit(1);
    // From uid 0 to nonzero real, effective and saved uids: the kernel clears
    // the permitted, effective and ambient capabilities (capabilities(7)).
    rc = ::syscall(SYS_setresuid, id, id, id);
    report(sink, ctx, SetResUid, rc);
    if (rc != 0)
        ::_exit(1);
    rc = ::syscall(SYS_capget, &header, data);
    report(sink, ctx, CapGet,
        rc != 0 ? rc : (long long)(data[0].effective | (quint64(data[1].effective) << 32)));
    probe(port, sink, ctx);
    ::_exit(0);
}

CallResult toCall(const Record &r, quint16 port, int lastCap)
{
    CallResult c;
    const QString id = QString::number(PermissionsDemo::kNobody);
    switch (r.step) {
    case SetGroups:
        c.call = QStringLiteral("setgroups");
        c.args = { QStringLiteral("[]") };
        break;
    case SetResGid:
        c.call = QStringLiteral("setresgid");
        c.args = { id, id, id };
        break;
    case CapBsetDrop:
        c.call = QStringLiteral("prctl");
        c.args = { QStringLiteral("PR_CAPBSET_DROP"), QStringLiteral("0…%1").arg(lastCap) };
        break;
    case CapSetInheritable:
        c.call = QStringLiteral("capset");
        c.args = { QStringLiteral("inheritable=0") };
        break;
    case SetResUid:
        c.call = QStringLiteral("setresuid");
        c.args = { id, id, id };
        break;
    case CapGet:
        c.call = QStringLiteral("capget");
        break;
    case SocketStream:
        c.call = QStringLiteral("socket");
        c.args = { QStringLiteral("AF_INET"), QStringLiteral("SOCK_STREAM") };
        break;
    case Bind:
        c.call = QStringLiteral("bind");
        c.args = { SockAddr { AF_INET, QStringLiteral("127.0.0.1"), port }.pythonRepr() };
        break;
    case SocketRaw:
        c.call = QStringLiteral("socket");
        c.args = { QStringLiteral("AF_INET"), QStringLiteral("SOCK_RAW"),
            QStringLiteral("IPPROTO_ICMP") };
        break;
    default:
        c.call = QStringLiteral("close");
        break;
    }
    if (r.ret < 0) {
        c.errorDomain = ErrorDomain::Errno;
        c.errnum = r.err;
    } else if (r.step == CapGet) {
        c.value = QStringLiteral("effective=0x%1").arg(quint64(r.ret), 0, 16);
    } else if (r.step == SetGroups || r.step == SetResGid || r.step == SetResUid) {
        c.value = QVariant(); // Python's os.setgroups()/setresgid()/setresuid() return None
    } else {
        c.value = r.ret;
    }
    return c;
}

int lastCapability()
{
    return int(KernelCounters::sysctl(QStringLiteral("kernel.cap_last_cap")).value_or(40));
}

} // namespace

PermissionsDemo::PermissionsDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : ScriptedDemo(timeline, inferrer, parent)
{
}

PermissionsDemo::~PermissionsDemo()
{
    closePipe();
    if (m_pid > 0) {
        // The child lives for milliseconds; do not leave a zombie behind.
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
    }
}

void PermissionsDemo::closePipe()
{
    delete m_notifier;
    m_notifier = nullptr;
    if (m_pipe >= 0)
        ::close(m_pipe);
    m_pipe = -1;
}

void PermissionsDemo::run()
{
    m_privPort = m_port ? m_port : kPort;
    m_portStart = KernelCounters::sysctl(QStringLiteral("net.ipv4.ip_unprivileged_port_start"));
    m_root = ::geteuid() == 0;
    m_unprivileged = false;
    m_dropFailure = {};
    for (int i = 0; i < 2; ++i) {
        m_bind[i] = {};
        m_raw[i] = {};
    }
    m_childCaps.reset();
    m_pipeBytes.clear();

    const QString port = QString::number(m_privPort);
    if (!m_portStart)
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "This kernel has no net.ipv4.ip_unprivileged_port_start (it came with "
                       "Linux 4.11): ports below 1024 are privileged, port %1 among them."),
            { port });
    else if (*m_portStart > m_privPort)
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "net.ipv4.ip_unprivileged_port_start is %1 on this machine: ports below "
                       "%1 are privileged, and binding one, such as port %2, needs the "
                       "capability CAP_NET_BIND_SERVICE."),
            { QString::number(*m_portStart), port });
    else
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "net.ipv4.ip_unprivileged_port_start is %1 on this machine: port %2 is "
                       "not privileged here, so bind() to it succeeds for anyone."),
            { QString::number(*m_portStart), port });

    if (!m_root) {
        const QString uid = QString::number(::geteuid());
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "The lab runs as uid %1, not as root: it makes the calls itself. The "
                       "contrast with root is left out."),
            { uid });
        QList<Record> records;
        probe(m_privPort, toList, &records);
        m_unprivileged = true;
        m_clockOffsetUs = m_timeline->nowUs() - monotonicNs() / 1000;
        recordProcess(records, QStringLiteral("uid-") + uid, 0);
        succeed();
        return;
    }
    runChild();
}

void PermissionsDemo::runChild()
{
    recordNote(QT_TRANSLATE_NOOP("Note",
        "The lab runs as root, and root may do all of this. So a child process gives up root "
        "before any socket call, as setpriv --reuid=65534 --regid=65534 --clear-groups "
        "--inh-caps=-all --bounding-set=-all does: no supplementary groups, gid and uid 65534 "
        "(nobody), no capabilities."));
    int fds[2] = { -1, -1 };
    CallResult r;
    r.call = QStringLiteral("fork");
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        r.call = QStringLiteral("pipe");
        r.errorDomain = ErrorDomain::Errno;
        r.errnum = errno;
        fail(r);
        return;
    }
    const int lastCap = lastCapability();
    const quint16 port = m_privPort;
    const qint64 t0 = m_timeline->nowUs();
    m_clockOffsetUs = t0 - monotonicNs() / 1000;
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        child(fds[1], port, lastCap);
    }
    ::close(fds[1]);
    if (pid < 0) {
        r.errorDomain = ErrorDomain::Errno;
        r.errnum = errno;
        ::close(fds[0]);
        fail(r);
        return;
    }
    m_pid = pid;
    r.value = int(pid);
    LabEvent e;
    e.tUs = t0; // stamped when called: the child's first call may come before fork() returns here
    e.side = Side::Client;
    e.kind = EventKind::Call;
    e.source = EventSource::App;
    e.socket = QStringLiteral("uid-0");
    e.call = r.call;
    e.phase = CallPhase::Return;
    e.result = r.value;
    m_timeline->append(e);

    m_pipe = fds[0];
    ::fcntl(m_pipe, F_SETFL, ::fcntl(m_pipe, F_GETFL) | O_NONBLOCK);
    m_notifier = new QSocketNotifier(m_pipe, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &PermissionsDemo::onPipe);
}

void PermissionsDemo::onPipe()
{
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(m_pipe, buf, sizeof buf);
        if (n > 0) {
            m_pipeBytes.append(buf, n);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EINTR))
            return; // more to come
        break; // EOF: the child exited (or an error: the same, no more records)
    }
    closePipe();
    // Reap the child without blocking: it is exiting now.
    waitUntil([this] { return ::waitpid(m_pid, nullptr, WNOHANG) == m_pid; },
        [this] {
            m_pid = -1;
            childDone();
        });
}

void PermissionsDemo::childDone()
{
    QList<Record> records;
    for (qsizetype at = 0; at + qsizetype(sizeof(Record)) <= m_pipeBytes.size();
         at += sizeof(Record)) {
        Record r;
        std::memcpy(&r, m_pipeBytes.constData() + at, sizeof r);
        records << r;
    }
    const QString socket = QStringLiteral("uid-%1").arg(kNobody);
    recordProcess(records, socket, 0);
    if (!m_unprivileged) {
        // The child stopped before its socket calls: which step refused?
        const Record last = records.isEmpty() ? Record {} : records.last();
        m_dropFailure = toCall(last, m_privPort, lastCapability());
        if (!m_dropFailure.failed()) {
            m_dropFailure.call = QStringLiteral("fork");
            m_dropFailure.errorDomain = ErrorDomain::Errno;
            m_dropFailure.errnum = ECHILD;
        }
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "The child process could not give up root: %1 failed with errno %2 (%3). "
                       "The permission errors cannot be shown on this machine."),
            { m_dropFailure.call, QString::number(m_dropFailure.errnum),
                errorName(m_dropFailure.errorDomain, m_dropFailure.errnum) });
    }
    runAsRoot();
}

void PermissionsDemo::runAsRoot()
{
    recordNote(QT_TRANSLATE_NOOP("Note", "The same calls, made by the lab itself as root:"));
    QList<Record> records;
    m_clockOffsetUs = m_timeline->nowUs() - monotonicNs() / 1000;
    probe(m_privPort, toList, &records);
    recordProcess(records, QStringLiteral("uid-0"), 1);
    succeed();
}

void PermissionsDemo::recordProcess(const QList<Record> &records, const QString &socket, int who)
{
    const int lastCap = lastCapability();
    for (const Record &rec : records) {
        const CallResult c = toCall(rec, m_privPort, lastCap);
        LabEvent e;
        e.tUs = qMax<qint64>(0, rec.ns / 1000 + m_clockOffsetUs);
        e.side = Side::Client;
        e.kind = EventKind::Call;
        e.source = EventSource::App;
        e.socket = socket;
        e.call = c.call;
        e.phase = CallPhase::Return;
        e.args = c.args;
        e.result = c.value;
        e.errorDomain = c.errorDomain;
        e.errnum = c.errnum;
        m_timeline->append(e);
        if (rec.step == CapGet && rec.ret >= 0)
            m_childCaps = quint64(rec.ret);
        if (rec.step == SocketStream && who == 0)
            m_unprivileged = true;
        if (rec.step == SocketStream && rec.ret < 0)
            m_bind[who] = c; // no socket, so no bind(): the socket() failure stands for it
        if (rec.step == Bind)
            m_bind[who] = c;
        if (rec.step == SocketRaw)
            m_raw[who] = c;
    }
    if (who == 0 && m_unprivileged)
        explain(0, socket);
    else if (who == 1)
        explain(1, socket);
}

void PermissionsDemo::explain(int who, const QString &socket)
{
    const QString port = QString::number(m_privPort);
    const CallResult &bind = m_bind[who];
    const CallResult &raw = m_raw[who];
    const QString uid = socket.mid(4); // "uid-65534" → "65534"
    if (who == 1) {
        if (bind.ok() && raw.ok()) {
            recordNote(QT_TRANSLATE_NOOP("Note",
                           "As root both calls succeed: bind() to port %1 returned 0 and the raw "
                           "socket() returned descriptor %2. Root holds every capability, "
                           "CAP_NET_BIND_SERVICE and CAP_NET_RAW among them."),
                { port, raw.value.toString() });
            return;
        }
    } else {
        if (bind.errorDomain == ErrorDomain::Errno && bind.errnum == EACCES)
            recordNote(QT_TRANSLATE_NOOP("Note",
                           "As uid %1, bind() to port %2 fails with PermissionError, errno %3 "
                           "(EACCES): the port is privileged, and this process lacks "
                           "CAP_NET_BIND_SERVICE. Servers run on ports from 1024 up, or get "
                           "that one capability instead of running as root."),
                { uid, port, QString::number(bind.errnum) });
        if (raw.errorDomain == ErrorDomain::Errno && raw.errnum == EPERM)
            recordNote(QT_TRANSLATE_NOOP("Note",
                           "As uid %1, socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) fails with "
                           "PermissionError, errno %2 (EPERM): a raw socket can send any packet, "
                           "forged ones too, so it needs CAP_NET_RAW. This is the source text's "
                           "\"SOCK_RAW is usually limited to advanced users or administrators\"."),
                { uid, QString::number(raw.errnum) });
    }
    // Anything else this machine did, said plainly.
    for (const CallResult *c : { &bind, &raw }) {
        const bool explained = who == 0
            && ((c == &bind && c->errorDomain == ErrorDomain::Errno && c->errnum == EACCES)
                || (c == &raw && c->errorDomain == ErrorDomain::Errno && c->errnum == EPERM));
        if (explained || c->call.isEmpty())
            continue;
        if (c->ok())
            recordNote(
                QT_TRANSLATE_NOOP("Note", "As uid %1, %2 succeeded."), { uid, c->signature() });
        else
            recordNote(QT_TRANSLATE_NOOP("Note", "As uid %1, %2 failed with errno %3 (%4)."),
                { uid, c->signature(), QString::number(c->errnum),
                    errorName(c->errorDomain, c->errnum) });
    }
}
