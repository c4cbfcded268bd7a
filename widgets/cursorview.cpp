#include "cursorview.h"

#include "timeline/timeline.h"

#include <QEvent>

CursorView::CursorView(QWidget *parent)
    : QWidget(parent)
{
}

void CursorView::setTimeline(Timeline *timeline)
{
    if (m_timeline)
        disconnect(m_timeline, nullptr, this, nullptr);
    m_timeline = timeline;
    if (timeline) {
        connect(timeline, &Timeline::eventAdded, this, &CursorView::timelineChanged);
        connect(timeline, &Timeline::modelReset, this, &CursorView::timelineChanged);
        connect(timeline, &Timeline::dataChanged, this, &CursorView::timelineChanged);
    }
    timelineChanged();
}

void CursorView::setCurrentRow(int row)
{
    m_row = row;
    timelineChanged();
}

int CursorView::lastRow() const
{
    if (!m_timeline)
        return -1;
    const int end = m_timeline->size() - 1;
    return m_row < 0 ? end : qMin(m_row, end);
}

void CursorView::timelineChanged()
{
    updateGeometry();
    update();
}

void CursorView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange
        || event->type() == QEvent::FontChange)
        timelineChanged();
    QWidget::changeEvent(event);
}
