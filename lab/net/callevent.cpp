#include "callevent.h"

LabEvent callEvent(
    const CallResult &r, Side side, const QString &socket, CallPhase phase, const QString &encoding)
{
    LabEvent e;
    e.side = side;
    e.kind = EventKind::Call;
    e.source = EventSource::App;
    e.socket = socket;
    e.call = r.call;
    e.phase = phase;
    e.args = r.args;
    e.bytes = r.payload;
    e.encoding = encoding;
    return e;
}

LabEvent callStartEvent(
    const CallResult &r, Side side, const QString &socket, qint64 tUs, const QString &encoding)
{
    LabEvent e = callEvent(r, side, socket, CallPhase::Start, encoding);
    e.tUs = tUs;
    return e;
}

LabEvent callReturnEvent(
    const CallResult &r, Side side, const QString &socket, const QString &encoding)
{
    LabEvent e = callEvent(r, side, socket, CallPhase::Return, encoding);
    e.result = r.value;
    e.errorDomain = r.errorDomain;
    e.errnum = r.errnum;
    if (r.call == QLatin1String("accept") && r.ok())
        e.result = QStringLiteral("(%1, %2)").arg(r.value.toInt()).arg(r.addr.pythonRepr());
    if (r.call == QLatin1String("recvfrom") && r.ok())
        e.result = QStringLiteral("(%1, %2)").arg(pythonBytesRepr(r.data), r.addr.pythonRepr());
    return e;
}

LabEvent receivedDataEvent(
    const QByteArray &bytes, Side side, const QString &socket, const QString &encoding)
{
    LabEvent e;
    e.side = side;
    e.kind = EventKind::Data;
    e.source = EventSource::App;
    e.socket = socket;
    e.bytes = bytes;
    e.encoding = encoding;
    return e;
}

LabEvent noteEvent(const char *key, const QStringList &args, Side side)
{
    LabEvent e;
    e.side = side;
    e.kind = EventKind::Note;
    e.source = EventSource::App;
    e.noteKey = QString::fromUtf8(key);
    e.noteArgs = args;
    return e;
}

QString pythonBytesRepr(const QByteArray &bytes)
{
    // Python prefers single quotes and switches to double quotes only when
    // that saves escaping a single quote.
    const bool doubleQuote = bytes.contains('\'') && !bytes.contains('"');
    const char quote = doubleQuote ? '"' : '\'';
    QString out = QStringLiteral("b") + QLatin1Char(quote);
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '\\' || c == static_cast<unsigned char>(quote))
            out += QStringLiteral("\\") + QLatin1Char(ch);
        else if (c == '\t')
            out += QStringLiteral("\\t");
        else if (c == '\n')
            out += QStringLiteral("\\n");
        else if (c == '\r')
            out += QStringLiteral("\\r");
        else if (c >= 0x20 && c < 0x7f)
            out += QLatin1Char(ch);
        else
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
    }
    return out + QLatin1Char(quote);
}
