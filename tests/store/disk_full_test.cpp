#include "domain/roster_store.h"
#include "helpers/temp_dir.h"
#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "support/disk_full.h"

#include <QSqlQuery>
#include <catch2/catch.hpp>
#include <cerrno>

using namespace balcony;

// PRAGMA max_page_count stands in for a full disk: SQLite answers SQLITE_FULL as it would.
TEST_CASE("A full disk is reported as such and what was committed stays", "[store][disk-full]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    {
        auto db = Database::open(path, {.create = true});
        REQUIRE(db.ok());
        RosterStore roster(**db);
        REQUIRE(roster.addAuthority(QStringLiteral("Kent")).ok());

        auto pages = sql::run(**db, QStringLiteral("PRAGMA page_count"));
        REQUIRE(pages.ok());
        REQUIRE(pages->next());
        REQUIRE(
            sql::run(**db, QStringLiteral("PRAGMA max_page_count = %1").arg(pages->value(0).toInt())).ok());

        Transaction tx(**db);
        REQUIRE(tx.isActive());
        REQUIRE(roster.addAuthority(QStringLiteral("Medway")).ok());
        auto big = roster.addAuthority(QString(200000, QLatin1Char('x')));
        REQUIRE_FALSE(big.ok());
        CHECK(big.error().kind == Error::Kind::Storage);
        CHECK(big.message() == disk_full::message(path));
    }
    auto reopened = Database::open(path);
    REQUIRE(reopened.ok());
    auto all = RosterStore(**reopened).authorities();
    REQUIRE(all.ok());
    REQUIRE(all->size() == 1);
    CHECK(all->front().name == QStringLiteral("Kent"));
}

TEST_CASE("Every kind of full disk gets the one sentence, naming the file", "[store][disk-full]") {
    const QString sentence = disk_full::message(QStringLiteral("/media/usb/region.balcony"));
    CHECK(sentence ==
          QStringLiteral("The disk holding /media/usb/region.balcony is full: nothing was saved. Free "
                         "some space and try again."));
    CHECK(disk_full::isFullErrno(ENOSPC)); // no space left
    CHECK(disk_full::isFullErrno(EFBIG));  // a file-size limit reached
    CHECK(disk_full::isFullErrno(EDQUOT)); // the user's quota reached
    CHECK_FALSE(disk_full::isFullErrno(EACCES));
    CHECK_FALSE(disk_full::isFullErrno(EIO));
    // A caller may put words around it and still be recognised; another Storage error is not.
    Error wrapped = disk_full::error(QStringLiteral("/media/usb"));
    wrapped.message.prepend(QStringLiteral("No backup of region.balcony was made. "));
    CHECK(disk_full::isDiskFull(wrapped));
    CHECK_FALSE(
        disk_full::isDiskFull(Error::make(Error::Kind::Storage, QStringLiteral("a disk read failed"))));
}
