#include "store/region_copy.h"

#include "store/database.h"
#include "store/dialect.h"
#include "store/file_access.h"
#include "store/location.h"
#include "store/migrations.h"
#include "store/server_roles.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "support/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVector>
#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <vector>

namespace balcony::region_copy {
namespace {

using Row = QVector<QVariant>;

// A table as both sides must have it: its columns in the source's order, its primary key.
struct Shape {
    QString table;
    QStringList columns;
    QStringList key; // the primary key's columns; every column when the table has none
};

QString quoted(const QString& name) {
    return u'"' + name + u'"';
}

QString columnList(const QStringList& columns) {
    QStringList names;
    for (const auto& column : columns) {
        names << quoted(column);
    }
    return names.join(QStringLiteral(", "));
}

Result<Shape> shapeOf(Database& db, const QString& table) {
    auto columns = dialect::columns(db, table);
    if (!columns) {
        return columns.error();
    }
    Shape shape{table, {}, {}};
    for (const auto& column : *columns) {
        shape.columns << column.name;
        if (column.primaryKey) {
            shape.key << column.name;
        }
    }
    if (shape.key.isEmpty()) {
        shape.key = shape.columns;
    }
    return shape;
}

// Tables whose triggers read another table's rows, beyond their foreign keys: they go in after it.
const std::map<QString, QString>& triggerReads() {
    static const std::map<QString, QString> reads = {
        {QStringLiteral("report_mark"), QStringLiteral("note_revision")},
        {QStringLiteral("session_note_step"), QStringLiteral("session_note_revision")},
    };
    return reads;
}

// The tables in an order in which each comes after every table it refers to; ties by name.
Result<QStringList> copyOrder(Database& db, const QStringList& tables) {
    std::map<QString, std::set<QString>> follows; // table -> tables that must be copied before it
    for (const auto& table : tables) {
        follows[table];
        auto into = dialect::foreignKeysInto(db, table);
        if (!into) {
            return into.error();
        }
        for (const auto& key : *into) {
            if (key.table != table && tables.contains(key.table)) {
                follows[key.table].insert(table);
            }
        }
    }
    for (const auto& [table, read] : triggerReads()) {
        if (tables.contains(table) && tables.contains(read)) {
            follows[table].insert(read);
        }
    }
    QStringList order;
    std::set<QString> placed;
    while (order.size() < tables.size()) {
        bool progressed = false;
        for (const auto& [table, before] : follows) { // std::map: by name
            if (placed.count(table) != 0) {
                continue;
            }
            if (std::all_of(before.begin(), before.end(),
                            [&](const QString& t) { return placed.count(t); })) {
                order << table;
                placed.insert(table);
                progressed = true;
                break;
            }
        }
        if (!progressed) {
            return failure(Error::Kind::Failed,
                           QStringLiteral("The region's tables refer to each other in a circle, so Balcony "
                                          "cannot tell which to copy first. Nothing was copied."));
        }
    }
    return order;
}

QString rowCount(qint64 rows) {
    return rows == 1 ? QStringLiteral("1 row") : QStringLiteral("%1 rows").arg(rows);
}

// "id 12", "group_id 3, authority_id 7": a row named by its key, never by its contents.
QString rowName(const Shape& shape, const Row& row, const QStringList& columns) {
    QStringList parts;
    for (const auto& column : shape.key) {
        const QVariant value = row.value(columns.indexOf(column));
        parts << column + u' ' + (value.isNull() ? QStringLiteral("NULL") : value.toString());
    }
    return parts.join(QStringLiteral(", "));
}

QString keyOf(const Shape& shape, const Row& row, const QStringList& columns) {
    QStringList parts;
    for (const auto& column : shape.key) {
        const QVariant value = row.value(columns.indexOf(column));
        parts << (value.isNull() ? QStringLiteral("\x01") : value.toString());
    }
    return parts.join(QChar(0x1f));
}

bool isInteger(const QVariant& value) {
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Bool:
        return true;
    default:
        return false;
    }
}

// The same value on both engines: integers by value (an SQLite integer is a qlonglong, a PostgreSQL
// INTEGER an int), text and everything else by its text.
bool sameValue(const QVariant& a, const QVariant& b) {
    if (a.isNull() || b.isNull()) {
        return a.isNull() && b.isNull();
    }
    if (isInteger(a) && isInteger(b)) {
        return a.toLongLong() == b.toLongLong();
    }
    if (a.typeId() == QMetaType::QByteArray || b.typeId() == QMetaType::QByteArray) {
        return a.toByteArray() == b.toByteArray();
    }
    return a.toString() == b.toString();
}

Result<std::vector<Row>> readRows(Database& db, const Shape& shape) {
    QSqlQuery query(db.sql());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                        .arg(columnList(shape.columns), quoted(shape.table), columnList(shape.key)))) {
        return sql::errorFrom(db, query.lastError(),
                              QStringLiteral("Reading table %1 of %2").arg(shape.table, db.path()));
    }
    std::vector<Row> rows;
    while (query.next()) {
        Row row;
        row.reserve(shape.columns.size());
        for (int i = 0; i < shape.columns.size(); ++i) {
            row << query.value(i);
        }
        rows.push_back(std::move(row));
    }
    if (query.lastError().isValid()) {
        return sql::errorFrom(db, query.lastError(),
                              QStringLiteral("Reading table %1 of %2").arg(shape.table, db.path()));
    }
    return rows;
}

