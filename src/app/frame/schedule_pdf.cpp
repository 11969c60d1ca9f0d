#include "frame/schedule_pdf.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace balcony::gui {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("balcony::gui::SchedulePdf", text);
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

    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return failure(Error::Kind::Failed, tr("%1 cannot be written: %2").arg(path, file.errorString()));
    }
    QPdfWriter writer(&file);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageOrientation(QPageLayout::Landscape);
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
    writer.setTitle(tr("Peer challenge schedule %1").arg(schedule.cycle.name));
    QTextDocument document;
    document.setHtml(html);
    document.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size());
    document.print(&writer);
    return {};
}

} // namespace balcony::gui
