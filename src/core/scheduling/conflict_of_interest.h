#pragma once

#include "domain/types.h"

#include <QString>

namespace balcony {

// A conflict of interest: the DCS of the reviewing authority has held a post (permanent or
// interim) at the authority they would review. Returns the post, owned by the schedule, or nullptr
// when there is no conflict (also when the reviewing authority has no DCS on the roster).
const PastPost* conflictOfInterest(const CycleSchedule& schedule, qint64 reviewerAuthorityId,
                                   qint64 revieweeAuthorityId);

// "Kent's DCS, Jo Bloggs, used to work at Surrey (interim post)." in plain words.
QString describeConflict(const CycleSchedule& schedule, qint64 reviewerAuthorityId,
                         qint64 revieweeAuthorityId, const PastPost& post);

} // namespace balcony
