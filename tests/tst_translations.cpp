// Both translation files are complete and current: every message of the
// code is in them (lupdate run afresh agrees), none is unfinished or empty,
// placeholders survive, and the Chinese uses the glossary's terms.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString type; // "", "unfinished", "obsolete", "vanished"
    QStringList translations; // one, or the numerus forms
    bool numerus = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return out;
    }
    QXmlStreamReader x(&f);
    QString context;
    Message m;
    while (!x.atEnd()) {
        x.readNext();
        if (!x.isStartElement())
            continue;
        if (x.name() == QLatin1String("name")) {
            context = x.readElementText();
        } else if (x.name() == QLatin1String("message")) {
            m = Message {};
            m.context = context;
            m.numerus = x.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (x.name() == QLatin1String("source")) {
            m.source = x.readElementText();
        } else if (x.name() == QLatin1String("translation")) {
            m.type = x.attributes().value(QLatin1String("type")).toString();
            if (m.numerus) {
                while (x.readNextStartElement())
                    m.translations << x.readElementText();
            } else {
                m.translations << x.readElementText();
            }
            out << m;
        }
    }
    if (x.hasError())
        *error = x.errorString();
    return out;
}

QString tsPath(const QString &lang)
{
    return QStringLiteral(SOCKETLAB_SOURCE_DIR "/translations/socketlab_%1.ts").arg(lang);
}

QSet<QString> placeholders(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    QSet<QString> out;
    for (auto it = re.globalMatch(s); it.hasNext();)
        out.insert(it.next().captured(0));
    return out;
}

} // namespace

class TstTranslations : public QObject
{
    Q_OBJECT

private slots:
    void complete_data();
    void complete();
    void sameMessagesInBoth();
    void currentWithCode();
    void glossaryTerms_data();
    void glossaryTerms();
};

void TstTranslations::complete_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<int>("forms");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << 1;
    QTest::newRow("en") << QStringLiteral("en") << 2;
}

void TstTranslations::complete()
{
    QFETCH(QString, lang);
    QFETCH(int, forms);
    QString error;
    const QList<Message> messages = readTs(tsPath(lang), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);
    for (const Message &m : messages) {
        const QByteArray where = (m.context + QLatin1String(": ") + m.source).toUtf8();
        QVERIFY2(m.type.isEmpty(), where.constData()); // not unfinished, obsolete or vanished
        QCOMPARE(m.translations.size(), m.numerus ? forms : 1);
        for (const QString &t : m.translations) {
            QVERIFY2(!t.trimmed().isEmpty(), where.constData());
            QVERIFY2(placeholders(t) == placeholders(m.source), where.constData());
        }
    }
}

void TstTranslations::sameMessagesInBoth()
{
    QString error;
    QSet<QString> zh, en;
    for (const Message &m : readTs(tsPath(QStringLiteral("zh_CN")), &error))
        zh.insert(m.context + QLatin1Char('\x1f') + m.source);
    for (const Message &m : readTs(tsPath(QStringLiteral("en")), &error))
        en.insert(m.context + QLatin1Char('\x1f') + m.source);
    QVERIFY(error.isEmpty());
    QCOMPARE(zh, en);
}

void TstTranslations::currentWithCode()
{
    const QString lupdate = QStringLiteral("/usr/lib/qt6/bin/lupdate");
    if (!QFile::exists(lupdate))
        QSKIP("lupdate is not installed (Debian package qt6-l10n-tools): cannot compare the .ts "
              "files with the code");
    QStringList sources;
    for (const char *dir : { "/lab", "/widgets", "/app" }) {
        QDirIterator it(QStringLiteral(SOCKETLAB_SOURCE_DIR) + QLatin1String(dir),
            { QStringLiteral("*.cpp"), QStringLiteral("*.h") }, QDir::Files,
            QDirIterator::Subdirectories);
        while (it.hasNext())
            sources << it.next();
    }
    QTemporaryDir dir;
    const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
    QProcess p;
    p.start(
        lupdate, sources + QStringList { QStringLiteral("-silent"), QStringLiteral("-ts"), fresh });
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QString error;
    QSet<QString> inCode, inTs;
    for (const Message &m : readTs(fresh, &error))
        inCode.insert(m.context + QLatin1String(": ") + m.source);
    for (const Message &m : readTs(tsPath(QStringLiteral("zh_CN")), &error))
        inTs.insert(m.context + QLatin1String(": ") + m.source);
    QVERIFY(error.isEmpty());
    const QSet<QString> missing = inCode - inTs;
    QVERIFY2(missing.isEmpty(),
        qPrintable(QStringLiteral("run the update_translations target; missing: ")
            + QStringList(missing.values()).join(QLatin1String(" | "))));
    const QSet<QString> stale = inTs - inCode;
    QVERIFY2(stale.isEmpty(),
        qPrintable(
            QStringLiteral("stale: ") + QStringList(stale.values()).join(QLatin1String(" | "))));
}

