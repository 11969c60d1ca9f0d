#include "demo/demo_session_notes.h"

#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "engine/group_day.h"
#include "notes/note_store.h"
#include "notes/session_note_draft.h"
#include "notes/session_note_store.h"
#include "questions/day_questions.h"
#include "store/database.h"

#include <QUuid>

// Every sentence below is invented for the demo; none comes from a real session.
namespace balcony {
namespace {

struct DemoSession {
    const char* group;
    const char* authority;
    const char* focus[2];
    const char* strength;
    const char* budgetQuestion;
    const char* workforceQuestion;
    const char* rating; // the rating question; the answer is `score`
    int score;
    const char* insight;
    const char* reaction;
    const char* reflection;
    const char* ask;
    const char* offer;
    const char* action;
};

constexpr DemoSession sessions[] = {
    {"1",
     "Surrey",
     {"Workforce", "Budget"},
     "A settled team of practice leaders who know their families well",
     "How does the service plan for the rise in placement costs next year?",
     "What keeps newly qualified social workers in Surrey after their first year?",
     "How confident are you in next year's budget?",
     6,
     "The self-assessment tells a story of stability; the data on re-referrals suggests more churn",
     "The team recognised the re-referral point and want to test it with their own audit",
     "Look again at how step-down from social care to early help is tracked",
     "Help to benchmark placement costs with a neighbour",
     "Our supervision audit tool and how we use it",
     "Audit twenty step-down cases before the summer"},
    {"1",
     "Wokingham",
     {"Practice leadership", ""},
     "Clear model of practice that staff can describe in their own words",
     "Where does the money for the new edge-of-care service come from after the grant ends?",
     "How do you know supervision is reflective and not only case management?",
     "How strong is your learning culture, from blame to learning?",
     7,
     "A small authority doing a lot through a few people: what happens when one of them leaves?",
     "The DCS agreed succession is the risk they think about least",
     "Write down who covers each key role",
     "A peer to look at our succession plan",
     "Our family group conference service",
     "A succession plan for the five key posts by April"},
    {"1",
     "Kent",
     {"Meaningful indicators", "Workforce"},
     "Strong grip on data at team level",
     "Which indicators does the leadership team trust most, and why?",
     "How much of the front door is staffed by agency workers today?",
     "How confident are you that your data shows what is happening?",
     5,
     "The indicators are rich but the self-assessment draws few conclusions from them",
     "The team welcomed the challenge to say what the data means, not only what it shows",
     "Ask each service head for three conclusions from their dashboard",
     "Support to design a conversion scheme for agency staff",
     "Our dashboard design and the training behind it",
     "Agree three headline measures with the lead member"},
    {"2",
     "East Sussex",
     {"Leading with others", ""},
     "Long-standing partnership with health on the front door",
     "How do partners share the cost of joint posts?",
     "What do partners say about the quality of referrals?",
     "How well do partners share the risk with you?",
     8,
     "Partnership is strong at senior level; practitioners describe it less warmly",
     "The DCS will ask practitioners directly at the next partnership board",
     "Hear from practitioners before the next partnership review",
     "Peer input on a joint workforce plan",
     "Our multi-agency training offer",
     "Invite practitioners to the partnership board"},
    {"2",
     "Portsmouth",
     {"Turnover in senior leadership", ""},
     "Stable political leadership that backs the service",
     "How has the interim arrangement affected spending decisions?",
     "What has changed for staff since the last permanent director left?",
     "How confident are you in leadership stability this year?",
     4,
     "An interim team holding the line well; the next permanent appointment shapes everything",
     "The team accepted that the plan depends on the appointment",
     "Agree a handover pack for the new director",
     "A mentor for the new director",
     "Our approach to keeping caseloads steady",
     "Prepare a handover pack before the appointment"},
    {"2",
     "Milton Keynes",
     {"Budget", ""},
     "Creative use of the family hub network",
     "What would you stop doing if the budget fell by five per cent?",
     "How do you grow your own social workers?",
     "How confident are you in the budget?",
     5,
     "The hubs are the strength; the risk is that they carry too much",
     "The team want to measure what the hubs prevent",
     "Count the referrals the hubs prevent",
     "Analytical help to measure prevention",
     "Tours of our family hubs",
     "Set a prevention measure for the hubs"},
};

QString text(const char* utf8) {
    return QString::fromUtf8(utf8);
}

QDateTime at(const QDate& day, int hour) {
    return QDateTime(day, QTime(hour, 0), Qt::UTC);
}

QString packUuid(const char* authority, const char* what) {
    static const QUuid demo = QUuid::fromString(QStringLiteral("{6f1f2c58-3a0e-4c55-9d4e-0a5b6de3b0f1}"));
    return QUuid::createUuidV5(demo, text(authority) + u'/' + text(what)).toString(QUuid::WithoutBraces);
}

Status capture(Database& db, const Cycle& cycle, const Group& group, int session, const DemoSession& s,
               qint64 authorityId, FakeClock& clock) {
    NoteStore notes(db, [&clock] { return clock.utcNow(); });
    auto day = loadGroupDay(db, cycle.name, group.label);
    if (!day) {
        return day.error();
    }
    std::map<BlockKind, int> blocks;
    for (const auto& block : day->plan.timetable.blocks) {
        if (block.session == session) {
            blocks[block.kind] = block.index;
        }
    }
    const std::pair<NoteContent, BlockKind> items[] = {
        {{NoteKind::Note, text(s.focus[0]), {}, text(s.budgetQuestion)}, BlockKind::Questions},
        {{NoteKind::Note, QStringLiteral("Workforce"), {}, text(s.workforceQuestion)}, BlockKind::Questions},
        {{NoteKind::Strength, {}, {}, text(s.strength)}, BlockKind::Affirmation},
        {{NoteKind::Insight, {}, {}, text(s.insight)}, BlockKind::Insights},
        {{NoteKind::Note, {}, {}, text(s.reaction)}, BlockKind::Reaction},
        {{NoteKind::Reflection, {}, {}, text(s.reflection)}, BlockKind::Reflection},
        {{NoteKind::Ask, {}, {}, text(s.ask)}, BlockKind::Reflection},
        {{NoteKind::Offer, {}, {}, text(s.offer)}, BlockKind::Reflection},
        {{NoteKind::Action, {}, {}, text(s.action)}, BlockKind::Reflection},
    };
    for (auto [content, kind] : items) {
        if (auto found = blocks.find(kind); found != blocks.end()) {
            content.blockIndex = found->second;
        }
        clock.advanceMinutes(4);
        if (auto id = notes.capture(group.id, authorityId, content); !id) {
            return id.error();
        }
    }
    questions::DayQuestions questions(db);
    QStringList focus{text(s.focus[0])};
    if (*s.focus[1]) {
        focus << text(s.focus[1]);
    }
    if (auto saved = questions.setFocusThemes(group.id, authorityId, focus); !saved) {
        return saved;
    }
    return questions.setRating(group.id, authorityId, text(s.rating), s.score);
}

// Takes the note through the workflow to where the demo wants it.
Status advance(Database& db, const DemoSession& s, qint64 noteId, const Group& group,
               const QString& facilitator, const QString& dcs, FakeClock& clock) {
    SessionNoteStore store(db, clock);
    const QString la = text(s.authority);
    const QDate day = group.date;
    if (la == QLatin1String("Milton Keynes")) {
        return {}; // a draft
    }
    clock.setUtc(at(day.addDays(2), 9));
    if (auto sent = store.markSent(noteId, facilitator); !sent) {
        return sent.error();
    }
    if (la == QLatin1String("Portsmouth")) {
        return {}; // sent, never answered: overdue
    }
    auto sent = store.revision(noteId);
    if (!sent) {
        return sent.error();
    }
    if (la == QLatin1String("East Sussex") || la == QLatin1String("Wokingham")) {
        QString amended = sent->body;
        amended.replace(QStringLiteral("Partnership is strong at senior level"),
                        QStringLiteral("Partnership is strong at senior level and improving in localities"));
        amended.replace(QStringLiteral("A small authority doing a lot through a few people"),
                        QStringLiteral("A compact authority whose leaders cover a lot of ground"));
        amended += QStringLiteral("\nAmended by the DCS: thanks to the group for a generous day.\n");
        if (auto done = store.recordAmendment(noteId, sent->number, sent->fingerprint, amended, dcs,
                                              at(day.addDays(6), 15), packUuid(s.authority, "amendment"));
            !done) {
            return done;
        }
        if (la == QLatin1String("East Sussex")) {
            return {};
        }
        clock.setUtc(at(day.addDays(7), 10));
        if (auto resent = store.markSent(noteId, facilitator); !resent) {
            return resent.error();
        }
        if (auto done = store.recordAgreement(noteId, sent->number + 1, fingerprintOf(amended), dcs,
                                              at(day.addDays(9), 11), packUuid(s.authority, "agreement"));
            !done) {
            return done;
        }
        return {};
    }
    clock.setUtc(at(day.addDays(8), 14));
    if (auto agreed = store.agree(noteId, dcs); !agreed) {
        return agreed;
    }
    if (la == QLatin1String("Surrey")) {
        clock.setUtc(at(day.addDays(12), 9));
        return store.share(noteId, dcs);
    }
    // Kent: reopened to add a date, then edited.
    clock.setUtc(at(day.addDays(20), 9));
    if (auto reopened =
            store.reopen(noteId, facilitator,
                         QStringLiteral("The DCS asked to add the date of the next inspection visit"));
        !reopened) {
        return reopened;
    }
    clock.setUtc(at(day.addDays(20), 10));
    auto edited =
        store.edit(noteId, sent->body + QStringLiteral("\nThe next inspection visit is expected in May.\n"),
                   facilitator);
    return edited ? Status() : Status(edited.error());
}

} // namespace

Status addDemoSessionNotes(Database& db) {
    ScheduleStore schedule(db);
    auto cycle = schedule.cycleByName(QStringLiteral("2021-2022"));
    if (!cycle) {
        return cycle.error();
    }
    auto loaded = schedule.load(cycle->id);
    if (!loaded) {
        return loaded.error();
    }
    for (const auto& s : sessions) {
        const Group* group = nullptr;
        for (const auto& g : loaded->groups) {
            if (g.label == text(s.group)) {
                group = &g;
            }
        }
        if (!group) {
            return failure(Error::Kind::Failed,
                           QStringLiteral("The demo's group %1 is missing.").arg(text(s.group)));
        }
        qint64 authorityId = 0;
        int session = 0;
        for (std::size_t i = 0; i < group->members.size(); ++i) {
            if (loaded->authorityName(group->members[i].authorityId) == text(s.authority)) {
                authorityId = group->members[i].authorityId;
                session = static_cast<int>(i);
            }
        }
        if (authorityId == 0) {
            return failure(Error::Kind::Failed,
                           QStringLiteral("The demo's %1 is missing.").arg(text(s.authority)));
        }
        FakeClock clock(at(group->date, 10));
        if (auto captured = capture(db, *cycle, *group, session, s, authorityId, clock); !captured) {
            return captured;
        }
        clock.setUtc(at(group->date.addDays(1), 9));
        const QString facilitator = loaded->personName(group->facilitatorId);
        const Person* dcs = loaded->dcsOf(authorityId);
        auto drafted = SessionNoteDrafter(db, clock).draft(group->id, authorityId, facilitator);
        if (!drafted) {
            return drafted.error();
        }
        if (auto advanced =
                advance(db, s, drafted->noteId, *group, facilitator, dcs ? dcs->name : facilitator, clock);
            !advanced) {
            return advanced;
        }
    }
    return {};
}

} // namespace balcony
