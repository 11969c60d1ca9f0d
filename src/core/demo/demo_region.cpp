#include "demo/demo_region.h"

#include "demo/demo_outcomes.h"
#include "demo/demo_report_marks.h"
#include "demo/demo_session_notes.h"
#include "demo/demo_years.h"
#include "domain/roster_store.h"
#include "domain/schedule_store.h"
#include "domain/self_assessment_store.h"
#include "domain/types.h"
#include "store/database.h"
#include "store/transaction.h"
#include "support/logging.h"

#include <map>
#include <vector>

// Every name below is invented. The authorities, the 2022-2023 groups, dates, modes and lead
// reviewers come from the published South East table; the people and the 2021-2022 cycle do not.
namespace balcony {
namespace {

struct DemoAuthority {
    const char* name;
    const char* domain; // <post>@<domain>
    const char* dcs;
    const char* chiefExecutive;
    const char* leadMember;
};

constexpr DemoAuthority authorities[] = {
    {"Wokingham", "wokingham.example", "Helen Marchbank", "Graham Tilsley", "Ruth Oakhanger"},
    {"East Sussex", "eastsussex.example", "Owen Castellow", "Miriam Pennock", "Declan Furze"},
    {"Surrey", "surrey.example", "Anita Rowcliffe", "Simon Ashdown", "Joyce Kettering"},
    {"West Sussex", "westsussex.example", "Marcus Ellingham", "Bernadette Quill", "Colin Harwood"},
    {"Kent", "kent.example", "Priti Halloran", "Stephen Wragby", "Moira Danvers"},
    {"Portsmouth", "portsmouth.example", "Gareth Pellow", "Yvonne Stickland", "Adeel Sarwar"},
    {"Oxfordshire", "oxfordshire.example", "Clare Whitlock", "Duncan Farrier", "Rosalind Tate"},
    {"Hampshire", "hampshire.example", "Jonathan Brereton", "Lesley Ormsby", "Patrick Vane"},
    {"Isle of Wight", "isleofwight.example", "Sally Newbridge", "Trevor Calbourne", "Glenda Moss"},
    {"Reading", "reading.example", "Kwame Boateng", "Harriet Sollis", "Neil Caversham"},
    {"Medway", "medway.example", "Donna Rochford", "Ian Strood", "Beverley Hoo"},
    {"Milton Keynes", "miltonkeynes.example", "Rachel Loughton", "Martin Shenley", "Samir Haq"},
    {"Bracknell Forest", "bracknellforest.example", "Philippa Crowthorne", "Alan Sandhurst",
     "Derek Binfield"},
    {"West Berkshire", "westberkshire.example", "Imogen Hungerford", "Richard Lambourn", "Celia Padworth"},
    {"Windsor and Maidenhead", "windsormaidenhead.example", "Victor Datchet", "Naomi Cookham", "Hilary Bray"},
    {"Brighton and Hove", "brightonhove.example", "Leon Patcham", "Tessa Rottingdean", "Maureen Hollingbury"},
    {"Slough", "slough.example", "Farah Langley", "Edwin Cippenham", "Paul Chalvey"},
    {"Buckinghamshire", "buckinghamshire.example", "Judith Amersham", "Howard Chesham", "Lucy Wendover"},
    {"Southampton", "southampton.example", "Craig Bitterne", "Ann Portswood", "Rajesh Woolston"},
};

struct DemoMember {
    const char* authority;
    const char* reviewedBy; // the authority whose DCS is this one's lead reviewer
};

struct DemoGroup {
    const char* label;
    int year, month, day;
    Mode mode;
    const char* venue;
    int facilitator; // index into the facilitators below
    std::vector<DemoMember> members;
};

constexpr const char* teams = "Microsoft Teams";

// The published 2022-2023 table, read row by row ("Wokingham (LR for S)": Wokingham reviews Surrey).
// Group 5's year is the table's own typo, kept so that `check` catches it. The quartet's venue is
// not in the table; the others are. Facilitators are spread so that nobody is booked twice, even
// once group 5's date is corrected to 31/01/2023 (the day of group 4).
std::vector<DemoGroup> groups2022() {
    return {
        {"1",
         2023,
         1,
         16,
         Mode::InPerson,
         "London",
         0,
         {{"Wokingham", "East Sussex"}, {"East Sussex", "Surrey"}, {"Surrey", "Wokingham"}}},
        {"2",
         2023,
         2,
         24,
         Mode::InPerson,
         "Brighton",
         1,
         {{"West Sussex", "Portsmouth"}, {"Kent", "West Sussex"}, {"Portsmouth", "Kent"}}},
        {"3",
         2023,
         2,
         16,
         Mode::InPerson,
         "Winchester",
         0,
         {{"Oxfordshire", "Isle of Wight"},
          {"Hampshire", "Oxfordshire"},
          {"Isle of Wight", "Reading"},
          {"Reading", "Hampshire"}}},
        {"4",
         2023,
         1,
         31,
         Mode::Virtual,
         teams,
         1,
         {{"Medway", "Milton Keynes"},
          {"Milton Keynes", "Bracknell Forest"},
          {"Bracknell Forest", "Medway"}}},
        {"5",
         2022,
         1,
         31,
         Mode::Virtual,
         teams,
         0,
         {{"West Berkshire", "Windsor and Maidenhead"},
          {"Windsor and Maidenhead", "Brighton and Hove"},
          {"Brighton and Hove", "West Berkshire"}}},
        {"6",
         2023,
         1,
         5,
         Mode::Virtual,
         teams,
         1,
         {{"Slough", "Southampton"}, {"Buckinghamshire", "Slough"}, {"Southampton", "Buckinghamshire"}}},
    };
}

// An invented year before. Some pairs meet again in 2022-2023 (Surrey reviewed Wokingham, Hampshire
// reviewed the Isle of Wight, Reading reviewed Oxfordshire), so "avoid last year's reviewer" has
// something to avoid; none of last year's assignments repeats in the published table.
std::vector<DemoGroup> groups2021() {
    return {
        {"1",
         2022,
         1,
         18,
         Mode::Virtual,
         teams,
         0,
         {{"Surrey", "Kent"}, {"Wokingham", "Surrey"}, {"Kent", "Wokingham"}}},
        {"2",
         2022,
         1,
         25,
         Mode::InPerson,
         "Lewes",
         1,
         {{"East Sussex", "Milton Keynes"}, {"Portsmouth", "East Sussex"}, {"Milton Keynes", "Portsmouth"}}},
        {"3",
         2022,
         2,
         3,
         Mode::InPerson,
         "Winchester",
         0,
         {{"Hampshire", "Brighton and Hove"},
          {"Isle of Wight", "Hampshire"},
          {"Slough", "Isle of Wight"},
          {"Brighton and Hove", "Slough"}}},
        {"4",
         2022,
         2,
         10,
         Mode::Virtual,
         teams,
         1,
         {{"Reading", "Medway"}, {"Oxfordshire", "Reading"}, {"Medway", "Oxfordshire"}}},
        {"5",
         2022,
         2,
         17,
         Mode::Virtual,
         teams,
         0,
         {{"West Sussex", "Southampton"},
          {"Windsor and Maidenhead", "West Sussex"},
          {"Southampton", "Windsor and Maidenhead"}}},
        {"6",
         2022,
         3,
         3,
         Mode::InPerson,
         "Newbury",
         1,
         {{"West Berkshire", "Buckinghamshire"},
          {"Bracknell Forest", "West Berkshire"},
          {"Buckinghamshire", "Bracknell Forest"}}},
    };
}

struct DemoAssessment {
    const char* authority;
    SaStatus status;
    QDate draft, dcs, chiefExecutive, distributed;
};

struct DemoModeration {
    const char* authority;
    ModerationStatus status;
    QDate requestedOn;
};

// 2022-2023 in mixed states: some distributed in time, some late, some never started.
std::vector<DemoAssessment> assessments2022() {
    const auto d = [](int y, int m, int day) { return QDate(y, m, day); };
    return {
        {"Slough", SaStatus::Distributed, d(2022, 11, 28), d(2022, 12, 7), {}, d(2022, 12, 16)},
        {"Buckinghamshire", SaStatus::Distributed, d(2022, 11, 30), d(2022, 12, 9), d(2022, 12, 14),
         d(2022, 12, 20)},
        {"Southampton", SaStatus::SignedOffByDcs, d(2022, 12, 12), d(2022, 12, 23), {}, {}},
        {"Wokingham", SaStatus::Distributed, d(2022, 12, 5), d(2022, 12, 14), {}, d(2022, 12, 21)},
        {"East Sussex",
         SaStatus::SignedOffByChiefExecutive,
         d(2022, 12, 8),
         d(2022, 12, 19),
         d(2023, 1, 4),
         {}},
        {"Surrey", SaStatus::Distributed, d(2022, 12, 1), d(2022, 12, 12), d(2022, 12, 16), d(2022, 12, 22)},
        {"Medway", SaStatus::DraftReceived, d(2023, 1, 9), {}, {}, {}},
        {"Milton Keynes", SaStatus::Distributed, d(2022, 12, 19), d(2023, 1, 6), {}, d(2023, 1, 13)},
        {"West Berkshire", SaStatus::SignedOffByDcs, d(2023, 1, 5), d(2023, 1, 12), {}, {}},
        {"Windsor and Maidenhead", SaStatus::DraftReceived, d(2023, 1, 10), {}, {}, {}},
        {"Oxfordshire", SaStatus::Distributed, d(2023, 1, 9), d(2023, 1, 20), {}, d(2023, 1, 30)},
        {"Hampshire", SaStatus::SignedOffByDcs, d(2023, 1, 11), d(2023, 1, 27), {}, {}},
        {"Isle of Wight", SaStatus::DraftReceived, d(2023, 1, 23), {}, {}, {}},
        {"West Sussex",
         SaStatus::SignedOffByChiefExecutive,
         d(2023, 1, 16),
         d(2023, 1, 30),
         d(2023, 2, 6),
         {}},
        {"Kent", SaStatus::DraftReceived, d(2023, 2, 1), {}, {}, {}},
        // Bracknell Forest, Brighton and Hove, Reading and Portsmouth have not started.
    };
}

// Two authorities used the pooled moderation resource, inside the 8-12 week window.
std::vector<DemoModeration> moderations2022() {
    return {{"Oxfordshire", ModerationStatus::Agreed, QDate(2022, 11, 21)},
            {"Hampshire", ModerationStatus::Completed, QDate(2022, 11, 14)}};
}

Error conflict(const QString& message) {
    return failure(Error::Kind::Conflict, message);
}

QString text(const char* utf8) {
    return QString::fromUtf8(utf8);
}

class Builder {
public:
    explicit Builder(Database& db)
        : m_roster(db)
        , m_schedule(db)
        , m_assessments(db) {}

