#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

/**
 * The eleven connection states of RFC 9293 §3.3.2, plus Unknown for
 * "nothing read yet". The names are protocol tokens and stay in English;
 * tcpStateGloss() gives a short translated explanation for the UI.
 */
enum class TcpState {
    Unknown,
    Closed,
    Listen,
    SynSent,
    SynReceived,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
};

/** RFC 9293 spelling of @p s, e.g. "SYN-SENT"; "?" for Unknown. Never translated. */
QString tcpStateName(TcpState s);

/** Inverse of tcpStateName(); also accepts Linux spellings ("SYN_SENT", "FIN_WAIT1"). */
std::optional<TcpState> tcpStateFromName(const QString &name);

/**
 * A short explanation of @p s in the UI language (Chinese: the textbook term
 * of the glossary). Made when shown, so a language switch re-renders it.
 */
QString tcpStateGloss(TcpState s);

/**
 * True for the states a connection passes through on its own, without the
 * program calling anything (RFC 9293 §3.3.2 diagram): the kernel must be
 * polled to see them change.
 */
bool tcpStateIsTransient(TcpState s);

/**
 * The states a connection must have passed through between two readings
 * @p from and @p to, following the RFC 9293 §3.3.2 diagram: e.g.
 * ESTABLISHED → FIN-WAIT-2 passed FIN-WAIT-1; ESTABLISHED → LAST-ACK passed
 * CLOSE-WAIT. Empty when the jump is a direct transition or is ambiguous:
 * any jump to CLOSED may be a reset (a lab program records its own
 * LAST-ACK when it closes). FIN-WAIT-1 → TIME-WAIT is direct
 * (the peer's FIN acknowledged ours), so FIN-WAIT-2 is never assumed there.
 */
QList<TcpState> tcpStatesBetween(TcpState from, TcpState to);

/**
 * Maps Linux's tcpi_state / idiag_state (include/net/tcp_states.h:
 * TCP_ESTABLISHED = 1 … TCP_NEW_SYN_RECV = 12) to the RFC state.
 * TCP_CLOSE (7) maps to Closed; unknown numbers to Unknown.
 */
TcpState tcpStateFromLinux(int linuxState);
