#include "presenter/presenter_miniature.h"

#include "presenter/presenter_view.h"

#include <QVBoxLayout>

namespace balcony::gui {

PresenterMiniature::PresenterMiniature(QWidget* parent)
    : QWidget(parent) {
    setAccessibleName(tr("Presenter screen preview"));
    setToolTip(tr("What the presenter screen shows now"));
    m_view = new PresenterView(this);
    m_view->setAccessibleName(tr("Presenter screen preview"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1); // a hairline frame from the window behind it
    layout->addWidget(m_view);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void PresenterMiniature::observe(DaySession* session, RoomMessages* messages) {
    m_view->observe(session, messages);
}

int PresenterMiniature::heightForWidth(int width) const {
    return width * 9 / 16;
}

QSize PresenterMiniature::sizeHint() const {
    return {320, 180};
}

QSize PresenterMiniature::minimumSizeHint() const {
    return {192, 108};
}

} // namespace balcony::gui
