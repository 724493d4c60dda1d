// match: predicates, value checks, structural checks, redaction and fingerprints.
#include <gtest/gtest.h>

#include "citizenscan/load.h"
#include "citizenscan/match.h"
#include "citizenscan/parse.h"
#include "citizenscan/rules.h"

namespace citizenscan {
namespace {

std::string rule(const std::string& id, const std::string& languages, const std::string& message,
                 const std::string& matchers, const std::string& extra = "") {
  return R"({"id": ")" + id + R"(", "name": "R", "shortDescription": "s", "fullDescription": "f",
    "help": "h", "severity": "error", "securitySeverity": 8.0, "precision": "high",
    "languages": )" + languages + R"(, "message": ")" + message + R"(", "matchers": [)" + matchers + "]" + extra + "}";
}

RuleSet pack(const std::vector<std::string>& rules) {
  std::string text = R"({"pack": "t", "rules": [)";
  for (std::size_t i = 0; i < rules.size(); ++i) text += (i ? "," : "") + rules[i];
  return RuleSet::load_from_texts({{"t.json", text + "]}"}});
}

std::vector<Finding> run(const RuleSet& rules, Language language, const std::string& source, bool show = false,
                         const std::vector<std::string>& org_domains = {}) {
  std::vector<std::uint32_t> all(rules.infos().size());
  for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
  TreePtr tree;
  if (grammar_of(language) != Grammar::None) {
    Parser parser(grammar_of(language));
    tree = parser.parse(source, 0).tree;
  }
  LineIndex lines(source);
  MatchWorkspace workspace;
  std::vector<Finding> out;
  match_file(rules, all, MatchInput{source, language, lines, tree.get()}, MatchOptions{show, org_domains}, workspace, out);
  return out;
}

// The first line of each finding, in output order.
std::vector<std::uint32_t> start_lines(const std::vector<Finding>& findings) {
  std::vector<std::uint32_t> lines;
  for (const auto& f : findings) lines.push_back(f.region.start_line);
  return lines;
}

const std::string kPasswordQuery =
    R"J({"query": "(assignment left: (identifier) @name right: (string) @value (#match? @name \"(?i)passw\"))", "secret": "value", "value": {"minLength": 6, "rejectPlaceholders": true}})J";

TEST(Match, QueryWithPredicateFindsAndRedacts) {
  RuleSet rules = pack({rule("t/password", R"(["python"])", "`{name}` holds `{value}`", kPasswordQuery)});
  auto findings = run(rules, Language::Python, "import os\nDB_PASSWORD = \"Tr0ub4dor&3xyz\"\nother = \"x\"\n");
  ASSERT_EQ(findings.size(), 1u);
  const Finding& f = findings[0];
  EXPECT_EQ(f.rule_id, "t/password");
  EXPECT_EQ(f.region.start_line, 2u);
  EXPECT_EQ(f.region.start_column, 15u);
  EXPECT_EQ(f.message, "`DB_PASSWORD` holds `Tr0****`");
  EXPECT_EQ(f.snippet, "DB_PASSWORD = \"Tr0****\"");
  EXPECT_EQ(f.snippet.find("Tr0ub4dor"), std::string::npos);
}

// A snippet clipped to 240 bytes around the finding is cut at code-point starts: with two-byte
// characters on both sides at every offset, it stays valid UTF-8.
TEST(Match, ClippedSnippetsStayValidUtf8) {
  RuleSet rules = pack({rule("t/password", R"(["python"])", "x", kPasswordQuery)});
  auto valid_utf8 = [](const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
      const auto c = static_cast<unsigned char>(s[i]);
      const std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
      if (n == 0 || i + n > s.size()) return false;
      for (std::size_t k = 1; k < n; ++k) {
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
      }
      i += n;
    }
    return true;
  };
  for (int shift = 0; shift < 4; ++shift) {
    std::string comment(shift, 'a');
    for (int i = 0; i < 150; ++i) comment += "\xc3\xa9";  // "é" * 150
    const std::string source = "password = 'Tr0ub4dor&3xyz'  # " + comment + "\n";
    const std::string before = "x = '" + comment + "'; ";
    for (const std::string& text : {source, before + source}) {
      auto findings = run(rules, Language::Python, text);
      ASSERT_EQ(findings.size(), 1u) << shift;
      EXPECT_TRUE(valid_utf8(findings[0].snippet)) << shift << ": " << findings[0].snippet;
      EXPECT_NE(findings[0].snippet.find("..."), std::string::npos) << findings[0].snippet;
    }
  }
}

TEST(Match, ShowSecretsIsTheOnlyWayToSeeTheValue) {
  RuleSet rules = pack({rule("t/password", R"(["python"])", "{value}", kPasswordQuery)});
  auto findings = run(rules, Language::Python, "password = 'Tr0ub4dor&3xyz'\n", /*show=*/true);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "Tr0ub4dor&3xyz");
}

TEST(Match, PlaceholdersEnvReadsAndShortValuesAreNotFlagged) {
  RuleSet rules = pack({rule("t/password", R"(["python"])", "{name}", kPasswordQuery)});
  const std::string source =
      "password = os.environ['DB_PASSWORD']\n"
      "password = 'changeme'\n"
      "password = '<your-password>'\n"
      "password = '${DB_PASSWORD}'\n"
      "password = ''\n"
      "password = 'abc'\n"
      "password = '********'\n";
  EXPECT_TRUE(run(rules, Language::Python, source).empty());
}

