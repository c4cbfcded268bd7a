#pragma once

#include "sockaddr.h"
#include "timeline/labevent.h"

#include <QByteArray>
#include <QStringList>
#include <QVariant>

class NativeSocket;

/**
 * The outcome of one socket call, as facts: the call and its arguments as
 * Python prints them, then either `pending` (a blocking call that will
 * finish later through NativeSocket::finished), an error (domain + errno),
 * or a value.
 */
struct CallResult
{
    QString call; ///< "accept", "recv", …
    QStringList args; ///< e.g. {"1024"} or {"('127.0.0.1', 8888)"}
    QByteArray payload; ///< bytes handed to send/sendall/sendto
    bool pending = false; ///< blocking call not finished yet
    ErrorDomain errorDomain = ErrorDomain::None;
    int errnum = 0; ///< errno or EAI_* code
    QVariant value; ///< int (byte count, fd, connect_ex's errno), string, or invalid for None
    QByteArray data; ///< bytes returned by recv/recvfrom
    /**
     * recvfrom() on a datagram socket: the datagram's whole length in bytes
     * (MSG_TRUNC, udp(7)); more than data.size() when bufsize truncated it. -1 otherwise.
     */
    qint64 datagramSize = -1;
    SockAddr addr; ///< accept's peer, recvfrom's source, getsockname/getpeername
    NativeSocket *accepted
        = nullptr; ///< accept's new socket (owned by the listener until re-parented)

    bool ok() const { return !pending && errorDomain == ErrorDomain::None; }
    bool failed() const { return errorDomain != ErrorDomain::None; }
    /** "connect(('127.0.0.1', 8888))". */
    QString signature() const;
    /** The failure in the UI language (ErrorText::callFailure); empty when ok. */
    QString errorMessage() const;
};
