#include "notes/session_note_types.h"

#include <QCryptographicHash>
#include <array>

namespace balcony {
namespace {

struct StatusName {
    NoteStatus status;
    const char* key;
    const char* display;
};

constexpr std::array<StatusName, 5> statusNames = {{
    {NoteStatus::Draft, "draft", "Draft"},
    {NoteStatus::Sent, "sent", "Sent for review"},
    {NoteStatus::Amended, "amended", "Amended by the DCS"},
    {NoteStatus::Agreed, "agreed", "Agreed"},
    {NoteStatus::Shared, "shared", "Shared with the lead member"},
}};

} // namespace

QString toKey(NoteStatus status) {
    for (const auto& name : statusNames) {
        if (name.status == status) {
            return QString::fromLatin1(name.key);
        }
    }
    return {};
}

std::optional<NoteStatus> noteStatusFromKey(const QString& key) {
    for (const auto& name : statusNames) {
        if (key == QLatin1String(name.key)) {
            return name.status;
        }
    }
    return std::nullopt;
}

QString displayName(NoteStatus status) {
    for (const auto& name : statusNames) {
        if (name.status == status) {
            return QString::fromLatin1(name.display);
        }
    }
    return {};
}

QString toKey(RevisionOrigin origin) {
    switch (origin) {
    case RevisionOrigin::Draft:
        return QStringLiteral("draft");
    case RevisionOrigin::Edit:
        return QStringLiteral("edit");
    case RevisionOrigin::Dcs:
        return QStringLiteral("dcs");
    }
    return {};
}

QString fingerprintOf(const QString& body) {
    return QString::fromLatin1(QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool SessionNote::isOverdue(const QDate& today) const {
    return (status == NoteStatus::Sent || status == NoteStatus::Amended) && dueOn.isValid() && today > dueOn;
}

} // namespace balcony
