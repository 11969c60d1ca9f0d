#include "presenter/presenter_window.h"

#include "presenter/presenter_view.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QScreen>
#include <QSettings>
#include <QVBoxLayout>
#include <QWindow>

namespace balcony::gui {

namespace {
const QString screenKey = QStringLiteral("presenter/screen");
}

PresenterWindow::PresenterWindow(QSettings& settings, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_settings(settings) {
    setWindowTitle(tr("Presenter screen"));
    setAccessibleName(tr("Presenter screen"));
    m_view = new PresenterView(this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    connect(qApp, &QGuiApplication::screenAdded, this, &PresenterWindow::screenAdded);
    connect(qApp, &QGuiApplication::screenRemoved, this, &PresenterWindow::screenRemoved);
}

void PresenterWindow::observe(DaySession* session, RoomMessages* messages) {
    m_view->observe(session, messages);
}

QScreen* PresenterWindow::screenNamed(const QString& name) {
    for (QScreen* screen : QGuiApplication::screens()) {
        if (!name.isEmpty() && screen->name() == name) {
            return screen;
        }
    }
    return QGuiApplication::primaryScreen();
}

QString PresenterWindow::rememberedScreenName() const {
    return m_settings.value(screenKey).toString();
}

QScreen* PresenterWindow::showOnScreen(const QString& screenName) {
    m_settings.setValue(screenKey, screenName);
    return showOnRememberedScreen();
}

QScreen* PresenterWindow::showOnRememberedScreen() {
    if (m_mode == Mode::Compact) {
        setWindowFlag(Qt::WindowStaysOnTopHint, false); // hides the window; shown again below
    }
    m_mode = Mode::FullScreen;
    placeFullScreen();
    return m_screen;
}

void PresenterWindow::placeFullScreen() {
    QScreen* screen = screenNamed(rememberedScreenName());
    m_screen = screen;
    if (screen == nullptr) {
        return;
    }
    // Leave full screen first, so that the window really moves to the other screen.
    if (isFullScreen()) {
        showNormal();
    }
    setScreen(screen);
    setGeometry(screen->geometry());
    showFullScreen();
    if (windowHandle() != nullptr) {
        windowHandle()->setScreen(screen);
    }
    setGeometry(screen->geometry());
    raise();
}

void PresenterWindow::showCompact() {
    QScreen* screen = isVisible() && windowHandle() != nullptr ? windowHandle()->screen()
                                                               : QGuiApplication::primaryScreen();
    m_mode = Mode::Compact;
    m_screen = nullptr;
    if (isFullScreen()) {
        showNormal();
    }
    setWindowFlag(Qt::WindowStaysOnTopHint, true);
    if (screen != nullptr) {
        setScreen(screen);
        const QRect area = screen->availableGeometry();
        const int margin = 16;
        setGeometry(
            QRect(QPoint(area.right() - compactSize.width() - margin, area.top() + margin), compactSize));
    } else {
        resize(compactSize);
    }
    showNormal();
    raise();
}

PresenterWindow::Mode PresenterWindow::mode() const {
    return isVisible() ? m_mode : Mode::Hidden;
}

void PresenterWindow::keyPressEvent(QKeyEvent* event) {
    // Escape leaves the projector's full screen for the console (the presenter screen has no
    // controls of its own).
    if (event->key() == Qt::Key_Escape) {
        hide();
        return;
    }
    QWidget::keyPressEvent(event);
}

void PresenterWindow::screenAdded(QScreen* screen) {
    if (mode() == Mode::FullScreen && screen->name() == rememberedScreenName() && m_screen != screen) {
        placeFullScreen(); // the projector is back: return to it
    }
}

void PresenterWindow::screenRemoved(QScreen* screen) {
    if (mode() == Mode::FullScreen && (m_screen == screen || m_screen == nullptr)) {
        // Qt moves the window to another screen by itself; make it the primary, whole.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (mode() == Mode::FullScreen) {
                    placeFullScreen();
                }
            },
            Qt::QueuedConnection);
    }
}

} // namespace balcony::gui
