#include "cli/cli.h"
#include "store/server_roles.h"

#include <QJsonObject>
#include <QJsonValue>

// server add-user, server users: a server region's logins and their roles (docs/server.md, "Who may
// see what"; store/server_roles.h).
namespace balcony::cli {
namespace {

QJsonValue idOrNull(qint64 id) {
    return id > 0 ? QJsonValue(id) : QJsonValue();
}

QString describe(const server::Login& login) {
    QString text = QStringLiteral("%1: %2").arg(login.login, server::roleName(login.role));
    if (login.role == server::Role::Dcs) {
        text += QStringLiteral(" of %1").arg(login.authority);
    }
    if (!login.person.isEmpty()) {
        text += QStringLiteral(" (%1)").arg(login.person);
    }
    return text;
}

void addUserOptions(QCommandLineParser& parser) {
    parser.addOption({QStringLiteral("role"), QStringLiteral("pm, facilitator, dcs or read-only."),
                      QStringLiteral("ROLE")});
    parser.addOption({QStringLiteral("la"),
                      QStringLiteral("A DCS's local authority, by name (required for dcs)."),
                      QStringLiteral("LA")});
    parser.addOption({QStringLiteral("person"),
                      QStringLiteral("The person in the roster (required for a facilitator: the groups they "
                                     "facilitate are the ones they see)."),
                      QStringLiteral("NAME")});
}

int addUser(Context& ctx, const QCommandLineParser& parser, const QStringList& positional) {
    const QString roleText = required(ctx, parser, QStringLiteral("role"));
    if (roleText.isEmpty()) {
        return BadInput;
    }
    const auto role = server::roleFromKey(roleText.trimmed());
    if (!role) {
        return ctx.usage(
            QStringLiteral("\"%1\" is not a role; use pm, facilitator, dcs or read-only.").arg(roleText));
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    auto added = server::addUser(*db, {positional.value(0), *role, parser.value(QStringLiteral("la")),
                                       parser.value(QStringLiteral("person"))});
    if (!added) {
        return ctx.fail(added.error());
    }
    ctx.out << "Login added: " << describe(*added) << ". It has no password yet: set one in psql with "
            << "\\password " << added->login << " (or use the server's own sign-in)." << Qt::endl;
    return Success;
}

int listUsers(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    auto logins = server::users(*db);
    if (!logins) {
        return ctx.fail(logins.error());
    }
    if (parser.isSet(jsonOption())) {
        QJsonArray rows;
        for (const auto& login : *logins) {
            rows.append(QJsonObject{{QStringLiteral("login"), login.login},
                                    {QStringLiteral("role"), server::roleKey(login.role)},
                                    {QStringLiteral("authority_id"), idOrNull(login.authorityId)},
                                    {QStringLiteral("la"), login.authority},
                                    {QStringLiteral("person_id"), idOrNull(login.personId)},
                                    {QStringLiteral("person"), login.person},
                                    {QStringLiteral("created_at_utc"), login.createdAtUtc}});
        }
        printJson(ctx, rows);
        return Success;
    }
    if (logins->empty()) {
        ctx.out << "No logins yet; add one with \"balcony-cli server add-user\"." << Qt::endl;
    }
    for (const auto& login : *logins) {
        ctx.out << describe(login) << Qt::endl;
    }
    return Success;
}

const Registrar
    addUserCommand({{QStringLiteral("server"), QStringLiteral("add-user")},
                    QStringLiteral("NAME --role ROLE [--la LA] [--person NAME]"),
                    QStringLiteral("Add a login to a server region: pm, facilitator, dcs or read-only."),
                    1,
                    addUserOptions,
                    addUser});

const Registrar usersCommand({{QStringLiteral("server"), QStringLiteral("users")},
                              {},
                              QStringLiteral("List a server region's logins and their roles."),
                              0,
                              [](QCommandLineParser& parser) { parser.addOption(jsonOption()); },
                              listUsers});

} // namespace
} // namespace balcony::cli
