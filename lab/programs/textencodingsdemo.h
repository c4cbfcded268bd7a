#pragma once

#include "scripteddemo.h"

#include <QByteArray>
#include <QString>

/**
 * A socket carries bytes, not text (`--demo text-encodings`): one loopback
 * pair, 你好 sent three times, encoded and decoded as the two ends choose:
 *
 *     client.sendall("你好".encode("gbk"))     # c4 e3 ba c3
 *     conn.recv(1024).decode("utf-8")          # 1: U+FFFD, not valid UTF-8
 *     client.sendall("你好".encode("utf-8"))   # e4 bd a0 e5 a5 bd
 *     conn.recv(1024).decode("gbk")            # 2: 浣犲ソ, valid GBK but wrong (mojibake)
 *     … both "utf-8"                           # 3: 你好
 *
 * Each data event carries the receiving side's encoding, each sendall()
 * the sending side's (TextCodec: "utf-8", "gbk").
 */
class TextEncodingsDemo : public ScriptedDemo
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TextEncodingsDemo)

public:
    /** The parts: the client's and the server's encoding. */
    struct Part
    {
        QString sender;
        QString receiver;
    };
    static constexpr int kParts = 3;

    TextEncodingsDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);

    /** What the client sends: 你好. */
    static QString message();
    /** Part @p i's encodings (0: gbk → utf-8, 1: utf-8 → gbk, 2: utf-8 → utf-8). */
    static Part part(int i);

    /** False when this Qt has no GBK converter: the demo only said so. */
    bool gbkAvailable() const { return m_gbk; }
    /** The bytes the server's recv() returned in part @p i. */
    QByteArray received(int i) const { return m_received[i]; }

protected:
    void run() override;

private:
    void runPart(int i);
    void receivePart(int i, qint64 sentAt);

    bool m_gbk = true;
    qint64 m_read = 0; ///< bytes the server has read so far
    QByteArray m_received[kParts];
};
