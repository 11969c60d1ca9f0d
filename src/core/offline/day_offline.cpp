#include "offline/day_offline.h"

#include "engine/clock.h"
#include "engine/group_day.h"
#include "store/database.h"
#include "store/location.h"
#include "store/sql.h"
#include "store/transaction.h"
#include "support/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlRecord>
#include <QUuid>
#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace balcony::offline {

namespace {

QString utcText(const QDateTime& at) {
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QString count(qsizetype n, const char* one, const char* many) {
    return QStringLiteral("%1 %2").arg(n).arg(QString::fromLatin1(n == 1 ? one : many));
}

// Copies the rows of table that where selects in from into the same table of to, column by column by
// name, keeping their ids (the file keeps the region's ids, so its references hold as they are).
Result<int> copyRows(Database& from, Database& to, const QString& table, const QString& where,
                     std::initializer_list<QVariant> bindings) {
    auto rows = sql::run(from, QStringLiteral("SELECT * FROM %1%2").arg(table, where), bindings);
    if (!rows) {
        return rows.error();
    }
    QSqlQuery insert(to.sql());
    bool prepared = false;
    int copied = 0;
    while (rows->next()) {
        const QSqlRecord record = rows->record();
        if (!prepared) {
            QStringList columns;
            QStringList marks;
            for (int i = 0; i < record.count(); ++i) {
                columns << record.fieldName(i);
                marks << QStringLiteral("?");
            }
            if (!insert.prepare(
                    QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                        .arg(table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))))) {
                return sql::errorFrom(to, insert.lastError(), QStringLiteral("Writing %1").arg(to.path()));
            }
            prepared = true;
        }
        for (int i = 0; i < record.count(); ++i) {
            insert.bindValue(i, record.value(i));
        }
        if (!insert.exec()) {
            return sql::errorFrom(to, insert.lastError(), QStringLiteral("Writing %1").arg(to.path()));
        }
        ++copied;
    }
    return copied;
}

Result<qint64> maxId(Database& db, const QString& statement, qint64 groupId) {
    auto query = sql::run(db, statement, {groupId});
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toLongLong() : 0;
}

// A group's day question answers (migration 7), as a set of keys with values, so that two of them
// can be compared answer by answer.
struct DayAnswers {
    std::map<qint64, QStringList> focus;               // by LA: its themes in order
    std::map<std::pair<qint64, QString>, int> ratings; // by LA and question
    std::map<QString, QString> plenary;                // by question

    QJsonObject toJson() const {
        QJsonArray f;
        for (const auto& [la, themes] : focus) {
            f.append(QJsonObject{{QStringLiteral("la"), la},
                                 {QStringLiteral("themes"), QJsonArray::fromStringList(themes)}});
        }
        QJsonArray r;
        for (const auto& [key, rating] : ratings) {
            r.append(QJsonObject{{QStringLiteral("la"), key.first},
                                 {QStringLiteral("question"), key.second},
                                 {QStringLiteral("rating"), rating}});
        }
        QJsonArray p;
        for (const auto& [question, answer] : plenary) {
            p.append(QJsonObject{{QStringLiteral("question"), question}, {QStringLiteral("answer"), answer}});
        }
        return {{QStringLiteral("focus"), f}, {QStringLiteral("ratings"), r}, {QStringLiteral("plenary"), p}};
    }

    static DayAnswers fromJson(const QJsonObject& o) {
        DayAnswers a;
        for (const auto& v : o.value(QLatin1String("focus")).toArray()) {
            const QJsonObject f = v.toObject();
            QStringList themes;
            for (const auto& t : f.value(QLatin1String("themes")).toArray()) {
                themes << t.toString();
            }
            a.focus[f.value(QLatin1String("la")).toInteger()] = themes;
        }
        for (const auto& v : o.value(QLatin1String("ratings")).toArray()) {
            const QJsonObject r = v.toObject();
            a.ratings[{r.value(QLatin1String("la")).toInteger(),
                       r.value(QLatin1String("question")).toString()}] =
                r.value(QLatin1String("rating")).toInt();
        }
        for (const auto& v : o.value(QLatin1String("plenary")).toArray()) {
            const QJsonObject p = v.toObject();
            a.plenary[p.value(QLatin1String("question")).toString()] =
                p.value(QLatin1String("answer")).toString();
        }
        return a;
    }
};

