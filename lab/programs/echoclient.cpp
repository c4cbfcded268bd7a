#include "echoclient.h"

#include "net/nativesocket.h"
#include "net/statewatch.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

EchoClient::EchoClient(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : TcpClientProgram(timeline, inferrer, parent)
{
    reset();
}

EchoClient::~EchoClient() = default;

void EchoClient::setConfig(const Config &config)
{
    m_config = config;
    emit changed();
}

QStringList EchoClient::stepNames() const
{
    return { QStringLiteral("socket()"), QStringLiteral("connect()"), QStringLiteral("sendall()"),
        QStringLiteral("recv(%1)").arg(m_config.bufsize), QStringLiteral("close()") };
}

void EchoClient::reset()
{
    resetClient();
    m_reply.clear();
    emit changed();
}

void EchoClient::runStep(int index)
{
    static_assert(Socket == 0 && Connect == 1, "TcpClientProgram's socket() and connect() steps");
    switch (Step(index)) {
    case Socket:
        runSocketStep(m_config.host, [this] {
            if (m_config.timeout >= 0)
                recordReturn(m_socket->settimeout(m_config.timeout), kSocketName);
        });
        break;
    case Connect:
        runConnectStep(m_config.host, m_config.port, SendAll);
        break;
    case SendAll:
        runSendAllStep(m_config.message, Recv);
        break;
    case Recv: {
        const qint64 t0 = m_timeline->nowUs();
        const CallResult r = m_socket->recv(m_config.bufsize);
        recordStart(r, kSocketName, t0);
        whenDone(m_socket, r, [this, t0](const CallResult &res) {
            recordReceived(m_socket, m_watch, kSocketName, m_local, m_remote, m_bytesRead, res, t0);
            m_watch->poll();
            if (res.ok())
                m_reply = res.data;
            finishStep(res, Close);
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
