#include "notes/note_diff.h"

#include "notes/session_note_store.h"

#include <dtl/dtl.hpp>

namespace balcony {
namespace {

// Runs of non-space characters and runs of spaces (line breaks included), each a token.
std::vector<QString> tokens(const QString& text) {
    std::vector<QString> result;
    qsizetype start = 0;
    while (start < text.size()) {
        const bool space = text[start].isSpace();
        qsizetype end = start + 1;
        while (end < text.size() && text[end].isSpace() == space) {
            ++end;
        }
        result.push_back(text.mid(start, end - start));
        start = end;
    }
    return result;
}

bool isSpace(const QString& token) {
    return !token.isEmpty() && token.front().isSpace();
}

} // namespace

std::vector<DiffSpan> compareWords(const QString& before, const QString& after) {
    const std::vector<QString> a = tokens(before);
    const std::vector<QString> b = tokens(after);
    dtl::Diff<QString, std::vector<QString>> diff(a, b, true);
    diff.compose();
    std::vector<DiffSpan> raw;
    for (const auto& [token, info] : diff.getSes().getSequence()) {
        const DiffSpan::Kind kind = info.type == dtl::SES_ADD      ? DiffSpan::Kind::Added
                                    : info.type == dtl::SES_DELETE ? DiffSpan::Kind::Removed
                                                                   : DiffSpan::Kind::Same;
        raw.push_back({kind, token});
    }
    // A space the two texts share between two changed words belongs to the change: "stable" ->
    // "under pressure" reads as one replacement, not as two with a common space between them.
    std::vector<DiffSpan> tokensOut;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const bool between = raw[i].kind == DiffSpan::Kind::Same && isSpace(raw[i].text) && i > 0 &&
                             i + 1 < raw.size() && raw[i - 1].kind != DiffSpan::Kind::Same &&
                             raw[i + 1].kind != DiffSpan::Kind::Same;
        if (between) {
            tokensOut.push_back({DiffSpan::Kind::Removed, raw[i].text});
            tokensOut.push_back({DiffSpan::Kind::Added, raw[i].text});
        } else {
            tokensOut.push_back(raw[i]);
        }
    }
    // Between two common runs, everything removed comes first and everything added after it.
    std::vector<DiffSpan> spans;
    QString removed;
    QString added;
    auto flush = [&] {
        if (!removed.isEmpty()) {
            spans.push_back({DiffSpan::Kind::Removed, removed});
        }
        if (!added.isEmpty()) {
            spans.push_back({DiffSpan::Kind::Added, added});
        }
        removed.clear();
        added.clear();
    };
    for (const auto& token : tokensOut) {
        if (token.kind == DiffSpan::Kind::Removed) {
            removed += token.text;
        } else if (token.kind == DiffSpan::Kind::Added) {
            added += token.text;
        } else {
            flush();
            if (!spans.empty() && spans.back().kind == DiffSpan::Kind::Same) {
                spans.back().text += token.text;
            } else {
                spans.push_back(token);
            }
        }
    }
    flush();
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
