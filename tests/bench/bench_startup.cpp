#include "bench_region.h"
#include "bench_util.h"
#include "demo/demo_region.h"
#include "domain/self_assessment_store.h"
#include "store/region_copy.h"
#include "store/transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <chrono>
#include <random>

// Start-up time of the desktop program, from spawning the process to the first paint of its main
// window with the region loaded, against a bare Qt Widgets window built in the same run:
//
//   bench_startup [--runs N] [--platform offscreen|xcb] [--balcony PATH] [--bare PATH] [--dir NEW_FOLDER]
//                 [--db postgresql://USER@HOST/EMPTY_DATABASE]
//
// Builds a national-size region once (150 LAs with DCS, chief executive and lead member, 10 cycles
// of 43 groups with lead reviewers, a self-assessment per LA and cycle) and the demo region, then
// runs, alternating, N times each: bench_bare_window, balcony on the demo region and balcony on
// the national region, all with --exit-after-first-paint. The child prints the monotonic clock at
// its first paint; the parent subtracts the clock read just before spawning. Spawn to exit is
// measured with QElapsedTimer in the parent. One discarded warm-up round comes first. Settings,
// logs and caches go to a temporary XDG home, so the user's own settings play no part. With --db, the
// national region is also pushed (region_copy) into that empty server database, and balcony on it
// is a fourth subject.
using namespace balcony;
using namespace balcony::bench;

namespace {

constexpr int authorityCount = 150;
constexpr int cycleCount = 10;

void check(const Status& status) {
    if (!status) {
        fail(status.message());
    }
}

// 150 LAs in groups of 4 then 3 (21 quartets and 22 triads: 43 groups), shuffled per cycle, each
// member led by the next one in its group.
void createNationalRegion(const QString& path) {
    auto db = need(Database::open(path, {.create = true}));
    RosterStore roster(*db);
    ScheduleStore schedule(*db);
    SelfAssessmentStore assessments(*db);
    Transaction tx(*db);
    if (!tx.isActive()) {
        fail(tx.error().message);
    }
    std::vector<qint64> authorities;
    for (int i = 0; i < authorityCount; ++i) {
        const QString name = QStringLiteral("Authority %1").arg(i + 1, 3, 10, QLatin1Char('0'));
        const qint64 id = need(roster.addAuthority(name));
        const QString domain = QStringLiteral("la%1.example.org").arg(i + 1);
        need(roster.setPostHolder(id, Role::Dcs, QStringLiteral("DCS of ") + name,
                                  QStringLiteral("dcs@") + domain));
        need(roster.setPostHolder(id, Role::ChiefExecutive, QStringLiteral("Chief executive of ") + name,
                                  QStringLiteral("ceo@") + domain));
        need(roster.setPostHolder(id, Role::LeadMember, QStringLiteral("Lead member of ") + name,
                                  QStringLiteral("member@") + domain));
        authorities.push_back(id);
    }
    std::vector<qint64> facilitators;
    for (int i = 0; i < 8; ++i) {
        facilitators.push_back(need(
            roster.ensureUnattachedPerson(QStringLiteral("Facilitator %1").arg(i + 1), Role::Facilitator)));
    }
    std::mt19937 random(2026);
    const QDate today = QDate::currentDate();
    const int lastStartYear = today.month() >= 9 ? today.year() : today.year() - 1;
    for (int c = 0; c < cycleCount; ++c) {
        const int year = lastStartYear - (cycleCount - 1) + c;
        Cycle cycle;
        cycle.name = QStringLiteral("%1-%2").arg(year).arg(year + 1);
        cycle.firstDay = QDate(year, 9, 1);
        cycle.lastDay = QDate(year + 1, 3, 31);
        const qint64 cycleId = need(schedule.addCycle(cycle));
        std::shuffle(authorities.begin(), authorities.end(), random);
        std::size_t next = 0;
        for (int g = 0; next < authorities.size(); ++g) {
            const std::size_t size = g < 21 ? 4 : 3;
            Group group;
            group.cycleId = cycleId;
            group.label = QString::number(g + 1);
            group.date = cycle.firstDay.addDays(4 * g + 7);
            group.mode = g % 3 == 0 ? Mode::Virtual : Mode::InPerson;
            group.venue = group.mode == Mode::Virtual ? QStringLiteral("Microsoft Teams")
                                                      : QStringLiteral("Venue %1").arg(g + 1);
            group.facilitatorId = facilitators[static_cast<std::size_t>(g) % facilitators.size()];
            for (std::size_t m = 0; m < size; ++m) {
                group.members.push_back({authorities[next + m], authorities[next + (m + 1) % size]});
            }
            next += size;
            need(schedule.addGroup(group));
            // Past cycles are done; the current one is in every state.
            for (const GroupMember& member : group.members) {
                const auto status =
                    c + 1 < cycleCount ? SaStatus::Distributed : static_cast<SaStatus>(random() % 5);
                if (status != SaStatus::NotStarted) {
                    check(
                        assessments.setStatus(cycleId, member.authorityId, status, group.date.addDays(-20)));
                }
            }
        }
    }
    if (auto committed = tx.commit(); !committed) {
        fail(committed.message());
    }
}

void createDemo(const QString& path) {
    auto db = need(Database::open(path, {.create = true}));
    if (auto created = createDemoRegion(*db); !created) {
        fail(created.message());
    }
}

struct Subject {
    const char* name;
    QString program;
    QStringList arguments;
    std::vector<double> paintMs;
    std::vector<double> exitMs;
    std::vector<std::pair<QByteArray, std::vector<double>>> phaseMs; // balcony's startup-phase lines
};

void runOnce(Subject& subject, const QProcessEnvironment& environment, bool keep) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProgram(subject.program);
    process.setArguments(subject.arguments);
    const auto spawned = std::chrono::steady_clock::now();
    QElapsedTimer timer;
    timer.start();
    process.start();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        process.kill();
        process.waitForFinished();
        fail(QStringLiteral("%1 did not exit 0 after its first paint: %2")
                 .arg(QString::fromUtf8(subject.name),
                      QString::fromLocal8Bit(process.readAllStandardError()).trimmed()));
    }
    const qint64 exitNs = timer.nsecsElapsed();
    const auto spawnNs = std::chrono::nanoseconds(spawned.time_since_epoch()).count();
    const QByteArray marker("first-paint-steady-ns ");
    const QByteArray phaseMarker("startup-phase ");
    qint64 paintedAt = 0;
    for (const QByteArray& line : process.readAllStandardOutput().split('\n')) {
        if (line.startsWith(marker)) {
            paintedAt = line.mid(marker.size()).trimmed().toLongLong();
        } else if (line.startsWith(phaseMarker) && keep) {
            const QList<QByteArray> parts = line.mid(phaseMarker.size()).trimmed().split(' ');
            if (parts.size() == 2) {
                auto found = std::find_if(subject.phaseMs.begin(), subject.phaseMs.end(),
                                          [&](const auto& phase) { return phase.first == parts[0]; });
                if (found == subject.phaseMs.end()) {
                    found = subject.phaseMs.insert(subject.phaseMs.end(), {parts[0], {}});
                }
                found->second.push_back(static_cast<double>(parts[1].toLongLong() - spawnNs) / 1e6);
            }
        }
    }
    if (paintedAt == 0) {
        fail(QStringLiteral("%1 printed no first-paint time").arg(QString::fromUtf8(subject.name)));
    }
    if (keep) {
        subject.paintMs.push_back(static_cast<double>(paintedAt - spawnNs) / 1e6);
        subject.exitMs.push_back(static_cast<double>(exitNs) / 1e6);
    }
}

