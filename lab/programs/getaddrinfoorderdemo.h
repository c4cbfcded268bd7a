#pragma once

#include "scripteddemo.h"

#include <QList>

/**
 * How a client connects to a *name* (`--demo getaddrinfo-order`), as Python's
 * socket.create_connection() does:
 *
 *     for family, type, proto, _, addr in getaddrinfo("localhost", port, 0, SOCK_STREAM):
 *         try: s = socket(family, type, proto); s.connect(addr); break   # ::1: ECONNREFUSED (111)
 *         except OSError: s.close()                                     # 127.0.0.1: connected
 *
 * The server listens on 127.0.0.1 only. getaddrinfo() often answers ::1
 * before 127.0.0.1 (RFC 6724 order, /etc/gai.conf), so the first attempt is
 * refused and the second connects.
 *
 * The host given to start() is either a name, resolved with getaddrinfo(3)
 * on a worker thread (it blocks: /etc/hosts, DNS), or a comma-separated list
 * of numeric addresses that stands for getaddrinfo()'s answer. The default,
 * defaultHost(), is "::1,127.0.0.1": deterministic, and what a machine with
 * "::1 localhost" in /etc/hosts answers (this one has no such line).
 */
class GetaddrinfoOrderDemo : public ScriptedDemo
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GetaddrinfoOrderDemo)

public:
    GetaddrinfoOrderDemo(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent = nullptr);

    /** The host the command line uses when --host is not given: "::1,127.0.0.1". */
    static QString defaultHost();
    /**
     * @p host as a list of numeric addresses ("::1,127.0.0.1" → {"::1", "127.0.0.1"});
     * empty when any item is not a numeric IPv4 or IPv6 address (then it is a name).
     */
    static QStringList addressList(const QString &host);

    /** Whether getaddrinfo() was called (the host was a name, not a list). */
    bool resolved() const { return m_resolved; }
    /** The addresses tried in order: getaddrinfo()'s answer or the list given. */
    QList<SockAddr> candidates() const { return m_candidates; }
    /** Each attempt's connect() result (or the socket() that failed), in order. */
    QList<CallResult> attempts() const { return m_attempts; }

protected:
    void run() override;

private:
    void resolve();
    void tryNext();
    void connected();
    /** "[(AF_INET6, ('::1', 8888)), (AF_INET, ('127.0.0.1', 8888))]". */
    QString candidatesRepr() const;

    QString m_query;
    bool m_resolved = false;
    QList<SockAddr> m_candidates;
    QList<CallResult> m_attempts;
    quint64 m_generation = 0; ///< start() count: a lookup of an earlier run is ignored
};
