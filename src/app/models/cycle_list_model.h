#pragma once

#include "domain/types.h"

#include <QAbstractListModel>
#include <vector>

namespace balcony::gui {

class RegionDocument;

// The region's cycles by first day, for cycle pickers. Refreshes on cyclesChanged.
class CycleListModel final : public QAbstractListModel {
    Q_OBJECT

public:
    // The document must outlive the model.
    explicit CycleListModel(RegionDocument& document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    QModelIndex indexOf(qint64 cycleId) const;            // invalid when absent
    const Cycle* cycleAt(const QModelIndex& index) const; // nullptr when invalid
    const std::vector<Cycle>& cycles() const { return m_cycles; }

    void reload();

private:
    RegionDocument& m_document;
    std::vector<Cycle> m_cycles;
};

} // namespace balcony::gui
