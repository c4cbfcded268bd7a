#include "statediagramview.h"

#include "statecolors.h"
#include "timeline/eventtext.h"
#include "timeline/timeline.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>
#include <QVariantAnimation>
#include <QtMath>

#include <array>

namespace {

// The logical canvas: RFC 9293 Figure 5's layout, scaled by the widget to fit.
constexpr qreal kWidth = 1000;
constexpr qreal kHeight = 960;
constexpr qreal kBoxW = 160;
constexpr qreal kBoxH = 56;
constexpr int kNamePx = 20;
constexpr int kTermPx = 14;
constexpr int kLabelPx = 15;
constexpr int kMarkerPx = 13;

// The boxes; CLOSED is drawn twice, as in the figure: at the top, where a
// connection starts, and at the bottom right, where LAST-ACK and TIME-WAIT end.
enum Box {
    BClosed,
    BListen,
    BSynRcvd,
    BSynSent,
    BEstab,
    BFinWait1,
    BFinWait2,
    BCloseWait,
    BClosing,
    BLastAck,
    BTimeWait,
    BClosedEnd,
    BoxCount
};

struct BoxInfo
{
    TcpState state;
    QPointF centre;
};

const std::array<BoxInfo, BoxCount> kBoxes { {
    { TcpState::Closed, { 500, 70 } },
    { TcpState::Listen, { 500, 205 } },
    { TcpState::SynReceived, { 110, 345 } },
    { TcpState::SynSent, { 890, 345 } },
    { TcpState::Established, { 500, 485 } },
    { TcpState::FinWait1, { 110, 625 } },
    { TcpState::FinWait2, { 110, 765 } },
    { TcpState::CloseWait, { 890, 625 } },
    { TcpState::Closing, { 500, 765 } },
    { TcpState::LastAck, { 890, 765 } },
    { TcpState::TimeWait, { 500, 895 } },
    { TcpState::Closed, { 890, 895 } },
} };

QRectF boxRect(int box)
{
    const QPointF c = kBoxes.at(box).centre;
    return { c.x() - kBoxW / 2, c.y() - kBoxH / 2, kBoxW, kBoxH };
}

/** Which CLOSED box a change from @p from lands in: the bottom one at the end of a close. */
int closedBoxAfter(TcpState from)
{
    switch (from) {
    case TcpState::Established:
    case TcpState::CloseWait:
    case TcpState::Closing:
    case TcpState::LastAck:
    case TcpState::TimeWait:
        return BClosedEnd;
    default:
        return BClosed;
    }
}

/** The box of state @p s reached from @p from; -1 for Unknown. */
int boxOf(TcpState s, TcpState from = TcpState::Unknown)
{
    if (s == TcpState::Closed)
        return closedBoxAfter(from);
    for (int b = 0; b < BoxCount; ++b) {
        if (kBoxes.at(b).state == s)
            return b;
    }
    return -1;
}

/**
 * Where an arc runs: a polyline from the edge of one box to the edge of the
 * other (corners are rounded when drawn) and where its label sits. A stub is
 * a reset, abort or timeout to CLOSED that Figure 5 leaves out: only its
 * first few pixels are drawn, the whole path when it is taken.
 */
struct Route
{
    int from;
    int to;
    QList<QPointF> points;
    QPointF label;
    Qt::Alignment align;
    qreal maxWidth = 0; ///< wrap "event / action" after the slash beyond this width; 0: never
    bool stub = false;
};

constexpr Qt::Alignment kLeftTop = Qt::AlignLeft | Qt::AlignTop;
constexpr Qt::Alignment kLeftMid = Qt::AlignLeft | Qt::AlignVCenter;
constexpr Qt::Alignment kLeftBottom = Qt::AlignLeft | Qt::AlignBottom;
constexpr Qt::Alignment kRightTop = Qt::AlignRight | Qt::AlignTop;
constexpr Qt::Alignment kRightMid = Qt::AlignRight | Qt::AlignVCenter;
constexpr Qt::Alignment kRightBottom = Qt::AlignRight | Qt::AlignBottom;
constexpr Qt::Alignment kCentreTop = Qt::AlignHCenter | Qt::AlignTop;
constexpr Qt::Alignment kCentreBottom = Qt::AlignHCenter | Qt::AlignBottom;

// Routed by hand after the figure, so that no line crosses a box or a label.
const QList<Route> &routes()
{
    static const QList<Route> r {
        { BClosed, BListen, { { 480, 98 }, { 480, 177 } }, { 470, 137 }, kRightMid },
        { BListen, BClosed, { { 520, 177 }, { 520, 98 } }, { 530, 137 }, kLeftMid },
        { BClosed, BSynSent, { { 580, 56 }, { 950, 56 }, { 950, 317 } }, { 765, 52 },
            kCentreBottom },
        { BSynSent, BClosed, { { 910, 317 }, { 910, 84 }, { 580, 84 } }, { 900, 90 }, kRightTop },
        { BListen, BSynRcvd, { { 420, 220 }, { 150, 220 }, { 150, 317 } }, { 160, 226 }, kLeftTop },
        { BSynRcvd, BListen, { { 70, 317 }, { 70, 195 }, { 420, 195 } }, { 215, 191 },
            kCentreBottom },
        { BListen, BSynSent, { { 580, 220 }, { 870, 220 }, { 870, 317 } }, { 860, 216 },
            kRightBottom },
        { BSynSent, BSynRcvd, { { 810, 345 }, { 190, 345 } }, { 500, 341 }, kCentreBottom },
        { BSynRcvd, BEstab, { { 190, 370 }, { 460, 370 }, { 460, 457 } }, { 200, 376 }, kLeftTop },
        { BSynSent, BEstab, { { 810, 370 }, { 540, 370 }, { 540, 457 } }, { 800, 376 }, kRightTop },
        { BSynRcvd, BFinWait1, { { 110, 373 }, { 110, 597 } }, { 118, 485 }, kLeftMid },
        { BEstab, BFinWait1, { { 420, 505 }, { 250, 505 }, { 250, 615 }, { 190, 615 } },
            { 260, 511 }, kLeftTop },
        { BEstab, BCloseWait, { { 580, 505 }, { 750, 505 }, { 750, 615 }, { 810, 615 } },
            { 740, 511 }, kRightTop },
        { BFinWait1, BFinWait2, { { 70, 653 }, { 70, 737 } }, { 78, 695 }, kLeftMid },
        { BFinWait1, BClosing, { { 190, 637 }, { 480, 637 }, { 480, 737 } }, { 260, 643 },
            kLeftTop },
        { BFinWait1, BTimeWait, { { 190, 648 }, { 440, 867 } }, { 282, 715 }, kLeftMid, 170 },
        { BCloseWait, BLastAck, { { 890, 653 }, { 890, 737 } }, { 898, 695 }, kLeftMid, 90 },
        { BFinWait2, BTimeWait, { { 110, 793 }, { 110, 895 }, { 420, 895 } }, { 130, 891 },
            kLeftBottom },
        { BClosing, BTimeWait, { { 500, 793 }, { 500, 867 } }, { 510, 830 }, kLeftMid },
        { BLastAck, BClosedEnd, { { 930, 793 }, { 930, 867 } }, { 920, 830 }, kRightMid },
        { BTimeWait, BClosedEnd, { { 580, 895 }, { 810, 895 } }, { 695, 903 }, kCentreTop },
        // Stubs: the left column returns to the top CLOSED along the left margin,
        // the middle and right ones end in the bottom CLOSED.
        { BSynRcvd, BClosed,
            { { 30, 355 }, { 12, 355 }, { 12, 112 }, { 396, 112 }, { 396, 84 }, { 420, 84 } },
            { 24, 120 }, kLeftTop, 0, true },
        { BFinWait1, BClosed,
            { { 30, 625 }, { 12, 625 }, { 12, 112 }, { 396, 112 }, { 396, 84 }, { 420, 84 } },
            { 24, 120 }, kLeftTop, 0, true },
        { BFinWait2, BClosed,
            { { 30, 765 }, { 12, 765 }, { 12, 112 }, { 396, 112 }, { 396, 84 }, { 420, 84 } },
            { 24, 120 }, kLeftTop, 0, true },
        { BEstab, BClosedEnd, { { 580, 470 }, { 762, 470 }, { 762, 881 }, { 810, 881 } },
            { 610, 466 }, kLeftBottom, 0, true },
        { BCloseWait, BClosedEnd, { { 970, 625 }, { 990, 625 }, { 990, 895 }, { 970, 895 } },
            { 984, 592 }, kRightBottom, 0, true },
        { BClosing, BClosedEnd, { { 580, 760 }, { 760, 760 }, { 760, 880 }, { 810, 880 } },
            { 610, 756 }, kLeftBottom, 0, true },
    };
    return r;
}

const Route *routeFor(int from, int to)
{
    for (const Route &r : routes()) {
        if (r.from == from && r.to == to)
            return &r;
    }
    return nullptr;
}

/** Where the line from the centre of @p r towards @p target leaves @p r. */
QPointF edgePoint(const QRectF &r, QPointF target)
{
    const QPointF c = r.center();
    const QPointF d = target - c;
    if (qFuzzyIsNull(d.x()) && qFuzzyIsNull(d.y()))
        return c;
    const qreal sx = qFuzzyIsNull(d.x()) ? 1e9 : (r.width() / 2) / qAbs(d.x());
    const qreal sy = qFuzzyIsNull(d.y()) ? 1e9 : (r.height() / 2) / qAbs(d.y());
    return c + d * qMin(sx, sy);
}

/** The points of the arc from box @p from to box @p to: its route, else a straight line. */
QList<QPointF> arcPoints(int from, int to)
{
    if (const Route *r = routeFor(from, to))
        return r->points;
    const QRectF a = boxRect(from);
    const QRectF b = boxRect(to);
    return { edgePoint(a, b.center()), edgePoint(b, a.center()) };
}

/** Where the label of the arc from @p from to @p to goes, and how it is aligned there. */
std::pair<QPointF, Qt::Alignment> labelAnchor(int from, int to)
{
    if (const Route *r = routeFor(from, to))
        return { r->label, r->align };
    const QList<QPointF> pts = arcPoints(from, to);
    return { (pts.first() + pts.last()) / 2 - QPointF(0, 4), kCentreBottom };
}

QPainterPath roundedPath(const QList<QPointF> &pts, qreal radius = 14)
{
    QPainterPath path(pts.first());
    for (int i = 1; i + 1 < pts.size(); ++i) {
        const QPointF a = pts.at(i - 1);
        const QPointF c = pts.at(i);
        const QPointF b = pts.at(i + 1);
        const qreal in = QLineF(a, c).length();
        const qreal out = QLineF(c, b).length();
        if (in <= 0 || out <= 0) {
            path.lineTo(c);
            continue;
        }
        const qreal r = qMin(radius, qMin(in, out) / 2);
        path.lineTo(c + (a - c) * (r / in));
        path.quadTo(c, c + (b - c) * (r / out));
    }
    path.lineTo(pts.last());
    return path;
}

void drawArrowHead(QPainter &p, QPointF from, QPointF to, const QColor &color, qreal size)
{
    const qreal angle = qAtan2(to.y() - from.y(), to.x() - from.x());
    QPainterPath head;
    head.moveTo(to);
    head.lineTo(to - QPointF(size * qCos(angle - 0.42), size * qSin(angle - 0.42)));
    head.lineTo(to - QPointF(size * qCos(angle + 0.42), size * qSin(angle + 0.42)));
    head.closeSubpath();
    p.save();
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawPath(head);
    p.restore();
}

/** A label's lines: "event / action", wrapped after the slash where wider than @p maxWidth. */
QStringList labelLines(const QStringList &labels, const QFontMetricsF &fm, qreal maxWidth)
{
    QStringList lines;
    for (const QString &label : labels) {
        const qsizetype slash = label.indexOf(QLatin1String(" / "));
        if (maxWidth > 0 && slash > 0 && fm.horizontalAdvance(label) > maxWidth) {
            lines << label.left(slash + 2) << label.mid(slash + 3);
        } else {
            lines << label;
        }
    }
    return lines;
}

QRectF labelRect(
    const QStringList &lines, const QFontMetricsF &fm, QPointF anchor, Qt::Alignment align)
{
    qreal w = 0;
    for (const QString &l : lines)
        w = qMax(w, fm.horizontalAdvance(l));
    const qreal h = fm.height() * lines.size();
    qreal x = anchor.x() - w / 2;
    if (align & Qt::AlignLeft)
        x = anchor.x();
    else if (align & Qt::AlignRight)
        x = anchor.x() - w;
    qreal y = anchor.y() - h / 2;
    if (align & Qt::AlignTop)
        y = anchor.y();
    else if (align & Qt::AlignBottom)
        y = anchor.y() - h;
    return { x, y, w, h };
}

void drawLines(QPainter &p, const QStringList &lines, const QRectF &rect, const QFontMetricsF &fm,
    Qt::Alignment align)
{
    const Qt::Alignment h = align & (Qt::AlignLeft | Qt::AlignRight | Qt::AlignHCenter);
    for (int i = 0; i < lines.size(); ++i) {
        const QRectF line(rect.left(), rect.top() + i * fm.height(), rect.width(), fm.height());
        p.drawText(line, int(h ? h : Qt::AlignHCenter) | Qt::AlignVCenter, lines.at(i));
    }
}

/** The labels of every arc between two boxes, in the order of tcpDiagramArcs(). */
QStringList arcLabels(int from, int to)
{
    QStringList labels;
    for (const TcpArc &a : tcpDiagramArcs()) {
        if (a.from != a.to && boxOf(a.from) == from && boxOf(a.to, a.from) == to)
            labels << a.label();
    }
    return labels;
}

// Marker colours: a deep blue and a deep pink, apart from every state tint of
// LabColors (blue, amber, green, orange, purple, grey) and from each other in
// the common colour blindnesses; each marker also says its name.
QColor sideColor(Side side)
{
    return side == Side::Client ? QColor(0x0d, 0x47, 0xa1) : QColor(0xad, 0x14, 0x57);
}

/** Where a marker rests on box @p box: on its bottom edge, client left, server right. */
QPointF restPosition(int box, Side side)
{
    const QRectF r = boxRect(box < 0 ? BClosed : box);
    return { r.center().x() + (side == Side::Client ? -42 : 42), r.bottom() };
}

} // namespace

