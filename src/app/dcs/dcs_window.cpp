#include "dcs/dcs_window.h"

#include "engine/clock.h"
#include "frame/prompter.h"
#include "review_pack/region_review.h"
#include "store/database.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextList>
#include <QTimeZone>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace balcony::gui {

namespace {

const QString nameKey = QStringLiteral("dcs/name");
// The pause after the last key before the change is saved: short enough that nothing typed is
// lost to a crash, long enough not to write the file on every key.
constexpr int saveDelayMs = 300;

QLocale ukLocale() {
    return QLocale(QLocale::English, QLocale::UnitedKingdom);
}

QString dayText(const QDate& day) {
    return day.isValid() ? ukLocale().toString(day, QStringLiteral("dddd d MMMM yyyy")) : QString();
}

// A UTC time as the DCS reads it: the UK's date and time.
QString momentText(const QDateTime& utc) {
    const QDateTime uk = utc.toTimeZone(QTimeZone(QByteArrayLiteral("Europe/London")));
    return QCoreApplication::translate("balcony::gui::DcsWindow", "%1 at %2")
        .arg(dayText(uk.date()), uk.time().toString(QStringLiteral("HH:mm")));
}

QString clockText(const QDateTime& utc) {
    return utc.toTimeZone(QTimeZone(QByteArrayLiteral("Europe/London")))
        .time()
        .toString(QStringLiteral("HH:mm:ss"));
}

QString row(const QString& label, const QString& value) {
    return QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value);
}

// The Markdown the editor gives back for markdown, so that "back to the text as sent" is
// recognised whatever the editor normalised (list markers, line wrapping, escapes).
QString roundTrip(const QString& markdown) {
    QTextDocument document;
    document.setMarkdown(markdown);
    return document.toMarkdown();
}

} // namespace

QString reviewPackFilter() {
    return QCoreApplication::translate("balcony::gui::DcsWindow", "Balcony review packs (*%1)")
        .arg(QLatin1String(reviewPackSuffix));
}

DcsWindow::DcsWindow(Prompter& prompter, const Clock& clock, QSettings& settings, QWidget* parent)
    : QMainWindow(parent)
    , m_prompter(prompter)
    , m_clock(clock)
    , m_settings(settings) {
    setObjectName(QStringLiteral("dcsWindow"));
    m_saveTimer = new QTimer(this);
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(saveDelayMs);
    connect(m_saveTimer, &QTimer::timeout, this, [this] { saveNow(); });
    buildUi();
    showPack();
}

DcsWindow::~DcsWindow() = default;

