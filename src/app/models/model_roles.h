#pragma once

#include <Qt>

namespace balcony::gui {

// Custom data roles of every Balcony item model, in one place so that views, delegates and tests
// agree on them.
enum ModelRole : int {
    IdRole = Qt::UserRole + 1, // qint64: the database id of the row's subject
    SortRole,                  // a value that sorts correctly (dates as QDate, names folded)
    OverdueRole,               // bool: the row is past its due date
    DocumentChangedRole,       // bool: the attached file no longer matches its recorded SHA-256
    KeyRole,                   // QString: the stable key of an enum value ("signed_off_dcs")
    FilterRole,                // QString: all the row's text, for a filter box
};

} // namespace balcony::gui
