// What the kernel says about real loopback connections: TCP_INFO on an fd,
// NETLINK_SOCK_DIAG for connections whose fd is gone, and StateWatch
// following both.

#include "net/kernelstate.h"
#include "net/nativesocket.h"
#include "net/statewatch.h"

#include <QSignalSpy>
#include <QTest>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <utility>

namespace {

const QString kLoopback = QStringLiteral("127.0.0.1");

/** A plain POSIX descriptor, closed on scope exit. */
class Fd
{
public:
    explicit Fd(int fd = -1)
        : m_fd(fd)
    {
    }
    ~Fd() { close(); }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    Fd(Fd &&o) noexcept
        : m_fd(std::exchange(o.m_fd, -1))
    {
    }
    Fd &operator=(Fd &&o) noexcept
    {
        if (this != &o) {
            close();
            m_fd = std::exchange(o.m_fd, -1);
        }
        return *this;
    }

    int get() const { return m_fd; }
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

private:
    int m_fd = -1;
};

/** A blocking POSIX client connected to 127.0.0.1:@p port, or -1. */
Fd connectTo(quint16 port)
{
    Fd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (fd.get() < 0)
        return fd;
    sockaddr_in sa {};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd.get(), reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0)
        fd.close();
    return fd;
}

SockAddr addressOf(int fd, bool peer)
{
    sockaddr_storage ss {};
    socklen_t len = sizeof ss;
    const int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr *>(&ss), &len)
                        : ::getsockname(fd, reinterpret_cast<sockaddr *>(&ss), &len);
    if (rc != 0)
        return {};
    return SockAddr::fromNative(reinterpret_cast<sockaddr *>(&ss), len).value_or(SockAddr {});
}

TcpState stateOf(int fd)
{
    const auto k = KernelState::readTcpInfo(fd);
    return k ? k->state : TcpState::Unknown;
}

TcpState lookup(const SockAddr &local, const SockAddr &remote)
{
    return KernelState::lookupConnection(local, remote).value_or(TcpState::Unknown);
}

using Transition = std::pair<TcpState, TcpState>;

QList<Transition> transitions(const QSignalSpy &spy)
{
    QList<Transition> out;
    for (const QList<QVariant> &args : spy)
        out.append({ args.at(0).value<TcpState>(), args.at(1).value<TcpState>() });
    return out;
}

} // namespace

namespace QTest {
template <> char *toString(const TcpState &s)
{
    return qstrdup(tcpStateName(s).toLatin1().constData());
}
} // namespace QTest

class TstKernelState : public QObject
{
    Q_OBJECT

private slots:
    void listenerReportsAcceptQueue_data();
    void listenerReportsAcceptQueue();
    void readTcpInfoWithoutConnection_data();
    void readTcpInfoWithoutConnection();
    void establishedPair();
    void closedConnectionLivesOn_data();
    void closedConnectionLivesOn();
    void lookupUnknownPair_data();
    void lookupUnknownPair();
    void watchPassiveClose();
    void watchActiveCloseIntoTimeWait();
    void watchListenerQueue();

private:
    void makePair(NativeSocket &listener, NativeSocket &client, NativeSocket **server);
};

void TstKernelState::makePair(NativeSocket &listener, NativeSocket &client, NativeSocket **server)
{
    QVERIFY(listener.socket(AF_INET, SOCK_STREAM).ok());
    QVERIFY(listener.bind(kLoopback, 0).ok());
    QVERIFY(listener.listen(5).ok());
    QVERIFY(client.socket(AF_INET, SOCK_STREAM).ok());
    CallResult c = client.connect(kLoopback, listener.localAddress().port);
    if (c.pending) {
        QSignalSpy spy(&client, &NativeSocket::finished);
        QVERIFY(spy.wait(5000));
        c = spy.at(0).at(0).value<CallResult>();
    }
    QVERIFY2(c.ok(), qPrintable(c.errorMessage()));
    // The handshake is complete on loopback once connect() has returned.
    const CallResult a = listener.accept();
    QVERIFY2(a.ok(), qPrintable(a.errorMessage()));
    QVERIFY(a.accepted);
    *server = a.accepted;
}

void TstKernelState::listenerReportsAcceptQueue_data()
{
    QTest::addColumn<int>("backlog");
    QTest::addColumn<int>("clients");

    QTest::newRow("backlog 5, 3 clients") << 5 << 3; // PLATFORM-NOTES 18
    QTest::newRow("backlog 5, no client") << 5 << 0;
    QTest::newRow("backlog 8, 1 client") << 8 << 1;
    // PLATFORM-NOTES 19: backlog + 1 connections complete the handshake.
    QTest::newRow("backlog 1, 2 clients") << 1 << 2;
}

