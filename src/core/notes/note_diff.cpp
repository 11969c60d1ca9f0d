#include "notes/note_diff.h"

#include "notes/session_note_store.h"

#include <dtl/dtl.hpp>

namespace balcony {
namespace {

// Words with the spaces that follow them, so that a common space between two changed words never
// splits a replacement into pieces. Leading space, if any, is a token of its own.
std::vector<QString> tokens(const QString& text) {
    std::vector<QString> result;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = start;
        while (end < text.size() && !text[end].isSpace()) {
            ++end;
        }
        while (end < text.size() && text[end].isSpace()) {
            ++end;
        }
        result.push_back(text.mid(start, end - start));
        start = end;
    }
    return result;
}

} // namespace

std::vector<DiffSpan> compareWords(const QString& before, const QString& after) {
    const std::vector<QString> a = tokens(before);
    const std::vector<QString> b = tokens(after);
    dtl::Diff<QString, std::vector<QString>> diff(a, b, true);
    diff.compose();
    std::vector<DiffSpan> spans;
    for (const auto& [token, info] : diff.getSes().getSequence()) {
        const DiffSpan::Kind kind = info.type == dtl::SES_ADD      ? DiffSpan::Kind::Added
                                    : info.type == dtl::SES_DELETE ? DiffSpan::Kind::Removed
                                                                   : DiffSpan::Kind::Same;
        if (!spans.empty() && spans.back().kind == kind) {
            spans.back().text += token;
        } else {
            spans.push_back({kind, token});
        }
    }
    return spans;
}

Result<RevisionComparison> compareRevisions(const SessionNoteStore& store, qint64 noteId, int fromNumber,
                                            int toNumber) {
    if (fromNumber < 1 || toNumber < 1) {
        return failure(
            Error::Kind::InvalidInput,
            QStringLiteral("Revisions are numbered from 1; give two revision numbers to compare."));
    }
    auto from = store.revision(noteId, fromNumber);
    if (!from) {
        return from.error();
    }
    auto to = store.revision(noteId, toNumber);
    if (!to) {
        return to.error();
    }
    RevisionComparison comparison{*from, *to, compareWords(from->body, to->body)};
    return comparison;
}

} // namespace balcony
