#include "models/person_model.h"

#include "document/region_document.h"
#include "domain/roster_store.h"
#include "models/model_roles.h"
#include "roster/set_person_authority.h"
#include "roster/update_person.h"

#include <QUndoStack>
#include <algorithm>

namespace balcony::gui {

PersonModel::PersonModel(RegionDocument& document, QObject* parent)
    : QAbstractTableModel(parent)
    , m_document(document) {
    connect(&m_document, &RegionDocument::rosterChanged, this, &PersonModel::reload);
    reload();
}

void PersonModel::reload() {
    RosterStore store(m_document.database());
    std::vector<Person> people;
    if (auto loaded = store.people()) {
        people = std::move(loaded).value();
    }
    m_authorityNames.clear();
    m_authorities.clear();
    if (auto authorities = store.authorities()) {
        m_authorities = std::move(authorities).value();
        for (const auto& authority : m_authorities) {
            m_authorityNames[authority.id] = authority.name;
        }
    }
    const bool sameRows = people.size() == m_people.size() &&
                          std::equal(people.begin(), people.end(), m_people.begin(),
                                     [](const Person& a, const Person& b) { return a.id == b.id; });
    if (sameRows) {
        m_people = std::move(people);
        if (!m_people.empty()) {
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        }
        return;
    }
    beginResetModel();
    m_people = std::move(people);
    endResetModel();
}

int PersonModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_people.size());
}

int PersonModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PersonModel::data(const QModelIndex& index, int role) const {
    const Person* person = personAt(index);
    if (person == nullptr) {
        return {};
    }
    const auto authority = m_authorityNames.find(person->authorityId);
    const QString authorityName = authority == m_authorityNames.end() ? QString() : authority->second;
    if (role == IdRole) {
        return person->id;
    }
    if (role == KeyRole && index.column() == RoleColumn) {
        return toKey(person->role);
    }
    if (role == KeyRole && index.column() == AuthorityColumn) {
        return QString::number(person->authorityId);
    }
    if (role == FilterRole) {
        return QStringList{person->name, displayName(person->role), authorityName, person->email}.join(
            QLatin1Char(' '));
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole && role != SortRole) {
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return person->name;
    case RoleColumn:
        return displayName(person->role);
    case AuthorityColumn:
        return authorityName;
    case EmailColumn:
        return person->email;
    default:
        return {};
    }
}

QVariant PersonModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case RoleColumn:
        return tr("Role");
    case AuthorityColumn:
        return tr("Local authority");
    case EmailColumn:
        return tr("Email");
    default:
        return {};
    }
}

Qt::ItemFlags PersonModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    if (!m_document.isReadOnly() && (index.column() == NameColumn || index.column() == EmailColumn ||
                                     index.column() == RoleColumn || index.column() == AuthorityColumn)) {
        f |= Qt::ItemIsEditable;
    }
    return f;
}

bool PersonModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    const Person* person = personAt(index);
    if (person == nullptr || (role != Qt::EditRole && role != KeyRole) || m_document.isReadOnly()) {
        return false;
    }
    const QString text = value.toString().trimmed();
    if (index.column() == AuthorityColumn) {
        // Only an id from the drop-down; the store refuses, with the reason, a move the roster
        // does not allow, and the command shows it.
        bool ok = false;
        const qint64 authorityId = text.toLongLong(&ok);
        if (!ok || authorityId < 0 || (authorityId != 0 && m_authorityNames.count(authorityId) == 0) ||
            authorityId == person->authorityId) {
            return false;
        }
        m_document.undoStack()->push(
            new SetPersonAuthority(m_document, person->id, person->name, person->authorityId, authorityId));
        return true;
    }
    Person after = *person;
    if (index.column() == NameColumn) {
        after.name = text;
    } else if (index.column() == EmailColumn) {
        after.email = text;
    } else if (index.column() == RoleColumn) {
        // The schema decides which roles fit (one DCS per LA; facilitators belong to no LA); a
        // refusal comes back through the command and is shown.
        const auto newRole = roleFromKey(text);
        if (!newRole) {
            return false;
        }
        after.role = *newRole;
    } else {
        return false;
    }
    if (after.name == person->name && after.email == person->email && after.role == person->role) {
        return false;
    }
    m_document.undoStack()->push(new UpdatePerson(m_document, *person, after));
    return true;
}

QModelIndex PersonModel::indexOf(qint64 personId, Column column) const {
    for (std::size_t i = 0; i < m_people.size(); ++i) {
        if (m_people[i].id == personId) {
            return index(static_cast<int>(i), column);
        }
    }
    return {};
}

std::vector<std::pair<QString, QString>> PersonModel::authorityChoices() const {
    std::vector<std::pair<QString, QString>> choices;
    choices.emplace_back(tr("(none)"), QStringLiteral("0"));
    for (const auto& authority : m_authorities) {
        choices.emplace_back(authority.name, QString::number(authority.id));
    }
    return choices;
}

const Person* PersonModel::personAt(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this || index.row() >= rowCount()) {
        return nullptr;
    }
    return &m_people[static_cast<std::size_t>(index.row())];
}

} // namespace balcony::gui
