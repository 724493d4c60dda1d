// .citizenscan.json: every key is validated with the file and key path in the message, and rule
// selection follows "the more specific selector wins".
#include <gtest/gtest.h>

#include "citizenscan/config.h"

namespace citizenscan {
namespace {

std::string config_error(const std::string& text) {
  try {
    (void)parse_config(text, "/proj/.citizenscan.json");
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(accepted)";
}

std::vector<RuleInfo> three_rules() {
  std::vector<RuleInfo> rules(3);
  rules[0].id = "credentials/private-key";
  rules[0].pack = "credentials";
  rules[1].id = "credentials/jwt";
  rules[1].pack = "credentials";
  rules[2].id = "pii/pii-in-log";
  rules[2].pack = "pii";
  return rules;
}

TEST(Config, EveryKeyIsReadAndPathsAreRelativeToTheFile) {
  const ProjectConfig config = parse_config(R"({
    // comments are allowed
    "enable": ["credentials"], "disable": ["credentials/jwt"],
    "severity": {"credentials": "warning"}, "failOn": "error",
    "orgDomains": ["Example.COM"], "include": ["src/**"], "exclude": ["vendor/"],
    "piiSensitivity": "high", "rulePacks": ["rules/extra.json"], "baseline": "base.json" /* block */
  })", "/proj/.citizenscan.json");
  EXPECT_EQ(config.folder, "/proj");
  EXPECT_EQ(config.enable, std::vector<std::string>{"credentials"});
  EXPECT_EQ(config.disable, std::vector<std::string>{"credentials/jwt"});
  ASSERT_EQ(config.severity.size(), 1u);
  EXPECT_EQ(config.severity[0].second, Severity::Warning);
  EXPECT_EQ(config.fail_on, "error");
  EXPECT_EQ(config.org_domains, std::vector<std::string>{"example.com"});
  EXPECT_EQ(config.include, std::vector<std::string>{"src/**"});
  EXPECT_EQ(config.exclude, std::vector<std::string>{"vendor/"});
  EXPECT_EQ(config.pii_sensitivity, PiiSensitivity::High);
  EXPECT_EQ(config.rule_packs, std::vector<std::string>{"/proj/rules/extra.json"});
  EXPECT_EQ(config.baseline, "/proj/base.json");
}

TEST(Config, TheInventorysKeysAreReadAndValidated) {
  const ProjectConfig config = parse_config(R"({
    "perimeter": {"domains": ["example.com"], "databaseHosts": []},
    "handoff": {"maxCommitters": 2, "highSensitivityPii": false, "productionHosts": ["*.prod.internal"]}
  })", "/proj/.citizenscan.json");
  ASSERT_TRUE(config.perimeter.has_value());
  EXPECT_EQ(config.perimeter->domains, std::vector<std::string>{"example.com"});
  ASSERT_TRUE(config.perimeter->database_hosts.has_value());  // listed and empty: allows nothing
  EXPECT_TRUE(config.perimeter->database_hosts->empty());
  EXPECT_FALSE(config.perimeter->sheets.has_value());  // not listed: not checked
  EXPECT_EQ(config.handoff.max_committers, 2u);
  EXPECT_FALSE(config.handoff.high_sensitivity_pii);
  EXPECT_TRUE(config.handoff.web_app_beyond_domain);  // default kept
  EXPECT_EQ(config.handoff.production_hosts, std::vector<std::string>{"*.prod.internal"});
  EXPECT_FALSE(parse_config("{}", "/proj/.citizenscan.json").perimeter.has_value());

