#pragma once

#include "console/countdown_face.h"

#include <QPointer>
#include <QWidget>

namespace balcony::gui {

class DaySession;

// The colour the digits take for a role, from the palette: the window text for a running block,
// muted text while waiting or paused, amber and red for the last two minutes and the overrun, in a
// lighter shade on a dark palette so that they stay readable on it.
QColor countdownColour(CountdownRole role, const QPalette& palette);

// A countdown that paints only what countdownFace() returns: the digits as large as the widget
// allows (they scale with its size), the caption under them, and an inverted flash while the face
// says so. It keeps no time of its own: it observes a DaySession and repaints on stateChanged.
// Used by the console, the presenter screen and its miniature.
class CountdownView final : public QWidget {
    Q_OBJECT

public:
    explicit CountdownView(QWidget* parent = nullptr);

    // Observes the session (which must outlive the view, or be destroyed first: the view then
    // keeps its last face). nullptr stops observing.
    void observe(DaySession* session);
    const CountdownFace& face() const { return m_face; }
    QString shownText() const { return m_face.text; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void display(const CountdownFace& face);

    QPointer<DaySession> m_session;
    QMetaObject::Connection m_connection;
    CountdownFace m_face;
};

} // namespace balcony::gui
