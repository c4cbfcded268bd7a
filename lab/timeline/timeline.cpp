#include "timeline.h"

#include "eventtext.h"

#include <algorithm>

Timeline::Timeline(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_clock.start();
}

qint64 Timeline::nowUs() const
{
    return m_clock.nsecsElapsed() / 1000;
}

int Timeline::append(LabEvent event)
{
    if (event.tUs < 0)
        event.tUs = nowUs();
    const auto pos = std::upper_bound(m_events.cbegin(), m_events.cend(), event.tUs,
        [](qint64 t, const LabEvent &e) { return t < e.tUs; });
    const int row = int(pos - m_events.cbegin());
    beginInsertRows({}, row, row);
    m_events.insert(row, std::move(event));
    endInsertRows();
    emit eventAdded(row);
    return row;
}

void Timeline::clear()
{
    beginResetModel();
    m_events.clear();
    m_clock.restart();
    endResetModel();
}

void Timeline::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_events.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int Timeline::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int Timeline::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant Timeline::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const LabEvent &e = m_events.at(index.row());
    switch (role) {
    case KindRole:
        return int(e.kind);
    case SourceRole:
        return int(e.source);
    case SideRole:
        return int(e.side);
    case Qt::ToolTipRole:
        if (index.column() == SourceColumn)
            return EventText::sourceExplanation(e.source);
        return EventText::describe(e);
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return EventText::time(e.tUs);
        case SideColumn:
            return EventText::side(e.side, e.socket);
        case SourceColumn:
            return EventText::source(e.source);
        case EventColumn:
            return EventText::describe(e);
        default:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant Timeline::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return EventText::tr("Time (ms)");
    case SideColumn:
        return EventText::tr("Endpoint");
    case SourceColumn:
        return EventText::tr("Source");
    case EventColumn:
        return EventText::tr("Event");
    default:
        return {};
    }
}
