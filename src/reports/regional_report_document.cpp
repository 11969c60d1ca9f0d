#include "reports/regional_report_document.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTextDocument>
#include <QUrl>

namespace balcony::reports {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("balcony::reports::RegionalReport", text);
}

QString esc(const QString& text) {
    return text.toHtmlEscaped();
}

// Dates as an English reader writes them, whatever the machine's locale.
QString longDate(const QDate& date) {
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, QStringLiteral("d MMMM yyyy"));
}

QString dayDate(const QDate& date) {
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, QStringLiteral("ddd d MMM yyyy"));
}

// "1 group", "6 groups".
QString counted(qsizetype n, const char* one, const char* many) {
    return QStringLiteral("%1 %2").arg(n).arg(tr(n == 1 ? one : many));
}

const QString chartUrl = QStringLiteral("balcony-chart://themes.png");

// Table styles: QTextDocument honours border, cellpadding and a header row's background.
QString tableStart(const QStringList& headings) {
    QString html = QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                                  "style=\"border-color:#9db3c8; border-collapse:collapse\"><tr>");
    for (const auto& heading : headings) {
        html += QStringLiteral("<th align=\"left\" bgcolor=\"#dce8f3\">%1</th>").arg(esc(heading));
    }
    return html + QStringLiteral("</tr>");
}

QString cells(const QStringList& values, const QList<int>& rightAligned = {}) {
    QString html = QStringLiteral("<tr>");
    for (int i = 0; i < values.size(); ++i) {
        html += rightAligned.contains(i) ? QStringLiteral("<td align=\"right\">%1</td>").arg(values[i])
                                         : QStringLiteral("<td>%1</td>").arg(values[i]);
    }
    return html + QStringLiteral("</tr>");
}

QString heading(int number, const QString& text) {
    return QStringLiteral("<h2 style=\"color:#1f4e79\">%1. %2</h2>").arg(number).arg(esc(text));
}

QString none(const QString& text) {
    return QStringLiteral("<p><i>%1</i></p>").arg(esc(text));
}

// Themes are often written in lower case ("budget"); a heading-like capital reads better in a table.
QString themeLabel(const QString& theme) {
    QString label = theme.trimmed();
    if (label.isEmpty()) {
        return tr("(no theme)");
    }
    label[0] = label[0].toUpper();
    return label;
}

QString markedItems(const std::vector<outcomes::MarkedItem>& items, bool nameTheLa) {
    QString html = QStringLiteral("<ul>");
    for (const auto& item : items) {
        QString source = displayName(item.kind);
        if (nameTheLa) {
            source = tr("%1 from %2").arg(source, item.authorityName);
        }
        html += QStringLiteral("<li><b>%1</b> <span style=\"color:#555555\">(%2)</span><br/>%3</li>")
                    .arg(esc(themeLabel(item.theme)), esc(source),
                         esc(item.text).replace(u'\n', QStringLiteral("<br/>")));
    }
    return html + QStringLiteral("</ul>");
}

} // namespace

