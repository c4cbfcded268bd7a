#include "ladderview.h"

#include "statecolors.h"
#include "timeline/eventtext.h"
#include "timeline/timeline.h"
#include "timeline/windowscale.h"

#include <QHelpEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QVariantAnimation>
#include <QtMath>

LadderView::LadderView(QWidget *parent)
    : CursorView(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    // The flight of the segment at the cursor; the animation stops by itself when it lands.
    m_flight = new QVariantAnimation(this);
    m_flight->setStartValue(0.0);
    m_flight->setEndValue(1.0);
    m_flight->setDuration(500);
    m_flight->setEasingCurve(QEasingCurve::InOutQuad);
    connect(m_flight, &QVariantAnimation::valueChanged, this, [this](const QVariant &v) {
        m_flightProgress = v.toReal();
        update();
    });
}

void LadderView::setFlightProgress(qreal progress)
{
    progress = qBound<qreal>(0, progress, 1);
    if (progress >= 1 && m_flight->state() != QAbstractAnimation::Stopped)
        m_flight->stop();
    m_flightProgress = progress;
    update();
}

void LadderView::setShowRaw(bool raw)
{
    if (raw == m_showRaw)
        return;
    m_showRaw = raw;
    update();
    emit showRawChanged(raw);
}

QString LadderView::segmentLabel(int row) const
{
    const Timeline *t = timeline();
    if (!t || row < 0 || row >= t->size())
        return {};
    const LabEvent &e = t->at(row);
    QString label;
    if (e.kind == EventKind::Segment) {
        label = EventText::ladderLabel(e, m_showRaw);
    } else if (e.kind == EventKind::Datagram) {
        constexpr int kShown = 24; // characters of the payload on the arrow
        QString text = EventText::escaped(e.text());
        if (text.size() > kShown)
            text = text.left(kShown) + QStringLiteral("…");
        label = (QStringLiteral("UDP ") + EventText::segmentLabel(e)).simplified()
            + QStringLiteral(" \"") + text + QLatin1Char('"');
    } else {
        return {};
    }
    if (e.stream > 0)
        label = QStringLiteral("#%1 ").arg(e.stream) + label;
    return label;
}

QString LadderView::optionsLabel(int row) const
{
    const Timeline *t = timeline();
    if (!t || row < 0 || row >= t->size())
        return {};
    const LabEvent &e = t->at(row);
    // Options are negotiated on the handshake; a data segment's (timestamps) stay in the tool tip.
    if (e.kind != EventKind::Segment || !e.flags.contains(QLatin1String("SYN")))
        return {};
    return EventText::optionsLabel(e.options);
}

QString LadderView::toolTip(int row) const
{
    const Timeline *t = timeline();
    if (!t || row < 0 || row >= t->size())
        return {};
    const LabEvent &e = t->at(row);
    if (e.kind != EventKind::Segment)
        return e.kind == EventKind::Datagram ? EventText::describe(e) : QString();
    QStringList lines { EventText::describe(e) };
    const QString notObserved = tr("not observed");
    auto raw = [&notObserved](qint64 v) { return v < 0 ? notObserved : QString::number(v); };
    if (e.seq >= 0)
        //: %1 relative sequence number, %2 the 32-bit number on the wire
        lines << tr("seq: %1 relative, %2 raw").arg(QString::number(e.seq), raw(e.seqRaw));
    if (e.ack >= 0)
        //: %1 relative acknowledgment number, %2 the 32-bit number on the wire
        lines << tr("ack: %1 relative, %2 raw").arg(QString::number(e.ack), raw(e.ackRaw));
    if (!e.options.isEmpty())
        lines << tr("Options: %1").arg(e.options.join(QLatin1Char(' ')));
    if (e.win >= 0) {
        const int shift = WindowScale::shiftFor(*t, row);
        if (e.flags.contains(QLatin1String("SYN")))
            lines << tr("Window: %1 bytes; a SYN's window is never scaled (RFC 7323).").arg(e.win);
        else if (shift > 0)
            //: %1 window in bytes, %2 the window field on the wire, %3 the shift count
            lines << tr("Window: %1 bytes = %2 × 2^%3, Wireshark's calculated window size "
                        "(the field on the wire holds %2).")
                         .arg(e.win)
                         .arg(WindowScale::rawWindow(e, shift))
                         .arg(shift);
        else if (shift == 0)
            lines << tr("Window: %1 bytes, not scaled: window scaling is not in use.").arg(e.win);
        else
            lines << tr("Window: %1 bytes, already scaled; the scale factor is unknown because "
                        "the handshake is not on the timeline.")
                         .arg(e.win);
    }
    lines << EventText::sourceExplanation(e.source);
    if (e.frame >= 0)
        //: %1 the packet's number in the capture file (Wireshark's frame.number)
        lines << tr("Packet %1 of the capture file.").arg(e.frame);
    return lines.join(QLatin1Char('\n'));
}

int LadderView::rowAt(QPoint pos) const
{
    for (const Item &i : m_items) {
        if (pos.y() >= i.y && pos.y() < i.y + i.height)
            return i.row;
    }
    return -1;
}

