// NativeSocket over real loopback sockets: every method with Python's
// semantics, the exact errno of each failure, and the pending/finished
// protocol of the calls that would block.

#include "net/nativesocket.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

const QString kLoopback = QStringLiteral("127.0.0.1");

/** A connected TCP pair over loopback; `server` is owned by `listener`. */
struct TcpPair
{
    std::unique_ptr<NativeSocket> listener = std::make_unique<NativeSocket>();
    std::unique_ptr<NativeSocket> client = std::make_unique<NativeSocket>();
    NativeSocket *server = nullptr;
};

/**
 * The final result of @p r: @p r itself unless it is pending, else the
 * CallResult delivered by @p s's finished(). Still pending on timeout.
 */
CallResult finish(NativeSocket &s, const CallResult &r, int timeoutMs = 5000)
{
    if (!r.pending)
        return r;
    QSignalSpy spy(&s, &NativeSocket::finished);
    if (!spy.isValid() || !spy.wait(timeoutMs) || spy.size() != 1)
        return r;
    return spy.at(0).at(0).value<CallResult>();
}

int intOption(int fd, int level, int option)
{
    int v = -1;
    socklen_t len = sizeof v;
    if (::getsockopt(fd, level, option, &v, &len) != 0)
        return -errno;
    return v;
}

/** The code ErrorText puts at the end of a failure, e.g. "EADDRINUSE 98". */
QString codeOf(const CallResult &r)
{
    if (r.errorDomain == ErrorDomain::Errno || r.errorDomain == ErrorDomain::Gai)
        return QStringLiteral("%1 %2").arg(errorName(r.errorDomain, r.errnum)).arg(r.errnum);
    return errorName(r.errorDomain, r.errnum);
}

QByteArray pattern(qsizetype size)
{
    QByteArray b(size, Qt::Uninitialized);
    quint32 x = 2463534242u; // xorshift32: no period of 256, so a lost or repeated chunk shows
    for (qsizetype i = 0; i < size; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        b[i] = char(x & 0xff);
    }
    return b;
}

/** Starts @p call ("recv", "accept" or "recvfrom") on @p s, reading at most 1024 bytes. */
CallResult startCall(NativeSocket *s, const QString &call)
{
    if (call == QLatin1String("recv"))
        return s->recv(1024);
    if (call == QLatin1String("accept"))
        return s->accept();
    return s->recvfrom(1024);
}

} // namespace

class TstNativeSocket : public QObject
{
    Q_OBJECT

private slots:
    void socketCreates_data();
    void socketCreates();
    void socketFails_data();
    void socketFails();
    void bindAndGetsockname_data();
    void bindAndGetsockname();
    void bindFails_data();
    void bindFails();
    void bindBusyPort_data();
    void bindBusyPort();
    void listenAcceptConnect();
    void acceptWaitsForClient();
    void connectExToClosedPort();
    void connectToClosedPort_data();
    void connectToClosedPort();
    void connectExToListener();
    void badAddress_data();
    void badAddress();
    void sendAndRecv_data();
    void sendAndRecv();
    void sendallSmall();
    void sendallLarge();
    void recvEof_data();
    void recvEof();
    void recvAfterReset_data();
    void recvAfterReset();
    void timeoutExpires_data();
    void timeoutExpires();
    void nonBlocking_data();
    void nonBlocking();
    void setblockingTrueBlocksAgain();
    void udpSendtoRecvfrom_data();
    void udpSendtoRecvfrom();
    void recvfromTruncatesDatagram();
    void closeCancelsPendingCall_data();
    void closeCancelsPendingCall();
    void setsockopt_data();
    void setsockopt();
    void notConnected_data();
    void notConnected();
    void callsAfterClose_data();
    void callsAfterClose();

private:
    void listenOnLoopback(NativeSocket &s, quint16 *port, int backlog = 5);
    void makePair(TcpPair &p);
    /**
     * A socket on which @p call ("recv", "accept" or "recvfrom") has nothing to
     * return yet: the server end of a pair made in @p p, its listener, or @p udp bound.
     */
    NativeSocket *socketFor(const QString &call, TcpPair &p, NativeSocket &udp);
    void verifyFailure(const CallResult &r, const QString &call, ErrorDomain domain, int errnum);
    quint16 closedPort();
};

void TstNativeSocket::listenOnLoopback(NativeSocket &s, quint16 *port, int backlog)
{
    QVERIFY(s.socket(AF_INET, SOCK_STREAM).ok());
    QVERIFY(s.bind(kLoopback, 0).ok());
    QVERIFY(s.listen(backlog).ok());
    *port = s.localAddress().port;
    QVERIFY(*port != 0);
}

NativeSocket *TstNativeSocket::socketFor(const QString &call, TcpPair &p, NativeSocket &udp)
{
    if (call == QLatin1String("recv")) {
        makePair(p);
        return p.server;
    }
    if (call == QLatin1String("accept")) {
        quint16 port = 0;
        listenOnLoopback(*p.listener, &port);
        return p.listener.get();
    }
    [&] {
        QVERIFY(udp.socket(AF_INET, SOCK_DGRAM).ok());
        QVERIFY(udp.bind(kLoopback, 0).ok());
    }();
    return &udp;
}

void TstNativeSocket::makePair(TcpPair &p)
{
    quint16 port = 0;
    listenOnLoopback(*p.listener, &port);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(p.client->socket(AF_INET, SOCK_STREAM).ok());
    const CallResult c = finish(*p.client, p.client->connect(kLoopback, port));
    QVERIFY2(c.ok(), qPrintable(c.errorMessage()));
    const CallResult a = finish(*p.listener, p.listener->accept());
    QVERIFY2(a.ok(), qPrintable(a.errorMessage()));
    QVERIFY(a.accepted);
    p.server = a.accepted;
}

