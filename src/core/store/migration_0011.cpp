#include "store/migrations.h"

// The facilitator's marks on captured items for the regional report (outcomes/report_marks.h): an
// item is left out of the report unless it has a row here, which says in which of the report's two
// sections it appears. The report is anonymised by construction, so this table is the only way any
// captured text reaches it; the schema keeps the section to the two the report has, and allows only
// the kinds of item that carry something a region learns from (not a private note or a reflection).
namespace balcony::migrations {

Migration reportMarks() {
    return {11,
            {
                QStringLiteral(R"(CREATE TABLE report_mark (
            item_id INTEGER PRIMARY KEY REFERENCES note_item(id) ON DELETE CASCADE,
            section TEXT NOT NULL CHECK (section IN ('best_practice', 'systemic_issue')),
            marked_at_utc TEXT NOT NULL CHECK (length(marked_at_utc) >= 20)
        ))"),
                QStringLiteral("CREATE INDEX report_mark_section ON report_mark(section)"),
                // The kind is a revision's, so the rule is checked against the latest revision.
                QStringLiteral(R"(CREATE TRIGGER report_mark_kind
            BEFORE INSERT ON report_mark
            WHEN (SELECT kind FROM note_revision WHERE item_id = NEW.item_id
                  ORDER BY number DESC LIMIT 1) NOT IN ('strength', 'insight', 'ask', 'offer', 'action')
            BEGIN SELECT RAISE(ABORT, 'only a strength, insight, ask, offer or action can be marked for the report'); END)"),
                QStringLiteral(R"(CREATE TRIGGER report_mark_kind_update
            BEFORE UPDATE ON report_mark
            WHEN (SELECT kind FROM note_revision WHERE item_id = NEW.item_id
                  ORDER BY number DESC LIMIT 1) NOT IN ('strength', 'insight', 'ask', 'offer', 'action')
            BEGIN SELECT RAISE(ABORT, 'only a strength, insight, ask, offer or action can be marked for the report'); END)"),
            }};
}

} // namespace balcony::migrations
