#include "socketprogram.h"

#include "net/callevent.h"
#include "net/nativesocket.h"
#include "net/statewatch.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

#include <QTimer>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

// The source address the kernel would use to reach @p to: connect(2) on a
// UDP socket only looks up the route, it sends nothing.
SockAddr routeSource(const SockAddr &from, const SockAddr &to)
{
    socklen_t len = 0;
    int gai = 0;
    const auto dst = SockAddr::toNative(to.family, to.host, to.port, &len, &gai);
    if (!dst)
        return from;
    const int fd = ::socket(to.family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return from;
    SockAddr out = from;
    sockaddr_storage ss {};
    socklen_t sl = sizeof ss;
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&*dst), len) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&ss), &sl) == 0) {
        if (const auto a = SockAddr::fromNative(reinterpret_cast<sockaddr *>(&ss), sl))
            out.host = a->host;
    }
    ::close(fd);
    return out;
}

bool isWildcard(const SockAddr &a)
{
    return a.host.isEmpty() || a.host == QLatin1String("0.0.0.0") || a.host == QLatin1String("::");
}

} // namespace

SocketProgram::SocketProgram(
    Side side, Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : QObject(parent)
    , m_timeline(timeline)
    , m_inferrer(inferrer)
    , m_side(side)
{
}

void SocketProgram::step()
{
    if (m_waiting || m_step < 0)
        return;
    m_lastFailure = {};
    runStep(m_step);
}

void SocketProgram::runToEnd()
{
    if (m_running || m_step < 0)
        return;
    m_running = true;
    emit changed();
    if (!m_waiting)
        step();
}

void SocketProgram::finishStep(const CallResult &r, int next)
{
    m_waiting = false;
    const int from = m_step;
    if (r.failed()) {
        m_lastFailure = r;
        emit callFailed(r);
        if (m_running) {
            m_running = false;
            emit runFinished();
        }
        emit changed();
        return;
    }
    m_step = next;
    const bool runDone = completesRun(from, next);
    emit changed();
    if (next < 0)
        emit ended();
    if (m_running) {
        if (runDone || next < 0) {
            m_running = false;
            emit changed();
            emit runFinished();
        } else {
            // Let the event loop breathe between calls, so kernel readings interleave.
            QTimer::singleShot(0, this, [this] {
                if (m_running)
                    step();
            });
        }
    }
}

void SocketProgram::await(NativeSocket *socket, std::function<void(const CallResult &)> handler)
{
    m_waiting = true;
    auto conn = std::make_shared<QMetaObject::Connection>();
    *conn = connect(
        socket, &NativeSocket::finished, this, [this, conn, handler](const CallResult &r) {
            disconnect(*conn);
            if (m_stopping) {
                m_waiting = false; // our own close() ended the call: not the program's failure
                return;
            }
            handler(r);
        });
    emit changed();
}

void SocketProgram::whenDone(
    NativeSocket *socket, const CallResult &r, std::function<void(const CallResult &)> handler)
{
    if (r.pending)
        await(socket, std::move(handler));
    else
        handler(r);
}

LabEvent SocketProgram::callEvent(const CallResult &r, const QString &socket, CallPhase phase) const
{
    return ::callEvent(r, m_side, socket, phase, m_textEncoding);
}

void SocketProgram::recordStart(const CallResult &r, const QString &socket, qint64 tUs)
{
    m_timeline->append(callStartEvent(r, m_side, socket, tUs, m_textEncoding));
}

void SocketProgram::recordReturn(const CallResult &r, const QString &socket)
{
    m_timeline->append(callReturnEvent(r, m_side, socket, m_textEncoding));
}

void SocketProgram::recordData(const QByteArray &bytes, const QString &socket)
{
    LabEvent e = receivedDataEvent(bytes, m_side, socket, m_textEncoding);
    if (isDatagram())
        e.call = QStringLiteral("recvfrom"); // one datagram; b"" is an empty one, not EOF
    m_timeline->append(e);
}

void SocketProgram::recordDatagram(const SockAddr &from, const SockAddr &to,
    const QByteArray &bytes, const QString &socket, qint64 tUs)
{
    LabEvent e;
    e.tUs = tUs;
    e.side = m_side;
    e.kind = EventKind::Datagram;
    e.source = EventSource::Inferred;
    e.socket = socket;
    e.src = (isWildcard(from) ? routeSource(from, to) : from).toString();
    e.dst = to.toString();
    e.len = bytes.size();
    e.bytes = bytes;
    e.encoding = m_textEncoding;
    m_timeline->append(e);
}

void SocketProgram::recordArrivedDatagram(
    const CallResult &r, const SockAddr &local, const QString &socket)
{
    const qint64 size = r.datagramSize >= 0 ? r.datagramSize : r.data.size();
    // Was it sent by a program of the lab? Then its sendto() drew it already.
    bool drawn = false;
    constexpr int kLookBack = 200; // events: a datagram is received soon after it is sent
    for (int i = m_timeline->size() - 1; i >= 0 && i >= m_timeline->size() - kLookBack; --i) {
        const LabEvent &e = m_timeline->at(i);
        if (e.kind == EventKind::Datagram && e.src == r.addr.toString() && e.len == size
            && e.dst.endsWith(QStringLiteral(":%1").arg(local.port))) {
            drawn = true;
            break;
        }
    }
    if (!drawn) {
        LabEvent e;
        e.side = m_side == Side::Client ? Side::Server : Side::Client; // the peer sent it
        e.kind = EventKind::Datagram;
        e.source = EventSource::Inferred;
        e.socket = socket;
        e.src = r.addr.toString();
        e.dst = (isWildcard(local) ? routeSource(local, r.addr) : local).toString();
        e.len = size;
        e.bytes = r.data;
        e.encoding = m_textEncoding;
        m_timeline->append(e);
    }
    if (size > r.data.size()) {
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "The datagram had %1 bytes; recvfrom(%2) returned the first %3 and the "
                       "kernel discarded the other %4. UDP keeps no rest for the next call: size "
                       "the buffer for the largest datagram."),
            { QString::number(size), QString::number(r.data.size()), QString::number(r.data.size()),
                QString::number(size - r.data.size()) });
    }
}

