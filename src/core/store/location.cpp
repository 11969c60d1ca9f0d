#include "store/location.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace balcony {
namespace {

// libpq options a URL may set (https://www.postgresql.org/docs/15/libpq-connect.html#LIBPQ-PARAMKEYWORDS).
// host is handled apart (a Unix socket's folder). password is never among them.
const QStringList& passedOptions() {
    static const QStringList options{
        QStringLiteral("sslmode"),          QStringLiteral("sslrootcert"),
        QStringLiteral("sslcert"),          QStringLiteral("sslkey"),
        QStringLiteral("sslcrl"),           QStringLiteral("connect_timeout"),
        QStringLiteral("application_name"), QStringLiteral("target_session_attrs"),
        QStringLiteral("gssencmode"),       QStringLiteral("channel_binding"),
        QStringLiteral("passfile")};
    return options;
}

Error refused(const QString& text, const QString& why) {
    return failure(Error::Kind::InvalidInput,
                   QStringLiteral("\"%1\" is not a database Balcony can use: %2").arg(text, why));
}

} // namespace

bool Location::looksLikeUrl(const QString& text) {
    static const QRegularExpression scheme(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://"));
    return scheme.match(text).hasMatch();
}

Result<Location> Location::parse(const QString& text) {
    Location location;
    if (!looksLikeUrl(text)) {
        location.file = text;
        return location;
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    // Never echo a password back: show the text with it taken out.
    QUrl safe(url);
    safe.setPassword(QString());
    const QString shownText = url.isValid() ? safe.toString() : QStringLiteral("the address given");
    if (scheme == QStringLiteral("file")) {
        location.file = url.toLocalFile();
        return location;
    }
    if (scheme != QStringLiteral("postgresql") && scheme != QStringLiteral("postgres")) {
        return refused(shownText, QStringLiteral("Balcony opens region files and PostgreSQL servers "
                                                 "(postgresql://USER@HOST[:PORT]/DATABASE)."));
    }
    if (!url.isValid()) {
        return refused(shownText, QStringLiteral("the address cannot be read (%1). Write it as "
                                                 "postgresql://USER@HOST[:PORT]/DATABASE.")
                                      .arg(url.errorString()));
    }
    if (!url.password().isEmpty()) {
        return refused(shownText, QStringLiteral("it holds a password, which would be seen by others and "
                                                 "kept in logs. Take the password out of the address and "
                                                 "put it in ~/.pgpass or the PGPASSWORD variable."));
    }
    location.engine = Engine::PostgreSQL;
    location.host = url.host();
    location.port = url.port(-1);
    location.user = url.userName();
    location.database = url.path().mid(1);
    if (location.database.isEmpty() || location.database.contains(u'/')) {
        return refused(shownText, QStringLiteral("it names no database. Write it as "
                                                 "postgresql://USER@HOST[:PORT]/DATABASE."));
    }
    QStringList options;
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QStringLiteral("host")) {
            if (!location.host.isEmpty()) {
                return refused(shownText, QStringLiteral("it names the host twice."));
            }
            location.host = value;
            continue;
        }
        if (!passedOptions().contains(key)) {
            return refused(shownText, QStringLiteral("Balcony does not pass on the option \"%1\" (it can "
                                                     "pass: %2).")
                                          .arg(key, passedOptions().join(QStringLiteral(", "))));
        }
        // QPSQL joins options with spaces into a libpq connection string, so a value may not hold
        // a space, a quote, a backslash or a semicolon.
        static const QRegularExpression unsafe(QStringLiteral("[\\s'\"\\\\;]"));
        if (value.isEmpty() || unsafe.match(value).hasMatch()) {
            return refused(shownText, QStringLiteral("the option \"%1\" has an empty value or one with a "
                                                     "space, quote or semicolon in it.")
                                          .arg(key));
        }
        options << key + u'=' + value;
    }
    location.connectOptions = options.join(u';');
    return location;
}

QString Location::shown() const {
    if (!isServer()) {
        return QDir::toNativeSeparators(file);
    }
    QString text = QStringLiteral("postgresql://");
    if (!user.isEmpty()) {
        text += user + u'@';
    }
    const bool socket = host.startsWith(u'/');
    if (!socket) {
        text += host;
    }
    if (port > 0) {
        text += u':' + QString::number(port);
    }
    text += u'/' + database;
    QStringList query;
    if (socket) {
        query << QStringLiteral("host=") + host;
    }
    if (!connectOptions.isEmpty()) {
        query << connectOptions.split(u';');
    }
    if (!query.isEmpty()) {
        text += u'?' + query.join(u'&');
    }
    return text;
}

} // namespace balcony
