#include "roster/set_person_authority.h"

#include "document/region_document.h"
#include "domain/roster_store.h"

#include <QCoreApplication>

namespace balcony::gui {

SetPersonAuthority::SetPersonAuthority(RegionDocument& document, qint64 personId, const QString& personName,
                                       qint64 fromAuthorityId, qint64 toAuthorityId)
    : StoreCommand(document, QCoreApplication::translate("balcony::gui::SetPersonAuthority",
                                                         "Change the local authority of %1")
                                 .arg(personName))
    , m_personId(personId)
    , m_from(fromAuthorityId)
    , m_to(toAuthorityId) {}

Status SetPersonAuthority::apply(bool forward) {
    return RosterStore(document().database()).setPersonAuthority(m_personId, forward ? m_to : m_from);
}

void SetPersonAuthority::announce() {
    document().notifyRosterChanged();
}

} // namespace balcony::gui
