#include "notes/session_note_draft.h"

#include "domain/schedule_store.h"
#include "engine/group_day.h"
#include "notes/note_store.h"
#include "notes/session_note_store.h"
#include "questions/day_questions.h"
#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"

#include <QSet>
#include <algorithm>
#include <map>
#include <utility>

namespace balcony {
namespace {

const QString kThemes = QStringLiteral("Themes the DCS flagged");
const QString kStrengths = QStringLiteral("Strengths affirmed");
const QString kEnquiry = QStringLiteral("Lines of enquiry");
const QString kInsights = QStringLiteral("Insights from the balcony");
const QString kReaction = QStringLiteral("Reaction");
const QString kReflections = QStringLiteral("Reflections");
const QString kAsks = QStringLiteral("Asks");
const QString kOffers = QStringLiteral("Offers");
const QString kActions = QStringLiteral("Action points");
const QString kRatings = QStringLiteral("Ratings (0 to 10)");
const QString kOtherEnquiry = QStringLiteral("Other lines of enquiry");
const QString kNothing = QStringLiteral("_Nothing recorded._");

QString bullet(const QString& text) {
    QString t = text.trimmed();
    t.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    t.replace(u'\n', QStringLiteral("\n  "));
    return QStringLiteral("- ") + t;
}

QString themeTitle(const QString& theme) {
    QString t = theme.trimmed();
    if (t.isEmpty()) {
        return kOtherEnquiry;
    }
    t.replace(u'_', u' ');
    t[0] = t[0].toUpper();
    return t;
}

QString joinNames(const QStringList& names) {
    if (names.size() <= 1) {
        return names.join(QString());
    }
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + names.last();
}

// Where a captured item goes: by its kind, and a plain note by the block it was taken in.
QString sectionOf(const NoteItem& item, const std::map<int, BlockKind>& blocks) {
    switch (item.current.content.kind) {
    case NoteKind::Strength:
        return kStrengths;
    case NoteKind::Insight:
        return kInsights;
    case NoteKind::Ask:
        return kAsks;
    case NoteKind::Offer:
        return kOffers;
    case NoteKind::Action:
        return kActions;
    case NoteKind::Reflection:
        return kReflections;
    case NoteKind::Note:
        break;
    }
    if (item.current.content.blockIndex) {
        if (auto found = blocks.find(*item.current.content.blockIndex); found != blocks.end()) {
            switch (found->second) {
            case BlockKind::Affirmation:
                return kStrengths;
            case BlockKind::Insights:
                return kInsights;
            case BlockKind::Reaction:
                return kReaction;
            case BlockKind::Reflection:
                return kReflections;
            default:
                break;
            }
        }
    }
    return kEnquiry;
}

bool isHeading(const QString& line, int maxLevel) {
    int level = 0;
    while (level < line.size() && line[level] == u'#') {
        ++level;
    }
    return level >= 1 && level <= maxLevel && level < line.size() && line[level] == u' ';
}

qsizetype findLine(const QStringList& lines, const QString& wanted, qsizetype from, qsizetype to) {
    for (qsizetype i = from; i < to; ++i) {
        if (lines[i].trimmed() == wanted) {
            return i;
        }
    }
    return -1;
}

qsizetype blockEnd(const QStringList& lines, qsizetype heading, int maxLevel, qsizetype limit) {
    for (qsizetype i = heading + 1; i < limit; ++i) {
        if (isHeading(lines[i], maxLevel)) {
            return i;
        }
    }
    return limit;
}

// Inserts a bullet at the end of the block that starts at heading and ends before end.
void appendToBlock(QStringList& lines, qsizetype heading, qsizetype end, const QString& text) {
    qsizetype last = end - 1;
    while (last > heading && lines[last].trimmed().isEmpty()) {
        --last;
    }
    qsizetype at = last + 1;
    if (last == heading) {
        lines.insert(at++, QString());
    }
    lines.insert(at++, bullet(text));
    if (at < lines.size() && !lines[at].trimmed().isEmpty()) {
        lines.insert(at, QString());
    }
}

void removePlaceholder(QStringList& lines, qsizetype heading, qsizetype& end) {
    for (qsizetype i = heading + 1; i < end; ++i) {
        if (lines[i].trimmed() == kNothing) {
            lines.removeAt(i);
            --end;
            return;
        }
    }
}

void insertLine(QStringList& lines, const DraftLine& line) {
    const qsizetype section = findLine(lines, QStringLiteral("## ") + line.section, 0, lines.size());
    if (section < 0) {
        while (!lines.isEmpty() && lines.last().trimmed().isEmpty()) {
            lines.removeLast();
        }
        lines << QString() << QStringLiteral("## ") + line.section << QString();
        if (!line.subsection.isEmpty()) {
            lines << QStringLiteral("### ") + line.subsection << QString();
        }
        lines << bullet(line.text);
        return;
    }
    qsizetype end = blockEnd(lines, section, 2, lines.size());
    removePlaceholder(lines, section, end);
    if (line.subsection.isEmpty()) {
        // Before the first subsection, if the section has any.
        appendToBlock(lines, section, blockEnd(lines, section, 3, end), line.text);
        return;
    }
    const qsizetype sub = findLine(lines, QStringLiteral("### ") + line.subsection, section + 1, end);
    if (sub < 0) {
        qsizetype last = end - 1;
        while (last > section && lines[last].trimmed().isEmpty()) {
            --last;
        }
        qsizetype at = last + 1;
        lines.insert(at++, QString());
        lines.insert(at++, QStringLiteral("### ") + line.subsection);
        lines.insert(at++, QString());
        lines.insert(at++, bullet(line.text));
        if (at < lines.size() && !lines[at].trimmed().isEmpty()) {
            lines.insert(at, QString());
        }
        return;
    }
    appendToBlock(lines, sub, blockEnd(lines, sub, 3, end), line.text);
}

QString render(const QString& title, const QString& header, const std::vector<DraftLine>& lines) {
    QStringList out{QStringLiteral("# ") + title, QString(), header};
    for (const QString& section : draftSections()) {
        out << QString() << QStringLiteral("## ") + section << QString();
        std::vector<const DraftLine*> inSection;
        for (const auto& line : lines) {
            if (line.section == section) {
                inSection.push_back(&line);
            }
        }
        if (inSection.empty()) {
            out << kNothing;
            continue;
        }
        QStringList subsections;
        for (const auto* line : inSection) {
            if (line->subsection.isEmpty()) {
                out << bullet(line->text);
            } else if (!subsections.contains(line->subsection)) {
                subsections << line->subsection;
            }
        }
        for (const QString& sub : subsections) {
            if (out.last() != QString()) {
                out << QString();
            }
            out << QStringLiteral("### ") + sub << QString();
            for (const auto* line : inSection) {
                if (line->subsection == sub) {
                    out << bullet(line->text);
                }
            }
        }
    }
    return out.join(u'\n') + u'\n';
}

Result<qint64> cycleOfGroup(Database& db, qint64 groupId) {
    auto query = sql::run(db, QStringLiteral("SELECT cycle_id FROM review_group WHERE id = ?"), {groupId});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("The group no longer exists, so nothing was drafted."));
    }
    return query->value(0).toLongLong();
}

} // namespace

