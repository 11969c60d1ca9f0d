#pragma once

#include "domain/types.h"
#include "frame/store_command.h"

namespace balcony::gui {

// Names who holds one of an LA's single posts (DCS, chief executive, lead member) and their email.
// An empty name removes the holder. Undo restores the previous holder, or removes the new one.
class SetPostHolder final : public StoreCommand {
public:
    // previous: the current holder (id 0 when the post is empty).
    SetPostHolder(RegionDocument& document, qint64 authorityId, Role role, Person previous, QString name,
                  QString email);

private:
    Status apply(bool forward) override;
    void announce() override;
    Status write(const QString& name, const QString& email);

    qint64 m_authorityId;
    Role m_role;
    Person m_previous;
    QString m_name;
    QString m_email;
};

} // namespace balcony::gui
