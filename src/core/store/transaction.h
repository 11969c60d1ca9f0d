#pragma once

#include "support/result.h"

namespace balcony {

class Database;

// Rolls back unless commit() succeeded, and checks what starting and committing return.
// Transactions nest: an inner one is a savepoint, so a store call that opens its own transaction
// can run inside a caller's larger one (an import) and still be undone with it.
// On a server, an outermost transaction that cannot start because the connection was lost connects
// again (Database::reconnectIfLost) and starts once more: a save after a lost connection goes
// through as a whole, and one cut off half way was rolled back by the server.
class Transaction final {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // False when the transaction could not be started; error() then says why.
    bool isActive() const { return m_active; }
    const Error& error() const { return m_error; }

    // Commits (or releases the savepoint); on failure rolls back and returns the reason.
    Status commit();

private:
    void rollback();

    Database& m_db;
    int m_level = 0; // 1 for the outermost transaction
    bool m_active = false;
    Error m_error;
};

} // namespace balcony
