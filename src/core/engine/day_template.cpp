#include "engine/day_template.h"

#include "domain/dates.h"
#include "interchange/text_encoding.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <algorithm>
#include <array>
#include <utility>

namespace balcony {
namespace {

constexpr std::array<std::pair<BlockKind, const char*>, 12> kindKeys{{
    {BlockKind::Introductions, "introductions"},
    {BlockKind::Presentation, "presentation"},
    {BlockKind::Questions, "questions"},
    {BlockKind::Affirmation, "affirmation"},
    {BlockKind::Insights, "insights"},
    {BlockKind::Reaction, "reaction"},
    {BlockKind::Reflection, "reflection"},
    {BlockKind::Lunch, "lunch"},
    {BlockKind::Tea, "tea"},
    {BlockKind::Break, "break"},
    {BlockKind::Plenary, "plenary"},
    {BlockKind::Custom, "custom"},
}};

constexpr std::array<std::pair<Speaker, const char*>, 3> speakerKeys{{
    {Speaker::Everyone, "everyone"},
    {Speaker::PresentingLa, "presenting"},
    {Speaker::VisitingLas, "visiting"},
}};

constexpr int formatVersion = 1;

// Collects every problem of one file, each naming the field, so a region fixes its file in one go.
class Checker {
public:
    explicit Checker(QString source)
        : m_source(std::move(source)) {}

    void add(const QString& field, const QString& problem) {
        m_problems << field + QStringLiteral(": ") + problem;
    }
    bool ok() const { return m_problems.isEmpty(); }
    Error error() const {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("Day template %1 is not valid:\n  %2")
                           .arg(m_source, m_problems.join(QStringLiteral("\n  "))));
    }

private:
    QString m_source;
    QStringList m_problems;
};

QString describe(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Undefined:
        return QStringLiteral("missing");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::String:
        return QStringLiteral("\"%1\"").arg(value.toString());
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return value.isArray() ? QStringLiteral("a list") : QStringLiteral("an object");
    }
}

std::optional<TemplateBlock> parseBlock(const QJsonValue& value, const QString& field, Checker& checker) {
    if (!value.isObject()) {
        checker.add(field, QStringLiteral("must be an object with kind, title and minutes"));
        return std::nullopt;
    }
    const QJsonObject o = value.toObject();
    TemplateBlock block;
    bool ok = true;

    const QJsonValue kind = o.value(QLatin1String("kind"));
    if (auto k = blockKindFromKey(kind.toString()); kind.isString() && k) {
        block.kind = *k;
    } else {
        checker.add(field + QStringLiteral(".kind"),
                    QStringLiteral("unknown kind %1; use one of %2")
                        .arg(describe(kind), blockKindKeys().join(QStringLiteral(", "))));
        ok = false;
    }

    const QJsonValue minutes = o.value(QLatin1String("minutes"));
    const double m = minutes.toDouble(-1);
    // The range first: casting a double outside int's range (1e99 in a file) is undefined behaviour.
    if (!minutes.isDouble() || m <= 0 || m > 600 || m != static_cast<double>(static_cast<int>(m))) {
        checker.add(field + QStringLiteral(".minutes"),
                    QStringLiteral("must be a whole number of minutes from 1 to 600 (got %1)")
                        .arg(describe(minutes)));
        ok = false;
    } else {
        block.minutes = static_cast<int>(m);
    }

    const QJsonValue title = o.value(QLatin1String("title"));
    if (!title.isString() || title.toString().trimmed().isEmpty()) {
        checker.add(field + QStringLiteral(".title"),
                    QStringLiteral("must be a non-empty text (got %1)").arg(describe(title)));
        ok = false;
    } else {
        block.title = title.toString().trimmed();
    }

    const QJsonValue speaker = o.value(QLatin1String("speaker"));
    if (speaker.isUndefined()) {
        block.speaker = Speaker::Everyone;
    } else if (auto s = speakerFromKey(speaker.toString()); speaker.isString() && s) {
        block.speaker = *s;
    } else {
        checker.add(
            field + QStringLiteral(".speaker"),
            QStringLiteral("must be everyone, presenting or visiting (got %1)").arg(describe(speaker)));
        ok = false;
    }

    const QJsonValue guidance = o.value(QLatin1String("guidance"));
    if (!guidance.isUndefined() && !guidance.isString()) {
        checker.add(field + QStringLiteral(".guidance"),
                    QStringLiteral("must be a text (got %1)").arg(describe(guidance)));
        ok = false;
    } else {
        block.guidance = guidance.toString().trimmed();
    }

    for (auto it = o.begin(); it != o.end(); ++it) {
        static const QStringList known{QStringLiteral("kind"), QStringLiteral("title"),
                                       QStringLiteral("minutes"), QStringLiteral("speaker"),
                                       QStringLiteral("guidance")};
        if (!known.contains(it.key())) {
            checker.add(field + u'.' + it.key(), QStringLiteral("is not a block field (a typing mistake?)"));
            ok = false;
        }
    }
    if (!ok) {
        return std::nullopt;
    }
    return block;
}

