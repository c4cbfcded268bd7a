#pragma once

#include "cursorview.h"
#include "tcp/tcpstate.h"
#include "timeline/labevent.h"

/**
 * Both endpoints' current RFC 9293 state, large enough for a projector:
 * one card per endpoint with the state name, its gloss in the UI language
 * and where the fact came from (read from the kernel / inferred). The
 * server card names its listening socket's state too. Read from the
 * timeline up to the cursor.
 */
class StatesView : public CursorView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatesView)

public:
    /** One endpoint as shown. */
    struct Endpoint
    {
        TcpState state = TcpState::Closed;
        EventSource source = EventSource::App;
        bool known = false; ///< a state event was seen
        TcpState listener = TcpState::Unknown; ///< server only
        QString address; ///< "127.0.0.1:8888" when known
        bool udp = false; ///< a UDP socket (SOCK_DGRAM): datagrams, no TCP state
    };

    explicit StatesView(QWidget *parent = nullptr);

    /** What the card of @p side shows at the cursor. */
    Endpoint endpoint(Side side) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    /** The largest size up to @p wanted at which @p sample fits @p width. */
    static qreal fittedPointSize(QFont font, const QString &sample, qreal width, qreal wanted);
    void paintCard(QPainter &p, const QRectF &r, Side side, const Endpoint &e) const;
};
