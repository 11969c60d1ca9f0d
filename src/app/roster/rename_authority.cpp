#include "roster/rename_authority.h"

#include "document/region_document.h"
#include "domain/roster_store.h"

#include <QCoreApplication>

namespace balcony::gui {

RenameAuthority::RenameAuthority(RegionDocument& document, qint64 authorityId, QString oldName,
                                 QString newName)
    : StoreCommand(document, QCoreApplication::translate("balcony::gui::RenameAuthority", "Rename %1 to %2")
                                 .arg(oldName, newName))
    , m_id(authorityId)
    , m_oldName(std::move(oldName))
    , m_newName(std::move(newName)) {}

Status RenameAuthority::apply(bool forward) {
    return RosterStore(document().database()).renameAuthority(m_id, forward ? m_newName : m_oldName);
}

void RenameAuthority::announce() {
    document().notifyRosterChanged();
}

} // namespace balcony::gui
