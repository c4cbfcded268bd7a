#pragma once

#include "scripteddemo.h"

#include <QByteArray>

/**
 * How a connection ends, seen by recv() (`--demo eof-and-reset`), on two
 * loopback pairs:
 *
 *     conn.close(); client.recv(1024)    # a: b'' — EOF (the peer's FIN), not an error
 *     client.sendall(b"unread")          # b: the server never reads these bytes …
 *     conn.close()                       # … so its close() sends RST, not FIN,
 *     client.recv(1024)                  # and recv() fails: ECONNRESET (104)
 *
 * Measured on Linux 6.18 (PLATFORM-NOTES 22).
 */
class EofResetDemo : public ScriptedDemo
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EofResetDemo)

public:
    EofResetDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);

    /** What part b's client sends and the server never reads. */
    static QByteArray unread();

    /** Whether part a's recv() returned b'' (EOF). */
    bool sawEof() const { return m_sawEof; }
    /** The errno of part b's recv() (ECONNRESET expected), 0 when it did not fail. */
    int resetErrno() const { return m_resetErrno; }

protected:
    void run() override;

private:
    void partA();
    void partB();
    void partBClose();
    /** recv(@p bufsize) on @p socket, recording start and return only (no data inference). */
    void plainRecv(NativeSocket *socket, int bufsize, std::function<void(const CallResult &)> then);

    bool m_sawEof = false;
    int m_resetErrno = 0;
};
