#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QAction;
class QWidget;

namespace balcony::gui {

class Prompter;
class RegionDocument;

// The File menu's imports and exports, out of the main window: roster and schedule CSV in; roster
// CSV, schedule CSV, iCalendar invitations and the printable PDF out. Every file is read and written
// by the core's interchange code; this asks for the file through the Prompter, shows the outcome as
// a status message, and a refusal through the Prompter.
//
// Owns its actions (enabled as the document and the cycle allow, with a tooltip saying what is
// missing); the window places them. The cycle is whichever the window's Schedule workspace shows,
// passed in with setCycleId().
class InterchangeController final : public QObject {
    Q_OBJECT

public:
    // The prompter must outlive the controller; dialogs (the import preview) are parented to
    // dialogParent.
    InterchangeController(Prompter& prompter, QWidget* dialogParent);
    ~InterchangeController() override;

    // The open document (nullptr: none); it must stay open until the next call.
    void setDocument(RegionDocument* document);
    // The cycle the schedule exports and the schedule import concern; 0 when none.
    void setCycleId(qint64 cycleId);
    qint64 cycleId() const { return m_cycleId; }

    QAction* importRosterAction() const { return m_importRoster; }
    QAction* importScheduleAction() const { return m_importSchedule; }
    QAction* exportRosterAction() const { return m_exportRoster; }
    QAction* exportScheduleCsvAction() const { return m_exportCsv; }
    QAction* exportCalendarAction() const { return m_exportCalendar; }
    QAction* exportPdfAction() const { return m_exportPdf; }

    void importRoster();
    void importSchedule();
    void exportRoster();
    void exportScheduleCsv();
    void exportCalendar();
    // Asks for a file and writes the iCalendar invitations of the cycle, or of one group when
    // groupLabel is set. Refused while the region is read-only: the exporter records what each
    // invitation said, to raise its SEQUENCE when it changes.
    void exportInvitations(qint64 cycleId, const QString& groupLabel);
    void exportPdf();

Q_SIGNALS:
    // What was written or read, for the status bar.
    void statusMessage(const QString& text, int timeoutMs);

private:
    void updateActions();

    Prompter& m_prompter;
    QWidget* m_dialogParent;
    RegionDocument* m_document = nullptr;
    qint64 m_cycleId = 0;

    QAction* m_importRoster;
    QAction* m_importSchedule;
    QAction* m_exportRoster;
    QAction* m_exportCsv;
    QAction* m_exportCalendar;
    QAction* m_exportPdf;
};

} // namespace balcony::gui
