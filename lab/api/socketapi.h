#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

/*
 * The socket API reference: every constant and method the source text
 * lists under "sk = socket.socket(参数1,参数2,参数3)" (socket-basics.md),
 * plus the few the lab's own programs use (gettimeout, setsockopt,
 * getsockopt). Entries store facts and untranslated English source text
 * (context "SocketApi"); SocketApi::explanation() and ::fact() translate at
 * display time. SocketApiTrial runs each entry's "try it" on real sockets.
 */

/** One constant or method of Python's socket module, as the lab explains it. */
struct SocketApiEntry
{
    enum class Kind { Constant, Method };

    QString name; ///< "AF_INET", "connect_ex", …
    Kind kind = Kind::Method;
    QString signature; ///< Python: "socket.AF_INET", "sk.recv(bufsize[, flags])"
    int linuxValue = -1; ///< constants: the value in Linux's <sys/socket.h>; -1 for methods
    bool inSeed = true; ///< listed in the source text's list of constants and methods
    const char *explanation = nullptr; ///< QT_TRANSLATE_NOOP("SocketApi", …), never empty
    /**
     * Where the source text is loose or wrong, or what people get wrong, as
     * measured on Linux; QT_TRANSLATE_NOOP("SocketApi", …) or nullptr.
     */
    const char *fact = nullptr;

    bool isConstant() const { return kind == Kind::Constant; }
};

/**
 * The catalogue. Sources: socket(2), socket(7), tcp(7), udp(7), raw(7),
 * listen(2), errno(3) and Python's socket module documentation; every
 * errno and value in a fact was measured on Linux (tests/tst_socketapi.cpp
 * measures them again).
 */
class SocketApi
{
    Q_DECLARE_TR_FUNCTIONS(SocketApi)

public:
    /** Every entry: the constants in the source text's order, then the methods. */
    static const QList<SocketApiEntry> &entries();
    /** The entry named @p name (case-sensitive, as Python spells it), or nullptr. */
    static const SocketApiEntry *find(const QString &name);
    /**
     * The entry a person means by @p text: the name as find() takes it, or
     * as written in Python ("connect_ex()", "socket.AF_INET", "sk.recv"), in
     * any case ("af_inet"); null when none.
     */
    static const SocketApiEntry *lookup(const QString &text);
    /** The entry's explanation in the UI language. */
    static QString explanation(const SocketApiEntry &entry);
    /** The entry's correct fact in the UI language; empty when it has none. */
    static QString fact(const SocketApiEntry &entry);
};
