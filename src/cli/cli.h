#pragma once

#include "store/database.h"
#include "support/result.h"

#include <QCommandLineParser>
#include <QDate>
#include <QJsonArray>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <vector>

namespace balcony::cli {

// Exit codes scripts can rely on.
enum ExitCode : int {
    Success = 0,
    CheckFoundErrors = 1, // `check` found at least one error
    BadInput = 2,         // bad usage, bad input file, refused database, unknown name
    Failed = 3,           // the operation could not be completed (storage, I/O)
    Changed = 4,          // --based-on: someone else changed it since; nothing was saved
};

// What a command runs with: the chosen database path, the output streams, and the open database.
class Context {
public:
    Context(QString databasePath, QTextStream& out, QTextStream& err);

    // Opens the database for writing, once; create also initialises a missing file. Prints the
    // file's warnings (a synced folder, a lock taken over) to stderr. On failure prints the message
    // and returns nullptr.
    Database* database(bool create = false);
    // Opens the database for a command that only reads: read-only, with no lock, so that it works
    // on read-only media and shares and while the desktop program has the region open. A file that
    // needs upgrading first is opened for writing instead (which upgrades it) when the user may.
    Database* readDatabase();
    // For a command that reads and keeps a record of what it did (export ics: the SEQUENCE numbers
    // and the days to cancel next time): opens for writing when it can, and otherwise (a read-only
    // file, a region another Balcony holds) read-only, so that the command still works and the
    // record is left for a later run (Database::isReadOnly() tells which).
    Database* recordingDatabase();
    // --take-over-lock: take over a lock written on another computer (see RegionLock).
    void setTakeOverLock(bool takeOver) { m_takeOverLock = takeOver; }
    bool takeOverLock() const { return m_takeOverLock; }

    QTextStream& out;
    QTextStream& err;
    const QString& databasePath() const { return m_path; }

    // Prints "balcony-cli: <message>" to stderr and returns the exit code that fits the error.
    int fail(const Error& error);
    int usage(const QString& message);

private:
    void printWarnings();    // the open file's warnings (a synced folder, a lock taken over), to stderr
    void backUpDaily();      // the day's first writing opening of a region keeps a backup (docs/backups.md)
    int refuse(Error error); // fail(), naming the newest good backup of a damaged region

    QString m_path;
    std::unique_ptr<Database> m_db;
    bool m_takeOverLock = false;
};

struct Command {
    QStringList words;                                   // e.g. {"import", "roster"}
    QString arguments;                                   // e.g. "FILE"; shown in help
    QString summary;                                     // one line for the overview
    int positionalCount = 0;                             // how many positional arguments after the words
    std::function<void(QCommandLineParser&)> addOptions; // may be empty
    std::function<int(Context&, const QCommandLineParser&, const QStringList& positional)> run;
};

// Database::Options::password for balcony-cli: at a terminal, asks for the server's password on
// stderr without echoing what is typed; otherwise (a script, a pipe) returns nothing at once, and
// the refusal says to use ~/.pgpass or PGPASSWORD. The password is never stored or logged.
std::optional<QString> askPasswordAtTerminal(const QString& server);

// Commands register themselves from their own source file with a static Registrar.
std::vector<Command>& registry();

struct Registrar {
    explicit Registrar(Command command) { registry().push_back(std::move(command)); }
};

// The words of the commands that render documents (PDF, ODT, HTML through the reports library).
// They need fonts, so main() runs them under a QGuiApplication on the offscreen platform; every other
// command keeps the lighter QCoreApplication.
std::vector<QStringList>& documentCommands();

// Registers a command that renders documents.
struct DocumentRegistrar {
    explicit DocumentRegistrar(Command command) {
        documentCommands().push_back(command.words);
        registry().push_back(std::move(command));
    }
};

// The words of the document commands that also draw a chart with Qt Charts (report). A QChart is a
// QGraphicsWidget, so main() runs them under a QApplication (widgets, still offscreen) instead.
std::vector<QStringList>& chartDocumentCommands();

// Registers a document command that draws charts.
struct ChartDocumentRegistrar {
    explicit ChartDocumentRegistrar(Command command) {
        chartDocumentCommands().push_back(command.words);
        documentCommands().push_back(command.words);
        registry().push_back(std::move(command));
    }
};

// Shared option helpers.
QCommandLineOption jsonOption();
QCommandLineOption cycleOption();
// A required option's value, or an empty string after printing a usage error.
QString required(Context& ctx, const QCommandLineParser& parser, const QString& name);
// False, after a usage message for the first one missing, unless every named option has a value.
bool hasRequired(Context& ctx, const QCommandLineParser& parser, std::initializer_list<const char*> names);

// A day option (YYYY-MM-DD or DD/MM/YYYY): an invalid QDate when the option is not set, an
// InvalidInput error naming the option and the accepted forms when it cannot be read.
Result<QDate> dayOption(const QCommandLineParser& parser, const QString& name);

// ISO 8601 for output, or "-" for a day that is not set.
// "1 row", "3 rows": a count with its noun, singular or plural.
QString counted(qsizetype n, const char* one, const char* many);

QString dayText(const QDate& day);

// Writes an array of objects as indented JSON, the one shape every --json output has.
void printJson(Context& ctx, const QJsonArray& rows);

} // namespace balcony::cli
