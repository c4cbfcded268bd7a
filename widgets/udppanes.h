#pragma once

#include "programpane.h"

class QCheckBox;
class QDoubleSpinBox;
class QHBoxLayout;
class QLineEdit;
class QPushButton;
class QSpinBox;
class UdpEchoClient;
class UdpEchoServer;

/**
 * The server pane of the source text's UDP echo: the address (127.0.0.1),
 * port (8888) and recvfrom() size (1024; a small one truncates the
 * datagram), and "Stop server". No listen(), no accept(), no TCP state.
 */
class UdpServerPane : public ProgramPane
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpServerPane)

public:
    explicit UdpServerPane(UdpEchoServer *server, QWidget *parent = nullptr);

    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QSpinBox *bufsizeSpin() const { return m_bufsize; }

protected:
    void applyConfig() override;
    void setFieldsEnabled(bool enabled) override;
    QString extraStatus() const override;
    void retranslateUi() override;

private:
    UdpEchoServer *m_server = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QSpinBox *m_bufsize = nullptr;
    QPushButton *m_stop = nullptr;
};

/**
 * The client pane of the UDP echo: the server's address and port, the
 * message (你好), the recvfrom() size, and settimeout(): off, the client
 * waits forever when no server answers, as the seed's does.
 */
class UdpClientPane : public ProgramPane
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpClientPane)

public:
    explicit UdpClientPane(UdpEchoClient *client, QWidget *parent = nullptr);

    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QLineEdit *messageEdit() const { return m_message; }
    QCheckBox *timeoutCheck() const { return m_timeoutOn; }
    QDoubleSpinBox *timeoutSpin() const { return m_timeout; }

protected:
    void applyConfig() override;
    void setFieldsEnabled(bool enabled) override;
    void retranslateUi() override;

private:
    UdpEchoClient *m_client = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_message = nullptr;
    QSpinBox *m_bufsize = nullptr;
    QCheckBox *m_timeoutOn = nullptr;
    QDoubleSpinBox *m_timeout = nullptr;
    QHBoxLayout *m_timeoutRow = nullptr;
};
