#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>
#include <optional>

class QWidget;

namespace balcony::gui {

// The questions the program asks with a modal dialog, behind an interface so that tests answer
// them without a dialog. Passed by reference into whatever asks; the caller keeps ownership.
class Prompter {
public:
    enum class FirstStart { DemoRegion, EmptyRegion, Cancel };
    enum class ForeignLock { TakeOver, OpenReadOnly, Cancel };

    virtual ~Prompter() = default;

    // No database at path yet: create the demo region, an empty one, or nothing.
    virtual FirstStart askFirstStart(const QString& path, bool demoAvailable) = 0;
    // The database was refused with message; true to open it read-only instead.
    virtual bool askOpenReadOnly(const QString& message) = 0;
    // Another computer's lock (or an unreadable one) holds the database; message names the holder and
    // the lock's time. Taking over is the user's decision alone. By default offers read-only only.
    virtual ForeignLock askTakeOverLock(const QString& message) {
        return askOpenReadOnly(message) ? ForeignLock::OpenReadOnly : ForeignLock::Cancel;
    }
    // Tells the user something went wrong; message already names the file and the reason.
    virtual void showError(const QString& title, const QString& message) = 0;
    // A file to open or to write; empty when the user cancels.
    virtual QString askOpenFile(const QString& title, const QString& filter) = 0;
    virtual QString askSaveFile(const QString& title, const QString& suggestedName,
                                const QString& filter) = 0;
    // A file to write and the filter the user chose (one entry of filter, what QFileDialog reports),
    // so that a name typed without an extension can take the chosen type's. Both empty when the user
    // cancels. By default askSaveFile() with no filter reported.
    struct SaveChoice {
        QString path;
        QString selectedFilter;
    };
    virtual SaveChoice askSaveFileAndType(const QString& title, const QString& suggestedName,
                                          const QString& filter) {
        return {askSaveFile(title, suggestedName, filter), {}};
    }
    // A yes-or-no question before something that cannot be taken back by Undo; true only when the
    // user chose acceptText. Answers no unless a prompter overrides it, so an unanswered question
    // changes nothing.
    virtual bool askConfirm(const QString& title, const QString& message, const QString& acceptText) {
        Q_UNUSED(title)
        Q_UNUSED(message)
        Q_UNUSED(acceptText)
        return false;
    }
    // An existing folder to write into; empty when the user cancels (and unless overridden).
    virtual QString askFolder(const QString& title) {
        Q_UNUSED(title)
        return {};
    }
    // One of items (shown in a list, the first chosen at first); empty when the user cancels (and
    // unless overridden).
    virtual QString askChoice(const QString& title, const QString& label, const QStringList& items) {
        Q_UNUSED(title)
        Q_UNUSED(label)
        Q_UNUSED(items)
        return {};
    }
    // A line of text the user must give before something is recorded (a reopen's reason), with
    // label saying what it is for; empty when the user cancels (and unless overridden).
    virtual QString askText(const QString& title, const QString& label) {
        Q_UNUSED(title)
        Q_UNUSED(label)
        return {};
    }
    // The password a PostgreSQL server wants for server (an address without a password,
    // Location::shown()), typed without showing it; nothing when the user cancels (and unless
    // overridden). The answer goes to Database::Options::password and is never kept.
    virtual std::optional<QString> askPassword(const QString& server) {
        Q_UNUSED(server)
        return std::nullopt;
    }
};

// The real dialogs, parented to parent (which may change as windows come and go).
class DialogPrompter : public Prompter {
public:
    explicit DialogPrompter(QWidget* parent = nullptr)
        : m_parent(parent) {}
    void setParentWidget(QWidget* parent) { m_parent = parent; }

    FirstStart askFirstStart(const QString& path, bool demoAvailable) override;
    bool askOpenReadOnly(const QString& message) override;
    ForeignLock askTakeOverLock(const QString& message) override;
    void showError(const QString& title, const QString& message) override;
    QString askOpenFile(const QString& title, const QString& filter) override;
    QString askSaveFile(const QString& title, const QString& suggestedName, const QString& filter) override;
    SaveChoice askSaveFileAndType(const QString& title, const QString& suggestedName,
                                  const QString& filter) override;
    bool askConfirm(const QString& title, const QString& message, const QString& acceptText) override;
    QString askFolder(const QString& title) override;
    QString askText(const QString& title, const QString& label) override;
    QString askChoice(const QString& title, const QString& label, const QStringList& items) override;
    std::optional<QString> askPassword(const QString& server) override;

private:
    QWidget* m_parent;
};

} // namespace balcony::gui
