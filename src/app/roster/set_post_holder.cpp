#include "roster/set_post_holder.h"

#include "document/region_document.h"
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

Status SetPostHolder::write(const QString& name, const QString& email) {
    RosterStore store(document().database());
    if (!name.trimmed().isEmpty()) {
        auto id = store.setPostHolder(m_authorityId, m_role, name, email);
        if (!id) {
            return id.error();
        }
        return {};
    }
    // Nobody: remove whoever holds the post now.
    auto people = store.people();
    if (!people) {
        return people.error();
    }
    for (const auto& person : *people) {
        if (person.authorityId == m_authorityId && person.role == m_role) {
            return store.removePerson(person.id);
        }
    }
    return {};
}

Status SetPostHolder::apply(bool forward) {
    if (forward) {
        return write(m_name, m_email);
    }
    return write(m_previous.id != 0 ? m_previous.name : QString(), m_previous.email);
}

void SetPostHolder::announce() {
    document().notifyRosterChanged();
}

} // namespace balcony::gui
