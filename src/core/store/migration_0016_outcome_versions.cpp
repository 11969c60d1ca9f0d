#include "store/migrations.h"

// Optimistic concurrency for the asks and offers register and the groups' priorities, as migration 14
// did for session notes and action plan items (store/row_version.h, docs/server.md "Working at the
// same time"). An ask's or offer's register state (ask_offer_state: its status and kind of help, and
// the version its theme and text are edited under) and each group priority carry a row version, who
// changed them last and when. Version 0 is "never changed since": an ask or offer without a state row
// reads as version 0 too, so the first change of one that was never touched is checked like any
// other. The change-notifying triggers of both tables came with migration 14.
namespace balcony::migrations {

Migration outcomeVersions() {
    QStringList statements;
    for (const char* table : {"ask_offer_state", "group_priority"}) {
        statements += rowVersionColumns(QString::fromLatin1(table), 0);
    }
    return {16, statements};
}

} // namespace balcony::migrations
