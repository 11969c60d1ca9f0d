#pragma once

#include <QString>
#include <QStringList>

namespace balcony {

// The words of a name as people's names and council names are compared (see authority_name.h and
// person_name.h): Unicode compatibility-decomposed with the accents dropped ("Zoë" -> "zoe"),
// case-folded, "&" read as "and", apostrophes (' ’ ‘ ` ´) dropped ("O’Brien" = "O'Brien" =
// "OBrien"), full stops, commas, hyphens and dashes read as spaces, then split at white space.
QStringList foldedWords(const QString& text);

// Edit distance between two words, counting an insertion, a deletion, a substitution or a swap of
// two neighbouring letters as one (optimal string alignment).
int editDistance(const QString& a, const QString& b);

} // namespace balcony
