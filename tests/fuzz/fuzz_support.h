#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <cstddef>
#include <cstdint>
#include <memory>

// What every libFuzzer target shares (docs/fuzzing.md): one QCoreApplication for the process, Qt's
// own messages kept off the fuzzer's output, and a fresh folder for each input, removed afterwards,
// so that no run leaves a file behind and no input sees another's files.
namespace balcony {
class Database;
}

namespace balcony::fuzz {

// Creates the process's QCoreApplication once (core's QSql connections and QStandardPaths need
// one); call from LLVMFuzzerInitialize. Puts QStandardPaths in test mode and silences Qt messages.
void initialise(int* argc, char*** argv);

// A folder for one input, removed with everything in it when this goes out of scope.
class Scratch {
public:
    Scratch();
    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString& name) const;
    // Writes bytes to name in the folder; returns the file's path, or an empty string on failure.
    QString write(const QString& name, const uint8_t* data, size_t size) const;

private:
    QTemporaryDir m_dir;
};

// A demonstration region (core's createDemoRegion) made once per process in a folder removed at
// exit. Importers run inside an outer transaction that is rolled back, so every input meets the
// same region and a crash reproduces from its input alone.
Database& demoRegion();

} // namespace balcony::fuzz
