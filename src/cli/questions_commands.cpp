#include "cli/cli.h"
#include "interchange/csv_table.h"
#include "notes/note_target.h"
#include "questions/bank_store.h"
#include "questions/day_questions.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// questions list / import / export / reset: thin wrappers over core's question bank
// (src/core/questions); every rule lives there.
namespace balcony::cli {
namespace {

using namespace balcony::questions;

QString sectionHeading(Section section) {
    switch (section) {
    case Section::Balcony:
        return QStringLiteral("From the balcony (reflections for the insights stage)");
    case Section::Plenary:
        return QStringLiteral("Plenary");
    case Section::Theme:
        break;
    }
    return QString();
}

QString themeList(const QuestionBank& bank) {
    QStringList titles;
    for (const auto& theme : bank.themes) {
        titles << theme.title;
    }
    return titles.join(QStringLiteral(", "));
}

int listQuestionsCommand(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    auto region = BankStore(*db).bank();
    if (!region) {
        return ctx.fail(region.error());
    }
    const QuestionBank& bank = region->bank;
    const QString theme = parser.value(QStringLiteral("theme"));
    if (parser.isSet(QStringLiteral("theme")) &&
        std::none_of(bank.themes.begin(), bank.themes.end(),
                     [&](const Theme& t) { return themeKey(t.title) == themeKey(theme); })) {
        return ctx.usage(QStringLiteral("the question bank has no theme \"%1\"; its themes are: %2.")
                             .arg(theme, themeList(bank)));
    }
    const ThemeOrder order = orderThemes(bank.themes, parser.values(QStringLiteral("focus")));
    if (!order.unknownFocus.isEmpty()) {
        return ctx.usage(
            QStringLiteral("the question bank has no theme \"%1\" to focus on; its themes are: %2.")
                .arg(order.unknownFocus.join(QStringLiteral("\", \"")), themeList(bank)));
    }
    const auto found = searchQuestions(bank, parser.value(QStringLiteral("search")));
    // The questions shown, in the order shown: the themes as ordered, then balcony and plenary.
    std::vector<std::pair<ListedQuestion, bool>> shown; // question, its theme is a focus theme
    for (const auto& ordered : order.themes) {
        const QString& title = bank.themes[std::size_t(ordered.index)].title;
        if (parser.isSet(QStringLiteral("theme")) && themeKey(title) != themeKey(theme)) {
            continue;
        }
        for (const auto& listed : found) {
            if (listed.section == Section::Theme && listed.theme == title) {
                shown.emplace_back(listed, ordered.focus);
            }
        }
    }
    if (!parser.isSet(QStringLiteral("theme"))) {
        for (const auto& listed : found) {
            if (listed.section != Section::Theme) {
                shown.emplace_back(listed, false);
            }
        }
    }

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray rows;
        for (const auto& [listed, focus] : shown) {
            rows.append(QJsonObject{{QStringLiteral("section"), toKey(listed.section)},
                                    {QStringLiteral("theme"), listed.theme},
                                    {QStringLiteral("focus"), focus},
                                    {QStringLiteral("number"), listed.number},
                                    {QStringLiteral("question"), listed.question.text},
                                    {QStringLiteral("rating"), listed.question.rating}});
        }
        printJson(ctx, rows);
        return Success;
    }
    ctx.out << "Question bank: "
            << (region->own ? QStringLiteral("the region's own, imported from %1").arg(region->source)
                            : QStringLiteral("Balcony's default"))
            << (bank.name.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(bank.name)) << "." << Qt::endl;
    if (shown.empty()) {
        ctx.out << "No question matches \"" << parser.value(QStringLiteral("search")) << "\"." << Qt::endl;
        return Success;
    }
    QString heading;
    for (const auto& [listed, focus] : shown) {
        QString next = listed.section == Section::Theme ? listed.theme : sectionHeading(listed.section);
        if (focus) {
            next += QStringLiteral(" (focus)");
        }
        if (next != heading) {
            heading = next;
            ctx.out << Qt::endl << heading << Qt::endl;
        }
        ctx.out << "  " << listed.number << ". " << (listed.question.rating ? "[0-10] " : "")
                << listed.question.text << Qt::endl;
    }
    return Success;
}

int importQuestions(Context& ctx, const QCommandLineParser&, const QStringList& positional) {
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    const QString& file = positional.at(0);
    auto outcome = importBankFile(*db, file);
    if (!outcome) {
        return ctx.fail(outcome.error());
    }
    for (const auto& p : outcome->problems) {
        ctx.err << interchange::formatProblem(QDir::toNativeSeparators(file), p) << Qt::endl;
    }
    if (!outcome->written) {
        ctx.err << "balcony-cli: nothing was imported; the region's question bank is as it was. Correct "
                   "the file and run the import again."
                << Qt::endl;
        return BadInput;
    }
    const QuestionBank& bank = outcome->bank;
    ctx.out << "Imported the question bank " << QDir::toNativeSeparators(file) << ": " << bank.themes.size()
            << " themes, " << bank.questionCount() << " questions (" << bank.balcony.size()
            << " for the balcony, " << bank.plenary.size()
            << " for the plenary). It replaces the region's earlier bank." << Qt::endl;
    return Success;
}

int exportQuestions(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    const QString file = required(ctx, parser, QStringLiteral("out"));
    if (file.trimmed().isEmpty()) {
        return BadInput;
    }
    BankFormat format = formatFromFileName(file).value_or(BankFormat::Json);
    if (parser.isSet(QStringLiteral("format"))) {
        const QString name = parser.value(QStringLiteral("format")).toLower();
        if (name != QLatin1String("json") && name != QLatin1String("csv")) {
            return ctx.usage(QStringLiteral("--format must be json or csv (got \"%1\").")
                                 .arg(parser.value(QStringLiteral("format"))));
        }
        format = name == QLatin1String("csv") ? BankFormat::Csv : BankFormat::Json;
    }
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    auto count = exportBankFile(*db, file, format);
    if (!count) {
        return ctx.fail(count.error());
    }
    ctx.out << "Wrote " << *count << " questions as " << (format == BankFormat::Csv ? "CSV" : "JSON")
            << " to " << QDir::toNativeSeparators(file) << "." << Qt::endl;
    return Success;
}

int resetQuestions(Context& ctx, const QCommandLineParser&, const QStringList&) {
    Database* db = ctx.database();
    if (!db) {
        return BadInput;
    }
    auto had = BankStore(*db).reset();
    if (!had) {
        return ctx.fail(had.error());
    }
    ctx.out << (*had ? "The region's own question bank was removed; Balcony's default is used again."
                     : "The region already uses Balcony's default question bank; nothing changed.")
            << Qt::endl;
    return Success;
}

const Registrar listCommand(
    {{QStringLiteral("questions"), QStringLiteral("list")},
     QStringLiteral("[--theme THEME] [--search TEXT] [--focus THEME] [--json]"),
     QStringLiteral("Show the question bank: the themes' questions, the balcony's and the plenary's."),
     0,
     [](QCommandLineParser& p) {
         p.addOption(QCommandLineOption(QStringLiteral("theme"),
                                        QStringLiteral("Only this theme's questions."),
                                        QStringLiteral("THEME")));
         p.addOption(QCommandLineOption(QStringLiteral("search"),
                                        QStringLiteral("Only questions holding every word of TEXT (case and "
                                                       "accents ignored)."),
                                        QStringLiteral("TEXT")));
         p.addOption(QCommandLineOption(QStringLiteral("focus"),
                                        QStringLiteral("A theme the DCS asked the group to focus on: shown "
                                                       "first (may be repeated)."),
                                        QStringLiteral("THEME")));
         p.addOption(jsonOption());
     },
     listQuestionsCommand});

const Registrar importCommand({{QStringLiteral("questions"), QStringLiteral("import")},
                               QStringLiteral("FILE"),
                               QStringLiteral("Make a JSON or CSV file the region's own question bank."),
                               1,
                               {},
                               importQuestions});

const Registrar exportCommand(
    {{QStringLiteral("questions"), QStringLiteral("export")},
     QStringLiteral("--out FILE [--format json|csv]"),
     QStringLiteral("Write the region's question bank (its own or the default) as JSON or CSV."),
     0,
     [](QCommandLineParser& p) {
         p.addOption(QCommandLineOption(QStringLiteral("out"), QStringLiteral("The file to write."),
                                        QStringLiteral("FILE")));
         p.addOption(QCommandLineOption(QStringLiteral("format"),
                                        QStringLiteral("json or csv; without it the file's extension "
                                                       "decides, else json."),
                                        QStringLiteral("FORMAT")));
     },
     exportQuestions});

const Registrar
    resetCommand({{QStringLiteral("questions"), QStringLiteral("reset")},
                  QString(),
                  QStringLiteral("Forget the region's own question bank and use Balcony's default."),
                  0,
                  {},
                  resetQuestions});

// questions focus: the themes the DCS asked the group to focus on for one presenting LA.
int focusQuestions(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"cycle", "group", "la"})) {
        return BadInput;
    }
    const bool setting = parser.isSet(QStringLiteral("theme")) || parser.isSet(QStringLiteral("clear"));
    Database* db = setting ? ctx.database() : ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    auto target = findNoteTarget(*db, parser.value(QStringLiteral("cycle")),
                                 parser.value(QStringLiteral("group")), parser.value(QStringLiteral("la")));
    if (!target) {
        return ctx.fail(target.error());
    }
    DayQuestions store(*db);
    if (setting) {
        auto region = BankStore(*db).bank();
        if (!region) {
            return ctx.fail(region.error());
        }
        const QStringList given = parser.values(QStringLiteral("theme"));
        const ThemeOrder order = orderThemes(region->bank.themes, given);
        if (!order.unknownFocus.isEmpty()) {
            return ctx.usage(
                QStringLiteral("the question bank has no theme \"%1\"; its themes are: %2. Nothing "
                               "was saved.")
                    .arg(order.unknownFocus.join(QStringLiteral("\", \"")), themeList(region->bank)));
        }
        QStringList titles; // the bank's own spelling, in the bank's order
        for (const auto& ordered : order.themes) {
            if (ordered.focus) {
                titles << region->bank.themes[std::size_t(ordered.index)].title;
            }
        }
        if (auto saved = store.setFocusThemes(target->groupId, target->authorityId, titles); !saved) {
            return ctx.fail(saved.error());
        }
    }
    auto focus = store.focusThemes(target->groupId, target->authorityId);
    if (!focus) {
        return ctx.fail(focus.error());
    }
    ctx.out << "Focus themes for " << target->authorityName << " (group " << target->groupLabel
            << "): " << (focus->isEmpty() ? QStringLiteral("none") : focus->join(QStringLiteral(", "))) << "."
            << Qt::endl;
    return Success;
}

