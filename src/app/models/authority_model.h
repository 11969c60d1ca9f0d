#pragma once

#include "domain/types.h"

#include <QAbstractTableModel>
#include <vector>

namespace balcony::gui {

class RegionDocument;

// The region's local authorities with their DCS, chief executive and lead member, one row each.
// Edits become undo commands on the document's stack; the model refreshes from the document's
// rosterChanged signal, never from its own edits, so it shows only what was committed.
class AuthorityModel final : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        DcsColumn,
        DcsEmailColumn,
        ChiefExecutiveColumn,
        LeadMemberColumn,
        ColumnCount
    };

    struct Row {
        LocalAuthority authority;
        Person dcs;            // id 0 when nobody holds the post
        Person chiefExecutive; // id 0 when nobody holds the post
        Person leadMember;     // id 0 when nobody holds the post
    };

    // The document must outlive the model.
    explicit AuthorityModel(RegionDocument& document, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    QModelIndex indexOf(qint64 authorityId, Column column = NameColumn) const; // invalid when absent
    const Row* rowAt(const QModelIndex& index) const;                          // nullptr when invalid

    void reload();

private:
    RegionDocument& m_document;
    std::vector<Row> m_rows;
};

} // namespace balcony::gui
