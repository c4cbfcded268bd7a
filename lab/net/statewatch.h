#pragma once

#include "kernelstate.h"

#include <QObject>
#include <QPointer>

class NativeSocket;
class QTimer;

/**
 * Follows one TCP endpoint's state as the kernel reports it.
 *
 * While the socket is open: getsockopt(TCP_INFO) on every socket event
 * (NativeSocket::activity) and on a timer — every 10 ms while the state is
 * transient (tcpStateIsTransient) or LISTEN (the accept queue), every 50 ms otherwise, so a peer's
 * FIN (ESTABLISHED → CLOSE-WAIT) is seen even when nobody reads. After close(): the connection
 * lives on in the kernel without an fd, so it is followed through NETLINK_SOCK_DIAG by its address
 * pair, every 10 ms, then every second in TIME-WAIT, until the kernel forgets it (CLOSED) — see
 * PLATFORM-NOTES 9 and 10.
 *
 * Emits facts only: stateChanged(from, to) and, for listeners,
 * queueChanged(queued, backlog).
 */
class StateWatch : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateWatch)

public:
    explicit StateWatch(QObject *parent = nullptr);

    /** Starts following @p socket; its current state is read at once, silently. */
    void watch(NativeSocket *socket);
    /**
     * Sets the last known state without an event: used when a state was
     * inferred (SYN-SENT at connect) so the next kernel reading is a change from it.
     */
    void assume(TcpState s) { m_state = s; }
    /**
     * The address pair of the connection being made, before the kernel can
     * tell it (connect() in progress, or refused).
     */
    void expect(const SockAddr &local, const SockAddr &remote)
    {
        m_local = local;
        m_remote = remote;
    }
    /** Reads the kernel now (also what the timer does). */
    void poll();
    /** Stops reading. */
    void stop();

    TcpState state() const { return m_state; }
    /** True while the timer runs. */
    bool isActive() const;
    int acceptQueue() const { return m_queue; }
    int backlog() const { return m_backlog; }
    SockAddr local() const { return m_local; }
    SockAddr remote() const { return m_remote; }

signals:
    void stateChanged(TcpState from, TcpState to);
    void queueChanged(int queued, int backlog);

private:
    void setState(TcpState s);
    void schedule();

    QPointer<NativeSocket> m_socket;
    QTimer *m_timer = nullptr;
    TcpState m_state = TcpState::Unknown;
    SockAddr m_local;
    SockAddr m_remote;
    bool m_everConnected = false;
    int m_queue = -1;
    int m_backlog = -1;
};
