#include "outcomes/authority_years.h"

#include "engine/clock.h"
#include "notes/note_store.h"
#include "notes/session_note_draft.h"
#include "notes/session_note_store.h"
#include "questions/question_bank.h"
#include "store/database.h"
#include "store/sql.h"

#include <QSet>
#include <algorithm>
#include <map>
#include <tuple>

namespace balcony::outcomes {
namespace {

// The headings under "Lines of enquiry" that are not themes (session_note_draft.cpp writes them;
// a test drafts a note and reads its themes back, so a change there shows).
const QString kRatings = QStringLiteral("Ratings (0 to 10)");
const QString kOtherEnquiry = QStringLiteral("Other lines of enquiry");
const QString kNothing = QStringLiteral("_Nothing recorded._");

int headingLevel(const QString& line) {
    int level = 0;
    while (level < line.size() && line[level] == u'#') {
        ++level;
    }
    return level >= 1 && level < line.size() && line[level] == u' ' ? level : 0;
}

Result<QString> authorityName(Database& db, qint64 authorityId) {
    auto query = sql::run(db, QStringLiteral("SELECT name FROM authority WHERE id = ?"), {authorityId});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("There is no local authority %1 in this region. List them with "
                                      "`roster list`.")
                           .arg(authorityId));
    }
    return query->value(0).toString();
}

// Fills a year's strengths and, for an agreed note, its areas for development.
Status fillYear(Database& db, qint64 authorityId, AuthorityYear& year) {
    auto strengths = NoteStore(db).current(year.groupId, NoteStore::Filter{authorityId, NoteKind::Strength});
    if (!strengths) {
        return strengths.error();
    }
    for (const auto& item : *strengths) {
        year.strengths << item.current.content.text.trimmed();
    }
    // The store only reads here; its clock is never asked.
    const SystemClock unused;
    SessionNoteStore notes(db, unused);
    auto note = notes.noteFor(year.cycleId, authorityId);
    if (!note) {
        return note.error();
    }
    if (!*note) {
        return {};
    }
    year.noteStatus = (*note)->status;
    if (!year.noteAgreed()) {
        return {};
    }
    const int agreed = (*note)->agreedRevision > 0 ? (*note)->agreedRevision : (*note)->latestRevision;
    auto revision = notes.revision((*note)->id, agreed);
    if (!revision) {
        return revision.error();
    }
    for (const QString& theme : noteThemes(revision->body)) {
        year.areas.push_back({theme, false});
    }
    return {};
}

void markRecurring(std::vector<AuthorityYear>& years) {
    for (std::size_t i = 1; i < years.size(); ++i) {
        QSet<QString> before;
        for (const auto& area : years[i - 1].areas) {
            before.insert(questions::themeKey(area.title));
        }
        for (auto& area : years[i].areas) {
            area.recurring = before.contains(questions::themeKey(area.title));
        }
    }
}

} // namespace

QStringList AuthorityYear::recurringThemes() const {
    QStringList titles;
    for (const auto& area : areas) {
        if (area.recurring) {
            titles << area.title;
        }
    }
    return titles;
}

QStringList noteThemes(const QString& body) {
    const QStringList sections = draftSections();
    const QString flagged = sections.value(0); // "Themes the DCS flagged"
    const QString enquiry = sections.value(2); // "Lines of enquiry"
    QStringList themes;
    QSet<QString> seen;
    const auto add = [&](const QString& title) {
        const QString t = title.trimmed();
        const QString key = questions::themeKey(t);
        if (t.isEmpty() || t == kNothing || key.isEmpty() || seen.contains(key)) {
            return;
        }
        seen.insert(key);
        themes << t;
    };
    QString section;
    for (const QString& raw : body.split(u'\n')) {
        const QString line = raw.trimmed();
        const int level = headingLevel(line);
        if (level == 2) {
            section = line.mid(3).trimmed();
        } else if (level == 1) {
            section.clear();
        } else if (level == 3 && section == enquiry) {
            const QString heading = line.mid(4).trimmed();
            if (heading != kRatings && heading != kOtherEnquiry) {
                add(heading);
            }
        } else if (level == 0 && section == flagged &&
                   (line.startsWith(QStringLiteral("- ")) || line.startsWith(QStringLiteral("* ")))) {
            add(line.mid(2));
        }
    }
    return themes;
}