void TstTranslations::glossaryTerms_data()
{
    // ../shared/design/GLOSSARY.md: one term per concept.
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("term");
    QTest::newRow("CLOSED") << "no connection" << QStringLiteral("关闭");
    QTest::newRow("LISTEN") << "waiting for connections" << QStringLiteral("监听");
    QTest::newRow("SYN-SENT") << "SYN sent, waiting for SYN-ACK" << QStringLiteral("同步已发送");
    QTest::newRow("SYN-RECEIVED") << "SYN received, SYN-ACK sent" << QStringLiteral("同步已收到");
    QTest::newRow("ESTABLISHED") << "connection established" << QStringLiteral("已建立连接");
    QTest::newRow("FIN-WAIT-1") << "FIN sent, waiting for its ACK" << QStringLiteral("终止等待 1");
    QTest::newRow("FIN-WAIT-2") << "FIN acknowledged, waiting for the peer's FIN"
                                << QStringLiteral("终止等待 2");
    QTest::newRow("CLOSE-WAIT") << "peer closed, waiting for our close()"
                                << QStringLiteral("关闭等待");
    QTest::newRow("CLOSING") << "both sides closing at once" << QStringLiteral("同时关闭中");
    QTest::newRow("LAST-ACK") << "FIN sent, waiting for the last ACK" << QStringLiteral("最后确认");
    QTest::newRow("TIME-WAIT") << "waiting 2·MSL (Linux: 60 s) before the address pair is free"
                               << QStringLiteral("时间等待");
    QTest::newRow("kernel") << "read from the kernel" << QStringLiteral("内核读取");
    QTest::newRow("inferred") << "inferred from calls" << QStringLiteral("由调用推断");
    QTest::newRow("capture") << "captured on the wire" << QStringLiteral("抓包所见");
    QTest::newRow("model") << "RFC model" << QStringLiteral("协议模型");
    QTest::newRow("file") << "from a capture file" << QStringLiteral("来自抓包文件");
    QTest::newRow("segment") << "segment %1 → %2: %3" << QStringLiteral("报文段");
    QTest::newRow("refused")
        << "connection refused: nothing is listening on that port (TCP: the peer answered "
           "SYN with RST; UDP: an ICMP port unreachable came back)"
        << QStringLiteral("连接被拒绝");
    QTest::newRow("accept queue") << "Listening socket: LISTEN · accept queue %1 / %2"
                                  << QStringLiteral("全连接队列（accept 队列）");
    QTest::newRow("backlog") << "Backlog:" << QStringLiteral("积压队列长度（backlog）");
    QTest::newRow("four-way close")
        << "<p><b>Socket Lab</b> runs the programs of a classic socket tutorial on this machine's "
           "real sockets and shows every call, each endpoint's TCP state and the segments between "
           "them.</p><p>States marked <i>read from the kernel</i> come from TCP_INFO and "
           "NETLINK_SOCK_DIAG; segments marked <i>inferred from calls</i> are deduced, because no "
           "packet capture is running.</p><p>The close of a connection is called 四次挥手 "
           "(four-way close); the source text calls it 四次握手.</p><p>Licensed under the GNU GPL, "
           "version 3 or later.</p>"
        << QStringLiteral("四次挥手");
}

void TstTranslations::glossaryTerms()
{
    QFETCH(QString, source);
    QFETCH(QString, term);
    QString error;
    bool found = false;
    for (const Message &m : readTs(tsPath(QStringLiteral("zh_CN")), &error)) {
        if (m.source != source)
            continue;
        found = true;
        QVERIFY2(m.translations.value(0).contains(term), qPrintable(m.translations.value(0)));
    }
    QVERIFY2(found, qPrintable(source));
}

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
