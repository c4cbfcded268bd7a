#include "segmentinspector.h"

#include "timeline/eventtext.h"
#include "timeline/timeline.h"
#include "timeline/windowscale.h"

#include <QEvent>
#include <QHeaderView>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScrollBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

constexpr int KeyRole = Qt::UserRole + 1;

/** "127.0.0.1:8888" → {"127.0.0.1", "8888"}; "[::1]:8888" → {"::1", "8888"}. */
std::pair<QString, QString> splitHostPort(const QString &address)
{
    const qsizetype colon = address.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return { address, {} };
    QString host = address.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    return { host, address.mid(colon + 1) };
}

/** The flag bits as on the wire (RFC 9293 §3.1, RFC 3168, RFC 9768's AE). */
int flagBits(const QStringList &flags)
{
    static const QList<std::pair<const char *, int>> bits { { "FIN", 0x001 }, { "SYN", 0x002 },
        { "RST", 0x004 }, { "PSH", 0x008 }, { "ACK", 0x010 }, { "URG", 0x020 }, { "ECE", 0x040 },
        { "CWR", 0x080 }, { "AE", 0x100 } };
    int value = 0;
    for (const auto &[name, bit] : bits) {
        if (flags.contains(QLatin1String(name)))
            value |= bit;
    }
    return value;
}

} // namespace

SegmentInspector::SegmentInspector(QWidget *parent)
    : CursorView(parent)
{
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(3);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    retranslateUi();
}

QSize SegmentInspector::sizeHint() const
{
    return { 520, 420 };
}

QString SegmentInspector::filterField(const QString &field) const
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, KeyRole).toString() == field)
            return (*it)->text(2);
    }
    return {};
}

QString SegmentInspector::fieldValue(const QString &field) const
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, KeyRole).toString() == field)
            return (*it)->text(1);
    }
    return {};
}

void SegmentInspector::timelineChanged()
{
    rebuild();
    CursorView::timelineChanged();
}

void SegmentInspector::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    CursorView::changeEvent(event); // rebuilds the tree in the new language
}

void SegmentInspector::retranslateUi()
{
    //: column of the segment inspector: the header field's name, as Wireshark names it
    //: column of the segment inspector: Wireshark's display filter name, e.g. tcp.seq_raw
    m_tree->setHeaderLabels({ tr("Field"), tr("Value"), tr("Filter field") });
}

QTreeWidgetItem *SegmentInspector::addRow(QTreeWidgetItem *parent, const QString &key,
    const QString &label, const QString &value, const QString &toolTip)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    item->setText(0, label);
    item->setText(1, value);
    item->setData(0, KeyRole, key);
    if (!toolTip.isEmpty()) {
        item->setToolTip(0, toolTip);
        item->setToolTip(1, toolTip);
    }
    return item;
}

QTreeWidgetItem *SegmentInspector::add(
    QTreeWidgetItem *parent, const char *field, const QString &value, const QString &toolTip)
{
    return addRow(parent, QString::fromLatin1(field), tr(field), value, toolTip);
}

void SegmentInspector::rebuild()
{
    // The segment (or datagram) at the cursor, else the latest one before it.
    m_shownRow = -1;
    const Timeline *t = timeline();
    for (int row = lastRow(); t && row >= 0; --row) {
        const EventKind k = t->at(row).kind;
        if (k == EventKind::Segment || k == EventKind::Datagram) {
            m_shownRow = row;
            break;
        }
    }
    // Rebuilt whenever the timeline changes (a live session); the reader's place is kept.
    const int scroll = m_tree->verticalScrollBar()->value();
    const auto restoreScroll
        = qScopeGuard([this, scroll] { m_tree->verticalScrollBar()->setValue(scroll); });
    m_tree->clear();
    if (m_shownRow < 0) {
        add(nullptr, QT_TR_NOOP("No segment up to this step."), QString());
        return;
    }
    const LabEvent &e = t->at(m_shownRow);
    add(nullptr, QT_TR_NOOP("[Event source]"), EventText::source(e.source),
        EventText::sourceExplanation(e.source));
    if (e.source == EventSource::File) {
        // A capture file's clock starts at its first packet; the packet is numbered as there.
        if (e.frame >= 0)
            add(nullptr, QT_TR_NOOP("Frame Number"), QString::number(e.frame),
                tr("The packet's number in the capture file, as Wireshark counts (from 1)."))
                ->setText(2, QStringLiteral("frame.number"));
        add(nullptr, QT_TR_NOOP("[Time since reference or first frame]"),
            tr("%1 ms").arg(EventText::time(e.tUs)))
            ->setText(2, QStringLiteral("frame.time_relative"));
    } else {
        //: %1 milliseconds, e.g. "12.345 ms"
        add(nullptr, QT_TR_NOOP("[Time since the session began]"),
            tr("%1 ms").arg(EventText::time(e.tUs)));
    }
    addAddresses(e);
    if (e.kind == EventKind::Segment)
        addSegment(e);
    else
        addDatagram(e);
    m_tree->expandAll();
}

