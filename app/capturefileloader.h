#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;
class ReplayFile;

/**
 * Reads a capture file with ReplayFile::read() on a worker thread, so the
 * window never blocks on a large file: progress() while it reads, cancel()
 * to stop it, finished() when it ended (read to its end, stopped by an
 * error, or cancelled), then takeFile().
 *
 * One read at a time: open() while another runs cancels that one and starts
 * the new one when it has stopped; only the newest reports finished(). The
 * destructor cancels a running read and waits for its thread (the reader
 * looks at the cancel flag every few thousand packets).
 */
class CaptureFileLoader : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureFileLoader)

public:
    explicit CaptureFileLoader(QObject *parent = nullptr);
    ~CaptureFileLoader() override;

    /** Starts reading @p path (after cancelling a read that runs). */
    void open(const QString &path);
    /** Stops the read that runs; it then reports finished() with error kind Cancelled. */
    void cancel();
    /** True from open() until finished(). */
    bool isBusy() const;
    /** The file being read, or read last. */
    QString path() const { return m_path; }
    /** The file read last, once finished() came; null before, or when already taken. */
    std::unique_ptr<ReplayFile> takeFile();

signals:
    /**
     * @p done of @p total bytes read (total 0: unknown). Emitted from the
     * reading thread, at most once per thousandth of the file, so a
     * connection to a GUI object is queued (the default AutoConnection).
     */
    void progress(qint64 done, qint64 total);
    /** The read of path() ended; takeFile() has it. */
    void finished();

private:
    void startPending();
    void onThreadFinished();
    /** Runs on the reading thread: reports progress, says whether to go on. */
    bool onProgress(qint64 done, qint64 total);

    QThread *m_thread = nullptr;
    std::unique_ptr<ReplayFile> m_reading; // owned here, written only by the thread while it runs
    std::unique_ptr<ReplayFile> m_file;
    QString m_path;
    QString m_pending; // open() while a read runs: read next
    bool m_hasPending = false;
    std::atomic<bool> m_cancel { false };
    int m_lastPermille = -1; // the reading thread's own
};
