#pragma once

#include <QTableView>

class Timeline;

/**
 * The timeline as a table: time, endpoint, source, event. Inferred rows are
 * set in italics so a guess never looks like an observation; failed calls
 * in red. Follows the end while live unless the user scrolls up.
 */
class TimelineTable : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineTable)

public:
    explicit TimelineTable(QWidget *parent = nullptr);
    void setTimeline(Timeline *timeline);
    /** Sizes the time, endpoint and source columns for the longest label of the UI language. */
    void fitColumns();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onRowsInserted();
};
