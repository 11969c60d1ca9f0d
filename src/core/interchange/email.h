#pragma once

#include <QString>

namespace balcony::interchange {

// A plausible address: one @, something before it, a dotted domain after it, no spaces. It does not
// prove the mailbox exists; it catches typing slips such as a missing @ or a name in the wrong cell.
bool looksLikeEmail(const QString& text);

} // namespace balcony::interchange
