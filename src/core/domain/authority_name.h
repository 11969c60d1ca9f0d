#pragma once

#include <QString>

namespace balcony {

// The one rule for local authority names, used wherever an authority is stored or looked up by
// name (the roster store and both CSV importers), so that "Isle  of Wight", " isle of wight " and
// "ISLE OF WIGHT" are one authority everywhere.

// The name as stored and shown: trimmed, each run of inner white space made one space.
QString authorityDisplayName(const QString& name);

// The name as compared: the display name in Unicode normalisation form C, case-folded (full
// Unicode, so "Ça Va" and "ça va" match too). Two names are the same authority when their keys are
// equal.
QString authorityKey(const QString& name);

} // namespace balcony
