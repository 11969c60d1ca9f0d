#include "app/frame/qt_catch.h"
#include "helpers/temp_dir.h"
#include "presenter/presenter_view.h"
#include "presenter/presenter_window.h"

#include <QGuiApplication>
#include <QScreen>
#include <QSettings>
#include <QTest>
#include <QWindow>
#include <catch2/catch.hpp>

// The presenter window goes full screen on the screen the facilitator picks (kept by name), on the
// primary screen when that one is not connected, or small and above the others for a virtual
// meeting.
using namespace balcony;
using namespace balcony::gui;

namespace {

struct Settings {
    test::TempDir dir;
    QSettings settings{dir.path(QStringLiteral("settings.ini")), QSettings::IniFormat};
};

QString shownOn(const PresenterWindow& window) {
    return window.windowHandle() != nullptr && window.windowHandle()->screen() != nullptr
               ? window.windowHandle()->screen()->name()
               : QString();
}

} // namespace

TEST_CASE("A presenter screen picked but not connected shows full screen on the primary screen",
          "[presenter]") {
    Settings s;
    PresenterWindow window(s.settings);
    QScreen* primary = QGuiApplication::primaryScreen();
    CHECK(window.mode() == PresenterWindow::Mode::Hidden);

    CHECK(window.showOnScreen(QStringLiteral("HDMI-9")) == primary);
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.mode() == PresenterWindow::Mode::FullScreen);
    CHECK(window.isFullScreen());
    CHECK(shownOn(window) == primary->name());
    CHECK(window.geometry() == primary->geometry());
    // The pick is kept for when that screen is plugged in.
    CHECK(s.settings.value(QStringLiteral("presenter/screen")).toString() == QStringLiteral("HDMI-9"));
    CHECK(window.rememberedScreenName() == QStringLiteral("HDMI-9"));

    // Escape on the presenter screen takes it away (it has no controls of its own).
    QTest::keyClick(&window, Qt::Key_Escape);
    CHECK_FALSE(window.isVisible());
    CHECK(window.mode() == PresenterWindow::Mode::Hidden);
}

TEST_CASE("The compact presenter window is small and stays above the other windows", "[presenter]") {
    Settings s;
    PresenterWindow window(s.settings);
    window.showCompact();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.mode() == PresenterWindow::Mode::Compact);
    CHECK_FALSE(window.isFullScreen());
    CHECK(window.windowFlags().testFlag(Qt::WindowStaysOnTopHint));
    CHECK(window.size() == PresenterWindow::compactSize);
    CHECK(window.screen()->availableGeometry().contains(window.geometry()));
    // The countdown is there, at the small size too.
    CHECK(window.view()->countdownText() == QStringLiteral("00:00"));

    // Back to full screen: no longer kept above everything.
    window.showOnRememberedScreen();
    CHECK(window.mode() == PresenterWindow::Mode::FullScreen);
    CHECK(window.isVisible());
    CHECK_FALSE(window.windowFlags().testFlag(Qt::WindowStaysOnTopHint));
    CHECK(window.geometry() == QGuiApplication::primaryScreen()->geometry());
}

// Hidden from the default run (one offscreen screen): ctest runs it on a laptop and a projector
// (tests/app/screens/laptop-and-projector.json).
TEST_CASE("The presenter window goes full screen on the projector by name, and remembers it",
          "[.][presenter-screens]") {
    REQUIRE(QGuiApplication::screens().size() == 2);
    REQUIRE(QGuiApplication::primaryScreen()->name() == QStringLiteral("LAPTOP"));
    QScreen* projector = PresenterWindow::screenNamed(QStringLiteral("PROJECTOR"));
    REQUIRE(projector->name() == QStringLiteral("PROJECTOR"));
    Settings s;
    {
        PresenterWindow window(s.settings);
        CHECK(window.showOnScreen(QStringLiteral("PROJECTOR")) == projector);
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        CHECK(window.isFullScreen());
        CHECK(shownOn(window) == QStringLiteral("PROJECTOR"));
        CHECK(window.geometry() == QRect(1366, 0, 1920, 1080));
        CHECK(window.view()->geometry().size() == QSize(1920, 1080));

        // The laptop, then the projector again.
        window.showOnScreen(QStringLiteral("LAPTOP"));
        CHECK(shownOn(window) == QStringLiteral("LAPTOP"));
        CHECK(window.geometry() == QRect(0, 0, 1366, 768));
        window.showOnScreen(QStringLiteral("PROJECTOR"));
        CHECK(shownOn(window) == QStringLiteral("PROJECTOR"));
        CHECK(window.geometry() == QRect(1366, 0, 1920, 1080));
    }
    {
        // The next day, the same projector without asking.
        PresenterWindow window(s.settings);
        CHECK(window.showOnRememberedScreen() == projector);
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        CHECK(shownOn(window) == QStringLiteral("PROJECTOR"));
        CHECK(window.geometry() == QRect(1366, 0, 1920, 1080));
    }
    {
        // Another room's projector has another name: the laptop's screen until it is picked.
        PresenterWindow window(s.settings);
        CHECK(window.showOnScreen(QStringLiteral("HDMI-2"))->name() == QStringLiteral("LAPTOP"));
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        CHECK(shownOn(window) == QStringLiteral("LAPTOP"));
        CHECK(window.geometry() == QRect(0, 0, 1366, 768));

        // Compact for a virtual meeting: small, on top, in the laptop screen's corner.
        window.showCompact();
        CHECK(window.windowFlags().testFlag(Qt::WindowStaysOnTopHint));
        CHECK(window.size() == PresenterWindow::compactSize);
        CHECK(QRect(0, 0, 1366, 768).contains(window.geometry()));
    }
}
