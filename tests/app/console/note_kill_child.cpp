// The child of the note kill test (notes_kill_test.cpp): types the kill test's text into a
// NoteSaver, one character every PACE milliseconds, until it is killed. It prints READY once the
// database is open, then "T <n>" after the n-th character was handed to the saver.
#include "app/console/note_kill_text.h"
#include "console/note_saver.h"
#include "engine/clock.h"
#include "notes/note_store.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QTimer>
#include <cstdio>

using namespace balcony;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: note_kill_child DATABASE GROUP AUTHORITY PACE_MS\n");
        return 2;
    }
    auto db = Database::open(args[1]);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.message()));
        return 1;
    }
    NoteStore store(**db);
    SystemClock clock;
    gui::NoteSaver saver(store, clock);
    saver.setTarget({args[2].toLongLong(), args[3].toLongLong(), 0});
    const QString text = test::noteKillText();
    int typed = 0;
    QTimer typist;
    typist.setTimerType(Qt::PreciseTimer);
    typist.setInterval(args[4].toInt());
    QObject::connect(&typist, &QTimer::timeout, &app, [&] {
        if (typed == text.size()) {
            static_cast<void>(saver.flush());
            QCoreApplication::exit(0);
            return;
        }
        ++typed;
        saver.setText(text.left(typed));
        std::printf("T %d\n", typed);
        std::fflush(stdout);
    });
    std::printf("READY\n");
    std::fflush(stdout);
    typist.start();
    return QCoreApplication::exec();
}
