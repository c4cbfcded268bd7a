#include "statecolors.h"

namespace LabColors {

QColor state(TcpState s)
{
    switch (s) {
    case TcpState::Listen:
        return QColor(0x1e, 0x88, 0xe5);
    case TcpState::SynSent:
    case TcpState::SynReceived:
        return QColor(0xf9, 0xa8, 0x25);
    case TcpState::Established:
        return QColor(0x43, 0xa0, 0x47);
    case TcpState::FinWait1:
    case TcpState::FinWait2:
    case TcpState::Closing:
    case TcpState::CloseWait:
    case TcpState::LastAck:
        return QColor(0xef, 0x6c, 0x00);
    case TcpState::TimeWait:
        return QColor(0x8e, 0x24, 0xaa);
    case TcpState::Closed:
    case TcpState::Unknown:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

QColor segment(const QStringList &flags, qint64 len)
{
    if (flags.contains(QLatin1String("RST")))
        return QColor(0xc6, 0x28, 0x28);
    if (flags.contains(QLatin1String("SYN")))
        return QColor(0x15, 0x65, 0xc0);
    if (flags.contains(QLatin1String("FIN")))
        return QColor(0xe6, 0x51, 0x00);
    if (len > 0)
        return QColor(0x2e, 0x7d, 0x32);
    return QColor(0x61, 0x61, 0x61);
}

} // namespace LabColors
