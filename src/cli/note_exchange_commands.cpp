#include "cli/cli.h"
#include "cli/session_note_lookup.h"
#include "engine/clock.h"
#include "notes/note_review.h"
#include "reports/document_format.h"
#include "reports/session_note_document.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

// note send, note import-pack, note export, note export-all: session notes leaving the region (as
// review packs and documents) and the DCS's answer coming back (docs/session-notes.md,
// docs/review-pack.md). Every operation is core's (notes/note_review.h) or the reports library's.
namespace balcony::cli {
namespace {

int send(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"cycle", "dir"})) {
        return BadInput;
    }
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    SystemClock clock;
    SessionNoteStore store(*db, clock);
    const QString cycleName = parser.value(QStringLiteral("cycle"));
    std::vector<SessionNote> chosen;
    if (parser.isSet(QStringLiteral("la"))) {
        auto found = findNote(*db, store, cycleName, parser.value(QStringLiteral("la")));
        if (!found) {
            return ctx.fail(found.error());
        }
        chosen.push_back(found->note);
    } else {
        auto found = notesOfCycle(*db, store, cycleName);
        if (!found) {
            return ctx.fail(found.error());
        }
        const Cycle* cycle = &found->cycle;
        for (const auto& note : found->notes) {
            if (note.status == NoteStatus::Draft || note.status == NoteStatus::Amended) {
                chosen.push_back(note);
            }
        }
        if (chosen.empty()) {
            ctx.out << "No note of cycle " << cycle->name
                    << " is a draft or amended, so there is nothing to send." << Qt::endl;
            return Success;
        }
    }
    auto schedule = loadCycle(*db, cycleName);
    if (!schedule) {
        return ctx.fail(schedule.error());
    }
    int sent = 0;
    for (const auto& note : chosen) {
        QString by = parser.value(QStringLiteral("by"));
        if (by.trimmed().isEmpty()) {
            const Group* group = nullptr;
            for (const auto& g : schedule->groups) {
                group = g.id == note.groupId ? &g : group;
            }
            by = group ? facilitatorOf(*schedule, *group) : QStringLiteral("Facilitator");
        }
        auto done = sendForReview(*db, clock, note.id, parser.value(QStringLiteral("dir")), by,
                                  parser.isSet(QStringLiteral("replace")));
        if (!done) {
            if (sent > 0) {
                ctx.err << counted(sent, "note was", "notes were") << " sent before this one." << Qt::endl;
            }
            return ctx.fail(done.error());
        }
        ++sent;
        ctx.out << done->authorityName << ": revision " << done->revision << " sent for review, due "
                << dayText(done->dueOn) << ": " << QDir::toNativeSeparators(done->packPath) << Qt::endl;
    }
    return Success;
}

int importPack(Context& ctx, const QCommandLineParser& parser, const QStringList& positional) {
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    SystemClock clock;
    auto imported = importReviewPack(*db, clock, positional.at(0));
    if (!imported) {
        return ctx.fail(imported.error());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(ctx, QJsonArray{QJsonObject{
                           {QStringLiteral("la"), imported->authorityName},
                           {QStringLiteral("cycle"), imported->cycleName},
                           {QStringLiteral("answer"),
                            imported->agreed ? QStringLiteral("agreed") : QStringLiteral("amended")},
                           {QStringLiteral("revision"), imported->latestRevision},
                           {QStringLiteral("dcs"), imported->dcsName},
                       }});
        return Success;
    }
    if (imported->agreed) {
        ctx.out << imported->authorityName << ": " << imported->dcsName << " agreed revision "
                << imported->latestRevision << "; the note is now the record." << Qt::endl;
    } else {
        ctx.out << imported->authorityName << ": " << imported->dcsName << "'s amendments saved as revision "
                << imported->latestRevision << ". Compare them with \"note diff\"." << Qt::endl;
    }
    return Success;
}

const reports::DocumentFormat* formatOption(Context& ctx, const QCommandLineParser& parser) {
    const QString name = required(ctx, parser, QStringLiteral("format"));
    if (name.trimmed().isEmpty()) {
        return nullptr;
    }
    const reports::DocumentFormat* format = reports::findDocumentFormat(name.trimmed());
    if (!format) {
        ctx.usage(reports::unknownDocumentFormat(name).message);
    }
    return format;
}

int exportNote(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"cycle", "la", "out"})) {
        return BadInput;
    }
    const reports::DocumentFormat* format = formatOption(ctx, parser);
    if (!format) {
        return BadInput;
    }
    const auto revision = optionalRevision(parser);
    if (!revision) {
        return ctx.usage(revision.message());
    }
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    SystemClock clock;
    SessionNoteStore store(*db, clock);
    auto found =
        findNote(*db, store, parser.value(QStringLiteral("cycle")), parser.value(QStringLiteral("la")));
    if (!found) {
        return ctx.fail(found.error());
    }
    auto document = reports::sessionNoteDocument(*db, found->note.id, *revision);
    if (!document) {
        return ctx.fail(document.error());
    }
    const QString out = parser.value(QStringLiteral("out"));
    if (Status written = reports::writeNoteDocument(*document, *format, out); !written) {
        return ctx.fail(written.error());
    }
    ctx.out << "Wrote " << document->laName << "'s note (revision " << document->revision << ", "
            << document->statusText << ") to " << QDir::toNativeSeparators(out) << "." << Qt::endl;
    return Success;
}

