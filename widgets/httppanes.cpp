#include "httppanes.h"

#include "programs/httpgetclient.h"
#include "programs/httphelloserver.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <algorithm>

HttpServerPane::HttpServerPane(HttpHelloServer *server, QWidget *parent)
    : TcpServerPane(server, server->config().host, server->config().port, server->config().backlog,
        server->config().reuseAddress, parent)
    , m_server(server)
    , m_bufsize(addBytesRow(server->config().bufsize, 1, 1 << 20))
    , m_correct(new QCheckBox(this))
    , m_explain(new QLabel(this))
{
    setObjectName(QStringLiteral("httpServerPane"));
    m_correct->setChecked(server->config().correct);
    m_correct->setObjectName(QStringLiteral("correct"));
    m_explain->setWordWrap(true);
    m_explain->setObjectName(QStringLiteral("explain"));
    form()->addRow(new QLabel(this), m_correct);
    form()->addRow(m_explain);
    connect(m_correct, &QCheckBox::toggled, this, [this] {
        applyConfig();
        retranslateUi(); // the explanation follows the variant
    });
    connect(m_server, &HttpHelloServer::requestReceived, this, &HttpServerPane::refresh);
    retranslateUi();
}

void HttpServerPane::applyConfig()
{
    HttpHelloServer::Config c = m_server->config();
    fillListen(c);
    c.bufsize = m_bufsize->value();
    c.correct = m_correct->isChecked();
    m_server->setConfig(c);
}

void HttpServerPane::setFieldsEnabled(bool enabled)
{
    TcpServerPane::setFieldsEnabled(enabled);
    m_bufsize->setEnabled(enabled);
    m_correct->setEnabled(enabled);
}

QString HttpServerPane::extraStatus() const
{
    QStringList parts;
    if (const QString listening = TcpServerPane::extraStatus(); !listening.isEmpty()) {
        parts << listening;
        const SockAddr a = m_server->boundAddress();
        const QString host = a.host.contains(QLatin1Char(':'))
            ? QLatin1Char('[') + a.host + QLatin1Char(']')
            : a.host;
        //: %1 is a URL such as http://127.0.0.1:8080/
        parts << tr("try: curl %1, or open it in a browser")
                     .arg(QStringLiteral("http://%1:%2/").arg(host).arg(a.port));
    }
    // A connection that closed without a word (recv() returned b"") sent no request.
    const QList<QByteArray> requests = m_server ? m_server->requests() : QList<QByteArray>();
    if (const int n = int(std::count_if(
            requests.begin(), requests.end(), [](const QByteArray &r) { return !r.isEmpty(); }));
        n > 0)
        parts << tr("%n request(s) read", nullptr, n);
    return parts.join(QStringLiteral(" · "));
}

void HttpServerPane::retranslateUi()
{
    setTitle(tr("Web server (HTTP)"));
    if (!setRowLabel(m_bufsize, tr("recv() size:")))
        return; // called by the base constructor before the fields exist
    setRowLabel(m_correct, tr("Variant:"));
    m_bufsize->setSuffix(tr(" bytes"));
    m_bufsize->setToolTip(tr("The post reads the request with one recv(1024)."));
    m_correct->setText(tr("Correct server"));
    m_correct->setToolTip(tr("Read the request up to its blank line; answer with Content-Length "
                             "and Connection: close in one sendall()"));
    if (m_correct->isChecked()) {
        m_explain->setText(
            tr("Correct: recv() until the blank line that ends the request's headers, then one "
               "sendall() of \"HTTP/1.1 200 OK\", Content-Length: 12 and Connection: close. The "
               "client knows where the body ends, and nothing is left unread at close(), so the "
               "connection ends with FIN."));
    } else {
        m_explain->setText(
            tr("The post's server: one recv(1024), then send() of \"HTTP/1.1 200 OK\" and a blank "
               "line, send() of Hello, World and close(). No Content-Length: the body ends with "
               "the FIN. A request longer than 1024 bytes leaves bytes unread, so close() sends "
               "RST and the client sees a reset."));
    }
    TcpServerPane::retranslateUi();
}

HttpClientPane::HttpClientPane(HttpGetClient *client, QWidget *parent)
    : ProgramPane(client, parent)
    , m_client(client)
    , m_host(addHostRow(client->config().host))
    , m_port(addPortRow(client->config().port, 1))
    , m_padding(addBytesRow(client->config().padding, 0, 1 << 20))
{
    setObjectName(QStringLiteral("httpClientPane"));
    retranslateUi();
}

void HttpClientPane::applyConfig()
{
    HttpGetClient::Config c = m_client->config();
    c.host = m_host->text().trimmed();
    c.port = quint16(m_port->value());
    c.padding = m_padding->value();
    m_client->setConfig(c);
}

void HttpClientPane::setFieldsEnabled(bool enabled)
{
    for (QWidget *w : { static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_port),
             static_cast<QWidget *>(m_padding) })
        w->setEnabled(enabled);
}

void HttpClientPane::retranslateUi()
{
    setTitle(tr("Client (HTTP GET)"));
    if (!setRowLabel(m_host, tr("Server address:")))
        return; // called by the base constructor before the fields exist
    setRowLabel(m_port, tr("Port:"));
    setRowLabel(m_padding, tr("Extra header:"));
    m_padding->setSuffix(tr(" bytes"));
    m_padding->setToolTip(tr("An X-Padding header of this many bytes. Above about 1000 the request "
                             "outgrows the post's recv(1024): its close() then sends RST."));
    ProgramPane::retranslateUi();
}
