#include "helpers/temp_dir.h"

#include <QFile>

namespace balcony::test {

TempDir::TempDir()
    : m_dir(QDir::tempPath() + QStringLiteral("/balcony-test-XXXXXX")) {}

QString TempDir::path(const QString& name) const {
    return m_dir.filePath(name);
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

void writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        file.write(bytes);
    }
}

} // namespace balcony::test
