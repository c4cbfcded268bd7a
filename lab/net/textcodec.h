#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

/**
 * Text ⇄ bytes in the encodings the lab shows: "utf-8" and "gbk" (the
 * Chinese national encoding, Windows code page 936). A socket carries bytes;
 * text exists only where a program encodes or decodes it, as Python's
 * str.encode() / bytes.decode() do.
 *
 * Decoding is stateless, like LabEvent::text(): an invalid or cut sequence
 * becomes U+FFFD (Python's errors="replace") and the result says it was not
 * valid. GBK comes from Qt's ICU backend (QStringDecoder("GBK")), so
 * isAvailable("gbk") is false on a Qt built without ICU.
 */
class TextCodec
{
public:
    /** The result of encode() or decode(). */
    struct Result
    {
        QByteArray bytes; ///< encode(): the bytes; decode(): the input
        QString text; ///< decode(): the text; encode(): the input
        /**
         * False when the input was not valid in the encoding: decode() met
         * bytes that are no character (they became U+FFFD), encode() met a
         * character the encoding lacks (it became '?'), or the encoding is
         * unknown. Python would raise UnicodeDecodeError / UnicodeEncodeError.
         */
        bool valid = false;
    };

    /** The encodings the lab offers, as tokens: {"utf-8", "gbk"}. */
    static QStringList encodings();
    /**
     * The token for a name as Python or Qt spell it ("UTF-8", "utf8" → "utf-8";
     * "GBK", "cp936" → "gbk"); empty when the lab does not offer it.
     */
    static QString canonical(const QString &name);
    /** Whether this Qt can convert @p encoding (a token or any spelling canonical() knows). */
    static bool isAvailable(const QString &encoding);
    /** The encoding's name as documents write it: "UTF-8", "GBK". */
    static QString displayName(const QString &encoding);

    /** @p text as bytes in @p encoding, as Python's text.encode(encoding). */
    static Result encode(const QString &text, const QString &encoding);
    /** @p bytes as text in @p encoding, as Python's bytes.decode(encoding, errors="replace"). */
    static Result decode(const QByteArray &bytes, const QString &encoding);

    /** The bytes in lower-case hex, one space between bytes: "c4 e3 ba c3". */
    static QString hex(const QByteArray &bytes);
};
