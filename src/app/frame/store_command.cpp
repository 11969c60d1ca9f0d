#include "frame/store_command.h"

#include "document/region_document.h"
#include "store/transaction.h"
#include "support/logging.h"

namespace balcony::gui {

StoreCommand::StoreCommand(RegionDocument& document, const QString& text)
    : QUndoCommand(text)
    , m_document(document) {}

void StoreCommand::redo() {
    run(true);
}

void StoreCommand::undo() {
    run(false);
}

void StoreCommand::run(bool forward) {
    Status status;
    {
        Transaction tx(m_document.database());
        if (!tx.isActive()) {
            status = tx.error();
        } else {
            status = apply(forward);
            if (status) {
                status = tx.commit();
            }
        }
    }
    if (!status) {
        logging::get("app")->warn("Edit \"{}\" failed: {}", text().toStdString(),
                                  status.message().toStdString());
        setObsolete(true);
        m_document.reportEditFailure(status.message());
    }
    // Announce even after a failure: a rolled-back write may have left a view showing the attempt.
    announce();
}

} // namespace balcony::gui
