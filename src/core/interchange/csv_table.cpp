#include "interchange/csv_table.h"

#include "interchange/text_encoding.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringList>
#include <algorithm>
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

// The separators spreadsheets write: Excel's "CSV" uses the list separator of the computer's
// region, a comma in the UK and a semicolon where the comma is the decimal mark; "Text (Tab
// delimited)" uses tabs.
constexpr char detectableSeparators[] = {',', ';', '\t'};

QString separatorName(char separator, int count = 1) {
    const bool many = count != 1;
    switch (separator) {
    case ',':
        return many ? QStringLiteral("commas") : QStringLiteral("comma");
    case ';':
        return many ? QStringLiteral("semicolons") : QStringLiteral("semicolon");
    case '\t':
        return many ? QStringLiteral("tabs") : QStringLiteral("tab");
    default:
        return many ? QStringLiteral("vertical bars") : QStringLiteral("vertical bar");
    }
}

// libcsv skips spaces and tabs around unquoted fields; with tab as the separator only spaces may go.
int isSpace(unsigned char c) {
    return c == CSV_SPACE;
}

int isSpaceOrTab(unsigned char c) {
    return c == CSV_SPACE || c == CSV_TAB;
}

std::optional<QString> decodeUtf8(const QByteArray& bytes) {
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        return std::nullopt;
    }
    return text;
}

QByteArray withoutBom(const QByteArray& bytes) {
    return bytes.startsWith(utf8ByteOrderMark) ? bytes.mid(qsizetype(sizeof utf8ByteOrderMark) - 1) : bytes;
}

// How to get a UTF-8 file out of the programs people use.
QString saveAsUtf8Advice() {
    return QStringLiteral("In Excel choose File > Save As and the type \"CSV UTF-8 (Comma delimited)\"; "
                          "in LibreOffice Calc choose File > Save As, \"Text CSV\", then \"Edit filter "
                          "settings\" and the character set \"Unicode (UTF-8)\". Then import the new file.");
}

// The refusal of a file that is not UTF-8, saying what it most probably is.
Problem encodingProblem(const QByteArray& content, int line) {
    if (content.startsWith("\xFF\xFE") || content.startsWith("\xFE\xFF")) {
        return fileProblem(1,
                           QStringLiteral("the file is UTF-16 text (Excel's \"Unicode Text\"), but Balcony "
                                          "reads CSV files in UTF-8 only. ") +
                               saveAsUtf8Advice());
    }
    if (!looksLikeWindows1252(content)) {
        return fileProblem(line,
                           QStringLiteral("this line is not UTF-8 text, and the file does not look like "
                                          "text a spreadsheet writes either; Balcony reads CSV files in "
                                          "UTF-8 only. ") +
                               saveAsUtf8Advice());
    }
    // Show the cell with the first byte that is not ASCII as Windows-1252 reads it.
    qsizetype start = 0;
    for (int l = 1; l < line; ++l) {
        start = content.indexOf('\n', start) + 1;
    }
    qsizetype end = content.indexOf('\n', start);
    const QByteArray text = content.mid(start, (end < 0 ? content.size() : end) - start);
    qsizetype first = 0;
    while (first < text.size() && static_cast<unsigned char>(text.at(first)) < 0x80) {
        ++first;
    }
    const auto isBoundary = [](char c) { return c == ',' || c == ';' || c == '\t' || c == '"' || c == '\r'; };
    qsizetype from = first;
    while (from > 0 && !isBoundary(text.at(from - 1))) {
        --from;
    }
    qsizetype to = first;
    while (to < text.size() && !isBoundary(text.at(to))) {
        ++to;
    }
    const QString shown = fromWindows1252(text.mid(from, to - from)).trimmed();
    return fileProblem(line, QStringLiteral("the file is not UTF-8 text: it looks like Windows-1252, the "
                                            "encoding Excel uses when it saves plain \"CSV\" (this line has "
                                            "\"%1\" in it). Balcony reads CSV files in UTF-8 only, so that "
                                            "names such as \"Zoë\" are never read wrongly. ")
                                     .arg(shown) +
                                 saveAsUtf8Advice());
}

