#include "app/console/note_kill_text.h"
#include "app/frame/qt_catch.h"
#include "console/note_saver.h"
#include "engine/engine_fixture.h"
#include "notes/note_store.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <catch2/catch.hpp>

// A program killed (SIGKILL) while someone types a note loses at most the last second of typing:
// a child types through the NoteSaver at a steady pace and is killed at a random moment; what the
// reopened database holds must be a prefix of what was typed, short by less than a second's worth.
using namespace balcony;

namespace {

constexpr int paceMs = 25; // 40 characters a second, a fast typist

// Starts the child, waits for READY, lets it type for killAfterMs and kills it; returns how many
// characters it reported typing.
int typeAndKill(const QString& path, qint64 groupId, qint64 authorityId, int killAfterMs) {
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QStringLiteral(BALCONY_NOTE_KILL_CHILD),
                {path, QString::number(groupId), QString::number(authorityId), QString::number(paceMs)});
    REQUIRE(child.waitForStarted(10000));
    QByteArray output;
    QElapsedTimer sinceReady;
    while (child.state() == QProcess::Running) {
        if (!sinceReady.isValid()) {
            child.waitForReadyRead(50);
            output += child.readAllStandardOutput();
            if (output.contains("READY\n")) {
                sinceReady.start();
            }
            continue;
        }
        const qint64 left = killAfterMs - sinceReady.elapsed();
        if (left <= 0) {
            break;
        }
        child.waitForReadyRead(static_cast<int>(left));
        output += child.readAllStandardOutput();
    }
    REQUIRE(child.state() == QProcess::Running); // it must not have stopped by itself
    child.kill();
    child.waitForFinished(30000);
    output += child.readAllStandardOutput();
    int typed = 0;
    for (const QByteArray& line : output.split('\n')) {
        if (line.startsWith("T ")) {
            typed = std::max(typed, line.mid(2).toInt());
        }
    }
    return typed;
}

} // namespace

TEST_CASE("A program killed while a note is typed loses less than the last second of typing",
          "[console][notes][kill]") {
    const QString text = test::noteKillText();
    const int perSecond = 1000 / paceMs;
    for (int kill = 0; kill < 3; ++kill) {
        test::EngineRegion region{test::triadNames()};
        const qint64 authorityId = region.day().plan.timetable.members.front().authorityId;
        const QString path = region.databasePath();
        region.db.reset(); // the child opens the file

        const int killAfterMs = 1200 + QRandomGenerator::global()->bounded(1300);
        const int typed = typeAndKill(path, region.groupId, authorityId, killAfterMs);
        INFO("kill " << kill << " after " << killAfterMs << " ms, " << typed << " characters typed");
        REQUIRE(typed > perSecond / 2);

        auto db = Database::open(path);
        REQUIRE(db.ok());
        auto notes = NoteStore(**db).current(region.groupId, {.authorityId = 0, .kind = NoteKind::Note});
        REQUIRE(notes.ok());
        REQUIRE(notes->size() <= 1);
        const QString saved = notes->empty() ? QString() : notes->front().current.content.text;
        INFO(saved.size() << " characters saved");
        CHECK(text.startsWith(saved));
        CHECK(saved.size() <= typed + 1);
        // The characters typed but not saved, at the pace they were typed, took under a second.
        CHECK((typed - saved.size()) * paceMs < 1000);
    }
}