StateDiagramView::StateDiagramView(QWidget *parent)
    : CursorView(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    // The move along the arc taken; it stops by itself when the marker arrives.
    m_animation = new QVariantAnimation(this);
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    m_animation->setDuration(600);
    m_animation->setEasingCurve(QEasingCurve::InOutCubic);
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant &v) {
        m_progress = v.toReal();
        update();
    });
}

QSize StateDiagramView::sizeHint() const
{
    return { 720, 690 };
}

QSize StateDiagramView::minimumSizeHint() const
{
    return { 360, 345 };
}

TcpState StateDiagramView::markerState(Side side) const
{
    switch (side) {
    case Side::Client:
        return m_client.state;
    case Side::Server:
        return m_server.state;
    case Side::Both:
        break;
    }
    return TcpState::Unknown;
}

const TcpArc *StateDiagramView::highlightedArc() const
{
    return m_step.valid ? m_step.arc : nullptr;
}

QString StateDiagramView::highlightedArcLabel() const
{
    return m_step.valid ? m_step.label : QString();
}

void StateDiagramView::setAnimationProgress(qreal progress)
{
    progress = qBound<qreal>(0, progress, 1);
    if (progress >= 1 && m_animation->state() != QAbstractAnimation::Stopped)
        m_animation->stop();
    m_progress = progress;
    update();
}

