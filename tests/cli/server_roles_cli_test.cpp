#include "cli_runner.h"
#include "helpers/test_database.h"
#include "store/location.h"

#include <QJsonObject>
#include <QProcess>
#include <QSet>

// Who may see what on a server (docs/server.md, "Who may see what"): logins added with
// `balcony-cli server add-user`, then checked with plain SQL through psql as each login, the way a
// regional IT team would check it, and once through balcony-cli as a DCS.
using namespace balcony;
using balcony::test::CliSandbox;

namespace {

struct Psql {
    int exitCode = -1;
    QString out;
    QString err;
    // The single value printed (psql -At), as a number.
    qint64 number() const { return out.trimmed().toLongLong(); }
    QSet<qint64> numbers() const {
        QSet<qint64> values;
        for (const auto& line : out.split(u'\n', Qt::SkipEmptyParts)) {
            values.insert(line.trimmed().toLongLong());
        }
        return values;
    }
};

// Runs statement through psql as login on the region's database (trust authentication on the test
// server's socket, so no password).
Psql psql(const Location& region, const QString& login, const QString& statement) {
    QStringList arguments = {QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"),
                             QStringLiteral("-q"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1")};
    if (!region.host.isEmpty()) {
        arguments << QStringLiteral("-h") << region.host;
    }
    if (region.port > 0) {
        arguments << QStringLiteral("-p") << QString::number(region.port);
    }
    arguments << QStringLiteral("-U") << login << QStringLiteral("-d") << region.database
              << QStringLiteral("-c") << statement;
    QProcess process;
    process.start(QStringLiteral("/usr/bin/psql"), arguments);
    REQUIRE(process.waitForFinished(60000));
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString as(Location region, const QString& login) {
    region.user = login;
    return region.shown();
}

} // namespace

// [file]: about a region FILE (the sandbox's region on SQLite); on a server these commands work.
TEST_CASE("server add-user and server users are refused on a region file, plainly",
          "[cli][server][roles][file]") {
    CliSandbox sandbox;
    REQUIRE(sandbox.run({QStringLiteral("init")}).exitCode == 0);
    auto add = sandbox.run({QStringLiteral("server"), QStringLiteral("add-user"), QStringLiteral("kent_dcs"),
                            QStringLiteral("--role"), QStringLiteral("read-only")});
    CHECK(add.exitCode == 2);
    CHECK(add.err.contains(QStringLiteral("is for a region on a PostgreSQL server")));
    CHECK(add.err.contains(QStringLiteral("region file, which has no logins")));
    auto users = sandbox.run({QStringLiteral("server"), QStringLiteral("users")});
    CHECK(users.exitCode == 2);
    CHECK(users.err.contains(QStringLiteral("region file, which has no logins")));
}

TEST_CASE("Row-level security on a server region: a DCS, a facilitator and a read-only login see and change "
          "only what their role allows",
          "[cli][server][roles]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (run through ctest)");
        return;
    }
    CliSandbox sandbox;
    test::FreshDatabase server(Engine::PostgreSQL);
    auto demo = sandbox.runOn(server.location(), {QStringLiteral("demo")});
    INFO(demo.err.toStdString());
    REQUIRE(demo.exitCode == 0);
    const auto region = Location::parse(server.location());
    REQUIRE(region.ok());
    const QString admin = region->user;
    auto adminValue = [&](const QString& statement) {
        auto run = psql(*region, admin, statement);
        INFO(run.err.toStdString());
        REQUIRE(run.exitCode == 0);
        return run;
    };

    // An LA with session notes, captured items and an action plan; a facilitator of a group with items.
    const auto la =
        adminValue(QStringLiteral("SELECT a.id || '|' || a.name FROM authority a "
                                  "WHERE EXISTS (SELECT 1 FROM session_note n WHERE n.authority_id = a.id) "
                                  "AND EXISTS (SELECT 1 FROM note_item i WHERE i.authority_id = a.id) "
                                  "AND EXISTS (SELECT 1 FROM plan_action p WHERE p.authority_id = a.id) "
                                  "ORDER BY a.id LIMIT 1"))
            .out.trimmed();
    REQUIRE(la.contains(u'|'));
    const qint64 laId = la.section(u'|', 0, 0).toLongLong();
    const QString laName = la.section(u'|', 1);
    const auto facilitator =
        adminValue(
            QStringLiteral("SELECT p.id || '|' || p.name FROM review_group g JOIN person p ON p.id = "
                           "g.facilitator_id WHERE EXISTS (SELECT 1 FROM note_item i WHERE i.group_id = "
                           "g.id) ORDER BY g.id LIMIT 1"))
            .out.trimmed();
    REQUIRE(facilitator.contains(u'|'));
    const qint64 facilitatorId = facilitator.section(u'|', 0, 0).toLongLong();
    const QString facilitatorName = facilitator.section(u'|', 1);

    // Login names are the server's, shared by every database on it: named after this test's database.
    const QString dcs = region->database + QStringLiteral("_dcs_login");
    const QString fac = region->database + QStringLiteral("_facilitator_login");
    const QString reader = region->database + QStringLiteral("_reader");
    auto addDcs = sandbox.runOn(server.location(), {QStringLiteral("server"), QStringLiteral("add-user"), dcs,
                                                    QStringLiteral("--role"), QStringLiteral("dcs"),
                                                    QStringLiteral("--la"), laName.toUpper()});
    INFO(addDcs.err.toStdString());
    REQUIRE(addDcs.exitCode == 0);
    CHECK(addDcs.out.contains(QStringLiteral("Login added: %1: DCS of %2").arg(dcs, laName)));
    auto addFacilitator =
        sandbox.runOn(server.location(),
                      {QStringLiteral("server"), QStringLiteral("add-user"), fac, QStringLiteral("--role"),
                       QStringLiteral("facilitator"), QStringLiteral("--person"), facilitatorName});
    INFO(addFacilitator.err.toStdString());
    REQUIRE(addFacilitator.exitCode == 0);
    auto addReader =
        sandbox.runOn(server.location(), {QStringLiteral("server"), QStringLiteral("add-user"), reader,
                                          QStringLiteral("--role"), QStringLiteral("read-only")});
    INFO(addReader.err.toStdString());
    REQUIRE(addReader.exitCode == 0);

    SECTION("server users lists the logins with their roles") {
        auto users = sandbox.runOn(
            server.location(), {QStringLiteral("server"), QStringLiteral("users"), QStringLiteral("--json")});
        INFO(users.err.toStdString());
        REQUIRE(users.exitCode == 0);
        const QJsonArray rows = test::jsonArray(users);
        REQUIRE(rows.size() == 3);
        QMap<QString, QJsonObject> byLogin;
        for (const auto& row : rows) {
            byLogin.insert(row.toObject().value(QStringLiteral("login")).toString(), row.toObject());
        }
        CHECK(byLogin.value(dcs).value(QStringLiteral("role")).toString() == QStringLiteral("dcs"));
        CHECK(byLogin.value(dcs).value(QStringLiteral("authority_id")).toInteger() == laId);
        CHECK(byLogin.value(fac).value(QStringLiteral("role")).toString() == QStringLiteral("facilitator"));
        CHECK(byLogin.value(fac).value(QStringLiteral("person_id")).toInteger() == facilitatorId);
        CHECK(byLogin.value(reader).value(QStringLiteral("role")).toString() == QStringLiteral("read-only"));
        CHECK(byLogin.value(reader).value(QStringLiteral("authority_id")).isNull());
    }

    SECTION("a DCS reads only their own LA's notes, items, revisions, self-assessment and action plan") {
        for (const char* table : {"note_item", "session_note", "plan_action", "self_assessment"}) {
            const QString name = QString::fromLatin1(table);
            INFO(name.toStdString());
            const auto seen =
                psql(*region, dcs, QStringLiteral("SELECT DISTINCT authority_id FROM %1").arg(name));
            INFO(seen.err.toStdString());
            REQUIRE(seen.exitCode == 0);
            CHECK(seen.numbers() == QSet<qint64>{laId});
            const auto own = adminValue(
                QStringLiteral("SELECT count(*) FROM %1 WHERE authority_id = %2").arg(name).arg(laId));
            CHECK(psql(*region, dcs, QStringLiteral("SELECT count(*) FROM %1").arg(name)).number() ==
                  own.number());
        }
        // Rows that belong to another row: the DCS sees exactly their LA's.
        const std::pair<const char*, const char*> children[] = {
            {"note_revision", "JOIN note_item p ON p.id = c.item_id"},
            {"session_note_revision", "JOIN session_note p ON p.id = c.note_id"},
            {"session_note_step", "JOIN session_note p ON p.id = c.note_id"},
            {"plan_action_rag", "JOIN plan_action p ON p.id = c.action_id"}};
        for (const auto& [table, join] : children) {
            INFO(table);
            const auto own =
                adminValue(QStringLiteral("SELECT count(*) FROM %1 c %2 WHERE p.authority_id = %3")
                               .arg(QString::fromLatin1(table), QString::fromLatin1(join))
                               .arg(laId));
            const auto all =
                adminValue(QStringLiteral("SELECT count(*) FROM %1").arg(QString::fromLatin1(table)));
            CHECK(own.number() > 0);
            CHECK(own.number() < all.number());
            CHECK(
                psql(*region, dcs, QStringLiteral("SELECT count(*) FROM %1").arg(QString::fromLatin1(table)))
                    .number() == own.number());
        }
    }

    SECTION("a DCS amends their own LA's action plan but changes no other LA's and adds nothing for one") {
        const auto own = psql(*region, dcs,
                              QStringLiteral("WITH u AS (UPDATE plan_action SET owner = 'Changed by the DCS' "
                                             "WHERE authority_id = %1 RETURNING 1) SELECT count(*) FROM u")
                                  .arg(laId));
        INFO(own.err.toStdString());
        REQUIRE(own.exitCode == 0);
        CHECK(own.number() > 0);
        const auto other =
            psql(*region, dcs,
                 QStringLiteral("WITH u AS (UPDATE plan_action SET owner = 'Changed by the DCS' "
                                "WHERE authority_id <> %1 RETURNING 1) SELECT count(*) FROM u")
                     .arg(laId));
        REQUIRE(other.exitCode == 0);
        CHECK(other.number() == 0);
        CHECK(adminValue(QStringLiteral("SELECT count(*) FROM plan_action WHERE owner = 'Changed by the DCS' "
                                        "AND authority_id <> %1")
                             .arg(laId))
                  .number() == 0);
        CHECK(
            adminValue(QStringLiteral("SELECT count(*) FROM plan_action WHERE authority_id <> %1").arg(laId))
                .number() > 0);

        const auto otherLa =
            adminValue(QStringLiteral("SELECT cycle_id || '|' || authority_id FROM plan_action "
                                      "WHERE authority_id <> %1 LIMIT 1")
                           .arg(laId))
                .out.trimmed();
        const auto before = adminValue(QStringLiteral("SELECT count(*) FROM plan_action")).number();
        const auto insert =
            psql(*region, dcs,
                 QStringLiteral("INSERT INTO plan_action (cycle_id, authority_id, body, created_at_utc) "
                                "VALUES (%1, %2, 'Not theirs', '2026-12-01T00:00:00.000Z')")
                     .arg(otherLa.section(u'|', 0, 0), otherLa.section(u'|', 1, 1)));
        CHECK(insert.exitCode != 0);
        CHECK(insert.err.contains(QStringLiteral("row-level security")));
        CHECK(adminValue(QStringLiteral("SELECT count(*) FROM plan_action")).number() == before);

        // A session note of another LA cannot be edited either; its own can.
        const auto notes =
            psql(*region, dcs,
                 QStringLiteral("WITH u AS (UPDATE session_note SET due_on = due_on WHERE authority_id <> %1 "
                                "RETURNING 1) SELECT count(*) FROM u")
                     .arg(laId));
        REQUIRE(notes.exitCode == 0);
        CHECK(notes.number() == 0);
        // And the roster is the project manager's: read, never changed.
        const auto roster = psql(*region, dcs, QStringLiteral("UPDATE authority SET name = name || ' x'"));
        CHECK(roster.exitCode != 0);
        CHECK(roster.err.contains(QStringLiteral("permission denied")));
    }

    SECTION("a facilitator sees only the groups they facilitate, with those groups' notes and items") {
        const auto groups =
            adminValue(
                QStringLiteral("SELECT id FROM review_group WHERE facilitator_id = %1").arg(facilitatorId))
                .numbers();
        REQUIRE_FALSE(groups.isEmpty());
        CHECK(adminValue(QStringLiteral("SELECT count(*) FROM review_group")).number() > groups.size());
        const auto seenGroups = psql(*region, fac, QStringLiteral("SELECT id FROM review_group"));
        INFO(seenGroups.err.toStdString());
        REQUIRE(seenGroups.exitCode == 0);
        CHECK(seenGroups.numbers() == groups);
        const auto itemGroups = psql(*region, fac, QStringLiteral("SELECT DISTINCT group_id FROM note_item"));
        CHECK_FALSE(itemGroups.numbers().isEmpty());
        CHECK(groups.contains(itemGroups.numbers()));
        const auto own =
            adminValue(QStringLiteral("SELECT count(*) FROM note_item i JOIN review_group g ON g.id = "
                                      "i.group_id WHERE g.facilitator_id = %1")
                           .arg(facilitatorId));
        CHECK(psql(*region, fac, QStringLiteral("SELECT count(*) FROM note_item")).number() == own.number());
        const auto noteGroups =
            psql(*region, fac, QStringLiteral("SELECT DISTINCT group_id FROM session_note"));
        CHECK(groups.contains(noteGroups.numbers()));
    }

    SECTION("a read-only login reads everything and changes nothing") {
        for (const char* table : {"note_item", "session_note", "plan_action", "review_group"}) {
            const QString name = QString::fromLatin1(table);
            INFO(name.toStdString());
            CHECK(psql(*region, reader, QStringLiteral("SELECT count(*) FROM %1").arg(name)).number() ==
                  adminValue(QStringLiteral("SELECT count(*) FROM %1").arg(name)).number());
        }
        const auto update = psql(*region, reader, QStringLiteral("UPDATE plan_action SET owner = 'Reader'"));
        CHECK(update.exitCode != 0);
        CHECK(update.err.contains(QStringLiteral("permission denied")));
        CHECK(
            adminValue(QStringLiteral("SELECT count(*) FROM plan_action WHERE owner = 'Reader'")).number() ==
            0);
    }

    SECTION("through balcony-cli a DCS's note list shows their own LA alone") {
        const auto cycle =
            adminValue(QStringLiteral("SELECT c.name FROM session_note n JOIN cycle c ON c.id = n.cycle_id "
                                      "WHERE n.authority_id = %1 LIMIT 1")
                           .arg(laId))
                .out.trimmed();
        const auto everyone =
            sandbox.runOn(server.location(), {QStringLiteral("note"), QStringLiteral("list"),
                                              QStringLiteral("--cycle"), cycle, QStringLiteral("--json")});
        REQUIRE(everyone.exitCode == 0);
        CHECK(test::jsonArray(everyone).size() > 1);
        const auto list =
            sandbox.runOn(as(*region, dcs), {QStringLiteral("note"), QStringLiteral("list"),
                                             QStringLiteral("--cycle"), cycle, QStringLiteral("--json")});
        INFO(list.err.toStdString());
        REQUIRE(list.exitCode == 0);
        const QJsonArray rows = test::jsonArray(list);
        REQUIRE(rows.size() == 1);
        CHECK(rows.at(0).toObject().value(QStringLiteral("la")).toString() == laName);
    }

    SECTION("a DCS cannot pull the region into a file, as it sees only part of it") {
        const QString out = sandbox.path(QStringLiteral("part.balcony"));
        const auto pulled =
            sandbox.run({QStringLiteral("region"), QStringLiteral("pull"), QStringLiteral("--from"),
                         as(*region, dcs), QStringLiteral("--out"), out});
        CHECK(pulled.exitCode == 2);
        CHECK(pulled.err.contains(QStringLiteral("sees only part of the region")));
        CHECK_FALSE(QFile::exists(out));
    }
}

TEST_CASE("server add-user refuses a bad role, LA, person or name and adds nothing", "[cli][server][roles]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (run through ctest)");
        return;
    }
    CliSandbox sandbox;
    test::FreshDatabase server(Engine::PostgreSQL);
    REQUIRE(sandbox.runOn(server.location(), {QStringLiteral("demo")}).exitCode == 0);
    const auto region = Location::parse(server.location());
    REQUIRE(region.ok());
    const QString name = region->database + QStringLiteral("_someone");
    auto add = [&](const QStringList& options) {
        return sandbox.runOn(server.location(),
                             QStringList{QStringLiteral("server"), QStringLiteral("add-user"), name} +
                                 options);
    };
    struct Case {
        QStringList options;
        const char* message;
    };
    const Case cases[] = {
        {{QStringLiteral("--role"), QStringLiteral("boss")}, "is not a role"},
        {{QStringLiteral("--role"), QStringLiteral("dcs")}, "needs the LA it is for (--la)"},
        {{QStringLiteral("--role"), QStringLiteral("dcs"), QStringLiteral("--la"),
          QStringLiteral("Atlantis")},
         "no LA called \"Atlantis\""},
        {{QStringLiteral("--role"), QStringLiteral("pm"), QStringLiteral("--la"), QStringLiteral("Kent")},
         "Only a DCS login is for one LA"},
        {{QStringLiteral("--role"), QStringLiteral("facilitator")}, "needs the person in the roster"},
        {{QStringLiteral("--role"), QStringLiteral("facilitator"), QStringLiteral("--person"),
          QStringLiteral("Nobody Known")},
         "no one called \"Nobody Known\""},
    };
    for (const auto& c : cases) {
        INFO(c.options.join(u' ').toStdString());
        const auto run = add(c.options);
        CHECK(run.exitCode == 2);
        CHECK(run.err.contains(QString::fromLatin1(c.message)));
    }
    const auto badName =
        sandbox.runOn(server.location(),
                      {QStringLiteral("server"), QStringLiteral("add-user"), QStringLiteral("Robert'); DROP"),
                       QStringLiteral("--role"), QStringLiteral("read-only")});
    CHECK(badName.exitCode == 2);
    CHECK(badName.err.contains(QStringLiteral("cannot be a login name")));
    // The server's own superuser is a login already.
    const auto taken =
        sandbox.runOn(server.location(), {QStringLiteral("server"), QStringLiteral("add-user"), region->user,
                                          QStringLiteral("--role"), QStringLiteral("read-only")});
    CHECK(taken.exitCode != 0);
    CHECK(taken.err.contains(QStringLiteral("already has a login or role called")));

    const auto users = sandbox.runOn(server.location(), {QStringLiteral("server"), QStringLiteral("users")});
    REQUIRE(users.exitCode == 0);
    CHECK(users.out.contains(QStringLiteral("No logins yet")));
    CHECK(psql(*region, region->user,
               QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = '%1'").arg(name))
              .number() == 0);
}
