#include "assessments/attach_document.h"

#include "document/region_document.h"
#include "domain/self_assessment_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace balcony::gui {

AttachDocument::AttachDocument(RegionDocument& document, SelfAssessment before, QString path)
    : StoreCommand(document, QCoreApplication::translate("balcony::gui::AttachDocument", "Attach %1")
                                 .arg(QFileInfo(path).fileName()))
    , m_before(std::move(before))
    , m_path(std::move(path)) {}

Status AttachDocument::apply(bool forward) {
    SelfAssessmentStore store(document().database());
    if (!forward) {
        return store.save(m_before);
    }
    auto hash = SelfAssessmentStore::sha256Of(m_path);
    if (!hash) {
        return hash.error();
    }
    SelfAssessment after = m_before;
    after.documentPath = QDir::cleanPath(QFileInfo(m_path).absoluteFilePath());
    after.documentSha256 = *hash;
    return store.save(after);
}

void AttachDocument::announce() {
    document().notifyAssessmentsChanged(m_before.cycleId);
}

} // namespace balcony::gui