void TstNativeSocket::verifyFailure(
    const CallResult &r, const QString &call, ErrorDomain domain, int errnum)
{
    QCOMPARE(r.call, call);
    QVERIFY(!r.pending);
    QVERIFY(r.failed());
    QVERIFY(!r.ok());
    QCOMPARE(r.errorDomain, domain);
    QCOMPARE(r.errnum, errnum);
    const QString message = r.errorMessage();
    QVERIFY(!message.isEmpty());
    QVERIFY2(message.contains(r.signature()), qPrintable(message));
    QVERIFY2(message.contains(codeOf(r)), qPrintable(message));
}

quint16 TstNativeSocket::closedPort()
{
    // A port that was just free: bound, read and released without a connection,
    // so nothing listens there and no TIME-WAIT holds it.
    NativeSocket probe;
    if (!probe.socket(AF_INET, SOCK_STREAM).ok() || !probe.bind(kLoopback, 0).ok())
        return 0;
    const quint16 port = probe.getsockname().addr.port;
    probe.close();
    return port;
}

void TstNativeSocket::socketCreates_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<int>("type");
    QTest::addColumn<QStringList>("args");

    QTest::newRow("tcp4") << int(AF_INET) << int(SOCK_STREAM)
                          << QStringList { "AF_INET", "SOCK_STREAM" };
    QTest::newRow("udp4") << int(AF_INET) << int(SOCK_DGRAM)
                          << QStringList { "AF_INET", "SOCK_DGRAM" };
    QTest::newRow("tcp6") << int(AF_INET6) << int(SOCK_STREAM)
                          << QStringList { "AF_INET6", "SOCK_STREAM" };
    QTest::newRow("udp6") << int(AF_INET6) << int(SOCK_DGRAM)
                          << QStringList { "AF_INET6", "SOCK_DGRAM" };
}

void TstNativeSocket::socketCreates()
{
    QFETCH(int, family);
    QFETCH(int, type);
    QFETCH(QStringList, args);

    NativeSocket s;
    QCOMPARE(s.fd(), -1);
    QVERIFY(!s.isOpen());

    const CallResult r = s.socket(family, type);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r.call, QStringLiteral("socket"));
    QCOMPARE(r.args, args);
    QVERIFY(s.isOpen());
    QVERIFY(s.fd() >= 0);
    QCOMPARE(r.value.toInt(), s.fd());
    QCOMPARE(s.family(), family);
    QCOMPARE(s.type(), type);
    QVERIFY(r.errorMessage().isEmpty());

    const CallResult f = s.fileno();
    QVERIFY(f.ok());
    QCOMPARE(f.call, QStringLiteral("fileno"));
    QCOMPARE(f.value.toInt(), s.fd());

    // What the kernel says about the descriptor.
    QCOMPARE(intOption(s.fd(), SOL_SOCKET, SO_DOMAIN), family);
    QCOMPARE(intOption(s.fd(), SOL_SOCKET, SO_TYPE), type);
    // Blocking as Python's default, but never blocking underneath.
    QVERIFY(s.timeout() < 0);
    QVERIFY(::fcntl(s.fd(), F_GETFL) & O_NONBLOCK);
    QVERIFY(::fcntl(s.fd(), F_GETFD) & FD_CLOEXEC);
}

void TstNativeSocket::socketFails_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("errnum");

    QTest::newRow("unknown family") << 12345 << int(SOCK_STREAM) << int(EAFNOSUPPORT);
    QTest::newRow("unknown type") << int(AF_INET) << 99 << int(EINVAL);
}

void TstNativeSocket::socketFails()
{
    QFETCH(int, family);
    QFETCH(int, type);
    QFETCH(int, errnum);

    NativeSocket s;
    const CallResult r = s.socket(family, type);
    verifyFailure(r, QStringLiteral("socket"), ErrorDomain::Errno, errnum);
    QCOMPARE(s.fd(), -1);
    QCOMPARE(s.fileno().value.toInt(), -1);
}

void TstNativeSocket::bindAndGetsockname_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("boundHost");

    QTest::newRow("ipv4 loopback") << int(AF_INET) << "127.0.0.1"
                                   << "127.0.0.1";
    QTest::newRow("ipv4 localhost") << int(AF_INET) << "localhost"
                                    << "127.0.0.1";
    QTest::newRow("ipv4 wildcard") << int(AF_INET) << ""
                                   << "0.0.0.0";
    QTest::newRow("ipv6 loopback") << int(AF_INET6) << "::1"
                                   << "::1";
    QTest::newRow("ipv6 localhost") << int(AF_INET6) << "localhost"
                                    << "::1";
}

void TstNativeSocket::bindAndGetsockname()
{
    QFETCH(int, family);
    QFETCH(QString, host);
    QFETCH(QString, boundHost);

    NativeSocket s;
    QVERIFY(s.socket(family, SOCK_STREAM).ok());

    const CallResult before = s.getsockname();
    QVERIFY(before.ok());
    QCOMPARE(before.addr.port, quint16(0));

    const CallResult b = s.bind(host, 0);
    QVERIFY2(b.ok(), qPrintable(b.errorMessage()));
    QCOMPARE(b.call, QStringLiteral("bind"));
    QCOMPARE(b.args, QStringList { QStringLiteral("('%1', 0)").arg(host) });

    const CallResult n = s.getsockname();
    QVERIFY(n.ok());
    QCOMPARE(n.call, QStringLiteral("getsockname"));
    QCOMPARE(n.addr.family, family);
    QCOMPARE(n.addr.host, boundHost);
    QVERIFY(n.addr.port != 0); // the kernel chose an ephemeral port
    QCOMPARE(n.value.toString(), QStringLiteral("('%1', %2)").arg(boundHost).arg(n.addr.port));
    QCOMPARE(s.localAddress(), n.addr);
}

