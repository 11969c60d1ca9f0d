#include "board/board_mime.h"

namespace balcony::gui::board {

QMimeData* encodeMember(const DraggedMember& member) {
    auto* mime = new QMimeData;
    mime->setData(memberMimeType(),
                  QString(QString::number(member.authorityId) + QLatin1Char('|') + member.fromUid).toUtf8());
    return mime;
}

std::optional<DraggedMember> decodeMember(const QMimeData* mime) {
    if (!mime || !mime->hasFormat(memberMimeType())) {
        return std::nullopt;
    }
    const QString text = QString::fromUtf8(mime->data(memberMimeType()));
    const qsizetype bar = text.indexOf(QLatin1Char('|'));
    bool ok = false;
    const qint64 id = text.left(bar).toLongLong(&ok);
    if (bar < 0 || !ok || id <= 0) {
        return std::nullopt;
    }
    return DraggedMember{id, text.mid(bar + 1)};
}

} // namespace balcony::gui::board
