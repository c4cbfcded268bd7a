#pragma once

#include "callresult.h"
#include "timeline/labevent.h"

/*
 * One place that turns a CallResult into timeline events, so every producer
 * records calls the same way: a call that may block gives a `start` event
 * when issued and a `return` event when it completes (ARCHITECTURE.md,
 * "One idea holds it together"). SocketProgram and ScriptedDemo record the
 * same fields and can delegate here.
 */

/**
 * A call event of @p side's socket @p socket ("listener", "conn", "client"…)
 * without its phase-specific fields: call, arguments and the payload a
 * send carried, shown as text in @p encoding ("utf-8", "gbk").
 */
LabEvent callEvent(const CallResult &r, Side side, const QString &socket, CallPhase phase,
    const QString &encoding = QStringLiteral("utf-8"));

/** The `start` event of @p r, stamped @p tUs (microseconds on the Timeline's clock; -1: now). */
LabEvent callStartEvent(const CallResult &r, Side side, const QString &socket, qint64 tUs = -1,
    const QString &encoding = QStringLiteral("utf-8"));

/**
 * The `return` event of @p r: its value (None when invalid) or its error
 * domain and errno. accept() and recvfrom() return Python's tuples:
 * "(fd, ('127.0.0.1', 40000))" and "(b'…', ('127.0.0.1', 40000))".
 */
LabEvent callReturnEvent(const CallResult &r, Side side, const QString &socket,
    const QString &encoding = QStringLiteral("utf-8"));

/** A `data` event: what a recv()/recvfrom() returned to the program (empty: EOF). */
LabEvent receivedDataEvent(const QByteArray &bytes, Side side, const QString &socket,
    const QString &encoding = QStringLiteral("utf-8"));

/** A teaching caption of @p side: @p key in context "Note" with %1… @p args (ARCHITECTURE.md). */
LabEvent noteEvent(const char *key, const QStringList &args = {}, Side side = Side::Both);

/** @p bytes as Python's repr() prints them: b'IP:…', b'\xe4\xbd\xa0'. */
QString pythonBytesRepr(const QByteArray &bytes);
