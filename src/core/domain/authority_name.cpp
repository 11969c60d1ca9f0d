#include "domain/authority_name.h"

#include "domain/name_words.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <initializer_list>

namespace balcony {
namespace {

using Words = QStringList;

bool startsWith(const Words& words, std::initializer_list<const char*> prefix) {
    if (words.size() <= qsizetype(prefix.size())) {
        return false; // a prefix is only dropped when a name remains after it
    }
    qsizetype i = 0;
    for (const char* word : prefix) {
        if (words[i++] != QLatin1String(word)) {
            return false;
        }
    }
    return true;
}

bool endsWith(const Words& words, std::initializer_list<const char*> suffix) {
    if (words.size() <= qsizetype(suffix.size())) {
        return false;
    }
    qsizetype i = words.size() - qsizetype(suffix.size());
    for (const char* word : suffix) {
        if (words[i++] != QLatin1String(word)) {
            return false;
        }
    }
    return true;
}

// The ways a council's own name is dressed: "Royal Borough of Windsor and Maidenhead", "Kent
// County Council", "Bristol, City of" (the ONS list's style).
Words keyWords(const QString& name) {
    Words words = foldedWords(name);
    for (auto& word : words) {
        if (word == QLatin1String("st")) {
            word = QStringLiteral("saint");
        }
    }
    if (startsWith(words, {"the"})) {
        words.removeFirst();
    }
    const std::initializer_list<const char*> prefixes[] = {{"royal", "borough", "of"},
                                                           {"london", "borough", "of"},
                                                           {"metropolitan", "borough", "of"},
                                                           {"city", "and", "county", "of"},
                                                           {"borough", "of"},
                                                           {"city", "of"},
                                                           {"county", "of"},
                                                           {"county"}};
    for (const auto& prefix : prefixes) {
        if (startsWith(words, prefix)) {
            words.remove(0, qsizetype(prefix.size()));
            break;
        }
    }
    if (endsWith(words, {"council"})) {
        words.removeLast();
        const std::initializer_list<const char*> kinds[] = {
            {"metropolitan", "borough"}, {"county"}, {"city"}, {"borough"}, {"district"}};
        for (const auto& kind : kinds) {
            if (endsWith(words, kind)) {
                words.remove(words.size() - qsizetype(kind.size()), qsizetype(kind.size()));
                break;
            }
        }
    }
    if (endsWith(words, {"city", "of"}) || endsWith(words, {"county", "of"})) {
        words.remove(words.size() - 2, 2);
    }
    return words;
}

// The short names councils use for themselves and officers write, keyed as keyWords() leaves them,
// with the full name's key. Only names that mean one children's services authority: not "Kingston"
// (upon Thames or upon Hull), not "Newcastle" (upon Tyne, or the district under Lyme), not
// "Bournemouth" or "Poole" (councils of their own until 2019).
QString fullNameKey(const QString& key) {
    static const QHash<QString, QString> shortNames{
        {QStringLiteral("hull"), QStringLiteral("kingston upon hull")},
        {QStringLiteral("southend"), QStringLiteral("southend on sea")},
        {QStringLiteral("stoke"), QStringLiteral("stoke on trent")},
        {QStringLiteral("telford"), QStringLiteral("telford and wrekin")},
        {QStringLiteral("blackburn"), QStringLiteral("blackburn with darwen")},
        {QStringLiteral("redcar"), QStringLiteral("redcar and cleveland")},
        {QStringLiteral("stockton"), QStringLiteral("stockton on tees")},
        {QStringLiteral("bcp"), QStringLiteral("bournemouth christchurch and poole")},
        {QStringLiteral("banes"), QStringLiteral("bath and north east somerset")},
        {QStringLiteral("b and nes"), QStringLiteral("bath and north east somerset")},
        {QStringLiteral("bath and ne somerset"), QStringLiteral("bath and north east somerset")},
        {QStringLiteral("rbwm"), QStringLiteral("windsor and maidenhead")},
    };
    return shortNames.value(key, key);
}

bool isCompassWord(const QString& word) {
    static const QSet<QString> compass{QStringLiteral("north"),   QStringLiteral("south"),
                                       QStringLiteral("east"),    QStringLiteral("west"),
                                       QStringLiteral("central"), QStringLiteral("mid")};
    return compass.contains(word);
}

// Letters two words may differ by and still look like one misspelt: none for a name that is one
// word under four letters, where one letter makes another word ("Bury", "Burt"); one for a short
// word in a longer name, whose other words say which council it is ("Brighton and Hov").
int allowedTypos(const QString& a, const QString& b, bool inLongerName) {
    const auto shorter = std::min(a.size(), b.size());
    return shorter >= 8 ? 2 : (shorter >= 4 || inLongerName ? 1 : 0);
}

bool looksAlike(const Words& a, const Words& b) {
    if (a.join(QString()) == b.join(QString())) {
        return true; // "Bracknellforest", "Bracknell Forest"
    }
    if (a.size() == b.size()) {
        qsizetype differing = -1;
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (a[i] != b[i]) {
                if (differing >= 0) {
                    return false;
                }
                differing = i;
            }
        }
        if (differing < 0) {
            return false;
        }
        const QString& x = a[differing];
        const QString& y = b[differing];
        const bool inLongerName = std::any_of(
            a.begin(), a.end(), [&](const QString& word) { return word != x && word.size() >= 4; });
        return !isCompassWord(x) && !isCompassWord(y) &&
               editDistance(x, y) <= allowedTypos(x, y, inLongerName);
    }
    const Words& longer = a.size() > b.size() ? a : b;
    const Words& shorter = a.size() > b.size() ? b : a;
    if (longer.size() != shorter.size() + 1) {
        return false;
    }
    for (qsizetype dropped = 0; dropped < longer.size(); ++dropped) {
        Words without = longer;
        without.removeAt(dropped);
        if (without == shorter) {
            return !isCompassWord(longer[dropped]);
        }
    }
    return false;
}

// England's local authorities with children's services (upper tier), as of 2023, with the
// councils merged since 2019 kept so that an older roster is still recognised.
const QSet<QString>& knownAuthorityKeys() {
    static const QSet<QString> keys = [] {
        const char* names[] = {
            // London
            "Barking and Dagenham", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "City of London",
            "Croydon", "Ealing", "Enfield", "Greenwich", "Hackney", "Hammersmith and Fulham", "Haringey",
            "Harrow", "Havering", "Hillingdon", "Hounslow", "Islington", "Kensington and Chelsea",
            "Kingston upon Thames", "Lambeth", "Lewisham", "Merton", "Newham", "Redbridge",
            "Richmond upon Thames", "Southwark", "Sutton", "Tower Hamlets", "Waltham Forest", "Wandsworth",
            "Westminster",
            // Metropolitan boroughs
            "Barnsley", "Birmingham", "Bolton", "Bradford", "Bury", "Calderdale", "Coventry", "Doncaster",
            "Dudley", "Gateshead", "Kirklees", "Knowsley", "Leeds", "Liverpool", "Manchester",
            "Newcastle upon Tyne", "North Tyneside", "Oldham", "Rochdale", "Rotherham", "Salford", "Sandwell",
            "Sefton", "Sheffield", "Solihull", "South Tyneside", "St Helens", "Stockport", "Sunderland",
            "Tameside", "Trafford", "Wakefield", "Walsall", "Wigan", "Wirral", "Wolverhampton",
            // Counties
            "Cambridgeshire", "Cumbria", "Derbyshire", "Devon", "East Sussex", "Essex", "Gloucestershire",
            "Hampshire", "Hertfordshire", "Kent", "Lancashire", "Leicestershire", "Lincolnshire", "Norfolk",
            "Northamptonshire", "Nottinghamshire", "Oxfordshire", "Staffordshire", "Suffolk", "Surrey",
            "Warwickshire", "West Sussex", "Worcestershire",
            // Unitary authorities
            "Bath and North East Somerset", "Bedford", "Blackburn with Darwen", "Blackpool", "Bournemouth",
            "Bournemouth Christchurch and Poole", "Poole", "Bracknell Forest", "Brighton and Hove", "Bristol",
            "Buckinghamshire", "Central Bedfordshire", "Cheshire East", "Cheshire West and Chester",
            "Cornwall", "Cumberland", "Durham", "Darlington", "Derby", "Dorset", "East Riding of Yorkshire",
            "Halton", "Hartlepool", "Herefordshire", "Kingston upon Hull", "Isle of Wight", "Isles of Scilly",
            "Leicester", "Luton", "Medway", "Middlesbrough", "Milton Keynes", "North East Lincolnshire",
            "North Lincolnshire", "North Northamptonshire", "North Somerset", "North Yorkshire",
            "Northumberland", "Nottingham", "Peterborough", "Plymouth", "Portsmouth", "Reading",
            "Redcar and Cleveland", "Rutland", "Shropshire", "Slough", "Somerset", "South Gloucestershire",
            "Southampton", "Southend-on-Sea", "Stockton-on-Tees", "Stoke-on-Trent", "Swindon",
            "Telford and Wrekin", "Thurrock", "Torbay", "Warrington", "West Berkshire",
            "West Northamptonshire", "Westmorland and Furness", "Wiltshire", "Windsor and Maidenhead",
            "Wokingham", "York"};
        QSet<QString> set;
        for (const char* name : names) {
            set.insert(authorityKey(QString::fromUtf8(name)));
        }
        return set;
    }();
    return keys;
}

} // namespace