Result<DayAnswers> readAnswers(Database& db, qint64 groupId) {
    DayAnswers a;
    auto focus = sql::run(db,
                          QStringLiteral("SELECT authority_id, theme FROM question_focus WHERE group_id = ? "
                                         "ORDER BY authority_id, position"),
                          {groupId});
    if (!focus) {
        return focus.error();
    }
    while (focus->next()) {
        a.focus[focus->value(0).toLongLong()] << focus->value(1).toString();
    }
    auto ratings = sql::run(
        db, QStringLiteral("SELECT authority_id, question, rating FROM question_rating WHERE group_id = ?"),
        {groupId});
    if (!ratings) {
        return ratings.error();
    }
    while (ratings->next()) {
        a.ratings[{ratings->value(0).toLongLong(), ratings->value(1).toString()}] = ratings->value(2).toInt();
    }
    auto plenary = sql::run(
        db, QStringLiteral("SELECT question, answer FROM plenary_answer WHERE group_id = ?"), {groupId});
    if (!plenary) {
        return plenary.error();
    }
    while (plenary->next()) {
        a.plenary[plenary->value(0).toString()] = plenary->value(1).toString();
    }
    return a;
}

// The keys whose value differs between before and after (present in one only, or changed).
template <typename Key, typename Value>
std::vector<Key> changedKeys(const std::map<Key, Value>& before, const std::map<Key, Value>& after) {
    std::vector<Key> keys;
    for (const auto& [key, value] : after) {
        const auto it = before.find(key);
        if (it == before.end() || it->second != value) {
            keys.push_back(key);
        }
    }
    for (const auto& [key, value] : before) {
        if (after.find(key) == after.end()) {
            keys.push_back(key);
        }
    }
    return keys;
}

struct Revision {
    qint64 id = 0;
    qint64 itemId = 0;
    QVariant savedAt, kind, theme, blockIndex, body, deleted, working;
};

const QString revisionColumns = QStringLiteral(
    "r.id, r.item_id, r.saved_at_utc, r.kind, r.theme, r.block_index, r.body, r.deleted, r.working");

Revision revisionFrom(const QSqlQuery& q) {
    return {q.value(0).toLongLong(),
            q.value(1).toLongLong(),
            q.value(2),
            q.value(3),
            q.value(4),
            q.value(5),
            q.value(6),
            q.value(7),
            q.value(8)};
}

bool sameContent(const Revision& a, const Revision& b) {
    return a.body.toString() == b.body.toString() && a.theme.toString() == b.theme.toString() &&
           a.kind.toString() == b.kind.toString() && a.blockIndex.isNull() == b.blockIndex.isNull() &&
           a.blockIndex.toInt() == b.blockIndex.toInt() && a.working.toInt() == b.working.toInt();
}

QJsonObject revisionJson(const Revision& r) {
    return {
        {QStringLiteral("id"), r.id},
        {QStringLiteral("body"), r.body.toString()},
        {QStringLiteral("theme"), r.theme.toString()},
        {QStringLiteral("kind"), r.kind.toString()},
        {QStringLiteral("block"), r.blockIndex.isNull() ? QJsonValue() : QJsonValue(r.blockIndex.toInt())},
        {QStringLiteral("working"), r.working.toInt()}};
}