// Excel's optional first line "sep=X", which names the separator of the rest of the file.
struct SepLine {
    bool present = false;
    char separator = ',';
    qsizetype end = 0; // offset of the line after it
    std::optional<Problem> problem;
};

SepLine readSepLine(const QByteArray& content) {
    const qsizetype newline = content.indexOf('\n');
    QByteArray text = content.left(newline < 0 ? content.size() : newline);
    // Only spaces and a CR are trimmed: a tab may be the separator named.
    while (!text.isEmpty() && (text.endsWith('\r') || text.endsWith(' '))) {
        text.chop(1);
    }
    while (text.startsWith(' ')) {
        text.remove(0, 1);
    }
    if (text.size() >= 2 && text.startsWith('"') && text.endsWith('"')) {
        text = text.mid(1, text.size() - 2);
    }
    if (!text.toLower().startsWith("sep=")) {
        return {};
    }
    SepLine sep;
    sep.present = true;
    sep.end = newline < 0 ? content.size() : newline + 1;
    QByteArray named = text.mid(4);
    if (named == "\\t") {
        named = "\t";
    }
    // A spreadsheet that kept the line as a row may have added empty cells after it.
    const bool oneCharacter = !named.isEmpty() && named.count(named.at(0)) == named.size();
    const char separator = named.isEmpty() ? '\0' : named.at(0);
    if (!oneCharacter || (separator != ',' && separator != ';' && separator != '\t' && separator != '|')) {
        sep.problem = fileProblem(1, QStringLiteral("the first line \"%1\" should name the separator of the "
                                                    "file, but Balcony reads only a comma (sep=,), a "
                                                    "semicolon (sep=;), a tab or a vertical bar (sep=|). "
                                                    "Correct the line, or delete it to let Balcony find the "
                                                    "separator.")
                                         .arg(QString::fromUtf8(text)));
        return sep;
    }
    sep.separator = separator;
    return sep;
}

// The first record of `content` that is not blank (a line of only spaces and separators, which
// spreadsheets leave above a table), up to its end of line outside quotes; and its line.
QByteArray headerRecord(const QByteArray& content, int firstLine, int& line) {
    qsizetype start = 0;
    line = firstLine;
    while (start < content.size()) {
        qsizetype newline = content.indexOf('\n', start);
        const qsizetype end = newline < 0 ? content.size() : newline;
        bool blank = true;
        for (qsizetype i = start; i < end && blank; ++i) {
            const char c = content.at(i);
            blank = c == ' ' || c == '\r' || c == ',' || c == ';' || c == '\t';
        }
        if (!blank) {
            break;
        }
        start = end + 1;
        ++line;
    }
    bool quoted = false;
    qsizetype i = start;
    for (; i < content.size(); ++i) {
        const char c = content.at(i);
        if (c == '"') {
            quoted = !quoted; // a doubled quote toggles twice
        } else if (c == '\n' && !quoted) {
            break;
        }
    }
    return content.mid(start, i - start);
}

struct HeaderReading {
    int separators = 0; // how many separators outside quotes
    int knownNames = 0; // how many fields are known column names
};

// A header cell as a column name: case, the spaces around it and the way words are joined do not
// matter, so "DCS Email", "dcs-email" and "dcs_email" are one column (people retype headers).
QString columnName(const QString& cell) {
    static const QRegularExpression joiners(QStringLiteral("[\\s_-]+"));
    return cell.trimmed().toLower().replace(joiners, QStringLiteral("_"));
}

HeaderReading readHeaderAs(const QByteArray& header, char separator, const CsvColumns& spec) {
    HeaderReading reading;
    QStringList names;
    QByteArray field;
    bool quoted = false;
    const auto endField = [&] {
        names << columnName(QString::fromUtf8(field));
        field.clear();
    };
    for (const char c : header) {
        if (c == '"') {
            quoted = !quoted;
        } else if (c == separator && !quoted) {
            ++reading.separators;
            endField();
        } else {
            field += c;
        }
    }
    endField();
    names.removeDuplicates();
    for (const auto& name : names) {
        reading.knownNames += spec.known.contains(name) ? 1 : 0;
    }
    return reading;
}

