#pragma once

#include <QString>
#include <memory>

namespace balcony::gui {
class RegionDocument;
}

namespace balcony::test {

// Writes the demo region (demo/demo_region.h) into a new file at path and closes it again, as
// `balcony-cli demo` leaves it; fails the test when it cannot.
void writeDemoRegion(const QString& path);

// Opens the region at path as the program does (read-write) in a document; fails the test when it
// cannot. The caller owns the document.
std::unique_ptr<gui::RegionDocument> openDocument(const QString& path);

} // namespace balcony::test
