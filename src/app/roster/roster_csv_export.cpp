#include "roster/roster_csv_export.h"

#include "domain/roster_store.h"
#include "interchange/file_io.h"
#include "interchange/schedule_export.h"

#include <map>

namespace balcony::gui {

Result<int> exportRosterCsv(Database& db, const QString& path) {
    RosterStore store(db);
    auto authorities = store.authorities();
    if (!authorities) {
        return authorities.error();
    }
    auto people = store.people();
    if (!people) {
        return people.error();
    }
    std::map<std::pair<qint64, Role>, const Person*> holders;
    for (const auto& person : *people) {
        holders[{person.authorityId, person.role}] = &person;
    }
    const auto cells = [&](qint64 authorityId, Role role) {
        const auto found = holders.find({authorityId, role});
        if (found == holders.end()) {
            return QByteArray(",");
        }
        return QByteArray(interchange::csvField(found->second->name) + ',' +
                          interchange::csvField(found->second->email));
    };
    QByteArray out(
        "la,dcs,dcs_email,chief_executive,chief_executive_email,lead_member,lead_member_email\r\n");
    for (const auto& authority : *authorities) {
        out += interchange::csvField(authority.name) + ',' + cells(authority.id, Role::Dcs) + ',' +
               cells(authority.id, Role::ChiefExecutive) + ',' + cells(authority.id, Role::LeadMember) +
               "\r\n";
    }
    if (auto written = interchange::writeFileAtomically(path, out); !written) {
        return written.error();
    }
    return static_cast<int>(authorities->size());
}

} // namespace balcony::gui
