#pragma once

#include "support/result.h"

#include <QString>
#include <QStringList>
#include <map>

namespace balcony {
class Database;
}

namespace balcony::questions {

// What the facilitator records from the question bank during one group's day, kept in the region
// database (migration 7: question_focus, question_rating, plenary_answer):
//  - per presenting LA (one session of the day), the themes the DCS asked the group to focus on;
//  - per presenting LA, the number from 0 to 10 the presenting team gave to each rating question;
//  - per group, the group's answers to the plenary's questions.
// Questions are kept by their wording. Every write commits before it returns, so a front end may say
// "Saved" as soon as it returns Ok. Borrows the Database, which must outlive it.
class DayQuestions final {
public:
    explicit DayQuestions(Database& db)
        : m_db(db) {}

    // The focus themes of a presenting LA's session, in the order they were given; empty when none.
    Result<QStringList> focusThemes(qint64 groupId, qint64 authorityId);
    // Replaces them, in one transaction. Blank names are dropped, and a name given twice (compared
    // by themeKey) is kept once. Conflict when the LA is not a member of the group.
    Status setFocusThemes(qint64 groupId, qint64 authorityId, const QStringList& themes);

    // The ratings given in a presenting LA's session: question wording -> 0..10.
    Result<std::map<QString, int>> ratings(qint64 groupId, qint64 authorityId);
    // Records (or replaces) a rating. InvalidInput outside 0..10 or for an empty question (the schema
    // refuses those as well); Conflict when the LA is not a member of the group.
    Status setRating(qint64 groupId, qint64 authorityId, const QString& question, int rating);
    // Forgets a rating; a no-op when there is none.
    Status clearRating(qint64 groupId, qint64 authorityId, const QString& question);

    // The group's answers to the plenary's questions: question wording -> answer (never empty).
    Result<std::map<QString, QString>> plenaryAnswers(qint64 groupId);
    // Records the group's answer; an answer that is blank after trimming forgets it. The text is
    // kept as typed (line breaks included).
    Status setPlenaryAnswer(qint64 groupId, const QString& question, const QString& answer);

private:
    Database& m_db;
};

} // namespace balcony::questions
