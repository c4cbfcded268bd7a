#include "httphelloserver.h"

#include "net/kernelstate.h"
#include "net/nativesocket.h"
#include "net/statewatch.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

#include <sys/socket.h>

namespace {
const QString kListener = QStringLiteral("listener");
const QString kConn = QStringLiteral("conn");
const QByteArray kBlankLine = QByteArrayLiteral("\r\n\r\n");
} // namespace

QByteArray HttpHelloServer::seedStatus()
{
    return QByteArrayLiteral("HTTP/1.1 200 OK\r\n\r\n");
}

QByteArray HttpHelloServer::seedBody()
{
    return QByteArrayLiteral("Hello, World");
}

QByteArray HttpHelloServer::correctResponse()
{
    const QByteArray body = seedBody();
    return QByteArrayLiteral("HTTP/1.1 200 OK\r\n"
                             "Content-Type: text/plain; charset=utf-8\r\n"
                             "Content-Length: ")
        + QByteArray::number(body.size())
        + QByteArrayLiteral("\r\n"
                            "Connection: close\r\n"
                            "\r\n")
        + body;
}

HttpHelloServer::HttpHelloServer(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : SocketProgram(Side::Server, timeline, inferrer, parent)
{
    reset();
}

HttpHelloServer::~HttpHelloServer() = default;

void HttpHelloServer::setConfig(const Config &config)
{
    m_config = config;
    emit changed();
}

QStringList HttpHelloServer::stepNames() const
{
    return { QStringLiteral("socket()"), QStringLiteral("setsockopt(SO_REUSEADDR)"),
        QStringLiteral("bind()"), QStringLiteral("listen(%1)").arg(m_config.backlog),
        QStringLiteral("accept()"), QStringLiteral("recv(%1)").arg(m_config.bufsize),
        QStringLiteral("send(b'HTTP/1.1 200 OK\\r\\n\\r\\n')"),
        QStringLiteral("send(b'Hello, World')"), QStringLiteral("sendall()"),
        QStringLiteral("close()") };
}

TcpState HttpHelloServer::listenerState() const
{
    return m_listenerWatch ? m_listenerWatch->state() : TcpState::Closed;
}

QList<QByteArray> HttpHelloServer::requests() const
{
    QList<QByteArray> out;
    for (const Conn &c : m_conns)
        out << c.request;
    return out;
}

TcpState HttpHelloServer::endpointState() const
{
    if (!m_conns.isEmpty()) {
        const TcpState s = m_conns.last().watch->state();
        // A finished connection gives way to a listener still waiting for the next client.
        if (!(s == TcpState::Closed && listenerState() == TcpState::Listen))
            return s;
    }
    const TcpState l = listenerState();
    return l == TcpState::Unknown ? TcpState::Closed : l;
}

bool HttpHelloServer::isSettled() const
{
    for (const Conn &c : m_conns) {
        const TcpState s = c.watch->state();
        if (s != TcpState::TimeWait && s != TcpState::Closed)
            return false;
    }
    return true;
}

void HttpHelloServer::reset()
{
    for (Conn &c : m_conns) {
        c.watch->stop();
        c.watch->deleteLater();
        if (c.socket)
            c.socket->deleteLater();
    }
    m_conns.clear();
    m_queued.clear();
    if (m_listenerWatch) {
        m_listenerWatch->stop();
        m_listenerWatch->deleteLater();
    }
    if (m_listener) {
        m_listener->close();
        m_listener->deleteLater();
    }
    m_listener = new NativeSocket(this);
    m_listenerWatch = new StateWatch(this);
    followWatch(m_listenerWatch, kListener);
    connect(m_listenerWatch, &StateWatch::queueChanged, this, [this](int queued) {
        if (queued > 0)
            discoverQueued();
    });
    m_bound = {};
    m_step = Socket;
    m_waiting = false;
    m_running = false;
    m_lastFailure = {};
    emit changed();
}

void HttpHelloServer::closeCurrent()
{
    if (m_conns.isEmpty())
        return;
    Conn &c = m_conns.last();
    if (c.socket && c.socket->isOpen())
        closeConnected(c.socket, c.watch, kConn, c.local, c.remote, *c.bytesRead);
}

void HttpHelloServer::stop()
{
    if (!m_listener->isOpen())
        return;
    // Closing our own sockets ends a waiting accept() or recv(); that is the stop, not a failure.
    m_stopping = true;
    if (m_step > Accept)
        closeCurrent();
    const CallResult r = m_listener->close();
    m_stopping = false;
    recordReturn(r, kListener);
    m_listenerWatch->poll();
    m_step = Socket;
    m_waiting = false;
    m_running = false;
    auto *fresh = new NativeSocket(this);
    m_listener->deleteLater();
    m_listener = fresh;
    emit changed();
}

void HttpHelloServer::dropConnection()
{
    if (m_conns.isEmpty() || m_step < Recv || m_waiting)
        return;
    closeCurrent();
    m_lastFailure = {};
    m_step = m_listener->isOpen() ? Accept : Socket;
    emit changed();
}

void HttpHelloServer::discoverQueued()
{
    if (!m_bound.isValid() || listenerState() != TcpState::Listen)
        return;
    for (const KernelConnection &k : KernelState::connectionsOn(m_bound)) {
        if (k.state != TcpState::Established && k.state != TcpState::CloseWait)
            continue; // TIME-WAIT of an earlier client, or one being closed
        const QString key = k.remote.toString();
        if (m_queued.contains(key))
            continue;
        bool accepted = false;
        for (const Conn &c : std::as_const(m_conns))
            accepted = accepted || (c.remote == k.remote && c.socket && c.socket->isOpen());
        if (accepted)
            continue;
        // The kernel finished the handshake on its own (listen(2)): the
        // connection waits in the accept queue until accept() takes it.
        const auto hs = m_inferrer->handshake(k.remote, k.local, -1);
        recordState(kConn, TcpState::Listen, TcpState::SynReceived, EventSource::Inferred,
            m_inferrer->streamOf(Side::Server, k.local, k.remote), hs.synUs);
        recordTransition(
            kConn, k.local, k.remote, TcpState::SynReceived, k.state, EventSource::Kernel);
        m_queued.insert(key, k.state);
        emit changed();
    }
}

bool HttpHelloServer::completesRun(int from, int next) const
{
    return next < 0 || from == CloseConn;
}

void HttpHelloServer::runStep(int index)
{
    const int family = m_config.host.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
    switch (Step(index)) {
    case Socket: {
        if (m_listener->isOpen()) {
            m_listener->deleteLater();
            m_listener = new NativeSocket(this);
        }
        const CallResult r = m_listener->socket(family, SOCK_STREAM);
        recordReturn(r, kListener);
        if (r.ok())
            m_listenerWatch->watch(m_listener);
        finishStep(r, m_config.reuseAddress ? SetReuseAddr : Bind);
        break;
    }
    case SetReuseAddr: {
        const CallResult r = m_listener->setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
        recordReturn(r, kListener);
        finishStep(r, Bind);
        break;
    }
    case Bind: {
        const CallResult r = m_listener->bind(m_config.host, m_config.port);
        recordReturn(r, kListener);
        if (r.ok())
            m_bound = m_listener->localAddress();
        finishStep(r, Listen);
        break;
    }
    case Listen: {
        const CallResult r = m_listener->listen(m_config.backlog);
        recordReturn(r, kListener);
        m_listenerWatch->poll();
        if (r.ok())
            emit listening(m_bound);
        finishStep(r, Accept);
        break;
    }
    case Accept: {
        const qint64 t0 = m_timeline->nowUs();
        const CallResult r = m_listener->accept();
        recordStart(r, kListener, t0);
        whenDone(m_listener, r, [this, t0](const CallResult &res) { onAccepted(res, t0); });
        break;
    }
    case Recv: {
        const Conn &c = m_conns.last();
        int bufsize = m_config.bufsize;
        if (m_config.correct) // never read past the limit
            bufsize = qBound(1, m_config.maxRequest - int(c.request.size()), bufsize);
        NativeSocket *s = c.socket;
        const qint64 t0 = m_timeline->nowUs();
        const CallResult r = s->recv(bufsize);
        recordStart(r, kConn, t0);
        whenDone(s, r, [this, s, t0](const CallResult &res) {
            Conn &cc = m_conns.last();
            recordReceived(s, cc.watch, kConn, cc.local, cc.remote, *cc.bytesRead, res, t0);
            cc.watch->poll();
            onReceived(res);
        });
        break;
    }
    case SendStatus: {
        const qint64 t0 = m_timeline->nowUs();
        sendStep(m_conns.last().socket->send(seedStatus()), t0, SendBody);
        break;
    }
    case SendBody: {
        const qint64 t0 = m_timeline->nowUs();
        sendStep(m_conns.last().socket->send(seedBody()), t0, CloseConn);
        break;
    }
    case SendAll: {
        const qint64 t0 = m_timeline->nowUs();
        sendStep(m_conns.last().socket->sendall(correctResponse()), t0, CloseConn);
        break;
    }
    case CloseConn: {
        Conn &c = m_conns.last();
        const CallResult r
            = closeConnected(c.socket, c.watch, kConn, c.local, c.remote, *c.bytesRead);
        finishStep(r, m_config.serveForever ? Accept : -1);
        break;
    }
    case StepCount:
        break;
    }
}

void HttpHelloServer::onReceived(const CallResult &res)
{
    if (res.failed()) {
        finishStep(res, Recv);
        return;
    }
    Conn &c = m_conns.last();
    c.request += res.data;
    if (!m_config.correct) {
        // The seed reads once, whatever the request's length.
        emit requestReceived(c.request);
        finishStep(res, SendStatus);
        return;
    }
    if (c.request.contains(kBlankLine)) {
        emit requestReceived(c.request);
        finishStep(res, SendAll);
    } else if (res.data.isEmpty()) {
        recordNote(QT_TRANSLATE_NOOP("Note",
            "the client closed before the blank line that ends its request: no "
            "answer, the server closes"));
        finishStep(res, CloseConn);
    } else if (c.request.size() >= m_config.maxRequest) {
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "no blank line in the first %1 bytes: the request is too long, the "
                       "server gives up and closes without answering"),
            { QString::number(m_config.maxRequest) });
        finishStep(res, CloseConn);
    } else {
        finishStep(res, Recv); // the blank line has not come yet: read on
    }
}

