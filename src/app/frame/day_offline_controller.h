#pragma once

#include <QObject>
#include <QString>

class QAction;
class QWidget;

namespace balcony::gui {

class Prompter;
class RegionDocument;

// The File menu's day offline at the venue (docs/server.md, "A day offline at the venue"): Take Day
// Offline... asks which group's day (cycle and group) and where to save the new file, and writes it
// with the core's offline::checkOut; Bring Day Back... asks for the file, shows what it will merge
// and asks to go on, then merges it in one transaction (offline::checkIn) and tells the open
// workspaces that the group's day and notes changed. Every rule and refusal is the core's; a
// refusal is shown through the Prompter and changes nothing.
//
// Owns its actions (enabled when a region is open for writing, with a tooltip saying why not); the
// window places them. The prompter must outlive the controller.
class DayOfflineController final : public QObject {
    Q_OBJECT

public:
    DayOfflineController(Prompter& prompter, QObject* parent);
    ~DayOfflineController() override;

    // The open document (nullptr: none); it must stay open until the next call.
    void setDocument(RegionDocument* document);

    QAction* takeOfflineAction() const { return m_takeOffline; }
    QAction* bringBackAction() const { return m_bringBack; }

    void takeDayOffline();
    void bringDayBack();

Q_SIGNALS:
    // What was written or merged, for the status bar.
    void statusMessage(const QString& text, int timeoutMs);

private:
    void updateActions();

    Prompter& m_prompter;
    RegionDocument* m_document = nullptr;
    QAction* m_takeOffline;
    QAction* m_bringBack;
};

} // namespace balcony::gui
