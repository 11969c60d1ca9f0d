#include "roster/add_authority.h"

#include "document/region_document.h"
#include "domain/roster_store.h"

#include <QCoreApplication>

namespace balcony::gui {

AddAuthority::AddAuthority(RegionDocument& document, QString name)
    : StoreCommand(document, QCoreApplication::translate("balcony::gui::AddAuthority", "Add %1").arg(name))
    , m_name(std::move(name)) {}

Status AddAuthority::apply(bool forward) {
    RosterStore store(document().database());
    if (!forward) {
        return store.removeAuthority(m_id);
    }
    auto id = store.addAuthority(m_name);
    if (!id) {
        return id.error();
    }
    m_id = *id;
    return {};
}

void AddAuthority::announce() {
    document().notifyRosterChanged();
}

} // namespace balcony::gui
