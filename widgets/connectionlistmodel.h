#pragma once

#include "replay/replayfile.h"

#include <QAbstractTableModel>
#include <QVector>

/**
 * The connections (streams) of a capture file as a table, one row per
 * ReplayConnection: stream, client, server, handshake, close, segments and
 * both endpoints' final inferred states. It holds the facts; the words
 * ("complete", "不完整" …) are made in data(), so retranslate() after a
 * language switch is all a view needs. State names are protocol tokens and
 * stay in English; their gloss is the tool tip.
 *
 * FilterRole gives one line per row with what a filter should find, in both
 * the UI language and the tokens of INDEX.md (addresses and ports, states,
 * "complete", "rst" …), so a filter means the same whatever the language;
 * SortRole gives numbers for the numeric columns.
 */
class ConnectionListModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionListModel)

public:
    enum Column {
        StreamColumn,
        ClientColumn,
        ServerColumn,
        HandshakeColumn,
        CloseColumn,
        SegmentsColumn,
        ClientStateColumn,
        ServerStateColumn,
        ColumnCount
    };
    enum Role { StreamRole = Qt::UserRole + 1, FilterRole, SortRole };

    explicit ConnectionListModel(QObject *parent = nullptr);

    void setConnections(const QVector<ReplayConnection> &connections);
    const QVector<ReplayConnection> &connections() const { return m_connections; }
    /** The connection of @p row (0 ≤ row < rowCount()). */
    const ReplayConnection &connection(int row) const { return m_connections.at(row); }
    /** The row of stream @p stream, -1 when none. */
    int rowOfStream(int stream) const;

    /** Re-emits header and data changes so views redraw in the new UI language. */
    void retranslate();

    /** "complete", "partial", "none" (INDEX.md) in the UI language. */
    static QString handshakeText(const QString &handshake);
    /** "rst", "fin", "none" (INDEX.md) in the UI language. */
    static QString closeText(const QString &close);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString toolTip(const ReplayConnection &c, int column) const;

    QString filterText(const ReplayConnection &c) const;

    QVector<ReplayConnection> m_connections;
    // FilterRole's lines, made on first use and again after a language switch: a filter
    // typed over tens of thousands of connections re-reads them on every key.
    mutable QStringList m_filterTexts;
};