Revision revisionFromJson(const QJsonObject& o) {
    Revision r;
    r.id = o.value(QLatin1String("id")).toInteger();
    r.body = o.value(QLatin1String("body")).toString();
    r.theme = o.value(QLatin1String("theme")).toString();
    r.kind = o.value(QLatin1String("kind")).toString();
    r.blockIndex = o.value(QLatin1String("block")).isNull()
                       ? QVariant()
                       : QVariant(o.value(QLatin1String("block")).toInt());
    r.working = o.value(QLatin1String("working")).toInt();
    return r;
}

// The file's origin row, with the high-water marks and the answers at checkout.
struct OriginRow {
    CheckoutOrigin origin;
    qint64 lastEventId = 0;
    qint64 lastItemId = 0;
    qint64 lastRevisionId = 0;
    DayAnswers answers;
    std::map<qint64, Revision> working; // the working revisions at checkout, by id
};

Result<OriginRow> readOrigin(Database& file) {
    auto query =
        sql::run(file, QStringLiteral("SELECT checkout_id, source, cycle_name, group_label, group_id, "
                                      "checked_out_at_utc, last_event_id, last_item_id, "
                                      "last_revision_id, at_checkout FROM day_checkout_origin"));
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("%1 is not a day taken offline: it has no record of a checkout. Bring "
                           "back only a file written by \"day checkout\" (File > Take Day Offline).")
                .arg(file.path()));
    }
    OriginRow row;
    row.origin.checkoutId = query->value(0).toString();
    row.origin.source = query->value(1).toString();
    row.origin.cycleName = query->value(2).toString();
    row.origin.groupLabel = query->value(3).toString();
    row.origin.groupId = query->value(4).toLongLong();
    row.origin.checkedOutUtc = QDateTime::fromString(query->value(5).toString(), Qt::ISODateWithMs).toUTC();
    row.lastEventId = query->value(6).toLongLong();
    row.lastItemId = query->value(7).toLongLong();
    row.lastRevisionId = query->value(8).toLongLong();
    const QJsonObject atCheckout = QJsonDocument::fromJson(query->value(9).toString().toUtf8()).object();
    row.answers = DayAnswers::fromJson(atCheckout.value(QLatin1String("answers")).toObject());
    for (const auto& v : atCheckout.value(QLatin1String("working")).toArray()) {
        Revision r = revisionFromJson(v.toObject());
        row.working[r.id] = r;
    }
    return row;
}

// Everything the day added on the file, read before anything is written.
struct Plan {
    OriginRow origin;
    struct Event {
        QVariant at, kind, payload;
    };
    std::vector<Event> events;
    struct Item {
        qint64 id = 0;
        QVariant authorityId, createdAt;
    };
    std::vector<Item> items;
    std::vector<Revision> revisions;      // added on the day, oldest first
    std::vector<Revision> changedWorking; // copied as working and rewritten (or sealed) on the day
    DayAnswers answers;                   // the file's answers now
    std::vector<qint64> focusChanged;
    std::vector<std::pair<qint64, QString>> ratingsChanged;
    std::vector<QString> plenaryChanged;
};