QString authorityDisplayName(const QString& name) {
    return name.simplified();
}

QString authorityKey(const QString& name) {
    const Words words = keyWords(name);
    if (words.isEmpty()) {
        // Nothing but dressing ("Council"), or no letters at all: compare what was written.
        const Words plain = foldedWords(name);
        return plain.isEmpty() ? authorityDisplayName(name).toCaseFolded() : plain.join(QLatin1Char(' '));
    }
    return fullNameKey(words.join(QLatin1Char(' ')));
}

QString nearAuthorityMessage(const QString& name, const QString& near) {
    return QStringLiteral("\"%1\" looks like \"%2\", but is not written the same way, so it would become a "
                          "second local authority with no post holders. Correct the spelling; or, if it "
                          "really is another local authority, add it to the roster first (Roster, Add "
                          "Authority), or import with balcony-cli's --new-la \"%1\".")
        .arg(authorityDisplayName(name), near);
}

bool isKnownEnglishAuthority(const QString& name) {
    return knownAuthorityKeys().contains(authorityKey(name));
}

std::optional<QString> nearAuthorityName(const QString& name, const QStringList& existing) {
    const QString key = authorityKey(name);
    if (key.isEmpty()) {
        return std::nullopt;
    }
    const bool known = isKnownEnglishAuthority(name);
    const Words words = key.split(QLatin1Char(' '));
    for (const QString& other : existing) {
        if (authorityKey(other) == key) {
            return std::nullopt; // the same authority, not a near one
        }
    }
    for (const QString& other : existing) {
        if (known && isKnownEnglishAuthority(other)) {
            continue;
        }
        if (looksAlike(words, authorityKey(other).split(QLatin1Char(' ')))) {
            return other;
        }
    }
    return std::nullopt;
}

} // namespace balcony
