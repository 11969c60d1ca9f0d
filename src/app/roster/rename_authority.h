#pragma once

#include "frame/store_command.h"

namespace balcony::gui {

// Renames a local authority; undo gives it its old name back.
class RenameAuthority final : public StoreCommand {
public:
    RenameAuthority(RegionDocument& document, qint64 authorityId, QString oldName, QString newName);

private:
    Status apply(bool forward) override;
    void announce() override;

    qint64 m_id;
    QString m_oldName;
    QString m_newName;
};

} // namespace balcony::gui
