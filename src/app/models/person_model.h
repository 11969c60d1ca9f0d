#pragma once

#include "domain/types.h"

#include <QAbstractTableModel>
#include <map>
#include <vector>

namespace balcony::gui {

class RegionDocument;

// Everyone in the region's roster: post holders, team members, facilitators and project managers.
// Name and email are editable (each edit an undo command); refreshes on rosterChanged.
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

    void reload();

private:
    RegionDocument& m_document;
    std::vector<Person> m_people;
    std::map<qint64, QString> m_authorityNames;
};

} // namespace balcony::gui
