#include "labevent.h"

#include "net/textcodec.h"

#include <QJsonArray>

#include <cerrno>
#include <netdb.h>

namespace {
// `bytes` decoded in `encoding`; UTF-8 for an empty or unknown one.
TextCodec::Result decoded(const QByteArray &bytes, const QString &encoding)
{
    const QString enc = TextCodec::canonical(encoding);
    return TextCodec::decode(bytes, enc.isEmpty() ? QStringLiteral("utf-8") : enc);
}
} // namespace

QString LabEvent::text() const
{
    return decoded(bytes, encoding).text;
}

bool LabEvent::textIsValid() const
{
    return decoded(bytes, encoding).valid;
}

QString eventKindToken(EventKind k)
{
    switch (k) {
    case EventKind::Call:
        return QStringLiteral("call");
    case EventKind::Segment:
        return QStringLiteral("segment");
    case EventKind::Datagram:
        return QStringLiteral("datagram");
    case EventKind::State:
        return QStringLiteral("state");
    case EventKind::Data:
        return QStringLiteral("data");
    case EventKind::Note:
        return QStringLiteral("note");
    case EventKind::Connection:
        return QStringLiteral("connection");
    }
    return {};
}

QString eventSourceToken(EventSource s)
{
    switch (s) {
    case EventSource::App:
        return QStringLiteral("app");
    case EventSource::Kernel:
        return QStringLiteral("kernel");
    case EventSource::Capture:
        return QStringLiteral("capture");
    case EventSource::Inferred:
        return QStringLiteral("inferred");
    case EventSource::Model:
        return QStringLiteral("model");
    case EventSource::File:
        return QStringLiteral("file");
    }
    return {};
}

QString sideToken(Side s)
{
    switch (s) {
    case Side::Client:
        return QStringLiteral("client");
    case Side::Server:
        return QStringLiteral("server");
    case Side::Both:
        return QStringLiteral("both");
    }
    return {};
}

QString callPhaseToken(CallPhase p)
{
    switch (p) {
    case CallPhase::Start:
        return QStringLiteral("start");
    case CallPhase::Return:
        return QStringLiteral("return");
    case CallPhase::None:
        break;
    }
    return {};
}

QString errorName(ErrorDomain d, int errnum)
{
    switch (d) {
    case ErrorDomain::None:
        return {};
    case ErrorDomain::Timeout:
        return QStringLiteral("timeout");
    case ErrorDomain::Busy:
        return QStringLiteral("busy");
    case ErrorDomain::Gai:
        switch (errnum) {
        case EAI_NONAME:
            return QStringLiteral("EAI_NONAME");
        case EAI_AGAIN:
            return QStringLiteral("EAI_AGAIN");
        case EAI_FAIL:
            return QStringLiteral("EAI_FAIL");
        case EAI_FAMILY:
            return QStringLiteral("EAI_FAMILY");
        case EAI_SERVICE:
            return QStringLiteral("EAI_SERVICE");
        default:
            return QStringLiteral("EAI_%1").arg(errnum);
        }
    case ErrorDomain::Errno:
        break;
    }
    switch (errnum) {
    case EPERM:
        return QStringLiteral("EPERM");
    case EBADF:
        return QStringLiteral("EBADF");
    case EINTR:
        return QStringLiteral("EINTR");
    case EAGAIN:
        return QStringLiteral("EAGAIN");
    case EACCES:
        return QStringLiteral("EACCES");
    case EFAULT:
        return QStringLiteral("EFAULT");
    case EINVAL:
        return QStringLiteral("EINVAL");
    case EMFILE:
        return QStringLiteral("EMFILE");
    case EPIPE:
        return QStringLiteral("EPIPE");
    case ENOTSOCK:
        return QStringLiteral("ENOTSOCK");
    case EDESTADDRREQ:
        return QStringLiteral("EDESTADDRREQ");
    case EMSGSIZE:
        return QStringLiteral("EMSGSIZE");
    case EPROTOTYPE:
        return QStringLiteral("EPROTOTYPE");
    case EPROTONOSUPPORT:
        return QStringLiteral("EPROTONOSUPPORT");
    case ESOCKTNOSUPPORT:
        return QStringLiteral("ESOCKTNOSUPPORT");
    case EOPNOTSUPP:
        return QStringLiteral("EOPNOTSUPP");
    case EAFNOSUPPORT:
        return QStringLiteral("EAFNOSUPPORT");
    case EADDRINUSE:
        return QStringLiteral("EADDRINUSE");
    case EADDRNOTAVAIL:
        return QStringLiteral("EADDRNOTAVAIL");
    case ENETDOWN:
        return QStringLiteral("ENETDOWN");
    case ENETUNREACH:
        return QStringLiteral("ENETUNREACH");
    case ECONNABORTED:
        return QStringLiteral("ECONNABORTED");
    case ECONNRESET:
        return QStringLiteral("ECONNRESET");
    case EISCONN:
        return QStringLiteral("EISCONN");
    case ENOTCONN:
        return QStringLiteral("ENOTCONN");
    case ETIMEDOUT:
        return QStringLiteral("ETIMEDOUT");
    case ECONNREFUSED:
        return QStringLiteral("ECONNREFUSED");
    case EHOSTUNREACH:
        return QStringLiteral("EHOSTUNREACH");
    case EALREADY:
        return QStringLiteral("EALREADY");
    case EINPROGRESS:
        return QStringLiteral("EINPROGRESS");
    default:
        return QStringLiteral("errno %1").arg(errnum);
    }
}