bool LadderView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTip(rowAt(help->pos()));
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return CursorView::event(event);
}

QSize LadderView::sizeHint() const
{
    return { 560, int(m_contentHeight) };
}

QSize LadderView::minimumSizeHint() const
{
    return { 360, int(m_contentHeight) };
}

int LadderView::segmentCount() const
{
    int n = 0;
    for (const Item &i : m_items) {
        const EventKind k = timeline()->at(i.row).kind;
        n += k == EventKind::Segment || k == EventKind::Datagram;
    }
    return n;
}

qreal LadderView::headerHeight() const
{
    return fontMetrics().height() * 3.6; // names, addresses and three legend lines
}

void LadderView::timelineChanged()
{
    // A step forward by one onto a segment sets it flying; any other move lands it.
    const int row = currentRow();
    if (row != m_previousRow) {
        const Timeline *t = timeline();
        const bool step
            = t && row >= 0 && m_previousRow >= 0 && row == m_previousRow + 1 && row < t->size();
        const EventKind kind = step ? t->at(row).kind : EventKind::Note;
        m_flight->stop();
        if (kind == EventKind::Segment || kind == EventKind::Datagram) {
            m_flightRow = row;
            m_flightProgress = 0;
            m_flight->start();
        } else {
            m_flightRow = -1;
            m_flightProgress = 1;
        }
        m_previousRow = row;
    }
    layoutItems();
    CursorView::timelineChanged();
}

void LadderView::layoutItems()
{
    m_items.clear();
    const Timeline *t = timeline();
    const qreal line = fontMetrics().height();
    qreal y = headerHeight() + line * 0.5;
    const int last = lastRow();
    for (int i = 0; t && i <= last; ++i) {
        const LabEvent &e = t->at(i);
        qreal h = 0;
        switch (e.kind) {
        case EventKind::Segment:
        case EventKind::Datagram:
            // A handshake segment has a second line for its options.
            h = line * (optionsLabel(i).isEmpty() ? 2.6 : 3.5);
            break;
        case EventKind::State:
            h = line * 1.5;
            break;
        case EventKind::Call:
            // Non-blocking calls and the start of blocking ones: one label each.
            h = line * 1.25;
            break;
        default:
            break;
        }
        if (h > 0) {
            m_items.append({ i, y, h });
            y += h;
        }
    }
    m_contentHeight = y + line;
    setMinimumHeight(int(m_contentHeight));
}

namespace {

void drawArrow(QPainter &p, QPointF from, QPointF to, const QColor &color, bool dashed)
{
    QPen pen(color, 2.2);
    if (dashed)
        pen.setStyle(Qt::DashLine);
    p.setPen(pen);
    p.drawLine(from, to);
    const qreal angle = qAtan2(to.y() - from.y(), to.x() - from.x());
    const qreal len = 11;
    const QPointF a = to - QPointF(len * qCos(angle - 0.4), len * qSin(angle - 0.4));
    const QPointF b = to - QPointF(len * qCos(angle + 0.4), len * qSin(angle + 0.4));
    QPainterPath head;
    head.moveTo(to);
    head.lineTo(a);
    head.lineTo(b);
    head.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPath(head);
}

} // namespace

