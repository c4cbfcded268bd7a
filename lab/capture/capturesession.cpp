#include "capturesession.h"

#include "timeline/timeline.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTimer>

#include <time.h>

namespace {

const char kHelperName[] = "socketlab-capture";

// CLOCK_MONOTONIC in microseconds: the clock the helper maps capture times onto.
qint64 monotonicUs()
{
    timespec t {};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return qint64(t.tv_sec) * 1000000 + t.tv_nsec / 1000;
}

bool isExecutable(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

} // namespace

CaptureSession::CaptureSession(Timeline *timeline, QObject *parent)
    : QObject(parent)
    , m_timeline(timeline)
    , m_drainTimer(new QTimer(this))
    , m_helperPath(defaultHelperPath())
{
    m_drainTimer->setSingleShot(true);
    connect(m_drainTimer, &QTimer::timeout, this, [this] {
        // The helper did not finish in time: ask, then insist.
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return;
        m_process->terminate();
        QTimer::singleShot(500, m_process, [p = m_process] {
            if (p->state() != QProcess::NotRunning)
                p->kill();
        });
    });
}

CaptureSession::~CaptureSession()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill(); // QProcess's destructor reaps it
    }
}

QString CaptureSession::defaultHelperPath()
{
    const QString fromEnv = qEnvironmentVariable("SOCKETLAB_CAPTURE_HELPER");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString name = QString::fromLatin1(kHelperName);
    if (QCoreApplication::instance()) {
        const QDir appDir(QCoreApplication::applicationDirPath());
        for (const QString &candidate :
            { appDir.filePath(name), appDir.filePath(QStringLiteral("../capture/") + name) }) {
            if (isExecutable(candidate))
                return QDir::cleanPath(candidate);
        }
    }
    return QStandardPaths::findExecutable(name);
}

void CaptureSession::setServerPorts(const QList<quint16> &ports)
{
    m_ports = ports;
    m_tracker.setServerPorts(QSet<quint16>(ports.begin(), ports.end()));
}

quint16 CaptureSession::reservePort(const QString &host)
{
    QTcpServer probe;
    return probe.listen(QHostAddress(host), 0) ? probe.serverPort() : 0;
}

void CaptureSession::start()
{
    if (m_status == Status::Starting || m_status == Status::Running || m_status == Status::Draining)
        return;
    m_status = Status::Starting;
    m_failure = Failure::None;
    m_helperMessage.clear();
    m_buffer.clear();
    m_stderr.clear();
    m_linkType = -1;
    m_packets = 0;
    m_events = 0;
    m_tracker.clear();

    if (m_helperPath.isEmpty() || !isExecutable(m_helperPath)) {
        // Queued, so a caller that connects after start() still hears it.
        QTimer::singleShot(0, this, [this] {
            fail(Failure::NoHelper,
                QStringLiteral("helper not found: %1")
                    .arg(m_helperPath.isEmpty() ? QString::fromLatin1(kHelperName) : m_helperPath));
        });
        return;
    }

    QStringList args { QStringLiteral("--interface"), m_interface };
    if (!m_filter.isEmpty()) {
        args << QStringLiteral("--filter") << m_filter;
    } else if (m_transport != Transport::TcpAndUdp && !m_ports.isEmpty()) {
        // pcap-filter(7): "tcp and (port 8888 or port 8080)".
        QStringList ports;
        for (quint16 port : std::as_const(m_ports))
            ports << QStringLiteral("port %1").arg(port);
        args << QStringLiteral("--filter")
             << QStringLiteral("%1 and (%2)")
                    .arg(m_transport == Transport::Tcp ? QStringLiteral("tcp")
                                                       : QStringLiteral("udp"),
                        ports.join(QLatin1String(" or ")));
    } else {
        for (quint16 port : std::as_const(m_ports))
            args << QStringLiteral("--port") << QString::number(port);
    }
    if (m_process) {
        m_process->disconnect(this);
        m_process->deleteLater();
    }
    m_process = new QProcess(this);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &CaptureSession::onReadyRead);
    connect(m_process, &QProcess::readyReadStandardError, this,
        [this] { m_stderr += m_process->readAllStandardError(); });
    connect(m_process, &QProcess::finished, this, &CaptureSession::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &CaptureSession::onProcessError);
    m_process->start(m_helperPath, args);
    // A helper that never says it has started must not leave the lab waiting:
    // after kStartTimeoutMs it is ended and the lab infers the segments.
    QTimer::singleShot(
        kStartTimeoutMs, Qt::PreciseTimer, this, [this, process = QPointer<QProcess>(m_process)] {
            if (m_status != Status::Starting || process != m_process)
                return;
            fail(Failure::CaptureError,
                QStringLiteral("the helper did not start capturing within %1 ms")
                    .arg(kStartTimeoutMs));
            m_process->kill();
        });
}

