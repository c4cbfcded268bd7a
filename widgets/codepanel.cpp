#include "codepanel.h"

#include "timeline/timeline.h"

#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTextBlock>
#include <QVBoxLayout>

namespace {

QString suffix(CodePanel::Tab tab)
{
    return tab == CodePanel::PythonTab ? QStringLiteral(".py") : QStringLiteral(".cpp");
}

/** The anchor comment that ends a call line: "# [connect]" or "// [connect]". */
QString anchorComment(const QString &anchor, CodePanel::Tab tab)
{
    return (tab == CodePanel::PythonTab ? QStringLiteral("# [") : QStringLiteral("// [")) + anchor
        + QLatin1Char(']');
}

/** 1-based number of the first line of @p source carrying @p anchor's comment; 0 if none. */
int anchorLine(const QString &source, const QString &anchor, CodePanel::Tab tab)
{
    if (anchor.isEmpty())
        return 0;
    const QString comment = anchorComment(anchor, tab);
    const QStringList lines = source.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).contains(comment))
            return i + 1;
    }
    return 0;
}

} // namespace

CodePanel::CodePanel(QWidget *parent)
    : CursorView(parent)
{
    m_caption = new QLabel(this);
    m_caption->setWordWrap(true);
    m_tabs = new QTabWidget(this);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *&editor : m_editors) {
        editor = new QPlainTextEdit(m_tabs);
        editor->setReadOnly(true);
        editor->setFont(mono);
        editor->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_tabs->addTab(editor, QString());
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_tabs, 1);
    // The other tab's highlight is kept up to date; switching only shows it.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { retranslateUi(); });
    retranslateUi();
}

CodePanel::Tab CodePanel::tab() const
{
    return m_tabs->currentIndex() == CppTab ? CppTab : PythonTab;
}

void CodePanel::setTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

QSize CodePanel::sizeHint() const
{
    return { 560, 360 };
}

QString CodePanel::programSource(const QString &program, Tab tab)
{
    if (program.isEmpty())
        return {};
    QFile file(QStringLiteral(":/code/") + program + suffix(tab));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QString CodePanel::currentLineText(Tab tab) const
{
    const int line = m_lines.at(tab);
    if (line <= 0)
        return {};
    return m_editors.at(tab)->document()->findBlockByNumber(line - 1).text();
}

QString CodePanel::codeRefAt(int row) const
{
    const Timeline *t = timeline();
    const LabEvent &e = t->at(row);
    if (!e.code.isEmpty())
        return e.code;
    if (e.kind != EventKind::Call || e.side == Side::Both)
        return {};
    // A live call names no code: show the lab's program of that side and
    // socket type, or the variant that makes this call (connect_ex, shutdown …).
    bool udp = e.call == QLatin1String("sendto") || e.call == QLatin1String("recvfrom");
    for (int i = row; i >= 0 && !udp; --i) {
        const LabEvent &s = t->at(i);
        if (s.kind == EventKind::Call && s.side == e.side && s.call == QLatin1String("socket")) {
            udp = s.args.join(QLatin1Char(',')).contains(QLatin1String("SOCK_DGRAM"));
            break;
        }
    }
    const bool server = e.side == Side::Server;
    QStringList candidates;
    if (udp)
        candidates << (server ? QStringLiteral("udp_server") : QStringLiteral("udp_client"));
    else if (server)
        candidates << QStringLiteral("tcp_server");
    else
        candidates << QStringLiteral("tcp_client") << QStringLiteral("tcp_client_ex")
                   << QStringLiteral("tcp_client_halfclose") << QStringLiteral("tcp_client_abort");
    for (const QString &program : std::as_const(candidates)) {
        if (anchorLine(programSource(program, PythonTab), e.call, PythonTab) > 0)
            return program + QLatin1Char(':') + e.call;
    }
    return {};
}

void CodePanel::timelineChanged()
{
    // The call at the cursor, else the latest call before it that names its code.
    QString ref;
    m_call.clear();
    const Timeline *t = timeline();
    for (int row = lastRow(); t && row >= 0 && ref.isEmpty(); --row) {
        const LabEvent &e = t->at(row);
        if (e.kind != EventKind::Call && e.code.isEmpty())
            continue;
        ref = codeRefAt(row);
        m_call = e.call;
    }
    if (ref.isEmpty())
        m_call.clear();
    const qsizetype colon = ref.lastIndexOf(QLatin1Char(':'));
    m_anchor = colon < 0 ? QString() : ref.mid(colon + 1);
    if (m_call.isEmpty())
        m_call = m_anchor;
    showProgram(colon < 0 ? ref : ref.left(colon));
    highlight();
    retranslateUi();
}

void CodePanel::showProgram(const QString &program)
{
    if (program == m_program)
        return;
    m_program = program;
    for (int tab = PythonTab; tab <= CppTab; ++tab) {
        m_editors.at(tab)->setPlainText(programSource(program, Tab(tab)));
        m_lines.at(tab) = 0; // a new text: scroll to the line again
    }
}

void CodePanel::highlight()
{
    // The line of the call, in the palette's selection colours, scrolled into view.
    const QColor back = palette().color(QPalette::Active, QPalette::Highlight);
    const QColor fore = palette().color(QPalette::Active, QPalette::HighlightedText);
    for (int tab = PythonTab; tab <= CppTab; ++tab) {
        QPlainTextEdit *editor = m_editors.at(tab);
        const int line = anchorLine(editor->toPlainText(), m_anchor, Tab(tab));
        // Scrolled only when the line changes, so a live session's events leave the reader be.
        const bool moved = line != m_lines.at(tab);
        m_lines.at(tab) = line;
        QList<QTextEdit::ExtraSelection> selections;
        if (line > 0) {
            QTextEdit::ExtraSelection sel;
            sel.cursor = QTextCursor(editor->document()->findBlockByNumber(line - 1));
            sel.format.setBackground(back);
            sel.format.setForeground(fore);
            sel.format.setProperty(QTextFormat::FullWidthSelection, true);
            selections.append(sel);
            if (moved) {
                editor->setTextCursor(sel.cursor);
                editor->centerCursor();
            }
        }
        editor->setExtraSelections(selections);
    }
}

void CodePanel::retranslateUi()
{
    //: tab title: the example program in the Python language
    m_tabs->setTabText(PythonTab, tr("Python"));
    //: tab title: the example program in the C++ language
    m_tabs->setTabText(CppTab, tr("C++"));
    for (QPlainTextEdit *editor : m_editors)
        editor->setPlaceholderText(tr("The program that makes the current step's call appears "
                                      "here, with the line of the call highlighted."));
    const Tab shown = tab();
    const int line = m_lines.at(shown);
    if (m_program.isEmpty())
        m_caption->setText(tr("No socket call yet."));
    else if (line > 0)
        //: %1 file name, %2 line number, %3 call name, e.g. "tcp_client.py, line 7: connect()"
        m_caption->setText(
            tr("%1, line %2: %3()").arg(m_program + suffix(shown)).arg(line).arg(m_call));
    else
        //: %1 file name, %2 call name: the program does not make this call
        m_caption->setText(tr("%1 (no line for %2())").arg(m_program + suffix(shown), m_call));
}

void CodePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    CursorView::changeEvent(event);
}
