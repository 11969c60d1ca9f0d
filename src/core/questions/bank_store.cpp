#include "questions/bank_store.h"

#include "interchange/file_io.h"
#include "store/backup.h"
#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "support/logging.h"

#include <QFileInfo>
#include <map>

namespace balcony::questions {

Result<RegionBank> BankStore::bank() {
    auto header =
        sql::run(m_db, QStringLiteral("SELECT name, imported_from FROM question_bank WHERE id = 1"));
    if (!header) {
        return header.error();
    }
    if (!header->next()) {
        auto fallback = defaultBank();
        if (!fallback) {
            return fallback.error();
        }
        return RegionBank{std::move(*fallback), false, QString()};
    }
    RegionBank region;
    region.own = true;
    region.bank.name = header->value(0).toString();
    region.source = header->value(1).toString();

    auto themes = sql::run(m_db, QStringLiteral("SELECT id, title FROM question_theme ORDER BY position"));
    if (!themes) {
        return themes.error();
    }
    std::map<qint64, std::size_t> themeIndex;
    while (themes->next()) {
        themeIndex.emplace(themes->value(0).toLongLong(), region.bank.themes.size());
        region.bank.themes.push_back({themes->value(1).toString(), {}});
    }
    auto questions = sql::run(
        m_db, QStringLiteral(
                  "SELECT kind, theme_id, text, rating FROM question ORDER BY kind, theme_id, position"));
    if (!questions) {
        return questions.error();
    }
    while (questions->next()) {
        const Question q{questions->value(2).toString(), questions->value(3).toInt() != 0};
        const auto section = sectionFromKey(questions->value(0).toString());
        if (section == Section::Balcony) {
            region.bank.balcony.push_back(q);
        } else if (section == Section::Plenary) {
            region.bank.plenary.push_back(q);
        } else if (auto found = themeIndex.find(questions->value(1).toLongLong());
                   found != themeIndex.end()) {
            region.bank.themes[found->second].questions.push_back(q);
        }
    }
    return region;
}

Status BankStore::replace(const QuestionBank& bank, const QString& source) {
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    if (auto cleared = reset(); !cleared) {
        return cleared.error();
    }
    if (auto header = sql::run(
            m_db, QStringLiteral("INSERT INTO question_bank (id, name, imported_from) VALUES (1, ?, ?)"),
            {sql::text(bank.name), sql::text(source)});
        !header) {
        return header.error();
    }
    const auto insertQuestion = [&](Section section, const QVariant& themeId, int position,
                                    const Question& q) -> Status {
        auto inserted =
            sql::run(m_db,
                     QStringLiteral("INSERT INTO question (kind, theme_id, position, text, rating) "
                                    "VALUES (?, ?, ?, ?, ?)"),
                     {toKey(section), themeId, position, sql::text(q.text), q.rating ? 1 : 0});
        if (!inserted) {
            return inserted.error();
        }
        return {};
    };
    for (std::size_t t = 0; t < bank.themes.size(); ++t) {
        const Theme& theme = bank.themes[t];
        auto inserted = sql::run(
            m_db, QStringLiteral("INSERT INTO question_theme (position, title) VALUES (?, ?) RETURNING id"),
            {int(t), sql::text(theme.title)});
        if (!inserted) {
            return inserted.error();
        }
        if (!inserted->next()) {
            return failure(Error::Kind::Storage,
                           QStringLiteral("Storing the theme \"%1\" returned no id.").arg(theme.title));
        }
        const QVariant themeId = inserted->value(0);
        inserted->finish();
        for (std::size_t i = 0; i < theme.questions.size(); ++i) {
            if (auto done = insertQuestion(Section::Theme, themeId, int(i), theme.questions[i]); !done) {
                return done;
            }
        }
    }
    for (const auto& [section, list] :
         {std::pair{Section::Balcony, &bank.balcony}, std::pair{Section::Plenary, &bank.plenary}}) {
        for (std::size_t i = 0; i < list->size(); ++i) {
            if (auto done = insertQuestion(section, QVariant(), int(i), (*list)[i]); !done) {
                return done;
            }
        }
    }
    return tx.commit();
}

Result<bool> BankStore::reset() {
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto had = sql::run(m_db, QStringLiteral("SELECT count(*) FROM question_bank"));
    if (!had) {
        return had.error();
    }
    const bool own = had->next() && had->value(0).toInt() > 0;
    had->finish();
    for (const char* statement :
         {"DELETE FROM question", "DELETE FROM question_theme", "DELETE FROM question_bank"}) {
        if (auto done = sql::run(m_db, QLatin1String(statement)); !done) {
            return done.error();
        }
    }
    if (auto saved = tx.commit(); !saved) {
        return saved.error();
    }
    return own;
}

Result<BankImportOutcome> importBank(Database& db, const QByteArray& bytes, const QString& fileName) {
    BankImportOutcome outcome;
    outcome.format = formatOf(fileName, bytes);
    BankReading reading = parseBank(bytes, outcome.format);
    outcome.problems = std::move(reading.problems);
    outcome.bank = std::move(reading.bank);
    if (hasErrors(outcome.problems)) {
        return outcome;
    }
    if (const QString unkept = backups::beforeChange(db, backups::Reason::BeforeImport); !unkept.isEmpty()) {
        Problem warning;
        warning.severity = Problem::Severity::Warning;
        warning.subject = Problem::Subject::File;
        warning.message = unkept;
        outcome.problems.push_back(warning);
    }
    if (auto stored = BankStore(db).replace(outcome.bank, QFileInfo(fileName).fileName()); !stored) {
        return stored.error();
    }
    outcome.written = true;
    logging::get("questions")
        ->info("question bank imported: {} themes, {} questions", outcome.bank.themes.size(),
               outcome.bank.questionCount());
    return outcome;
}

Result<BankImportOutcome> importBankFile(Database& db, const QString& path) {
    auto bytes = interchange::readFileBytes(path);
    if (!bytes) {
        return bytes.error();
    }
    return importBank(db, *bytes, path);
}

Result<int> exportBankFile(Database& db, const QString& path, BankFormat format) {
    auto region = BankStore(db).bank();
    if (!region) {
        return region.error();
    }
    const QByteArray bytes = format == BankFormat::Json ? bankJson(region->bank) : bankCsv(region->bank);
    if (auto written = interchange::writeFileAtomically(path, bytes); !written) {
        return written.error();
    }
    return region->bank.questionCount();
}

} // namespace balcony::questions
