#pragma once

#include <QByteArray>
#include <QDir>
#include <QString>
#include <QTemporaryDir>

namespace balcony::test {

// A fresh folder per test, removed afterwards.
class TempDir {
public:
    TempDir();
    QString path(const QString& name) const;
    bool isValid() const { return m_dir.isValid(); }

private:
    QTemporaryDir m_dir;
};

QByteArray readAll(const QString& path);
void writeFile(const QString& path, const QByteArray& bytes);

} // namespace balcony::test