    Status addRoster() {
        for (const auto& a : authorities) {
            auto id = m_roster.addAuthority(text(a.name));
            if (!id) {
                return id.error();
            }
            m_authorityIds[text(a.name)] = *id;
            const QString domain = text(a.domain);
            const std::pair<Role, const char*> posts[] = {{Role::Dcs, a.dcs},
                                                          {Role::ChiefExecutive, a.chiefExecutive},
                                                          {Role::LeadMember, a.leadMember}};
            for (const auto& [role, name] : posts) {
                const QString mailbox = role == Role::Dcs              ? QStringLiteral("dcs")
                                        : role == Role::ChiefExecutive ? QStringLiteral("chief.executive")
                                                                       : QStringLiteral("lead.member");
                auto person = m_roster.setPostHolder(*id, role, text(name), mailbox + u'@' + domain);
                if (!person) {
                    return person.error();
                }
                if (role == Role::Dcs) {
                    m_dcsIds[text(a.name)] = *person;
                }
            }
        }
        const std::pair<const char*, Role> unattached[] = {{"Nadia Fairbrother", Role::Facilitator},
                                                           {"Tom Haverleigh", Role::Facilitator},
                                                           {"Priya Lockwood", Role::ProjectManager}};
        const char* emails[] = {"nadia.fairbrother@seslip.example", "tom.haverleigh@seslip.example",
                                "programme@seslip.example"};
        for (std::size_t i = 0; i < std::size(unattached); ++i) {
            Person p;
            p.name = text(unattached[i].first);
            p.role = unattached[i].second;
            p.email = text(emails[i]);
            auto id = m_roster.addPerson(p);
            if (!id) {
                return id.error();
            }
            if (p.role == Role::Facilitator) {
                m_facilitatorIds.push_back(*id);
            }
        }
        // West Sussex's DCS was Portsmouth's interim deputy director: harmless while Kent reviews
        // Portsmouth, a conflict of interest if someone makes West Sussex its lead reviewer.
        PastPost post;
        post.authorityId = m_authorityIds.at(QStringLiteral("Portsmouth"));
        post.title = QStringLiteral("Deputy Director of Children's Social Care");
        post.interim = true;
        post.startedOn = QDate(2018, 4, 1);
        post.endedOn = QDate(2020, 6, 30);
        return m_roster.addPastPost(m_dcsIds.at(QStringLiteral("West Sussex")), post);
    }

