#include "apireferencepanel.h"

#include "api/socketapi.h"
#include "api/socketapitrial.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
constexpr int kNameRole = Qt::UserRole + 1;
} // namespace

ApiReferencePanel::ApiReferencePanel(QWidget *parent)
    : QWidget(parent)
    , m_trial(new SocketApiTrial(this))
    , m_filter(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
    , m_name(new QLabel(this))
    , m_signature(new QLabel(this))
    , m_value(new QLabel(this))
    , m_explanation(new QLabel(this))
    , m_factTitle(new QLabel(this))
    , m_fact(new QLabel(this))
    , m_tryButton(new QPushButton(this))
    , m_result(new QLabel(this))
{
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("entries"));
    m_list->setColumnCount(1);
    m_list->header()->hide();
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);

    // The two groups of the source text, constants first, in its order.
    m_constants = new QTreeWidgetItem(m_list);
    m_methods = new QTreeWidgetItem(m_list);
    for (QTreeWidgetItem *group : { m_constants, m_methods }) {
        group->setFlags(Qt::ItemIsEnabled);
        QFont f = group->font(0);
        f.setBold(true);
        group->setFont(0, f);
    }
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const SocketApiEntry &e : SocketApi::entries()) {
        auto *item = new QTreeWidgetItem(e.isConstant() ? m_constants : m_methods);
        item->setText(0, e.isConstant() ? e.name : e.name + QStringLiteral("()"));
        item->setData(0, kNameRole, e.name);
        item->setFont(0, fixed);
    }
    m_list->expandAll();

    QFont title = m_name->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.3);
    m_name->setFont(title);
    m_name->setObjectName(QStringLiteral("name"));
    m_signature->setFont(fixed);
    m_signature->setObjectName(QStringLiteral("signature"));
    m_signature->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_value->setObjectName(QStringLiteral("value"));
    for (QLabel *l : { m_explanation, m_fact, m_result }) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_explanation->setObjectName(QStringLiteral("explanation"));
    m_fact->setObjectName(QStringLiteral("fact"));
    QFont bold = m_factTitle->font();
    bold.setBold(true);
    m_factTitle->setFont(bold);
    m_result->setObjectName(QStringLiteral("result"));
    m_tryButton->setObjectName(QStringLiteral("tryIt"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_list);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_name);
    rightLayout->addWidget(m_signature);
    rightLayout->addWidget(m_value);
    rightLayout->addWidget(m_explanation);
    rightLayout->addWidget(m_factTitle);
    rightLayout->addWidget(m_fact);
    rightLayout->addSpacing(8);
    auto *tryRow = new QHBoxLayout;
    tryRow->addWidget(m_tryButton);
    tryRow->addStretch();
    rightLayout->addLayout(tryRow);
    rightLayout->addWidget(m_result);
    rightLayout->addStretch();

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 180, 300 }); // the list needs only its names
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_filter, &QLineEdit::textChanged, this, &ApiReferencePanel::applyFilter);
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        showEntry();
        refreshButton();
        emit entrySelected(currentEntry());
    });
    connect(m_tryButton, &QPushButton::clicked, this, &ApiReferencePanel::tryCurrent);
    connect(m_trial, &SocketApiTrial::finished, this, [this](bool ok, const QString &summary) {
        m_hasResult = true;
        showResult();
        refreshButton();
        emit trialFinished(ok, summary);
    });

    retranslateUi();
    selectEntry(SocketApi::entries().constFirst().name);
}

void ApiReferencePanel::setTimeline(Timeline *timeline)
{
    m_trial->setTimeline(timeline);
    refreshButton();
}

Timeline *ApiReferencePanel::timeline() const
{
    return m_trial->timeline();
}

QString ApiReferencePanel::currentEntry() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, kNameRole).toString() : QString();
}

bool ApiReferencePanel::selectEntry(const QString &name)
{
    for (QTreeWidgetItem *group : { m_constants, m_methods }) {
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            if (item->data(0, kNameRole).toString() != name)
                continue;
            if (item->isHidden())
                m_filter->clear();
            m_list->setCurrentItem(item);
            m_list->scrollToItem(item);
            return true;
        }
    }
    return false;
}

