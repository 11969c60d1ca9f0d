#pragma once

#include "support/result.h"

#include <QString>

namespace balcony {

// The two database engines Balcony runs on. Only src/core/store knows which one it talks to.
enum class Engine { SQLite, PostgreSQL };

// Where a region lives, as the user named it (--db, BALCONY_DB, the desktop program's command line):
// an SQLite file (the default), or a database on a PostgreSQL server named by a URL,
// postgresql://USER@HOST[:PORT]/DBNAME[?sslmode=...] (also postgres://).
//
// The one place a database name is told apart from a file name: anything of the form
// "scheme://..." is a URL and never a file name, so `--db postgresql://...` cannot create a folder
// called "postgresql:".
//
// A server location carries no password: a URL with one is refused, and libpq finds it in
// PGPASSWORD or ~/.pgpass (https://www.postgresql.org/docs/15/libpq-pgpass.html). So shown() and
// anything stored or logged from a location never holds a password.
struct Location {
    Engine engine = Engine::SQLite;

    // SQLite: the file, as given (relative names are relative to the working folder).
    QString file;

    // PostgreSQL. host may be a folder (a Unix socket's, from ?host=/path); empty is libpq's default.
    QString host;
    int port = -1; // -1: libpq's default (5432 or PGPORT)
    QString database;
    QString user; // empty: libpq's default (PGUSER, else the login name)
    // libpq connection options taken from the URL's query (sslmode, sslrootcert, connect_timeout,
    // application_name ...), as "key=value;key=value" for QSqlDatabase::setConnectOptions.
    QString connectOptions;

    bool isServer() const { return engine == Engine::PostgreSQL; }

    // What messages, logs and settings show: the file's native path, or the URL without a password.
    QString shown() const;

    // A file name, or a URL as above. Refuses (InvalidInput, saying what to write instead) a URL of
    // another scheme, a postgresql URL without a database name, with a password or with an
    // option Balcony does not pass on.
    static Result<Location> parse(const QString& text);

    // True when text has the form of a URL ("scheme://"), which is never taken for a file name.
    static bool looksLikeUrl(const QString& text);
};

} // namespace balcony
