#include "frame/day_offline_controller.h"

#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "frame/prompter.h"
#include "offline/day_offline.h"
#include "store/database.h"

#include <QAction>
#include <QDir>
#include <QLocale>
#include <QStringList>
#include <utility>
#include <vector>

namespace balcony::gui {

namespace {

const QString fileFilter = QStringLiteral("Balcony region (*.balcony);;All files (*)");

} // namespace

DayOfflineController::DayOfflineController(Prompter& prompter, QObject* parent)
    : QObject(parent)
    , m_prompter(prompter)
    , m_takeOffline(new QAction(tr("&Take Day Offline..."), this))
    , m_bringBack(new QAction(tr("Bring &Day Back..."), this)) {
    m_takeOffline->setObjectName(QStringLiteral("takeDayOfflineAction"));
    m_bringBack->setObjectName(QStringLiteral("bringDayBackAction"));
    m_takeOffline->setStatusTip(
        tr("Copy one group's day into a file of its own, to run it without the region."));
    m_bringBack->setStatusTip(tr("Merge a day run on a file taken offline back into this region."));
    connect(m_takeOffline, &QAction::triggered, this, &DayOfflineController::takeDayOffline);
    connect(m_bringBack, &QAction::triggered, this, &DayOfflineController::bringDayBack);
    updateActions();
}

DayOfflineController::~DayOfflineController() = default;

void DayOfflineController::setDocument(RegionDocument* document) {
    m_document = document;
    updateActions();
}

void DayOfflineController::updateActions() {
    const bool writable = m_document != nullptr && !m_document->isReadOnly();
    const QString why = m_document == nullptr ? tr("Open a region first.")
                        : writable            ? QString()
                                              : tr("The region is open read-only.");
    for (QAction* action : {m_takeOffline, m_bringBack}) {
        action->setEnabled(writable);
        action->setToolTip(why.isEmpty() ? action->statusTip() : why);
    }
}

void DayOfflineController::takeDayOffline() {
    if (m_document == nullptr || m_document->isReadOnly()) {
        return;
    }
    Database& db = m_document->database();
    ScheduleStore schedule(db);
    auto cycles = schedule.cycles();
    if (!cycles) {
        m_prompter.showError(tr("Take Day Offline"), cycles.message());
        return;
    }
    // Every group of every cycle, the latest cycle first.
    QStringList items;
    std::vector<std::pair<QString, QString>> days; // cycle name, group label
    for (auto cycle = cycles->rbegin(); cycle != cycles->rend(); ++cycle) {
        auto groups = schedule.groups(cycle->id);
        if (!groups) {
            m_prompter.showError(tr("Take Day Offline"), groups.message());
            return;
        }
        for (const Group& group : *groups) {
            items << tr("Group %1 of %2 (%3)")
                         .arg(group.label, cycle->name, QLocale().toString(group.date, QLocale::LongFormat));
            days.emplace_back(cycle->name, group.label);
        }
    }
    if (items.isEmpty()) {
        m_prompter.showError(tr("Take Day Offline"), tr("The region has no group days yet."));
        return;
    }
    const QString choice = m_prompter.askChoice(tr("Take Day Offline"), tr("Which group's day?"), items);
    const qsizetype index = items.indexOf(choice);
    if (index < 0) {
        return;
    }
    const auto& [cycleName, groupLabel] = days.at(static_cast<size_t>(index));
    const QString path = m_prompter.askSaveFile(
        tr("Take Day Offline"), QStringLiteral("group-%1-%2.balcony").arg(groupLabel, cycleName), fileFilter);
    if (path.isEmpty()) {
        return;
    }
    auto made = offline::checkOut(db, cycleName, groupLabel, path, m_document->clock());
    if (!made) {
        m_prompter.showError(tr("Take Day Offline"), made.message());
        return;
    }
    Q_EMIT statusMessage(
        tr("Group %1 of %2 is in %3: run the day on it, then bring it back with File > Bring "
           "Day Back.")
            .arg(groupLabel, cycleName, QDir::toNativeSeparators(made->file)),
        0);
}

void DayOfflineController::bringDayBack() {
    if (m_document == nullptr || m_document->isReadOnly()) {
        return;
    }
    const QString path = m_prompter.askOpenFile(tr("Bring Day Back"), fileFilter);
    if (path.isEmpty()) {
        return;
    }
    auto file = Database::open(path);
    if (!file) {
        m_prompter.showError(tr("Bring Day Back"), file.message());
        return;
    }
    Database& db = m_document->database();
    auto preview = offline::previewCheckIn(db, **file);
    if (!preview) {
        m_prompter.showError(tr("Bring Day Back"), preview.message());
        return;
    }
    if (!m_prompter.askConfirm(
            tr("Bring Day Back"),
            tr("Merge into this region: %1\n\nThis cannot be undone, and the file cannot be "
               "brought back a second time.")
                .arg(preview->describe()),
            tr("Merge"))) {
        return;
    }
    auto merged = offline::checkIn(db, **file, m_document->clock());
    if (!merged) {
        m_prompter.showError(tr("Bring Day Back"), merged.message());
        return;
    }
    file->reset();
    const qint64 groupId = merged->origin.groupId;
    if (auto cycle = ScheduleStore(db).cycleByName(merged->origin.cycleName); cycle) {
        m_document->notifyNotesChanged(cycle->id, groupId);
    }
    m_document->notifyDayChanged(groupId);
    Q_EMIT statusMessage(tr("Brought back %1").arg(merged->describe()), 0);
}

} // namespace balcony::gui