void SegmentInspector::addAddresses(const LabEvent &e)
{
    const QString src = splitHostPort(e.src).first;
    const QString dst = splitHostPort(e.dst).first;
    const bool v6 = src.contains(QLatin1Char(':')) || dst.contains(QLatin1Char(':'));
    const QString unknown = tr("unknown");
    const QString srcText = src.isEmpty() ? unknown : src;
    const QString dstText = dst.isEmpty() ? unknown : dst;
    //: Wireshark's summary of the IP header, %1 source address, %2 destination address
    const QString summary = tr("Src: %1, Dst: %2").arg(srcText, dstText);
    QTreeWidgetItem *ip = v6 ? add(nullptr, QT_TR_NOOP("Internet Protocol Version 6"), summary)
                             : add(nullptr, QT_TR_NOOP("Internet Protocol Version 4"), summary);
    add(ip, QT_TR_NOOP("Source Address"), srcText);
    add(ip, QT_TR_NOOP("Destination Address"), dstText);
}

void SegmentInspector::addSegment(const LabEvent &e)
{
    const QString unknown = tr("unknown");
    auto number = [&unknown](qint64 v) { return v < 0 ? unknown : QString::number(v); };
    const QString srcPort = splitHostPort(e.src).second;
    const QString dstPort = splitHostPort(e.dst).second;
    const bool hasAck = e.flags.contains(QLatin1String("ACK"));

    //: Wireshark's summary line of the TCP header
    const QString summary
        = tr("Src Port: %1, Dst Port: %2, Seq: %3, Ack: %4, Len: %5")
              .arg(srcPort.isEmpty() ? unknown : srcPort, dstPort.isEmpty() ? unknown : dstPort,
                  number(e.seq), hasAck ? number(e.ack) : QStringLiteral("-"), number(e.len));
    QTreeWidgetItem *tcp = add(nullptr, QT_TR_NOOP("Transmission Control Protocol"), summary);
    add(tcp, QT_TR_NOOP("Source Port"), srcPort.isEmpty() ? unknown : srcPort);
    add(tcp, QT_TR_NOOP("Destination Port"), dstPort.isEmpty() ? unknown : dstPort);
    add(tcp, QT_TR_NOOP("[Stream index]"), number(e.stream),
        tr("Which connection this is, numbered as Wireshark's tcp.stream."));
    add(tcp, QT_TR_NOOP("[TCP Segment Len]"), number(e.len), tr("Payload bytes."));
    add(tcp, QT_TR_NOOP("Sequence Number (relative sequence number)"), number(e.seq),
        tr("Counted from the sender's initial sequence number (ISN), as Wireshark shows it."))
        ->setText(2, QStringLiteral("tcp.seq"));
    add(tcp, QT_TR_NOOP("Sequence Number (raw)"), number(e.seqRaw),
        tr("The 32-bit number as on the wire."))
        ->setText(2, QStringLiteral("tcp.seq_raw"));
    if (e.seq >= 0 && e.len >= 0) {
        // SYN and FIN each take one sequence number (RFC 9293 §3.4).
        const qint64 next = e.seq + e.len + (e.flags.contains(QLatin1String("SYN")) ? 1 : 0)
            + (e.flags.contains(QLatin1String("FIN")) ? 1 : 0);
        add(tcp, QT_TR_NOOP("[Next Sequence Number (relative sequence number)]"),
            QString::number(next), tr("Sequence number + payload length, plus 1 for SYN or FIN."));
    }
    //: the acknowledgment number is not meaningful: the ACK flag is not set
    const QString noAck = tr("not used (ACK not set)");
    add(tcp, QT_TR_NOOP("Acknowledgment Number (relative ack number)"),
        hasAck ? number(e.ack) : noAck,
        tr("The next sequence number the sender expects, counted from the receiver's ISN."))
        ->setText(2, QStringLiteral("tcp.ack"));
    add(tcp, QT_TR_NOOP("Acknowledgment number (raw)"), hasAck ? number(e.ackRaw) : noAck)
        ->setText(2, QStringLiteral("tcp.ack_raw"));

    const int bits = flagBits(e.flags);
    QString flagsText = QStringLiteral("0x%1").arg(bits, 3, 16, QLatin1Char('0'));
    if (!e.flags.isEmpty())
        flagsText += QStringLiteral(" (") + e.flags.join(QStringLiteral(", ")) + QLatin1Char(')');
    QTreeWidgetItem *flags = add(tcp, QT_TR_NOOP("Flags"), flagsText);
    const QString set = tr("Set");
    const QString notSet = tr("Not set");
    auto flag = [&](const char *field, const char *token) {
        add(flags, field, e.flags.contains(QLatin1String(token)) ? set : notSet);
    };
    flag(QT_TR_NOOP("Acknowledgment"), "ACK");
    flag(QT_TR_NOOP("Push"), "PSH");
    flag(QT_TR_NOOP("Reset"), "RST");
    flag(QT_TR_NOOP("Syn"), "SYN");
    flag(QT_TR_NOOP("Fin"), "FIN");

    // The window field on the wire and the window it means (RFC 7323 §2.2), as Wireshark shows
    // them.
    const bool syn = e.flags.contains(QLatin1String("SYN"));
    const int shift = syn ? 0 : WindowScale::shiftFor(*timeline(), m_shownRow);
    add(tcp, QT_TR_NOOP("Window"), number(WindowScale::rawWindow(e, shift)),
        tr("The 16-bit window field as on the wire."))
        ->setText(2, QStringLiteral("tcp.window_size_value"));
    add(tcp, QT_TR_NOOP("[Calculated window size]"), number(e.win),
        tr("The receive window in bytes: the field × 2^shift, the shift the sender announced in "
           "its SYN."))
        ->setText(2, QStringLiteral("tcp.window_size"));
    QString factor;
    if (syn)
        //: window scaling factor of a SYN segment
        factor = tr("not scaled (a SYN's window never is)");
    else if (shift > 0)
        //: %1 the multiplier 2^shift, %2 the shift count
        factor = tr("%1 (shift %2)").arg(qint64(1) << shift).arg(shift);
    else if (shift == 0)
        factor = tr("no window scaling used");
    else
        factor = tr("unknown (the handshake is not on the timeline)");
    add(tcp, QT_TR_NOOP("[Window size scaling factor]"), factor)
        ->setText(2, QStringLiteral("tcp.window_size_scalefactor"));

    addOptions(tcp, e.options);

    if (!e.bytes.isEmpty())
        //: %n payload bytes, %1 the payload as quoted text
        add(tcp, QT_TR_NOOP("[TCP payload]"),
            tr("%n byte(s): %1", nullptr, int(e.bytes.size())).arg(EventText::quoted(e)));
}

