#include "outcomes/outcomes_export.h"

#include "interchange/file_io.h"
#include "interchange/schedule_export.h"
#include "interchange/text_encoding.h"
#include "outcomes/action_plan.h"
#include "outcomes/asks_offers.h"
#include "outcomes/matching.h"
#include "outcomes/priorities.h"

namespace balcony::outcomes {
namespace {

struct Rendered {
    QByteArray bytes;
    int rows = 0;
};

QString day(const QDate& date) {
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

Result<Rendered> render(Database& db, const Clock& clock, qint64 cycleId) {
    Rendered out;
    out.bytes = QByteArray(interchange::utf8ByteOrderMark) +
                "kind,id,la,group,theme,status,support,owner,due,rag,rag_reason,text\r\n";
    const auto row = [&out](const QStringList& cells) {
        QByteArray line;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            line += (i ? "," : "") + interchange::csvField(cells[i]);
        }
        out.bytes += line + "\r\n";
        ++out.rows;
    };
    auto items = AskOfferRegister(db, clock).list(cycleId);
    if (!items) {
        return items.error();
    }
    for (const auto& item : *items) {
        row({toKey(item.kind),
             QString::number(item.itemId),
             item.authorityName,
             item.groupLabel,
             item.theme,
             toKey(item.status),
             item.supportKind,
             {},
             {},
             {},
             {},
             item.text});
    }
    auto followUps = MatchStore(db, clock).followUps(cycleId);
    if (!followUps) {
        return followUps.error();
    }
    for (const auto& f : *followUps) {
        row({QStringLiteral("follow-up"),
             QString::number(f.id),
             f.askingAuthority + QStringLiteral(" <- ") + f.offeringAuthority,
             {},
             {},
             toKey(f.status),
             {},
             f.owner,
             day(f.due),
             {},
             {},
             QStringLiteral("ask %1 with offer %2").arg(f.askItemId).arg(f.offerItemId)});
    }
    auto actions = ActionPlanStore(db, clock).list(cycleId);
    if (!actions) {
        return actions.error();
    }
    for (const auto& a : *actions) {
        row({QStringLiteral("action"),
             QString::number(a.id),
             a.authorityName,
             {},
             {},
             a.overdue ? QStringLiteral("overdue") : toKey(a.status),
             {},
             a.owner,
             day(a.due),
             a.rating ? toKey(a.rating->rag) : QString(),
             a.rating ? a.rating->reason : QString(),
             a.text});
    }
    auto priorities = PriorityStore(db).merged(cycleId);
    if (!priorities) {
        return priorities.error();
    }
    for (const auto& p : *priorities) {
        row({QStringLiteral("priority"),
             QString::number(p.position),
             {},
             p.groups.join(QStringLiteral("; ")),
             {},
             {},
             {},
             {},
             {},
             {},
             {},
             p.text});
    }
    return out;
}

} // namespace

Result<QByteArray> outcomesCsv(Database& db, const Clock& clock, qint64 cycleId) {
    auto rendered = render(db, clock, cycleId);
    if (!rendered) {
        return rendered.error();
    }
    return std::move(rendered->bytes);
}

Result<int> exportOutcomesFile(Database& db, const Clock& clock, qint64 cycleId, const QString& path) {
    auto rendered = render(db, clock, cycleId);
    if (!rendered) {
        return rendered.error();
    }
    if (auto written = interchange::writeFileAtomically(path, rendered->bytes); !written) {
        return written.error();
    }
    return rendered->rows;
}

} // namespace balcony::outcomes
