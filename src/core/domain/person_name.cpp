#include "domain/person_name.h"

#include "domain/name_words.h"

#include <QSet>

namespace balcony {

QString personKey(const QString& name) {
    static const QSet<QString> titles{
        QStringLiteral("mr"),     QStringLiteral("mrs"),        QStringLiteral("ms"),
        QStringLiteral("miss"),   QStringLiteral("mx"),         QStringLiteral("dr"),
        QStringLiteral("doctor"), QStringLiteral("prof"),       QStringLiteral("professor"),
        QStringLiteral("cllr"),   QStringLiteral("councillor"), QStringLiteral("sir"),
        QStringLiteral("dame"),   QStringLiteral("lord"),       QStringLiteral("lady"),
        QStringLiteral("rev"),    QStringLiteral("revd"),       QStringLiteral("reverend"),
        QStringLiteral("the"),    QStringLiteral("rt"),         QStringLiteral("hon")};
    static const QSet<QString> honours{QStringLiteral("obe"), QStringLiteral("cbe"), QStringLiteral("mbe"),
                                       QStringLiteral("kbe"), QStringLiteral("dbe"), QStringLiteral("phd")};
    const QStringList all = foldedWords(name);
    QStringList words = all;
    while (words.size() > 1 && titles.contains(words.front())) {
        words.removeFirst();
    }
    while (words.size() > 1 && honours.contains(words.back())) {
        words.removeLast();
    }
    return words.join(QLatin1Char(' '));
}

} // namespace balcony
