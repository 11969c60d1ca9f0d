#include "store/migrations.h"

// Optimistic concurrency (store/row_version.h, docs/server.md "Working at the same time"): what two
// people may edit at the same time on a server carries a row version, raised with every change, and
// who changed it last and when. Existing rows start at version 1, changed by nobody yet.
namespace balcony::migrations {

Migration concurrency() {
    QStringList statements;
    for (const char* table : {"session_note", "plan_action"}) {
        const QString name = QString::fromLatin1(table);
        statements += QStringLiteral("ALTER TABLE %1 ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1 "
                                     "CHECK (row_version >= 1)")
                          .arg(name);
        statements +=
            QStringLiteral("ALTER TABLE %1 ADD COLUMN changed_by TEXT NOT NULL DEFAULT ''").arg(name);
        statements += QStringLiteral("ALTER TABLE %1 ADD COLUMN changed_at_utc TEXT "
                                     "CHECK (changed_at_utc IS NULL OR length(changed_at_utc) >= 20)")
                          .arg(name);
    }
    return {12, statements};
}

} // namespace balcony::migrations
