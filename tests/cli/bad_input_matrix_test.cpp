// Every way a file given to balcony-cli can be wrong, for every importer and for the region database
// itself, in one table (docs/bad-input.md lists the same matrix). Each case runs on the demo region:
// a refused file gets its message (naming the file, the line and the problem) and leaves the file
// byte for byte as it was, and the region too (row for row when the region is on the test server);
// an accepted one imports.
#include "cli_runner.h"
#include "store/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QStringEncoder>
#include <functional>
#include <unistd.h>

using balcony::test::CliRun;
using balcony::test::CliSandbox;
using balcony::test::readAll;
using balcony::test::writeFile;

namespace {

QString q(const char* text) {
    return QString::fromUtf8(text);
}

enum class Importer { Roster, Schedule, Questions, Template, ReviewPack };

struct FileCase {
    const char* what;
    Importer importer;
    const char* fileName;
    std::function<QByteArray(const CliSandbox&)> bytes;
    int exitCode;
    // On stderr when refused (exit 2), on stdout when accepted (exit 0); "FILE" stands for the path.
    QStringList expected;
    // Roster rows imported before the case (an LA the file's spelling must find).
    QByteArray rosterFirst = {};
};

QByteArray utf16(const QByteArray& utf8) {
    QStringEncoder encoder(QStringEncoder::Utf16LE, QStringEncoder::Flag::WriteBom);
    return encoder(QString::fromUtf8(utf8));
}

// A roster row whose DCS is the demo's own, so that an accepted file changes no post holder.
const char* rosterHeader = "la,dcs\r\n";
const char* kentRow = "Kent,Priti Halloran\r\n";
const char* scheduleHeader = "group,date,mode,la\r\n";

QByteArray manyRows(const QByteArray& header, int rows) {
    QByteArray bytes = header;
    bytes.reserve(rows * 24);
    for (int i = 0; i < rows; ++i) {
        bytes += "Authority " + QByteArray::number(i) + ",Person " + QByteArray::number(i) + "\r\n";
    }
    return bytes;
}

QJsonObject shippedTemplate() {
    QFile file(q(BALCONY_SOURCE_DIR "/resources/templates/triad.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QJsonObject t = QJsonDocument::fromJson(file.readAll()).object();
    t[q("id")] = q("matrix");
    return t;
}

QByteArray json(const QJsonObject& object) {
    return QJsonDocument(object).toJson();
}

QByteArray exampleBank() {
    QFile file(q(BALCONY_SOURCE_DIR "/docs/examples/question-bank.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QByteArray exampleBankCsv() {
    QFile file(q(BALCONY_SOURCE_DIR "/docs/examples/question-bank.csv"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

const QByteArray tenMegabytes(10 * 1024 * 1024, 'A');

// A real review pack for Kent, from the demo's cycle 2021-2022, agreed by its DCS.
QByteArray answeredPack(const CliSandbox& cli) {
    const QString dir = cli.path(q("sent"));
    REQUIRE(QDir().mkpath(dir));
    const CliRun sent =
        cli.run({q("note"), q("send"), q("--cycle"), q("2021-2022"), q("--la"), q("Kent"), q("--dir"), dir});
    REQUIRE(sent.exitCode == 0);
    const QString pack = QDir(dir).filePath(q("2021-2022 - Kent.balcony-review"));
    REQUIRE(cli.run({q("note"), q("pack-agree"), pack, q("--by"), q("Priti Halloran")}).exitCode == 0);
    return readAll(pack);
}

std::vector<FileCase> fileCases() {
    using I = Importer;
    const auto fixed = [](QByteArray b) { return [b](const CliSandbox&) { return b; }; };
    const QByteArray bankCsv = exampleBankCsv();
    const QByteArray bankHeader = "kind,theme,question,rating\r\n";
    QJsonObject bankWithControl = QJsonDocument::fromJson(exampleBank()).object();
    bankWithControl[q("name")] = q("Our\x07 region");
    QJsonObject bankWithoutThemes = QJsonDocument::fromJson(exampleBank()).object();
    bankWithoutThemes.remove(q("themes"));
    QJsonObject bankUnknown = QJsonDocument::fromJson(exampleBank()).object();
    bankUnknown[q("colour")] = q("blue");
    QJsonObject bankHuge = QJsonDocument::fromJson(exampleBank()).object();
    bankHuge[q("name")] = QString::fromLatin1(tenMegabytes);
    QJsonObject templateWithoutSession = shippedTemplate();
    templateWithoutSession.remove(q("session"));
    QJsonObject templateUnknown = shippedTemplate();
    templateUnknown[q("colour")] = q("blue");
    QJsonObject templateBadTime = shippedTemplate();
    templateBadTime[q("start")] = q("25:61");
    QJsonObject templateControl = shippedTemplate();
    templateControl[q("name")] = q("Tri\x07"
                                   "ad");
    QJsonObject templateHuge = shippedTemplate();
    templateHuge[q("description")] = QString::fromLatin1(tenMegabytes);

    return {
        // The roster.
        {"roster: Windows-1252 from Excel",
         I::Roster,
         "ansi.csv",
         fixed("la,dcs\r\nKent,Zo\xEB Example\r\n"),
         2,
         {q("FILE:2: the file is not UTF-8 text: it looks like Windows-1252"),
          q("\"CSV UTF-8 (Comma delimited)\"")}},
        {"roster: UTF-16",
         I::Roster,
         "unicode.csv",
         fixed(utf16("la,dcs\r\nKent,Ann\r\n")),
         2,
         {q("FILE:1: the file is UTF-16 text (Excel's \"Unicode Text\")"), q("CSV UTF-8")}},
        {"roster: UTF-16 without its mark",
         I::Roster,
         "nomark.csv",
         fixed(utf16("la,dcs\r\nKent,Ann\r\n").mid(2)),
         2,
         {q("FILE:1: this line is not UTF-8 text")}},
        {"roster: empty", I::Roster, "empty.csv", fixed({}), 2, {q("FILE:1: the file is empty")}},
        {"roster: header only",
         I::Roster,
         "header.csv",
         fixed("la,dcs,dcs_email\r\n"),
         2,
         {q("FILE:2: the file has a header but no rows")}},
        {"roster: duplicate column",
         I::Roster,
         "dup.csv",
         fixed("la,dcs,dcs\r\nKent,Ann,Bo\r\n"),
         2,
         {q("FILE:1: column \"dcs\" appears twice in the header")}},
        {"roster: missing column",
         I::Roster,
         "nola.csv",
         fixed("dcs,dcs_email\r\nAnn,a@b.org\r\n"),
         2,
         {q("FILE:1: the header has no \"la\" column")}},
        {"roster: unknown column",
         I::Roster,
         "colour.csv",
         fixed("la,dcs,colour\r\nKent,Ann,blue\r\n"),
         2,
         {q("FILE:1: unknown column \"colour\"")}},
        {"roster: semicolons (accepted)",
         I::Roster,
         "semi.csv",
         fixed("la;dcs\r\nKent;Priti Halloran\r\n"),
         0,
         {q("1 row")}},
        {"roster: quote left open",
         I::Roster,
         "quote.csv",
         fixed("la,dcs\r\nKent,\"Ann\r\nMedway,Bo\r\n"),
         2,
         {q("FILE:2: a quoted field that starts in the record on this line is never closed")}},
        {"roster: 10 MB in one field",
         I::Roster,
         "huge.csv",
         fixed(QByteArray(rosterHeader) + "Kent," + tenMegabytes + "\r\n"),
         2,
         {q("FILE:2: the \"dcs\" cell is 10485760 characters long; a cell holds at most 10000")}},
        {"roster: a million rows",
         I::Roster,
         "million.csv",
         [](const CliSandbox&) { return manyRows(rosterHeader, 1000000); },
         2,
         {q("FILE:10002: the file has more than 10000 rows")}},
        {"roster: control character",
         I::Roster,
         "bell.csv",
         fixed("la,dcs\r\nKent,Ann\x07Reed\r\n"),
         2,
         {q("FILE:2: the \"dcs\" cell holds an invisible control character (U+0007)")}},
        {"roster: NUL byte",
         I::Roster,
         "nul.csv",
         fixed(QByteArray("la,dcs\r\nKent,Ann\0Reed\r\n", 22)),
         2,
         {q("FILE:2: this line is not UTF-8 text")}},
        {"roster: byte order mark (accepted)",
         I::Roster,
         "bom.csv",
         fixed(QByteArray("\xEF\xBB\xBF") + rosterHeader + kentRow),
         0,
         {q("1 row")}},
        {"roster: Windows line endings (accepted)",
         I::Roster,
         "crlf.csv",
         fixed(QByteArray(rosterHeader) + kentRow + "Medway,Donna Rochford\r\n"),
         0,
         {q("2 rows")}},
        {"roster: blank lines at the end (accepted)",
         I::Roster,
         "blank.csv",
         fixed("la,dcs\nKent,Priti Halloran\n\n\n,\n"),
         0,
         {q("1 row")}},

        // The schedule (on a new cycle "matrix" over the demo's dates of 2022-2023).
        {"schedule: Windows-1252 from Excel",
         I::Schedule,
         "ansi.csv",
         fixed("group,date,mode,venue,la\r\n1,16/01/2023,in person,Caf\xE9 Hall,Kent\r\n"),
         2,
         {q("FILE:2: the file is not UTF-8 text: it looks like Windows-1252"), q("\"Café Hall\"")}},
        {"schedule: UTF-16",
         I::Schedule,
         "unicode.csv",
         fixed(utf16("group,date,mode,la\r\n1,2023-01-16,virtual,Kent\r\n")),
         2,
         {q("FILE:1: the file is UTF-16 text")}},
        {"schedule: empty", I::Schedule, "empty.csv", fixed({}), 2, {q("FILE:1: the file is empty")}},
        {"schedule: header only",
         I::Schedule,
         "header.csv",
         fixed(scheduleHeader),
         2,
         {q("FILE:2: the file has a header but no rows")}},
        {"schedule: duplicate column",
         I::Schedule,
         "dup.csv",
         fixed("group,date,date,mode,la\r\n1,2023-01-16,2023-01-16,virtual,Kent\r\n"),
         2,
         {q("FILE:1: column \"date\" appears twice in the header")}},
        {"schedule: missing column",
         I::Schedule,
         "nodate.csv",
         fixed("group,mode,la\r\n1,virtual,Kent\r\n"),
         2,
         {q("FILE:1: the header has no \"date\" column")}},
        {"schedule: unknown column",
         I::Schedule,
         "colour.csv",
         fixed("group,date,mode,la,colour\r\n1,2023-01-16,virtual,Kent,blue\r\n"),
         2,
         {q("FILE:1: unknown column \"colour\"")}},
        {"schedule: quote left open",
         I::Schedule,
         "quote.csv",
         fixed(QByteArray(scheduleHeader) + "1,2023-01-16,\"virtual,Kent\r\n"),
         2,
         {q("FILE:2: a quoted field that starts in the record on this line is never closed")}},
        {"schedule: control character",
         I::Schedule,
         "ctrl.csv",
         fixed(QByteArray(scheduleHeader) + "1,2023-01-16,virtual,Ke\x01nt\r\n"),
         2,
         {q("FILE:2: the \"la\" cell holds an invisible control character (U+0001)")}},
        {"schedule: 31 February",
         I::Schedule,
         "feb31.csv",
         fixed(QByteArray(scheduleHeader) + "1,31/02/2023,virtual,Kent\r\n"),
         2,
         {q("FILE:2: \"31/02/2023\" is not a date")}},
        {"schedule: 29 February in a common year",
         I::Schedule,
         "feb29.csv",
         fixed(QByteArray(scheduleHeader) + "1,2023-02-29,virtual,Kent\r\n"),
         2,
         {q("FILE:2: \"2023-02-29\" is not a date")}},
        {"schedule: semicolons and Windows line endings (accepted)",
         I::Schedule,
         "semi.csv",
         fixed("group;date;mode;la\r\n1;16/01/2023;virtual;Kent\r\n"),
         0,
         {q("1 row"), q("0 LAs added")}},
        {"schedule: a byte order mark, Unix line endings and blank lines at the end (accepted)",
         I::Schedule,
         "blank.csv",
         fixed("\xEF\xBB\xBFgroup,date,mode,la\n1,2023-01-16,virtual,Kent\n\n\n,,,\n"),
         0,
         {q("1 row"), q("0 LAs added")}},
        {"schedule: an LA in capitals (accepted as the same LA)",
         I::Schedule,
         "caps.csv",
         fixed(QByteArray(scheduleHeader) + "1,2023-01-16,virtual,WEST SUSSEX\r\n"),
         0,
         {q("0 LAs added")}},
        {"schedule: an LA with extra spaces (accepted as the same LA)",
         I::Schedule,
         "spaces.csv",
         fixed(QByteArray(scheduleHeader) + "1,2023-01-16,virtual,  Isle  of   Wight \r\n"),
         0,
         {q("0 LAs added")}},
        {"schedule: an LA without its apostrophe (accepted as the same LA)",
         I::Schedule,
         "apostrophe.csv",
         fixed(QByteArray(scheduleHeader) + "1,2023-01-16,virtual,Kings Lynn\r\n"),
         0,
         {q("0 LAs added")},
         "la\r\nKing's Lynn\r\n"},
        {"schedule: an LA misspelt",
         I::Schedule,
         "misspelt.csv",
         fixed(QByteArray(scheduleHeader) + "1,2023-01-16,virtual,Kentt\r\n"),
         2,
         {q("FILE:2: \"Kentt\" looks like \"Kent\"")}},

        // The question bank, JSON and CSV.
        {"questions: empty JSON", I::Questions, "empty.json", fixed({}), 2, {q("FILE:1: the file is empty")}},
        {"questions: JSON cut short",
         I::Questions,
         "cut.json",
         fixed("{\"balcony_questions\": 1, "),
         2,
         {q("FILE:1: the file is not valid JSON")}},
        {"questions: Windows-1252 JSON",
         I::Questions,
         "ansi.json",
         fixed(exampleBank().replace("Example region", "Caf\xE9 region")),
         2,
         {q("FILE:3: this line is not UTF-8 text (it looks like Windows-1252"), q("encoding UTF-8")}},
        {"questions: UTF-16 JSON",
         I::Questions,
         "unicode.json",
         fixed(utf16(exampleBank())),
         2,
         {q("FILE:1: the file is UTF-16 text"), q("encoding UTF-8")}},
        {"questions: JSON with a byte order mark (accepted)",
         I::Questions,
         "bom.json",
         fixed("\xEF\xBB\xBF" + exampleBank()),
         0,
         {q("Imported")}},
        {"questions: JSON with Windows line endings (accepted)",
         I::Questions,
         "crlf.json",
         fixed(exampleBank().replace("\n", "\r\n") + "\r\n\r\n"),
         0,
         {q("Imported")}},
        {"questions: JSON without themes",
         I::Questions,
         "nothemes.json",
         fixed(json(bankWithoutThemes)),
         2,
         {q("FILE:1: themes: must be a list of themes")}},
        {"questions: JSON with an unknown key",
         I::Questions,
         "colour.json",
         fixed(json(bankUnknown)),
         2,
         {q("FILE:"), q("colour: is not a field of a question bank")}},
        {"questions: JSON with a control character",
         I::Questions,
         "ctrl.json",
         fixed(json(bankWithControl)),
         2,
         {q("FILE:"), q("name: this text holds an invisible control character (U+0007)")}},
        {"questions: JSON with 10 MB in one field",
         I::Questions,
         "huge.json",
         fixed(json(bankHuge)),
         2,
         {q("FILE:"), q("name: this text is 10485760 characters long")}},
        {"questions: JSON with a key written twice",
         I::Questions,
         "twice.json",
         fixed(exampleBank().replace("\"balcony_questions\": 1,",
                                     "\"balcony_questions\": 1,\n  \"name\": \"Twice\",")),
         2,
         {q("FILE:4: \"name\" is written twice in the same object")}},
        {"questions: CSV empty", I::Questions, "empty.csv", fixed({}), 2, {q("FILE:1: the file is empty")}},
        {"questions: CSV header only",
         I::Questions,
         "header.csv",
         fixed(bankHeader),
         2,
         {q("FILE:2: the file has a header but no rows")}},
        {"questions: CSV Windows-1252",
         I::Questions,
         "ansi.csv",
         fixed(bankHeader + "theme,Strengths,Caf\xE9?,no\r\n"),
         2,
         {q("FILE:2: the file is not UTF-8 text")}},
        {"questions: CSV UTF-16",
         I::Questions,
         "unicode.csv",
         fixed(utf16(bankCsv.mid(3))),
         2,
         {q("FILE:1: the file is UTF-16 text")}},
        {"questions: CSV duplicate column",
         I::Questions,
         "dup.csv",
         fixed("kind,theme,question,question,rating\r\ntheme,Strengths,Why?,Why?,no\r\n"),
         2,
         {q("FILE:1: column \"question\" appears twice in the header")}},
        {"questions: CSV unknown column",
         I::Questions,
         "colour.csv",
         fixed("kind,theme,question,rating,colour\r\ntheme,Strengths,Why?,no,blue\r\n"),
         2,
         {q("FILE:1: unknown column \"colour\"")}},
        {"questions: CSV quote left open",
         I::Questions,
         "quote.csv",
         fixed(bankHeader + "theme,Strengths,\"Why?,no\r\n"),
         2,
         {q("FILE:2: a quoted field")}},
        {"questions: CSV control character",
         I::Questions,
         "ctrl.csv",
         fixed(bankHeader + "theme,Strengths,Wh\x07y?,no\r\n"),
         2,
         {q("FILE:2: the \"question\" cell holds an invisible control character")}},
        {"questions: CSV 10 MB in one field",
         I::Questions,
         "huge.csv",
         fixed(bankHeader + "theme,Strengths," + tenMegabytes + ",no\r\n"),
         2,
         {q("FILE:2: the \"question\" cell is 10485760 characters long")}},
        {"questions: CSV semicolons, blank lines at the end (accepted)",
         I::Questions,
         "semi.csv",
         fixed("kind;theme;question;rating\ntheme;Strengths;Why?;no\nbalcony;;What next?;no\nplenary;;"
               "And then?;no\n\n\n"),
         0,
         {q("Imported")}},

        // The day template.
        {"template: empty",
         I::Template,
         "empty.json",
         fixed({}),
         2,
         {q("Day template FILE:1: the file is empty")}},
        {"template: JSON cut short",
         I::Template,
         "cut.json",
         fixed("{\"balcony_template\": 1, \"id\": \"x\","),
         2,
         {q("Day template FILE is not valid JSON: line 1")}},
        {"template: Windows-1252",
         I::Template,
         "ansi.json",
         fixed(json(shippedTemplate()).replace("Triad (three LAs)", "Caf\xE9 day")),
         2,
         {q("Day template FILE:"), q("this line is not UTF-8 text (it looks like Windows-1252")}},
        {"template: UTF-16",
         I::Template,
         "unicode.json",
         fixed(utf16(json(shippedTemplate()))),
         2,
         {q("Day template FILE:1: the file is UTF-16 text")}},
        {"template: a key written twice",
         I::Template,
         "twice.json",
         fixed(json(shippedTemplate())
                   .replace("\"id\": \"matrix\",", "\"id\": \"matrix\",\n    \"id\": \"other\",")),
         2,
         {q("Day template FILE:"), q("\"id\" is written twice in the same object")}},
        {"template: not an object",
         I::Template,
         "array.json",
         fixed("[]"),
         2,
         {q("Day template FILE must be a JSON object")}},
        {"template: without its sessions",
         I::Template,
         "nosession.json",
         fixed(json(templateWithoutSession)),
         2,
         {q("Day template FILE is not valid:"), q("session: must be a list of blocks (got missing)")}},
        {"template: unknown key",
         I::Template,
         "colour.json",
         fixed(json(templateUnknown)),
         2,
         {q("Day template FILE is not valid:"), q("colour: is not a template field")}},
        {"template: a time that does not exist",
         I::Template,
         "time.json",
         fixed(json(templateBadTime)),
         2,
         {q("Day template FILE is not valid:"), q("start: must be a clock time HH:MM (got \"25:61\")")}},
        {"template: control character",
         I::Template,
         "ctrl.json",
         fixed(json(templateControl)),
         2,
         {q("Day template FILE is not valid:"),
          q("name: this text holds an invisible control character (U+0007)")}},
        {"template: 10 MB in one field",
         I::Template,
         "huge.json",
         fixed(json(templateHuge)),
         2,
         {q("Day template FILE is not valid:"), q("description: this text is 10485760 characters long")}},
        {"template: byte order mark and Windows line endings (accepted)",
         I::Template,
         "bom.json",
         fixed("\xEF\xBB\xBF" + json(shippedTemplate()).replace("\n", "\r\n") + "\r\n\r\n"),
         0,
         {q("matrix")}},

        // The review pack.
        {"review pack: zero bytes",
         I::ReviewPack,
         "empty.balcony-review",
         fixed({}),
         2,
         {q("FILE is empty (0 bytes), not a review pack")}},
        {"review pack: a text file",
         I::ReviewPack,
         "notes.balcony-review",
         fixed("Dear DCS,\r\n"),
         2,
         {q("FILE is not a review pack: it is not a Balcony file at all")}},
        {"review pack: truncated",
         I::ReviewPack,
         "cut.balcony-review",
         [](const CliSandbox& cli) { return answeredPack(cli).left(4096 + 100); },
         2,
         {q("FILE is a damaged review pack (it is shorter than its header says")}},
        {"review pack: a scribbled page",
         I::ReviewPack,
         "scribbled.balcony-review",
         [](const CliSandbox& cli) {
             QByteArray pack = answeredPack(cli);
             for (qsizetype i = 4096; i < std::min<qsizetype>(pack.size(), 8192); ++i) {
                 pack[i] = char(0xA5 ^ (i & 0xFF));
             }
             return pack;
         },
         2,
         {q("FILE is a damaged review pack (SQLite's check says")}},
        {"review pack: a region database",
         I::ReviewPack,
         "region.balcony-review",
         [](const CliSandbox& cli) { return readAll(cli.regionFile()); },
         2,
         {q("FILE: this is a region file, not a review pack")}},
    };
}

QStringList commandFor(Importer importer, const QString& file) {
    switch (importer) {
    case Importer::Roster:
        return {q("import"), q("roster"), file};
    case Importer::Schedule:
        return {q("import"), q("schedule"), file, q("--cycle"), q("matrix")};
    case Importer::Questions:
        return {q("questions"), q("import"), file};
    case Importer::Template:
        return {q("template"), q("import"), file};
    case Importer::ReviewPack:
        return {q("note"), q("import-pack"), file};
    }
    return {};
}

void checkMessages(const CliRun& run, int exitCode, const QStringList& expected, const QString& file) {
    INFO("stdout: " << run.out.left(2000).toStdString() << "\nstderr: " << run.err.left(2000).toStdString());
    CHECK(run.exitCode == exitCode);
    const QString& where = exitCode == 0 ? run.out : run.err;
    for (QString fragment : expected) {
        fragment.replace(q("FILE"), file);
        CHECK(where.contains(fragment));
    }
}

} // namespace

TEST_CASE("Every bad file for every importer gets its message and changes nothing", "[cli][bad-input]") {
    static const std::vector<FileCase> cases = fileCases();
    const std::size_t index = GENERATE(range(std::size_t(0), cases.size()));
    const FileCase& c = cases[index];
    CAPTURE(c.what);

    CliSandbox cli;
    cli.makeDemoRegion();
    if (!c.rosterFirst.isEmpty()) {
        const QString roster = cli.path(q("first.csv"));
        writeFile(roster, c.rosterFirst);
        REQUIRE(cli.run({q("import"), q("roster"), roster}).exitCode == 0);
    }
    if (c.importer == Importer::Schedule) {
        // A cycle of the demo's dates with no day recorded yet, so that an accepted file replaces
        // nothing a facilitator captured (the demo's own cycles have).
        REQUIRE(cli.run({q("cycle"), q("add"), q("matrix"), q("--from"), q("2022-09-01"), q("--to"),
                         q("2023-07-31")})
                    .exitCode == 0);
    }
    const QString file = cli.path(q(c.fileName));
    writeFile(file, c.bytes(cli));
    const QByteArray fileBefore = readAll(file);
    const QByteArray regionBefore = cli.regionDigest();

    const CliRun run = cli.run(commandFor(c.importer, file));
    checkMessages(run, c.exitCode, c.expected, file);
    CHECK(readAll(file) == fileBefore);
    if (c.exitCode != 0) {
        CHECK(cli.regionDigest() == regionBefore);
    }
}

namespace {

// Runs balcony-cli as the user nobody (uid 65534), for whom a file of mode 444 really is read-only
// (the tests run as root, who may write anything).
CliRun runAsNobody(const CliSandbox& cli, const QString& db, const QStringList& arguments) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString home = cli.path(q("nobody"));
    QDir().mkpath(home);
    QFile::setPermissions(home, QFileDevice::Permissions(0x7777));
    env.insert(q("HOME"), home);
    env.insert(q("XDG_DATA_HOME"), home + q("/data"));
    env.remove(q("BALCONY_DB"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(home);
    process.start(q("setpriv"), QStringList{q("--reuid=65534"), q("--regid=65534"), q("--clear-groups"),
                                            q(BALCONY_CLI_PATH), q("--db"), db} +
                                    arguments);
    REQUIRE((process.waitForStarted() && process.waitForFinished(120000)));
    CliRun result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

const QStringList writing = {q("cycle"),      q("add"),  q("2030-2031"), q("--from"),
                             q("2030-04-01"), q("--to"), q("2031-03-31")};
const QStringList reading = {q("cycle"), q("list")};

} // namespace

// [file]: the region database's own bad inputs are bad FILES (damaged, empty, a folder, a link, a
// name beyond ASCII), so these run on SQLite only; ctest's cli_tests_on_postgresql leaves them out.
TEST_CASE("Every bad region database is refused with its message and left byte for byte",
          "[cli][bad-input][file]") {
    struct DbCase {
        const char* what;
        // Makes the file (or folder) to give as --db from the demo region at `demo`; returns its path.
        std::function<QString(const CliSandbox&, const QString& demo)> make;
        QStringList command;
        int exitCode;
        QStringList expected; // on stderr when refused, on stdout when accepted; "FILE" is the path
    };
    const auto copyTo = [](const QString& name, std::function<QByteArray(QByteArray)> change) {
        return [name, change](const CliSandbox& cli, const QString& demo) {
            const QString path = cli.path(name);
            writeFile(path, change(readAll(demo)));
            return path;
        };
    };
    const std::vector<DbCase> cases = {
        {"truncated to half",
         copyTo(q("half.balcony"), [](QByteArray b) { return b.left(b.size() / 2); }),
         reading,
         2,
         {q("FILE is damaged (it is shorter than its header says"), q("Nothing was changed")}},
        {"a scribbled page",
         copyTo(q("scribbled.balcony"),
                [](QByteArray b) {
                    for (qsizetype i = 2 * 4096; i < 3 * 4096; ++i) {
                        b[i] = char((i * 37) & 0xFF);
                    }
                    return b;
                }),
         reading,
         2,
         {q("FILE is damaged (SQLite's check says"), q("Nothing was changed")}},
        {"zero bytes",
         copyTo(q("zero.balcony"), [](QByteArray) { return QByteArray(); }),
         reading,
         2,
         {q("There is no region database at FILE")}},
        {"a folder",
         [](const CliSandbox& cli, const QString&) {
             const QString path = cli.path(q("folder.balcony"));
             REQUIRE(QDir().mkpath(path));
             return path;
         },
         reading,
         2,
         {q("FILE is a folder, not a region database file")}},
        {"a symbolic link to the region (accepted)",
         [](const CliSandbox& cli, const QString& demo) {
             const QString path = cli.path(q("link.balcony"));
             REQUIRE(QFile::link(demo, path));
             return path;
         },
         reading,
         0,
         {q("2022-2023")}},
        {"in a folder whose name has spaces and letters beyond ASCII (accepted)",
         [](const CliSandbox& cli, const QString& demo) {
             const QString folder = cli.path(q("Région Sud-Est — année 2022"));
             REQUIRE(QDir().mkpath(folder));
             const QString path = folder + q("/Zoë's region.balcony");
             REQUIRE(QFile::copy(demo, path));
             return path;
         },
         writing,
         0,
         {q("2030-2031")}},
    };
    for (const DbCase& c : cases) {
        CAPTURE(c.what);
        CliSandbox cli;
        cli.makeDemoRegion();
        const QString path = c.make(cli, cli.databasePath());
        const QByteArray before = QFileInfo(path).isFile() ? readAll(path) : QByteArray();
        const CliRun run = cli.runOn(path, c.command);
        checkMessages(run, c.exitCode, c.expected, path);
        if (c.exitCode != 0) {
            CHECK(readAll(path) == before);
            CHECK_FALSE(QFileInfo::exists(path + q("-wal")));
        } else {
            CHECK(cli.runOn(path, reading)
                      .out.contains(c.command == writing ? q("2030-2031") : q("2022-2023")));
        }
    }
}

// [file]: the lock and the permissions of a region FILE; SQLite only.
TEST_CASE("A region database that is read-only or locked is refused for writing and left byte for byte",
          "[cli][bad-input][file]") {
    CliSandbox cli;
    cli.makeDemoRegion();
    const QString db = cli.databasePath();

    SECTION("locked by another Balcony") {
        const QByteArray before = readAll(db);
        auto held = balcony::Database::open(db);
        REQUIRE(held.ok());
        const CliRun run = cli.run(writing);
        checkMessages(run, 2, {q("is open in another Balcony")}, db);
        held->reset();
        CHECK(readAll(db) == before);
    }

    SECTION("read-only") {
        if (geteuid() != 0 || QStandardPaths::findExecutable(q("setpriv")).isEmpty()) {
            WARN("needs root and setpriv to run as a user for whom the file is read-only");
            return;
        }
        const QString folder = QFileInfo(db).absolutePath();
        QFile::setPermissions(folder, QFileDevice::Permissions(0x7777));
        REQUIRE(QFile::setPermissions(db, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const QByteArray before = readAll(db);
        const CliRun run = runAsNobody(cli, db, writing);
        checkMessages(run, 2, {db, q("read-only")}, db);
        CHECK(readAll(db) == before);
        // Reading still works.
        CHECK(runAsNobody(cli, db, reading).out.contains(q("2022-2023")));
    }
}
