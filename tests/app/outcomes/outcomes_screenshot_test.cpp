#include "app/frame/demo_document.h"
#include "helpers/temp_dir.h"
#include "store/database.h"

#include <QImage>
#include <QProcess>
#include <catch2/catch.hpp>

// `balcony --screenshot OUT.png --view asks-offers|priorities|action-plans` draws the demo's outcomes
// (the pictures of docs/guide-outcomes.md, made by tools/render-screenshots).
using namespace balcony;

TEST_CASE("The outcomes views render at a laptop's size", "[screenshot][outcomes]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.balcony"));
    test::writeDemoRegion(path);
    for (const QString& view :
         {QStringLiteral("asks-offers"), QStringLiteral("priorities"), QStringLiteral("action-plans")}) {
        const QString out = dir.path(view + QStringLiteral(".png"));
        QProcess balcony;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path(QStringLiteral("config")));
        balcony.setProcessEnvironment(environment);
        balcony.start(QStringLiteral(BALCONY_APP),
                      {QStringLiteral("--db"), path, QStringLiteral("--screenshot"), out,
                       QStringLiteral("--view"), view, QStringLiteral("--size"), QStringLiteral("1366x768")});
        REQUIRE(balcony.waitForFinished(60000));
        INFO(view.toStdString() << " " << balcony.readAllStandardError().toStdString());
        REQUIRE(balcony.exitCode() == 0);
        const QImage image(out);
        REQUIRE_FALSE(image.isNull());
        CHECK(image.size() == QSize(1366, 768));
    }
}
