#pragma once

#include "domain/types.h"

#include <QAbstractTableModel>
#include <map>
#include <utility>
#include <vector>

namespace balcony::gui {

class RegionDocument;

// Everyone in the region's roster: post holders, team members, facilitators and project managers.
// Name, email, role and authority are editable (each edit an undo command; role and authority
// through KeyRole: a role key, an authority id as text with "0" for none); refreshes on
// rosterChanged.
class PersonModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, RoleColumn, AuthorityColumn, EmailColumn, ColumnCount };

    // The document must outlive the model.
    explicit PersonModel(RegionDocument& document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    QModelIndex indexOf(qint64 personId, Column column = NameColumn) const; // invalid when absent
    const Person* personAt(const QModelIndex& index) const;                 // nullptr when invalid
    // The drop-down of the authority column: "(none)" (key "0"), then the region's authorities by
    // name (key: the id as text).
    std::vector<std::pair<QString, QString>> authorityChoices() const;

    void reload();

private:
    RegionDocument& m_document;
    std::vector<Person> m_people;
    std::vector<LocalAuthority> m_authorities; // by name
    std::map<qint64, QString> m_authorityNames;
};

} // namespace balcony::gui
