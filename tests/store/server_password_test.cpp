#include "helpers/test_database.h"
#include "store/database.h"
#include "store/location.h"
#include "store/sql.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <catch2/catch.hpp>

// A server that wants a password (Database::Options::password). The test server trusts every role
// but balcony_password, which must give one (tools/test-postgres); this test gives that role a
// password of its own and a database it owns.
using namespace balcony;

namespace {

QString q(const char* text) {
    return QString::fromUtf8(text);
}

bool serverAsksForPasswords() {
    return test::superuserValue(q("SELECT count(*) FROM pg_hba_file_rules WHERE 'balcony_password' = "
                                  "ANY(user_name) AND auth_method = 'scram-sha-256'"))
               .toInt() > 0;
}

} // namespace

TEST_CASE("A server that wants a password asks the front end once and keeps it for a lost connection",
          "[store][server][password]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (run through ctest)");
        return;
    }
    if (!serverAsksForPasswords()) {
        WARN("The test server trusts every role (started by an older tools/test-postgres): not tested");
        return;
    }
    const QString password = q("pw-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    test::FreshDatabase fresh(Engine::PostgreSQL);
    auto location = Location::parse(fresh.location());
    REQUIRE(location.ok());
    REQUIRE(test::asSuperuser(
        {q("DO $$ BEGIN CREATE ROLE balcony_password LOGIN; EXCEPTION WHEN duplicate_object THEN "
           "NULL; END $$"),
         QStringLiteral("ALTER ROLE balcony_password PASSWORD '%1'").arg(password),
         QStringLiteral("ALTER DATABASE %1 OWNER TO balcony_password").arg(location->database)}));
    location->user = q("balcony_password");
    const QString address = location->shown();
    qunsetenv("PGPASSWORD");

    SECTION("Without a way to ask, the refusal says where a password goes") {
        auto opened = Database::open(address, {.create = true});
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.message().contains(q("wants a password for the user \"balcony_password\"")));
        CHECK(opened.message().contains(q("~/.pgpass")));
        CHECK(opened.message().contains(q("PGPASSWORD")));
    }
    SECTION("A front end that gives none gets the same refusal") {
        int asked = 0;
        auto opened = Database::open(address, {.create = true, .password = [&](const QString&) {
                                                   ++asked;
                                                   return std::optional<QString>();
                                               }});
        REQUIRE_FALSE(opened.ok());
        CHECK(asked == 1);
        CHECK(opened.message().contains(q("wants a password")));
    }
    SECTION("A wrong password is refused once, and never repeated in the message") {
        int asked = 0;
        auto opened = Database::open(address, {.create = true, .password = [&](const QString& server) {
                                                   ++asked;
                                                   CHECK(server == address);
                                                   return std::optional<QString>(q("not-the-password"));
                                               }});
        REQUIRE_FALSE(opened.ok());
        CHECK(asked == 1);
        CHECK(opened.message().contains(q("refused the password for the user \"balcony_password\"")));
        CHECK_FALSE(opened.message().contains(q("not-the-password")));
    }
    SECTION("The right password opens the region, asked once") {
        int asked = 0;
        auto opened = Database::open(address, {.create = true, .password = [&](const QString&) {
                                                   ++asked;
                                                   return std::optional<QString>(password);
                                               }});
        INFO((opened ? std::string() : opened.message().toStdString()));
        REQUIRE(opened.ok());
        CHECK(asked == 1);
        CHECK((*opened)->schemaVersion() == Database::latestSchemaVersion());

        // The server ends the session (a restart, an administrator): the next save connects again
        // with the password given, without asking again.
        auto backend = sql::run(**opened, q("SELECT pg_backend_pid()"));
        REQUIRE(backend.ok());
        REQUIRE(backend->next());
        REQUIRE(test::asSuperuser(
            {QStringLiteral("SELECT pg_terminate_backend(%1)").arg(backend->value(0).toLongLong())}));
        auto again = (*opened)->reconnectIfLost();
        INFO((again ? std::string() : again.message().toStdString()));
        REQUIRE(again.ok());
        CHECK(*again);
        CHECK(asked == 1);
        auto version = sql::run(**opened, q("SELECT count(*) FROM balcony_schema"));
        REQUIRE(version.ok());
        CHECK(version->next());
    }
    SECTION("A trusted role is never asked") {
        int asked = 0;
        auto opened = Database::open(fresh.location(), {.create = true, .password = [&](const QString&) {
                                                            ++asked;
                                                            return std::optional<QString>();
                                                        }});
        REQUIRE(opened.ok());
        CHECK(asked == 0);
    }
}
