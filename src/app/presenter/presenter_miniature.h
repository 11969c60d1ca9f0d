#pragma once

#include <QWidget>

namespace balcony::gui {

class DaySession;
class PresenterView;
class RoomMessages;

// The console's live miniature of the presenter screen, so that the facilitator never has to turn
// round: a second PresenterView at a small size, in the presenter screen's 16:9 shape, observing the
// same DaySession and RoomMessages as the presenter window, so that the two can never disagree.
class PresenterMiniature final : public QWidget {
    Q_OBJECT

public:
    explicit PresenterMiniature(QWidget* parent = nullptr);

    PresenterView* view() const { return m_view; }
    void observe(DaySession* session, RoomMessages* messages);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

private:
    PresenterView* m_view = nullptr;
};

} // namespace balcony::gui
