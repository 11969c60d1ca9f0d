#pragma once

#include "domain/types.h"
#include "support/result.h"

#include <vector>

namespace balcony {
class Database;

// The region's local authorities and people. Each call that writes commits its own transaction
// unless the caller holds one (see Transaction); Qt Sql nests nothing, so callers that group
// several writes open the Transaction themselves and call these inside it.
class RosterStore final {
public:
    explicit RosterStore(Database& db)
        : m_db(db) {}

    Result<std::vector<LocalAuthority>> authorities() const;
    Result<LocalAuthority> authorityByName(const QString& name) const; // case-insensitive; NotFound
    Result<qint64> addAuthority(const QString& name);
    Result<qint64> ensureAuthority(const QString& name); // the existing id, or a new authority
    Status renameAuthority(qint64 id, const QString& name);
    Status removeAuthority(qint64 id);

    Result<std::vector<Person>> people() const; // with their past posts
    Result<qint64> addPerson(const Person& person);
    Status updatePerson(const Person& person);
    Status removePerson(qint64 id);
    // For the one-per-LA posts (DCS, chief executive, lead member): replaces the holder's name and
    // email, or adds the holder. An empty name removes nobody and changes nothing.
    Result<qint64> setPostHolder(qint64 authorityId, Role role, const QString& name, const QString& email);
    // A facilitator or project manager by name, added when new.
    Result<qint64> ensureUnattachedPerson(const QString& name, Role role);
    Status addPastPost(qint64 personId, const PastPost& post);

private:
    Database& m_db;
};

} // namespace balcony