// Adds rows to one table of the target with one prepared statement.
class Inserter {
public:
    Inserter(Database& target, const Shape& shape)
        : m_target(target)
        , m_shape(shape)
        , m_query(target.sql()) {
        if (target.isServer()) {
            // A refused row aborts a PostgreSQL transaction; going back to this savepoint at once lets
            // the prepared statement be freed cleanly before the whole copy is rolled back.
            m_savepoint = QSqlQuery(target.sql()).exec(QStringLiteral("SAVEPOINT balcony_copy_rows"));
        }
        QStringList marks;
        for (int i = 0; i < shape.columns.size(); ++i) {
            marks << QStringLiteral("?");
        }
        m_prepared = m_query.prepare(
            QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                .arg(quoted(shape.table), columnList(shape.columns), marks.join(QStringLiteral(", "))));
    }

    Status insert(const Row& row) {
        if (!m_prepared) {
            return sql::errorFrom(m_target, m_query.lastError(),
                                  QStringLiteral("Preparing the copy of table %1").arg(m_shape.table));
        }
        for (int i = 0; i < row.size(); ++i) {
            m_query.bindValue(i, row[i]);
        }
        if (!m_query.exec()) {
            const QSqlError refused = m_query.lastError();
            if (m_savepoint) {
                QSqlQuery(m_target.sql()).exec(QStringLiteral("ROLLBACK TO SAVEPOINT balcony_copy_rows"));
            }
            return sql::errorFrom(m_target, refused,
                                  QStringLiteral("Copying row %1 of table %2")
                                      .arg(rowName(m_shape, row, m_shape.columns), m_shape.table));
        }
        return {};
    }

private:
    Database& m_target;
    const Shape& m_shape;
    QSqlQuery m_query;
    bool m_prepared = false;
    bool m_savepoint = false;
};

class Copier {
public:
    Copier(Database& source, Database& target, const Options& options)
        : m_source(source)
        , m_target(target)
        , m_options(options) {}

    Result<Summary> run();

private:
    void tell(const QString& line) const {
        if (m_options.progress) {
            m_options.progress(line);
        }
    }
    Result<qint64> copyTable(const Shape& shape);
    Result<qint64> copySessionNoteHistory(const Shape& revisions, const Shape& steps);
    Status compare(const Shape& shape);

    Database& m_source;
    Database& m_target;
    const Options& m_options;
};

Result<qint64> Copier::copyTable(const Shape& shape) {
    auto rows = readRows(m_source, shape);
    if (!rows) {
        return rows.error();
    }
    // A session note goes in as a draft (session_note_starts_draft); replaying its steps then moves
    // its status to what it was (copySessionNoteHistory).
    const int status = shape.table == QStringLiteral("session_note")
                           ? int(shape.columns.indexOf(QStringLiteral("status")))
                           : -1;
    Inserter inserter(m_target, shape);
    for (Row& row : *rows) {
        if (status >= 0) {
            row[status] = QStringLiteral("draft");
        }
        if (auto added = inserter.insert(row); !added) {
            return added.error();
        }
    }
    return qint64(rows->size());
}

