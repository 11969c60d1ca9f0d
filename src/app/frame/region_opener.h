#pragma once

#include "support/result.h"

#include <QString>
#include <memory>

namespace balcony {
class Database;
}

namespace balcony::gui {

class Prompter;
class RegionDocument;

// Opens a region database the way the desktop program does: offers to create a missing one (the
// demo region or an empty region), shows a refusal's message (which names the file and the
// reason) and, when the file is read-only or held by another Balcony, offers to open it read-only.
// Every question goes through the Prompter. Returns nullptr when nothing was opened; the user has
// then been told why, or chose to cancel.
class RegionOpener final {
public:
    explicit RegionOpener(Prompter& prompter)
        : m_prompter(prompter) {}

    std::unique_ptr<RegionDocument> open(const QString& path, bool readOnly = false);
    // Creates a new, empty region database at path (replacing nothing: an existing file is opened).
    std::unique_ptr<RegionDocument> create(const QString& path, bool withDemo);

private:
    Prompter& m_prompter;
};

// Whether this build can fill a new database with the demo region, and doing it.
bool demoRegionAvailable();
Status fillDemoRegion(Database& database);

} // namespace balcony::gui
