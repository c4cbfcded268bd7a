#include "programpane.h"

#include "net/callresult.h"
#include "programs/socketprogram.h"
#include "timeline/eventtext.h"

#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

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
    , m_received(new QPlainTextEdit(this))
{
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("status"));
    m_extra->setObjectName(QStringLiteral("extra"));
    m_received->setReadOnly(true);
    m_received->setMaximumBlockCount(500);
    m_received->setFixedHeight(m_received->fontMetrics().lineSpacing() * 3 + 12);
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
    layout->addWidget(m_receivedLabel);
    layout->addWidget(m_received);

    connect(m_runButton, &QPushButton::clicked, this, &ProgramPane::runToEnd);
    connect(m_resetButton, &QPushButton::clicked, this, &ProgramPane::resetProgram);
    connect(m_program, &SocketProgram::changed, this, &ProgramPane::refresh);
    connect(m_program, &SocketProgram::dataReceived, this, &ProgramPane::appendReceived);

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

void ProgramPane::rebuildButtons()
{
    qDeleteAll(m_stepButtons);
    m_stepButtons.clear();
    const QStringList names = m_program->stepNames();
    for (int i = 0; i < names.size(); ++i) {
        auto *b = new QPushButton(names.at(i), this);
        b->setObjectName(QStringLiteral("step%1").arg(i));
        connect(b, &QPushButton::clicked, this, &ProgramPane::stepOnce);
        m_buttonGrid->addWidget(b, i / 3, i % 3);
        m_stepButtons.append(b);
    }
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
    m_program->reset();
    m_receivedChunks.clear();
    m_received->clear();
    refresh();
}

QString ProgramPane::receivedLine(const QByteArray &bytes) const
{
    if (bytes.isEmpty())
        return tr("b\"\" — end of stream: the peer closed (FIN)");
    LabEvent e;
    e.bytes = bytes;
    e.encoding = QStringLiteral("utf-8");
    QString line
        = tr("%n byte(s): %1", nullptr, int(bytes.size())).arg(EventText::escaped(e.text()));
    if (!e.textIsValid())
        line += QLatin1Char(' ') + tr("(not valid UTF-8: shown with �)");
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
    if (names.size() != m_stepButtons.size())
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
    m_runButton->setEnabled(next >= 0 && !m_program->isRunning());
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
    m_resetButton->setText(tr("Reset"));
    m_resetButton->setToolTip(tr("Close the sockets and start again from socket()"));
    m_receivedLabel->setText(tr("Data received:"));
    m_received->clear();
    for (const QByteArray &b : std::as_const(m_receivedChunks))
        m_received->appendPlainText(receivedLine(b));
    refresh();
}

void ProgramPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QGroupBox::changeEvent(event);
}
