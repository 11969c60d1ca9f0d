#pragma once

#include <QObject>
#include <QString>
#include <vector>

namespace balcony::gui {

// A ready-made message to the room, chosen with one click.
enum class RoomCue { OpenQuestions, PresentersListen, FiveMinutesForQuestions, ScreenBreak };

struct RoomCueText {
    RoomCue cue;
    QString label; // the button or menu entry in the console ("Open questions")
    QString text;  // what the room reads
};

// Every cue, in the order the console offers them.
const std::vector<RoomCueText>& roomCues();
QString roomCueText(RoomCue cue);

// What the facilitator tells the room: one message line (empty when there is none) and a blackout
// that hides the whole presenter screen. The presenter window and the console's miniature observe
// the same object, so they always show the same thing. Independent of the day: a message stays until
// it is cleared or replaced, whatever block runs. Single-threaded (the GUI thread).
class RoomMessages final : public QObject {
    Q_OBJECT

public:
    explicit RoomMessages(QObject* parent = nullptr);

    QString message() const { return m_message; }
    bool blackout() const { return m_blackout; }

    void showCue(RoomCue cue);
    // A custom message; surrounding white space is dropped, and an empty text clears.
    void showText(const QString& text);
    void clear();
    void setBlackout(bool on);
    void toggleBlackout() { setBlackout(!m_blackout); }

Q_SIGNALS:
    // Emitted once per real change of the message or the blackout.
    void changed();

private:
    QString m_message;
    bool m_blackout = false;
};

} // namespace balcony::gui
