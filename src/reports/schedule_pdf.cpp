#include "reports/schedule_pdf.h"

#include "domain/schedule_store.h"
#include "engine/group_day.h"
#include "engine/timetable.h"
#include "reports/file_writer.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace balcony::reports {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("balcony::reports::SchedulePdf", text);
}

QString cell(const QString& text) {
    return QStringLiteral("<td>") + text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")) +
           QStringLiteral("</td>");
}
} // namespace

Status writeSchedulePdf(const CycleSchedule& schedule, const DayTimes& times, const QString& path) {
    const QLocale locale;
    QString html =
        QStringLiteral("<h2>") + tr("Peer challenge schedule %1").arg(schedule.cycle.name).toHtmlEscaped() +
        QStringLiteral("</h2><table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">"
                       "<tr>");
    for (const QString& heading : {tr("Group"), tr("Date"), tr("Times"), tr("Mode"), tr("Venue"),
                                   tr("Facilitator"), tr("Presenting order"), tr("Lead reviewers")}) {
        html += QStringLiteral("<th align=\"left\">") + heading.toHtmlEscaped() + QStringLiteral("</th>");
    }
    html += QStringLiteral("</tr>");
    for (const auto& group : schedule.groups) {
        QStringList members;
        QStringList reviews;
        for (const auto& member : group.members) {
            members << schedule.authorityName(member.authorityId);
            if (member.leadReviewerId != 0) {
                reviews << tr("%1 reviews %2")
                               .arg(schedule.authorityName(member.leadReviewerId),
                                    schedule.authorityName(member.authorityId));
            }
        }
        html += QStringLiteral("<tr>") + cell(group.label) +
                cell(locale.toString(group.date, QStringLiteral("ddd d MMM yyyy"))) +
                cell(times.count(group.id) != 0 ? times.at(group.id) : tr("no timetable")) +
                cell(displayName(group.mode)) + cell(group.venue) +
                cell(schedule.personName(group.facilitatorId)) + cell(members.join(QLatin1Char('\n'))) +
                cell(reviews.join(QLatin1Char('\n'))) + QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");

    return writeFileAtomically(path, [&](QIODevice& device) -> Status {
        QPdfWriter writer(&device);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        writer.setTitle(tr("Peer challenge schedule %1").arg(schedule.cycle.name));
        QTextDocument document;
        document.setHtml(html);
        document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
        document.print(&writer);
        return {};
    });
}

DayTimes scheduleDayTimes(Database& db, const CycleSchedule& schedule) {
    DayTimes times;
    for (const auto& group : schedule.groups) {
        if (auto day = plannedTimetable(db, schedule, group)) {
            times[group.id] = clockText(day->startMinute()) + u'-' + clockText(day->endMinute());
        }
    }
    return times;
}

Status exportSchedulePdf(Database& db, qint64 cycleId, const QString& path) {
    auto schedule = ScheduleStore(db).load(cycleId);
    if (!schedule) {
        return schedule.error();
    }
    return writeSchedulePdf(*schedule, scheduleDayTimes(db, *schedule), path);
}

} // namespace balcony::reports
