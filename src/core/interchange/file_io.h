#pragma once

#include "support/result.h"

#include <QByteArray>
#include <QString>

namespace balcony::interchange {

// The whole content of a file; NotFound or Failed with the path and the reason when it cannot be
// read.
Result<QByteArray> readFileBytes(const QString& path);

// Writes a file atomically (QSaveFile: a temporary file renamed over the target only once it is
// complete), so that a failed export never leaves a half-written file. Fails with the path and the
// reason, e.g. a missing or read-only folder; the old file, if any, is left as it was.
Status writeFileAtomically(const QString& path, const QByteArray& bytes);

} // namespace balcony::interchange