QString StateDiagramView::stateTerm(TcpState s)
{
    // English shows the name alone: these are translated only where the
    // language has a textbook term of its own (the glossary's Chinese).
    switch (s) {
    case TcpState::Closed:
        //: Under the state name in the state diagram: the glossary's term (关闭). Leave the English
        //: name to show nothing.
        return tr("CLOSED", "glossary term");
    case TcpState::Listen:
        //: the glossary's term (监听)
        return tr("LISTEN", "glossary term");
    case TcpState::SynSent:
        //: the glossary's term (同步已发送)
        return tr("SYN-SENT", "glossary term");
    case TcpState::SynReceived:
        //: the glossary's term (同步已收到)
        return tr("SYN-RECEIVED", "glossary term");
    case TcpState::Established:
        //: the glossary's term (已建立连接)
        return tr("ESTABLISHED", "glossary term");
    case TcpState::FinWait1:
        //: the glossary's term (终止等待 1)
        return tr("FIN-WAIT-1", "glossary term");
    case TcpState::FinWait2:
        //: the glossary's term (终止等待 2)
        return tr("FIN-WAIT-2", "glossary term");
    case TcpState::CloseWait:
        //: the glossary's term (关闭等待)
        return tr("CLOSE-WAIT", "glossary term");
    case TcpState::Closing:
        //: the glossary's term (同时关闭中)
        return tr("CLOSING", "glossary term");
    case TcpState::LastAck:
        //: the glossary's term (最后确认)
        return tr("LAST-ACK", "glossary term");
    case TcpState::TimeWait:
        //: the glossary's term (时间等待)
        return tr("TIME-WAIT", "glossary term");
    case TcpState::Unknown:
        break;
    }
    return {};
}

