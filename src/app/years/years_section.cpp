#include "years/years_section.h"

#include "document/region_document.h"
#include "outcomes/authority_years.h"

#include <QComboBox>
#include <QFont>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace balcony::gui {
namespace {

const QString kView = QStringLiteral("three-years");

// A list that shows every line in full: wrapped, not selectable for editing, as tall as it needs.
QListWidget* makeList(const QString& objectName, const QString& accessibleName) {
    auto* list = new QListWidget;
    list->setObjectName(objectName);
    list->setAccessibleName(accessibleName);
    list->setWordWrap(true);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list->setSpacing(2);
    // As tall as its lines, so that a short year does not show a tall empty box.
    list->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    list->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    return list;
}

void addPlaceholder(QListWidget* list, const QString& text) {
    auto* item = new QListWidgetItem(text, list);
    QFont font = item->font();
    font.setItalic(true);
    item->setFont(font);
    item->setFlags(Qt::ItemIsEnabled);
    item->setForeground(list->palette().color(QPalette::PlaceholderText));
}

QLabel* heading(const QString& text) {
    auto* label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

YearsSection::~YearsSection() {
    for (const auto& c : m_connections) {
        disconnect(c);
    }
}

QString YearsSection::title() const {
    return tr("Over the &Years");
}

QStringList YearsSection::viewNames() const {
    return {kView};
}

void YearsSection::showView(const QString& name) {
    if (name == kView && m_suggested != 0) {
        chooseAuthority(m_suggested);
    }
}

QColor YearsSection::recurringColour() {
    return QColor(0xff, 0xd8, 0x8a);
}

QWidget* YearsSection::page() {
    if (!m_page) {
        build();
    }
    return m_page;
}

void YearsSection::build() {
    m_page = new QWidget;
    m_page->setObjectName(QStringLiteral("threeYearsPage"));
    auto* layout = new QVBoxLayout(m_page);

    auto* top = new QHBoxLayout;
    auto* label = new QLabel(tr("&Local authority:"));
    m_authority = new QComboBox;
    m_authority->setObjectName(QStringLiteral("yearsAuthority"));
    m_authority->setMinimumContentsLength(18);
    m_authority->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    label->setBuddy(m_authority);
    top->addWidget(label);
    top->addWidget(m_authority);
    auto* legend = new QLabel(tr("Recurring: raised the year before too"));
    legend->setObjectName(QStringLiteral("yearsLegend"));
    legend->setAutoFillBackground(true);
    QPalette legendPalette = legend->palette();
    legendPalette.setColor(QPalette::Window, recurringColour());
    legendPalette.setColor(QPalette::WindowText, Qt::black);
    legend->setPalette(legendPalette);
    legend->setContentsMargins(6, 2, 6, 2);
    top->addStretch(1);
    top->addWidget(legend);
    layout->addLayout(top);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("yearsSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);

    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("yearsScroll"));
    scroll->setAccessibleName(tr("The LA's years side by side"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* inner = new QWidget;
    m_columns = new QHBoxLayout(inner);
    m_columns->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(inner);
    layout->addWidget(scroll, 1);

    connect(m_authority, &QComboBox::currentIndexChanged, this, &YearsSection::refresh);
    fillAuthorities();
}

void YearsSection::setDocument(RegionDocument* document) {
    for (const auto& c : m_connections) {
        disconnect(c);
    }
    m_connections.clear();
    m_document = document;
    if (document) {
        const auto reload = [this] { fillAuthorities(); };
        m_connections.push_back(
            connect(document, &RegionDocument::notesChanged, this, [this] { refresh(); }));
        m_connections.push_back(connect(document, &RegionDocument::scheduleChanged, this, reload));
        m_connections.push_back(connect(document, &RegionDocument::rosterChanged, this, reload));
        m_connections.push_back(connect(document, &RegionDocument::cyclesChanged, this, reload));
    }
    m_cycleId = 0;
    if (m_page) {
        fillAuthorities();
    }
}

void YearsSection::setCycle(qint64 cycleId) {
    m_cycleId = cycleId;
    if (m_page) {
        fillAuthorities();
    }
}

qint64 YearsSection::authorityId() const {
    return m_authority && m_authority->currentIndex() >= 0 ? m_authority->currentData().toLongLong() : 0;
}

bool YearsSection::chooseAuthority(qint64 authorityId) {
    page();
    const int index = m_authority->findData(authorityId);
    if (index < 0) {
        return false;
    }
    m_authority->setCurrentIndex(index);
    return true;
}

void YearsSection::fillAuthorities() {
    if (!m_authority) {
        return;
    }
    const qint64 was = authorityId();
    {
        const QSignalBlocker blocker(m_authority);
        m_authority->clear();
        m_suggested = 0;
        if (m_document && m_cycleId != 0) {
            auto choice = outcomes::yearsChoice(m_document->database(), m_cycleId);
            if (!choice) {
                m_summary->setText(choice.message());
                Q_EMIT statusMessage(choice.message(), 8000);
            } else {
                for (const auto& [id, name] : choice->authorities) {
                    m_authority->addItem(name, id);
                }
                m_suggested = choice->suggested;
            }
        }
        int index = was ? m_authority->findData(was) : -1;
        if (index < 0) {
            index = m_authority->findData(m_suggested);
        }
        m_authority->setCurrentIndex(index >= 0 ? index : (m_authority->count() > 0 ? 0 : -1));
    }
    refresh();
}

void YearsSection::clearColumns() {
    while (QLayoutItem* item = m_columns->takeAt(0)) {
        // At once, not later: refresh runs from the chooser and the document, never from a column.
        delete item->widget();
        delete item;
    }
}

QWidget* YearsSection::makeColumn(const outcomes::AuthorityYears& years, std::size_t index) {
    const outcomes::AuthorityYear& year = years.years.at(index);
    const bool latest = index + 1 == years.years.size();
    auto* box = new QGroupBox(latest ? tr("%1 (this year)").arg(year.cycleName) : year.cycleName);
    box->setObjectName(QStringLiteral("yearColumn"));
    box->setAccessibleName(tr("%1 in %2").arg(years.authorityName, year.cycleName));
    auto* column = new QVBoxLayout(box);

    QString where;
    if (!year.hadSession()) {
        where = tr("No session in this cycle.");
    } else {
        const QString note = year.noteStatus ? tr("note %1").arg(displayName(*year.noteStatus).toLower())
                                             : tr("no session note");
        where = tr("Group %1, %2; %3.")
                    .arg(year.groupLabel,
                         QLocale(QLocale::English, QLocale::UnitedKingdom)
                             .toString(year.groupDate, QStringLiteral("d MMMM yyyy")),
                         note);
    }
    auto* whereLabel = new QLabel(where);
    whereLabel->setObjectName(QStringLiteral("yearSession"));
    whereLabel->setWordWrap(true);
    column->addWidget(whereLabel);

    auto* strengthsLabel = heading(tr("Strengths"));
    auto* strengths = makeList(QStringLiteral("yearStrengths"), tr("Strengths in %1").arg(year.cycleName));
    strengthsLabel->setBuddy(strengths);
    for (const QString& s : year.strengths) {
        new QListWidgetItem(s, strengths);
    }
    if (year.strengths.isEmpty()) {
        addPlaceholder(strengths, year.hadSession() ? tr("None recorded") : tr("No session"));
    }
    column->addWidget(strengthsLabel);
    column->addWidget(strengths);

    auto* areasLabel = heading(tr("Areas for development"));
    auto* areas =
        makeList(QStringLiteral("yearAreas"), tr("Areas for development in %1").arg(year.cycleName));
    areasLabel->setBuddy(areas);
    const QString before = index > 0 ? years.years.at(index - 1).cycleName : QString();
    for (const auto& area : year.areas) {
        auto* item = new QListWidgetItem(
            area.recurring ? tr("%1 \u2014 recurring").arg(area.title) : area.title, areas);
        if (area.recurring) {
            QFont font = item->font();
            font.setBold(true);
            item->setFont(font);
            item->setBackground(recurringColour());
            item->setForeground(Qt::black);
            item->setToolTip(tr("Raised in %1 too").arg(before));
            item->setData(Qt::AccessibleTextRole,
                          tr("%1, recurring: raised in %2 too").arg(area.title, before));
        }
    }
    if (year.areas.empty()) {
        addPlaceholder(areas, !year.hadSession()  ? tr("No session")
                              : year.noteAgreed() ? tr("None recorded")
                              : year.noteStatus   ? tr("None until the note is agreed")
                                                  : tr("No session note"));
    }
    column->addWidget(areasLabel);
    column->addWidget(areas);
    column->addStretch(1);
    return box;
}

void YearsSection::refresh() {
    if (!m_page) {
        return;
    }
    clearColumns();
    const qint64 la = authorityId();
    if (!m_document || m_cycleId == 0 || la == 0) {
        m_summary->setText(m_document && m_cycleId != 0
                               ? tr("No local authority has a session in this cycle.")
                               : tr("Choose a cycle to see its LAs over the years."));
        return;
    }
    auto years = outcomes::authorityYears(m_document->database(), la, m_cycleId);
    if (!years) {
        m_summary->setText(years.message());
        Q_EMIT statusMessage(years.message(), 8000);
        return;
    }
    for (std::size_t i = 0; i < years->years.size(); ++i) {
        m_columns->addWidget(makeColumn(*years, i), 1);
    }
    const outcomes::AuthorityYear& last = years->years.back();
    const QStringList recurring = last.recurringThemes();
    const QString span = years->years.size() == 1
                             ? tr("%1 in %2.").arg(years->authorityName, last.cycleName)
                             : tr("%1 from %2 to %3.")
                                   .arg(years->authorityName, years->years.front().cycleName, last.cycleName);
    m_summary->setText(recurring.isEmpty()
                           ? span + u' ' +
                                 tr("No theme of %1 was raised the year before too.").arg(last.cycleName)
                           : span + u' ' +
                                 tr("Raised in %1 and the year before too: %2.")
                                     .arg(last.cycleName, recurring.join(QStringLiteral(", "))));
}

} // namespace balcony::gui
