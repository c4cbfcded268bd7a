#include "replayfile.h"

#include "replay/connectiontracker.h"

struct ReplayFile::Private
{
    QString path;
    ReplayError error;
    ConnectionTracker tracker;
    QVector<ReplayConnection> connections;
    qint64 packets = 0;
};

ReplayFile::ReplayFile()
    : d(std::make_unique<Private>())
{
}

ReplayFile::~ReplayFile() = default;
ReplayFile::ReplayFile(ReplayFile &&) noexcept = default;
ReplayFile &ReplayFile::operator=(ReplayFile &&) noexcept = default;

bool ReplayFile::read(const QString &path, const std::function<bool(qint64, qint64)> &)
{
    d->path = path;
    d->error = {};
    d->error.kind = ReplayError::Unsupported; // first commit: the API only
    return false;
}

const ReplayError &ReplayFile::error() const
{
    return d->error;
}

const QVector<ReplayConnection> &ReplayFile::connections() const
{
    return d->connections;
}

QVector<LabEvent> ReplayFile::events(int stream) const
{
    return d->tracker.events(stream);
}

QVector<LabEvent> ReplayFile::connectionEvents() const
{
    QVector<LabEvent> out;
    for (int i = 0; i < d->tracker.streamCount(); ++i)
        out << d->tracker.connectionEvent(i);
    return out;
}

qint64 ReplayFile::packetCount() const
{
    return d->packets;
}

QString ReplayFile::path() const
{
    return d->path;
}

QString ReplayError::message() const
{
    return {};
}
