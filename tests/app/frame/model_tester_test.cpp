#include "document/region_document.h"
#include "models/assessment_model.h"
#include "models/authority_model.h"
#include "models/cycle_list_model.h"
#include "models/group_model.h"
#include "models/person_model.h"
#include "qt_catch.h"
#include "region_fixture.h"

#include <QAbstractItemModelTester>
#include <QUndoStack>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::test;

namespace {
// Fatal mode: any broken model contract aborts the test run.
void attachTester(QAbstractItemModel* model) {
    new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::Fatal, model);
}
} // namespace

TEST_CASE("Every item model keeps the model contract through loads, edits, undo and cycle changes") {
    RegionFixture region;
    auto document = region.openDocument();
    gui::AuthorityModel authorities(*document);
    gui::PersonModel people(*document);
    gui::CycleListModel cycles(*document);
    gui::GroupModel groups(*document);
    gui::AssessmentModel assessments(*document);
    for (QAbstractItemModel* model :
         std::initializer_list<QAbstractItemModel*>{&authorities, &people, &cycles, &groups, &assessments}) {
        attachTester(model);
    }

    groups.setCycle(region.cycleId);
    assessments.setCycle(region.cycleId);
    CHECK(authorities.rowCount() == 6);
    CHECK(people.rowCount() == 7);
    CHECK(cycles.rowCount() == 1);
    CHECK(groups.rowCount() == 2);
    CHECK(assessments.rowCount() == 6);

    REQUIRE(authorities.setData(authorities.indexOf(region.kentId), QStringLiteral("Kent County")));
    REQUIRE(
        people.setData(people.index(0, gui::PersonModel::EmailColumn), QStringLiteral("new@example.org")));
    REQUIRE(assessments.setData(assessments.indexOf(region.medwayId, gui::AssessmentModel::StatusColumn),
                                QStringLiteral("draft_received")));
    document->undoStack()->undo();
    document->undoStack()->undo();
    document->undoStack()->undo();
    CHECK(authorities.indexOf(region.kentId).data().toString() == QStringLiteral("Kent"));

    groups.setCycle(0);
    assessments.setCycle(0);
    CHECK(groups.rowCount() == 0);
    CHECK(assessments.rowCount() == 0);
}

TEST_CASE("Models give typed access to their rows by id") {
    RegionFixture region;
    auto document = region.openDocument();
    gui::AuthorityModel authorities(*document);
    const QModelIndex kent = authorities.indexOf(region.kentId, gui::AuthorityModel::DcsColumn);
    REQUIRE(kent.isValid());
    CHECK(kent.data().toString() == QStringLiteral("Alex Carter"));
    const auto* row = authorities.rowAt(kent);
    REQUIRE(row != nullptr);
    CHECK(row->dcs.email == QStringLiteral("alex@example.org"));
    CHECK_FALSE(authorities.indexOf(999999).isValid());
    CHECK(authorities.rowAt(QModelIndex()) == nullptr);
}
