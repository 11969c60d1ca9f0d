#pragma once

#include <libical/ical.h>

namespace balcony::interchange {

inline constexpr const char* londonTzid = "Europe/London";

// A VTIMEZONE for Europe/London with the current UK rules (BST from the last Sunday of March at
// 01:00 UTC, GMT from the last Sunday of October at 02:00 BST). libical writes TZID parameters but
// not the VTIMEZONE that RFC 5545 requires beside them. The caller owns the returned component.
icalcomponent* newLondonTimezone();

} // namespace balcony::interchange