void TstNativeSocket::bindFails_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<QString>("host");
    QTest::addColumn<ErrorDomain>("domain");
    QTest::addColumn<int>("errnum");

    QTest::newRow("octet out of range")
        << int(AF_INET) << "999.1.1.1" << ErrorDomain::Gai << int(EAI_NONAME);
    QTest::newRow("not an address")
        << int(AF_INET) << "not an address" << ErrorDomain::Gai << int(EAI_NONAME);
    QTest::newRow("ipv6 on AF_INET")
        << int(AF_INET) << "::1" << ErrorDomain::Gai << int(EAI_FAMILY);
    QTest::newRow("ipv4 on AF_INET6")
        << int(AF_INET6) << "127.0.0.1" << ErrorDomain::Gai << int(EAI_FAMILY);
    QTest::newRow("not this machine's")
        << int(AF_INET) << "192.0.2.1" << ErrorDomain::Errno << int(EADDRNOTAVAIL);
}

void TstNativeSocket::bindFails()
{
    QFETCH(int, family);
    QFETCH(QString, host);
    QFETCH(ErrorDomain, domain);
    QFETCH(int, errnum);

    NativeSocket s;
    QVERIFY(s.socket(family, SOCK_STREAM).ok());
    const CallResult r = s.bind(host, 8888);
    verifyFailure(r, QStringLiteral("bind"), domain, errnum);
    QCOMPARE(r.args, QStringList { QStringLiteral("('%1', 8888)").arg(host) });
    // Nothing was bound.
    QCOMPARE(s.getsockname().addr.port, quint16(0));
}

void TstNativeSocket::bindBusyPort_data()
{
    QTest::addColumn<bool>("firstListens");
    QTest::addColumn<bool>("reuseAddress");
    QTest::addColumn<int>("errnum");

    QTest::newRow("bound") << false << false << int(EADDRINUSE);
    QTest::newRow("listening") << true << false << int(EADDRINUSE);
    QTest::newRow("listening, both SO_REUSEADDR") << true << true << int(EADDRINUSE);
    // Linux lets two SO_REUSEADDR sockets share a port while neither listens.
    QTest::newRow("bound, both SO_REUSEADDR") << false << true << 0;
}

void TstNativeSocket::bindBusyPort()
{
    QFETCH(bool, firstListens);
    QFETCH(bool, reuseAddress);
    QFETCH(int, errnum);

    NativeSocket first;
    QVERIFY(first.socket(AF_INET, SOCK_STREAM).ok());
    if (reuseAddress)
        QVERIFY(first.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1).ok());
    QVERIFY(first.bind(kLoopback, 0).ok());
    if (firstListens)
        QVERIFY(first.listen(5).ok());
    const quint16 port = first.localAddress().port;

    NativeSocket second;
    QVERIFY(second.socket(AF_INET, SOCK_STREAM).ok());
    if (reuseAddress)
        QVERIFY(second.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1).ok());
    const CallResult r = second.bind(kLoopback, port);
    if (errnum == 0) {
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QCOMPARE(second.localAddress().port, port);
    } else {
        verifyFailure(r, QStringLiteral("bind"), ErrorDomain::Errno, errnum);
        QCOMPARE(errnum, 98); // the number the seed's readers will see
    }
}

void TstNativeSocket::listenAcceptConnect()
{
    NativeSocket listener;
    QVERIFY(listener.socket(AF_INET, SOCK_STREAM).ok());
    QVERIFY(listener.bind(kLoopback, 0).ok());
    const CallResult l = listener.listen(5);
    QVERIFY(l.ok());
    QCOMPARE(l.call, QStringLiteral("listen"));
    QCOMPARE(l.args, QStringList { QStringLiteral("5") });
    QCOMPARE(intOption(listener.fd(), SOL_SOCKET, SO_ACCEPTCONN), 1);
    const SockAddr serverAddr = listener.localAddress();

    NativeSocket client;
    QVERIFY(client.socket(AF_INET, SOCK_STREAM).ok());
    const CallResult c0 = client.connect(kLoopback, serverAddr.port);
    QCOMPARE(c0.call, QStringLiteral("connect"));
    QCOMPARE(c0.args, QStringList { QStringLiteral("('127.0.0.1', %1)").arg(serverAddr.port) });
    QVERIFY(!c0.failed());
    const CallResult c = finish(client, c0);
    QVERIFY2(c.ok(), qPrintable(c.errorMessage()));
    QCOMPARE(c.value, QVariant(0)); // connect(2)'s return (Python shows None)
    QCOMPARE(client.pendingCall(), QString());

    // The handshake is complete, so accept() returns at once.
    const CallResult a = listener.accept();
    QVERIFY2(a.ok(), qPrintable(a.errorMessage()));
    QCOMPARE(a.call, QStringLiteral("accept"));
    QVERIFY(a.accepted);
    QCOMPARE(a.accepted->parent(), &listener);
    QCOMPARE(a.value.toInt(), a.accepted->fd());
    QVERIFY(a.accepted->fd() != listener.fd());
    QCOMPARE(a.accepted->family(), AF_INET);
    QCOMPARE(a.accepted->type(), int(SOCK_STREAM));
    QVERIFY(::fcntl(a.accepted->fd(), F_GETFL) & O_NONBLOCK);

    // Both ends agree on the address pair.
    const CallResult clientName = client.getsockname();
    QVERIFY(clientName.ok());
    QCOMPARE(clientName.addr.host, kLoopback);
    QCOMPARE(a.addr, clientName.addr);

    const CallResult clientPeer = client.getpeername();
    QVERIFY(clientPeer.ok());
    QCOMPARE(clientPeer.call, QStringLiteral("getpeername"));
    QCOMPARE(clientPeer.addr, serverAddr);
    QCOMPARE(clientPeer.value.toString(), QStringLiteral("('127.0.0.1', %1)").arg(serverAddr.port));

    const CallResult serverPeer = a.accepted->getpeername();
    QVERIFY(serverPeer.ok());
    QCOMPARE(serverPeer.addr, clientName.addr);
    QCOMPARE(a.accepted->getsockname().addr, serverAddr);
    QCOMPARE(a.accepted->peerAddress(), clientName.addr);
    QCOMPARE(client.peerAddress(), serverAddr);

    // fileno() is the descriptor until close(), then -1.
    QCOMPARE(client.fileno().value.toInt(), client.fd());
    const CallResult closed = client.close();
    QVERIFY(closed.ok());
    QCOMPARE(closed.call, QStringLiteral("close"));
    QCOMPARE(client.fd(), -1);
    QCOMPARE(client.fileno().value.toInt(), -1);
    // Closing twice is harmless, as in Python.
    QVERIFY(client.close().ok());
}

