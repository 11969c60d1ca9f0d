#include "roster/remove_authority.h"

#include "document/region_document.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"

#include <QCoreApplication>

namespace balcony::gui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("balcony::gui::RemoveAuthority", text);
}

// The name of a cycle in which the authority belongs to a group, or empty.
Result<QString> cycleUsing(Database& db, qint64 authorityId) {
    ScheduleStore schedule(db);
    auto cycles = schedule.cycles();
    if (!cycles) {
        return cycles.error();
    }
    for (const auto& cycle : *cycles) {
        auto groups = schedule.groups(cycle.id);
        if (!groups) {
            return groups.error();
        }
        for (const auto& group : *groups) {
            if (group.member(authorityId) != nullptr) {
                return QString(cycle.name + QStringLiteral(", ") + group.label);
            }
        }
    }
    return QString();
}
} // namespace

RemoveAuthority::RemoveAuthority(RegionDocument& document, LocalAuthority authority)
    : StoreCommand(document, tr("Remove %1").arg(authority.name))
    , m_authority(std::move(authority)) {}

Status RemoveAuthority::apply(bool forward) {
    Database& db = document().database();
    RosterStore store(db);
    if (forward) {
        auto used = cycleUsing(db, m_authority.id);
        if (!used) {
            return used.error();
        }
        if (!used->isEmpty()) {
            return failure(Error::Kind::Conflict,
                           tr("%1 is in a group (%2). Take it out of its groups before removing it.")
                               .arg(m_authority.name, *used));
        }
        auto people = store.people();
        if (!people) {
            return people.error();
        }
        m_people.clear();
        for (const auto& person : *people) {
            if (person.authorityId == m_authority.id) {
                m_people.push_back(person);
            }
        }
        return store.removeAuthority(m_authority.id);
    }
    auto id = store.addAuthority(m_authority.name);
    if (!id) {
        return id.error();
    }
    m_authority.id = *id;
    for (auto person : m_people) {
        person.authorityId = *id;
        auto added = store.addPerson(person);
        if (!added) {
            return added.error();
        }
    }
    return {};
}

void RemoveAuthority::announce() {
    document().notifyRosterChanged();
}

} // namespace balcony::gui