void LadderView::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const Timeline *t = timeline();
    const qreal line = fontMetrics().height();
    const qreal margin = qMax<qreal>(140, width() * 0.2);
    const qreal xc = margin;
    const qreal xs = width() - margin;
    const QColor text = palette().color(QPalette::Text);
    const QColor dim = palette().color(QPalette::PlaceholderText);

    // Endpoint addresses, taken from the first segment each side sent.
    QString clientAddr, serverAddr;
    for (int i = 0; t && i < t->size(); ++i) {
        const LabEvent &e = t->at(i);
        if (e.kind != EventKind::Segment)
            continue;
        (e.side == Side::Client ? clientAddr : serverAddr) = e.src;
        if (!clientAddr.isEmpty() && !serverAddr.isEmpty())
            break;
    }

    // Header: the two endpoints and the legend.
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(text);
    p.drawText(QRectF(xc - margin, 2, 2 * margin, line), Qt::AlignCenter, EventText::tr("client"));
    p.drawText(QRectF(xs - margin, 2, 2 * margin, line), Qt::AlignCenter, EventText::tr("server"));
    p.setFont(font());
    p.setPen(dim);
    p.drawText(QRectF(xc - margin, 2 + line, 2 * margin, line), Qt::AlignCenter, clientAddr);
    p.drawText(QRectF(xs - margin, 2 + line, 2 * margin, line), Qt::AlignCenter, serverAddr);
    const qreal legendY = 2 + line * 0.5;
    const qreal lx = xc + (xs - xc) * 0.5 - 110;
    QPen solid(text, 2);
    p.setPen(solid);
    p.drawLine(QPointF(lx, legendY + line * 0.5), QPointF(lx + 28, legendY + line * 0.5));
    p.drawText(
        QRectF(lx + 32, legendY, 200, line), Qt::AlignLeft | Qt::AlignVCenter, tr("observed"));
    QPen dashed(text, 2, Qt::DashLine);
    p.setPen(dashed);
    p.drawLine(QPointF(lx, legendY + line * 1.5), QPointF(lx + 28, legendY + line * 1.5));
    p.drawText(QRectF(lx + 32, legendY + line, 200, line), Qt::AlignLeft | Qt::AlignVCenter,
        tr("inferred from calls"));
    // Which numbers the labels show; "win=" is always the scaled window, Wireshark's "Win=".
    p.setPen(dim);
    p.drawText(QRectF(lx, legendY + line * 2, 320, line), Qt::AlignLeft | Qt::AlignVCenter,
        m_showRaw ? tr("seq/ack raw (* relative: not observed) · win scaled")
                  : tr("seq/ack relative · win scaled"));

    // The row at the cursor, behind everything else.
    const qreal top = headerHeight();
    if (currentRow() >= 0) {
        for (const Item &it : std::as_const(m_items)) {
            if (it.row != currentRow())
                continue;
            QColor band = palette().color(QPalette::Highlight);
            band.setAlpha(50);
            p.fillRect(QRectF(0, it.y, width(), it.height), band);
        }
    }

    // Lifelines.
    p.setPen(QPen(dim, 1.5));
    p.drawLine(QPointF(xc, top), QPointF(xc, qMax<qreal>(height(), m_contentHeight)));
    p.drawLine(QPointF(xs, top), QPointF(xs, qMax<qreal>(height(), m_contentHeight)));

    const QRect visible = event->rect();
    for (const Item &it : std::as_const(m_items)) {
        if (it.y > visible.bottom() || it.y + it.height < visible.top())
            continue;
        const LabEvent &e = t->at(it.row);
        const bool client = e.side == Side::Client;
        const qreal x = client ? xc : xs;
        switch (e.kind) {
        case EventKind::Segment:
        case EventKind::Datagram: {
            const QColor c = LabColors::segment(e.flags, e.len);
            const QString options = optionsLabel(it.row);
            const qreal labelHeight = options.isEmpty() ? line * 1.2 : line * 2.1;
            const QPointF from(client ? xc : xs, it.y + labelHeight);
            QPointF to(client ? xs : xc, it.y + it.height - line * 0.3);
            if (it.row == m_flightRow && m_flightProgress < 1) // in flight: the arrow grows
                to = from + (to - from) * qMax<qreal>(m_flightProgress, 0.02);
            drawArrow(p, from, to, c, e.source == EventSource::Inferred);
            const QString label = segmentLabel(it.row);
            QFont f = font();
            f.setBold(true);
            p.setFont(f);
            p.setPen(c.darker(120));
            const QRectF box(xc + 8, it.y, xs - xc - 16, line * 1.1);
            p.drawText(box, Qt::AlignCenter,
                QFontMetricsF(f).elidedText(label, Qt::ElideRight, box.width()));
            p.setFont(font());
            if (!options.isEmpty()) {
                const QRectF optionsBox(xc + 8, it.y + line * 0.95, xs - xc - 16, line * 1.1);
                p.drawText(optionsBox, Qt::AlignCenter,
                    fontMetrics().elidedText(options, Qt::ElideRight, int(optionsBox.width())));
            }
            break;
        }
        case EventKind::State: {
            const QString name = tcpStateName(e.to);
            QFont f = font();
            f.setBold(true);
            const qreal w = QFontMetricsF(f).horizontalAdvance(name) + 14;
            const QRectF pill(x - w / 2, it.y + line * 0.15, w, line * 1.2);
            QColor fill = LabColors::state(e.to);
            p.setPen(QPen(fill.darker(120), 1.2,
                e.source == EventSource::Inferred ? Qt::DashLine : Qt::SolidLine));
            fill.setAlpha(60);
            p.setBrush(fill);
            p.drawRoundedRect(pill, 6, 6);
            p.setBrush(Qt::NoBrush);
            p.setFont(f);
            p.setPen(text);
            p.drawText(pill, Qt::AlignCenter, name);
            p.setFont(font());
            break;
        }
        case EventKind::Call: {
            QString label = e.call + QStringLiteral("()");
            if (e.phase == CallPhase::Start)
                label += QStringLiteral(" …");
            else if (e.failed())
                label += QStringLiteral(" ✗ ") + errorName(e.errorDomain, e.errnum);
            else if (e.result.isValid() && (e.call == QLatin1String("connect_ex")))
                label += QStringLiteral(" → ") + e.result.toString();
            p.setPen(e.failed() ? QColor(0xc6, 0x28, 0x28) : dim);
            const QRectF box = client ? QRectF(4, it.y, xc - 14, line * 1.2)
                                      : QRectF(xs + 10, it.y, width() - xs - 14, line * 1.2);
            p.drawText(box, (client ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter,
                fontMetrics().elidedText(label, Qt::ElideRight, int(box.width())));
            p.setPen(QPen(dim, 1));
            p.drawLine(QPointF(x - 4, it.y + line * 0.6), QPointF(x + 4, it.y + line * 0.6));
            break;
        }
        default:
            break;
        }
    }
}
