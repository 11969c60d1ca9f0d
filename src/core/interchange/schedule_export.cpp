#include "interchange/schedule_export.h"

#include "domain/schedule_store.h"
#include "interchange/file_io.h"
#include "interchange/text_encoding.h"

#include <algorithm>

namespace balcony::interchange {

QByteArray csvField(const QString& value) {
    QByteArray bytes = value.toUtf8();
    const bool needsQuotes = bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') ||
                             bytes.contains('\r') || value != value.trimmed();
    if (!needsQuotes) {
        return bytes;
    }
    bytes.replace("\"", "\"\"");
    return '"' + bytes + '"';
}

namespace {

QByteArray csvLine(const QStringList& fields) {
    QByteArray line;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            line += ',';
        }
        line += csvField(fields[i]);
    }
    return line + "\r\n";
}

} // namespace

Result<QByteArray> scheduleCsv(const CycleSchedule& schedule) {
    std::vector<const Group*> groups;
    for (const auto& g : schedule.groups) {
        groups.push_back(&g);
    }
    std::stable_sort(groups.begin(), groups.end(), [](const Group* a, const Group* b) {
        return a->date != b->date ? a->date < b->date : a->label < b->label;
    });
    QByteArray out =
        utf8ByteOrderMark + csvLine({QStringLiteral("group"), QStringLiteral("date"), QStringLiteral("mode"),
                                     QStringLiteral("venue"), QStringLiteral("facilitator"),
                                     QStringLiteral("la"), QStringLiteral("lead_reviewer_for")});
    for (const Group* g : groups) {
        const QString mode =
            g->mode == Mode::Virtual ? QStringLiteral("virtual") : QStringLiteral("in person");
        const QString facilitator = g->facilitatorId != 0 ? schedule.personName(g->facilitatorId) : QString();
        for (const auto& member : g->members) {
            QString reviews;
            for (const auto& other : g->members) {
                if (other.leadReviewerId != member.authorityId) {
                    continue;
                }
                if (!reviews.isEmpty()) {
                    return failure(
                        Error::Kind::InvalidInput,
                        QStringLiteral("In group \"%1\", %2 is lead reviewer for both %3 and %4; the "
                                       "CSV format has one per LA. Give one of them another lead "
                                       "reviewer, then export again.")
                            .arg(g->label, schedule.authorityName(member.authorityId), reviews,
                                 schedule.authorityName(other.authorityId)));
                }
                reviews = schedule.authorityName(other.authorityId);
            }
            out += csvLine({g->label, g->date.toString(Qt::ISODate), mode, g->venue, facilitator,
                            schedule.authorityName(member.authorityId), reviews});
        }
    }
    return out;
}

Result<int> exportScheduleFile(Database& db, qint64 cycleId, const QString& path) {
    auto schedule = ScheduleStore(db).load(cycleId);
    if (!schedule) {
        return schedule.error();
    }
    auto csv = scheduleCsv(*schedule);
    if (!csv) {
        return csv.error();
    }
    if (auto written = writeFileAtomically(path, *csv); !written) {
        return written.error();
    }
    int rows = 0;
    for (const auto& g : schedule->groups) {
        rows += int(g.members.size());
    }
    return rows;
}

} // namespace balcony::interchange
