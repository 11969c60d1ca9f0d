#pragma once

#include <QString>
#include <QStringList>
#include <map>
#include <vector>

// How similar two short texts are, in a way a facilitator can be told: TF-IDF weighted word vectors
// compared by cosine, after dropping common English words and reducing each word to a rough stem
// ("recruiting", "recruitment" and "recruits" are one word). Used to suggest matches between asks
// and offers and to find near-duplicate priorities. Pure functions; nothing here is logged.
namespace balcony::outcomes::text {

// Lower case, split on anything that is not a letter or a digit.
QStringList tokens(const QString& text);
// True for common English words and for the words every ask or offer uses ("support", "help",
// "offer"), which say nothing about what the help is.
bool isStopWord(const QString& token);
// A rough suffix-stripping stem (not Porter's: a dozen rules, enough for short notes).
QString stem(const QString& token);
// The text as compared for exact duplicates: its stems of content words, in order, space-joined.
QString normalised(const QString& text);

// The vectors of a set of documents (the asks and offers of a cycle, or its priorities); the IDF
// is computed over this set. Documents are addressed by their index in the list given.
class TfIdf final {
public:
    explicit TfIdf(const std::vector<QString>& documents);

    // 0 (nothing in common) to 1 (the same words in the same proportions).
    double cosine(std::size_t a, std::size_t b) const;
    // The words both documents use, heaviest shared weight first, each as first written (lower case).
    QStringList sharedWords(std::size_t a, std::size_t b) const;
    std::size_t size() const { return m_vectors.size(); }

private:
    // Per document, (stem number, weight) sorted by stem number, of unit length: cosines are a merge.
    std::vector<std::vector<std::pair<int, double>>> m_vectors;
    std::vector<QString> m_surface; // stem number -> the first word seen with that stem
};

} // namespace balcony::outcomes::text
