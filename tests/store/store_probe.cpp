// A second process for the store's tests: opens a region database the way Balcony does and reports
// what happened, so that tests can check locking between processes and what an unprivileged user
// meets. Not installed.
//
//   balcony_store_probe [--as-nobody] [--read-only] [--create] [--write NAME] [--has NAME] [--hold] PATH
//
// Prints "opened" or "refused <kind> <message>", then for --write "written" or "write-refused <kind>
// <message>", for --has "has yes" or "has no" (whether the roster holds that LA); with --hold prints
// "holding" and keeps the database open until stdin closes. Exit status: 0 when everything asked for worked,
// 1 when something was refused, 77 when the privileges could not be dropped (the test then cannot run here).
#include "domain/roster_store.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>
#include <cstdio>
#include <grp.h>
#include <unistd.h>

namespace {

constexpr gid_t nobodyId = 65534;

bool dropPrivileges() {
    return setgroups(0, nullptr) == 0 && setgid(nobodyId) == 0 && setuid(nobodyId) == 0 &&
           getuid() == nobodyId;
}

void say(const QString& line) {
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

QString describe(const balcony::Error& error) {
    return QString::number(static_cast<int>(error.kind)) + QLatin1Char(' ') + error.message;
}

} // namespace

int main(int argc, char** argv) {
    bool asNobody = false;
    for (int i = 1; i < argc; ++i) {
        asNobody = asNobody || QByteArray(argv[i]) == "--as-nobody";
    }
    // Before Qt starts: nothing may run with the old privileges that the test means to take away.
    if (asNobody && !dropPrivileges()) {
        say(QStringLiteral("cannot-drop-privileges"));
        return 77;
    }
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const QString path = args.isEmpty() ? QString() : args.takeLast();
    balcony::Database::Options options;
    options.readOnly = args.contains(QStringLiteral("--read-only"));
    options.create = args.contains(QStringLiteral("--create"));
    const qsizetype writeAt = args.indexOf(QStringLiteral("--write"));

    auto db = balcony::Database::open(path, options);
    if (!db) {
        say(QStringLiteral("refused ") + describe(db.error()));
        return 1;
    }
    say(QStringLiteral("opened"));
    int status = 0;
    if (writeAt >= 0 && writeAt + 1 < args.size()) {
        auto added = balcony::RosterStore(**db).addAuthority(args.at(writeAt + 1));
        if (added) {
            say(QStringLiteral("written"));
        } else {
            say(QStringLiteral("write-refused ") + describe(added.error()));
            status = 1;
        }
    }
    if (const qsizetype hasAt = args.indexOf(QStringLiteral("--has"));
        hasAt >= 0 && hasAt + 1 < args.size()) {
        const bool has = balcony::RosterStore(**db).authorityByName(args.at(hasAt + 1)).ok();
        say(has ? QStringLiteral("has yes") : QStringLiteral("has no"));
    }
    if (args.contains(QStringLiteral("--hold"))) {
        say(QStringLiteral("holding"));
        QTextStream in(stdin);
        while (!in.atEnd()) {
            in.readLine();
        }
    }
    return status;
}
