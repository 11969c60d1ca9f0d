#include "frame/main_window.h"

#include "assessments/assessments_workspace.h"
#include "board/group_board.h"
#include "cycles/schedule_workspace.h"
#include "day/discard_day_run.h"
#include "document/region_document.h"
#include "domain/schedule_store.h"
#include "engine/group_day.h"
#include "frame/app_info.h"
#include "frame/empty_state.h"
#include "frame/icons.h"
#include "frame/prompter.h"
#include "frame/recent_databases.h"
#include "frame/region_opener.h"
#include "frame/schedule_pdf.h"
#include "frame/window_placement.h"
#include "interchange/ics_export.h"
#include "interchange/roster_export.h"
#include "interchange/schedule_export.h"
#include "roster/import_dialog.h"
#include "roster/roster_workspace.h"
#include "scheduling/schedule_check.h"

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
#include <QTabWidget>
#include <QToolBar>
#include <QUndoGroup>
#include <QUndoStack>
#include <QVBoxLayout>

namespace balcony::gui {

namespace {
enum Workspace { ScheduleWorkspaceIndex, RunTheDayIndex, NotesIndex, NoDocumentIndex };
enum ScheduleTab { GroupsTab, RosterTab, AssessmentsTab };

// QWidget::saveGeometry's blob, written by earlier versions; read no more (it restored a window
// onto a monitor that had been unplugged) and removed when the placement is next saved.
const QString oldGeometryKey = QStringLiteral("window/geometry");
const QString screenKey = QStringLiteral("window/screen");
const QString normalGeometryKey = QStringLiteral("window/normalGeometry");
const QString normalFrameKey = QStringLiteral("window/normalFrame");
const QString maximisedKey = QStringLiteral("window/maximised");
const QString stateKey = QStringLiteral("window/state");
const QString workspaceKey = QStringLiteral("window/workspace");
const QString scheduleTabKey = QStringLiteral("window/scheduleTab");
} // namespace

MainWindow::MainWindow(Prompter& prompter, QSettings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_prompter(prompter)
    , m_settings(settings)
    , m_undoGroup(new QUndoGroup(this)) {
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
    const struct {
        const char* iconName;
        QString text;
        QString tip;
    } workspaces[] = {
        {"workspace-schedule", tr("Schedule"),
         tr("The project manager's workspace: groups, roster, self-assessments")},
        {"workspace-day", tr("Run the Day"), tr("The facilitator's workspace")},
        {"workspace-notes", tr("Notes and Outcomes"), tr("Session notes, asks and offers")},
    };
    for (const auto& w : workspaces) {
        auto* item = new QListWidgetItem(icon(QString::fromLatin1(w.iconName)), w.text, m_sidebar);
        item->setToolTip(w.tip);
        item->setSizeHint(QSize(0, 36));
    }

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
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int) { rebuildWorkspaces(); });
    rebuildWorkspaces();
    // A window that is never placed (a screenshot, a test) has the design size; the program
    // places its window on the screen before showing it (placeFromSettings).
    resize(designWindowSize);
}

