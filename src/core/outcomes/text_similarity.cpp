#include "outcomes/text_similarity.h"

#include <QSet>
#include <algorithm>
#include <cmath>

namespace balcony::outcomes::text {
namespace {

const QSet<QString>& stopWords() {
    // Common English function words, then the words of asking and offering themselves.
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char* word :
             {"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
              "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
              "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
              "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him",
              "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more",
              "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other",
              "others", "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such",
              "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
              "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we", "were",
              "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
              "your", "yours", "via", "within", "across", "around", "new", "get", "make", "well", "much",
              "many", "way", "ways", "use",
              // asking and offering
              "support", "help", "want", "wants", "need", "needs", "like", "offer", "offers", "offering",
              "share", "sharing", "happy", "keen", "welcome", "ask", "asks", "asking", "able", "willing",
              "interested", "looking", "seek", "seeking", "others'", "colleagues", "la", "las", "authority",
              "authorities", "council", "councils", "anyone", "someone"}) {
            set.insert(QString::fromLatin1(word));
        }
        return set;
    }();
    return words;
}

bool endsWithConsonantPair(const QString& s) {
    if (s.size() < 2 || s.at(s.size() - 1) != s.at(s.size() - 2)) {
        return false;
    }
    // Only the pairs a suffix doubles ("planning", "fitted"); "staff" and "skill" keep theirs.
    return QStringLiteral("bdgmnprt").contains(s.back());
}

} // namespace

QStringList tokens(const QString& text) {
    QStringList out;
    QString current;
    for (const QChar c : text.toLower()) {
        if (c.isLetterOrNumber()) {
            current += c;
        } else if (!current.isEmpty()) {
            out << current;
            current.clear();
        }
    }
    if (!current.isEmpty()) {
        out << current;
    }
    return out;
}

bool isStopWord(const QString& token) {
    return token.size() < 2 || stopWords().contains(token);
}

QString stem(const QString& token) {
    QString s = token;
    struct Rule {
        const char* suffix;
        const char* replacement;
    };
    // Longest first; the first that leaves at least four letters is applied, twice over, so that
    // "fostering" and "foster" (and "exploitation" and "exploited") meet.
    static const Rule rules[] = {{"ational", ""}, {"ations", ""}, {"ation", ""}, {"ments", ""}, {"ment", ""},
                                 {"ness", ""},    {"ings", ""},   {"ing", ""},   {"ions", ""},  {"ion", ""},
                                 {"ies", "y"},    {"ied", "y"},   {"ate", ""},   {"ers", ""},   {"er", ""},
                                 {"ed", ""},      {"es", ""},     {"ly", ""},    {"s", ""}};
    for (int pass = 0; pass < 2; ++pass) {
        for (const auto& rule : rules) {
            const QString suffix = QString::fromLatin1(rule.suffix);
            if (s.endsWith(suffix) && s.size() - suffix.size() >= 4 &&
                !(suffix == u"s" && s.endsWith(u"ss"))) {
                s.chop(suffix.size());
                s += QString::fromLatin1(rule.replacement);
                break;
            }
        }
    }
    if (endsWithConsonantPair(s)) {
        s.chop(1); // "planning" -> "plann" -> "plan"
    }
    if (s.size() > 4 && (s.endsWith(u'e') || s.endsWith(u'y'))) {
        s.chop(1); // "practice"/"practise", "strategy"/"strategies"
    }
    return s;
}

QString normalised(const QString& text) {
    QStringList stems;
    for (const auto& token : tokens(text)) {
        if (!isStopWord(token)) {
            stems << stem(token);
        }
    }
    return stems.join(u' ');
}

TfIdf::TfIdf(const std::vector<QString>& documents) {
    std::map<QString, int> stemNumbers;
    std::vector<std::map<int, double>> counts(documents.size());
    std::vector<int> documentFrequency;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        for (const auto& token : tokens(documents[i])) {
            if (isStopWord(token)) {
                continue;
            }
            const auto [it, added] = stemNumbers.emplace(stem(token), static_cast<int>(m_surface.size()));
            if (added) {
                m_surface.push_back(token);
                documentFrequency.push_back(0);
            }
            counts[i][it->second] += 1.0;
        }
        for (const auto& [number, n] : counts[i]) {
            ++documentFrequency[static_cast<std::size_t>(number)];
        }
    }
    const double n = static_cast<double>(documents.size());
    m_vectors.resize(documents.size());
    for (std::size_t i = 0; i < documents.size(); ++i) {
        double length = 0;
        for (const auto& [number, tf] : counts[i]) {
            // Smoothed IDF: a word in every document still counts a little.
            const double idf =
                std::log((1.0 + n) / (1.0 + documentFrequency[static_cast<std::size_t>(number)])) + 1.0;
            m_vectors[i].emplace_back(number, tf * idf);
            length += tf * idf * tf * idf;
        }
        length = std::sqrt(length);
        for (auto& [number, weight] : m_vectors[i]) {
            weight /= length;
        }
    }
}

namespace {

// Calls shared(number, weight product) for every stem two sorted vectors have in common.
template <typename Shared>
void merge(const std::vector<std::pair<int, double>>& x, const std::vector<std::pair<int, double>>& y,
           Shared&& shared) {
    auto a = x.begin();
    auto b = y.begin();
    while (a != x.end() && b != y.end()) {
        if (a->first < b->first) {
            ++a;
        } else if (b->first < a->first) {
            ++b;
        } else {
            shared(a->first, a->second * b->second);
            ++a;
            ++b;
        }
    }
}

} // namespace

double TfIdf::cosine(std::size_t a, std::size_t b) const {
    double sum = 0;
    merge(m_vectors.at(a), m_vectors.at(b), [&sum](int, double product) { sum += product; });
    return std::clamp(sum, 0.0, 1.0);
}

QStringList TfIdf::sharedWords(std::size_t a, std::size_t b) const {
    std::vector<std::pair<double, QString>> shared;
    merge(m_vectors.at(a), m_vectors.at(b), [&](int number, double product) {
        shared.emplace_back(product, m_surface[static_cast<std::size_t>(number)]);
    });
    std::sort(shared.begin(), shared.end(), [](const auto& l, const auto& r) {
        return l.first != r.first ? l.first > r.first : l.second < r.second;
    });
    QStringList words;
    for (const auto& [weight, word] : shared) {
        words << word;
    }
    return words;
}

} // namespace balcony::outcomes::text