Result<AuthorityYears> authorityYears(Database& db, qint64 authorityId, qint64 cycleId) {
    AuthorityYears result;
    result.authorityId = authorityId;
    auto name = authorityName(db, authorityId);
    if (!name) {
        return name.error();
    }
    result.authorityName = *name;

    AuthorityYear asked;
    if (cycleId == 0) {
        auto latest =
            sql::run(db,
                     QStringLiteral("SELECT c.id FROM group_member m JOIN cycle c ON c.id = m.cycle_id "
                                    "WHERE m.authority_id = ? ORDER BY c.first_day DESC, c.name DESC "
                                    "LIMIT 1"),
                     {authorityId});
        if (!latest) {
            return latest.error();
        }
        if (!latest->next()) {
            return failure(
                Error::Kind::NotFound,
                QStringLiteral("%1 has not been in a group of any cycle yet, so it has no years to "
                               "show.")
                    .arg(result.authorityName));
        }
        cycleId = latest->value(0).toLongLong();
    }
    auto cycle = sql::run(db, QStringLiteral("SELECT name, first_day FROM cycle WHERE id = ?"), {cycleId});
    if (!cycle) {
        return cycle.error();
    }
    if (!cycle->next()) {
        return failure(
            Error::Kind::NotFound,
            QStringLiteral("There is no cycle %1 in this region. List them with `cycle list`.").arg(cycleId));
    }
    asked.cycleId = cycleId;
    asked.cycleName = cycle->value(0).toString();
    asked.cycleFirstDay = sql::dateFrom(cycle->value(1));

    // The LA's sessions in this cycle and the cycles before it, latest first; ties by name, so that
    // two cycles that start on the same day still come in a fixed order.
    auto sessions = sql::run(db,
                             QStringLiteral("SELECT c.id, c.name, c.first_day, g.id, g.label, g.held_on "
                                            "FROM group_member m JOIN cycle c ON c.id = m.cycle_id "
                                            "JOIN review_group g ON g.id = m.group_id "
                                            "WHERE m.authority_id = ? AND (c.id = ? OR c.first_day < ? OR "
                                            "(c.first_day = ? AND c.name < ?)) "
                                            "ORDER BY c.first_day DESC, c.name DESC LIMIT 3"),
                             {authorityId, cycleId, sql::isoDate(asked.cycleFirstDay),
                              sql::isoDate(asked.cycleFirstDay), asked.cycleName});
    if (!sessions) {
        return sessions.error();
    }
    std::vector<AuthorityYear> years;
    while (sessions->next()) {
        AuthorityYear year;
        year.cycleId = sessions->value(0).toLongLong();
        year.cycleName = sessions->value(1).toString();
        year.cycleFirstDay = sql::dateFrom(sessions->value(2));
        year.groupId = sessions->value(3).toLongLong();
        year.groupLabel = sessions->value(4).toString();
        year.groupDate = sql::dateFrom(sessions->value(5));
        years.push_back(std::move(year));
    }
    // The cycle asked for comes first (latest) whether or not the LA had a session in it.
    if (years.empty() || years.front().cycleId != cycleId) {
        years.insert(years.begin(), asked);
        if (years.size() > 3) {
            years.pop_back();
        }
    }
    std::reverse(years.begin(), years.end());
    for (auto& year : years) {
        if (year.hadSession()) {
            if (auto filled = fillYear(db, authorityId, year); !filled) {
                return filled.error();
            }
        }
    }
    markRecurring(years);
    result.years = std::move(years);
    return result;
}

Result<YearsChoice> yearsChoice(Database& db, qint64 cycleId) {
    auto cycle = sql::run(db, QStringLiteral("SELECT id FROM cycle WHERE id = ?"), {cycleId});
    if (!cycle) {
        return cycle.error();
    }
    if (!cycle->next()) {
        return failure(
            Error::Kind::NotFound,
            QStringLiteral("There is no cycle %1 in this region. List them with `cycle list`.").arg(cycleId));
    }
    auto members = sql::run(db,
                            QStringLiteral("SELECT a.id, a.name FROM group_member m "
                                           "JOIN authority a ON a.id = m.authority_id "
                                           "WHERE m.cycle_id = ? ORDER BY a.name, a.id"),
                            {cycleId});
    if (!members) {
        return members.error();
    }
    YearsChoice choice;
    while (members->next()) {
        choice.authorities.emplace_back(members->value(0).toLongLong(), members->value(1).toString());
    }
    // Best first: most recurring themes, then most years with something to show; the list is by name,
    // so the first of equals is the first by name.
    std::tuple<qsizetype, int> best{-1, -1};
    for (const auto& [id, name] : choice.authorities) {
        auto years = authorityYears(db, id, cycleId);
        if (!years) {
            return years.error();
        }
        const AuthorityYear& last = years->years.back();
        int filled = 0;
        for (const auto& year : years->years) {
            filled += !year.strengths.isEmpty() || !year.areas.empty() ? 1 : 0;
        }
        const std::tuple<qsizetype, int> rank{last.recurringThemes().size(), filled};
        if (rank > best) {
            best = rank;
            choice.suggested = id;
        }
    }
    return choice;
}

} // namespace balcony::outcomes
