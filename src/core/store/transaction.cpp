#include "store/transaction.h"

#include "store/database.h"
#include "store/sql.h"

#include <QSqlError>
#include <QSqlQuery>

namespace balcony {
namespace {

QString savepointName(int level) {
    return QStringLiteral("balcony_%1").arg(level);
}

} // namespace

Transaction::Transaction(Database& db)
    : m_db(db)
    , m_level(db.m_transactionDepth + 1) {
    if (m_level == 1) {
        m_active = m_db.sql().transaction();
        if (!m_active && m_db.isServer()) {
            // A connection lost since the last write (nothing of this one was sent yet): connect
            // again and start once more. Anything a lost transaction had not committed is gone.
            if (auto again = m_db.reconnectIfLost(); again && *again) {
                m_active = m_db.sql().transaction();
            } else if (!again) {
                m_error = again.error();
                return;
            }
        }
        if (!m_active) {
            m_error = sql::errorFrom(m_db, m_db.sql().lastError(), QStringLiteral("Starting a transaction"));
        }
    } else {
        QSqlQuery query(m_db.sql());
        m_active = query.exec(QStringLiteral("SAVEPOINT ") + savepointName(m_level));
        if (!m_active) {
            m_error = sql::errorFrom(m_db, query.lastError(), QStringLiteral("Starting a savepoint"));
        }
    }
    if (m_active) {
        m_db.m_transactionDepth = m_level;
    }
}

Transaction::~Transaction() {
    if (m_active) {
        rollback();
    }
}

void Transaction::rollback() {
    if (m_level == 1) {
        m_db.sql().rollback();
    } else {
        QSqlQuery query(m_db.sql());
        query.exec(QStringLiteral("ROLLBACK TO ") + savepointName(m_level));
        query.exec(QStringLiteral("RELEASE ") + savepointName(m_level));
    }
    m_active = false;
    m_db.m_transactionDepth = m_level - 1;
}

Status Transaction::commit() {
    if (!m_active) {
        return m_error.message.isEmpty()
                   ? failure(Error::Kind::Failed, QStringLiteral("The transaction was already finished."))
                   : Status(m_error);
    }
    bool committed = false;
    QSqlError reason;
    if (m_level == 1) {
        committed = m_db.sql().commit();
        reason = m_db.sql().lastError();
    } else {
        QSqlQuery query(m_db.sql());
        committed = query.exec(QStringLiteral("RELEASE ") + savepointName(m_level));
        reason = query.lastError();
    }
    if (!committed) {
        Error error = sql::errorFrom(m_db, reason, QStringLiteral("Saving"));
        rollback();
        return error;
    }
    m_active = false;
    m_db.m_transactionDepth = m_level - 1;
    return {};
}

} // namespace balcony
