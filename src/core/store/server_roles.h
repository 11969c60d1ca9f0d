#pragma once

#include "support/result.h"

#include <QString>
#include <optional>
#include <vector>

namespace balcony {
class Database;
}

// Who may see what in a region on a PostgreSQL server (docs/server.md, "Who may see what"). The
// server enforces it with row-level security (migration 12, store/migration_0012_roles.cpp); this is
// how logins are added, listed, and how a front end learns whose region it has open.
//
// A region file has no logins (whoever can open it reads and changes all of it): addUser and users
// refuse a file with a plain message, and serverRole answers "project manager" for one.
//
// Group roles are cluster-wide in PostgreSQL while a region is one database, so each region's four
// group roles are named after its database: "<database>_pm", "<database>_facilitator",
// "<database>_dcs" and "<database>_read_only". Two regions on one server never share one, and a
// login of one region holds no rights in the other's database.
namespace balcony::server {

enum class Role { ProjectManager, Facilitator, Dcs, ReadOnly };

// The spelling of the command line and docs: "pm", "facilitator", "dcs", "read-only".
QString roleKey(Role role);
std::optional<Role> roleFromKey(const QString& key);
// "project manager", "facilitator", "DCS", "read-only": for messages and the desktop program.
QString roleName(Role role);

// One of the region's logins (the table region_login).
struct Login {
    QString login;
    Role role = Role::ReadOnly;
    qint64 authorityId = 0; // a DCS's LA; 0 for the other roles
    QString authority;
    qint64 personId = 0; // a facilitator's person (groups' facilitator_id); 0 when not linked
    QString person;
    QString createdAtUtc; // ISO 8601, UTC
};

struct NewLogin {
    QString login; // a PostgreSQL role name: lower-case letters, digits and _, not starting with a digit
    Role role = Role::ReadOnly;
    QString authority; // a DCS's LA, by name (any case); required for a DCS, refused for the others
    QString person;    // the person in the roster (any case); required for a facilitator, optional else
};

// Creates a PostgreSQL login with the role for the region's database and records it in region_login,
// in one transaction: the region's group role is created when missing and (re)granted its rights on
// every table (so running it after an upgrade also covers new tables), then the login is created as
// a member of it, without a password (the IT team sets one with psql's \password, or uses its own
// authentication). Needs a login that owns the region's tables and may create roles (CREATEROLE).
//
// Refuses, changing nothing: a region file (InvalidInput); a name that is not a plain role name
// (InvalidInput); a DCS without an LA, an LA for another role, a facilitator without a person
// (InvalidInput); an LA or person the region does not know, or a person's name shared by several
// (NotFound / InvalidInput); a login that already exists on the server (Conflict); a server that
// refuses (its reason, saying what rights add-user needs).
Result<Login> addUser(Database& db, const NewLogin& login);

// The region's logins by name. Refuses a region file like addUser.
Result<std::vector<Login>> users(Database& db);

// Whose region is open: the role of the login connected (current_user) and, for a DCS, the LA.
// A region file, and on a server the tables' owner or a superuser (the administrator who ran the
// migrations, not bound by row-level security), is a project manager with an empty login. A server
// login that is none of these and not in region_login is refused (NotFound) with a message saying
// to ask for `server add-user`.
Result<Login> serverRole(Database& db);

// The region's group role for role on a server (named after the database, as above).
QString groupRoleName(const QString& database, Role role);

} // namespace balcony::server
