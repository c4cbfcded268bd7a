#pragma once

#include "net/sockaddr.h"
#include "tcpclientprogram.h"

/**
 * The lab's own HTTP client, as a student would write it beside the seed's
 * web server, one call per step:
 *
 *     sk = socket.socket()
 *     sk.connect(("127.0.0.1", 8080))
 *     sk.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n")
 *     while True:
 *         chunk = sk.recv(1024)      # the seed's server sends no Content-Length:
 *         if not chunk: break        # the response ends with the server's FIN
 *         response += chunk
 *     sk.close()
 *
 * Config::padding adds a header of that many bytes, so the request outgrows
 * the seed's recv(1024) and the server's close() resets the connection.
 */
class HttpGetClient : public TcpClientProgram
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpGetClient)

public:
    enum Step { Socket, Connect, SendAll, Recv, Close, StepCount };

    struct Config
    {
        QString host = QStringLiteral("127.0.0.1");
        quint16 port = 8080;
        int padding = 0; ///< bytes of an extra "X-Padding" header's value; 0: none
        int bufsize = 1024;
    };

    /** "GET / HTTP/1.1\r\nHost: HOST:PORT\r\n[X-Padding: xxx…\r\n]\r\n". */
    static QByteArray request(const QString &host, quint16 port, int padding = 0);

    HttpGetClient(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);
    ~HttpGetClient() override;

    void setConfig(const Config &config);
    const Config &config() const { return m_config; }

    QStringList stepNames() const override;
    void reset() override;

    /** Every byte received so far, up to the server's FIN (or a reset). */
    QByteArray response() const { return m_response; }

protected:
    void runStep(int index) override;

private:
    Config m_config;
    QByteArray m_response;
};
