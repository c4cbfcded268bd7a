#include "tcpserverprogram.h"

#include "net/kernelstate.h"
#include "net/nativesocket.h"
#include "net/statewatch.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

#include <sys/socket.h>

TcpServerProgram::TcpServerProgram(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : SocketProgram(Side::Server, timeline, inferrer, parent)
{
}

TcpServerProgram::~TcpServerProgram() = default;

TcpState TcpServerProgram::listenerState() const
{
    return m_listenerWatch ? m_listenerWatch->state() : TcpState::Closed;
}

int TcpServerProgram::acceptQueue() const
{
    return m_listenerWatch ? m_listenerWatch->acceptQueue() : -1;
}

int TcpServerProgram::acceptBacklog() const
{
    return m_listenerWatch ? m_listenerWatch->backlog() : -1;
}

TcpState TcpServerProgram::endpointState() const
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

bool TcpServerProgram::isSettled() const
{
    for (const Connection &c : m_conns) {
        const TcpState s = c.watch->state();
        if (s != TcpState::TimeWait && s != TcpState::Closed)
            return false;
    }
    return true;
}

void TcpServerProgram::reset()
{
    for (Connection &c : m_conns) {
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
    connect(
        m_listenerWatch, &StateWatch::queueChanged, this, &TcpServerProgram::acceptQueueChanged);
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

void TcpServerProgram::closeCurrent()
{
    if (m_conns.isEmpty())
        return;
    Connection &c = m_conns.last();
    if (c.socket && c.socket->isOpen())
        closeConnected(c.socket, c.watch, kConn, c.local, c.remote, *c.bytesRead);
}

void TcpServerProgram::stop()
{
    if (!m_listener->isOpen())
        return;
    // Closing our own sockets ends a waiting accept() or recv(); that is the stop, not a failure.
    m_stopping = true;
    if (m_step > Accept)
        closeCurrent(); // a client still connected gets its FIN
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

void TcpServerProgram::dropConnection()
{
    if (m_conns.isEmpty() || m_step < Recv || m_waiting)
        return;
    closeCurrent();
    m_lastFailure = {};
    m_step = m_listener->isOpen() ? Accept : Socket;
    emit changed();
}

void TcpServerProgram::discoverQueued()
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
        for (const Connection &c : std::as_const(m_conns))
            accepted = accepted || (c.remote == k.remote && c.socket && c.socket->isOpen());
        if (accepted)
            continue;
        // The kernel finished the handshake on its own (listen(2)): the
        // connection waits in the accept queue until accept() takes it.
        const auto hs = m_inferrer->handshake(k.remote, k.local, -1);
        recordState(kConn, TcpState::Listen, TcpState::SynReceived, EventSource::Inferred,
            m_inferrer->streamOf(Side::Server, k.local, k.remote), hs.synUs, k.local, k.remote);
        recordTransition(
            kConn, k.local, k.remote, TcpState::SynReceived, k.state, EventSource::Kernel);
        m_queued.insert(key, k.state);
        // Busy with an earlier client (blocked in recv(), say): this one waits.
        const Connection *busy = m_conns.isEmpty() ? nullptr : &m_conns.constLast();
        if (m_waiting && m_step >= Recv && busy && busy->socket && busy->socket->isOpen()) {
            recordNote(QT_TRANSLATE_NOOP("Note",
                           "%1 completed its handshake, but the server is still in a call on the "
                           "connection from %2: it serves one connection at a time, so %1 waits "
                           "in the accept queue until that one is done. A client that connects "
                           "and sends nothing stalls every client behind it."),
                { k.remote.toString(), busy->remote.toString() });
        }
        emit changed();
    }
}

QStringList TcpServerProgram::listenerStepNames(int backlog)
{
    return { QStringLiteral("socket()"), QStringLiteral("setsockopt(SO_REUSEADDR)"),
        QStringLiteral("bind()"), QStringLiteral("listen(%1)").arg(backlog),
        QStringLiteral("accept()") };
}

void TcpServerProgram::runListenerStep(int index, const ListenSpec &spec)
{
    switch (ServerStep(index)) {
    case Socket: {
        if (m_listener->isOpen()) {
            // Started over after stop(): a fresh socket object.
            m_listener->deleteLater();
            m_listener = new NativeSocket(this);
        }
        const int family = spec.host.contains(QLatin1Char(':')) ? AF_INET6 : AF_INET;
        const CallResult r = m_listener->socket(family, SOCK_STREAM);
        recordReturn(r, kListener);
        if (r.ok())
            m_listenerWatch->watch(m_listener);
        finishStep(r, spec.reuseAddress ? SetReuseAddr : Bind);
        break;
    }
    case SetReuseAddr: {
        const CallResult r = m_listener->setsockopt(SOL_SOCKET, SO_REUSEADDR, 1);
        recordReturn(r, kListener);
        finishStep(r, Bind);
        break;
    }
    case Bind: {
        const CallResult r = m_listener->bind(spec.host, spec.port);
        recordReturn(r, kListener);
        if (r.ok())
            m_bound = m_listener->localAddress();
        finishStep(r, Listen);
        break;
    }
    case Listen: {
        const CallResult r = m_listener->listen(spec.backlog);
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
    case Recv:
        Q_ASSERT_X(false, "TcpServerProgram::runListenerStep", "recv() is the subclass's step");
        break;
    }
}

void TcpServerProgram::runCloseStep(int next)
{
    Connection &c = m_conns.last();
    const CallResult r = closeConnected(c.socket, c.watch, kConn, c.local, c.remote, *c.bytesRead);
    finishStep(r, next);
}

void TcpServerProgram::onAccepted(const CallResult &r, qint64 t0)
{
    if (m_stopping)
        return; // stop() closed the listener under a waiting accept()
    if (!r.ok()) {
        recordReturn(r, kListener);
        finishStep(r, Accept);
        return;
    }
    NativeSocket *s = r.accepted;
    s->setParent(this);
    Connection c;
    c.socket = s;
    c.watch = new StateWatch(this);
    c.local = s->localAddress();
    c.remote = r.addr;
    const auto queued = m_queued.constFind(c.remote.toString());
    if (queued != m_queued.cend()) {
        // Already shown while it waited in the accept queue.
        c.watch->assume(*queued);
        m_queued.erase(queued);
    } else {
        // The kernel completed the handshake before accept() could return (listen(2)).
        const auto hs = m_inferrer->handshake(c.remote, c.local, t0);
        recordState(kConn, TcpState::Listen, TcpState::SynReceived, EventSource::Inferred,
            m_inferrer->streamOf(Side::Server, c.local, c.remote), hs.synUs >= 0 ? hs.synUs : -1,
            c.local, c.remote);
        c.watch->assume(TcpState::SynReceived);
    }
    followWatch(c.watch, kConn, [socket = c.socket, read = c.bytesRead] {
        return *read + (socket ? socket->unreadBytes() : 0);
    });
    m_conns.append(c);
    c.watch->watch(s);
    connectionAccepted();
    m_listenerWatch->poll();
    recordReturn(r, kListener);
    finishStep(r, Recv);
}