// questions answers: the group's answers to the plenary's questions.
int plenaryAnswers(Context& ctx, const QCommandLineParser& parser, const QStringList&) {
    if (!hasRequired(ctx, parser, {"cycle", "group"})) {
        return BadInput;
    }
    Database* db = ctx.readDatabase();
    if (!db) {
        return BadInput;
    }
    auto target =
        findNoteTarget(*db, parser.value(QStringLiteral("cycle")), parser.value(QStringLiteral("group")));
    if (!target) {
        return ctx.fail(target.error());
    }
    auto region = BankStore(*db).bank();
    if (!region) {
        return ctx.fail(region.error());
    }
    auto answers = DayQuestions(*db).plenaryAnswers(target->groupId);
    if (!answers) {
        return ctx.fail(answers.error());
    }
    // The bank's plenary questions in order, then any answer to a question the bank no longer has.
    std::vector<std::pair<QString, QString>> rows;
    for (const auto& question : region->bank.plenary) {
        const auto found = answers->find(question.text);
        rows.emplace_back(question.text, found == answers->end() ? QString() : found->second);
    }
    for (const auto& [question, answer] : *answers) {
        if (std::none_of(region->bank.plenary.begin(), region->bank.plenary.end(),
                         [&](const Question& q) { return q.text == question; })) {
            rows.emplace_back(question, answer);
        }
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const auto& [question, answer] : rows) {
            array.append(
                QJsonObject{{QStringLiteral("question"), question}, {QStringLiteral("answer"), answer}});
        }
        ctx.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Success;
    }
    int number = 0;
    for (const auto& [question, answer] : rows) {
        ctx.out << ++number << ". " << question << Qt::endl
                << (answer.trimmed().isEmpty() ? QStringLiteral("   (no answer yet)") : answer) << Qt::endl
                << Qt::endl;
    }
    return Success;
}

