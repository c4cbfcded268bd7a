#include "scripteddemo.h"

#include "net/callevent.h"
#include "net/kernelstate.h"
#include "net/nativesocket.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

#include <QElapsedTimer>
#include <QTimer>

#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>

namespace {
const QString kListener = QStringLiteral("listener");
const QString kConn = QStringLiteral("conn");
const QString kClient = QStringLiteral("client");
} // namespace

ScriptedDemo::ScriptedDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : QObject(parent)
    , m_timeline(timeline)
    , m_inferrer(inferrer)
    , m_wait(new QTimer(this))
{
    m_wait->setInterval(1);
}

ScriptedDemo::~ScriptedDemo() = default;

void ScriptedDemo::start(const QString &host, quint16 port)
{
    for (NativeSocket *s : { m_listener, m_client, m_conn }) {
        if (s) {
            s->close();
            s->deleteLater();
        }
    }
    m_listener = new NativeSocket(this);
    m_client = new NativeSocket(this);
    m_conn = nullptr;
    m_host = host;
    m_port = port;
    m_serverAddr = {};
    m_clientAddr = {};
    m_failure = {};
    m_read[0] = m_read[1] = 0;
    m_running = true;
    run();
}

Side ScriptedDemo::sideOf(NativeSocket *socket) const
{
    return socket == m_client ? Side::Client : Side::Server;
}

QString ScriptedDemo::nameOf(NativeSocket *socket) const
{
    if (socket == m_client)
        return kClient;
    return socket == m_listener ? kListener : kConn;
}

void ScriptedDemo::recordStart(
    const CallResult &r, NativeSocket *socket, qint64 tUs, const QString &encoding)
{
    m_timeline->append(callStartEvent(r, sideOf(socket), nameOf(socket), tUs, encoding));
}

void ScriptedDemo::recordReturn(const CallResult &r, NativeSocket *socket, const QString &encoding)
{
    m_timeline->append(callReturnEvent(r, sideOf(socket), nameOf(socket), encoding));
}

void ScriptedDemo::recordData(
    const QByteArray &bytes, NativeSocket *socket, const QString &encoding)
{
    m_timeline->append(receivedDataEvent(bytes, sideOf(socket), nameOf(socket), encoding));
}

void ScriptedDemo::recordNote(const char *key, const QStringList &args)
{
    m_timeline->append(noteEvent(key, args));
}

void ScriptedDemo::whenDone(
    NativeSocket *socket, const CallResult &r, std::function<void(const CallResult &)> handler)
{
    if (!r.pending) {
        handler(r);
        return;
    }
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(
        socket, &NativeSocket::finished, this, [this, conn, handler](const CallResult &res) {
            disconnect(*conn);
            if (m_running) // fail() closed the socket under the call: already over
                handler(res);
        });
}

void ScriptedDemo::fail(const CallResult &r)
{
    if (!m_running)
        return;
    m_failure = r;
    m_running = false;
    m_wait->stop();
    for (NativeSocket *s : { m_client, m_conn, m_listener }) {
        if (s)
            s->close();
    }
    emit finished(false);
}

void ScriptedDemo::succeed()
{
    if (!m_running)
        return;
    m_running = false;
    m_wait->stop();
    emit finished(true);
}

void ScriptedDemo::waitUntil(std::function<bool()> check, std::function<void()> next, int ms,
    std::function<void()> onTimeout)
{
    // Polled from the event loop: the thread never blocks, and the sockets'
    // notifiers keep running meanwhile.
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    m_wait->disconnect(this);
    connect(m_wait, &QTimer::timeout, this, [this, check, next, clock, ms, onTimeout] {
        if (check()) {
            m_wait->stop();
            m_wait->disconnect(this);
            next();
        } else if (clock->elapsed() > ms) {
            m_wait->stop();
            m_wait->disconnect(this);
            if (onTimeout) {
                onTimeout();
                return;
            }
            CallResult r;
            r.call = QStringLiteral("ioctl");
            r.args = { QStringLiteral("FIONREAD") };
            r.errorDomain = ErrorDomain::Timeout;
            fail(r);
        }
    });
    m_wait->start();
}

bool ScriptedDemo::openListener()
{
    const int family = m_host.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
    CallResult r = m_listener->socket(family, SOCK_STREAM);
    recordReturn(r, m_listener);
    if (r.ok()) {
        r = m_listener->setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
        recordReturn(r, m_listener);
    }
    if (r.ok()) {
        r = m_listener->bind(m_host, m_port);
        recordReturn(r, m_listener);
    }
    if (r.ok()) {
        m_serverAddr = m_listener->localAddress();
        r = m_listener->listen(1);
        recordReturn(r, m_listener);
    }
    if (!r.ok())
        fail(r);
    return r.ok();
}

