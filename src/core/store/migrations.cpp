#include "store/migrations.h"

#include "store/database.h"
#include "store/dialect.h"
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
        sessionNotes(),  outcomes(),     reportMarks(),  roles(),
        dayCheckout(),   concurrency(),  dcsAmendment(), outcomeVersions()};
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
    if (const QStringList lock = dialect::upgradeLock(db.engine(), Database::applicationId);
        !lock.isEmpty()) {
        QSqlQuery query(db.sql());
        for (const auto& statement : lock) {
            if (!query.exec(statement)) {
                return sql::errorFrom(query.lastError(),
                                      QStringLiteral("Waiting to upgrade %1").arg(db.path()));
            }
        }
        // Another program may have upgraded while this one waited for the lock.
        current = db.schemaVersion();
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
        QStringList statements;
        for (const auto& statement : step.statements) {
            statements += dialect::migrationStatements(db.engine(), statement);
        }
        if (step.version == 1) {
            statements += dialect::markAsBalcony(db.engine(), Database::applicationId);
        }
        statements += dialect::recordVersion(db.engine(), step.version);
        for (const auto& statement : statements) {
            if (!query.exec(statement)) {
                Error error = sql::errorFrom(
                    query.lastError(),
                    QStringLiteral("Upgrading %1 to schema %2").arg(db.path()).arg(step.version));
                error.message += QStringLiteral(". The file was left at schema %1, as it was.").arg(original);
                return error;
            }
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
