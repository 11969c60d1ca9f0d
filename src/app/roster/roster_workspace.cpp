#include "roster/roster_workspace.h"

#include "document/region_document.h"
#include "domain/authority_name.h"
#include "domain/roster_store.h"
#include "frame/icons.h"
#include "models/authority_model.h"
#include "models/key_choice_delegate.h"
#include "models/model_roles.h"
#include "models/person_model.h"
#include "roster/add_authority.h"
#include "roster/add_person.h"
#include "roster/add_person_dialog.h"
#include "roster/remove_authority.h"
#include "roster/remove_person.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace balcony::gui {

namespace {
QTableView* makeTable(QSortFilterProxyModel* proxy, const QString& accessibleName, QWidget* parent) {
    auto* table = new QTableView(parent);
    table->setModel(proxy);
    table->setAccessibleName(accessibleName);
    table->setSortingEnabled(true);
    table->sortByColumn(0, Qt::AscendingOrder);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::AnyKeyPressed);
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return table;
}

QSortFilterProxyModel* makeProxy(QAbstractItemModel* source, QObject* parent) {
    auto* proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setSortRole(SortRole);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterRole(FilterRole);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(0);
    return proxy;
}
} // namespace

RosterWorkspace::RosterWorkspace(RegionDocument& document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_authorities(new AuthorityModel(document, this))
    , m_people(new PersonModel(document, this))
    , m_authorityProxy(makeProxy(m_authorities, this))
    , m_personProxy(makeProxy(m_people, this))
    , m_tabs(new QTabWidget(this))
    , m_authorityTable(makeTable(m_authorityProxy, tr("Local authorities"), this))
    , m_personTable(makeTable(m_personProxy, tr("People"), this))
    , m_filter(new QLineEdit(this))
    , m_addAuthority(new QAction(icon(QStringLiteral("list-add")), tr("&Add Local Authority..."), this))
    , m_removeAuthority(new QAction(icon(QStringLiteral("list-remove")), tr("&Remove Local Authority"), this))
    , m_addPerson(new QAction(icon(QStringLiteral("list-add")), tr("Add Perso&n..."), this))
    , m_removePerson(new QAction(icon(QStringLiteral("list-remove")), tr("Re&move Person"), this)) {
    setObjectName(QStringLiteral("rosterWorkspace"));
    m_authorityTable->setObjectName(QStringLiteral("authorityTable"));
    m_personTable->setObjectName(QStringLiteral("personTable"));
    m_authorityTable->setColumnWidth(AuthorityModel::NameColumn, 220);
    m_authorityTable->setColumnWidth(AuthorityModel::DcsColumn, 200);
    m_authorityTable->setColumnWidth(AuthorityModel::DcsEmailColumn, 300);
    m_authorityTable->setColumnWidth(AuthorityModel::ChiefExecutiveColumn, 200);
    m_personTable->setColumnWidth(PersonModel::NameColumn, 220);
    m_personTable->setColumnWidth(PersonModel::RoleColumn, 160);
    m_personTable->setColumnWidth(PersonModel::AuthorityColumn, 220);
    std::vector<std::pair<QString, QString>> roles;
    for (const auto& key : roleKeys()) {
        if (const auto role = roleFromKey(key)) {
            roles.emplace_back(displayName(*role), key);
        }
    }
    m_personTable->setItemDelegateForColumn(
        PersonModel::RoleColumn, new KeyChoiceDelegate(std::move(roles), tr("Role"), m_personTable));
    m_personTable->setItemDelegateForColumn(
        PersonModel::AuthorityColumn,
        new KeyChoiceDelegate([people = m_people] { return people->authorityChoices(); },
                              tr("Local authority"), m_personTable));

    m_filter->setPlaceholderText(tr("Type to filter by name, post holder or email"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("rosterFilter"));
    auto* filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_authorityProxy->setFilterFixedString(text);
        m_personProxy->setFilterFixedString(text);
    });

    m_addAuthority->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Plus));
    m_removeAuthority->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    connect(m_addAuthority, &QAction::triggered, this, &RosterWorkspace::addAuthority);
    connect(m_removeAuthority, &QAction::triggered, this, &RosterWorkspace::removeAuthority);
    addAction(m_addAuthority);
    addAction(m_removeAuthority);
    m_addPerson->setObjectName(QStringLiteral("addPersonAction"));
    m_removePerson->setObjectName(QStringLiteral("removePersonAction"));
    m_addPerson->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_addPerson, &QAction::triggered, this, &RosterWorkspace::addPerson);
    connect(m_removePerson, &QAction::triggered, this, &RosterWorkspace::removePerson);
    addAction(m_addPerson);
    addAction(m_removePerson);

    auto* header = new QHBoxLayout;
    header->addWidget(filterLabel);
    header->addWidget(m_filter, 1);
    header->addSpacing(12);
    for (QAction* action : {m_addAuthority, m_removeAuthority, m_addPerson, m_removePerson}) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        header->addWidget(button);
    }

    m_tabs->setAccessibleName(tr("Roster tables"));
    m_tabs->addTab(m_authorityTable, tr("Local &Authorities"));
    m_tabs->addTab(m_personTable, tr("&People"));
    auto* hint = new QLabel(tr("Double-click a cell, or press F2, to change it. Changes are saved at once "
                               "and can be undone."),
                            this);
    hint->setEnabled(false);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(hint);

    connect(m_authorityTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RosterWorkspace::updateActions);
    connect(m_personTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RosterWorkspace::updateActions);
    connect(m_tabs, &QTabWidget::currentChanged, this, &RosterWorkspace::updateActions);
    updateActions();
}

