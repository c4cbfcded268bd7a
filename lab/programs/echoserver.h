#pragma once

#include "tcpserverprogram.h"

/**
 * The source text's TCP echo server, one call per step:
 *
 *     sk = socket.socket()
 *     sk.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)   # the lab's visible default
 *     sk.bind(("127.0.0.1", 8888))
 *     sk.listen(5)
 *     while True:
 *         conn, addr = sk.accept()
 *         client_data = conn.recv(1024)
 *         conn.sendall("你已连接成功。".encode("utf8"))
 *         conn.close()
 *
 * The loop goes back to accept() after close(); one run is one client.
 * The listening socket is the "listener", the accepted one the "conn"
 * (TcpServerProgram).
 */
class EchoServer : public TcpServerProgram
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EchoServer)

public:
    enum Step { Socket, SetReuseAddr, Bind, Listen, Accept, Recv, SendAll, CloseConn, StepCount };

    struct Config
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 8888; ///< 0: an ephemeral port chosen by the kernel
        int backlog = 5;
        bool reuseAddress = true; ///< SO_REUSEADDR before bind()
        QByteArray reply = QStringLiteral("你已连接成功。").toUtf8();
        int bufsize = 1024;
        bool serveForever = true; ///< false: end after the first client
    };

    EchoServer(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);
    ~EchoServer() override;

    void setConfig(const Config &config);
    const Config &config() const { return m_config; }

    QStringList stepNames() const override;

protected:
    void runStep(int index) override;
    bool completesRun(int from, int next) const override;

private:
    Config m_config;
};