void DcsWindow::buildUi() {
    auto* file = menuBar()->addMenu(tr("&File"));
    auto* open = file->addAction(tr("&Open Review Pack..."), this, [this] { openAsk(); });
    open->setShortcut(QKeySequence::Open);
    m_reload = file->addAction(tr("&Reload the Note"), this, [this] { reload(); });
    m_reload->setShortcut(QKeySequence::Refresh);
    m_reload->setEnabled(false);
    file->addSeparator();
    auto* close = file->addAction(tr("&Close"), this, [this] { this->close(); });
    close->setShortcut(QKeySequence::Close);

    m_editor = new QTextEdit;
    m_editor->setObjectName(QStringLiteral("dcsEditor"));
    m_editor->setAccessibleName(tr("Your version of the note"));
    // Pasted text arrives as plain text: the note keeps to what Markdown holds (headings,
    // paragraphs, lists), which the toolbar gives.
    m_editor->setAcceptRichText(false);
    connect(m_editor->document(), &QTextDocument::contentsChanged, this, &DcsWindow::editorChanged);

    auto* edit = menuBar()->addMenu(tr("&Edit"));
    m_undo = edit->addAction(tr("&Undo"), m_editor, &QTextEdit::undo);
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setEnabled(false);
    m_redo = edit->addAction(tr("&Redo"), m_editor, &QTextEdit::redo);
    m_redo->setShortcut(QKeySequence::Redo);
    m_redo->setEnabled(false);
    connect(m_editor, &QTextEdit::undoAvailable, m_undo, &QAction::setEnabled);
    connect(m_editor, &QTextEdit::redoAvailable, m_redo, &QAction::setEnabled);

    auto* format = menuBar()->addMenu(tr("F&ormat"));
    m_heading = format->addAction(tr("&Heading"), this, [this] { setHeading(2); });
    m_heading->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_subheading = format->addAction(tr("&Subheading"), this, [this] { setHeading(3); });
    m_subheading->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_paragraph = format->addAction(tr("&Paragraph"), this, [this] { setHeading(0); });
    m_paragraph->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_bullets = format->addAction(tr("&Bulleted List"));
    m_bullets->setCheckable(true);
    m_bullets->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_8));
    connect(m_bullets, &QAction::triggered, this, [this](bool on) { setBulleted(on); });
    connect(m_editor, &QTextEdit::cursorPositionChanged, this,
            [this] { m_bullets->setChecked(m_editor->textCursor().currentList() != nullptr); });

    auto* central = new QWidget;
    auto* outer = new QVBoxLayout(central);
    m_empty = new QLabel(tr("Open a review pack with File > Open Review Pack."));
    m_empty->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_empty);

    m_content = new QWidget;
    auto* layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("dcsTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    m_facts = new QLabel;
    m_facts->setObjectName(QStringLiteral("dcsFacts"));
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_facts->setWordWrap(true);
    layout->addWidget(m_facts);
    m_banner = new QLabel;
    m_banner->setObjectName(QStringLiteral("dcsBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #3b2f00; padding: 6px; }"));
    layout->addWidget(m_banner);
    m_decision = new QLabel;
    m_decision->setObjectName(QStringLiteral("dcsDecision"));
    m_decision->setTextFormat(Qt::RichText);
    m_decision->setWordWrap(true);
    m_decision->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_decision->setStyleSheet(
        QStringLiteral("QLabel { background: #dff6dd; color: #0b3b0b; padding: 8px; }"));
    layout->addWidget(m_decision);

    auto* formatBar = new QToolBar(tr("Format"));
    formatBar->setObjectName(QStringLiteral("dcsFormatBar"));
    formatBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    formatBar->addAction(m_undo);
    formatBar->addAction(m_redo);
    formatBar->addSeparator();
    formatBar->addAction(m_heading);
    formatBar->addAction(m_subheading);
    formatBar->addAction(m_paragraph);
    formatBar->addAction(m_bullets);
    auto* nameLabel = new QLabel(tr("Your &name:"));
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("dcsName"));
    m_name->setPlaceholderText(tr("as the facilitator should see it"));
    m_name->setMaximumWidth(260);
    nameLabel->setBuddy(m_name);
    m_name->setText(m_settings.value(nameKey).toString());
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString& name) {
        m_settings.setValue(nameKey, name.trimmed());
        if (m_pending) {
            m_saveTimer->start();
        }
    });
    m_saveStatus = new QLabel;
    m_saveStatus->setObjectName(QStringLiteral("dcsSaveStatus"));
    // Whether the text is saved is read whole: the format bar gives way first.
    m_saveStatus->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred);
    auto* editorBar = new QHBoxLayout;
    editorBar->addWidget(formatBar);
    editorBar->addStretch(1);
    editorBar->addWidget(m_saveStatus);
    editorBar->addSpacing(12);
    editorBar->addWidget(nameLabel);
    editorBar->addWidget(m_name);

    auto* yours = new QWidget;
    auto* yoursLayout = new QVBoxLayout(yours);
    yoursLayout->setContentsMargins(0, 0, 0, 0);
    yoursLayout->addLayout(editorBar);
    yoursLayout->addWidget(m_editor, 1);
    m_sent = new QTextBrowser;
    m_sent->setObjectName(QStringLiteral("dcsSent"));
    m_tabs = new QTabWidget;
    m_tabs->addTab(yours, tr("&Your version"));
    m_tabs->addTab(m_sent, tr("As &sent"));
    layout->addWidget(m_tabs, 1);

    auto* buttons = new QHBoxLayout;
    m_discardButton = new QPushButton(tr("&Discard My Amendments..."));
    m_discardButton->setObjectName(QStringLiteral("dcsDiscard"));
    connect(m_discardButton, &QPushButton::clicked, this, [this] { discardAmendments(); });
    m_agreeButton = new QPushButton(tr("&Agree the Note as Sent..."));
    m_agreeButton->setObjectName(QStringLiteral("dcsAgree"));
    connect(m_agreeButton, &QPushButton::clicked, this, [this] { agreeAsSent(); });
    m_returnButton = new QPushButton(tr("&Return with My Amendments..."));
    m_returnButton->setObjectName(QStringLiteral("dcsReturn"));
    connect(m_returnButton, &QPushButton::clicked, this, [this] { returnWithAmendments(); });
    buttons->addWidget(m_discardButton);
    buttons->addStretch(1);
    buttons->addWidget(m_agreeButton);
    buttons->addWidget(m_returnButton);
    layout->addLayout(buttons);
    outer->addWidget(m_content, 1);
    setCentralWidget(central);
}

