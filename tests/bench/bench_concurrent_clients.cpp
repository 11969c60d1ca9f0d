// Many people editing one region on a PostgreSQL server at once (docs/performance.md, "20 clients on
// one server region"). The parent creates the demo region in the server database it is given, then
// starts CLIENTS copies of itself; each opens its own connection and, for SECONDS, saves session
// notes (SessionNoteStore::save, checked against the row version it read) and rates actions
// (ActionPlanStore::rate, checked the same way), over a few notes and actions so that clients
// collide. A save refused because someone else saved first (Error::Kind::Changed) is a conflict: the
// client reloads and goes on. Every acknowledged save is written to a file; afterwards the parent
// checks that each one is in the database (session note revisions and action ratings are kept as
// history, never overwritten), and prints saves per second, conflicts, the slowest and median save
// and the lost updates (0 when nothing acknowledged was lost). Never passes or fails on time; exits
// 1 when an acknowledged save is missing.
//
//   bench_concurrent_clients DATABASE_URL [CLIENTS] [SECONDS]     (defaults 20 and 60)
//
// DATABASE_URL names an empty database on a server (e.g. postgresql://balcony@/bench?host=DIR from
// tools/test-postgres with a database "bench" created in it).

#include "bench_util.h"
#include "demo/demo_region.h"
#include "engine/clock.h"
#include "notes/session_note_store.h"
#include "outcomes/action_plan.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <vector>

using namespace balcony;
using namespace balcony::outcomes;

using bench::fail;
using bench::need;

namespace {

constexpr int notesShared = 6;   // the notes all clients edit
constexpr int actionsShared = 2; // the actions all clients rate
constexpr int ratePercent = 15;  // of the saves, how many are action ratings

QString idList(const std::vector<qint64>& ids) {
    QStringList parts;
    for (qint64 id : ids) {
        parts << QString::number(id);
    }
    return parts.join(QLatin1Char(','));
}

std::vector<qint64> parseIds(const QString& text) {
    std::vector<qint64> ids;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        ids.push_back(part.toLongLong());
    }
    return ids;
}

double medianOf(std::vector<double> values) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// --client K URL SECONDS NOTE_IDS ACTION_IDS START_MS OUT_FILE
int runClient(const QStringList& args) {
    if (args.size() != 9) {
        fail(QStringLiteral("client: wrong arguments"));
    }
    const int client = args[2].toInt();
    const QString url = args[3];
    const int seconds = args[4].toInt();
    const std::vector<qint64> notes = parseIds(args[5]);
    const std::vector<qint64> actions = parseIds(args[6]);
    const qint64 startMs = args[7].toLongLong();
    const QString outPath = args[8];

    SystemClock clock;
    auto db = need(Database::open(url));
    SessionNoteStore store(*db, clock);
    ActionPlanStore plans(*db, clock);
    const QString author = QStringLiteral("bench client %1").arg(client);

    std::map<qint64, int> noteVersion;
    for (qint64 id : notes) {
        noteVersion[id] = need(store.note(id)).rowVersion;
    }
    std::map<qint64, int> actionVersion;
    for (qint64 id : actions) {
        actionVersion[id] = need(plans.action(id)).rowVersion;
    }

    // Everyone starts together (the parent's time, on the same computer).
    while (clock.utcNow().toMSecsSinceEpoch() < startMs) {
        QThread::msleep(5);
    }

    QRandomGenerator rng(static_cast<quint32>(1000 + client));
    std::vector<double> latencies;
    QJsonArray acked;
    int saves = 0;
    int conflicts = 0;
    int errors = 0;
    int sequence = 0;
    QElapsedTimer run;
    run.start();
    while (run.elapsed() < qint64(seconds) * 1000) {
        ++sequence;
        const QString text = QStringLiteral("client %1 save %2").arg(client).arg(sequence);
        const bool rate = !actions.empty() && int(rng.bounded(100)) < ratePercent;
        QElapsedTimer timer;
        if (!rate) {
            const qint64 id = notes[rng.bounded(quint32(notes.size()))];
            timer.start();
            auto saved = store.save(id, text, author, RevisionOrigin::Edit, noteVersion[id]);
            latencies.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (saved) {
                ++saves;
                noteVersion[id] = saved->rowVersion;
                acked.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("note")},
                                         {QStringLiteral("id"), id},
                                         {QStringLiteral("revision"), saved->revision},
                                         {QStringLiteral("version"), saved->rowVersion},
                                         {QStringLiteral("text"), text}});
                continue;
            }
            if (saved.error().kind == Error::Kind::Changed) {
                ++conflicts;
            } else {
                ++errors;
                std::fprintf(stderr, "client %d: note %lld: %s\n", client, static_cast<long long>(id),
                             qPrintable(saved.message()));
            }
            noteVersion[id] = need(store.note(id)).rowVersion;
        } else {
            const qint64 id = actions[rng.bounded(quint32(actions.size()))];
            const Rag rag = std::array<Rag, 3>{Rag::Red, Rag::Amber, Rag::Green}[rng.bounded(3)];
            timer.start();
            const Status rated = plans.rate(id, rag, text, actionVersion[id]);
            latencies.push_back(double(timer.nsecsElapsed()) / 1e6);
            if (rated) {
                ++saves;
                actionVersion[id] += 1; // rate raises the row version by one
                acked.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("rating")},
                                         {QStringLiteral("id"), id},
                                         {QStringLiteral("version"), actionVersion[id]},
                                         {QStringLiteral("text"), text}});
                continue;
            }
            if (rated.error().kind == Error::Kind::Changed) {
                ++conflicts;
            } else {
                ++errors;
                std::fprintf(stderr, "client %d: action %lld: %s\n", client, static_cast<long long>(id),
                             qPrintable(rated.message()));
            }
            actionVersion[id] = need(plans.action(id)).rowVersion;
        }
    }
    const double seconds_run = double(run.elapsed()) / 1000;

    QJsonArray latencyArray;
    for (double ms : latencies) {
        latencyArray.append(ms);
    }
    QJsonObject summary{{QStringLiteral("client"), client},
                        {QStringLiteral("saves"), saves},
                        {QStringLiteral("conflicts"), conflicts},
                        {QStringLiteral("errors"), errors},
                        {QStringLiteral("seconds"), seconds_run},
                        {QStringLiteral("maxMs"),
                         latencies.empty() ? 0.0 : *std::max_element(latencies.begin(), latencies.end())},
                        {QStringLiteral("medianMs"), medianOf(latencies)}};
    std::printf("%s\n", QJsonDocument(summary).toJson(QJsonDocument::Compact).constData());
    summary.insert(QStringLiteral("acked"), acked);
    summary.insert(QStringLiteral("latencies"), latencyArray);
    QFile out(outPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(summary).toJson()) < 0) {
        fail(QStringLiteral("cannot write %1").arg(outPath));
    }
    return errors == 0 ? 0 : 2;
}

