#include "interchange/csv_table.h"

#include <QStringDecoder>
#include <QStringList>
#include <csv.h>
#include <optional>

namespace balcony::interchange {
namespace {

struct RawRecord {
    int line = 0;
    std::vector<QByteArray> fields;
};

// State shared with libcsv's C callbacks.
struct Collector {
    std::vector<RawRecord> records;
    RawRecord current;
    int recordStartLine = 1;
    bool inRecord = false;
    bool stopped = false; // after a parse error libcsv may still hand over a partial field

    static void onField(void* data, size_t length, void* self) {
        auto* c = static_cast<Collector*>(self);
        if (c->stopped) {
            return;
        }
        c->current.fields.emplace_back(data ? static_cast<const char*>(data) : "", qsizetype(length));
    }

    static void onRecordEnd(int, void* self) {
        auto* c = static_cast<Collector*>(self);
        if (c->stopped) {
            return;
        }
        c->current.line = c->recordStartLine;
        c->records.push_back(std::move(c->current));
        c->current = {};
        c->inRecord = false;
    }
};

std::optional<QString> decodeUtf8(const QByteArray& bytes) {
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        return std::nullopt;
    }
    return text;
}

QByteArray withoutBom(const QByteArray& bytes) {
    static const QByteArray bom("\xEF\xBB\xBF");
    return bytes.startsWith(bom) ? bytes.mid(bom.size()) : bytes;
}

// Feeds libcsv one byte at a time so that each record knows the physical line it starts on,
// including newlines inside quoted fields. Files are small (one row per LA), so this costs nothing.
std::vector<RawRecord> parseRecords(const QByteArray& bytes, Problems& problems) {
    Collector collector;
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        problems.push_back(fileProblem(0, QStringLiteral("The CSV reader could not start (out of memory).")));
        return {};
    }
    int line = 1;
    bool failed = false;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char byte = bytes.at(i);
        if (!collector.inRecord && byte != '\n' && byte != '\r') {
            collector.inRecord = true;
            collector.recordStartLine = line;
        }
        if (csv_parse(&parser, &byte, 1, Collector::onField, Collector::onRecordEnd, &collector) != 1) {
            collector.stopped = true;
            failed = true;
            const bool quoteProblem = csv_error(&parser) == CSV_EPARSE;
            problems.push_back(fileProblem(
                line, quoteProblem
                          ? QStringLiteral("badly placed quote: a field that contains a quote must be wholly "
                                           "enclosed in double quotes, with each quote inside it doubled "
                                           "(\"\"), and nothing may follow the closing quote but a comma "
                                           "or the end of the line.")
                          : QStringLiteral("the CSV reader failed: %1.")
                                .arg(QString::fromLatin1(csv_strerror(csv_error(&parser))))));
            break;
        }
        if (byte == '\n') {
            ++line;
        }
    }
    if (!failed && csv_fini(&parser, Collector::onField, Collector::onRecordEnd, &collector) != 0) {
        collector.stopped = true;
        failed = true;
        problems.push_back(fileProblem(collector.recordStartLine,
                                       QStringLiteral("a quoted field that starts in the record on this line "
                                                      "is never closed: add the missing closing quote.")));
    }
    csv_free(&parser);
    if (failed) {
        return {};
    }
    return std::move(collector.records);
}

bool allEmpty(const RawRecord& record) {
    for (const auto& field : record.fields) {
        if (!field.trimmed().isEmpty()) {
            return false;
        }
    }
    return true;
}

QString quotedList(const QStringList& names) {
    QStringList quoted;
    for (const auto& n : names) {
        quoted << QStringLiteral("\"%1\"").arg(n);
    }
    return quoted.join(QStringLiteral(", "));
}

