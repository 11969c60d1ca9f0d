#include "assessments/assessments_workspace.h"
#include "document/region_document.h"
#include "domain/self_assessment_store.h"
#include "fake_prompter.h"
#include "models/assessment_model.h"
#include "models/model_roles.h"
#include "qt_catch.h"
#include "region_fixture.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QUndoStack>
#include <catch2/catch.hpp>

using namespace balcony;
using namespace balcony::test;

TEST_CASE("Marking an overdue self-assessment distributed clears its highlight, and undo brings it back") {
    RegionFixture region;
    auto document = region.openDocument();
    FakePrompter prompter;
    gui::AssessmentsWorkspace workspace(*document, prompter);
    workspace.show();
    gui::AssessmentModel& model = workspace.model();
    // Group 1 meets on 12 March 2024; its papers are due 14 days before.
    model.setToday(QDate(2024, 3, 1));

    const QModelIndex kent = model.indexOf(region.kentId, gui::AssessmentModel::StatusColumn);
    REQUIRE(kent.isValid());
    CHECK(kent.data(gui::OverdueRole).toBool());
    CHECK(kent.data(Qt::BackgroundRole).isValid());
    CHECK(model.indexOf(region.kentId, gui::AssessmentModel::DueColumn).data().toString() ==
          QStringLiteral("27 Feb 2024"));

    // Change the status the way a user does: open the status cell's drop-down and pick.
    QTableView* table = workspace.table();
    auto* proxy = qobject_cast<QSortFilterProxyModel*>(table->model());
    const QModelIndex cell = proxy->mapFromSource(kent);
    table->setCurrentIndex(cell);
    table->edit(cell);
    auto* combo = table->viewport()->findChild<QComboBox*>();
    REQUIRE(combo != nullptr);
    combo->setCurrentIndex(combo->findData(QStringLiteral("distributed")));
    QTest::keyClick(combo, Qt::Key_Return);
    QCoreApplication::processEvents(); // the delegate commits on a queued call

    const QModelIndex after = model.indexOf(region.kentId, gui::AssessmentModel::StatusColumn);
    CHECK(after.data().toString() == displayName(SaStatus::Distributed));
    CHECK_FALSE(after.data(gui::OverdueRole).toBool());
    CHECK_FALSE(after.data(Qt::BackgroundRole).isValid());
    CHECK(model.indexOf(region.kentId, gui::AssessmentModel::DistributedColumn).data().toString() ==
          QStringLiteral("1 Mar 2024"));

    document->undoStack()->undo();
    const QModelIndex undone = model.indexOf(region.kentId, gui::AssessmentModel::StatusColumn);
    CHECK(undone.data().toString() == displayName(SaStatus::DraftReceived));
    CHECK(undone.data(gui::OverdueRole).toBool());
}

TEST_CASE("A self-assessment is not overdue before its due date") {
    RegionFixture region;
    auto document = region.openDocument();
    gui::AssessmentModel model(*document);
    model.setCycle(region.cycleId);
    model.setToday(QDate(2024, 2, 27));
    CHECK_FALSE(model.indexOf(region.kentId).data(gui::OverdueRole).toBool());
    model.setToday(QDate(2024, 2, 28));
    CHECK(model.indexOf(region.kentId).data(gui::OverdueRole).toBool());
}

TEST_CASE("An attached document shows when its file has changed since") {
    RegionFixture region;
    auto document = region.openDocument();
    FakePrompter prompter;
    gui::AssessmentsWorkspace workspace(*document, prompter);
    gui::AssessmentModel& model = workspace.model();
    const QString file = region.dir.path(QStringLiteral("kent-sa.pdf"));
    writeFile(file, "first version");

    auto* proxy = qobject_cast<QSortFilterProxyModel*>(workspace.table()->model());
    workspace.table()->setCurrentIndex(proxy->mapFromSource(model.indexOf(region.kentId)));
    prompter.openFileAnswer = file;
    workspace.attachAction()->trigger();

    const auto column = gui::AssessmentModel::DocumentColumn;
    CHECK(model.indexOf(region.kentId, column).data().toString() == QStringLiteral("kent-sa.pdf"));
    CHECK_FALSE(model.indexOf(region.kentId, column).data(gui::DocumentChangedRole).toBool());
    CHECK(workspace.openAction()->isEnabled());

    writeFile(file, "second version");
    model.reload();
    CHECK(model.indexOf(region.kentId, column).data(gui::DocumentChangedRole).toBool());
    CHECK(model.indexOf(region.kentId, column).data().toString().contains(QStringLiteral("changed")));
}
