#pragma once

#include "net/sockaddr.h"
#include "socketprogram.h"

/**
 * The source text's UDP echo client, one call per step, for one message:
 *
 *     sk = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, 0)
 *     sk.settimeout(2)          # the lab's cure; the seed has none
 *     sk.sendto(bytes("你好", encoding='utf-8'), ("127.0.0.1", 8888))
 *     data, (host, port) = sk.recvfrom(1024)
 *     sk.close()
 *
 * The seed's client has no settimeout(): when no server answers, its
 * recvfrom() waits forever. A timeout < 0 (None) leaves the call out and
 * shows exactly that; otherwise recvfrom() fails with a timeout.
 */
class UdpEchoClient : public SocketProgram
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpEchoClient)

public:
    enum Step { Socket, SetTimeout, SendTo, RecvFrom, Close, StepCount };

    struct Config
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 8888;
        QByteArray message = QStringLiteral("你好").toUtf8();
        int bufsize = 1024;
        double timeout = 2.0; ///< settimeout() after socket(); < 0: None (the seed: no call)
    };

    /** UDP has no segments to infer: no SegmentInferrer. */
    explicit UdpEchoClient(Timeline *timeline, QObject *parent = nullptr);
    ~UdpEchoClient() override;

    void setConfig(const Config &config);
    const Config &config() const { return m_config; }

    QStringList stepNames() const override;
    /** settimeout() only when a timeout is set: the seed's client has none. */
    bool isStepUsed(int index) const override;
    /** UDP has no connection state: always TcpState::Unknown. */
    TcpState endpointState() const override;
    /** Nothing to read from the kernel: always true. */
    bool isSettled() const override;
    bool isDatagram() const override { return true; }
    void reset() override;

    /** The reply received by recvfrom() (empty until then). */
    QByteArray reply() const { return m_reply; }
    /** Who sent the reply. */
    SockAddr replyFrom() const { return m_replyFrom; }

protected:
    void runStep(int index) override;

private:
    Config m_config;
    NativeSocket *m_socket = nullptr;
    QByteArray m_reply;
    SockAddr m_replyFrom;
    bool m_fresh = true; // m_socket has never been opened
};