void TstNativeSocket::acceptWaitsForClient()
{
    NativeSocket listener;
    quint16 port = 0;
    listenOnLoopback(listener, &port);
    if (QTest::currentTestFailed())
        return;

    QSignalSpy spy(&listener, &NativeSocket::finished);
    QVERIFY(spy.isValid());
    const CallResult pending = listener.accept();
    QVERIFY(pending.pending);
    QVERIFY(!pending.ok());
    QVERIFY(!pending.failed());
    QCOMPARE(pending.call, QStringLiteral("accept"));
    QCOMPARE(listener.pendingCall(), QStringLiteral("accept"));

    // One call at a time: a Python program is blocked inside accept().
    const CallResult busy = listener.accept();
    verifyFailure(busy, QStringLiteral("accept"), ErrorDomain::Busy, 0);
    QCOMPARE(spy.size(), 0);

    NativeSocket client;
    QVERIFY(client.socket(AF_INET, SOCK_STREAM).ok());
    QVERIFY(finish(client, client.connect(kLoopback, port)).ok());

    QTRY_COMPARE(spy.size(), 1);
    const auto r = spy.at(0).at(0).value<CallResult>();
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r.call, QStringLiteral("accept"));
    QVERIFY(r.accepted);
    QCOMPARE(r.value.toInt(), r.accepted->fd());
    QCOMPARE(r.addr, client.localAddress());
    QCOMPARE(r.accepted->peerAddress(), client.localAddress());
    QCOMPARE(listener.pendingCall(), QString());
    // A wait that proves nothing more arrives.
    QTest::qWait(50);
    QCOMPARE(spy.size(), 1);
}

void TstNativeSocket::connectExToClosedPort()
{
    const quint16 port = closedPort();
    QVERIFY(port != 0);

    NativeSocket s;
    QVERIFY(s.socket(AF_INET, SOCK_STREAM).ok());
    const CallResult r0 = s.connect_ex(kLoopback, port);
    QCOMPARE(r0.call, QStringLiteral("connect_ex"));
    const CallResult r = finish(s, r0);
    QVERIFY(!r.pending);
    // connect_ex reports the errno as its value and does not fail.
    QVERIFY(r.ok());
    QCOMPARE(r.value.toInt(), 111);
    QCOMPARE(r.value.toInt(), int(ECONNREFUSED));
    QVERIFY(r.errorMessage().isEmpty());
}

void TstNativeSocket::connectToClosedPort_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<bool>("blocking");
    QTest::addColumn<ErrorDomain>("domain");
    QTest::addColumn<int>("errnum");
    QTest::addColumn<int>("value");

    QTest::newRow("connect") << "connect" << true << ErrorDomain::Errno << int(ECONNREFUSED) << -1;
    QTest::newRow("connect_ex") << "connect_ex" << true << ErrorDomain::None << 0
                                << int(ECONNREFUSED);
    // Non-blocking: the SYN is out, the answer comes later (PLATFORM-NOTES 22).
    QTest::newRow("connect, non-blocking")
        << "connect" << false << ErrorDomain::Errno << int(EINPROGRESS) << -1;
    QTest::newRow("connect_ex, non-blocking")
        << "connect_ex" << false << ErrorDomain::None << 0 << int(EINPROGRESS);
}

void TstNativeSocket::connectToClosedPort()
{
    QFETCH(QString, call);
    QFETCH(bool, blocking);
    QFETCH(ErrorDomain, domain);
    QFETCH(int, errnum);
    QFETCH(int, value);

    const quint16 port = closedPort();
    QVERIFY(port != 0);
    NativeSocket s;
    QVERIFY(s.socket(AF_INET, SOCK_STREAM).ok());
    if (!blocking)
        QVERIFY(s.setblocking(false).ok());

    const CallResult r0 = call == QLatin1String("connect") ? s.connect(kLoopback, port)
                                                           : s.connect_ex(kLoopback, port);
    if (!blocking)
        QVERIFY(!r0.pending); // non-blocking calls never wait
    const CallResult r = finish(s, r0);
    QVERIFY(!r.pending);
    if (domain == ErrorDomain::None) {
        QVERIFY(r.ok());
        QCOMPARE(r.value.toInt(), value);
    } else {
        verifyFailure(r, call, domain, errnum);
    }
    if (!blocking) {
        // The kernel's RST answer is left in SO_ERROR for a later reader.
        // Reading SO_ERROR clears it, and QTRY_* evaluates more than once: keep the first error.
        int soError = 0;
        const auto errorArrived = [&] {
            if (soError == 0)
                soError = intOption(s.fd(), SOL_SOCKET, SO_ERROR);
            return soError != 0;
        };
        QTRY_VERIFY(errorArrived());
        QCOMPARE(soError, int(ECONNREFUSED));
    }
}

void TstNativeSocket::connectExToListener()
{
    NativeSocket listener;
    quint16 port = 0;
    listenOnLoopback(listener, &port);
    if (QTest::currentTestFailed())
        return;
    NativeSocket s;
    QVERIFY(s.socket(AF_INET, SOCK_STREAM).ok());
    const CallResult r = finish(s, s.connect_ex(kLoopback, port));
    QVERIFY(r.ok());
    QCOMPARE(r.value.toInt(), 0);
    QCOMPARE(s.peerAddress(), listener.localAddress());
}