int runParent(const QStringList& args) {
    if (args.size() < 2 || args.size() > 4) {
        std::fprintf(stderr, "usage: bench_concurrent_clients DATABASE_URL [CLIENTS] [SECONDS]\n");
        return 2;
    }
    const QString url = args[1];
    const int clients = args.size() > 2 ? args[2].toInt() : 20;
    const int seconds = args.size() > 3 ? args[3].toInt() : 60;
    if (clients < 1 || seconds < 1) {
        fail(QStringLiteral("CLIENTS and SECONDS must be whole numbers above 0"));
    }

    SystemClock clock;
    Database::Options options;
    options.create = true;
    auto db = need(Database::open(url, options));
    if (!db->isServer()) {
        fail(QStringLiteral("%1 is not a server database").arg(url));
    }
    if (Status made = createDemoRegion(*db); !made) {
        fail(made.message());
    }
    SessionNoteStore store(*db, clock);
    ActionPlanStore plans(*db, clock);

    // Notes that can still be edited (not agreed or shared), and a few actions.
    std::vector<qint64> notes;
    QSqlQuery query(db->sql());
    if (!query.exec(QStringLiteral("SELECT id FROM session_note ORDER BY id"))) {
        fail(QStringLiteral("cannot list the session notes"));
    }
    while (query.next() && int(notes.size()) < notesShared) {
        const qint64 id = query.value(0).toLongLong();
        const SessionNote note = need(store.note(id));
        if (note.status != NoteStatus::Agreed && note.status != NoteStatus::Shared) {
            notes.push_back(id);
        }
    }
    std::vector<qint64> actions;
    if (!query.exec(QStringLiteral("SELECT id FROM plan_action ORDER BY id"))) {
        fail(QStringLiteral("cannot list the actions"));
    }
    while (query.next() && int(actions.size()) < actionsShared) {
        actions.push_back(query.value(0).toLongLong());
    }
    if (notes.empty()) {
        fail(QStringLiteral("the demo region has no note to edit"));
    }
    std::map<qint64, int> revisionsBefore;
    for (qint64 id : notes) {
        revisionsBefore[id] = need(store.note(id)).latestRevision;
    }
    std::map<qint64, std::size_t> ratingsBefore;
    for (qint64 id : actions) {
        ratingsBefore[id] = need(plans.ratings(id)).size();
    }
    std::printf("%d clients for %d s over %zu notes and %zu actions of %s\n", clients, seconds, notes.size(),
                actions.size(), qPrintable(db->path()));
    std::fflush(stdout);

    QTemporaryDir dir;
    if (!dir.isValid()) {
        fail(QStringLiteral("cannot make a temporary folder"));
    }
    const qint64 startMs = clock.utcNow().toMSecsSinceEpoch() + 2000 + 100 * clients;
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int k = 1; k <= clients; ++k) {
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::ForwardedChannels);
        process->start(QCoreApplication::applicationFilePath(),
                       {QStringLiteral("--client"), QString::number(k), url, QString::number(seconds),
                        idList(notes), idList(actions), QString::number(startMs),
                        dir.filePath(QStringLiteral("client-%1.json").arg(k))});
        if (!process->waitForStarted()) {
            fail(QStringLiteral("cannot start client %1").arg(k));
        }
        processes.push_back(std::move(process));
    }
    int failedClients = 0;
    for (auto& process : processes) {
        if (!process->waitForFinished((seconds + 120) * 1000) ||
            process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0) {
            ++failedClients;
        }
    }

    // What the clients were told was saved.
    int saves = 0;
    int conflicts = 0;
    int errors = 0;
    double longestRun = 0;
    std::vector<double> latencies;
    std::vector<QJsonObject> acked;
    for (int k = 1; k <= clients; ++k) {
        QFile in(dir.filePath(QStringLiteral("client-%1.json").arg(k)));
        if (!in.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "client %d wrote no results\n", k);
            ++failedClients;
            continue;
        }
        const QJsonObject result = QJsonDocument::fromJson(in.readAll()).object();
        saves += result.value(QStringLiteral("saves")).toInt();
        conflicts += result.value(QStringLiteral("conflicts")).toInt();
        errors += result.value(QStringLiteral("errors")).toInt();
        longestRun = std::max(longestRun, result.value(QStringLiteral("seconds")).toDouble());
        for (const QJsonValue& ms : result.value(QStringLiteral("latencies")).toArray()) {
            latencies.push_back(ms.toDouble());
        }
        for (const QJsonValue& save : result.value(QStringLiteral("acked")).toArray()) {
            acked.push_back(save.toObject());
        }
    }

    // Each acknowledged save must be in the database: a note save as the revision it was given (and
    // no two acknowledged saves given the same revision), a rating among the action's ratings.
    std::map<qint64, std::map<int, QString>> revisions;
    for (qint64 id : notes) {
        for (const SessionNoteRevision& revision : need(store.revisions(id))) {
            revisions[id][revision.number] = revision.body;
        }
    }
    std::map<qint64, std::set<QString>> ratings;
    std::map<qint64, std::size_t> ratingsAfter;
    for (qint64 id : actions) {
        const std::vector<RagRating> all = need(plans.ratings(id));
        ratingsAfter[id] = all.size();
        for (const RagRating& rating : all) {
            ratings[id].insert(rating.reason);
        }
    }
    int lost = 0;
    std::set<std::pair<qint64, int>> revisionsClaimed;
    std::size_t noteSaves = 0;
    std::size_t ratingSaves = 0;
    for (const QJsonObject& save : acked) {
        const qint64 id = save.value(QStringLiteral("id")).toInteger();
        const QString text = save.value(QStringLiteral("text")).toString();
        if (save.value(QStringLiteral("kind")).toString() == QLatin1String("note")) {
            ++noteSaves;
            const int number = save.value(QStringLiteral("revision")).toInt();
            const auto found = revisions[id].find(number);
            if (found == revisions[id].end() || found->second != text ||
                !revisionsClaimed.insert({id, number}).second) {
                ++lost;
            }
        } else {
            ++ratingSaves;
            if (ratings[id].count(text) == 0) {
                ++lost;
            }
        }
    }
    // And nothing is there that no client was told was saved.
    std::size_t revisionsAdded = 0;
    for (qint64 id : notes) {
        revisionsAdded += std::size_t(need(store.note(id)).latestRevision - revisionsBefore[id]);
    }
    std::size_t ratingsAdded = 0;
    for (qint64 id : actions) {
        ratingsAdded += ratingsAfter[id] - ratingsBefore[id];
    }

    const double slowest = latencies.empty() ? 0.0 : *std::max_element(latencies.begin(), latencies.end());
    std::printf("\n| what | figure |\n|---|---|\n");
    std::printf("| clients x seconds | %d x %d (longest client run %.1f s) |\n", clients, seconds,
                longestRun);
    std::printf("| acknowledged saves | %d (%zu note revisions, %zu action ratings) |\n", saves, noteSaves,
                ratingSaves);
    std::printf("| saves per second, all clients | %.1f |\n", double(saves) / longestRun);
    std::printf("| conflicts refused (Changed) | %d |\n", conflicts);
    std::printf("| other errors | %d |\n", errors);
    std::printf("| save attempts timed | %zu |\n", latencies.size());
    std::printf("| slowest save | %.1f ms |\n", slowest);
    std::printf("| median save | %.1f ms |\n", medianOf(latencies));
    std::printf("| rows added / acknowledged | %zu / %zu revisions, %zu / %zu ratings |\n", revisionsAdded,
                noteSaves, ratingsAdded, ratingSaves);
    std::printf("| lost updates | %d |\n", lost);
    if (failedClients > 0) {
        std::fprintf(stderr, "%d clients failed\n", failedClients);
    }
    return lost == 0 && failedClients == 0 && revisionsAdded == noteSaves && ratingsAdded == ratingSaves ? 0
                                                                                                         : 1;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() > 1 && args[1] == QLatin1String("--client")) {
        return runClient(args);
    }
    return runParent(args);
}
