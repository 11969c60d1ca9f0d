#include "crash_soak.h"
#include "engine/clock.h"
#include "engine/day_engine.h"
#include "engine/group_day.h"
#include "notes/note_store.h"

#include <QElapsedTimer>
#include <csignal>
#include <cstdio>
#include <random>
#include <sys/prctl.h>
#include <unistd.h>
#include <vector>

namespace balcony::soak {
namespace {

// One line straight to the pipe: nothing sits in a buffer that a SIGKILL would throw away, and a
// line is only written once the commit it reports has returned.
void report(const QString& line) {
    const QByteArray bytes = line.toUtf8() + '\n';
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n =
            ::write(STDOUT_FILENO, bytes.constData() + written, static_cast<size_t>(bytes.size() - written));
        if (n <= 0) {
            return;
        }
        written += n;
    }
}

constexpr qint64 childLifetimeMs = 60'000; // a child the parent forgot stops by itself

} // namespace

int runChild(const QString& path, std::uint64_t seed) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL); // never outlive the parent
    auto db = Database::open(path);
    if (!db) {
        std::fprintf(stderr, "soak child: %s\n", qPrintable(db.message()));
        return 3;
    }
    auto day = loadGroupDay(**db, cycleName, groupLabel);
    if (!day) {
        std::fprintf(stderr, "soak child: %s\n", qPrintable(day.message()));
        return 3;
    }
    SystemClock clock;
    auto engine = DayEngine::open(**db, clock, day->group.id, day->plan);
    if (!engine) {
        std::fprintf(stderr, "soak child: %s\n", qPrintable(engine.message()));
        return 3;
    }
    NoteStore notes(**db);
    auto existing = notes.current(day->group.id);
    if (!existing) {
        std::fprintf(stderr, "soak child: %s\n", qPrintable(existing.message()));
        return 3;
    }
    std::vector<qint64> items;
    for (const auto& item : *existing) {
        items.push_back(item.id);
    }
    std::mt19937_64 random(seed);
    const int blockCount = static_cast<int>(day->plan.timetable.blocks.size());
    const auto& members = day->group.members;
    report(QStringLiteral("READY"));

    QElapsedTimer lifetime;
    lifetime.start();
    for (std::uint64_t counter = 0; lifetime.elapsed() < childLifetimeMs; ++counter) {
        const auto roll = random() % 100;
        if (roll < 15) {
            DayEngine& e = **engine;
            const DayState now = e.state();
            Result<DayState> done = failure(Error::Kind::InvalidInput, {});
            if (now.status == DayStatus::NotStarted) {
                done = e.start(DayEngine::OtherDate::Confirmed); // the soak runs on any date
            } else {
                switch (random() % 7) {
                case 0:
                    done = now.blockIndex + 1 < blockCount ? e.next() : e.back();
                    break;
                case 1:
                    done = e.back();
                    break;
                case 2:
                    done = e.extend(static_cast<int>(random() % 5) + 1);
                    break;
                case 3:
                    done = now.status == DayStatus::Paused ? e.resume() : e.pause();
                    break;
                case 4:
                    done = e.nextTurn();
                    break;
                case 5:
                    done = e.setTalker(static_cast<DayEvent::Talker>(random() % 3));
                    break;
                default:
                    done = e.jump(static_cast<int>(random() % static_cast<std::uint64_t>(blockCount)));
                    break;
                }
            }
            // A refused command (a transition that does not apply now) writes nothing.
            if (done) {
                report(QStringLiteral("E %1 %2 %3")
                           .arg(e.events().back().id)
                           .arg(done->blockIndex)
                           .arg(toKey(done->status)));
            }
            continue;
        }
        const QString tag = QStringLiteral("%1.%2").arg(seed).arg(counter);
        NoteContent content{static_cast<NoteKind>(random() % 7), QStringLiteral("workforce"),
                            static_cast<int>(random() % static_cast<std::uint64_t>(blockCount)),
                            soakText(tag)};
        if (roll < 45 || items.empty()) {
            const qint64 authority = members[random() % members.size()].authorityId;
            if (auto id = notes.capture(day->group.id, authority, content)) {
                items.push_back(*id);
                report(QStringLiteral("N %1 1 0 %2").arg(*id).arg(tag));
            }
        } else if (roll < 93) {
            const qint64 item = items[random() % items.size()];
            if (auto number = notes.revise(item, content)) {
                report(QStringLiteral("N %1 %2 0 %3").arg(item).arg(*number).arg(tag));
            }
        } else {
            const std::size_t index = random() % items.size();
            const qint64 item = items[index];
            if (auto number = notes.remove(item)) {
                report(QStringLiteral("N %1 %2 1 %3").arg(item).arg(*number).arg(tag));
                items.erase(items.begin() + static_cast<std::ptrdiff_t>(index));
            }
        }
    }
    return 0;
}

} // namespace balcony::soak
