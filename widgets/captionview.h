#pragma once

#include "cursorview.h"

/**
 * The teaching caption of the step shown: the latest caption at or before
 * the cursor (a note, or the words riding on a step), in the UI language, in large type (it grows
 * with the widget, for a projector).
 */
class CaptionView : public CursorView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptionView)

public:
    explicit CaptionView(QWidget *parent = nullptr);

    /** The caption shown, in the UI language; empty when none. */
    QString caption() const;
    /** Point size of the text (default 15); presentation mode uses more. */
    void setTextPointSize(qreal size);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    qreal m_pointSize = 15;
};
