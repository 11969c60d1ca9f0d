#include "frame/prompter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>

namespace balcony::gui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("balcony::gui::DialogPrompter", text);
}
} // namespace

Prompter::FirstStart DialogPrompter::askFirstStart(const QString& path, bool demoAvailable) {
    QMessageBox box(m_parent);
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(tr("Welcome to Balcony"));
    box.setText(tr("There is no region database yet."));
    box.setInformativeText(
        tr("Balcony keeps a region's roster, cycles and days in one file. It will be created at:\n%1")
            .arg(QDir::toNativeSeparators(path)));
    QPushButton* demo = nullptr;
    if (demoAvailable) {
        demo = box.addButton(tr("Create the &demo region"), QMessageBox::AcceptRole);
    }
    QPushButton* empty = box.addButton(tr("Create an &empty region"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(demo != nullptr ? demo : empty);
    box.exec();
    if (demo != nullptr && box.clickedButton() == demo) {
        return FirstStart::DemoRegion;
    }
    if (box.clickedButton() == empty) {
        return FirstStart::EmptyRegion;
    }
    return FirstStart::Cancel;
}

bool DialogPrompter::askConfirm(const QString& title, const QString& message, const QString& acceptText) {
    QMessageBox box(m_parent);
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(title);
    box.setText(message);
    QPushButton* accept = box.addButton(acceptText, QMessageBox::AcceptRole);
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel); // the safe answer is the default
    box.exec();
    return box.clickedButton() == accept;
}

bool DialogPrompter::askOpenReadOnly(const QString& message) {
    QMessageBox box(m_parent);
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(tr("Cannot open the region database"));
    box.setText(message);
    box.setInformativeText(tr("You can still look at it without changing anything."));
    QPushButton* readOnly = box.addButton(tr("Open &read-only"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(readOnly);
    box.exec();
    return box.clickedButton() == readOnly;
}

Prompter::ForeignLock DialogPrompter::askTakeOverLock(const QString& message) {
    QMessageBox box(m_parent);
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(tr("The region is open on another computer"));
    box.setText(message);
    box.setInformativeText(tr("Take over the lock only if you are sure Balcony is closed on that computer "
                              "(or the computer is off): otherwise one computer's changes will overwrite "
                              "the other's."));
    QPushButton* readOnly = box.addButton(tr("Open &read-only"), QMessageBox::AcceptRole);
    QPushButton* takeOver = box.addButton(tr("&Take over the lock"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(readOnly);
    box.exec();
    if (box.clickedButton() == takeOver) {
        return ForeignLock::TakeOver;
    }
    return box.clickedButton() == readOnly ? ForeignLock::OpenReadOnly : ForeignLock::Cancel;
}

void DialogPrompter::showError(const QString& title, const QString& message) {
    QMessageBox::warning(m_parent, title, message);
}

QString DialogPrompter::askOpenFile(const QString& title, const QString& filter) {
    return QFileDialog::getOpenFileName(m_parent, title, QString(), filter);
}

QString DialogPrompter::askSaveFile(const QString& title, const QString& suggestedName,
                                    const QString& filter) {
    return QFileDialog::getSaveFileName(m_parent, title, suggestedName, filter);
}

Prompter::SaveChoice DialogPrompter::askSaveFileAndType(const QString& title, const QString& suggestedName,
                                                        const QString& filter) {
    SaveChoice choice;
    choice.path =
        QFileDialog::getSaveFileName(m_parent, title, suggestedName, filter, &choice.selectedFilter);
    if (choice.path.isEmpty()) {
        choice.selectedFilter.clear();
    }
    return choice;
}

QString DialogPrompter::askFolder(const QString& title) {
    return QFileDialog::getExistingDirectory(m_parent, title);
}

QString DialogPrompter::askText(const QString& title, const QString& label) {
    bool ok = false;
    const QString text = QInputDialog::getText(m_parent, title, label, QLineEdit::Normal, {}, &ok);
    return ok ? text.trimmed() : QString();
}

QString DialogPrompter::askChoice(const QString& title, const QString& label, const QStringList& items) {
    bool ok = false;
    const QString choice = QInputDialog::getItem(m_parent, title, label, items, 0, false, &ok);
    return ok ? choice : QString();
}

std::optional<QString> DialogPrompter::askPassword(const QString& server) {
    bool ok = false;
    const QString password =
        QInputDialog::getText(m_parent, tr("The server wants a password"),
                              tr("Password for %1\n(to be asked no more, put it in ~/.pgpass):").arg(server),
                              QLineEdit::Password, {}, &ok);
    if (!ok || password.isEmpty()) {
        return std::nullopt;
    }
    return password;
}

} // namespace balcony::gui
