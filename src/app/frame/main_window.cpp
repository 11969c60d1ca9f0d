#include "frame/main_window.h"

#include "backups/backup_controller.h"
#include "document/region_document.h"
#include "engine/clock.h"
#include "frame/app_info.h"
#include "frame/day_offline_controller.h"
#include "frame/empty_state.h"
#include "frame/icons.h"
#include "frame/interchange_controller.h"
#include "frame/prompter.h"
#include "frame/recent_databases.h"
#include "frame/region_opener.h"
#include "frame/window_placement.h"
#include "review_pack/review_pack.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

namespace balcony::gui {

namespace {
// QWidget::saveGeometry's blob, written by earlier versions; read no more (it restored a window
// onto a monitor that had been unplugged) and removed when the placement is next saved.
const QString oldGeometryKey = QStringLiteral("window/geometry");
const QString screenKey = QStringLiteral("window/screen");
const QString normalGeometryKey = QStringLiteral("window/normalGeometry");
const QString normalFrameKey = QStringLiteral("window/normalFrame");
const QString maximisedKey = QStringLiteral("window/maximised");
const QString stateKey = QStringLiteral("window/state");
const QString workspaceKey = QStringLiteral("window/workspace");
// Each workspace's own settings are kept in a group named after its id.
const QString workspaceGroup = QStringLiteral("workspace/%1");

// The time the window's backups are named by: the computer's.
const Clock& programClock() {
    static const SystemClock clock;
    return clock;
}
} // namespace

MainWindow::MainWindow(Prompter& prompter, QSettings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_prompter(prompter)
    , m_settings(settings)
    , m_undoGroup(new QUndoGroup(this))
    , m_interchange(new InterchangeController(prompter, this))
    , m_backups(new BackupController(prompter, programClock(), this))
    , m_dayOffline(new DayOfflineController(prompter, this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(applicationDisplayName());
    setWindowIcon(icon(QStringLiteral("balcony")));

    m_sidebar = new QListWidget(this);
    m_sidebar->setObjectName(QStringLiteral("workspaceList"));
    m_sidebar->setAccessibleName(tr("Workspaces"));
    m_sidebar->setIconSize(QSize(22, 22));
    m_sidebar->setSpacing(2);
    m_sidebar->setFixedWidth(190);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setBackgroundRole(QPalette::Window);
    m_sidebar->viewport()->setBackgroundRole(QPalette::Window);
    m_pages = new QStackedWidget(this);
    m_noDocumentPage =
        new EmptyState(tr("No region database is open"),
                       tr("Open a region database from the File menu, or create a new one."), this);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    auto* divider = new QFrame(central);
    divider->setFrameShape(QFrame::VLine);
    divider->setFrameShadow(QFrame::Sunken);
    layout->addWidget(divider);
    // The banner sits above whichever workspace shows: read-only and synced-folder notices concern
    // them all.
    m_banner = new QFrame(central);
    m_banner->setObjectName(QStringLiteral("regionBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setForegroundRole(QPalette::ToolTipText);
    m_banner->setAccessibleName(tr("Notice about this region"));
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(12, 8, 12, 8);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("regionBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextFormat(Qt::PlainText);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bannerLayout->addWidget(m_bannerText, 1);
    m_banner->hide();
    auto* right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->setSpacing(0);
    right->addWidget(m_banner);
    right->addWidget(m_pages, 1);
    layout->addLayout(right, 1);
    setCentralWidget(central);

    createActions();
    createMenus();
    createToolBar();
    createStatusBar();
    m_pages->addWidget(m_noDocumentPage);
    connect(m_sidebar, &QListWidget::currentRowChanged, this, &MainWindow::currentWorkspaceChanged);
    connect(m_interchange, &InterchangeController::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_backups, &BackupController::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_dayOffline, &DayOfflineController::statusMessage, statusBar(), &QStatusBar::showMessage);
    m_backups->setRegionHooks([this] { setDocument(nullptr); },
                              [this](const QString& path) { return openDatabase(path); });
    updateStatus();
    // A window that is never placed (a screenshot, a test) has the design size; the program
    // places its window on the screen before showing it (placeFromSettings).
    resize(designWindowSize);
}

MainWindow::~MainWindow() {
    // Workspaces hold references to the document: let them go first, then their pages.
    if (m_document) {
        for (const auto& installed : m_workspaces) {
            installed.workspace->setDocument(nullptr);
        }
    }
    delete m_pages;
    m_pages = nullptr;
    for (const auto& installed : m_workspaces) {
        delete installed.workspace;
    }
}

void MainWindow::createActions() {
    const auto make = [this](const char* iconName, const QString& text, const QKeySequence& shortcut,
                             void (MainWindow::*slot)()) {
        auto* action = new QAction(icon(QString::fromLatin1(iconName)), text, this);
        action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_newAction =
        make("document-new", tr("&New Region Database..."), QKeySequence::New, &MainWindow::newDatabase);
    m_openAction = new QAction(icon(QStringLiteral("document-open")), tr("&Open..."), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, [this] { openDatabaseAsk(false); });
    m_openReadOnlyAction = new QAction(tr("Open &Read-Only..."), this);
    m_openReadOnlyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O));
    connect(m_openReadOnlyAction, &QAction::triggered, this, [this] { openDatabaseAsk(true); });
    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_undoAction = m_undoGroup->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setIcon(icon(QStringLiteral("edit-undo")));
    m_redoAction = m_undoGroup->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setIcon(icon(QStringLiteral("edit-redo")));

    m_aboutAction = make("balcony", tr("&About Balcony"), QKeySequence(Qt::Key_F1), &MainWindow::about);
    m_aboutAction->setMenuRole(QAction::AboutRole);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open Re&cent"));
    file->addAction(m_openReadOnlyAction);
    file->addSeparator();
    file->addAction(m_interchange->importRosterAction());
    file->addAction(m_interchange->importScheduleAction());
    file->addSeparator();
    file->addAction(m_interchange->exportRosterAction());
    file->addAction(m_interchange->exportScheduleCsvAction());
    file->addAction(m_interchange->exportCalendarAction());
    file->addAction(m_interchange->exportPdfAction());
    file->addSeparator();
    file->addAction(m_dayOffline->takeOfflineAction());
    file->addAction(m_dayOffline->bringBackAction());
    file->addSeparator();
    file->addAction(m_backups->backUpNowAction());
    file->addAction(m_backups->restoreAction());
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);

    // Installed workspaces put their menus before View, and their entries into it.
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_workspacesEnd = m_viewMenu->addSeparator();
    m_viewsEnd = m_viewMenu->addSeparator();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_aboutAction);
    updateRecentMenu();
}

void MainWindow::createToolBar() {
    QToolBar* bar = addToolBar(tr("Main Toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_openAction);
    bar->addSeparator();
    bar->addAction(m_undoAction);
    bar->addAction(m_redoAction);
    bar->addSeparator();
    bar->addAction(m_interchange->importRosterAction());
    bar->addAction(m_interchange->exportScheduleCsvAction());
    bar->addAction(m_interchange->exportPdfAction());
    m_viewMenu->addAction(bar->toggleViewAction());
}

void MainWindow::createStatusBar() {
    m_pathLabel = new QLabel(this);
    m_pathLabel->setObjectName(QStringLiteral("statusPath"));
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readOnlyLabel = new QLabel(tr("Read-only"), this);
    m_readOnlyLabel->setObjectName(QStringLiteral("statusReadOnly"));
    statusBar()->addWidget(m_pathLabel, 1);
    // The current workspace's widgets, before the read-only flag.
    m_workspaceStatus = new QWidget(this);
    auto* workspaceLayout = new QHBoxLayout(m_workspaceStatus);
    workspaceLayout->setContentsMargins(0, 0, 0, 0);
    statusBar()->addPermanentWidget(m_workspaceStatus);
    statusBar()->addPermanentWidget(m_readOnlyLabel);
    statusBar()->addPermanentWidget(m_backups->statusWidget());
}

Workspace& MainWindow::installWorkspace(std::unique_ptr<Workspace> owned) {
    Workspace* workspace = owned.release();
    workspace->setParent(this);
    const int row = static_cast<int>(m_workspaces.size());
    auto* item = new QListWidgetItem(workspace->icon(), workspace->title());
    item->setToolTip(workspace->toolTip());
    item->setSizeHint(QSize(0, 36));
    m_pages->addWidget(workspace->widget());

    auto* switchAction = new QAction(workspace->menuText(), this);
    if (row < 9) {
        switchAction->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + row)));
    }
    connect(switchAction, &QAction::triggered, this, [this, workspace] { setCurrentWorkspace(workspace); });
    m_viewMenu->insertAction(m_workspacesEnd, switchAction);
    m_viewMenu->insertActions(m_viewsEnd, workspace->viewActions());
    for (QMenu* menu : workspace->menus()) {
        menuBar()->insertMenu(m_viewMenu->menuAction(), menu);
    }
    // One box per workspace, so that switching hides its widgets without touching their own
    // visibility, which stays the workspace's.
    auto* statusBox = new QWidget(m_workspaceStatus);
    auto* statusLayout = new QHBoxLayout(statusBox);
    statusLayout->setContentsMargins(0, 0, 0, 0);
    for (QWidget* widget : workspace->statusBarWidgets()) {
        statusLayout->addWidget(widget);
    }
    m_workspaceStatus->layout()->addWidget(statusBox);

    connect(workspace, &Workspace::activationRequested, this,
            [this, workspace] { setCurrentWorkspace(workspace); });
    connect(workspace, &Workspace::statusMessage, statusBar(), &QStatusBar::showMessage);
    m_workspaces.push_back({workspace, switchAction, statusBox});
    if (m_document) {
        workspace->setDocument(m_document.get());
    }
    m_sidebar->addItem(item);
    if (m_sidebar->currentRow() < 0) {
        m_sidebar->setCurrentRow(0);
    }
    currentWorkspaceChanged();
    return *workspace;
}

Workspace* MainWindow::currentWorkspace() const {
    const int row = m_sidebar->currentRow();
    return row >= 0 && row < static_cast<int>(m_workspaces.size())
               ? m_workspaces[static_cast<size_t>(row)].workspace
               : nullptr;
}

void MainWindow::setCurrentWorkspace(Workspace* workspace) {
    for (size_t row = 0; row < m_workspaces.size(); ++row) {
        if (m_workspaces[row].workspace == workspace) {
            m_sidebar->setCurrentRow(static_cast<int>(row));
        }
    }
}

void MainWindow::currentWorkspaceChanged() {
    Workspace* current = currentWorkspace();
    for (const auto& installed : m_workspaces) {
        const bool shown = installed.workspace == current;
        for (QMenu* menu : installed.workspace->menus()) {
            menu->menuAction()->setVisible(shown);
        }
        installed.statusBox->setVisible(shown);
    }
    m_pages->setCurrentWidget(m_document && current != nullptr ? current->widget() : m_noDocumentPage);
    updateUndoStacks();
}

void MainWindow::updateUndoStacks() {
    for (const auto& installed : m_workspaces) {
        if (QUndoStack* stack = installed.workspace->undoStack()) {
            m_undoGroup->addStack(stack); // once: the group ignores a stack it has
        }
    }
    // No stack: Undo and Redo are unavailable, rather than reaching another workspace's edits.
    Workspace* current = currentWorkspace();
    m_undoGroup->setActiveStack(current != nullptr ? current->undoStack() : nullptr);
}

void MainWindow::setDocument(std::unique_ptr<RegionDocument> document) {
    // The workspaces refer to the old document: let them go of it before it goes.
    m_interchange->setDocument(nullptr);
    m_backups->setDocument(nullptr);
    m_dayOffline->setDocument(nullptr);
    if (m_document) {
        for (const auto& installed : m_workspaces) {
            installed.workspace->setDocument(nullptr);
        }
        m_undoGroup->removeStack(m_document->undoStack());
    }
    m_document = std::move(document);

    if (m_document) {
        if (m_clock != nullptr) {
            m_document->setClock(*m_clock);
        }
        RecentDatabases(m_settings).add(m_document->path());
        connect(m_document.get(), &RegionDocument::changed, this, &MainWindow::updateStatus);
        connect(m_document.get(), &RegionDocument::editFailed, this, [this](const QString& message) {
            for (const auto& installed : m_workspaces) {
                if (installed.workspace->showsEditFailures()) {
                    return; // it shows it on screen
                }
            }
            m_prompter.showError(tr("The change was not saved"), message);
        });
        m_interchange->setDocument(m_document.get());
        m_backups->setDocument(m_document.get());
        m_dayOffline->setDocument(m_document.get());
        for (const auto& installed : m_workspaces) {
            installed.workspace->setDocument(m_document.get());
        }
    }
    currentWorkspaceChanged();
    updateRecentMenu();
    updateStatus();
}

void MainWindow::updateStatus() {
    if (!m_document) {
        setWindowTitle(applicationDisplayName());
        m_pathLabel->setText(tr("No region database open"));
        m_readOnlyLabel->setVisible(false);
        m_banner->hide();
        return;
    }
    QStringList notices;
    if (m_document->isReadOnly()) {
        const QString reason = m_document->readOnlyReason();
        notices << tr("Read-only: changes are turned off.") + (reason.isEmpty() ? QString() : u' ' + reason);
    }
    notices += m_document->warnings();
    m_bannerText->setText(notices.join(QStringLiteral("\n\n")));
    m_banner->setVisible(!notices.isEmpty());
    const QString shown = QDir::toNativeSeparators(m_document->path());
    setWindowTitle(
        QStringLiteral("%1 - %2").arg(QFileInfo(m_document->path()).fileName(), applicationDisplayName()));
    m_pathLabel->setText(shown);
    m_readOnlyLabel->setVisible(m_document->isReadOnly());
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList paths = RecentDatabases(m_settings).paths();
    for (int i = 0; i < paths.size(); ++i) {
        const QString path = paths[i];
        auto* action =
            m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QDir::toNativeSeparators(path)));
        connect(action, &QAction::triggered, this, [this, path] { openDatabase(path); });
    }
    if (paths.isEmpty()) {
        m_recentMenu->addAction(tr("No recent databases"))->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        connect(m_recentMenu->addAction(tr("&Clear the List")), &QAction::triggered, this, [this] {
            RecentDatabases(m_settings).clear();
            updateRecentMenu();
        });
    }
}