QStringList draftSections() {
    return {kThemes, kStrengths, kEnquiry, kInsights, kReaction, kReflections, kAsks, kOffers, kActions};
}

QString insertLines(const QString& body, const std::vector<DraftLine>& lines) {
    QStringList text = body.split(u'\n');
    const bool endsWithNewline = body.endsWith(u'\n');
    if (endsWithNewline) {
        text.removeLast();
    }
    for (const auto& line : lines) {
        insertLine(text, line);
    }
    return text.join(u'\n') + u'\n';
}

Result<SessionDraft> assembleDraft(Database& db, qint64 groupId, qint64 authorityId) {
    auto cycleId = cycleOfGroup(db, groupId);
    if (!cycleId) {
        return cycleId.error();
    }
    auto schedule = ScheduleStore(db).load(*cycleId);
    if (!schedule) {
        return schedule.error();
    }
    const Group* group = nullptr;
    for (const auto& g : schedule->groups) {
        if (g.id == groupId) {
            group = &g;
        }
    }
    if (!group || !group->member(authorityId)) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("That LA is not a member of this group, so nothing was drafted."));
    }
    QStringList attending;
    for (const auto& m : group->members) {
        attending << schedule->authorityName(m.authorityId);
    }
    // The blocks of the day, to place a plain note by the stage it was taken in. A group whose day
    // cannot be laid out (it does not fit its template) still gets a draft: its notes then count as
    // lines of enquiry.
    std::map<int, BlockKind> blocks;
    if (auto timetable = plannedTimetable(db, *schedule, *group); timetable) {
        for (const auto& block : timetable->blocks) {
            blocks[block.index] = block.kind;
        }
    }

    SessionDraft draft;
    questions::DayQuestions day(db);
    auto focus = day.focusThemes(groupId, authorityId);
    if (!focus) {
        return focus.error();
    }
    for (const QString& theme : *focus) {
        draft.lines.push_back({QStringLiteral("focus:") + theme.trimmed().toLower(), 1, kThemes, {}, theme});
    }
    auto items = NoteStore(db).current(groupId, NoteStore::Filter{authorityId, std::nullopt});
    if (!items) {
        return items.error();
    }
    for (const auto& item : *items) {
        const QString section = sectionOf(item, blocks);
        const QString subsection = section == kEnquiry ? themeTitle(item.current.content.theme) : QString();
        draft.lines.push_back({QStringLiteral("item:%1").arg(item.id), item.current.number, section,
                               subsection, item.current.content.text});
    }
    auto ratings = day.ratings(groupId, authorityId);
    if (!ratings) {
        return ratings.error();
    }
    for (const auto& [question, rating] : *ratings) {
        draft.lines.push_back(
            {QStringLiteral("rating:%1=%2").arg(question).arg(rating), 1, kEnquiry, kRatings,
             QStringLiteral("%1 (rated %2 out of 10)").arg(question.trimmed()).arg(rating)});
    }
    // Themes in the order the DCS flagged them first, then the others as captured; ratings last.
    const QStringList sections = draftSections();
    auto rank = [&](const DraftLine& l) {
        const int section = static_cast<int>(sections.indexOf(l.section));
        if (l.section != kEnquiry || l.subsection.isEmpty()) {
            return std::pair{section, -1};
        }
        if (l.subsection == kRatings) {
            return std::pair{section, 1000};
        }
        if (l.subsection == kOtherEnquiry) {
            return std::pair{section, 999};
        }
        for (int i = 0; i < focus->size(); ++i) {
            if (themeTitle(focus->at(i)).compare(l.subsection, Qt::CaseInsensitive) == 0) {
                return std::pair{section, i};
            }
        }
        return std::pair{section, 500};
    };
    std::stable_sort(draft.lines.begin(), draft.lines.end(),
                     [&](const DraftLine& a, const DraftLine& b) { return rank(a) < rank(b); });
    const QString name = schedule->authorityName(authorityId);
    const QString header =
        QStringLiteral("Group %1, %2. LAs attending: %3.")
            .arg(group->label,
                 group->date.isValid() ? group->date.toString(QStringLiteral("d MMMM yyyy"))
                                       : QStringLiteral("date not set"),
                 joinNames(attending));
    draft.body = render(QStringLiteral("Session note: ") + name, header, draft.lines);
    return draft;
}

