#include "connectionlistmodel.h"

ConnectionListModel::ConnectionListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ConnectionListModel::setConnections(const QVector<ReplayConnection> &connections)
{
    beginResetModel();
    m_connections = connections;
    m_filterTexts.clear();
    endResetModel();
}

int ConnectionListModel::rowOfStream(int stream) const
{
    // Streams are numbered 0 … n−1 in order (ReplayFile::connections()); search anyway.
    if (stream >= 0 && stream < m_connections.size() && m_connections.at(stream).stream == stream)
        return stream;
    for (int i = 0; i < m_connections.size(); ++i) {
        if (m_connections.at(i).stream == stream)
            return i;
    }
    return -1;
}

void ConnectionListModel::retranslate()
{
    m_filterTexts.clear();
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_connections.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString ConnectionListModel::handshakeText(const QString &handshake)
{
    if (handshake == QLatin1String("complete"))
        //: the three-way handshake was captured whole (INDEX.md "complete")
        return tr("complete", "handshake");
    if (handshake == QLatin1String("partial"))
        //: a SYN was captured but the handshake did not complete (INDEX.md "partial")
        return tr("partial", "handshake");
    if (handshake == QLatin1String("none"))
        //: no SYN in the capture file: it began in the middle of the connection
        return tr("not captured", "handshake");
    return handshake;
}

QString ConnectionListModel::closeText(const QString &close)
{
    if (close == QLatin1String("rst"))
        return QStringLiteral("RST");
    if (close == QLatin1String("fin"))
        return QStringLiteral("FIN");
    if (close == QLatin1String("none"))
        //: how the connection closed: neither FIN nor RST is in the capture file
        return tr("none", "close");
    return close;
}

int ConnectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_connections.size());
}

int ConnectionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_connections.size())
        return {};
    const ReplayConnection &c = m_connections.at(index.row());
    switch (role) {
    case StreamRole:
        return c.stream;
    case FilterRole:
        if (m_filterTexts.size() != m_connections.size()) {
            m_filterTexts.clear();
            m_filterTexts.reserve(m_connections.size());
            for (const ReplayConnection &each : m_connections)
                m_filterTexts.append(filterText(each));
        }
        return m_filterTexts.at(index.row());
    case SortRole:
        switch (index.column()) {
        case StreamColumn:
            return c.stream;
        case SegmentsColumn:
            return c.segments;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::TextAlignmentRole:
        if (index.column() == StreamColumn || index.column() == SegmentsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        return toolTip(c, index.column());
    case Qt::DisplayRole:
        switch (index.column()) {
        case StreamColumn:
            return QString::number(c.stream);
        case ClientColumn:
            return c.client;
        case ServerColumn:
            return c.server;
        case HandshakeColumn:
            return handshakeText(c.handshake);
        case CloseColumn:
            return closeText(c.close);
        case SegmentsColumn:
            return QString::number(c.segments);
        case ClientStateColumn:
            return tcpStateName(c.clientState);
        case ServerStateColumn:
            return tcpStateName(c.serverState);
        default:
            return {};
        }
    default:
        return {};
    }
}

QString ConnectionListModel::filterText(const ReplayConnection &c) const
{
    // The UI language's words and INDEX.md's tokens: "rst", "complete", "RST", "完整" …
    return QStringList { c.client, c.server, c.handshake, handshakeText(c.handshake), c.close,
        closeText(c.close), tcpStateName(c.clientState), tcpStateName(c.serverState) }
        .join(QLatin1Char(' '));
}

QString ConnectionListModel::toolTip(const ReplayConnection &c, int column) const
{
    switch (column) {
    case StreamColumn:
        return tr("Stream %1, numbered as Wireshark's tcp.stream (in order of first segment).")
            .arg(c.stream);
    case ClientColumn:
        return tr("The client: it sent the first SYN without ACK (else it received the first "
                  "SYN-ACK, else it sent the first segment).");
    case ServerColumn:
        return tr("The server: the other endpoint.");
    case HandshakeColumn:
        if (c.handshake == QLatin1String("complete"))
            return tr("Both SYNs were sent and acknowledged: the three-way handshake is in the "
                      "capture file.");
        if (c.handshake == QLatin1String("partial"))
            return tr("A SYN is in the capture file, but the three-way handshake did not "
                      "complete.");
        return tr("No SYN in the capture file: capture began in the middle of the connection, "
                  "so both endpoints start ESTABLISHED.");
    case CloseColumn:
        if (c.close == QLatin1String("rst"))
            return tr("A segment carries RST: the connection was aborted (reset).");
        if (c.close == QLatin1String("fin"))
            return tr("Closed with FIN: %n direction(s) sent a FIN.", nullptr, c.fins);
        return tr("Neither FIN nor RST is in the capture file.");
    case SegmentsColumn:
        return tr("%n TCP segment(s) in this connection.", nullptr, int(c.segments));
    case ClientStateColumn:
    case ServerStateColumn: {
        const TcpState s = column == ClientStateColumn ? c.clientState : c.serverState;
        //: %1 a TCP state name (RFC 9293), %2 its explanation
        return tr("Final state, inferred from the segments: %1 (%2)")
            .arg(tcpStateName(s), s == TcpState::Unknown ? tr("unknown") : tcpStateGloss(s));
    }
    default:
        return {};
    }
}

QVariant ConnectionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StreamColumn:
        //: column: the connection's number, Wireshark's tcp.stream
        return tr("Stream");
    case ClientColumn:
        return tr("Client");
    case ServerColumn:
        return tr("Server");
    case HandshakeColumn:
        //: column: was the three-way handshake captured?
        return tr("Handshake");
    case CloseColumn:
        //: column: how the connection closed (FIN, RST or none)
        return tr("Close");
    case SegmentsColumn:
        //: column: how many TCP segments (报文段)
        return tr("Segments");
    case ClientStateColumn:
        //: column: the client's final TCP state
        return tr("Client state");
    case ServerStateColumn:
        //: column: the server's final TCP state
        return tr("Server state");
    default:
        return {};
    }
}
