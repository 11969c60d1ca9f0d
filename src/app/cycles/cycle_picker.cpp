#include "cycles/cycle_picker.h"

#include "models/cycle_list_model.h"
#include "models/model_roles.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <algorithm>

namespace balcony::gui {

CyclePicker::CyclePicker(CycleListModel& cycles, QWidget* parent)
    : QWidget(parent)
    , m_cycles(cycles)
    , m_combo(new QComboBox(this))
    , m_window(new QLabel(this)) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("C&ycle:"), this);
    label->setBuddy(m_combo);
    m_combo->setModel(&m_cycles);
    m_combo->setMinimumContentsLength(12);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setAccessibleName(tr("Cycle"));
    m_window->setObjectName(QStringLiteral("cycleWindowLabel"));
    m_window->setEnabled(false); // a quieter, secondary text
    layout->addWidget(label);
    layout->addWidget(m_combo);
    layout->addSpacing(8);
    layout->addWidget(m_window);
    layout->addStretch();

    connect(&m_cycles, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_remembered = currentCycleId(); });
    connect(&m_cycles, &QAbstractItemModel::modelReset, this, &CyclePicker::onModelReset);
    connect(m_combo, &QComboBox::currentIndexChanged, this, &CyclePicker::onIndexChanged);
    onModelReset();
}

qint64 CyclePicker::currentCycleId() const {
    return m_combo->currentIndex() < 0 ? 0 : m_combo->currentData(IdRole).toLongLong();
}

void CyclePicker::setCurrentCycleId(qint64 cycleId) {
    const QModelIndex index = m_cycles.indexOf(cycleId);
    if (index.isValid()) {
        m_combo->setCurrentIndex(index.row());
    }
}

void CyclePicker::onModelReset() {
    // A cycle that was not there before has just been made: that is the one to work on.
    std::vector<qint64> added;
    std::vector<qint64> now;
    for (const auto& cycle : m_cycles.cycles()) {
        now.push_back(cycle.id);
        if (std::find(m_known.begin(), m_known.end(), cycle.id) == m_known.end()) {
            added.push_back(cycle.id);
        }
    }
    const bool firstFill = m_known.empty() && m_remembered == 0;
    m_known = std::move(now);
    if (!firstFill && added.size() == 1) {
        m_remembered = added.front();
    }
    const QModelIndex remembered = m_cycles.indexOf(m_remembered);
    // Otherwise keep the choice; failing that, the latest cycle is the one a project manager works on.
    const int row = remembered.isValid() ? remembered.row() : m_cycles.rowCount() - 1;
    const QSignalBlocker block(m_combo);
    m_combo->setCurrentIndex(row);
    onIndexChanged();
}

void CyclePicker::onIndexChanged() {
    const Cycle* cycle = m_cycles.cycleAt(m_cycles.index(m_combo->currentIndex()));
    if (cycle == nullptr) {
        m_window->setText(tr("No cycles yet"));
    } else {
        const QLocale locale;
        m_window->setText(tr("%1 to %2")
                              .arg(locale.toString(cycle->firstDay, QStringLiteral("d MMM yyyy")),
                                   locale.toString(cycle->lastDay, QStringLiteral("d MMM yyyy"))));
    }
    Q_EMIT cycleChanged(currentCycleId());
}

} // namespace balcony::gui
