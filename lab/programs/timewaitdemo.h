#pragma once

#include "scripteddemo.h"

/**
 * Restarting a server while its old connection sits in TIME-WAIT (`--demo
 * time-wait-restart`). Twice, each time on an ephemeral port picked at the
 * start (bind to port 0, remembered):
 *
 *     sk.bind(("127.0.0.1", 0)); sk.listen(1); conn, addr = sk.accept()
 *     conn.close(); client.close(); sk.close()   # the server closed first: TIME-WAIT
 *     new = socket.socket(); new.bind(("127.0.0.1", port))
 *
 * Part 1 without SO_REUSEADDR: bind() fails with EADDRINUSE (98). Part 2
 * with SO_REUSEADDR on the old and the new listener: bind() succeeds.
 * Measured on Linux 6.18: only both set works (PLATFORM-NOTES 21).
 */
class TimeWaitDemo : public ScriptedDemo
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeWaitDemo)

public:
    TimeWaitDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);

    /** The new listener's bind() in part 1 (without) and part 2 (with SO_REUSEADDR). */
    CallResult rebindWithout() const { return m_rebind[0]; }
    CallResult rebindWith() const { return m_rebind[1]; }
    /** The ports the two parts used. */
    quint16 portOf(int part) const { return m_ports[part]; }
    /** Whether the server's side was seen in TIME-WAIT before each rebind. */
    bool sawTimeWait(int part) const { return m_sawTimeWait[part]; }

protected:
    void run() override;
    /** The restarted server's listener is "new-listener". */
    QString nameOf(NativeSocket *socket) const override;

private:
    /** One part: @p reuse sets SO_REUSEADDR on both listeners. */
    void part(bool reuse, std::function<void()> next);
    /** socket(), [setsockopt(SO_REUSEADDR)], bind() on the listener; false on failure. */
    CallResult openSocket(NativeSocket *socket, bool reuse, quint16 port);

    NativeSocket *m_again = nullptr;
    CallResult m_rebind[2];
    quint16 m_ports[2] = { 0, 0 };
    bool m_sawTimeWait[2] = { false, false };
};
