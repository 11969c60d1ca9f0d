#pragma once

#include "support/result.h"

#include <QSqlDatabase>
#include <QString>
#include <memory>

class QLockFile;

namespace balcony {

// One open region database (one SQLite file per region).
//
// open() refuses, with a message naming the file and the reason, and without changing a byte of it:
// a file that is not SQLite, a SQLite file that is not Balcony's, one from a newer Balcony, a corrupt
// one, one the user cannot write (Error::Kind::ReadOnly: the caller may retry with readOnly), and one
// that another Balcony holds (Error::Kind::Locked).
class Database final {
public:
    struct Options {
        bool create = false;   // create (and initialise) the file when it does not exist or is empty
        bool readOnly = false; // open without writing; no lock, no migrations
    };

    // The SQLite application_id that marks a Balcony database ("BALC").
    static constexpr qint32 applicationId = 0x42414C43;

    static Result<std::unique_ptr<Database>> open(const QString& path, Options options);
    static Result<std::unique_ptr<Database>> open(const QString& path) { return open(path, Options{}); }

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QSqlDatabase& sql() { return m_db; }
    const QString& path() const { return m_path; }
    bool isReadOnly() const { return m_readOnly; }
    int schemaVersion() const;

    // The schema version this build writes; a file with a higher one is refused.
    static int latestSchemaVersion();

private:
    friend class Transaction; // keeps the nesting depth: inner transactions become savepoints
    int m_transactionDepth = 0;

    Database() = default;

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    bool m_readOnly = false;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace balcony
