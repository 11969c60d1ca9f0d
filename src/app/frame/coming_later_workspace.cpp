#include "frame/coming_later_workspace.h"

#include "frame/empty_state.h"
#include "frame/icons.h"

namespace balcony::gui {

ComingLaterWorkspace::ComingLaterWorkspace(Text text, QObject* parent)
    : Workspace(parent)
    , m_text(std::move(text))
    , m_page(new EmptyState(m_text.title, m_text.promise)) {
    m_page->setObjectName(m_text.id + QStringLiteral("Page"));
}

ComingLaterWorkspace::~ComingLaterWorkspace() {
    // The window owns the page once installed; before that it is ours.
    if (m_page != nullptr && m_page->parent() == nullptr) {
        delete m_page;
    }
}

QIcon ComingLaterWorkspace::icon() const {
    return gui::icon(m_text.iconName);
}

} // namespace balcony::gui
