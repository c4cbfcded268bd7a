#include "httpgetclient.h"

#include "net/nativesocket.h"
#include "net/statewatch.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

QByteArray HttpGetClient::request(const QString &host, quint16 port, int padding)
{
    QByteArray r = QByteArrayLiteral("GET / HTTP/1.1\r\nHost: ") + host.toUtf8() + ':'
        + QByteArray::number(port) + QByteArrayLiteral("\r\n");
    if (padding > 0)
        r += QByteArrayLiteral("X-Padding: ") + QByteArray(padding, 'x')
            + QByteArrayLiteral("\r\n");
    return r + QByteArrayLiteral("\r\n");
}

HttpGetClient::HttpGetClient(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : TcpClientProgram(timeline, inferrer, parent)
{
    reset();
}

HttpGetClient::~HttpGetClient() = default;

void HttpGetClient::setConfig(const Config &config)
{
    m_config = config;
    emit changed();
}

QStringList HttpGetClient::stepNames() const
{
    return { QStringLiteral("socket()"), QStringLiteral("connect()"), QStringLiteral("sendall()"),
        QStringLiteral("recv(%1)").arg(m_config.bufsize), QStringLiteral("close()") };
}

void HttpGetClient::reset()
{
    resetClient();
    m_response.clear();
    emit changed();
}

void HttpGetClient::runStep(int index)
{
    static_assert(Socket == 0 && Connect == 1, "TcpClientProgram's socket() and connect() steps");
    switch (Step(index)) {
    case Socket:
        m_response.clear(); // a new run
        runSocketStep(m_config.host);
        break;
    case Connect:
        runConnectStep(m_config.host, m_config.port, SendAll);
        break;
    case SendAll:
        runSendAllStep(request(m_config.host, m_config.port, m_config.padding), Recv);
        break;
    case Recv: {
        const qint64 t0 = m_timeline->nowUs();
        const CallResult r = m_socket->recv(m_config.bufsize);
        recordStart(r, kSocketName, t0);
        whenDone(m_socket, r, [this, t0](const CallResult &res) {
            recordReceived(m_socket, m_watch, kSocketName, m_local, m_remote, m_bytesRead, res, t0);
            m_watch->poll();
            if (res.ok())
                m_response += res.data;
            // No Content-Length from the seed's server: only its FIN (b"") ends the response.
            finishStep(res, res.ok() && res.data.isEmpty() ? Close : Recv);
        });
        break;
    }
    case Close:
        runCloseStep();
        break;
    case StepCount:
        break;
    }
}
