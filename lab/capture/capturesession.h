#pragma once

#include "capture/capturetracker.h"

#include <QList>
#include <QObject>
#include <QProcess>
#include <QString>

class QTimer;
class Timeline;

/**
 * Live packet capture for a timeline, through the helper program
 * `socketlab-capture` (capture/main.cpp), as Wireshark runs dumpcap: only
 * the helper needs CAP_NET_RAW; this process never runs privileged.
 *
 * start() launches the helper with QProcess (never blocking the event loop)
 * on an interface (default `lo`) with a BPF filter for the given ports. The
 * helper writes JSON Lines (documented in capture/main.cpp): a `start` line
 * once the capture is running — then started() is emitted, and packets sent
 * from then on will be seen — and one `packet` line per frame with its bytes
 * in hex and its capture time on CLOCK_MONOTONIC (pcap(3PCAP) stamps
 * packets with the wall clock; the helper maps it). Each frame is decoded
 * (PacketDecoder), turned into a Segment or Datagram event with source
 * Capture (CaptureTracker: relative seq/ack, stream, scaled window, side)
 * and inserted into the Timeline at its capture time, mapped onto the
 * Timeline's clock: tUs = timeline.nowUs() − (monotonic now − capture time).
 *
 * When the helper cannot capture — it lacks CAP_NET_RAW (its exit status 4),
 * the interface is missing, or the helper itself is — unavailable() carries
 * the reason in the UI language; failure() keeps the fact. drain() stops the
 * capture without losing packets: the helper is told to stop (its stdin is
 * closed), delivers what the kernel still holds and exits; stopped() follows
 * once every packet is on the timeline (bounded: after @p timeoutMs the
 * helper is terminated).
 */
class CaptureSession : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureSession)

public:
    enum class Status { Idle, Starting, Running, Draining, Stopped, Unavailable };
    enum class Failure {
        None,
        NoHelper, ///< the helper program is missing or could not be executed
        NoPermission, ///< the helper lacks CAP_NET_RAW (PCAP_ERROR_PERM_DENIED, exit status 4)
        CaptureError, ///< capture could not start: no such interface, bad filter (exit status 3)
        Crashed, ///< the helper ended abnormally
    };
    /** The helper's exit status when it may not capture. */
    static constexpr int NoPermissionExitStatus = 4;
    /**
     * A free TCP port on @p host (numeric), for a server that is to bind it
     * later: the capture filter must name the port before the server exists.
     * 0 when none could be had. The port is released at once, so another
     * program could take it first (rare on loopback; the bind then fails visibly).
     */
    static quint16 reservePort(const QString &host = QStringLiteral("127.0.0.1"));
    /** How long start() waits for the helper's first line before giving up, in milliseconds. */
    static constexpr int kStartTimeoutMs = 5000;

    explicit CaptureSession(Timeline *timeline, QObject *parent = nullptr);
    ~CaptureSession() override;

    /**
     * Where the helper is looked for: $SOCKETLAB_CAPTURE_HELPER, then next to
     * the application, then ../capture/ of it (the build tree), then $PATH.
     * Empty when not found.
     */
    static QString defaultHelperPath();
    void setHelperPath(const QString &path) { m_helperPath = path; }
    QString helperPath() const { return m_helperPath; }

    /** The interface to capture on (default "lo"). */
    void setInterface(const QString &name) { m_interface = name; }
    /** Which transport the ports' filter lets through. */
    enum class Transport { Tcp, Udp, TcpAndUdp };
    /**
     * Capture @p transport (default TCP: the lab's TCP labs; a UDP program on
     * the same port number is another socket) on these ports; they also name
     * the server end of each connection (CaptureTracker::setServerPorts).
     * Empty: all TCP/UDP.
     */
    void setServerPorts(const QList<quint16> &ports);
    void setTransport(Transport transport) { m_transport = transport; }
    /** A pcap-filter(7) expression instead of the ports' filter (sides still follow the ports). */
    void setFilter(const QString &expression) { m_filter = expression; }

    /** Launches the helper; started() or unavailable() follows. */
    void start();
    /**
     * Stops the capture once the helper has delivered every packet; emits
     * stopped() (at once, queued, if nothing runs). After @p timeoutMs
     * milliseconds the helper is terminated.
     */
    void drain(int timeoutMs = 3000);

    Status status() const { return m_status; }
    bool isRunning() const { return m_status == Status::Running; }
    Failure failure() const { return m_failure; }
    /** The helper's own message (its stderr, English), for logs. */
    QString helperMessage() const { return m_helperMessage; }
    /** The reason unavailable() gave, translated now. */
    QString unavailableReason() const;
    /** DLT_ link type of the capture (pcap_datalink()), -1 before started(). */
    int linkType() const { return m_linkType; }
    /** Packets received from the helper, and how many became timeline events. */
    int packetCount() const { return m_packets; }
    int eventCount() const { return m_events; }

signals:
    /** The capture runs: packets sent from now on reach the timeline. */
    void started();
    /** Capture is not possible; @p reason says why and what to do, in the UI language. */
    void unavailable(const QString &reason);
    /** The helper has ended and every packet it delivered is on the timeline. */
    void stopped();

private:
    void onReadyRead();
    void onFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void onProcessError(QProcess::ProcessError error);
    void handleLine(const QByteArray &line);
    void fail(Failure failure, const QString &message);

    Timeline *m_timeline = nullptr;
    QProcess *m_process = nullptr;
    QTimer *m_drainTimer = nullptr;
    CaptureTracker m_tracker;
    QString m_helperPath;
    QString m_interface = QStringLiteral("lo");
    QList<quint16> m_ports;
    Transport m_transport = Transport::Tcp;
    QString m_filter;
    QByteArray m_buffer;
    QByteArray m_stderr;
    Status m_status = Status::Idle;
    Failure m_failure = Failure::None;
    QString m_helperMessage;
    int m_linkType = -1;
    int m_packets = 0;
    int m_events = 0;
};
