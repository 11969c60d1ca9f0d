#include "app/frame/demo_document.h"
#include "helpers/temp_dir.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <catch2/catch.hpp>

#if __has_include("demo/demo_region.h")
#include "demo/demo_region.h"

// `balcony --screenshot OUT.png --view console|presenter|plenary --size WxH` runs a demo day on a
// fixed clock of its own and draws it; the day's events go to a copy, never to the user's file.
using namespace balcony;

namespace {

QByteArray fileHash(const QString& path) {
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

TEST_CASE("The day views render at the size asked and leave the user's database untouched",
          "[screenshot][console]") {
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("demo.balcony"));
    test::writeDemoRegion(path);
    const QByteArray before = fileHash(path);
    for (const QString& view :
         {QStringLiteral("console"), QStringLiteral("presenter"), QStringLiteral("plenary")}) {
        for (const QSize& size : {QSize(1366, 768), QSize(1920, 1080)}) {
            const QString out = dir.path(QStringLiteral("%1-%2.png").arg(view).arg(size.width()));
            QProcess balcony;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
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
            // Not a blank page: the picture holds more than one colour.
            bool varied = false;
            const QRgb first = image.pixel(0, 0);
            for (int y = 0; y < image.height() && !varied; y += 7) {
                for (int x = 0; x < image.width() && !varied; x += 7) {
                    varied = image.pixel(x, y) != first;
                }
            }
            CHECK(varied);
        }
    }
    CHECK(fileHash(path) == before);
}

#endif
