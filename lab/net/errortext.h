#pragma once

#include "timeline/labevent.h"

#include <QCoreApplication>

/**
 * Explains a failed socket call in the UI language: what the error means
 * and, for the common ones, what to do about it. Source of the meanings:
 * errno(3), socket(7), tcp(7), getaddrinfo(3).
 */
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)

public:
    /** Short meaning, e.g. "Connection refused: nothing is listening on that port". */
    static QString message(ErrorDomain domain, int errnum);
    /** "connect(('127.0.0.1', 9)) failed: <message> [ECONNREFUSED 111]". */
    static QString callFailure(const QString &signature, ErrorDomain domain, int errnum);
    /** What a file access is for: the reason for ENOENT differs (open(2), fopen(3)). */
    enum class FileAccess { Read, Write };
    /**
     * Why a file could not be read or written, for errno @p errnum, in the UI
     * language ("permission denied", "it is a folder" …); strerror(3) for
     * the rare ones.
     */
    static QString fileReason(int errnum, FileAccess access);
};