void TstKernelState::listenerReportsAcceptQueue()
{
    QFETCH(int, backlog);
    QFETCH(int, clients);

    NativeSocket listener;
    QVERIFY(listener.socket(AF_INET, SOCK_STREAM).ok());
    QVERIFY(listener.bind(kLoopback, 0).ok());
    QCOMPARE(stateOf(listener.fd()), TcpState::Closed);
    QVERIFY(listener.listen(backlog).ok());
    const quint16 port = listener.localAddress().port;

    auto info = KernelState::readTcpInfo(listener.fd());
    QVERIFY(info);
    QCOMPARE(info->state, TcpState::Listen);
    QCOMPARE(info->acceptQueue, 0);
    QCOMPARE(info->backlog, backlog);

    std::vector<Fd> connected;
    for (int i = 0; i < clients; ++i) {
        connected.push_back(connectTo(port));
        QVERIFY2(connected.back().get() >= 0, "connect to the listener failed");
        QCOMPARE(stateOf(connected.back().get()), TcpState::Established);
    }

    // Connected but not accepted: they wait in the accept queue.
    QTRY_COMPARE(KernelState::readTcpInfo(listener.fd())->acceptQueue, clients);
    info = KernelState::readTcpInfo(listener.fd());
    QCOMPARE(info->state, TcpState::Listen);
    QCOMPARE(info->backlog, backlog);

    if (clients > 0) {
        const CallResult a = listener.accept();
        QVERIFY2(a.ok(), qPrintable(a.errorMessage()));
        info = KernelState::readTcpInfo(listener.fd());
        QCOMPARE(info->acceptQueue, clients - 1);
        QCOMPARE(info->backlog, backlog);
        // The accepted socket is a connection, not a listener: no queue figures.
        const auto conn = KernelState::readTcpInfo(a.accepted->fd());
        QVERIFY(conn);
        QCOMPARE(conn->state, TcpState::Established);
        QCOMPARE(conn->acceptQueue, 0);
        QCOMPARE(conn->backlog, 0);
    }
}

void TstKernelState::readTcpInfoWithoutConnection_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<bool>("hasInfo");
    QTest::addColumn<TcpState>("state");

    QTest::newRow("new TCP socket") << "tcp" << true << TcpState::Closed;
    QTest::newRow("bound TCP socket") << "bound" << true << TcpState::Closed;
    QTest::newRow("UDP socket") << "udp" << false << TcpState::Unknown;
    QTest::newRow("pipe") << "pipe" << false << TcpState::Unknown;
    QTest::newRow("fd -1") << "none" << false << TcpState::Unknown;
}

