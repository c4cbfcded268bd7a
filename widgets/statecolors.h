#pragma once

#include "tcp/tcpstate.h"

#include <QColor>
#include <QStringList>

/**
 * The lab's colours for TCP states and segment flags, one place for every
 * view. Chosen to stay distinct on a projector and for common colour
 * blindness (blue/orange carry the most meaning; red only for RST).
 */
namespace LabColors {

/** Background tint of a state box. */
QColor state(TcpState s);
/** Arrow colour of a segment: RST red, SYN blue, FIN orange, data green, ACK grey. */
QColor segment(const QStringList &flags, qint64 len);

} // namespace LabColors
