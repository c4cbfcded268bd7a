#include "eofresetdemo.h"

#include "net/nativesocket.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

#include <cerrno>

EofResetDemo::EofResetDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : ScriptedDemo(timeline, inferrer, parent)
{
}

QByteArray EofResetDemo::unread()
{
    return QByteArrayLiteral("unread");
}

void EofResetDemo::plainRecv(
    NativeSocket *socket, int bufsize, std::function<void(const CallResult &)> then)
{
    const qint64 t0 = m_timeline->nowUs();
    const CallResult r = socket->recv(bufsize);
    recordStart(r, socket, t0);
    whenDone(socket, r, [this, socket, then](const CallResult &res) {
        recordReturn(res, socket);
        then(res);
    });
}

void EofResetDemo::run()
{
    m_sawEof = false;
    m_resetErrno = 0;
    if (!openListener())
        return;
    connectPair([this] { partA(); });
}

void EofResetDemo::partA()
{
    // Part a: the server closes normally (FIN); the client's recv() returns b''.
    CallResult r = m_conn->close();
    recordReturn(r, m_conn);
    m_inferrer->finSent(Side::Server, m_serverAddr, m_clientAddr);
    plainRecv(m_client, 1024, [this](const CallResult &res) {
        if (!res.ok() || !res.data.isEmpty()) {
            fail(res);
            return;
        }
        m_sawEof = true;
        recordNote(QT_TRANSLATE_NOOP("Note",
            "The server called close() with nothing left unread: its kernel sent FIN. The "
            "client's recv() returned b'' at once: zero bytes means end of file (EOF), the peer "
            "will send nothing more. It is not an error; the program should stop reading and "
            "close() its side too."));
        const CallResult c = m_client->close();
        recordReturn(c, m_client);
        m_inferrer->finSent(Side::Client, m_clientAddr, m_serverAddr);
        partB();
    });
}

void EofResetDemo::partB()
{
    // Part b: a new pair; the client sends bytes the server never reads.
    m_client = new NativeSocket(this);
    m_conn = nullptr;
    connectPair([this] {
        sendallOn(m_client, unread(), [this](const CallResult &r) {
            if (!r.ok()) {
                fail(r);
                return;
            }
            // Close only once the bytes sit in the server's receive queue.
            waitUntil([this] { return m_conn->unreadBytes() == unread().size(); },
                [this] { partBClose(); });
        });
    });
}

void EofResetDemo::partBClose()
{
    const int unreadBytes = m_conn->unreadBytes();
    CallResult r = m_conn->close();
    recordReturn(r, m_conn);
    m_inferrer->resetSent(Side::Server, m_serverAddr, m_clientAddr);
    recordNote(QT_TRANSLATE_NOOP("Note",
                   "The server called close() with %1 bytes it never read still in its receive "
                   "queue. Its kernel does not send FIN then: it sends RST (reset) and drops the "
                   "connection at once, since the data it accepted will never be delivered."),
        { QString::number(unreadBytes) });
    plainRecv(m_client, 1024, [this](const CallResult &res) {
        if (res.errorDomain != ErrorDomain::Errno || res.errnum != ECONNRESET) {
            fail(res);
            return;
        }
        m_resetErrno = res.errnum;
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "After the RST the client's recv() does not return b'': it fails with "
                       "ConnectionResetError, errno %1 (ECONNRESET). A reset is an error, unlike "
                       "EOF; the cure is to read the request completely before close()."),
            { QString::number(res.errnum) });
        CallResult c = m_client->close();
        recordReturn(c, m_client);
        c = m_listener->close();
        recordReturn(c, m_listener);
        succeed();
    });
}
