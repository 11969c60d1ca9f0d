#pragma once

#include "support/result.h"

#include <QIODevice>
#include <QString>
#include <QStringList>
#include <vector>

class QTextDocument;

namespace balcony::reports {

// One kind of document file Balcony writes (after Tiled's FileFormat): its name for the command
// line's --format, its file extension, and its line in a save dialog's filter. The list below
// serves both front ends, so that a format added here appears in the desktop program's save dialog
// and balcony-cli's --format at once.
//
// Every format renders a QTextDocument: the document's title (QTextDocument::DocumentTitle meta
// information) becomes the file's title and, in a PDF, the left of each page's footer.
class DocumentFormat {
public:
    virtual ~DocumentFormat() = default;

    virtual QString name() const = 0;        // "pdf": lower case, what --format takes
    virtual QString extension() const = 0;   // "pdf", without the dot
    virtual QString description() const = 0; // "PDF document", for a save dialog

    // "PDF document (*.pdf)": one entry of QFileDialog's name filter.
    QString nameFilter() const;
    // path with this format's extension added when it has none of its own, or another one.
    QString withExtension(const QString& path) const;

    // Writes document to path through writeFileAtomically (file_writer.h): atomic, owner-only (0600),
    // and a file already at path is untouched unless the whole document was written. The failures
    // name the file: a folder given as path, a read-only folder, a full disk.
    Status write(const QTextDocument& document, const QString& path) const;

protected:
    // Renders document onto device (open for writing). Failures name what could not be rendered.
    virtual Status render(const QTextDocument& document, QIODevice& device) const = 0;
};

// Every format, in the order the save dialog offers them: PDF, ODT, HTML. The objects live as long
// as the program.
const std::vector<const DocumentFormat*>& documentFormats();

// The format called name ("pdf", "odt", "html"; any case), or nullptr.
const DocumentFormat* findDocumentFormat(const QString& name);

// The format whose nameFilter() is filter (what QFileDialog reports as selected), or nullptr.
const DocumentFormat* formatForNameFilter(const QString& filter);

// "pdf, odt or html": for usage messages that list the choices.
QString documentFormatChoices();

// Every format's nameFilter(), joined with ";;" for QFileDialog.
QString documentNameFilters();

// An InvalidInput error for an unknown --format value, naming it and the choices.
Error unknownDocumentFormat(const QString& name);

} // namespace balcony::reports
