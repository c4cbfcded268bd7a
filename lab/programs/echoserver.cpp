#include "echoserver.h"

#include "net/nativesocket.h"
#include "net/statewatch.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

static_assert(
    int(EchoServer::Socket) == 0 && int(EchoServer::Accept) == 4 && int(EchoServer::Recv) == 5,
    "TcpServerProgram's steps come first");

EchoServer::EchoServer(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : TcpServerProgram(timeline, inferrer, parent)
{
    reset();
}

EchoServer::~EchoServer() = default;

void EchoServer::setConfig(const Config &config)
{
    m_config = config;
    emit changed();
}

QStringList EchoServer::stepNames() const
{
    return listenerStepNames(m_config.backlog)
        + QStringList { QStringLiteral("recv(%1)").arg(m_config.bufsize),
              QStringLiteral("sendall()"), QStringLiteral("close()") };
}

bool EchoServer::completesRun(int from, int next) const
{
    return next < 0 || from == CloseConn;
}

void EchoServer::runStep(int index)
{
    switch (Step(index)) {
    case Socket:
    case SetReuseAddr:
    case Bind:
    case Listen:
    case Accept:
        runListenerStep(
            index, { m_config.host, m_config.port, m_config.backlog, m_config.reuseAddress });
        break;
    case Recv: {
        NativeSocket *s = m_conns.last().socket;
        const qint64 t0 = m_timeline->nowUs();
        const CallResult r = s->recv(m_config.bufsize);
        recordStart(r, kConn, t0);
        auto done = [this, s, t0](const CallResult &res) {
            Connection &cc = m_conns.last();
            recordReceived(s, cc.watch, kConn, cc.local, cc.remote, *cc.bytesRead, res, t0);
            cc.watch->poll();
            finishStep(res, SendAll);
        };
        whenDone(s, r, done);
        break;
    }
    case SendAll: {
        Connection &c = m_conns.last();
        const qint64 t0 = m_timeline->nowUs();
        const CallResult r = c.socket->sendall(m_config.reply);
        recordStart(r, kConn, t0);
        auto done = [this, t0](const CallResult &res) {
            const Connection &cc = m_conns.last();
            if (res.ok())
                m_inferrer->dataSent(Side::Server, cc.local, cc.remote, res.payload.size(), t0,
                    cc.socket ? cc.socket->maxSegment() : 0);
            else
                cc.watch->poll(); // a reset shows before the error it caused
            recordReturn(res, kConn);
            finishStep(res, CloseConn);
        };
        whenDone(c.socket, r, done);
        break;
    }
    case CloseConn:
        runCloseStep(m_config.serveForever ? Accept : -1);
        break;
    case StepCount:
        break;
    }
}
