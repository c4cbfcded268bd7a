#include "programpane.h"

#include "net/callresult.h"
#include "net/textcodec.h"
#include "programs/serveloop.h"
#include "programs/socketprogram.h"
#include "timeline/eventtext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

ProgramPane::ProgramPane(SocketProgram *program, QWidget *parent)
    : QGroupBox(parent)
    , m_program(program)
    , m_form(new QFormLayout)
    , m_buttonGrid(new QGridLayout)
    , m_runButton(new QPushButton(this))
    , m_resetButton(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_extra(new QLabel(this))
    , m_receivedLabel(new QLabel(this))
    , m_encodingLabel(new QLabel(this))
    , m_encoding(new QComboBox(this))
    , m_hex(new QCheckBox(this))
    , m_received(new QPlainTextEdit(this))
{
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("status"));
    m_extra->setObjectName(QStringLiteral("extra"));
    m_extra->setWordWrap(true);
    m_received->setReadOnly(true);
    m_received->setMaximumBlockCount(500);
    m_received->setFixedHeight(m_received->fontMetrics().lineSpacing() * 3 + 12);
    m_encoding->setObjectName(QStringLiteral("encoding"));
    m_encoding->addItem(QStringLiteral("UTF-8"), QStringLiteral("utf-8"));
    m_encoding->addItem(QStringLiteral("GBK"), QStringLiteral("gbk"));
    m_encodingLabel->setBuddy(m_encoding);
    m_hex->setObjectName(QStringLiteral("hex"));
    auto *receivedRow = new QHBoxLayout;
    receivedRow->addWidget(m_receivedLabel);
    receivedRow->addStretch();
    receivedRow->addWidget(m_encodingLabel);
    receivedRow->addWidget(m_encoding);
    receivedRow->addWidget(m_hex);
    m_buttonGrid->setSpacing(4);

    m_controls = new QHBoxLayout;
    m_controls->addWidget(m_runButton);
    m_controls->addWidget(m_resetButton);
    m_controls->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addLayout(m_buttonGrid);
    layout->addLayout(m_controls);
    layout->addWidget(m_status);
    layout->addWidget(m_extra);
    layout->addLayout(receivedRow);
    layout->addWidget(m_received);

    connect(m_runButton, &QPushButton::clicked, this, &ProgramPane::runToEnd);
    connect(m_resetButton, &QPushButton::clicked, this, &ProgramPane::resetProgram);
    connect(m_program, &SocketProgram::changed, this, &ProgramPane::refresh);
    connect(m_program, &SocketProgram::dataReceived, this, &ProgramPane::appendReceived);
    connect(m_encoding, &QComboBox::currentIndexChanged, this, &ProgramPane::onEncodingChosen);
    connect(m_hex, &QCheckBox::toggled, this, &ProgramPane::showReceived);

    rebuildButtons();
    // Subclasses call retranslateUi() once their fields exist.
}

QString ProgramPane::statusText() const
{
    return m_status->text();
}

QString ProgramPane::receivedText() const
{
    return m_received->toPlainText();
}

QLineEdit *ProgramPane::addHostRow(const QString &host)
{
    auto *edit = new QLineEdit(host, this);
    m_form->addRow(new QLabel(this), edit);
    return edit;
}

QSpinBox *ProgramPane::addPortRow(quint16 port, int minimum)
{
    auto *spin = new QSpinBox(this);
    spin->setObjectName(QStringLiteral("port"));
    spin->setRange(minimum, 65535);
    spin->setValue(port);
    m_form->addRow(new QLabel(this), spin);
    return spin;
}

QSpinBox *ProgramPane::addBytesRow(int value, int minimum, int maximum)
{
    auto *spin = new QSpinBox(this);
    m_form->addRow(new QLabel(this), spin);
    spin->setRange(minimum, maximum);
    spin->setValue(value);
    spin->setGroupSeparatorShown(true);
    return spin;
}

