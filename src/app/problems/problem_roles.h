#pragma once

#include <Qt>

namespace balcony::gui {

// Data roles of the problems model, beyond Qt's own.
enum ProblemRole {
    ProblemSeverityRole = Qt::UserRole + 1, // int: Problem::Severity
    ProblemSubjectRole,                     // int: Problem::Subject
    ProblemSubjectIdRole,                   // qint64: the group, authority or person
    ProblemGroupLabelRole,                  // QString
};

} // namespace balcony::gui