bool DcsWindow::openPackFile(const QString& path, bool readOnly) {
    // The open pack's waiting change goes into it first, whatever becomes of the new file.
    flush();
    auto opened = openPack(path, ReviewPack::Options{.readOnly = readOnly});
    if (!opened) {
        m_prompter.showError(tr("Cannot open the review pack"), opened.message());
        return false;
    }
    showReview(reviewOfPack(std::move(*opened)));
    m_region.reset();
    return true;
}

bool DcsWindow::openRegionNote(std::unique_ptr<Database> region, qint64 authorityId) {
    flush();
    showReview(nullptr);
    m_region = std::move(region);
    m_authorityId = authorityId;
    return openOwnNote();
}

bool DcsWindow::openOwnNote() {
    auto opened = openRegionReview(*m_region, m_clock, m_authorityId);
    if (!opened) {
        // The region stays open, so that File > Reload the Note finds the note once it is sent.
        m_empty->setText(m_signedIn + QStringLiteral("\n\n") + opened.message());
        m_reload->setEnabled(true);
        return false;
    }
    showReview(std::move(*opened));
    return true;
}

void DcsWindow::showReview(std::unique_ptr<DcsReview> review) {
    m_review = std::move(review);
    m_reload->setEnabled(m_review != nullptr || m_region != nullptr);
    showPack();
}

void DcsWindow::showKeepingText(const QString& typed) {
    showPack();
    // Still unanswered but sent again meanwhile: the new revision shows as sent, and what the DCS
    // typed stays in the editor, unsaved, to be compared with it.
    if (m_review->state().decision == PackDecision::None && typed != m_sentAsEdited &&
        !m_editor->isReadOnly()) {
        loadEditor(typed);
        m_pending = true;
        updateControls();
    }
}

bool DcsWindow::reload() {
    if (!m_review && !m_region) {
        return false;
    }
    if (!flush() && !m_prompter.askConfirm(tr("Reload without saving?"),
                                           tr("Your last change to the note could not be saved (%1). Reload "
                                              "the note anyway and lose it?")
                                               .arg(m_saveStatus->text()),
                                           tr("Reload Without Saving"))) {
        return false;
    }
    if (!m_review) {
        return openOwnNote();
    }
    if (Status read = m_review->reload(); !read) {
        m_banner->setText(read.message());
        m_banner->show();
        return false;
    }
    showPack();
    return true;
}

QString DcsWindow::afterwardsText() const {
    return m_review != nullptr && m_review->isInRegion() ? tr("afterwards the note cannot change here.")
                                                         : tr("afterwards nothing in this file can change.");
}

void DcsWindow::openAsk() {
    const QString path = m_prompter.askOpenFile(tr("Open Review Pack"), reviewPackFilter());
    if (!path.isEmpty()) {
        openPackFile(path);
    }
}

void DcsWindow::setServerLogin(const QString& region, const QString& authority) {
    m_serverAuthority = authority;
    m_signedIn = tr("Signed in to %1 as the DCS of %2.\n\nThis window is your own LA's: your session note "
                    "appears here when the facilitator sends it for your review (File > Reload the Note "
                    "looks again). A review pack sent to you by e-mail opens with File > Open Review Pack.")
                     .arg(region, authority);
    m_empty->setText(m_signedIn);
    if (!m_review) {
        setWindowTitle(tr("DCS of %1").arg(authority));
    }
}