void SocketProgram::recordState(const QString &socket, TcpState from, TcpState to,
    EventSource source, int stream, qint64 tUs, const SockAddr &local, const SockAddr &remote)
{
    LabEvent e;
    e.tUs = tUs;
    e.side = m_side;
    e.kind = EventKind::State;
    e.source = source;
    e.socket = socket;
    e.from = from;
    e.to = to;
    e.stream = stream;
    if (m_inferrer)
        m_inferrer->appendState(m_side, local, remote, std::move(e));
    else
        m_timeline->append(std::move(e));
}

void SocketProgram::recordNote(const char *key, const QStringList &args)
{
    m_timeline->append(noteEvent(key, args, m_side));
}

void SocketProgram::followWatch(
    StateWatch *watch, const QString &socket, std::function<qint64()> arrived)
{
    connect(watch, &StateWatch::stateChanged, this,
        [this, watch, socket, arrived](TcpState from, TcpState to) {
            // The peer's FIN comes after its data: show that data first.
            const bool peerFin = to == TcpState::CloseWait || to == TcpState::Closing
                || to == TcpState::TimeWait || to == TcpState::Closed;
            if (peerFin && arrived)
                m_inferrer->dataArrived(m_side, watch->local(), watch->remote(), arrived(), -1);
            recordTransition(
                socket, watch->local(), watch->remote(), from, to, EventSource::Kernel);
            emit changed();
        });
}

void SocketProgram::recordTransition(const QString &socket, const SockAddr &local,
    const SockAddr &remote, TcpState from, TcpState to, EventSource source)
{
    // States passed between two readings are on the timeline too, as inferred
    // (LAST-ACK lasts microseconds on loopback).
    TcpState prev = from;
    QList<TcpState> steps = tcpStatesBetween(from, to);
    steps.append(to);
    for (int i = 0; i < steps.size(); ++i) {
        const TcpState next = steps.at(i);
        m_inferrer->stateObserved(m_side, local, remote, prev, next);
        recordState(socket, prev, next, i + 1 < steps.size() ? EventSource::Inferred : source,
            m_inferrer->streamOf(m_side, local, remote), -1, local, remote);
        m_inferrer->stateRecorded(m_side, local, remote, prev, next);
        prev = next;
    }
}

void SocketProgram::recordReceived(NativeSocket *s, StateWatch *watch, const QString &socket,
    const SockAddr &local, const SockAddr &remote, qint64 &bytesRead, const CallResult &res,
    qint64 t0)
{
    if (res.failed())
        watch->poll(); // a reset shows before the error it caused
    if (res.ok()) {
        bytesRead += res.data.size();
        m_inferrer->dataArrived(
            m_side, local, remote, bytesRead + s->unreadBytes(), t0, s->maxSegment());
    }
    recordReturn(res, socket);
    if (res.ok()) {
        recordData(res.data, socket);
        emit dataReceived(res.data);
    }
}

CallResult SocketProgram::closeConnected(NativeSocket *s, StateWatch *watch, const QString &socket,
    const SockAddr &local, const SockAddr &remote, qint64 bytesRead)
{
    // Read the kernel first: a FIN that already arrived means CLOSE-WAIT.
    watch->poll();
    const int unread = s->unreadBytes();
    const int mss = s->maxSegment(); // while the socket is open
    const TcpState before = watch->state();
    const CallResult r = s->close();
    recordReturn(r, socket);
    if (unread > 0) {
        // Closing with unread data aborts: Linux sends RST instead of FIN
        // (RFC 9293 §3.10.4; RFC 2525 §2.17). The bytes had arrived: show them.
        m_inferrer->dataArrived(m_side, local, remote, bytesRead + unread, -1, mss);
        m_inferrer->resetSent(m_side, local, remote);
    } else if (before == TcpState::Established || before == TcpState::CloseWait) {
        m_inferrer->finSent(m_side, local, remote);
        if (before == TcpState::CloseWait) {
            // Our FIN puts us in LAST-ACK until its ACK comes back: microseconds
            // on loopback, too brief to read, so it is marked inferred.
            recordTransition(
                socket, local, remote, before, TcpState::LastAck, EventSource::Inferred);
            watch->assume(TcpState::LastAck);
        }
    }
    watch->poll();
    return r;
}