QFont StateDiagramView::logicalFont(int pixelSize, bool bold) const
{
    QFont f = font();
    f.setPixelSize(pixelSize);
    f.setBold(bold);
    // Unhinted, so that text measured in logical units keeps its width when scaled.
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

QTransform StateDiagramView::logicalTransform() const
{
    const qreal s = qMin(width() / kWidth, height() / kHeight);
    QTransform t;
    t.translate((width() - kWidth * s) / 2, (height() - kHeight * s) / 2);
    t.scale(s, s);
    return t;
}

void StateDiagramView::computeMarkers()
{
    // Each side's connection and, for the server, its listening socket, as StatesView reads them.
    std::array<Marker, 2> conn;
    std::array<Marker, 2> listener;
    std::array<bool, 2> connKnown { false, false };
    std::array<bool, 2> listenerKnown { false, false };
    const auto shown = [&](int s) {
        const bool useListener = s == 1 && listenerKnown[s]
            && (!connKnown[s]
                || (conn[s].state == TcpState::Closed && listener[s].state == TcpState::Listen));
        if (useListener)
            return listener[s];
        return connKnown[s] ? conn[s] : Marker {};
    };

    m_step = {};
    Marker before;
    const Timeline *t = timeline();
    const int last = lastRow();
    for (int i = 0; t && i <= last; ++i) {
        const LabEvent &e = t->at(i);
        if (e.kind != EventKind::State || e.side == Side::Both)
            continue;
        const int s = e.side == Side::Server ? 1 : 0;
        if (i == last)
            before = shown(s);
        const bool isListener = s == 1 && e.socket == QLatin1String("listener");
        Marker &m = isListener ? listener[s] : conn[s];
        (isListener ? listenerKnown[s] : connKnown[s]) = true;
        m.state = e.to;
        m.box = boxOf(e.to, e.from);
    }
    m_client = shown(0);
    m_server = shown(1);
    // On the step where the server's connection closes, its marker goes along to CLOSED;
    // it returns to the listening socket at the next step.
    if (t && last >= 0) {
        const LabEvent &e = t->at(last);
        if (e.kind == EventKind::State && e.side == Side::Server
            && e.socket != QLatin1String("listener") && connKnown[1])
            m_server = conn[1];
    }

    // The state change at the cursor, and the arc it takes.
    if (!t || last < 0)
        return;
    const LabEvent &e = t->at(last);
    if (e.kind != EventKind::State || e.side == Side::Both || e.from == TcpState::Unknown
        || e.to == TcpState::Unknown || e.from == e.to)
        return;
    m_step.valid = true;
    m_step.side = e.side;
    m_step.from = e.from;
    m_step.to = e.to;
    m_step.fromBox = before.state == e.from ? before.box : boxOf(e.from);
    m_step.toBox = boxOf(e.to, e.from);
    const qsizetype slash = e.transition.indexOf(QLatin1String(" / "));
    m_step.arc = findTcpArc(e.from, e.to, slash < 0 ? e.transition : e.transition.left(slash));
    m_step.label = !e.transition.isEmpty() ? e.transition
        : m_step.arc                       ? m_step.arc->label()
                                           : QString();
    const Marker now = e.side == Side::Client ? m_client : m_server;
    m_step.moves = now.state == e.to && now.box == m_step.toBox;
}

void StateDiagramView::timelineChanged()
{
    computeMarkers();
    // A step forward by one onto a state change moves its marker; any other move jumps.
    const int row = currentRow();
    if (row != m_previousRow) {
        const bool step = row >= 0 && m_previousRow >= 0 && row == m_previousRow + 1;
        m_animation->stop();
        if (step && m_step.valid && m_step.moves) {
            m_progress = 0;
            m_animation->start();
        } else {
            m_progress = 1;
        }
        m_previousRow = row;
    }
    CursorView::timelineChanged();
}

void StateDiagramView::resizeEvent(QResizeEvent *event)
{
    m_static = QPixmap();
    CursorView::resizeEvent(event);
}

void StateDiagramView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange
        || event->type() == QEvent::FontChange)
        m_static = QPixmap();
    CursorView::changeEvent(event);
}

