#pragma once

#include "programpane.h"

class EchoClient;
class QLineEdit;
class QSpinBox;

/**
 * The client pane: the seed's echo client with the server's address
 * (127.0.0.1), port (8888) and the message ("请求连接").
 */
class ClientPane : public ProgramPane
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientPane)

public:
    explicit ClientPane(EchoClient *client, QWidget *parent = nullptr);

    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QLineEdit *messageEdit() const { return m_message; }

protected:
    void applyConfig() override;
    void setFieldsEnabled(bool enabled) override;
    void retranslateUi() override;

private:
    EchoClient *m_client = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_message = nullptr;
};
