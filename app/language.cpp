#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>

Language::Language(QObject *parent)
    : QObject(parent)
{
}

QString Language::normalize(const QString &requested)
{
    const QString r = requested.trimmed();
    if (r.isEmpty() || r.compare(QLatin1String("system"), Qt::CaseInsensitive) == 0)
        return systemLanguage();
    // Simplified Chinese only: zh, zh_CN, zh_SG, zh_Hans…; zh_TW/zh_HK (Traditional) are not
    // translated.
    static const QRegularExpression simplified(
        QStringLiteral("^zh([_-](CN|SG|Hans.*))?$"), QRegularExpression::CaseInsensitiveOption);
    if (simplified.match(r).hasMatch())
        return QStringLiteral("zh_CN");
    if (r.startsWith(QLatin1String("en"), Qt::CaseInsensitive) || r == QLatin1String("C"))
        return QStringLiteral("en");
    return {};
}

QString Language::systemLanguage()
{
    return QLocale().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                    : QStringLiteral("en");
}

bool Language::set(const QString &lang)
{
    const QString l = normalize(lang);
    if (l.isEmpty())
        return false;
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_qt);
    if (!m_app.load(QStringLiteral(":/i18n/socketlab_%1.qm").arg(l)))
        return false;
    if (m_qt.load(
            QStringLiteral("qtbase_%1").arg(l), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    QCoreApplication::installTranslator(&m_app);
    QLocale::setDefault(QLocale(l));
    m_current = l;
    emit changed(l);
    return true;
}
