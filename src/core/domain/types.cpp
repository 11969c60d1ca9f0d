#include "domain/types.h"

#include <QStringList>
#include <array>
#include <utility>

namespace balcony {
namespace {

template <typename Enum, std::size_t N>
using Table = std::array<std::pair<Enum, const char*>, N>;

constexpr Table<Role, 6> roleKeysTable{{{Role::Dcs, "dcs"},
                                        {Role::ChiefExecutive, "chief_executive"},
                                        {Role::LeadMember, "lead_member"},
                                        {Role::TeamMember, "team_member"},
                                        {Role::Facilitator, "facilitator"},
                                        {Role::ProjectManager, "project_manager"}}};
constexpr Table<Mode, 2> modeKeysTable{{{Mode::InPerson, "in_person"}, {Mode::Virtual, "virtual"}}};
constexpr Table<SaStatus, 5> saKeysTable{{{SaStatus::NotStarted, "not_started"},
                                          {SaStatus::DraftReceived, "draft_received"},
                                          {SaStatus::SignedOffByDcs, "signed_off_dcs"},
                                          {SaStatus::SignedOffByChiefExecutive, "signed_off_cx"},
                                          {SaStatus::Distributed, "distributed"}}};
constexpr Table<ModerationStatus, 5> moderationKeysTable{{{ModerationStatus::None, "none"},
                                                          {ModerationStatus::Requested, "requested"},
                                                          {ModerationStatus::Agreed, "agreed"},
                                                          {ModerationStatus::Completed, "completed"},
                                                          {ModerationStatus::Declined, "declined"}}};

template <typename Enum, std::size_t N>
QString keyOf(const Table<Enum, N>& table, Enum value) {
    for (const auto& [e, key] : table) {
        if (e == value) {
            return QString::fromLatin1(key);
        }
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const Table<Enum, N>& table, const QString& key) {
    const QString wanted = key.trimmed()
                               .toLower()
                               .replace(QLatin1Char(' '), QLatin1Char('_'))
                               .replace(QLatin1Char('-'), QLatin1Char('_'));
    for (const auto& [e, k] : table) {
        if (wanted == QLatin1String(k)) {
            return e;
        }
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
QStringList keysOf(const Table<Enum, N>& table) {
    QStringList keys;
    for (const auto& entry : table) {
        keys << QString::fromLatin1(entry.second);
    }
    return keys;
}

} // namespace

const GroupMember* Group::member(qint64 authorityId) const {
    for (const auto& m : members) {
        if (m.authorityId == authorityId) {
            return &m;
        }
    }
    return nullptr;
}

QString CycleSchedule::authorityName(qint64 id) const {
    auto found = authorities.find(id);
    return found == authorities.end() ? QStringLiteral("#%1").arg(id) : found->second.name;
}

QString CycleSchedule::personName(qint64 id) const {
    auto found = people.find(id);
    return found == people.end() ? QString() : found->second.name;
}

const Person* CycleSchedule::dcsOf(qint64 authorityId) const {
    for (const auto& [id, person] : people) {
        if (person.role == Role::Dcs && person.authorityId == authorityId) {
            return &person;
        }
    }
    return nullptr;
}

const Group* CycleSchedule::groupOf(qint64 authorityId) const {
    for (const auto& group : groups) {
        if (group.member(authorityId)) {
            return &group;
        }
    }
    return nullptr;
}

QDate selfAssessmentDue(const Cycle& cycle, const QDate& groupDay) {
    return groupDay.isValid() ? groupDay.addDays(-cycle.saDueDaysBefore) : QDate();
}

QDate moderationOpens(const Cycle& cycle, const QDate& groupDay) {
    return groupDay.isValid() ? groupDay.addDays(-7 * cycle.moderationFromWeeks) : QDate();
}

QDate moderationCloses(const Cycle& cycle, const QDate& groupDay) {
    return groupDay.isValid() ? groupDay.addDays(-7 * cycle.moderationToWeeks) : QDate();
}

QString toKey(Role role) {
    return keyOf(roleKeysTable, role);
}
QString toKey(Mode mode) {
    return keyOf(modeKeysTable, mode);
}
QString toKey(SaStatus status) {
    return keyOf(saKeysTable, status);
}
QString toKey(ModerationStatus status) {
    return keyOf(moderationKeysTable, status);
}
std::optional<Role> roleFromKey(const QString& key) {
    return valueOf(roleKeysTable, key);
}
std::optional<Mode> modeFromKey(const QString& key) {
    return valueOf(modeKeysTable, key);
}
std::optional<SaStatus> saStatusFromKey(const QString& key) {
    return valueOf(saKeysTable, key);
}
std::optional<ModerationStatus> moderationFromKey(const QString& key) {
    return valueOf(moderationKeysTable, key);
}
QStringList saStatusKeys() {
    return keysOf(saKeysTable);
}
QStringList roleKeys() {
    return keysOf(roleKeysTable);
}

QString displayName(Role role) {
    switch (role) {
    case Role::Dcs:
        return QStringLiteral("Director of children's services");
    case Role::ChiefExecutive:
        return QStringLiteral("Chief executive");
    case Role::LeadMember:
        return QStringLiteral("Lead member");
    case Role::TeamMember:
        return QStringLiteral("Team member");
    case Role::Facilitator:
        return QStringLiteral("Facilitator");
    case Role::ProjectManager:
        return QStringLiteral("Project manager");
    }
    return {};
}

QString displayName(Mode mode) {
    return mode == Mode::InPerson ? QStringLiteral("In person") : QStringLiteral("Virtual");
}

QString displayName(SaStatus status) {
    switch (status) {
    case SaStatus::NotStarted:
        return QStringLiteral("Not started");
    case SaStatus::DraftReceived:
        return QStringLiteral("Draft received");
    case SaStatus::SignedOffByDcs:
        return QStringLiteral("Signed off by the DCS");
    case SaStatus::SignedOffByChiefExecutive:
        return QStringLiteral("Signed off by the chief executive");
    case SaStatus::Distributed:
        return QStringLiteral("Distributed to the group");
    }
    return {};
}

QString displayName(ModerationStatus status) {
    switch (status) {
    case ModerationStatus::None:
        return QStringLiteral("Not requested");
    case ModerationStatus::Requested:
        return QStringLiteral("Requested");
    case ModerationStatus::Agreed:
        return QStringLiteral("Agreed");
    case ModerationStatus::Completed:
        return QStringLiteral("Completed");
    case ModerationStatus::Declined:
        return QStringLiteral("Declined");
    }
    return {};
}

} // namespace balcony
