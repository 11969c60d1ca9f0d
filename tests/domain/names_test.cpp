#include "domain/authority_name.h"
#include "domain/person_name.h"

#include <QStringList>
#include <catch2/catch.hpp>

using namespace balcony;

namespace {

std::string text(const QString& s) {
    return s.toStdString();
}

} // namespace

TEST_CASE("Every common way of writing one council's name gives one authority key", "[domain][names]") {
    const QStringList groups[] = {
        {QStringLiteral("Brighton and Hove"), QStringLiteral("Brighton & Hove"),
         QStringLiteral("Brighton &Hove"), QStringLiteral("BRIGHTON AND HOVE CITY COUNCIL"),
         QStringLiteral("Brighton-and-Hove")},
        {QStringLiteral("St Helens"), QStringLiteral("St. Helens"), QStringLiteral("Saint Helens"),
         QStringLiteral("st helens council"), QStringLiteral("St.Helens")},
        {QStringLiteral("Stoke-on-Trent"), QStringLiteral("Stoke on Trent"), QStringLiteral("Stoke–on–Trent"),
         QStringLiteral("Stoke-on-Trent City Council"), QStringLiteral("stoke-ON-trent")},
        {QStringLiteral("Windsor and Maidenhead"), QStringLiteral("Royal Borough of Windsor and Maidenhead"),
         QStringLiteral("The Royal Borough of Windsor & Maidenhead")},
        {QStringLiteral("Hackney"), QStringLiteral("London Borough of Hackney"),
         QStringLiteral("Hackney Council")},
        {QStringLiteral("York"), QStringLiteral("City of York"), QStringLiteral("City of York Council")},
        {QStringLiteral("Bristol"), QStringLiteral("Bristol, City of"),
         QStringLiteral("Bristol City Council")},
        {QStringLiteral("Kent"), QStringLiteral("Kent County Council"), QStringLiteral(" KENT ")},
        {QStringLiteral("Isle of Wight"), QStringLiteral("Isle  of  Wight"),
         QStringLiteral("Isle of Wight Council")},
        {QStringLiteral("Durham"), QStringLiteral("County Durham"), QStringLiteral("Durham County Council")},
        {QStringLiteral("Southend-on-Sea"), QStringLiteral("Southend on Sea"),
         QStringLiteral("Southend-on-Sea City Council")},
        {QStringLiteral("Ça Va"), QStringLiteral("ça va"), QStringLiteral("Ca Va")},
    };
    for (const auto& group : groups) {
        for (const auto& name : group) {
            INFO(text(name) << " and " << text(group.front()));
            CHECK(authorityKey(name) == authorityKey(group.front()));
        }
    }
}

TEST_CASE("A council's own short name is the same authority as its full name", "[domain][names]") {
    // What councils call themselves and officers write ("Hull City Council" is Kingston upon Hull's own
    // name): as a second authority each would have no DCS and miss its invitations.
    const QStringList groups[] = {
        {QStringLiteral("Kingston upon Hull"), QStringLiteral("Hull"), QStringLiteral("Hull City Council"),
         QStringLiteral("Kingston-upon-Hull"), QStringLiteral("Kingston upon Hull, City of"),
         QStringLiteral("City of Kingston upon Hull Council")},
        {QStringLiteral("Southend-on-Sea"), QStringLiteral("Southend"), QStringLiteral("Southend Council")},
        {QStringLiteral("Stoke-on-Trent"), QStringLiteral("Stoke"), QStringLiteral("Stoke City Council")},
        {QStringLiteral("Telford and Wrekin"), QStringLiteral("Telford & Wrekin"), QStringLiteral("Telford"),
         QStringLiteral("Telford & Wrekin Council")},
        {QStringLiteral("Blackburn with Darwen"), QStringLiteral("Blackburn"),
         QStringLiteral("Blackburn with Darwen Borough Council")},
        {QStringLiteral("Redcar and Cleveland"), QStringLiteral("Redcar & Cleveland"),
         QStringLiteral("Redcar")},
        {QStringLiteral("Stockton-on-Tees"), QStringLiteral("Stockton on Tees"), QStringLiteral("Stockton")},
        {QStringLiteral("Bournemouth, Christchurch and Poole"), QStringLiteral("BCP"),
         QStringLiteral("BCP Council")},
        {QStringLiteral("Bath and North East Somerset"), QStringLiteral("B&NES"), QStringLiteral("BANES"),
         QStringLiteral("Bath & NE Somerset")},
        {QStringLiteral("Windsor and Maidenhead"), QStringLiteral("RBWM")},
    };
    for (const auto& group : groups) {
        for (const auto& name : group) {
            INFO(text(name) << " and " << text(group.front()));
            CHECK(authorityKey(name) == authorityKey(group.front()));
        }
    }
    CHECK(isKnownEnglishAuthority(QStringLiteral("Hull")));
    // Still other councils: Bournemouth and Poole as they were before 2019, Kingston upon Thames.
    CHECK(authorityKey(QStringLiteral("Poole")) != authorityKey(QStringLiteral("BCP")));
    CHECK(authorityKey(QStringLiteral("Kingston")) != authorityKey(QStringLiteral("Hull")));
    CHECK(authorityKey(QStringLiteral("Kingston upon Thames")) != authorityKey(QStringLiteral("Hull")));
}

