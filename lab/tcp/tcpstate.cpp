#include "tcpstate.h"

#include <array>

namespace {

struct StateInfo
{
    TcpState state;
    const char *name;
    const char *linuxName;
    const char *gloss;
};

// Glosses are marked for translation here and translated where shown.
const std::array<StateInfo, 12> kStates = { {
    { TcpState::Unknown, "?", "?", QT_TRANSLATE_NOOP("TcpState", "not read yet") },
    { TcpState::Closed, "CLOSED", "CLOSE", QT_TRANSLATE_NOOP("TcpState", "no connection") },
    { TcpState::Listen, "LISTEN", "LISTEN",
        QT_TRANSLATE_NOOP("TcpState", "waiting for connections") },
    { TcpState::SynSent, "SYN-SENT", "SYN_SENT",
        QT_TRANSLATE_NOOP("TcpState", "SYN sent, waiting for SYN-ACK") },
    { TcpState::SynReceived, "SYN-RECEIVED", "SYN_RECV",
        QT_TRANSLATE_NOOP("TcpState", "SYN received, SYN-ACK sent") },
    { TcpState::Established, "ESTABLISHED", "ESTABLISHED",
        QT_TRANSLATE_NOOP("TcpState", "connection established") },
    { TcpState::FinWait1, "FIN-WAIT-1", "FIN_WAIT1",
        QT_TRANSLATE_NOOP("TcpState", "FIN sent, waiting for its ACK") },
    { TcpState::FinWait2, "FIN-WAIT-2", "FIN_WAIT2",
        QT_TRANSLATE_NOOP("TcpState", "FIN acknowledged, waiting for the peer's FIN") },
    { TcpState::CloseWait, "CLOSE-WAIT", "CLOSE_WAIT",
        QT_TRANSLATE_NOOP("TcpState", "peer closed, waiting for our close()") },
    { TcpState::Closing, "CLOSING", "CLOSING",
        QT_TRANSLATE_NOOP("TcpState", "both sides closing at once") },
    { TcpState::LastAck, "LAST-ACK", "LAST_ACK",
        QT_TRANSLATE_NOOP("TcpState", "FIN sent, waiting for the last ACK") },
    { TcpState::TimeWait, "TIME-WAIT", "TIME_WAIT",
        QT_TRANSLATE_NOOP(
            "TcpState", "waiting 2·MSL (Linux: 60 s) before the address pair is free") },
} };

const StateInfo &info(TcpState s)
{
    for (const auto &i : kStates) {
        if (i.state == s)
            return i;
    }
    return kStates[0];
}

} // namespace

QString tcpStateName(TcpState s)
{
    return QString::fromLatin1(info(s).name);
}

std::optional<TcpState> tcpStateFromName(const QString &name)
{
    for (const auto &i : kStates) {
        if (name == QLatin1String(i.name) || name == QLatin1String(i.linuxName))
            return i.state;
    }
    return std::nullopt;
}

QString tcpStateGloss(TcpState s)
{
    return QCoreApplication::translate("TcpState", info(s).gloss);
}

bool tcpStateIsTransient(TcpState s)
{
    switch (s) {
    case TcpState::SynSent:
    case TcpState::SynReceived:
    case TcpState::FinWait1:
    case TcpState::FinWait2:
    case TcpState::Closing:
    case TcpState::LastAck:
        return true;
    default:
        return false;
    }
}

TcpState tcpStateFromLinux(int linuxState)
{
    // include/net/tcp_states.h
    switch (linuxState) {
    case 1:
        return TcpState::Established;
    case 2:
        return TcpState::SynSent;
    case 3:
        return TcpState::SynReceived;
    case 4:
        return TcpState::FinWait1;
    case 5:
        return TcpState::FinWait2;
    case 6:
        return TcpState::TimeWait;
    case 7:
        return TcpState::Closed;
    case 8:
        return TcpState::CloseWait;
    case 9:
        return TcpState::LastAck;
    case 10:
        return TcpState::Listen;
    case 11:
        return TcpState::Closing;
    case 12:
        return TcpState::SynReceived; // TCP_NEW_SYN_RECV: a request sock
    default:
        return TcpState::Unknown;
    }
}

QList<TcpState> tcpStatesBetween(TcpState from, TcpState to)
{
    // The two ways out of ESTABLISHED (§3.6): our close first, or the peer's.
    static const QList<TcpState> active { TcpState::Established, TcpState::FinWait1,
        TcpState::FinWait2, TcpState::TimeWait };
    static const QList<TcpState> passive { TcpState::Established, TcpState::CloseWait,
        TcpState::LastAck };
    if (to == TcpState::Closed)
        return {}; // a reset, a refused SYN, an expiry; LAST-ACK is recorded by close() itself
    const bool opening = from == TcpState::SynSent || from == TcpState::SynReceived;
    for (const QList<TcpState> *path : { &active, &passive }) {
        const qsizetype t = path->indexOf(to);
        const qsizetype f = opening ? -1 : path->indexOf(from);
        if (t < 0 || (f < 0 && !opening) || f >= t)
            continue;
        QList<TcpState> between = path->mid(f + 1, t - f - 1);
        if (to == TcpState::TimeWait)
            between.removeAll(TcpState::FinWait2);
        return between;
    }
    return {};
}
