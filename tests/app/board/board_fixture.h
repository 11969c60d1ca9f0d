#pragma once

#include "document/region_document.h"
#include "helpers/temp_dir.h"

#include <QString>
#include <map>
#include <memory>
#include <vector>

namespace balcony::test {

// A small region on a temporary database for the board's tests: seven authorities with DCSs, the
// 2022-2023 cycle, "Group 1" (Wokingham, Surrey, Kent; no lead reviewers yet) and "Group 2" (Slough,
// Medway, Oxfordshire, Hampshire; a full ring). Kent's DCS once worked at Surrey.
struct BoardRegion {
    BoardRegion();

    qint64 id(const QString& authority) const { return authorities.at(authority); }

    TempDir dir;
    std::unique_ptr<gui::RegionDocument> document;
    std::map<QString, qint64> authorities;
    qint64 cycleId = 0;
    qint64 group1 = 0;
    qint64 group2 = 0;
};

// The group's members in presenting order, as the store has them.
std::vector<qint64> storedMembers(const BoardRegion& region, qint64 groupId);

} // namespace balcony::test