void HttpHelloServer::sendStep(const CallResult &r, qint64 t0, int next)
{
    recordStart(r, kConn, t0);
    whenDone(m_conns.last().socket, r, [this, t0, next](const CallResult &res) {
        const Conn &cc = m_conns.last();
        if (res.ok()) {
            // send() may take fewer bytes than offered; sendall() takes all.
            const qint64 taken
                = res.call == QLatin1String("send") ? res.value.toLongLong() : res.payload.size();
            m_inferrer->dataSent(Side::Server, cc.local, cc.remote, taken, t0);
        } else {
            cc.watch->poll(); // a reset shows before the error it caused
        }
        recordReturn(res, kConn);
        finishStep(res, next);
    });
}

void HttpHelloServer::onAccepted(const CallResult &r, qint64 t0)
{
    if (m_stopping)
        return;
    if (!r.ok()) {
        recordReturn(r, kListener);
        finishStep(r, Accept);
        return;
    }
    NativeSocket *s = r.accepted;
    s->setParent(this);
    Conn c;
    c.socket = s;
    c.watch = new StateWatch(this);
    c.local = s->localAddress();
    c.remote = r.addr;
    const auto queued = m_queued.constFind(c.remote.toString());
    if (queued != m_queued.cend()) {
        c.watch->assume(*queued);
        m_queued.erase(queued);
    } else {
        // The kernel completed the handshake before accept() could return (listen(2)).
        const auto hs = m_inferrer->handshake(c.remote, c.local, t0);
        recordState(kConn, TcpState::Listen, TcpState::SynReceived, EventSource::Inferred,
            m_inferrer->streamOf(Side::Server, c.local, c.remote), hs.synUs >= 0 ? hs.synUs : -1);
        c.watch->assume(TcpState::SynReceived);
    }
    followWatch(c.watch, kConn, [socket = c.socket, read = c.bytesRead] {
        return *read + (socket ? socket->unreadBytes() : 0);
    });
    m_conns.append(c);
    c.watch->watch(s);
    m_listenerWatch->poll();
    recordReturn(r, kListener);
    finishStep(r, Recv);
}