void DcsWindow::showPack() {
    m_saveTimer->stop();
    m_pending = false;
    m_empty->setVisible(!m_review);
    m_content->setVisible(m_review != nullptr);
    if (!m_review) {
        setWindowTitle(m_serverAuthority.isEmpty() ? tr("Review Pack")
                                                   : tr("DCS of %1").arg(m_serverAuthority));
        loadEditor(QString());
        m_sent->clear();
        return;
    }
    const ReviewPackState& state = m_review->state();
    const ReviewPackContents& sent = state.sent;
    setWindowTitle(tr("Session note for %1").arg(sent.authorityName));
    m_title->setText(tr("Session note for %1").arg(sent.authorityName));

    const QDate today = m_clock.utcNow().toTimeZone(QTimeZone(QByteArrayLiteral("Europe/London"))).date();
    QString due = dayText(sent.dueDate).toHtmlEscaped();
    if (state.decision == PackDecision::None && sent.dueDate.isValid() && today > sent.dueDate) {
        due += tr(" <b>(overdue)</b>");
    }
    const QString mono = QFontDatabase::systemFont(QFontDatabase::FixedFont).family().toHtmlEscaped();
    QString facts = QStringLiteral("<table>");
    facts += row(tr("Local authority"), sent.authorityName.toHtmlEscaped());
    facts += row(tr("Group"), tr("%1 of cycle %2, on %3")
                                  .arg(sent.groupLabel.toHtmlEscaped(), sent.cycleName.toHtmlEscaped(),
                                       dayText(sent.groupDate).toHtmlEscaped()));
    facts += row(tr("The group's LAs"), sent.groupAuthorities.join(QStringLiteral(", ")).toHtmlEscaped());
    facts += row(tr("Your answer is due"), due);
    facts += row(tr("Revision sent"), tr("%1, fingerprint <span style=\"font-family:'%2'\">%3</span>")
                                          .arg(QString::number(sent.revisionNumber), mono,
                                               sent.revisionFingerprint.toHtmlEscaped()));
    facts += m_review->isInRegion()
                 ? row(tr("Region"), m_review->where().toHtmlEscaped())
                 : row(tr("File"), QDir::toNativeSeparators(m_review->where()).toHtmlEscaped());
    facts += QStringLiteral("</table>");
    m_facts->setText(facts);

    m_sent->setMarkdown(sent.revisionBody);
    m_sentAsEdited = roundTrip(sent.revisionBody);
    loadEditor(state.amendment ? state.amendment->body : sent.revisionBody);
    if (m_name->text().trimmed().isEmpty()) {
        m_name->setText(state.amendment ? state.amendment->dcsName : state.decidedBy);
    }
    m_saveStatus->setText(
        state.amendment ? tr("Your amendments were saved %1").arg(momentText(state.amendment->savedAtUtc))
                        : QString());
    showDecision();
    updateControls();
}

void DcsWindow::loadEditor(const QString& markdown) {
    m_loading = true;
    // Without undo while loading, so that Undo never brings back another pack's text or the text
    // before a discard.
    m_editor->setUndoRedoEnabled(false);
    m_editor->document()->setMarkdown(markdown);
    m_editor->setUndoRedoEnabled(true);
    m_editor->moveCursor(QTextCursor::Start);
    m_editor->verticalScrollBar()->setValue(0);
    m_loading = false;
}

