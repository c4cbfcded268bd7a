#pragma once

#include "cursorview.h"

#include <QList>

class QVariantAnimation;

/**
 * The ladder (sequence) diagram: the client's and the server's lifelines,
 * each segment an arrow from sender to receiver sloping down with time,
 * labelled with its flags and relative seq/ack/len; socket calls as small
 * labels beside their endpoint's lifeline and state changes as tags on it.
 * Inferred segments are dashed, observed ones solid (see the legend).
 * Modelled on Wireshark's ui/qt/sequence_diagram.cpp.
 *
 * Stepping the cursor forward by one onto a segment animates it: the
 * arrow grows from sender to receiver (flightProgress, 0 → 1 in about half
 * a second); the row at the cursor is highlighted. A cursor that follows
 * the end (live) or jumps draws every arrow whole.
 *
 * A SYN or SYN-ACK carries a second line with the kernel's options
 * ("MSS=65495 WS=7 SACK_PERM TS"); data segments stay on one line, and the
 * tool tip of any arrow spells out both numberings and how its window was
 * scaled. "win=" is always the scaled window in bytes, Wireshark's "Win="
 * (the field on the wire × 2^shift). showRaw switches seq/ack between
 * relative numbers (Wireshark's default) and the 32-bit numbers on the wire.
 *
 * Its height grows with the timeline; put it in a QScrollArea.
 */
class LadderView : public CursorView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LadderView)
    Q_PROPERTY(qreal flightProgress READ flightProgress WRITE setFlightProgress)
    Q_PROPERTY(bool showRaw READ showRaw WRITE setShowRaw NOTIFY showRawChanged)

public:
    explicit LadderView(QWidget *parent = nullptr);

    /** Rows drawn at the cursor (segments, states and calls), for tests. */
    int itemCount() const { return int(m_items.size()); }
    /** The number of segment arrows drawn at the cursor. */
    int segmentCount() const;

    /** The row of the segment flying at the cursor (after a step forward), -1 if none. */
    int flightRow() const { return m_flightRow; }
    /** How far it has flown, 0 (at the sender) … 1 (arrived; also when nothing flies). */
    qreal flightProgress() const { return m_flightProgress; }
    /** Moves the flight to @p progress; 1 ends the animation (tests use it to be deterministic). */
    void setFlightProgress(qreal progress);

    /**
     * True when seq/ack are shown as on the wire (raw); a segment without raw
     * numbers then shows its relative ones marked "*". False (the default):
     * relative to each sender's initial sequence number.
     */
    bool showRaw() const { return m_showRaw; }
    /** Switches the labels between raw and relative seq/ack numbers. */
    void setShowRaw(bool raw);

    /**
     * The first line drawn on the segment (or datagram) at timeline @p row,
     * e.g. "#0 SYN seq=0 len=0 win=65495"; empty for other rows.
     */
    QString segmentLabel(int row) const;
    /** The options line drawn under a SYN or SYN-ACK at @p row, e.g. "MSS=65495 WS=7"; else empty.
     */
    QString optionsLabel(int row) const;
    /** The tool tip of the arrow at timeline @p row (both numberings, options, window scaling). */
    QString toolTip(int row) const;
    /** The timeline row drawn at @p pos, -1 when none. */
    int rowAt(QPoint pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /** showRaw changed. */
    void showRawChanged(bool raw);

protected:
    void timelineChanged() override;
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Item
    {
        int row = -1; // timeline row
        qreal y = 0; // top in widget coordinates
        qreal height = 0;
    };
    void layoutItems();
    qreal headerHeight() const;

    QList<Item> m_items;
    qreal m_contentHeight = 0;
    QVariantAnimation *m_flight = nullptr;
    int m_flightRow = -1;
    qreal m_flightProgress = 1.0;
    int m_previousRow = -1; ///< the cursor before the last change, to see a step forward
    bool m_showRaw = false;
};
