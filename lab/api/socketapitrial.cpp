#include "socketapitrial.h"

#include "net/callevent.h"
#include "net/nativesocket.h"
#include "socketapi.h"
#include "timeline/eventtext.h"
#include "timeline/timeline.h"

#include <QCoreApplication>
#include <QTimer>

#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>

namespace {

const QString kHost = QStringLiteral("127.0.0.1");
const QString kHost6 = QStringLiteral("::1");
/** The source text's client message, 12 bytes of UTF-8. */
const QByteArray kMessage = QStringLiteral("请求连接").toUtf8();
/** What a call that could wait gets as its timeout, in seconds. */
constexpr double kShortTimeout = 1.0;
/** Small buffers (bytes, before Linux doubles them) so that a send fills them at once. */
constexpr int kSmallBuffer = 4096;
constexpr int kSendSize = 65536;
constexpr int kSendallSize = 16384;

QString optionName(int option)
{
    switch (option) {
    case SO_TYPE:
        return QStringLiteral("SO_TYPE");
    case SO_PROTOCOL:
        return QStringLiteral("SO_PROTOCOL");
    case SO_DOMAIN:
        return QStringLiteral("SO_DOMAIN");
    case SO_RCVBUF:
        return QStringLiteral("SO_RCVBUF");
    case SO_SNDBUF:
        return QStringLiteral("SO_SNDBUF");
    case SO_ERROR:
        return QStringLiteral("SO_ERROR");
    }
    return QString::number(option);
}

/** socket(family, type[, proto]) with every argument shown by its name. */
CallResult openSocket(NativeSocket *s, int family, int type, int proto = 0)
{
    CallResult r = s->socket(family, type, proto);
    r.args = QStringList { socketFamilyName(family), socketTypeName(type) };
    if (proto == IPPROTO_ICMP)
        r.args << QStringLiteral("IPPROTO_ICMP");
    else if (proto != 0)
        r.args << QString::number(proto);
    return r;
}

/** getsockopt(SOL_SOCKET, option) for an int option (getsockopt(2)); the value or the errno. */
CallResult getOption(NativeSocket *s, int option)
{
    CallResult r;
    r.call = QStringLiteral("getsockopt");
    r.args = QStringList { QStringLiteral("SOL_SOCKET"), optionName(option) };
    int value = 0;
    socklen_t len = sizeof value;
    if (s->fd() < 0) {
        r.errorDomain = ErrorDomain::Errno;
        r.errnum = EBADF;
    } else if (::getsockopt(s->fd(), SOL_SOCKET, option, &value, &len) != 0) {
        r.errorDomain = ErrorDomain::Errno;
        r.errnum = errno;
    } else {
        r.value = value;
    }
    return r;
}

/** setsockopt(SOL_SOCKET, option, value) with the option shown by its name. */
CallResult setOption(NativeSocket *s, int option, int value)
{
    CallResult r = s->setsockopt(SOL_SOCKET, option, value);
    r.args
        = QStringList { QStringLiteral("SOL_SOCKET"), optionName(option), QString::number(value) };
    return r;
}

/** A float as Python's repr() prints it: 2.5, 0.0. */
QString pythonFloat(double v)
{
    QString s = QString::number(v);
    if (!s.contains(QLatin1Char('.')) && !s.contains(QLatin1Char('e')))
        s += QStringLiteral(".0");
    return s;
}

/** gettimeout(): None (an invalid value) or the timeout in seconds as Python prints it. */
CallResult gettimeout(NativeSocket *s)
{
    CallResult r;
    r.call = QStringLiteral("gettimeout");
    if (s->timeout() >= 0)
        r.value = pythonFloat(s->timeout());
    return r;
}

bool isErrno(const CallResult &r, int errnum)
{
    return r.errorDomain == ErrorDomain::Errno && r.errnum == errnum;
}

std::function<bool(const CallResult &)> errnoIs(int errnum)
{
    return [errnum](const CallResult &r) { return isErrno(r, errnum); };
}

std::function<bool(const CallResult &)> valueIs(int value)
{
    return [value](const CallResult &r) { return r.ok() && r.value.toInt() == value; };
}

bool anyErrno(const CallResult &r)
{
    return r.errorDomain == ErrorDomain::Errno;
}

bool timedOut(const CallResult &r)
{
    return r.errorDomain == ErrorDomain::Timeout;
}

bool mayBlock(const QString &call)
{
    static const QStringList blocking { QStringLiteral("accept"), QStringLiteral("connect"),
        QStringLiteral("connect_ex"), QStringLiteral("send"), QStringLiteral("sendall"),
        QStringLiteral("recv"), QStringLiteral("recvfrom") };
    return blocking.contains(call);
}

} // namespace

