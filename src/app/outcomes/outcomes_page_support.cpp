#include "outcomes/outcomes_page_support.h"

#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "review/notes_workspace.h"

#include <QWidget> // before the workspace's QPointer<QWidget>

namespace balcony::gui {

qint64 showLatestCycleWith(QObject* section, RegionDocument& document, qint64 currentCycleId,
                           const std::function<bool(qint64 cycleId)>& hasOutcomes) {
    auto* workspace = qobject_cast<NotesWorkspace*>(section->parent());
    auto cycles = ScheduleStore(document.database()).cycles();
    if (workspace == nullptr || !cycles) {
        return currentCycleId;
    }
    for (auto it = cycles->rbegin(); it != cycles->rend(); ++it) {
        if (hasOutcomes(it->id)) {
            if (it->id != currentCycleId) {
                workspace->selectCycle(it->id); // tells every section, this one included
            }
            return it->id;
        }
    }
    return currentCycleId;
}

} // namespace balcony::gui
