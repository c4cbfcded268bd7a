#pragma once

#include "programpane.h"

class EchoServer;
class QCheckBox;
class QLineEdit;
class QSpinBox;

/**
 * The server pane: the seed's echo server with its address (127.0.0.1),
 * port (8888), listen() backlog (5), SO_REUSEADDR (on, explained) and the
 * reply ("你已连接成功。"), plus the listening socket's state and its accept
 * queue (length / limit, read from TCP_INFO).
 */
class ServerPane : public ProgramPane
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPane)

public:
    explicit ServerPane(EchoServer *server, QWidget *parent = nullptr);

    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QSpinBox *backlogSpin() const { return m_backlog; }
    QCheckBox *reuseCheck() const { return m_reuse; }
    QLineEdit *replyEdit() const { return m_reply; }

protected:
    void applyConfig() override;
    void setFieldsEnabled(bool enabled) override;
    QString extraStatus() const override;
    void retranslateUi() override;

private:
    EchoServer *m_server = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QSpinBox *m_backlog = nullptr;
    QCheckBox *m_reuse = nullptr;
    QLineEdit *m_reply = nullptr;
    QPushButton *m_stop = nullptr;
};
