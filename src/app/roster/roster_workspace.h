#pragma once

#include <QWidget>

class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace balcony::gui {

class AuthorityModel;
class PersonModel;
class RegionDocument;

// The roster: local authorities with their post holders, and everyone in the region, in sortable,
// filterable tables that edit in place. Every edit is an undo command, committed at once.
class RosterWorkspace final : public QWidget {
    Q_OBJECT

public:
    // The document must outlive the workspace.
    explicit RosterWorkspace(RegionDocument& document, QWidget* parent = nullptr);

    AuthorityModel& authorityModel() const { return *m_authorities; }
    PersonModel& personModel() const { return *m_people; }
    QTableView* authorityTable() const { return m_authorityTable; }
    QTableView* personTable() const { return m_personTable; }
    QLineEdit* filterEdit() const { return m_filter; }
    QTabWidget* tabs() const { return m_tabs; }
    QAction* addAuthorityAction() const { return m_addAuthority; }
    QAction* removeAuthorityAction() const { return m_removeAuthority; }
    // Add Person opens AddPersonDialog (modal) and adds whom it describes; Remove Person removes the
    // person selected in the People table. Each is one undo step.
    QAction* addPersonAction() const { return m_addPerson; }
    QAction* removePersonAction() const { return m_removePerson; }

private:
    void addAuthority();
    void removeAuthority();
    void addPerson();
    void removePerson();
    void updateActions();

    RegionDocument& m_document;
    AuthorityModel* m_authorities;
    PersonModel* m_people;
    QSortFilterProxyModel* m_authorityProxy;
    QSortFilterProxyModel* m_personProxy;
    QTabWidget* m_tabs;
    QTableView* m_authorityTable;
    QTableView* m_personTable;
    QLineEdit* m_filter;
    QAction* m_addAuthority;
    QAction* m_removeAuthority;
    QAction* m_addPerson;
    QAction* m_removePerson;
};

} // namespace balcony::gui
