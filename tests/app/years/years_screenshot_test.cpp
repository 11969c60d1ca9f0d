#include "app/frame/demo_document.h"
#include "helpers/temp_dir.h"
#include "store/database.h"

#include <QImage>
#include <QProcess>
#include <catch2/catch.hpp>

// `balcony --screenshot OUT.png --view three-years` draws Over the years on the demo region.
using namespace balcony;

TEST_CASE("The three-years view renders at the size asked", "[screenshot][years]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.balcony"));
    test::writeDemoRegion(path);
    const QString out = dir.path(QStringLiteral("three-years.png"));
    QProcess balcony;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path(QStringLiteral("config")));
    balcony.setProcessEnvironment(environment);
    balcony.start(QStringLiteral(BALCONY_APP), {QStringLiteral("--db"), path, QStringLiteral("--screenshot"),
                                                out, QStringLiteral("--view"), QStringLiteral("three-years"),
                                                QStringLiteral("--size"), QStringLiteral("1366x768")});
    REQUIRE(balcony.waitForFinished(60000));
    INFO(balcony.readAllStandardError().toStdString());
    REQUIRE(balcony.exitCode() == 0);
    const QImage image(out);
    REQUIRE_FALSE(image.isNull());
    CHECK(image.size() == QSize(1366, 768));
    // The recurring themes' colour is in the picture: the view opened on an LA with recurring themes.
    bool recurringShown = false;
    for (int y = 0; y < image.height() && !recurringShown; y += 2) {
        for (int x = 0; x < image.width() && !recurringShown; x += 2) {
            recurringShown = image.pixelColor(x, y) == QColor(0xff, 0xd8, 0x8a);
        }
    }
    CHECK(recurringShown);
}
