#include "interchange/roster_import.h"

#include "domain/authority_name.h"
#include "domain/roster_store.h"
#include "interchange/csv_table.h"
#include "interchange/email.h"
#include "interchange/file_io.h"
#include "store/database.h"
#include "store/transaction.h"
#include "support/logging.h"

#include <map>

namespace balcony::interchange {
namespace {

const CsvColumns rosterColumns{{QStringLiteral("la"), QStringLiteral("dcs"), QStringLiteral("dcs_email"),
                                QStringLiteral("chief_executive"), QStringLiteral("chief_executive_email"),
                                QStringLiteral("lead_member"), QStringLiteral("lead_member_email")},
                               {QStringLiteral("la")}};

struct Post {
    Role role;
    QString RosterRow::*name;
    QString RosterRow::*email;
    const char* nameColumn;
    const char* emailColumn;
};

const Post posts[] = {
    {Role::Dcs, &RosterRow::dcs, &RosterRow::dcsEmail, "dcs", "dcs_email"},
    {Role::ChiefExecutive, &RosterRow::chiefExecutive, &RosterRow::chiefExecutiveEmail, "chief_executive",
     "chief_executive_email"},
    {Role::LeadMember, &RosterRow::leadMember, &RosterRow::leadMemberEmail, "lead_member",
     "lead_member_email"},
};

void checkRow(const RosterRow& row, std::map<QString, int>& seen, Problems& problems) {
    if (row.authority.isEmpty()) {
        problems.push_back(fileProblem(row.line, QStringLiteral("the \"la\" cell is empty: every row names a "
                                                                "local authority.")));
    } else if (auto first = seen.find(authorityKey(row.authority)); first != seen.end()) {
        problems.push_back(fileProblem(row.line, QStringLiteral("\"%1\" is already on line %2: list each "
                                                                "local authority once.")
                                                     .arg(row.authority)
                                                     .arg(first->second)));
    } else {
        seen.emplace(authorityKey(row.authority), row.line);
    }
    for (const auto& post : posts) {
        const QString& name = row.*post.name;
        const QString& email = row.*post.email;
        if (!email.isEmpty() && name.isEmpty()) {
            problems.push_back(fileProblem(
                row.line, QStringLiteral("\"%1\" gives an email (%2) but \"%3\" gives no name: add the name.")
                              .arg(QLatin1String(post.emailColumn), email, QLatin1String(post.nameColumn))));
        } else if (!email.isEmpty() && !looksLikeEmail(email)) {
            problems.push_back(fileProblem(row.line, QStringLiteral("\"%1\" is not an email address (%2).")
                                                         .arg(email, QLatin1String(post.emailColumn))));
        }
    }
}

// The stored email of an authority's post holder when the file names the same person without one.
QString keptEmail(const std::vector<Person>& people, qint64 authorityId, Role role, const QString& name) {
    for (const auto& p : people) {
        if (p.authorityId == authorityId && p.role == role &&
            p.name.compare(name, Qt::CaseInsensitive) == 0) {
            return p.email;
        }
    }
    return {};
}

} // namespace

RosterPreview parseRoster(const QByteArray& bytes) {
    RosterPreview preview;
    CsvTable table = readCsvTable(bytes, rosterColumns, preview.problems);
    std::map<QString, int> seen;
    for (const auto& cells : table.rows) {
        RosterRow row;
        row.line = cells.line;
        row.authority = cells.value(QStringLiteral("la"));
        row.dcs = cells.value(QStringLiteral("dcs"));
        row.dcsEmail = cells.value(QStringLiteral("dcs_email"));
        row.chiefExecutive = cells.value(QStringLiteral("chief_executive"));
        row.chiefExecutiveEmail = cells.value(QStringLiteral("chief_executive_email"));
        row.leadMember = cells.value(QStringLiteral("lead_member"));
        row.leadMemberEmail = cells.value(QStringLiteral("lead_member_email"));
        checkRow(row, seen, preview.problems);
        preview.rows.push_back(std::move(row));
    }
    return preview;
}

Result<RosterImportOutcome> importRoster(Database& db, const QByteArray& bytes) {
    RosterPreview preview = parseRoster(bytes);
    RosterImportOutcome outcome;
    outcome.problems = std::move(preview.problems); // warnings travel with a successful import
    if (hasErrors(outcome.problems)) {
        return outcome;
    }
    RosterStore roster(db);
    auto people = roster.people();
    if (!people) {
        return people.error();
    }
    Transaction tx(db);
    if (!tx.isActive()) {
        return tx.error();
    }
    for (const auto& row : preview.rows) {
        qint64 authorityId = 0;
        if (auto existing = roster.authorityByName(row.authority)) {
            authorityId = existing->id;
        } else if (existing.error().kind != Error::Kind::NotFound) {
            return existing.error();
        } else {
            auto added = roster.addAuthority(row.authority);
            if (!added) {
                return added.error();
            }
            authorityId = *added;
            ++outcome.report.authoritiesAdded;
        }
        for (const auto& post : posts) {
            const QString& name = row.*post.name;
            if (name.isEmpty()) {
                continue;
            }
            QString email = row.*post.email;
            if (email.isEmpty()) {
                email = keptEmail(*people, authorityId, post.role, name);
            }
            if (auto set = roster.setPostHolder(authorityId, post.role, name, email); !set) {
                return set.error();
            }
            ++outcome.report.postHoldersSet;
        }
    }
    if (auto saved = tx.commit(); !saved) {
        return saved.error();
    }
    outcome.report.rowsRead = int(preview.rows.size());
    logging::get("balcony.interchange")
        ->info("roster imported: {} rows, {} authorities added", outcome.report.rowsRead,
               outcome.report.authoritiesAdded);
    return outcome;
}

Result<RosterImportOutcome> importRosterFile(Database& db, const QString& path) {
    auto bytes = readFileBytes(path);
    if (!bytes) {
        return bytes.error();
    }
    return importRoster(db, *bytes);
}

} // namespace balcony::interchange
