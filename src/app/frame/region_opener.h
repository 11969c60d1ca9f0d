#pragma once

#include "support/result.h"

#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace balcony {
class Database;
}

namespace balcony::gui {

class Prompter;
class RegionDocument;

// Opens a region database the way the desktop program does: offers to create a missing one (the
// demo region or an empty region) and shows a refusal's message (which names the file and the
// reason). A file the user cannot write (read-only media, a read-only share) opens read-only at once,
// the reason kept for the window's banner. A file held by another Balcony on this computer is offered
// read-only; one whose lock came from another computer (or cannot be read) is offered read-only or
// a take-over of the lock, which happens only when the user chooses it. A damaged file is offered its
// newest good backup (docs/backups.md), restored only when the user confirms.
// A PostgreSQL server that wants a password has it asked for (Prompter::askPassword), never kept.
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
    // Database::Options::password: a server that wants a password asks the user through the Prompter.
    std::function<std::optional<QString>(const QString&)> askPassword();
    std::unique_ptr<RegionDocument> openReadOnly(const QString& path, const QString& reason);
    std::unique_ptr<RegionDocument> takeOver(const QString& path);
    // A damaged region: offers its newest good backup (saying what would be lost) and restores it.
    std::unique_ptr<RegionDocument> offerBackup(const QString& path, const QString& refusal);

    Prompter& m_prompter;
};

// Whether this build can fill a new database with the demo region, and doing it.
bool demoRegionAvailable();
Status fillDemoRegion(Database& database);

} // namespace balcony::gui
