#include "textcodec.h"

#include <QStringDecoder>
#include <QStringEncoder>

namespace {
// The name Qt's converters know the encoding by (UTF-8 built in, GBK via ICU).
const char *qtName(const QString &token)
{
    if (token == QLatin1String("utf-8"))
        return "UTF-8";
    if (token == QLatin1String("gbk"))
        return "GBK";
    return nullptr;
}
} // namespace

QStringList TextCodec::encodings()
{
    return { QStringLiteral("utf-8"), QStringLiteral("gbk") };
}

QString TextCodec::canonical(const QString &name)
{
    const QString n = name.trimmed().toLower().remove(QLatin1Char('_')).remove(QLatin1Char('-'));
    if (n == QLatin1String("utf8"))
        return QStringLiteral("utf-8");
    // Python treats cp936 and ms936 as GBK's aliases.
    if (n == QLatin1String("gbk") || n == QLatin1String("cp936") || n == QLatin1String("ms936"))
        return QStringLiteral("gbk");
    return {};
}

bool TextCodec::isAvailable(const QString &encoding)
{
    const char *name = qtName(canonical(encoding));
    return name && QStringDecoder(name).isValid() && QStringEncoder(name).isValid();
}

QString TextCodec::displayName(const QString &encoding)
{
    const char *name = qtName(canonical(encoding));
    return name ? QString::fromLatin1(name) : encoding;
}

TextCodec::Result TextCodec::encode(const QString &text, const QString &encoding)
{
    Result r;
    r.text = text;
    const char *name = qtName(canonical(encoding));
    if (!name)
        return r;
    QStringEncoder encoder(name, QStringConverter::Flag::Stateless);
    if (!encoder.isValid())
        return r;
    r.bytes = encoder(text);
    r.valid = !encoder.hasError();
    return r;
}

TextCodec::Result TextCodec::decode(const QByteArray &bytes, const QString &encoding)
{
    Result r;
    r.bytes = bytes;
    const char *name = qtName(canonical(encoding));
    if (!name)
        return r;
    // A cut sequence at the end must become U+FFFD, not vanish: Qt's GBK
    // decoder (ICU) drops it even when stateless. A newline after the bytes
    // ends any sequence (it is no trail byte in GBK or UTF-8) and is taken off again.
    QStringDecoder decoder(name, QStringConverter::Flag::Stateless);
    if (!decoder.isValid())
        return r;
    r.text = decoder(bytes + '\n');
    if (r.text.endsWith(QLatin1Char('\n')))
        r.text.chop(1);
    r.valid = !decoder.hasError();
    return r;
}

QString TextCodec::hex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' '));
}
