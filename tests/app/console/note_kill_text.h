#pragma once

#include <QString>

namespace balcony::test {

// What the note kill test's child types: long enough that it is never typed to the end.
inline QString noteKillText() {
    const QString line =
        QStringLiteral("The front door works well; managers know their caseloads and ask good questions. ");
    return line.repeated(40);
}

} // namespace balcony::test
