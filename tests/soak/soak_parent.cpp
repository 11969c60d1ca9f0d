#include "crash_soak.h"
#include "engine/day_event.h"
#include "engine/day_state.h"
#include "engine/group_day.h"
#include "store/sql.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <cstdio>
#include <optional>
#include <random>
#include <vector>

namespace balcony::soak {
namespace {

struct ReportedRevision {
    qint64 item = 0;
    int number = 0;
    bool deleted = false;
    QString tag;
};

struct ReportedEvent {
    qint64 id = 0;
    int block = 0;
    QString status;
};

// What one child said it saved.
struct Reports {
    bool ready = false;
    std::vector<ReportedRevision> revisions;
    std::vector<ReportedEvent> events;
};

void parse(const QByteArray& output, Reports& reports) {
    // A line cut short by the kill was never finished, so it reports nothing.
    const qsizetype end = output.lastIndexOf('\n');
    if (end < 0) {
        return;
    }
    for (const QByteArray& raw : output.left(end).split('\n')) {
        const QList<QByteArray> f = raw.split(' ');
        if (f.value(0) == "READY") {
            reports.ready = true;
        } else if (f.value(0) == "N" && f.size() == 5) {
            reports.revisions.push_back(
                {f[1].toLongLong(), f[2].toInt(), f[3] == "1", QString::fromLatin1(f[4])});
        } else if (f.value(0) == "E" && f.size() == 4) {
            reports.events.push_back({f[1].toLongLong(), f[2].toInt(), QString::fromLatin1(f[3])});
        }
    }
}

struct Tally {
    int kills = 0;
    int lost = 0;
    int corrupt = 0;
    qint64 revisions = 0;
    qint64 events = 0;
};

void complain(const QString& message) {
    std::fprintf(stderr, "soak: %s\n", qPrintable(message));
}

// Every reported revision is present with the text it was saved with.
int countLostRevisions(Database& db, const std::vector<ReportedRevision>& revisions) {
    int lost = 0;
    for (const auto& r : revisions) {
        auto q = sql::run(
            db, QStringLiteral("SELECT body, deleted FROM note_revision WHERE item_id = ? AND number = ?"),
            {r.item, r.number});
        if (!q || !q->next()) {
            complain(QStringLiteral("revision %1 of item %2 is missing").arg(r.number).arg(r.item));
            ++lost;
        } else if ((q->value(1).toInt() != 0) != r.deleted ||
                   (!r.deleted && q->value(0).toString() != soakText(r.tag))) {
            complain(QStringLiteral("revision %1 of item %2 does not hold what was saved")
                         .arg(r.number)
                         .arg(r.item));
            ++lost;
        }
    }
    return lost;
}

// Damage that integrity_check cannot see: an item without its first revision (half a capture).
bool notesAreWhole(Database& db) {
    auto q = sql::run(db, QStringLiteral("SELECT count(*) FROM note_item i WHERE NOT EXISTS (SELECT 1 FROM "
                                         "note_revision r WHERE r.item_id = i.id AND r.number = 1)"));
    return q && q->next() && q->value(0).toInt() == 0;
}

bool integrityOk(Database& db) {
    auto q = sql::run(db, QStringLiteral("PRAGMA integrity_check"));
    if (!q || !q->next()) {
        return false;
    }
    const QString verdict = q->value(0).toString();
    if (verdict != QStringLiteral("ok")) {
        complain(QStringLiteral("integrity_check: %1").arg(verdict));
    }
    return verdict == QStringLiteral("ok");
}

// The log holds every reported event, replays to the state the child saw after its last one, and
// replays to a state inside the timetable now.
int countLostEvents(Database& db, const std::vector<ReportedEvent>& reported, bool& valid) {
    valid = false;
    auto day = loadGroupDay(db, cycleName, groupLabel);
    if (!day) {
        complain(day.message());
        return 0;
    }
    auto log = DayEventLog(db).load(day->group.id);
    if (!log) {
        complain(log.message());
        return 0;
    }
    QHash<qint64, std::size_t> position;
    for (std::size_t i = 0; i < log->size(); ++i) {
        position.insert((*log)[i].id, i);
    }
    int lost = 0;
    for (const auto& e : reported) {
        if (!position.contains(e.id)) {
            complain(QStringLiteral("day event %1 is missing").arg(e.id));
            ++lost;
        }
    }
    const auto blocks = static_cast<int>(day->plan.timetable.blocks.size());
    const DayState now = computeDayState(day->plan, *log, QDateTime::currentDateTimeUtc());
    valid = now.blockIndex >= 0 && now.blockIndex < blocks &&
            now.blocks.size() == day->plan.timetable.blocks.size();
    if (!reported.empty() && position.contains(reported.back().id)) {
        const auto& last = reported.back();
        const std::vector<DayEvent> prefix(log->begin(),
                                           log->begin() + static_cast<std::ptrdiff_t>(position[last.id]) + 1);
        const DayState then = computeDayState(day->plan, prefix, prefix.back().atUtc);
        if (then.blockIndex != last.block || toKey(then.status) != last.status) {
            complain(QStringLiteral("the log replays to block %1 (%2), the child saw block %3 (%4)")
                         .arg(then.blockIndex)
                         .arg(toKey(then.status), QString::number(last.block), last.status));
            valid = false;
        }
    }
    return lost;
}

// Opens the file after a kill and checks it; adds to the tally.
void check(const QString& path, const Reports& reports, Tally& tally) {
    auto db = Database::open(path);
    if (!db) {
        complain(db.message());
        ++tally.corrupt;
        return;
    }
    if (!integrityOk(**db) || !notesAreWhole(**db)) {
        ++tally.corrupt;
        return;
    }
    tally.lost += countLostRevisions(**db, reports.revisions);
    bool replays = false;
    tally.lost += countLostEvents(**db, reports.events, replays);
    if (!replays) {
        ++tally.corrupt;
    }
}

// Runs one child and kills it; false when it stopped by itself or never started.
bool killOneChild(const QString& program, const QString& path, std::uint64_t childSeed,
                  std::mt19937_64& random, int maxDelayMs, Reports& reports) {
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(program, {QStringLiteral("--child"), QStringLiteral("--db"), path, QStringLiteral("--seed"),
                          QString::number(childSeed)});
    if (!child.waitForStarted(10000)) {
        complain(QStringLiteral("could not start %1: %2").arg(program, child.errorString()));
        return false;
    }
    // One kill in ten lands while the child is still opening the database and loading the day.
    const bool early = random() % 10 == 0;
    const qint64 delay = static_cast<qint64>(random() % static_cast<std::uint64_t>(early ? 40 : maxDelayMs));
    QByteArray output;
    QElapsedTimer sinceReady;
    QElapsedTimer sinceStart;
    sinceStart.start();
    if (early) {
        sinceReady.start();
    }
    while (child.state() == QProcess::Running) {
        if (!sinceReady.isValid()) {
            if (output.contains("READY\n")) {
                sinceReady.start();
                continue;
            }
            if (sinceStart.elapsed() > 60000) {
                complain(QStringLiteral("the child was not ready after a minute"));
                break;
            }
            child.waitForReadyRead(50);
        } else {
            const qint64 left = delay - sinceReady.elapsed();
            if (left <= 0) {
                break;
            }
            child.waitForReadyRead(static_cast<int>(left));
        }
        output += child.readAllStandardOutput();
    }
    const bool stillRunning = child.state() == QProcess::Running;
    child.kill(); // SIGKILL
    child.waitForFinished(30000);
    output += child.readAllStandardOutput();
    parse(output, reports);
    if (!stillRunning) {
        complain(QStringLiteral("the child stopped by itself (exit code %1)").arg(child.exitCode()));
        return false;
    }
    return true;
}

} // namespace

int runParent(const QString& program, const ParentOptions& options) {
    QTemporaryDir temporary;
    const QString folder = options.folder.isEmpty() ? temporary.path() : options.folder;
    if (!QDir().mkpath(folder)) {
        complain(QStringLiteral("cannot create %1").arg(folder));
        return 3;
    }
    std::mt19937_64 random(options.seed);
    Tally tally;
    bool childFailed = false;
    QString path;
    std::vector<ReportedRevision> fileRevisions; // everything reported on the current file
    for (int kill = 0; kill < options.kills; ++kill) {
        if (kill % options.killsPerFile == 0) {
            // Before moving on, everything reported on the previous file must still be there.
            if (!path.isEmpty()) {
                auto db = Database::open(path);
                tally.lost +=
                    db ? countLostRevisions(**db, fileRevisions) : static_cast<int>(fileRevisions.size());
            }
            fileRevisions.clear();
            path = QDir(folder).filePath(QStringLiteral("soak-%1.balcony").arg(kill / options.killsPerFile));
            QFile::remove(path);
            QString error;
            if (!createRegion(path, error)) {
                complain(error);
                return 3;
            }
        }
        Reports reports;
        if (!killOneChild(program, path, options.seed * 1000003 + static_cast<std::uint64_t>(kill), random,
                          options.maxDelayMs, reports)) {
            childFailed = true;
        }
        ++tally.kills;
        tally.revisions += static_cast<qint64>(reports.revisions.size());
        tally.events += static_cast<qint64>(reports.events.size());
        check(path, reports, tally);
        fileRevisions.insert(fileRevisions.end(), reports.revisions.begin(), reports.revisions.end());
        if (childFailed) {
            break;
        }
    }
    if (auto db = Database::open(path)) {
        tally.lost += countLostRevisions(**db, fileRevisions);
    } else {
        ++tally.corrupt;
    }
    std::fprintf(stderr, "soak: %lld note revisions and %lld day events reported saved\n",
                 static_cast<long long>(tally.revisions), static_cast<long long>(tally.events));
    std::printf("kills: %d, lost: %d, corrupt: %d\n", tally.kills, tally.lost, tally.corrupt);
    return tally.lost == 0 && tally.corrupt == 0 && !childFailed ? 0 : 1;
}

} // namespace balcony::soak
