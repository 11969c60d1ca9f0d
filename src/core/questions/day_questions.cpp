#include "questions/day_questions.h"

#include "questions/question_bank.h"
#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"

#include <QSet>

namespace balcony::questions {

Result<QStringList> DayQuestions::focusThemes(qint64 groupId, qint64 authorityId) {
    auto rows = sql::run(m_db,
                         QStringLiteral("SELECT theme FROM question_focus WHERE group_id = ? AND "
                                        "authority_id = ? ORDER BY position"),
                         {groupId, authorityId});
    if (!rows) {
        return rows.error();
    }
    QStringList themes;
    while (rows->next()) {
        themes << rows->value(0).toString();
    }
    return themes;
}

Status DayQuestions::setFocusThemes(qint64 groupId, qint64 authorityId, const QStringList& themes) {
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    if (auto cleared = sql::run(m_db,
                                QStringLiteral("DELETE FROM question_focus WHERE group_id = ? AND "
                                               "authority_id = ?"),
                                {groupId, authorityId});
        !cleared) {
        return cleared.error();
    }
    QSet<QString> seen;
    int position = 0;
    for (const QString& given : themes) {
        const QString theme = given.trimmed();
        if (theme.isEmpty() || seen.contains(themeKey(theme))) {
            continue;
        }
        seen.insert(themeKey(theme));
        if (auto inserted = sql::run(m_db,
                                     QStringLiteral("INSERT INTO question_focus (group_id, authority_id, "
                                                    "theme, position) VALUES (?, ?, ?, ?)"),
                                     {groupId, authorityId, theme, position++});
            !inserted) {
            return inserted.error();
        }
    }
    return tx.commit();
}

Result<std::map<QString, int>> DayQuestions::ratings(qint64 groupId, qint64 authorityId) {
    auto rows =
        sql::run(m_db,
                 QStringLiteral(
                     "SELECT question, rating FROM question_rating WHERE group_id = ? AND authority_id = ?"),
                 {groupId, authorityId});
    if (!rows) {
        return rows.error();
    }
    std::map<QString, int> ratings;
    while (rows->next()) {
        ratings[rows->value(0).toString()] = rows->value(1).toInt();
    }
    return ratings;
}

Status DayQuestions::setRating(qint64 groupId, qint64 authorityId, const QString& question, int rating) {
    if (rating < 0 || rating > 10) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("A rating is a whole number from 0 to 10 (got %1).").arg(rating));
    }
    if (question.trimmed().isEmpty()) {
        return failure(Error::Kind::InvalidInput, QStringLiteral("A rating needs the question it answers."));
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    if (auto cleared = clearRating(groupId, authorityId, question); !cleared) {
        return cleared;
    }
    if (auto inserted = sql::run(m_db,
                                 QStringLiteral("INSERT INTO question_rating (group_id, authority_id, "
                                                "question, rating) VALUES (?, ?, ?, ?)"),
                                 {groupId, authorityId, question, rating});
        !inserted) {
        return inserted.error();
    }
    return tx.commit();
}

Status DayQuestions::clearRating(qint64 groupId, qint64 authorityId, const QString& question) {
    if (auto removed = sql::run(m_db,
                                QStringLiteral("DELETE FROM question_rating WHERE group_id = ? AND "
                                               "authority_id = ? AND question = ?"),
                                {groupId, authorityId, sql::text(question)});
        !removed) {
        return removed.error();
    }
    return {};
}

Result<std::map<QString, QString>> DayQuestions::plenaryAnswers(qint64 groupId) {
    auto rows = sql::run(
        m_db, QStringLiteral("SELECT question, answer FROM plenary_answer WHERE group_id = ?"), {groupId});
    if (!rows) {
        return rows.error();
    }
    std::map<QString, QString> answers;
    while (rows->next()) {
        answers[rows->value(0).toString()] = rows->value(1).toString();
    }
    return answers;
}

Status DayQuestions::setPlenaryAnswer(qint64 groupId, const QString& question, const QString& answer) {
    if (question.trimmed().isEmpty()) {
        return failure(Error::Kind::InvalidInput, QStringLiteral("An answer needs the question it answers."));
    }
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    if (auto removed =
            sql::run(m_db, QStringLiteral("DELETE FROM plenary_answer WHERE group_id = ? AND question = ?"),
                     {groupId, question});
        !removed) {
        return removed.error();
    }
    if (!answer.trimmed().isEmpty()) {
        if (auto inserted = sql::run(
                m_db,
                QStringLiteral("INSERT INTO plenary_answer (group_id, question, answer) VALUES (?, ?, ?)"),
                {groupId, question, answer});
            !inserted) {
            return inserted.error();
        }
    }
    return tx.commit();
}

} // namespace balcony::questions
