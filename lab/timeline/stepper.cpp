#include "stepper.h"

#include "timeline.h"

Stepper::Stepper(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(kBaseIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &Stepper::onTick);
}

void Stepper::setTimeline(Timeline *timeline)
{
    if (m_timeline)
        disconnect(m_timeline, nullptr, this, nullptr);
    m_timeline = timeline;
    pause();
    if (timeline)
        connect(timeline, &Timeline::modelReset, this, &Stepper::first);
    m_current = -2; // force the signal
    first();
}

int Stepper::count() const
{
    return m_timeline ? m_timeline->size() : 0;
}

void Stepper::jumpTo(int row)
{
    const int clamped = count() == 0 ? -1 : qBound(0, row, count() - 1);
    if (clamped == m_current)
        return;
    m_current = clamped;
    emit currentChanged(m_current);
}

void Stepper::next()
{
    jumpTo(m_current + 1);
}

void Stepper::previous()
{
    jumpTo(m_current - 1);
}

void Stepper::first()
{
    jumpTo(0);
}

void Stepper::last()
{
    jumpTo(count() - 1);
}

void Stepper::play()
{
    if (count() == 0 || isPlaying())
        return;
    if (atEnd())
        first(); // playing from the end starts over
    m_timer.start();
    emit playingChanged(true);
}

void Stepper::pause()
{
    if (!m_timer.isActive())
        return;
    m_timer.stop();
    emit playingChanged(false);
}

void Stepper::togglePlay()
{
    isPlaying() ? pause() : play();
}

void Stepper::setSpeed(double speed)
{
    m_speed = qBound(0.25, speed, 4.0);
    m_timer.setInterval(int(kBaseIntervalMs / m_speed));
}

void Stepper::restart()
{
    pause();
    first();
}

void Stepper::onTick()
{
    next();
    if (atEnd())
        pause();
}
