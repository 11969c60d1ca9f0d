#pragma once

#include "frame/prompter.h"

#include <QStringList>

namespace balcony::test {

// Answers the program's questions as a test arranged, and records what was asked.
class FakePrompter final : public gui::Prompter {
public:
    FirstStart firstStartAnswer = FirstStart::Cancel;
    bool readOnlyAnswer = false;
    ForeignLock foreignLockAnswer = ForeignLock::Cancel;
    QString openFileAnswer;
    QString saveFileAnswer;

    QStringList firstStartPaths;
    QStringList readOnlyMessages;
    QStringList foreignLockMessages;
    QStringList errors; // "title: message"

    FirstStart askFirstStart(const QString& path, bool) override {
        firstStartPaths << path;
        return firstStartAnswer;
    }
    bool askOpenReadOnly(const QString& message) override {
        readOnlyMessages << message;
        return readOnlyAnswer;
    }
    ForeignLock askTakeOverLock(const QString& message) override {
        foreignLockMessages << message;
        return foreignLockAnswer;
    }
    void showError(const QString& title, const QString& message) override {
        errors << QString(title + QStringLiteral(": ") + message);
    }
    QString askOpenFile(const QString&, const QString&) override { return openFileAnswer; }
    QString askSaveFile(const QString&, const QString&, const QString&) override { return saveFileAnswer; }
    bool confirmAnswer = false;
    QStringList confirmations; // "title: message"
    bool askConfirm(const QString& title, const QString& message, const QString&) override {
        confirmations << QString(title + QStringLiteral(": ") + message);
        return confirmAnswer;
    }
    QString saveFilterAnswer; // the type chosen in the save dialog, for askSaveFileAndType
    SaveChoice askSaveFileAndType(const QString&, const QString&, const QString&) override {
        return {saveFileAnswer, saveFileAnswer.isEmpty() ? QString() : saveFilterAnswer};
    }
    QString folderAnswer;
    QString askFolder(const QString&) override { return folderAnswer; }
    int choiceIndex = -1;    // which of the items askChoice offers is chosen; -1 cancels
    QStringList choiceItems; // the items last offered
    QString askChoice(const QString&, const QString&, const QStringList& items) override {
        choiceItems = items;
        return choiceIndex >= 0 && choiceIndex < items.size() ? items.at(choiceIndex) : QString();
    }
    QString textAnswer;
    QStringList textQuestions; // "title: label"
    QString askText(const QString& title, const QString& label) override {
        textQuestions << QString(title + QStringLiteral(": ") + label);
        return textAnswer;
    }
};

} // namespace balcony::test
