#include "models/authority_model.h"

#include "document/region_document.h"
#include "domain/roster_store.h"
#include "models/model_roles.h"
#include "roster/rename_authority.h"
#include "roster/set_post_holder.h"

#include <QUndoStack>
#include <algorithm>

namespace balcony::gui {

namespace {
Role roleOf(int column) {
    switch (column) {
    case AuthorityModel::ChiefExecutiveColumn:
        return Role::ChiefExecutive;
    case AuthorityModel::LeadMemberColumn:
        return Role::LeadMember;
    default:
        return Role::Dcs;
    }
}
} // namespace

AuthorityModel::AuthorityModel(RegionDocument& document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document) {
    connect(&m_document, &RegionDocument::rosterChanged, this, &AuthorityModel::reload);
    reload();
}

void AuthorityModel::reload() {
    RosterStore store(m_document.database());
    std::vector<Row> rows;
    if (auto authorities = store.authorities()) {
        for (const auto& authority : *authorities) {
            rows.push_back(Row{authority, {}, {}, {}});
        }
    }
    if (auto people = store.people()) {
        for (const auto& person : *people) {
            auto row = std::find_if(rows.begin(), rows.end(),
                                    [&](const Row& r) { return r.authority.id == person.authorityId; });
            if (row == rows.end()) {
                continue;
            }
            if (person.role == Role::Dcs) {
                row->dcs = person;
            } else if (person.role == Role::ChiefExecutive) {
                row->chiefExecutive = person;
            } else if (person.role == Role::LeadMember) {
                row->leadMember = person;
            }
        }
    }
    const bool sameRows =
        rows.size() == m_rows.size() &&
        std::equal(rows.begin(), rows.end(), m_rows.begin(),
                   [](const Row& a, const Row& b) { return a.authority.id == b.authority.id; });
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

int AuthorityModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AuthorityModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuthorityModel::data(const QModelIndex& index, int role) const {
    const Row* row = rowAt(index);
    if (row == nullptr) {
        return {};
    }
    if (role == IdRole) {
        return row->authority.id;
    }
    if (role == FilterRole) {
        return QStringList{row->authority.name, row->dcs.name, row->dcs.email, row->chiefExecutive.name,
                           row->leadMember.name}
            .join(QLatin1Char(' '));
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != SortRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return row->authority.name;
    case DcsColumn:
        return row->dcs.name;
    case DcsEmailColumn:
        return row->dcs.email;
    case ChiefExecutiveColumn:
        return row->chiefExecutive.name;
    case LeadMemberColumn:
        return row->leadMember.name;
    default:
        return {};
    }
}

QVariant AuthorityModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Local authority");
    case DcsColumn:
        return tr("DCS");
    case DcsEmailColumn:
        return tr("DCS email");
    case ChiefExecutiveColumn:
        return tr("Chief executive");
    case LeadMemberColumn:
        return tr("Lead member");
    default:
        return {};
    }
}

Qt::ItemFlags AuthorityModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (!m_document.isReadOnly()) {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

bool AuthorityModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    const Row* row = rowAt(index);
    if (row == nullptr || role != Qt::EditRole || m_document.isReadOnly()) {
        return false;
    }
    const QString text = value.toString().trimmed();
    if (text == data(index, Qt::EditRole).toString()) {
        return false;
    }
    auto* stack = m_document.undoStack();
    switch (index.column()) {
    case NameColumn:
        stack->push(new RenameAuthority(m_document, row->authority.id, row->authority.name, text));
        return true;
    case DcsEmailColumn:
        stack->push(
            new SetPostHolder(m_document, row->authority.id, Role::Dcs, row->dcs, row->dcs.name, text));
        return true;
    case DcsColumn:
    case ChiefExecutiveColumn:
    case LeadMemberColumn: {
        const Person& holder = index.column() == DcsColumn              ? row->dcs
                               : index.column() == ChiefExecutiveColumn ? row->chiefExecutive
                                                                        : row->leadMember;
        stack->push(new SetPostHolder(m_document, row->authority.id, roleOf(index.column()), holder, text,
                                      holder.email));
        return true;
    }
    default:
        return false;
    }
}

QModelIndex AuthorityModel::indexOf(qint64 authorityId, Column column) const {
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].authority.id == authorityId) {
            return index(static_cast<int>(i), column);
        }
    }
    return {};
}

const AuthorityModel::Row* AuthorityModel::rowAt(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()) {
        return nullptr;
    }
    return &m_rows[static_cast<std::size_t>(index.row())];
}

} // namespace balcony::gui
