#pragma once

#include "domain/types.h"
#include "frame/store_command.h"

namespace balcony::gui {

// Records the file of a self-assessment with its SHA-256, so that a later change to the file shows.
// Fails (changing nothing) when the file cannot be read. Undo restores the previous attachment.
class AttachDocument final : public StoreCommand {
public:
    AttachDocument(RegionDocument& document, SelfAssessment before, QString path);

private:
    Status apply(bool forward) override;
    void announce() override;

    SelfAssessment m_before;
    QString m_path;
};

} // namespace balcony::gui