Status SessionNoteDrafter::recordSources(qint64 noteId, const std::vector<DraftLine>& lines, bool replace) {
    if (replace) {
        if (auto cleared =
                sql::run(m_db, QStringLiteral("DELETE FROM session_note_source WHERE note_id = ?"), {noteId});
            !cleared) {
            return cleared.error();
        }
    }
    for (const auto& line : lines) {
        auto saved = sql::run(m_db,
                              QStringLiteral("INSERT INTO session_note_source(note_id, source_key, revision) "
                                             "VALUES (?, ?, ?) ON CONFLICT (note_id, source_key) DO UPDATE "
                                             "SET revision = excluded.revision"),
                              {noteId, line.key, line.revision});
        if (!saved) {
            return saved.error();
        }
    }
    return {};
}

Result<SessionNoteDrafter::Result_> SessionNoteDrafter::draft(qint64 groupId, qint64 authorityId,
                                                              const QString& author) {
    auto assembled = assembleDraft(m_db, groupId, authorityId);
    if (!assembled) {
        return assembled.error();
    }
    SessionNoteStore store(m_db, m_clock);
    auto cycleId = cycleOfGroup(m_db, groupId);
    if (!cycleId) {
        return cycleId.error();
    }
    auto existing = store.noteFor(*cycleId, authorityId);
    if (!existing) {
        return existing.error();
    }
    Result_ result;
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    if (!*existing) {
        auto id = store.create(groupId, authorityId, assembled->body, author);
        if (!id) {
            return id.error();
        }
        if (auto recorded = recordSources(*id, assembled->lines, true); !recorded) {
            return recorded.error();
        }
        result = {Outcome::Created, *id, 1, NoteStatus::Draft, {}};
    } else {
        const SessionNote& note = **existing;
        result = {Outcome::Unchanged, note.id, note.latestRevision, note.status, {}};
        if (isLocked(note.status)) {
            result.outcome = Outcome::Locked;
            return result;
        }
        auto latest = store.revision(note.id);
        if (!latest) {
            return latest.error();
        }
        if (note.status == NoteStatus::Draft && latest->origin == RevisionOrigin::Draft) {
            if (latest->fingerprint != fingerprintOf(assembled->body)) {
                auto number = store.saveRevision(note.id, assembled->body, author, RevisionOrigin::Draft);
                if (!number) {
                    return number.error();
                }
                result.outcome = Outcome::Redrafted;
                result.revision = *number;
            }
            if (auto recorded = recordSources(note.id, assembled->lines, true); !recorded) {
                return recorded.error();
            }
        } else {
            auto added = additions(note.id);
            if (!added) {
                return added.error();
            }
            result.additions = std::move(*added);
            result.outcome = result.additions.empty() ? Outcome::Unchanged : Outcome::Additions;
            return result;
        }
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return result;
}

Result<std::vector<DraftLine>> SessionNoteDrafter::additions(qint64 noteId) {
    auto note = SessionNoteStore(m_db, m_clock).note(noteId);
    if (!note) {
        return note.error();
    }
    auto assembled = assembleDraft(m_db, note->groupId, note->authorityId);
    if (!assembled) {
        return assembled.error();
    }
    auto taken = sql::run(
        m_db, QStringLiteral("SELECT source_key, revision FROM session_note_source WHERE note_id = ?"),
        {noteId});
    if (!taken) {
        return taken.error();
    }
    std::map<QString, int> sources;
    while (taken->next()) {
        sources[taken->value(0).toString()] = taken->value(1).toInt();
    }
    std::vector<DraftLine> result;
    for (const auto& line : assembled->lines) {
        auto found = sources.find(line.key);
        if (found == sources.end() || found->second < line.revision) {
            result.push_back(line);
        }
    }
    return result;
}

Result<int> SessionNoteDrafter::takeAdditions(qint64 noteId, const QStringList& keys, const QString& author) {
    SessionNoteStore store(m_db, m_clock);
    auto note = store.note(noteId);
    if (!note) {
        return note.error();
    }
    if (isLocked(note->status)) {
        return failure(
            Error::Kind::Conflict,
            QStringLiteral("The note of %1 is agreed: an agreed note is the record and does not change. "
                           "Reopen it, with a reason, to change it. Nothing was changed.")
                .arg(note->authorityName));
    }
    auto available = additions(noteId);
    if (!available) {
        return available.error();
    }
    std::vector<DraftLine> chosen;
    const QSet<QString> wanted(keys.begin(), keys.end());
    for (const auto& line : *available) {
        if (keys.isEmpty() || wanted.contains(line.key)) {
            chosen.push_back(line);
        }
    }
    for (const QString& key : keys) {
        if (std::none_of(available->begin(), available->end(),
                         [&](const DraftLine& l) { return l.key == key; })) {
            return failure(
                Error::Kind::InvalidInput,
                QStringLiteral("\"%1\" is not among what the day's capture adds to this note. Nothing "
                               "was changed.")
                    .arg(key));
        }
    }
    if (chosen.empty()) {
        return note->latestRevision;
    }
    auto latest = store.revision(noteId);
    if (!latest) {
        return latest.error();
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto number = store.saveRevision(noteId, insertLines(latest->body, chosen), author, RevisionOrigin::Edit);
    if (!number) {
        return number.error();
    }
    if (auto recorded = recordSources(noteId, chosen, false); !recorded) {
        return recorded.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    return *number;
}

} // namespace balcony
