#pragma once

#include "labevent.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QList>

/**
 * The session's events in time order, as a Qt item model (one row per
 * LabEvent). Producers append; views read rows and a cursor of their own.
 *
 * One clock: nowUs() is microseconds on a monotonic clock since the session
 * began (construction or clear()). append() keeps rows sorted by t_us; an
 * event stamped in the past (an inferred segment, a late capture) is
 * inserted, not appended, after all events with the same time, so events
 * appended in causal order keep that order.
 *
 * Column texts are made in the UI language when asked for; call
 * retranslate() after a language switch.
 */
class Timeline : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Timeline)

public:
    enum Column { TimeColumn, SideColumn, SourceColumn, EventColumn, ColumnCount };
    /** data(index, EventRowRole) gives the row number as int, for delegates. */
    enum Role { KindRole = Qt::UserRole + 1, SourceRole, SideRole };

    explicit Timeline(QObject *parent = nullptr);

    /** Microseconds since the session began, on the monotonic clock. */
    qint64 nowUs() const;

    /**
     * Adds @p event in time order; an event with tUs < 0 is stamped nowUs().
     * Returns the row it landed in.
     */
    int append(LabEvent event);

    /** Number of events. */
    int size() const { return int(m_events.size()); }
    /** Event at @p row (0 ≤ row < size()). */
    const LabEvent &at(int row) const { return m_events.at(row); }
    /** All events, in time order. */
    const QList<LabEvent> &events() const { return m_events; }

    /** Removes every event and restarts the clock. */
    void clear();

    /** Re-emits header and data changes so views redraw in the new UI language. */
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
    /** A new event landed at @p row (after rowsInserted). */
    void eventAdded(int row);

private:
    QElapsedTimer m_clock;
    QList<LabEvent> m_events;
};
