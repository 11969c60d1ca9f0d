#include "notes/note_types.h"

#include <array>

namespace balcony {
namespace {

struct KindName {
    NoteKind kind;
    const char16_t* key;
    const char16_t* display;
};

constexpr std::array<KindName, 7> kinds = {{
    {NoteKind::Note, u"note", u"Note"},
    {NoteKind::Strength, u"strength", u"Strength"},
    {NoteKind::Insight, u"insight", u"Insight"},
    {NoteKind::Ask, u"ask", u"Ask"},
    {NoteKind::Offer, u"offer", u"Offer"},
    {NoteKind::Action, u"action", u"Action"},
    {NoteKind::Reflection, u"reflection", u"Reflection"},
}};

} // namespace

QString toKey(NoteKind kind) {
    return QString::fromUtf16(kinds[static_cast<std::size_t>(kind)].key);
}

std::optional<NoteKind> noteKindFromKey(const QString& key) {
    for (const auto& k : kinds) {
        if (key == QString::fromUtf16(k.key)) {
            return k.kind;
        }
    }
    return std::nullopt;
}

QString displayName(NoteKind kind) {
    return QString::fromUtf16(kinds[static_cast<std::size_t>(kind)].display);
}

QStringList noteKindKeys() {
    QStringList keys;
    for (const auto& k : kinds) {
        keys << QString::fromUtf16(k.key);
    }
    return keys;
}

} // namespace balcony
