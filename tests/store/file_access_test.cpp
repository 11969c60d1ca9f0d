#include "helpers/temp_dir.h"
#include "store/database.h"
#include "store/file_access.h"
#include "store_probe_helpers.h"

#include <QDir>
#include <catch2/catch.hpp>

using namespace balcony;

TEST_CASE("Folders of sync services are recognised by their names, ignoring case", "[store][synced]") {
    const auto [path, service] = GENERATE(table<const char*, const char*>({
        {"/home/jo/OneDrive/regions/se.balcony", "OneDrive"},
        {"/home/jo/onedrive - Kent County Council/se.balcony", "OneDrive"},
        {"/Users/jo/Library/CloudStorage/OneDrive-Personal/se.balcony", "OneDrive"},
        {"/home/jo/Dropbox/se.balcony", "Dropbox"},
        {"/home/jo/Dropbox (Personal)/se.balcony", "Dropbox"},
        {"/home/jo/DROPBOX/work/se.balcony", "Dropbox"},
        {"/home/jo/Google Drive/se.balcony", "Google Drive"},
        {"/Users/jo/Library/CloudStorage/GoogleDrive-jo@example.org/My Drive/se.balcony", "Google Drive"},
        {"/Users/jo/iCloud Drive/se.balcony", "iCloud Drive"},
        {"/Users/jo/Library/Mobile Documents/com~apple~CloudDocs/se.balcony", "iCloud Drive"},
        {"/home/jo/Nextcloud/se.balcony", "Nextcloud"},
        {"/home/jo/ownCloud/se.balcony", "ownCloud"},
        {"/home/jo/Box/se.balcony", "Box"},
        {"/home/jo/Box Sync/se.balcony", "Box"},
    }));
    CHECK(file_access::syncServiceOf(QString::fromUtf8(path)) == QString::fromUtf8(service));
}

TEST_CASE("Ordinary folders, and names that only begin like a service's, are not synced folders",
          "[store][synced]") {
    const char* path = GENERATE("/home/jo/Documents/se.balcony", "/home/jo/boxes/se.balcony",
                                "/home/jo/onedriver/se.balcony", "/home/jo/Documents/Dropbox.balcony",
                                "/srv/regions/dropboxes/se.balcony");
    CHECK(file_access::syncServiceOf(QString::fromUtf8(path)).isEmpty());
}

TEST_CASE("A region in a synced folder opens with a warning that says what to do", "[store][synced]") {
    test::TempDir dir;
    REQUIRE(QDir().mkpath(dir.path(QStringLiteral("Dropbox/regions"))));
    const QString path = dir.path(QStringLiteral("Dropbox/regions/region.balcony"));
    REQUIRE(test::makeRegion(path, {QStringLiteral("Kent")}));

    for (const bool readOnly : {false, true}) {
        auto db = Database::open(path, {.readOnly = readOnly});
        REQUIRE(db.ok());
        const QString warnings = (*db)->warnings().join(u' ');
        CHECK(warnings.contains(QStringLiteral("region.balcony")));
        CHECK(warnings.contains(QStringLiteral("Dropbox folder")));
        CHECK(warnings.contains(QStringLiteral("-wal")));
        CHECK(warnings.contains(QStringLiteral("one computer at a time")));
        CHECK(warnings.contains(QStringLiteral("belongs on a PostgreSQL server (balcony-cli region push")));
    }

    const QString plain = dir.path(QStringLiteral("plain.balcony"));
    REQUIRE(test::makeRegion(plain, {}));
    auto db = Database::open(plain);
    REQUIRE(db.ok());
    CHECK((*db)->warnings().isEmpty());
}