// Revisions and workflow steps of every session note, in the order the workflow's rules accept:
// before each step, the note's revisions up to the one the step names; the rest after its last step.
Result<qint64> Copier::copySessionNoteHistory(const Shape& revisions, const Shape& steps) {
    auto revisionRows = readRows(m_source, revisions);
    auto stepRows = readRows(m_source, steps);
    if (!revisionRows || !stepRows) {
        return !revisionRows ? revisionRows.error() : stepRows.error();
    }
    const auto revisionNote = revisions.columns.indexOf(QStringLiteral("note_id"));
    const auto revisionNumber = revisions.columns.indexOf(QStringLiteral("number"));
    const auto stepNote = steps.columns.indexOf(QStringLiteral("note_id"));
    const auto stepNumber = steps.columns.indexOf(QStringLiteral("number"));
    const auto stepRevision = steps.columns.indexOf(QStringLiteral("revision"));
    if (revisionNote < 0 || revisionNumber < 0 || stepNote < 0 || stepNumber < 0 || stepRevision < 0) {
        return failure(Error::Kind::Failed,
                       QStringLiteral("The session note tables of %1 lack the columns this Balcony knows.")
                           .arg(m_source.path()));
    }
    struct History {
        std::vector<const Row*> revisions; // by number
        std::vector<const Row*> steps;     // by number
    };
    std::map<qint64, History> notes;
    auto byNumber = [](qsizetype column) {
        return [column](const Row* a, const Row* b) {
            return a->at(column).toLongLong() < b->at(column).toLongLong();
        };
    };
    for (const Row& row : *revisionRows) {
        notes[row.at(revisionNote).toLongLong()].revisions.push_back(&row);
    }
    for (const Row& row : *stepRows) {
        notes[row.at(stepNote).toLongLong()].steps.push_back(&row);
    }
    Inserter addRevision(m_target, revisions);
    Inserter addStep(m_target, steps);
    for (auto& entry : notes) {
        // Not a structured binding: clang 14 (the fuzz build) cannot capture one in the lambda below.
        History& history = entry.second;
        std::sort(history.revisions.begin(), history.revisions.end(), byNumber(revisionNumber));
        std::sort(history.steps.begin(), history.steps.end(), byNumber(stepNumber));
        std::size_t next = 0;
        auto revisionsUpTo = [&](qint64 number) -> Status {
            while (next < history.revisions.size() &&
                   history.revisions[next]->at(revisionNumber).toLongLong() <= number) {
                if (auto added = addRevision.insert(*history.revisions[next]); !added) {
                    return added;
                }
                ++next;
            }
            return {};
        };
        for (const Row* step : history.steps) {
            const QVariant named = step->at(stepRevision);
            if (!named.isNull()) {
                if (auto added = revisionsUpTo(named.toLongLong()); !added) {
                    return added.error();
                }
            }
            if (auto added = addStep.insert(*step); !added) {
                return added.error();
            }
        }
        if (auto added = revisionsUpTo(std::numeric_limits<qint64>::max()); !added) {
            return added.error();
        }
    }
    return qint64(revisionRows->size() + stepRows->size());
}

Status Copier::compare(const Shape& shape) {
    auto original = readRows(m_source, shape);
    auto copied = readRows(m_target, shape);
    if (!original || !copied) {
        return !original ? original.error() : copied.error();
    }
    const QString found = QStringLiteral("The check after copying found a difference in table %1: %2. "
                                         "Nothing was kept.");
    if (original->size() != copied->size()) {
        return failure(Error::Kind::Failed,
                       found.arg(shape.table, QStringLiteral("%1 rows in the original, %2 "
                                                             "in the copy")
                                                  .arg(original->size())
                                                  .arg(copied->size())));
    }
    QHash<QString, const Row*> byKey;
    for (const Row& row : *copied) {
        byKey.insert(keyOf(shape, row, shape.columns), &row);
    }
    for (const Row& row : *original) {
        const Row* other = byKey.value(keyOf(shape, row, shape.columns), nullptr);
        if (other == nullptr) {
            return failure(Error::Kind::Failed,
                           found.arg(shape.table, QStringLiteral("row %1 is missing from the copy")
                                                      .arg(rowName(shape, row, shape.columns))));
        }
        for (int i = 0; i < shape.columns.size(); ++i) {
            if (!sameValue(row.at(i), other->at(i))) {
                return failure(Error::Kind::Failed,
                               found.arg(shape.table,
                                         QStringLiteral("row %1, column %2 is not the same")
                                             .arg(rowName(shape, row, shape.columns), shape.columns.at(i))));
            }
        }
    }
    return {};
}