SocketApiTrial::SocketApiTrial(QObject *parent)
    : QObject(parent)
    , m_watchdog(new QTimer(this))
{
    m_watchdog->setSingleShot(true);
    connect(m_watchdog, &QTimer::timeout, this, [this] {
        if (!m_running)
            return;
        m_surprise.reset();
        setSummary(QT_TRANSLATE_NOOP("SocketApi", "The demonstration did not end within %1 s."),
            { QString::number(m_runLimitMs / 1000.0) });
        stop(false);
    });
}

SocketApiTrial::~SocketApiTrial()
{
    ++m_generation; // no callback of ours may run while the sockets go
}

void SocketApiTrial::setTimeline(Timeline *timeline)
{
    m_timeline = timeline;
}

bool SocketApiTrial::start(const QString &name)
{
    if (m_running || !m_timeline || !SocketApi::find(name))
        return false;
    ++m_generation;
    m_running = true;
    m_ok = false;
    m_entry = name;
    m_steps.clear();
    m_index = 0;
    m_results.clear();
    m_bound = {};
    m_port = 0;
    m_received = 0;
    m_recvCalls = 0;
    m_value = 0;
    m_background.reset();
    m_waitingBackground = false;
    m_surprise.reset();
    m_summaryKey = nullptr;
    m_summaryArgs.clear();
    m_skSide = Side::Client;
    build(name);
    m_watchdog->start(m_runLimitMs);
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation)
            runNext();
    });
    return true;
}

QString SocketApiTrial::summary() const
{
    if (m_surprise) {
        const LabEvent e = callReturnEvent(*m_surprise, Side::Both, {});
        return QCoreApplication::translate("SocketApi", "Not as expected: %1")
            .arg(EventText::describe(e));
    }
    if (!m_summaryKey)
        return {};
    QString text = QCoreApplication::translate("SocketApi", m_summaryKey);
    for (const QString &a : m_summaryArgs)
        text = text.arg(a);
    return text;
}

void SocketApiTrial::setSummary(const char *key, const QStringList &args)
{
    m_summaryKey = key;
    m_summaryArgs = args;
}

Side SocketApiTrial::sideOf(const QString &socket) const
{
    if (socket == QLatin1String("sk"))
        return m_skSide;
    if (socket.startsWith(QLatin1String("client")))
        return Side::Client;
    return Side::Server; // listener, conn, second, server
}

NativeSocket *SocketApiTrial::socketNamed(const QString &name)
{
    for (const auto &[n, s] : std::as_const(m_sockets)) {
        if (n == name && s)
            return s;
    }
    auto *s = new NativeSocket(this);
    m_sockets.append({ name, s });
    return s;
}

void SocketApiTrial::add(const QString &socket, Op op, Check expect, After after)
{
    Step s;
    s.socket = socket;
    s.op = std::move(op);
    s.expect = std::move(expect);
    s.after = std::move(after);
    m_steps.append(s);
}

void SocketApiTrial::addCloseAll(const QStringList &sockets)
{
    for (const QString &name : sockets)
        add(name, [](NativeSocket *s) { return s->close(); });
}

