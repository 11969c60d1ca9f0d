#include "reports/document_text.h"

#include "helpers/temp_dir.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTextDocument>
#include <catch2/catch.hpp>
#include <sys/stat.h>

namespace balcony::test {

namespace {
QByteArray run(const QString& program, const QStringList& arguments) {
    QProcess process;
    process.start(program, arguments);
    REQUIRE(process.waitForStarted());
    REQUIRE(process.waitForFinished(60000));
    INFO(program.toStdString() << ": " << process.readAllStandardError().toStdString());
    REQUIRE(process.exitCode() == 0);
    return process.readAllStandardOutput();
}

QString xmlText(const QString& xml) {
    QString text = xml;
    text.replace(QRegularExpression(QStringLiteral("<[^>]*>")), QStringLiteral(" "));
    text.replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&apos;"), QStringLiteral("'"))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return text;
}
} // namespace

QString flattened(const QString& text) {
    // NFKC undoes the ligatures ("ﬃ") that pdftotext reports as single characters.
    return text.normalized(QString::NormalizationForm_KC).simplified();
}

QString documentText(const QString& path) {
    const QString suffix = QFileInfo(path).suffix();
    if (suffix == QStringLiteral("pdf")) {
        return flattened(QString::fromUtf8(
            run(QStringLiteral("pdftotext"),
                {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")})));
    }
    if (suffix == QStringLiteral("odt")) {
        return flattened(xmlText(QString::fromUtf8(
            run(QStringLiteral("unzip"), {QStringLiteral("-p"), path, QStringLiteral("content.xml")}))));
    }
    QTextDocument document;
    document.setHtml(QString::fromUtf8(readAll(path)));
    return flattened(document.toPlainText());
}

unsigned permissionBits(const QString& path) {
    struct stat info {};
    REQUIRE(stat(QFile::encodeName(path).constData(), &info) == 0);
    return info.st_mode & 0777U;
}

} // namespace balcony::test
