#include "streamboundariesdemo.h"

#include "net/nativesocket.h"

#include <cerrno>

StreamBoundariesDemo::StreamBoundariesDemo(
    Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : ScriptedDemo(timeline, inferrer, parent)
{
}

QList<QByteArray> StreamBoundariesDemo::messages()
{
    return { QStringLiteral("请求").toUtf8(), QStringLiteral("连接").toUtf8() };
}

QByteArray StreamBoundariesDemo::largePayload()
{
    // Numbered blocks, so a lost, doubled or reordered piece would show.
    QByteArray out;
    out.reserve(200000);
    for (int i = 0; i < 20000; ++i)
        out += QByteArray::number(i).rightJustified(9, '0') + '|';
    return out;
}

void StreamBoundariesDemo::run()
{
    m_firstRecv.clear();
    m_received.clear();
    m_recvCalls = 0;
    m_sendDone = false;
    m_readDone = false;
    m_payload = largePayload();
    if (!openListener())
        return;
    connectPair([this] { partOne(); });
}

void StreamBoundariesDemo::partOne()
{
    recordNote(
        QT_TRANSLATE_NOOP("Note",
            "Part 1: the client calls sendall() twice, first with %1, then with %2. TCP is a byte "
            "stream: it keeps the bytes and their order, not the boundaries between the two "
            "messages."),
        { QString::fromUtf8(messages().at(0)), QString::fromUtf8(messages().at(1)) });
    sendallOn(m_client, messages().at(0), [this](const CallResult &r) {
        if (!r.ok()) {
            fail(r);
            return;
        }
        sendallOn(m_client, messages().at(1), [this](const CallResult &r2) {
            if (!r2.ok()) {
                fail(r2);
                return;
            }
            const int both = int(messages().at(0).size() + messages().at(1).size());
            // The server reads only when both messages wait in its queue.
            waitUntil([this, both] { return m_conn->unreadBytes() == both; },
                [this] {
                    recvOn(m_conn, 1024, [this](const CallResult &res) {
                        if (!res.ok()) {
                            fail(res);
                            return;
                        }
                        m_firstRecv = res.data;
                        recordNote(
                            QT_TRANSLATE_NOOP("Note",
                                "One recv(1024) returned all %1 bytes, %2: the two messages "
                                "arrived "
                                "as one. The receiver cannot tell where one sendall() ended; a "
                                "protocol marks its message boundaries itself, with a length "
                                "prefix "
                                "or a delimiter such as a newline."),
                            { QString::number(res.data.size()), QString::fromUtf8(res.data) });
                        partTwo();
                    });
                });
        });
    });
}

void StreamBoundariesDemo::partTwo()
{
    const QByteArray &payload = m_payload;
    recordNote(
        QT_TRANSLATE_NOOP("Note",
            "Part 2: one sendall() of %1 bytes; the server calls recv(%2) until all of them have "
            "arrived. Each recv() returns what has arrived so far, at most %2 bytes: one send may "
            "arrive as several recv()s."),
        { QString::number(payload.size()), QString::number(kLargeBufsize) });
    sendallOn(m_client, payload, [this](const CallResult &r) {
        if (!r.ok()) {
            fail(r);
            return;
        }
        m_sendDone = true;
        partTwoStep();
    });
    if (isRunning())
        readMore();
}

void StreamBoundariesDemo::readMore()
{
    recvOn(m_conn, kLargeBufsize, [this](const CallResult &r) {
        if (!r.ok() || r.data.isEmpty()) {
            fail(r); // an empty read is the peer's FIN: the rest would never come
            return;
        }
        ++m_recvCalls;
        m_received += r.data;
        if (m_received.size() < m_payload.size()) {
            readMore();
            return;
        }
        m_readDone = true;
        partTwoStep();
    });
}

void StreamBoundariesDemo::partTwoStep()
{
    if (!m_sendDone || !m_readDone || !isRunning())
        return;
    if (m_received != m_payload) {
        CallResult r;
        r.call = QStringLiteral("recv");
        r.args = { QString::number(kLargeBufsize) };
        r.errorDomain = ErrorDomain::Errno;
        r.errnum = EIO;
        fail(r);
        return;
    }
    recordNote(
        QT_TRANSLATE_NOOP("Note",
            "The %1 bytes of one sendall() arrived in %2 recv(%3) calls, identical and in order. "
            "How many recv()s it takes depends on timing and buffer sizes, so a receiver loops "
            "until it has the whole message."),
        { QString::number(m_received.size()), QString::number(m_recvCalls),
            QString::number(kLargeBufsize) });
    closePair([this] { succeed(); });
}
