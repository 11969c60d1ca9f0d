#pragma once

#include <QDate>
#include <QString>
#include <QTime>
#include <map>
#include <optional>
#include <vector>

// Plain values of the region's data. Ids are database row ids; 0 means "not stored yet".
namespace balcony {

enum class Role { Dcs, ChiefExecutive, LeadMember, TeamMember, Facilitator, ProjectManager };
enum class Mode { InPerson, Virtual };
enum class SaStatus { NotStarted, DraftReceived, SignedOffByDcs, SignedOffByChiefExecutive, Distributed };
enum class ModerationStatus { None, Requested, Agreed, Completed, Declined };

struct LocalAuthority {
    qint64 id = 0;
    QString name;
};

struct PastPost {
    qint64 authorityId = 0;
    QString title;
    bool interim = false;
    QDate startedOn; // invalid when unknown
    QDate endedOn;   // invalid when unknown or current
};

struct Person {
    qint64 id = 0;
    QString name;
    QString email;
    Role role = Role::TeamMember;
    qint64 authorityId = 0; // 0 for facilitators and project managers, who belong to no LA
    std::vector<PastPost> pastPosts;
};

struct Cycle {
    qint64 id = 0;
    QString name;
    QDate firstDay;
    QDate lastDay;
    int saDueDaysBefore = 14;     // self-assessment distributed this many days before the group's day
    int moderationFromWeeks = 12; // moderation window opens this many weeks before the day...
    int moderationToWeeks = 8;    // ...and closes this many weeks before it
    // A session note sent for review is due back this many working days after sending
    // (notes/working_days.h; 1 to 100).
    int noteDueWorkingDays = 10;
    // Who sends the calendar invitations (RFC 5546's ORGANIZER): usually the project manager. Both
    // empty when the cycle has none; then invitations are a plain calendar without attendees.
    QString organiserName;
    QString organiserEmail;

    bool hasOrganiser() const { return !organiserEmail.isEmpty(); }

    bool contains(const QDate& day) const { return day >= firstDay && day <= lastDay; }
};

struct GroupMember {
    qint64 authorityId = 0;
    qint64 leadReviewerId = 0; // the authority whose DCS reviews this one; 0 when not assigned
};

struct Group {
    qint64 id = 0;
    qint64 cycleId = 0;
    QString label;
    QDate date;
    Mode mode = Mode::InPerson;
    QString venue;
    qint64 facilitatorId = 0;         // a person; 0 when none yet
    QString uid;                      // stable calendar UID, assigned when the group is stored
    QTime start;                      // the group's own start; invalid: its day template's start
    std::vector<GroupMember> members; // in presenting order

    bool isTriad() const { return members.size() == 3; }
    bool isQuartet() const { return members.size() == 4; }
    const GroupMember* member(qint64 authorityId) const;
};

struct SelfAssessment {
    qint64 cycleId = 0;
    qint64 authorityId = 0;
    SaStatus status = SaStatus::NotStarted;
    QDate draftReceivedOn;
    QDate signedOffByDcsOn;
    QDate signedOffByChiefExecutiveOn;
    QDate distributedOn;
    QString documentPath;
    QString documentSha256;
    ModerationStatus moderation = ModerationStatus::None;
    QDate moderationRequestedOn;
};

// Everything the rules need to judge one cycle, loaded at once so that checks and the
// lead-reviewer generator are pure functions of it.
struct CycleSchedule {
    Cycle cycle;
    std::vector<Group> groups;
    std::map<qint64, LocalAuthority> authorities;     // every authority of the region, by id
    std::map<qint64, Person> people;                  // every person, by id
    std::map<qint64, SelfAssessment> selfAssessments; // by authority id, for this cycle

    QString authorityName(qint64 id) const;
    QString personName(qint64 id) const;
    const Person* dcsOf(qint64 authorityId) const;
    const Group* groupOf(qint64 authorityId) const;
};

// Due dates derived from a group's day and the cycle's settings.
QDate selfAssessmentDue(const Cycle& cycle, const QDate& groupDay);
QDate moderationOpens(const Cycle& cycle, const QDate& groupDay);
QDate moderationCloses(const Cycle& cycle, const QDate& groupDay);

// Stable names for storage, CSV and the CLI ("in_person", "signed_off_dcs", ...).
QString toKey(Role role);
QString toKey(Mode mode);
QString toKey(SaStatus status);
QString toKey(ModerationStatus status);
std::optional<Role> roleFromKey(const QString& key);
std::optional<Mode> modeFromKey(const QString& key);
std::optional<SaStatus> saStatusFromKey(const QString& key);
std::optional<ModerationStatus> moderationFromKey(const QString& key);

// Words for people ("In person", "Signed off by the DCS").
QString displayName(Role role);
QString displayName(Mode mode);
QString displayName(SaStatus status);
QString displayName(ModerationStatus status);

// Every key of an enum, in order, for help texts and pickers.
QStringList saStatusKeys();
QStringList roleKeys();

} // namespace balcony
