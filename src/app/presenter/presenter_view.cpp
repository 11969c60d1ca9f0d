#include "presenter/presenter_view.h"

#include "console/countdown_view.h"
#include "console/day_session.h"
#include "presenter/room_messages.h"

#include <QFontMetrics>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace balcony::gui {

namespace {

// The largest pixel size, at most maxPixels, at which text fits the width in at most maxLines lines.
int fittingPixelSize(QFont font, const QString& text, int width, int maxPixels, int maxLines) {
    int pixels = std::max(6, maxPixels);
    while (pixels > 6) {
        font.setPixelSize(pixels);
        const QFontMetrics metrics(font);
        const QRect needed =
            metrics.boundingRect(QRect(0, 0, std::max(1, width), 1 << 20), Qt::TextWordWrap, text);
        if (needed.width() <= width && needed.height() <= maxLines * metrics.lineSpacing()) {
            break;
        }
        pixels = pixels * 9 / 10;
    }
    return pixels;
}

} // namespace

PresenterView::PresenterView(QWidget* parent)
    : QWidget(parent) {
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("Presenter screen"));

    m_content = new QWidget(this);
    auto* layout = new QVBoxLayout(m_content);
    m_title = new QLabel(m_content);
    m_presenter = new QLabel(m_content);
    m_countdown = new CountdownView(m_content);
    m_message = new QLabel(m_content);
    m_title->setAccessibleName(tr("Block"));
    m_presenter->setAccessibleName(tr("Presenting"));
    m_message->setAccessibleName(tr("Message to the room"));
    for (QLabel* label : {m_title, m_presenter, m_message}) {
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
    }
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_message->setFont(bold);
    // Calm colours from the palette: the title in the window's text, the presenting LA muted, the
    // message on the highlight so that the room notices it without alarm.
    QPalette muted = m_presenter->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    m_presenter->setPalette(muted);
    m_message->setAutoFillBackground(true);
    QPalette band = m_message->palette();
    band.setColor(QPalette::Window, band.color(QPalette::Highlight));
    band.setColor(QPalette::WindowText, band.color(QPalette::HighlightedText));
    m_message->setPalette(band);

    layout->addWidget(m_title);
    layout->addWidget(m_presenter);
    layout->addWidget(m_countdown, 1);
    layout->addWidget(m_message);
    m_presenter->hide();
    m_message->hide();
}

void PresenterView::observe(DaySession* session, RoomMessages* messages) {
    disconnect(m_sessionConnection);
    disconnect(m_messagesConnection);
    m_session = session;
    m_messages = messages;
    m_countdown->observe(session);
    if (session != nullptr) {
        m_sessionConnection = connect(session, &DaySession::stateChanged, this, &PresenterView::showState);
        showState(session->state());
    }
    if (messages != nullptr) {
        m_messagesConnection = connect(messages, &RoomMessages::changed, this, &PresenterView::showMessages);
    }
    showMessages();
}

void PresenterView::showState(const DayState& state) {
    if (m_session == nullptr) {
        return;
    }
    const auto& blocks = m_session->plan().timetable.blocks;
    if (state.blockIndex < 0 || static_cast<size_t>(state.blockIndex) >= blocks.size()) {
        return;
    }
    const TimetableBlock& block = blocks.at(static_cast<size_t>(state.blockIndex));
    const QString presenter =
        block.presenter.name.isEmpty() ? QString() : tr("Presenting: %1").arg(block.presenter.name);
    if (m_title->text() == block.title && m_presenter->text() == presenter) {
        return;
    }
    m_title->setText(block.title);
    m_presenter->setText(presenter);
    m_presenter->setVisible(!presenter.isEmpty());
    fitType();
}

void PresenterView::showMessages() {
    const QString message = m_messages == nullptr ? QString() : m_messages->message();
    const bool blackout = m_messages != nullptr && m_messages->blackout();
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    if (blackout != m_blackout) {
        m_blackout = blackout;
        m_content->setVisible(!blackout);
        setAccessibleDescription(blackout ? tr("Blacked out") : QString());
    }
    fitType();
    update();
}

QString PresenterView::titleText() const {
    return m_blackout ? QString() : m_title->text();
}

QString PresenterView::presenterText() const {
    return m_blackout ? QString() : m_presenter->text();
}

QString PresenterView::countdownText() const {
    return m_blackout ? QString() : m_countdown->shownText();
}

QString PresenterView::messageText() const {
    return m_blackout ? QString() : m_message->text();
}

QSize PresenterView::sizeHint() const {
    return {960, 540};
}

QSize PresenterView::minimumSizeHint() const {
    return {160, 90};
}

void PresenterView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    m_content->setGeometry(rect());
    fitType();
}

// The type follows the view's height (a share each, so the countdown keeps most of it), shrunk
// where a long title or message would need more than two lines of the width.
void PresenterView::fitType() {
    const int h = height();
    const int margin = std::max(2, h / 40);
    m_content->layout()->setContentsMargins(margin * 2, margin, margin * 2, margin);
    m_content->layout()->setSpacing(margin / 2);
    const int width = std::max(1, this->width() - 4 * margin - 2 * margin);
    const auto fit = [&](QLabel* label, int share) {
        QFont font = label->font();
        font.setPixelSize(fittingPixelSize(font, label->text(), width, h / share, 2));
        label->setFont(font);
    };
    fit(m_title, 11);
    fit(m_presenter, 15);
    fit(m_message, 12);
    m_message->setContentsMargins(margin, margin / 2, margin, margin / 2);
}

void PresenterView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), m_blackout ? QColor(Qt::black) : palette().color(QPalette::Window));
}

} // namespace balcony::gui
