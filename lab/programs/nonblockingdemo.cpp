#include "nonblockingdemo.h"

#include "net/nativesocket.h"
#include "timeline/timeline.h"

#include <QTimer>

#include <cerrno>

NonblockingDemo::NonblockingDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : ScriptedDemo(timeline, inferrer, parent)
{
}

QByteArray NonblockingDemo::message()
{
    return QStringLiteral("你好").toUtf8();
}

bool NonblockingDemo::expectWouldBlock(const CallResult &r)
{
    if (r.errorDomain == ErrorDomain::Errno && r.errnum == EAGAIN)
        return true;
    fail(r); // it waited or succeeded: not what this kernel should do
    return false;
}

void NonblockingDemo::run()
{
    m_timeoutWaitedUs = -1;
    m_lastRecv.clear();
    if (!openListener())
        return;
    // Part 1: a non-blocking accept() with nobody waiting in the accept queue.
    CallResult r = m_listener->setblocking(false);
    recordReturn(r, m_listener);
    const qint64 t0 = m_timeline->nowUs();
    r = m_listener->accept();
    recordStart(r, m_listener, t0);
    if (!r.pending)
        recordReturn(r, m_listener);
    if (!expectWouldBlock(r))
        return;
    recordNote(
        QT_TRANSLATE_NOOP("Note",
            "setblocking(False) on the listening socket: no client waits in the accept queue, so "
            "accept() does not wait. It fails at once with BlockingIOError, errno %1 (EAGAIN): "
            "try again later."),
        { QString::number(r.errnum) });
    r = m_listener->setblocking(true);
    recordReturn(r, m_listener);
    connectPair([this] { partTwo(); });
}

void NonblockingDemo::partTwo()
{
    // Part 2: a non-blocking recv() with nothing received.
    CallResult r = m_conn->setblocking(false);
    recordReturn(r, m_conn);
    const qint64 t0 = m_timeline->nowUs();
    r = m_conn->recv(1024);
    recordStart(r, m_conn, t0);
    if (!r.pending)
        recordReturn(r, m_conn);
    if (!expectWouldBlock(r))
        return;
    recordNote(
        QT_TRANSLATE_NOOP("Note",
            "setblocking(False) on the connection: nothing has arrived, so recv() fails at once "
            "with BlockingIOError, errno %1 (EAGAIN). A non-blocking program calls it again when "
            "select() or poll() reports the socket readable."),
        { QString::number(r.errnum) });
    partThree();
}

void NonblockingDemo::partThree()
{
    // Part 3: the same recv() with a timeout: it waits, but not forever.
    CallResult r = m_conn->settimeout(kTimeout);
    recordReturn(r, m_conn);
    const qint64 t0 = m_timeline->nowUs();
    r = m_conn->recv(1024);
    recordStart(r, m_conn, t0);
    whenDone(m_conn, r, [this, t0](const CallResult &res) {
        m_timeoutWaitedUs = m_timeline->nowUs() - t0;
        recordReturn(res, m_conn);
        if (res.errorDomain != ErrorDomain::Timeout) {
            fail(res);
            return;
        }
        recordNote(
            QT_TRANSLATE_NOOP("Note",
                "settimeout(%1): recv() waits for data, but at most %1 s. Nothing came, so after "
                "%2 ms it fails with socket.timeout (TimeoutError). The connection is still "
                "usable."),
            { QString::number(kTimeout), QString::number(m_timeoutWaitedUs / 1000.0, 'f', 1) });
        partFour();
    });
}

void NonblockingDemo::partFour()
{
    // Part 4: recv() waits (timeout still 0.2 s) and the client's data ends the wait.
    const qint64 t0 = m_timeline->nowUs();
    recvOn(m_conn, 1024, [this, t0](const CallResult &res) {
        if (!res.ok()) {
            fail(res);
            return;
        }
        m_lastRecv = res.data;
        recordNote(
            QT_TRANSLATE_NOOP("Note",
                "The client sent %1: the waiting recv() returned it after %2 ms, well within the "
                "timeout. A timeout only bounds the wait; data ends it at once."),
            { QString::fromUtf8(res.data),
                QString::number((m_timeline->nowUs() - t0) / 1000.0, 'f', 1) });
        closePair([this] { succeed(); });
    });
    if (!isRunning())
        return;
    sendallOn(m_client, message(), [this](const CallResult &r) {
        if (!r.ok())
            fail(r);
    });
}
