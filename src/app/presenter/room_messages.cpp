#include "presenter/room_messages.h"

#include <QCoreApplication>

namespace balcony::gui {

const std::vector<RoomCueText>& roomCues() {
    static const std::vector<RoomCueText> cues = {
        {RoomCue::OpenQuestions, QCoreApplication::translate("RoomMessages", "Open questions"),
         QCoreApplication::translate("RoomMessages", "Open questions, please: ask how and why")},
        {RoomCue::PresentersListen, QCoreApplication::translate("RoomMessages", "Presenting team listens"),
         QCoreApplication::translate("RoomMessages", "The presenting team listens now")},
        {RoomCue::FiveMinutesForQuestions, QCoreApplication::translate("RoomMessages", "Five minutes left"),
         QCoreApplication::translate("RoomMessages", "Five minutes left for questions")},
        {RoomCue::ScreenBreak, QCoreApplication::translate("RoomMessages", "Screen break"),
         QCoreApplication::translate("RoomMessages", "Screen break: step away from your screens")},
    };
    return cues;
}

QString roomCueText(RoomCue cue) {
    for (const RoomCueText& entry : roomCues()) {
        if (entry.cue == cue) {
            return entry.text;
        }
    }
    return {};
}

RoomMessages::RoomMessages(QObject* parent)
    : QObject(parent) {}

void RoomMessages::showCue(RoomCue cue) {
    showText(roomCueText(cue));
}

void RoomMessages::showText(const QString& text) {
    const QString message = text.simplified();
    if (message == m_message) {
        return;
    }
    m_message = message;
    Q_EMIT changed();
}

void RoomMessages::clear() {
    showText(QString());
}

void RoomMessages::setBlackout(bool on) {
    if (on == m_blackout) {
        return;
    }
    m_blackout = on;
    Q_EMIT changed();
}

} // namespace balcony::gui
