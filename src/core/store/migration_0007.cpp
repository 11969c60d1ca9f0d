#include "store/migrations.h"

// What the facilitator records from the question bank during a day (questions/day_questions.h): the
// themes the DCS asked the group to focus on for each presenting LA, the 0-10 ratings the presenting
// team gave, and the group's answers to the plenary's questions. Questions are kept by their wording,
// so that a bank imported later never moves an answer onto another question. The schema refuses a
// rating outside 0..10 and an empty theme or question, whatever program writes to the file.
namespace balcony::migrations {

Migration dayQuestions() {
    return {7,
            {
                QStringLiteral(R"(CREATE TABLE question_focus (
            group_id INTEGER NOT NULL,
            authority_id INTEGER NOT NULL,
            theme TEXT NOT NULL CHECK (length(trim(theme)) > 0),
            position INTEGER NOT NULL CHECK (position >= 0),
            PRIMARY KEY (group_id, authority_id, theme),
            FOREIGN KEY (group_id, authority_id) REFERENCES group_member(group_id, authority_id)
                ON DELETE CASCADE
        ))"),
                QStringLiteral(R"(CREATE TABLE question_rating (
            group_id INTEGER NOT NULL,
            authority_id INTEGER NOT NULL,
            question TEXT NOT NULL CHECK (length(trim(question)) > 0),
            rating INTEGER NOT NULL CHECK (rating >= 0 AND rating <= 10),
            PRIMARY KEY (group_id, authority_id, question),
            FOREIGN KEY (group_id, authority_id) REFERENCES group_member(group_id, authority_id)
                ON DELETE CASCADE
        ))"),
                QStringLiteral(R"(CREATE TABLE plenary_answer (
            group_id INTEGER NOT NULL REFERENCES review_group(id) ON DELETE CASCADE,
            question TEXT NOT NULL CHECK (length(trim(question)) > 0),
            answer TEXT NOT NULL,
            PRIMARY KEY (group_id, question)
        ))"),
            }};
}

} // namespace balcony::migrations
