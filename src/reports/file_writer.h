#pragma once

#include "support/result.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <functional>

namespace balcony::reports {

// Writes a file atomically with owner-only permissions (0600: a note is confidential to its LA, and
// a document does not get wider than its owner by accident). The bytes go to a temporary file in the
// same folder (QSaveFile), which is made owner-only before anything is written, and is renamed over
// path only when fill succeeded and every byte reached the disk; otherwise the temporary file is
// removed and a file already at path is left exactly as it was.
//
// fill writes the content to the device it is given; it returns a failure to abandon the write (its
// message is returned unchanged). Failures name the file and say what to do: path is a folder (Kind
// InvalidInput), the folder does not exist (NotFound), the folder is read-only (ReadOnly), the disk
// is full or the write fails otherwise (Storage).
Status writeFileAtomically(const QString& path, const std::function<Status(QIODevice&)>& fill);

// The same for bytes already in memory.
Status writeFileAtomically(const QString& path, const QByteArray& bytes);

} // namespace balcony::reports
