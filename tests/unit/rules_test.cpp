// Rule pack loading: every way a pack can be broken fails with the file, the rule and the reason.
#include <gtest/gtest.h>

#include "citizenscan/rules.h"
#include "rules/compiled.h"

namespace citizenscan {
namespace {

std::string pack_with_matcher(const std::string& matcher, const std::string& languages = R"(["python"])") {
  return R"({"pack": "demo", "rules": [{
    "id": "demo/thing", "name": "Thing", "shortDescription": "s", "fullDescription": "f",
    "help": "h", "severity": "warning", "securitySeverity": 5.0, "precision": "high",
    "languages": )" + languages + R"(, "message": "found {name}", "matchers": [)" + matcher + "]}]}";
}

std::string load_error(const std::string& text) {
  try {
    RuleSet::load_from_texts({{"packs/demo.json", text}});
  } catch (const RuleLoadError& e) {
    return e.what();
  }
  return "(loaded)";
}

TEST(Rules, BuiltinPacksLoadWithUniqueIdsAndCompleteMetadata) {
  RuleSet rules = RuleSet::load_builtin_and({});
  ASSERT_FALSE(rules.infos().empty());
  std::set<std::string> ids;
  for (const RuleInfo& info : rules.infos()) {
    EXPECT_TRUE(ids.insert(info.id).second) << info.id;
    EXPECT_FALSE(info.help_markdown.empty()) << info.id;
    EXPECT_FALSE(info.short_description.empty()) << info.id;
    EXPECT_FALSE(info.languages.empty()) << info.id;
  }
}

TEST(Rules, ValidPackLoads) {
  RuleSet rules = RuleSet::load_from_texts(
      {{"demo.json", pack_with_matcher(R"J({"query": "(identifier) @name"})J")}});
  ASSERT_EQ(rules.infos().size(), 1u);
  EXPECT_EQ(rules.infos()[0].id, "demo/thing");
  EXPECT_NE(rules.find("demo/thing"), nullptr);
}

TEST(Rules, MalformedJsonNamesTheFile) {
  const std::string error = load_error("{\"pack\": ");
  EXPECT_NE(error.find("packs/demo.json"), std::string::npos) << error;
  EXPECT_NE(error.find("malformed JSON"), std::string::npos) << error;
}

// nlohmann reports a number it cannot hold as out_of_range, not parse_error; it escaped the loader
// without the file's name (same cause as Config.NumberTooLargeIsAConfigErrorNamingTheFile).
TEST(Rules, NumberTooLargeIsMalformedJsonNamingTheFile) {
  const std::string error = load_error(R"({"pack": "demo", "rules": [], "n": 1E400})");
  EXPECT_NE(error.find("packs/demo.json"), std::string::npos) << error;
  EXPECT_NE(error.find("malformed JSON"), std::string::npos) << error;
  EXPECT_NE(error.find("number overflow parsing '1E400'"), std::string::npos) << error;
}

