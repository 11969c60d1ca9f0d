#include "frame/workspace.h"

namespace balcony::gui {

Workspace::Workspace(QObject* parent)
    : QObject(parent) {}

Workspace::~Workspace() = default;

} // namespace balcony::gui
