#pragma once

#include "scripteddemo.h"

#include <QList>

/**
 * listen(1) and nobody calling accept() (`--demo listen-backlog`):
 *
 *     sk.listen(1)                          # and no accept()
 *     for c in (c1, c2, c3): c.connect(("127.0.0.1", port))
 *
 * Linux completes backlog + 1 = 2 handshakes into the accept queue; the 3rd
 * client's SYN is dropped, not refused: after 500 ms its connect() has
 * neither succeeded nor failed (it retransmits SYNs, PLATFORM-NOTES 19/20).
 * TCP_INFO on the listener shows the queue: 2 waiting, backlog 1.
 */
class BacklogDemo : public ScriptedDemo
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BacklogDemo)

public:
    static constexpr int kClients = 3;
    /** How long the demo watches the clients, in milliseconds. */
    static constexpr int kWaitMs = 500;

    BacklogDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);

    /** Clients whose connect() returned successfully / still pending after kWaitMs. */
    int connected() const { return m_connected; }
    int pending() const { return m_pendingAtEnd; }
    /** Clients whose connect() failed within kWaitMs (none expected). */
    int refused() const { return m_failed; }
    /** TCP_INFO on the listener after kWaitMs: accept queue and backlog (-1: unread). */
    int acceptQueue() const { return m_acceptQueue; }
    int backlog() const { return m_backlog; }

protected:
    void run() override;
    /** The clients are "client1" … "client3". */
    QString nameOf(NativeSocket *socket) const override;
    Side sideOf(NativeSocket *socket) const override;

private:
    void watched();

    QList<NativeSocket *> m_clients;
    QList<SockAddr> m_clientAddrs;
    bool m_closing = false;
    int m_connected = 0;
    int m_failed = 0;
    int m_pendingAtEnd = 0;
    int m_acceptQueue = -1;
    int m_backlog = -1;
};
