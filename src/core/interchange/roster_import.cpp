#include "interchange/roster_import.h"

#include "domain/authority_name.h"
#include "domain/person_name.h"
#include "domain/roster_store.h"
#include "interchange/csv_table.h"
#include "interchange/email.h"
#include "interchange/file_io.h"
#include "interchange/text_encoding.h"
#include "store/backup.h"
#include "store/database.h"
#include "store/transaction.h"
#include "support/logging.h"

#include <algorithm>
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

QString postName(Role role) {
    switch (role) {
    case Role::Dcs:
        return QStringLiteral("DCS");
    case Role::ChiefExecutive:
        return QStringLiteral("chief executive");
    case Role::LeadMember:
        return QStringLiteral("lead member");
    default:
        return displayName(role).toLower();
    }
}

Problem rowWarning(int line, const QString& message) {
    Problem p = fileProblem(line, message);
    p.severity = Problem::Severity::Warning;
    return p;
}

QString emailKey(const QString& email) {
    return email.trimmed().toCaseFolded();
}

// Emails given for more than one post of the file: they cannot say who is who, so names decide.
std::map<QString, int> sharedEmails(const std::vector<RosterRow>& rows, Problems& problems) {
    std::map<QString, int> firstLine;
    std::map<QString, int> shared;
    for (const auto& row : rows) {
        for (const auto& post : posts) {
            const QString& email = row.*post.email;
            if (email.isEmpty()) {
                continue;
            }
            auto [it, added] = firstLine.emplace(emailKey(email), row.line);
            if (!added && shared.emplace(emailKey(email), it->second).second) {
                problems.push_back(rowWarning(
                    row.line, QStringLiteral("the email %1 is also given on line %2. One email for two posts "
                                             "cannot say who is who, so the names decide.")
                                  .arg(email)
                                  .arg(it->second)));
            }
        }
    }
    return shared;
}

const Person* holderOf(const std::vector<Person>& people, qint64 authorityId, Role role) {
    for (const auto& p : people) {
        if (p.authorityId == authorityId && p.role == role) {
            return &p;
        }
    }
    return nullptr;
}

// Who in the roster the file means by a post holder's name and email; nullptr for a new person.
// Facilitators and project managers belong to no LA and are never matched.
const Person* samePerson(const std::vector<Person>& people, const Person* current, const QString& name,
                         const QString& email, bool emailIsKey, qint64 authorityId) {
    if (!email.isEmpty() && emailIsKey) {
        const Person* found = nullptr;
        int count = 0;
        for (const auto& p : people) {
            if (p.authorityId != 0 && emailKey(p.email) == emailKey(email)) {
                found = &p;
                ++count;
            }
        }
        if (count == 1) {
            return found;
        }
    }
    const QString key = personKey(name);
    if (current && personKey(current->name) == key) {
        return current;
    }
    // Someone who left a post earlier (now a team member) and comes back, named without an email
    // or with one that does not disagree. A holder of another LA's post is matched by email only:
    // two post holders may share a name.
    const Person* found = nullptr;
    for (const auto& p : people) {
        if (p.role != Role::TeamMember || p.authorityId == 0 || personKey(p.name) != key) {
            continue;
        }
        if (!email.isEmpty() && !p.email.isEmpty() && emailKey(p.email) != emailKey(email)) {
            continue;
        }
        if (!found || (p.authorityId == authorityId && found->authorityId != authorityId)) {
            found = &p;
        }
    }
    return found;
}

QString authorityNameOf(const std::vector<LocalAuthority>& authorities, qint64 id) {
    for (const auto& a : authorities) {
        if (a.id == id) {
            return a.name;
        }
    }
    return {};
}

