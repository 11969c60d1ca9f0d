#include "interchange/schedule_import.h"

#include "domain/authority_name.h"
#include "domain/dates.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "interchange/csv_table.h"
#include "interchange/file_io.h"
#include "store/backup.h"
#include "store/database.h"
#include "store/dialect.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "support/logging.h"

#include <QSqlQuery>
#include <map>
#include <optional>
#include <set>

namespace balcony::interchange {
namespace {

const CsvColumns scheduleColumns{
    {QStringLiteral("group"), QStringLiteral("date"), QStringLiteral("mode"), QStringLiteral("venue"),
     QStringLiteral("facilitator"), QStringLiteral("la"), QStringLiteral("lead_reviewer_for")},
    {QStringLiteral("group"), QStringLiteral("date"), QStringLiteral("mode"), QStringLiteral("la")}};

// Group labels, modes and facilitators compare this way; LA names by authorityKey(), the roster's
// one rule.
QString key(const QString& name) {
    return name.simplified().toLower();
}

std::optional<Mode> parseMode(const QString& text) {
    const QString t = key(text);
    if (t == QStringLiteral("in person") || t == QStringLiteral("in_person") ||
        t == QStringLiteral("in-person")) {
        return Mode::InPerson;
    }
    if (t == QStringLiteral("virtual")) {
        return Mode::Virtual;
    }
    return std::nullopt;
}

QString modeWord(Mode mode) {
    return mode == Mode::Virtual ? QStringLiteral("virtual") : QStringLiteral("in person");
}

// Reads one row's cells; problems go to `problems`, and a row with a problem is still returned so
// that later checks can report more.
ScheduleRow readRow(const CsvRow& cells, Problems& problems, bool& modeKnown) {
    ScheduleRow row;
    row.line = cells.line;
    row.group = cells.value(QStringLiteral("group"));
    row.venue = cells.value(QStringLiteral("venue"));
    row.facilitator = cells.value(QStringLiteral("facilitator"));
    row.authority = cells.value(QStringLiteral("la"));
    row.leadReviewerFor = cells.value(QStringLiteral("lead_reviewer_for"));
    if (row.group.isEmpty()) {
        problems.push_back(fileProblem(row.line, QStringLiteral("the \"group\" cell is empty: name the group "
                                                                "(for example 1, or Triad A).")));
    }
    if (row.authority.isEmpty()) {
        problems.push_back(
            fileProblem(row.line, QStringLiteral("the \"la\" cell is empty: every row names one "
                                                 "local authority.")));
    }
    const QString date = cells.value(QStringLiteral("date"));
    row.date = parseDay(date);
    if (!row.date.isValid()) {
        problems.push_back(fileProblem(
            row.line, date.isEmpty()
                          ? QStringLiteral("the \"date\" cell is empty: write the day as YYYY-MM-DD "
                                           "or DD/MM/YYYY.")
                          : QStringLiteral("\"%1\" is not a date: write the day as YYYY-MM-DD or "
                                           "DD/MM/YYYY.")
                                .arg(date)));
    }
    const QString mode = cells.value(QStringLiteral("mode"));
    modeKnown = parseMode(mode).has_value();
    if (auto parsed = parseMode(mode)) {
        row.mode = *parsed;
    } else {
        problems.push_back(fileProblem(
            row.line, QStringLiteral("\"%1\" is not a mode: write \"in person\" or \"virtual\".").arg(mode)));
    }
    return row;
}

// Rows of one group must describe the same day.
void checkGroupAgreement(const ScheduleRow& row, const ScheduleRow& first, bool modesKnown,
                         Problems& problems) {
    QStringList differences;
    if (row.date.isValid() && first.date.isValid() && row.date != first.date) {
        differences << QStringLiteral("date %1 (line %2 has %3)")
                           .arg(row.date.toString(Qt::ISODate))
                           .arg(first.line)
                           .arg(first.date.toString(Qt::ISODate));
    }
    if (modesKnown && row.mode != first.mode) {
        differences << QStringLiteral("mode %1 (line %2 has %3)")
                           .arg(modeWord(row.mode))
                           .arg(first.line)
                           .arg(modeWord(first.mode));
    }
    if (row.venue != first.venue) {
        differences << QStringLiteral("venue \"%1\" (line %2 has \"%3\")")
                           .arg(row.venue)
                           .arg(first.line)
                           .arg(first.venue);
    }
    if (key(row.facilitator) != key(first.facilitator)) {
        differences << QStringLiteral("facilitator \"%1\" (line %2 has \"%3\")")
                           .arg(row.facilitator)
                           .arg(first.line)
                           .arg(first.facilitator);
    }
    if (!differences.isEmpty()) {
        problems.push_back(
            fileProblem(row.line, QStringLiteral("group \"%1\" disagrees with its first row: %2. "
                                                 "All rows of a group describe the same day.")
                                      .arg(row.group, differences.join(QStringLiteral("; ")))));
    }
}

void checkLeadReviewers(const std::vector<ScheduleRow>& rows, const std::map<QString, std::size_t>& rowOfLa,
                        Problems& problems) {
    std::map<QString, std::size_t> reviewerOf; // reviewee key -> row of its reviewer
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const ScheduleRow& row = rows[i];
        if (row.leadReviewerFor.isEmpty() || row.authority.isEmpty()) {
            continue;
        }
        const QString target = authorityKey(row.leadReviewerFor);
        if (target == authorityKey(row.authority)) {
            problems.push_back(fileProblem(row.line, QStringLiteral("%1 cannot be its own lead reviewer: "
                                                                    "\"lead_reviewer_for\" names the LA that "
                                                                    "this row's LA reviews.")
                                                         .arg(row.authority)));
            continue;
        }
        auto found = rowOfLa.find(target);
        if (found == rowOfLa.end()) {
            problems.push_back(
                fileProblem(row.line, QStringLiteral("\"lead_reviewer_for\" names %1, which has "
                                                     "no row in this file: it must be another "
                                                     "LA of group \"%2\".")
                                          .arg(row.leadReviewerFor, row.group)));
            continue;
        }
        const ScheduleRow& reviewee = rows[found->second];
        if (key(reviewee.group) != key(row.group)) {
            problems.push_back(
                fileProblem(row.line, QStringLiteral("%1 is in group \"%2\" (line %3), not in "
                                                     "group \"%4\": a lead reviewer reviews an "
                                                     "LA of its own group.")
                                          .arg(reviewee.authority, reviewee.group)
                                          .arg(reviewee.line)
                                          .arg(row.group)));
            continue;
        }
        if (auto earlier = reviewerOf.find(target); earlier != reviewerOf.end()) {
            problems.push_back(
                fileProblem(row.line, QStringLiteral("%1 already has %2 as lead reviewer (line "
                                                     "%3): each LA has one lead reviewer.")
                                          .arg(reviewee.authority, rows[earlier->second].authority)
                                          .arg(rows[earlier->second].line)));
            continue;
        }
        reviewerOf.emplace(target, i);
    }
}

// A group of the file, gathered from its rows.
struct PlannedGroup {
    QString label;
    const ScheduleRow* first = nullptr;
    std::vector<const ScheduleRow*> rows; // presenting order
};

std::vector<PlannedGroup> plan(const std::vector<ScheduleRow>& rows) {
    std::vector<PlannedGroup> groups;
    std::map<QString, std::size_t> index;
    for (const auto& row : rows) {
        auto [it, added] = index.emplace(key(row.group), groups.size());
        if (added) {
            groups.push_back({row.group, &row, {}});
        }
        groups[it->second].rows.push_back(&row);
    }
    return groups;
}

// Tables whose rows hang off a group, directly or through one of its members (the day's log, notes
// taken about an LA, ...), found from the schema so that data added by later migrations is
// protected too. The schedule's own tables (members, lead reviewers) are not recorded data.
Result<QString> recordedDataOf(Database& db, qint64 groupId) {
    std::vector<std::pair<QString, QString>> tables; // table, column holding the group's id
    for (const auto& [referenced, key] :
         {std::pair{QStringLiteral("review_group"), QStringLiteral("id")},
          std::pair{QStringLiteral("group_member"), QStringLiteral("group_id")}}) {
        auto columns = dialect::foreignKeysInto(db, referenced);
        if (!columns) {
            return columns.error();
        }
        for (const auto& fk : *columns) {
            if (fk.referencedColumn == key && fk.table != QStringLiteral("group_member") &&
                fk.table != QStringLiteral("lead_review")) {
                tables.emplace_back(fk.table, fk.column);
            }
        }
    }
    for (const auto& [table, column] : tables) {
        auto rows =
            sql::run(db, QStringLiteral("SELECT 1 FROM \"%1\" WHERE \"%2\" = ? LIMIT 1").arg(table, column),
                     {groupId});
        if (!rows) {
            return rows.error();
        }
        if (rows->next()) {
            return table;
        }
    }
    return QString();
}

bool sameGroup(const Group& a, const Group& b) {
    if (a.label != b.label || a.date != b.date || a.mode != b.mode || a.venue != b.venue ||
        a.facilitatorId != b.facilitatorId || a.members.size() != b.members.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.members.size(); ++i) {
        if (a.members[i].authorityId != b.members[i].authorityId ||
            a.members[i].leadReviewerId != b.members[i].leadReviewerId) {
            return false;
        }
    }
    return true;
}

Status storeMembers(ScheduleStore& store, const Group& group) {
    std::vector<qint64> ids;
    for (const auto& m : group.members) {
        ids.push_back(m.authorityId);
    }
    if (auto set = store.setMembers(group.id, ids); !set) {
        return set;
    }
    for (const auto& m : group.members) {
        if (m.leadReviewerId != 0) {
            if (auto set = store.setLeadReviewer(group.id, m.authorityId, m.leadReviewerId); !set) {
                return set;
            }
        }
    }
    return {};
}

} // namespace

