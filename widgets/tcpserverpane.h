#pragma once

#include "programpane.h"

class QCheckBox;
class QLineEdit;
class QSpinBox;
class TcpServerProgram;

/**
 * The part every TCP server pane shares: the listening address (a numeric
 * loopback address by default), the port, listen()'s backlog and
 * SO_REUSEADDR, a "Stop server" button, and the listening socket's state
 * and accept queue (length / limit, read from TCP_INFO) as extra status.
 * Subclasses add their own fields after these and fill their program's
 * config with fillListen().
 */
class TcpServerPane : public ProgramPane
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpServerPane)

public:
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QSpinBox *backlogSpin() const { return m_backlog; }
    QCheckBox *reuseCheck() const { return m_reuse; }
    QPushButton *stopButton() const { return m_stop; }

protected:
    /** @p host, @p port, @p backlog and @p reuse are the fields' first values. */
    TcpServerPane(TcpServerProgram *server, const QString &host, quint16 port, int backlog,
        bool reuse, QWidget *parent = nullptr);

    /**
     * Copies the address fields into @p c (a config with host, port,
     * backlog, reuseAddress and serveForever): the pane's server loops as
     * the seed's `while True:` does.
     */
    template <class Config> void fillListen(Config &c) const
    {
        c.serveForever = true;
        c.host = listenHost();
        c.port = listenPort();
        c.backlog = listenBacklog();
        c.reuseAddress = listenReuse();
    }

    void setFieldsEnabled(bool enabled) override;
    QString extraStatus() const override;
    void retranslateUi() override;

private:
    QString listenHost() const;
    quint16 listenPort() const;
    int listenBacklog() const;
    bool listenReuse() const;

    TcpServerProgram *m_server = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QSpinBox *m_backlog = nullptr;
    QCheckBox *m_reuse = nullptr;
    QPushButton *m_stop = nullptr;
};