void ProgramPane::addServeButton(ServeLoop *loop)
{
    m_serveLoop = loop;
    m_serveButton = new QPushButton(this);
    m_serveButton->setObjectName(QStringLiteral("serve"));
    m_serveButton->setCheckable(true);
    m_controls->insertWidget(1, m_serveButton);
    connect(m_serveButton, &QPushButton::toggled, this, [this](bool on) {
        if (on == m_serveLoop->isServing())
            return;
        if (on) {
            if (!m_program->isWaiting() && !m_program->isRunning())
                applyConfig();
            if (m_program->hasFailed() || m_program->currentStep() < 0)
                m_program->reset(); // a server that failed or ended starts over
            m_serveLoop->start();
        } else {
            m_serveLoop->stop();
        }
        refresh();
    });
    connect(m_serveLoop, &ServeLoop::stopped, this, [this] {
        const QSignalBlocker block(m_serveButton);
        m_serveButton->setChecked(false);
        refresh();
    });
}

bool ProgramPane::setRowLabel(QWidget *field, const QString &text)
{
    auto *label = qobject_cast<QLabel *>(m_form->labelForField(field));
    if (!label)
        return false;
    label->setText(text);
    return true;
}

QString ProgramPane::textEncoding() const
{
    return m_encoding->currentData().toString();
}

QByteArray ProgramPane::encodeText(const QString &text) const
{
    const TextCodec::Result r = TextCodec::encode(text, textEncoding());
    return r.bytes.isEmpty() && !text.isEmpty() ? text.toUtf8() : r.bytes;
}

void ProgramPane::onEncodingChosen()
{
    m_program->setTextEncoding(textEncoding());
    // The text fields are sent in the new encoding from the next call on.
    if (!m_program->isWaiting() && !m_program->isRunning())
        applyConfig();
    showReceived();
}

void ProgramPane::showReceived()
{
    m_received->clear();
    for (const QByteArray &b : std::as_const(m_receivedChunks))
        m_received->appendPlainText(receivedLine(b));
}

void ProgramPane::rebuildButtons()
{
    // Later, not now: the click of one of them may be what changed the steps.
    for (QPushButton *b : std::as_const(m_stepButtons)) {
        m_buttonGrid->removeWidget(b);
        b->hide();
        b->deleteLater();
    }
    m_stepButtons.clear();
    const QStringList names = m_program->stepNames();
    // Three buttons a row, two when a call's text is long (the web server's send()s).
    constexpr int kLongName = 22; // characters
    const bool longNames = std::any_of(
        names.begin(), names.end(), [](const QString &n) { return n.size() > kLongName; });
    const int columns = longNames ? 2 : 3;
    // A call the program's variant never makes gets no place (the correct web
    // server's sendall(), the seed's send()s); its button exists, hidden.
    int place = 0;
    m_usedSteps.clear();
    for (int i = 0; i < names.size(); ++i) {
        auto *b = new QPushButton(names.at(i), this);
        b->setObjectName(QStringLiteral("step%1").arg(i));
        connect(b, &QPushButton::clicked, this, &ProgramPane::stepOnce);
        const bool used = m_program->isStepUsed(i);
        m_usedSteps.append(used);
        if (used) {
            m_buttonGrid->addWidget(b, place / columns, place % columns);
            ++place;
        }
        b->setVisible(used);
        m_stepButtons.append(b);
    }
}

bool ProgramPane::stepsChanged() const
{
    if (m_program->stepNames().size() != m_stepButtons.size())
        return true;
    for (int i = 0; i < m_usedSteps.size(); ++i) {
        if (m_usedSteps.at(i) != m_program->isStepUsed(i))
            return true;
    }
    return false;
}

void ProgramPane::stepOnce()
{
    // Fields still editable (the message, the reply) take effect at the next call.
    if (!m_program->isWaiting() && !m_program->isRunning())
        applyConfig();
    m_program->step();
}

void ProgramPane::runToEnd()
{
    if (!m_program->isWaiting() && !m_program->isRunning())
        applyConfig();
    m_program->runToEnd();
}

void ProgramPane::resetProgram()
{
    if (m_serveLoop)
        m_serveLoop->stop();
    m_program->reset();
    m_receivedChunks.clear();
    m_received->clear();
    refresh();
}

