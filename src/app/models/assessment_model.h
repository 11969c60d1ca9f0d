#pragma once

#include "domain/types.h"

#include <QAbstractTableModel>
#include <QDate>
#include <vector>

namespace balcony::gui {

class RegionDocument;

// The self-assessment tracker of one cycle: one row per authority in the cycle's groups, with its
// status (editable: an undo command), dates, due date, attached document and moderation. A row is
// overdue when its document is not yet distributed and today is past the due date; "today" is
// settable so that tests do not depend on the calendar. Refreshes on assessmentsChanged and the
// schedule and roster signals.
class AssessmentModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        AuthorityColumn,
        GroupColumn,
        StatusColumn,
        DueColumn,
        DraftColumn,
        SignedOffDcsColumn,
        SignedOffCxColumn,
        DistributedColumn,
        DocumentColumn,
        ModerationColumn,
        ModerationWindowColumn,
        ColumnCount
    };

    struct Row {
        SelfAssessment assessment;
        QString authorityName;
        QString groupLabel;
        QDate groupDay;
        QDate due;
        QDate moderationOpens;
        QDate moderationCloses;
        bool documentChanged = false; // attached file missing or its SHA-256 differs
    };

    // The document must outlive the model.
    explicit AssessmentModel(RegionDocument& document, QObject* parent = nullptr);

    void setCycle(qint64 cycleId); // 0 shows nothing
    qint64 cycleId() const { return m_cycleId; }
    void setToday(const QDate& today);
    // The date the model counts overdue from: the one set, else today on the document's clock.
    QDate today() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // StatusColumn takes a SaStatus key ("draft_received") or its display name.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    QModelIndex indexOf(qint64 authorityId, Column column = AuthorityColumn) const; // invalid when absent
    const Row* rowAt(const QModelIndex& index) const;                               // nullptr when invalid
    bool isOverdue(const Row& row) const;

    void reload();

private:
    RegionDocument& m_document;
    qint64 m_cycleId = 0;
    QDate m_today; // invalid: the document's today
    std::vector<Row> m_rows;
};

} // namespace balcony::gui