namespace {
QJsonValue optionalNumber(qint64 v)
{
    return v < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(double(v));
}
} // namespace

QJsonObject LabEvent::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("t_us"), double(tUs));
    o.insert(QStringLiteral("side"), sideToken(side));
    o.insert(QStringLiteral("kind"), eventKindToken(kind));
    o.insert(QStringLiteral("source"), eventSourceToken(source));
    if (!socket.isEmpty())
        o.insert(QStringLiteral("socket"), socket);
    switch (kind) {
    case EventKind::Call:
        o.insert(QStringLiteral("call"), call);
        o.insert(QStringLiteral("phase"), callPhaseToken(phase));
        o.insert(QStringLiteral("args"), QJsonArray::fromStringList(args));
        if (!code.isEmpty())
            o.insert(QStringLiteral("code"), code);
        if (!bytes.isEmpty()) {
            o.insert(QStringLiteral("text"), text());
            o.insert(QStringLiteral("bytes"), double(bytes.size()));
        }
        if (phase == CallPhase::Return) {
            o.insert(QStringLiteral("result"),
                result.isValid() && !failed() ? QJsonValue::fromVariant(result)
                                              : QJsonValue(QJsonValue::Null));
            // Python's socket.gaierror carries the EAI_* code as its errno, e.g. -2.
            o.insert(QStringLiteral("errno"),
                errorDomain == ErrorDomain::Errno || errorDomain == ErrorDomain::Gai
                    ? QJsonValue(errnum)
                    : QJsonValue(QJsonValue::Null));
            if (failed())
                o.insert(QStringLiteral("error"), errorName(errorDomain, errnum));
        }
        break;
    case EventKind::Segment:
        o.insert(QStringLiteral("src"), src);
        o.insert(QStringLiteral("dst"), dst);
        o.insert(QStringLiteral("flags"), flags.join(QLatin1Char(',')));
        o.insert(QStringLiteral("seq"), optionalNumber(seq));
        o.insert(QStringLiteral("ack"), optionalNumber(ack));
        o.insert(QStringLiteral("seq_raw"), optionalNumber(seqRaw));
        o.insert(QStringLiteral("ack_raw"), optionalNumber(ackRaw));
        o.insert(QStringLiteral("len"), optionalNumber(len));
        o.insert(QStringLiteral("win"), optionalNumber(win));
        o.insert(QStringLiteral("options"), QJsonArray::fromStringList(options));
        o.insert(QStringLiteral("stream"), stream);
        if (frame >= 0)
            o.insert(QStringLiteral("frame"), double(frame));
        break;
    case EventKind::Datagram:
        o.insert(QStringLiteral("src"), src);
        o.insert(QStringLiteral("dst"), dst);
        o.insert(QStringLiteral("len"), optionalNumber(len));
        o.insert(QStringLiteral("text"), text());
        break;
    case EventKind::State:
        o.insert(QStringLiteral("from"), tcpStateName(from));
        o.insert(QStringLiteral("to"), tcpStateName(to));
        if (!transition.isEmpty())
            o.insert(QStringLiteral("transition"), transition);
        if (stream >= 0)
            o.insert(QStringLiteral("stream"), stream);
        break;
    case EventKind::Data:
        o.insert(QStringLiteral("bytes"), double(bytes.size()));
        o.insert(QStringLiteral("text"), text());
        o.insert(
            QStringLiteral("encoding"), encoding.isEmpty() ? QStringLiteral("utf-8") : encoding);
        o.insert(QStringLiteral("valid"), textIsValid()); // false: bytes not valid in that encoding
        o.insert(QStringLiteral("hex"), QString::fromLatin1(bytes.toHex(' ')));
        break;
    case EventKind::Note:
        break;
    case EventKind::Connection:
        // INDEX.md's fields, fins as a number, plus both final states
        o.insert(QStringLiteral("stream"), stream);
        o.insert(QStringLiteral("client"), src);
        o.insert(QStringLiteral("server"), dst);
        o.insert(QStringLiteral("handshake"), handshake);
        o.insert(QStringLiteral("close"), close);
        o.insert(QStringLiteral("fins"), fins);
        o.insert(QStringLiteral("segments"), double(segments));
        o.insert(QStringLiteral("client_state"), tcpStateName(clientState));
        o.insert(QStringLiteral("server_state"), tcpStateName(serverState));
        break;
    }
    // A caption, on a note or riding on the step it explains.
    if (!noteKey.isEmpty()) {
        o.insert(QStringLiteral("note"), noteKey);
        o.insert(QStringLiteral("note_args"), QJsonArray::fromStringList(noteArgs));
    }
    return o;
}
