#include "domain/roster_store.h"

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
    auto query = sql::run(m_db, QStringLiteral("SELECT id, name FROM authority WHERE lower(name) = lower(?)"),
                          {name.trimmed()});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return notFound(QStringLiteral("There is no local authority called \"%1\" in the roster.").arg(name));
    }
    return LocalAuthority{query->value(0).toLongLong(), query->value(1).toString()};
}

Result<qint64> RosterStore::addAuthority(const QString& name) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        return failure(Error::Kind::InvalidInput, QStringLiteral("A local authority needs a name."));
    }
    if (authorityByName(trimmed)) {
        return failure(Error::Kind::Conflict,
                       QStringLiteral("\"%1\" is already in the roster.").arg(trimmed));
    }
    auto query = sql::run(m_db, QStringLiteral("INSERT INTO authority(name) VALUES (?)"), {trimmed});
    if (!query) {
        return query.error();
    }
    return query->lastInsertId().toLongLong();
}

Result<qint64> RosterStore::ensureAuthority(const QString& name) {
    if (auto found = authorityByName(name)) {
        return found->id;
    }
    return addAuthority(name);
}

Status RosterStore::renameAuthority(qint64 id, const QString& name) {
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        return failure(Error::Kind::InvalidInput, QStringLiteral("A local authority needs a name."));
    }
    // The schema's UNIQUE is case-sensitive; the roster is not.
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
    if (person.name.trimmed().isEmpty()) {
        return failure(Error::Kind::InvalidInput, QStringLiteral("A person needs a name."));
    }
    Transaction tx(m_db);
    auto query = sql::run(
        m_db, QStringLiteral("INSERT INTO person(name, email, role, authority_id) VALUES (?, ?, ?, ?)"),
        {person.name.trimmed(), sql::text(person.email.trimmed()), toKey(person.role),
         sql::nullable(person.authorityId)});
    if (!query) {
        return explainPersonConflict(m_db, query.error(), person);
    }
    const qint64 id = query->lastInsertId().toLongLong();
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
    if (person.authorityId == 0 && person.role != Role::Facilitator && person.role != Role::ProjectManager) {
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
    auto query = sql::run(m_db, QStringLiteral("DELETE FROM person WHERE id = ?"), {id});
    if (!query) {
        return query.error();
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
    if (existing->next()) {
        const qint64 id = existing->value(0).toLongLong();
        const bool handedOver =
            existing->value(1).toString().compare(name.trimmed(), Qt::CaseInsensitive) != 0;
        Transaction tx(m_db);
        // Past posts describe the person, not the post: a new holder must not inherit the old
        // holder's conflicts of interest.
        if (handedOver) {
            if (auto cleared =
                    sql::run(m_db, QStringLiteral("DELETE FROM past_post WHERE person_id = ?"), {id});
                !cleared) {
                return cleared.error();
            }
        }
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
    Person person;
    person.name = name;
    person.email = email;
    person.role = role;
    person.authorityId = authorityId;
    return addPerson(person);
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