SchedulePreview parseSchedule(const QByteArray& bytes) {
    SchedulePreview preview;
    CsvTable table = readCsvTable(bytes, scheduleColumns, preview.problems);
    std::map<QString, std::size_t> rowOfLa;
    std::map<QString, std::size_t> firstRowOfGroup;
    std::vector<bool> modeKnown;
    for (const auto& cells : table.rows) {
        bool known = false;
        preview.rows.push_back(readRow(cells, preview.problems, known));
        modeKnown.push_back(known);
    }
    for (std::size_t i = 0; i < preview.rows.size(); ++i) {
        const ScheduleRow& row = preview.rows[i];
        if (!row.authority.isEmpty()) {
            auto [it, added] = rowOfLa.emplace(authorityKey(row.authority), i);
            if (!added) {
                preview.problems.push_back(fileProblem(
                    row.line, QStringLiteral("%1 is already on line %2: an LA takes part once per cycle.")
                                  .arg(row.authority)
                                  .arg(preview.rows[it->second].line)));
            }
        }
        if (!row.group.isEmpty()) {
            auto [it, added] = firstRowOfGroup.emplace(key(row.group), i);
            if (!added) {
                checkGroupAgreement(row, preview.rows[it->second], modeKnown[i] && modeKnown[it->second],
                                    preview.problems);
            }
        }
    }
    checkLeadReviewers(preview.rows, rowOfLa, preview.problems);
    std::stable_sort(preview.problems.begin(), preview.problems.end(),
                     [](const Problem& a, const Problem& b) { return a.line < b.line; });
    return preview;
}