TEST(Match, QuantifiedCapturesNeedEveryNodeUnlessAnyForm) {
  const std::string all = rule("t/all", R"(["python"])", "x",
      R"J({"query": "(call arguments: (argument_list . (string) @s . (string) @s .) (#match? @s \"^'a\")) @c", "report": "c"})J");
  const std::string any = rule("t/any", R"(["python"])", "x",
      R"J({"query": "(call arguments: (argument_list . (string) @s . (string) @s .) (#any-match? @s \"^'a\")) @c", "report": "c"})J");
  RuleSet rules = pack({all, any});
  auto findings = run(rules, Language::Python, "f('a1', 'b2')\ng('a1', 'a2')\n");
  std::vector<std::pair<std::string, std::uint32_t>> got;
  for (const auto& f : findings) got.emplace_back(f.rule_id, f.region.start_line);
  EXPECT_EQ(got, (std::vector<std::pair<std::string, std::uint32_t>>{{"t/any", 1}, {"t/all", 2}, {"t/any", 2}}));
}

TEST(Match, EqNotEqAndAnyOf) {
  RuleSet rules = pack({rule("t/eq", R"(["javascript"])", "{fn}",
      R"J({"query": "(call_expression function: (member_expression object: (identifier) @obj property: (property_identifier) @fn) (#eq? @obj \"console\") (#any-of? @fn \"log\" \"info\") (#not-eq? @fn \"error\"))"})J")});
  auto findings = run(rules, Language::JavaScript, "console.log(a);\nconsole.error(b);\nconsole.info(c);\nlogger.log(d);\n");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].region.start_line, 1u);
  EXPECT_EQ(findings[1].region.start_line, 3u);
}

TEST(Match, InsideStopsAtTheFunctionBoundary) {
  RuleSet rules = pack({rule("t/in-loop", R"(["python"])", "{call}",
      R"J({"query": "(call function: (attribute attribute: (identifier) @m (#eq? @m \"execute\"))) @call", "report": "call", "where": [{"capture": "call", "inside": ["for_statement", "while_statement"]}]})J")});
  const std::string source =
      "for row in rows:\n"
      "    cur.execute('select 1')\n"
      "cur.execute('select 2')\n"
      "for row in rows:\n"
      "    def helper():\n"
      "        cur.execute('select 3')\n";
  auto findings = run(rules, Language::Python, source);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].region.start_line, 2u);
}

TEST(Match, NotContainsWithText) {
  RuleSet rules = pack({rule("t/poll", R"(["python"])", "loop",
      R"J({"query": "(while_statement condition: (true)) @loop", "where": [{"capture": "loop", "notContains": ["call"], "text": "sleep\\("}, {"capture": "loop", "notContains": ["break_statement"]}]})J")});
  const std::string source =
      "while True:\n    poll()\n"
      "while True:\n    poll()\n    time.sleep(5)\n"
      "while True:\n    if poll():\n        break\n";
  auto findings = run(rules, Language::Python, source);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].region.start_line, 1u);
}

TEST(Match, RegexWithEntropyAndNamedSecretGroup) {
  RuleSet rules = pack({rule("t/token", R"(["*"])", "token {secret}",
      R"J({"regex": "tok_(?P<secret>[A-Za-z0-9]{16})", "secret": "secret", "value": {"minEntropy": 3.0}})J")});
  auto findings = run(rules, Language::Env, "A=tok_aaaaaaaaaaaaaaaa\nB=tok_q8Zr2LmX0pVw7KcT\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].region.start_line, 2u);
  EXPECT_EQ(findings[0].message, "token q8Zr****");
}

TEST(Match, GenericRuleYieldsToSpecificOne) {
  const std::string specific = rule("t/specific", R"(["python"])", "s", R"J({"regex": "(?P<secret>sk_live_[0-9a-zA-Z]{10})", "secret": "secret"})J");
  const std::string generic = rule("t/generic", R"(["python"])", "g", kPasswordQuery, R"(, "yieldsTo": ["t/*"])");
  RuleSet rules = pack({specific, generic});
  auto findings = run(rules, Language::Python, "password = 'sk_live_abcdefghij'\npassword = 'Zq8rT5mLp0w'\n");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].rule_id, "t/specific");
  EXPECT_EQ(findings[1].rule_id, "t/generic");
  EXPECT_EQ(findings[1].region.start_line, 2u);
}

TEST(Match, FingerprintSurvivesMovesButNotANewSecret) {
  RuleSet rules = pack({rule("t/password", R"(["python"])", "{name}", kPasswordQuery)});
  auto a = run(rules, Language::Python, "password = 'Zq8rT5mLp0w'\n");
  auto b = run(rules, Language::Python, "import os\n\n\npassword  =  'Zq8rT5mLp0w'\n");
  auto c = run(rules, Language::Python, "password = 'Other5ecret9'\n");
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(a[0].fingerprint, b[0].fingerprint);
  EXPECT_NE(a[0].fingerprint, c[0].fingerprint);
  EXPECT_EQ(a[0].fingerprint.size(), 32u);
}

TEST(Match, TextRulesRunWithoutATree) {
  RuleSet rules = pack({rule("t/token", R"(["*"])", "x", R"J({"regex": "(?P<secret>AKIA[0-9A-Z]{16})", "secret": "secret"})J"),
                        rule("t/query", R"(["python"])", "x", R"J({"query": "(identifier) @id"})J")});
  std::vector<std::uint32_t> all{0, 1};
  const std::string source = "key = 'AKIAQWERTYUIOPASDFGH'\n";
  LineIndex lines(source);
  MatchWorkspace workspace;
  std::vector<Finding> out;
  match_file(rules, all, MatchInput{source, Language::Python, lines, nullptr}, {}, workspace, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].rule_id, "t/token");
}

TEST(Match, Helpers) {
  EXPECT_EQ(unquote_literal("'abc'"), "abc");
  EXPECT_EQ(unquote_literal("\"\"\"doc\"\"\""), "doc");
  EXPECT_EQ(unquote_literal("rb'x'"), "x");
  EXPECT_EQ(unquote_literal("`t`"), "t");
  EXPECT_EQ(unquote_literal("N'x'"), "x");
  EXPECT_EQ(unquote_literal("identifier"), "identifier");
  EXPECT_TRUE(looks_like_placeholder("{{ db_password }}"));
  EXPECT_TRUE(looks_like_placeholder("xxxxxxxx"));
  EXPECT_TRUE(looks_like_placeholder("YOUR_API_KEY_HERE"));
  EXPECT_TRUE(looks_like_placeholder("%s"));
  EXPECT_FALSE(looks_like_placeholder("Zq8rT5mLp0w"));
  EXPECT_NEAR(shannon_entropy("aaaa"), 0.0, 1e-9);
  EXPECT_NEAR(shannon_entropy("abcd"), 2.0, 1e-9);
  EXPECT_EQ(redact("AKIAQWERTYUIOPASDFGH", false), "AKIA****");
  EXPECT_EQ(redact("hunter22", false), "hu****");
  EXPECT_EQ(redact("abc", false), "****");
}

}  // namespace
}  // namespace citizenscan

namespace citizenscan {
namespace {

TEST(MatchBindings, InsideBindsTheNearestLoopAndItsFields) {
  RuleSet rules = pack({rule("t/in-loop", R"(["python"])", "{call} runs once per item of {loop.right}",
      R"J({"query": "(call function: (attribute attribute: (identifier) @m (#eq? @m \"execute\"))) @call", "report": "call",
          "where": [{"capture": "call", "inside": ["for_statement"], "as": "loop"}],
          "value": {"capture": "loop.right", "notMatch": "^[\\[(]"}})J")});
  const std::string source =
      "for batch in batches:\n"
      "    for cid in customer_ids:\n"
      "        cur.execute('select 1')\n"
      "for t in ('a', 'b'):\n"
      "    cur.execute('select 2')\n";
  auto findings = run(rules, Language::Python, source);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].region.start_line, 3u);
  EXPECT_EQ(findings[0].message, "cur.execute('select 1') runs once per item of customer_ids");
}

TEST(MatchBindings, ContainsBindsWhatItFound) {
  RuleSet rules = pack({rule("t/poll", R"(["python"])", "polls with {q}",
      R"J({"query": "(while_statement condition: (true)) @loop",
          "where": [{"capture": "loop", "contains": ["call"], "text": "execute", "as": "q"}]})J")});
  auto findings = run(rules, Language::Python, "while True:\n    cur.execute('x')\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "polls with cur.execute('x')");
}

TEST(MatchBindings, DefinitionsAreExpandedInQueriesAndRegexes) {
  const std::string text = R"J({"pack": "t", "definitions": {"pii": ["ssn", "date_of_birth"]}, "rules": [)J" +
      rule("t/log", R"(["python"])", "{arg}",
           R"J({"query": "(call function: (identifier) @f arguments: (argument_list (identifier) @arg) (#eq? @f \"print\") (#match? @arg \"^({{pii}})$\"))"},
               {"regex": "(?P<arg>SSN: ({{pii}}))"})J") + "]}";
  RuleSet rules = RuleSet::load_from_texts({{"t.json", text}});
  auto findings = run(rules, Language::Python, "print(ssn)\nprint(name)\n# SSN: date_of_birth\n");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].region.start_line, 1u);
  EXPECT_EQ(findings[1].region.start_line, 3u);
}

TEST(MatchBindings, UnknownDefinitionIsALoadError) {
  const std::string text = R"J({"pack": "t", "rules": [)J" +
      rule("t/x", R"(["python"])", "x", R"J({"regex": "a{{nope}}"})J") + "]}";
  try {
    RuleSet::load_from_texts({{"t.json", text}});
    FAIL() << "loaded";
  } catch (const RuleLoadError& e) {
    EXPECT_NE(std::string(e.what()).find("{{nope}} is not in the pack's definitions"), std::string::npos) << e.what();
  }
}

TEST(MatchBindings, NamedChecksStandForTheirListInPlace) {
  // "loop_over_data" is written once and used by two matchers, once in `where` and once in `value`;
  // a matcher's own checks before the name bind the capture the list refers to.
  const std::string text = R"J({"pack": "t", "checks": {
      "runs_to_end": [{"capture": "loop.body", "notContains": ["break_statement", "return_statement"]}],
      "loop_over_data": [{"capture": "loop.right", "notMatch": "^[\\[(]"}]}, "rules": [)J" +
      rule("t/n1", R"(["python"])", "{call} in a loop",
           R"J({"query": "(call) @call", "where": [{"capture": "call", "inside": ["for_statement"], "as": "loop"}, "runs_to_end"],
                "value": [{"capture": "call", "match": "^cur\\.execute"}, "loop_over_data"]})J") + "]}";
  RuleSet rules = RuleSet::load_from_texts({{"t.json", text}});
  const std::string source =
      "for cid in customer_ids:\n"
      "    cur.execute('select 1')\n"
      "for t in ('a', 'b'):\n"
      "    cur.execute('select 2')\n"
      "for cid in customer_ids:\n"
      "    cur.execute('select 3')\n"
      "    break\n";
  auto findings = run(rules, Language::Python, source);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].region.start_line, 2u);
}

TEST(MatchBindings, NegativeChecksOnAnAbsentOptionalCaptureHold) {
  // The loop's `.length` array, when there is one, must not be a literal list assigned before it; a
  // loop bounded by a plain number has none, and the negative check holds for it.
  RuleSet rules = pack({rule("t/len", R"(["javascript"])", "{call} in a loop",
      R"J({"query": "(call_expression function: (member_expression property: (property_identifier) @m) (#eq? @m \"query\")) @call",
          "where": [{"capture": "call", "inside": ["for_statement"], "as": "loop"},
                    {"capture": "loop.condition", "contains": ["member_expression"], "text": "\\.length$", "as": "len", "optional": true},
                    {"capture": "len.object", "notBinding": ["variable_declarator"], "text": "^\\["}]})J")});
  const std::string source =
      "const two = ['a', 'b'];\n"
      "for (let i = 0; i < two.length; i++) db.query(two[i]);\n"
      "for (let i = 0; i < ids.length; i++) db.query(ids[i]);\n"
      "for (let i = 0; i < n; i++) db.query(i);\n";
  auto findings = run(rules, Language::JavaScript, source);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].region.start_line, 3u);
  EXPECT_EQ(findings[1].region.start_line, 4u);
}

TEST(MatchBindings, UnknownOrNestedNamedChecksAreLoadErrors) {
  const auto load_error = [](const std::string& checks, const std::string& use) {
    const std::string text = R"J({"pack": "t", )J" + checks + R"J("rules": [)J" +
        rule("t/x", R"(["python"])", "x", R"J({"query": "(call) @c", "where": [)J" + use + "]}") + "]}";
    try {
      RuleSet::load_from_texts({{"t.json", text}});
    } catch (const RuleLoadError& e) {
      return std::string(e.what());
    }
    return std::string("loaded");
  };
  EXPECT_NE(load_error("", R"("nope")").find("rule t/x: matchers[0].where[0]: 'nope' is not in the pack's checks"),
            std::string::npos);
  EXPECT_NE(load_error(R"J("checks": {"a": ["b"]}, )J", R"("a")").find("checks.a[0]: must be an object"), std::string::npos);
  EXPECT_NE(load_error(R"J("checks": {"a": []}, )J", R"("a")").find("checks.a: must be a non-empty array"), std::string::npos);
  // An expanded entry is checked like one written in place.
  EXPECT_NE(load_error(R"J("checks": {"a": [{"capture": "c", "inside": ["no_such_kind"]}]}, )J", R"("a")").find("no_such_kind"),
            std::string::npos);
}

TEST(MatchBindings, PredicateOutsideItsPatternIsALoadError) {
  // Written at the top level, the predicate would silently filter nothing.
  const std::string text = R"J({"pack": "t", "rules": [)J" +
      rule("t/x", R"(["javascript"])", "x", R"J({"query": "(call_expression function: (identifier) @f) @c (#eq? @f \"x\")"})J") + "]}";
  try {
    RuleSet::load_from_texts({{"t.json", text}});
    FAIL() << "loaded";
  } catch (const RuleLoadError& e) {
    EXPECT_NE(std::string(e.what()).find("not in this pattern"), std::string::npos) << e.what();
  }
}

TEST(MatchBindings, RegexReportGroupSetsTheLocation) {
  RuleSet rules = pack({rule("t/loop", R"(["sql"])", "loop",
      R"J({"regex": "(?s)BEGIN\\s+(?P<at>LOOP)\\b", "report": "at"})J")});
  auto findings = run(rules, Language::Sql, "BEGIN\n  LOOP\n  END LOOP;\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].region.start_line, 2u);
  EXPECT_EQ(findings[0].region.start_column, 3u);
}

}  // namespace
}  // namespace citizenscan

namespace citizenscan {
namespace {

TEST(MatchRedaction, SnippetRedactsEverySecretOnTheLine) {
  RuleSet rules = pack({rule("t/aws", R"(["*"])", "aws", R"J({"regex": "(?P<secret>AKIA[0-9A-Z]{16})", "secret": "secret"})J"),
                        rule("t/pw", R"(["python"])", "pw", kPasswordQuery)});
  auto findings = run(rules, Language::Python, "password = 'Zq8rT5mLp0wX'; k = 'AKIAQ3EGRTY6KXMFZ7PN'\n");
  ASSERT_EQ(findings.size(), 2u);
  for (const Finding& f : findings) {
    EXPECT_EQ(f.snippet.find("Zq8rT5mLp0wX"), std::string::npos) << f.rule_id << ": " << f.snippet;
    EXPECT_EQ(f.snippet.find("AKIAQ3EGRTY6KXMFZ7PN"), std::string::npos) << f.rule_id << ": " << f.snippet;
  }
}

}  // namespace
}  // namespace citizenscan

namespace citizenscan {
namespace {

TEST(MatchLabels, MessageLabelComesFromTheFirstMatchingPattern) {
  const std::string text = R"J({"pack": "t", "labels": {"kind": [["(?i)ssn", "a Social Security number"], ["(?i)dob|birth", "a date of birth"]]}, "rules": [)J" +
      rule("t/col", R"(["python"])", "`{name}` holds {name|kind}",
           R"J({"query": "(assignment left: (identifier) @name (#match? @name \"(?i)ssn|dob|birth|zip\"))"})J") + "]}";
  RuleSet rules = RuleSet::load_from_texts({{"t.json", text}});
  auto findings = run(rules, Language::Python, "customer_ssn = 1\ndate_of_birth = 2\nzip = 3\n");
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].message, "`customer_ssn` holds a Social Security number");
  EXPECT_EQ(findings[1].message, "`date_of_birth` holds a date of birth");
  EXPECT_EQ(findings[2].message, "`zip` holds zip") << "no label matches: the capture text is used";
}

TEST(MatchLabels, UnknownLabelTableIsALoadError) {
  const std::string text = R"J({"pack": "t", "rules": [)J" +
      rule("t/x", R"(["python"])", "{name|nope}", R"J({"query": "(identifier) @name"})J") + "]}";
  try {
    RuleSet::load_from_texts({{"t.json", text}});
    FAIL() << "loaded";
  } catch (const RuleLoadError& e) {
    EXPECT_NE(std::string(e.what()).find("labels 'nope'"), std::string::npos) << e.what();
  }
}

TEST(MatchBindings, ReportCanNameABoundCapture) {
  RuleSet rules = pack({rule("t/log", R"(["python"])", "{field}",
      R"J({"query": "(call function: (identifier) @f arguments: (argument_list) @args (#eq? @f \"print\"))",
          "where": [{"capture": "args", "contains": ["identifier"], "text": "^ssn$", "as": "field"}], "report": "field"})J")});
  auto findings = run(rules, Language::Python, "print(\n    name,\n    ssn)\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].region.start_line, 3u);
  EXPECT_EQ(findings[0].region.start_column, 5u);
}

// A recipient outside the organisation's domains refines the finding (severity, message); with no
// organisation domain given, the refinement never applies (the scan cannot know what is external).
const std::string kRecipientMatcher =
    R"J({"query": "(call function: (attribute attribute: (identifier) @f) arguments: (argument_list . (string (string_content) @to)) (#eq? @f \"send\"))",
         "refine": [{"value": {"capture": "to", "orgDomain": "outside"}, "severity": "error",
                       "message": "mails the external address {to}"}]})J";

TEST(MatchOrgDomains, RecipientOutsideTheOrganisationRaisesTheSeverity) {
  RuleSet rules = pack({rule("t/send", R"(["python"])", "mails {to}", kRecipientMatcher)});
  const std::string source =
      "m.send('ops@example.com')\n"
      "m.send('jane.doe@gmail.com')\n"
      "m.send('Ops <ops@eu.example.com>, Ext <a@partner.io>')\n"
      "m.send('ops@notexample.com')\n";
  auto plain = run(rules, Language::Python, source);
  ASSERT_EQ(plain.size(), 4u);
  for (const Finding& f : plain) {
    EXPECT_EQ(f.level, Severity::Error) << "the rule's own severity";
    EXPECT_EQ(f.message.find("external"), std::string::npos) << f.message;
  }
  auto org = run(rules, Language::Python, source, false, {"example.com"});
  ASSERT_EQ(org.size(), 4u);
  EXPECT_EQ(org[0].message, "mails ops@example.com");                       // the domain itself
  EXPECT_EQ(org[1].message, "mails the external address jane.doe@gmail.com");
  EXPECT_EQ(org[2].message, "mails the external address Ops <ops@eu.example.com>, Ext <a@partner.io>");
  EXPECT_EQ(org[3].message, "mails the external address ops@notexample.com");  // not a subdomain
}

TEST(MatchOrgDomains, RefinementChangesTheSeverity) {
  // The rule's severity is error; a refinement to note shows the level comes from the refinement.
  std::string lowered = kRecipientMatcher;
  lowered.replace(lowered.find("\"error\""), 7, "\"note\"");
  RuleSet note_rules = pack({rule("t/send", R"(["python"])", "mails {to}", lowered)});
  auto f = run(note_rules, Language::Python, "m.send('a@gmail.com')\nm.send('b@example.com')\n", false, {"example.com"});
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].level, Severity::Note);
  EXPECT_EQ(f[1].level, Severity::Error);
}

TEST(MatchOrgDomains, InsideComparesHostNamesAndSubdomains) {
  const std::string matcher =
      R"J({"query": "(call arguments: (argument_list . (_) @host))",
           "value": {"capture": "host", "orgDomain": "inside"}})J";
  RuleSet rules = pack({rule("t/relay", R"(["python"])", "relay {host}", matcher)});
  const std::string source =
      "smtplib.SMTP('smtp.example.com', 25)\n"
      "smtplib.SMTP('smtp.gmail.com:587')\n"
      "smtplib.SMTP('MAIL.Example.COM')\n"
      "smtplib.SMTP('localhost')\n"
      "smtplib.SMTP(config.example.com)\n";  // an expression, not a host name
  EXPECT_TRUE(run(rules, Language::Python, source).empty()) << "no organisation: inside never holds";
  auto f = run(rules, Language::Python, source, false, {"example.com"});
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].region.start_line, 1u);
  EXPECT_EQ(f[1].region.start_line, 3u);
}

// "block": a regex group extended to the block it starts (to the close that balances it) or, when it
// does not start with an opener, to the end of one statement; strings and comments (skip) count
// for nothing, and a loop whose block is never closed, or that sits in a comment, is not judged.
std::string loop_rule(const std::string& extra_value = "") {
  return rule("t/loop", R"(["sql"])", "[{body}]",
              R"J({"regex": "(?is)\\bWHILE\\s+x\\s+(?P<body>BEGIN\\b|SET\\b)",
                   "block": {"capture": "body", "skip": "'[^']*'|--[^\\n]*", "open": "(?i)\\b(?:BEGIN|CASE)\\b",
                             "close": "(?i)\\bEND\\b", "end": ";"})J" +
                  extra_value + "}");
}

TEST(MatchBlock, ABlockEndsAtTheEndThatBalancesItsBegin) {
  RuleSet rules = pack({loop_rule()});
  auto findings = run(rules, Language::Sql,
                      "WHILE x BEGIN IF y BEGIN a END; b END; c\n"
                      "WHILE x BEGIN SELECT CASE WHEN d THEN 1 END; 'END' -- END\n"
                      "END e\n");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].message, "[BEGIN IF y BEGIN a END; b END]");
  EXPECT_EQ(findings[1].message, "[BEGIN SELECT CASE WHEN d THEN 1 END; 'END' -- END END]");
  EXPECT_EQ(findings[1].region.start_line, 2u);
  EXPECT_EQ(findings[1].region.end_line, 3u) << "the finding covers the loop";
}

TEST(MatchBlock, AStatementEndsAtItsTerminatorOrTheEndOfTheBlockAroundIt) {
  RuleSet rules = pack({loop_rule()});
  auto findings = run(rules, Language::Sql, "WHILE x SET a = CASE WHEN b THEN 1 END; c;\nBEGIN WHILE x SET d END\n");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].message, "[SET a = CASE WHEN b THEN 1 END]");
  EXPECT_EQ(findings[1].message, "[SET d ]");
}

TEST(MatchBlock, LoopsInCommentsStringsOrNeverClosedAreNotJudged) {
  RuleSet rules = pack({loop_rule()});
  EXPECT_TRUE(run(rules, Language::Sql, "-- WHILE x BEGIN a END\nSELECT 'WHILE x BEGIN b END';\n").empty());
  EXPECT_TRUE(run(rules, Language::Sql, "WHILE x BEGIN a; IF b BEGIN c END\n").empty());
}

TEST(MatchBlock, NestedLoopsAreEachMeasured) {
  RuleSet rules = pack({loop_rule()});
  auto findings = run(rules, Language::Sql, "WHILE x BEGIN WHILE x BEGIN a END; b END\n");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].message, "[BEGIN WHILE x BEGIN a END; b END]");
  EXPECT_EQ(findings[1].message, "[BEGIN a END]");
}

// "strip" blanks string literals and comments before a value check's match / notMatch.
TEST(MatchBlock, StripKeepsStringsAndCommentsOutOfTextTests) {
  RuleSet stripped = pack({loop_rule(R"J(, "value": {"capture": "body", "strip": "'[^']*'|--[^\\n]*", "notMatch": "\\bBREAK\\b"})J")});
  RuleSet plain = pack({loop_rule(R"J(, "value": {"capture": "body", "notMatch": "\\bBREAK\\b"})J")});
  const std::string promise = "WHILE x BEGIN PRINT 'no BREAK'; -- BREAK later\nEND\n";
  EXPECT_EQ(run(stripped, Language::Sql, promise).size(), 1u);
  EXPECT_TRUE(run(plain, Language::Sql, promise).empty());
  EXPECT_TRUE(run(stripped, Language::Sql, "WHILE x BEGIN IF a BREAK; END\n").empty());
}

// A regex matcher with "within" reports only inside the spans another regex matches: here the
// parameters of one procedure call, however many there are, and not the same parameter elsewhere.
TEST(MatchWithin, RegexFindingsMustLieInsideAWithinSpan) {
  const std::string matcher =
      R"J({"regex": "@(?:email_address|username)\\s*=\\s*'(?P<addr>[^']*)'", "report": "addr",
           "within": "(?s)sysmail_add_account_sp\\b[^;]*"})J";
  RuleSet rules = pack({rule("t/account", R"(["sql"])", "{addr}", matcher)});
  const std::string source =
      "EXEC msdb.dbo.sysmail_add_account_sp\n"
      "  @email_address = 'a@gmail.com',\n"
      "  @username = 'b@gmail.com';\n"
      "EXEC dbo.add_customer @email_address = 'c@gmail.com';\n";
  auto findings = run(rules, Language::Sql, source);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].message, "a@gmail.com");
  EXPECT_EQ(findings[1].message, "b@gmail.com");
  EXPECT_TRUE(run(rules, Language::Sql, "EXEC dbo.add_customer @email_address = 'c@gmail.com';\n").empty());
}

TEST(MatchBindings, DefinitionsMayUseDefinitionsButNotInACycle) {
  auto pack_with = [](const std::string& definitions) {
    return R"({"pack": "t", "definitions": )" + definitions + R"(, "rules": [)" +
           rule("t/r", R"(["python"])", "{v}", R"J({"regex": "(?P<v>{{outer}})"})J") + "]}";
  };
  RuleSet rules = RuleSet::load_from_texts({{"t.json", pack_with(R"({"outer": "id-{{inner}}", "inner": "[0-9]+"})")}});
  auto findings = run(rules, Language::Python, "x = 'id-42'\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "id-42");
  try {
    RuleSet::load_from_texts({{"t.json", pack_with(R"({"outer": "{{inner}}", "inner": "{{outer}}"})")}});
    ADD_FAILURE() << "a definition cycle loaded";
  } catch (const RuleLoadError& e) {
    EXPECT_NE(std::string(e.what()).find("cycle"), std::string::npos) << e.what();
  }
}

// An optional binding that finds nothing leaves its name unbound; a refinement that needs it does
// not apply, so the message names only the facts this match has.
TEST(MatchBindings, OptionalBindingAndMessageRefinement) {
  const std::string matcher = R"J({
    "query": "(call function: (attribute attribute: (identifier) @f) (#eq? @f \"SMTP\")) @call",
    "where": [
      {"capture": "call", "inside": ["function_definition"], "as": "fn"},
      {"capture": "fn", "contains": ["call"], "text": "^\\w+\\.login\\(", "as": "login", "optional": true}
    ],
    "refine": [{"value": {"capture": "login"}, "message": "connects and logs in with {login}"}]})J";
  RuleSet rules = pack({rule("t/smtp", R"(["python"])", "connects", matcher)});
  const std::string source =
      "def a():\n"
      "    s = smtplib.SMTP('h')\n"
      "    s.login('u', p)\n"
      "def b():\n"
      "    s = smtplib.SMTP('h')\n";
  auto findings = run(rules, Language::Python, source);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].message, "connects and logs in with s.login('u', p)");
  EXPECT_EQ(findings[0].level, Severity::Error) << "a message-only refinement keeps the rule's severity";
  EXPECT_EQ(findings[1].message, "connects");
}

TEST(MatchBindings, OptionalNeedsAs) {
  const std::string matcher =
      R"J({"query": "(call) @call", "where": [{"capture": "call", "inside": ["function_definition"], "optional": true}]})J";
  try {
    pack({rule("t/x", R"(["python"])", "x", matcher)});
    ADD_FAILURE() << "loaded";
  } catch (const RuleLoadError& e) {
    EXPECT_NE(std::string(e.what()).find("'optional' needs 'as'"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace citizenscan

namespace citizenscan {
namespace {

TEST(MatchChecksums, LuhnIbanAndSsn) {
  EXPECT_TRUE(luhn_valid("4526018159083012"));
  EXPECT_TRUE(luhn_valid("4526 0181 5908 3012"));
  EXPECT_TRUE(luhn_valid("3455-979711-47102"));
  EXPECT_FALSE(luhn_valid("4526018159083013"));    // check digit off by one
  EXPECT_FALSE(luhn_valid("0000000000000000"));    // one repeated digit
  EXPECT_FALSE(luhn_valid("42"));                  // too short for a card
  EXPECT_FALSE(luhn_valid("4526O18159083012"));    // a letter
  EXPECT_TRUE(iban_valid("GB10BARC09679290810033"));
  EXPECT_TRUE(iban_valid("DE38 3100 7728 3783 2661 66"));
  EXPECT_FALSE(iban_valid("GB11BARC09679290810033"));
  EXPECT_FALSE(iban_valid("gb10barc09679290810033"));
  EXPECT_FALSE(iban_valid("GB10"));
  EXPECT_TRUE(us_ssn_valid("531-72-4488"));
  EXPECT_TRUE(us_ssn_valid("531724488"));
  EXPECT_FALSE(us_ssn_valid("000-12-3456"));  // area 000
  EXPECT_FALSE(us_ssn_valid("666-12-3456"));  // area 666
  EXPECT_FALSE(us_ssn_valid("912-12-3456"));  // area 900-999
  EXPECT_FALSE(us_ssn_valid("531-00-4488"));  // group 00
  EXPECT_FALSE(us_ssn_valid("531-72-0000"));  // serial 0000
  EXPECT_FALSE(us_ssn_valid("123-45-6789"));  // the advertising sample
  EXPECT_FALSE(us_ssn_valid("555-55-5555"));
  EXPECT_FALSE(us_ssn_valid("111-22-3333"));  // each group one repeated digit: an example
  EXPECT_TRUE(us_ssn_valid("111-22-3334"));
  EXPECT_FALSE(us_ssn_valid("53-172-4488x"));
}

TEST(MatchChecksums, Crc32Base62TokenTail) {
  // 30 random characters, then their CRC-32 in 6 base62 digits (computed with zlib.crc32).
  EXPECT_TRUE(crc32_base62_valid("Rq7vT2xK9mLp4WnZ8sB1cD6fG3hJ5k0yXdD5"));
  EXPECT_TRUE(crc32_base62_valid("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1yLcDB"));
  EXPECT_FALSE(crc32_base62_valid("Rq7vT2xK9mLp4WnZ8sB1cD6fG3hJ5k0yXdD6"));  // tail off by one
  EXPECT_FALSE(crc32_base62_valid("Sq7vT2xK9mLp4WnZ8sB1cD6fG3hJ5k0yXdD5"));  // body changed
  EXPECT_FALSE(crc32_base62_valid("Rq7vT2xK9mLp4WnZ8sB1cD6fG3hJ5k0yxdd5"));  // case matters
  EXPECT_FALSE(crc32_base62_valid("0yXdD5"));                                // no body
  EXPECT_FALSE(crc32_base62_valid(""));
}

TEST(MatchChecksums, ValueCheckKeepsOnlyValidNumbers) {
  RuleSet rules = pack({rule("t/card", R"(["python"])", "card {number}",
      R"J({"regex": "(?P<number>\\b\\d{4}(?: ?\\d{4}){3}\\b)", "secret": "number", "value": {"checksum": "luhn"}})J")});
  auto findings = run(rules, Language::Python, "a = '4526 0181 5908 3012'\nb = '4526 0181 5908 3013'\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].region.start_line, 1u);
  RuleSet tokens = pack({rule("t/gh", R"(["python"])", "token {body}",
      R"J({"regex": "ghp_(?P<body>[A-Za-z0-9]{36})", "secret": "body", "value": {"checksum": "crc32-base62"}})J")});
  findings = run(tokens, Language::Python,
                 "a = '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'\nb = 'ghp_Rq7vT2xK9mLp4WnZ8sB1cD6fG3hJ5k0yXdD6'\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].region.start_line, 1u);
  EXPECT_THROW(pack({rule("t/x", R"(["python"])", "m",
                          R"J({"regex": "(?P<n>\\d+)", "secret": "n", "value": {"checksum": "crc32"}})J")}),
               RuleLoadError);
}

}  // namespace
}  // namespace citizenscan

namespace citizenscan {
namespace {

TEST(MatchTestSeverity, TestFilesGetTheRulesTestSeverity) {
  RuleSet rules = pack({rule("t/ssn", R"(["python"])", "ssn",
      R"J({"regex": "(?P<n>\\b\\d{3}-\\d{2}-\\d{4}\\b)", "value": {"capture": "n", "checksum": "ssn-valid"}})J",
      R"(, "testSeverity": "note")")});
  const std::string source = "x = '531-72-4488'\n";
  LineIndex lines(source);
  MatchWorkspace workspace;
  std::vector<Finding> out;
  match_file(rules, {0}, MatchInput{source, Language::Python, lines, nullptr, /*test_file=*/true}, {}, workspace, out);
  match_file(rules, {0}, MatchInput{source, Language::Python, lines, nullptr, /*test_file=*/false}, {}, workspace, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].level, Severity::Note);
  EXPECT_EQ(out[1].level, Severity::Error);
}

TEST(MatchBackreferences, ValueCheckComparesWithAnotherCapturesText) {
  // A CTE is recursive when its body names the CTE itself: (?P=name) is the text of @name.
  RuleSet rules = pack({rule("t/recursive", R"(["sql"])", "{name}",
      R"J({"query": "(cte (identifier) @name (statement) @body)", "report": "name",
          "value": {"capture": "body", "match": "(?i)\\b(?P=name)\\b"}})J")});
  const std::string source =
      "WITH RECURSIVE tree AS (SELECT id FROM t UNION ALL SELECT t.id FROM t JOIN tree ON t.parent = tree.id)\n"
      "SELECT * FROM tree;\n"
      "WITH totals AS (SELECT region FROM sales)\n"
      "SELECT * FROM totals;\n";
  auto findings = run(rules, Language::Sql, source);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "tree");
}

TEST(MatchBackreferences, ReferencedTextIsQuotedAndWorksInRegexMatchers) {
  // `@i` holds a regex metacharacter-free name, `x.y` would not: the reference is literal text.
  RuleSet rules = pack({rule("t/while", R"(["sql"])", "{var}",
      R"J({"regex": "(?is)WHILE\\s+(?P<var>[@\\w.]+)\\s*<[^\\n]*\\n(?P<body>.*?)END", "report": "var",
          "value": {"capture": "body", "notMatch": "(?i)SET\\s+(?P=var)\\b"}})J")});
  const std::string source =
      "WHILE @i < 10\nBEGIN\n  INSERT INTO t VALUES (@i);\nEND\n"
      "WHILE @j < 10\nBEGIN\n  SET @j = @j + 1;\nEND\n"
      "WHILE a.b < 10\nBEGIN\n  SET axb = 1;\nEND\n";
  auto findings = run(rules, Language::Sql, source);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].message, "@i");
  EXPECT_EQ(findings[1].message, "a.b");
}

TEST(MatchBackreferences, ReferenceToABoundNameWaitsForTheWhereChecks) {
  // The check is on the query's own @call but refers to loop.left, bound by `where`: it must run
  // after the structural checks, not fail early for want of the name.
  RuleSet rules = pack({rule("t/n1", R"(["python"])", "{call}",
      R"J({"query": "(call) @call", "report": "call",
          "where": [{"capture": "call", "inside": ["for_statement"], "as": "loop"}],
          "value": [{"capture": "call", "match": "execute"},
                    {"capture": "call", "notMatch": "\\.execute\\((?P=loop.left)\\)"}]})J")});
  const std::string source =
      "for statement in script:\n"
      "    cur.execute(statement)\n"
      "for cid in ids:\n"
      "    cur.execute(q, (cid,))\n";
  auto findings = run(rules, Language::Python, source);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].region.start_line, 4u);
}

TEST(MatchBackreferences, UnknownCaptureIsALoadError) {
  const std::string text = R"J({"pack": "t", "rules": [)J" +
      rule("t/x", R"(["python"])", "x", R"J({"query": "(identifier) @name", "value": {"capture": "name", "match": "(?P=nope)"}})J") + "]}";
  try {
    RuleSet::load_from_texts({{"t.json", text}});
    FAIL() << "loaded";
  } catch (const RuleLoadError& e) {
    EXPECT_NE(std::string(e.what()).find("(?P=nope)"), std::string::npos) << e.what();
  }
}

TEST(MatchDefinitions, CallIntoALocalFunctionThatQueries) {
  // One level of calls: a loop calls a function of the same file whose body runs a query.
  RuleSet rules = pack({rule("t/n1", R"(["python"])", "{call.function} queries with {inner}",
      R"J({"query": "(call function: (identifier)) @call", "report": "call",
          "where": [{"capture": "call", "inside": ["for_statement"]},
                    {"capture": "call.function", "definition": ["function_definition"], "as": "callee"},
                    {"capture": "callee", "contains": ["call"], "text": "\\.execute\\(", "as": "inner"}]})J")});
  const std::string source =
      "def report(accounts):\n"
      "    for a in accounts:\n"
      "        tickets(a)\n"
      "        score(a)\n"
      "        undefined_helper(a)\n"
      "def tickets(a):\n"
      "    cur.execute('select 1')\n"
      "def score(a):\n"
      "    return a * 2\n"
      "def tickets(a):\n"
      "    return 0\n";
  auto findings = run(rules, Language::Python, source);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].region.start_line, 3u);
  EXPECT_EQ(findings[0].message, "tickets queries with cur.execute('select 1')");
}

TEST(MatchDefinitions, JavaScriptFunctionDeclarations) {
  RuleSet rules = pack({rule("t/n1", R"(["javascript"])", "{call.function}",
      R"J({"query": "(call_expression function: (identifier)) @call", "report": "call",
          "where": [{"capture": "call", "inside": ["for_in_statement"]},
                    {"capture": "call.function", "definition": ["function_declaration"], "as": "callee"},
                    {"capture": "callee", "contains": ["call_expression"], "text": "\\.query\\("}]})J")});
  const std::string source =
      "async function name(id) { return (await db.query('select', [id])).rows; }\n"
      "function fmt(x) { return String(x); }\n"
      "async function all(ids) { for (const id of ids) { await name(id); fmt(id); } }\n";
  auto findings = run(rules, Language::JavaScript, source);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].region.start_line, 3u);
  EXPECT_EQ(findings[0].message, "name");
}

TEST(MatchDefinitions, DefinitionTakesNoText) {
  const std::string text = R"J({"pack": "t", "rules": [)J" +
      rule("t/x", R"(["python"])", "x",
           R"J({"query": "(call function: (identifier) @f)", "where": [{"capture": "f", "definition": ["function_definition"], "text": "x"}]})J") + "]}";
  EXPECT_THROW(RuleSet::load_from_texts({{"t.json", text}}), RuleLoadError);
}

TEST(MatchEmbedded, SqlInAPythonStringIsParsedAndMatchedInFileOffsets) {
  const std::string text = R"J({"pack": "t",
    "embedded": [{"languages": ["python"], "language": "sql", "report": "sql",
                  "query": "(call function: (attribute attribute: (identifier) @m) arguments: (argument_list . (string (string_content) @sql)) (#eq? @m \"execute\"))"}],
    "rules": [)J" +
      rule("t/delete", R"(["sql"])", "delete from {table}",
           R"J({"query": "(statement (delete) . (from (object_reference) @table) @from) @stmt", "report": "stmt", "where": [{"capture": "from", "notContains": ["where"]}]},
               {"regex": "DELETE", "message": "text"})J") + "]}";
  RuleSet rules = RuleSet::load_from_texts({{"t.json", text}});
  const std::string source =
      "print('DELETE FROM nothing')\n"
      "cur.execute('DELETE FROM a WHERE id = 1')\n"
      "cur.execute(\"DELETE FROM staging\")\n";
  Parser python(Grammar::Python);
  TreePtr tree = python.parse(source, 0).tree;
  LineIndex lines(source);
  MatchWorkspace workspace;
  MatchInput host{source, Language::Python, lines, tree.get()};
  std::vector<EmbeddedRegion> regions;
  find_embedded(rules, host, workspace, regions);
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_EQ(source.substr(regions[1].start, regions[1].end - regions[1].start), "DELETE FROM staging");
  EXPECT_EQ(regions[1].language, Language::Sql);

  Parser sql(Grammar::Sql);
  std::vector<Finding> findings;
  const std::vector<std::uint32_t> all{0};
  for (const EmbeddedRegion& region : regions) {
    ParseOutcome parsed = sql.parse_ranges(source, region.pieces, 0);
    ASSERT_TRUE(parsed.tree);
    MatchInput input{source, Language::Sql, lines, parsed.tree.get(), false, /*embedded=*/true};
    match_file(rules, all, input, {}, workspace, findings);
  }
  // The query matcher finds the DELETE without WHERE at its place in the Python file; the raw-text
  // regex does not run over the host file's text.
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "delete from staging");
  EXPECT_EQ(findings[0].region.start_line, 3u);
  EXPECT_EQ(findings[0].region.start_column, 14u);
  EXPECT_EQ(findings[0].language, Language::Sql);
  // The parser parses whole files again afterwards.
  EXPECT_NE(tree_sexp(sql.parse("DELETE FROM x;", 0).tree.get()).find("(delete"), std::string::npos);
}

TEST(MatchEmbedded, RegionsComeFromTheRulesWalkEvenWhereAnEntryAndARuleShareAQuery) {
  // The embedded entry and the rule write the same query text: one copy of its patterns serves
  // both, a finding for the rule and a region for the entry.
  const std::string query = R"((call function: (attribute attribute: (identifier) @m) arguments: (argument_list . (string (string_content) @sql)) (#eq? @m \"execute\")))";
  const std::string text = R"J({"pack": "t",
    "embedded": [{"languages": ["python"], "language": "sql", "report": "sql", "query": ")J" + query + R"J("}],
    "rules": [)J" + rule("t/execute", R"(["python"])", "execute", R"J({"query": ")J" + query + R"J(", "report": "sql"})J") + "]}";
  RuleSet rules = RuleSet::load_from_texts({{"t.json", text}});
  const std::string source = "def f(cur):\n    cur.execute('SELECT 1')\n    cur.execute(\"DELETE FROM staging\")\n";
  Parser python(Grammar::Python);
  TreePtr tree = python.parse(source, 0).tree;
  LineIndex lines(source);
  MatchWorkspace workspace;
  MatchInput host{source, Language::Python, lines, tree.get()};
  std::vector<EmbeddedRegion> alone;
  find_embedded(rules, host, workspace, alone);
  std::vector<EmbeddedRegion> walked{{1, 2, Language::Sql, {}, {}, 0}};  // stale content is replaced
  MatchOptions options;
  options.embedded_regions = &walked;
  std::vector<Finding> findings;
  match_file(rules, {0}, host, options, workspace, findings);
  ASSERT_EQ(alone.size(), 2u);
  ASSERT_EQ(walked.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(walked[i].start, alone[i].start);
    EXPECT_EQ(walked[i].end, alone[i].end);
    EXPECT_EQ(walked[i].language, Language::Sql);
  }
  EXPECT_EQ(source.substr(walked[0].start, walked[0].end - walked[0].start), "SELECT 1");
  EXPECT_EQ(findings.size(), 2u);
  // A rule the prefilter ruled out gives no finding; the regions are still found.
  findings.clear();
  match_file(rules, {}, host, options, workspace, findings);
  EXPECT_TRUE(findings.empty());
  EXPECT_EQ(walked.size(), 2u);
}

// A pack with one Python and one JavaScript embedded entry that split built strings into pieces
// and holes, and a DELETE/UPDATE-without-WHERE rule on the SQL.
RuleSet pieces_pack() {
  const std::string harmless = R"J("harmless": {"kinds": ["literal"], "text": "(?s)'.*'"}, "separator": ";")J";
  const std::string text = R"J({"pack": "t",
    "embedded": [
      {"languages": ["python"], "language": "sql", "report": "sql",
       "query": "(call function: (attribute attribute: (identifier) @m) arguments: (argument_list . [(string) (concatenated_string) (binary_operator operator: \"+\")] @sql) (#eq? @m \"execute\"))",
       "pieces": {"text": ["string_content"], "through": ["string", "string_start", "string_end", "concatenated_string", "binary_operator"], )J" + harmless + R"J(}},
      {"languages": ["python"], "language": "sql", "report": "sql",
       "query": "(call function: (attribute attribute: (identifier) @m) arguments: (argument_list . (binary_operator left: (string (string_content) @sql) operator: \"%\")) (#eq? @m \"execute\"))",
       "pieces": {"text": ["string_content"], "placeholder": "%%|(%[a-z])", )J" + harmless + R"J(}},
      {"languages": ["javascript"], "language": "sql", "report": "sql",
       "query": "(call_expression function: (member_expression property: (property_identifier) @m) arguments: (arguments . [(string) (template_string) (binary_expression)] @sql) (#eq? @m \"query\"))",
       "pieces": {"text": ["string_fragment"], "through": ["string", "template_string", "binary_expression"], )J" + harmless + R"J(}}],
    "rules": [)J" +
      rule("t/unbounded", R"(["sql"])", "{stmt}",
           R"J({"query": "(statement [(update) (delete)]) @stmt", "where": [{"capture": "stmt", "notContains": ["where"]}]})J") +
      "]}";
  return RuleSet::load_from_texts({{"t.json", text}});
}

std::vector<EmbeddedRegion> regions_of(const RuleSet& rules, Language language, const std::string& source) {
  Parser host(grammar_of(language));
  TreePtr tree = host.parse(source, 0).tree;
  LineIndex lines(source);
  MatchWorkspace workspace;
  MatchInput input{source, language, lines, tree.get()};
  std::vector<EmbeddedRegion> regions;
  find_embedded(rules, input, workspace, regions);
  return regions;
}

std::vector<std::string> texts_of(const std::string& source, const std::vector<ByteRange>& spans) {
  std::vector<std::string> out;
  for (const ByteRange& span : spans) out.push_back(source.substr(span.start, span.end - span.start));
  return out;
}

// Parses each region's pieces, matches the SQL rules on them and drops the findings at holes, as
// the scan does; returns the findings' first lines.
std::vector<std::uint32_t> flagged_lines(const RuleSet& rules, Language language, const std::string& source) {
  LineIndex lines(source);
  MatchWorkspace workspace;
  Parser sql(Grammar::Sql);
  std::vector<Finding> findings;
  for (const EmbeddedRegion& region : regions_of(rules, language, source)) {
    ParseOutcome parsed = sql.parse_ranges(source, region.pieces, 0);
    EXPECT_TRUE(parsed.tree) << parsed.error;
    if (!parsed.tree) continue;
    MatchInput input{source, Language::Sql, lines, parsed.tree.get(), false, /*embedded=*/true};
    const std::size_t first = findings.size();
    match_file(rules, {0}, input, {}, workspace, findings);
    drop_findings_at_holes(rules, region, source, parsed.tree.get(), findings, first);
  }
  std::vector<std::uint32_t> out;
  for (const Finding& f : findings) out.push_back(f.region.start_line);
  return out;
}

TEST(MatchEmbeddedPieces, FStringConcatenationAndEscapesBecomePiecesAndHoles) {
  RuleSet rules = pieces_pack();
  const std::string source =
      "cur.execute(f\"UPDATE t SET a = '{v}' WHERE id = {i}\")\n"
      "cur.execute(\"DELETE FROM \" # the table\n    \"staging\" + suffix)\n"
      "cur.execute(\"UPDATE t SET a = 1\\nWHERE b = 2\")\n"
      "cur.execute(\"UPDATE t SET a = '%s' %% 2\" % v)\n"
      "cur.execute(\"UPDATE t SET a = '%s', b = '%d' WHERE c = %s\" % v)\n";
  const auto regions = regions_of(rules, Language::Python, source);
  ASSERT_EQ(regions.size(), 5u);
  EXPECT_EQ(texts_of(source, regions[0].pieces), (std::vector<std::string>{"UPDATE t SET a = '", "' WHERE id = "}));
  EXPECT_EQ(texts_of(source, regions[0].holes), (std::vector<std::string>{"{v}", "{i}"}));
  EXPECT_EQ(regions[0].entry, 0u);
  // Quotes, the operator and the comment are not part of the value; the operand that is not a
  // literal is a hole.
  EXPECT_EQ(texts_of(source, regions[1].pieces), (std::vector<std::string>{"DELETE FROM ", "staging"}));
  EXPECT_EQ(texts_of(source, regions[1].holes), (std::vector<std::string>{"suffix"}));
  EXPECT_EQ(source.substr(regions[1].start, regions[1].end - regions[1].start),
            "DELETE FROM \" # the table\n    \"staging\" + suffix");
  // An escape sequence inside the text is a hole: `1\nWHERE` would read as `1` then `nWHERE`.
  EXPECT_EQ(texts_of(source, regions[2].pieces), (std::vector<std::string>{"UPDATE t SET a = 1", "WHERE b = 2"}));
  EXPECT_EQ(texts_of(source, regions[2].holes), (std::vector<std::string>{"\\n"}));
  // Placeholders: the first group of each match is a hole; `%%` matches without it and stays text.
  EXPECT_EQ(texts_of(source, regions[3].pieces), (std::vector<std::string>{"UPDATE t SET a = '", "' %% 2"}));
  EXPECT_EQ(texts_of(source, regions[3].holes), (std::vector<std::string>{"%s"}));
  EXPECT_EQ(regions[3].entry, 1u);
  // Several placeholders in one piece: each hole at its own place.
  EXPECT_EQ(texts_of(source, regions[4].pieces),
            (std::vector<std::string>{"UPDATE t SET a = '", "', b = '", "' WHERE c = "}));
  EXPECT_EQ(texts_of(source, regions[4].holes), (std::vector<std::string>{"%s", "%d", "%s"}));
}

TEST(MatchEmbeddedPieces, AStringWithNoKnownTextIsNoRegion) {
  RuleSet rules = pieces_pack();
  EXPECT_TRUE(regions_of(rules, Language::Python, "cur.execute(f\"{sql}\")\ncur.execute(a + b)\n").empty());
  EXPECT_TRUE(regions_of(rules, Language::JavaScript, "pool.query(`${sql}`);\n").empty());
}

TEST(MatchEmbeddedPieces, FindingsStandOnlyWhereNoHoleCouldChangeTheirStatement) {
  RuleSet rules = pieces_pack();
  const std::string python =
      "cur.execute(f\"UPDATE t SET name = '{v}'\")\n"                         // 1: value inside quotes
      "cur.execute(f\"DELETE FROM t {cond}\")\n"                              // 2: could be a WHERE
      "cur.execute(f\"UPDATE t SET a = {v}\")\n"                              // 3: bare value
      "cur.execute(f\"DELETE FROM t WHERE id = {i}; DELETE FROM log\")\n"     // 4: second statement
      "cur.execute(f\"DELETE FROM log; DELETE FROM t WHERE id = {i}\")\n"     // 5: first statement
      "cur.execute(f\"DELETE FROM t{suffix}\")\n"                             // 6: tokens fuse
      "cur.execute(\"UPDATE t SET a = 1\\nWHERE b = 2\")\n"                   // 7: escape between tokens
      "cur.execute(\"UPDATE t SET a = '%s'\" % v)\n"                          // 8: placeholder in quotes
      "cur.execute(\"DELETE FROM %s\" % t)\n"                                 // 9: placeholder as the table
      "cur.execute(\"DELETE FROM \" \"t\")\n"                                 // 10: implicit concatenation
      "cur.execute(\"UPDATE t SET a = '%s', b = '%s'\" % v)\n";                // 11: two placeholders in quotes
  EXPECT_EQ(flagged_lines(rules, Language::Python, python), (std::vector<std::uint32_t>{1, 4, 5, 8, 10, 11}));
  const std::string js =
      "pool.query(`UPDATE t SET plan = '${p}'`);\n"
      "pool.query(`DELETE FROM t ${where}`);\n"
      "pool.query(\"UPDATE t SET a = '\" + v + \"'\");\n"
      "pool.query('DELETE FROM ' + table);\n"
      "pool.query('DELETE FROM t WHERE id = ' + id + '; UPDATE t SET b = 1');\n";
  EXPECT_EQ(flagged_lines(rules, Language::JavaScript, js), (std::vector<std::uint32_t>{1, 3, 5}));
}

TEST(MatchEmbeddedPieces, LoadErrorsNameTheField) {
  const auto load = [](const std::string& pieces) {
    const std::string text = R"J({"pack": "t", "embedded": [{"languages": ["python"], "language": "sql", "report": "s",
      "query": "(string (string_content) @s)", "pieces": )J" + pieces + "}], \"rules\": [" +
        rule("t/x", R"(["sql"])", "x", R"J({"query": "(statement) @s"})J") + "]}";
    try {
      RuleSet::load_from_texts({{"t.json", text}});
    } catch (const RuleLoadError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(load(R"({"through": ["string"]})").find("pieces.text"), std::string::npos);
  EXPECT_NE(load(R"({"text": ["no_such_kind"]})").find("no_such_kind"), std::string::npos);
  EXPECT_NE(load(R"({"text": ["string_content"], "placeholder": "%s"})").find("needs a group"), std::string::npos);
  EXPECT_NE(load(R"({"text": ["string_content"], "harmless": {"kinds": ["string_content"], "text": "."}})")
                .find("sql grammar"),
            std::string::npos);
  EXPECT_NE(load(R"({"text": ["string_content"], "holes": []})").find("unknown field 'holes'"), std::string::npos);
  EXPECT_EQ(load(R"J({"text": ["string_content"], "placeholder": "(%s)", "separator": ";"})J"), "");
}

TEST(MatchEmbedded, EmbeddedLanguageMustHaveAGrammar) {
  const std::string text = R"J({"pack": "t",
    "embedded": [{"languages": ["python"], "language": "env", "query": "(string) @s"}], "rules": []})J";
  EXPECT_THROW(RuleSet::load_from_texts({{"t.json", text}}), RuleLoadError);
}

}  // namespace
}  // namespace citizenscan

