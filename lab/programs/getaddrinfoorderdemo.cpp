#include "getaddrinfoorderdemo.h"

#include "net/nativesocket.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

#include <QThread>

#include <arpa/inet.h>
#include <cerrno>
#include <memory>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace {
/** What one getaddrinfo() call answered (filled on the worker thread). */
struct Lookup
{
    int gaiError = 0;
    QList<SockAddr> addresses;
};

// getaddrinfo(host, port, 0, SOCK_STREAM) exactly as Python's create_connection()
// calls it: AF_UNSPEC, no flags (no AI_ADDRCONFIG), the answer in its order.
Lookup lookup(const QByteArray &host, quint16 port)
{
    Lookup out;
    addrinfo hints {};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *res = nullptr;
    const QByteArray service = QByteArray::number(port);
    out.gaiError = ::getaddrinfo(host.constData(), service.constData(), &hints, &res);
    if (out.gaiError != 0)
        return out;
    for (const addrinfo *ai = res; ai; ai = ai->ai_next) {
        if (auto a = SockAddr::fromNative(ai->ai_addr, ai->ai_addrlen))
            out.addresses << *a;
    }
    ::freeaddrinfo(res);
    return out;
}

} // namespace

GetaddrinfoOrderDemo::GetaddrinfoOrderDemo(
    Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : ScriptedDemo(timeline, inferrer, parent)
{
}

QString GetaddrinfoOrderDemo::defaultHost()
{
    return QStringLiteral("::1,127.0.0.1");
}

QStringList GetaddrinfoOrderDemo::addressList(const QString &host)
{
    QStringList out;
    for (const QString &item : host.split(QLatin1Char(','))) {
        const QString a = item.trimmed();
        const QByteArray latin = a.toLatin1();
        in6_addr buf {};
        if (a.isEmpty()
            || (::inet_pton(AF_INET, latin.constData(), &buf) != 1
                && ::inet_pton(AF_INET6, latin.constData(), &buf) != 1))
            return {};
        out << a;
    }
    return out;
}

QString GetaddrinfoOrderDemo::candidatesRepr() const
{
    QStringList items;
    for (const SockAddr &a : m_candidates)
        items << QStringLiteral("(%1, %2)").arg(socketFamilyName(a.family), a.pythonRepr());
    return QLatin1Char('[') + items.join(QLatin1String(", ")) + QLatin1Char(']');
}

void GetaddrinfoOrderDemo::run()
{
    ++m_generation;
    m_resolved = false;
    m_candidates.clear();
    m_attempts.clear();
    m_query = m_host;
    m_host = QStringLiteral("127.0.0.1"); // the server: IPv4 loopback only
    if (!openListener())
        return;
    const QStringList list = addressList(m_query);
    if (list.isEmpty()) {
        resolve();
        return;
    }
    for (const QString &a : list)
        m_candidates << SockAddr { a.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET, a,
            m_serverAddr.port };
    recordNote(QT_TRANSLATE_NOOP("Note",
                   "The addresses %1 stand for getaddrinfo()'s answer for a name such as "
                   "localhost, in this order: a machine with \"::1 localhost\" in /etc/hosts "
                   "answers ::1 first (RFC 6724). The server listens on %2 only. Like Python's "
                   "socket.create_connection(), the client tries each address in turn."),
        { candidatesRepr(), m_serverAddr.toString() });
    tryNext();
}

void GetaddrinfoOrderDemo::resolve()
{
    // getaddrinfo() blocks (files, DNS): it runs on a worker thread, and its
    // answer comes back to this thread as a queued call. QHostInfo is not
    // used: it asks with AI_ADDRCONFIG and keeps no socket type, so its list
    // can differ from the one Python's create_connection() walks.
    m_resolved = true;
    CallResult r;
    r.call = QStringLiteral("getaddrinfo");
    r.args = { QStringLiteral("'%1'").arg(m_query), QString::number(m_serverAddr.port),
        QStringLiteral("type=SOCK_STREAM") };
    r.pending = true;
    recordStart(r, m_client, m_timeline->nowUs());
    auto result = std::make_shared<Lookup>();
    const QByteArray host = m_query.toUtf8();
    const quint16 port = m_serverAddr.port;
    QThread *worker = QThread::create([result, host, port] { *result = lookup(host, port); });
    const quint64 generation = m_generation;
    connect(worker, &QThread::finished, this, [this, r, result, generation]() mutable {
        if (generation != m_generation || !isRunning())
            return; // a later start() or a failure ended this run
        r.pending = false;
        if (result->gaiError != 0) {
            r.errorDomain = ErrorDomain::Gai;
            r.errnum = result->gaiError;
            recordReturn(r, m_client);
            fail(r);
            return;
        }
        m_candidates = result->addresses;
        r.value = candidatesRepr();
        recordReturn(r, m_client);
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "getaddrinfo(%1) answered %2, in this order; the server listens on %3 "
                       "only. Like Python's socket.create_connection(), the client tries each "
                       "address in turn."),
            { QStringLiteral("'%1'").arg(m_query), candidatesRepr(), m_serverAddr.toString() });
        tryNext();
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void GetaddrinfoOrderDemo::tryNext()
{
    const int n = int(m_attempts.size());
    if (n >= m_candidates.size()) {
        // Every address failed: create_connection() raises the last error.
        CallResult last = m_attempts.isEmpty() ? CallResult {} : m_attempts.last();
        if (!last.failed()) {
            last.call = QStringLiteral("getaddrinfo");
            last.errorDomain = ErrorDomain::Gai;
            last.errnum = EAI_NONAME;
        }
        fail(last);
        return;
    }
    const SockAddr target = m_candidates.at(n);
    if (n > 0) { // a new socket for each address, as create_connection() makes
        m_client->deleteLater();
        m_client = new NativeSocket(this);
    }
    CallResult r = m_client->socket(target.family, SOCK_STREAM);
    recordReturn(r, m_client);
    if (!r.ok()) {
        m_attempts << r;
        tryNext();
        return;
    }
    const qint64 t0 = m_timeline->nowUs();
    r = m_client->connect(target.host, target.port);
    recordStart(r, m_client, t0);
    m_clientAddr = m_client->localAddress();
    m_inferrer->connectStarted(m_clientAddr, target, t0);
    whenDone(m_client, r, [this, target, t0, n](const CallResult &res) {
        if (res.ok())
            m_inferrer->handshake(m_clientAddr, target, t0);
        else if (res.errorDomain == ErrorDomain::Errno && res.errnum == ECONNREFUSED)
            m_inferrer->refused(m_clientAddr, target, t0);
        recordReturn(res, m_client);
        m_attempts << res;
        if (res.ok()) {
            m_serverAddr = target;
            connected();
            return;
        }
        const QStringList args { QString::number(n + 1), target.toString(),
            QString::number(res.errnum), errorName(res.errorDomain, res.errnum) };
        if (n + 1 < m_candidates.size())
            recordNote(QT_TRANSLATE_NOOP("Note",
                           "Attempt %1: connect() to %2 failed with errno %3 (%4). "
                           "create_connection() closes this socket and tries the next address."),
                args);
        else
            recordNote(QT_TRANSLATE_NOOP("Note",
                           "Attempt %1: connect() to %2 failed with errno %3 (%4). That was the "
                           "last address: create_connection() closes this socket and raises this "
                           "error."),
                args);
        const CallResult c = m_client->close();
        recordReturn(c, m_client);
        tryNext();
    });
}

void GetaddrinfoOrderDemo::connected()
{
    acceptThen([this] {
        const int n = int(m_attempts.size());
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "Attempt %1: connect() to %2 succeeded. Failed attempts before it: %3. "
                       "A refusal on loopback costs microseconds, but an address that does not "
                       "answer at all costs a whole connect timeout, which is why browsers race "
                       "the addresses (Happy Eyeballs, RFC 8305)."),
            { QString::number(n), m_serverAddr.toString(), QString::number(n - 1) });
        closePair([this] { succeed(); });
    });
}
