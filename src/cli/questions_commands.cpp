#include "cli/cli.h"
#include "interchange/csv_table.h"
#include "questions/bank_store.h"

#include <QDir>
#include <QFileInfo>
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

} // namespace
} // namespace balcony::cli
