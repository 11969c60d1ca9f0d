#include "helpers/temp_dir.h"
#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"

#include <QSqlQuery>
#include <catch2/catch.hpp>

using namespace balcony;

namespace {

int authorityCount(Database& db) {
    auto q = sql::run(db, QStringLiteral("SELECT count(*) FROM authority"));
    REQUIRE(q.ok());
    REQUIRE(q->next());
    return q->value(0).toInt();
}

} // namespace

TEST_CASE("A transaction that is not committed leaves nothing behind", "[store]") {
    test::TempDir dir;
    auto db = Database::open(dir.path(QStringLiteral("r.balcony")), {.create = true});
    REQUIRE(db.ok());
    {
        Transaction tx(**db);
        REQUIRE(tx.isActive());
        REQUIRE(sql::run(**db, QStringLiteral("INSERT INTO authority(name) VALUES ('Kent')")).ok());
    }
    CHECK(authorityCount(**db) == 0);
}

TEST_CASE("An inner transaction rolls back alone and commits with the outer one", "[store]") {
    test::TempDir dir;
    auto db = Database::open(dir.path(QStringLiteral("r.balcony")), {.create = true});
    REQUIRE(db.ok());
    Transaction outer(**db);
    REQUIRE(sql::run(**db, QStringLiteral("INSERT INTO authority(name) VALUES ('Kent')")).ok());
    {
        Transaction inner(**db);
        REQUIRE(inner.isActive());
        REQUIRE(sql::run(**db, QStringLiteral("INSERT INTO authority(name) VALUES ('Medway')")).ok());
    }
    {
        Transaction inner(**db);
        REQUIRE(sql::run(**db, QStringLiteral("INSERT INTO authority(name) VALUES ('Surrey')")).ok());
        REQUIRE(inner.commit().ok());
    }
    REQUIRE(outer.commit().ok());
    CHECK(authorityCount(**db) == 2);
}
