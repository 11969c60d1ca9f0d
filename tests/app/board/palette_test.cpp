#include "app/frame/region_fixture.h"
#include "board/group_board.h"
#include "board/group_card.h"
#include "board/lead_reviewer_ring.h"
#include "board/member_row.h"
#include "board_fixture.h"
#include "document/region_document.h"
#include "models/assessment_model.h"

#include <QApplication>
#include <QBrush>
#include <QImage>
#include <QLabel>
#include <QPalette>
#include <catch2/catch.hpp>
#include <cmath>
#include <memory>

using namespace balcony;
using namespace balcony::gui;

namespace {

// A desktop's dark mode as Qt sees it: dark windows and fields, light text.
QPalette darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3b));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xf6));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    return p;
}

// Puts the application's palette back however the test ends.
struct PaletteRestorer {
    QPalette saved = QApplication::palette();
    ~PaletteRestorer() { QApplication::setPalette(saved); }
};

void usePalette(const QPalette& palette) {
    QApplication::setPalette(palette);
    QApplication::processEvents();
}

// WCAG 2 relative luminance and contrast ratio.
double luminance(const QColor& c) {
    const auto channel = [](double v) {
        v /= 255.0;
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

double contrast(const QColor& a, const QColor& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// What a card and its first member row look like on screen.
struct Rendered {
    QColor card;          // the card's own background
    QColor row;           // the member row's background
    QColor name;          // the ink of the member's name: the pixel furthest from the row's background
    double ringLightness; // the mean lightness over the lead-reviewer ring
};

Rendered render(GroupCard* card) {
    const QImage image = card->grab().toImage();
    MemberRow* row = card->rows().front();
    Rendered r;
    r.card = image.pixelColor(6, card->height() / 2); // in the card's left margin
    const QRect rowRect = row->geometry();
    r.row = image.pixelColor(rowRect.left() + 3, rowRect.center().y());
    auto* name = row->findChild<QLabel*>(QStringLiteral("memberName"));
    REQUIRE(name);
    const QRect nameRect(row->mapTo(card, name->geometry().topLeft()), name->size());
    double furthest = -1;
    for (int y = nameRect.top(); y <= nameRect.bottom(); ++y) {
        for (int x = nameRect.left(); x <= nameRect.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            const double d = std::abs(luminance(c) - luminance(r.row));
            if (d > furthest) {
                furthest = d;
                r.name = c;
            }
        }
    }
    const QRect ringRect = card->ring()->geometry();
    double sum = 0;
    for (int y = ringRect.top(); y <= ringRect.bottom(); ++y) {
        for (int x = ringRect.left(); x <= ringRect.right(); ++x) {
            sum += image.pixelColor(x, y).lightness();
        }
    }
    r.ringLightness = sum / (ringRect.width() * ringRect.height());
    return r;
}

} // namespace

TEST_CASE("the board follows a dark palette with dark cards and light text, and a light one brings its look "
          "back",
          "[board][palette]") {
    PaletteRestorer restorer;
    test::BoardRegion region;
    GroupBoard board(*region.document);
    board.resize(1200, 800);
    board.show();
    QApplication::processEvents();
    GroupCard* card = board.cardLabelled(QStringLiteral("Group 2"));
    REQUIRE(card);
    REQUIRE(card->ring());

    const Rendered light = render(card);
    CHECK(light.card == QColor(0xff, 0xff, 0xff));
    CHECK(light.row == QColor(0xf9, 0xfa, 0xfb));
    CHECK(light.name.lightness() < 80);
    CHECK(light.ringLightness > 200);

    usePalette(darkPalette());
    card = board.cardLabelled(QStringLiteral("Group 2"));
    const Rendered dark = render(card);
    CHECK(dark.card.lightness() < 70);
    CHECK(dark.row.lightness() < 70);
    CHECK(dark.row != dark.card); // the rows still stand out from their card
    CHECK(dark.name.lightness() > 200);
    CHECK(contrast(dark.name, dark.row) >= 4.5);
    CHECK(dark.ringLightness < 90);

    usePalette(restorer.saved);
    card = board.cardLabelled(QStringLiteral("Group 2"));
    const Rendered again = render(card);
    CHECK(again.card == light.card);
    CHECK(again.row == light.row);
    CHECK(again.name == light.name);
    CHECK(again.ringLightness == Approx(light.ringLightness));
}

TEST_CASE("a board opened under a dark palette is dark from the start", "[board][palette]") {
    PaletteRestorer restorer;
    usePalette(darkPalette());
    test::BoardRegion region;
    GroupBoard board(*region.document);
    board.resize(1200, 800);
    board.show();
    QApplication::processEvents();
    GroupCard* card = board.cardLabelled(QStringLiteral("Group 1"));
    REQUIRE(card);
    const Rendered dark = render(card);
    CHECK(dark.card.lightness() < 70);
    CHECK(dark.row.lightness() < 70);
    CHECK(contrast(dark.name, dark.row) >= 4.5);
}

TEST_CASE("an overdue self-assessment stays readable under a dark palette", "[board][palette]") {
    PaletteRestorer restorer;
    test::RegionFixture region;
    auto document = region.openDocument();
    AssessmentModel model(*document);
    model.setCycle(region.cycleId);
    model.setToday(QDate(2024, 3, 1)); // Kent's papers were due on 27 February
    const QModelIndex kent = model.indexOf(region.kentId, AssessmentModel::DueColumn);
    REQUIRE(kent.isValid());
    const auto colour = [&](int role) { return kent.data(role).value<QBrush>().color(); };

    // The light look is the one it always had.
    CHECK(colour(Qt::BackgroundRole) == QColor(0xf8, 0xd7, 0xda));
    CHECK(colour(Qt::ForegroundRole) == QColor(0x84, 0x20, 0x29));
    CHECK(contrast(colour(Qt::ForegroundRole), colour(Qt::BackgroundRole)) >= 4.5);

    usePalette(darkPalette());
    const QColor background = colour(Qt::BackgroundRole);
    const QColor text = colour(Qt::ForegroundRole);
    CHECK(background.lightness() < 100); // a deep tint, not a pale stripe across a dark table
    CHECK(background != darkPalette().color(QPalette::Base)); // still marked out
    CHECK(background.red() > background.green());             // and still red
    CHECK(contrast(text, background) >= 4.5);

    usePalette(restorer.saved);
    CHECK(colour(Qt::BackgroundRole) == QColor(0xf8, 0xd7, 0xda));
    CHECK(colour(Qt::ForegroundRole) == QColor(0x84, 0x20, 0x29));
}
