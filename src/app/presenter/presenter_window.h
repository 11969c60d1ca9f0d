#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

class QScreen;
class QSettings;

namespace balcony::gui {

class DaySession;
class PresenterView;
class RoomMessages;

// The presenter screen's own top-level window, holding one PresenterView: either full screen on the
// screen the facilitator picks (a projector), or a compact always-on-top window to share in a
// virtual meeting. The console drives it with showOnScreen / showCompact / hide.
//
// The picked screen is kept by its QScreen::name() in the settings ("presenter/screen"), since a
// QScreen pointer dies when the cable is pulled. While full screen the window follows hot-plug:
// when its screen goes it moves to the primary screen, and when the picked screen comes back it
// returns there. A screen not connected (now or at showOnScreen) means the primary screen.
//
// Borrows the settings, which must outlive it.
class PresenterWindow final : public QWidget {
    Q_OBJECT

public:
    enum class Mode { Hidden, FullScreen, Compact };

    explicit PresenterWindow(QSettings& settings, QWidget* parent = nullptr);

    PresenterView* view() const { return m_view; }
    void observe(DaySession* session, RoomMessages* messages);

    // Full screen on the named screen, remembered for next time; on the primary screen while that
    // screen is not connected. Returns the screen it went to.
    QScreen* showOnScreen(const QString& screenName);
    // Full screen on the screen remembered in the settings (the primary when none or not connected).
    QScreen* showOnRememberedScreen();
    // A small window that stays above the others, in the top right corner of the window's screen.
    void showCompact();
    // hide() (from QWidget) takes the window away; the mode becomes Hidden.

    Mode mode() const;
    QString rememberedScreenName() const;
    // The screen a full-screen window goes to for a name: that screen, or the primary one.
    static QScreen* screenNamed(const QString& name);

    static constexpr QSize compactSize{480, 270};

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void placeFullScreen();
    void screenAdded(QScreen* screen);
    void screenRemoved(QScreen* screen);

    QSettings& m_settings;
    PresenterView* m_view = nullptr;
    Mode m_mode = Mode::Hidden;
    QPointer<QScreen> m_screen; // where the full-screen window is now
};

} // namespace balcony::gui