std::unique_ptr<QTextDocument> buildRegionalReportDocument(const outcomes::RegionalReport& report,
                                                           const QImage& themeChart) {
    auto document = std::make_unique<QTextDocument>();
    const QString title = tr("Regional report: %1").arg(report.cycleName);
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(10);
    document->setDefaultFont(font);
    document->setDefaultStyleSheet(QStringLiteral("h1 { color: #1f4e79; } h3 { color: #1f4e79; }"));

    int authorities = 0;
    for (const auto& group : report.groups) {
        authorities += static_cast<int>(group.authorities.size());
    }
    QString html = QStringLiteral("<h1>%1</h1>").arg(esc(title));
    html += QStringLiteral("<p><b>%1</b><br/>%2</p>")
                .arg(esc(tr("Peer challenge cycle %1, %2 to %3")
                             .arg(report.cycleName, longDate(report.firstDay), longDate(report.lastDay))),
                     esc(tr("%1; %2; %3, %4, %5.")
                             .arg(counted(report.groups.size(), "group", "groups"),
                                  counted(authorities, "LA", "LAs"), counted(report.asks, "ask", "asks"),
                                  counted(report.offers, "offer", "offers"),
                                  counted(report.matches.size(), "confirmed match", "confirmed matches"))));
    html +=
        QStringLiteral("<p style=\"color:#555555; font-size:9pt\">%1</p><hr/>")
            .arg(esc(tr("What the region learned from this cycle's peer challenge days. The report is "
                        "anonymised: it counts what was raised, and quotes only the items the facilitator "
                        "marked for the report. Nothing from an LA's session note appears in it.")));

    int section = 0;
    html += heading(++section, tr("The groups and their days"));
    if (report.groups.empty()) {
        html += none(tr("The cycle has no groups."));
    } else {
        html += tableStart({tr("Group"), tr("Day"), tr("LAs presenting")});
        for (const auto& group : report.groups) {
            const QString day = dayDate(group.heldOn) + (group.virtualDay ? tr(" (virtual)") : QString());
            html += cells({esc(group.label), esc(day).replace(u' ', QStringLiteral("&nbsp;")),
                           esc(group.authorities.join(QStringLiteral(", ")))});
        }
        html += QStringLiteral("</table>");
    }

    html += heading(++section, tr("Themes raised across the region"));
    if (report.themes.empty()) {
        html += none(tr("No themes were recorded at this cycle's days."));
    } else {
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("How often each theme came up: captured items (strengths, insights, asks, "
                                "offers and actions) about it, and the times a DCS asked a group to focus on "
                                "it as a line of enquiry.")));
        if (!themeChart.isNull()) {
            document->addResource(QTextDocument::ImageResource, QUrl(chartUrl), themeChart);
            // 170 mm in the 96 dpi units QTextDocument sizes pictures in.
            const int width = 642;
            const int height = themeChart.height() * width / std::max(1, themeChart.width());
            html += QStringLiteral("<p align=\"center\"><img src=\"%1\" width=\"%2\" height=\"%3\"/></p>")
                        .arg(chartUrl)
                        .arg(width)
                        .arg(height);
        }
        html += tableStart({tr("Theme"), tr("Captured items"), tr("Lines of enquiry"), tr("Total")});
        for (const auto& theme : report.themes) {
            html +=
                cells({esc(themeLabel(theme.theme)), QString::number(theme.items),
                       QString::number(theme.linesOfEnquiry), QStringLiteral("<b>%1</b>").arg(theme.total())},
                      {1, 2, 3});
        }
        html += QStringLiteral("</table>");
    }

    html += heading(++section, tr("Best practice"));
    html += report.bestPractice.empty() ? none(tr("No item was marked as best practice."))
                                        : markedItems(report.bestPractice, true);
    html += heading(++section, tr("Common systemic issues"));
    html += report.systemicIssues.empty() ? none(tr("No item was marked as a common systemic issue."))
                                          : markedItems(report.systemicIssues, false);

    html += heading(++section, tr("Priorities for next year's regional plan"));
    if (report.priorities.empty()) {
        html += none(tr("No group suggested a priority."));
    } else {
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("Each group's suggestions merged into one list: a suggestion several groups "
                                "made counts more, then a group's higher ranks.")));
        html += tableStart({tr("#"), tr("Priority"), tr("Suggested by")});
        for (const auto& priority : report.priorities) {
            html += cells({QString::number(priority.position), esc(priority.text),
                           esc(priority.groups.join(QStringLiteral(", ")))},
                          {0});
        }
        html += QStringLiteral("</table>");
    }

    html += heading(++section, tr("Asks and offers"));
    if (report.asks + report.offers == 0) {
        html += none(tr("No asks or offers were captured."));
    } else {
        html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("By theme")));
        html += tableStart({tr("Theme"), tr("Asks"), tr("Offers")});
        for (const auto& row : report.asksOffersByTheme) {
            html += cells(
                {esc(themeLabel(row.theme)), QString::number(row.asks), QString::number(row.offers)}, {1, 2});
        }
        html += cells({QStringLiteral("<b>%1</b>").arg(esc(tr("All themes"))),
                       QStringLiteral("<b>%1</b>").arg(report.asks),
                       QStringLiteral("<b>%1</b>").arg(report.offers)},
                      {1, 2});
        html += QStringLiteral("</table>");
        if (!report.asksBySupportKind.empty()) {
            html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Asks by the kind of help wanted")));
            html += tableStart({tr("Kind of help"), tr("Asks")});
            for (const auto& row : report.asksBySupportKind) {
                html += cells({esc(row.kind), QString::number(row.asks)}, {1});
            }
            html += QStringLiteral("</table>");
        }
        html += QStringLiteral("<h3>%1</h3>").arg(esc(tr("Confirmed matches")));
        if (report.matches.empty()) {
            html += none(tr("No match has been confirmed yet."));
        } else {
            html += tableStart({tr("Asked"), tr("Offered"), tr("Theme"), tr("Follow-up")});
            for (const auto& match : report.matches) {
                QString asked = tr("%1 asked").arg(match.askingAuthority).toHtmlEscaped();
                QString offered = tr("%1 offered").arg(match.offeringAuthority).toHtmlEscaped();
                if (!match.askText.isEmpty()) {
                    asked += QStringLiteral("<br/><i>%1</i>").arg(esc(match.askText));
                }
                if (!match.offerText.isEmpty()) {
                    offered += QStringLiteral("<br/><i>%1</i>").arg(esc(match.offerText));
                }
                html += cells(
                    {asked, offered, esc(themeLabel(match.theme)), match.done ? tr("done") : tr("open")});
            }
            html += QStringLiteral("</table>");
        }
    }

    html += heading(++section, tr("The plenary"));
    if (report.plenary.empty()) {
        html += none(tr("No plenary answers were recorded."));
    } else {
        for (const auto& group : report.plenary) {
            html += QStringLiteral("<h3>%1</h3>").arg(esc(group.groupLabel));
            for (const auto& [question, answer] : group.answers) {
                html += QStringLiteral("<p><b>%1</b><br/>%2</p>")
                            .arg(esc(question), esc(answer).replace(u'\n', QStringLiteral("<br/>")));
            }
        }
    }

    document->setHtml(html);
    // Last: setHtml resets the title.
    document->setMetaInformation(QTextDocument::DocumentTitle, title);
    return document;
}

Status writeRegionalReportDocument(const outcomes::RegionalReport& report, const QImage& themeChart,
                                   const DocumentFormat& format, const QString& path) {
    const auto document = buildRegionalReportDocument(report, themeChart);
    return format.write(*document, path);
}

} // namespace balcony::reports
