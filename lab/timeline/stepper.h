#pragma once

#include "timeline.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

/**
 * Steps through any timeline (a scenario, a live session, an imported
 * capture): the current row, next / previous, first / last, jump, and
 * play / pause at a speed. Views show the timeline up to current().
 * Playing advances one row per interval (1.2 s at speed 1) and stops at
 * the end.
 */
class Stepper : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Stepper)

public:
    explicit Stepper(QObject *parent = nullptr);

    /** Follows @p timeline; the cursor goes to its first row. */
    void setTimeline(Timeline *timeline);
    Timeline *timeline() const { return m_timeline; }
    /** The current row, -1 when the timeline is empty. */
    int current() const { return m_current; }
    int count() const;
    bool atStart() const { return m_current <= 0; }
    bool atEnd() const { return m_current >= count() - 1; }
    bool isPlaying() const { return m_timer.isActive(); }
    /** Steps per interval multiplier: 0.25 … 4. */
    double speed() const { return m_speed; }
    /** Milliseconds between two steps while playing, at speed 1. */
    static constexpr int kBaseIntervalMs = 1200;

public slots:
    void next();
    void previous();
    void first();
    void last();
    /** Moves to @p row (clamped to the timeline). */
    void jumpTo(int row);
    void play();
    void pause();
    void togglePlay();
    void setSpeed(double speed);
    /** Back to the first row and paused. */
    void restart();

signals:
    void currentChanged(int row);
    void playingChanged(bool playing);

private:
    void onTick();

    QPointer<Timeline> m_timeline;
    QTimer m_timer;
    int m_current = -1;
    double m_speed = 1.0;
};
