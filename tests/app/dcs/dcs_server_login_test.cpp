// The desktop program opened on a server region as a DCS login (docs/server.md, "Who may see what"):
// the DCS's own window says whose it is; a region file is never taken for a DCS's.
#include "app/frame/fake_prompter.h"
#include "dcs/dcs_window.h"
#include "engine/clock.h"
#include "frame/application.h"
#include "helpers/temp_dir.h"
#include "helpers/test_database.h"
#include "store/database.h"
#include "store/location.h"
#include "store/server_roles.h"
#include "store/sql.h"

#include <QLabel>
#include <QSettings>
#include <catch2/catch.hpp>

using namespace balcony;
using balcony::gui::DcsWindow;
using balcony::test::FakePrompter;
using balcony::test::TempDir;

TEST_CASE("The DCS window of a server login names the LA and stays the DCS's until a pack opens",
          "[gui][dcs][server]") {
    TempDir dir;
    FakeClock clock{QDateTime(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC)};
    FakePrompter prompter;
    QSettings settings{dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat};
    DcsWindow window{prompter, clock, settings};
    CHECK(window.windowTitle() == QStringLiteral("Review Pack"));
    window.setServerLogin(QStringLiteral("postgresql://kent_dcs@db.example/southeast"),
                          QStringLiteral("Kent"));
    CHECK(window.windowTitle() == QStringLiteral("DCS of Kent"));
    CHECK(window.serverAuthority() == QStringLiteral("Kent"));
    bool said = false;
    for (const QLabel* label : window.findChildren<QLabel*>()) {
        said = said || label->text().contains(QStringLiteral(
                           "Signed in to postgresql://kent_dcs@db.example/southeast as the DCS of Kent"));
    }
    CHECK(said);
}

TEST_CASE("A region file is opened in the main window, never as a DCS's", "[gui][dcs][server]") {
    TempDir dir;
    const QString path = dir.path(QStringLiteral("region.balcony"));
    REQUIRE(Database::open(path, {.create = true}).ok());
    CHECK_FALSE(gui::dcsLoginOf(path).has_value());
    // An address that cannot be reached is left to the main window, which says why.
    CHECK_FALSE(gui::dcsLoginOf(QStringLiteral("postgresql://kent_dcs@127.0.0.1:1/southeast")).has_value());
}

TEST_CASE("A DCS login to a server region is opened in the DCS's window, the owner's in the main window",
          "[gui][dcs][server]") {
    if (test::testServer().isEmpty()) {
        WARN("No PostgreSQL test server (ctest runs this as gui_on_server)");
        return;
    }
    test::FreshDatabase fresh(Engine::PostgreSQL);
    auto db = fresh.open();
    REQUIRE(sql::run(*db, QStringLiteral("INSERT INTO authority (name) VALUES ('Kent'), ('Medway')")).ok());
    auto location = Location::parse(fresh.location());
    REQUIRE(location.ok());
    const QString login = location->database + QStringLiteral("_kent");
    auto added = server::addUser(*db, {login, server::Role::Dcs, QStringLiteral("Kent"), {}});
    INFO((added.ok() ? QString() : added.error().message).toStdString());
    REQUIRE(added.ok());
    const QString reader = location->database + QStringLiteral("_reader");
    REQUIRE(server::addUser(*db, {reader, server::Role::ReadOnly, {}, {}}).ok());

    CHECK_FALSE(gui::dcsLoginOf(fresh.location()).has_value()); // the owner: the main window
    Location asDcs = *location;
    asDcs.user = login;
    const auto dcs = gui::dcsLoginOf(asDcs.shown());
    REQUIRE(dcs.has_value());
    CHECK(dcs->login.authority == QStringLiteral("Kent"));
    CHECK(dcs->region != nullptr);
    CHECK(dcs->login.login == login);
    Location asReader = *location;
    asReader.user = reader;
    CHECK_FALSE(gui::dcsLoginOf(asReader.shown()).has_value());
}
