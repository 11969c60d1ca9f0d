#include "outcomes/support_menu.h"

#include "store/sql.h"
#include "store/transaction.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace balcony::outcomes {
namespace {

Status checkMenu(const std::vector<SupportKind>& menu, const QString& where) {
    QSet<QString> seen;
    for (std::size_t i = 0; i < menu.size(); ++i) {
        const auto& kind = menu[i];
        const QString entry = QStringLiteral("%1: support menu entry %2").arg(where).arg(i + 1);
        if (kind.key.trimmed().isEmpty() || kind.label.trimmed().isEmpty()) {
            return failure(Error::Kind::InvalidInput,
                           entry + QStringLiteral(" needs a key and a label. Nothing was changed."));
        }
        if (seen.contains(kind.key.trimmed().toLower())) {
            return failure(Error::Kind::InvalidInput,
                           entry + QStringLiteral(" repeats the key \"%1\"; give each kind of help its own "
                                                  "key. Nothing was changed.")
                                       .arg(kind.key.trimmed()));
        }
        seen.insert(kind.key.trimmed().toLower());
    }
    return {};
}

} // namespace

Result<std::vector<SupportKind>> parseSupportMenu(const QByteArray& json, const QString& fileName) {
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("%1 is not JSON (%2 at character %3). Nothing was changed.")
                           .arg(fileName, parseError.errorString())
                           .arg(parseError.offset));
    }
    const auto entries = document.object().value(QStringLiteral("supportMenu"));
    if (!entries.isArray()) {
        return failure(Error::Kind::InvalidInput,
                       QStringLiteral("%1 has no \"supportMenu\" list. Nothing was changed.").arg(fileName));
    }
    std::vector<SupportKind> menu;
    for (const auto& entry : entries.toArray()) {
        const auto object = entry.toObject();
        menu.push_back({object.value(QStringLiteral("key")).toString().trimmed().toLower(),
                        object.value(QStringLiteral("label")).toString().trimmed(),
                        object.value(QStringLiteral("description")).toString().trimmed()});
    }
    if (auto checked = checkMenu(menu, fileName); !checked) {
        return checked.error();
    }
    return menu;
}

Result<std::vector<SupportKind>> defaultSupportMenu() {
    static const QString path = QStringLiteral(":/balcony/outcomes/support_menu.json");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return failure(Error::Kind::Failed,
                       QStringLiteral("The built-in support menu %1 is missing from this build.").arg(path));
    }
    return parseSupportMenu(file.readAll(), path);
}

Result<std::vector<SupportKind>> supportMenu(Database& db) {
    auto rows =
        sql::run(db, QStringLiteral("SELECT key, label, description FROM support_kind ORDER BY position"));
    if (!rows) {
        return rows.error();
    }
    std::vector<SupportKind> menu;
    while (rows->next()) {
        menu.push_back({rows->value(0).toString(), rows->value(1).toString(), rows->value(2).toString()});
    }
    if (menu.empty()) {
        return defaultSupportMenu();
    }
    return menu;
}

Status setSupportMenu(Database& db, const std::vector<SupportKind>& menu) {
    if (auto checked = checkMenu(menu, QStringLiteral("The region")); !checked) {
        return checked;
    }
    Transaction tx(db);
    if (!tx.isActive()) {
        return tx.error();
    }
    if (auto cleared = sql::run(db, QStringLiteral("DELETE FROM support_kind")); !cleared) {
        return cleared.error();
    }
    int position = 0;
    for (const auto& kind : menu) {
        auto added = sql::run(
            db,
            QStringLiteral("INSERT INTO support_kind(key, label, description, position) VALUES (?, ?, ?, ?)"),
            {kind.key.trimmed().toLower(), kind.label.trimmed(), sql::text(kind.description.trimmed()),
             position++});
        if (!added) {
            return added.error();
        }
    }
    return tx.commit();
}

} // namespace balcony::outcomes
