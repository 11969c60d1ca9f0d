#pragma once

#include "frame/store_command.h"

namespace balcony::gui {

// Moves a person to another local authority, or to none (id 0), through
// RosterStore::setPersonAuthority, which refuses in plain words what the roster does not allow
// (a second DCS for one authority, a DCS who belongs to none). Undo moves them back.
class SetPersonAuthority final : public StoreCommand {
public:
    SetPersonAuthority(RegionDocument& document, qint64 personId, const QString& personName,
                       qint64 fromAuthorityId, qint64 toAuthorityId);

private:
    Status apply(bool forward) override;
    void announce() override;

    qint64 m_personId;
    qint64 m_from;
    qint64 m_to;
};

} // namespace balcony::gui