MainWindow::~MainWindow() {
    // Workspaces hold references to the document: delete them first.
    delete m_pages;
    m_pages = nullptr;
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
    m_importRosterAction = make("import", tr("Import &Roster CSV..."), QKeySequence(Qt::CTRL | Qt::Key_I),
                                &MainWindow::importRoster);
    m_importScheduleAction =
        make("import", tr("Import &Schedule CSV..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
             &MainWindow::importSchedule);
    m_exportRosterAction =
        make("export", tr("Export Roster CS&V..."), QKeySequence(), &MainWindow::exportRoster);
    m_exportCsvAction = make("export", tr("&Export Schedule CSV..."), QKeySequence(Qt::CTRL | Qt::Key_E),
                             &MainWindow::exportScheduleCsv);
    m_exportCalendarAction = make("calendar", tr("Export i&Calendar Invitations..."),
                                  QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E), &MainWindow::exportCalendar);
    m_exportCalendarAction->setObjectName(QStringLiteral("exportInvitationsAction"));
    m_exportPdfAction = make("print", tr("Export &Printable Schedule (PDF)..."),
                             QKeySequence(Qt::CTRL | Qt::Key_P), &MainWindow::exportPdf);
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

    const QStringList workspaceTexts = {tr("&Schedule"), tr("Run the &Day"), tr("&Notes and Outcomes")};
    for (int i = 0; i < workspaceTexts.size(); ++i) {
        auto* action = new QAction(workspaceTexts[i], this);
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] { m_sidebar->setCurrentRow(i); });
        m_workspaceActions << action;
    }
    const QStringList viewTexts = {tr("&Groups"), tr("&Roster"), tr("Self-&Assessments")};
    for (int i = 0; i < viewTexts.size(); ++i) {
        auto* action = new QAction(viewTexts[i], this);
        action->setShortcut(QKeySequence(Qt::ALT | static_cast<Qt::Key>(Qt::Key_1 + i)));
        connect(action, &QAction::triggered, this, [this, i] {
            m_sidebar->setCurrentRow(ScheduleWorkspaceIndex);
            if (m_scheduleTabs != nullptr) {
                m_scheduleTabs->setCurrentIndex(i);
            }
        });
        m_viewActions << action;
    }
    m_newGroupAction = new QAction(icon(QStringLiteral("list-add")), tr("New &Group..."), this);
    m_newGroupAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    m_newGroupAction->setToolTip(tr("Add a group to the cycle shown"));
    connect(m_newGroupAction, &QAction::triggered, this, [this] {
        if (m_groupBoard) {
            showView(QStringLiteral("schedule"));
            m_groupBoard->createGroupInteractively();
        }
    });
    m_generateAction = new QAction(tr("Generate &Lead Reviewers"), this);
    m_generateAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_generateAction->setToolTip(tr("Fill in the missing lead reviewers of every group of the cycle shown"));
    connect(m_generateAction, &QAction::triggered, this, [this] {
        if (m_groupBoard) {
            showView(QStringLiteral("schedule"));
            (void)m_groupBoard->generateAllLeadReviewers();
        }
    });
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
    file->addAction(m_importRosterAction);
    file->addAction(m_importScheduleAction);
    file->addSeparator();
    file->addAction(m_exportRosterAction);
    file->addAction(m_exportCsvAction);
    file->addAction(m_exportCalendarAction);
    file->addAction(m_exportPdfAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);

    m_scheduleMenu = menuBar()->addMenu(tr("&Schedule"));
    fillScheduleMenu();

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addActions(m_workspaceActions);
    view->addSeparator();
    view->addActions(m_viewActions);
    view->addSeparator();

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
    bar->addAction(m_importRosterAction);
    bar->addAction(m_exportCsvAction);
    bar->addAction(m_exportPdfAction);
    menuBar()->actions().at(3)->menu()->addAction(bar->toggleViewAction());
}

void MainWindow::createStatusBar() {
    m_pathLabel = new QLabel(this);
    m_pathLabel->setObjectName(QStringLiteral("statusPath"));
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readOnlyLabel = new QLabel(tr("Read-only"), this);
    m_readOnlyLabel->setObjectName(QStringLiteral("statusReadOnly"));
    m_problemLabel = new QLabel(this);
    m_problemLabel->setObjectName(QStringLiteral("statusProblems"));
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(m_problemLabel);
    statusBar()->addPermanentWidget(m_readOnlyLabel);
}