QString ProgramPane::receivedLine(const QByteArray &bytes) const
{
    if (bytes.isEmpty() && m_program->isDatagram())
        return tr("0 bytes: an empty datagram (UDP has no end of stream)");
    if (bytes.isEmpty())
        return tr("b\"\" — end of stream: the peer closed (FIN)");
    LabEvent e;
    e.bytes = bytes;
    e.encoding = textEncoding();
    QString line
        = tr("%n byte(s): %1", nullptr, int(bytes.size())).arg(EventText::escaped(e.text()));
    if (!e.textIsValid()) {
        //: %1 is the encoding, UTF-8 or GBK
        line
            += QLatin1Char(' ') + tr("(not valid %1: shown with �)").arg(m_encoding->currentText());
    }
    if (m_hex->isChecked()) {
        constexpr int kMaxHex = 64; // bytes shown in hex per chunk
        QString hex = QString::fromLatin1(bytes.left(kMaxHex).toHex(' '));
        if (bytes.size() > kMaxHex)
            hex += QStringLiteral(" …");
        line += QLatin1Char('\n') + tr("  hex: %1").arg(hex);
    }
    return line;
}

void ProgramPane::appendReceived(const QByteArray &bytes)
{
    m_receivedChunks.append(bytes);
    m_received->appendPlainText(receivedLine(bytes));
}

void ProgramPane::refresh()
{
    const QStringList names = m_program->stepNames();
    if (stepsChanged())
        rebuildButtons();
    const int next = m_program->currentStep();
    for (int i = 0; i < m_stepButtons.size(); ++i) {
        QPushButton *b = m_stepButtons.at(i);
        b->setText(names.value(i));
        const bool isNext = i == next;
        b->setEnabled(isNext && !m_program->isWaiting() && !m_program->isRunning());
        b->setDefault(isNext);
        QFont f = b->font();
        f.setBold(isNext);
        b->setFont(f);
    }
    const bool serving = m_serveLoop && m_serveLoop->isServing();
    m_runButton->setEnabled(next >= 0 && !m_program->isRunning() && !serving);
    setFieldsEnabled(next == 0 && !m_program->isWaiting() && !m_program->isRunning());

    QString status;
    QPalette pal = m_status->palette();
    pal.setColor(QPalette::WindowText, palette().color(QPalette::WindowText));
    if (m_program->hasFailed()) {
        status = m_program->lastFailure().errorMessage();
        pal.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    } else if (m_program->isWaiting()) {
        //: %1 is a call such as accept(); it blocks until something arrives
        status
            = tr("Waiting in %1 … (the call blocks; the window does not)").arg(names.value(next));
    } else if (next < 0) {
        status = tr("The program has ended. Reset to run it again.");
    } else {
        //: %1 is the next socket call, e.g. bind()
        status = tr("Next call: %1").arg(names.value(next));
    }
    m_status->setPalette(pal);
    m_status->setText(status);
    const QString extra = extraStatus();
    m_extra->setText(extra);
    m_extra->setVisible(!extra.isEmpty());
}

void ProgramPane::retranslateUi()
{
    m_runButton->setText(tr("Run to end"));
    m_runButton->setToolTip(tr("Make the remaining calls one after another"));
    if (m_serveButton) {
        m_serveButton->setText(tr("Serve clients"));
        m_serveButton->setToolTip(
            tr("Run the server as the source text's while True: loop, one client after another, "
               "until you press it again. Try it with curl or a browser too."));
    }
    m_resetButton->setText(tr("Reset"));
    m_resetButton->setToolTip(tr("Close the sockets and start again from socket()"));
    m_receivedLabel->setText(tr("Data received:"));
    m_encodingLabel->setText(tr("Text encoding:"));
    m_encoding->setToolTip(tr("How this program turns text into bytes and bytes into text. When "
                              "the two programs disagree, the receiver shows garbled text: the "
                              "bytes are the same, only their reading differs."));
    m_hex->setText(tr("Hex"));
    m_hex->setToolTip(tr("Show the received bytes in hexadecimal too"));
    showReceived();
    refresh();
}

void ProgramPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}
