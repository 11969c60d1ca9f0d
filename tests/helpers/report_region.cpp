#include "helpers/report_region.h"

#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "notes/note_store.h"
#include "notes/session_note_store.h"
#include "outcomes/matching.h"
#include "outcomes/priorities.h"
#include "outcomes/report_marks.h"
#include "questions/day_questions.h"

#include <catch2/catch.hpp>

namespace balcony::test {

QStringList ReportRegion::authorities() {
    return {QStringLiteral("Hartlepool"), QStringLiteral("Darlington"), QStringLiteral("Redcar"),
            QStringLiteral("Stockton"),   QStringLiteral("Brighton"),   QStringLiteral("Hastings"),
            QStringLiteral("Worthing"),   QStringLiteral("Eastbourne")};
}

ReportRegion::ReportRegion(const QString& path) {
    auto opened = Database::open(path, {.create = true});
    REQUIRE(opened.ok());
    db = std::move(*opened);
    RosterStore roster(*db);
    for (const auto& name : authorities()) {
        auto id = roster.addAuthority(name);
        REQUIRE(id.ok());
        la[name] = *id;
    }
    ScheduleStore schedule(*db);
    Cycle c;
    c.name = QStringLiteral("2026-2027");
    c.firstDay = QDate(2026, 9, 1);
    c.lastDay = QDate(2027, 7, 31);
    auto cycleId = schedule.addCycle(c);
    REQUIRE(cycleId.ok());
    cycle = *cycleId;
    const QStringList names = authorities();
    for (int g = 0; g < 2; ++g) {
        Group added;
        added.cycleId = cycle;
        added.label = g == 0 ? QStringLiteral("North") : QStringLiteral("South");
        added.date = QDate(2026, 11, 3 + 7 * g);
        added.venue = QStringLiteral("County Hall");
        for (int i = 0; i < 4; ++i) {
            added.members.push_back({la[names[4 * g + i]], la[names[4 * g + (i + 1) % 4]]});
        }
        auto id = schedule.addGroup(added);
        INFO((id.ok() ? QString() : id.message()).toStdString());
        REQUIRE(id.ok());
        group[added.label] = *id;
    }

    NoteStore notes(*db, [this] { return clock.utcNow(); });
    SessionNoteStore sessionNotes(*db, clock);
    questions::DayQuestions day(*db);
    const std::pair<NoteKind, const char*> kinds[] = {{NoteKind::Note, "Note"},
                                                      {NoteKind::Strength, "Strength"},
                                                      {NoteKind::Insight, "Insight"},
                                                      {NoteKind::Ask, "Ask"},
                                                      {NoteKind::Offer, "Offer"},
                                                      {NoteKind::Action, "Action"},
                                                      {NoteKind::Reflection, "Reflection"}};
    const QStringList themes{QStringLiteral("Workforce"), QStringLiteral("Budget"),
                             QStringLiteral("Learning culture")};
    for (int i = 0; i < names.size(); ++i) {
        const QString& name = names[i];
        const qint64 groupId = group[i < 4 ? QStringLiteral("North") : QStringLiteral("South")];
        int k = 0;
        for (const auto& [kind, word] : kinds) {
            const QString text = QStringLiteral("Zq%1%2 said in confidence").arg(QLatin1String(word), name);
            auto id = notes.capture(groupId, la[name],
                                    {kind, themes[(i + k++) % themes.size()], std::nullopt, text});
            INFO((id.ok() ? QString() : id.message()).toStdString());
            REQUIRE(id.ok());
            item[QStringLiteral("Zq%1%2").arg(QLatin1String(word), name)] = *id;
            allDistinctive << QStringLiteral("Zq%1%2").arg(QLatin1String(word), name);
        }
        const QString session = QStringLiteral("ZqSession%1").arg(name);
        auto note = sessionNotes.create(
            groupId, la[name], QStringLiteral("# Session note\n\n%1 was discussed at length.\n").arg(session),
            QStringLiteral("Priya Raman"));
        REQUIRE(note.ok());
        allDistinctive << session;
        REQUIRE(
            day.setFocusThemes(groupId, la[name], {QStringLiteral("Workforce"), QStringLiteral("Placements")})
                .ok());
    }

    outcomes::ReportMarkStore marks(*db, clock);
    const std::pair<const char*, outcomes::ReportSection> toMark[] = {
        {"ZqStrengthHartlepool", outcomes::ReportSection::BestPractice},
        {"ZqOfferBrighton", outcomes::ReportSection::BestPractice},
        {"ZqInsightRedcar", outcomes::ReportSection::SystemicIssue},
        {"ZqAskWorthing", outcomes::ReportSection::SystemicIssue},
    };
    for (const auto& [key, section] : toMark) {
        REQUIRE(marks.mark(item.at(QString::fromLatin1(key)), section).ok());
        marked << QString::fromLatin1(key);
    }
    // Darlington's ask met by Brighton's offer: the offer is marked, so its text shows; the ask is not.
    outcomes::MatchStore matches(*db, clock);
    REQUIRE(matches
                .confirm(item.at(QStringLiteral("ZqAskDarlington")),
                         item.at(QStringLiteral("ZqOfferBrighton")), QStringLiteral("Programme office"),
                         QDate(2027, 1, 31))
                .ok());

    outcomes::PriorityStore priorities(*db, clock);
    REQUIRE(
        priorities.add(group[QStringLiteral("North")], QStringLiteral("A regional pool of social workers"))
            .ok());
    REQUIRE(priorities.add(group[QStringLiteral("North")], QStringLiteral("Shared placement commissioning"))
                .ok());
    REQUIRE(
        priorities.add(group[QStringLiteral("South")], QStringLiteral("A regional pool of social workers"))
            .ok());
    REQUIRE(day.setPlenaryAnswer(group[QStringLiteral("North")], QStringLiteral("What is the key learning?"),
                                 QStringLiteral("Grip on workforce data pays off"))
                .ok());
    REQUIRE(day.setPlenaryAnswer(group[QStringLiteral("South")], QStringLiteral("What is the key learning?"),
                                 QStringLiteral("Partnership with health needs practitioners' voice"))
                .ok());
}

} // namespace balcony::test