TEST_CASE("Different councils keep different keys", "[domain][names]") {
    const std::pair<const char*, const char*> pairs[] = {{"East Sussex", "West Sussex"},
                                                         {"North Somerset", "Somerset"},
                                                         {"Hertfordshire", "Herefordshire"},
                                                         {"Bedford", "Bradford"},
                                                         {"North Tyneside", "South Tyneside"},
                                                         {"Kingston upon Thames", "Kingston upon Hull"},
                                                         {"Council", "County"},
                                                         {"Derby", "Derbyshire"}};
    for (const auto& [a, b] : pairs) {
        INFO(a << " and " << b);
        CHECK(authorityKey(QString::fromUtf8(a)) != authorityKey(QString::fromUtf8(b)));
    }
    CHECK_FALSE(authorityKey(QStringLiteral("Council")).isEmpty());
}

TEST_CASE("A name only near a roster authority is named as a likely misspelling", "[domain][names]") {
    const QStringList roster{QStringLiteral("Bracknell Forest"), QStringLiteral("Isle of Wight"),
                             QStringLiteral("Wokingham"),        QStringLiteral("Hampshire"),
                             QStringLiteral("Portsmouth"),       QStringLiteral("Windsor and Maidenhead")};
    const std::pair<const char*, const char*> near[] = {{"Bracknel Forest", "Bracknell Forest"},
                                                        {"Bracknellforest", "Bracknell Forest"},
                                                        {"Isle Wight", "Isle of Wight"},
                                                        {"Wokinham", "Wokingham"},
                                                        {"Hampshre", "Hampshire"},
                                                        {"Portsmuth", "Portsmouth"},
                                                        {"Windsor Maidenhead", "Windsor and Maidenhead"},
                                                        {"Wokignham", "Wokingham"},
                                                        {"Bracknell Forrest Council", "Bracknell Forest"}};
    for (const auto& [name, existing] : near) {
        INFO(name);
        const auto found = nearAuthorityName(QString::fromUtf8(name), roster);
        REQUIRE(found.has_value());
        CHECK(*found == QString::fromUtf8(existing));
    }
    // A short word mistyped in a longer name: the rest of the name says which council it is.
    const QStringList more{QStringLiteral("Brighton and Hove"), QStringLiteral("Kingston upon Hull"),
                           QStringLiteral("Isle of Wight")};
    const std::pair<const char*, const char*> shortWords[] = {{"Brighton and Hov", "Brighton and Hove"},
                                                              {"Brighton adn Hove", "Brighton and Hove"},
                                                              {"Kingston upon Hul", "Kingston upon Hull"},
                                                              {"Kingston upn Hull", "Kingston upon Hull"},
                                                              {"Isle od Wight", "Isle of Wight"}};
    for (const auto& [name, existing] : shortWords) {
        INFO(name);
        const auto found = nearAuthorityName(QString::fromUtf8(name), more);
        REQUIRE(found.has_value());
        CHECK(*found == QString::fromUtf8(existing));
    }
    // A short name on its own is not enough to tell: "Bury" is not a misspelt "Burt".
    CHECK_FALSE(nearAuthorityName(QStringLiteral("Hul"), {QStringLiteral("Hall")}));
    // The same authority written another way is not "near": it is the one.
    CHECK_FALSE(nearAuthorityName(QStringLiteral("Royal Borough of Windsor & Maidenhead"), roster));
}

TEST_CASE("Real councils whose names look alike are never taken for misspellings", "[domain][names]") {
    const std::pair<const char*, const char*> pairs[] = {{"Herefordshire", "Hertfordshire"},
                                                         {"Bedford", "Bradford"},
                                                         {"West Sussex", "East Sussex"},
                                                         {"North Somerset", "Somerset"},
                                                         {"Sutton", "Luton"},
                                                         {"Kent", "Brent"},
                                                         {"South Tyneside", "North Tyneside"},
                                                         {"Merton", "Sefton"},

                                                         {"North East Lincolnshire", "North Lincolnshire"},
                                                         {"Central Bedfordshire", "Bedfordshire"}};
    for (const auto& [name, existing] : pairs) {
        INFO(name << " beside " << existing);
        CHECK_FALSE(nearAuthorityName(QString::fromUtf8(name), {QString::fromUtf8(existing)}));
    }
    CHECK(isKnownEnglishAuthority(QStringLiteral("St. Helens Council")));
    CHECK_FALSE(isKnownEnglishAuthority(QStringLiteral("Bracknel Forest")));
}

TEST_CASE("A person's name written with a title, other spacing, case, accents or apostrophes is one key",
          "[domain][names]") {
    const QStringList variants{
        QStringLiteral("Siân O'Brien"),       QStringLiteral("Sian O’Brien"),
        QStringLiteral("Dr Siân O'Brien"),    QStringLiteral("Dr. Sian OBrien"),
        QStringLiteral("Cllr Sian O'Brien"),  QStringLiteral("Councillor Siân O’Brien"),
        QStringLiteral("Mrs Sian O'Brien"),   QStringLiteral("Ms  SIAN  O'BRIEN"),
        QStringLiteral("Prof Siân O‘Brien"),  QStringLiteral("Professor Sian O'Brien OBE"),
        QStringLiteral("  sian   o'brien  "), QStringLiteral("Mr Sian O`Brien"),
        QStringLiteral("Sia\u0302n O'Brien"), QStringLiteral("Cllr Dr Sian O'Brien")};
    for (const auto& name : variants) {
        INFO(text(name));
        CHECK(personKey(name) == personKey(variants.front()));
    }
    CHECK(personKey(QStringLiteral("Sian O'Brien")) != personKey(QStringLiteral("Sean O'Brien")));
    CHECK(personKey(QStringLiteral("Jane Smith")) != personKey(QStringLiteral("Jane Smyth")));
    CHECK(personKey(QStringLiteral("Dr")) == QStringLiteral("dr"));
}
