#include "domain/authority_name.h"

namespace balcony {

QString authorityDisplayName(const QString& name) {
    return name.simplified();
}

QString authorityKey(const QString& name) {
    return authorityDisplayName(name).normalized(QString::NormalizationForm_C).toCaseFolded();
}

} // namespace balcony