std::vector<TemplateBlock> parseBlocks(const QJsonObject& root, const QString& name, bool required,
                                       Checker& checker) {
    std::vector<TemplateBlock> blocks;
    const QJsonValue value = root.value(name);
    if (value.isUndefined() && !required) {
        return blocks;
    }
    if (!value.isArray()) {
        checker.add(name, QStringLiteral("must be a list of blocks (got %1)").arg(describe(value)));
        return blocks;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (auto block = parseBlock(array.at(i), QStringLiteral("%1[%2]").arg(name).arg(i), checker)) {
            blocks.push_back(*block);
        }
    }
    return blocks;
}

} // namespace

QString toKey(BlockKind kind) {
    for (const auto& [k, key] : kindKeys) {
        if (k == kind) {
            return QLatin1String(key);
        }
    }
    return QStringLiteral("custom");
}

QString toKey(Speaker speaker) {
    for (const auto& [s, key] : speakerKeys) {
        if (s == speaker) {
            return QLatin1String(key);
        }
    }
    return QStringLiteral("everyone");
}

std::optional<BlockKind> blockKindFromKey(const QString& key) {
    for (const auto& [k, name] : kindKeys) {
        if (key == QLatin1String(name)) {
            return k;
        }
    }
    return std::nullopt;
}

std::optional<Speaker> speakerFromKey(const QString& key) {
    for (const auto& [s, name] : speakerKeys) {
        if (key == QLatin1String(name)) {
            return s;
        }
    }
    return std::nullopt;
}

QStringList blockKindKeys() {
    QStringList keys;
    for (const auto& entry : kindKeys) {
        keys << QLatin1String(entry.second);
    }
    return keys;
}

bool isBreak(BlockKind kind) {
    return kind == BlockKind::Lunch || kind == BlockKind::Tea || kind == BlockKind::Break;
}

int DayTemplate::blockCount() const {
    int count =
        static_cast<int>(opening.size() + closing.size()) + presentingLas * static_cast<int>(session.size());
    for (const auto& gap : between) {
        count += static_cast<int>(gap.size());
    }
    return count;
}