  EXPECT_EQ(config_error(R"({"perimeter": {"domain": []}})").rfind("/proj/.citizenscan.json: perimeter.domain: unknown key", 0),
            0u);
  EXPECT_EQ(config_error(R"({"perimeter": {"sheets": ["a", ""]}})"),
            "/proj/.citizenscan.json: perimeter.sheets[1]: must be a non-empty string");
  EXPECT_EQ(config_error(R"({"perimeter": []})"), "/proj/.citizenscan.json: perimeter: must be an object");
  EXPECT_EQ(config_error(R"({"handoff": {"maxCommitters": -1}})"),
            "/proj/.citizenscan.json: handoff.maxCommitters: must be a whole number (0 turns the check off)");
  EXPECT_EQ(config_error(R"({"handoff": {"webAppBeyondDomain": "yes"}})"),
            "/proj/.citizenscan.json: handoff.webAppBeyondDomain: must be true or false");
  EXPECT_EQ(config_error(R"({"handoff": {"owners": 1}})").rfind("/proj/.citizenscan.json: handoff.owners: unknown key", 0), 0u);
}

TEST(Config, ProblemsNameTheFileAndTheKeyPath) {
  EXPECT_EQ(config_error(R"({"exlude": []})").rfind("/proj/.citizenscan.json: exlude: unknown key", 0), 0u);
  EXPECT_EQ(config_error(R"({"exclude": "vendor/"})"), "/proj/.citizenscan.json: exclude: must be an array of strings");
  EXPECT_EQ(config_error(R"({"exclude": ["a", 3]})"), "/proj/.citizenscan.json: exclude[1]: must be a non-empty string");
  EXPECT_EQ(config_error(R"({"severity": {"pii": "high"}})"),
            "/proj/.citizenscan.json: severity.pii: 'high' is not one of error, warning, note");
  EXPECT_EQ(config_error(R"({"failOn": 1})"), "/proj/.citizenscan.json: failOn: must be one of error, warning, note, none");
  EXPECT_EQ(config_error(R"({"orgDomains": ["me@example.com"]})"),
            "/proj/.citizenscan.json: orgDomains[0]: 'me@example.com' is not a domain name");
  EXPECT_EQ(config_error("[]"), "/proj/.citizenscan.json: must be a JSON object ({...})");
  EXPECT_NE(config_error("{\n\"failOn\": \"error\",\n}").find("line 3"), std::string::npos)
      << config_error("{\n\"failOn\": \"error\",\n}");
}

// A number JSON cannot hold is nlohmann's out_of_range, not its parse_error: it escaped as a bare
// "[json.exception.out_of_range.406] ..." without the file (found by the config fuzz target).
TEST(Config, NumberTooLargeIsAConfigErrorNamingTheFile) {
  EXPECT_EQ(config_error(R"({"failOn": 1E400})"),
            "/proj/.citizenscan.json: not valid JSON: number overflow parsing '1E400'");
}

TEST(Config, StarterConfigIsValid) {
  const ProjectConfig config = parse_config(starter_config(), "/proj/.citizenscan.json");
  EXPECT_EQ(config.fail_on, "warning");
  EXPECT_NO_THROW((void)select_rules(config, three_rules()));
}

TEST(Config, MoreSpecificSelectorWinsAndDisableWinsTies) {
  ProjectConfig config;
  config.path = "c.json";
  config.disable = {"credentials"};
  config.enable = {"credentials/private-key", "pii"};
  RuleSelection selection = select_rules(config, three_rules());
  EXPECT_EQ(selection.enabled, (std::vector<bool>{true, false, true}));

  config.enable = {};
  config.disable = {"credentials/jwt"};
  selection = select_rules(config, three_rules());
  EXPECT_EQ(selection.enabled, (std::vector<bool>{true, false, true}));

  config.enable = {"pii"};
  config.disable = {"pii"};
  selection = select_rules(config, three_rules());
  EXPECT_EQ(selection.enabled, (std::vector<bool>{false, false, false}));
}

TEST(Config, SeverityOverridesPreferTheRuleOverItsPack) {
  ProjectConfig config;
  config.path = "c.json";
  config.severity = {{"credentials/jwt", Severity::Note}, {"credentials", Severity::Warning}};
  const RuleSelection selection = select_rules(config, three_rules());
  EXPECT_EQ(selection.level[0], Severity::Warning);
  EXPECT_EQ(selection.level[1], Severity::Note);
  EXPECT_FALSE(selection.level[2].has_value());
}

TEST(Config, UnknownSelectorIsAnError) {
  ProjectConfig config;
  config.path = "c.json";
  config.severity = {{"credentials/jtw", Severity::Note}};
  try {
    (void)select_rules(config, three_rules());
    FAIL() << "accepted an unknown rule id";
  } catch (const ConfigError& e) {
    EXPECT_EQ(std::string(e.what()), "c.json: severity.credentials/jtw: no loaded pack or rule is called 'credentials/jtw' (see `citizenscan rules`)");
  }
}

}  // namespace
}  // namespace citizenscan
