#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

class Timeline;

/** A scripted scenario's name and words (translated when shown). */
struct ScenarioInfo
{
    QString name; ///< e.g. "three-way-handshake"; stable, used on the command line
    const char *title; ///< QT_TRANSLATE_NOOP("Scenario", …)
    const char *summary; ///< one line for --list, QT_TRANSLATE_NOOP("Scenario", …)
};

/**
 * The scripted scenarios of the teaching core: each runs two (or more)
 * TcpConnection models of RFC 9293 over a simulated network with a fixed
 * one-way delay (and, where the scenario says so, lost segments), on model
 * time, and writes what happens to a Timeline as `model` events: the calls
 * of the programs (with the line of our example programs that makes them),
 * every segment (flags, relative and raw seq/ack, len, win, options), every
 * state change with the RFC diagram arc it takes, and a caption per step
 * (a note event; its key is in the "Caption" translation context).
 */
class Scenarios
{
    Q_DECLARE_TR_FUNCTIONS(Scenarios)

public:
    /** Every scenario, in teaching order. */
    static const QList<ScenarioInfo> &list();
    /** The scenario called @p name, or nullptr. */
    static const ScenarioInfo *find(const QString &name);
    /** Its title in the UI language. */
    static QString title(const ScenarioInfo &info);
    /** Its one-line summary in the UI language. */
    static QString summary(const ScenarioInfo &info);

    /**
     * Clears @p timeline and fills it with scenario @p name, times in model
     * microseconds from 0. False (timeline untouched) for an unknown name.
     */
    static bool build(const QString &name, Timeline *timeline);

    /** One-way delay of the simulated network, µs. */
    static constexpr qint64 kOneWayDelayUs = 10000;
};
