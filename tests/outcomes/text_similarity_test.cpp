#include "outcomes/text_similarity.h"

#include <catch2/catch.hpp>

using namespace balcony::outcomes;

TEST_CASE("Word forms of one word share a stem", "[outcomes][similarity]") {
    for (const auto& [a, b] : std::vector<std::pair<const char*, const char*>>{{"recruiting", "recruitment"},
                                                                               {"recruits", "recruit"},
                                                                               {"fostering", "foster"},
                                                                               {"placements", "placement"},
                                                                               {"families", "family"},
                                                                               {"carers", "carer"},
                                                                               {"supervision", "supervising"},
                                                                               {"exploitation", "exploited"},
                                                                               {"planning", "plans"}}) {
        INFO(a << " / " << b);
        CHECK(text::stem(QString::fromLatin1(a)) == text::stem(QString::fromLatin1(b)));
    }
    CHECK(text::stem(QStringLiteral("staff")) == QStringLiteral("staff"));
    CHECK(text::stem(QStringLiteral("skills")) == QStringLiteral("skill"));
}

TEST_CASE("Common words and the words of asking count for nothing", "[outcomes][similarity]") {
    CHECK(text::normalised(QStringLiteral("We would like support with the recruitment of foster carers")) ==
          QStringLiteral("recruit fost carer"));
    const text::TfIdf vectors({QStringLiteral("We would like some help and support"),
                               QStringLiteral("We can offer help and support to others")});
    CHECK(vectors.cosine(0, 1) == 0.0);
    CHECK(vectors.sharedWords(0, 1).isEmpty());
}

TEST_CASE("TF-IDF cosine ranks the closer text higher", "[outcomes][similarity]") {
    const text::TfIdf vectors({QStringLiteral("Reflective supervision for team managers"),
                               QStringLiteral("Group supervision that is reflective, led by team managers"),
                               QStringLiteral("Supervision records audited every quarter"),
                               QStringLiteral("Capital funding for children's homes")});
    CHECK(vectors.cosine(0, 1) > vectors.cosine(0, 2));
    CHECK(vectors.cosine(0, 2) > vectors.cosine(0, 3));
    CHECK(vectors.cosine(0, 3) == 0.0);
    CHECK(vectors.cosine(0, 0) == Approx(1.0));
}
