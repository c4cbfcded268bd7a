#include "timelinetable.h"

#include "timeline/eventtext.h"
#include "timeline/timeline.h"

#include <QEvent>

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
    fitColumns();
    connect(timeline, &Timeline::rowsInserted, this, &TimelineTable::onRowsInserted);
}

void TimelineTable::fitColumns()
{
    // Sized from every label the column can hold in the UI language, not from
    // the rows present (an empty table would shrink them to "…").
    const QFontMetrics fm(font());
    const int pad = 24;
    int side = 0;
    for (const Side s : { Side::Client, Side::Server })
        for (const QString &socket : { QString(), QStringLiteral("listener") })
            side = qMax(side, fm.horizontalAdvance(EventText::side(s, socket)));
    int source = 0;
    for (const EventSource s : { EventSource::App, EventSource::Kernel, EventSource::Capture,
             EventSource::Inferred, EventSource::Model, EventSource::File })
        source = qMax(source, fm.horizontalAdvance(EventText::source(s)));
    QHeaderView *h = horizontalHeader();
    h->resizeSection(Timeline::TimeColumn,
        qMax(fm.horizontalAdvance(QStringLiteral("00000.000")),
            fm.horizontalAdvance(EventText::tr("Time (ms)")))
            + pad);
    h->resizeSection(
        Timeline::SideColumn, qMax(side, fm.horizontalAdvance(EventText::tr("Endpoint"))) + pad);
    h->resizeSection(
        Timeline::SourceColumn, qMax(source, fm.horizontalAdvance(EventText::tr("Source"))) + pad);
}

void TimelineTable::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        fitColumns();
    QTableView::changeEvent(event);
}

void TimelineTable::onRowsInserted()
{
    QScrollBar *bar = verticalScrollBar();
    // Follow the end only when the user is already there.
    if (bar->value() >= bar->maximum() - 2 * verticalHeader()->defaultSectionSize())
        QMetaObject::invokeMethod(this, &QTableView::scrollToBottom, Qt::QueuedConnection);
}
