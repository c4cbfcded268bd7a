#include "eventtext.h"

#include "net/errortext.h"

#include <algorithm>

QString EventText::time(qint64 tUs)
{
    return QString::number(double(tUs) / 1000.0, 'f', 3);
}

QString EventText::side(Side s, const QString &socket)
{
    switch (s) {
    case Side::Client:
        return tr("client");
    case Side::Server:
        if (socket == QLatin1String("listener"))
            return tr("server (listening socket)");
        return tr("server");
    case Side::Both:
        return tr("both");
    }
    return {};
}

QString EventText::source(EventSource s)
{
    switch (s) {
    case EventSource::App:
        return tr("call by the lab");
    case EventSource::Kernel:
        return tr("read from the kernel");
    case EventSource::Capture:
        return tr("captured on the wire");
    case EventSource::Inferred:
        return tr("inferred from calls");
    case EventSource::Model:
        return tr("RFC model");
    case EventSource::File:
        return tr("from a capture file");
    }
    return {};
}

QString EventText::sourceExplanation(EventSource s)
{
    switch (s) {
    case EventSource::App:
        return tr("A socket call the lab's program made, with what it returned.");
    case EventSource::Kernel:
        return tr(
            "Read from the live socket: getsockopt(TCP_INFO) or NETLINK_SOCK_DIAG, as ss does.");
    case EventSource::Capture:
        return tr("Seen on the wire by packet capture.");
    case EventSource::Inferred:
        return tr("Not observed: deduced from the calls and the kernel's states, because no packet "
                  "capture is running.");
    case EventSource::Model:
        return tr("Produced by the lab's RFC 9293 model of TCP.");
    case EventSource::File:
        return tr("Read from a capture file.");
    }
    return {};
}

QString EventText::quoted(const LabEvent &e, int maxChars)
{
    return QLatin1Char('"') + escaped(e.text(), maxChars) + QLatin1Char('"');
}

QString EventText::escaped(const QString &text, int maxChars)
{
    // Control characters escaped as Python's repr does, so NUL, ESC or a
    // line break in received data can neither cut nor garble the line.
    QString t;
    for (const QChar c : text) {
        if (t.size() >= maxChars) {
            t += QChar(0x2026);
            break;
        }
        switch (c.unicode()) {
        case '\r':
            t += QLatin1String("\\r");
            break;
        case '\n':
            t += QLatin1String("\\n");
            break;
        case '\t':
            t += QLatin1String("\\t");
            break;
        case '"':
            t += QLatin1String("\\\"");
            break;
        case '\\':
            t += QLatin1String("\\\\");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                t += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                t += c;
        }
    }
    return t;
}

QString EventText::callSignature(const LabEvent &e)
{
    QStringList args = e.args;
    if (!e.bytes.isEmpty())
        args.prepend(quoted(e));
    return e.call + QLatin1Char('(') + args.join(QLatin1String(", ")) + QLatin1Char(')');
}

QString EventText::segmentLabel(const LabEvent &e)
{
    QString s = e.flags.join(QLatin1Char(','));
    if (e.seq >= 0)
        s += QStringLiteral(" seq=%1").arg(e.seq);
    if (e.ack >= 0)
        s += QStringLiteral(" ack=%1").arg(e.ack);
    if (e.len >= 0)
        s += QStringLiteral(" len=%1").arg(e.len);
    if (e.win >= 0)
        s += QStringLiteral(" win=%1").arg(e.win);
    if (!e.options.isEmpty())
        s += QLatin1Char(' ') + e.options.join(QLatin1Char(','));
    return s;
}

QString EventText::ladderLabel(const LabEvent &e, bool raw)
{
    // "*" marks a relative number standing in for a raw one the event lacks.
    auto number = [raw](qint64 relative, qint64 onWire) {
        if (!raw)
            return QString::number(relative);
        return onWire >= 0 ? QString::number(onWire) : QString::number(relative) + u'*';
    };
    QString s = e.flags.join(QLatin1Char(','));
    if (e.seq >= 0)
        s += QStringLiteral(" seq=") + number(e.seq, e.seqRaw);
    if (e.ack >= 0)
        s += QStringLiteral(" ack=") + number(e.ack, e.ackRaw);
    if (e.len >= 0)
        s += QStringLiteral(" len=%1").arg(e.len);
    if (e.win >= 0)
        s += QStringLiteral(" win=%1").arg(e.win);
    return s;
}