QString MainWindow::statusPathText() const {
    return m_pathLabel->text();
}

QString MainWindow::bannerText() const {
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

bool MainWindow::openDatabase(const QString& path, bool readOnly) {
    RegionOpener opener(m_prompter);
    auto document = opener.open(path, readOnly);
    if (!document) {
        return false;
    }
    setDocument(std::move(document));
    return true;
}

QStringList MainWindow::viewNames() const {
    QStringList names;
    for (const auto& installed : m_workspaces) {
        names += installed.workspace->viewNames();
    }
    return names;
}

bool MainWindow::showView(const QString& name) {
    for (const auto& installed : m_workspaces) {
        if (installed.workspace->viewNames().contains(name)) {
            setCurrentWorkspace(installed.workspace);
            installed.workspace->showView(name);
            return true;
        }
    }
    return false;
}

void MainWindow::placeFromSettings() {
    const QString screenName = m_settings.value(screenKey).toString();
    const QRect normal = m_settings.value(normalGeometryKey).toRect();
    const QRect frame = m_settings.value(normalFrameKey).toRect();
    const bool maximised = m_settings.value(maximisedKey, false).toBool();
    for (QScreen* candidate : QGuiApplication::screens()) {
        if (!screenName.isEmpty() && candidate->name() == screenName && normal.isValid() &&
            frame.contains(normal) && fitsOn(frame, candidate->availableGeometry())) {
            setGeometry(normal);
            setWindowState(maximised ? windowState() | Qt::WindowMaximized
                                     : windowState() & ~Qt::WindowMaximized);
            return;
        }
    }
    // First start, or the saved screen is gone or now too small for the saved window.
    QScreen* target = screen() != nullptr ? screen() : QGuiApplication::primaryScreen();
    if (target == nullptr) {
        return;
    }
    const WindowPlacement placement = firstPlacement(target->availableGeometry());
    setGeometry(placement.geometry);
    setWindowState(placement.maximised ? windowState() | Qt::WindowMaximized
                                       : windowState() & ~Qt::WindowMaximized);
}

void MainWindow::restoreFromSettings() {
    restoreState(m_settings.value(stateKey).toByteArray());
    // The workspace by its id; earlier versions kept its row, in the order still installed.
    const QVariant saved = m_settings.value(workspaceKey);
    bool isRow = false;
    const int row = saved.toInt(&isRow);
    for (size_t i = 0; i < m_workspaces.size(); ++i) {
        Workspace* workspace = m_workspaces[i].workspace;
        if (isRow ? static_cast<int>(i) == row : workspace->id() == saved.toString()) {
            setCurrentWorkspace(workspace);
        }
        m_settings.beginGroup(workspaceGroup.arg(workspace->id()));
        workspace->restoreSettings(m_settings);
        m_settings.endGroup();
    }
}

void MainWindow::saveToSettings() {
    // Only a window the user saw has a placement worth keeping (not a screenshot or a test's).
    if (isVisible() && !testAttribute(Qt::WA_DontShowOnScreen) && screen() != nullptr) {
        const bool maximised = isMaximized() || isFullScreen();
        const QRect normal = maximised ? normalGeometry() : geometry();
        const QRect shown = geometry();
        const QRect frame = frameGeometry();
        const QMargins frameMargins(shown.left() - frame.left(), shown.top() - frame.top(),
                                    frame.right() - shown.right(), frame.bottom() - shown.bottom());
        m_settings.setValue(screenKey, screen()->name());
        m_settings.setValue(normalGeometryKey, normal);
        m_settings.setValue(normalFrameKey, normal.marginsAdded(frameMargins));
        m_settings.setValue(maximisedKey, maximised);
        m_settings.remove(oldGeometryKey);
    }
    m_settings.setValue(stateKey, saveState());
    if (Workspace* current = currentWorkspace()) {
        m_settings.setValue(workspaceKey, current->id());
    }
    for (const auto& installed : m_workspaces) {
        m_settings.beginGroup(workspaceGroup.arg(installed.workspace->id()));
        installed.workspace->saveSettings(m_settings);
        m_settings.endGroup();
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // Every edit is committed as it is made, so there is nothing to save but the window's layout.
    saveToSettings();
    event->accept();
}

void MainWindow::newDatabase() {
    const QString path = m_prompter.askSaveFile(tr("New Region Database"), QStringLiteral("region.balcony"),
                                                tr("Balcony region databases (*.balcony);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo::exists(path)) {
        m_prompter.showError(tr("Cannot create the region database"),
                             tr("%1 already exists. Choose another name, or open it with File > Open.")
                                 .arg(QDir::toNativeSeparators(path)));
        return;
    }
    RegionOpener opener(m_prompter);
    if (auto document = opener.create(path, false)) {
        setDocument(std::move(document));
    }
}

void MainWindow::openDatabaseAsk(bool readOnly) {
    const QString packs = m_reviewPackOpener
                              ? tr(";;Balcony review packs (*%1)").arg(QLatin1String(reviewPackSuffix))
                              : QString();
    const QString path =
        m_prompter.askOpenFile(readOnly ? tr("Open Region Database Read-Only") : tr("Open Region Database"),
                               tr("Balcony region databases (*.balcony)%1;;All files (*)").arg(packs));
    if (path.isEmpty()) {
        return;
    }
    if (m_reviewPackOpener && path.endsWith(QLatin1String(reviewPackSuffix))) {
        m_reviewPackOpener(path);
        return;
    }
    openDatabase(path, readOnly);
}

void MainWindow::about() {
    QMessageBox::about(this, tr("About Balcony"),
                       tr("<h3>Balcony %1</h3><p>Plans and runs peer challenge days for children's services: "
                          "the roster, cycles and groups, self-assessments, and the day itself.</p>"
                          "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                           .arg(QApplication::applicationVersion().toHtmlEscaped()));
}

} // namespace balcony::gui
