// The language switch: from the menu, at run time, without restart; after
// it, no English word is left in the Chinese window (protocol tokens and
// call names stay in English by design, GLOSSARY.md), and back again.

#include "captionview.h"
#include "capture/pcapexport.h"
#include "language.h"
#include "mainwindow.h"
#include "scenarios/scenario.h"
#include "timeline/stepper.h"
#include "timeline/timeline.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

namespace {

// Words that stay in English in both languages: protocol tokens, call and
// option names, Python literals, and the language menu's own "English".
const QSet<QString> kAllowed = {
    QStringLiteral("socket"),
    QStringLiteral("bind"),
    QStringLiteral("listen"),
    QStringLiteral("accept"),
    QStringLiteral("connect"),
    QStringLiteral("connect_ex"),
    QStringLiteral("send"),
    QStringLiteral("sendall"),
    QStringLiteral("recv"),
    QStringLiteral("sendto"),
    QStringLiteral("recvfrom"),
    QStringLiteral("settimeout"),
    QStringLiteral("setblocking"),
    QStringLiteral("shutdown"),
    QStringLiteral("close"),
    QStringLiteral("getsockname"),
    QStringLiteral("getpeername"),
    QStringLiteral("fileno"),
    QStringLiteral("setsockopt"),
    QStringLiteral("seq"),
    QStringLiteral("ack"),
    QStringLiteral("len"),
    QStringLiteral("win"),
    QStringLiteral("backlog"),
    QStringLiteral("localhost"),
    QStringLiteral("None"),
    QStringLiteral("b"),
    QStringLiteral("English"),
    QStringLiteral("Lines"),
    QStringLiteral("py"),
    QStringLiteral("cpp"),
    QStringLiteral("Python"),
    QStringLiteral("Home"),
    QStringLiteral("End"),
    QStringLiteral("Space"),
    QStringLiteral("Esc"),
    QStringLiteral("Page"),
    QStringLiteral("Up"),
    QStringLiteral("Down"),
    QStringLiteral("getsockopt"),
    QStringLiteral("ss"),
    QStringLiteral("Linux"),
    // Python's loop and the real clients the lab names.
    QStringLiteral("while"),
    QStringLiteral("True"),
    QStringLiteral("False"),
    QStringLiteral("curl"),
    QStringLiteral("Chromium"),
    QStringLiteral("Web"), // "Web 服务器" is the Chinese term
    QStringLiteral("pcap"), // a file format's name
    QStringLiteral("pcapng"),
    // a program's name: "按 Wireshark 的 tcp.stream 编号"
    QStringLiteral("Wireshark"),
};

// English words in @p text that are not protocol tokens (ALL CAPS, e.g.
// ESTABLISHED, SO_REUSEADDR, EAI_NONAME, UTF) or allowed names.
QStringList englishWords(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z][A-Za-z_]*"));
    QStringList out;
    QString plain = text;
    plain.remove(QLatin1Char('&'));
    // Quoted text is data a program sent (the seed's UDP reply is English), not UI.
    static const QRegularExpression quotedData(QStringLiteral("\"[^\"]*\""));
    plain.remove(quotedData);
    // So is a Python bytes literal, e.g. recvfrom's (b'\xe4\xbd\xa0', ('127.0.0.1', 8888)).
    static const QRegularExpression bytesLiteral(QStringLiteral("b'[^']*'"));
    plain.remove(bytesLiteral);
    // Dotted names (net.ipv4.tcp_abort_on_overflow, tcp_client.py) are identifiers too.
    static const QRegularExpression dotted(QStringLiteral("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)+"));
    plain.remove(dotted);
    // So is a URL (http://127.0.0.1:8080/).
    static const QRegularExpression url(QStringLiteral("https?://[^\\s，,]+"));
    plain.remove(url);
    // HTTP header names (Content-Length, X-Padding) and "Connection: close" are protocol text.
    static const QRegularExpression header(
        QStringLiteral("\\b[A-Z][A-Za-z]*(-[A-Z][A-Za-z]*)+\\b|Connection: close"));
    plain.remove(header);
    for (auto it = word.globalMatch(plain); it.hasNext();) {
        const QString w = it.next().captured(0);
        // ALL CAPS tokens and identifiers (tcp_client, SO_LINGER) are names, not prose.
        if (w == w.toUpper() || w.contains(QLatin1Char('_')) || kAllowed.contains(w))
            continue;
        out << w;
    }
    return out;
}

