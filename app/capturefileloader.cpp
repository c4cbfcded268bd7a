#include "capturefileloader.h"

#include "replay/replayfile.h"

#include <QThread>

CaptureFileLoader::CaptureFileLoader(QObject *parent)
    : QObject(parent)
{
}

CaptureFileLoader::~CaptureFileLoader()
{
    if (!m_thread)
        return;
    // The thread uses this object's reader and flag: stop it before they go.
    m_cancel = true;
    m_thread->wait();
    delete m_thread;
}

void CaptureFileLoader::open(const QString &path)
{
    m_pending = path;
    m_hasPending = true;
    if (m_thread) {
        m_cancel = true; // startPending() follows when it has stopped
        return;
    }
    startPending();
}

void CaptureFileLoader::cancel()
{
    m_hasPending = false;
    m_cancel = true;
}

bool CaptureFileLoader::isBusy() const
{
    return m_thread != nullptr;
}

std::unique_ptr<ReplayFile> CaptureFileLoader::takeFile()
{
    return std::move(m_file);
}

void CaptureFileLoader::startPending()
{
    m_path = m_pending;
    m_hasPending = false;
    m_cancel = false;
    m_lastPermille = -1;
    m_file.reset();
    m_reading = std::make_unique<ReplayFile>();
    ReplayFile *file = m_reading.get();
    const QString path = m_path;
    m_thread = QThread::create([this, file, path] {
        file->read(path, [this](qint64 done, qint64 total) { return onProgress(done, total); });
    });
    m_thread->setObjectName(QStringLiteral("capture file reader"));
    // Queued: finished comes from the reading thread, the slot runs here.
    connect(m_thread, &QThread::finished, this, &CaptureFileLoader::onThreadFinished,
        Qt::QueuedConnection);
    m_thread->start(QThread::LowPriority); // the window's thread comes first
}

bool CaptureFileLoader::onProgress(qint64 done, qint64 total)
{
    const int permille = total > 0 ? int(qBound(qint64(0), done * 1000 / total, qint64(1000))) : 0;
    if (permille != m_lastPermille) {
        m_lastPermille = permille;
        emit progress(done, total);
    }
    return !m_cancel.load();
}

void CaptureFileLoader::onThreadFinished()
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    if (m_hasPending) { // superseded by a newer open(): that one reports
        m_reading.reset();
        startPending();
        return;
    }
    m_file = std::move(m_reading);
    emit finished();
}