// Decides from the header line which separator the file uses: the one that splits it into the
// most known column names, or failing any, the one found most often outside quotes; a comma
// when the line has none. A line that two separators read equally well is refused, so that a
// wrong guess never imports a column's cells into another.
char guessSeparator(const QByteArray& content, int firstLine, const CsvColumns& spec,
                    std::optional<Problem>& ambiguity) {
    int line = firstLine;
    const QByteArray header = headerRecord(content, firstLine, line);
    std::vector<std::pair<char, HeaderReading>> readings;
    int bestKnown = 0;
    for (const char s : detectableSeparators) {
        readings.emplace_back(s, readHeaderAs(header, s, spec));
        bestKnown = std::max(bestKnown, readings.back().second.knownNames);
    }
    std::vector<std::pair<char, HeaderReading>> candidates;
    for (const auto& r : readings) {
        if (r.second.separators > 0 && (bestKnown == 0 || r.second.knownNames == bestKnown)) {
            candidates.push_back(r);
        }
    }
    if (candidates.empty()) {
        return ',';
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto& a, const auto& b) { return a.second.separators > b.second.separators; });
    if (candidates.size() == 1 ||
        (bestKnown == 0 && candidates[0].second.separators > candidates[1].second.separators)) {
        return candidates.front().first;
    }
    QStringList found;
    for (const auto& c : candidates) {
        found << QStringLiteral("%1 %2")
                     .arg(c.second.separators)
                     .arg(separatorName(c.first, c.second.separators));
    }
    const bool tie = candidates[0].second.separators == candidates[1].second.separators;
    const QString seems =
        tie ? QStringLiteral("It could use %1 or %2 between columns.")
                  .arg(separatorName(candidates[0].first, 2), separatorName(candidates[1].first, 2))
            : QStringLiteral("It seems to use %1 between columns.")
                  .arg(separatorName(candidates[0].first, 2));
    ambiguity = fileProblem(
        line, QStringLiteral("Balcony cannot tell which character separates the columns: the header line "
                             "has %1 outside quotes. %2 Save the file from your spreadsheet as \"CSV UTF-8 "
                             "(Comma delimited)\", which separates columns with commas, or add a first line "
                             "that names the separator: sep=; for semicolons, sep=, for commas.")
                  .arg(found.join(QStringLiteral(" and ")), seems));
    return candidates.front().first;
}

// Feeds libcsv one byte at a time so that each record knows the physical line it starts on,
// including newlines inside quoted fields. Files are small (one row per LA), so this costs nothing.
std::vector<RawRecord> parseRecords(const QByteArray& bytes, char separator, int firstLine,
                                    Problems& problems) {
    Collector collector;
    csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        problems.push_back(fileProblem(0, QStringLiteral("The CSV reader could not start (out of memory).")));
        return {};
    }
    // libcsv grows a field's buffer by this much at a time (128 bytes by default): a 10 MB cell
    // would take 80,000 reallocations, which the sanitizers' allocator turns into minutes.
    csv_set_blk_size(&parser, 1024 * 1024);
    csv_set_delim(&parser, static_cast<unsigned char>(separator));
    csv_set_space_func(&parser, separator == '\t' ? isSpace : isSpaceOrTab);
    int line = firstLine;
    collector.recordStartLine = firstLine;
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
                                           "(\"\"), and nothing may follow the closing quote but a %1 "
                                           "or the end of the line.")
                                .arg(separatorName(separator))
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

// "4 (D)": a column's number and its letters in a spreadsheet.
QString columnPosition(std::size_t index) {
    QString letters;
    for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) {
        letters.prepend(QChar(char16_t(u'A' + (n - 1) % 26)));
    }
    return QStringLiteral("%1 (%2)").arg(index + 1).arg(letters);
}

Problem warning(int line, const QString& message) {
    Problem p = fileProblem(line, message);
    p.severity = Problem::Severity::Warning;
    return p;
}

