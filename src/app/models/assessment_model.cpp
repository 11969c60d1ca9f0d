#include "models/assessment_model.h"

#include "assessments/set_assessment_status.h"
#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "domain/self_assessment_store.h"
#include "frame/palette_scheme.h"
#include "models/model_roles.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QUndoStack>

namespace balcony::gui {

namespace {
QString shortDate(const QDate& day) {
    return day.isValid() ? QLocale().toString(day, QStringLiteral("d MMM yyyy")) : QString();
}

// An overdue row is tinted red, a changed document's name amber: dark text on a pale tint under
// a light palette, light text on a deep tint under a dark one, 4.5:1 or more either way. The
// application's palette decides, read as the view paints, so a switch shows at the next repaint.
struct HighlightColours {
    QColor overdueBackground;
    QColor overdueText;
    QColor changedDocumentText; // on the table's own base
};

const HighlightColours& highlightColours() {
    static const HighlightColours light{QColor(0xf8, 0xd7, 0xda), QColor(0x84, 0x20, 0x29),
                                        QColor(0x9a, 0x5b, 0x00)};
    static const HighlightColours dark{QColor(0x4f, 0x1d, 0x24), QColor(0xfe, 0xcd, 0xd3),
                                       QColor(0xf5, 0xb7, 0x4a)};
    return isDarkPalette(QGuiApplication::palette()) ? dark : light;
}

std::optional<SaStatus> statusFrom(const QVariant& value) {
    const QString text = value.toString();
    if (auto fromKey = saStatusFromKey(text)) {
        return fromKey;
    }
    for (const auto& key : saStatusKeys()) {
        const auto status = saStatusFromKey(key);
        if (status && displayName(*status) == text) {
            return status;
        }
    }
    return std::nullopt;
}
} // namespace

AssessmentModel::AssessmentModel(RegionDocument& document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document) {
    const auto reloadFor = [this](qint64 cycleId) {
        if (cycleId == m_cycleId || cycleId == 0) {
            reload();
        }
    };
    connect(&m_document, &RegionDocument::assessmentsChanged, this, reloadFor);
    connect(&m_document, &RegionDocument::scheduleChanged, this, reloadFor);
    connect(&m_document, &RegionDocument::rosterChanged, this, &AssessmentModel::reload);
    connect(&m_document, &RegionDocument::cyclesChanged, this, &AssessmentModel::reload);
}

void AssessmentModel::setCycle(qint64 cycleId) {
    m_cycleId = cycleId;
    reload();
}

QDate AssessmentModel::today() const {
    return m_today.isValid() ? m_today : m_document.today();
}

void AssessmentModel::setToday(const QDate& today) {
    m_today = today;
    if (!m_rows.empty()) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

void AssessmentModel::reload() {
    std::vector<Row> rows;
    if (m_cycleId != 0) {
        auto schedule = ScheduleStore(m_document.database()).load(m_cycleId);
        auto assessments = SelfAssessmentStore(m_document.database()).forCycle(m_cycleId);
        if (schedule && assessments) {
            for (const auto& sa : *assessments) {
                Row row;
                row.assessment = sa;
                row.authorityName = schedule->authorityName(sa.authorityId);
                if (const Group* group = schedule->groupOf(sa.authorityId)) {
                    row.groupLabel = group->label;
                    row.groupDay = group->date;
                    row.due = selfAssessmentDue(schedule->cycle, group->date);
                    row.moderationOpens = moderationOpens(schedule->cycle, group->date);
                    row.moderationCloses = moderationCloses(schedule->cycle, group->date);
                }
                if (!sa.documentPath.isEmpty()) {
                    auto hash = SelfAssessmentStore::sha256Of(sa.documentPath);
                    row.documentChanged = !hash || *hash != sa.documentSha256;
                }
                rows.push_back(std::move(row));
            }
            std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
                return std::tie(a.groupDay, a.groupLabel, a.authorityName) <
                       std::tie(b.groupDay, b.groupLabel, b.authorityName);
            });
        }
    }
    const bool sameRows =
        rows.size() == m_rows.size() &&
        std::equal(rows.begin(), rows.end(), m_rows.begin(), [](const Row& a, const Row& b) {
            return a.assessment.authorityId == b.assessment.authorityId;
        });
    if (sameRows) {
        m_rows = std::move(rows);
        if (!m_rows.empty()) {
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        }
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

bool AssessmentModel::isOverdue(const Row& row) const {
    return row.due.isValid() && row.assessment.status != SaStatus::Distributed && today() > row.due;
}

int AssessmentModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AssessmentModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AssessmentModel::data(const QModelIndex& index, int role) const {
    const Row* row = rowAt(index);
    if (row == nullptr) {
        return {};
    }
    const SelfAssessment& sa = row->assessment;
    const bool overdue = isOverdue(*row);
    switch (role) {
    case IdRole:
        return sa.authorityId;
    case OverdueRole:
        return overdue;
    case DocumentChangedRole:
        return row->documentChanged;
    case KeyRole:
        if (index.column() == StatusColumn) {
            return toKey(sa.status);
        }
        if (index.column() == ModerationColumn) {
            return toKey(sa.moderation);
        }
        return {};
    case Qt::BackgroundRole:
        if (overdue) {
            return QBrush(highlightColours().overdueBackground);
        }
        return {};
    case Qt::ForegroundRole:
        if (overdue) {
            return QBrush(highlightColours().overdueText);
        }
        if (index.column() == DocumentColumn && row->documentChanged) {
            return QBrush(highlightColours().changedDocumentText);
        }
        return {};
    case Qt::FontRole:
        if (overdue && index.column() == DueColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DocumentColumn && !sa.documentPath.isEmpty()) {
            return row->documentChanged
                       ? tr("%1\nThis file has changed or gone since it was attached.").arg(sa.documentPath)
                       : sa.documentPath;
        }
        if (overdue) {
            return tr("Overdue: it was due to be distributed by %1.").arg(shortDate(row->due));
        }
        return {};
    case SortRole:
        switch (index.column()) {
        case StatusColumn:
            return static_cast<int>(sa.status);
        case DueColumn:
            return row->due;
        case DraftColumn:
            return sa.draftReceivedOn;
        case SignedOffDcsColumn:
            return sa.signedOffByDcsOn;
        case SignedOffCxColumn:
            return sa.signedOffByChiefExecutiveOn;
        case DistributedColumn:
            return sa.distributedOn;
        case ModerationWindowColumn:
            return row->moderationOpens;
        default:
            break;
        }
        [[fallthrough]];
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case AuthorityColumn:
            return row->authorityName;
        case GroupColumn:
            return row->groupLabel;
        case StatusColumn:
            return displayName(sa.status);
        case DueColumn:
            return shortDate(row->due);
        case DraftColumn:
            return shortDate(sa.draftReceivedOn);
        case SignedOffDcsColumn:
            return shortDate(sa.signedOffByDcsOn);
        case SignedOffCxColumn:
            return shortDate(sa.signedOffByChiefExecutiveOn);
        case DistributedColumn:
            return shortDate(sa.distributedOn);
        case DocumentColumn:
            if (sa.documentPath.isEmpty()) {
                return QString();
            }
            return row->documentChanged ? tr("%1 (changed)").arg(QFileInfo(sa.documentPath).fileName())
                                        : QFileInfo(sa.documentPath).fileName();
        case ModerationColumn:
            return displayName(sa.moderation);
        case ModerationWindowColumn:
            if (!row->moderationOpens.isValid()) {
                return QString();
            }
            return tr("%1 to %2").arg(shortDate(row->moderationOpens), shortDate(row->moderationCloses));
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant AssessmentModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case AuthorityColumn:
        return tr("Local authority");
    case GroupColumn:
        return tr("Group");
    case StatusColumn:
        return tr("Status");
    case DueColumn:
        return tr("Due");
    case DraftColumn:
        return tr("Draft received");
    case SignedOffDcsColumn:
        return tr("DCS sign-off");
    case SignedOffCxColumn:
        return tr("CX sign-off");
    case DistributedColumn:
        return tr("Distributed");
    case DocumentColumn:
        return tr("Document");
    case ModerationColumn:
        return tr("Moderation");
    case ModerationWindowColumn:
        return tr("Moderation window");
    default:
        return {};
    }
}

Qt::ItemFlags AssessmentModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (index.column() == StatusColumn && !m_document.isReadOnly()) {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

bool AssessmentModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    const Row* row = rowAt(index);
    if (row == nullptr || index.column() != StatusColumn || (role != Qt::EditRole && role != KeyRole) ||
        m_document.isReadOnly()) {
        return false;
    }
    const auto status = statusFrom(value);
    if (!status || *status == row->assessment.status) {
        return false;
    }
    m_document.undoStack()->push(new SetAssessmentStatus(m_document, row->assessment, *status, today()));
    return true;
}

QModelIndex AssessmentModel::indexOf(qint64 authorityId, Column column) const {
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].assessment.authorityId == authorityId) {
            return index(static_cast<int>(i), column);
        }
    }
    return {};
}

const AssessmentModel::Row* AssessmentModel::rowAt(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()) {
        return nullptr;
    }
    return &m_rows[static_cast<std::size_t>(index.row())];
}

} // namespace balcony::gui
