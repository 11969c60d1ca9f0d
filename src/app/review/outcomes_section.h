#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class QAction;
class QWidget;

namespace balcony::gui {

class RegionDocument;

// One page of the outcomes side of "Notes and Outcomes" (asks and offers, priorities, action plans,
// an LA's years, the regional report), shown as a tab beside the session notes and working on the
// cycle chosen at the top of the workspace. The workspace owns its sections (as QObject children);
// the section's page is handed to the workspace's tabs, which own it from then on.
class OutcomesSection : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    virtual QString title() const = 0; // the tab's text, with an & for Alt
    virtual QWidget* page() = 0;       // built once; the same page on every call
    // The --screenshot views this section shows (e.g. "asks-offers"); showView gets one of them.
    virtual QStringList viewNames() const { return {}; }
    virtual void showView(const QString& name) { Q_UNUSED(name) }
    // The region shown (nullptr when it is closed), then the cycle chosen (0 when none). Every
    // change of either is told again, so a section never needs to watch the workspace.
    virtual void setDocument(RegionDocument* document) = 0;
    virtual void setCycle(qint64 cycleId) = 0;
    // Added to the workspace's Notes menu, after a separator; their shortcuts must not clash with
    // the menu's (see NotesWorkspace::buildActions).
    virtual QList<QAction*> actions() const { return {}; }

Q_SIGNALS:
    void statusMessage(const QString& text, int timeoutMs);
};

} // namespace balcony::gui
