#pragma once

#include "domain/types.h"
#include "frame/store_command.h"

namespace balcony::gui {

// Names who holds one of an LA's single posts (DCS, chief executive, lead member) and their email.
// Another person's name hands the post over and an empty name empties it; either way the previous
// holder stays in the roster with their past posts (RosterStore::leavePost). Undo puts the previous
// holder back in the post and removes a holder the command added; the same name written another
// way only changes the spelling, and undo writes the old one back.
class SetPostHolder final : public StoreCommand {
public:
    // previous: the current holder (id 0 when the post is empty).
    SetPostHolder(RegionDocument& document, qint64 authorityId, Role role, Person previous, QString name,
                  QString email);

private:
    Status apply(bool forward) override;
    void announce() override;
    bool handsOver() const; // the post goes from one person to another, or is emptied

    qint64 m_authorityId;
    Role m_role;
    Person m_previous;
    QString m_name;
    QString m_email;
    qint64 m_addedHolderId = 0; // the holder this command added, removed again by undo
};

} // namespace balcony::gui