Result<DayTemplate> parseDayTemplate(const QByteArray& json, const QString& sourceName) {
    if (json.startsWith("\xFF\xFE") || json.startsWith("\xFE\xFF")) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("Day template %1:1: the file is UTF-16 text, but Balcony reads day "
                                      "templates in UTF-8 only: save it again with the encoding UTF-8, then "
                                      "import the new file.")
                           .arg(sourceName));
    }
    if (auto line = interchange::firstNonUtf8Line(json)) {
        const QString guess = interchange::looksLikeWindows1252(json)
                                  ? QStringLiteral(" (it looks like Windows-1252, the encoding of older "
                                                   "Windows programs)")
                                  : QString();
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("Day template %1:%2: this line is not UTF-8 text%3; Balcony reads day "
                                      "templates in UTF-8 only: save the file again with the encoding UTF-8, "
                                      "then import the new file.")
                           .arg(sourceName)
                           .arg(*line)
                           .arg(guess));
    }
    if (json.trimmed().isEmpty() || json.trimmed() == interchange::utf8ByteOrderMark) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("Day template %1:1: the file is empty: a day template is a JSON object "
                                      "(see docs/day-engine.md).")
                           .arg(sourceName));
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Turn the byte offset into a line, which is what an editor shows.
        const int line = static_cast<int>(json.left(parseError.offset).count('\n')) + 1;
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("Day template %1 is not valid JSON: line %2: %3.")
                           .arg(sourceName)
                           .arg(line)
                           .arg(parseError.errorString()));
    }
    if (!doc.isObject()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("Day template %1 must be a JSON object (see docs/day-engine.md).")
                           .arg(sourceName));
    }
    const QJsonObject root = doc.object();
    Checker checker(sourceName);
    if (auto unusual = interchange::unusualJsonText(root)) {
        checker.add(unusual->path, unusual->problem);
        return checker.error();
    }
    if (auto twice = interchange::firstDuplicateJsonKey(json)) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("Day template %1:%2: \"%3\" is written twice in the same object: keep "
                                      "one of the two.")
                           .arg(sourceName)
                           .arg(twice->line)
                           .arg(twice->key));
    }
    DayTemplate t;
    t.source = sourceName;

    const QJsonValue version = root.value(QLatin1String("balcony_template"));
    if (version.toInt(-1) != formatVersion) {
        checker.add(QStringLiteral("balcony_template"),
                    QStringLiteral("must be %1, the format version (got %2)")
                        .arg(formatVersion)
                        .arg(describe(version)));
    }
    const QJsonValue id = root.value(QLatin1String("id"));
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,39}$"));
    if (!id.isString() || !idPattern.match(id.toString()).hasMatch()) {
        checker.add(QStringLiteral("id"),
                    QStringLiteral("must be a short name of lower-case letters, digits, - or _ (got %1)")
                        .arg(describe(id)));
    }
    t.id = id.toString();
    t.name = root.value(QLatin1String("name")).toString(t.id).trimmed();

    const QJsonValue start = root.value(QLatin1String("start"));
    t.start = start.isUndefined() ? QTime(10, 0) : parseClockTime(start.toString());
    if (!t.start.isValid()) {
        checker.add(QStringLiteral("start"),
                    QStringLiteral("must be a clock time HH:MM (got %1)").arg(describe(start)));
    }

    const QJsonValue presenting = root.value(QLatin1String("presenting_las"));
    t.presentingLas = presenting.toInt(0);
    if (!presenting.isDouble() || t.presentingLas < 1 || t.presentingLas > 8) {
        checker.add(QStringLiteral("presenting_las"),
                    QStringLiteral("must be the number of presenting sessions, 1 to 8 (got %1)")
                        .arg(describe(presenting)));
        t.presentingLas = 0;
    }

    t.opening = parseBlocks(root, QStringLiteral("opening"), false, checker);
    t.session = parseBlocks(root, QStringLiteral("session"), true, checker);
    t.closing = parseBlocks(root, QStringLiteral("closing"), false, checker);
    if (root.value(QLatin1String("session")).isArray() &&
        root.value(QLatin1String("session")).toArray().isEmpty()) {
        checker.add(QStringLiteral("session"),
                    QStringLiteral("has no blocks: a day needs a presenting session"));
    } else if (checker.ok() && std::none_of(t.session.begin(), t.session.end(), [](const TemplateBlock& b) {
                   return b.speaker == Speaker::PresentingLa || b.kind == BlockKind::Presentation;
               })) {
        checker.add(
            QStringLiteral("session"),
            QStringLiteral("has no block where the presenting LA speaks (kind presentation or speaker "
                           "presenting)"));
    }

    const QJsonValue between = root.value(QLatin1String("between_sessions"));
    if (!between.isUndefined() && !between.isArray()) {
        checker.add(QStringLiteral("between_sessions"),
                    QStringLiteral("must be a list with one list of blocks per gap between sessions"));
    } else {
        const QJsonArray gaps = between.toArray();
        if (t.presentingLas > 0 && gaps.size() != t.presentingLas - 1) {
            checker.add(
                QStringLiteral("between_sessions"),
                QStringLiteral("must have %1 entries, one per gap between %2 sessions (got %3); use [] "
                               "for a gap without a break")
                    .arg(t.presentingLas - 1)
                    .arg(t.presentingLas)
                    .arg(gaps.size()));
        }
        for (qsizetype g = 0; g < gaps.size(); ++g) {
            const QString field = QStringLiteral("between_sessions[%1]").arg(g);
            if (!gaps.at(g).isArray()) {
                checker.add(field,
                            QStringLiteral("must be a list of blocks (got %1)").arg(describe(gaps.at(g))));
                continue;
            }
            std::vector<TemplateBlock> gap;
            const QJsonArray blocks = gaps.at(g).toArray();
            for (qsizetype i = 0; i < blocks.size(); ++i) {
                if (auto block =
                        parseBlock(blocks.at(i), QStringLiteral("%1[%2]").arg(field).arg(i), checker)) {
                    gap.push_back(*block);
                }
            }
            t.between.push_back(std::move(gap));
        }
    }

    for (auto it = root.begin(); it != root.end(); ++it) {
        static const QStringList known{QStringLiteral("balcony_template"),
                                       QStringLiteral("id"),
                                       QStringLiteral("name"),
                                       QStringLiteral("start"),
                                       QStringLiteral("presenting_las"),
                                       QStringLiteral("opening"),
                                       QStringLiteral("session"),
                                       QStringLiteral("between_sessions"),
                                       QStringLiteral("closing"),
                                       QStringLiteral("description")};
        if (!known.contains(it.key())) {
            checker.add(it.key(), QStringLiteral("is not a template field (a typing mistake?)"));
        }
    }
    if (!checker.ok()) {
        return checker.error();
    }
    return t;
}

Result<DayTemplate> loadDayTemplateFile(const QString& path) {
    QFile file(path);
    if (!file.exists()) {
        return failure(Error::Kind::NotFound, QStringLiteral("Day template %1 does not exist.").arg(path));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return failure(Error::Kind::Failed,
                       QStringLiteral("Cannot read day template %1: %2.").arg(path, file.errorString()));
    }
    return parseDayTemplate(file.readAll(), path);
}

QStringList builtInTemplateIds() {
    return {QStringLiteral("triad"), QStringLiteral("quartet")};
}

Result<DayTemplate> builtInTemplate(const QString& id) {
    if (!builtInTemplateIds().contains(id)) {
        return failure(Error::Kind::NotFound,
                       QStringLiteral("There is no built-in day template \"%1\"; the built-in ones are %2.")
                           .arg(id, builtInTemplateIds().join(QStringLiteral(", "))));
    }
    return loadDayTemplateFile(QStringLiteral(":/balcony/templates/%1.json").arg(id));
}

} // namespace balcony
