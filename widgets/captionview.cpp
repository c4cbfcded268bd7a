#include "captionview.h"

#include "timeline/eventtext.h"
#include "timeline/timeline.h"

#include <QPainter>

CaptionView::CaptionView(QWidget *parent)
    : CursorView(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QString CaptionView::caption() const
{
    const Timeline *t = timeline();
    for (int i = lastRow(); t && i >= 0; --i) {
        if (!t->at(i).noteKey.isEmpty())
            return EventText::caption(t->at(i));
    }
    return {};
}

void CaptionView::setTextPointSize(qreal size)
{
    m_pointSize = size;
    updateGeometry();
    update();
}

QSize CaptionView::sizeHint() const
{
    QFont f = font();
    f.setPointSizeF(m_pointSize);
    return { 600, int(QFontMetricsF(f).lineSpacing() * 3 + 16) };
}

void CaptionView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    QFont f = font();
    f.setPointSizeF(m_pointSize);
    p.setFont(f);
    p.setPen(palette().color(QPalette::WindowText));
    const QRect r = rect().adjusted(8, 4, -8, -4);
    p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, caption());
}
