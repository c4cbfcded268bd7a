#pragma once

// Fidelity: does a captured TCP exchange equal the RFC 9293 model's, up to
// the documented Linux variants? Header-only, used by tst_fidelity, which
// also tests it on hand-made sequences.

#include "timeline/labevent.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Fidelity {

/** One segment as compared: its sender, flags, relative seq/ack (-1: none) and payload length. */
struct Wire
{
    Side side = Side::Client;
    QStringList flags; ///< Wireshark order, e.g. {"SYN","ACK"}
    qint64 seq = 0;
    qint64 ack = -1;
    qint64 len = 0;

    bool has(const char *flag) const { return flags.contains(QLatin1String(flag)); }
    bool isPureAck() const { return flags == QStringList { QStringLiteral("ACK") } && len == 0; }
    bool operator==(const Wire &o) const = default;
    QString toString() const
    {
        return QStringLiteral("%1 %2 seq=%3 ack=%4 len=%5")
            .arg(sideToken(side), flags.join(u','), QString::number(seq),
                ack < 0 ? QStringLiteral("-") : QString::number(ack), QString::number(len));
    }
};

/**
 * The Linux variants a capture may show instead of the model's segments.
 * Windows and options are never compared.
 */
enum class Variant {
    FinWithAck, ///< the model's bare FIN is FIN,ACK on the wire (Linux always sets ACK)
    FinOnData, ///< the model's last data segment and FIN from one side are one segment
    AckMerged, ///< a model pure ACK is missing: a later segment of that side acknowledges as much
    ExtraAck, ///< an extra pure ACK (quick ACK) the model delays, repeating a model ACK
    Crossed, ///< two adjacent segments of different sides, in flight together, swap order
    SynAckAcked, ///< after a simultaneous open, each side ACKs the peer's SYN,ACK
};

struct VariantInfo
{
    Variant variant;
    const char *name;
    const char *why;
};

/** The table of allowed variants, printed by the test when one is used. */
inline const QList<VariantInfo> &variants()
{
    static const QList<VariantInfo> table {
        { Variant::FinWithAck, "fin-with-ack",
            "Linux sets ACK on every segment after the SYN, so a FIN is FIN,ACK "
            "(tcp_send_fin builds TCPHDR_ACK | TCPHDR_FIN)" },
        { Variant::FinOnData, "fin-on-last-data",
            "close()/shutdown() right after send(): tcp_send_fin sets FIN on the still-unsent "
            "tail segment" },
        { Variant::AckMerged, "delayed-ack-merged",
            "delayed ACK (up to 40 ms, RFC 9293 3.8.6.3): a pure ACK is not sent because a "
            "later segment of the same side carries the same or a higher ack" },
        { Variant::ExtraAck, "quick-ack",
            "Linux quick-ack mode at connection start ACKs at once a segment the model answers "
            "with a later, piggybacked ACK: an extra pure ACK" },
        { Variant::Crossed, "crossed-in-flight",
            "the model's one-way delay is 10 ms, loopback's microseconds: of two segments the "
            "two sides send within one delay, the other side's may come first" },
        { Variant::SynAckAcked, "syn-ack-acked",
            "simultaneous open: the peer's SYN,ACK repeats a SYN already acknowledged (its "
            "sequence number is below RCV.NXT), an unacceptable segment that RFC 9293 3.10.7.4 "
            "answers with <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>; Linux does, RFC 9293's figure 8 "
            "leaves that ACK out" },
    };
    return table;
}

inline const char *variantName(Variant v)
{
    for (const VariantInfo &i : variants()) {
        if (i.variant == v)
            return i.name;
    }
    return "?";
}

/** The outcome of compare(): equal up to the variants used, or the first difference. */
struct Result
{
    bool equal = false;
    QString mismatch; ///< where and how they differ, empty when equal
    QList<Variant> used; ///< one entry per use, in order
    QStringList notes; ///< what each use of a variant replaced, for the log

    int count(Variant v) const { return int(used.count(v)); }
};

/** Segment events of @p events (in timeline order) as Wire values. */
inline QList<Wire> fromEvents(const QList<LabEvent> &events)
{
    QList<Wire> out;
    for (const LabEvent &e : events) {
        if (e.kind == EventKind::Segment)
            out << Wire { e.side, e.flags, e.seq, e.ack, qMax<qint64>(e.len, 0) };
    }
    return out;
}

