#include "presentationwindow.h"

#include "captionview.h"
#include "ladderview.h"
#include "statediagramview.h"
#include "timeline/stepper.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

PresentationWindow::PresentationWindow(Timeline *timeline, Stepper *stepper, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_stepper(stepper)
    , m_diagram(new StateDiagramView)
    , m_ladder(new LadderView)
    , m_ladderScroll(new QScrollArea)
    , m_caption(new CaptionView)
    , m_hint(new QLabel)
{
    setAttribute(Qt::WA_DeleteOnClose);
    // High contrast for a projector: white on black, large type.
    QPalette pal = palette();
    for (const auto role : { QPalette::Window, QPalette::Base, QPalette::AlternateBase })
        pal.setColor(role, Qt::black);
    for (const auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        pal.setColor(role, Qt::white);
    pal.setColor(QPalette::PlaceholderText, QColor(0xbd, 0xbd, 0xbd));
    setPalette(pal);
    setAutoFillBackground(true);
    QFont f = font();
    f.setPointSizeF(16);
    setFont(f);
    m_caption->setTextPointSize(24);

    m_ladderScroll->setWidget(m_ladder);
    m_ladderScroll->setWidgetResizable(true);
    m_ladderScroll->setFrameShape(QFrame::NoFrame);
    for (CursorView *v : { static_cast<CursorView *>(m_diagram),
             static_cast<CursorView *>(m_ladder), static_cast<CursorView *>(m_caption) })
        v->setTimeline(timeline);

    auto *views = new QHBoxLayout;
    views->addWidget(m_diagram, 3);
    views->addWidget(m_ladderScroll, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_caption);
    layout->addLayout(views, 1);
    layout->addWidget(m_hint);

    connect(m_stepper, &Stepper::currentChanged, this, &PresentationWindow::showRow);
    showRow(m_stepper->current());
    retranslateUi();
}

void PresentationWindow::showRow(int row)
{
    for (CursorView *v : { static_cast<CursorView *>(m_diagram),
             static_cast<CursorView *>(m_ladder), static_cast<CursorView *>(m_caption) })
        v->setCurrentRow(row);
    QScrollBar *bar = m_ladderScroll->verticalScrollBar();
    bar->setValue(bar->maximum());
}

void PresentationWindow::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_PageDown:
    case Qt::Key_Down:
        m_stepper->next();
        break;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
    case Qt::Key_Up:
        m_stepper->previous();
        break;
    case Qt::Key_Space:
        m_stepper->togglePlay();
        break;
    case Qt::Key_Home:
        m_stepper->first();
        break;
    case Qt::Key_End:
        m_stepper->last();
        break;
    case Qt::Key_Escape:
    case Qt::Key_F11:
        close();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PresentationWindow::retranslateUi()
{
    setWindowTitle(tr("Socket Lab — presentation"));
    m_hint->setText(tr(
        "→ / Page Down: next   ← / Page Up: previous   Space: play/pause   Home/End   Esc: leave"));
}

void PresentationWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
