#pragma once

#include "domain/types.h"

#include <QAbstractTableModel>

namespace balcony::gui {

class RegionDocument;

// The groups of one cycle: date, mode, venue, facilitator, members in presenting order and who
// reviews whom. Read-only; refreshes on the document's schedule, cycle and roster signals.
class GroupModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        LabelColumn,
        DateColumn,
        ModeColumn,
        VenueColumn,
        FacilitatorColumn,
        MembersColumn,
        LeadReviewersColumn,
        ColumnCount
    };

    // The document must outlive the model.
    explicit GroupModel(RegionDocument& document, QObject* parent = nullptr);

    void setCycle(qint64 cycleId); // 0 shows nothing
    qint64 cycleId() const { return m_cycleId; }
    const CycleSchedule& schedule() const { return m_schedule; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QModelIndex indexOf(qint64 groupId, Column column = LabelColumn) const; // invalid when absent
    const Group* groupAt(const QModelIndex& index) const;                   // nullptr when invalid

    void reload();

private:
    QString members(const Group& group) const;
    QString leadReviewers(const Group& group) const;

    RegionDocument& m_document;
    qint64 m_cycleId = 0;
    CycleSchedule m_schedule;
};

} // namespace balcony::gui