/**
 * Compares @p captured with @p model, in order, allowing only the Variants.
 * Greedy: an exact match always wins; then two segments of different sides
 * in swapped order, a FIN with ACK added, a data
 * segment with the next FIN folded in, a model pure ACK covered by a later
 * captured segment of its side, and an extra captured pure ACK that repeats
 * a model ACK of its side (same seq and ack).
 */
inline Result compare(const QList<Wire> &model, const QList<Wire> &captured)
{
    Result r;
    qsizetype i = 0;
    qsizetype j = 0;
    auto use = [&r](Variant v, const QString &note) {
        r.used << v;
        r.notes << QStringLiteral("%1: %2").arg(QLatin1String(variantName(v)), note);
    };
    auto withAck = [](QStringList flags) {
        if (!flags.contains(QLatin1String("ACK")))
            flags << QStringLiteral("ACK");
        QStringList ordered; // Wireshark order
        for (const char *f : { "SYN", "FIN", "RST", "PSH", "ACK" }) {
            if (flags.contains(QLatin1String(f)))
                ordered << QLatin1String(f);
        }
        return ordered;
    };
    while (i < model.size() || j < captured.size()) {
        const Wire *m = i < model.size() ? &model[i] : nullptr;
        const Wire *c = j < captured.size() ? &captured[j] : nullptr;
        if (m && c && *m == *c) {
            ++i;
            ++j;
            continue;
        }
        if (m && c && i + 1 < model.size() && j + 1 < captured.size()
            && model[i + 1].side != m->side && model[i + 1] == *c && captured[j + 1] == *m) {
            use(Variant::Crossed, QStringLiteral("%1 before %2").arg(c->toString(), m->toString()));
            i += 2;
            j += 2;
            continue;
        }
        if (m && c && m->has("FIN") && !m->has("ACK")) {
            Wire fixed = *m;
            fixed.flags = withAck(m->flags);
            if (fixed.ack < 0)
                fixed.ack = c->ack;
            if (fixed == *c) {
                use(Variant::FinWithAck, c->toString());
                ++i;
                ++j;
                continue;
            }
        }
        if (m && c && i + 1 < model.size() && m->len > 0 && !m->has("FIN")) {
            const Wire &fin = model[i + 1];
            Wire merged = *m;
            merged.flags = withAck(m->flags + QStringList { QStringLiteral("FIN") });
            merged.ack = qMax(m->ack, fin.ack);
            if (fin.side == m->side && fin.has("FIN") && fin.len == 0 && fin.seq == m->seq + m->len
                && merged == *c) {
                use(Variant::FinOnData,
                    QStringLiteral("%1 + %2 → %3")
                        .arg(m->toString(), fin.toString(), c->toString()));
                i += 2;
                ++j;
                continue;
            }
        }
        if (m && m->isPureAck()) {
            bool covered = false;
            for (qsizetype k = j; k < captured.size() && !covered; ++k)
                covered = captured[k].side == m->side && captured[k].ack >= m->ack;
            if (covered) {
                use(Variant::AckMerged, QStringLiteral("model %1 not sent").arg(m->toString()));
                ++i;
                continue;
            }
        }
        if (c && c->isPureAck()) {
            // Both sides sent SYN,ACK before this ACK: the answer to the peer's repeated SYN.
            bool ownSynAck = false;
            bool peerSynAck = false;
            for (qsizetype k = 0; k < j; ++k) {
                const bool synAck = captured[k].has("SYN") && captured[k].has("ACK");
                (captured[k].side == c->side ? ownSynAck : peerSynAck) |= synAck;
            }
            if (ownSynAck && peerSynAck && c->seq == 1 && c->ack == 1) {
                use(Variant::SynAckAcked, QStringLiteral("extra %1").arg(c->toString()));
                ++j;
                continue;
            }
        }
        if (c && c->isPureAck()) {
            bool repeats = false;
            for (const Wire &w : model)
                repeats = repeats || (w.side == c->side && w.seq == c->seq && w.ack == c->ack);
            if (repeats) {
                use(Variant::ExtraAck, QStringLiteral("extra %1").arg(c->toString()));
                ++j;
                continue;
            }
        }
        r.mismatch = QStringLiteral("segment %1 of the model (%2) vs %3 of the capture (%4)")
                         .arg(i + 1)
                         .arg(m ? m->toString() : QStringLiteral("none left"))
                         .arg(j + 1)
                         .arg(c ? c->toString() : QStringLiteral("none left"));
        return r;
    }
    r.equal = true;
    return r;
}

} // namespace Fidelity
