#pragma once

#include "frame/store_command.h"

namespace balcony::gui {

// Adds a local authority to the roster; undo removes it again.
class AddAuthority final : public StoreCommand {
public:
    AddAuthority(RegionDocument& document, QString name);
    qint64 authorityId() const { return m_id; } // 0 until redone

private:
    Status apply(bool forward) override;
    void announce() override;

    QString m_name;
    qint64 m_id = 0;
};

} // namespace balcony::gui