Result<Summary> Copier::run() {
    const int version = m_source.schemaVersion();
    if (version != Database::latestSchemaVersion()) {
        return failure(version > Database::latestSchemaVersion() ? Error::Kind::TooNew : Error::Kind::Failed,
                       QStringLiteral("%1 is at schema %2 and this Balcony writes schema %3: %4 Nothing was "
                                      "copied.")
                           .arg(m_source.path())
                           .arg(version)
                           .arg(Database::latestSchemaVersion())
                           .arg(version > Database::latestSchemaVersion()
                                    ? QStringLiteral("it was written by a newer Balcony; copy it with that.")
                                    : QStringLiteral("open it for writing once to upgrade it.")));
    }
    // One moment of the source, even if someone writes to it meanwhile.
    Transaction reading(m_source);
    if (!reading.isActive()) {
        return reading.error();
    }
    if (m_source.isServer()) {
        QSqlQuery snapshot(m_source.sql());
        if (!snapshot.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))) {
            return sql::errorFrom(snapshot.lastError(), QStringLiteral("Reading %1").arg(m_source.path()));
        }
    }

    Transaction writing(m_target);
    if (!writing.isActive()) {
        return writing.error();
    }
    tell(QStringLiteral("Creating the region's tables in %1").arg(m_target.path()));
    if (auto created = migrations::migrate(m_target); !created) {
        return created.error();
    }
    auto tables = dialect::tableNames(m_source);
    auto targetTables = dialect::tableNames(m_target);
    if (!tables || !targetTables) {
        return !tables ? tables.error() : targetTables.error();
    }
    if (*tables != *targetTables) {
        return failure(Error::Kind::Failed,
                       QStringLiteral("%1 does not have the tables of a Balcony region at schema %2, so it "
                                      "cannot be copied. Nothing was copied.")
                           .arg(m_source.path())
                           .arg(version));
    }
    auto order = copyOrder(m_source, *tables);
    if (!order) {
        return order.error();
    }
    // A DCS's working amendment is taken only for a note out for review (migration 15), a status the
    // notes reach when their steps are replayed: it goes last.
    if (order->removeAll(QStringLiteral("dcs_amendment")) > 0) {
        order->append(QStringLiteral("dcs_amendment"));
    }
    std::map<QString, Shape> shapes;
    for (const auto& table : *order) {
        auto shape = shapeOf(m_source, table);
        auto targetShape = shapeOf(m_target, table);
        if (!shape || !targetShape) {
            return !shape ? shape.error() : targetShape.error();
        }
        QStringList theirs = targetShape->columns;
        QStringList ours = shape->columns;
        theirs.sort();
        ours.sort();
        if (ours != theirs) {
            return failure(Error::Kind::Failed,
                           QStringLiteral("Table %1 of %2 does not have the columns of a Balcony region at "
                                          "schema %3. Nothing was copied.")
                               .arg(table, m_source.path())
                               .arg(version));
        }
        shapes.emplace(table, std::move(*shape));
    }

    Summary summary;
    summary.target = m_target.path();
    const QString revisions = QStringLiteral("session_note_revision");
    const QString steps = QStringLiteral("session_note_step");
    const int count = int(order->size());
    int index = 0;
    for (const auto& table : *order) {
        ++index;
        if (table == revisions && shapes.count(steps) != 0) {
            continue; // copied with the steps, below
        }
        Result<qint64> copied = table == steps && shapes.count(revisions) != 0
                                    ? copySessionNoteHistory(shapes.at(revisions), shapes.at(steps))
                                    : copyTable(shapes.at(table));
        if (!copied) {
            return copied.error();
        }
        summary.rows += *copied;
        tell(table == steps && shapes.count(revisions) != 0
                 ? QStringLiteral("Copied %1 and %2 (%3 of %4 tables): %5")
                       .arg(revisions, steps)
                       .arg(index)
                       .arg(count)
                       .arg(rowCount(*copied))
                 : QStringLiteral("Copied %1 (%2 of %3 tables): %4")
                       .arg(table)
                       .arg(index)
                       .arg(count)
                       .arg(rowCount(*copied)));
    }
    index = 0;
    for (const auto& table : *order) {
        ++index;
        if (auto same = compare(shapes.at(table)); !same) {
            return same.error();
        }
        ++summary.tables;
        tell(QStringLiteral("Checked %1 (%2 of %3 tables): the same row by row")
                 .arg(table)
                 .arg(index)
                 .arg(count));
    }
    if (auto saved = writing.commit(); !saved) {
        return saved.error();
    }
    return summary;
}

