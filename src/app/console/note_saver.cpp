#include "console/note_saver.h"

#include "engine/clock.h"
#include "notes/note_store.h"

#include <algorithm>

namespace balcony::gui {

NoteSaver::NoteSaver(NoteStore& store, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(clock) {
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { static_cast<void>(flush()); });
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] { static_cast<void>(flush()); });
}

NoteSaver::~NoteSaver() = default;

void NoteSaver::setTarget(const Target& target, qint64 itemId, const QString& savedText) {
    m_timer.stop();
    m_retry.stop();
    m_target = target;
    m_itemId = itemId;
    m_working = 0;
    m_text = savedText;
    m_savedText = savedText;
    m_pending = false;
    setState(State::Saved);
}

void NoteSaver::setText(const QString& text) {
    m_text = text;
    if (!m_pending && text == m_savedText) {
        return;
    }
    const qint64 now = m_clock.monotonicMs();
    if (!m_pending) {
        m_pending = true;
        m_firstPendingMs = now;
    }
    const qint64 untilMax = maxWaitMs - (now - m_firstPendingMs);
    m_timer.start(static_cast<int>(std::clamp<qint64>(untilMax, 0, quietDelayMs)));
    if (m_state != State::Failed) {
        setState(State::Saving);
    }
}

Status NoteSaver::flush() {
    m_timer.stop();
    m_retry.stop();
    if (!m_pending) {
        return {};
    }
    auto result = save();
    if (result.ok()) {
        m_pending = false;
        m_savedText = m_text;
        setState(State::Saved);
    } else {
        // Keep the text pending; the next keystroke or flush tries again. The window for the
        // next automatic try starts now, so a failing disk is not hammered on every key.
        m_firstPendingMs = m_clock.monotonicMs();
        m_retry.start(m_retryDelayMs);
        setState(State::Failed, result.error().message);
    }
    return result;
}

Status NoteSaver::seal() {
    if (auto flushed = flush(); !flushed) {
        return flushed;
    }
    if (m_itemId == 0) {
        return {};
    }
    if (auto sealed = m_store.seal(m_itemId); !sealed) {
        setState(State::Failed, sealed.error().message);
        return sealed;
    }
    m_working = 0;
    return {};
}

Status NoteSaver::save() {
    const bool empty = m_text.trimmed().isEmpty();
    if (empty) {
        if (m_itemId == 0) {
            return {};
        }
        auto removed = m_store.remove(m_itemId);
        if (!removed) {
            return removed.error();
        }
        m_itemId = 0;
        m_working = 0;
        Q_EMIT saved(0);
        return {};
    }
    const NoteContent content{NoteKind::Note, QString(), m_target.blockIndex, m_text};
    auto written = m_store.saveWorking(m_target.groupId, m_target.authorityId, m_itemId, content);
    if (!written) {
        return written.error();
    }
    m_itemId = written->itemId;
    m_working = written->number;
    Q_EMIT saved(m_itemId);
    return {};
}

void NoteSaver::setState(State state, const QString& error) {
    const bool changed = state != m_state || error != m_error;
    m_state = state;
    m_error = error;
    if (changed) {
        Q_EMIT stateChanged(state);
    }
}

} // namespace balcony::gui
