#include "review/comparison_html.h"

#include <QCoreApplication>

namespace balcony::gui {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("NoteComparison", text);
}

QString escaped(const QString& text) {
    return text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br/>"));
}

QString describe(const SessionNoteRevision& revision) {
    QString origin;
    switch (revision.origin) {
    case RevisionOrigin::Draft:
        origin = tr("drafted from the day");
        break;
    case RevisionOrigin::Edit:
        origin = tr("edited");
        break;
    case RevisionOrigin::Dcs:
        origin = tr("amended by the DCS");
        break;
    }
    return tr("<b>revision %1</b>, %2 by %3, %4")
        .arg(revision.number)
        .arg(origin, revision.author.toHtmlEscaped(),
             revision.createdAtUtc.toUTC().toString(QStringLiteral("d MMM yyyy HH:mm 'UTC'")));
}

} // namespace

QString comparisonHtml(const std::vector<DiffSpan>& spans) {
    QString html = QStringLiteral("<div style=\"white-space: pre-wrap\">");
    bool anchored = false;
    for (const DiffSpan& span : spans) {
        if (span.kind != DiffSpan::Kind::Same && !anchored) {
            html += QStringLiteral("<a name=\"%1\"></a>").arg(QLatin1String(firstChangeAnchor));
            anchored = true;
        }
        switch (span.kind) {
        case DiffSpan::Kind::Same:
            html += escaped(span.text);
            break;
        case DiffSpan::Kind::Added:
            html += QStringLiteral("<span style=\"color: #11632b; background-color: #e3f5e8; "
                                   "text-decoration: underline\">%1</span>")
                        .arg(escaped(span.text));
            break;
        case DiffSpan::Kind::Removed:
            html += QStringLiteral("<span style=\"color: #9b1c1c; background-color: #fbe4e4; "
                                   "text-decoration: line-through\">%1</span>")
                        .arg(escaped(span.text));
            break;
        }
    }
    return html + QStringLiteral("</div>");
}

QString comparisonHeaderHtml(const RevisionComparison& comparison) {
    return tr("From %1<br/>to %2<br/>"
              "<span style=\"color: #11632b; text-decoration: underline\">Underlined: added</span>, "
              "<span style=\"color: #9b1c1c; text-decoration: line-through\">struck through: removed</span>.")
        .arg(describe(comparison.from), describe(comparison.to));
}

} // namespace balcony::gui
