#include "demo_document.h"

#include "demo/demo_region.h"
#include "document/region_document.h"
#include "store/database.h"

#include <catch2/catch.hpp>

namespace balcony::test {

void writeDemoRegion(const QString& path) {
    auto db = Database::open(path, {.create = true, .readOnly = false});
    REQUIRE(db.ok());
    REQUIRE(createDemoRegion(**db).ok());
}

std::unique_ptr<gui::RegionDocument> openDocument(const QString& path) {
    auto opened = Database::open(path);
    REQUIRE(opened.ok());
    return std::make_unique<gui::RegionDocument>(std::move(opened).value());
}

} // namespace balcony::test