void StateDiagramView::paintEvent(QPaintEvent *)
{
    const qreal dpr = devicePixelRatioF();
    const QSize pixels = (QSizeF(size()) * dpr).toSize();
    if (m_static.isNull() || m_static.size() != pixels) {
        m_static = QPixmap(pixels);
        m_static.setDevicePixelRatio(dpr);
        m_static.fill(palette().color(QPalette::Base));
        QPainter sp(&m_static);
        sp.setRenderHint(QPainter::Antialiasing);
        sp.setRenderHint(QPainter::TextAntialiasing);
        sp.setTransform(logicalTransform());
        paintStaticLayer(sp);
    }
    QPainter p(this);
    p.drawPixmap(0, 0, m_static);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setTransform(logicalTransform());
    paintHighlight(p);
    paintMarker(p, Side::Client);
    paintMarker(p, Side::Server);
}

void StateDiagramView::paintStaticLayer(QPainter &p) const
{
    const QColor text = palette().color(QPalette::Text);
    QColor faintLine = text;
    faintLine.setAlphaF(0.35);
    QColor faintText = text;
    faintText.setAlphaF(0.7);
    const QFont labelFont = logicalFont(kLabelPx);
    const QFontMetricsF fm(labelFont);
    p.setFont(labelFont);

    // Every pair of boxes joined by at least one arc, drawn once with all its labels.
    QList<std::pair<int, int>> pairs;
    for (const TcpArc &a : tcpDiagramArcs()) {
        const std::pair<int, int> pair { boxOf(a.from), boxOf(a.to, a.from) };
        if (a.from != a.to && pair.first >= 0 && pair.second >= 0 && !pairs.contains(pair))
            pairs << pair;
    }
    QStringList stubLabels;
    const QPen arcPen(faintLine, 1.8);
    QPen stubPen(faintLine, 1.8, Qt::DashLine);
    for (const auto &[from, to] : std::as_const(pairs)) {
        const QStringList labels = arcLabels(from, to);
        const Route *route = routeFor(from, to);
        const QList<QPointF> pts = arcPoints(from, to);
        if (route && route->stub) {
            for (const QString &l : labels) {
                if (!stubLabels.contains(l))
                    stubLabels << l;
            }
            // The first pixels of the way to CLOSED; the legend says where it goes.
            const QPointF a = pts.at(0);
            const QPointF dir = (pts.at(1) - a) / QLineF(a, pts.at(1)).length();
            const QPointF tip = a + dir * 26;
            p.setPen(stubPen);
            p.drawLine(a, tip - dir * 6);
            drawArrowHead(p, a, tip, faintLine, 10);
            continue;
        }
        p.setPen(arcPen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(roundedPath(pts));
        drawArrowHead(p, pts.at(pts.size() - 2), pts.last(), faintLine, 12);
        const auto [anchor, align] = labelAnchor(from, to);
        const QStringList lines = labelLines(labels, fm, route ? route->maxWidth : 0);
        p.setPen(faintText);
        drawLines(p, lines, labelRect(lines, fm, anchor, align), fm, align);
    }

    // The legend of the stubs, top left where the figure has room.
    if (!stubLabels.isEmpty()) {
        const QPointF a(14, 24);
        p.setPen(stubPen);
        p.drawLine(a, a + QPointF(20, 0));
        drawArrowHead(p, a, a + QPointF(26, 0), faintLine, 10);
        QStringList lines { tr("to CLOSED, from the states marked so:") };
        for (const QString &l : std::as_const(stubLabels))
            lines << QStringLiteral("  ") + l;
        p.setPen(faintText);
        const QRectF r = labelRect(lines, fm, QPointF(48, 24 - fm.height() / 2), kLeftTop);
        drawLines(p, lines, r, fm, kLeftTop);
    }

    // The boxes, over the ends of the arcs.
    const QFont nameFont = logicalFont(kNamePx, true);
    const QFont termFont = logicalFont(kTermPx);
    const QColor base = palette().color(QPalette::Base);
    for (int b = 0; b < BoxCount; ++b) {
        const TcpState s = kBoxes.at(b).state;
        const QRectF r = boxRect(b);
        const QColor tint = LabColors::state(s);
        QColor fill = tint;
        fill.setAlpha(55);
        p.setPen(QPen(tint.darker(115), 2.4));
        p.setBrush(base);
        p.drawRoundedRect(r, 9, 9);
        p.setBrush(fill);
        p.drawRoundedRect(r, 9, 9);
        // Name and term keep to the upper part: the markers sit on the bottom edge.
        const QString name = tcpStateName(s);
        const QString term = stateTerm(s);
        p.setPen(text);
        p.setFont(nameFont);
        if (term.isEmpty() || term == name) {
            p.drawText(r.adjusted(0, 0, 0, -8), Qt::AlignCenter, name);
        } else {
            const qreal nameH = QFontMetricsF(nameFont).height();
            p.drawText(QRectF(r.left(), r.top() + 1, r.width(), nameH), Qt::AlignCenter, name);
            p.setFont(termFont);
            p.drawText(
                QRectF(r.left(), r.top() + nameH, r.width(), QFontMetricsF(termFont).height()),
                Qt::AlignCenter, term);
        }
    }
}

void StateDiagramView::paintHighlight(QPainter &p) const
{
    if (!m_step.valid || (m_step.label.isEmpty() && !m_step.arc) || m_step.fromBox < 0
        || m_step.toBox < 0)
        return;
    const QColor color = sideColor(m_step.side);
    const QColor base = palette().color(QPalette::Base);
    QColor faintText = palette().color(QPalette::Text);
    faintText.setAlphaF(0.7);
    const Route *route = routeFor(m_step.fromBox, m_step.toBox);
    const qreal maxWidth = route ? route->maxWidth : 0;
    const auto [anchor, align] = labelAnchor(m_step.fromBox, m_step.toBox);
    const QFont faintFont = logicalFont(kLabelPx);
    const QFont boldFont = logicalFont(kLabelPx, true);
    const QFontMetricsF faint(faintFont);
    const QFontMetricsF bold(boldFont);

    // The pair's labels as the static layer has them, the one taken in bold; a label
    // in the model's own words replaces them all.
    QStringList labels
        = route && route->stub ? QStringList() : arcLabels(m_step.fromBox, m_step.toBox);
    QRectF mask;
    if (!labels.isEmpty())
        mask = labelRect(labelLines(labels, faint, maxWidth), faint, anchor, align);
    qsizetype taken = labels.indexOf(m_step.label);
    if (taken < 0) {
        labels = QStringList { m_step.label };
        taken = 0;
    }
    QStringList lines;
    QList<bool> isTaken;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const QStringList l = labelLines({ labels.at(i) }, bold, maxWidth);
        lines += l;
        for (qsizetype j = 0; j < l.size(); ++j)
            isTaken << (i == taken);
    }
    const QRectF rect = labelRect(lines, bold, anchor, align);
    mask = mask.isNull() ? rect : mask.united(rect);

    p.save();
    // Hide the faint labels, then the arc, then the labels again over it.
    p.setPen(Qt::NoPen);
    p.setBrush(base);
    p.drawRect(mask.adjusted(-3, -1, 3, 1));
    p.setPen(QPen(color, 4.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    const QList<QPointF> pts = arcPoints(m_step.fromBox, m_step.toBox);
    p.drawPath(roundedPath(pts));
    drawArrowHead(p, pts.at(pts.size() - 2), pts.last(), color, 18);

    const auto lineRect = [&](qsizetype i) {
        const QFontMetricsF &fm = isTaken.at(i) ? bold : faint;
        const qreal w = fm.horizontalAdvance(lines.at(i));
        qreal x = rect.left() + (rect.width() - w) / 2;
        if (align & Qt::AlignLeft)
            x = rect.left();
        else if (align & Qt::AlignRight)
            x = rect.right() - w;
        return QRectF(x, rect.top() + i * bold.height(), w, bold.height());
    };
    QRectF frame;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (isTaken.at(i))
            frame = frame.isNull() ? lineRect(i) : frame.united(lineRect(i));
    }
    p.setPen(QPen(color, 2));
    p.setBrush(base);
    p.drawRoundedRect(frame.adjusted(-6, -2, 6, 2), 6, 6);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        p.setFont(isTaken.at(i) ? boldFont : faintFont);
        p.setPen(isTaken.at(i) ? palette().color(QPalette::Text) : faintText);
        p.drawText(lineRect(i), Qt::AlignCenter, lines.at(i));
    }
    p.restore();
}