// Checks that the file may come back into source and reads what it adds; writes nothing.
Result<Plan> plan(Database& source, Database& file) {
    auto origin = readOrigin(file);
    if (!origin) {
        return origin.error();
    }
    Plan p;
    p.origin = std::move(*origin);
    const CheckoutOrigin& o = p.origin.origin;
    const QString day = QStringLiteral("Group %1 of %2").arg(o.groupLabel, o.cycleName);

    auto record =
        sql::run(source,
                 QStringLiteral("SELECT k.group_id, k.checked_in_at_utc, k.last_event_id, g.label, c.name "
                                "FROM day_checkout k JOIN review_group g ON g.id = k.group_id "
                                "JOIN cycle c ON c.id = g.cycle_id WHERE k.checkout_id = ?"),
                 {o.checkoutId});
    if (!record) {
        return record.error();
    }
    if (!record->next() || record->value(0).toLongLong() != o.groupId ||
        record->value(3).toString() != o.groupLabel || record->value(4).toString() != o.cycleName) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("%1 was taken offline from %2, and %3 has no record of it. Bring it back "
                           "to the region it came from; nothing was changed.")
                .arg(file.path(), o.source, source.path()));
    }
    if (!record->value(1).isNull()) {
        return failure(
            Error::Kind::Conflict,
            QStringLiteral("%1 was brought back already (%2 UTC); its day is in %3. Nothing was "
                           "changed.")
                .arg(file.path(), record->value(1).toString().left(16).replace(u'T', u' '), source.path()));
    }
    const qint64 lastSourceEvent = record->value(2).toLongLong();
    record->finish();
    auto later = sql::run(
        source, QStringLiteral("SELECT count(*), max(at_utc) FROM day_event WHERE group_id = ? AND id > ?"),
        {o.groupId, lastSourceEvent});
    if (!later) {
        return later.error();
    }
    if (later->next() && later->value(0).toInt() > 0) {
        return failure(
            Error::Kind::Conflict,
            QStringLiteral("%1 was also run on %2 after it was taken offline (%3 there, the last at %4 "
                           "UTC), so the day in %5 cannot be merged with it. Nothing was changed.")
                .arg(day, source.path(), count(later->value(0).toInt(), "event", "events"),
                     later->value(1).toString().left(16).replace(u'T', u' '), file.path()));
    }
    later->finish();

    auto events =
        sql::run(file,
                 QStringLiteral("SELECT at_utc, kind, payload FROM day_event WHERE group_id = ? AND id > ? "
                                "ORDER BY id"),
                 {o.groupId, p.origin.lastEventId});
    if (!events) {
        return events.error();
    }
    while (events->next()) {
        p.events.push_back({events->value(0), events->value(1), events->value(2)});
    }
    auto items = sql::run(file,
                          QStringLiteral("SELECT id, authority_id, created_at_utc FROM note_item "
                                         "WHERE group_id = ? AND id > ? ORDER BY id"),
                          {o.groupId, p.origin.lastItemId});
    if (!items) {
        return items.error();
    }
    while (items->next()) {
        p.items.push_back({items->value(0).toLongLong(), items->value(1), items->value(2)});
    }
    auto revisions =
        sql::run(file,
                 QStringLiteral("SELECT %1 FROM note_revision r JOIN note_item i ON i.id = r.item_id "
                                "WHERE i.group_id = ? ORDER BY r.id")
                     .arg(revisionColumns),
                 {o.groupId});
    if (!revisions) {
        return revisions.error();
    }
    while (revisions->next()) {
        Revision r = revisionFrom(*revisions);
        if (r.id > p.origin.lastRevisionId) {
            p.revisions.push_back(std::move(r));
            continue;
        }
        // A revision that was working at checkout may have been rewritten in place (or sealed) on the
        // day; a sealed one never changes. It keeps its id: compare with the region's.
        const auto before = p.origin.working.find(r.id);
        if (before == p.origin.working.end() || sameContent(before->second, r)) {
            continue;
        }
        auto there = sql::run(
            source, QStringLiteral("SELECT %1 FROM note_revision r WHERE r.id = ?").arg(revisionColumns),
            {r.id});
        if (!there) {
            return there.error();
        }
        if (there->next() && sameContent(revisionFrom(*there), before->second)) {
            p.changedWorking.push_back(std::move(r)); // untouched in the region: rewrite it there too
        } else {
            p.revisions.push_back(std::move(r)); // changed in both: the day's text follows as a new revision
        }
    }
    auto answers = readAnswers(file, o.groupId);
    if (!answers) {
        return answers.error();
    }
    p.answers = std::move(*answers);
    p.focusChanged = changedKeys(p.origin.answers.focus, p.answers.focus);
    p.ratingsChanged = changedKeys(p.origin.answers.ratings, p.answers.ratings);
    p.plenaryChanged = changedKeys(p.origin.answers.plenary, p.answers.plenary);
    return p;
}

