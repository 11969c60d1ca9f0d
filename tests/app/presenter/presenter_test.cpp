#include "app/frame/qt_catch.h"
#include "console/day_session.h"
#include "engine/engine_fixture.h"
#include "presenter/presenter_miniature.h"
#include "presenter/presenter_view.h"
#include "presenter/room_messages.h"

#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <catch2/catch.hpp>

// The presenter view shows the room the day's block, the presenting LA, the countdown and the
// message, following a day on a fake clock through the session's controls; the console's miniature
// shows the same at every step.
using namespace balcony;
using namespace balcony::gui;
using test::dayAt;

namespace {

struct Room {
    test::EngineRegion region{test::triadNames()};
    FakeClock clock{dayAt(9, 55)};
    std::unique_ptr<DaySession> session = open();
    RoomMessages messages;

    std::unique_ptr<DaySession> open() {
        auto opened = DaySession::open(*region.db, clock, region.groupId, region.day().plan);
        REQUIRE(opened.ok());
        return std::move(*opened);
    }
    const TimetableBlock& block(int index) const {
        return session->plan().timetable.blocks.at(static_cast<size_t>(index));
    }
    int firstPresented() const {
        const auto& blocks = session->plan().timetable.blocks;
        for (size_t i = 0; i < blocks.size(); ++i) {
            if (!blocks[i].presenter.name.isEmpty()) {
                return static_cast<int>(i);
            }
        }
        FAIL("no block has a presenting LA");
        return -1;
    }
};

void ok(const Status& status) {
    INFO((status.ok() ? QString() : status.message()).toStdString());
    REQUIRE(status.ok());
}

QLabel* labelNamed(const QWidget& view, const QString& name) {
    for (QLabel* label : view.findChildren<QLabel*>()) {
        if (label->accessibleName() == name) {
            return label;
        }
    }
    return nullptr;
}

// Whether the room can see the message line (shown, with text).
bool messageShown(const PresenterView& view) {
    const QLabel* label = labelNamed(view, QStringLiteral("Message to the room"));
    return label != nullptr && label->isVisible() && !label->text().isEmpty();
}

bool allBlack(const QImage& image) {
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3) {
            if (image.pixelColor(x, y) != QColor(Qt::black)) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

TEST_CASE("The presenter screen follows the day at once: block, presenting LA and countdown", "[presenter]") {
    Room room;
    DaySession& day = *room.session;
    PresenterView view;
    PresenterMiniature miniature;
    view.resize(1280, 720);
    miniature.resize(320, 180);
    view.observe(&day, &room.messages);
    miniature.observe(&day, &room.messages);
    view.show();
    miniature.show();
    const PresenterView& small = *miniature.view();

    const auto agree = [&] {
        CHECK(small.titleText() == view.titleText());
        CHECK(small.presenterText() == view.presenterText());
        CHECK(small.countdownText() == view.countdownText());
        CHECK(small.messageText() == view.messageText());
    };

    // Before the start: the first block and its full length.
    CHECK(view.titleText() == room.block(0).title);
    CHECK_FALSE(view.titleText().isEmpty());
    CHECK(view.countdownText() == QStringLiteral("15:00"));
    agree();

    room.clock.setUtc(dayAt(10, 2));
    ok(day.start());
    for (int i = 0; i < 3; ++i) {
        room.clock.advanceMs(1000);
        day.refresh();
    }
    CHECK(view.countdownText() == QStringLiteral("14:57"));
    agree();

    // The first presentation: its title and the presenting LA, by name.
    const int presented = room.firstPresented();
    ok(day.jump(presented));
    CHECK(view.titleText() == room.block(presented).title);
    CHECK(view.presenterText() == QStringLiteral("Presenting: %1").arg(room.block(presented).presenter.name));
    CHECK(test::triadNames().contains(room.block(presented).presenter.name));
    CHECK(labelNamed(view, QStringLiteral("Presenting"))->isVisible());
    CHECK(view.countdownText() ==
          QStringLiteral("%1:00").arg(room.block(presented).minutes, 2, 10, QLatin1Char('0')));
    agree();

    ok(day.extend(5));
    CHECK(view.countdownText() ==
          QStringLiteral("%1:00").arg(room.block(presented).minutes + 5, 2, 10, QLatin1Char('0')));
    agree();

    // Back to a shared block: no presenting LA on the screen.
    ok(day.jump(0));
    CHECK(view.titleText() == room.block(0).title);
    CHECK(view.presenterText().isEmpty());
    CHECK_FALSE(labelNamed(view, QStringLiteral("Presenting"))->isVisible());
    agree();
}

TEST_CASE("A message to the room shows and clears on the presenter screen and its miniature together",
          "[presenter]") {
    Room room;
    PresenterView view;
    PresenterMiniature miniature;
    view.resize(1280, 720);
    view.observe(room.session.get(), &room.messages);
    miniature.observe(room.session.get(), &room.messages);
    view.show();
    miniature.show();
    const PresenterView& small = *miniature.view();
    CHECK_FALSE(messageShown(view));
    CHECK_FALSE(messageShown(small));
    QSignalSpy changes(&room.messages, &RoomMessages::changed);

    room.messages.showCue(RoomCue::FiveMinutesForQuestions);
    room.messages.showCue(RoomCue::FiveMinutesForQuestions); // the same again changes nothing
    CHECK(changes.size() == 1);
    CHECK(view.messageText() == QStringLiteral("Five minutes left for questions"));
    CHECK(small.messageText() == view.messageText());
    CHECK(messageShown(view));
    CHECK(messageShown(small));

    room.messages.showText(QStringLiteral("  Lunch is in the atrium  "));
    CHECK(view.messageText() == QStringLiteral("Lunch is in the atrium"));
    CHECK(small.messageText() == QStringLiteral("Lunch is in the atrium"));

    room.messages.clear();
    CHECK(changes.size() == 3);
    CHECK_FALSE(messageShown(view));
    CHECK_FALSE(messageShown(small));
    CHECK(view.messageText().isEmpty());

    // Every cue has its own words for the room and a label for the console.
    for (const RoomCueText& cue : roomCues()) {
        CHECK_FALSE(cue.label.isEmpty());
        room.messages.showCue(cue.cue);
        CHECK(view.messageText() == cue.text);
        CHECK(small.messageText() == cue.text);
    }
}

TEST_CASE("A blackout turns the whole presenter screen black and the miniature with it", "[presenter]") {
    Room room;
    PresenterView view;
    PresenterMiniature miniature;
    view.resize(960, 540);
    view.observe(room.session.get(), &room.messages);
    miniature.observe(room.session.get(), &room.messages);
    view.show();
    miniature.show();
    room.messages.showCue(RoomCue::ScreenBreak);
    CHECK_FALSE(allBlack(view.grab().toImage()));

    room.messages.setBlackout(true);
    for (PresenterView* shown : {&view, miniature.view()}) {
        CHECK(shown->isBlackedOut());
        CHECK(shown->titleText().isEmpty());
        CHECK(shown->countdownText().isEmpty());
        CHECK(shown->messageText().isEmpty());
        CHECK(allBlack(shown->grab().toImage()));
    }

    // The day goes on under the blackout, and lifting it shows the present block and the message.
    room.clock.setUtc(dayAt(10, 0));
    ok(room.session->start());
    room.clock.advanceMs(60 * 1000);
    room.session->refresh();
    CHECK(allBlack(view.grab().toImage()));
    room.messages.toggleBlackout();
    CHECK_FALSE(view.isBlackedOut());
    CHECK(view.countdownText() == QStringLiteral("14:00"));
    CHECK(view.messageText() == roomCueText(RoomCue::ScreenBreak));
    CHECK_FALSE(allBlack(view.grab().toImage()));
    CHECK_FALSE(allBlack(miniature.view()->grab().toImage()));
}

TEST_CASE("The presenter screen's type is large and nothing is cut off, on a projector and on a laptop",
          "[presenter]") {
    Room room;
    // The longest title of the day, and a long custom message.
    int longest = 0;
    for (const TimetableBlock& block : room.session->plan().timetable.blocks) {
        if (block.title.size() > room.block(longest).title.size()) {
            longest = block.index;
        }
    }
    room.clock.setUtc(dayAt(10, 0));
    ok(room.session->start());
    if (longest != 0) {
        ok(room.session->jump(longest));
    }
    room.messages.showText(QStringLiteral("Please come back to the main room by a quarter past two; the "
                                          "reaction starts then"));
    for (const QSize size : {QSize(1920, 1080), QSize(1366, 768)}) {
        INFO(size.width() << "x" << size.height());
        PresenterView view;
        view.resize(size);
        view.observe(room.session.get(), &room.messages);
        view.show();
        for (const QString& name :
             {QStringLiteral("Block"), QStringLiteral("Presenting"), QStringLiteral("Message to the room")}) {
            const QLabel* label = labelNamed(view, name);
            REQUIRE(label != nullptr);
            if (!label->isVisible()) {
                continue;
            }
            INFO(name.toStdString() << " " << label->text().toStdString());
            CHECK(label->accessibleName() == name); // what a screen reader says for it
            // Readable from the back of a room: a thirtieth of the screen's height or more.
            CHECK(label->font().pixelSize() >= size.height() / 30);
            // Whole: the wrapped text fits the label's room, and the label is inside the view.
            CHECK(label->heightForWidth(label->width()) <= label->height());
            CHECK(view.rect().contains(label->geometry().translated(label->parentWidget()->pos())));
        }
    }
}
