#include "app/frame/demo_document.h"
#include "helpers/temp_dir.h"
#include "store/database.h"

#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <catch2/catch.hpp>

// `balcony --screenshot OUT.png --view notes|note-review` draws the demo's session notes.
using namespace balcony;

TEST_CASE("The notes views render at the sizes asked", "[screenshot][review]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.balcony"));
    test::writeDemoRegion(path);
    for (const QString& view : {QStringLiteral("notes"), QStringLiteral("note-review")}) {
        for (const QSize& size : {QSize(1366, 768), QSize(1920, 1080)}) {
            const QString out = dir.path(QStringLiteral("%1-%2.png").arg(view).arg(size.width()));
            QProcess balcony;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path(QStringLiteral("config")));
            balcony.setProcessEnvironment(environment);
            balcony.start(QStringLiteral(BALCONY_APP),
                          {QStringLiteral("--db"), path, QStringLiteral("--screenshot"), out,
                           QStringLiteral("--view"), view, QStringLiteral("--size"),
                           QStringLiteral("%1x%2").arg(size.width()).arg(size.height())});
            REQUIRE(balcony.waitForFinished(60000));
            INFO(view.toStdString() << " " << balcony.readAllStandardError().toStdString());
            REQUIRE(balcony.exitCode() == 0);
            const QImage image(out);
            REQUIRE_FALSE(image.isNull());
            CHECK(image.size() == size);
        }
    }
    // A picture only looks at the region: no daily backup is left beside the user's file.
    CHECK_FALSE(QFileInfo::exists(path + QStringLiteral("-backups")));
}
