#pragma once

#include "timeline/timeline.h"

#include <QPointer>
#include <QWidget>

/**
 * Base of the views that show a Timeline up to a cursor: the row shown
 * (-1 follows the end, as in a live session). Views repaint when the
 * timeline changes or the cursor moves, and read words at paint time, so
 * a language switch just repaints.
 */
class CursorView : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CursorView)

public:
    explicit CursorView(QWidget *parent = nullptr);

    void setTimeline(Timeline *timeline);
    Timeline *timeline() const { return m_timeline; }
    /** Shows the timeline up to and including @p row; -1 follows the end. */
    void setCurrentRow(int row);
    int currentRow() const { return m_row; }
    /** The last row to show (the cursor, or the end), -1 when empty. */
    int lastRow() const;

protected:
    /** The timeline or the cursor changed. Default: update(). */
    virtual void timelineChanged();
    void changeEvent(QEvent *event) override;

private:
    QPointer<Timeline> m_timeline;
    int m_row = -1;
};
