#pragma once

#include "cursorview.h"

class QTreeWidget;
class QTreeWidgetItem;

/**
 * The header fields of the segment at the cursor (else the latest one
 * before it), as Wireshark's packet details name them: "Source Port",
 * "Sequence Number (relative sequence number)", "Flags" with one child per
 * flag, "Options" with one child per option (and the option's own fields:
 * MSS Value, Shift count, Timestamp value …), the window field on the wire
 * beside Wireshark's [Calculated window size] … plus where the segment comes
 * from (RFC model, inferred from calls, captured on the wire). A UDP
 * datagram shows the UDP fields. Unknown values read "unknown". Relative and
 * raw seq/ack sit on adjacent rows; a third column names each field as
 * Wireshark's display filters do (tcp.seq_raw, tcp.options.wscale.shift …).
 *
 * Field names are Wireshark's English as source text; the Chinese
 * translation uses the glossary's terms (序号, 确认号, 窗口 …).
 */
class SegmentInspector : public CursorView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SegmentInspector)

public:
    explicit SegmentInspector(QWidget *parent = nullptr);

    /** The timeline row shown, -1 when there is no segment up to the cursor. */
    int shownRow() const { return m_shownRow; }
    /**
     * The value shown for @p field, named by its English source text
     * ("Flags", "Sequence Number (relative sequence number)", "Syn" …),
     * whatever the UI language; empty when the field is not shown.
     */
    QString fieldValue(const QString &field) const;
    /**
     * Wireshark's display filter field of the row named @p field, e.g.
     * "tcp.seq_raw" for "Sequence Number (raw)" or "tcp.options.mss_val" for
     * "MSS Value"; empty when the row has none or is not shown.
     */
    QString filterField(const QString &field) const;
    /** The tree, for the window's layout and tests. */
    QTreeWidget *tree() const { return m_tree; }

    QSize sizeHint() const override;

protected:
    void timelineChanged() override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void rebuild();
    void addSegment(const LabEvent &e);
    void addDatagram(const LabEvent &e);
    void addAddresses(const LabEvent &e);
    void addOptions(QTreeWidgetItem *tcp, const QStringList &tokens);
    /** A row named by @p field, a source text marked with QT_TR_NOOP. */
    QTreeWidgetItem *add(QTreeWidgetItem *parent, const char *field, const QString &value,
        const QString &toolTip = {});
    /** A row whose name @p key is shown as @p label. */
    QTreeWidgetItem *addRow(QTreeWidgetItem *parent, const QString &key, const QString &label,
        const QString &value, const QString &toolTip = {});

    QTreeWidget *m_tree = nullptr;
    int m_shownRow = -1;
};
