#pragma once

#include <QString>

namespace balcony {

// When two written names are the same person's, for matching a roster file's post holders with the
// people already in the roster (docs/csv-formats.md, "People and authorities written differently").
// The key ignores case, accents ("Zoë" = "Zoe"), extra spaces, full stops, commas, hyphens,
// apostrophes in any form ("O’Brien" = "O'Brien" = "OBrien"), leading titles (Mr, Mrs, Ms, Miss,
// Mx, Dr, Doctor, Prof, Professor, Cllr, Councillor, Sir, Dame, Lord, Lady, Rev, Revd, The Rt Hon)
// and trailing honours and degrees (OBE, CBE, MBE, KBE, DBE, PhD). A name that is nothing but a title
// keeps it. Equal keys do not make two people one on their own: see RosterStore and roster import.
QString personKey(const QString& name);

} // namespace balcony
