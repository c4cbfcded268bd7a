#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;
class Stepper;

/**
 * The controls of a Stepper: first, previous, play/pause, next, last, a
 * position slider, the step count and the speed. The keys (→ ← Space Home
 * End PageUp PageDown) are the main window's actions, so they also work
 * while the focus is elsewhere.
 */
class StepperBar : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StepperBar)

public:
    explicit StepperBar(Stepper *stepper, QWidget *parent = nullptr);

    /** "Step 4 of 23", in the UI language. */
    QString positionText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();

    Stepper *m_stepper = nullptr;
    QToolButton *m_first = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_play = nullptr;
    QToolButton *m_next = nullptr;
    QToolButton *m_last = nullptr;
    QSlider *m_slider = nullptr;
    QLabel *m_position = nullptr;
    QComboBox *m_speed = nullptr;
};
