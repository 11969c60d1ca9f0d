#include "demo/demo_years.h"

#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "domain/self_assessment_store.h"
#include "engine/clock.h"
#include "engine/group_day.h"
#include "notes/note_store.h"
#include "notes/session_note_draft.h"
#include "notes/session_note_store.h"
#include "questions/day_questions.h"

#include <map>

// Every sentence below is invented for the demo; none comes from a real session.
namespace balcony {
namespace {

struct YearSession {
    const char* authority;
    const char* reviewedBy;
    const char* focus[2]; // the DCS's themes; each also gets a line of enquiry
    const char* strengths[2];
    const char* enquiry[2]; // the questions asked on each focus theme
    bool shared;            // shared with the lead member after agreement
};

struct DemoYear {
    const char* cycle;
    QDate firstDay;
    QDate lastDay;
    QDate day;
    Mode mode;
    const char* venue;
    YearSession sessions[3];
};

// 2021-2022's group 1 has Kent review Surrey, Surrey review Wokingham, Wokingham review Kent; the
// year before turns the ring round, and the year before that turns it back.
const DemoYear years[] = {
    {"2019-2020",
     QDate(2019, 9, 1),
     QDate(2020, 3, 31),
     QDate(2020, 1, 20),
     Mode::InPerson,
     "Guildford",
     {{"Surrey",
       "Kent",
       {"Workforce", "Political climate"},
       {"A principal social worker whom practitioners trust", "Honest about where practice is weak"},
       {"Why do experienced social workers leave after two years?",
        "How do members hear about practice, not only about performance?"},
       true},
      {"Wokingham",
       "Surrey",
       {"Service reorganisation", ""},
       {"A front door that partners describe as easy to reach", ""},
       {"What will the new locality teams stop doing?", ""},
       false},
      {"Kent",
       "Wokingham",
       {"Meaningful indicators", ""},
       {"Team managers who use their own data every week", ""},
       {"Which three numbers tell the leadership team most?", ""},
       false}}},
    {"2020-2021",
     QDate(2020, 9, 1),
     QDate(2021, 3, 31),
     QDate(2021, 1, 18),
     Mode::Virtual,
     "Microsoft Teams",
     {{"Surrey",
       "Wokingham",
       {"Workforce", "Budget"},
       {"Kept visiting children at home all through the lockdowns",
        "A workforce plan the staff helped to write"},
       {"How many of this year's newly qualified social workers are still in post?",
        "Which savings would you refuse to make, and why?"},
       true},
      {"Wokingham",
       "Kent",
       {"Practice leadership", "Budget"},
       {"Supervision that staff call the best hour of their month", ""},
       {"How do you know the model of practice reaches every team?",
        "What happens to the edge-of-care service when its grant ends?"},
       false},
      {"Kent",
       "Surrey",
       {"Workforce", ""},
       {"A grow-your-own scheme for social workers that is filling posts", ""},
       {"How much of the front door depends on agency staff?", ""},
       false}}},
};

QString text(const char* utf8) {
    return QString::fromUtf8(utf8);
}

QDateTime at(const QDate& day, int hour) {
    return QDateTime(day, QTime(hour, 0), Qt::UTC);
}

Result<Cycle> addCycle(ScheduleStore& schedule, const DemoYear& year, const std::map<QString, qint64>& la,
                       qint64 facilitatorId) {
    Cycle cycle;
    cycle.name = text(year.cycle);
    cycle.firstDay = year.firstDay;
    cycle.lastDay = year.lastDay;
    auto id = schedule.addCycle(cycle);
    if (!id) {
        return id.error();
    }
    cycle.id = *id;
    Group group;
    group.cycleId = cycle.id;
    group.label = QStringLiteral("1");
    group.date = year.day;
    group.mode = year.mode;
    group.venue = text(year.venue);
    group.facilitatorId = facilitatorId;
    for (const auto& s : year.sessions) {
        group.members.push_back({la.at(text(s.authority)), la.at(text(s.reviewedBy))});
    }
    if (auto added = schedule.addGroup(group); !added) {
        return added.error();
    }
    return cycle;
}

// One LA's session captured as the facilitator would have, then drafted, agreed and maybe shared.
Status addSession(Database& db, const CycleSchedule& schedule, const Group& group, int session,
                  const YearSession& s, FakeClock& clock) {
    const qint64 authorityId = group.members.at(static_cast<std::size_t>(session)).authorityId;
    auto day = loadGroupDay(db, schedule.cycle.name, group.label);
    if (!day) {
        return day.error();
    }
    std::map<BlockKind, int> blocks;
    for (const auto& block : day->plan.timetable.blocks) {
        if (block.session == session) {
            blocks[block.kind] = block.index;
        }
    }
    const auto blockOf = [&](BlockKind kind) {
        auto found = blocks.find(kind);
        return found == blocks.end() ? std::optional<int>() : std::optional<int>(found->second);
    };
    NoteStore notes(db, [&clock] { return clock.utcNow(); });
    QStringList focus;
    for (int i = 0; i < 2; ++i) {
        if (!*s.focus[i]) {
            continue;
        }
        focus << text(s.focus[i]);
        clock.advanceMinutes(6);
        if (auto id = notes.capture(
                group.id, authorityId,
                {NoteKind::Note, text(s.focus[i]), blockOf(BlockKind::Questions), text(s.enquiry[i])});
            !id) {
            return id.error();
        }
    }
    for (const char* strength : s.strengths) {
        if (!*strength) {
            continue;
        }
        clock.advanceMinutes(2);
        if (auto id =
                notes.capture(group.id, authorityId,
                              {NoteKind::Strength, {}, blockOf(BlockKind::Affirmation), text(strength)});
            !id) {
            return id.error();
        }
    }
    if (auto saved = questions::DayQuestions(db).setFocusThemes(group.id, authorityId, focus); !saved) {
        return saved;
    }
    const QString facilitator = schedule.personName(group.facilitatorId);
    const Person* dcs = schedule.dcsOf(authorityId);
    const QString dcsName = dcs ? dcs->name : facilitator;
    clock.setUtc(at(group.date.addDays(1), 9));
    auto drafted = SessionNoteDrafter(db, clock).draft(group.id, authorityId, facilitator);
    if (!drafted) {
        return drafted.error();
    }
    SessionNoteStore store(db, clock);
    clock.setUtc(at(group.date.addDays(2), 9));
    if (auto sent = store.markSent(drafted->noteId, facilitator); !sent) {
        return sent.error();
    }
    clock.setUtc(at(group.date.addDays(7), 11));
    if (auto agreed = store.agree(drafted->noteId, dcsName); !agreed) {
        return agreed;
    }
    if (s.shared) {
        clock.setUtc(at(group.date.addDays(10), 9));
        return store.share(drafted->noteId, dcsName);
    }
    return {};
}

} // namespace

Status addDemoYears(Database& db) {
    RosterStore roster(db);
    auto authorities = roster.authorities();
    if (!authorities) {
        return authorities.error();
    }
    std::map<QString, qint64> la;
    for (const auto& a : *authorities) {
        la[a.name] = a.id;
    }
    auto people = roster.people();
    if (!people) {
        return people.error();
    }
    qint64 facilitatorId = 0;
    for (const auto& p : *people) {
        if (p.role == Role::Facilitator && facilitatorId == 0) {
            facilitatorId = p.id;
        }
    }
    ScheduleStore schedule(db);
    SelfAssessmentStore assessments(db);
    for (const auto& year : years) {
        auto cycle = addCycle(schedule, year, la, facilitatorId);
        if (!cycle) {
            return cycle.error();
        }
        auto loaded = schedule.load(cycle->id);
        if (!loaded) {
            return loaded.error();
        }
        const Group& group = loaded->groups.front();
        FakeClock clock(at(group.date, 10));
        for (int i = 0; i < 3; ++i) {
            SelfAssessment sa;
            sa.cycleId = cycle->id;
            sa.authorityId = group.members.at(static_cast<std::size_t>(i)).authorityId;
            sa.status = SaStatus::Distributed;
            sa.draftReceivedOn = group.date.addDays(-35);
            sa.signedOffByDcsOn = group.date.addDays(-24);
            sa.distributedOn = group.date.addDays(-16);
            if (auto saved = assessments.save(sa); !saved) {
                return saved;
            }
        }
        for (int i = 0; i < 3; ++i) {
            clock.setUtc(at(group.date, 10 + 2 * i));
            if (auto added = addSession(db, *loaded, group, i, year.sessions[i], clock); !added) {
                return added;
            }
        }
    }
    return {};
}

} // namespace balcony
