#pragma once

#include <QWidget>

namespace balcony::gui {

// A calm, centred page with a title and a sentence: for "nothing here yet" and "coming later".
class EmptyState final : public QWidget {
    Q_OBJECT

public:
    EmptyState(const QString& title, const QString& text, QWidget* parent = nullptr);
};

} // namespace balcony::gui