// LA names of the file that are not in the roster but look like a misspelling of one there (or of
// a new one earlier in the file): errors, since a second LA would have no post holders, miss the
// invitations and escape every check.
void checkNearAuthorities(const std::vector<RosterRow>& rows, const std::vector<LocalAuthority>& stored,
                          const QStringList& newAuthorities, Problems& problems) {
    QStringList known;
    for (const auto& a : stored) {
        known << a.name;
    }
    QStringList confirmed;
    for (const auto& n : newAuthorities) {
        confirmed << authorityKey(n);
    }
    for (const auto& row : rows) {
        if (row.authority.isEmpty()) {
            continue;
        }
        if (!confirmed.contains(authorityKey(row.authority))) {
            if (auto near = nearAuthorityName(row.authority, known)) {
                problems.push_back(fileProblem(row.line, nearAuthorityMessage(row.authority, *near)));
            }
        }
        known << row.authority;
    }
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

QString describe(const PostChange& change) {
    const QString post = QStringLiteral("%1's %2").arg(change.authority, postName(change.role));
    QString text = change.previousHolder.isEmpty()
                       ? QStringLiteral("line %1: %2 goes to %3").arg(change.line).arg(post, change.newHolder)
                       : QStringLiteral("line %1: %2: %3 is replaced by %4")
                             .arg(change.line)
                             .arg(post, change.previousHolder, change.newHolder);
    if (!change.leaves.isEmpty()) {
        text += QStringLiteral(", who leaves %1").arg(change.leaves);
    }
    return text;
}

Result<RosterImportOutcome> importRoster(Database& db, const QByteArray& bytes,
                                         const RosterImportOptions& options) {
    RosterPreview preview = parseRoster(bytes);
    RosterImportOutcome outcome;
    outcome.problems = std::move(preview.problems); // warnings travel with a successful import
    if (hasErrors(outcome.problems)) {
        return outcome;
    }
    RosterStore roster(db);
    auto stored = roster.authorities();
    if (!stored) {
        return stored.error();
    }
    checkNearAuthorities(preview.rows, *stored, options.newAuthorities, outcome.problems);
    const std::map<QString, int> shared = sharedEmails(preview.rows, outcome.problems);
    std::stable_sort(outcome.problems.begin(), outcome.problems.end(),
                     [](const Problem& a, const Problem& b) { return a.line < b.line; });
    if (hasErrors(outcome.problems)) {
        return outcome;
    }
    if (!options.dryRun) {
        if (const QString unkept = backups::beforeChange(db, backups::Reason::BeforeImport);
            !unkept.isEmpty()) {
            Problem warning;
            warning.severity = Problem::Severity::Warning;
            warning.subject = Problem::Subject::File;
            warning.message = unkept;
            outcome.problems.push_back(warning);
        }
    }
    // Everything below runs in one transaction; a dry run or an unconfirmed change of hands rolls
    // it back, so the preview is the import itself, not a second reading of the rules.
    Transaction tx(db);
    if (!tx.isActive()) {
        return tx.error();
    }
    for (const auto& row : preview.rows) {
        qint64 authorityId = 0;
        QString authorityName = authorityDisplayName(row.authority);
        if (auto existing = roster.authorityByName(row.authority)) {
            authorityId = existing->id;
            authorityName = existing->name;
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
            const QString name = (row.*post.name).simplified();
            if (name.isEmpty()) {
                continue;
            }
            // A name a spreadsheet garbled ("ZoÃ« Example") is matched as the text it was: the reader
            // has warned about it, and a stored spelling is never replaced by the garbled one.
            const QString matchName = undoDoubleEncoding(name).value_or(name);
            const QString& email = row.*post.email;
            auto people = roster.people();
            auto authorities = roster.authorities();
            if (!people || !authorities) {
                return people ? authorities.error() : people.error();
            }
            const Person* current = holderOf(*people, authorityId, post.role);
            const Person* match = samePerson(*people, current, matchName, email,
                                             shared.count(emailKey(email)) == 0, authorityId);
            ++outcome.report.postHoldersSet;
            const QString where = QStringLiteral("%1's %2").arg(authorityName, postName(post.role));
            if (match && current && match->id == current->id) {
                Person updated = *match;
                if (!email.isEmpty() && emailKey(email) != emailKey(match->email)) {
                    if (!match->email.isEmpty()) {
                        outcome.problems.push_back(rowWarning(
                            row.line, QStringLiteral("%1, %2, has a new email (%3, was %4); taken as the "
                                                     "same person, as the name is the same.")
                                          .arg(where, match->name, email.trimmed(), match->email)));
                    }
                    updated.email = email.trimmed();
                }
                if (personKey(matchName) != personKey(match->name)) {
                    outcome.problems.push_back(rowWarning(
                        row.line, QStringLiteral("%1, %2, is now written \"%3\"; taken as the same person, "
                                                 "as the email is the same.")
                                      .arg(where, match->name, name)));
                    updated.name = name;
                }
                if (updated.name != match->name || updated.email != match->email) {
                    if (auto saved = roster.updatePerson(updated); !saved) {
                        return saved.error();
                    }
                }
                continue;
            }
            PostChange change;
            change.line = row.line;
            change.authority = authorityName;
            change.role = post.role;
            change.newHolder = name;
            if (current) {
                change.previousHolder = current->name;
                if (auto left = roster.leavePost(current->id); !left) {
                    return left.error();
                }
            }
            if (match) {
                const bool holdsPost = match->role == Role::Dcs || match->role == Role::ChiefExecutive ||
                                       match->role == Role::LeadMember;
                if (holdsPost) {
                    change.leaves = QStringLiteral("%1's %2").arg(
                        authorityNameOf(*authorities, match->authorityId), postName(match->role));
                    if (auto left = roster.leavePost(match->id); !left) {
                        return left.error();
                    }
                }
                if (auto taken = roster.takePost(match->id, authorityId, post.role, email); !taken) {
                    return taken.error();
                }
                if (personKey(matchName) != personKey(match->name)) {
                    // The same email under a name that really changed (marriage, a corrected
                    // typo): the file's name is the current one.
                    Person renamed = *match;
                    renamed.name = name;
                    renamed.role = post.role;
                    renamed.authorityId = authorityId;
                    renamed.email = email.isEmpty() ? match->email : email.trimmed();
                    if (auto saved = roster.updatePerson(renamed); !saved) {
                        return saved.error();
                    }
                }
            } else {
                Person person;
                person.name = name;
                person.email = email;
                person.role = post.role;
                person.authorityId = authorityId;
                if (auto added = roster.addPerson(person); !added) {
                    return added.error();
                }
            }
            if (!change.previousHolder.isEmpty() || !change.leaves.isEmpty()) {
                outcome.postChanges.push_back(change);
            }
        }
    }
    std::stable_sort(outcome.problems.begin(), outcome.problems.end(),
                     [](const Problem& a, const Problem& b) { return a.line < b.line; });
    outcome.report.rowsRead = int(preview.rows.size());
    outcome.report.postsChangingHands = int(outcome.postChanges.size());
    if (options.dryRun || (!outcome.postChanges.empty() && !options.confirmPostChanges)) {
        return outcome; // the guard rolls everything back
    }
    if (auto saved = tx.commit(); !saved) {
        return saved.error();
    }
    outcome.written = true;
    logging::get("balcony.interchange")
        ->info("roster imported: {} rows, {} authorities added, {} posts changed hands",
               outcome.report.rowsRead, outcome.report.authoritiesAdded, outcome.report.postsChangingHands);
    return outcome;
}

Result<RosterImportOutcome> importRosterFile(Database& db, const QString& path,
                                             const RosterImportOptions& options) {
    auto bytes = readFileBytes(path);
    if (!bytes) {
        return bytes.error();
    }
    return importRoster(db, *bytes, options);
}

} // namespace balcony::interchange
