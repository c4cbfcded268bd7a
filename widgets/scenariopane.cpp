#include "scenariopane.h"

#include "codepanel.h"
#include "scenarios/scenario.h"
#include "segmentinspector.h"

#include <QEvent>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

ScenarioPane::ScenarioPane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_code(new CodePanel)
    , m_inspector(new SegmentInspector)
{
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.3);
    m_title->setFont(f);
    m_summary->setWordWrap(true);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_code);
    split->addWidget(m_inspector);
    split->setSizes({ 380, 300 });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
}

void ScenarioPane::setScenario(const ScenarioInfo *info)
{
    m_info = info;
    retranslateUi();
}

void ScenarioPane::setTimeline(Timeline *timeline)
{
    m_code->setTimeline(timeline);
    m_inspector->setTimeline(timeline);
}

void ScenarioPane::setCurrentRow(int row)
{
    m_code->setCurrentRow(row);
    m_inspector->setCurrentRow(row);
}

void ScenarioPane::retranslateUi()
{
    m_title->setText(m_info ? Scenarios::title(*m_info) : QString());
    m_summary->setText(m_info ? Scenarios::summary(*m_info) : QString());
}

void ScenarioPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
