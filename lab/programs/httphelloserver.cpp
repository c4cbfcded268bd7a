#include "httphelloserver.h"

#include "net/nativesocket.h"
#include "net/statewatch.h"
#include "segmentinferrer.h"
#include "timeline/timeline.h"

namespace {
const QByteArray kBlankLine = QByteArrayLiteral("\r\n\r\n");
} // namespace

static_assert(int(HttpHelloServer::Socket) == 0 && int(HttpHelloServer::Accept) == 4
        && int(HttpHelloServer::Recv) == 5,
    "TcpServerProgram's steps come first");

QByteArray HttpHelloServer::seedStatus()
{
    return QByteArrayLiteral("HTTP/1.1 200 OK\r\n\r\n");
}

QByteArray HttpHelloServer::seedBody()
{
    return QByteArrayLiteral("Hello, World");
}

QByteArray HttpHelloServer::correctResponse()
{
    const QByteArray body = seedBody();
    return QByteArrayLiteral("HTTP/1.1 200 OK\r\n"
                             "Content-Type: text/plain; charset=utf-8\r\n"
                             "Content-Length: ")
        + QByteArray::number(body.size())
        + QByteArrayLiteral("\r\n"
                            "Connection: close\r\n"
                            "\r\n")
        + body;
}

HttpHelloServer::HttpHelloServer(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent)
    : TcpServerProgram(timeline, inferrer, parent)
{
    reset();
}

HttpHelloServer::~HttpHelloServer() = default;

void HttpHelloServer::setConfig(const Config &config)
{
    m_config = config;
    emit changed();
}

QStringList HttpHelloServer::stepNames() const
{
    return listenerStepNames(m_config.backlog)
        + QStringList { QStringLiteral("recv(%1)").arg(m_config.bufsize),
              QStringLiteral("send(b'HTTP/1.1 200 OK\\r\\n\\r\\n')"),
              QStringLiteral("send(b'Hello, World')"), QStringLiteral("sendall()"),
              QStringLiteral("close()") };
}

bool HttpHelloServer::isStepUsed(int index) const
{
    if (index == SendStatus || index == SendBody)
        return !m_config.correct;
    if (index == SendAll)
        return m_config.correct;
    return true;
}

QList<QByteArray> HttpHelloServer::requests() const
{
    return m_requests;
}

void HttpHelloServer::reset()
{
    m_requests.clear();
    TcpServerProgram::reset();
}

void HttpHelloServer::connectionAccepted()
{
    m_requests.append(QByteArray());
}

bool HttpHelloServer::completesRun(int from, int next) const
{
    return next < 0 || from == CloseConn;
}

void HttpHelloServer::runStep(int index)
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
        int bufsize = m_config.bufsize;
        if (m_config.correct) // never read past the limit
            bufsize = qBound(1, m_config.maxRequest - int(m_requests.last().size()), bufsize);
        NativeSocket *s = m_conns.last().socket;
        const qint64 t0 = m_timeline->nowUs();
        const CallResult r = s->recv(bufsize);
        recordStart(r, kConn, t0);
        whenDone(s, r, [this, s, t0](const CallResult &res) {
            Connection &cc = m_conns.last();
            recordReceived(s, cc.watch, kConn, cc.local, cc.remote, *cc.bytesRead, res, t0);
            cc.watch->poll();
            onReceived(res);
        });
        break;
    }
    case SendStatus: {
        const qint64 t0 = m_timeline->nowUs();
        sendStep(m_conns.last().socket->send(seedStatus()), t0, SendBody);
        break;
    }
    case SendBody: {
        const qint64 t0 = m_timeline->nowUs();
        sendStep(m_conns.last().socket->send(seedBody()), t0, CloseConn);
        break;
    }
    case SendAll: {
        const qint64 t0 = m_timeline->nowUs();
        sendStep(m_conns.last().socket->sendall(correctResponse()), t0, CloseConn);
        break;
    }
    case CloseConn:
        runCloseStep(m_config.serveForever ? Accept : -1);
        break;
    case StepCount:
        break;
    }
}

void HttpHelloServer::onReceived(const CallResult &res)
{
    if (res.failed()) {
        finishStep(res, Recv);
        return;
    }
    QByteArray &request = m_requests.last();
    request += res.data;
    if (!m_config.correct) {
        // The seed reads once, whatever the request's length.
        emit requestReceived(request);
        finishStep(res, SendStatus);
        return;
    }
    if (request.contains(kBlankLine)) {
        emit requestReceived(request);
        finishStep(res, SendAll);
    } else if (res.data.isEmpty()) {
        recordNote(QT_TRANSLATE_NOOP("Note",
            "the client closed before the blank line that ends its request: no "
            "answer, the server closes"));
        finishStep(res, CloseConn);
    } else if (request.size() >= m_config.maxRequest) {
        recordNote(QT_TRANSLATE_NOOP("Note",
                       "no blank line in the first %1 bytes: the request is too long, the "
                       "server gives up and closes without answering"),
            { QString::number(m_config.maxRequest) });
        finishStep(res, CloseConn);
    } else {
        finishStep(res, Recv); // the blank line has not come yet: read on
    }
}

void HttpHelloServer::sendStep(const CallResult &r, qint64 t0, int next)
{
    recordStart(r, kConn, t0);
    whenDone(m_conns.last().socket, r, [this, t0, next](const CallResult &res) {
        const Connection &cc = m_conns.last();
        if (res.ok()) {
            // send() may take fewer bytes than offered; sendall() takes all.
            const qint64 taken
                = res.call == QLatin1String("send") ? res.value.toLongLong() : res.payload.size();
            m_inferrer->dataSent(Side::Server, cc.local, cc.remote, taken, t0,
                cc.socket ? cc.socket->maxSegment() : 0);
        } else {
            cc.watch->poll(); // a reset shows before the error it caused
        }
        recordReturn(res, kConn);
        finishStep(res, next);
    });
}
