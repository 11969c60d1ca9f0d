#pragma once

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;

namespace balcony::gui {

class CycleListModel;

// "Cycle: [2023-2024 v]  1 Sep 2023 to 31 Aug 2024": the picker at the top of the workspaces that
// show one cycle. Keeps its choice when the list of cycles refreshes, except that a cycle that has
// just been added (New Cycle, or its redo) is shown at once, in every workspace.
class CyclePicker final : public QWidget {
    Q_OBJECT

public:
    // The model must outlive the picker.
    explicit CyclePicker(CycleListModel& cycles, QWidget* parent = nullptr);

    qint64 currentCycleId() const; // 0 when there are no cycles
    void setCurrentCycleId(qint64 cycleId);
    QComboBox* comboBox() const { return m_combo; }

Q_SIGNALS:
    void cycleChanged(qint64 cycleId);

private:
    void onModelReset();
    void onIndexChanged();

    CycleListModel& m_cycles;
    QComboBox* m_combo;
    QLabel* m_window;
    qint64 m_remembered = 0;
    std::vector<qint64> m_known; // the cycles the picker offered before the list refreshed
};

} // namespace balcony::gui
