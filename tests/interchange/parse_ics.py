#!/usr/bin/env python3
"""Reads an iCalendar file with python3-icalendar, an implementation independent of libical, and
prints what a calendar program would see as JSON, for balcony_core_tests to compare."""
import json
import sys

from icalendar import Calendar


def text(value):
    return None if value is None else str(value)


def main(path):
    with open(path, "rb") as handle:
        calendar = Calendar.from_ical(handle.read())
    out = {
        "method": text(calendar.get("method")),
        "prodid": text(calendar.get("prodid")),
        "timezones": [],
        "events": [],
    }
    for component in calendar.walk():
        if component.name == "VTIMEZONE":
            out["timezones"].append({
                "tzid": text(component.get("tzid")),
                "parts": sorted(sub.name for sub in component.subcomponents),
            })
        elif component.name == "VEVENT":
            start = component.decoded("dtstart")
            end = component.decoded("dtend")
            attendees = component.get("attendee", [])
            if not isinstance(attendees, list):
                attendees = [attendees]
            out["events"].append({
                "uid": text(component.get("uid")),
                "sequence": int(component.get("sequence", 0)),
                "summary": text(component.get("summary")),
                "description": text(component.get("description")),
                "location": text(component.get("location")),
                "start": start.strftime("%Y-%m-%dT%H:%M"),
                "end": end.strftime("%Y-%m-%dT%H:%M"),
                "tzid": text(component["dtstart"].params.get("TZID")),
                "attendees": [{"email": text(a), "cn": text(a.params.get("CN")),
                               "role": text(a.params.get("ROLE"))} for a in attendees],
                "organizer": text(component.get("organizer")),
                "status": text(component.get("status")),
            })
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