    Result<Cycle> addCycle(const QString& name, const QDate& first, const QDate& last,
                           const std::vector<DemoGroup>& specs) {
        Cycle cycle;
        cycle.name = name;
        cycle.firstDay = first;
        cycle.lastDay = last;
        auto id = m_schedule.addCycle(cycle);
        if (!id) {
            return id.error();
        }
        cycle.id = *id;
        for (const auto& spec : specs) {
            Group group;
            group.cycleId = cycle.id;
            group.label = text(spec.label);
            group.date = QDate(spec.year, spec.month, spec.day);
            group.mode = spec.mode;
            group.venue = text(spec.venue);
            group.facilitatorId = m_facilitatorIds.at(static_cast<std::size_t>(spec.facilitator));
            for (const auto& m : spec.members) {
                group.members.push_back(
                    {m_authorityIds.at(text(m.authority)), m_authorityIds.at(text(m.reviewedBy))});
            }
            auto added = m_schedule.addGroup(group);
            if (!added) {
                return added.error();
            }
        }
        return cycle;
    }

    Status addAssessments(const Cycle& cycle, const std::vector<DemoAssessment>& specs,
                          const std::vector<DemoModeration>& moderations) {
        for (const auto& spec : specs) {
            SelfAssessment sa;
            sa.cycleId = cycle.id;
            sa.authorityId = m_authorityIds.at(text(spec.authority));
            sa.status = spec.status;
            sa.draftReceivedOn = spec.draft;
            sa.signedOffByDcsOn = spec.dcs;
            sa.signedOffByChiefExecutiveOn = spec.chiefExecutive;
            sa.distributedOn = spec.distributed;
            for (const auto& m : moderations) {
                if (text(m.authority) == text(spec.authority)) {
                    sa.moderation = m.status;
                    sa.moderationRequestedOn = m.requestedOn;
                }
            }
            if (auto saved = m_assessments.save(sa); !saved) {
                return saved;
            }
        }
        return {};
    }

