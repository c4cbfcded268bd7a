#include "kernelcounters.h"

#include <QFile>
#include <QList>

namespace {
QList<QByteArray> lines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    // /proc files report size 0: read until EOF.
    return f.readAll().split('\n');
}
} // namespace

std::optional<qint64> KernelCounters::snmp(const QString &name)
{
    const int colon = name.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        // /proc/net/snmp6: one "Name value" pair per line.
        for (const QByteArray &line : lines(QStringLiteral("/proc/net/snmp6"))) {
            const QList<QByteArray> f = line.simplified().split(' ');
            if (f.size() == 2 && f.at(0) == name.toLatin1()) {
                bool ok = false;
                const qint64 v = f.at(1).toLongLong(&ok);
                if (ok)
                    return v;
            }
        }
        return std::nullopt;
    }
    // /proc/net/snmp: pairs of lines, "Group: names…" then "Group: values…".
    const QByteArray group = name.left(colon + 1).toLatin1();
    const QByteArray field = name.mid(colon + 1).toLatin1();
    const QList<QByteArray> all = lines(QStringLiteral("/proc/net/snmp"));
    for (qsizetype i = 0; i + 1 < all.size(); ++i) {
        const QList<QByteArray> names = all.at(i).simplified().split(' ');
        const QList<QByteArray> values = all.at(i + 1).simplified().split(' ');
        if (names.value(0) != group || values.value(0) != group || names.size() != values.size())
            continue;
        const qsizetype at = names.indexOf(field);
        if (at > 0) {
            bool ok = false;
            const qint64 v = values.at(at).toLongLong(&ok);
            if (ok)
                return v;
        }
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<qint64> KernelCounters::sysctl(const QString &name)
{
    QString path = name;
    path.replace(QLatin1Char('.'), QLatin1Char('/'));
    QFile f(QStringLiteral("/proc/sys/") + path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    bool ok = false;
    const qint64 v = f.readAll().trimmed().toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return v;
}
