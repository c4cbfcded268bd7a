#include "textencodingsdemo.h"

#include "net/nativesocket.h"
#include "net/textcodec.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

TextEncodingsDemo::TextEncodingsDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : ScriptedDemo(timeline, inferrer, parent)
{
}

QString TextEncodingsDemo::message()
{
    return QStringLiteral("你好");
}

TextEncodingsDemo::Part TextEncodingsDemo::part(int i)
{
    const QString utf8 = QStringLiteral("utf-8");
    const QString gbk = QStringLiteral("gbk");
    switch (i) {
    case 0:
        return { gbk, utf8 };
    case 1:
        return { utf8, gbk };
    default:
        return { utf8, utf8 };
    }
}

void TextEncodingsDemo::run()
{
    m_read = 0;
    for (QByteArray &b : m_received)
        b.clear();
    m_gbk = TextCodec::isAvailable(QStringLiteral("gbk"));
    if (!m_gbk) {
        recordNote(QT_TRANSLATE_NOOP("Note",
            "This Qt has no GBK converter (it was built without ICU), so the encodings demo "
            "cannot run here."));
        succeed();
        return;
    }
    if (!openListener())
        return;
    connectPair([this] { runPart(0); });
}

void TextEncodingsDemo::runPart(int i)
{
    const Part p = part(i);
    const QByteArray bytes = TextCodec::encode(message(), p.sender).bytes;
    const QString hex = TextCodec::hex(bytes);
    if (i == 0)
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "Part 1: the client encodes %1 as GBK, the bytes %2, and sends them. The "
                       "server decodes what it receives as UTF-8, as the source text's server "
                       "does with .decode(\"utf8\")."),
            { message(), hex });
    else if (i == 1)
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "Part 2: the client encodes %1 as UTF-8, the bytes %2; this time the "
                       "server decodes them as GBK, as a program written for a Chinese Windows "
                       "code page might."),
            { message(), hex });
    else
        recordNote(QT_TRANSLATE_NOOP(
                       "Note", "Part 3: both sides agree on UTF-8: the client sends the bytes %1."),
            { hex });
    const qint64 t0 = m_timeline->nowUs();
    const CallResult r = m_client->sendall(bytes);
    recordStart(r, m_client, t0, p.sender);
    whenDone(m_client, r, [this, i, t0, p](const CallResult &res) {
        if (res.ok())
            m_inferrer->dataSent(Side::Client, m_clientAddr, m_serverAddr, res.payload.size(), t0);
        recordReturn(res, m_client, p.sender);
        if (!res.ok()) {
            fail(res);
            return;
        }
        const qsizetype size = res.payload.size();
        // One recv() for the whole message: wait until all of it is queued.
        waitUntil([this, size] { return m_conn->unreadBytes() >= size; },
            [this, i, t0] { receivePart(i, t0); });
    });
}

void TextEncodingsDemo::receivePart(int i, qint64 sentAt)
{
    const Part p = part(i);
    const qint64 t0 = m_timeline->nowUs();
    const CallResult r = m_conn->recv(1024);
    recordStart(r, m_conn, t0);
    whenDone(m_conn, r, [this, i, p, sentAt](const CallResult &res) {
        if (res.ok()) {
            m_read += res.data.size();
            m_inferrer->dataArrived(Side::Server, m_serverAddr, m_clientAddr, m_read, sentAt);
        }
        recordReturn(res, m_conn);
        if (!res.ok()) {
            fail(res);
            return;
        }
        m_received[i] = res.data;
        recordData(res.data, m_conn, p.receiver); // as the receiving program decodes them

        const TextCodec::Result d = TextCodec::decode(res.data, p.receiver);
        const QString hex = TextCodec::hex(res.data);
        if (i == 0)
            recordNote(
                QT_TRANSLATE_NOOP("Note",
                    "The server received the same %1 bytes, %2, but they are not UTF-8: decoded "
                    "as UTF-8 they give %3, U+FFFD replacement characters for bytes that form no "
                    "character (\"valid\": false). Python's strict .decode(\"utf8\") raises "
                    "UnicodeDecodeError here instead; with errors=\"replace\" it gives U+FFFD "
                    "too."),
                { QString::number(res.data.size()), hex, d.text });
        else if (i == 1)
            recordNote(
                QT_TRANSLATE_NOOP("Note",
                    "The server decodes %1 as GBK and gets %2: valid GBK, but the wrong "
                    "characters (mojibake). No error warns the program; only a reader notices."),
                { hex, d.text });
        else
            recordNote(
                QT_TRANSLATE_NOOP("Note",
                    "Decoded as UTF-8, %1 gives %2 again. TCP carries bytes, never text: the "
                    "two programs must agree on the encoding themselves, and a protocol says "
                    "which (HTTP's charset, for example)."),
                { hex, d.text });
        if (i + 1 < kParts)
            runPart(i + 1);
        else
            closePair([this] { succeed(); });
    });
}