QStringList visibleTexts(QMainWindow *w)
{
    QStringList texts { w->windowTitle(), w->statusBar()->currentMessage() };
    for (QAction *a : w->menuBar()->actions()) {
        texts << a->text();
        if (a->menu()) {
            for (QAction *sub : a->menu()->actions())
                texts << sub->text() << sub->toolTip();
        }
    }
    for (QWidget *c : w->findChildren<QWidget *>()) {
        if (!c->isVisibleTo(w))
            continue;
        texts << c->toolTip();
        if (auto *cv = qobject_cast<CaptionView *>(c))
            texts << cv->caption();
        else if (auto *l = qobject_cast<QLabel *>(c))
            texts << l->text();
        else if (auto *b = qobject_cast<QAbstractButton *>(c))
            texts << b->text();
        else if (auto *g = qobject_cast<QGroupBox *>(c))
            texts << g->title();
        else if (auto *t = qobject_cast<QTableView *>(c)) {
            const QAbstractItemModel *m = t->model();
            for (int col = 0; col < m->columnCount(); ++col)
                texts << m->headerData(col, Qt::Horizontal).toString();
            for (int row = 0; row < m->rowCount(); ++row) {
                for (int col = 0; col < m->columnCount(); ++col)
                    texts << m->index(row, col).data().toString()
                          << m->index(row, col).data(Qt::ToolTipRole).toString();
            }
        }
    }
    return texts;
}

QAction *languageAction(QMainWindow *w, const QString &data)
{
    for (QAction *a : w->menuBar()->actions()) {
        if (!a->menu())
            continue;
        for (QAction *sub : a->menu()->actions()) {
            if (sub->data().toString() == data)
                return sub;
        }
    }
    return nullptr;
}

} // namespace

class TstLanguage : public QObject
{
    Q_OBJECT

private slots:
    void normalize_data();
    void normalize();
    void noEnglishLeftInChinese();
    void switchBackToEnglish();
    void scenarioModeInChinese();
    void liveLabsInChinese();
    void captureFileInChinese();
};

void TstLanguage::captureFileInChinese()
{
    // A capture file made here (the model's tcp-echo), its connection stepped through.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("echo.pcap"));
    Timeline model;
    QVERIFY(Scenarios::build(QStringLiteral("tcp-echo"), &model));
    QVERIFY(PcapExport::write(model, path));
    Language language;
    QVERIFY(language.set(QStringLiteral("zh_CN")));
    MainWindow w(&language);
    w.show();
    QSignalSpy read(&w, &MainWindow::captureFileFinished);
    w.openCaptureFile(path);
    QVERIFY(read.wait(10000));
    QVERIFY(w.isCaptureFileMode());
    QStringList offenders;
    for (int step = 0; step < w.stepper()->count(); step += 3) {
        w.stepper()->jumpTo(step);
        for (const QString &t : visibleTexts(&w)) {
            QString rest = t;
            rest.remove(path); // the file's path (the title's tool tip) is data, not UI
            const QStringList words = englishWords(rest);
            if (!words.isEmpty())
                offenders << t + QStringLiteral("  ⟵ ") + words.join(u' ');
        }
    }
    offenders.removeDuplicates();
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
}

void TstLanguage::liveLabsInChinese()
{
    Language language;
    QVERIFY(language.set(QStringLiteral("zh_CN")));
    MainWindow w(&language);
    w.show();
    for (const QString &lab : w.liveLabs()) {
        QVERIFY(w.showLive(lab));
        QSignalSpy done(&w, &MainWindow::exchangeFinished);
        w.runExchange(0); // fill the panes, the states and the timeline
        QVERIFY(done.wait(10000));
        QStringList offenders;
        for (const QString &t : visibleTexts(&w)) {
            // The seed's English data (the UDP reply, the HTTP text) is data, not UI.
            QString rest = t;
            for (const char *data : { "you are just send one message.", "Hello, World", "Host:" })
                rest.remove(QString::fromUtf8(data));
            const QStringList words = englishWords(rest);
            if (!words.isEmpty())
                offenders << t + QStringLiteral("  ⟵ ") + words.join(u' ');
        }
        offenders.removeDuplicates();
        QVERIFY2(offenders.isEmpty(),
            qPrintable(lab + QLatin1Char('\n') + offenders.join(QLatin1Char('\n'))));
    }
}