int exportAll(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"cycle", "dir"})) {
        return BadInput;
    }
    const reports::DocumentFormat* format = formatOption(ctx, parser);
    if (!format) {
        return BadInput;
    }
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    SystemClock clock;
    SessionNoteStore store(*db, clock);
    auto found = notesOfCycle(*db, store, parser.value(QStringLiteral("cycle")));
    if (!found) {
        return ctx.fail(found.error());
    }
    const Cycle* cycle = &found->cycle;
    const std::vector<SessionNote>* notes = &found->notes;
    if (notes->empty()) {
        ctx.out << "No session notes in cycle " << cycle->name << " yet, so nothing was written." << Qt::endl;
        return Success;
    }
    std::vector<reports::NoteDocument> documents;
    for (const auto& note : *notes) {
        auto document = reports::sessionNoteDocument(*db, note.id);
        if (!document) {
            return ctx.fail(document.error());
        }
        documents.push_back(std::move(*document));
    }
    auto report = reports::writeNoteDocuments(documents, *format, parser.value(QStringLiteral("dir")),
                                              parser.isSet(QStringLiteral("replace")));
    if (!report) {
        return ctx.fail(report.error());
    }
    for (const auto& file : report->files) {
        ctx.out << QDir::toNativeSeparators(file) << Qt::endl;
    }
    ctx.out << "Wrote " << counted(report->files.size(), "note", "notes") << " of cycle " << cycle->name
            << ", one file per LA." << Qt::endl;
    return Success;
}

QCommandLineOption formatChoice() {
    return {QStringLiteral("format"),
            QStringLiteral("The document's format: %1.").arg(reports::documentFormatChoices()),
            QStringLiteral("FORMAT")};
}

QCommandLineOption replaceOption(const QString& what) {
    return {QStringLiteral("replace"), what};
}

const Registrar sendCommand(
    {{QStringLiteral("note"), QStringLiteral("send")},
     QStringLiteral("--cycle NAME [--la LA] --dir DIR"),
     QStringLiteral("Send notes for review: one review pack per LA, holding that LA's note alone."),
     0,
     [](QCommandLineParser& parser) {
         parser.addOption(cycleOption());
         parser.addOption(laOption(QStringLiteral("Send this LA's note only (default: every draft or "
                                                  "amended note of the cycle).")));
         parser.addOption(QCommandLineOption(QStringLiteral("dir"),
                                             QStringLiteral("The folder to write the review packs in."),
                                             QStringLiteral("DIR")));
         parser.addOption(byOption(QStringLiteral("Who sends them (default: the group's facilitator).")));
         parser.addOption(replaceOption(QStringLiteral("Replace a pack of the same name in the folder.")));
     },
     send});

const Registrar importPackCommand({{QStringLiteral("note"), QStringLiteral("import-pack")},
                                   QStringLiteral("FILE"),
                                   QStringLiteral("Record a DCS's answer from a returned review pack."),
                                   1,
                                   [](QCommandLineParser& parser) { parser.addOption(jsonOption()); },
                                   importPack});

const DocumentRegistrar exportCommand(
    {{QStringLiteral("note"), QStringLiteral("export")},
     QStringLiteral("--cycle NAME --la LA --format pdf|odt|html --out FILE"),
     QStringLiteral("Write one LA's session note as a document (PDF, ODT or HTML)."),
     0,
     [](QCommandLineParser& parser) {
         parser.addOption(cycleOption());
         parser.addOption(laOption(QStringLiteral("The LA whose note it is.")));
         parser.addOption(formatChoice());
         parser.addOption(QCommandLineOption(QStringLiteral("out"), QStringLiteral("The file to write."),
                                             QStringLiteral("FILE")));
         parser.addOption(QCommandLineOption(QStringLiteral("revision"),
                                             QStringLiteral("A revision other than the latest."),
                                             QStringLiteral("N")));
     },
     exportNote});

const DocumentRegistrar exportAllCommand(
    {{QStringLiteral("note"), QStringLiteral("export-all")},
     QStringLiteral("--cycle NAME --format pdf|odt|html --dir DIR"),
     QStringLiteral("Write every session note of the cycle, one file per LA."),
     0,
     [](QCommandLineParser& parser) {
         parser.addOption(cycleOption());
         parser.addOption(formatChoice());
         parser.addOption(QCommandLineOption(QStringLiteral("dir"), QStringLiteral("The folder to write in."),
                                             QStringLiteral("DIR")));
         parser.addOption(replaceOption(QStringLiteral("Replace files of the same names in the folder.")));
     },
     exportAll});

} // namespace
} // namespace balcony::cli