void TstNativeSocket::badAddress_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("host");

    QTest::newRow("connect 999.1.1.1") << "connect" << int(SOCK_STREAM) << "999.1.1.1";
    QTest::newRow("connect_ex word") << "connect_ex" << int(SOCK_STREAM) << "not an address";
    QTest::newRow("sendto 999.1.1.1") << "sendto" << int(SOCK_DGRAM) << "999.1.1.1";
}

void TstNativeSocket::badAddress()
{
    QFETCH(QString, call);
    QFETCH(int, type);
    QFETCH(QString, host);

    NativeSocket s;
    QVERIFY(s.socket(AF_INET, type).ok());
    CallResult r;
    if (call == QLatin1String("connect"))
        r = s.connect(host, 8888);
    else if (call == QLatin1String("connect_ex"))
        r = s.connect_ex(host, 8888);
    else
        r = s.sendto("x", host, 8888);
    // An address that fails to parse is a gaierror, even for connect_ex.
    verifyFailure(r, call, ErrorDomain::Gai, EAI_NONAME);
    QVERIFY(!s.peerAddress().isValid());
}

void TstNativeSocket::sendAndRecv_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("bufsize");

    QTest::newRow("ascii") << QByteArray("hello") << 1024;
    QTest::newRow("utf-8") << QStringLiteral("请求连接").toUtf8() << 1024;
    QTest::newRow("NUL and 0xff") << QByteArray("\0\x01\x02\xff\0", 5) << 1024;
    QTest::newRow("bufsize smaller than data") << QByteArray("0123456789") << 3;
    QTest::newRow("bufsize equal to data") << QByteArray("abcd") << 4;
}

void TstNativeSocket::sendAndRecv()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, bufsize);

    TcpPair p;
    makePair(p);
    if (QTest::currentTestFailed())
        return;

    const CallResult s = p.client->send(payload);
    QVERIFY2(s.ok(), qPrintable(s.errorMessage()));
    QCOMPARE(s.call, QStringLiteral("send"));
    QCOMPARE(s.payload, payload);
    QCOMPARE(s.value.toLongLong(), qint64(payload.size()));

    QByteArray received;
    bool first = true;
    while (received.size() < payload.size()) {
        const CallResult r = finish(*p.server, p.server->recv(bufsize));
        QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
        QCOMPARE(r.call, QStringLiteral("recv"));
        QCOMPARE(r.args, QStringList { QString::number(bufsize) });
        QVERIFY(!r.data.isEmpty());
        QVERIFY(r.data.size() <= bufsize);
        QCOMPARE(r.value.toLongLong(), qint64(r.data.size()));
        if (first) {
            // Everything sent is already queued on loopback: the first recv is full.
            QCOMPARE(r.data, payload.left(bufsize));
            first = false;
        }
        received += r.data;
    }
    QCOMPARE(received, payload);
    QCOMPARE(p.server->unreadBytes(), 0);
}

void TstNativeSocket::sendallSmall()
{
    TcpPair p;
    makePair(p);
    if (QTest::currentTestFailed())
        return;

    const QByteArray reply = QStringLiteral("你已连接成功。").toUtf8();
    const CallResult s = p.server->sendall(reply);
    QVERIFY2(s.ok(), qPrintable(s.errorMessage()));
    QCOMPARE(s.call, QStringLiteral("sendall"));
    QVERIFY(!s.value.isValid()); // None, as Python's sendall
    QTRY_COMPARE(p.client->unreadBytes(), int(reply.size()));
    const CallResult r = finish(*p.client, p.client->recv(1024));
    QVERIFY(r.ok());
    QCOMPARE(r.data, reply);
}

void TstNativeSocket::sendallLarge()
{
    TcpPair p;
    makePair(p);
    if (QTest::currentTestFailed())
        return;

    const QByteArray payload = pattern(8 * 1024 * 1024);
    QByteArray received;
    received.reserve(payload.size());
    bool readError = false;

    // A slow reader: at most 32 KiB per millisecond tick, never blocking.
    QVERIFY(p.server->setblocking(false).ok());
    QTimer reader;
    reader.setInterval(1);
    connect(&reader, &QTimer::timeout, this, [&] {
        const CallResult r = p.server->recv(32 * 1024);
        if (r.ok())
            received += r.data;
        else if (!(r.errorDomain == ErrorDomain::Errno && r.errnum == EAGAIN))
            readError = true;
    });

    QSignalSpy spy(p.client.get(), &NativeSocket::finished);
    QVERIFY(spy.isValid());
    const CallResult start = p.client->sendall(payload);
    // 8 MiB does not fit in the socket buffers: sendall must wait for the reader.
    QVERIFY(start.pending);
    QCOMPARE(p.client->pendingCall(), QStringLiteral("sendall"));
    reader.start();

    QVERIFY(spy.wait(30000));
    QCOMPARE(spy.size(), 1);
    const auto done = spy.at(0).at(0).value<CallResult>();
    QVERIFY2(done.ok(), qPrintable(done.errorMessage()));
    QCOMPARE(done.call, QStringLiteral("sendall"));
    QVERIFY(!done.value.isValid());

    QTRY_COMPARE_WITH_TIMEOUT(received.size(), payload.size(), 30000);
    reader.stop();
    QVERIFY(!readError);
    QVERIFY(received == payload); // QCOMPARE would print 8 MiB on failure
    QCOMPARE(spy.size(), 1);
}

void TstNativeSocket::recvEof_data()
{
    QTest::addColumn<bool>("shutdownOnly");
    QTest::addColumn<bool>("recvFirst");

    QTest::newRow("peer close(), then recv") << false << false;
    QTest::newRow("recv waiting, peer close()") << false << true;
    QTest::newRow("peer shutdown(SHUT_WR), then recv") << true << false;
    QTest::newRow("recv waiting, peer shutdown(SHUT_WR)") << true << true;
}

