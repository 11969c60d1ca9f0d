#include "cli/cli.h"
#include "engine/clock.h"
#include "review_pack/review_pack.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

// note pack-show: what a review pack holds, for scripts and tests; note pack-amend and note pack-agree:
// the DCS's answer, for a DCS who works from a terminal and for end-to-end tests (docs/review-pack.md).
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
            object.insert(QStringLiteral("amendment"),
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

// The DCS's name: --by, required, since the answer is recorded in their name.
QString dcsName(Context& ctx, const QCommandLineParser& parser) {
    return required(ctx, parser, QStringLiteral("by")).trimmed();
}

int packAmend(Context& ctx, const QCommandLineParser& parser, const QStringList& positional) {
    const QString by = dcsName(ctx, parser);
    const QString file = required(ctx, parser, QStringLiteral("file"));
    if (by.isEmpty() || file.trimmed().isEmpty()) {
        return BadInput;
    }
    QFile text(file);
    if (!text.open(QIODevice::ReadOnly)) {
        return ctx.fail(failure(
            Error::Kind::NotFound,
            QStringLiteral("Cannot read %1: %2.").arg(QDir::toNativeSeparators(file), text.errorString())));
    }
    const QString body = QString::fromUtf8(text.readAll());
    auto pack = openPack(positional.value(0));
    if (!pack) {
        return ctx.fail(pack.error());
    }
    SystemClock clock;
    if (Status saved = pack->saveAmendment(body, by, clock.utcNow()); !saved) {
        return ctx.fail(saved.error());
    }
    if (Status returned = pack->returnWithAmendments(by, clock.utcNow()); !returned) {
        return ctx.fail(returned.error());
    }
    ctx.out << "Returned " << pack->state().sent.authorityName
            << "'s note with your amendments. Send the file back to the facilitator: "
            << QDir::toNativeSeparators(pack->path()) << Qt::endl;
    return Success;
}

int packAgree(Context& ctx, const QCommandLineParser& parser, const QStringList& positional) {
    const QString by = dcsName(ctx, parser);
    if (by.isEmpty()) {
        return BadInput;
    }
    auto pack = openPack(positional.value(0));
    if (!pack) {
        return ctx.fail(pack.error());
    }
    SystemClock clock;
    if (Status agreed = pack->agree(by, clock.utcNow()); !agreed) {
        return ctx.fail(agreed.error());
    }
    ctx.out << "Agreed " << pack->state().sent.authorityName << "'s note, revision "
            << pack->state().sent.revisionNumber
            << ". Send the file back to the facilitator: " << QDir::toNativeSeparators(pack->path())
            << Qt::endl;
    return Success;
}

QCommandLineOption byDcsOption() {
    return {QStringLiteral("by"), QStringLiteral("Your name, as the DCS answering."), QStringLiteral("NAME")};
}

const Registrar packAmendCommand(
    {{QStringLiteral("note"), QStringLiteral("pack-amend")},
     QStringLiteral("FILE --file NOTE.md --by NAME"),
     QStringLiteral("As the DCS: return the pack's note with your amended text (UTF-8 Markdown)."),
     1,
     [](QCommandLineParser& parser) {
         parser.addOption(QCommandLineOption(QStringLiteral("file"),
                                             QStringLiteral("The amended note, as UTF-8 Markdown."),
                                             QStringLiteral("NOTE.md")));
         parser.addOption(byDcsOption());
     },
     packAmend});

const Registrar packAgreeCommand({{QStringLiteral("note"), QStringLiteral("pack-agree")},
                                  QStringLiteral("FILE --by NAME"),
                                  QStringLiteral("As the DCS: agree the pack's note as it was sent."),
                                  1,
                                  [](QCommandLineParser& parser) { parser.addOption(byDcsOption()); },
                                  packAgree});

} // namespace
} // namespace balcony::cli