namespace citizenscan {
namespace {

// `{@holder?TEMPLATE|FALLBACK}` names the assignment target, keyword argument or key whose value
// holds the finding, through string pieces and concatenation; not through a call's positional
// argument or a comment, and never in a file without a tree.
const std::string kSlackRegex = R"J({"regex": "(?P<secret>xoxb-[0-9]{10}-[A-Za-z0-9]{12})", "secret": "secret"})J";

TEST(MatchHolder, MessageNamesTheHolderOfARegexHit) {
  RuleSet rules = pack({rule("t/slack", R"(["*"])", "{@holder?`%` holds a |A }Slack bot token `{secret}`", kSlackRegex)});
  const std::string token = "xoxb-1234567890-Ab3dE6gH9kLm";
  auto py = run(rules, Language::Python,
                "SLACK_BOT_TOKEN = '" + token + "'\n"
                "client = WebClient(token='" + token + "')\n"
                "cfg = {'slack': 'Bearer ' + '" + token + "'}\n"
                "post('" + token + "')\n"
                "# " + token + "\n"
                "self.bot_token = f'{x}" + token + "'\n");
  ASSERT_EQ(py.size(), 6u);
  EXPECT_EQ(py[0].message, "`SLACK_BOT_TOKEN` holds a Slack bot token `xoxb****`");
  EXPECT_EQ(py[1].message, "`token` holds a Slack bot token `xoxb****`");
  EXPECT_EQ(py[2].message, "`slack` holds a Slack bot token `xoxb****`");
  EXPECT_EQ(py[3].message, "A Slack bot token `xoxb****`") << "a positional argument names no holder";
  EXPECT_EQ(py[4].message, "A Slack bot token `xoxb****`") << "a comment names no holder";
  EXPECT_EQ(py[5].message, "`self.bot_token` holds a Slack bot token `xoxb****`");
  auto js = run(rules, Language::JavaScript,
                "const slackToken = `" + token + "`;\nmodule.exports = { botToken: \"" + token + "\" };\n");
  ASSERT_EQ(js.size(), 2u);
  EXPECT_EQ(js[0].message, "`slackToken` holds a Slack bot token `xoxb****`");
  EXPECT_EQ(js[1].message, "`botToken` holds a Slack bot token `xoxb****`");
  auto env = run(rules, Language::Env, "SLACK_BOT_TOKEN=" + token + "\n");
  ASSERT_EQ(env.size(), 1u);
  EXPECT_EQ(env[0].message, "A Slack bot token `xoxb****`") << "no tree: the fallback";
}

TEST(MatchHolder, PlainHolderAndQueryMatchers) {
  RuleSet rules = pack({rule("t/password", R"(["python"])", "{@holder|nothing} / {@holder}", kPasswordQuery)});
  auto findings = run(rules, Language::Python, "DB_PASSWORD = \"Tr0ub4dor&3xyz\"\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message, "DB_PASSWORD / DB_PASSWORD");
  auto dict_key = value_holder(nullptr, "x", 0, 1);
  EXPECT_FALSE(dict_key.has_value());
}

TEST(MatchHolder, UnknownAtNameIsALoadError) {
  try {
    pack({rule("t/x", R"(["python"])", "{@owner}", kPasswordQuery)});
    FAIL() << "loaded";
  } catch (const RuleLoadError& e) {
    EXPECT_NE(std::string(e.what()).find("{@owner}"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace citizenscan

namespace citizenscan {
namespace {

TEST(MatchBindings, AVariableLeadsToTheValueLastBoundBeforeItInTheSameFunction) {
  RuleSet rules = pack({rule("t/b", R"(["python"])", "{var} holds {field}",
      R"J({"query": "(call function: (identifier) @f arguments: (argument_list (identifier) @var) (#eq? @f \"send\"))",
          "report": "var",
          "where": [{"capture": "var", "binding": ["assignment", "for_statement"], "as": "val"},
                    {"capture": "val", "contains": ["identifier", "attribute", "string"], "text": "ssn", "as": "field"}]})J")});
  const std::string source =
      "payload = {'ssn': 1}\n"              // top level: another scope than run()'s
      "def run(emp, rows):\n"
      "    send(payload)\n"                  // 3: no binding in run
      "    payload = {'name': emp.name}\n"
      "    send(payload)\n"                  // 5: bound, no ssn
      "    payload = {'ssn': emp.ssn}\n"
      "    send(payload)\n"                  // 7: finding
      "    payload = redact(payload)\n"
      "    send(payload)\n"                  // 9: the latest binding holds no ssn
      "    for row in [emp.ssn]:\n"
      "        send(row)\n"                  // 11: finding (the loop's iterable)
      "    def inner():\n"
      "        send(payload)\n"              // 13: nested function: its own scope
      "    send(later)\n"                    // 14: bound only after the use
      "    later = emp.ssn\n"
      "send(payload)\n";                     // 16: top level: the first line
  auto findings = run(rules, Language::Python, source);
  std::vector<std::uint32_t> lines;
  for (const auto& f : findings) lines.push_back(f.region.start_line);
  EXPECT_EQ(lines, (std::vector<std::uint32_t>{7, 11, 16}));
  ASSERT_FALSE(findings.empty());
  EXPECT_EQ(findings[0].message, "payload holds 'ssn'");
}

TEST(MatchBindings, JavaScriptDeclaratorsAssignmentsAndForOf) {
  RuleSet rules = pack({rule("t/b", R"(["javascript"])", "{var}",
      R"J({"query": "(call_expression function: (member_expression) @f arguments: (arguments (identifier) @var) (#eq? @f \"sheet.appendRow\"))",
          "report": "var",
          "where": [{"capture": "var", "binding": ["variable_declarator", "assignment_expression", "for_in_statement"], "as": "val"},
                    {"capture": "val", "contains": ["identifier", "member_expression"], "text": "ssn"}]})J")});
  const std::string source =
      "function a(p) { const row = [p.name, p.ssn]; sheet.appendRow(row); }\n"
      "function b(p) { let row; row = [p.name]; sheet.appendRow(row); }\n"
      "function c(ps) { for (const row of [ssnList]) { sheet.appendRow(row); } }\n";
  auto findings = run(rules, Language::JavaScript, source);
  std::vector<std::uint32_t> lines;
  for (const auto& f : findings) lines.push_back(f.region.start_line);
  EXPECT_EQ(lines, (std::vector<std::uint32_t>{1, 3}));
}

TEST(MatchBindings, BindingTextMustMatchTheValue) {
  RuleSet rules = pack({rule("t/b", R"(["python"])", "{var}",
      R"J({"query": "(call arguments: (argument_list (identifier) @var))", "report": "var",
          "where": [{"capture": "var", "binding": ["assignment"], "text": "^\\{"}]})J")});
  auto findings = run(rules, Language::Python, "a = {}\nb = []\nf(a)\nf(b)\n");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].region.start_line, 3u);
}

}  // namespace
}  // namespace citizenscan

namespace citizenscan {
namespace {

TEST(MatchBindings, NotBindingWithTextPassesWithoutABindingOrWhenTheValueDiffers) {
  RuleSet rules = pack({rule("t/nb", R"(["python"])", "{loop.right}",
      R"J({"query": "(for_statement) @loop", "report": "loop",
          "where": [{"capture": "loop.right", "notBinding": ["assignment"], "text": "^\\[[^\\]]*\\]$"}]})J")});
  const std::string source =
      "def f(rows):\n"
      "    months = ['Jan', 'Feb']\n"
      "    for m in months:\n"          // 3: a list literal bound just before: no finding
      "        pass\n"
      "    for r in rows:\n"            // 5: a parameter: finding
      "        pass\n"
      "    ids = fetch_ids()\n"
      "    for i in ids:\n"             // 8: bound to a call: finding
      "        pass\n";
  auto findings = run(rules, Language::Python, source);
  std::vector<std::uint32_t> lines;
  for (const auto& f : findings) lines.push_back(f.region.start_line);
  EXPECT_EQ(lines, (std::vector<std::uint32_t>{5, 8}));
  const std::string bad = R"J({"pack": "t", "rules": [)J" +
      rule("t/x", R"(["python"])", "x",
           R"J({"query": "(identifier) @v", "where": [{"capture": "v", "notBinding": ["assignment"], "as": "w"}]})J") + "]}";
  EXPECT_THROW(RuleSet::load_from_texts({{"t.json", bad}}), RuleLoadError);
}

}  // namespace
}  // namespace citizenscan

namespace citizenscan {
namespace {

// The rules' queries of a grammar compile into one query, where capture ids follow the whole
// text. Each matcher still numbers its captures in the order of its own text: here the second
// rule's first capture is @target, although @value came first in the combined text, so the
// default report location is the identifier, and its message and predicates see its own names.
TEST(CombinedQuery, EachMatcherKeepsItsOwnCaptureOrder) {
  RuleSet rules = pack({rule("t/value", R"(["python"])", "value {value}", R"J({"query": "(string) @value"})J"),
                        rule("t/target", R"(["python"])", "{target} = {value}",
                             R"J({"query": "(assignment left: (identifier) @target right: (string) @value (#eq? @target \"name\"))"})J")});
  auto findings = run(rules, Language::Python, "name = 'a'\nother = 'b'\n");
  std::vector<std::string> seen;
  for (const Finding& f : findings) {
    seen.push_back(f.rule_id + "@" + std::to_string(f.region.start_line) + ":" + std::to_string(f.region.start_column) +
                   " " + f.message);
  }
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(seen, (std::vector<std::string>{"t/target@1:1 name = 'a'", "t/value@1:8 value 'a'", "t/value@2:9 value 'b'"}));
}

// Two rules with the same query text share its patterns; each gets the match with its own checks.
TEST(CombinedQuery, RulesWithTheSameQueryEachGetTheMatch) {
  const std::string query = R"J({"query": "(call function: (identifier) @fn) @call", "report": "fn")J";
  RuleSet rules = pack({rule("t/a", R"(["python"])", "a {fn}", query + R"J(, "value": {"capture": "fn", "match": "^ev"}})J"),
                        rule("t/b", R"(["python"])", "b {fn}", query + R"J(, "value": {"capture": "fn", "match": "^ex"}})J")});
  auto findings = run(rules, Language::Python, "eval(x)\nexec(y)\nprint(z)\n");
  ASSERT_EQ(findings.size(), 2u);
  std::sort(findings.begin(), findings.end(), [](const Finding& x, const Finding& y) { return x.message < y.message; });
  EXPECT_EQ(findings[0].message, "a eval");
  EXPECT_EQ(findings[1].message, "b exec");
}

}  // namespace
}  // namespace citizenscan

namespace citizenscan {
namespace {

// A name the function never binds is read from the scope around it (module level), unless a
// parameter of the function has that name; a binding anywhere in the function keeps it local.
TEST(MatchBindings, AnUnboundNameIsLookedUpInTheEnclosingScopes) {
  RuleSet rules = pack({rule("t/client", R"(["javascript"])", "{client}",
      R"J({"query": "(call_expression function: (member_expression object: (identifier) @client)) @call", "report": "call",
          "where": [{"capture": "client", "binding": ["variable_declarator", "assignment_expression"], "text": "^axios\\.create\\("}]})J")});
  const std::string source =
      "const crm = axios.create({ baseURL: 'x' });\n"
      "function a() { crm.post('/n'); }\n"                          // 2: module-level binding
      "function b(crm) { crm.post('/n'); }\n"                       // 3: a parameter hides it
      "function c() { const crm = makeClient(); crm.post('/n'); }\n"  // 4: bound locally to something else
      "function d() { return () => crm.get('/t'); }\n"              // 5: two functions out
      "function e() { crm.get('/t'); let crm = 1; }\n";             // 6: local binding only after the use
  EXPECT_EQ(start_lines(run(rules, Language::JavaScript, source)), (std::vector<std::uint32_t>{2, 5}));
}

// `before`: contains / notContains only count descendants that end before a capture starts;
// `text` on inside / notInside: the ancestor must also match it.
TEST(MatchBindings, ContainsBeforeACaptureAndInsideWithText) {
  RuleSet rules = pack({rule("t/guard", R"(["python"])", "{call}",
      R"J({"query": "(call function: (attribute attribute: (identifier) @m (#eq? @m \"geocode\"))) @call", "report": "call",
          "where": [{"capture": "call", "inside": ["for_statement"], "as": "loop"},
                    {"capture": "loop.body", "notContains": ["if_statement"], "text": "in seen", "before": "call"},
                    {"capture": "call", "notInside": ["if_statement"], "text": "^if \\w+ not in cache"}]})J")});
  const std::string source =
      "for a in rows:\n"
      "    if a in seen:\n"
      "        continue\n"
      "    g.geocode(a)\n"          // 4: skipped when seen: no finding
      "for a in rows:\n"
      "    r = g.geocode(a)\n"      // 6: the test comes after the call: finding
      "    if r in seen:\n"
      "        continue\n"
      "for a in rows:\n"
      "    if a not in cache:\n"
      "        g.geocode(a)\n"      // 11: only on a miss: no finding
      "    if a not in other:\n"
      "        g.geocode(a)\n";     // 13: finding
  EXPECT_EQ(start_lines(run(rules, Language::Python, source)), (std::vector<std::uint32_t>{6, 13}));
  const auto bad = [](const std::string& where) {
    return R"J({"pack": "t", "rules": [)J" +
           rule("t/x", R"(["python"])", "x", R"J({"query": "(call) @c", "where": [)J" + where + "]}") + "]}";
  };
  EXPECT_THROW(RuleSet::load_from_texts({{"t.json", bad(R"({"capture": "c", "inside": ["block"], "before": "c"})")}}),
               RuleLoadError);
  EXPECT_THROW(RuleSet::load_from_texts({{"t.json", bad(R"({"capture": "c", "contains": ["call"], "before": "nope"})")}}),
               RuleLoadError);
}

}  // namespace
}  // namespace citizenscan
