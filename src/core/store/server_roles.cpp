#include "store/server_roles.h"

#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "support/logging.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace balcony::server {
namespace {

// The tables a DCS may change (their own LA's rows only, by the policies of migration 12), and the
// further ones a facilitator may (their own groups' rows only). Everything else they may only read.
const QStringList dcsWrites = {QStringLiteral("note_item"),         QStringLiteral("note_revision"),
                               QStringLiteral("session_note"),      QStringLiteral("session_note_revision"),
                               QStringLiteral("session_note_step"), QStringLiteral("session_note_source"),
                               QStringLiteral("pack_import"),       QStringLiteral("self_assessment"),
                               QStringLiteral("plan_action"),       QStringLiteral("plan_action_progress"),
                               QStringLiteral("plan_action_rag"),   QStringLiteral("question_focus"),
                               QStringLiteral("question_rating")};
// The DCS's working amendment of their own note (migration 15) is theirs alone: a facilitator reads
// the answer once it is returned.
const QStringList dcsOnlyWrites = {QStringLiteral("dcs_amendment")};
const QStringList facilitatorWrites = {QStringLiteral("day_event"),        QStringLiteral("group_day_plan"),
                                       QStringLiteral("group_block_plan"), QStringLiteral("plenary_answer"),
                                       QStringLiteral("group_priority"),   QStringLiteral("priority_link"),
                                       QStringLiteral("ask_offer_state"),  QStringLiteral("day_checkout")};

constexpr int maxIdentifierBytes = 63; // PostgreSQL's NAMEDATALEN - 1

Error refusal(Error::Kind kind, const QString& message) {
    return Error::make(kind, message + QStringLiteral(" Nothing was changed."));
}

Status needsServer(Database& db, const QString& what) {
    if (db.isServer()) {
        return {};
    }
    return failure(Error::Kind::InvalidInput,
                   QStringLiteral("%1 is for a region on a PostgreSQL server. %2 is a region file, which has "
                                  "no logins: whoever can open the file can read and change all of it.")
                       .arg(what, db.path()));
}

// An identifier in double quotes (names checked by addUser, or a database's own name).
QString quoted(const QString& name) {
    QString text = name;
    text.replace(u'"', QStringLiteral("\"\""));
    return u'"' + text + u'"';
}

// A statement PostgreSQL cannot prepare (roles, grants): run as it is.
Status exec(Database& db, const QString& statement) {
    QSqlQuery query(db.sql());
    if (!query.exec(statement)) {
        Error error = sql::errorFrom(query.lastError(), QStringLiteral("Setting up logins"));
        error.message +=
            QStringLiteral(". Adding a login needs a login that owns the region's tables and may "
                           "create roles (CREATEROLE); nothing was changed.");
        return error;
    }
    return {};
}

QString tableKey(Role role) {
    return role == Role::ReadOnly ? QStringLiteral("read_only") : roleKey(role);
}

const char* loginColumns =
    "SELECT l.login, l.role, coalesce(l.authority_id, 0), coalesce(a.name, ''), coalesce(l.person_id, 0), "
    "coalesce(p.name, ''), l.created_at_utc FROM region_login l LEFT JOIN authority a ON a.id = "
    "l.authority_id "
    "LEFT JOIN person p ON p.id = l.person_id ";

Login loginFrom(const QSqlQuery& row) {
    const QString key = row.value(1).toString();
    return Login{row.value(0).toString(),
                 roleFromKey(key == QStringLiteral("read_only") ? QStringLiteral("read-only") : key)
                     .value_or(Role::ReadOnly),
                 row.value(2).toLongLong(),
                 row.value(3).toString(),
                 row.value(4).toLongLong(),
                 row.value(5).toString(),
                 row.value(6).toString()};
}

// Grants the group role its rights on every table and sequence of the region's schema.
Status grantRights(Database& db, const QString& group, Role role, const QString& database,
                   const QString& schema) {
    QStringList statements = {
        QStringLiteral("GRANT CONNECT ON DATABASE %1 TO %2").arg(quoted(database), quoted(group)),
        QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(quoted(schema), quoted(group)),
    };
    if (role == Role::ProjectManager) {
        statements += QStringLiteral("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %1 TO %2")
                          .arg(quoted(schema), quoted(group));
    } else {
        statements += QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA %1 TO %2")
                          .arg(quoted(schema), quoted(group));
    }
    QStringList writes;
    if (role == Role::Dcs || role == Role::Facilitator) {
        writes = dcsWrites;
    }
    if (role == Role::Dcs) {
        writes += dcsOnlyWrites;
    }
    if (role == Role::Facilitator) {
        writes += facilitatorWrites;
    }
    for (const auto& table : writes) {
        statements += QStringLiteral("GRANT INSERT, UPDATE, DELETE ON %1 TO %2").arg(table, quoted(group));
    }
    if (role != Role::ReadOnly) {
        // New rows take ids from the tables' sequences, which the id trigger moves on (dialect.h).
        statements += QStringLiteral("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %1 TO %2")
                          .arg(quoted(schema), quoted(group));
    }
    for (const auto& statement : statements) {
        if (auto done = exec(db, statement); !done) {
            return done;
        }
    }
    return {};
}

// The roster's role (person.role) that fits a login's, preferred when several people share a name.
QString rosterRole(Role role) {
    switch (role) {
    case Role::ProjectManager:
        return QStringLiteral("project_manager");
    case Role::Facilitator:
        return QStringLiteral("facilitator");
    case Role::Dcs:
        return QStringLiteral("dcs");
    case Role::ReadOnly:
        break;
    }
    return QStringLiteral("");
}

Result<bool> roleExists(Database& db, const QString& name) {
    auto found = sql::run(db, QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"), {name});
    if (!found) {
        return found.error();
    }
    return found->next();
}

} // namespace

QString roleKey(Role role) {
    switch (role) {
    case Role::ProjectManager:
        return QStringLiteral("pm");
    case Role::Facilitator:
        return QStringLiteral("facilitator");
    case Role::Dcs:
        return QStringLiteral("dcs");
    case Role::ReadOnly:
        return QStringLiteral("read-only");
    }
    return {};
}

std::optional<Role> roleFromKey(const QString& key) {
    for (Role role : {Role::ProjectManager, Role::Facilitator, Role::Dcs, Role::ReadOnly}) {
        if (key == roleKey(role)) {
            return role;
        }
    }
    return std::nullopt;
}

QString roleName(Role role) {
    switch (role) {
    case Role::ProjectManager:
        return QStringLiteral("project manager");
    case Role::Facilitator:
        return QStringLiteral("facilitator");
    case Role::Dcs:
        return QStringLiteral("DCS");
    case Role::ReadOnly:
        return QStringLiteral("read-only");
    }
    return {};
}

QString groupRoleName(const QString& database, Role role) {
    return database + u'_' + tableKey(role);
}

Result<Login> addUser(Database& db, const NewLogin& wanted) {
    if (auto server = needsServer(db, QStringLiteral("Adding a login")); !server) {
        return server.error();
    }
    static const QRegularExpression plainName(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    if (!plainName.match(wanted.login).hasMatch() || wanted.login.toUtf8().size() > maxIdentifierBytes) {
        return refusal(Error::Kind::InvalidInput,
                       QStringLiteral("\"%1\" cannot be a login name: use lower-case letters, digits and _ "
                                      "(not starting with a digit), at most %2 characters.")
                           .arg(wanted.login)
                           .arg(maxIdentifierBytes));
    }
    if (wanted.role == Role::Dcs && wanted.authority.trimmed().isEmpty()) {
        return refusal(Error::Kind::InvalidInput,
                       QStringLiteral("A DCS login needs the LA it is for (--la)."));
    }
    if (wanted.role != Role::Dcs && !wanted.authority.trimmed().isEmpty()) {
        return refusal(Error::Kind::InvalidInput,
                       QStringLiteral("Only a DCS login is for one LA; a %1 login sees %2, so give no --la.")
                           .arg(roleName(wanted.role), wanted.role == Role::Facilitator
                                                           ? QStringLiteral("the groups they facilitate")
                                                           : QStringLiteral("the whole region")));
    }
    if (wanted.role == Role::Facilitator && wanted.person.trimmed().isEmpty()) {
        return refusal(Error::Kind::InvalidInput,
                       QStringLiteral("A facilitator login needs the person in the roster who facilitates "
                                      "the groups (--person), as groups name their facilitator."));
    }

    Login login{wanted.login, wanted.role, 0, {}, 0, {}, {}};
    if (wanted.role == Role::Dcs) {
        auto found =
            sql::run(db, QStringLiteral("SELECT id, name FROM authority WHERE lower(name) = lower(?)"),
                     {wanted.authority.trimmed()});
        if (!found) {
            return found.error();
        }
        if (!found->next()) {
            return refusal(
                Error::Kind::NotFound,
                QStringLiteral("This region has no LA called \"%1\".").arg(wanted.authority.trimmed()));
        }
        login.authorityId = found->value(0).toLongLong();
        login.authority = found->value(1).toString();
    }
    if (!wanted.person.trimmed().isEmpty()) {
        // Several people may share a name (a DCS and a team member); a facilitator's is preferred.
        auto found = sql::run(db,
                              QStringLiteral("SELECT id, name FROM person WHERE lower(name) = lower(?) "
                                             "ORDER BY CASE WHEN role = ? THEN 0 ELSE 1 END, id"),
                              {wanted.person.trimmed(), rosterRole(wanted.role)});
        if (!found) {
            return found.error();
        }
        if (!found->next()) {
            return refusal(Error::Kind::NotFound,
                           QStringLiteral("This region's roster has no one called \"%1\".")
                               .arg(wanted.person.trimmed()));
        }
        login.personId = found->value(0).toLongLong();
        login.person = found->value(1).toString();
    }

    auto names = sql::run(db, QStringLiteral("SELECT current_database(), current_schema()"));
    if (!names) {
        return names.error();
    }
    names->next();
    const QString database = names->value(0).toString();
    const QString schema = names->value(1).toString();
    const QString group = groupRoleName(database, wanted.role);
    if (groupRoleName(database, Role::Facilitator).toUtf8().size() > maxIdentifierBytes) {
        return refusal(Error::Kind::InvalidInput,
                       QStringLiteral("The database's name \"%1\" is too long to name its roles after it "
                                      "(\"%2\" would pass PostgreSQL's %3 characters).")
                           .arg(database, groupRoleName(database, Role::Facilitator))
                           .arg(maxIdentifierBytes));
    }
    auto exists = roleExists(db, wanted.login);
    if (!exists) {
        return exists.error();
    }
    if (*exists) {
        return refusal(Error::Kind::Conflict,
                       QStringLiteral("The server already has a login or role called \"%1\"; logins are "
                                      "shared by every database on a server, so choose another name.")
                           .arg(wanted.login));
    }

    Transaction tx(db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto groupExists = roleExists(db, group);
    if (!groupExists) {
        return groupExists.error();
    }
    if (!*groupExists) {
        if (auto made = exec(db, QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(quoted(group))); !made) {
            return made.error();
        }
    }
    if (auto granted = grantRights(db, group, wanted.role, database, schema); !granted) {
        return granted.error();
    }
    if (auto made = exec(
            db, QStringLiteral("CREATE ROLE %1 LOGIN IN ROLE %2").arg(quoted(wanted.login), quoted(group)));
        !made) {
        return made.error();
    }
    login.createdAtUtc = db.clock().utcNow().toUTC().toString(Qt::ISODateWithMs);
    auto recorded = sql::run(db,
                             QStringLiteral("INSERT INTO region_login (login, role, authority_id, person_id, "
                                            "created_at_utc) VALUES (?, ?, ?, ?, ?)"),
                             {login.login, tableKey(login.role), sql::nullable(login.authorityId),
                              sql::nullable(login.personId), login.createdAtUtc});
    if (!recorded) {
        return recorded.error();
    }
    if (auto saved = tx.commit(); !saved) {
        return saved.error();
    }
    logging::get("store")->info("added the {} login {} to {}", roleKey(login.role).toStdString(),
                                login.login.toStdString(), db.path().toStdString());
    return login;
}

Result<std::vector<Login>> users(Database& db) {
    if (auto server = needsServer(db, QStringLiteral("Listing logins")); !server) {
        return server.error();
    }
    auto rows = sql::run(db, QString::fromLatin1(loginColumns) + QStringLiteral("ORDER BY l.login"));
    if (!rows) {
        return rows.error();
    }
    std::vector<Login> logins;
    while (rows->next()) {
        logins.push_back(loginFrom(*rows));
    }
    return logins;
}

Result<Login> serverRole(Database& db) {
    if (!db.isServer()) {
        return Login{{}, Role::ProjectManager, 0, {}, 0, {}, {}};
    }
    auto rows =
        sql::run(db, QString::fromLatin1(loginColumns) + QStringLiteral("WHERE l.login = current_user"));
    if (!rows) {
        return rows.error();
    }
    if (rows->next()) {
        return loginFrom(*rows);
    }
    // Not a listed login: the tables' owner (or a member of the owning role) or a superuser is the
    // region's administrator, whom row-level security does not bind.
    auto owner =
        sql::run(db, QStringLiteral("SELECT pg_has_role(current_user, c.relowner, 'USAGE') "
                                    "OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user), "
                                    "current_user FROM pg_class c WHERE c.oid = 'region_login'::regclass"));
    if (!owner) {
        return owner.error();
    }
    const bool found = owner->next();
    if (found && owner->value(0).toBool()) {
        return Login{{}, Role::ProjectManager, 0, {}, 0, {}, {}};
    }
    const QString name = found ? owner->value(1).toString() : QStringLiteral("you connected as");
    return failure(
        Error::Kind::NotFound,
        QStringLiteral("The login \"%1\" is not one of the region's logins at %2, so it sees none of "
                       "its notes. Ask the project manager to add it with \"balcony-cli server "
                       "add-user\".")
            .arg(name, db.path()));
}

} // namespace balcony::server
