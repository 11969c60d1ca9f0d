#pragma once

#include <QStringList>
#include <QtGlobal>

// The review pack's file format (docs/review-pack.md). Private to src/core/review_pack/.
namespace balcony::pack_schema {

// PRAGMA application_id of a review pack: "BRVW" (a region is "BALC", store/database.h).
inline constexpr qint32 applicationId = 0x42525657;
// PRAGMA user_version of the packs this build writes; a pack with a higher one is refused.
inline constexpr int formatVersion = 1;

// The statements that build an empty pack of formatVersion, in order.
QStringList createStatements();

} // namespace balcony::pack_schema
