#pragma once

#include "review_pack/review_pack.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace balcony::test {

// Contents for a pack of one LA's note, with body as the text sent.
ReviewPackContents packContents(const QString& authorityName, const QString& body);

// A fixed UTC time, minutes after 09:00 on 2 December 2026 (never the system clock).
QDateTime packTime(int minutes);

// Runs one statement on the file through a plain SQLite connection (another program's view);
// returns the database's error text, empty on success.
QString execRaw(const QString& path, const QString& statement);

// The file's bytes together with those of any -journal or -wal beside it.
QByteArray fileAndJournals(const QString& path);

} // namespace balcony::test
