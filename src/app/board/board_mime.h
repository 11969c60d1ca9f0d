#pragma once

#include <QMimeData>
#include <QString>
#include <optional>

namespace balcony::gui::board {

// What a dragged member carries: the authority and the group it comes from (empty UID: no group).
struct DraggedMember {
    qint64 authorityId = 0;
    QString fromUid;
};

inline QString memberMimeType() {
    return QStringLiteral("application/x-balcony-member");
}

// A new QMimeData owned by the caller (QDrag takes it over).
QMimeData* encodeMember(const DraggedMember& member);
std::optional<DraggedMember> decodeMember(const QMimeData* mime);

} // namespace balcony::gui::board