CheckinSummary summaryOf(const Plan& p, Database& file) {
    CheckinSummary s;
    s.origin = p.origin.origin;
    s.file = file.path();
    s.events = static_cast<int>(p.events.size());
    s.items = static_cast<int>(p.items.size());
    s.revisions = static_cast<int>(p.revisions.size() + p.changedWorking.size());
    s.answers = static_cast<int>(p.focusChanged.size() + p.ratingsChanged.size() + p.plenaryChanged.size());
    return s;
}

Status addRevision(Database& source, qint64 itemId, const Revision& r) {
    auto next = sql::run(
        source, QStringLiteral("SELECT coalesce(max(number), 0) + 1 FROM note_revision WHERE item_id = ?"),
        {itemId});
    if (!next) {
        return next.error();
    }
    const int number = next->next() ? next->value(0).toInt() : 1;
    next->finish();
    auto added = sql::insertReturningId(
        source,
        QStringLiteral(
            "INSERT INTO note_revision (item_id, number, saved_at_utc, kind, theme, block_index, body, "
            "deleted, working) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {itemId, number, r.savedAt, r.kind, r.theme, r.blockIndex, r.body, r.deleted, r.working});
    if (!added) {
        return added.error();
    }
    return {};
}

Status apply(Database& source, const Plan& p, const Clock& clock) {
    const qint64 groupId = p.origin.origin.groupId;
    for (const auto& e : p.events) {
        auto added = sql::insertReturningId(
            source,
            QStringLiteral("INSERT INTO day_event (group_id, at_utc, kind, payload) VALUES (?, ?, ?, ?)"),
            {groupId, e.at, e.kind, e.payload});
        if (!added) {
            return added.error();
        }
    }
    std::map<qint64, qint64> itemIds; // file's id -> source's
    for (const auto& item : p.items) {
        auto added = sql::insertReturningId(
            source,
            QStringLiteral("INSERT INTO note_item (group_id, authority_id, created_at_utc) VALUES (?, ?, ?)"),
            {groupId, item.authorityId, item.createdAt});
        if (!added) {
            return added.error();
        }
        itemIds[item.id] = *added;
    }
    for (const Revision& r : p.changedWorking) {
        auto rewritten =
            sql::run(source,
                     QStringLiteral("UPDATE note_revision SET saved_at_utc = ?, kind = ?, theme = ?, "
                                    "block_index = ?, body = ?, working = ? WHERE id = ? AND working = 1"),
                     {r.savedAt, r.kind, r.theme, r.blockIndex, r.body, r.working, r.id});
        if (!rewritten) {
            return rewritten.error();
        }
    }
    for (const Revision& r : p.revisions) {
        const auto mapped = itemIds.find(r.itemId);
        if (auto added = addRevision(source, mapped != itemIds.end() ? mapped->second : r.itemId, r);
            !added) {
            return added;
        }
    }
    for (const qint64 la : p.focusChanged) {
        if (auto cleared = sql::run(
                source, QStringLiteral("DELETE FROM question_focus WHERE group_id = ? AND authority_id = ?"),
                {groupId, la});
            !cleared) {
            return cleared.error();
        }
        const auto themes = p.answers.focus.find(la);
        if (themes == p.answers.focus.end()) {
            continue;
        }
        for (int i = 0; i < themes->second.size(); ++i) {
            if (auto added = sql::run(
                    source,
                    QStringLiteral("INSERT INTO question_focus (group_id, authority_id, theme, position) "
                                   "VALUES (?, ?, ?, ?)"),
                    {groupId, la, themes->second.at(i), i});
                !added) {
                return added.error();
            }
        }
    }
    for (const auto& key : p.ratingsChanged) {
        if (auto cleared =
                sql::run(source,
                         QStringLiteral("DELETE FROM question_rating WHERE group_id = ? AND authority_id = ? "
                                        "AND question = ?"),
                         {groupId, key.first, key.second});
            !cleared) {
            return cleared.error();
        }
        if (const auto rating = p.answers.ratings.find(key); rating != p.answers.ratings.end()) {
            if (auto added =
                    sql::run(source,
                             QStringLiteral("INSERT INTO question_rating (group_id, authority_id, question, "
                                            "rating) VALUES (?, ?, ?, ?)"),
                             {groupId, key.first, key.second, rating->second});
                !added) {
                return added.error();
            }
        }
    }
    for (const QString& question : p.plenaryChanged) {
        if (auto cleared = sql::run(
                source, QStringLiteral("DELETE FROM plenary_answer WHERE group_id = ? AND question = ?"),
                {groupId, question});
            !cleared) {
            return cleared.error();
        }
        if (const auto answer = p.answers.plenary.find(question); answer != p.answers.plenary.end()) {
            if (auto added =
                    sql::run(source,
                             QStringLiteral(
                                 "INSERT INTO plenary_answer (group_id, question, answer) VALUES (?, ?, ?)"),
                             {groupId, question, answer->second});
                !added) {
                return added.error();
            }
        }
    }
    auto returned = sql::run(
        source, QStringLiteral("UPDATE day_checkout SET checked_in_at_utc = ? WHERE checkout_id = ?"),
        {utcText(clock.utcNow()), p.origin.origin.checkoutId});
    if (!returned) {
        return returned.error();
    }
    return {};
}

// Removes a file that checkOut made and could not finish.
void removeFile(const QString& path) {
    for (const QString& suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile::remove(path + suffix);
    }
}

} // namespace

QString CheckinSummary::describe() const {
    return QStringLiteral("Group %1 of %2: %3, %4, %5 and %6 from %7.")
        .arg(origin.groupLabel, origin.cycleName, count(events, "day event", "day events"),
             count(items, "new note or captured item", "new notes or captured items"),
             count(revisions, "note revision", "note revisions"),
             count(answers, "changed question answer", "changed question answers"), file);
}

Result<Checkout> checkOut(Database& source, const QString& cycleName, const QString& groupLabel,
                          const QString& file, const Clock& clock) {
    if (Location::looksLikeUrl(file)) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("A day is taken offline into a file on this computer, not to \"%1\"; name a "
                           "new file, such as group-%2.balcony.")
                .arg(file, groupLabel));
    }
    const QString path = QFileInfo(file).absoluteFilePath();
    if (QFileInfo::exists(path)) {
        return failure(
            Error::Kind::Conflict,
            QStringLiteral("%1 exists already; a day is taken offline into a new file. Choose another "
                           "name.")
                .arg(QDir::toNativeSeparators(path)));
    }
    if (source.isReadOnly()) {
        return failure(
            Error::Kind::ReadOnly,
            QStringLiteral("%1 is open read-only, so it cannot record that the day was taken offline.")
                .arg(source.path()));
    }
    auto day = loadGroupDay(source, cycleName, groupLabel);
    if (!day) {
        return day.error();
    }
    const qint64 groupId = day->group.id;
    const qint64 cycleId = day->cycle.id;
    const QDateTime now = clock.utcNow().toUTC();

    Checkout out;
    out.file = path;
    out.origin.checkoutId = QUuid::createUuid().toString(QUuid::Id128);
    out.origin.source = source.path();
    out.origin.cycleName = day->cycle.name;
    out.origin.groupLabel = day->group.label;
    out.origin.groupId = groupId;
    out.origin.checkedOutUtc = now;

    // Read in one transaction on the source, so that what is copied and the marks agree.
    Transaction reading(source);
    if (!reading.isActive()) {
        return reading.error();
    }
    auto lastEvent = maxId(
        source, QStringLiteral("SELECT coalesce(max(id), 0) FROM day_event WHERE group_id = ?"), groupId);
    auto lastItem = maxId(
        source, QStringLiteral("SELECT coalesce(max(id), 0) FROM note_item WHERE group_id = ?"), groupId);
    auto lastRevision =
        maxId(source,
              QStringLiteral(
                  "SELECT coalesce(max(r.id), 0) FROM note_revision r JOIN note_item i ON i.id = r.item_id "
                  "WHERE i.group_id = ?"),
              groupId);
    auto answers = readAnswers(source, groupId);
    auto working =
        sql::run(source,
                 QStringLiteral("SELECT %1 FROM note_revision r JOIN note_item i ON i.id = r.item_id "
                                "WHERE i.group_id = ? AND r.working = 1 ORDER BY r.id")
                     .arg(revisionColumns),
                 {groupId});
    if (!working) {
        return working.error();
    }
    QJsonArray workingAtCheckout;
    while (working->next()) {
        workingAtCheckout.append(revisionJson(revisionFrom(*working)));
    }
    for (const Error* error :
         {lastEvent ? nullptr : &lastEvent.error(), lastItem ? nullptr : &lastItem.error(),
          lastRevision ? nullptr : &lastRevision.error(), answers ? nullptr : &answers.error()}) {
        if (error) {
            return *error;
        }
    }

    Database::Options options;
    options.create = true;
    options.clock = &clock;
    auto opened = Database::open(path, options);
    if (!opened) {
        return opened.error();
    }
    std::unique_ptr<Database> target = std::move(*opened);
    auto written = [&]() -> Status {
        Transaction tx(*target);
        if (!tx.isActive()) {
            return tx.error();
        }
        const QString members = QStringLiteral("(SELECT authority_id FROM group_member WHERE group_id = ?)");
        struct Part {
            QString table;
            QString where;
            int bindings; // 1: the group; 2: the group twice; 3: the cycle, then the group; 0: none
            int* counted = nullptr;
        };
        const std::vector<Part> parts = {
            {QStringLiteral("authority"), QStringLiteral(" WHERE id IN %1 ORDER BY id").arg(members), 1,
             &out.authorities},
            {QStringLiteral("person"),
             QStringLiteral(
                 " WHERE authority_id IN %1 OR id = (SELECT facilitator_id FROM review_group WHERE id = ?) "
                 "ORDER BY id")
                 .arg(members),
             2},
            {QStringLiteral("cycle"), QStringLiteral(" WHERE id = ?"), 4},
            {QStringLiteral("review_group"), QStringLiteral(" WHERE id = ?"), 1},
            {QStringLiteral("group_member"), QStringLiteral(" WHERE group_id = ?"), 1},
            {QStringLiteral("lead_review"), QStringLiteral(" WHERE group_id = ?"), 1},
            {QStringLiteral("self_assessment"),
             QStringLiteral(" WHERE cycle_id = ? AND authority_id IN %1").arg(members), 3},
            {QStringLiteral("day_template"),
             QStringLiteral(" WHERE id = (SELECT template_id FROM group_day_plan WHERE group_id = ?)"), 1},
            {QStringLiteral("group_day_plan"), QStringLiteral(" WHERE group_id = ?"), 1},
            {QStringLiteral("group_block_plan"), QStringLiteral(" WHERE group_id = ?"), 1},
            {QStringLiteral("day_event"), QStringLiteral(" WHERE group_id = ? ORDER BY id"), 1, &out.events},
            {QStringLiteral("note_item"), QStringLiteral(" WHERE group_id = ? ORDER BY id"), 1, &out.items},
            {QStringLiteral("note_revision"),
             QStringLiteral(" WHERE item_id IN (SELECT id FROM note_item WHERE group_id = ?) ORDER BY id"),
             1},
            // The question bank is the region's, shared by every group; it says nothing of an LA.
            {QStringLiteral("question_bank"), QString(), 0},
            {QStringLiteral("question_theme"), QStringLiteral(" ORDER BY id"), 0},
            {QStringLiteral("question"), QStringLiteral(" ORDER BY id"), 0},
            {QStringLiteral("question_focus"), QStringLiteral(" WHERE group_id = ?"), 1},
            {QStringLiteral("question_rating"), QStringLiteral(" WHERE group_id = ?"), 1},
            {QStringLiteral("plenary_answer"), QStringLiteral(" WHERE group_id = ?"), 1},
        };
        for (const Part& part : parts) {
            Result<int> copied = 0;
            switch (part.bindings) {
            case 0:
                copied = copyRows(source, *target, part.table, part.where, {});
                break;
            case 1:
                copied = copyRows(source, *target, part.table, part.where, {groupId});
                break;
            case 2:
                copied = copyRows(source, *target, part.table, part.where, {groupId, groupId});
                break;
            case 3:
                copied = copyRows(source, *target, part.table, part.where, {cycleId, groupId});
                break;
            default:
                copied = copyRows(source, *target, part.table, part.where, {cycleId});
                break;
            }
            if (!copied) {
                return copied.error();
            }
            if (part.counted) {
                *part.counted = *copied;
            }
        }
        auto recorded = sql::run(
            *target,
            QStringLiteral(
                "INSERT INTO day_checkout_origin (checkout_id, source, cycle_name, group_label, group_id, "
                "checked_out_at_utc, last_event_id, last_item_id, last_revision_id, at_checkout) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {out.origin.checkoutId, out.origin.source, out.origin.cycleName, out.origin.groupLabel, groupId,
             utcText(now), *lastEvent, *lastItem, *lastRevision,
             QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("answers"), answers->toJson()},
                                                         {QStringLiteral("working"), workingAtCheckout}})
                                   .toJson(QJsonDocument::Compact))});
        if (!recorded) {
            return recorded.error();
        }
        return tx.commit();
    }();
    target.reset();
    if (!written) {
        removeFile(path);
        return written.error();
    }
    auto recorded =
        sql::run(source,
                 QStringLiteral("INSERT INTO day_checkout (checkout_id, group_id, file, checked_out_at_utc, "
                                "last_event_id) VALUES (?, ?, ?, ?, ?)"),
                 {out.origin.checkoutId, groupId, QDir::toNativeSeparators(path), utcText(now), *lastEvent});
    if (!recorded) {
        removeFile(path);
        return recorded.error();
    }
    if (auto committed = reading.commit(); !committed) {
        removeFile(path);
        return committed.error();
    }
    logging::get("offline")->info("group {} taken offline (checkout {})", groupId,
                                  out.origin.checkoutId.toStdString());
    return out;
}

Result<CheckoutOrigin> originOf(Database& file) {
    auto row = readOrigin(file);
    if (!row) {
        return row.error();
    }
    return row->origin;
}

Result<CheckinSummary> previewCheckIn(Database& source, Database& file) {
    auto p = plan(source, file);
    if (!p) {
        return p.error();
    }
    return summaryOf(*p, file);
}

Result<CheckinSummary> checkIn(Database& source, Database& file, const Clock& clock) {
    if (source.isReadOnly()) {
        return failure(
            Error::Kind::ReadOnly,
            QStringLiteral("%1 is open read-only; a day cannot be brought back into it.").arg(source.path()));
    }
    Transaction tx(source);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto p = plan(source, file);
    if (!p) {
        return p.error();
    }
    if (auto applied = apply(source, *p, clock); !applied) {
        return applied.error();
    }
    if (auto committed = tx.commit(); !committed) {
        return committed.error();
    }
    logging::get("offline")->info("checkout {} brought back: {} events, {} items, {} revisions",
                                  p->origin.origin.checkoutId.toStdString(), p->events.size(),
                                  p->items.size(), p->revisions.size() + p->changedWorking.size());
    return summaryOf(*p, file);
}

} // namespace balcony::offline