QString EventText::optionsLabel(const QStringList &options)
{
    static const char *const kOrder[] = { "MSS", "WS", "SACK_PERM", "TS" };
    auto name = [](const QString &o) { return o.section(QLatin1Char('='), 0, 0); };
    QStringList out;
    for (const char *wanted : kOrder) {
        for (const QString &o : options) {
            if (name(o) == QLatin1String(wanted))
                out << (name(o) == QLatin1String("TS") ? name(o) : o);
        }
    }
    for (const QString &o : options) {
        if (!std::any_of(std::begin(kOrder), std::end(kOrder),
                [&](const char *k) { return name(o) == QLatin1String(k); }))
            out << o;
    }
    return out.join(QLatin1Char(' '));
}

namespace {
QString resultText(const LabEvent &e)
{
    if (!e.result.isValid())
        return QStringLiteral("None");
    return e.result.toString();
}
} // namespace

QString EventText::describe(const LabEvent &e)
{
    switch (e.kind) {
    case EventKind::Call: {
        const QString sig = callSignature(e);
        if (e.phase == CallPhase::Start)
            //: a blocking socket call was issued and is waiting for its result
            return tr("%1 called").arg(sig);
        if (e.failed())
            return ErrorText::callFailure(sig, e.errorDomain, e.errnum);
        bool count = false;
        const int n = e.result.toInt(&count);
        // recvfrom's result is Python's (bytes, address) tuple: shown as it is, below.
        if (count && (e.call == QLatin1String("recv") || e.call == QLatin1String("recvfrom")))
            //: recv() returns the bytes it read; here only their number is shown
            return tr("%1 returned %n byte(s)", nullptr, n).arg(sig);
        return tr("%1 returned %2").arg(sig, resultText(e));
    }
    case EventKind::Segment: {
        const QString from = e.side == Side::Client ? tr("client") : tr("server");
        const QString to = e.side == Side::Client ? tr("server") : tr("client");
        //: %1 sender, %2 receiver, %3 the segment's flags and numbers
        return tr("segment %1 → %2: %3").arg(from, to, segmentLabel(e));
    }
    case EventKind::Datagram:
        return tr("datagram %1 → %2: %n byte(s)", nullptr, int(e.len)).arg(e.src, e.dst);
    case EventKind::State:
        //: a state change: %1 and %2 are RFC 9293 state names, %3 explains the new state
        return tr("%1 → %2 (%3)")
            .arg(tcpStateName(e.from), tcpStateName(e.to), tcpStateGloss(e.to));
    case EventKind::Data:
        if (e.bytes.isEmpty() && e.call == QLatin1String("recvfrom"))
            return tr("received an empty datagram (0 bytes): UDP has no end of stream");
        if (e.bytes.isEmpty())
            return tr("received b\"\": end of stream, the peer sent FIN");
        return tr("received %n byte(s): %1", nullptr, int(e.bytes.size())).arg(quoted(e, 60));
    case EventKind::Note:
        return caption(e);
    case EventKind::Connection:
        return tr("connection summary");
    }
    return {};
}

QString EventText::caption(const LabEvent &e)
{
    if (e.noteKey.isEmpty())
        return {};
    const QByteArray key = e.noteKey.toUtf8();
    QString t = QCoreApplication::translate("Note", key.constData());
    if (t == e.noteKey) // scenario captions live in their own context
        t = QCoreApplication::translate("Caption", key.constData());
    for (const QString &a : e.noteArgs) {
        // The endpoint a caption speaks of is stored as a token and said in the UI language.
        if (a == QLatin1String("client"))
            t = t.arg(tr("the client", "caption: the endpoint that acts"));
        else if (a == QLatin1String("server"))
            t = t.arg(tr("the server", "caption: the endpoint that acts"));
        else
            t = t.arg(a);
    }
    // "the client …" opens the sentence: capitalise it (a no-op in Chinese).
    if (e.noteKey.startsWith(QLatin1String("%1")) && !t.isEmpty())
        t[0] = t.at(0).toUpper();
    return t;
}
