#include "interchange/roster_export.h"

#include "domain/roster_store.h"
#include "interchange/file_io.h"
#include "interchange/schedule_export.h"
#include "interchange/text_encoding.h"
#include "support/logging.h"

#include <map>
#include <utility>

namespace balcony::interchange {
namespace {

struct Written {
    QByteArray bytes;
    int rows = 0;
};

Result<Written> render(Database& db) {
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
        return QByteArray(csvField(found->second->name) + ',' + csvField(found->second->email));
    };
    Written out;
    out.bytes = QByteArray(utf8ByteOrderMark) +
                "la,dcs,dcs_email,chief_executive,chief_executive_email,lead_member,lead_member_email\r\n";
    for (const auto& authority : *authorities) {
        out.bytes += csvField(authority.name) + ',' + cells(authority.id, Role::Dcs) + ',' +
                     cells(authority.id, Role::ChiefExecutive) + ',' + cells(authority.id, Role::LeadMember) +
                     "\r\n";
    }
    out.rows = static_cast<int>(authorities->size());
    return out;
}

} // namespace

Result<QByteArray> rosterCsv(Database& db) {
    auto rendered = render(db);
    if (!rendered) {
        return rendered.error();
    }
    return std::move(rendered->bytes);
}

Result<int> exportRosterFile(Database& db, const QString& path) {
    auto rendered = render(db);
    if (!rendered) {
        return rendered.error();
    }
    if (auto written = writeFileAtomically(path, rendered->bytes); !written) {
        return written.error();
    }
    logging::get("interchange")->info("roster exported: {} rows", rendered->rows);
    return rendered->rows;
}

} // namespace balcony::interchange