void SocketApiTrial::addPair(bool smallBuffers)
{
    // A listener on 127.0.0.1 (ephemeral port), a client connected to it, the accepted conn.
    add(QStringLiteral("listener"),
        [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
    if (smallBuffers) {
        // Set on the listener, so the accepted socket inherits it before the window is announced.
        add(QStringLiteral("listener"),
            [](NativeSocket *s) { return setOption(s, SO_RCVBUF, kSmallBuffer); });
    }
    add(
        QStringLiteral("listener"), [](NativeSocket *s) { return s->bind(kHost, 0); }, {},
        [this](const CallResult &) {
            m_bound = socketNamed(QStringLiteral("listener"))->localAddress();
            m_port = m_bound.port;
        });
    add(QStringLiteral("listener"), [](NativeSocket *s) { return s->listen(1); });
    add(QStringLiteral("client"),
        [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
    if (smallBuffers) {
        add(QStringLiteral("client"),
            [](NativeSocket *s) { return setOption(s, SO_SNDBUF, kSmallBuffer); });
    }
    add(QStringLiteral("client"), [this](NativeSocket *s) { return s->connect(kHost, m_port); });
    add(QStringLiteral("listener"), [](NativeSocket *s) { return s->settimeout(kShortTimeout); });
    add(QStringLiteral("listener"), [](NativeSocket *s) { return s->accept(); });
}

void SocketApiTrial::addUdpPair()
{
    add(QStringLiteral("server"),
        [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_DGRAM); });
    add(
        QStringLiteral("server"), [](NativeSocket *s) { return s->bind(kHost, 0); }, {},
        [this](const CallResult &) {
            m_bound = socketNamed(QStringLiteral("server"))->localAddress();
            m_port = m_bound.port;
        });
    add(QStringLiteral("client"),
        [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_DGRAM); });
    add(
        QStringLiteral("client"),
        [this](NativeSocket *s) { return s->sendto(kMessage, kHost, m_port); },
        valueIs(int(kMessage.size())));
    add(QStringLiteral("server"), [](NativeSocket *s) { return s->settimeout(kShortTimeout); });
}

void SocketApiTrial::buildConstant(const QString &name)
{
    const SocketApiEntry *entry = SocketApi::find(name);
    const int value = entry->linuxValue;
    const QString sk = QStringLiteral("sk");
    if (name.startsWith(QLatin1String("AF_"))) {
        // socket(AF_x, SOCK_STREAM); the kernel reads the family back as SO_DOMAIN.
        add(sk, [value](NativeSocket *s) { return openSocket(s, value, SOCK_STREAM); });
        add(
            sk, [](NativeSocket *s) { return getOption(s, SO_DOMAIN); }, valueIs(value));
        if (value == AF_UNIX) {
            setSummary(QT_TRANSLATE_NOOP("SocketApi",
                           "socket(AF_UNIX, SOCK_STREAM) made a Unix domain socket: SO_DOMAIN "
                           "reads back %1. Its addresses are file system paths, not (host, "
                           "port)."),
                { QString::number(value) });
        } else {
            const QString host = value == AF_INET6 ? kHost6 : kHost;
            add(sk, [host](NativeSocket *s) { return s->bind(host, 0); });
            add(
                sk, [](NativeSocket *s) { return s->getsockname(); }, {},
                [this, name, value](const CallResult &r) {
                    setSummary(QT_TRANSLATE_NOOP("SocketApi",
                                   "socket(%1, SOCK_STREAM): SO_DOMAIN reads back %2, and the "
                                   "bound address is %3."),
                        { name, QString::number(value), r.value.toString() });
                });
        }
        addCloseAll({ sk });
        return;
    }
    if (value == SOCK_STREAM || value == SOCK_DGRAM) {
        const int proto = value == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP;
        add(sk, [value](NativeSocket *s) { return openSocket(s, AF_INET, value); });
        add(
            sk, [](NativeSocket *s) { return getOption(s, SO_TYPE); }, valueIs(value));
        add(
            sk, [](NativeSocket *s) { return getOption(s, SO_PROTOCOL); }, valueIs(proto));
        addCloseAll({ sk });
        setSummary(QT_TRANSLATE_NOOP("SocketApi",
                       "socket(AF_INET, %1): SO_TYPE reads back %2, and with protocol 0 the kernel "
                       "chose protocol %3 (%4)."),
            { name, QString::number(value), QString::number(proto),
                value == SOCK_STREAM ? QStringLiteral("IPPROTO_TCP")
                                     : QStringLiteral("IPPROTO_UDP") });
        return;
    }
    if (value == SOCK_RAW) {
        add(
            sk, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_RAW); },
            errnoIs(EPROTONOSUPPORT));
        // Privileged or not, both outcomes are what Linux does: report which one happened.
        add(
            sk, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_RAW, IPPROTO_ICMP); },
            [](const CallResult &r) { return r.ok() || isErrno(r, EPERM); },
            [this](const CallResult &r) {
                if (r.ok()) {
                    setSummary(QT_TRANSLATE_NOOP("SocketApi",
                                   "socket(AF_INET, SOCK_RAW) without a protocol failed with "
                                   "EPROTONOSUPPORT (%1); with IPPROTO_ICMP it returned "
                                   "descriptor %2: this process has CAP_NET_RAW."),
                        { QString::number(EPROTONOSUPPORT), r.value.toString() });
                } else {
                    setSummary(QT_TRANSLATE_NOOP("SocketApi",
                                   "socket(AF_INET, SOCK_RAW) without a protocol failed with "
                                   "EPROTONOSUPPORT (%1); with IPPROTO_ICMP it failed with EPERM "
                                   "(%2): this process lacks CAP_NET_RAW."),
                        { QString::number(EPROTONOSUPPORT), QString::number(r.errnum) });
                }
            });
        add(
            sk, [](NativeSocket *s) { return getOption(s, SO_TYPE); }, valueIs(SOCK_RAW));
        m_steps.last().when = [this] { return socketNamed(QStringLiteral("sk"))->isOpen(); };
        add(sk, [](NativeSocket *s) { return s->close(); });
        m_steps.last().when = [this] { return socketNamed(QStringLiteral("sk"))->isOpen(); };
        return;
    }
    if (value == SOCK_RDM) {
        add(
            sk, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_RDM); }, anyErrno,
            [this](const CallResult &r) {
                setSummary(QT_TRANSLATE_NOOP("SocketApi",
                               "socket(AF_INET, SOCK_RDM) failed with %1 (%2): Linux offers no "
                               "reliable datagrams over TCP/IP."),
                    { errorName(r.errorDomain, r.errnum), QString::number(r.errnum) });
            });
        return;
    }
    // SOCK_SEQPACKET: refused for TCP/IP, available for AF_UNIX.
    add(
        sk, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_SEQPACKET); }, anyErrno,
        [this](const CallResult &r) {
            setSummary(QT_TRANSLATE_NOOP("SocketApi",
                           "socket(AF_INET, SOCK_SEQPACKET) failed with %1 (%2); socket(AF_UNIX, "
                           "SOCK_SEQPACKET) worked, and SO_TYPE reads back %3."),
                { errorName(r.errorDomain, r.errnum), QString::number(r.errnum),
                    QString::number(SOCK_SEQPACKET) });
        });
    add(sk, [](NativeSocket *s) { return openSocket(s, AF_UNIX, SOCK_SEQPACKET); });
    add(
        sk, [](NativeSocket *s) { return getOption(s, SO_TYPE); }, valueIs(SOCK_SEQPACKET));
    addCloseAll({ sk });
}

