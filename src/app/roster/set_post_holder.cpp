#include "roster/set_post_holder.h"

#include "document/region_document.h"
#include "domain/person_name.h"
#include "domain/roster_store.h"

#include <QCoreApplication>

namespace balcony::gui {

SetPostHolder::SetPostHolder(RegionDocument& document, qint64 authorityId, Role role, Person previous,
                             QString name, QString email)
    : StoreCommand(
          document,
          QCoreApplication::translate("balcony::gui::SetPostHolder", "Change %1").arg(displayName(role)))
    , m_authorityId(authorityId)
    , m_role(role)
    , m_previous(std::move(previous))
    , m_name(std::move(name))
    , m_email(std::move(email)) {}

bool SetPostHolder::handsOver() const {
    return m_previous.id != 0 &&
           (m_name.trimmed().isEmpty() || personKey(m_previous.name) != personKey(m_name));
}

Status SetPostHolder::apply(bool forward) {
    RosterStore store(document().database());
    if (forward) {
        if (m_name.trimmed().isEmpty()) {
            return m_previous.id != 0 ? store.leavePost(m_previous.id) : Status{};
        }
        auto id = store.setPostHolder(m_authorityId, m_role, m_name, m_email);
        if (!id) {
            return id.error();
        }
        m_addedHolderId = (m_previous.id == 0 || handsOver()) ? *id : 0;
        return {};
    }
    if (m_addedHolderId != 0) {
        if (auto removed = store.removePerson(m_addedHolderId); !removed) {
            return removed;
        }
    }
    if (handsOver()) {
        return store.returnToPost(m_previous.id, m_authorityId, m_role);
    }
    if (m_previous.id != 0) { // a spelling: write the old one back
        auto id = store.setPostHolder(m_authorityId, m_role, m_previous.name, m_previous.email);
        return id ? Status{} : Status{id.error()};
    }
    return {};
}

void SetPostHolder::announce() {
    document().notifyRosterChanged();
}

} // namespace balcony::gui
