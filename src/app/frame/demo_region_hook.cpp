#include "frame/region_opener.h"

// The demo region comes from core (src/core/demo) when this build has it.
#if __has_include("demo/demo_region.h")
#include "demo/demo_region.h"
#define BALCONY_HAVE_DEMO 1
#endif

namespace balcony::gui {

bool demoRegionAvailable() {
#ifdef BALCONY_HAVE_DEMO
    return true;
#else
    return false;
#endif
}

Status fillDemoRegion([[maybe_unused]] Database& database) {
#ifdef BALCONY_HAVE_DEMO
    return createDemoRegion(database);
#else
    return failure(Error::Kind::Failed, QStringLiteral("This build has no demo region."));
#endif
}

} // namespace balcony::gui
