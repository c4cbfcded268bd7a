#include "dualstackdemo.h"

#include "net/nativesocket.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>

DualStackDemo::DualStackDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : ScriptedDemo(timeline, inferrer, parent)
{
}

CallResult DualStackDemo::openV6(bool v6only)
{
    // "::" is the IPv6 wildcard: every address of the machine, not only
    // loopback. Acceptable here only as a teaching demo: an ephemeral port,
    // open for a fraction of a second, and the only client is local.
    CallResult r = m_listener->socket(AF_INET6, SOCK_STREAM);
    recordReturn(r, m_listener);
    if (r.ok()) {
        // Set explicitly: the default comes from net.ipv6.bindv6only.
        r = m_listener->setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, v6only ? 1 : 0);
        recordReturn(r, m_listener);
    }
    if (r.ok()) {
        r = m_listener->bind(QStringLiteral("::"), 0);
        recordReturn(r, m_listener);
    }
    if (r.ok()) {
        m_serverAddr = m_listener->localAddress();
        r = m_listener->listen(1);
        recordReturn(r, m_listener);
    }
    return r;
}

void DualStackDemo::connectV4(std::function<void(const CallResult &)> then)
{
    CallResult r = m_client->socket(AF_INET, SOCK_STREAM);
    recordReturn(r, m_client);
    if (!r.ok()) {
        fail(r);
        return;
    }
    // On the wire this is IPv4: 127.0.0.1 to the listener's port.
    const SockAddr target { AF_INET, QStringLiteral("127.0.0.1"), m_serverAddr.port };
    const qint64 t0 = m_timeline->nowUs();
    r = m_client->connect(target.host, target.port);
    recordStart(r, m_client, t0);
    m_clientAddr = m_client->localAddress();
    m_serverAddr = target;
    m_inferrer->connectStarted(m_clientAddr, m_serverAddr, t0);
    whenDone(m_client, r, [this, t0, then](const CallResult &res) {
        if (res.ok())
            m_inferrer->handshake(m_clientAddr, m_serverAddr, t0);
        else if (res.errorDomain == ErrorDomain::Errno && res.errnum == ECONNREFUSED)
            m_inferrer->refused(m_clientAddr, m_serverAddr, t0);
        recordReturn(res, m_client);
        then(res);
    });
}

void DualStackDemo::run()
{
    m_ipv6 = true;
    m_ipv6Failure = {};
    m_peer = {};
    m_v6OnlyConnect = {};
    const CallResult r = openV6(false);
    if (!r.ok()) {
        if (r.call == QLatin1String("socket") || r.call == QLatin1String("bind")) {
            m_ipv6 = false;
            m_ipv6Failure = r;
            m_listener->close();
            recordNote(QT_TRANSLATE_NOOP("Note",
                           "This machine has no usable IPv6: %1 failed with errno %2, so the "
                           "dual-stack demo cannot run here."),
                { r.call, QString::number(r.errnum) });
            succeed();
            return;
        }
        fail(r);
        return;
    }
    connectV4([this](const CallResult &res) {
        if (!res.ok()) {
            fail(res);
            return;
        }
        const qint64 t1 = m_timeline->nowUs();
        const CallResult a = m_listener->accept();
        recordStart(a, m_listener, t1);
        whenDone(m_listener, a, [this](const CallResult &ares) {
            if (ares.ok()) {
                m_conn = ares.accepted;
                m_conn->setParent(this);
                m_peer = ares.addr;
            }
            recordReturn(ares, m_listener);
            if (!ares.ok()) {
                fail(ares);
                return;
            }
            recordNote(QT_TRANSLATE_NOOP("Note",
                           "An AF_INET6 listener on \"::\" with IPV6_V6ONLY off accepted an IPv4 "
                           "client: accept() gives its address as %1, an IPv4-mapped IPv6 "
                           "address (::ffff: followed by the IPv4 address). One listener serves "
                           "both families."),
                { m_peer.host });
            closePair([this] { partTwo(); });
        });
    });
}

void DualStackDemo::partTwo()
{
    m_listener = new NativeSocket(this);
    m_client = new NativeSocket(this);
    m_conn = nullptr;
    const CallResult r = openV6(true);
    if (!r.ok()) {
        fail(r);
        return;
    }
    connectV4([this](const CallResult &res) {
        m_v6OnlyConnect = res;
        if (res.errorDomain != ErrorDomain::Errno || res.errnum != ECONNREFUSED) {
            fail(res);
            return;
        }
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "With IPV6_V6ONLY on, the \"::\" listener takes IPv6 only. Nobody listens "
                       "for IPv4 on port %1, so the IPv4 client's connect() fails with "
                       "ConnectionRefusedError, errno %2 (ECONNREFUSED)."),
            { QString::number(m_serverAddr.port), QString::number(res.errnum) });
        CallResult c = m_client->close();
        recordReturn(c, m_client);
        c = m_listener->close();
        recordReturn(c, m_listener);
        succeed();
    });
}