void MainWindow::setDocument(std::unique_ptr<RegionDocument> document) {
    // The old workspaces refer to the old document: remove them before it goes.
    setSchedulePage(new QWidget(m_pages));
    m_scheduleTabs = nullptr;
    m_schedule = nullptr;
    m_roster = nullptr;
    m_assessments = nullptr;
    m_rosterPage = nullptr;
    m_assessmentsPage = nullptr;
    m_groupBoard = nullptr;
    if (m_document) {
        m_undoGroup->removeStack(m_document->undoStack());
    }
    m_document = std::move(document);

    if (m_document) {
        m_undoGroup->addStack(m_document->undoStack());
        m_undoGroup->setActiveStack(m_document->undoStack());
        RecentDatabases(m_settings).add(m_document->path());
        connect(m_document.get(), &RegionDocument::changed, this, &MainWindow::updateStatus);
        connect(m_document.get(), &RegionDocument::editFailed, this, [this](const QString& message) {
            if (m_groupBoard && m_groupBoard->showsEditFailures()) {
                return; // the board's banner shows it
            }
            m_prompter.showError(tr("The change was not saved"), message);
        });

        m_scheduleTabs = new QTabWidget(this);
        m_scheduleTabs->setObjectName(QStringLiteral("scheduleTabs"));
        m_scheduleTabs->setDocumentMode(true);
        m_scheduleTabs->setAccessibleName(tr("Schedule views"));
        m_schedule = new ScheduleWorkspace(*m_document, m_scheduleTabs);
        new DiscardDayRun(*m_document, *m_schedule, m_prompter); // owned by the workspace
        m_rosterPage = new QWidget(m_scheduleTabs);
        m_assessmentsPage = new QWidget(m_scheduleTabs);
        m_scheduleTabs->addTab(m_schedule, icon(QStringLiteral("workspace-schedule")), tr("Groups"));
        m_scheduleTabs->addTab(m_rosterPage, icon(QStringLiteral("roster")), tr("Roster"));
        m_scheduleTabs->addTab(m_assessmentsPage, icon(QStringLiteral("assessments")),
                               tr("Self-Assessments"));
        connect(m_scheduleTabs, &QTabWidget::currentChanged, this, &MainWindow::buildScheduleTab);
        connect(m_schedule, &ScheduleWorkspace::cycleChanged, this, &MainWindow::updateStatus);
        connect(m_schedule, &ScheduleWorkspace::cycleChanged, this, &MainWindow::updateActions);
        setSchedulePage(m_scheduleTabs);
        if (m_boardFactory) {
            if (QWidget* board = m_boardFactory(*m_document, *m_schedule)) {
                m_schedule->setBoard(board);
                m_groupBoard = qobject_cast<GroupBoard*>(board);
                if (!m_groupBoard) {
                    m_groupBoard = board->findChild<GroupBoard*>();
                }
                if (m_groupBoard) {
                    connect(m_groupBoard, &GroupBoard::invitationExportRequested, this,
                            &MainWindow::exportInvitations);
                }
            }
        }
    }
    rebuildWorkspaces();
    updateRecentMenu();
    fillScheduleMenu();
    updateStatus();
    updateActions();
}

void MainWindow::fillScheduleMenu() {
    // The cycle actions belong to the Schedule workspace, which each document builds anew.
    m_scheduleMenu->clear();
    if (m_schedule != nullptr) {
        m_scheduleMenu->addAction(m_schedule->newCycleAction());
        m_scheduleMenu->addAction(m_schedule->editCycleAction());
        m_scheduleMenu->addSeparator();
    }
    m_scheduleMenu->addAction(m_newGroupAction);
    m_scheduleMenu->addAction(m_generateAction);
}

void MainWindow::buildScheduleTab(int index) {
    if (!m_document) {
        return;
    }
    QWidget* built = nullptr;
    QWidget* page = nullptr;
    if (index == RosterTab && m_roster == nullptr) {
        m_roster = new RosterWorkspace(*m_document, m_rosterPage);
        built = m_roster;
        page = m_rosterPage;
    } else if (index == AssessmentsTab && m_assessments == nullptr) {
        m_assessments = new AssessmentsWorkspace(*m_document, m_prompter, m_assessmentsPage);
        built = m_assessments;
        page = m_assessmentsPage;
    }
    if (built != nullptr) {
        auto* layout = new QVBoxLayout(page);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(built);
        page->setFocusProxy(built);
    }
}

RosterWorkspace* MainWindow::rosterWorkspace() {
    buildScheduleTab(RosterTab);
    return m_roster;
}

AssessmentsWorkspace* MainWindow::assessmentsWorkspace() {
    buildScheduleTab(AssessmentsTab);
    return m_assessments;
}

void MainWindow::setSchedulePage(QWidget* page) {
    QWidget* old = m_pages->widget(ScheduleWorkspaceIndex);
    if (old == page) {
        return;
    }
    m_pages->removeWidget(old);
    delete old;
    m_pages->insertWidget(ScheduleWorkspaceIndex, page);
}