Timing summarise(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.front(), ms.back(), static_cast<int>(ms.size())};
}

QString siblingProgram(const char* built, const QString& name) {
    const QString path = QString::fromUtf8(built);
    if (!path.isEmpty() && QFileInfo::exists(path)) {
        return path;
    }
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

[[noreturn]] void usage() {
    std::fprintf(stderr, "usage: bench_startup [--runs N] [--platform offscreen|xcb] [--balcony PATH] "
                         "[--bare PATH] [--dir NEW_FOLDER] [--db postgresql://...]\n");
    std::exit(2);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int runs = 15;
    QString platform = QStringLiteral("offscreen");
    QString keepFolder;
    QString server; // an empty PostgreSQL database for the national region, or none
    QString balconyProgram = siblingProgram(BALCONY_BENCH_BALCONY, QStringLiteral("balcony"));
    QString bareProgram = siblingProgram(BALCONY_BENCH_BARE, QStringLiteral("bench_bare_window"));
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (i + 1 >= args.size()) {
            usage();
        }
        const QString& value = args[i + 1];
        if (args[i] == u"--runs") {
            runs = value.toInt();
        } else if (args[i] == u"--platform") {
            platform = value;
        } else if (args[i] == u"--balcony") {
            balconyProgram = value;
        } else if (args[i] == u"--bare") {
            bareProgram = value;
        } else if (args[i] == u"--dir") {
            keepFolder = value;
        } else if (args[i] == u"--db") {
            server = value;
        } else {
            usage();
        }
        ++i;
    }
    if (runs < 1) {
        usage();
    }

    QTemporaryDir temporary;
    temporary.setAutoRemove(keepFolder.isEmpty());
    if (!temporary.isValid()) {
        fail(QStringLiteral("no temporary folder"));
    }
    // With --dir the databases and the XDG home stay there to look at (or to profile one run).
    const QDir dir(keepFolder.isEmpty() ? temporary.path() : keepFolder);
    if (!keepFolder.isEmpty() && (dir.exists() || !QDir().mkpath(keepFolder))) {
        fail(QStringLiteral("--dir needs a folder that does not exist yet"));
    }
    const QString demoPath = dir.filePath(QStringLiteral("demo.sqlite"));
    const QString nationalPath = dir.filePath(QStringLiteral("national.sqlite"));
    createDemo(demoPath);
    QElapsedTimer built;
    built.start();
    createNationalRegion(nationalPath);
    std::printf("national region: %d LAs, %d cycles, built in %lld ms, %lld KiB\n", authorityCount,
                cycleCount, static_cast<long long>(built.elapsed()),
                static_cast<long long>(QFileInfo(nationalPath).size() / 1024));

    if (!server.isEmpty()) {
        QElapsedTimer pushed;
        pushed.start();
        auto national = need(Database::open(nationalPath, {.readOnly = true}));
        const auto copied = need(region_copy::copy(*national, server));
        std::printf("national region pushed to %s in %lld ms (%lld rows, checked)\n",
                    qPrintable(copied.target), static_cast<long long>(pushed.elapsed()),
                    static_cast<long long>(copied.rows));
    }

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    for (const char* xdg : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        const QString folder = dir.filePath(QString::fromUtf8(xdg).toLower());
        QDir().mkpath(folder);
        environment.insert(QString::fromUtf8(xdg), folder);
    }
    environment.remove(QStringLiteral("BALCONY_DB"));

    const QString paintFlag = QStringLiteral("--exit-after-first-paint");
    const QString dbFlag = QStringLiteral("--db");
    std::vector<Subject> subjects{
        {"bare Qt Widgets window (bench_bare_window)", bareProgram, {}, {}, {}, {}},
        {"balcony, demo region (19 LAs, 2 cycles)",
         balconyProgram,
         {paintFlag, dbFlag, demoPath},
         {},
         {},
         {}},
        {"balcony, national region (150 LAs, 10 cycles)",
         balconyProgram,
         {paintFlag, dbFlag, nationalPath},
         {},
         {},
         {}},
    };
    if (!server.isEmpty()) {
        subjects.push_back({"balcony, national region on PostgreSQL",
                            balconyProgram,
                            {paintFlag, dbFlag, server},
                            {},
                            {},
                            {}});
    }
    std::printf("platform: QT_QPA_PLATFORM=%s; %d runs each, alternating, after one warm-up round\n"
                "balcony: %s\n\n",
                qPrintable(platform), runs, qPrintable(balconyProgram));
    for (int round = 0; round <= runs; ++round) {
        for (Subject& subject : subjects) {
            runOnce(subject, environment, round > 0);
        }
    }

    std::printf("spawn to first paint (the child's monotonic clock at its first paint):\n");
    printHeader();
    for (const Subject& subject : subjects) {
        printRow(subject.name, summarise(subject.paintMs));
    }
    std::printf("\nspawn to exit (QElapsedTimer in the parent; exit follows the first paint):\n");
    printHeader();
    for (const Subject& subject : subjects) {
        printRow(subject.name, summarise(subject.exitMs));
    }
    std::printf("\nbalcony's steps, spawn to the end of each (medians, ms):\n");
    for (const Subject& subject : subjects) {
        for (const auto& [phase, ms] : subject.phaseMs) {
            std::printf("  %-48s %-18s %8.1f\n", subject.name, phase.constData(), summarise(ms).medianMs);
        }
    }
    const double barePaint = summarise(subjects[0].paintMs).medianMs;
    const double bareExit = summarise(subjects[0].exitMs).medianMs;
    std::printf(
        "\nratio of medians to the bare window: demo %.2f (to exit %.2f), national %.2f (to exit %.2f)\n",
        summarise(subjects[1].paintMs).medianMs / barePaint,
        summarise(subjects[1].exitMs).medianMs / bareExit,
        summarise(subjects[2].paintMs).medianMs / barePaint,
        summarise(subjects[2].exitMs).medianMs / bareExit);
    return 0;
}
