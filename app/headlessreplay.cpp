// Headless::replay(): `socketlab --replay FILE --json|--print` (ARCHITECTURE.md,
// "Command line"), kept apart from the live demos of headless.cpp.

#include "connectionlistmodel.h"
#include "headless.h"

#include "replay/replayfile.h"
#include "timeline/eventtext.h"

#include <QCoreApplication>
#include <QFileInfo>

int Headless::replay(const QString &path)
{
    ReplayFile file;
    const bool ok = file.read(path);
    const QVector<ReplayConnection> &conns = file.connections();

    if (m_format == Format::Json) {
        for (int s = 0; s < conns.size(); ++s) {
            for (const LabEvent &e : file.events(s))
                printLine(formatEvent(e, m_format));
        }
        for (const LabEvent &e : file.connectionEvents())
            printLine(formatEvent(e, m_format));
    } else {
        const QString client = EventText::side(Side::Client);
        const QString server = EventText::side(Side::Server);
        for (const ReplayConnection &c : conns) {
            //: --replay --print: a connection's heading. %1 stream number, %2 client
            //: address:port, %3 server address:port
            printLine(QCoreApplication::translate("Headless", "Connection %1: client %2, server %3")
                          .arg(c.stream)
                          .arg(c.client, c.server));
            //: --replay --print: %1 complete/partial/not captured, %2 RST/FIN/none (as the
            //: window's connection list says them), %3 FIN count, %4 segment count, %5 and %6
            //: RFC 9293 state names
            printLine(QCoreApplication::translate("Headless",
                "  handshake %1, close %2, FINs %3, %4 segments; at the end: client %5, server %6")
                          .arg(ConnectionListModel::handshakeText(c.handshake),
                              ConnectionListModel::closeText(c.close))
                          .arg(c.fins)
                          .arg(c.segments)
                          .arg(tcpStateName(c.clientState), tcpStateName(c.serverState)));
            for (const LabEvent &e : file.events(c.stream)) {
                const QString time = EventText::time(e.tUs).rightJustified(10);
                if (e.kind == EventKind::Segment) {
                    // A ladder on its side: the arrow points from the sender to the receiver.
                    const QString arrow
                        = e.side == Side::Client ? QStringLiteral("──▶") : QStringLiteral("◀──");
                    const QString label = EventText::segmentLabel(e);
                    printLine(QStringLiteral("%1  #%2  %3 %4 %5  %6")
                                  .arg(time)
                                  .arg(e.frame, -6)
                                  .arg(client, arrow, server, label));
                } else if (e.kind == EventKind::State) {
                    printLine(QStringLiteral("%1           %2: %3")
                                  .arg(time, e.side == Side::Client ? client : server,
                                      EventText::describe(e)));
                }
            }
            printLine(QString());
        }
    }
    if (ok)
        return 0;
    //: --replay: why the capture file was not replayed whole; %1 the file, %2 the reason
    printLine(QCoreApplication::translate("Headless", "%1: %2")
                  .arg(QFileInfo(path).fileName(), file.error().message()),
        stderr);
    return 2;
}
