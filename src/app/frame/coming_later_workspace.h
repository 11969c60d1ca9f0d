#pragma once

#include "frame/workspace.h"

#include <QPointer>

namespace balcony::gui {

// A workspace that is not built yet: its sidebar entry and a page saying what will come. It has no
// undo stack, so Edit > Undo is unavailable while it shows.
class ComingLaterWorkspace final : public Workspace {
    Q_OBJECT

public:
    struct Text {
        QString id;       // "run-the-day"
        QString title;    // "Run the Day"
        QString menuText; // "Run the &Day"
        QString toolTip;
        QString iconName; // from the program's icons
        QString promise;  // the page's sentence: what is coming
    };

    explicit ComingLaterWorkspace(Text text, QObject* parent = nullptr);
    ~ComingLaterWorkspace() override;

    QString id() const override { return m_text.id; }
    QString title() const override { return m_text.title; }
    QString toolTip() const override { return m_text.toolTip; }
    QIcon icon() const override;
    QString menuText() const override { return m_text.menuText; }
    QWidget* widget() const override { return m_page; }
    void setDocument(RegionDocument*) override {}

private:
    Text m_text;
    QPointer<QWidget> m_page;
};

} // namespace balcony::gui
