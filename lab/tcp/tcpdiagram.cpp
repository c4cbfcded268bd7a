#include "tcpdiagram.h"

namespace {

using S = TcpState;

QList<TcpArc> makeArcs()
{
    const auto arc = [](S from, S to, const char *event, const char *action) {
        return TcpArc { from, to, QString::fromLatin1(event), QString::fromLatin1(action) };
    };
    QList<TcpArc> arcs {
        // RFC 9293 §3.3.2, Figure 5, arc by arc, labelled as the figure labels them.
        arc(S::Closed, S::Listen, "passive OPEN", "create TCB"),
        arc(S::Closed, S::SynSent, "active OPEN", "snd SYN"),
        arc(S::Listen, S::Closed, "CLOSE", "delete TCB"),
        arc(S::Listen, S::SynReceived, "rcv SYN", "snd SYN,ACK"),
        arc(S::Listen, S::SynSent, "SEND", "snd SYN"),
        arc(S::SynReceived, S::Listen, "rcv RST", "x"), // note 1: only after a passive OPEN
        // The figure writes "snd ACK"; §3.10.7.3 sends <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>.
        arc(S::SynSent, S::SynReceived, "rcv SYN", "snd SYN,ACK"),
        arc(S::SynSent, S::Closed, "CLOSE", "delete TCB"),
        arc(S::SynReceived, S::Established, "rcv ACK of SYN", "x"),
        arc(S::SynSent, S::Established, "rcv SYN,ACK", "snd ACK"),
        arc(S::SynReceived, S::FinWait1, "CLOSE", "snd FIN"),
        arc(S::Established, S::FinWait1, "CLOSE", "snd FIN"),
        arc(S::Established, S::CloseWait, "rcv FIN", "snd ACK"),
        arc(S::FinWait1, S::FinWait2, "rcv ACK of FIN", "x"),
        arc(S::FinWait1, S::Closing, "rcv FIN", "snd ACK"),
        arc(S::CloseWait, S::LastAck, "CLOSE", "snd FIN"),
        arc(S::FinWait2, S::TimeWait, "rcv FIN", "snd ACK"),
        arc(S::Closing, S::TimeWait, "rcv ACK of FIN", "x"),
        arc(S::LastAck, S::Closed, "rcv ACK of FIN", "x"),
        arc(S::TimeWait, S::Closed, "Timeout=2MSL", "delete TCB"),

        // §3.10.7.4, eighth step, FIN-WAIT-1: a FIN that also acknowledges ours goes
        // straight to TIME-WAIT (the three-segment close).
        arc(S::FinWait1, S::TimeWait, "rcv FIN,ACK of FIN", "snd ACK"),
        // §3.10.7.3: RST with an acceptable ACK in SYN-SENT ("connection reset", refused).
        arc(S::SynSent, S::Closed, "rcv RST,ACK", "x"),
        // §3.8.1 and RFC 6298 §5: the SYN's retransmissions are exhausted (ETIMEDOUT).
        arc(S::SynSent, S::Closed, "Timeout", "x"),
        // §3.10.1: an active OPEN on a LISTEN connection makes it active (not drawn in the figure).
        arc(S::Listen, S::SynSent, "active OPEN", "snd SYN"),
        // §3.10.7.4, fourth step: a new SYN in SYN-RECEIVED after a passive OPEN.
        arc(S::SynReceived, S::Listen, "rcv SYN", "x"),
        // The SYN,ACK of a passive OPEN is given up: the listener stays (Linux drops the
        // request; RST does the same, §3.10.7.4 second step).
        arc(S::SynReceived, S::Listen, "Timeout", "x"),
    };

    // §3.10.7.4, second step: a reset in SYN-RECEIVED (after an active OPEN: refused) and
    // in every synchronized state deletes the TCB. TIME-WAIT too, as Linux does by default
    // (net.ipv4.tcp_rfc1337 = 0; RFC 1337 describes the hazard).
    for (S s : { S::SynReceived, S::Established, S::FinWait1, S::FinWait2, S::CloseWait, S::Closing,
             S::LastAck, S::TimeWait })
        arcs << arc(s, S::Closed, "rcv RST", "x");

    // §3.10.5 ABORT: a reset <SEQ=SND.NXT><CTL=RST> from these states ...
    for (S s : { S::SynReceived, S::Established, S::FinWait1, S::FinWait2, S::CloseWait })
        arcs << arc(s, S::Closed, "ABORT", "snd RST");
    // ... and no segment from these: the TCB is simply deleted.
    for (S s : { S::Listen, S::SynSent, S::Closing, S::LastAck, S::TimeWait })
        arcs << arc(s, S::Closed, "ABORT", "delete TCB");

    // §3.8.1 / RFC 6298 §5: the SYN,ACK (active side) or FIN is retransmitted in vain.
    for (S s : { S::SynReceived, S::FinWait1, S::Closing, S::LastAck })
        arcs << arc(s, S::Closed, "Timeout", "x");
    return arcs;
}

} // namespace

const QList<TcpArc> &tcpDiagramArcs()
{
    static const QList<TcpArc> arcs = makeArcs();
    return arcs;
}

const TcpArc *findTcpArc(TcpState from, TcpState to, const QString &event)
{
    const TcpArc *first = nullptr;
    for (const TcpArc &a : tcpDiagramArcs()) {
        if (a.from != from || a.to != to)
            continue;
        if (a.event == event)
            return &a;
        if (!first)
            first = &a;
    }
    return first;
}
