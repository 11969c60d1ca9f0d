#pragma once

#include "helpers/temp_dir.h"

#include <QDate>
#include <QString>
#include <memory>

namespace balcony::gui {
class RegionDocument;
}

namespace balcony::test {

// A small region in a temporary folder: Kent, Medway and Surrey (a triad, Kent presenting first;
// Medway reviews Kent, Surrey reviews Medway, Kent reviews Surrey) and Brighton and Hove, Hampshire
// and Isle of Wight (a second triad), each with a DCS; the cycle 2023-2024 with both groups on 12 and
// 19 March 2024; a facilitator. Self-assessments: Kent has a draft; the others have not started.
struct RegionFixture {
    RegionFixture();

    TempDir dir;
    QString path; // the database file, created and closed again
    qint64 cycleId = 0;
    qint64 kentId = 0;
    qint64 medwayId = 0;
    qint64 surreyId = 0;
    QDate firstGroupDay{2024, 3, 12};

    // Opens the database as the program does (read-write) and wraps it in a document.
    std::unique_ptr<gui::RegionDocument> openDocument() const;
};

} // namespace balcony::test