void RosterWorkspace::updateActions() {
    const bool writable = !m_document.isReadOnly();
    m_addAuthority->setEnabled(writable);
    m_removeAuthority->setEnabled(writable && m_tabs->currentWidget() == m_authorityTable &&
                                  m_authorityTable->selectionModel()->hasSelection());
    m_addPerson->setEnabled(writable);
    m_removePerson->setEnabled(writable && m_tabs->currentWidget() == m_personTable &&
                               m_personTable->selectionModel()->hasSelection());
}

void RosterWorkspace::addAuthority() {
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add Local Authority"), tr("&Name:"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty()) {
        return;
    }
    m_tabs->setCurrentWidget(m_authorityTable);
    m_document.undoStack()->push(new AddAuthority(m_document, name));
    // Select the new row so that its post holders can be typed straight away.
    for (int row = 0; row < m_authorities->rowCount(); ++row) {
        const QModelIndex index = m_authorities->index(row, AuthorityModel::NameColumn);
        if (authorityKey(index.data().toString()) == authorityKey(name)) {
            m_authorityTable->setCurrentIndex(m_authorityProxy->mapFromSource(index));
        }
    }
}

void RosterWorkspace::removeAuthority() {
    const QModelIndexList rows = m_authorityTable->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    const AuthorityModel::Row* row = m_authorities->rowAt(m_authorityProxy->mapToSource(rows.first()));
    if (row == nullptr) {
        return;
    }
    m_document.undoStack()->push(new RemoveAuthority(m_document, row->authority));
}

void RosterWorkspace::addPerson() {
    auto authorities = RosterStore(m_document.database()).authorities();
    if (!authorities) {
        m_document.reportEditFailure(authorities.message());
        return;
    }
    AddPersonDialog dialog(*authorities, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    QUndoStack* stack = m_document.undoStack();
    const int before = stack->index();
    // A refusal is reported by the document, and the stack drops (deletes) the command.
    stack->push(new AddPerson(m_document, dialog.person()));
    if (stack->index() == before) {
        return;
    }
    // Show the new row, selected, so that it can be checked or edited straight away.
    const auto* added = static_cast<const AddPerson*>(stack->command(stack->index() - 1));
    const QModelIndex index = m_people->indexOf(added->personId());
    if (index.isValid()) {
        m_tabs->setCurrentWidget(m_personTable);
        m_filter->clear();
        m_personTable->setCurrentIndex(m_personProxy->mapFromSource(index));
    }
}

void RosterWorkspace::removePerson() {
    const QModelIndexList rows = m_personTable->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    const Person* person = m_people->personAt(m_personProxy->mapToSource(rows.first()));
    if (person == nullptr) {
        return;
    }
    m_document.undoStack()->push(new RemovePerson(m_document, *person));
}

} // namespace balcony::gui