void DcsWindow::showDecision() {
    const ReviewPackState& state = m_review->state();
    if (state.decision == PackDecision::None) {
        m_decision->hide();
        return;
    }
    const QString what = state.decision == PackDecision::Agreed
                             ? tr("You agreed this note as sent (revision %1)").arg(state.sent.revisionNumber)
                             : tr("You returned this note with your amendments");
    if (m_review->isInRegion()) {
        // In the region the answer may also be the facilitator's record of one (by phone, from a
        // pack), so it says who recorded it rather than "you".
        const QString answer = state.decision == PackDecision::Agreed
                                   ? tr("Agreed as sent (revision %1)").arg(state.sent.revisionNumber)
                                   : tr("Returned with amendments");
        m_decision->setText(tr("<b>%1</b> on %2, by %3. The note cannot change here now.<br><br>"
                               "The answer is in the region already: the facilitator sees it in Balcony, "
                               "and nothing needs to be sent.")
                                .arg(answer.toHtmlEscaped(), momentText(state.decidedAtUtc).toHtmlEscaped(),
                                     state.decidedBy.toHtmlEscaped()));
        m_decision->show();
        return;
    }
    const QFileInfo info(m_review->where());
    m_decision->setText(tr("<b>%1</b> on %2, as %3. Nothing in this file can change now.<br><br>"
                           "<b>Now send the file back</b> to the facilitator who sent it to you: attach "
                           "<b>%4</b> to a reply to "
                           "their e-mail, or put it where they asked. It is in the folder %5. Their Balcony "
                           "reads your answer "
                           "from it; nothing else needs to be typed.")
                            .arg(what.toHtmlEscaped(), momentText(state.decidedAtUtc).toHtmlEscaped(),
                                 state.decidedBy.toHtmlEscaped(), info.fileName().toHtmlEscaped(),
                                 QDir::toNativeSeparators(info.absolutePath()).toHtmlEscaped()));
    m_decision->show();
}

void DcsWindow::updateControls() {
    const bool open = (m_review != nullptr);
    const bool decided = open && m_review->state().decision != PackDecision::None;
    const bool readOnly = open && m_review->isReadOnly();
    const bool editable = open && !decided && !readOnly;
    const bool amended = open && m_review->state().amendment.has_value();
    m_editor->setReadOnly(!editable);
    m_name->setEnabled(editable);
    for (QAction* action : {m_heading, m_subheading, m_paragraph, m_bullets}) {
        action->setEnabled(editable);
    }
    m_undo->setEnabled(editable && m_editor->document()->isUndoAvailable());
    m_redo->setEnabled(editable && m_editor->document()->isRedoAvailable());
    m_agreeButton->setEnabled(editable);
    m_returnButton->setEnabled(editable && (amended || m_pending));
    m_discardButton->setEnabled(editable && (amended || m_pending));
    if (readOnly && !decided) {
        const QString reason = m_review->readOnlyReason();
        if (m_review->isInRegion()) {
            m_banner->setText(reason.isEmpty()
                                  ? tr("The region is open read-only, so the note cannot be changed.")
                                  : tr("This note cannot be changed here: %1").arg(reason));
        } else {
            m_banner->setText(reason.isEmpty()
                                  ? tr("This review pack is open read-only, so it cannot be changed.")
                                  : tr("This review pack cannot be changed: %1").arg(reason));
        }
        m_banner->show();
    } else {
        m_banner->hide();
    }
}

void DcsWindow::editorChanged() {
    if (m_loading || !m_review || m_editor->isReadOnly()) {
        return;
    }
    m_pending = true;
    m_saveStatus->setText(QString());
    m_saveTimer->start();
    updateControls();
}

bool DcsWindow::flush() {
    m_saveTimer->stop();
    return !m_pending || saveNow();
}

bool DcsWindow::saveNow() {
    if (!m_review || !m_pending) {
        return true;
    }
    const QString body = m_editor->document()->toMarkdown();
    Status saved;
    if (body == m_sentAsEdited) {
        saved = m_review->discardAmendment();
    } else if (body.trimmed().isEmpty()) {
        m_saveStatus->setText(tr("Not saved: the note is empty. Write something, or undo."));
        return false;
    } else if (dcsName().isEmpty()) {
        m_saveStatus->setText(tr("Not saved yet: type your name, on the right, to save."));
        return false;
    } else {
        saved = m_review->saveAmendment(body, dcsName(), m_clock.utcNow());
    }
    if (!saved) {
        if (m_review->state().decision != PackDecision::None || saved.error().kind == Error::Kind::Changed) {
            showKeepingText(body);
        }
        m_saveStatus->setText(tr("Not saved"));
        m_banner->setText(saved.message());
        m_banner->show();
        return false;
    }
    m_pending = false;
    m_saveStatus->setText(m_review->state().amendment
                              ? tr("Saved at %1").arg(clockText(m_review->state().amendment->savedAtUtc))
                              : tr("Saved: the note is as sent"));
    updateControls();
    return true;
}

