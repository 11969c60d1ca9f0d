#include "cli/cli.h"
#include "review_pack/review_pack.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

// note pack-show: what a review pack holds, for scripts and tests (docs/review-pack.md).
namespace balcony::cli {
namespace {

QString decisionKey(PackDecision decision) {
    switch (decision) {
    case PackDecision::Agreed:
        return QStringLiteral("agreed");
    case PackDecision::Returned:
        return QStringLiteral("returned");
    case PackDecision::None:
        break;
    }
    return QStringLiteral("none");
}

QString utc(const QDateTime& when) {
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString indented(QString text) {
    if (text.endsWith(u'\n')) {
        text.chop(1);
    }
    return QStringLiteral("    ") + text.replace(u'\n', QStringLiteral("\n    "));
}

int packShow(Context& ctx, const QCommandLineParser& parser, const QStringList& positional) {
    // Showing writes nothing; a pack the user cannot write opens read-only, and the output says so.
    auto pack = openPack(positional.value(0));
    if (!pack) {
        return ctx.fail(pack.error());
    }
    const ReviewPackState& state = pack->state();
    const ReviewPackContents& sent = state.sent;
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject object{
            {QStringLiteral("formatVersion"), state.formatVersion},
            {QStringLiteral("readOnly"), pack->isReadOnly()},
            {QStringLiteral("packUuid"), sent.packUuid.toString(QUuid::WithoutBraces)},
            {QStringLiteral("region"), sent.regionName},
            {QStringLiteral("cycle"), sent.cycleName},
            {QStringLiteral("group"), sent.groupLabel},
            {QStringLiteral("groupDate"), dayText(sent.groupDate)},
            {QStringLiteral("groupAuthorities"), QJsonArray::fromStringList(sent.groupAuthorities)},
            {QStringLiteral("la"), sent.authorityName},
            {QStringLiteral("authorityId"), sent.authorityId},
            {QStringLiteral("noteId"), sent.noteId},
            {QStringLiteral("revision"), sent.revisionNumber},
            {QStringLiteral("fingerprint"), sent.revisionFingerprint},
            {QStringLiteral("due"), dayText(sent.dueDate)},
            {QStringLiteral("body"), sent.revisionBody},
            {QStringLiteral("decision"), decisionKey(state.decision)},
            {QStringLiteral("decidedBy"), state.decidedBy},
            {QStringLiteral("decidedAtUtc"), utc(state.decidedAtUtc)},
        };
        if (state.amendment) {
            object.insert(
                QStringLiteral("amendment"),
                QJsonObject{{QStringLiteral("body"), state.amendment->body},
                            {QStringLiteral("dcsName"), state.amendment->dcsName},
                            {QStringLiteral("savedAtUtc"), utc(state.amendment->savedAtUtc)},
                            {QStringLiteral("fingerprint"), fingerprintOf(state.amendment->body)}});
        }
        printJson(ctx, QJsonArray{object});
        return Success;
    }
    QString answer = QStringLiteral("none yet");
    if (state.decision == PackDecision::Agreed) {
        answer = QStringLiteral("agreed by %1 at %2").arg(state.decidedBy, utc(state.decidedAtUtc));
    } else if (state.decision == PackDecision::Returned) {
        answer = QStringLiteral("returned with amendments by %1 at %2")
                     .arg(state.decidedBy, utc(state.decidedAtUtc));
    }
    ctx.out << "Review pack " << QDir::toNativeSeparators(positional.value(0)) << " (format "
            << state.formatVersion << ")\n";
    if (pack->isReadOnly()) {
        ctx.out << "Read-only: " << pack->readOnlyReason() << "\n";
    }
    ctx.out << "Pack:     " << sent.packUuid.toString(QUuid::WithoutBraces) << "\n"
            << "Region:   " << sent.regionName << "\n"
            << "Cycle:    " << sent.cycleName << "\n"
            << "Group:    " << sent.groupLabel << " on " << dayText(sent.groupDate) << " ("
            << sent.groupAuthorities.join(QStringLiteral(", ")) << ")\n"
            << "LA:       " << sent.authorityName << " (id " << sent.authorityId << ")\n"
            << "Note:     " << sent.noteId << ", revision " << sent.revisionNumber << ", fingerprint "
            << sent.revisionFingerprint << "\n"
            << "Due:      " << dayText(sent.dueDate) << "\n"
            << "Answer:   " << answer << "\n\nNote as sent:\n"
            << indented(sent.revisionBody) << "\n";
    if (state.amendment) {
        ctx.out << "\nAmendment by " << state.amendment->dcsName << " at " << utc(state.amendment->savedAtUtc)
                << " (fingerprint " << fingerprintOf(state.amendment->body) << "):\n"
                << indented(state.amendment->body) << "\n";
    }
    ctx.out.flush();
    return Success;
}

const Registrar
    packShowCommand({{QStringLiteral("note"), QStringLiteral("pack-show")},
                     QStringLiteral("FILE"),
                     QStringLiteral("Show what a review pack holds: the note sent and the DCS's answer."),
                     1,
                     [](QCommandLineParser& parser) { parser.addOption(jsonOption()); },
                     packShow});

} // namespace
} // namespace balcony::cli
