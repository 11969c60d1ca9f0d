#pragma once

#include <QApplication>
#include <QDialog>
#include <QTimer>
#include <exception>
#include <functional>

namespace balcony::test {

// Answers the next modal dialog once it is on screen, as a user would: the answer fills it in and
// presses a button. Made before the step that opens the dialog. A failed check inside the answer
// cancels the dialog (an exception must not cross Qt's event loop) and fails in answered().
class ModalAnswer {
public:
    explicit ModalAnswer(std::function<void(QDialog&)> answer)
        : m_answer(std::move(answer)) {
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            if (dialog == nullptr) {
                return;
            }
            m_timer.stop();
            m_answered = true;
            try {
                m_answer(*dialog);
            } catch (...) {
                m_failure = std::current_exception();
                dialog->reject();
            }
        });
        m_timer.start(10);
    }

    // Whether the dialog came and was answered; rethrows a check that failed inside the answer.
    bool answered() const {
        if (m_failure) {
            std::rethrow_exception(m_failure);
        }
        return m_answered;
    }

private:
    std::function<void(QDialog&)> m_answer;
    QTimer m_timer;
    bool m_answered = false;
    std::exception_ptr m_failure;
};

} // namespace balcony::test