void TstLanguage::scenarioModeInChinese()
{
    Language language;
    QVERIFY(language.set(QStringLiteral("zh_CN")));
    MainWindow w(&language);
    w.show();
    for (const char *name : { "tcp-echo", "syn-retransmit", "backlog-full", "udp-echo", "abort" }) {
        QVERIFY(w.showScenario(QString::fromLatin1(name)));
        QStringList offenders;
        for (int step = 0; step < w.stepper()->count(); step += 3) {
            w.stepper()->jumpTo(step);
            for (const QString &t : visibleTexts(&w)) {
                const QStringList words = englishWords(t);
                if (!words.isEmpty())
                    offenders << t + QStringLiteral("  ⟵ ") + words.join(u' ');
            }
        }
        offenders.removeDuplicates();
        QVERIFY2(offenders.isEmpty(),
            qPrintable(
                QLatin1String(name) + QLatin1Char('\n') + offenders.join(QLatin1Char('\n'))));
    }
}

void TstLanguage::normalize_data()
{
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("lang");
    QTest::newRow("zh_CN") << "zh_CN"
                           << "zh_CN";
    QTest::newRow("zh") << "zh"
                        << "zh_CN";
    QTest::newRow("en") << "en"
                        << "en";
    QTest::newRow("en_GB") << "en_GB"
                           << "en";
    QTest::newRow("fr") << "fr"
                        << "";
}

void TstLanguage::normalize()
{
    QFETCH(QString, requested);
    QFETCH(QString, lang);
    QCOMPARE(Language::normalize(requested), lang);
}

void TstLanguage::noEnglishLeftInChinese()
{
    Language language;
    QVERIFY(language.set(QStringLiteral("en")));
    MainWindow w(&language);
    w.show();
    QSignalSpy done(&w, &MainWindow::exchangeFinished);
    w.runExchange(0); // fill the timeline, panes and views
    QVERIFY(done.wait(10000));
    QCOMPARE(w.windowTitle(), QStringLiteral("Socket Lab"));

    QAction *zh = languageAction(&w, QStringLiteral("zh_CN"));
    QVERIFY(zh);
    QSignalSpy changed(&language, &Language::changed);
    zh->trigger(); // the menu, at run time
    QCOMPARE(changed.size(), 1);
    QCOMPARE(language.current(), QStringLiteral("zh_CN"));
    // Widgets receive QEvent::LanguageChange through the event loop.
    QTRY_COMPARE(w.windowTitle(), QStringLiteral("套接字实验室"));
    QVERIFY(zh->isChecked());

    QStringList offenders;
    for (const QString &t : visibleTexts(&w)) {
        const QStringList words = englishWords(t);
        if (!words.isEmpty())
            offenders << t + QStringLiteral("  ⟵ ") + words.join(u' ');
    }
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    // The timeline re-rendered in Chinese.
    const QString kernel
        = w.timeline()->data(w.timeline()->index(4, Timeline::SourceColumn)).toString();
    QCOMPARE(kernel, QStringLiteral("内核读取"));
}

void TstLanguage::switchBackToEnglish()
{
    Language language;
    QVERIFY(language.set(QStringLiteral("zh_CN")));
    MainWindow w(&language);
    w.show();
    QCOMPARE(w.windowTitle(), QStringLiteral("套接字实验室"));
    languageAction(&w, QStringLiteral("en"))->trigger();
    QTRY_COMPARE(w.windowTitle(), QStringLiteral("Socket Lab"));
    QCOMPARE(
        w.timeline()->headerData(Timeline::EventColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Event"));
    QStringList chinese;
    static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    for (const QString &t : visibleTexts(&w)) {
        // The seed's own Chinese text (messages, reply, the language's own name) is data, not UI.
        QString rest = t;
        for (const char *data : { "请求连接", "你已连接成功。", "中文" })
            rest.remove(QString::fromUtf8(data));
        if (rest.contains(han))
            chinese << t;
    }
    QVERIFY2(chinese.isEmpty(), qPrintable(chinese.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TstLanguage)
#include "tst_language.moc"