void MainWindow::rebuildWorkspaces() {
    if (m_pages->count() == 0) {
        m_pages->addWidget(new QWidget(m_pages)); // the Schedule slot, filled per document
        m_pages->addWidget(
            new EmptyState(tr("Run the Day"),
                           tr("Coming later: the facilitator's timed run of a peer challenge day, "
                              "with the stage clock, guidance for each stage and notes."),
                           m_pages));
        m_pages->addWidget(
            new EmptyState(tr("Notes and Outcomes"),
                           tr("Coming later: session notes for each local authority, their review "
                              "by the DCS, and the asks, offers and actions of each day."),
                           m_pages));
        m_pages->addWidget(m_noDocumentPage);
    }
    if (m_sidebar->currentRow() < 0) {
        const QSignalBlocker block(m_sidebar);
        m_sidebar->setCurrentRow(ScheduleWorkspaceIndex);
    }
    const int row = m_sidebar->currentRow();
    m_pages->setCurrentIndex(m_document || row != ScheduleWorkspaceIndex ? row : NoDocumentIndex);
    if (!m_document) {
        m_pages->setCurrentIndex(NoDocumentIndex);
    }
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

QString MainWindow::problemCountText() const {
    return m_problemLabel->text();
}

void MainWindow::updateStatus() {
    if (!m_document) {
        setWindowTitle(applicationDisplayName());
        m_pathLabel->setText(tr("No region database open"));
        m_readOnlyLabel->setVisible(false);
        m_problemLabel->setVisible(false);
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

    const qint64 cycleId = m_schedule != nullptr ? m_schedule->currentCycleId() : 0;
    auto schedule = cycleId != 0 ? ScheduleStore(m_document->database()).load(cycleId)
                                 : Result<CycleSchedule>(CycleSchedule{});
    if (cycleId == 0 || !schedule) {
        m_problemLabel->setVisible(false);
        return;
    }
    const Problems problems = checkSchedule(*schedule, QDate::currentDate());
    int errors = 0;
    for (const auto& problem : problems) {
        errors += problem.isError() ? 1 : 0;
    }
    const int warnings = static_cast<int>(problems.size()) - errors;
    m_problemLabel->setText(problems.empty()
                                ? tr("No problems in %1").arg(schedule->cycle.name)
                                : tr("%1: %n error(s)", nullptr, errors).arg(schedule->cycle.name) +
                                      tr(", %n warning(s)", nullptr, warnings));
    m_problemLabel->setVisible(true);
}

void MainWindow::updateActions() {
    const bool open = m_document != nullptr;
    const bool writable = open && !m_document->isReadOnly();
    m_importRosterAction->setEnabled(writable);
    m_importScheduleAction->setEnabled(writable);
    const bool haveCycle = m_schedule != nullptr && m_schedule->currentCycleId() != 0;
    m_exportRosterAction->setEnabled(open);
    const QString needsCycle = tr("Create a cycle first (Schedule > New Cycle).");
    for (QAction* action : {m_exportCsvAction, m_exportPdfAction}) {
        action->setEnabled(haveCycle);
    }
    m_exportCsvAction->setToolTip(haveCycle ? tr("The cycle's groups as a schedule CSV file") : needsCycle);
    m_exportPdfAction->setToolTip(haveCycle ? tr("An A4 PDF of the cycle's groups") : needsCycle);
    // The exporter records what each invitation said, to raise its SEQUENCE when it changes.
    m_exportCalendarAction->setEnabled(writable && haveCycle);
    m_exportCalendarAction->setToolTip(
        open && !writable
            ? tr("Invitations are recorded in the region database: open it for writing to export them.")
        : haveCycle ? tr("Calendar invitations (.ics) for every group day of the cycle")
                    : needsCycle);
    const bool canEditGroups = writable && haveCycle && m_groupBoard;
    m_newGroupAction->setEnabled(canEditGroups);
    m_generateAction->setEnabled(canEditGroups);
    for (QAction* action : m_viewActions) {
        action->setEnabled(open);
    }
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

QStringList MainWindow::viewNames() {
    return {QStringLiteral("schedule"), QStringLiteral("roster"), QStringLiteral("self-assessments"),
            QStringLiteral("run-the-day"), QStringLiteral("notes")};
}

bool MainWindow::showView(const QString& name) {
    const int index = static_cast<int>(viewNames().indexOf(name));
    if (index < 0) {
        return false;
    }
    if (index <= AssessmentsTab) {
        m_sidebar->setCurrentRow(ScheduleWorkspaceIndex);
        if (m_scheduleTabs != nullptr) {
            m_scheduleTabs->setCurrentIndex(index);
        }
    } else {
        m_sidebar->setCurrentRow(index == 3 ? RunTheDayIndex : NotesIndex);
    }
    return true;
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
    const int workspace = m_settings.value(workspaceKey, 0).toInt();
    if (workspace >= 0 && workspace < m_sidebar->count()) {
        m_sidebar->setCurrentRow(workspace);
    }
    if (m_scheduleTabs != nullptr) {
        m_scheduleTabs->setCurrentIndex(m_settings.value(scheduleTabKey, 0).toInt());
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
    m_settings.setValue(workspaceKey, m_sidebar->currentRow());
    if (m_scheduleTabs != nullptr) {
        m_settings.setValue(scheduleTabKey, m_scheduleTabs->currentIndex());
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
    const QString path =
        m_prompter.askOpenFile(readOnly ? tr("Open Region Database Read-Only") : tr("Open Region Database"),
                               tr("Balcony region databases (*.balcony);;All files (*)"));
    if (!path.isEmpty()) {
        openDatabase(path, readOnly);
    }
}

void MainWindow::importRoster() {
    if (!m_document) {
        return;
    }
    const QString path = m_prompter.askOpenFile(tr("Import Roster"), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    ImportDialog dialog(*m_document, ImportDialog::Kind::Roster, path, 0, this);
    if (dialog.exec() == QDialog::Accepted) {
        statusBar()->showMessage(dialog.summary(), 8000);
    }
}

void MainWindow::importSchedule() {
    if (!m_document || m_schedule == nullptr) {
        return;
    }
    const qint64 cycleId = m_schedule->currentCycleId();
    if (cycleId == 0) {
        m_prompter.showError(
            tr("Import Schedule"),
            tr("A schedule is imported into a cycle. Create the cycle first (Schedule > New Cycle)."));
        return;
    }
    const QString path =
        m_prompter.askOpenFile(tr("Import Schedule"), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    ImportDialog dialog(*m_document, ImportDialog::Kind::Schedule, path, cycleId, this);
    if (dialog.exec() == QDialog::Accepted) {
        statusBar()->showMessage(dialog.summary(), 8000);
    }
}

void MainWindow::exportRoster() {
    if (!m_document) {
        return;
    }
    const QString path =
        m_prompter.askSaveFile(tr("Export Roster"), QStringLiteral("roster.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    auto written = interchange::exportRosterFile(m_document->database(), path);
    if (!written) {
        m_prompter.showError(tr("Export Roster"), written.message());
        return;
    }
    statusBar()->showMessage(tr("Wrote %n local authorities to %1", nullptr, *written).arg(path), 8000);
}

void MainWindow::exportScheduleCsv() {
    if (!m_document || m_schedule == nullptr || m_schedule->currentCycleId() == 0) {
        return;
    }
    const QString path = m_prompter.askSaveFile(tr("Export Schedule"), QStringLiteral("schedule.csv"),
                                                tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    auto written =
        interchange::exportScheduleFile(m_document->database(), m_schedule->currentCycleId(), path);
    if (!written) {
        m_prompter.showError(tr("Export Schedule"), written.message());
        return;
    }
    statusBar()->showMessage(tr("Wrote %n row(s) to %1", nullptr, *written).arg(path), 8000);
}

void MainWindow::exportCalendar() {
    if (m_schedule == nullptr || m_schedule->currentCycleId() == 0) {
        m_prompter.showError(
            tr("Export iCalendar Invitations"),
            tr("Invitations are exported for a cycle. Create the cycle first (Schedule > New Cycle)."));
        return;
    }
    exportInvitations(m_schedule->currentCycleId(), QString());
}

void MainWindow::exportInvitations(qint64 cycleId, const QString& groupLabel) {
    if (!m_document || cycleId == 0) {
        return;
    }
    const bool oneGroup = !groupLabel.isEmpty();
    const QString title = oneGroup ? tr("Export Invitation") : tr("Export iCalendar Invitations");
    if (m_document->isReadOnly()) {
        m_prompter.showError(title,
                             tr("This region is open read-only. Invitations are recorded in the region "
                                "database: open it for writing to export them."));
        return;
    }
    QString suggested = oneGroup ? groupLabel : tr("invitations");
    for (const QChar c : {u'/', u'\\', u':', u'*', u'?', u'"', u'<', u'>', u'|'}) {
        suggested.replace(c, u'-');
    }
    const QString path =
        m_prompter.askSaveFile(title, suggested + QStringLiteral(".ics"), tr("iCalendar files (*.ics)"));
    if (path.isEmpty()) {
        return;
    }
    interchange::IcsOptions options;
    options.groupLabel = groupLabel;
    auto report = interchange::exportIcsFile(m_document->database(), cycleId, path, options);
    if (!report) {
        m_prompter.showError(title, report.message());
        return;
    }
    const QString file = QFileInfo(path).fileName();
    const bool request = report->method == interchange::IcsMethod::Request;
    QString text = oneGroup ? tr("Wrote the invitation of %1 to %2").arg(groupLabel, file)
                            : tr("Wrote %n invitation(s) to %1", nullptr, report->events).arg(file);
    text += request ? tr(" as meeting requests (METHOD:REQUEST) from the cycle's organiser")
                    : tr(" as a plain calendar without attendees (METHOD:PUBLISH): the cycle has no "
                         "organiser; set one in Edit Cycle to send meeting requests");
    if (report->sequencesRaised > 0) {
        text += tr(" (%n changed since the last export)", nullptr, report->sequencesRaised);
    }
    if (report->cancellations > 0) {
        text += tr("; %n cancellation(s) of days gone since written to %1", nullptr, report->cancellations)
                    .arg(QFileInfo(report->cancellationsPath).fileName());
    }
    if (report->withdrawals > 0) {
        text += tr("; %n invitation(s) withdrawn from people no longer invited to a day, in %1", nullptr,
                   report->withdrawals)
                    .arg(QFileInfo(report->cancellationsPath).fileName());
    }
    if (report->cancellationsPending > 0) {
        text += tr("; %n day(s) gone since await cancelling: export the whole cycle", nullptr,
                   report->cancellationsPending);
    }
    statusBar()->showMessage(text, 15000);
}

void MainWindow::exportPdf() {
    if (!m_document || m_schedule == nullptr || m_schedule->currentCycleId() == 0) {
        return;
    }
    const QString path = m_prompter.askSaveFile(tr("Export Printable Schedule"),
                                                QStringLiteral("schedule.pdf"), tr("PDF files (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    auto schedule = ScheduleStore(m_document->database()).load(m_schedule->currentCycleId());
    DayTimes times;
    if (schedule) {
        // The same times as the timetable and the invitations: the group's own day.
        for (const auto& group : schedule->groups) {
            if (auto day = plannedTimetable(m_document->database(), *schedule, group)) {
                times[group.id] = clockText(day->startMinute()) + u'-' + clockText(day->endMinute());
            }
        }
    }
    Status written = schedule ? writeSchedulePdf(*schedule, times, path) : Status(schedule.error());
    if (!written) {
        m_prompter.showError(tr("Export Printable Schedule"), written.message());
        return;
    }
    statusBar()->showMessage(tr("Wrote %1").arg(path), 8000);
}

void MainWindow::about() {
    QMessageBox::about(this, tr("About Balcony"),
                       tr("<h3>Balcony %1</h3><p>Plans and runs peer challenge days for children's services: "
                          "the roster, cycles and groups, self-assessments, and the day itself.</p>"
                          "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                           .arg(QApplication::applicationVersion().toHtmlEscaped()));
}

} // namespace balcony::gui
