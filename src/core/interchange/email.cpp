#include "interchange/email.h"

#include <QRegularExpression>

namespace balcony::interchange {

bool looksLikeEmail(const QString& text) {
    static const QRegularExpression pattern(
        QStringLiteral("^[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[^@\\s,;<>\".]+$"));
    return pattern.match(text).hasMatch();
}

} // namespace balcony::interchange
