#include "timelinetable.h"

#include "timeline/timeline.h"

#include <QHeaderView>
#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>

namespace {

// Styles a row by its facts: inferred in italics, failed calls in red.
class EventDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const auto *t = qobject_cast<const Timeline *>(index.model());
        if (!t || index.row() >= t->size())
            return;
        const LabEvent &e = t->at(index.row());
        if (e.source == EventSource::Inferred)
            option->font.setItalic(true);
        if (e.kind == EventKind::Call && e.failed())
            option->palette.setColor(QPalette::Text, QColor(0xc6, 0x28, 0x28));
        else if (e.source == EventSource::Kernel)
            option->palette.setColor(QPalette::Text, QColor(0x0d, 0x47, 0xa1));
    }
};

} // namespace

TimelineTable::TimelineTable(QWidget *parent)
    : QTableView(parent)
{
    setItemDelegate(new EventDelegate(this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setHighlightSections(false);
}

void TimelineTable::setTimeline(Timeline *timeline)
{
    setModel(timeline);
    horizontalHeader()->setSectionResizeMode(Timeline::TimeColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(Timeline::SideColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(Timeline::SourceColumn, QHeaderView::ResizeToContents);
    connect(timeline, &Timeline::rowsInserted, this, &TimelineTable::onRowsInserted);
}

void TimelineTable::onRowsInserted()
{
    QScrollBar *bar = verticalScrollBar();
    // Follow the end only when the user is already there.
    if (bar->value() >= bar->maximum() - 2 * verticalHeader()->defaultSectionSize())
        QMetaObject::invokeMethod(this, &QTableView::scrollToBottom, Qt::QueuedConnection);
}
