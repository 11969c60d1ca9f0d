#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;

namespace balcony {
struct DayState;
}

namespace balcony::gui {

class CountdownView;
class DaySession;
class RoomMessages;

// What the room sees on the projector or the shared screen: the block's title, the presenting LA,
// the countdown and the message line, in type that scales with the widget's size (so the same view
// serves the full screen at the back of a room and the console's miniature), in the palette's calm
// colours. During a blackout the whole view is black and shows nothing.
//
// It keeps no time and no message of its own: it observes a DaySession (stateChanged) and a
// RoomMessages (changed) and shows their present state at once. Both are borrowed; either may be
// destroyed first (the view then keeps what it last showed). The presenter window and the miniature
// are two instances observing the same objects, so they can never disagree.
class PresenterView final : public QWidget {
    Q_OBJECT

public:
    explicit PresenterView(QWidget* parent = nullptr);

    // Starts following the session and the messages (nullptr for either stops following it).
    void observe(DaySession* session, RoomMessages* messages);

    // What is on show, as a person reads it: empty when hidden (a shared block has no presenting
    // LA, no message, or a blackout).
    QString titleText() const;
    QString presenterText() const;
    QString countdownText() const;
    QString messageText() const;
    bool isBlackedOut() const { return m_blackout; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void showState(const DayState& state);
    void showMessages();
    void fitType();

    QPointer<DaySession> m_session;
    QPointer<RoomMessages> m_messages;
    QMetaObject::Connection m_sessionConnection;
    QMetaObject::Connection m_messagesConnection;
    bool m_blackout = false;
    QWidget* m_content = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_presenter = nullptr;
    CountdownView* m_countdown = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace balcony::gui
