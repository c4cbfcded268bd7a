#pragma once

#include "scripteddemo.h"

#include <QByteArray>

/**
 * TCP is a byte stream: message boundaries are not kept (`--demo
 * stream-boundaries`). On a loopback pair:
 *
 *     client.sendall("请求".encode())   # part 1: two sendall() …
 *     client.sendall("连接".encode())
 *     conn.recv(1024)                  # … one recv(): b'请求连接', 12 bytes
 *     client.sendall(data)             # part 2: one sendall() of 200,000 bytes …
 *     while len(got) < len(data):
 *         got += conn.recv(65536)      # … several recv()s
 *
 * The server reads only once both messages are in its receive queue
 * (FIONREAD = 12), polled from the event loop.
 */
class StreamBoundariesDemo : public ScriptedDemo
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamBoundariesDemo)

public:
    /** Part 2's recv() size. */
    static constexpr int kLargeBufsize = 65536;

    StreamBoundariesDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);

    /** Part 1's two messages, in order. */
    static QList<QByteArray> messages();
    /** Part 2's payload: 200,000 bytes, "000000000|000000001|…" (block numbers, 10 bytes each). */
    static QByteArray largePayload();

    /** What part 1's single recv() returned. */
    QByteArray firstRecv() const { return m_firstRecv; }
    /** The bytes part 2's recv() calls returned, joined. */
    QByteArray largeReceived() const { return m_received; }
    /** How many recv() calls part 2 took. */
    int largeRecvCalls() const { return m_recvCalls; }

protected:
    void run() override;

private:
    void partOne();
    void partTwo();
    void readMore();
    void partTwoStep();

    QByteArray m_payload;
    QByteArray m_firstRecv;
    QByteArray m_received;
    int m_recvCalls = 0;
    bool m_sendDone = false;
    bool m_readDone = false;
};
