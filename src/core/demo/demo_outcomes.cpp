#include "demo/demo_outcomes.h"

#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "engine/clock.h"
#include "outcomes/action_plan.h"
#include "outcomes/asks_offers.h"
#include "outcomes/matching.h"
#include "outcomes/priorities.h"

#include <map>

namespace balcony {
namespace {

using namespace outcomes;

struct DemoItem {
    const char* la;
    NoteKind kind;
    const char* theme;
    const char* text;
    const char* help; // a support menu key, for an ask
};

const DemoItem demoItems[] = {
    {"Wokingham", NoteKind::Ask, "workforce",
     "Recruiting and keeping experienced social workers: agency staff fill too many of our posts.",
     "peer-la-support"},
    {"Surrey", NoteKind::Offer, "workforce",
     "Our recruitment and retention offer for social workers halved our use of agency staff.", ""},
    {"Kent", NoteKind::Ask, "budget", "Bringing down the cost of residential placements for teenagers.",
     "regional-project"},
    {"Medway", NoteKind::Offer, "budget",
     "A sufficiency strategy and regional commissioning that lowered our residential placement costs.", ""},
    {"Portsmouth", NoteKind::Ask, "challenge and feedback",
     "Independent moderation of our self-assessment before the next inspection.",
     "self-assessment-moderation"},
    {"Hampshire", NoteKind::Offer, "challenge and feedback",
     "Experienced moderators who can test the key conclusions of a self-assessment.", ""},
    {"Reading", NoteKind::Ask, "learning culture",
     "Moving from a blame culture to one where practitioners learn from their mistakes.",
     "leadership-development"},
    {"Oxfordshire", NoteKind::Offer, "learning culture",
     "Learning reviews in which practitioners present their own cases, without blame.", ""},
    {"Milton Keynes", NoteKind::Ask, "service reorganisation",
     "Redesigning the front door so that threshold decisions are quicker and consistent.", ""},
    {"West Sussex", NoteKind::Offer, "service reorganisation",
     "Our front door redesign: the multi-agency safeguarding hub decides thresholds within a day.", ""},
    {"Slough", NoteKind::Ask, "leading with others",
     "Shorter waiting times for children's mental health services, with our health partners.",
     "national-bodies"},
    {"Brighton and Hove", NoteKind::Offer, "leading with others",
     "Joint commissioning with health that cut waiting times for children's mental health services.", ""},
    {"Isle of Wight", NoteKind::Offer, "budget", "Advice on capital funding for small children's homes.", ""},
};

struct DemoPriority {
    const char* group;
    const char* text; // in the group's order
};

const DemoPriority demoPriorities[] = {
    {"1", "A regional approach to recruiting and keeping social workers"},
    {"1", "Shared sufficiency planning for residential placements"},
    {"1", "A peer network for principal social workers"},
    {"2", "Residential placement sufficiency planned together across the region"},
    {"2", "Recruiting and keeping social workers: one regional approach"},
    {"3", "Recruiting and keeping social workers, regionally"},
    {"3", "Peer moderation of self-assessments"},
    {"4", "Waiting times for children's mental health services, worked on with health"},
};

struct DemoAction {
    const char* la;
    bool previousCycle;
    const char* text;
    const char* owner;
    QDate due;
    const char* rag; // empty: unrated
    const char* reason;
    bool done;
};

const DemoAction demoActions[] = {
    {"Wokingham", true, "Launch the edge-of-care service", "Head of early help", QDate(2022, 9, 30), "amber",
     "Funding agreed; two of four posts still vacant", false},
    {"Surrey", true, "Publish the new practice model", "Principal social worker", QDate(2022, 6, 30), "green",
     "Launched at the staff conference", true},
    {"Wokingham", false, "Agree a workforce plan with HR and finance", "Head of workforce",
     QDate(2023, 5, 31), "red", "No agreement yet on market supplements", false},
    {"Wokingham", false, "Refresh the supervision policy", "Principal social worker", QDate(2023, 4, 30),
     "green", "Approved by the senior team", false},
    {"Kent", false, "A joint review of placement sufficiency with Medway",
     "Assistant director, children in care", QDate(2023, 6, 30), "", "", false},
    {"Portsmouth", false, "Book the moderation of next year's self-assessment", "Performance lead",
     QDate(2023, 3, 10), "amber", "Dates offered, not yet confirmed", false},
    {"Reading", false, "Run two learning reviews with practitioners", "Head of quality assurance",
     QDate(2023, 7, 31), "", "", false},
    {"Surrey", false, "Share the retention offer with group 1", "Head of workforce", QDate(2023, 3, 1),
     "green", "Sent to Wokingham and East Sussex", true},
};

} // namespace

Status addDemoOutcomes(Database& db, qint64 previousCycleId, qint64 currentCycleId) {
    const FakeClock clock(QDateTime(QDate(2023, 3, 20), QTime(10, 0), Qt::UTC));
    auto authorities = RosterStore(db).authorities();
    if (!authorities) {
        return authorities.error();
    }
    std::map<QString, qint64> la;
    for (const auto& a : *authorities) {
        la[a.name] = a.id;
    }
    AskOfferRegister items(db, clock);
    std::map<QString, qint64> itemOf; // by LA; each LA has one ask or offer here
    for (const auto& item : demoItems) {
        auto id = items.add(currentCycleId, la[QString::fromUtf8(item.la)], item.kind,
                            QString::fromUtf8(item.theme), QString::fromUtf8(item.text));
        if (!id) {
            return id.error();
        }
        itemOf[QString::fromUtf8(item.la)] = *id;
        if (*item.help) {
            if (auto tagged = items.setSupportKind(*id, QString::fromUtf8(item.help)); !tagged) {
                return tagged;
            }
        }
    }
    if (auto confirmed = MatchStore(db, clock).confirm(
            itemOf[QStringLiteral("Portsmouth")], itemOf[QStringLiteral("Hampshire")],
            QStringLiteral("Programme office"), QDate(2023, 6, 30));
        !confirmed) {
        return confirmed.error();
    }

    auto groups = ScheduleStore(db).groups(currentCycleId);
    if (!groups) {
        return groups.error();
    }
    std::map<QString, qint64> groupOf;
    for (const auto& g : *groups) {
        groupOf[g.label] = g.id;
    }
    PriorityStore priorities(db, clock);
    for (const auto& p : demoPriorities) {
        if (auto added = priorities.add(groupOf[QString::fromUtf8(p.group)], QString::fromUtf8(p.text));
            !added) {
            return added.error();
        }
    }

    ActionPlanStore plans(db, clock);
    for (const auto& a : demoActions) {
        auto id = plans.add(a.previousCycle ? previousCycleId : currentCycleId, la[QString::fromUtf8(a.la)],
                            QString::fromUtf8(a.text), QString::fromUtf8(a.owner), a.due);
        if (!id) {
            return id.error();
        }
        if (*a.rag) {
            if (auto rated =
                    plans.rate(*id, *ragFromKey(QString::fromUtf8(a.rag)), QString::fromUtf8(a.reason));
                !rated) {
                return rated;
            }
        }
        if (a.done) {
            ActionChange change;
            change.status = ActionStatus::Done;
            if (auto changed = plans.change(*id, change); !changed) {
                return changed;
            }
        }
    }
    return {};
}

} // namespace balcony
