#pragma once

#include "cursorview.h"

#include <QList>

/**
 * The ladder (sequence) diagram: the client's and the server's lifelines,
 * each segment an arrow from sender to receiver sloping down with time,
 * labelled with its flags and relative seq/ack/len; socket calls as small
 * labels beside their endpoint's lifeline and state changes as tags on it.
 * Inferred segments are dashed, observed ones solid (see the legend).
 * Modelled on Wireshark's ui/qt/sequence_diagram.cpp.
 *
 * Its height grows with the timeline; put it in a QScrollArea.
 */
class LadderView : public CursorView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LadderView)

public:
    explicit LadderView(QWidget *parent = nullptr);

    /** Rows drawn at the cursor (segments, states and calls), for tests. */
    int itemCount() const { return int(m_items.size()); }
    /** The number of segment arrows drawn at the cursor. */
    int segmentCount() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void timelineChanged() override;
    void paintEvent(QPaintEvent *event) override;

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
};
