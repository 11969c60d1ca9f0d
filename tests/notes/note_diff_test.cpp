#include "notes/note_diff.h"
#include "notes/session_note_fixture.h"

#include <catch2/catch.hpp>

using namespace balcony;

namespace {

QString side(const std::vector<DiffSpan>& spans, DiffSpan::Kind leftOut) {
    QString text;
    for (const auto& span : spans) {
        if (span.kind != leftOut) {
            text += span.text;
        }
    }
    return text;
}

} // namespace

TEST_CASE("A word-by-word comparison shows the words removed and added and keeps the rest", "[notes][diff]") {
    const QString before = QStringLiteral("The budget is stable and the workforce is settled.");
    const QString after = QStringLiteral("The budget is under pressure and the workforce is settled.");
    const auto spans = compareWords(before, after);
    REQUIRE(spans.size() == 4);
    CHECK(spans[0].kind == DiffSpan::Kind::Same);
    CHECK(spans[0].text == QStringLiteral("The budget is "));
    CHECK(spans[1].kind == DiffSpan::Kind::Removed);
    CHECK(spans[1].text.trimmed() == QStringLiteral("stable"));
    CHECK(spans[2].kind == DiffSpan::Kind::Added);
    CHECK(spans[2].text.trimmed() == QStringLiteral("under pressure"));
    CHECK(spans[3].kind == DiffSpan::Kind::Same);
    CHECK(side(spans, DiffSpan::Kind::Added) == before);
    CHECK(side(spans, DiffSpan::Kind::Removed) == after);
}

TEST_CASE("A comparison gives both texts back exactly, line breaks and accents included", "[notes][diff]") {
    const QString before = QStringLiteral("# Note\n\n- Café culture\n- Staff  turnover high\n");
    const QString after =
        QStringLiteral("# Note\n\n- Staff turnover falling\n- Café culture\n- New: a mentoring scheme\n");
    const auto spans = compareWords(before, after);
    CHECK(side(spans, DiffSpan::Kind::Added) == before);
    CHECK(side(spans, DiffSpan::Kind::Removed) == after);
    CHECK(compareWords(before, before).size() == 1);
    CHECK(compareWords(QString(), QStringLiteral("new")).front().kind == DiffSpan::Kind::Added);
}

TEST_CASE("Comparing two revisions names who made each and when", "[notes][diff]") {
    test::SessionNoteRegion r;
    auto store = r.store();
    auto id =
        store.create(r.f.groupA, r.f.kent, QStringLiteral("Text one.\n"), QStringLiteral("Ruth Okafor"));
    REQUIRE(id.ok());
    r.clock.advanceMinutes(30);
    REQUIRE(store.edit(*id, QStringLiteral("Text two.\n"), QStringLiteral("Sam Lee")).ok());
    auto comparison = compareRevisions(store, *id, 2, 1);
    REQUIRE(comparison.ok());
    CHECK(comparison->from.author == QStringLiteral("Sam Lee"));
    CHECK(comparison->to.author == QStringLiteral("Ruth Okafor"));
    CHECK(comparison->from.createdAtUtc == r.clock.utcNow());
    CHECK(side(comparison->spans, DiffSpan::Kind::Added) == QStringLiteral("Text two.\n"));
    auto missing = compareRevisions(store, *id, 1, 3);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.message().contains(QStringLiteral("revisions are 1 to 2")));
}
