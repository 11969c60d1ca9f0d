#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace balcony {

// The one rule for local authority names, used wherever an authority is stored or looked up by
// name (the roster store, both CSV importers, the note target), so that every way people commonly
// write one council's name finds the same authority. Nothing stores a key: keys are computed when
// compared, so a change to this rule needs no migration (see docs/csv-formats.md, "People and
// authorities written differently").

// The name as stored and shown: trimmed, each run of inner white space made one space.
QString authorityDisplayName(const QString& name);

// The name as compared. Two names are the same authority when their keys are equal. The key
// ignores: case (full Unicode case folding) and accents; extra spaces; full stops, commas and
// apostrophes; hyphens and dashes (read as spaces, so "Stoke-on-Trent" = "Stoke on Trent"); "&"
// (read as "and"); "St" (read as "Saint"); a leading "The", "Royal Borough of", "London Borough
// of", "Metropolitan Borough of", "Borough of", "City of", "County of", "City and County of" or
// "County"; a trailing "Council" with "County", "City", "Borough", "District" or "Metropolitan
// Borough" before it, and the ONS style's trailing ", City of" / ", County of". A name that would
// lose every word this way keeps them (the key of "Council" is "council"). A council's own short
// name is its full name ("Hull" is "Kingston upon Hull", "Southend" "Southend-on-Sea", "Stoke",
// "Telford", "Blackburn", "Redcar", "Stockton", "BCP", "B&NES", "RBWM").
QString authorityKey(const QString& name);

// When `name` is not the same authority as any of `existing` (by authorityKey) but looks like a
// misspelling of one, returns that one as written in `existing`; otherwise nullopt. "Looks like":
// the keys differ in one word by one or two letters (two only for words of eight letters or more;
// none for a word under four letters, unless the name has another word of four or more that is the
// same: "Brighton and Hov"),
// in a missing or extra word, or in a space between words ("Bracknel Forest", "Isle Wight",
// "Bracknellforest"). A difference in a compass word (north, south, east, west, central, mid) never
// counts, and neither does one between two names that are both English children's services
// authorities ("Hertfordshire" and "Herefordshire", "Bedford" and "Bradford").
std::optional<QString> nearAuthorityName(const QString& name, const QStringList& existing);

// The message for a name that nearAuthorityName() found near `near`: what it looks like, and what
// to do, whichever front end shows it.
QString nearAuthorityMessage(const QString& name, const QString& near);

// True when `name` is, by authorityKey, one of England's local authorities with children's
// services (the 2023 list, with the recently merged or renamed ones kept).
bool isKnownEnglishAuthority(const QString& name);

} // namespace balcony