void SegmentInspector::addOptions(QTreeWidgetItem *tcp, const QStringList &tokens)
{
    struct Child
    {
        const char *field; // source text, marked with QT_TR_NOOP
        QString value;
        const char *filter; // Wireshark's display filter field
    };
    struct Option
    {
        QString key, label, value;
        QList<Child> children;
    };
    QList<Option> rows;
    const QString notRecorded = tr("not recorded");
    for (const QString &option : tokens) {
        const qsizetype eq = option.indexOf(QLatin1Char('='));
        const QString name = eq < 0 ? option : option.left(eq);
        const QString value = eq < 0 ? QString() : option.mid(eq + 1);
        if (name == QLatin1String("MSS")) {
            const char *key = QT_TR_NOOP("Maximum segment size");
            //: the MSS option's value, e.g. "1460 bytes"
            rows.append({ QString::fromLatin1(key), tr(key), tr("%1 bytes").arg(value),
                { { QT_TR_NOOP("MSS Value"), value, "tcp.options.mss_val" } } });
        } else if (name == QLatin1String("WS")) {
            const char *key = QT_TR_NOOP("Window scale");
            const int shift = WindowScale::announced({ option });
            //: the window scale option: %1 shift count, %2 the factor 2^shift
            rows.append({ QString::fromLatin1(key), tr(key),
                tr("%1 (multiply by %2)").arg(value).arg(qint64(1) << shift),
                { { QT_TR_NOOP("Shift count"), QString::number(shift), "tcp.options.wscale.shift" },
                    { QT_TR_NOOP("[Multiplier]"), QString::number(qint64(1) << shift),
                        "tcp.options.wscale.multiplier" } } });
        } else if (name == QLatin1String("SACK_PERM")) {
            const char *key = QT_TR_NOOP("SACK permitted");
            rows.append({ QString::fromLatin1(key), tr(key), tr("Set"),
                { { QT_TR_NOOP("TCP SACK Permitted Option"), QStringLiteral("True"),
                    "tcp.options.sack_perm" } } });
        } else if (name == QLatin1String("TS")) {
            // "TS" alone, or "TS=tsval/tsecr" (also "," or ":" between) when the values were kept.
            const QStringList v = value.split(QRegularExpression(QStringLiteral("[/,:]")));
            const bool known = v.size() == 2;
            const char *key = QT_TR_NOOP("Timestamps");
            rows.append({ QString::fromLatin1(key), tr(key),
                known ? QStringLiteral("TSval %1, TSecr %2").arg(v.at(0), v.at(1)) : QString(),
                { { QT_TR_NOOP("Timestamp value"), known ? v.at(0) : notRecorded,
                      "tcp.options.timestamp.tsval" },
                    { QT_TR_NOOP("Timestamp echo reply"), known ? v.at(1) : notRecorded,
                        "tcp.options.timestamp.tsecr" } } });
        } else if (name == QLatin1String("NOP")) {
            const char *key = QT_TR_NOOP("No-Operation (NOP)");
            rows.append({ QString::fromLatin1(key), tr(key), QString(), {} });
        } else {
            rows.append({ name, name, value, {} });
        }
    }
    QStringList names;
    for (const Option &o : std::as_const(rows))
        names << o.label;
    QTreeWidgetItem *options = add(tcp, QT_TR_NOOP("Options"),
        names.isEmpty() ? tr("none") : names.join(QStringLiteral(", ")));
    for (const Option &o : std::as_const(rows)) {
        QTreeWidgetItem *item = addRow(options, o.key, o.label, o.value);
        for (const Child &c : o.children)
            add(item, c.field, c.value)->setText(2, QString::fromLatin1(c.filter));
    }
}

