#include "helpers/temp_dir.h"
#include "notes/note_fixture.h"
#include "store/sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <catch2/catch.hpp>

using namespace balcony;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// A region database with the note fixture, closed again so that balcony-cli can take its lock.
struct Region {
    test::TempDir dir;
    QString path = dir.path(QStringLiteral("region.balcony"));
    test::NoteFixture f;

    Region() {
        auto db = Database::open(path, {.create = true});
        REQUIRE(db.ok());
        f = test::makeNoteFixture(**db);
    }

    Run cli(QStringList args) const {
        QProcess process;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.path(QStringLiteral("data"))); // its log files
        process.setProcessEnvironment(env);
        args.prepend(path);
        args.prepend(QStringLiteral("--db"));
        process.start(QStringLiteral(BALCONY_CLI), args);
        REQUIRE(process.waitForFinished(30000));
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    int revisions() const {
        auto db = Database::open(path, {.readOnly = true});
        REQUIRE(db.ok());
        auto q = sql::run(**db, QStringLiteral("SELECT count(*) FROM note_revision"));
        REQUIRE(q.ok());
        REQUIRE(q->next());
        return q->value(0).toInt();
    }
};

QStringList captureArgs(const QString& group, const QString& la, const QString& kind, const QString& text) {
    return {QStringLiteral("capture"),
            QStringLiteral("--cycle"),
            QStringLiteral("2026-2027"),
            QStringLiteral("--group"),
            group,
            QStringLiteral("--la"),
            la,
            QStringLiteral("--kind"),
            kind,
            QStringLiteral("--text"),
            text};
}

} // namespace

TEST_CASE("capture prints the new item's id and notes list shows the item", "[notes][cli]") {
    Region region;
    QStringList args = captureArgs(QStringLiteral("A"), QStringLiteral("Medway"), QStringLiteral("offer"),
                                   QStringLiteral("Our audit tool"));
    args << QStringLiteral("--theme") << QStringLiteral("learning culture") << QStringLiteral("--block")
         << QStringLiteral("6");
    const Run captured = region.cli(args);
    INFO(captured.err.toStdString());
    REQUIRE(captured.exitCode == 0);
    bool ok = false;
    const qint64 id = captured.out.trimmed().toLongLong(&ok);
    REQUIRE(ok);

    const Run listed = region.cli({QStringLiteral("notes"), QStringLiteral("list"), QStringLiteral("--cycle"),
                                   QStringLiteral("2026-2027"), QStringLiteral("--group"),
                                   QStringLiteral("A"), QStringLiteral("--json")});
    REQUIRE(listed.exitCode == 0);
    const QJsonArray items =
        QJsonDocument::fromJson(listed.out.toUtf8()).object().value(QStringLiteral("items")).toArray();
    REQUIRE(items.size() == 1);
    const QJsonObject item = items.at(0).toObject();
    CHECK(item.value(QStringLiteral("id")).toInteger() == id);
    CHECK(item.value(QStringLiteral("la")).toString() == QStringLiteral("Medway"));
    CHECK(item.value(QStringLiteral("kind")).toString() == QStringLiteral("offer"));
    CHECK(item.value(QStringLiteral("theme")).toString() == QStringLiteral("learning culture"));
    CHECK(item.value(QStringLiteral("block")).toInt() == 6);
    CHECK(item.value(QStringLiteral("text")).toString() == QStringLiteral("Our audit tool"));

    const Run text =
        region.cli({QStringLiteral("notes"), QStringLiteral("list"), QStringLiteral("--cycle"),
                    QStringLiteral("2026-2027"), QStringLiteral("--group"), QStringLiteral("A")});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.contains(QStringLiteral("Our audit tool")));
    CHECK(text.out.contains(QStringLiteral("Medway")));
}

TEST_CASE("notes list --la shows only that LA's items", "[notes][cli]") {
    Region region;
    REQUIRE(region
                .cli(captureArgs(QStringLiteral("A"), QStringLiteral("Kent"), QStringLiteral("ask"),
                                 QStringLiteral("kent item")))
                .exitCode == 0);
    REQUIRE(region
                .cli(captureArgs(QStringLiteral("A"), QStringLiteral("Surrey"), QStringLiteral("ask"),
                                 QStringLiteral("surrey item")))
                .exitCode == 0);
    const Run listed = region.cli({QStringLiteral("notes"), QStringLiteral("list"), QStringLiteral("--cycle"),
                                   QStringLiteral("2026-2027"), QStringLiteral("--group"),
                                   QStringLiteral("A"), QStringLiteral("--la"), QStringLiteral("Surrey")});
    REQUIRE(listed.exitCode == 0);
    CHECK(listed.out.contains(QStringLiteral("surrey item")));
    CHECK_FALSE(listed.out.contains(QStringLiteral("kent item")));
}

TEST_CASE("capture refuses an unknown kind, LA, group or cycle with exit 2 and writes nothing",
          "[notes][cli]") {
    Region region;
    const QString text = QStringLiteral("should not be saved");
    const QStringList refused[] = {
        captureArgs(QStringLiteral("A"), QStringLiteral("Kent"), QStringLiteral("gossip"), text),
        captureArgs(QStringLiteral("A"), QStringLiteral("Atlantis"), QStringLiteral("note"), text),
        captureArgs(QStringLiteral("A"), QStringLiteral("Brighton and Hove"), QStringLiteral("note"), text),
        captureArgs(QStringLiteral("Z"), QStringLiteral("Kent"), QStringLiteral("note"), text),
        captureArgs(QStringLiteral("A"), QStringLiteral("Kent"), QStringLiteral("note"),
                    QStringLiteral("   ")),
    };
    for (const auto& args : refused) {
        const Run run = region.cli(args);
        INFO(args.join(u' ').toStdString());
        CHECK(run.exitCode == 2);
        CHECK(run.out.isEmpty());
        CHECK_FALSE(run.err.isEmpty());
    }
    QStringList wrongCycle =
        captureArgs(QStringLiteral("A"), QStringLiteral("Kent"), QStringLiteral("note"), text);
    wrongCycle[2] = QStringLiteral("1999-2000");
    CHECK(region.cli(wrongCycle).exitCode == 2);
    QStringList badBlock =
        captureArgs(QStringLiteral("A"), QStringLiteral("Kent"), QStringLiteral("note"), text);
    badBlock << QStringLiteral("--block") << QStringLiteral("-1");
    CHECK(region.cli(badBlock).exitCode == 2);
    CHECK(region.revisions() == 0);
}

TEST_CASE("An unknown kind names the kinds that exist", "[notes][cli]") {
    Region region;
    const Run run = region.cli(captureArgs(QStringLiteral("A"), QStringLiteral("Kent"),
                                           QStringLiteral("gossip"), QStringLiteral("x")));
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(QStringLiteral("gossip")));
    CHECK(run.err.contains(QStringLiteral("reflection")));
}
