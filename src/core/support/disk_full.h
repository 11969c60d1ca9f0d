#pragma once

#include "support/result.h"

#include <QString>

// The one sentence a user reads when a write found the disk full, whoever was writing: SQLite
// (SQLITE_FULL, which PRAGMA max_page_count also gives), or a plain file write (ENOSPC, EFBIG when
// a file-size limit is reached, EDQUOT when a quota is). Every caller maps to it here, so the
// console, the notes, the imports and the backups all say the same thing (docs/bad-input.md).
namespace balcony::disk_full {

// "The disk holding PATH is full: nothing was saved. Free some space and try again."
// path is the file or folder that could not be written, shown with native separators; without
// one, "The disk is full: ...".
QString message(const QString& path);

// message(path) as an Error of kind Storage.
Error error(const QString& path);

// Whether error is one that error() made (a caller may add words around it, not change it).
bool isDiskFull(const Error& error);

// Whether errno value err means that the disk (or the space this user may fill) is full.
bool isFullErrno(int err);

} // namespace balcony::disk_full
