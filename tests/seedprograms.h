#pragma once

// The source text's own Python programs, extracted at test time from
// ../shared/seed/socket-basics.md (never copied into the repository), with
// the port rewritten. Used by the interop and command-line tests.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace SeedPrograms {

/** Path of the seed text; empty when ../shared is absent. */
inline QString seedPath()
{
    const QString p = QStringLiteral(SOCKETLAB_SHARED_DIR "/seed/socket-basics.md");
    return QFile::exists(p) ? p : QString();
}

/** Every fenced ```python block of the seed, in order. */
inline QStringList pythonBlocks()
{
    QFile f(seedPath());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(f.readAll());
    QStringList blocks;
    static const QRegularExpression re(
        QStringLiteral("```python\\n(.*?)```"), QRegularExpression::DotMatchesEverythingOption);
    for (auto it = re.globalMatch(text); it.hasNext();)
        blocks << it.next().captured(1);
    return blocks;
}

/**
 * The first block containing all of @p markers, with port 8888 (or 8080)
 * rewritten to @p port; empty when not found.
 */
inline QString program(const QStringList &markers, quint16 port)
{
    for (QString b : pythonBlocks()) {
        bool all = true;
        for (const QString &m : markers)
            all = all && b.contains(m);
        if (!all)
            continue;
        b.replace(QStringLiteral("8888"), QString::number(port));
        b.replace(QStringLiteral("8080"), QString::number(port));
        return b;
    }
    return {};
}

/** The seed's TCP echo server (socket.socket(), listen(5), accept loop). */
inline QString tcpServer(quint16 port)
{
    return program({ QStringLiteral("sk.listen(5)"), QStringLiteral("sk.accept()") }, port);
}

/** The seed's TCP echo client (connect, sendall "请求连接", recv). */
inline QString tcpClient(quint16 port)
{
    return program({ QStringLiteral("sk.connect(ip_port)"), QStringLiteral("请求连接") }, port);
}

/** The seed's UDP echo server (SOCK_DGRAM, bind, recvfrom loop answering "IP:…"). */
inline QString udpServer(quint16 port)
{
    return program({ QStringLiteral("SOCK_DGRAM"), QStringLiteral("sk.bind(ip_port)"),
                       QStringLiteral("sk.recvfrom(1024)") },
        port);
}

/** The seed's UDP echo client (SOCK_DGRAM, input() lines sent with sendto until "exit"). */
inline QString udpClient(quint16 port)
{
    return program(
        { QStringLiteral("SOCK_DGRAM"), QStringLiteral("sk.sendto"), QStringLiteral("input(") },
        port);
}

/** The seed's web prototype (recv(1024) once, send "HTTP/1.1 200 OK" and "Hello, World"). */
inline QString webServer(quint16 port)
{
    return program({ QStringLiteral("HTTP/1.1 200 OK"), QStringLiteral("sock.listen(5)"),
                       QStringLiteral("sock.accept()") },
        port);
}

/** Writes @p code into @p dir as @p name and returns its path. */
inline QString write(const QTemporaryDir &dir, const QString &name, const QString &code)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(code.toUtf8()) < 0)
        return {};
    return path;
}

/** python3 on PATH, or empty. */
inline QString python()
{
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

/**
 * A port on 127.0.0.1 that was free a moment ago (bound to 0, then closed);
 * @p type SOCK_STREAM (TCP) or SOCK_DGRAM (UDP).
 */
inline quint16 freePort(int type = SOCK_STREAM)
{
    const int fd = ::socket(AF_INET, type, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

} // namespace SeedPrograms
