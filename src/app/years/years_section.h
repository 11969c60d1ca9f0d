#pragma once

#include "review/outcomes_section.h"

#include <QColor>
#include <QMetaObject>
#include <QPointer>
#include <vector>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QListWidget;
class QWidget;

namespace balcony::outcomes {
struct AuthorityYears;
}

namespace balcony::gui {

// "Over the years", a tab of Notes and Outcomes (docs/guide-outcomes.md): an LA chosen from those of
// the workspace's cycle, and its years (that cycle and up to two earlier ones in which the LA had a
// session) as columns side by side, oldest on the left, each with the affirmed strengths and the
// areas for development (the agreed note's themes). A theme the LA's year before raised too is
// marked with the word "recurring" as well as a colour, so it reads without colour, and the line
// above the columns lists this year's. What is shown is core's (outcomes/authority_years.h); no SQL
// here. It reads only, and follows the document's notes, schedule and roster changes.
// The LA first shown for a cycle is the one core suggests (the most recurring themes).
class YearsSection final : public OutcomesSection {
    Q_OBJECT

public:
    using OutcomesSection::OutcomesSection;
    ~YearsSection() override;

    QString title() const override;
    QWidget* page() override;
    QStringList viewNames() const override;
    void showView(const QString& name) override;
    void setDocument(RegionDocument* document) override;
    void setCycle(qint64 cycleId) override;

    // The LA shown (0 when none); choosing one that is not in the cycle's list returns false.
    qint64 authorityId() const;
    bool chooseAuthority(qint64 authorityId);

    // The colour behind a recurring theme (a light amber; the text stays dark in any palette).
    static QColor recurringColour();

private:
    void build();
    void fillAuthorities();
    void refresh();
    void clearColumns();
    QWidget* makeColumn(const outcomes::AuthorityYears& years, std::size_t index);

    QPointer<QWidget> m_page;
    QComboBox* m_authority = nullptr;
    QLabel* m_summary = nullptr;
    QHBoxLayout* m_columns = nullptr;
    RegionDocument* m_document = nullptr;
    std::vector<QMetaObject::Connection> m_connections;
    qint64 m_cycleId = 0;
    qint64 m_suggested = 0;
};

} // namespace balcony::gui
