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
    // Names are matched and stored by the one rule in domain/authority_name.h (case and extra
    // spaces ignored, accented letters included); a new or renamed authority is stored with
    // single spaces.
    Result<LocalAuthority> authorityByName(const QString& name) const; // NotFound when absent
    Result<qint64> addAuthority(const QString& name);
    Result<qint64> ensureAuthority(const QString& name); // the existing id, or a new authority
    Status renameAuthority(qint64 id, const QString& name);
    Status removeAuthority(qint64 id);

    Result<std::vector<Person>> people() const; // with their past posts
    // Adds a person with their past posts (the id in `person` is ignored). Refuses, in plain words
    // and changing nothing, what the roster does not allow: no name; anyone but a facilitator or
    // project manager without a local authority; an authority no longer in the roster; a second
    // DCS, chief executive or lead member for one authority; a second facilitator or project
    // manager of the same name (case ignored) without an authority.
    Result<qint64> addPerson(const Person& person);
    // Puts back a person removed earlier (undo), under their old id, with their past posts; the
    // same refusals as addPerson, and Conflict when the id has been taken since.
    Status restorePerson(const Person& person);
    Status updatePerson(const Person& person);
    // Removes a person and their past posts. Refuses (Conflict), naming the cycle and group, while
    // they facilitate a group, which would lose its facilitator; NotFound when they are gone.
    Status removePerson(qint64 id);
    // Moves a person to another local authority, or to none (authorityId 0). Refuses, in plain
    // words and changing nothing, what the roster does not allow: a DCS, chief executive or lead
    // member moving to an authority that already has one, anyone but a facilitator or project
    // manager without an authority, an authority or person no longer in the roster.
    Status setPersonAuthority(qint64 personId, qint64 authorityId);
    // For the one-per-LA posts (DCS, chief executive, lead member): names the holder, and returns
    // their id. An empty name removes nobody and changes nothing. When the post is empty the holder
    // is added. When the new name is the holder's own written another way (personKey: titles, case,
    // accents, spaces, apostrophes) the holder keeps their id and past posts and only the spelling
    // and email change. Another name hands the post over: the holder leaves it as leavePost says,
    // keeping every past post, and the new holder is added without any (no conflict of interest is
    // inherited, and none is lost). The whole change is one transaction.
    Result<qint64> setPostHolder(qint64 authorityId, Role role, const QString& name, const QString& email);
    // Takes back a leavePost of the same person, authority and post (an undo): the person holds the
    // post again and loses the past post leavePost gave them. Refuses (Conflict, changing nothing)
    // while someone else holds the post; NotFound when the person is gone.
    Status returnToPost(qint64 personId, qint64 authorityId, Role role);
    // A DCS, chief executive or lead member leaves their post and stays in the roster as a team
    // member of the same authority, keeping every past post and gaining one for the post they
    // left (its title the post's name, dates unknown), so a conflict of interest follows them
    // wherever they go next. Nothing to do for anyone else; NotFound when the person is gone.
    Status leavePost(qint64 personId);
    // Makes a person the holder of an authority's DCS, chief executive or lead member post, keeping
    // their id and past posts; a non-empty email replaces theirs. Refuses (Conflict, changing
    // nothing) while someone else holds the post; NotFound when the person or authority is gone.
    Status takePost(qint64 personId, qint64 authorityId, Role role, const QString& email);
    // A facilitator or project manager by name, added when new.
    Result<qint64> ensureUnattachedPerson(const QString& name, Role role);
    Status addPastPost(qint64 personId, const PastPost& post);

private:
    Result<qint64> insertPerson(const Person& person, bool keepId);

    Database& m_db;
};

} // namespace balcony
