#pragma once

#include "replay/replayfile.h"

#include <QWidget>

class ConnectionListModel;
class QFrame;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class SegmentInspector;
class Timeline;

/**
 * The left side of the window while a capture file is shown: the file's
 * name and what was read, a banner when it could not be read to its end
 * (ReplayError::message(), in the UI language; the connections read before
 * the problem stay listed), a filter field, the connection list (one row
 * per stream, ConnectionListModel behind a QSortFilterProxyModel), the
 * facts of the connection picked in words, and the segment inspector of the
 * step shown.
 *
 * It holds values, not the file: the window reads the file, gives the pane
 * its connections and error, and loads the events of the connection picked
 * (streamChosen) into the views. Every text is made in the UI language and
 * re-made on QEvent::LanguageChange.
 */
class CaptureFilePane : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureFilePane)

public:
    explicit CaptureFilePane(QWidget *parent = nullptr);

    /**
     * Shows file @p path: its @p connections, the @p error that stopped the
     * reading (kind None: read to its end) and the number of @p packets read.
     * Clears the filter; no connection is selected.
     */
    void setFile(const QString &path, const QVector<ReplayConnection> &connections,
        const ReplayError &error, qint64 packets);
    QString path() const { return m_path; }
    /** Where the inspector reads the step shown; not owned. */
    void setTimeline(Timeline *timeline);
    void setCurrentRow(int row);

    /** Selects stream @p stream (clearing a filter that hides it); false when there is none. */
    bool selectStream(int stream);
    /** The stream selected in the list, -1 when none. */
    int currentStream() const;
    /** The streams the filter leaves visible, in list order. */
    QList<int> visibleStreams() const;

    /** The lines under the list describing the connection picked (empty when none). */
    QString detailsText() const;
    /** The banner's text as shown (empty when hidden). */
    QString bannerText() const;
    QFrame *banner() const { return m_banner; }
    QLineEdit *filterEdit() const { return m_filter; }
    QTableView *connectionView() const { return m_view; }
    ConnectionListModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    SegmentInspector *inspector() const { return m_inspector; }

signals:
    /** The user (or selectStream()) picked stream @p stream in the list. */
    void streamChosen(int stream);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyFilter();
    void showBanner();
    void showDetails();

    QString m_path;
    ReplayError m_error;
    qint64 m_packets = 0;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerLabel = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_matches = nullptr;
    QLabel *m_details = nullptr;
    QTableView *m_view = nullptr;
    ConnectionListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    SegmentInspector *m_inspector = nullptr;
};