// Checks the header row; returns the canonical name of each column, or nothing after problems.
std::optional<QStringList> readHeader(const RawRecord& header, const CsvColumns& spec, Problems& problems) {
    QStringList names;
    bool ok = true;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        auto decoded = decodeUtf8(header.fields[i]);
        if (!decoded) {
            problems.push_back(fileProblem(header.line, QStringLiteral("the header is not valid UTF-8 text: "
                                                                       "save the file as \"CSV UTF-8\".")));
            return std::nullopt;
        }
        const QString name = decoded->trimmed().toLower();
        if (name.isEmpty()) {
            problems.push_back(fileProblem(header.line, QStringLiteral("column %1 of the header has no name; "
                                                                       "known columns are %2.")
                                                            .arg(i + 1)
                                                            .arg(quotedList(spec.known))));
            ok = false;
        } else if (!spec.known.contains(name)) {
            problems.push_back(
                fileProblem(header.line, QStringLiteral("unknown column \"%1\"; known columns "
                                                        "are %2.")
                                             .arg(decoded->trimmed(), quotedList(spec.known))));
            ok = false;
        } else if (names.contains(name)) {
            problems.push_back(fileProblem(
                header.line, QStringLiteral("column \"%1\" appears twice in the header.").arg(name)));
            ok = false;
        }
        names << name;
    }
    for (const auto& required : spec.required) {
        if (!names.contains(required)) {
            problems.push_back(fileProblem(
                header.line,
                QStringLiteral("the header has no \"%1\" column, which this file needs.").arg(required)));
            ok = false;
        }
    }
    if (!ok) {
        return std::nullopt;
    }
    return names;
}

} // namespace

QString CsvRow::value(const QString& column) const {
    auto found = values.find(column);
    const QString text = found == values.end() ? QString() : found->second.trimmed();
    // Never a null QString: Qt binds those as SQL NULL, and text columns are NOT NULL.
    return text.isNull() ? QStringLiteral("") : text;
}

Problem fileProblem(int line, const QString& message) {
    Problem p;
    p.severity = Problem::Severity::Error;
    p.subject = Problem::Subject::File;
    p.line = line;
    p.message = message;
    return p;
}

QString formatProblem(const QString& fileName, const Problem& problem) {
    const QString where =
        problem.line > 0 ? QStringLiteral("%1:%2").arg(fileName).arg(problem.line) : fileName;
    const QString prefix = problem.isError() ? QString() : QStringLiteral("warning: ");
    return QString(where + QStringLiteral(": ") + prefix + problem.message);
}

CsvTable readCsvTable(const QByteArray& bytes, const CsvColumns& spec, Problems& problems) {
    CsvTable table;
    const QByteArray content = withoutBom(bytes);
    const std::size_t problemsBefore = problems.size();
    std::vector<RawRecord> records = parseRecords(content, problems);
    if (problems.size() != problemsBefore) {
        return table;
    }
    if (records.empty()) {
        problems.push_back(fileProblem(1, QStringLiteral("the file is empty: it needs a header row naming "
                                                         "its columns (%1), then one row per line.")
                                              .arg(quotedList(spec.known))));
        return table;
    }
    auto names = readHeader(records.front(), spec, problems);
    if (!names) {
        return table;
    }
    table.columns = *names;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const RawRecord& record = records[r];
        if (allEmpty(record)) {
            continue;
        }
        if (record.fields.size() != std::size_t(names->size())) {
            problems.push_back(fileProblem(
                record.line,
                QStringLiteral("this row has %1 fields but the header has %2 columns: check for a "
                               "missing or extra comma, or a comma inside a cell that is not "
                               "enclosed in double quotes.")
                    .arg(record.fields.size())
                    .arg(names->size())));
            continue;
        }
        CsvRow row;
        row.line = record.line;
        bool valid = true;
        for (qsizetype c = 0; c < names->size(); ++c) {
            auto decoded = decodeUtf8(record.fields[std::size_t(c)]);
            if (!decoded) {
                problems.push_back(
                    fileProblem(record.line, QStringLiteral("the \"%1\" cell is not valid UTF-8 "
                                                            "text: save the file as \"CSV "
                                                            "UTF-8\".")
                                                 .arg(names->at(c))));
                valid = false;
                break;
            }
            row.values.emplace(names->at(c), *decoded);
        }
        if (valid) {
            table.rows.push_back(std::move(row));
        }
    }
    if (table.rows.empty() && problems.size() == problemsBefore) {
        problems.push_back(fileProblem(records.front().line + 1,
                                       QStringLiteral("the file has a header but no rows: there is nothing "
                                                      "to import.")));
    }
    return table;
}

} // namespace balcony::interchange