void TstNativeSocket::recvEof()
{
    QFETCH(bool, shutdownOnly);
    QFETCH(bool, recvFirst);

    TcpPair p;
    makePair(p);
    if (QTest::currentTestFailed())
        return;

    CallResult r0;
    if (recvFirst) {
        r0 = p.server->recv(1024);
        QVERIFY(r0.pending);
    }
    if (shutdownOnly) {
        const CallResult sh = p.client->shutdown(SHUT_WR);
        QVERIFY2(sh.ok(), qPrintable(sh.errorMessage()));
        QCOMPARE(sh.call, QStringLiteral("shutdown"));
        QCOMPARE(sh.args, QStringList { QStringLiteral("SHUT_WR") });
    } else {
        QVERIFY(p.client->close().ok());
    }
    if (!recvFirst)
        r0 = p.server->recv(1024);

    const CallResult r = finish(*p.server, r0);
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r.data, QByteArray()); // b"": the peer's FIN
    QCOMPARE(r.value.toLongLong(), 0);

    // EOF stays EOF.
    const CallResult again = p.server->recv(1024);
    QVERIFY(again.ok());
    QCOMPARE(again.data, QByteArray());

    if (shutdownOnly) {
        // Half-closed: the side that shut down writing still receives.
        QVERIFY(p.server->sendall("still open").ok());
        const CallResult back = finish(*p.client, p.client->recv(1024));
        QVERIFY(back.ok());
        QCOMPARE(back.data, QByteArray("still open"));
    }
}

void TstNativeSocket::recvAfterReset_data()
{
    QTest::addColumn<bool>("recvFirst");

    QTest::newRow("peer closes, then recv") << false;
    QTest::newRow("recv waiting, peer closes") << true;
}

void TstNativeSocket::recvAfterReset()
{
    QFETCH(bool, recvFirst);

    TcpPair p;
    makePair(p);
    if (QTest::currentTestFailed())
        return;

    QVERIFY(p.client->sendall("never read").ok());
    QTRY_COMPARE(p.server->unreadBytes(), 10);

    CallResult r0;
    if (recvFirst) {
        r0 = p.client->recv(1024);
        QVERIFY(r0.pending);
    }
    // close() with unread data sends RST instead of FIN (RFC 9293 §3.10.7.4 on the peer).
    QVERIFY(p.server->close().ok());
    if (!recvFirst)
        r0 = p.client->recv(1024);

    const CallResult r = finish(*p.client, r0);
    verifyFailure(r, QStringLiteral("recv"), ErrorDomain::Errno, ECONNRESET);
    QCOMPARE(r.errnum, 104);
    QVERIFY(r.data.isEmpty());
}

void TstNativeSocket::timeoutExpires_data()
{
    QTest::addColumn<QString>("call");

    QTest::newRow("recv") << "recv";
    QTest::newRow("accept") << "accept";
    QTest::newRow("recvfrom") << "recvfrom";
}

void TstNativeSocket::timeoutExpires()
{
    QFETCH(QString, call);

    TcpPair p;
    NativeSocket udp;
    NativeSocket *s = socketFor(call, p, udp);
    if (QTest::currentTestFailed())
        return;

    const CallResult t = s->settimeout(0.2);
    QVERIFY(t.ok());
    QCOMPARE(t.call, QStringLiteral("settimeout"));
    QCOMPARE(t.args, QStringList { QStringLiteral("0.2") });
    QCOMPARE(s->timeout(), 0.2);

    QSignalSpy spy(s, &NativeSocket::finished);
    QVERIFY(spy.isValid());
    QElapsedTimer clock;
    clock.start();
    const CallResult r0 = startCall(s, call);
    QVERIFY(r0.pending);
    QCOMPARE(s->pendingCall(), call);

    QVERIFY(spy.wait(5000));
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(spy.size(), 1);
    const auto r = spy.at(0).at(0).value<CallResult>();
    QVERIFY2(elapsed >= 200, qPrintable(QStringLiteral("finished after %1 ms").arg(elapsed)));
    verifyFailure(r, call, ErrorDomain::Timeout, 0);
    QVERIFY(r.data.isEmpty());
    QVERIFY(!r.accepted);

    // The socket is idle again: a new call is not refused as busy.
    QCOMPARE(s->pendingCall(), QString());
    QVERIFY(s->setblocking(false).ok());
    const CallResult next = startCall(s, call);
    verifyFailure(next, call, ErrorDomain::Errno, EAGAIN);
}

void TstNativeSocket::nonBlocking_data()
{
    QTest::addColumn<bool>("viaSettimeout");
    QTest::addColumn<QString>("call");

    QTest::newRow("setblocking(False), accept") << false << "accept";
    QTest::newRow("setblocking(False), recv") << false << "recv";
    QTest::newRow("setblocking(False), recvfrom") << false << "recvfrom";
    QTest::newRow("settimeout(0), accept") << true << "accept";
    QTest::newRow("settimeout(0), recv") << true << "recv";
}

void TstNativeSocket::nonBlocking()
{
    QFETCH(bool, viaSettimeout);
    QFETCH(QString, call);

    TcpPair p;
    NativeSocket udp;
    NativeSocket *s = socketFor(call, p, udp);
    if (QTest::currentTestFailed())
        return;

    if (viaSettimeout) {
        const CallResult t = s->settimeout(0);
        QVERIFY(t.ok());
        QCOMPARE(t.args, QStringList { QStringLiteral("0") });
    } else {
        const CallResult b = s->setblocking(false);
        QVERIFY(b.ok());
        QCOMPARE(b.call, QStringLiteral("setblocking"));
        QCOMPARE(b.args, QStringList { QStringLiteral("False") });
    }
    QCOMPARE(s->timeout(), 0.0);

    QSignalSpy spy(s, &NativeSocket::finished);
    QVERIFY(spy.isValid());
    const CallResult r = startCall(s, call);
    // Fails at once: BlockingIOError, errno EAGAIN (11).
    verifyFailure(r, call, ErrorDomain::Errno, EAGAIN);
    QCOMPARE(r.errnum, 11);
    QCOMPARE(s->pendingCall(), QString());
    QTest::qWait(50);
    QCOMPARE(spy.size(), 0);
}