void CaptureSession::drain(int timeoutMs)
{
    if (!m_process || m_process->state() == QProcess::NotRunning
        || m_status == Status::Unavailable) {
        QTimer::singleShot(0, this, [this] {
            if (m_status != Status::Unavailable)
                m_status = Status::Stopped;
            emit stopped();
        });
        return;
    }
    if (m_status == Status::Running || m_status == Status::Starting)
        m_status = Status::Draining;
    m_process->closeWriteChannel(); // EOF on the helper's stdin: deliver the rest and exit
    m_drainTimer->start(timeoutMs);
}

QString CaptureSession::unavailableReason() const
{
    switch (m_failure) {
    case Failure::None:
        return {};
    case Failure::NoHelper:
        // There but not startable (not executable, or exec refused): say so, not "not found".
        if (!m_helperPath.isEmpty() && QFileInfo::exists(m_helperPath))
            return tr("Packet capture is not available: the capture helper %1 could not be "
                      "started (%2). The segments shown are inferred from the calls.")
                .arg(m_helperPath, m_helperMessage);
        return tr("Packet capture is not available: the capture helper %1 was not found. "
                  "The segments shown are inferred from the calls.")
            .arg(m_helperPath.isEmpty() ? QString::fromLatin1(kHelperName) : m_helperPath);
    case Failure::NoPermission:
        //: CAP_NET_RAW is a Linux capability name; keep it and the command as they are.
        return tr("Packet capture needs the CAP_NET_RAW capability, which the capture helper "
                  "does not have. Grant it once with: sudo setcap cap_net_raw+ep %1 — until "
                  "then the segments shown are inferred from the calls.")
            .arg(m_helperPath);
    case Failure::CaptureError:
        return tr("Packet capture could not start (%1). The segments shown are inferred from "
                  "the calls.")
            .arg(m_helperMessage);
    case Failure::Crashed:
        return tr("The capture helper stopped unexpectedly (%1). The segments shown are "
                  "inferred from the calls.")
            .arg(m_helperMessage);
    }
    return {};
}

void CaptureSession::onReadyRead()
{
    m_buffer += m_process->readAllStandardOutput();
    qsizetype from = 0;
    for (;;) {
        const qsizetype nl = m_buffer.indexOf('\n', from);
        if (nl < 0)
            break;
        handleLine(m_buffer.mid(from, nl - from));
        from = nl + 1;
    }
    m_buffer.remove(0, from);
}

void CaptureSession::handleLine(const QByteArray &line)
{
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    const QString type = o.value(QLatin1String("type")).toString();
    if (type == QLatin1String("packet")) {
        ++m_packets;
        const DecodedPacket packet = PacketDecoder::decode(
            m_linkType, QByteArray::fromHex(o.value(QLatin1String("data")).toString().toLatin1()));
        // Map the capture instant onto the timeline's clock through "now" on both clocks.
        const qint64 ageUs = monotonicUs() - qint64(o.value(QLatin1String("mono_us")).toDouble());
        const qint64 tUs = qMax<qint64>(0, m_timeline->nowUs() - qMax<qint64>(0, ageUs));
        LabEvent e = m_tracker.toEvent(packet, tUs);
        if (e.kind == EventKind::Segment || e.kind == EventKind::Datagram) {
            m_timeline->append(std::move(e));
            ++m_events;
        }
    } else if (type == QLatin1String("start")) {
        m_linkType = o.value(QLatin1String("linktype")).toInt(-1);
        if (m_status == Status::Starting) {
            m_status = Status::Running;
            emit started();
        }
    }
}

void CaptureSession::onFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    m_drainTimer->stop();
    m_buffer += m_process->readAllStandardOutput();
    if (!m_buffer.isEmpty() && !m_buffer.endsWith('\n'))
        m_buffer += '\n';
    onReadyRead();
    m_stderr += m_process->readAllStandardError();
    const QString message = QString::fromLocal8Bit(m_stderr).trimmed();

    if (m_status == Status::Unavailable)
        return; // given up on already (it never started): the reason stands
    if (m_status == Status::Starting) {
        if (exitStatus == QProcess::NormalExit && exitCode == NoPermissionExitStatus)
            fail(Failure::NoPermission, message);
        else if (exitStatus == QProcess::NormalExit)
            fail(Failure::CaptureError, message);
        else
            fail(Failure::Crashed, message);
        return;
    }
    if (m_status == Status::Running && !(exitStatus == QProcess::NormalExit && exitCode == 0))
        m_helperMessage = message; // ended on its own: keep why, for logs
    m_status = Status::Stopped;
    emit stopped();
}

void CaptureSession::onProcessError(QProcess::ProcessError error)
{
    if (error == QProcess::FailedToStart && m_status == Status::Starting)
        fail(Failure::NoHelper, m_process->errorString());
}

void CaptureSession::fail(Failure failure, const QString &message)
{
    if (m_status == Status::Unavailable)
        return;
    m_status = Status::Unavailable;
    m_failure = failure;
    m_helperMessage = message;
    emit unavailable(unavailableReason());
}
