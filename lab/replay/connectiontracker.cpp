#include "connectiontracker.h"

#include <cstring>

bool ConnectionTracker::FlowKey::operator==(const FlowKey &o) const
{
    return std::memcmp(this, &o, sizeof(FlowKey)) == 0;
}

size_t qHash(const ConnectionTracker::FlowKey &k, size_t seed) noexcept
{
    return qHashBits(&k, sizeof k, seed);
}

ConnectionTracker::ConnectionTracker() = default;
ConnectionTracker::~ConnectionTracker() = default;

int ConnectionTracker::add(const PacketHeaders &, qint64, qint64)
{
    return -1; // first commit: the API only
}

ReplayConnection ConnectionTracker::connection(int) const
{
    return {};
}

QVector<ReplayConnection> ConnectionTracker::connections() const
{
    return {};
}

LabEvent ConnectionTracker::connectionEvent(int) const
{
    return {};
}

QVector<LabEvent> ConnectionTracker::events(int) const
{
    return {};
}

void ConnectionTracker::reserve(qint64 segments)
{
    m_segments.reserve(size_t(segments));
}

void ConnectionTracker::clear()
{
    m_segments.clear();
    m_extras.clear();
    m_conns.clear();
    m_byKey.clear();
}

int ConnectionTracker::clientOf(const Conn &) const
{
    return 0;
}

QString ConnectionTracker::endpointText(const FlowKey &, int) const
{
    return {};
}
