#include "models/cycle_list_model.h"

#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "models/model_roles.h"

#include <QLocale>

namespace balcony::gui {

CycleListModel::CycleListModel(RegionDocument& document, QObject* parent)
    : QAbstractListModel(parent)
    , m_document(document) {
    connect(&m_document, &RegionDocument::cyclesChanged, this, &CycleListModel::reload);
    reload();
}

void CycleListModel::reload() {
    beginResetModel();
    m_cycles.clear();
    if (auto cycles = ScheduleStore(m_document.database()).cycles()) {
        m_cycles = std::move(cycles).value();
    }
    endResetModel();
}

int CycleListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_cycles.size());
}

QVariant CycleListModel::data(const QModelIndex& index, int role) const {
    const Cycle* cycle = cycleAt(index);
    if (cycle == nullptr) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return cycle->name;
    case Qt::ToolTipRole: {
        const QLocale locale;
        return tr("%1 to %2")
            .arg(locale.toString(cycle->firstDay, QLocale::ShortFormat),
                 locale.toString(cycle->lastDay, QLocale::ShortFormat));
    }
    case IdRole:
        return cycle->id;
    case SortRole:
        return cycle->firstDay;
    default:
        return {};
    }
}

QModelIndex CycleListModel::indexOf(qint64 cycleId) const {
    for (std::size_t i = 0; i < m_cycles.size(); ++i) {
        if (m_cycles[i].id == cycleId) {
            return index(static_cast<int>(i));
        }
    }
    return {};
}

const Cycle* CycleListModel::cycleAt(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()) {
        return nullptr;
    }
    return &m_cycles[static_cast<std::size_t>(index.row())];
}

} // namespace balcony::gui
