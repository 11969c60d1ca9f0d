#pragma once

#include "questions/bank_format.h"
#include "questions/question_bank.h"
#include "support/problem.h"
#include "support/result.h"

#include <QString>

namespace balcony {
class Database;
}

namespace balcony::questions {

// The bank in use in a region: the region's own when it imported one, otherwise the default.
struct RegionBank {
    QuestionBank bank;
    bool own = false; // false: the built-in default
    QString source;   // the file name the region's own bank was imported from; empty for the default
};

// A region's own question bank, kept in the region database (migration 6: question_bank,
// question_theme, question). Until a region imports a bank, the default one is used; nothing of it
// is stored, so a later Balcony's better default reaches every region that never imported its own.
class BankStore final {
public:
    explicit BankStore(Database& db)
        : m_db(db) {}

    // The region's own bank, else defaultBank(). Fails only when the database cannot be read.
    Result<RegionBank> bank();

    // Makes `bank` the region's own, replacing any earlier one, in one transaction (all or nothing).
    // `source` is recorded for people (the imported file's name). The bank must be valid (as a
    // BankReading without errors gives it); the schema refuses an empty text or theme title.
    Status replace(const QuestionBank& bank, const QString& source);

    // Forgets the region's own bank, so that the default is used again; a no-op without one.
    // Returns whether there was one.
    Result<bool> reset();

private:
    Database& m_db;
};

// The outcome of an import: with any error in `problems`, nothing was written.
struct BankImportOutcome {
    Problems problems; // errors and warnings, each with its line
    BankFormat format = BankFormat::Json;
    QuestionBank bank; // what was read (meaningful when written)
    bool written = false;
};

// Reads `bytes` (the file `fileName`, whose extension or else content says JSON or CSV), checks it
// and, only when it has no error, makes it the region's own bank. The Result fails only when the
// database refuses the write (then nothing is written either).
Result<BankImportOutcome> importBank(Database& db, const QByteArray& bytes, const QString& fileName);
// The same for a file; NotFound or Failed naming the path when it cannot be read.
Result<BankImportOutcome> importBankFile(Database& db, const QString& path);

// Writes the region's bank (its own or the default) to `path` atomically in `format` (bankJson or
// bankCsv); the old file, if any, stays as it was when writing fails. Returns the number of
// questions written.
Result<int> exportBankFile(Database& db, const QString& path, BankFormat format);

} // namespace balcony::questions
