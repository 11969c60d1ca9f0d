#pragma once

#include <QIcon>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

class QAction;
class QMenu;
class QSettings;
class QUndoStack;
class QWidget;

namespace balcony::gui {

class RegionDocument;

// One workspace of the main window (after Tiled's Editor): the page it shows, the menus and
// status-bar widgets that belong to it, the views inside it that a name can show, its settings, and
// the undo stack whose edits Edit > Undo reaches while it is current. MainWindow installs
// workspaces and switches between them; it knows nothing of what any of them shows.
//
// A workspace is installed once and lives as long as the window; documents come and go through
// setDocument(). While it is not current, the window hides its menus and status-bar widgets.
class Workspace : public QObject {
    Q_OBJECT

public:
    explicit Workspace(QObject* parent = nullptr);
    ~Workspace() override;

    // The stable name used in the settings and by showView() and --view ("schedule").
    virtual QString id() const = 0;
    // The sidebar's text ("Schedule"), its tooltip and icon.
    virtual QString title() const = 0;
    virtual QString toolTip() const { return {}; }
    virtual QIcon icon() const { return {}; }
    // The View menu's entry for it, with a mnemonic ("&Schedule"); the title by default.
    virtual QString menuText() const { return title(); }

    // The page the window shows while this workspace is current. Created by the workspace; the
    // window takes it into its page stack (and so owns it) when the workspace is installed.
    virtual QWidget* widget() const = 0;
    // Menus for the menu bar (between Edit and View), shown only while the workspace is current.
    // The workspace owns them.
    virtual QList<QMenu*> menus() const { return {}; }
    // Entries of the View menu, below the list of workspaces: the workspace's own views.
    virtual QList<QAction*> viewActions() const { return {}; }
    // Widgets for the right of the status bar, shown only while the workspace is current. Their
    // own visibility stays the workspace's to manage.
    virtual QList<QWidget*> statusBarWidgets() const { return {}; }

    // The names showView() understands; the first is the workspace itself (its id()).
    virtual QStringList viewNames() const { return {id()}; }
    // Brings the named view to the front; the window has already made the workspace current.
    virtual void showView(const QString& name) { Q_UNUSED(name) }

    // The edits that Edit > Undo and Redo reach while the workspace is current, or nullptr when
    // there are none: then Undo and Redo are unavailable, so that Ctrl+Z cannot reach into another
    // workspace's edits (day events are never undone: "back" is an event of its own). May change
    // with the document; the window asks again after setDocument().
    virtual QUndoStack* undoStack() const { return nullptr; }

    // Called with each document opened (which stays open until the next call), and with nullptr
    // before it is closed. Never called with nullptr when no document is open.
    virtual void setDocument(RegionDocument* document) = 0;

    // True when the workspace shows a refused edit itself (a banner on screen), so that the window
    // need not ask the Prompter too.
    virtual bool showsEditFailures() const { return false; }

    // The workspace's own settings, in a group of the window's settings named after its id().
    virtual void saveSettings(QSettings& settings) const { Q_UNUSED(settings) }
    virtual void restoreSettings(const QSettings& settings) { Q_UNUSED(settings) }

Q_SIGNALS:
    // A transient message for the status bar.
    void statusMessage(const QString& text, int timeoutMs);
    // The workspace wants to be brought to the front (a command of its menu was triggered from
    // elsewhere).
    void activationRequested();
};

} // namespace balcony::gui
