#pragma once

#include "support/result.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace balcony {
class Database;
}

// The region's post-challenge support menu: the kinds of help an ask can be tagged with. Balcony
// ships a default (resources/outcomes/support_menu.json, compiled in); a region that edits the menu
// keeps its own copy in its database (table support_kind), which then replaces the default whole.
namespace balcony::outcomes {

struct SupportKind {
    QString key;   // stable, lower case, used for the tag; unique in a menu
    QString label; // a few words for lists
    QString description;
};

// The shipped menu. Fails only if the program was built with a broken file (a test guards that).
Result<std::vector<SupportKind>> defaultSupportMenu();

// Reads a menu from JSON ({"supportMenu": [{"key", "label", "description"}, ...]}). InvalidInput
// names the entry (by its position, from 1) and the problem: a missing key or label, a key twice.
Result<std::vector<SupportKind>> parseSupportMenu(const QByteArray& json, const QString& fileName);

// The region's menu: its own when it has one, otherwise the default.
Result<std::vector<SupportKind>> supportMenu(Database& db);
// Replaces the region's menu in one transaction (an empty list goes back to the default). Checks the
// entries as parseSupportMenu does; on a refusal nothing is written. Existing tags are kept even
// when their key leaves the menu (they are shown by key).
Status setSupportMenu(Database& db, const std::vector<SupportKind>& menu);

} // namespace balcony::outcomes
