#include "app/frame/demo_document.h"
#include "helpers/temp_dir.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <catch2/catch.hpp>

#if __has_include("demo/demo_region.h")
#include "demo/demo_region.h"

// `balcony --screenshot OUT.png --view dcs-pack` sends a note of a copy of the region as a review
// pack and draws the DCS's window on it; the user's database and its folder are left as they were.
using namespace balcony;

TEST_CASE("The DCS's window renders from the demo region and leaves the user's files untouched",
          "[screenshot][dcs]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.balcony"));
    test::writeDemoRegion(path);
    const QByteArray before = QCryptographicHash::hash(test::readAll(path), QCryptographicHash::Sha256);
    const QStringList filesBefore = QDir(dir.path(QString())).entryList(QDir::Files);
    const QString outDir = dir.path(QStringLiteral("out"));
    REQUIRE(QDir().mkpath(outDir));
    for (const QSize& size : {QSize(1366, 768), QSize(1920, 1080)}) {
        const QString out = outDir + QStringLiteral("/dcs-%1.png").arg(size.width());
        QProcess balcony;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        balcony.setProcessEnvironment(environment);
        balcony.start(QStringLiteral(BALCONY_APP),
                      {QStringLiteral("--db"), path, QStringLiteral("--screenshot"), out,
                       QStringLiteral("--view"), QStringLiteral("dcs-pack"), QStringLiteral("--size"),
                       QStringLiteral("%1x%2").arg(size.width()).arg(size.height())});
        REQUIRE(balcony.waitForFinished(60000));
        INFO(balcony.readAllStandardError().toStdString());
        REQUIRE(balcony.exitCode() == 0);
        const QImage image(out);
        REQUIRE_FALSE(image.isNull());
        CHECK(image.size() == size);
    }
    CHECK(QCryptographicHash::hash(test::readAll(path), QCryptographicHash::Sha256) == before);
    CHECK(QDir(dir.path(QString())).entryList(QDir::Files) == filesBefore);
}

#endif