void SegmentInspector::addDatagram(const LabEvent &e)
{
    const QString unknown = tr("unknown");
    const QString srcPort = splitHostPort(e.src).second;
    const QString dstPort = splitHostPort(e.dst).second;
    //: Wireshark's summary line of the UDP header
    const QString summary
        = tr("Src Port: %1, Dst Port: %2")
              .arg(srcPort.isEmpty() ? unknown : srcPort, dstPort.isEmpty() ? unknown : dstPort);
    QTreeWidgetItem *udp = add(nullptr, QT_TR_NOOP("User Datagram Protocol"), summary);
    add(udp, QT_TR_NOOP("Source Port"), srcPort.isEmpty() ? unknown : srcPort);
    add(udp, QT_TR_NOOP("Destination Port"), dstPort.isEmpty() ? unknown : dstPort);
    // The UDP length field counts its 8-byte header (RFC 768).
    add(udp, QT_TR_NOOP("Length"), e.len < 0 ? unknown : QString::number(e.len + 8),
        tr("Header (8 bytes) plus payload."));
    if (e.stream >= 0)
        add(udp, QT_TR_NOOP("[Stream index]"), QString::number(e.stream));
    if (!e.bytes.isEmpty())
        add(udp, QT_TR_NOOP("Data"),
            tr("%n byte(s): %1", nullptr, int(e.bytes.size())).arg(EventText::quoted(e)));
}
