#pragma once

#include "support/result.h"

#include <QByteArray>
#include <QStringList>
#include <memory>

struct sqlite3_session;

namespace balcony {

class Database;

// The row changes one operation made to a region database, as an SQLite changeset (the session
// extension): for every row inserted, updated or deleted, its primary key and its values before
// and after. Recorded by a ChangeRecorder; applied forwards or inverted to take the operation
// back (an undoable import). A plain value: it owns its bytes and refers to no connection.
//
// What a changeset holds, and what it cannot:
// - Changes that foreign-key actions (ON DELETE CASCADE / SET NULL) and triggers made are
//   recorded like any other, so applying replays every one of them explicitly.
// - SQLite records nothing for a table without a PRIMARY KEY; ChangeRecorder::finish() refuses
//   when the operation touched one, so no changeset silently misses rows.
class ChangeSet final {
public:
    ChangeSet() = default;
    explicit ChangeSet(QByteArray bytes)
        : m_bytes(std::move(bytes)) {}

    const QByteArray& bytes() const { return m_bytes; }
    // True when the operation left every row as it was.
    bool isEmpty() const { return m_bytes.isEmpty(); }

    // The changes that take this one back: inserts become deletes, deletes inserts, and updates
    // swap their before and after values.
    Result<ChangeSet> inverted() const;

    // Applies the changes in one transaction. Any conflict (a row to insert that exists, a row to
    // change or delete that is missing or no longer holds the recorded values, a constraint or a
    // foreign key the result would break) rolls everything back and returns
    // Error::Kind::Conflict; the database is then exactly as before. Must be called outside any
    // transaction (Error::Kind::Failed otherwise): foreign-key actions are switched off while the
    // recorded changes replay (they already hold what the actions did), and the foreign keys are
    // checked before committing. Triggers stay on, so the schema's guards (the append-only day
    // log and note revisions) still refuse; the schema has no trigger that writes.
    Status apply(Database& db) const;

private:
    QByteArray m_bytes;
};

// Records the changes made through one database connection from start() until finish(): create
// one, run the operation (which may open and commit its own transactions), then call finish().
// Changes that were rolled back are not in the result. Only one operation should run meanwhile:
// everything written through the connection is recorded.
class ChangeRecorder final {
public:
    // Whether changes can be recorded on db: only on an SQLite file. On a PostgreSQL server, which
    // has no session extension, Error::Kind::Failed with a message a user can read (an import there
    // cannot be undone in Balcony; the server's backups keep the region as it was).
    static Status available(const Database& db);
    // Fails when the SQLite library has no session extension or the connection is not SQLite (on a
    // server with available()'s message).
    static Result<ChangeRecorder> start(Database& db);

    ChangeRecorder(ChangeRecorder&&) noexcept;
    ChangeRecorder& operator=(ChangeRecorder&&) noexcept;
    ~ChangeRecorder();

    // Stops recording and returns the changes. Fails (Error::Kind::Failed) when the operation
    // changed a table without a primary key, whose rows a changeset cannot hold.
    Result<ChangeSet> finish();

private:
    struct SessionDeleter {
        void operator()(sqlite3_session* session) const;
    };

    explicit ChangeRecorder(Database& db);

    Database* m_db;
    std::unique_ptr<sqlite3_session, SessionDeleter> m_session;
    // Tables the operation touched, in the order it first changed them.
    std::unique_ptr<QStringList> m_tables;
};

} // namespace balcony
