#include "statesview.h"

#include "statecolors.h"
#include "timeline/eventtext.h"
#include "timeline/timeline.h"

#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>

StatesView::StatesView(QWidget *parent)
    : CursorView(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

QSize StatesView::sizeHint() const
{
    return { 640, 170 };
}

QSize StatesView::minimumSizeHint() const
{
    return { 360, 130 };
}

StatesView::Endpoint StatesView::endpoint(Side side) const
{
    Endpoint e;
    const Timeline *t = timeline();
    const int last = lastRow();
    Endpoint conn;
    for (int i = 0; t && i <= last; ++i) {
        const LabEvent &ev = t->at(i);
        if (ev.side != side)
            continue;
        if (ev.kind == EventKind::Call && ev.call == QLatin1String("socket")
            && ev.phase == CallPhase::Return) {
            // A new program run on this side (or another live lab's): start afresh.
            e = Endpoint();
            conn = Endpoint();
            e.udp = ev.args.contains(QLatin1String("SOCK_DGRAM"));
        } else if (ev.kind == EventKind::State) {
            if (e.udp)
                continue; // an older TCP socket of this side settling; this one is UDP
            if (ev.socket == QLatin1String("listener")) {
                e.listener = ev.to;
            } else {
                conn.state = ev.to;
                conn.source = ev.source;
                conn.known = true;
            }
        } else if (ev.kind == EventKind::Segment) {
            e.address = ev.src;
        } else if (ev.kind == EventKind::Datagram) {
            e.address = ev.src;
            e.udp = true;
        } else if (ev.kind == EventKind::Call && ev.call == QLatin1String("bind")
            && side == Side::Server && !ev.failed() && e.address.isEmpty()) {
            // bind's argument, ('127.0.0.1', 8888), shown as the segments show addresses.
            static const QRegularExpression tuple(QStringLiteral("^\\('(.*)', (\\d+)\\)$"));
            const auto m = tuple.match(ev.args.value(0));
            if (m.hasMatch() && m.captured(2) != QLatin1String("0")) // port 0: not known yet
                e.address = m.captured(1).contains(QLatin1Char(':'))
                    ? QStringLiteral("[%1]:%2").arg(m.captured(1), m.captured(2))
                    : QStringLiteral("%1:%2").arg(m.captured(1), m.captured(2));
        }
    }
    // The server shows its connection; between clients, its listening socket.
    const bool useListener = side == Side::Server
        && (!conn.known || (conn.state == TcpState::Closed && e.listener == TcpState::Listen));
    if (useListener && e.listener != TcpState::Unknown) {
        e.state = e.listener;
        e.source = EventSource::Kernel;
        e.known = true;
    } else if (conn.known) {
        e.state = conn.state;
        e.source = conn.source;
        e.known = true;
    }
    return e;
}

qreal StatesView::fittedPointSize(QFont font, const QString &sample, qreal width, qreal wanted)
{
    qreal size = wanted;
    font.setPointSizeF(size);
    while (size > 8 && QFontMetricsF(font).horizontalAdvance(sample) > width) {
        size -= 0.5;
        font.setPointSizeF(size);
    }
    return size;
}

void StatesView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal gap = 12;
    const qreal w = (width() - 3 * gap) / 2;
    const qreal h = height() - 2 * gap;
    paintCard(p, QRectF(gap, gap, w, h), Side::Client, endpoint(Side::Client));
    paintCard(p, QRectF(2 * gap + w, gap, w, h), Side::Server, endpoint(Side::Server));
}

void StatesView::paintCard(QPainter &p, const QRectF &r, Side side, const Endpoint &e) const
{
    const bool udp = e.udp && !e.known;
    // Segments of a program outside the lab, but no state read: unknown, not CLOSED.
    const bool outside = !e.known && !udp && !e.address.isEmpty();
    const QColor accent = LabColors::state(outside ? TcpState::Unknown : e.state);
    QColor fill = accent;
    fill.setAlpha(40);
    p.save();
    p.setPen(QPen(accent, 3));
    p.setBrush(fill);
    p.drawRoundedRect(r, 10, 10);

    const QColor text = palette().color(QPalette::WindowText);
    const qreal pad = 10;
    QRectF inner = r.adjusted(pad, pad / 2, -pad, -pad / 2);

    // Title: which endpoint. Type grows with the card, but never beyond what fits its width.
    QFont title = font();
    title.setBold(true);
    const QString whoText
        = side == Side::Client ? EventText::tr("client") : EventText::tr("server");
    title.setPointSizeF(fittedPointSize(title,
        whoText + QStringLiteral("  ")
            + (e.address.isEmpty() ? QStringLiteral("127.0.0.1:65535") : e.address),
        inner.width(), qMax(10.0, r.height() * 0.085)));
    p.setFont(title);
    p.setPen(text);
    QString head = whoText;
    if (!e.address.isEmpty())
        head += QStringLiteral("  ") + e.address;
    const qreal titleH = QFontMetricsF(title).height();
    p.drawText(QRectF(inner.left(), inner.top(), inner.width(), titleH),
        Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(title).elidedText(head, Qt::ElideRight, inner.width()));

    // The state, big.
    QFont big = font();
    big.setBold(true);
    const QString name = udp ? QStringLiteral("UDP")
        : outside            ? QStringLiteral("?")
                             : tcpStateName(e.state);
    // The longest state name sets the size, so the type does not jump between states.
    big.setPointSizeF(fittedPointSize(
        big, QStringLiteral("SYN-RECEIVED"), inner.width(), qMax(12.0, r.height() * 0.24)));
    p.setFont(big);
    p.setPen(accent.darker(130));
    const qreal bigH = QFontMetricsF(big).height();
    const qreal bigTop = inner.top() + titleH + 2;
    p.drawText(
        QRectF(inner.left(), bigTop, inner.width(), bigH), Qt::AlignLeft | Qt::AlignVCenter, name);

    // Gloss and source.
    QFont small = font();
    small.setPointSizeF(fittedPointSize(
        small, tcpStateGloss(TcpState::FinWait2), inner.width(), qMax(9.0, r.height() * 0.075)));
    p.setFont(small);
    p.setPen(text);
    const qreal smallH = QFontMetricsF(small).height();
    qreal y = bigTop + bigH;
    p.drawText(QRectF(inner.left(), y, inner.width(), smallH), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(small).elidedText(udp ? tr("datagrams: no connection, no TCP state")
                : outside ? tr("state unknown: the lab cannot read another program's socket")
                          : tcpStateGloss(e.state),
            Qt::ElideRight, inner.width()));
    y += smallH;
    // Segments but no state: the peer is a program outside the lab (the seed's client, curl …).
    QString src = e.known     ? EventText::source(e.source)
        : udp                 ? tr("sendto() and recvfrom(); nothing to read from the kernel")
        : e.address.isEmpty() ? tr("no socket yet")
                              : tr("a program outside the lab: its state is not read");
    if (side == Side::Server && e.listener != TcpState::Unknown && e.state != e.listener)
        src = tr("listening socket: %1").arg(tcpStateName(e.listener)) + QStringLiteral(" · ")
            + src;
    QFont italic = small;
    italic.setItalic(true);
    p.setFont(italic);
    p.setPen(palette().color(QPalette::PlaceholderText));
    if (y + smallH <= r.bottom())
        p.drawText(QRectF(inner.left(), y, inner.width(), smallH), Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(italic).elidedText(src, Qt::ElideRight, inner.width()));
    p.restore();
}
