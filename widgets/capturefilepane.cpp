#include "capturefilepane.h"

#include "connectionlistmodel.h"
#include "segmentinspector.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <climits>

CaptureFilePane::CaptureFilePane(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_summary(new QLabel)
    , m_banner(new QFrame)
    , m_bannerLabel(new QLabel)
    , m_filter(new QLineEdit)
    , m_matches(new QLabel)
    , m_details(new QLabel)
    , m_view(new QTableView)
    , m_model(new ConnectionListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_inspector(new SegmentInspector)
{
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.3);
    m_title->setFont(f);
    m_title->setObjectName(QStringLiteral("captureFileTitle"));
    m_summary->setObjectName(QStringLiteral("captureFileSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse); // the path can be copied

    // The reason reading stopped, as CaptureBanner says why capture is off: in plain sight.
    m_banner->setObjectName(QStringLiteral("captureFileError"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    m_bannerLabel->setWordWrap(true);
    m_bannerLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *bannerLayout = new QVBoxLayout(m_banner);
    bannerLayout->setContentsMargins(8, 4, 8, 4);
    bannerLayout->addWidget(m_bannerLabel);
    m_banner->hide();

    m_filter->setObjectName(QStringLiteral("connectionFilter"));
    m_filter->setClearButtonEnabled(true);
    m_matches->setObjectName(QStringLiteral("connectionMatches"));
    m_matches->hide();
    // What the columns say about the connection picked, whatever columns are scrolled away.
    m_details->setObjectName(QStringLiteral("connectionDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(ConnectionListModel::FilterRole);
    m_proxy->setSortRole(ConnectionListModel::SortRole);
    m_view->setObjectName(QStringLiteral("connections"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // One line per connection, as compact as a packet list: a file may hold thousands.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ConnectionListModel::StreamColumn, Qt::AscendingOrder);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            showDetails();
            if (current.isValid())
                emit streamChosen(current.data(ConnectionListModel::StreamRole).toInt());
        });
    connect(m_filter, &QLineEdit::textChanged, this, &CaptureFilePane::applyFilter);

    auto *listBox = new QWidget;
    auto *listLayout = new QVBoxLayout(listBox);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_filter);
    listLayout->addWidget(m_view, 1);
    listLayout->addWidget(m_matches);
    listLayout->addWidget(m_details);
    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(listBox);
    split->addWidget(m_inspector);
    split->setSizes({ 270, 410 });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_banner);
    layout->addWidget(split, 1);
    retranslateUi();
}

void CaptureFilePane::setFile(const QString &path, const QVector<ReplayConnection> &connections,
    const ReplayError &error, qint64 packets)
{
    m_path = path;
    m_error = error;
    m_packets = packets;
    m_filter->clear();
    m_model->setConnections(connections);
    m_view->sortByColumn(ConnectionListModel::StreamColumn, Qt::AscendingOrder);
    m_view->resizeColumnsToContents();
    m_view->scrollToTop();
    retranslateUi();
}

void CaptureFilePane::setTimeline(Timeline *timeline)
{
    m_inspector->setTimeline(timeline);
}

void CaptureFilePane::setCurrentRow(int row)
{
    m_inspector->setCurrentRow(row);
}

bool CaptureFilePane::selectStream(int stream)
{
    const int sourceRow = m_model->rowOfStream(stream);
    if (sourceRow < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) { // hidden by the filter
        m_filter->clear();
        index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    }
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

int CaptureFilePane::currentStream() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.data(ConnectionListModel::StreamRole).toInt() : -1;
}

QList<int> CaptureFilePane::visibleStreams() const
{
    QList<int> streams;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        streams << m_proxy->index(row, 0).data(ConnectionListModel::StreamRole).toInt();
    return streams;
}

QString CaptureFilePane::detailsText() const
{
    return m_details->text();
}

QString CaptureFilePane::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_bannerLabel->text();
}

void CaptureFilePane::applyFilter()
{
    // Every word must match (in any column): "80 TIME-WAIT", "rst 10.0.0.1".
    const QStringList words = m_filter->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString pattern;
    for (const QString &w : words)
        pattern += QStringLiteral("(?=.*") + QRegularExpression::escape(w) + QLatin1Char(')');
    m_proxy->setFilterRegularExpression(
        QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption));
    m_matches->setVisible(!words.isEmpty());
    //: %1 connections the filter leaves visible, %n all connections of the file
    m_matches->setText(tr("%1 of %n connection(s) match the filter", nullptr, m_model->rowCount())
                           .arg(m_proxy->rowCount()));
}

void CaptureFilePane::showBanner()
{
    if (m_error.kind == ReplayError::None || m_error.kind == ReplayError::Cancelled) {
        m_banner->hide();
        m_bannerLabel->clear();
        return;
    }
    const bool some = m_model->rowCount() > 0;
    QString head;
    if (m_error.kind == ReplayError::NoTcp)
        head = tr("No TCP connection in this capture file.");
    else if (some)
        head = tr("The capture file could not be read to its end: the connections read before "
                  "the problem are listed.");
    else
        head = tr("The capture file could not be read.");
    // message() is made in the UI language now, so a language switch re-words it.
    QString text = QStringLiteral("<b>") + head.toHtmlEscaped() + QStringLiteral("</b><br>")
        + m_error.message().toHtmlEscaped();
    m_bannerLabel->setText(text);
    // A warning when something was read, an error when nothing was.
    QPalette p = m_banner->palette();
    p.setColor(QPalette::Window, some ? QColor(0xff, 0xf4, 0xce) : QColor(0xfd, 0xe3, 0xe3));
    p.setColor(QPalette::WindowText, some ? QColor(0x4a, 0x3b, 0x00) : QColor(0x7a, 0x14, 0x14));
    m_banner->setPalette(p);
    m_banner->show();
}

void CaptureFilePane::showDetails()
{
    const int row = m_model->rowOfStream(currentStream());
    if (row < 0) {
        m_details->clear();
        return;
    }
    const ReplayConnection &c = m_model->connection(row);
    auto state = [](TcpState s) {
        return s == TcpState::Unknown
            ? tr("unknown")
            : QStringLiteral("%1 (%2)").arg(tcpStateName(s), tcpStateGloss(s));
    };
    const QStringList lines {
        //: %1 stream number, %2 client address, %3 server address
        tr("Stream %1: %2 → %3").arg(QString::number(c.stream), c.client, c.server),
        //: %1 complete / partial / not captured, %2 FIN / RST / none, %3 "14 segments"
        tr("Handshake: %1 · close: %2 · %3")
            .arg(ConnectionListModel::handshakeText(c.handshake),
                ConnectionListModel::closeText(c.close),
                tr("%n segment(s)", nullptr, int(qMin<qint64>(c.segments, INT_MAX)))),
        //: %1 a TCP state name with its explanation, e.g. "TIME-WAIT (…)"
        tr("Client at the end: %1").arg(state(c.clientState)),
        tr("Server at the end: %1").arg(state(c.serverState)),
    };
    m_details->setText(lines.join(QLatin1Char('\n')));
}

void CaptureFilePane::retranslateUi()
{
    const QString name = QFileInfo(m_path).fileName();
    //: %1 the capture file's name (抓包文件)
    m_title->setText(name.isEmpty() ? tr("Capture file") : tr("Capture file: %1").arg(name));
    m_title->setToolTip(QDir::toNativeSeparators(m_path));
    if (m_path.isEmpty()) {
        m_summary->clear();
    } else {
        m_summary->setText(tr("%n connection(s)", nullptr, m_model->rowCount())
            + QStringLiteral(" · ")
            + tr("%n packet(s) read", nullptr, int(qMin<qint64>(m_packets, INT_MAX))));
    }
    //: placeholder of the filter above the connection list
    m_filter->setPlaceholderText(tr("Filter: address, port or state, e.g. :80 TIME-WAIT"));
    m_model->retranslate();
    applyFilter();
    showBanner();
    showDetails();
}

void CaptureFilePane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}