QPointF StateDiagramView::markerPosition(Side side) const
{
    const Marker &m = side == Side::Client ? m_client : m_server;
    if (m_progress < 1 && m_step.valid && m_step.moves && m_step.side == side && m_step.fromBox >= 0
        && m_step.toBox >= 0) {
        QList<QPointF> pts = arcPoints(m_step.fromBox, m_step.toBox);
        pts.prepend(restPosition(m_step.fromBox, side));
        pts.append(restPosition(m_step.toBox, side));
        return roundedPath(pts).pointAtPercent(qBound<qreal>(0, m_progress, 1));
    }
    return restPosition(m.box, side);
}

void StateDiagramView::paintMarker(QPainter &p, Side side) const
{
    const TcpState state = markerState(side);
    const QString name = side == Side::Client ? EventText::tr("client") : EventText::tr("server");
    const QFont f = logicalFont(kMarkerPx, true);
    const QFontMetricsF fm(f);
    const QPointF c = markerPosition(side);
    const qreal w = fm.horizontalAdvance(name) + 16;
    const qreal h = fm.height() + 5;
    const QRectF pill(c.x() - w / 2, c.y() - h / 2, w, h);
    p.save();
    // Before its first state event an endpoint has no socket yet: a faded marker at CLOSED.
    if (state == TcpState::Unknown)
        p.setOpacity(0.35);
    p.setPen(QPen(palette().color(QPalette::Base), 2.5));
    p.setBrush(sideColor(side));
    p.drawRoundedRect(pill, h / 2, h / 2);
    p.setFont(f);
    p.setPen(Qt::white);
    p.drawText(pill, Qt::AlignCenter, name);
    p.restore();
}