QStringList ApiReferencePanel::visibleEntries() const
{
    QStringList names;
    for (const QTreeWidgetItem *group : { m_constants, m_methods }) {
        for (int i = 0; i < group->childCount(); ++i) {
            if (!group->child(i)->isHidden())
                names << group->child(i)->data(0, kNameRole).toString();
        }
    }
    return names;
}

QString ApiReferencePanel::resultText() const
{
    return m_result->text();
}

QString ApiReferencePanel::signatureText() const
{
    return m_signature->text();
}

QString ApiReferencePanel::valueText() const
{
    return m_value->text();
}

QString ApiReferencePanel::explanationText() const
{
    return m_explanation->text();
}

QString ApiReferencePanel::factText() const
{
    return m_fact->text();
}

void ApiReferencePanel::tryCurrent()
{
    const QString name = currentEntry();
    if (name.isEmpty() || !m_trial->start(name))
        return;
    m_hasResult = false;
    showResult();
    refreshButton();
}

void ApiReferencePanel::applyFilter()
{
    // Matches the name or the Python signature: call and constant names are the same in
    // both languages, so a filter means the same thing whatever the UI language.
    const QString text = m_filter->text().trimmed();
    for (QTreeWidgetItem *group : { m_constants, m_methods }) {
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const SocketApiEntry *e = SocketApi::find(item->data(0, kNameRole).toString());
            const bool match = text.isEmpty() || e->name.contains(text, Qt::CaseInsensitive)
                || e->signature.contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match ? 1 : 0;
        }
        group->setHidden(shown == 0);
    }
    QTreeWidgetItem *current = m_list->currentItem();
    if (!current || current->isHidden()) {
        const QStringList visible = visibleEntries();
        if (!visible.isEmpty())
            selectEntry(visible.constFirst());
        else
            m_list->setCurrentItem(nullptr);
    }
}

void ApiReferencePanel::showEntry()
{
    const SocketApiEntry *e = SocketApi::find(currentEntry());
    if (!e) {
        for (QLabel *l : { m_name, m_signature, m_value, m_explanation, m_fact })
            l->clear();
        m_factTitle->hide(); // keeps its text for the next entry
        return;
    }
    m_name->setText(e->name);
    m_signature->setText(e->signature);
    if (e->isConstant()) {
        //: %1 is the number, e.g. 2 for AF_INET
        m_value->setText(tr("Value on Linux: %1").arg(e->linuxValue));
    } else if (!e->inSeed) {
        m_value->setText(tr("Not in the source text; the lab's programs use it."));
    } else {
        m_value->clear();
    }
    m_value->setHidden(m_value->text().isEmpty());
    m_explanation->setText(SocketApi::explanation(*e));
    const QString fact = SocketApi::fact(*e);
    m_fact->setText(fact);
    m_factTitle->setHidden(fact.isEmpty());
    m_fact->setHidden(fact.isEmpty());
}

void ApiReferencePanel::showResult()
{
    if (m_trial->isRunning()) {
        //: %1 is a call or constant name; the demonstration runs on real sockets on 127.0.0.1
        m_result->setText(tr("Trying %1 on loopback …").arg(m_trial->entryName()));
    } else if (m_hasResult) {
        //: %1 the entry tried, %2 what happened
        m_result->setText(tr("%1: %2").arg(m_trial->entryName(), m_trial->summary()));
    } else {
        m_result->clear();
    }
}

void ApiReferencePanel::refreshButton()
{
    m_tryButton->setEnabled(
        m_trial->timeline() && !m_trial->isRunning() && !currentEntry().isEmpty());
}

void ApiReferencePanel::retranslateUi()
{
    m_filter->setPlaceholderText(tr("Filter, e.g. recv"));
    m_constants->setText(0, tr("Constants"));
    m_methods->setText(0, tr("Methods"));
    m_factTitle->setText(tr("Correct fact"));
    //: the button runs the selected call on real sockets
    m_tryButton->setText(tr("Try it"));
    // After setText(), which replaces the shortcut with the text's mnemonic.
    m_tryButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_tryButton->setToolTip(tr("Run a short demonstration on real sockets on 127.0.0.1; every "
                               "call appears on the timeline (Ctrl+T)."));
    showEntry();
    showResult();
    applyFilter();
}

void ApiReferencePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