void DcsWindow::setDcsName(const QString& name) {
    m_name->setText(name);
    m_settings.setValue(nameKey, name.trimmed());
}

QString DcsWindow::dcsName() const {
    return m_name->text().trimmed();
}

QString DcsWindow::saveStatusText() const {
    return m_saveStatus->text();
}

bool DcsWindow::requireName() {
    if (!dcsName().isEmpty()) {
        return true;
    }
    m_prompter.showError(tr("Your name is needed"),
                         tr("Type your name in the Your name box first: the facilitator sees who agreed or "
                            "amended the note."));
    m_name->setFocus();
    return false;
}

bool DcsWindow::agreeAsSent() {
    if (!m_review || m_editor->isReadOnly() || !requireName()) {
        return false;
    }
    if (!flush()) {
        m_prompter.showError(tr("The note was not agreed"),
                             tr("Your last change could not be saved: %1").arg(m_saveStatus->text()));
        return false;
    }
    const ReviewPackContents& sent = m_review->state().sent;
    if (m_review->state().amendment) {
        // Agreeing means the text as sent: the waiting amendments would be lost, so the DCS chooses.
        if (!m_prompter.askConfirm(
                tr("Your amendments are waiting"),
                tr("You have amended the note, so it cannot be agreed as sent. Discard your amendments and "
                   "agree the note for %1 exactly as it was sent, as %2? This cannot be undone. To send your "
                   "amendments instead, choose Return with My Amendments.")
                    .arg(sent.authorityName, dcsName()),
                tr("Discard and Agree"))) {
            return false;
        }
        if (auto discarded = m_review->discardAmendment(); !discarded) {
            m_prompter.showError(tr("The note was not agreed"), discarded.message());
            showPack();
            return false;
        }
        loadEditor(sent.revisionBody);
    } else if (!m_prompter.askConfirm(
                   tr("Agree the note as sent"),
                   tr("You are agreeing revision %1 of the session note for %2 exactly as it "
                      "was sent, as %3. This cannot be undone: %4")
                       .arg(QString::number(sent.revisionNumber), sent.authorityName, dcsName(),
                            afterwardsText()),
                   tr("Agree the Note"))) {
        return false;
    }
    if (auto agreed = m_review->agree(dcsName(), m_clock.utcNow()); !agreed) {
        m_prompter.showError(tr("The note was not agreed"), agreed.message());
        showPack();
        return false;
    }
    showPack();
    return true;
}

bool DcsWindow::returnWithAmendments() {
    if (!m_review || m_editor->isReadOnly() || !requireName()) {
        return false;
    }
    if (!flush()) {
        m_prompter.showError(tr("The note was not returned"),
                             tr("Your last change could not be saved: %1").arg(m_saveStatus->text()));
        return false;
    }
    const ReviewPackContents& sent = m_review->state().sent;
    if (!m_review->state().amendment) {
        m_prompter.showError(tr("Nothing to return"),
                             tr("You have not amended the note for %1. Amend it first, or agree it as sent.")
                                 .arg(sent.authorityName));
        return false;
    }
    if (!m_prompter.askConfirm(tr("Return with my amendments"),
                               tr("You are sending the session note for %1 back with your amendments, as %2. "
                                  "This cannot be undone: %3")
                                   .arg(sent.authorityName, dcsName(), afterwardsText()),
                               tr("Return the Note"))) {
        return false;
    }
    if (auto returned = m_review->returnWithAmendments(dcsName(), m_clock.utcNow()); !returned) {
        m_prompter.showError(tr("The note was not returned"), returned.message());
        showKeepingText(m_editor->document()->toMarkdown());
        return false;
    }
    showPack();
    return true;
}