void TstNativeSocket::setblockingTrueBlocksAgain()
{
    NativeSocket listener;
    quint16 port = 0;
    listenOnLoopback(listener, &port);
    if (QTest::currentTestFailed())
        return;

    QVERIFY(listener.setblocking(false).ok());
    QCOMPARE(listener.accept().errnum, int(EAGAIN));

    const CallResult b = listener.setblocking(true);
    QVERIFY(b.ok());
    QCOMPARE(b.args, QStringList { QStringLiteral("True") });
    QVERIFY(listener.timeout() < 0);
    QVERIFY(listener.accept().pending);

    QVERIFY(listener.close().ok());
    const CallResult none = [] {
        NativeSocket s;
        s.socket(AF_INET, SOCK_STREAM);
        return s.settimeout(-1);
    }();
    QVERIFY(none.ok());
    QCOMPARE(none.args, QStringList { QStringLiteral("None") });
}

void TstNativeSocket::udpSendtoRecvfrom_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("bindSender");

    QTest::newRow("ascii, bound sender") << QByteArray("hello") << true;
    QTest::newRow("utf-8, bound sender") << QStringLiteral("请求连接").toUtf8() << true;
    QTest::newRow("binary, unbound sender") << QByteArray("\0\xff\0\x80", 4) << false;
    QTest::newRow("empty datagram") << QByteArray() << true;
}

void TstNativeSocket::udpSendtoRecvfrom()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, bindSender);

    NativeSocket receiver;
    QVERIFY(receiver.socket(AF_INET, SOCK_DGRAM).ok());
    QVERIFY(receiver.bind(kLoopback, 0).ok());
    const quint16 port = receiver.localAddress().port;

    NativeSocket sender;
    QVERIFY(sender.socket(AF_INET, SOCK_DGRAM).ok());
    if (bindSender)
        QVERIFY(sender.bind(kLoopback, 0).ok());

    const CallResult s = sender.sendto(payload, kLoopback, port);
    QVERIFY2(s.ok(), qPrintable(s.errorMessage()));
    QCOMPARE(s.call, QStringLiteral("sendto"));
    QCOMPARE(s.args, QStringList { QStringLiteral("('127.0.0.1', %1)").arg(port) });
    QCOMPARE(s.payload, payload);
    QCOMPARE(s.value.toLongLong(), qint64(payload.size()));

    // An unbound sender was bound implicitly by sendto.
    const quint16 senderPort = sender.localAddress().port;
    QVERIFY(senderPort != 0);

    const CallResult r = finish(receiver, receiver.recvfrom(1024));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r.call, QStringLiteral("recvfrom"));
    QCOMPARE(r.args, QStringList { QStringLiteral("1024") });
    QCOMPARE(r.data, payload);
    QCOMPARE(r.value.toLongLong(), qint64(payload.size()));
    QCOMPARE(r.addr, (SockAddr { AF_INET, kLoopback, senderPort }));
}

void TstNativeSocket::recvfromTruncatesDatagram()
{
    NativeSocket receiver;
    QVERIFY(receiver.socket(AF_INET, SOCK_DGRAM).ok());
    QVERIFY(receiver.bind(kLoopback, 0).ok());
    const quint16 port = receiver.localAddress().port;
    NativeSocket sender;
    QVERIFY(sender.socket(AF_INET, SOCK_DGRAM).ok());

    QCOMPARE(sender.sendto("ABCDEFGH", kLoopback, port).value.toLongLong(), 8);
    QCOMPARE(sender.sendto("next", kLoopback, port).value.toLongLong(), 4);

    const CallResult r = finish(receiver, receiver.recvfrom(3));
    QVERIFY2(r.ok(), qPrintable(r.errorMessage())); // silently, as Python
    QCOMPARE(r.data, QByteArray("ABC"));
    QCOMPARE(r.value.toLongLong(), 3);
    QCOMPARE(r.addr.port, sender.localAddress().port);

    // The other five bytes are gone: the next read is the next datagram.
    const CallResult n = finish(receiver, receiver.recvfrom(1024));
    QVERIFY(n.ok());
    QCOMPARE(n.data, QByteArray("next"));
    QVERIFY(receiver.setblocking(false).ok());
    verifyFailure(receiver.recvfrom(1024), QStringLiteral("recvfrom"), ErrorDomain::Errno, EAGAIN);
}

void TstNativeSocket::closeCancelsPendingCall_data()
{
    QTest::addColumn<QString>("call");

    QTest::newRow("accept") << "accept";
    QTest::newRow("recv") << "recv";
    QTest::newRow("recvfrom") << "recvfrom";
}

void TstNativeSocket::closeCancelsPendingCall()
{
    QFETCH(QString, call);

    TcpPair p;
    NativeSocket udp;
    NativeSocket *s = socketFor(call, p, udp);
    if (QTest::currentTestFailed())
        return;

    QSignalSpy spy(s, &NativeSocket::finished);
    QVERIFY(spy.isValid());
    const CallResult r0 = startCall(s, call);
    QVERIFY(r0.pending);

    const CallResult c = s->close();
    QVERIFY(c.ok());
    // The pending call finishes inside close(), with EBADF.
    QCOMPARE(spy.size(), 1);
    const auto r = spy.at(0).at(0).value<CallResult>();
    verifyFailure(r, call, ErrorDomain::Errno, EBADF);
    QCOMPARE(s->pendingCall(), QString());
    QCOMPARE(s->fd(), -1);
    QVERIFY(!s->isOpen());
    QCOMPARE(s->fileno().value.toInt(), -1);
    QTest::qWait(50);
    QCOMPARE(spy.size(), 1);
}

