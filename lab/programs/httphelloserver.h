#pragma once

#include "tcpserverprogram.h"

/**
 * The source text's tiny web server ("web服务原型"), one call per step:
 *
 *     sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
 *     sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)   # the lab's visible default
 *     sock.bind(("127.0.0.1", 8080))
 *     sock.listen(5)
 *     while True:
 *         connection, address = sock.accept()
 *         buf = connection.recv(1024)
 *         connection.send(b"HTTP/1.1 200 OK\r\n\r\n")
 *         connection.send(b"Hello, World")
 *         connection.close()
 *
 * The seed reads once: a request longer than recv(1024) leaves bytes
 * unread, and close() then sends RST instead of FIN. Config::correct
 * switches to a server that reads the request up to its blank line
 * ("\r\n\r\n", RFC 9112 §2.1) and answers with Content-Length and
 * Connection: close in one sendall(), so the client knows where the body
 * ends and nothing is left unread at close().
 *
 * Each accepted connection is followed by its own StateWatch and gets its
 * own stream on the ladder; the listening socket is the "listener", the
 * accepted one the "conn".
 */
class HttpHelloServer : public TcpServerProgram
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpHelloServer)

public:
    enum Step {
        Socket,
        SetReuseAddr,
        Bind,
        Listen,
        Accept,
        Recv,
        SendStatus, ///< the seed's first send(): the status line and the blank line
        SendBody, ///< the seed's second send(): "Hello, World"
        SendAll, ///< the correct variant's whole response
        CloseConn,
        StepCount
    };

    struct Config
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 8080; ///< 0: an ephemeral port chosen by the kernel
        int backlog = 5;
        bool reuseAddress = true; ///< SO_REUSEADDR before bind()
        int bufsize = 1024;
        /** Read to the blank line and answer with Content-Length (false: the seed's server). */
        bool correct = false;
        /** The correct variant gives up on a request with no blank line within this many bytes. */
        int maxRequest = 64 * 1024;
        bool serveForever = true; ///< false: end after the first client
    };

    /** The seed's first send(). */
    static QByteArray seedStatus();
    /** The seed's second send(). */
    static QByteArray seedBody();
    /** The correct variant's whole response. */
    static QByteArray correctResponse();

    HttpHelloServer(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);
    ~HttpHelloServer() override;

    void setConfig(const Config &config);
    const Config &config() const { return m_config; }

    QStringList stepNames() const override;
    /** The seed makes two send()s, the correct variant one sendall(). */
    bool isStepUsed(int index) const override;
    void reset() override;

    /** The requests read so far, one per connection, as received (the seed's: one recv). */
    QList<QByteArray> requests() const;

signals:
    /** The server has read a request (the seed: after its one recv; correct: to the blank line). */
    void requestReceived(const QByteArray &request);

protected:
    void runStep(int index) override;
    bool completesRun(int from, int next) const override;

    void connectionAccepted() override;

private:
    void onReceived(const CallResult &res);
    /** send()/sendall() of @p data on the current connection, then step @p next. */
    void sendStep(const CallResult &r, qint64 t0, int next);

    Config m_config;
    QList<QByteArray> m_requests; // one per connection in m_conns, as received
};