// Checks the header row; returns the canonical name of each column (empty for a column without a
// name, which the rows decide about), or nothing after problems.
std::optional<QStringList> readHeader(const RawRecord& header, const CsvColumns& spec, Problems& problems) {
    QStringList names;
    bool ok = true;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        QString decoded = decodeUtf8(header.fields[i]).value_or(QString());
        // A byte order mark that went through a wrong decoding and was saved again.
        static const QString garbledBom = QStringLiteral("\u00EF\u00BB\u00BF");
        if (i == 0 && decoded.startsWith(garbledBom)) {
            decoded.remove(0, garbledBom.size());
            problems.push_back(warning(
                header.line, QStringLiteral("the file starts with \"ï»¿\", a byte order mark that a "
                                            "program read with the wrong encoding and saved again; names "
                                            "with accents in this file may be garbled too.")));
        }
        const QString name = columnName(decoded);
        if (!name.isEmpty() && !spec.known.contains(name)) {
            problems.push_back(fileProblem(header.line, QStringLiteral("unknown column \"%1\"; known columns "
                                                                       "are %2.")
                                                            .arg(decoded.trimmed(), quotedList(spec.known))));
            ok = false;
        } else if (!name.isEmpty() && names.contains(name)) {
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

// Whether a record fits the header: the same number of fields, or a different number only in
// columns after the last named one, where every field is empty. (Spreadsheets leave such columns
// behind; their width may differ between the header and the rows of a file edited by hand.)
bool fitsHeader(const RawRecord& record, const QStringList& names) {
    if (record.fields.size() == std::size_t(names.size())) {
        return true;
    }
    std::size_t namedWidth = 0;
    for (qsizetype c = 0; c < names.size(); ++c) {
        if (!names.at(c).isEmpty()) {
            namedWidth = std::size_t(c) + 1;
        }
    }
    if (record.fields.size() < namedWidth) {
        return false;
    }
    for (std::size_t c = std::size_t(names.size()); c < record.fields.size(); ++c) {
        if (!record.fields[c].trimmed().isEmpty()) {
            return false;
        }
    }
    return true;
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

namespace {

// Longer than any name, address, date or question; a longer cell is a quote left open or not a
// table at all, and would only fill the database and the screen.
constexpr qsizetype maxCellLength = 10000;
// A national roster has about 150 rows and a national schedule a few hundred.
constexpr std::size_t maxRows = 10000;

// C0 control characters and DEL, other than the tab and line breaks a quoted cell may hold.
std::optional<QChar> firstControlCharacter(const QString& cell) {
    for (const QChar c : cell) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || u == 0x7F) {
            return c;
        }
    }
    return std::nullopt;
}

} // namespace

CsvTable readCsvTable(const QByteArray& bytes, const CsvColumns& spec, Problems& problems) {
    CsvTable table;
    const QByteArray content = withoutBom(bytes);
    const std::size_t problemsBefore = problems.size();
    if (content.startsWith("\xFF\xFE") || content.startsWith("\xFE\xFF")) {
        problems.push_back(encodingProblem(content, 1));
        return table;
    }
    if (auto line = firstNonUtf8Line(content)) {
        problems.push_back(encodingProblem(content, *line));
        return table;
    }
    // NUL is valid UTF-8 but never in text: UTF-16 without its mark, or not a text file at all.
    if (const qsizetype nul = content.indexOf('\0'); nul >= 0) {
        problems.push_back(encodingProblem(content, int(content.left(nul).count('\n')) + 1));
        return table;
    }
    const SepLine sep = readSepLine(content);
    if (sep.problem) {
        problems.push_back(*sep.problem);
        return table;
    }
    const QByteArray body = content.mid(sep.end);
    const int firstLine = sep.present ? 2 : 1;
    char separator = sep.separator;
    if (!sep.present) {
        std::optional<Problem> ambiguity;
        separator = guessSeparator(body, firstLine, spec, ambiguity);
        if (ambiguity) {
            problems.push_back(*ambiguity);
            return table;
        }
    }
    std::vector<RawRecord> records = parseRecords(body, separator, firstLine, problems);
    if (problems.size() != problemsBefore) {
        return table;
    }
    // Rows made only of separators above the header are blank rows too.
    std::size_t headerIndex = 0;
    while (headerIndex < records.size() && allEmpty(records[headerIndex])) {
        ++headerIndex;
    }
    if (headerIndex == records.size()) {
        problems.push_back(fileProblem(1, QStringLiteral("the file is empty: it needs a header row naming "
                                                         "its columns (%1), then one row per line.")
                                              .arg(quotedList(spec.known))));
        return table;
    }
    const RawRecord& header = records[headerIndex];
    auto names = readHeader(header, spec, problems);
    if (!names) {
        return table;
    }
    for (const auto& name : *names) {
        if (!name.isEmpty()) {
            table.columns << name;
        }
    }
    std::vector<int> unnamedDataLine(std::size_t(names->size()), 0);
    for (std::size_t r = headerIndex + 1; r < records.size(); ++r) {
        const RawRecord& record = records[r];
        if (allEmpty(record)) {
            continue;
        }
        if (table.rows.size() == maxRows) {
            problems.push_back(fileProblem(
                record.line, QStringLiteral("the file has more than %1 rows, far more than a roster, a "
                                            "schedule or a question bank holds: check that this is the "
                                            "right file, or split it.")
                                 .arg(maxRows)));
            break;
        }
        if (!fitsHeader(record, *names)) {
            problems.push_back(fileProblem(
                record.line,
                QStringLiteral("this row has %1 fields but the header has %2 columns: check for a "
                               "missing or extra %3, or a %3 inside a cell that is not "
                               "enclosed in double quotes.")
                    .arg(record.fields.size())
                    .arg(names->size())
                    .arg(separatorName(separator))));
            continue;
        }
        CsvRow row;
        row.line = record.line;
        for (qsizetype c = 0; c < names->size() && std::size_t(c) < record.fields.size(); ++c) {
            const QString cell = decodeUtf8(record.fields[std::size_t(c)]).value_or(QString());
            const QString& name = names->at(c);
            if (name.isEmpty()) {
                if (!cell.trimmed().isEmpty() && unnamedDataLine[std::size_t(c)] == 0) {
                    unnamedDataLine[std::size_t(c)] = record.line;
                    problems.push_back(fileProblem(
                        record.line,
                        QStringLiteral("column %1 has no name in the header, but holds \"%2\" on this "
                                       "line: give the column one of the known names (%3), or delete "
                                       "the column if its cells are not needed.")
                            .arg(columnPosition(std::size_t(c)), cell.trimmed(), quotedList(spec.known))));
                }
                continue;
            }
            if (cell.size() > maxCellLength) {
                problems.push_back(fileProblem(
                    record.line,
                    QStringLiteral("the \"%1\" cell is %2 characters long; a cell holds at most %3. "
                                   "Check that a closing quote is not missing, or shorten the cell.")
                        .arg(name)
                        .arg(cell.size())
                        .arg(maxCellLength)));
                continue;
            }
            if (auto control = firstControlCharacter(cell)) {
                problems.push_back(fileProblem(
                    record.line,
                    QStringLiteral("the \"%1\" cell holds an invisible control character (U+%2), which "
                                   "a name, date or address never has: delete it (retype the cell).")
                        .arg(name)
                        .arg(int(control->unicode()), 4, 16, QLatin1Char('0'))));
                continue;
            }
            if (auto repaired = undoDoubleEncoding(cell.trimmed())) {
                problems.push_back(warning(
                    record.line,
                    QStringLiteral("the \"%1\" cell \"%2\" looks garbled: it reads like UTF-8 text that a "
                                   "program read as Windows-1252 and saved again (Excel does this when it "
                                   "opens a CSV file without a byte order mark). It probably should be "
                                   "\"%3\". Imported as it is: correct it in the file and import again, "
                                   "or correct it in Balcony.")
                        .arg(name, cell.trimmed(), *repaired)));
            }
            row.values.emplace(name, cell);
        }
        table.rows.push_back(std::move(row));
    }
    const bool errorsFound = std::any_of(problems.begin() + std::ptrdiff_t(problemsBefore), problems.end(),
                                         [](const Problem& p) { return p.isError(); });
    if (table.rows.empty() && !errorsFound) {
        problems.push_back(
            fileProblem(header.line + 1, QStringLiteral("the file has a header but no rows: there is nothing "
                                                        "to import.")));
    }
    return table;
}

} // namespace balcony::interchange