void ScriptedDemo::connectPair(std::function<void()> next)
{
    CallResult r = m_client->socket(m_listener->family(), SOCK_STREAM);
    recordReturn(r, m_client);
    if (!r.ok()) {
        fail(r);
        return;
    }
    // A wildcard listener is reached on the loopback address.
    SockAddr target = m_serverAddr;
    if (target.host == QLatin1String("0.0.0.0") || target.host.isEmpty())
        target.host = QStringLiteral("127.0.0.1");
    else if (target.host == QLatin1String("::"))
        target.host = QStringLiteral("::1");
    const qint64 t0 = m_timeline->nowUs();
    r = m_client->connect(target.host, target.port);
    recordStart(r, m_client, t0);
    m_clientAddr = m_client->localAddress();
    m_serverAddr = target;
    m_inferrer->connectStarted(m_clientAddr, m_serverAddr, t0);
    whenDone(m_client, r, [this, t0, next](const CallResult &res) {
        if (res.ok())
            m_inferrer->handshake(m_clientAddr, m_serverAddr, t0);
        recordReturn(res, m_client);
        if (!res.ok()) {
            fail(res);
            return;
        }
        acceptThen(next);
    });
}

void ScriptedDemo::acceptThen(std::function<void()> next)
{
    const qint64 t1 = m_timeline->nowUs();
    const CallResult a = m_listener->accept();
    recordStart(a, m_listener, t1);
    whenDone(m_listener, a, [this, next](const CallResult &ares) {
        if (ares.ok()) {
            m_conn = ares.accepted;
            m_conn->setParent(this);
        }
        recordReturn(ares, m_listener);
        if (!ares.ok()) {
            fail(ares);
            return;
        }
        next();
    });
}

void ScriptedDemo::closePair(std::function<void()> next)
{
    // The client closes first, then the server: FIN,ACK each way. Everything
    // was read, so no RST.
    CallResult r = m_client->close();
    recordReturn(r, m_client);
    m_inferrer->finSent(Side::Client, m_clientAddr, m_serverAddr);
    if (m_conn) {
        r = m_conn->close();
        recordReturn(r, m_conn);
        m_inferrer->finSent(Side::Server, m_serverAddr, m_clientAddr);
    }
    r = m_listener->close();
    recordReturn(r, m_listener);
    // The last ACK is inferred only when the kernel shows its effect: the
    // client, who closed first, in TIME-WAIT.
    waitUntil(
        [this] {
            return KernelState::lookupConnection(m_clientAddr, m_serverAddr)
                == std::optional<TcpState>(TcpState::TimeWait);
        },
        [this, next] {
            m_inferrer->stateObserved(
                Side::Client, m_clientAddr, m_serverAddr, TcpState::FinWait2, TcpState::TimeWait);
            next();
        },
        500, next); // no TIME-WAIT seen within 0.5 s is no failure: the ACK is left out
}

void ScriptedDemo::inferArrived(NativeSocket *socket, qint64 notBeforeUs)
{
    const int i = socket == m_client ? 0 : 1;
    const Side side = sideOf(socket);
    const SockAddr local = i == 0 ? m_clientAddr : m_serverAddr;
    const SockAddr remote = i == 0 ? m_serverAddr : m_clientAddr;
    const qint64 total = m_read[i] + socket->unreadBytes();
    // The peer's bytes travelled in segments of at most one MSS; segments
    // already on the timeline (from the peer's sendall) are not repeated.
    m_inferrer->dataArrived(side, local, remote, total, notBeforeUs, socket->maxSegment());
}

void ScriptedDemo::inferSent(NativeSocket *socket, qint64 bytes, qint64 notBeforeUs)
{
    const int i = socket == m_client ? 0 : 1;
    const Side side = sideOf(socket);
    const SockAddr local = i == 0 ? m_clientAddr : m_serverAddr;
    const SockAddr remote = i == 0 ? m_serverAddr : m_clientAddr;
    m_inferrer->dataSent(side, local, remote, bytes, notBeforeUs, socket->maxSegment());
}

void ScriptedDemo::recvOn(
    NativeSocket *socket, int bufsize, std::function<void(const CallResult &)> then)
{
    const qint64 t0 = m_timeline->nowUs();
    const CallResult r = socket->recv(bufsize);
    recordStart(r, socket, t0);
    whenDone(socket, r, [this, socket, t0, then](const CallResult &res) {
        if (res.ok()) {
            m_read[socket == m_client ? 0 : 1] += res.data.size();
            inferArrived(socket, t0);
        }
        recordReturn(res, socket);
        if (res.ok())
            recordData(res.data, socket);
        then(res);
    });
}

void ScriptedDemo::sendallOn(
    NativeSocket *socket, const QByteArray &data, std::function<void(const CallResult &)> then)
{
    const qint64 t0 = m_timeline->nowUs();
    const CallResult r = socket->sendall(data);
    recordStart(r, socket, t0);
    whenDone(socket, r, [this, socket, t0, then](const CallResult &res) {
        if (res.ok())
            inferSent(socket, res.payload.size(), t0);
        recordReturn(res, socket);
        then(res);
    });
}
