#pragma once

#include "cursorview.h"
#include "tcp/tcpdiagram.h"
#include "timeline/labevent.h"

#include <QPixmap>

class QVariantAnimation;

/**
 * The TCP connection state diagram laid out as RFC 9293 Figure 5 (CLOSED at
 * the top, LISTEN below it, SYN-RECEIVED left and SYN-SENT right,
 * ESTABLISHED in the middle, the closing states below, TIME-WAIT and a second
 * CLOSED at the bottom), with every arc of tcpDiagramArcs() drawn faint and
 * labelled. Resets, aborts and timeouts that leave a state for CLOSED
 * outside the figure are short dashed stubs, explained once in a legend.
 *
 * Two markers, "client" and "server", sit on each endpoint's state at the
 * cursor (the server's connection, else its listening socket, as StatesView
 * shows them; on the step where the connection closes, the marker goes
 * along to CLOSED and returns to the listening socket at the next step). The state change at the
 * cursor highlights its arc and draws its label ("rcv SYN / snd SYN,ACK") bold; a step forward onto
 * it moves the marker along the arc (animationProgress, 0 → 1 in about 0.6 s).
 *
 * Painted in a fixed logical coordinate system scaled to the widget; boxes,
 * arcs and labels are a cached layer, redrawn on resize, palette, font or
 * language change. Colours come from the palette and LabColors.
 */
class StateDiagramView : public CursorView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateDiagramView)
    Q_PROPERTY(qreal animationProgress READ animationProgress WRITE setAnimationProgress)

public:
    explicit StateDiagramView(QWidget *parent = nullptr);

    /** The state @p side's marker shows at the cursor; Unknown before its first state event. */
    TcpState markerState(Side side) const;
    /** The diagram arc of the state change at the cursor; nullptr if none or not in the diagram. */
    const TcpArc *highlightedArc() const;
    /** The label drawn bold on that arc (the event's transition, else the arc's); empty if none. */
    QString highlightedArcLabel() const;

    /** How far the moving marker is along its arc, 0 … 1 (1 also when nothing moves). */
    qreal animationProgress() const { return m_progress; }
    /** Moves the marker to @p progress; 1 ends the animation (tests use it to be deterministic). */
    void setAnimationProgress(qreal progress);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void timelineChanged() override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    /** One endpoint's marker: its state and the box it sits in (CLOSED has two). */
    struct Marker
    {
        TcpState state = TcpState::Unknown;
        int box = 0;
    };
    /** The state change at the cursor. */
    struct Step
    {
        bool valid = false;
        Side side = Side::Client;
        TcpState from = TcpState::Unknown;
        TcpState to = TcpState::Unknown;
        int fromBox = 0;
        int toBox = 0;
        QString label;
        const TcpArc *arc = nullptr;
        bool moves = false; ///< the marker shows this change (not a shadowed listening socket)
    };

    void computeMarkers();
    QTransform logicalTransform() const;
    void paintStaticLayer(QPainter &p) const;
    void paintHighlight(QPainter &p) const;
    void paintMarker(QPainter &p, Side side) const;
    QPointF markerPosition(Side side) const;
    QFont logicalFont(int pixelSize, bool bold = false) const;
    /** The glossary's term shown under a state's name where the UI language has one. */
    static QString stateTerm(TcpState s);

    Marker m_client;
    Marker m_server;
    Step m_step;
    QVariantAnimation *m_animation = nullptr;
    qreal m_progress = 1.0;
    int m_previousRow = -1; ///< the cursor before the last change, to see a step forward
    QPixmap m_static; ///< boxes, faint arcs and labels at the current size; null when stale
};
