#include "stepperbar.h"

#include "timeline/stepper.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QToolButton>

StepperBar::StepperBar(Stepper *stepper, QWidget *parent)
    : QWidget(parent)
    , m_stepper(stepper)
    , m_first(new QToolButton(this))
    , m_previous(new QToolButton(this))
    , m_play(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_last(new QToolButton(this))
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_position(new QLabel(this))
    , m_speed(new QComboBox(this))
{
    m_first->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    m_previous->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_next->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_last->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    for (const double s : { 0.25, 0.5, 1.0, 2.0, 4.0 })
        m_speed->addItem(QStringLiteral("%1×").arg(s), s);
    m_speed->setCurrentIndex(2);
    m_slider->setPageStep(1);
    m_position->setMinimumWidth(
        fontMetrics().horizontalAdvance(QStringLiteral("Step 9999 of 9999")) + 8);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *w : { static_cast<QWidget *>(m_first), static_cast<QWidget *>(m_previous),
             static_cast<QWidget *>(m_play), static_cast<QWidget *>(m_next),
             static_cast<QWidget *>(m_last) })
        layout->addWidget(w);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_position);
    layout->addWidget(m_speed);

    connect(m_first, &QToolButton::clicked, m_stepper, &Stepper::first);
    connect(m_previous, &QToolButton::clicked, m_stepper, &Stepper::previous);
    connect(m_play, &QToolButton::clicked, m_stepper, &Stepper::togglePlay);
    connect(m_next, &QToolButton::clicked, m_stepper, &Stepper::next);
    connect(m_last, &QToolButton::clicked, m_stepper, &Stepper::last);
    connect(m_slider, &QSlider::valueChanged, m_stepper, &Stepper::jumpTo);
    connect(m_speed, &QComboBox::currentIndexChanged, this,
        [this] { m_stepper->setSpeed(m_speed->currentData().toDouble()); });
    connect(m_stepper, &Stepper::currentChanged, this, &StepperBar::refresh);
    connect(m_stepper, &Stepper::playingChanged, this, &StepperBar::refresh);
    retranslateUi();
}

QString StepperBar::positionText() const
{
    //: %1 the step shown (1-based), %2 the number of steps
    return tr("Step %1 of %2").arg(m_stepper->current() + 1).arg(m_stepper->count());
}

void StepperBar::refresh()
{
    const QSignalBlocker block(m_slider);
    m_slider->setRange(0, qMax(0, m_stepper->count() - 1));
    m_slider->setValue(qMax(0, m_stepper->current()));
    m_position->setText(positionText());
    m_play->setIcon(style()->standardIcon(
        m_stepper->isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(m_stepper->isPlaying() ? tr("Pause (Space)") : tr("Play (Space)"));
    m_first->setEnabled(!m_stepper->atStart());
    m_previous->setEnabled(!m_stepper->atStart());
    m_next->setEnabled(!m_stepper->atEnd());
    m_last->setEnabled(!m_stepper->atEnd());
}

void StepperBar::retranslateUi()
{
    m_position->setMinimumWidth(
        fontMetrics().horizontalAdvance(tr("Step %1 of %2").arg(9999).arg(9999)) + 8);
    m_first->setToolTip(tr("First step (Home)"));
    m_previous->setToolTip(tr("Previous step (← or Page Up)"));
    m_next->setToolTip(tr("Next step (→ or Page Down)"));
    m_last->setToolTip(tr("Last step (End)"));
    m_speed->setToolTip(tr("Playing speed"));
    refresh();
}

void StepperBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