    // Last year everyone distributed on time: drafts five weeks ahead, sign-off and distribution
    // before the due date.
    Status addPunctualAssessments(const Cycle& cycle) {
        auto groups = m_schedule.groups(cycle.id);
        if (!groups) {
            return groups.error();
        }
        for (const auto& group : *groups) {
            for (const auto& member : group.members) {
                SelfAssessment sa;
                sa.cycleId = cycle.id;
                sa.authorityId = member.authorityId;
                sa.status = SaStatus::Distributed;
                sa.draftReceivedOn = group.date.addDays(-35);
                sa.signedOffByDcsOn = group.date.addDays(-24);
                sa.distributedOn = group.date.addDays(-16);
                if (auto saved = m_assessments.save(sa); !saved) {
                    return saved;
                }
            }
        }
        return {};
    }

private:
    RosterStore m_roster;
    ScheduleStore m_schedule;
    SelfAssessmentStore m_assessments;
    std::map<QString, qint64> m_authorityIds;
    std::map<QString, qint64> m_dcsIds;
    std::vector<qint64> m_facilitatorIds;
};

} // namespace

Status createDemoRegion(Database& db) {
    auto existing = RosterStore(db).authorities();
    if (!existing) {
        return existing.error();
    }
    if (!existing->empty()) {
        return conflict(QStringLiteral("%1 already holds a region (%2 local authorities). The demo region "
                                       "only goes into an empty database: choose a new file with --db.")
                            .arg(db.path())
                            .arg(existing->size()));
    }
    Transaction tx(db);
    if (!tx.isActive()) {
        return tx.error();
    }
    Builder builder(db);
    if (auto roster = builder.addRoster(); !roster) {
        return roster;
    }
    auto previous =
        builder.addCycle(QStringLiteral("2021-2022"), QDate(2021, 9, 1), QDate(2022, 3, 31), groups2021());
    if (!previous) {
        return previous.error();
    }
    if (auto saved = builder.addPunctualAssessments(*previous); !saved) {
        return saved;
    }
    auto current =
        builder.addCycle(QStringLiteral("2022-2023"), QDate(2022, 9, 1), QDate(2023, 3, 31), groups2022());
    if (!current) {
        return current.error();
    }
    if (auto saved = builder.addAssessments(*current, assessments2022(), moderations2022()); !saved) {
        return saved;
    }
    if (auto outcomes = addDemoOutcomes(db, previous->id, current->id); !outcomes) {
        return outcomes;
    }
    // After the outcomes, so that the outcomes' items keep the numbers the guide shows.
    if (auto notes = addDemoSessionNotes(db); !notes) {
        return notes;
    }
    if (auto years = addDemoYears(db); !years) { // the earlier years of "Over the years"
        return years;
    }
    if (auto marked = markDemoItemsForReport(db, current->id); !marked) {
        return marked;
    }
    if (auto committed = tx.commit(); !committed) {
        return committed;
    }
    logging::get("demo")->info("demo region written to {}", db.path().toStdString());
    return {};
}

} // namespace balcony
