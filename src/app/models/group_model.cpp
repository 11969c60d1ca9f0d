#include "models/group_model.h"

#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "models/model_roles.h"

#include <QLocale>

namespace balcony::gui {

GroupModel::GroupModel(RegionDocument& document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document) {
    connect(&m_document, &RegionDocument::scheduleChanged, this, [this](qint64 cycleId) {
        if (cycleId == m_cycleId || cycleId == 0) {
            reload();
        }
    });
    connect(&m_document, &RegionDocument::changedElsewhere, this, [this](ChangeFeed::Area area) {
        if (area == ChangeFeed::Area::Schedule) {
            reload();
        }
    });
    connect(&m_document, &RegionDocument::rosterChanged, this, &GroupModel::reload);
    connect(&m_document, &RegionDocument::cyclesChanged, this, &GroupModel::reload);
}

void GroupModel::setCycle(qint64 cycleId) {
    m_cycleId = cycleId;
    reload();
}

void GroupModel::reload() {
    beginResetModel();
    m_schedule = CycleSchedule{};
    if (m_cycleId != 0) {
        if (auto loaded = ScheduleStore(m_document.database()).load(m_cycleId)) {
            m_schedule = std::move(loaded).value();
        } else {
            m_cycleId = 0;
        }
    }
    endResetModel();
}

int GroupModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_schedule.groups.size());
}

int GroupModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString GroupModel::members(const Group& group) const {
    QStringList lines;
    for (const auto& member : group.members) {
        lines << m_schedule.authorityName(member.authorityId);
    }
    return lines.join(QLatin1Char('\n'));
}

QString GroupModel::leadReviewers(const Group& group) const {
    QStringList lines;
    for (const auto& member : group.members) {
        const QString reviewee = m_schedule.authorityName(member.authorityId);
        if (member.leadReviewerId == 0) {
            lines << tr("%1: no lead reviewer yet").arg(reviewee);
        } else {
            lines << tr("%1 reviews %2").arg(m_schedule.authorityName(member.leadReviewerId), reviewee);
        }
    }
    return lines.join(QLatin1Char('\n'));
}

QVariant GroupModel::data(const QModelIndex& index, int role) const {
    const Group* group = groupAt(index);
    if (group == nullptr) {
        return {};
    }
    if (role == IdRole) {
        return group->id;
    }
    if (role == Qt::TextAlignmentRole) {
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignTop);
    }
    if (role == SortRole && index.column() == DateColumn) {
        return group->date;
    }
    if (role == Qt::ToolTipRole && index.column() == DateColumn && !m_schedule.cycle.contains(group->date)) {
        return tr("This date is outside the cycle's window.");
    }
    if (role != Qt::DisplayRole && role != SortRole) {
        return {};
    }
    switch (index.column()) {
    case LabelColumn:
        return group->label;
    case DateColumn:
        return QLocale().toString(group->date, QStringLiteral("ddd d MMM yyyy"));
    case ModeColumn:
        return displayName(group->mode);
    case VenueColumn:
        return group->venue;
    case FacilitatorColumn:
        return group->facilitatorId == 0 ? tr("Not yet chosen") : m_schedule.personName(group->facilitatorId);
    case MembersColumn:
        return members(*group);
    case LeadReviewersColumn:
        return leadReviewers(*group);
    default:
        return {};
    }
}

QVariant GroupModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case LabelColumn:
        return tr("Group");
    case DateColumn:
        return tr("Date");
    case ModeColumn:
        return tr("Mode");
    case VenueColumn:
        return tr("Venue");
    case FacilitatorColumn:
        return tr("Facilitator");
    case MembersColumn:
        return tr("Presenting order");
    case LeadReviewersColumn:
        return tr("Lead reviewers");
    default:
        return {};
    }
}

QModelIndex GroupModel::indexOf(qint64 groupId, Column column) const {
    for (std::size_t i = 0; i < m_schedule.groups.size(); ++i) {
        if (m_schedule.groups[i].id == groupId) {
            return index(static_cast<int>(i), column);
        }
    }
    return {};
}

const Group* GroupModel::groupAt(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()) {
        return nullptr;
    }
    return &m_schedule.groups[static_cast<std::size_t>(index.row())];
}

} // namespace balcony::gui
