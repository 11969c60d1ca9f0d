#include "cli/cli.h"

#include "domain/dates.h"
#include "store/backup.h"
#include "store/region_lock.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <algorithm>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace balcony::cli {

Context::Context(QString databasePath, QTextStream& outStream, QTextStream& errStream)
    : out(outStream)
    , err(errStream)
    , m_path(std::move(databasePath)) {}

Database* Context::database(bool create) {
    if (m_db && !m_db->isReadOnly()) {
        return m_db.get();
    }
    m_db.reset();
    auto opened = Database::open(m_path, {.create = create,
                                          .takeOverLock = m_takeOverLock,
                                          .backups = backups::policyFromSettings(),
                                          .password = askPasswordAtTerminal});
    if (!opened) {
        Error error = opened.error();
        if (error.kind == Error::Kind::ReadOnly) {
            error.message +=
                QStringLiteral(" Commands that only read (cycle list, sa list, check, the exports, "
                               "timetable, session status, notes list) still work.");
        } else if (error.kind == Error::Kind::Locked && !Location::looksLikeUrl(m_path)) {
            const auto holder =
                readLockHolder(QFileInfo(m_path).absoluteFilePath() + QStringLiteral(".lock"));
            if (holder && (holder->otherComputer || !holder->readable)) {
                error.message +=
                    QStringLiteral(" To take it over, run the command again with --take-over-lock "
                                   "(balcony-cli --take-over-lock COMMAND ...).");
            }
        }
        refuse(error);
        return nullptr;
    }
    m_db = std::move(*opened);
    printWarnings();
    backUpDaily();
    return m_db.get();
}

void Context::backUpDaily() {
    const auto& policy = m_db->backupPolicy();
    if (m_db->isServer() || m_db->isNew() || !policy.automatic ||
        !backups::dailyDue(m_db->path(), policy, m_db->clock())) {
        return;
    }
    if (auto made = backups::make(m_db->path(), backups::Reason::Daily, policy, m_db->clock()); !made) {
        // The command goes on: a backup that cannot be made never stops the user's work.
        err << "balcony-cli: warning: " << made.message() << Qt::endl;
    }
}

int Context::refuse(Error error) {
    if (error.kind == Error::Kind::Corrupt) {
        const auto offer = backups::recoveryOffer(m_path, backups::policyFromSettings());
        if (offer) {
            error.message +=
                u' ' + offer->message +
                QStringLiteral(" To restore it: balcony-cli --db \"%1\" restore \"%2\"")
                    .arg(QDir::toNativeSeparators(m_path), QDir::toNativeSeparators(offer->backup.path));
        } else {
            error.message +=
                QStringLiteral(" There is no good backup of it in %1.")
                    .arg(QDir::toNativeSeparators(backups::folderFor(m_path, backups::policyFromSettings())));
        }
    }
    return fail(error);
}

void Context::printWarnings() {
    // Only writers hear these: a reader cannot put the region out of step.
    for (const QString& warning : m_db->warnings()) {
        err << "balcony-cli: warning: " << warning << Qt::endl;
    }
}

Database* Context::recordingDatabase() {
    if (m_db) {
        return m_db.get();
    }
    auto opened = Database::open(m_path, {.takeOverLock = m_takeOverLock,
                                          .backups = backups::policyFromSettings(),
                                          .password = askPasswordAtTerminal});
    if (opened) {
        m_db = std::move(*opened);
        printWarnings();
        backUpDaily();
        return m_db.get();
    }
    if (opened.error().kind == Error::Kind::ReadOnly || opened.error().kind == Error::Kind::Locked) {
        return readDatabase();
    }
    refuse(opened.error());
    return nullptr;
}

Database* Context::readDatabase() {
    if (m_db) {
        return m_db.get();
    }
    auto opened = Database::open(m_path, {.readOnly = true, .password = askPasswordAtTerminal});
    if (!opened) {
        // The one read-only refusal that writing can cure: an older schema, upgraded on opening.
        if (opened.error().kind == Error::Kind::ReadOnly) {
            auto writable = Database::open(m_path, {.takeOverLock = m_takeOverLock,
                                                    .backups = backups::policyFromSettings(),
                                                    .password = askPasswordAtTerminal});
            if (writable) {
                m_db = std::move(*writable);
                return m_db.get();
            }
        }
        refuse(opened.error());
        return nullptr;
    }
    m_db = std::move(*opened);
    return m_db.get();
}

int Context::fail(const Error& error) {
    err << "balcony-cli: " << error.message << Qt::endl;
    switch (error.kind) {
    case Error::Kind::Storage:
    case Error::Kind::Failed:
        return Failed;
    case Error::Kind::Changed:
        return Changed;
    default:
        return BadInput;
    }
}

int Context::usage(const QString& message) {
    err << "balcony-cli: " << message << Qt::endl;
    return BadInput;
}

std::optional<QString> askPasswordAtTerminal(const QString& server) {
    if (isatty(STDIN_FILENO) == 0) {
        return std::nullopt;
    }
    std::cerr << "Password for " << server.toStdString() << ": " << std::flush;
    termios shown{};
    const bool canHide = tcgetattr(STDIN_FILENO, &shown) == 0;
    if (canHide) {
        termios hidden = shown;
        hidden.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden);
    }
    std::string typed;
    const bool read = static_cast<bool>(std::getline(std::cin, typed));
    if (canHide) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &shown);
    }
    std::cerr << std::endl;
    QString password = QString::fromUtf8(typed.data(), qsizetype(typed.size()));
    std::fill(typed.begin(), typed.end(), '\0');
    if (!read || password.isEmpty()) {
        return std::nullopt;
    }
    return password;
}

std::vector<Command>& registry() {
    static std::vector<Command> commands;
    return commands;
}

std::vector<QStringList>& documentCommands() {
    static std::vector<QStringList> words;
    return words;
}

std::vector<QStringList>& chartDocumentCommands() {
    static std::vector<QStringList> words;
    return words;
}

QCommandLineOption jsonOption() {
    return QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print JSON instead of text."));
}

QCommandLineOption cycleOption() {
    return QCommandLineOption(QStringLiteral("cycle"), QStringLiteral("The cycle, by name (e.g. 2022-2023)."),
                              QStringLiteral("NAME"));
}

QString required(Context& ctx, const QCommandLineParser& parser, const QString& name) {
    const QString value = parser.value(name);
    if (value.trimmed().isEmpty()) {
        ctx.usage(QStringLiteral("--%1 is required (see --help).").arg(name));
    }
    return value;
}

bool hasRequired(Context& ctx, const QCommandLineParser& parser, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        if (required(ctx, parser, QLatin1String(name)).trimmed().isEmpty()) {
            return false;
        }
    }
    return true;
}

QString counted(qsizetype n, const char* one, const char* many) {
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

Result<QDate> dayOption(const QCommandLineParser& parser, const QString& name) {
    if (!parser.isSet(name)) {
        return QDate();
    }
    const QString value = parser.value(name);
    const QDate day = parseDay(value);
    if (!day.isValid()) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("--%1 \"%2\" is not a date: write YYYY-MM-DD or DD/MM/YYYY.").arg(name, value));
    }
    return day;
}

QString dayText(const QDate& day) {
    return day.isValid() ? day.toString(Qt::ISODate) : QStringLiteral("-");
}

void printJson(Context& ctx, const QJsonArray& rows) {
    ctx.out << QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Indented));
    ctx.out.flush();
}

} // namespace balcony::cli