void TstKernelState::readTcpInfoWithoutConnection()
{
    QFETCH(QString, what);
    QFETCH(bool, hasInfo);
    QFETCH(TcpState, state);

    Fd fd;
    Fd other;
    if (what == QLatin1String("tcp") || what == QLatin1String("bound")) {
        fd = Fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        if (what == QLatin1String("bound")) {
            sockaddr_in sa {};
            sa.sin_family = AF_INET;
            sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            QCOMPARE(::bind(fd.get(), reinterpret_cast<sockaddr *>(&sa), sizeof sa), 0);
        }
    } else if (what == QLatin1String("udp")) {
        fd = Fd(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    } else if (what == QLatin1String("pipe")) {
        int p[2] = { -1, -1 };
        QCOMPARE(::pipe(p), 0);
        fd = Fd(p[0]);
        other = Fd(p[1]);
    }
    if (what != QLatin1String("none"))
        QVERIFY(fd.get() >= 0);

    const auto info = KernelState::readTcpInfo(fd.get());
    QCOMPARE(info.has_value(), hasInfo);
    if (hasInfo)
        QCOMPARE(info->state, state);
}

void TstKernelState::establishedPair()
{
    NativeSocket listener;
    NativeSocket client;
    NativeSocket *server = nullptr;
    makePair(listener, client, &server);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(stateOf(client.fd()), TcpState::Established);
    QCOMPARE(stateOf(server->fd()), TcpState::Established);
    QCOMPARE(stateOf(listener.fd()), TcpState::Listen);
    // The same connection, seen through NETLINK_SOCK_DIAG from either end.
    QCOMPARE(lookup(client.localAddress(), client.peerAddress()), TcpState::Established);
    QCOMPARE(lookup(server->localAddress(), server->peerAddress()), TcpState::Established);
}

void TstKernelState::closedConnectionLivesOn_data()
{
    QTest::addColumn<bool>("clientFirst");
    QTest::addColumn<bool>("firstKeepsFd"); // shutdown(SHUT_WR) instead of close()

    QTest::newRow("client closes first") << true << false;
    QTest::newRow("server closes first") << false << false;
    QTest::newRow("client shuts down first, keeps its fd") << true << true;
}

void TstKernelState::closedConnectionLivesOn()
{
    QFETCH(bool, clientFirst);
    QFETCH(bool, firstKeepsFd);

    NativeSocket listener;
    QVERIFY(listener.socket(AF_INET, SOCK_STREAM).ok());
    QVERIFY(listener.bind(kLoopback, 0).ok());
    QVERIFY(listener.listen(5).ok());
    Fd client = connectTo(listener.localAddress().port);
    QVERIFY(client.get() >= 0);
    Fd server(::accept4(listener.fd(), nullptr, nullptr, SOCK_CLOEXEC));
    QVERIFY(server.get() >= 0);

    Fd &first = clientFirst ? client : server;
    Fd &second = clientFirst ? server : client;
    const SockAddr firstLocal = addressOf(first.get(), false);
    const SockAddr firstRemote = addressOf(first.get(), true);
    const SockAddr secondLocal = addressOf(second.get(), false);
    const SockAddr secondRemote = addressOf(second.get(), true);
    QCOMPARE(firstLocal, secondRemote);
    QCOMPARE(firstRemote, secondLocal);
    QCOMPARE(lookup(firstLocal, firstRemote), TcpState::Established);

    // The first closer sends FIN; its peer ACKs it at once and waits in CLOSE-WAIT.
    if (firstKeepsFd)
        QCOMPARE(::shutdown(first.get(), SHUT_WR), 0);
    else
        first.close();
    QTRY_COMPARE(lookup(firstLocal, firstRemote), TcpState::FinWait2);
    QTRY_COMPARE(stateOf(second.get()), TcpState::CloseWait);
    QCOMPARE(lookup(secondLocal, secondRemote), TcpState::CloseWait);
    if (firstKeepsFd)
        QCOMPARE(stateOf(first.get()), TcpState::FinWait2);

    // The second closer's FIN is ACKed at once: it is gone, the first closer waits 2·MSL.
    second.close();
    QTRY_COMPARE(lookup(firstLocal, firstRemote), TcpState::TimeWait);
    QCOMPARE(lookup(secondLocal, secondRemote), TcpState::Closed);
    if (firstKeepsFd) {
        // PLATFORM-NOTES 10: an fd whose connection is in TIME-WAIT reports CLOSE.
        QCOMPARE(stateOf(first.get()), TcpState::Closed);
        QCOMPARE(lookup(firstLocal, firstRemote), TcpState::TimeWait);
    }
}

void TstKernelState::lookupUnknownPair_data()
{
    QTest::addColumn<SockAddr>("local");
    QTest::addColumn<SockAddr>("remote");
    QTest::addColumn<bool>("valid");

    // Two ports of the loopback range that were just released (set in the test).
    QTest::newRow("ipv4 pair that never existed")
        << SockAddr { AF_INET, kLoopback, 0 } << SockAddr { AF_INET, kLoopback, 0 } << true;
    QTest::newRow("ipv6 pair that never existed")
        << SockAddr { AF_INET6, "::1", 0 } << SockAddr { AF_INET6, "::1", 0 } << true;
    QTest::newRow("invalid local address")
        << SockAddr {} << SockAddr { AF_INET, kLoopback, 9 } << false;
    QTest::newRow("invalid remote address")
        << SockAddr { AF_INET, kLoopback, 9 } << SockAddr {} << false;
}

void TstKernelState::lookupUnknownPair()
{
    QFETCH(SockAddr, local);
    QFETCH(SockAddr, remote);
    QFETCH(bool, valid);

    if (valid) {
        // Ports nobody uses: bound to port 0, read and released.
        for (SockAddr *a : { &local, &remote }) {
            NativeSocket probe;
            QVERIFY(probe.socket(a->family, SOCK_STREAM).ok());
            QVERIFY(probe.bind(a->host, 0).ok());
            a->port = probe.localAddress().port;
        }
        QVERIFY(local.port != remote.port);
    }
    const auto s = KernelState::lookupConnection(local, remote);
    if (!valid) {
        QVERIFY(!s.has_value());
        return;
    }
    QVERIFY(s.has_value());
    QCOMPARE(*s, TcpState::Closed);
}

void TstKernelState::watchPassiveClose()
{
    NativeSocket listener;
    NativeSocket client;
    NativeSocket *server = nullptr;
    makePair(listener, client, &server);
    if (QTest::currentTestFailed())
        return;

    StateWatch watch;
    QSignalSpy spy(&watch, &StateWatch::stateChanged);
    QVERIFY(spy.isValid());
    watch.watch(server);
    // The current state is read at once, silently.
    QCOMPARE(watch.state(), TcpState::Established);
    QCOMPARE(watch.local(), server->localAddress());
    QCOMPARE(watch.remote(), client.localAddress());
    QVERIFY(watch.isActive()); // nobody reads, so the timer must
    QCOMPARE(spy.size(), 0);

    // The peer's FIN: nobody calls anything on the server socket.
    QVERIFY(client.close().ok());
    QTRY_COMPARE(spy.size(), 1);
    QCOMPARE(transitions(spy).at(0), Transition(TcpState::Established, TcpState::CloseWait));
    QCOMPARE(watch.state(), TcpState::CloseWait);
    QTest::qWait(150); // several timer ticks: CLOSE-WAIT holds until we close
    QCOMPARE(spy.size(), 1);

    // Our close(): the FIN is ACKed at once on loopback, LAST-ACK is not seen (PLATFORM-NOTES 9).
    QVERIFY(server->close().ok());
    QTRY_COMPARE(watch.state(), TcpState::Closed);
    const QList<Transition> expected { { TcpState::Established, TcpState::CloseWait },
        { TcpState::CloseWait, TcpState::Closed } };
    QCOMPARE(transitions(spy), expected);
    QTRY_VERIFY(!watch.isActive()); // the kernel forgot the connection: nothing left to read
}

void TstKernelState::watchActiveCloseIntoTimeWait()
{
    NativeSocket listener;
    NativeSocket client;
    NativeSocket *server = nullptr;
    makePair(listener, client, &server);
    if (QTest::currentTestFailed())
        return;

    StateWatch watch;
    QSignalSpy spy(&watch, &StateWatch::stateChanged);
    QVERIFY(spy.isValid());
    watch.watch(&client);
    QCOMPARE(watch.state(), TcpState::Established);
    QCOMPARE(spy.size(), 0);

    // Our close(): the fd is gone, the connection lives on in FIN-WAIT-2.
    QVERIFY(client.close().ok());
    QTRY_COMPARE(watch.state(), TcpState::FinWait2);
    QVERIFY(watch.isActive());

    // The peer's close(): our end ACKs its FIN and enters TIME-WAIT.
    QVERIFY(server->close().ok());
    QTRY_COMPARE(watch.state(), TcpState::TimeWait);
    QVERIFY(watch.isActive()); // TIME-WAIT ends by itself: still followed

    const QList<Transition> seen = transitions(spy);
    QVERIFY(seen.size() >= 2);
    QCOMPARE(seen.first().first, TcpState::Established);
    QCOMPARE(seen.last(), Transition(TcpState::FinWait2, TcpState::TimeWait));
    for (qsizetype i = 1; i < seen.size(); ++i)
        QCOMPARE(seen.at(i).first, seen.at(i - 1).second);
    // FIN-WAIT-1 may flash by (PLATFORM-NOTES 9); nothing else may appear.
    for (const Transition &t : seen) {
        QVERIFY2(t.second == TcpState::FinWait1 || t.second == TcpState::FinWait2
                || t.second == TcpState::TimeWait,
            qPrintable(tcpStateName(t.second)));
    }
    QCOMPARE(lookup(watch.local(), watch.remote()), TcpState::TimeWait);
}

void TstKernelState::watchListenerQueue()
{
    NativeSocket listener;
    QVERIFY(listener.socket(AF_INET, SOCK_STREAM).ok());
    QVERIFY(listener.bind(kLoopback, 0).ok());

    StateWatch watch;
    QSignalSpy states(&watch, &StateWatch::stateChanged);
    QSignalSpy queue(&watch, &StateWatch::queueChanged);
    QVERIFY(states.isValid());
    QVERIFY(queue.isValid());
    watch.watch(&listener);
    QCOMPARE(watch.state(), TcpState::Closed);
    QCOMPARE(states.size(), 0);

    // listen() is a socket event: the watch reads the kernel after it.
    QVERIFY(listener.listen(5).ok());
    QTRY_COMPARE(watch.state(), TcpState::Listen);
    QCOMPARE(transitions(states), (QList<Transition> { { TcpState::Closed, TcpState::Listen } }));
    QTRY_COMPARE(queue.size(), 1);
    QCOMPARE(queue.at(0).at(0).toInt(), 0);
    QCOMPARE(queue.at(0).at(1).toInt(), 5);

    // A client completes the handshake; nobody accepts it. The timer sees the queue grow.
    Fd c1 = connectTo(listener.localAddress().port);
    QVERIFY(c1.get() >= 0);
    QTRY_COMPARE(watch.acceptQueue(), 1);
    QCOMPARE(watch.backlog(), 5);
    QCOMPARE(queue.size(), 2);
    QCOMPARE(queue.at(1).at(0).toInt(), 1);
    QCOMPARE(queue.at(1).at(1).toInt(), 5);
    QCOMPARE(states.size(), 1);
}

QTEST_GUILESS_MAIN(TstKernelState)
#include "tst_kernelstate.moc"
