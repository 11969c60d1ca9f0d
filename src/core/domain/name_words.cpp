#include "domain/name_words.h"

#include <algorithm>
#include <vector>

namespace balcony {

QStringList foldedWords(const QString& text) {
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size() + 8);
    for (const QChar c : decomposed) {
        switch (c.category()) {
        case QChar::Mark_NonSpacing:
        case QChar::Mark_SpacingCombining:
        case QChar::Mark_Enclosing:
            continue; // the accent of a decomposed letter
        default:
            break;
        }
        const char16_t u = c.unicode();
        if (u == u'\'' || u == u'\u2019' || u == u'\u2018' || u == u'`' || u == u'\u00B4' || u == u'\u02BC') {
            continue;
        }
        if (u == u'&') {
            folded += QStringLiteral(" and ");
        } else if (u == u'.' || u == u',' || u == u'-' || u == u'\u2010' || u == u'\u2011' ||
                   u == u'\u2012' || u == u'\u2013' || u == u'\u2014' || u == u'\u2212' || u == u'_' ||
                   u == u'/') {
            folded += QLatin1Char(' ');
        } else {
            folded += c;
        }
    }
    return folded.toCaseFolded().simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

int editDistance(const QString& a, const QString& b) {
    const auto n = static_cast<std::size_t>(a.size());
    const auto m = static_cast<std::size_t>(b.size());
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = 0; i <= n; ++i) {
        d[i][0] = int(i);
    }
    for (std::size_t j = 0; j <= m; ++j) {
        d[0][j] = int(j);
    }
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = a[qsizetype(i - 1)] == b[qsizetype(j - 1)] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[qsizetype(i - 1)] == b[qsizetype(j - 2)] &&
                a[qsizetype(i - 2)] == b[qsizetype(j - 1)]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[n][m];
}

} // namespace balcony