Result<ScheduleImportOutcome> importSchedule(Database& db, qint64 cycleId, const QByteArray& bytes,
                                             const QStringList& newAuthorities) {
    ScheduleStore store(db);
    RosterStore roster(db);
    auto cycle = store.cycleById(cycleId);
    if (!cycle) {
        return cycle.error();
    }
    SchedulePreview preview = parseSchedule(bytes);
    ScheduleImportOutcome outcome;
    outcome.problems = std::move(preview.problems);
    // An LA the roster lacks is added, but one only near a roster LA is a typo that would leave
    // the group with a member who has no DCS and gets no invitation.
    auto stored = roster.authorities();
    if (!stored) {
        return stored.error();
    }
    QStringList known;
    for (const auto& a : *stored) {
        known << a.name;
    }
    QStringList confirmed;
    for (const auto& n : newAuthorities) {
        confirmed << authorityKey(n);
    }
    for (const auto& row : preview.rows) {
        if (!confirmed.contains(authorityKey(row.authority))) {
            if (auto near = nearAuthorityName(row.authority, known)) {
                outcome.problems.push_back(fileProblem(row.line, nearAuthorityMessage(row.authority, *near)));
            }
        }
        known << row.authority;
    }
    std::stable_sort(outcome.problems.begin(), outcome.problems.end(),
                     [](const Problem& a, const Problem& b) { return a.line < b.line; });
    if (hasErrors(outcome.problems)) {
        return outcome;
    }
    const std::vector<PlannedGroup> planned = plan(preview.rows);
    auto existingGroups = store.groups(cycleId);
    if (!existingGroups) {
        return existingGroups.error();
    }
    std::map<QString, const Group*> existingByLabel;
    for (const auto& g : *existingGroups) {
        existingByLabel.emplace(key(g.label), &g);
    }
    std::set<const Group*> relabelled;
    // A group the file lists under a new label, with exactly the LAs of a group the file no longer
    // lists, is that group relabelled: it keeps its id, its day's data and its calendar UID, so that
    // attendees get an update rather than a new event and a stray old one.
    std::set<QString> fileLabels;
    for (const auto& p : planned) {
        fileLabels.insert(key(p.label));
    }
    for (const auto& p : planned) {
        if (existingByLabel.count(key(p.label)) != 0) {
            continue;
        }
        std::set<qint64> wanted;
        bool allKnown = true;
        for (const ScheduleRow* row : p.rows) {
            auto found = roster.authorityByName(row->authority);
            allKnown = allKnown && found.ok();
            if (found) {
                wanted.insert(found->id);
            }
        }
        // A day needs at least two LAs; a lone LA under a new label is not the same day.
        if (!allKnown || wanted.size() < 2) {
            continue;
        }
        for (const auto& g : *existingGroups) {
            if (fileLabels.count(key(g.label)) != 0 || relabelled.count(&g) != 0) {
                continue;
            }
            std::set<qint64> had;
            for (const auto& m : g.members) {
                had.insert(m.authorityId);
            }
            if (had == wanted) {
                existingByLabel.emplace(key(p.label), &g);
                relabelled.insert(&g);
                break;
            }
        }
    }
    std::map<QString, bool> inFile;
    for (const auto& p : planned) {
        inFile.emplace(key(p.label), true);
        if (!cycle->contains(p.first->date)) {
            Problem warning = fileProblem(
                p.first->line,
                QStringLiteral("group \"%1\" meets on %2, outside cycle %3 (%4 to %5); imported "
                               "anyway: correct the date if it is a typo.")
                    .arg(p.label, p.first->date.toString(Qt::ISODate), cycle->name,
                         cycle->firstDay.toString(Qt::ISODate), cycle->lastDay.toString(Qt::ISODate)));
            warning.severity = Problem::Severity::Warning;
            warning.subject = Problem::Subject::Group;
            warning.groupLabel = p.label;
            outcome.problems.push_back(warning);
        }
    }
    std::vector<qint64> toRemove;
    for (const auto& g : *existingGroups) {
        if (inFile.count(key(g.label)) != 0 || relabelled.count(&g) != 0) {
            continue;
        }
        auto data = recordedDataOf(db, g.id);
        if (!data) {
            return data.error();
        }
        if (!data->isEmpty()) {
            Problem p =
                fileProblem(0, QStringLiteral("group \"%1\" is not in the file, but its day already has "
                                              "recorded data (%2); importing would delete it. Keep the "
                                              "group in the file, or remove it in Balcony first.")
                                   .arg(g.label, *data));
            p.subject = Problem::Subject::Group;
            p.subjectId = g.id;
            p.groupLabel = g.label;
            outcome.problems.push_back(p);
        }
        toRemove.push_back(g.id);
    }
    if (hasErrors(outcome.problems)) {
        return outcome;
    }
    if (const QString unkept = backups::beforeChange(db, backups::Reason::BeforeImport); !unkept.isEmpty()) {
        Problem warning;
        warning.severity = Problem::Severity::Warning;
        warning.subject = Problem::Subject::File;
        warning.message = unkept;
        outcome.problems.push_back(warning);
    }

    Transaction tx(db);
    if (!tx.isActive()) {
        return tx.error();
    }
    std::map<QString, qint64> authorityIds;
    for (const auto& row : preview.rows) {
        auto found = roster.authorityByName(row.authority);
        if (found) {
            authorityIds[authorityKey(row.authority)] = found->id;
            continue;
        }
        if (found.error().kind != Error::Kind::NotFound) {
            return found.error();
        }
        auto added = roster.addAuthority(row.authority);
        if (!added) {
            return added.error();
        }
        authorityIds[authorityKey(row.authority)] = *added;
        ++outcome.report.authoritiesAdded;
    }
    for (qint64 id : toRemove) {
        if (auto removed = store.removeGroup(id); !removed) {
            return removed.error();
        }
        ++outcome.report.groupsRemoved;
    }
    // Kept groups first lose the LAs that leave them, so that an LA moving between two kept groups
    // never sits in both at once (the schema allows an LA once per cycle). LAs that stay are not
    // taken out, so what hangs off their membership (notes taken about them) stays with them.
    for (const auto& p : planned) {
        auto it = existingByLabel.find(key(p.label));
        if (it == existingByLabel.end()) {
            continue;
        }
        std::vector<qint64> staying;
        for (const auto& member : it->second->members) {
            for (const ScheduleRow* row : p.rows) {
                if (authorityIds.at(authorityKey(row->authority)) == member.authorityId) {
                    staying.push_back(member.authorityId);
                }
            }
        }
        if (auto kept = store.setMembers(it->second->id, staying); !kept) {
            return kept.error();
        }
    }
    for (const auto& p : planned) {
        Group group;
        group.cycleId = cycleId;
        group.label = p.label;
        group.date = p.first->date;
        group.mode = p.first->mode;
        group.venue = p.first->venue;
        if (!p.first->facilitator.isEmpty()) {
            auto facilitator = roster.ensureUnattachedPerson(p.first->facilitator, Role::Facilitator);
            if (!facilitator) {
                return facilitator.error();
            }
            group.facilitatorId = *facilitator;
        }
        for (const ScheduleRow* row : p.rows) {
            GroupMember member;
            member.authorityId = authorityIds.at(authorityKey(row->authority));
            for (const ScheduleRow* other : p.rows) {
                if (authorityKey(other->leadReviewerFor) == authorityKey(row->authority)) {
                    member.leadReviewerId = authorityIds.at(authorityKey(other->authority));
                }
            }
            group.members.push_back(member);
        }
        auto existing = existingByLabel.find(key(p.label));
        if (existing == existingByLabel.end()) {
            auto added = store.addGroup(group);
            if (!added) {
                return added.error();
            }
            ++outcome.report.groupsCreated;
            continue;
        }
        group.id = existing->second->id;
        group.uid = existing->second->uid;
        if (sameGroup(group, *existing->second)) {
            ++outcome.report.groupsUnchanged;
        } else {
            ++outcome.report.groupsUpdated;
        }
        if (auto updated = store.updateGroup(group); !updated) {
            return updated.error();
        }
        if (auto members = storeMembers(store, group); !members) {
            return members.error();
        }
    }
    if (auto saved = tx.commit(); !saved) {
        return saved.error();
    }
    outcome.report.rowsRead = int(preview.rows.size());
    logging::get("balcony.interchange")
        ->info("schedule imported into cycle {}: {} rows, {} groups created, {} updated, {} removed",
               cycle->name.toStdString(), outcome.report.rowsRead, outcome.report.groupsCreated,
               outcome.report.groupsUpdated, outcome.report.groupsRemoved);
    return outcome;
}

Result<ScheduleImportOutcome> importScheduleFile(Database& db, qint64 cycleId, const QString& path,
                                                 const QStringList& newAuthorities) {
    auto bytes = readFileBytes(path);
    if (!bytes) {
        return bytes.error();
    }
    return importSchedule(db, cycleId, *bytes, newAuthorities);
}

} // namespace balcony::interchange
