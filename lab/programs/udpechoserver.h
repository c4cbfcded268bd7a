#pragma once

#include "net/sockaddr.h"
#include "socketprogram.h"

/**
 * The source text's UDP echo server, one call per step:
 *
 *     sk = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, 0)
 *     sk.bind(("127.0.0.1", 8888))
 *     while True:
 *         data, (host, port) = sk.recvfrom(1024)
 *         sk.sendto(bytes("IP:{0},you are just send one message.".format(host),
 *                         encoding='utf-8'), (host, port))
 *
 * The loop goes back to recvfrom() after sendto(); one run is one datagram
 * answered. UDP has no connection: no listen(), no accept(), no TCP state.
 */
class UdpEchoServer : public SocketProgram
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpEchoServer)

public:
    enum Step { Socket, Bind, RecvFrom, SendTo, StepCount };

    struct Config
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 8888; ///< 0: an ephemeral port chosen by the kernel
        int bufsize = 1024;
        bool serveForever = true; ///< false: end after the first datagram answered
    };

    /** UDP has no segments to infer: no SegmentInferrer. */
    explicit UdpEchoServer(Timeline *timeline, QObject *parent = nullptr);
    ~UdpEchoServer() override;

    void setConfig(const Config &config);
    const Config &config() const { return m_config; }

    QStringList stepNames() const override;
    /** UDP has no connection state: always TcpState::Unknown. */
    TcpState endpointState() const override;
    /** Nothing to read from the kernel: always true. */
    bool isSettled() const override;
    bool isDatagram() const override { return true; }
    void reset() override;

    /** The address actually bound (after bind; the real port when port 0 was asked). */
    SockAddr boundAddress() const { return m_bound; }
    /** The last datagram received by recvfrom() and its sender. */
    QByteArray lastDatagram() const { return m_received; }
    SockAddr lastPeer() const { return m_peer; }
    /** True while the server's socket is open (from socket() until stop() or reset()). */
    bool isOpen() const;
    /** Closes the socket (the server stops); the next step is socket() again. */
    void stop();
    /** Gives up on the current datagram after a failed recvfrom/sendto: back to recvfrom(). */
    void dropDatagram();

    /** The seed's reply to a datagram from @p host: "IP:<host>,you are just send one message." */
    static QByteArray replyFor(const QString &host);

signals:
    /** bind() succeeded on @p address: datagrams sent there now reach the server. */
    void bound(const SockAddr &address);

protected:
    void runStep(int index) override;
    bool completesRun(int from, int next) const override;

private:
    void onReceived(const CallResult &r);

    Config m_config;
    NativeSocket *m_socket = nullptr;
    SockAddr m_bound;
    SockAddr m_peer;
    QByteArray m_received;
};
