#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

/**
 * The UI language: loads the lab's translation (":/i18n/socketlab_<lang>.qm")
 * and Qt's own (qtbase_<lang>.qm) and swaps them at run time. Installing a
 * translator sends QEvent::LanguageChange to every widget, whose
 * retranslateUi() then re-renders — no restart.
 */
class Language : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Language)

public:
    explicit Language(QObject *parent = nullptr);

    /** "zh_CN" or "en" for @p requested ("", "system", "zh", "zh_CN", "en", …); "" when
     * unsupported. */
    static QString normalize(const QString &requested);
    /** The language of the system locale if supported, else "en". */
    static QString systemLanguage();

    /** Switches to @p lang ("zh_CN" or "en"); false when unsupported. */
    bool set(const QString &lang);
    QString current() const { return m_current; }

signals:
    void changed(const QString &lang);

private:
    QTranslator m_app;
    QTranslator m_qt;
    QString m_current;
};
