#pragma once

#include "support/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTime>
#include <optional>
#include <vector>

namespace balcony {

enum class BlockKind {
    Introductions,
    Presentation,
    Questions,
    Affirmation,
    Insights,
    Reaction,
    Reflection,
    Lunch,
    Tea,
    Break,
    Plenary,
    Custom,
};

// Who has the floor during a block.
enum class Speaker { Everyone, PresentingLa, VisitingLas };

QString toKey(BlockKind kind);  // "questions", "lunch", ...
QString toKey(Speaker speaker); // "everyone", "presenting", "visiting"
std::optional<BlockKind> blockKindFromKey(const QString& key);
std::optional<Speaker> speakerFromKey(const QString& key);
QStringList blockKindKeys();
bool isBreak(BlockKind kind); // lunch, tea and break

struct TemplateBlock {
    BlockKind kind = BlockKind::Custom;
    QString title;
    int minutes = 0; // always > 0 in a loaded template
    Speaker speaker = Speaker::Everyone;
    QString guidance; // a short reminder for the facilitator
};

// A day's shape: opening blocks, one session repeated for each presenting LA with breaks between
// sessions, and closing blocks. Loaded from JSON (see docs/day-engine.md for the format).
struct DayTemplate {
    QString id;     // "triad", "quartet", or a region's own
    QString name;   // for people
    QString source; // where it was loaded from, for messages
    QTime start;    // suggested start time; 10:00 unless the file says otherwise
    int presentingLas = 0;
    std::vector<TemplateBlock> opening;
    std::vector<TemplateBlock> session;
    std::vector<std::vector<TemplateBlock>> between; // between[i] follows session i; size presentingLas-1
    std::vector<TemplateBlock> closing;

    // The blocks in running order, as a timetable lists them (session blocks repeated).
    int blockCount() const;
};

// Parses and validates a template. On failure the message names sourceName and the field, for
// example "quartet.json: blocks: session[1].minutes must be a whole number above 0 (got -5)."
// Nothing is partially loaded: a template is valid or refused.
Result<DayTemplate> parseDayTemplate(const QByteArray& json, const QString& sourceName);

// Reads a file and parses it; a missing or unreadable file is NotFound / Failed naming the path.
Result<DayTemplate> loadDayTemplateFile(const QString& path);

// The templates shipped inside the program (resources/templates/): "triad" and "quartet".
QStringList builtInTemplateIds();
Result<DayTemplate> builtInTemplate(const QString& id);

} // namespace balcony