void TstNativeSocket::setsockopt_data()
{
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("option");
    QTest::addColumn<int>("value");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("readBack");
    QTest::addColumn<int>("errnum");

    QTest::newRow("SO_REUSEADDR") << int(SOL_SOCKET) << int(SO_REUSEADDR) << 1
                                  << QStringList { "SOL_SOCKET", "SO_REUSEADDR", "1" } << 1 << 0;
    QTest::newRow("SO_REUSEPORT") << int(SOL_SOCKET) << int(SO_REUSEPORT) << 1
                                  << QStringList { "SOL_SOCKET", "SO_REUSEPORT", "1" } << 1 << 0;
    QTest::newRow("SO_KEEPALIVE") << int(SOL_SOCKET) << int(SO_KEEPALIVE) << 1
                                  << QStringList { "SOL_SOCKET", QString::number(SO_KEEPALIVE),
                                         "1" }
                                  << 1 << 0;
    QTest::newRow("TCP_NODELAY") << int(IPPROTO_TCP) << int(TCP_NODELAY) << 1
                                 << QStringList { QString::number(IPPROTO_TCP),
                                        QString::number(TCP_NODELAY), "1" }
                                 << 1 << 0;
    // socket(7): the kernel doubles SO_RCVBUF for its own bookkeeping.
    QTest::newRow("SO_RCVBUF doubled")
        << int(SOL_SOCKET) << int(SO_RCVBUF) << 4096
        << QStringList { "SOL_SOCKET", QString::number(SO_RCVBUF), "4096" } << 8192 << 0;
    QTest::newRow("unknown option")
        << int(SOL_SOCKET) << 12345 << 1 << QStringList { "SOL_SOCKET", "12345", "1" } << 0
        << int(ENOPROTOOPT);
}

void TstNativeSocket::setsockopt()
{
    QFETCH(int, level);
    QFETCH(int, option);
    QFETCH(int, value);
    QFETCH(QStringList, args);
    QFETCH(int, readBack);
    QFETCH(int, errnum);

    NativeSocket s;
    QVERIFY(s.socket(AF_INET, SOCK_STREAM).ok());
    const CallResult r = s.setsockopt(level, option, value);
    QCOMPARE(r.args, args);
    if (errnum != 0) {
        verifyFailure(r, QStringLiteral("setsockopt"), ErrorDomain::Errno, errnum);
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.errorMessage()));
    QCOMPARE(r.call, QStringLiteral("setsockopt"));
    QCOMPARE(intOption(s.fd(), level, option), readBack);
}

void TstNativeSocket::notConnected_data()
{
    QTest::addColumn<QString>("call");
    QTest::addColumn<int>("errnum");

    QTest::newRow("getpeername") << "getpeername" << int(ENOTCONN);
    QTest::newRow("shutdown") << "shutdown" << int(ENOTCONN);
    QTest::newRow("recv") << "recv" << int(ENOTCONN);
    // Linux answers send() on an unconnected stream socket with EPIPE (BrokenPipeError).
    QTest::newRow("send") << "send" << int(EPIPE);
}

void TstNativeSocket::notConnected()
{
    QFETCH(QString, call);
    QFETCH(int, errnum);

    NativeSocket s;
    QVERIFY(s.socket(AF_INET, SOCK_STREAM).ok());
    CallResult r;
    if (call == QLatin1String("getpeername"))
        r = s.getpeername();
    else if (call == QLatin1String("shutdown"))
        r = s.shutdown(SHUT_WR);
    else if (call == QLatin1String("recv"))
        r = s.recv(1024);
    else
        r = s.send("x");
    verifyFailure(r, call, ErrorDomain::Errno, errnum);
    QVERIFY(!s.peerAddress().isValid());
}

void TstNativeSocket::callsAfterClose_data()
{
    QTest::addColumn<QString>("call");

    for (const char *c : { "setsockopt", "bind", "listen", "accept", "connect", "connect_ex",
             "send", "sendall", "recv", "sendto", "recvfrom", "settimeout", "setblocking",
             "shutdown", "getsockname", "getpeername" })
        QTest::newRow(c) << QString::fromLatin1(c);
}

void TstNativeSocket::callsAfterClose()
{
    QFETCH(QString, call);

    NativeSocket s;
    QVERIFY(s.socket(AF_INET, SOCK_STREAM).ok());
    QVERIFY(s.close().ok());
    QCOMPARE(s.fd(), -1);

    CallResult r;
    if (call == QLatin1String("setsockopt"))
        r = s.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
    else if (call == QLatin1String("bind"))
        r = s.bind(kLoopback, 0);
    else if (call == QLatin1String("listen"))
        r = s.listen(5);
    else if (call == QLatin1String("accept"))
        r = s.accept();
    else if (call == QLatin1String("connect"))
        r = s.connect(kLoopback, 9);
    else if (call == QLatin1String("connect_ex"))
        r = s.connect_ex(kLoopback, 9);
    else if (call == QLatin1String("send"))
        r = s.send("x");
    else if (call == QLatin1String("sendall"))
        r = s.sendall("x");
    else if (call == QLatin1String("recv"))
        r = s.recv(1024);
    else if (call == QLatin1String("sendto"))
        r = s.sendto("x", kLoopback, 9);
    else if (call == QLatin1String("recvfrom"))
        r = s.recvfrom(1024);
    else if (call == QLatin1String("settimeout"))
        r = s.settimeout(1.0);
    else if (call == QLatin1String("setblocking"))
        r = s.setblocking(false);
    else if (call == QLatin1String("shutdown"))
        r = s.shutdown(SHUT_RDWR);
    else if (call == QLatin1String("getsockname"))
        r = s.getsockname();
    else
        r = s.getpeername();
    // OSError: [Errno 9] Bad file descriptor
    verifyFailure(r, call, ErrorDomain::Errno, EBADF);
    QCOMPARE(s.fileno().value.toInt(), -1);
}

QTEST_GUILESS_MAIN(TstNativeSocket)
#include "tst_nativesocket.moc"