TEST(Rules, QuerySyntaxErrorGivesRuleAndOffset) {
  const std::string error = load_error(pack_with_matcher(R"J({"query": "(identifier @name"})J"));
  EXPECT_NE(error.find("rule demo/thing"), std::string::npos) << error;
  EXPECT_NE(error.find("byte offset"), std::string::npos) << error;
}

// Only-built-in loads compile queries per grammar and regexes per rule on first use; this compiles
// all of them, so a broken built-in query or pattern fails here rather than in a user's scan.
TEST(Rules, BuiltinQueriesAndRegexesAllCompile) {
  RuleSet rules = RuleSet::load_builtin_and({});
  EXPECT_NO_THROW(rules.compile_matchers());
  // ... and each grammar's into one combined query (not the slower one-by-one fallback).
  for (const Grammar grammar : {Grammar::Python, Grammar::JavaScript, Grammar::Sql}) {
    EXPECT_NE(detail::combined_query(rules.compiled(), grammar).query, nullptr) << grammar_name(grammar);
  }
}

// All matchers of a grammar compile as one query; an error is still reported in the matcher that
// has it, at the offset in that matcher's own text.
TEST(Rules, QueryErrorInTheSecondMatcherNamesItWithItsOwnOffset) {
  const std::string error = load_error(pack_with_matcher(R"J({"query": "(identifier) @name"}, {"query": "(call (nope) @name)"})J"));
  EXPECT_NE(error.find("matchers[1].query[python]"), std::string::npos) << error;
  EXPECT_NE(error.find("unknown node type at byte offset 7 of the query"), std::string::npos) << error;
}

TEST(Rules, UnknownNodeKindInQuery) {
  const std::string error = load_error(pack_with_matcher(R"J({"query": "(no_such_node) @name"})J"));
  EXPECT_NE(error.find("unknown node type"), std::string::npos) << error;
}

TEST(Rules, UnknownPredicateIsRejected) {
  const std::string error =
      load_error(pack_with_matcher(R"J({"query": "((identifier) @name (#lua-match? @name \"x\"))"})J"));
  EXPECT_NE(error.find("unknown predicate #lua-match?"), std::string::npos) << error;
}

TEST(Rules, PredicateArgumentCountIsChecked) {
  const std::string error =
      load_error(pack_with_matcher(R"J({"query": "((identifier) @name (#eq? @name \"a\" \"b\"))"})J"));
  EXPECT_NE(error.find("exactly two arguments"), std::string::npos) << error;
}

TEST(Rules, InvalidRegexInPredicate) {
  const std::string error =
      load_error(pack_with_matcher(R"J({"query": "((identifier) @name (#match? @name \"(unclosed\"))"})J"));
  EXPECT_NE(error.find("invalid RE2 pattern"), std::string::npos) << error;
}

TEST(Rules, InvalidRegexMatcher) {
  const std::string error = load_error(pack_with_matcher(R"J({"regex": "a(?P<name>b"})J"));
  EXPECT_NE(error.find("invalid RE2 pattern"), std::string::npos) << error;
}

TEST(Rules, BackreferencesAreRejectedSoMatchingStaysLinear) {
  const std::string error = load_error(pack_with_matcher(R"J({"regex": "(?P<name>a)\\1"})J"));
  EXPECT_NE(error.find("invalid RE2 pattern"), std::string::npos) << error;
}

TEST(Rules, UnknownFieldIsRejected) {
  const std::string error = load_error(pack_with_matcher(R"J({"query": "(identifier) @name", "sevrity": 1})J"));
  EXPECT_NE(error.find("unknown field 'sevrity'"), std::string::npos) << error;
}

TEST(Rules, MessageCaptureMustExist) {
  const std::string error = load_error(pack_with_matcher(R"J({"query": "(identifier) @other"})J"));
  EXPECT_NE(error.find("unknown capture '{name}'"), std::string::npos) << error;
}

TEST(Rules, UnknownNodeKindInStructuralCheck) {
  const std::string error = load_error(pack_with_matcher(
      R"J({"query": "(identifier) @name", "where": [{"capture": "name", "inside": ["for_loop_statement"]}]})J"));
  EXPECT_NE(error.find("node kind 'for_loop_statement' does not exist"), std::string::npos) << error;
}

TEST(Rules, DuplicateIdsAcrossPacks) {
  const std::string pack = pack_with_matcher(R"J({"query": "(identifier) @name"})J");
  try {
    RuleSet::load_from_texts({{"a.json", pack}, {"b.json", pack}});
    FAIL() << "duplicate ids loaded";
  } catch (const RuleLoadError& e) {
    EXPECT_NE(std::string(e.what()).find("duplicate rule id (also in a.json)"), std::string::npos) << e.what();
  }
}

TEST(Rules, IdMustBelongToPack) {
  std::string pack = pack_with_matcher(R"J({"query": "(identifier) @name"})J");
  pack.replace(pack.find("demo/thing"), 10, "other/thing");
  EXPECT_NE(load_error(pack).find("id must be 'demo/"), std::string::npos);
}

TEST(Rules, UnknownLanguage) {
  const std::string error = load_error(pack_with_matcher(R"J({"regex": "(?P<name>x)"})J", R"(["cobol"])"));
  EXPECT_NE(error.find("unknown language 'cobol'"), std::string::npos) << error;
}

TEST(Rules, QueryNeedsAGrammarLanguage) {
  const std::string error = load_error(pack_with_matcher(R"J({"query": "(identifier) @name"})J", R"(["env"])"));
  EXPECT_NE(error.find("needs at least one language with a grammar"), std::string::npos) << error;
}

TEST(Rules, OrgDomainMustBeOutsideOrInside) {
  const std::string error = load_error(pack_with_matcher(
      R"J({"query": "(identifier) @name", "value": {"capture": "name", "orgDomain": "external"}})J"));
  EXPECT_NE(error.find("demo/thing"), std::string::npos) << error;
  EXPECT_NE(error.find("orgDomain: must be \"outside\" or \"inside\""), std::string::npos) << error;
}

TEST(Rules, RefinementNeedsValueAndAKnownSeverity) {
  const std::string no_value = load_error(
      pack_with_matcher(R"J({"query": "(identifier) @name", "refine": [{"severity": "error"}]})J"));
  EXPECT_NE(no_value.find("refine[0]: needs 'value'"), std::string::npos) << no_value;
  const std::string bad_severity = load_error(pack_with_matcher(
      R"J({"query": "(identifier) @name", "refine": [{"value": {"capture": "name", "orgDomain": "outside"}, "severity": "high"}]})J"));
  EXPECT_NE(bad_severity.find("severity must be error, warning or note"), std::string::npos) << bad_severity;
  const std::string bad_capture = load_error(pack_with_matcher(
      R"J({"query": "(identifier) @name", "refine": [{"value": {"capture": "name"}, "severity": "error", "message": "{nope}"}]})J"));
  EXPECT_NE(bad_capture.find("unknown capture '{nope}'"), std::string::npos) << bad_capture;
}

TEST(Rules, WithinIsForRegexMatchersAndMustCompile) {
  const std::string on_query = load_error(pack_with_matcher(R"J({"query": "(identifier) @name", "within": "x"})J"));
  EXPECT_NE(on_query.find("'within' applies to regex matchers"), std::string::npos) << on_query;
  const std::string bad = load_error(pack_with_matcher(R"J({"regex": "(?P<name>x)", "within": "(unclosed"})J"));
  EXPECT_NE(bad.find("within"), std::string::npos) << bad;
  EXPECT_NE(bad.find("invalid RE2 pattern"), std::string::npos) << bad;
}

TEST(Rules, BlockIsForRegexMatchersWithAGroupAndOpenAndClose) {
  const std::string on_query = load_error(pack_with_matcher(
      R"J({"query": "(identifier) @name", "block": {"capture": "name", "open": "a", "close": "b"}})J"));
  EXPECT_NE(on_query.find("'block' applies to regex matchers"), std::string::npos) << on_query;
  const std::string no_group = load_error(pack_with_matcher(
      R"J({"regex": "(?P<name>x)", "block": {"capture": "body", "open": "a", "close": "b"}})J"));
  EXPECT_NE(no_group.find("(?P<body>...)"), std::string::npos) << no_group;
  const std::string no_close = load_error(pack_with_matcher(
      R"J({"regex": "(?P<name>x)", "block": {"capture": "name", "open": "a"}})J"));
  EXPECT_NE(no_close.find("close"), std::string::npos) << no_close;
  const std::string bad = load_error(pack_with_matcher(
      R"J({"regex": "(?P<name>x)", "block": {"capture": "name", "open": "a", "close": "b", "skip": "(unclosed"}})J"));
  EXPECT_NE(bad.find("block.skip"), std::string::npos) << bad;
  EXPECT_NE(bad.find("invalid RE2 pattern"), std::string::npos) << bad;
  const std::string unknown = load_error(pack_with_matcher(
      R"J({"regex": "(?P<name>x)", "block": {"capture": "name", "open": "a", "close": "b", "nest": "c"}})J"));
  EXPECT_NE(unknown.find("nest"), std::string::npos) << unknown;
}

TEST(Rules, StripNeedsATextTestAndMustCompile) {
  const std::string alone = load_error(pack_with_matcher(R"J({"regex": "(?P<name>x)", "value": {"capture": "name", "strip": "'[^']*'"}})J"));
  EXPECT_NE(alone.find("'strip' needs a 'match' or 'notMatch'"), std::string::npos) << alone;
  const std::string bad = load_error(
      pack_with_matcher(R"J({"regex": "(?P<name>x)", "value": {"capture": "name", "strip": "(unclosed", "notMatch": "y"}})J"));
  EXPECT_NE(bad.find("strip"), std::string::npos) << bad;
  EXPECT_NE(bad.find("invalid RE2 pattern"), std::string::npos) << bad;
}

}  // namespace
}  // namespace citizenscan
