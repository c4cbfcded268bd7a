#pragma once

#include "tcpserverpane.h"

class EchoServer;
class QLineEdit;

/**
 * The server pane of the TCP echo: the seed's echo server with its address
 * (127.0.0.1), port (8888), listen() backlog (5), SO_REUSEADDR (on,
 * explained) and the reply ("你已连接成功。"), plus the listening socket's
 * state and its accept queue.
 */
class ServerPane : public TcpServerPane
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPane)

public:
    explicit ServerPane(EchoServer *server, QWidget *parent = nullptr);

    QLineEdit *replyEdit() const { return m_reply; }

protected:
    void applyConfig() override;
    void retranslateUi() override;

private:
    EchoServer *m_server = nullptr;
    QLineEdit *m_reply = nullptr;
};