void SocketApiTrial::build(const QString &name)
{
    const SocketApiEntry *entry = SocketApi::find(name);
    if (entry->isConstant()) {
        buildConstant(name);
        return;
    }
    const QString sk = QStringLiteral("sk");
    const QString listener = QStringLiteral("listener");
    const QString client = QStringLiteral("client");
    const QString conn = QStringLiteral("conn");
    const QString server = QStringLiteral("server");

    if (name == QLatin1String("socket")) {
        add(
            sk, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); }, {},
            [this](const CallResult &r) {
                setSummary(QT_TRANSLATE_NOOP("SocketApi",
                               "socket.socket() returned descriptor %1; with proto 0 the kernel "
                               "chose protocol %2 (IPPROTO_TCP)."),
                    { r.value.toString(), QString::number(IPPROTO_TCP) });
            });
        add(
            sk, [](NativeSocket *s) { return getOption(s, SO_PROTOCOL); }, valueIs(IPPROTO_TCP));
        addCloseAll({ sk });
    } else if (name == QLatin1String("bind")) {
        add(listener, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
        add(listener, [](NativeSocket *s) { return s->bind(kHost, 0); });
        add(
            listener, [](NativeSocket *s) { return s->getsockname(); }, {},
            [this](const CallResult &r) { m_port = r.addr.port; });
        add(QStringLiteral("second"),
            [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
        add(
            QStringLiteral("second"), [this](NativeSocket *s) { return s->bind(kHost, m_port); },
            errnoIs(EADDRINUSE),
            [this](const CallResult &r) {
                setSummary(QT_TRANSLATE_NOOP("SocketApi",
                               "bind(('127.0.0.1', 0)) got port %1 from the kernel; a second "
                               "socket's bind() to that port failed with EADDRINUSE (%2)."),
                    { QString::number(m_port), QString::number(r.errnum) });
            });
        addCloseAll({ QStringLiteral("second"), listener });
    } else if (name == QLatin1String("listen")) {
        add(listener, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
        add(
            listener, [](NativeSocket *s) { return s->bind(kHost, 0); }, {},
            [this](const CallResult &) {
                m_port = socketNamed(QStringLiteral("listener"))->localAddress().port;
            });
        add(listener, [](NativeSocket *s) { return s->listen(1); });
        // Three clients, no accept(): the accept queue of listen(1) holds two.
        const double waits[] = { kShortTimeout, kShortTimeout, 0.3 };
        const QStringList clients { client, QStringLiteral("client2"), QStringLiteral("client3") };
        for (int i = 0; i < 3; ++i) {
            const double wait = waits[i];
            add(clients[i], [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
            add(clients[i], [wait](NativeSocket *s) { return s->settimeout(wait); });
            add(
                clients[i], [this](NativeSocket *s) { return s->connect(kHost, m_port); },
                i < 2 ? Check {} : Check(timedOut));
        }
        addCloseAll({ QStringLiteral("client3"), QStringLiteral("client2"), client, listener });
        setSummary(QT_TRANSLATE_NOOP("SocketApi",
            "listen(1): two clients connected without any accept() (the accept queue holds "
            "backlog + 1); the third was not refused: its connect() was still waiting after 0.3 s "
            "(timeout)."));
    } else if (name == QLatin1String("setblocking")) {
        add(listener, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
        add(listener, [](NativeSocket *s) { return s->bind(kHost, 0); });
        add(listener, [](NativeSocket *s) { return s->listen(1); });
        add(listener, [](NativeSocket *s) { return s->setblocking(false); });
        add(
            listener, [](NativeSocket *s) { return s->accept(); }, errnoIs(EAGAIN));
        addCloseAll({ listener });
        setSummary(QT_TRANSLATE_NOOP("SocketApi",
                       "setblocking(False): accept() with an empty accept queue failed at once "
                       "with EAGAIN (%1) instead of waiting."),
            { QString::number(EAGAIN) });
    } else if (name == QLatin1String("accept")) {
        add(listener, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
        add(
            listener, [](NativeSocket *s) { return s->bind(kHost, 0); }, {},
            [this](const CallResult &) {
                m_port = socketNamed(QStringLiteral("listener"))->localAddress().port;
            });
        add(listener, [](NativeSocket *s) { return s->listen(1); });
        add(listener, [](NativeSocket *s) { return s->setblocking(false); });
        add(
            listener, [](NativeSocket *s) { return s->accept(); }, errnoIs(EAGAIN));
        add(client, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
        add(client, [this](NativeSocket *s) { return s->connect(kHost, m_port); });
        add(listener, [](NativeSocket *s) { return s->settimeout(kShortTimeout); });
        add(
            listener, [](NativeSocket *s) { return s->accept(); },
            [this](const CallResult &r) {
                return r.ok() && r.addr == socketNamed(QStringLiteral("client"))->localAddress();
            },
            [this](const CallResult &r) {
                setSummary(QT_TRANSLATE_NOOP("SocketApi",
                               "accept() returned a new socket (descriptor %1) for the client %2. "
                               "Before the client connected, the accept queue was empty and the "
                               "non-blocking accept() failed with EAGAIN (%3)."),
                    { r.value.toString(), r.addr.pythonRepr(), QString::number(EAGAIN) });
            });
        addCloseAll({ conn, client, listener });
    } else if (name == QLatin1String("connect") || name == QLatin1String("connect_ex")) {
        const bool ex = name == QLatin1String("connect_ex");
        add(listener, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
        add(
            listener, [](NativeSocket *s) { return s->bind(kHost, 0); }, {},
            [this](const CallResult &) {
                m_port = socketNamed(QStringLiteral("listener"))->localAddress().port;
            });
        // Bound, not listening: the port is closed, and no other program can take it meanwhile.
        add(client, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
        add(
            client,
            [this, ex](NativeSocket *s) {
                return ex ? s->connect_ex(kHost, m_port) : s->connect(kHost, m_port);
            },
            ex ? valueIs(ECONNREFUSED) : errnoIs(ECONNREFUSED));
        add(client, [](NativeSocket *s) { return s->close(); });
        add(listener, [](NativeSocket *s) { return s->listen(1); });
        add(client, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
        add(
            client,
            [this, ex](NativeSocket *s) {
                return ex ? s->connect_ex(kHost, m_port) : s->connect(kHost, m_port);
            },
            valueIs(0));
        add(client, [](NativeSocket *s) { return s->getpeername(); });
        addCloseAll({ client, listener });
        if (ex) {
            setSummary(QT_TRANSLATE_NOOP("SocketApi",
                           "connect_ex() returned %1 (ECONNREFUSED) while nothing listened on the "
                           "port, and 0 after listen(); it raised nothing."),
                { QString::number(ECONNREFUSED) });
        } else {
            setSummary(QT_TRANSLATE_NOOP("SocketApi",
                           "Before listen(), connect() raised ConnectionRefusedError, errno %1 "
                           "(ECONNREFUSED): the server's kernel answered with RST. After listen() "
                           "it connected."),
                { QString::number(ECONNREFUSED) });
        }
    } else if (name == QLatin1String("close")) {
        addPair(false);
        add(client, [](NativeSocket *s) { return s->close(); });
        add(conn, [](NativeSocket *s) { return s->settimeout(kShortTimeout); });
        add(
            conn, [](NativeSocket *s) { return s->recv(1024); },
            [](const CallResult &r) { return r.ok() && r.data.isEmpty(); });
        add(
            client, [](NativeSocket *s) { return s->fileno(); }, valueIs(-1));
        addCloseAll({ conn, listener });
        setSummary(QT_TRANSLATE_NOOP("SocketApi",
            "After the client's close() (FIN), the server's recv() returned b\"\" (end of "
            "stream), and the client's fileno() returns -1."));
    } else if (name == QLatin1String("recv")) {
        addPair(false);
        add(client, [](NativeSocket *s) { return s->sendall(kMessage); });
        add(conn, [](NativeSocket *s) { return s->settimeout(kShortTimeout); });
        add(
            conn, [](NativeSocket *s) { return s->recv(1024); },
            [](const CallResult &r) { return r.ok() && r.data == kMessage; });
        add(client, [](NativeSocket *s) { return s->close(); });
        add(
            conn, [](NativeSocket *s) { return s->recv(1024); },
            [](const CallResult &r) { return r.ok() && r.data.isEmpty(); });
        addCloseAll({ conn, listener });
        setSummary(QT_TRANSLATE_NOOP("SocketApi",
                       "recv(1024) returned the %1 bytes the client sent; after the client's "
                       "close() it returned b\"\": end of stream, not an error."),
            { QString::number(kMessage.size()) });
    } else if (name == QLatin1String("send")) {
        addPair(true);
        add(client, [](NativeSocket *s) { return s->setblocking(false); });
        add(
            client, [](NativeSocket *s) { return s->send(QByteArray(kSendSize, 'x')); },
            [](const CallResult &r) { return r.ok() && r.value.toLongLong() > 0; },
            [this](const CallResult &r) {
                const qint64 n = r.value.toLongLong();
                setSummary(n < kSendSize ? QT_TRANSLATE_NOOP("SocketApi",
                               "send() of %1 bytes returned %2: the kernel took only what fit in "
                               "the buffers. Sending the rest is the program's job, or "
                               "sendall()'s.")
                                         : QT_TRANSLATE_NOOP("SocketApi",
                                             "send() of %1 bytes returned %2: this time everything "
                                             "fit in the buffers."),
                    { QString::number(kSendSize), QString::number(n) });
            });
        addCloseAll({ client, conn, listener });
    } else if (name == QLatin1String("sendall")) {
        addPair(true);
        add(conn, [](NativeSocket *s) { return s->settimeout(kShortTimeout); });
        // sendall() waits while the buffers are full; the server reads meanwhile.
        add(client, [](NativeSocket *s) { return s->sendall(QByteArray(kSendallSize, 'x')); });
        m_steps.last().background = true;
        add(
            conn, [](NativeSocket *s) { return s->recv(kSendallSize); },
            [](const CallResult &r) { return r.ok() && !r.data.isEmpty(); },
            [this](const CallResult &r) {
                m_received += r.data.size();
                ++m_recvCalls;
            });
        m_steps.last().again = [this] { return m_received < kSendallSize; };
        Step wait;
        wait.socket = client;
        wait.expect = [](const CallResult &r) { return r.ok() && !r.value.isValid(); };
        wait.after = [this](const CallResult &) {
            setSummary(QT_TRANSLATE_NOOP("SocketApi",
                           "sendall() of %1 bytes returned None once the kernel had taken them "
                           "all; meanwhile the server read them with %2 recv() calls."),
                { QString::number(kSendallSize), QString::number(m_recvCalls) });
        };
        m_steps.append(wait);
        addCloseAll({ client, conn, listener });
    } else if (name == QLatin1String("recvfrom")) {
        addUdpPair();
        add(
            server, [](NativeSocket *s) { return s->recvfrom(1024); },
            [this](const CallResult &r) {
                return r.ok() && r.data == kMessage
                    && r.addr.port == socketNamed(QStringLiteral("client"))->localAddress().port;
            },
            [this](const CallResult &r) {
                setSummary(QT_TRANSLATE_NOOP("SocketApi",
                               "recvfrom(1024) returned one datagram of %1 bytes and its sender "
                               "%2."),
                    { QString::number(r.data.size()), r.addr.pythonRepr() });
            });
        addCloseAll({ client, server });
    } else if (name == QLatin1String("sendto")) {
        addUdpPair();
        add(
            server, [](NativeSocket *s) { return s->recvfrom(1024); },
            [](const CallResult &r) { return r.ok() && r.data == kMessage; });
        add(server, [](NativeSocket *s) { return s->close(); });
        add(
            client, [this](NativeSocket *s) { return s->sendto(kMessage, kHost, m_port); },
            valueIs(int(kMessage.size())));
        addCloseAll({ client });
        setSummary(QT_TRANSLATE_NOOP("SocketApi",
                       "sendto() returned %1 both times: to the server, and again after the "
                       "server had closed. UDP does not know whether anyone receives."),
            { QString::number(kMessage.size()) });
    } else if (name == QLatin1String("settimeout")) {
        add(sk, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_DGRAM); });
        add(sk, [](NativeSocket *s) { return s->bind(kHost, 0); });
        add(sk, [](NativeSocket *s) { return s->settimeout(0.2); });
        add(
            sk, [](NativeSocket *s) { return s->recvfrom(1024); }, timedOut,
            [this](const CallResult &) {
                m_value = (m_timeline->nowUs() - m_startUs) / 1000; // ms waited
            });
        add(sk, [](NativeSocket *s) { return s->settimeout(0); });
        add(
            sk, [](NativeSocket *s) { return s->recvfrom(1024); }, errnoIs(EAGAIN),
            [this](const CallResult &r) {
                setSummary(QT_TRANSLATE_NOOP("SocketApi",
                               "settimeout(0.2): recvfrom() gave up after %1 ms with "
                               "socket.timeout. settimeout(0): it failed at once with EAGAIN "
                               "(%2), as after setblocking(False)."),
                    { QString::number(m_value), QString::number(r.errnum) });
            });
        addCloseAll({ sk });
    } else if (name == QLatin1String("gettimeout")) {
        add(sk, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
        add(
            sk, [](NativeSocket *s) { return gettimeout(s); },
            [](const CallResult &r) { return !r.value.isValid(); });
        add(sk, [](NativeSocket *s) { return s->settimeout(2.5); });
        add(
            sk, [](NativeSocket *s) { return gettimeout(s); },
            [](const CallResult &r) { return r.value.toString() == QLatin1String("2.5"); });
        add(sk, [](NativeSocket *s) { return s->setblocking(false); });
        add(
            sk, [](NativeSocket *s) { return gettimeout(s); },
            [](const CallResult &r) { return r.value.toString() == QLatin1String("0.0"); });
        addCloseAll({ sk });
        setSummary(QT_TRANSLATE_NOOP("SocketApi",
            "gettimeout() returned None, then 2.5 after settimeout(2.5), then 0.0 after "
            "setblocking(False)."));
    } else if (name == QLatin1String("getpeername")) {
        add(listener, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
        add(
            listener, [](NativeSocket *s) { return s->bind(kHost, 0); }, {},
            [this](const CallResult &) {
                m_bound = socketNamed(QStringLiteral("listener"))->localAddress();
                m_port = m_bound.port;
            });
        add(listener, [](NativeSocket *s) { return s->listen(1); });
        add(client, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
        add(
            client, [](NativeSocket *s) { return s->getpeername(); }, errnoIs(ENOTCONN));
        add(client, [this](NativeSocket *s) { return s->connect(kHost, m_port); });
        add(
            client, [](NativeSocket *s) { return s->getpeername(); },
            [this](const CallResult &r) { return r.ok() && r.addr == m_bound; },
            [this](const CallResult &r) {
                setSummary(QT_TRANSLATE_NOOP("SocketApi",
                               "getpeername() raised ENOTCONN (%1) before connect() and returned "
                               "%2, the server's address, after it."),
                    { QString::number(ENOTCONN), r.value.toString() });
            });
        addCloseAll({ client, listener });
    } else if (name == QLatin1String("getsockname")) {
        m_skSide = Side::Server;
        add(sk, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
        add(
            sk, [](NativeSocket *s) { return s->getsockname(); },
            [](const CallResult &r) {
                return r.ok() && r.addr.host == QLatin1String("0.0.0.0") && r.addr.port == 0;
            });
        add(sk, [](NativeSocket *s) { return s->bind(kHost, 0); });
        add(
            sk, [](NativeSocket *s) { return s->getsockname(); },
            [](const CallResult &r) { return r.ok() && r.addr.host == kHost && r.addr.port > 0; },
            [this](const CallResult &r) {
                setSummary(QT_TRANSLATE_NOOP("SocketApi",
                               "getsockname() returned ('0.0.0.0', 0) before bind() and %1 after "
                               "bind(('127.0.0.1', 0)): the kernel chose port %2."),
                    { r.value.toString(), QString::number(r.addr.port) });
            });
        addCloseAll({ sk });
    } else if (name == QLatin1String("setsockopt")) {
        add(sk, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
        add(
            sk, [](NativeSocket *s) { return getOption(s, SO_RCVBUF); }, {},
            [this](const CallResult &r) { m_value = r.value.toInt(); });
        add(sk, [](NativeSocket *s) { return setOption(s, SO_RCVBUF, kSmallBuffer); });
        add(
            sk, [](NativeSocket *s) { return getOption(s, SO_RCVBUF); }, valueIs(2 * kSmallBuffer),
            [this](const CallResult &r) {
                setSummary(QT_TRANSLATE_NOOP("SocketApi",
                               "SO_RCVBUF was %1; after setsockopt(SOL_SOCKET, SO_RCVBUF, %2) "
                               "getsockopt() returns %3: Linux doubled the value."),
                    { QString::number(m_value), QString::number(kSmallBuffer),
                        r.value.toString() });
            });
        addCloseAll({ sk });
    } else if (name == QLatin1String("getsockopt")) {
        add(sk, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); });
        add(
            sk, [](NativeSocket *s) { return getOption(s, SO_TYPE); }, valueIs(SOCK_STREAM));
        add(
            sk, [](NativeSocket *s) { return getOption(s, SO_RCVBUF); }, {},
            [this](const CallResult &r) { m_value = r.value.toInt(); });
        add(
            sk, [](NativeSocket *s) { return getOption(s, SO_ERROR); }, valueIs(0),
            [this](const CallResult &) {
                setSummary(QT_TRANSLATE_NOOP("SocketApi",
                               "getsockopt() read SO_TYPE %1 (SOCK_STREAM), SO_RCVBUF %2 bytes "
                               "and SO_ERROR 0 (no pending error)."),
                    { QString::number(SOCK_STREAM), QString::number(m_value) });
            });
        addCloseAll({ sk });
    } else if (name == QLatin1String("fileno")) {
        add(
            sk, [](NativeSocket *s) { return openSocket(s, AF_INET, SOCK_STREAM); }, {},
            [this](const CallResult &r) { m_value = r.value.toInt(); });
        add(
            sk, [](NativeSocket *s) { return s->fileno(); },
            [this](const CallResult &r) { return r.ok() && r.value.toInt() == m_value; });
        add(sk, [](NativeSocket *s) { return s->close(); });
        add(
            sk, [](NativeSocket *s) { return s->fileno(); }, valueIs(-1),
            [this](const CallResult &) {
                setSummary(QT_TRANSLATE_NOOP("SocketApi",
                               "fileno() returned %1, the descriptor socket() had returned; after "
                               "close() it returns -1."),
                    { QString::number(m_value) });
            });
    }
}

void SocketApiTrial::runNext()
{
    const quint64 generation = m_generation;
    while (m_running && generation == m_generation) {
        if (m_index >= m_steps.size()) {
            stop(true);
            return;
        }
        const Step step = m_steps.at(m_index);
        if (step.when && !step.when()) {
            ++m_index;
            continue;
        }
        if (!step.op) {
            // Wait for the call that runs in the background; its events are on the timeline.
            if (!m_background) {
                m_waitingBackground = true;
                return;
            }
            m_waitingBackground = false;
            const CallResult r = *m_background;
            m_background.reset();
            if (!(step.expect ? step.expect(r) : r.ok())) {
                m_surprise = r;
                stop(false);
                return;
            }
            if (step.after)
                step.after(r);
            ++m_index;
            continue;
        }
        NativeSocket *s = socketNamed(step.socket);
        m_startUs = m_timeline->nowUs();
        const CallResult r = step.op(s);
        if (mayBlock(r.call))
            m_timeline->append(callStartEvent(r, sideOf(step.socket), step.socket, m_startUs));
        if (step.background) {
            if (r.pending) {
                auto link = std::make_shared<QMetaObject::Connection>();
                *link = connect(s, &NativeSocket::finished, this,
                    [this, link, generation, s, step](const CallResult &res) {
                        disconnect(*link);
                        if (generation != m_generation)
                            return;
                        record(res, s, step.socket);
                        m_background = res;
                        if (m_waitingBackground)
                            runNext();
                    });
            } else {
                record(r, s, step.socket);
                m_background = r;
            }
            ++m_index;
            continue;
        }
        if (r.pending) {
            auto link = std::make_shared<QMetaObject::Connection>();
            *link = connect(s, &NativeSocket::finished, this,
                [this, link, generation, s, step](const CallResult &res) {
                    disconnect(*link);
                    if (generation != m_generation)
                        return;
                    handleResult(step, s, res);
                    runNext();
                });
            return;
        }
        handleResult(step, s, r);
    }
}

void SocketApiTrial::handleResult(const Step &step, NativeSocket *s, const CallResult &r)
{
    record(r, s, step.socket);
    if (r.call == QLatin1String("accept") && r.ok() && r.accepted) {
        r.accepted->setParent(this);
        m_sockets.append({ QStringLiteral("conn"), r.accepted });
    }
    if (!(step.expect ? step.expect(r) : r.ok())) {
        m_surprise = r;
        stop(false);
        return;
    }
    if (step.after)
        step.after(r);
    if (!step.again || !step.again())
        ++m_index;
}

void SocketApiTrial::record(const CallResult &r, NativeSocket *s, const QString &socket)
{
    Q_UNUSED(s);
    m_results.append(r);
    const Side side = sideOf(socket);
    m_timeline->append(callReturnEvent(r, side, socket));
    if ((r.call == QLatin1String("recv") || r.call == QLatin1String("recvfrom")) && r.ok())
        m_timeline->append(receivedDataEvent(r.data, side, socket));
}

void SocketApiTrial::closeRemaining()
{
    // Newest first, as the scripts do: accepted sockets, clients, then listeners.
    for (auto it = m_sockets.crbegin(); it != m_sockets.crend(); ++it) {
        NativeSocket *s = it->second;
        if (s && s->isOpen()) {
            const CallResult r = s->close();
            m_results.append(r);
            m_timeline->append(callReturnEvent(r, sideOf(it->first), it->first));
        }
    }
    for (const auto &[name, s] : std::as_const(m_sockets)) {
        if (s)
            s->deleteLater();
    }
    m_sockets.clear();
}

void SocketApiTrial::stop(bool ok)
{
    ++m_generation; // pending calls that the closes below end are no results of this run
    m_watchdog->stop();
    if (m_timeline)
        closeRemaining();
    m_running = false;
    m_ok = ok;
    emit finished(ok, summary());
}
