#pragma once

#include <QString>
#include <utility>
#include <variant>

namespace balcony {

// What went wrong, in words a user can act on: what, where, and what to do.
struct Error {
    enum class Kind {
        Failed,       // anything without a more specific kind
        NotFound,     // a named thing (file, cycle, LA, group) does not exist
        InvalidInput, // bad user input: usage, CSV, dates, unknown names
        Conflict,     // the change would break a rule (schema or domain)
        ReadOnly,     // the file cannot be written; the caller may offer read-only
        Locked,       // another Balcony holds the database
        NotBalcony,   // not SQLite, or SQLite but not ours
        TooNew,       // written by a newer Balcony
        Corrupt,      // SQLite says the file is damaged
        Storage,      // the database refused a write (disk full, I/O)
        // Someone else saved the same thing since it was read (store/row_version.h): nothing was
        // saved; the message says who and when. The caller keeps the user's text and offers to reload.
        Changed,
    };

    Kind kind = Kind::Failed;
    QString message;

    static Error make(Kind kind, QString message) { return Error{kind, std::move(message)}; }
};

// A value or an Error. Errors are values across the core's public API; exceptions never cross it.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value)
        : m_state(std::move(value)) {}
    Result(Error error)
        : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    const Error& error() const { return std::get<Error>(m_state); }
    const QString& message() const { return error().message; }

private:
    std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }
    const QString& message() const { return m_error.message; }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

inline Error failure(Error::Kind kind, QString message) {
    return Error::make(kind, std::move(message));
}

} // namespace balcony
