#include "reports/document_format.h"

#include "reports/file_writer.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextDocumentWriter>
#include <memory>

namespace balcony::reports {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("balcony::reports::DocumentFormat", text);
}

// A4 portrait with 20 mm margins, a footer with the document's title and "Page N of M" on each
// page. QTextDocument::print would number pages too, but cannot say whose document a page is from.
class PdfFormat final : public DocumentFormat {
public:
    QString name() const override { return QStringLiteral("pdf"); }
    QString extension() const override { return QStringLiteral("pdf"); }
    QString description() const override { return tr("PDF document"); }

protected:
    Status render(const QTextDocument& source, QIODevice& device) const override {
        const QString title = source.metaInformation(QTextDocument::DocumentTitle);
        QPdfWriter writer(&device);
        writer.setCreator(QStringLiteral("Balcony"));
        writer.setTitle(title);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter));
        const QRectF page = writer.pageLayout().paintRectPixels(writer.resolution());

        // Pages are laid out in the writer's own pixels; the footer takes a band at the bottom.
        std::unique_ptr<QTextDocument> document(source.clone());
        document->documentLayout()->setPaintDevice(&writer);
        const QFontMetricsF metrics(document->defaultFont(), &writer);
        const qreal footerHeight = metrics.height() * 2.5;
        const QSizeF body(page.width(), page.height() - footerHeight);
        document->setPageSize(body);
        const int pages = document->pageCount();

        QPainter painter;
        if (!painter.begin(&writer)) {
            return failure(Error::Kind::Failed, tr("The PDF could not be started."));
        }
        QFont footerFont = document->defaultFont();
        footerFont.setPointSizeF(footerFont.pointSizeF() * 0.8);
        for (int i = 0; i < pages; ++i) {
            if (i > 0) {
                writer.newPage();
            }
            painter.save();
            painter.translate(0, -i * body.height());
            const QRectF clip(0, i * body.height(), body.width(), body.height());
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = clip;
            painter.setClipRect(clip);
            document->documentLayout()->draw(&painter, context);
            painter.restore();

            painter.setFont(footerFont);
            const QRectF footer(0, page.height() - footerHeight * 0.6, page.width(), footerHeight * 0.6);
            painter.drawLine(footer.topLeft(), footer.topRight());
            painter.drawText(
                footer, Qt::AlignLeft | Qt::AlignBottom,
                QFontMetricsF(footerFont, &writer).elidedText(title, Qt::ElideRight, page.width() * 0.75));
            painter.drawText(footer, Qt::AlignRight | Qt::AlignBottom,
                             tr("Page %1 of %2").arg(i + 1).arg(pages));
        }
        painter.end();
        return {};
    }
};

// OpenDocument Text, which LibreOffice and Word open; Qt's own ODF writer.
class OdtFormat final : public DocumentFormat {
public:
    QString name() const override { return QStringLiteral("odt"); }
    QString extension() const override { return QStringLiteral("odt"); }
    QString description() const override { return tr("OpenDocument text (Word, LibreOffice)"); }

protected:
    Status render(const QTextDocument& document, QIODevice& device) const override {
        // Qt's zip writer closes the device it is given, which a QSaveFile refuses (it must commit),
        // so the document is zipped in memory first.
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QTextDocumentWriter writer(&buffer, "odf");
        if (!writer.write(&document)) {
            return failure(Error::Kind::Failed, tr("The OpenDocument text could not be rendered."));
        }
        device.write(buffer.data());
        return {};
    }
};

// One self-contained UTF-8 HTML file (no images, styles inline), which any browser opens.
class HtmlFormat final : public DocumentFormat {
public:
    QString name() const override { return QStringLiteral("html"); }
    QString extension() const override { return QStringLiteral("html"); }
    QString description() const override { return tr("Web page (HTML)"); }

protected:
    Status render(const QTextDocument& document, QIODevice& device) const override {
        device.write(document.toHtml().toUtf8()); // toHtml declares charset utf-8
        return {};
    }
};

} // namespace

QString DocumentFormat::nameFilter() const {
    return QStringLiteral("%1 (*.%2)").arg(description(), extension());
}

QString DocumentFormat::withExtension(const QString& path) const {
    if (QFileInfo(path).suffix().compare(extension(), Qt::CaseInsensitive) == 0) {
        return path;
    }
    return path + u'.' + extension();
}

Status DocumentFormat::write(const QTextDocument& document, const QString& path) const {
    return writeFileAtomically(path, [&](QIODevice& device) { return render(document, device); });
}

const std::vector<const DocumentFormat*>& documentFormats() {
    static const PdfFormat pdf;
    static const OdtFormat odt;
    static const HtmlFormat html;
    static const std::vector<const DocumentFormat*> formats{&pdf, &odt, &html};
    return formats;
}

const DocumentFormat* findDocumentFormat(const QString& name) {
    for (const DocumentFormat* format : documentFormats()) {
        if (format->name().compare(name.trimmed(), Qt::CaseInsensitive) == 0) {
            return format;
        }
    }
    return nullptr;
}

const DocumentFormat* formatForNameFilter(const QString& filter) {
    for (const DocumentFormat* format : documentFormats()) {
        if (format->nameFilter() == filter) {
            return format;
        }
    }
    return nullptr;
}

QString documentFormatChoices() {
    QStringList names;
    for (const DocumentFormat* format : documentFormats()) {
        names << format->name();
    }
    const QString last = names.takeLast();
    return tr("%1 or %2").arg(names.join(QStringLiteral(", ")), last);
}

QString documentNameFilters() {
    QStringList filters;
    for (const DocumentFormat* format : documentFormats()) {
        filters << format->nameFilter();
    }
    return filters.join(QStringLiteral(";;"));
}

Error unknownDocumentFormat(const QString& name) {
    return failure(
        Error::Kind::InvalidInput,
        tr("\"%1\" is not a document format Balcony writes: choose %2.").arg(name, documentFormatChoices()));
}

} // namespace balcony::reports
