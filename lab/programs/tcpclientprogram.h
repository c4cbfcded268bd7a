#pragma once

#include "net/sockaddr.h"
#include "socketprogram.h"

#include <functional>

/**
 * The part every TCP client program of the lab shares (the seed's echo
 * client, the HTTP GET client): socket() on a fresh socket object each run,
 * connect() with SYN-SENT marked inferred and the handshake shown in the
 * order it happens, close() sending FIN or RST, and the endpoint's state
 * read from the kernel. Subclasses number their steps so that socket() is
 * step 0 and connect() step 1, and add what comes between.
 */
class TcpClientProgram : public SocketProgram
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpClientProgram)

public:
    /** The connection's TCP state; CLOSED before the first socket(). */
    TcpState endpointState() const override;
    /** True in CLOSED or TIME-WAIT: the kernel has nothing more to tell. */
    bool isSettled() const override;

protected:
    TcpClientProgram(Timeline *timeline, SegmentInferrer *inferrer, QObject *parent);

    /** Closes the socket and starts over with a new one; the subclass then clears its own data. */
    void resetClient();
    /**
     * Step 0, socket(): AF_INET6 when @p host is an IPv6 address. @p afterSocket
     * runs on success (e.g. settimeout()); the next step is 1, connect().
     */
    void runSocketStep(const QString &host, const std::function<void()> &afterSocket = {});
    /** Step 1, connect((host, port)); on success the next step is @p next, on failure socket()
     * again. */
    void runConnectStep(const QString &host, quint16 port, int next);
    /** sendall(@p data): the data segment and the peer's ACK inferred; next step @p next. */
    void runSendAllStep(const QByteArray &data, int next);
    /** The last step, close(): FIN, or RST when data was left unread; the program ends. */
    void runCloseStep();

    /** The timeline's name of the client's socket. */
    static const QString kSocketName;

    NativeSocket *m_socket = nullptr;
    StateWatch *m_watch = nullptr;
    SockAddr m_local;
    SockAddr m_remote;
    qint64 m_bytesRead = 0;

private:
    void renewSocket();
    void onConnected(const CallResult &r, qint64 t0, int next);

    bool m_fresh = true; // m_socket has never been opened
};
