#include "engine/day_event.h"

#include "store/database.h"
#include "store/sql.h"
#include "store/transaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <array>
#include <utility>

namespace balcony {
namespace {

constexpr std::array<std::pair<DayEvent::Kind, const char*>, 13> kindKeys{{
    {DayEvent::Kind::Started, "started"},
    {DayEvent::Kind::Paused, "paused"},
    {DayEvent::Kind::Resumed, "resumed"},
    {DayEvent::Kind::Extended, "extended"},
    {DayEvent::Kind::Next, "next"},
    {DayEvent::Kind::Back, "back"},
    {DayEvent::Kind::Jumped, "jumped"},
    {DayEvent::Kind::Finished, "finished"},
    {DayEvent::Kind::CatchUpAccepted, "catch_up_accepted"},
    {DayEvent::Kind::NextTurn, "next_turn"},
    {DayEvent::Kind::SpeakerChanged, "speaker_changed"},
    {DayEvent::Kind::Discarded, "discarded"},
    {DayEvent::Kind::BlockStartCorrected, "block_start_corrected"},
}};

constexpr std::array<std::pair<DayEvent::Talker, const char*>, 3> talkerKeys{{
    {DayEvent::Talker::Nobody, "nobody"},
    {DayEvent::Talker::Presenting, "presenting"},
    {DayEvent::Talker::Visiting, "visiting"},
}};

QString utcText(const QDateTime& at) {
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QByteArray payloadOf(const DayEvent& e) {
    QJsonObject o;
    switch (e.kind) {
    case DayEvent::Kind::Extended:
        o.insert(QStringLiteral("minutes"), e.minutes);
        break;
    case DayEvent::Kind::Jumped:
        o.insert(QStringLiteral("block"), e.block);
        break;
    case DayEvent::Kind::CatchUpAccepted: {
        QJsonObject durations;
        for (const auto& [index, minutes] : e.durations) {
            durations.insert(QString::number(index), minutes);
        }
        o.insert(QStringLiteral("durations"), durations);
        break;
    }
    case DayEvent::Kind::SpeakerChanged:
        o.insert(QStringLiteral("speaker"), toKey(e.talker));
        break;
    case DayEvent::Kind::BlockStartCorrected:
        o.insert(QStringLiteral("started"), utcText(e.startedUtc));
        break;
    default:
        break;
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

void readPayload(DayEvent& e, const QByteArray& payload) {
    const QJsonObject o = QJsonDocument::fromJson(payload).object();
    e.minutes = o.value(QLatin1String("minutes")).toInt();
    e.block = o.value(QLatin1String("block")).toInt(-1);
    const QJsonObject durations = o.value(QLatin1String("durations")).toObject();
    for (auto it = durations.begin(); it != durations.end(); ++it) {
        e.durations[it.key().toInt()] = it.value().toInt();
    }
    e.talker = talkerFromKey(o.value(QLatin1String("speaker")).toString()).value_or(DayEvent::Talker::Nobody);
    if (o.contains(QLatin1String("started"))) {
        e.startedUtc =
            QDateTime::fromString(o.value(QLatin1String("started")).toString(), Qt::ISODateWithMs).toUTC();
    }
}

} // namespace

QString toKey(DayEvent::Kind kind) {
    for (const auto& [k, key] : kindKeys) {
        if (k == kind) {
            return QLatin1String(key);
        }
    }
    return {};
}

std::optional<DayEvent::Kind> dayEventKindFromKey(const QString& key) {
    for (const auto& [k, name] : kindKeys) {
        if (key == QLatin1String(name)) {
            return k;
        }
    }
    return std::nullopt;
}

QString toKey(DayEvent::Talker talker) {
    for (const auto& [t, key] : talkerKeys) {
        if (t == talker) {
            return QLatin1String(key);
        }
    }
    return {};
}

std::optional<DayEvent::Talker> talkerFromKey(const QString& key) {
    for (const auto& [t, name] : talkerKeys) {
        if (key == QLatin1String(name)) {
            return t;
        }
    }
    return std::nullopt;
}

Result<qint64> DayEventLog::append(qint64 groupId, const DayEvent& event) {
    Transaction tx(m_db);
    if (!tx.isActive()) {
        return tx.error();
    }
    auto query = sql::run(
        m_db,
        QStringLiteral(
            "INSERT INTO day_event (group_id, at_utc, kind, payload) VALUES (?, ?, ?, ?) RETURNING id"),
        {groupId, utcText(event.atUtc), toKey(event.kind), QString::fromUtf8(payloadOf(event))});
    if (!query) {
        return query.error();
    }
    if (!query->next()) {
        return failure(Error::Kind::Storage,
                       QStringLiteral("The day's event was not saved in %1; try again.").arg(m_db.path()));
    }
    const qint64 id = query->value(0).toLongLong();
    query->finish();
    if (auto saved = tx.commit(); !saved) {
        return saved.error();
    }
    return id;
}

Result<std::vector<DayEvent>> DayEventLog::load(qint64 groupId) const {
    auto query = sql::run(
        m_db,
        QStringLiteral("SELECT id, at_utc, kind, payload FROM day_event WHERE group_id = ? ORDER BY id"),
        {groupId});
    if (!query) {
        return query.error();
    }
    std::vector<DayEvent> events;
    while (query->next()) {
        const auto kind = dayEventKindFromKey(query->value(2).toString());
        if (!kind) {
            continue;
        }
        DayEvent e;
        e.id = query->value(0).toLongLong();
        e.atUtc = QDateTime::fromString(query->value(1).toString(), Qt::ISODateWithMs).toUTC();
        e.kind = *kind;
        readPayload(e, query->value(3).toString().toUtf8());
        events.push_back(std::move(e));
    }
    return events;
}

Result<int> DayEventLog::count(qint64 groupId) const {
    auto query =
        sql::run(m_db, QStringLiteral("SELECT count(*) FROM day_event WHERE group_id = ?"), {groupId});
    if (!query) {
        return query.error();
    }
    return query->next() ? query->value(0).toInt() : 0;
}

} // namespace balcony
