#include "statewatch.h"

#include "nativesocket.h"

#include <QTimer>

StateWatch::StateWatch(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &StateWatch::poll);
}

void StateWatch::watch(NativeSocket *socket)
{
    m_socket = socket;
    if (socket) {
        connect(socket, &NativeSocket::activity, this, &StateWatch::poll, Qt::QueuedConnection);
        if (auto k = KernelState::readTcpInfo(socket->fd()); k && m_state == TcpState::Unknown)
            m_state = k->state;
    }
    poll();
}

bool StateWatch::isActive() const
{
    return m_timer->isActive();
}

void StateWatch::stop()
{
    m_timer->stop();
    if (m_socket)
        disconnect(m_socket, nullptr, this, nullptr);
    m_socket = nullptr;
}

void StateWatch::setState(TcpState s)
{
    if (s == TcpState::Unknown)
        return;
    // Also when unchanged: watch() reads an already connected socket silently,
    // and it must still be followed by address pair after close().
    if (s != TcpState::Closed && s != TcpState::Listen)
        m_everConnected = true;
    if (s == m_state)
        return;
    const TcpState from = m_state;
    m_state = s;
    if (from == TcpState::Unknown && s == TcpState::Closed)
        return; // a new socket: nothing to tell
    emit stateChanged(from, s);
}

void StateWatch::poll()
{
    const bool open = m_socket && m_socket->isOpen();
    if (open) {
        // Remember the address pair while the fd can still tell it.
        if (!m_remote.isValid()) {
            const SockAddr peer = m_socket->peerAddress();
            if (peer.isValid()) {
                m_remote = peer;
                m_local = m_socket->localAddress();
            }
        }
        const auto k = KernelState::readTcpInfo(m_socket->fd());
        if (k) {
            TcpState s = k->state;
            if (s == TcpState::Closed && m_remote.isValid() && m_everConnected) {
                // The fd says CLOSE once its connection is in TIME-WAIT (PLATFORM-NOTES 10).
                if (auto d = KernelState::lookupConnection(m_local, m_remote))
                    s = *d;
            }
            setState(s);
            if (k->state == TcpState::Listen
                && (k->acceptQueue != m_queue || k->backlog != m_backlog)) {
                m_queue = k->acceptQueue;
                m_backlog = k->backlog;
                emit queueChanged(m_queue, m_backlog);
            }
        }
    } else if (m_remote.isValid() && m_everConnected) {
        if (auto d = KernelState::lookupConnection(m_local, m_remote))
            setState(*d);
    } else if (m_state == TcpState::Listen || m_state == TcpState::Unknown) {
        setState(TcpState::Closed);
    }
    schedule();
}

void StateWatch::schedule()
{
    const bool open = m_socket && m_socket->isOpen();
    if (!open
        && (!m_remote.isValid() || m_state == TcpState::Closed || m_state == TcpState::Unknown)) {
        m_timer->stop();
        return;
    }
    if (open && (m_state == TcpState::Closed || m_state == TcpState::Unknown)) {
        // A socket not yet connected: socket events (connect, listen) trigger reads.
        m_timer->stop();
        return;
    }
    int interval = 50;
    // A listener too: a connection completed in its accept queue shows within 10 ms.
    if (tcpStateIsTransient(m_state) || m_state == TcpState::Listen)
        interval = 10;
    else if (m_state == TcpState::TimeWait)
        interval = 1000;
    m_timer->start(interval);
}
