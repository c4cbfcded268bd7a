#pragma once

#include "tcpstate.h"

#include <QList>
#include <QString>

/**
 * One arc of the TCP connection state diagram (RFC 9293 §3.3.2, Figure 5),
 * with its label as the RFC writes it: the event that fires it and the
 * action taken ("x" for none). Labels are protocol vocabulary and stay in
 * English, as in the RFC's figure.
 */
struct TcpArc
{
    TcpState from = TcpState::Closed;
    TcpState to = TcpState::Closed;
    QString event; ///< e.g. "rcv SYN", "CLOSE", "Timeout=2MSL"
    QString action; ///< e.g. "snd SYN,ACK", "x"
    /** "rcv SYN / snd SYN,ACK". */
    QString label() const { return event + QStringLiteral(" / ") + action; }
};

/**
 * Every arc of Figure 5, plus the transitions the RFC's text adds and Linux
 * takes: FIN-WAIT-1 → TIME-WAIT on a FIN that acknowledges ours (§3.10.7.4),
 * SYN-SENT → CLOSED on RST (§3.10.7.3), SYN-RECEIVED → LISTEN on RST
 * (§3.10.7.4), and RST/ABORT to CLOSED from the synchronized states.
 */
const QList<TcpArc> &tcpDiagramArcs();

/**
 * The arc from @p from to @p to whose event is @p event, or the first one between them;
 * nullptr if none.
 */
const TcpArc *findTcpArc(TcpState from, TcpState to, const QString &event = {});
