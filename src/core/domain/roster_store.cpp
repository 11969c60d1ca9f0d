#include "domain/roster_store.h"

#include "domain/authority_name.h"
#include "domain/person_name.h"
#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"

#include <QSqlQuery>
#include <map>

namespace balcony {
namespace {

Error notFound(const QString& what) {
    return failure(Error::Kind::NotFound, what);
}

// The schema allows one DCS, chief executive and lead member per authority; say who holds the post.
Error explainPersonConflict(Database& db, const Error& error, const Person& person) {
    if (error.kind != Error::Kind::Conflict || person.authorityId == 0) {
        return error;
    }
    auto holder = sql::run(db,
                           QStringLiteral("SELECT p.name, a.name FROM person p JOIN authority a ON "
                                          "a.id = p.authority_id WHERE p.authority_id = ? AND p.role = ?"),
                           {person.authorityId, toKey(person.role)});
    if (!holder || !holder->next()) {
        return error;
    }
    return failure(Error::Kind::Conflict,
                   QStringLiteral("%1 already has a %2: %3. Change who holds the post instead of adding "
                                  "another.")
                       .arg(holder->value(1).toString(), displayName(person.role).toLower(),
                            holder->value(0).toString()));
}

bool mayBelongToNoAuthority(Role role) {
    return role == Role::Facilitator || role == Role::ProjectManager;
}

bool isOnePerAuthority(Role role) {
    return role == Role::Dcs || role == Role::ChiefExecutive || role == Role::LeadMember;
}

Error needsAuthority(const QString& name, Role role) {
    return failure(Error::Kind::Conflict,
                   QStringLiteral("%1 is a %2, so must belong to a local authority. Only facilitators and "
                                  "project managers belong to none.")
                       .arg(name, displayName(role).toLower()));
}

// The name of the authority chosen for a person, or NotFound when it has gone.
Result<QString> chosenAuthorityName(Database& db, qint64 authorityId, const QString& personName) {
    auto authority = sql::run(db, QStringLiteral("SELECT name FROM authority WHERE id = ?"), {authorityId});
    if (!authority) {
        return authority.error();
    }
    if (!authority->next()) {
        return notFound(
            QStringLiteral("The local authority chosen for %1 is no longer in the roster.").arg(personName));
    }
    return authority->value(0).toString();
}

// Who holds a one-per-authority post there, other than `exceptPersonId`; empty when nobody.
Result<QString> otherPostHolder(Database& db, qint64 authorityId, Role role, qint64 exceptPersonId) {
    auto holder = sql::run(
        db, QStringLiteral("SELECT name FROM person WHERE authority_id = ? AND role = ? AND id <> ?"),
        {authorityId, toKey(role), exceptPersonId});
    if (!holder) {
        return holder.error();
    }
    return holder->next() ? holder->value(0).toString() : QString();
}

} // namespace

Result<std::vector<LocalAuthority>> RosterStore::authorities() const {
    auto query = sql::run(m_db, QStringLiteral("SELECT id, name FROM authority ORDER BY name"));
    if (!query) {
        return query.error();
    }
    std::vector<LocalAuthority> result;
    while (query->next()) {
        result.push_back({query->value(0).toLongLong(), query->value(1).toString()});
    }
    return result;
}

Result<LocalAuthority> RosterStore::authorityByName(const QString& name) const {
    // SQLite's lower() folds ASCII only, so names are compared here with the one rule
    // (authorityKey); a region has a few dozen authorities at most. A file written before this
    // rule may hold two spellings of one LA: the older one is found.
    auto query = sql::run(m_db, QStringLiteral("SELECT id, name FROM authority ORDER BY id"));
    if (!query) {
        return query.error();
    }
    const QString wanted = authorityKey(name);
    while (query->next()) {
        if (authorityKey(query->value(1).toString()) == wanted) {
            return LocalAuthority{query->value(0).toLongLong(), query->value(1).toString()};
        }
    }
    return notFound(QStringLiteral("There is no local authority called \"%1\" in the roster.")
                        .arg(authorityDisplayName(name)));
}

Result<qint64> RosterStore::addAuthority(const QString& name) {
    const QString trimmed = authorityDisplayName(name);
    if (trimmed.isEmpty()) {
        return failure(Error::Kind::InvalidInput, QStringLiteral("A local authority needs a name."));
    }
    if (authorityByName(trimmed)) {
        return failure(Error::Kind::Conflict,
                       QStringLiteral("\"%1\" is already in the roster.").arg(trimmed));
    }
    return sql::insertReturningId(m_db, QStringLiteral("INSERT INTO authority(name) VALUES (?)"), {trimmed});
}

Result<qint64> RosterStore::ensureAuthority(const QString& name) {
    if (auto found = authorityByName(name)) {
        return found->id;
    }
    return addAuthority(name);
}

Status RosterStore::renameAuthority(qint64 id, const QString& name) {
    const QString trimmed = authorityDisplayName(name);
    if (trimmed.isEmpty()) {
        return failure(Error::Kind::InvalidInput, QStringLiteral("A local authority needs a name."));
    }
    // The schema's UNIQUE compares exact text; the roster compares authorityKey().
    if (auto clash = authorityByName(trimmed); clash && clash->id != id) {
        return failure(Error::Kind::Conflict,
                       QStringLiteral("\"%1\" is already in the roster.").arg(clash->name));
    }
    auto query = sql::run(m_db, QStringLiteral("UPDATE authority SET name = ? WHERE id = ?"), {trimmed, id});
    if (!query) {
        return query.error();
    }
    if (query->numRowsAffected() == 0) {
        return notFound(QStringLiteral("The local authority to rename is no longer in the roster."));
    }
    return {};
}

Status RosterStore::removeAuthority(qint64 id) {
    auto query = sql::run(m_db, QStringLiteral("DELETE FROM authority WHERE id = ?"), {id});
    if (!query) {
        return query.error();
    }
    if (query->numRowsAffected() == 0) {
        return notFound(QStringLiteral("The local authority to remove is no longer in the roster."));
    }
    return {};
}

Result<std::vector<Person>> RosterStore::people() const {
    auto query = sql::run(m_db, QStringLiteral("SELECT id, name, email, role, authority_id FROM person "
                                               "ORDER BY name, id"));
    if (!query) {
        return query.error();
    }
    std::vector<Person> result;
    std::map<qint64, std::size_t> indexById;
    while (query->next()) {
        Person p;
        p.id = query->value(0).toLongLong();
        p.name = query->value(1).toString();
        p.email = query->value(2).toString();
        p.role = roleFromKey(query->value(3).toString()).value_or(Role::TeamMember);
        p.authorityId = query->value(4).toLongLong();
        indexById[p.id] = result.size();
        result.push_back(std::move(p));
    }
    auto posts = sql::run(m_db, QStringLiteral("SELECT person_id, authority_id, title, interim, started_on, "
                                               "ended_on FROM past_post ORDER BY person_id, id"));
    if (!posts) {
        return posts.error();
    }
    while (posts->next()) {
        auto found = indexById.find(posts->value(0).toLongLong());
        if (found == indexById.end()) {
            continue;
        }
        result[found->second].pastPosts.push_back({posts->value(1).toLongLong(), posts->value(2).toString(),
                                                   posts->value(3).toBool(), sql::dateFrom(posts->value(4)),
                                                   sql::dateFrom(posts->value(5))});
    }
    return result;
}

Result<qint64> RosterStore::addPerson(const Person& person) {
    return insertPerson(person, false);
}

Status RosterStore::restorePerson(const Person& person) {
    auto id = insertPerson(person, true);
    if (!id) {
        return id.error();
    }
    return {};
}

Result<qint64> RosterStore::insertPerson(const Person& person, bool keepId) {
    const QString name = person.name.trimmed();
    if (name.isEmpty()) {
        return failure(Error::Kind::InvalidInput, QStringLiteral("A person needs a name."));
    }
    const QString roleName = displayName(person.role).toLower();
    if (person.authorityId == 0) {
        if (!mayBelongToNoAuthority(person.role)) {
            return needsAuthority(name, person.role);
        }
        // The schema allows one unattached person per name and role; say so in words.
        auto twin = sql::run(m_db,
                             QStringLiteral("SELECT name FROM person WHERE authority_id IS NULL AND role = ? "
                                            "AND lower(name) = lower(?)"),
                             {toKey(person.role), name});
        if (!twin) {
            return twin.error();
        }
        if (twin->next()) {
            return failure(Error::Kind::Conflict, QStringLiteral("%1 is already in the roster as a %2.")
                                                      .arg(twin->value(0).toString(), roleName));
        }
    } else {
        auto authority = chosenAuthorityName(m_db, person.authorityId, name);
        if (!authority) {
            return authority.error();
        }
        if (isOnePerAuthority(person.role)) {
            auto holder = otherPostHolder(m_db, person.authorityId, person.role, 0);
            if (!holder) {
                return holder.error();
            }
            if (!holder->isEmpty()) {
                return failure(Error::Kind::Conflict,
                               QStringLiteral("%1 already has a %2: %3. Change who holds the post instead of "
                                              "adding another.")
                                   .arg(*authority, roleName, *holder));
            }
        }
    }
    if (keepId) {
        auto taken = sql::run(m_db, QStringLiteral("SELECT 1 FROM person WHERE id = ?"), {person.id});
        if (!taken) {
            return taken.error();
        }
        if (person.id <= 0 || taken->next()) {
            return failure(Error::Kind::Conflict,
                           QStringLiteral("%1 cannot be put back in the roster: their place has been taken "
                                          "since. Add them again instead.")
                               .arg(name));
        }
    }
    Transaction tx(m_db);
    const QVariant email = sql::text(person.email.trimmed());
    const QVariant authorityId = sql::nullable(person.authorityId);
    auto query = keepId ? sql::insertReturningId(m_db,
                                                 QStringLiteral("INSERT INTO person(id, name, email, role, "
                                                                "authority_id) VALUES (?, ?, ?, ?, ?)"),
                                                 {person.id, name, email, toKey(person.role), authorityId})
                        : sql::insertReturningId(m_db,
                                                 QStringLiteral("INSERT INTO person(name, email, role, "
                                                                "authority_id) VALUES (?, ?, ?, ?)"),
                                                 {name, email, toKey(person.role), authorityId});
    if (!query) {
        return explainPersonConflict(m_db, query.error(), person);
    }
    const qint64 id = *query;
    for (const auto& post : person.pastPosts) {
        if (auto added = addPastPost(id, post); !added) {
            return added.error();
        }
    }
    if (auto saved = tx.commit(); !saved) {
        return saved.error();
    }
    return id;
}

Status RosterStore::updatePerson(const Person& person) {
    if (person.authorityId == 0 && !mayBelongToNoAuthority(person.role)) {
        return failure(Error::Kind::Conflict,
                       QStringLiteral("%1 belongs to no local authority, so cannot be a %2. Facilitators and "
                                      "project managers are the only people without one.")
                           .arg(person.name.trimmed(), displayName(person.role).toLower()));
    }
    auto query = sql::run(m_db,
                          QStringLiteral("UPDATE person SET name = ?, email = ?, role = ?, authority_id = ? "
                                         "WHERE id = ?"),
                          {person.name.trimmed(), sql::text(person.email.trimmed()), toKey(person.role),
                           sql::nullable(person.authorityId), person.id});
    if (!query) {
        return explainPersonConflict(m_db, query.error(), person);
    }
    return {};
}

Status RosterStore::removePerson(qint64 id) {
    // A group would silently lose its facilitator (the schema sets it to none): refuse instead.
    auto facilitated = sql::run(m_db,
                                QStringLiteral("SELECT p.name, c.name, g.label FROM review_group g "
                                               "JOIN cycle c ON c.id = g.cycle_id JOIN person p ON "
                                               "p.id = g.facilitator_id WHERE g.facilitator_id = ? "
                                               "ORDER BY c.first_day, g.held_on, g.label"),
                                {id});
    if (!facilitated) {
        return facilitated.error();
    }
    if (facilitated->next()) {
        return failure(Error::Kind::Conflict,
                       QStringLiteral("%1 facilitates %2 in %3. Choose another facilitator for that group "
                                      "before removing %1 from the roster.")
                           .arg(facilitated->value(0).toString(), facilitated->value(2).toString(),
                                facilitated->value(1).toString()));
    }
    auto query = sql::run(m_db, QStringLiteral("DELETE FROM person WHERE id = ?"), {id});
    if (!query) {
        return query.error();
    }
    if (query->numRowsAffected() == 0) {
        return notFound(QStringLiteral("The person to remove is no longer in the roster."));
    }
    return {};
}

Status RosterStore::setPersonAuthority(qint64 personId, qint64 authorityId) {
    auto person = sql::run(m_db, QStringLiteral("SELECT name, role, authority_id FROM person WHERE id = ?"),
                           {personId});
    if (!person) {
        return person.error();
    }
    if (!person->next()) {
        return notFound(QStringLiteral("The person to move is no longer in the roster."));
    }
    const QString name = person->value(0).toString();
    const Role role = roleFromKey(person->value(1).toString()).value_or(Role::TeamMember);
    if (person->value(2).toLongLong() == authorityId) {
        return {};
    }
    const QString post = displayName(role).toLower();
    if (authorityId == 0) {
        if (!mayBelongToNoAuthority(role)) {
            return needsAuthority(name, role);
        }
    } else {
        auto authorityName = chosenAuthorityName(m_db, authorityId, name);
        if (!authorityName) {
            return authorityName.error();
        }
        if (isOnePerAuthority(role)) {
            auto holder = otherPostHolder(m_db, authorityId, role, personId);
            if (!holder) {
                return holder.error();
            }
            if (!holder->isEmpty()) {
                return failure(Error::Kind::Conflict,
                               QStringLiteral("%1 cannot move to %2: %2 already has a %3, %4, and an "
                                              "authority has only one. Change who holds that post first.")
                                   .arg(name, *authorityName, post, *holder));
            }
        }
    }
    auto update = sql::run(m_db, QStringLiteral("UPDATE person SET authority_id = ? WHERE id = ?"),
                           {sql::nullable(authorityId), personId});
    if (!update) {
        return update.error();
    }
    return {};
}

Result<qint64> RosterStore::setPostHolder(qint64 authorityId, Role role, const QString& name,
                                          const QString& email) {
    if (name.trimmed().isEmpty()) {
        return qint64{0};
    }
    auto existing =
        sql::run(m_db, QStringLiteral("SELECT id, name FROM person WHERE authority_id = ? AND role = ?"),
                 {authorityId, toKey(role)});
    if (!existing) {
        return existing.error();
    }
    Transaction tx(m_db);
    if (existing->next()) {
        const qint64 id = existing->value(0).toLongLong();
        if (personKey(existing->value(1).toString()) == personKey(name)) {
            auto update = sql::run(m_db, QStringLiteral("UPDATE person SET name = ?, email = ? WHERE id = ?"),
                                   {name.trimmed(), sql::text(email.trimmed()), id});
            if (!update) {
                return update.error();
            }
            if (auto saved = tx.commit(); !saved) {
                return saved.error();
            }
            return id;
        }
        // Past posts describe the person, not the post: the one leaving keeps theirs, and the new
        // holder inherits none of their conflicts of interest.
        if (auto left = leavePost(id); !left) {
            return left.error();
        }
    }
    Person person;
    person.name = name;
    person.email = email;
    person.role = role;
    person.authorityId = authorityId;
    auto added = addPerson(person);
    if (!added) {
        return added.error();
    }
    if (auto saved = tx.commit(); !saved) {
        return saved.error();
    }
    return *added;
}

Status RosterStore::returnToPost(qint64 personId, qint64 authorityId, Role role) {
    Transaction tx(m_db);
    auto newest =
        sql::run(m_db,
                 QStringLiteral("SELECT max(id) FROM past_post WHERE person_id = ? AND authority_id = ? "
                                "AND title = ? AND started_on IS NULL AND ended_on IS NULL"),
                 {personId, authorityId, displayName(role)});
    if (!newest) {
        return newest.error();
    }
    if (newest->next() && !newest->value(0).isNull()) {
        if (auto removed =
                sql::run(m_db, QStringLiteral("DELETE FROM past_post WHERE id = ?"), {newest->value(0)});
            !removed) {
            return removed.error();
        }
    }
    if (auto taken = takePost(personId, authorityId, role, QString()); !taken) {
        return taken;
    }
    return tx.commit();
}

Status RosterStore::leavePost(qint64 personId) {
    auto person =
        sql::run(m_db, QStringLiteral("SELECT role, authority_id FROM person WHERE id = ?"), {personId});
    if (!person) {
        return person.error();
    }
    if (!person->next()) {
        return notFound(QStringLiteral("The person leaving their post is no longer in the roster."));
    }
    const Role role = roleFromKey(person->value(0).toString()).value_or(Role::TeamMember);
    const qint64 authorityId = person->value(1).toLongLong();
    if (!isOnePerAuthority(role) || authorityId == 0) {
        return {};
    }
    Transaction tx(m_db);
    PastPost post;
    post.authorityId = authorityId;
    post.title = displayName(role);
    if (auto added = addPastPost(personId, post); !added) {
        return added;
    }
    auto update = sql::run(m_db, QStringLiteral("UPDATE person SET role = ? WHERE id = ?"),
                           {toKey(Role::TeamMember), personId});
    if (!update) {
        return update.error();
    }
    return tx.commit();
}

Status RosterStore::takePost(qint64 personId, qint64 authorityId, Role role, const QString& email) {
    auto person = sql::run(m_db, QStringLiteral("SELECT name FROM person WHERE id = ?"), {personId});
    if (!person) {
        return person.error();
    }
    if (!person->next()) {
        return notFound(QStringLiteral("The person taking the post is no longer in the roster."));
    }
    const QString name = person->value(0).toString();
    auto authorityName = chosenAuthorityName(m_db, authorityId, name);
    if (!authorityName) {
        return authorityName.error();
    }
    if (isOnePerAuthority(role)) {
        auto holder = otherPostHolder(m_db, authorityId, role, personId);
        if (!holder) {
            return holder.error();
        }
        if (!holder->isEmpty()) {
            return failure(Error::Kind::Conflict,
                           QStringLiteral("%1 cannot become %2's %3: %4 holds that post.")
                               .arg(name, *authorityName, displayName(role).toLower(), *holder));
        }
    }
    const QString trimmedEmail = email.trimmed();
    auto update =
        trimmedEmail.isEmpty()
            ? sql::run(m_db, QStringLiteral("UPDATE person SET role = ?, authority_id = ? WHERE id = ?"),
                       {toKey(role), authorityId, personId})
            : sql::run(m_db,
                       QStringLiteral("UPDATE person SET role = ?, authority_id = ?, email = ? WHERE id = ?"),
                       {toKey(role), authorityId, trimmedEmail, personId});
    if (!update) {
        return update.error();
    }
    return {};
}

Result<qint64> RosterStore::ensureUnattachedPerson(const QString& name, Role role) {
    auto existing = sql::run(m_db,
                             QStringLiteral("SELECT id FROM person WHERE authority_id IS NULL AND role = ? "
                                            "AND lower(name) = lower(?)"),
                             {toKey(role), name.trimmed()});
    if (!existing) {
        return existing.error();
    }
    if (existing->next()) {
        return existing->value(0).toLongLong();
    }
    Person person;
    person.name = name;
    person.role = role;
    return addPerson(person);
}

Status RosterStore::addPastPost(qint64 personId, const PastPost& post) {
    auto query = sql::run(m_db,
                          QStringLiteral("INSERT INTO past_post(person_id, authority_id, title, interim, "
                                         "started_on, ended_on) VALUES (?, ?, ?, ?, ?, ?)"),
                          {personId, post.authorityId, sql::text(post.title), post.interim ? 1 : 0,
                           sql::isoDate(post.startedOn), sql::isoDate(post.endedOn)});
    if (!query) {
        return query.error();
    }
    return {};
}

} // namespace balcony