bool DcsWindow::discardAmendments() {
    if (!m_review || m_editor->isReadOnly()) {
        return false;
    }
    m_saveTimer->stop();
    if (!m_prompter.askConfirm(
            tr("Discard my amendments"),
            tr("Your changes to the note for %1 will be removed and the note shown as it was "
               "sent. This cannot be undone.")
                .arg(m_review->state().sent.authorityName),
            tr("Discard"))) {
        if (m_pending) {
            m_saveTimer->start();
        }
        return false;
    }
    if (auto discarded = m_review->discardAmendment(); !discarded) {
        m_prompter.showError(tr("The amendments were not discarded"), discarded.message());
        return false;
    }
    showPack();
    return true;
}

void DcsWindow::setHeading(int level) {
    QTextCursor cursor = m_editor->textCursor();
    cursor.beginEditBlock();
    QTextCursor blocks(m_editor->document());
    blocks.setPosition(cursor.selectionStart());
    blocks.movePosition(QTextCursor::StartOfBlock);
    blocks.setPosition(cursor.selectionEnd(), QTextCursor::KeepAnchor);
    blocks.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    const bool wasHeading = cursor.blockFormat().headingLevel() > 0;
    if (level > 0) {
        for (QTextBlock block = m_editor->document()->findBlock(blocks.selectionStart());
             block.isValid() && block.position() <= blocks.selectionEnd(); block = block.next()) {
            if (QTextList* list = block.textList()) {
                list->remove(block);
            }
        }
    }
    QTextBlockFormat blockFormat;
    blockFormat.setHeadingLevel(level);
    blockFormat.setIndent(0);
    blocks.mergeBlockFormat(blockFormat);
    // The sizes QTextDocument::setMarkdown gives headings, so that a new heading looks like one sent.
    QTextCharFormat charFormat;
    if (level > 0) {
        charFormat.setFontWeight(QFont::Bold);
        charFormat.setProperty(QTextFormat::FontSizeAdjustment, 4 - level);
    } else if (wasHeading) {
        charFormat.setFontWeight(QFont::Normal);
        charFormat.setProperty(QTextFormat::FontSizeAdjustment, 0);
    }
    if (level > 0 || wasHeading) {
        blocks.mergeCharFormat(charFormat);
        m_editor->mergeCurrentCharFormat(charFormat);
    }
    cursor.endEditBlock();
}

void DcsWindow::setBulleted(bool bulleted) {
    QTextCursor cursor = m_editor->textCursor();
    cursor.beginEditBlock();
    QTextDocument* document = m_editor->document();
    const QTextBlock first = document->findBlock(cursor.selectionStart());
    const QTextBlock last = document->findBlock(cursor.selectionEnd());
    QTextList* list = nullptr;
    for (QTextBlock block = first; block.isValid(); block = block.next()) {
        QTextCursor at(block);
        if (bulleted) {
            if (block.blockFormat().headingLevel() > 0) {
                QTextBlockFormat plain;
                plain.setHeadingLevel(0);
                at.mergeBlockFormat(plain);
            }
            if (block.textList() == nullptr) {
                if (list == nullptr) {
                    QTextListFormat listFormat;
                    listFormat.setStyle(QTextListFormat::ListDisc);
                    list = at.createList(listFormat);
                } else {
                    list->add(block);
                }
            } else if (list == nullptr) {
                list = block.textList();
            }
        } else if (QTextList* in = block.textList()) {
            in->remove(block);
            QTextBlockFormat unindented = block.blockFormat();
            unindented.setIndent(0);
            at.setBlockFormat(unindented);
        }
        if (block == last) {
            break;
        }
    }
    cursor.endEditBlock();
}

void DcsWindow::closeEvent(QCloseEvent* event) {
    if (!flush() && !m_prompter.askConfirm(
                        tr("Close without saving?"),
                        tr("Your last change to the note could not be saved (%1). Close anyway and lose it?")
                            .arg(m_saveStatus->text()),
                        tr("Close Without Saving"))) {
        event->ignore();
        return;
    }
    event->accept();
}

} // namespace balcony::gui
