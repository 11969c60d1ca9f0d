#pragma once

#include <QString>
#include <vector>

namespace balcony {

// A problem a user should see, with what it is about so that a view can jump to it.
struct Problem {
    enum class Severity { Warning, Error };
    enum class Subject { Cycle, Group, Authority, Person, File };

    Severity severity = Severity::Error;
    QString message;
    Subject subject = Subject::Cycle;
    qint64 subjectId = 0; // database id of the group, authority or person; 0 when none
    QString groupLabel;   // the group the problem belongs to, empty for cycle-wide problems
    int line = 0;         // for file problems: the 1-based line, 0 when not about a line

    bool isError() const { return severity == Severity::Error; }
};

using Problems = std::vector<Problem>;

inline bool hasErrors(const Problems& problems) {
    for (const auto& p : problems) {
        if (p.isError()) {
            return true;
        }
    }
    return false;
}

inline QString severityName(Problem::Severity s) {
    return s == Problem::Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

} // namespace balcony
