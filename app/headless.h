#pragma once

#include <QObject>
#include <QString>

#include <cstdio>
#include <functional>
#include <memory>

class CaptureSession;
class ServeLoop;
class SocketProgram;
class ExchangeDemo;
class SocketProgram;
class Timeline;
struct CallResult;
struct LabEvent;
struct SockAddr;

/**
 * The command line's window-less modes (ARCHITECTURE.md, "Command line"):
 * `--demo`, `--serve` and `--client` for tcp-echo and udp-echo, `--list`,
 * printing events as JSON Lines (`--json`) or as text in the UI language
 * (`--print`). Runs on a QCoreApplication; returns the process exit code.
 */
class Headless : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Headless)

public:
    enum class Format { Json, Text };

    explicit Headless(Format format, QObject *parent = nullptr);

    /** `--list`: the demos and the scenarios, one per line with a one-line description. */
    static int list();
    /** `--scenario NAME`: the scripted scenario's events, t_us in model time. Exit 2 for an unknown
     * name. */
    int scenario(const QString &name);
    /** `--demo NAME`: runs the exchange on ephemeral (or @p port) loopback ports; prints every
     * event at the end. */
    int demo(const QString &name, const QString &host, quint16 port);
    /** `--serve NAME`: only the server, until SIGINT/SIGTERM; prints "listening on HOST:PORT"
     * first, then events as they come. */
    int serve(const QString &name, const QString &host, quint16 port);
    /** `--client NAME`: only the client against @p host:@p port; prints events at the end. */
    int client(const QString &name, const QString &host, quint16 port);
    /**
     * `--replay FILE`: reads a capture file (ReplayFile, any format wiretap
     * reads); prints each stream's segments and inferred states, then one
     * connection event per stream (--json), or a ladder-like listing per
     * connection in the UI language (--print). A damaged, truncated or
     * unsupported file, or one without any TCP segment: what was read, then
     * a one-line reason (packet number and byte offset) on stderr and exit 2.
     */
    int replay(const QString &path);
    /**
     * `--capture`: a capturableDemo() captures its packets with socketlab-capture
     * (CaptureSession) and shows them instead of inferred segments; without the
     * right to capture it says why on stderr and infers them, as without --capture.
     */
    void setCapture(bool on) { m_capture = on; }
    /** True for the demos that capture: tcp-echo, http-hello and http-reset (TCP, one port). */
    static bool capturableDemo(const QString &name);

    /**
     * `--export-pcap FILE`: after the scenario or demo, also write its segments and
     * datagrams to @p path (PcapExport); print the events only when @p printEvents.
     */
    void setPcapExport(const QString &path, bool printEvents);
    /** True when the --export-pcap file could not be written (the reason is on stderr). */
    bool exportFailed() const { return m_exportFailed; }

    /** True for a demo this build has (silent). */
    static bool hasDemo(const QString &name);
    /** True for a demo this build has; otherwise says so on stderr. */
    static bool knownDemo(const QString &name);
    /**
     * True for a demo with a server and a client of their own (--serve, --client);
     * otherwise (unknown, or --demo only) says why on stderr.
     */
    bool servableDemo(const QString &name);
    /** One event as a line in @p format. */
    static QString formatEvent(const LabEvent &e, Format format);

private:
    /**
     * Runs an exchange until @p demo finishes (or Ctrl+C), started by @p start;
     * prints the timeline and each program's failure. True when it succeeded.
     */
    bool runExchange(ExchangeDemo &demo, const std::function<void()> &start,
        const Timeline &timeline, const SocketProgram &server, const SocketProgram &client);
    int demoUdp(const QString &host, quint16 port);
    int clientUdp(const QString &host, quint16 port);
    /** Prints "listening on HOST:PORT" (a JSON object with --json): the first line of --serve. */
    void announce(const Timeline &timeline, const SockAddr &address);
    /**
     * Runs @p loop's server until SIGINT/SIGTERM, printing events as they
     * come. A client's failure is reported and the server goes on; any
     * other failure ends it with exit code 1. @p stop closes the server at
     * the end.
     */
    int serveLoop(Timeline &timeline, ServeLoop &loop, const std::function<void()> &stop);
    void printAll(const Timeline &timeline);
    void printLine(const QString &line, FILE *to = stdout);
    /**
     * Starts capturing for a demo whose server listens on @p host:@p port (0: an
     * ephemeral port is chosen now and returned in @p port). Null, with the reason
     * on stderr, when capture is not possible.
     */
    std::unique_ptr<CaptureSession> startCapture(
        Timeline &timeline, const QString &host, quint16 &port);
    /** Waits until the running capture (if any) has delivered every packet. */
    void drainCapture();

    Format m_format;
    bool m_capture = false; ///< --capture
    CaptureSession *m_activeCapture = nullptr;
    bool m_announced = false; ///< --serve: the "listening on" line is out
    QString m_pcapPath; ///< --export-pcap
    bool m_printEvents = true;
    bool m_exportFailed = false;
};