const Registrar focusCommand(
    {{QStringLiteral("questions"), QStringLiteral("focus")},
     QStringLiteral("--cycle CYCLE --group LABEL --la LA [--theme THEME]... [--clear]"),
     QStringLiteral("Show or set the themes the DCS asked the group to focus on for an LA's session."),
     0,
     [](QCommandLineParser& p) {
         p.addOption(cycleOption());
         p.addOption(
             {QStringLiteral("group"), QStringLiteral("The group, by label."), QStringLiteral("LABEL")});
         p.addOption({QStringLiteral("la"), QStringLiteral("The presenting LA."), QStringLiteral("LA")});
         p.addOption({QStringLiteral("theme"),
                      QStringLiteral("A theme to focus on (may be repeated); replaces the earlier ones."),
                      QStringLiteral("THEME")});
         p.addOption({QStringLiteral("clear"), QStringLiteral("Forget the LA's focus themes.")});
     },
     focusQuestions});

const Registrar answersCommand({{QStringLiteral("questions"), QStringLiteral("answers")},
                                QStringLiteral("--cycle CYCLE --group LABEL [--json]"),
                                QStringLiteral("Show the group's answers to the plenary's questions."),
                                0,
                                [](QCommandLineParser& p) {
                                    p.addOption(cycleOption());
                                    p.addOption({QStringLiteral("group"),
                                                 QStringLiteral("The group, by label."),
                                                 QStringLiteral("LABEL")});
                                    p.addOption(jsonOption());
                                },
                                plenaryAnswers});

} // namespace
} // namespace balcony::cli
