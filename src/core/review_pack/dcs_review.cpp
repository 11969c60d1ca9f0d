#include "review_pack/dcs_review.h"

namespace balcony {
namespace {

class PackReview final : public DcsReview {
public:
    explicit PackReview(ReviewPack pack)
        : m_pack(std::move(pack)) {}

    bool isInRegion() const override { return false; }
    QString where() const override { return m_pack.path(); }
    const ReviewPackState& state() const override { return m_pack.state(); }
    bool isReadOnly() const override { return m_pack.isReadOnly(); }
    QString readOnlyReason() const override { return m_pack.readOnlyReason(); }
    Status saveAmendment(const QString& body, const QString& dcsName, const QDateTime& whenUtc) override {
        return m_pack.saveAmendment(body, dcsName, whenUtc);
    }
    Status discardAmendment() override { return m_pack.discardAmendment(); }
    Status agree(const QString& dcsName, const QDateTime& whenUtc) override {
        return m_pack.agree(dcsName, whenUtc);
    }
    Status returnWithAmendments(const QString& dcsName, const QDateTime& whenUtc) override {
        return m_pack.returnWithAmendments(dcsName, whenUtc);
    }
    // A pack is read again after every change it makes, and a change refused because another
    // Balcony answered it re-reads it then; there is nothing further to fetch.
    Status reload() override { return {}; }

private:
    ReviewPack m_pack;
};

} // namespace

std::unique_ptr<DcsReview> reviewOfPack(ReviewPack pack) {
    return std::make_unique<PackReview>(std::move(pack));
}

} // namespace balcony
