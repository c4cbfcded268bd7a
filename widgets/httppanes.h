#pragma once

#include "programpane.h"
#include "tcpserverpane.h"

class HttpGetClient;
class HttpHelloServer;
class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

/**
 * The server pane of the source text's web server: the address and port
 * (8080), backlog and SO_REUSEADDR of every TCP server pane, the size of
 * its one recv() (1024), and a switch to the correct variant (read to the
 * blank line, answer with Content-Length and Connection: close), with the
 * difference explained. Each request's text shows under "Data received";
 * any HTTP client (curl, a browser) can connect while it serves.
 */
class HttpServerPane : public TcpServerPane
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServerPane)

public:
    explicit HttpServerPane(HttpHelloServer *server, QWidget *parent = nullptr);

    QSpinBox *bufsizeSpin() const { return m_bufsize; }
    QCheckBox *correctCheck() const { return m_correct; }

protected:
    void applyConfig() override;
    void setFieldsEnabled(bool enabled) override;
    QString extraStatus() const override;
    void retranslateUi() override;

private:
    HttpHelloServer *m_server = nullptr;
    QSpinBox *m_bufsize = nullptr;
    QCheckBox *m_correct = nullptr;
    QLabel *m_explain = nullptr;
};

/**
 * The client pane beside the web server: the lab's own GET client with the
 * server's address and port and the size of an extra header, which makes
 * the request outgrow the seed's recv(1024) so its close() resets the
 * connection.
 */
class HttpClientPane : public ProgramPane
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClientPane)

public:
    explicit HttpClientPane(HttpGetClient *client, QWidget *parent = nullptr);

    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QSpinBox *paddingSpin() const { return m_padding; }

protected:
    void applyConfig() override;
    void setFieldsEnabled(bool enabled) override;
    void retranslateUi() override;

private:
    HttpGetClient *m_client = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QSpinBox *m_padding = nullptr;
};