// The files a region file may have beside it while open.
void removeWithCompanions(const QString& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal", ".lock"}) {
        QFile::remove(path + QLatin1String(suffix));
    }
}

} // namespace

Status checkTarget(const QString& target) {
    auto location = Location::parse(target);
    if (!location) {
        return location.error();
    }
    if (location->isServer()) {
        return {};
    }
    const QString shown = QDir::toNativeSeparators(location->file);
    const QFileInfo info(location->file);
    if (info.exists() || info.isSymLink()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("%1 already exists, and a region is only ever copied into a new file: "
                                      "Balcony does not overwrite it. Choose another name, or move that file "
                                      "away first.")
                           .arg(shown));
    }
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir()) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("The folder %1 for %2 does not exist. Create it first, or choose "
                                      "another folder.")
                           .arg(QDir::toNativeSeparators(folder.absoluteFilePath()), shown));
    }
    return file_access::checkWritable(info.absoluteFilePath(), shown);
}

Result<Summary> copy(Database& source, const QString& target, const Options& options) {
    auto log = logging::get("store");
    if (auto fits = checkTarget(target); !fits) {
        return fits.error();
    }
    if (source.isServer()) {
        // A DCS's or facilitator's login sees part of the region (row-level security): a copy of
        // what it sees would look whole and not be.
        auto who = server::serverRole(source);
        if (!who) {
            return who.error();
        }
        if (who->role == server::Role::Dcs || who->role == server::Role::Facilitator) {
            return failure(Error::Kind::InvalidInput,
                           QStringLiteral("%1 sees only part of the region as %2 (%3), so a copy would be "
                                          "incomplete. Copy it as the region's owner, a project manager or a "
                                          "read-only login. Nothing was copied.")
                               .arg(source.path(), who->login, server::roleName(who->role)));
        }
    }
    const auto location = Location::parse(target);
    if (!location->isServer()) {
        // Written under a temporary name beside the new file, which appears only once whole.
        const QString file = QFileInfo(location->file).absoluteFilePath();
        const QString partial = QFileInfo(file).absolutePath() + QStringLiteral("/.") +
                                QFileInfo(file).fileName() + QStringLiteral(".copying-") +
                                QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
        Result<Summary> copied = [&]() -> Result<Summary> {
            backups::Policy noBackups;
            noBackups.automatic = false;
            auto opened = Database::open(partial, {.create = true, .backups = noBackups, .leaveEmpty = true});
            if (!opened) {
                return opened.error();
            }
            auto made = Copier(source, **opened, options).run();
            if (made) {
                QSqlQuery checkpoint((*opened)->sql());
                checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            }
            return made;
        }();
        if (!copied) {
            removeWithCompanions(partial);
            return copied.error();
        }
        if (!QFile::rename(partial, file)) {
            removeWithCompanions(partial);
            return failure(Error::Kind::Failed,
                           QStringLiteral("The copy could not be given its name %1 (did a file of that name "
                                          "appear meanwhile?). Nothing was kept.")
                               .arg(QDir::toNativeSeparators(file)));
        }
        removeWithCompanions(partial); // an empty journal or lock left beside the temporary name
        copied->target = QDir::toNativeSeparators(file);
        log->info("copied the region of {} into {}: {} tables, {} rows", source.path().toStdString(),
                  file.toStdString(), copied->tables, copied->rows);
        return copied;
    }

    auto opened = Database::open(target, {.create = true, .password = options.password, .leaveEmpty = true});
    if (!opened) {
        return opened.error();
    }
    Database& server = **opened;
    if (server.schemaVersion() != 0) {
        return failure(Error::Kind::Conflict,
                       QStringLiteral("%1 already holds a region; push only into an empty database (one made "
                                      "with CREATE DATABASE and not given to balcony-cli init). Nothing was "
                                      "changed.")
                           .arg(server.path()));
    }
    auto copied = Copier(source, server, options).run();
    if (copied) {
        log->info("copied the region of {} onto {}: {} tables, {} rows", source.path().toStdString(),
                  server.path().toStdString(), copied->tables, copied->rows);
    }
    return copied;
}

} // namespace balcony::region_copy
