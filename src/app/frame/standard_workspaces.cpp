#include "frame/standard_workspaces.h"

#include "console/console_workspace.h"
#include "frame/interchange_controller.h"
#include "frame/main_window.h"
#include "outcomes/action_plans_section.h"
#include "outcomes/asks_offers_section.h"
#include "outcomes/priorities_section.h"
#include "report/regional_report_section.h"
#include "review/notes_workspace.h"
#include "years/years_section.h"

namespace balcony::gui {

ScheduleTabs& installStandardWorkspaces(MainWindow& window, Prompter& prompter,
                                        ScheduleTabs::BoardFactory boardFactory, const Clock* clock) {
    window.setClock(clock);
    auto& schedule = static_cast<ScheduleTabs&>(
        window.installWorkspace(std::make_unique<ScheduleTabs>(prompter, std::move(boardFactory))));
    InterchangeController* interchange = window.interchange();
    interchange->setCycleId(schedule.currentCycleId());
    QObject::connect(&schedule, &ScheduleTabs::cycleChanged, interchange, &InterchangeController::setCycleId);
    QObject::connect(&schedule, &ScheduleTabs::invitationExportRequested, interchange,
                     &InterchangeController::exportInvitations);

    window.installWorkspace(std::make_unique<ConsoleWorkspace>(prompter, clock, &window.settings()));
    auto notes = std::make_unique<NotesWorkspace>(prompter, clock);
    notes->addSection(std::make_unique<AsksOffersSection>(prompter, clock));
    notes->addSection(std::make_unique<PrioritiesSection>(prompter));
    notes->addSection(std::make_unique<ActionPlansSection>(prompter, clock));
    notes->addSection(std::make_unique<YearsSection>());
    notes->addSection(std::make_unique<RegionalReportSection>(prompter));
    window.installWorkspace(std::move(notes));
    return schedule;
}

QStringList standardViewNames() {
    return {
        QStringLiteral("schedule"),    QStringLiteral("roster"),         QStringLiteral("self-assessments"),
        QStringLiteral("run-the-day"), QStringLiteral("notes"),          QStringLiteral("note-review"),
        QStringLiteral("asks-offers"), QStringLiteral("priorities"),     QStringLiteral("action-plans"),
        QStringLiteral("three-years"), QStringLiteral("regional-report")};
}

} // namespace balcony::gui
