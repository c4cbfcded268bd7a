#pragma once

// What several test suites share: running the socketlab binary headless and
// reading its JSON Lines, and running a ScriptedDemo on a timeline and
// reading its call events back. Header-only: each suite is one executable.

#include "programs/scripteddemo.h"
#include "programs/segmentinferrer.h"
#include "timeline/timeline.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QVariantMap>

namespace LabTest {

/** What one run of the socketlab binary printed, and its exit code (-1: crashed or hung). */
struct CliRun
{
    int code = -1;
    QString out;
    QString err;
    QList<QJsonObject> events; ///< the stdout lines that are JSON objects
};

/**
 * Runs the socketlab binary with @p args, headless (no DISPLAY, no
 * QT_QPA_PLATFORM: those modes must not need one), killed after
 * @p timeoutMs milliseconds.
 */
inline CliRun runCli(const QStringList &args, int timeoutMs = 20000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SOCKETLAB_BINARY), args);
    CliRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonDocument d = QJsonDocument::fromJson(line.toUtf8());
        if (d.isObject())
            r.events << d.object();
    }
    return r;
}

/** Index of the first event at or after @p from with every key/value of @p want; -1 if none. */
inline int findEvent(const QList<QJsonObject> &events, const QJsonObject &want, int from = 0)
{
    for (int i = from; i < events.size(); ++i) {
        bool all = true;
        for (auto it = want.begin(); it != want.end() && all; ++it)
            all = events[i].value(it.key()) == it.value();
        if (all)
            return i;
    }
    return -1;
}

inline int findEvent(const QList<QJsonObject> &events, const QVariantMap &want, int from = 0)
{
    return findEvent(events, QJsonObject::fromVariantMap(want), from);
}

/** A timeline with its inferrer, for running one ScriptedDemo and reading what it recorded. */
struct DemoRun
{
    Timeline timeline;
    SegmentInferrer inferrer { &timeline };

    /** Starts @p demo on @p host and waits (at most 15 s) for finished(); its ok flag. */
    static bool run(ScriptedDemo &demo, const QString &host = QStringLiteral("127.0.0.1"))
    {
        QSignalSpy spy(&demo, &ScriptedDemo::finished);
        if (!spy.isValid())
            return false;
        demo.start(host, 0);
        if (spy.isEmpty() && !spy.wait(15000))
            return false;
        return spy.size() == 1 && spy.at(0).at(0).toBool();
    }
    QList<LabEvent> of(EventKind kind) const
    {
        QList<LabEvent> out;
        for (const LabEvent &e : timeline.events()) {
            if (e.kind == kind)
                out << e;
        }
        return out;
    }
    /**
     * The call events as "side socket call phase", e.g. "client client
     * sendall start"; without @p withSide as "socket call phase".
     */
    QStringList calls(bool withSide = true) const
    {
        QStringList out;
        for (const LabEvent &e : of(EventKind::Call)) {
            const QString s
                = QStringLiteral("%1 %2 %3").arg(e.socket, e.call, callPhaseToken(e.phase));
            out << (withSide ? sideToken(e.side) + QLatin1Char(' ') + s : s);
        }
        return out;
    }
    /** Index of the first call event at or after @p from matching; -1 if none. */
    int findCall(const QString &call, CallPhase phase, const QString &socket, int from = 0) const
    {
        for (int i = from; i < timeline.size(); ++i) {
            const LabEvent &e = timeline.at(i);
            if (e.kind == EventKind::Call && e.call == call && e.phase == phase
                && e.socket == socket)
                return i;
        }
        return -1;
    }
};

} // namespace LabTest
