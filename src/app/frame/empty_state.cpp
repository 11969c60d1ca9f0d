#include "frame/empty_state.h"

#include <QLabel>
#include <QVBoxLayout>

namespace balcony::gui {

EmptyState::EmptyState(const QString& title, const QString& text, QWidget* parent)
    : QWidget(parent) {
    auto* heading = new QLabel(title, this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    heading->setFont(font);
    heading->setAlignment(Qt::AlignHCenter);
    heading->setObjectName(QStringLiteral("emptyStateTitle"));

    auto* body = new QLabel(text, this);
    body->setWordWrap(true);
    body->setAlignment(Qt::AlignHCenter);
    body->setMaximumWidth(520);
    body->setObjectName(QStringLiteral("emptyStateText"));

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(heading, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    layout->addWidget(body, 0, Qt::AlignHCenter);
    layout->addStretch(3);
}

} // namespace balcony::gui
