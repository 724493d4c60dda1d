// scan: options the orchestrator normalizes before any worker sees them.
#include <gtest/gtest.h>

#include "citizenscan/scan.h"

namespace citizenscan {
namespace {

TEST(Scan, OrgDomainsAreLowercasedWithoutLeadingAtOrDot) {
  EXPECT_EQ(normalize_org_domain("Example.COM"), "example.com");
  EXPECT_EQ(normalize_org_domain("@acme-corp.co.uk"), "acme-corp.co.uk");
  EXPECT_EQ(normalize_org_domain(".mail.example.org."), "mail.example.org");
}

TEST(Scan, OrgDomainThatIsNotADomainNameIsRejected) {
  EXPECT_EQ(normalize_org_domain(""), std::nullopt);
  EXPECT_EQ(normalize_org_domain("localhost"), std::nullopt);  // no dot: not a mail domain
  EXPECT_EQ(normalize_org_domain("jane@example.com"), std::nullopt);
  EXPECT_EQ(normalize_org_domain("example..com"), std::nullopt);
  EXPECT_EQ(normalize_org_domain("*.example.com"), std::nullopt);
  EXPECT_EQ(normalize_org_domain("exa mple.com"), std::nullopt);
}

}  // namespace
}  // namespace citizenscan
