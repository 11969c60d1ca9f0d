#include "interchange/london_timezone.h"

namespace balcony::interchange {
namespace {

icalcomponent* rule(icalcomponent_kind kind, const char* start, int fromSeconds, int toSeconds,
                    const char* name, const char* rrule) {
    icalcomponent* part = icalcomponent_new(kind);
    icalcomponent_add_property(part, icalproperty_new_dtstart(icaltime_from_string(start)));
    icalcomponent_add_property(part, icalproperty_new_tzoffsetfrom(fromSeconds));
    icalcomponent_add_property(part, icalproperty_new_tzoffsetto(toSeconds));
    icalcomponent_add_property(part, icalproperty_new_tzname(name));
    icalcomponent_add_property(part, icalproperty_new_rrule(icalrecurrencetype_from_string(rrule)));
    return part;
}

} // namespace

icalcomponent* newLondonTimezone() {
    icalcomponent* zone = icalcomponent_new(ICAL_VTIMEZONE_COMPONENT);
    icalcomponent_add_property(zone, icalproperty_new_tzid(londonTzid));
    // DTSTART of each rule is local time before the change: 01:00 GMT, and 02:00 BST.
    icalcomponent_add_component(zone, rule(ICAL_XDAYLIGHT_COMPONENT, "19700329T010000", 0, 3600, "BST",
                                           "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
    icalcomponent_add_component(zone, rule(ICAL_XSTANDARD_COMPONENT, "19701025T020000", 3600, 0, "GMT",
                                           "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
    return zone;
}

} // namespace balcony::interchange
