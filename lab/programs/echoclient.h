#pragma once

#include "net/sockaddr.h"
#include "tcpclientprogram.h"

/**
 * The source text's TCP echo client, one call per step:
 *
 *     sk = socket.socket()
 *     sk.connect(("127.0.0.1", 8888))
 *     sk.sendall("请求连接".encode("utf8"))
 *     server_reply = sk.recv(1024)
 *     sk.close()
 */
class EchoClient : public TcpClientProgram
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EchoClient)

public:
    enum Step { Socket, Connect, SendAll, Recv, Close, StepCount };

    struct Config
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 8888;
        QByteArray message = QStringLiteral("请求连接").toUtf8();
        int bufsize = 1024;
        double timeout = -1.0; ///< settimeout() before connect; < 0: None (the seed's default)
    };

    EchoClient(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);
    ~EchoClient() override;

    void setConfig(const Config &config);
    const Config &config() const { return m_config; }

    QStringList stepNames() const override;
    void reset() override;

    /** The reply received by recv() (empty until then). */
    QByteArray reply() const { return m_reply; }

protected:
    void runStep(int index) override;

private:
    Config m_config;
    QByteArray m_reply;
};
