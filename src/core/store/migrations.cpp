#include "store/migrations.h"

#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "support/logging.h"

#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace balcony::migrations {

const std::vector<Migration>& all() {
    static const std::vector<Migration> steps = {
        foundation(),    dayEngine(),    notes(),        calendarInvitations(),
        discardDayRun(), questionBank(), dayQuestions(), workingNotes(),
        sessionNotes(),  outcomes(),     reportMarks()};
    return steps;
}

int latestVersion() {
    return all().back().version;
}

Status migrate(Database& db) {
    return migrate(db, all());
}

Status migrate(Database& db, const std::vector<Migration>& steps) {
    const int original = db.schemaVersion();
    int current = original;
    if (std::none_of(steps.begin(), steps.end(),
                     [&](const Migration& step) { return step.version > original; })) {
        return {};
    }
    // All steps in one transaction (each step a savepoint in it): an upgrade that fails half way
    // leaves the file byte for byte as it was, not at some version in between.
    Transaction whole(db);
    if (!whole.isActive()) {
        return whole.error();
    }
    for (const auto& step : steps) {
        if (step.version <= current) {
            continue;
        }
        Transaction tx(db);
        if (!tx.isActive()) {
            return tx.error();
        }
        QSqlQuery query(db.sql());
        for (const auto& statement : step.statements) {
            if (!query.exec(statement)) {
                Error error = sql::errorFrom(
                    query.lastError(),
                    QStringLiteral("Upgrading %1 to schema %2").arg(db.path()).arg(step.version));
                error.message += QStringLiteral(". The file was left at schema %1, as it was.").arg(original);
                return error;
            }
        }
        if (step.version == 1 &&
            !query.exec(QStringLiteral("PRAGMA application_id = %1").arg(Database::applicationId))) {
            return sql::errorFrom(query.lastError(),
                                  QStringLiteral("Marking %1 as Balcony's").arg(db.path()));
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version))) {
            return sql::errorFrom(query.lastError(), QStringLiteral("Recording schema %1").arg(step.version));
        }
        if (auto saved = tx.commit(); !saved) {
            return saved;
        }
        current = step.version;
    }
    if (auto saved = whole.commit(); !saved) {
        return saved;
    }
    logging::get("store")->info("schema upgraded from {} to {}", original, current);
    return {};
}

} // namespace balcony::migrations
