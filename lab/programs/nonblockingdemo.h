#pragma once

#include "scripteddemo.h"

#include <QByteArray>

/**
 * Blocking, non-blocking and timeouts (`--demo nonblocking`), on a loopback
 * pair:
 *
 *     sk.setblocking(False); sk.accept()   # 1: BlockingIOError, EAGAIN (11) at once
 *     conn.setblocking(False); conn.recv(1024)   # 2: EAGAIN at once, nothing arrived
 *     conn.settimeout(0.2); conn.recv(1024)      # 3: socket.timeout after 0.2 s
 *     conn.recv(1024)  # 4: waits; the client's sendall("你好") makes it return b'你好'
 */
class NonblockingDemo : public ScriptedDemo
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NonblockingDemo)

public:
    /** Part 3's settimeout(), in seconds. */
    static constexpr double kTimeout = 0.2;

    NonblockingDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);

    /** What the client sends in part 4. */
    static QByteArray message();

    /** How long part 3's recv() waited before it timed out, in microseconds. */
    qint64 timeoutWaitedUs() const { return m_timeoutWaitedUs; }
    /** What part 4's recv() returned. */
    QByteArray lastRecv() const { return m_lastRecv; }

protected:
    void run() override;

private:
    /** True when @p r failed with EAGAIN; otherwise the demo fails. */
    bool expectWouldBlock(const CallResult &r);
    void partTwo();
    void partThree();
    void partFour();

    qint64 m_timeoutWaitedUs = -1;
    QByteArray m_lastRecv;
};
