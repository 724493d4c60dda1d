// Loads rule packs (JSON) into CompiledRules, validating everything before any scan starts.
// Format: docs/rule-format.md.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "rules/compiled.h"

namespace citizenscan {
namespace {
void compile_rule_regexes(const detail::CompiledRules& rules, std::uint32_t index);
void compile_grammar(const detail::CompiledRules& rules, Grammar grammar, detail::CombinedQuery& combined);
}  // namespace

namespace detail {

const CombinedQuery& combined_query(const CompiledRules& rules, Grammar grammar) {
  const GrammarInfo& info = rules.grammars[static_cast<std::size_t>(grammar)];
  std::call_once(info.once, [&] {
    try {
      compile_grammar(rules, grammar, info.combined);
    } catch (...) {
      info.error = std::current_exception();
    }
  });
  if (info.error) std::rethrow_exception(info.error);
  return info.combined;
}

void compile_regexes(const CompiledRules& rules, std::uint32_t index) {
  std::call_once(rules.regex_once[index], [&] {
    try {
      compile_rule_regexes(rules, index);
    } catch (...) {
      rules.regex_error[index] = std::current_exception();
    }
  });
  if (rules.regex_error[index]) std::rethrow_exception(rules.regex_error[index]);
}

void compile_all_matchers(const CompiledRules& rules) {
  for (const Grammar grammar : {Grammar::Python, Grammar::JavaScript, Grammar::Sql}) combined_query(rules, grammar);
  for (std::uint32_t index = 0; index < rules.rules.size(); ++index) compile_regexes(rules, index);
}

bool CompiledRule::needs_tree(Language language) const {
  const Grammar grammar = grammar_of(language);
  if (grammar == Grammar::None) return false;
  return std::any_of(queries.begin(), queries.end(), [&](const QueryMatcher& q) {
    return q.grammar == grammar && (q.languages & language_bit(language)) != 0;
  });
}

}  // namespace detail

namespace {

using nlohmann::json;
using detail::CompiledRule;
using detail::CompiledRules;
using detail::LanguageMask;
using detail::MessagePart;
using detail::Predicate;
using detail::QueryMatcher;
using detail::RegexMatcher;
using detail::StructuralCheck;
using detail::ValueCheck;

// Where we are, for error messages: "rules/pii.json: rule pii/ssn-column: matchers[1].query: ...".
struct Context {
  std::string source;
  std::string rule_id;
  const std::map<std::string, std::string>* definitions = nullptr;  // pack "definitions"
  std::map<std::string, std::shared_ptr<const RE2>>* regex_cache = nullptr;
  const std::map<std::string, std::shared_ptr<const detail::LabelTable>>* labels = nullptr;  // pack "labels"
  [[noreturn]] void fail(const std::string& where, const std::string& problem) const {
    std::string message = source;
    if (!rule_id.empty()) message += ": rule " + rule_id;
    if (!where.empty()) message += ": " + where;
    throw RuleLoadError(message + ": " + problem);
  }
};

void check_keys(const Context& ctx, const std::string& where, const json& object,
                std::initializer_list<std::string_view> allowed) {
  if (!object.is_object()) ctx.fail(where, "expected an object");
  for (const auto& [key, value] : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      ctx.fail(where, "unknown field '" + key + "'");
    }
  }
}

std::string get_string(const Context& ctx, const std::string& where, const json& object,
                       const char* key, bool required) {
  auto it = object.find(key);
  if (it == object.end()) {
    if (required) ctx.fail(where, std::string("missing required field '") + key + "'");
    return {};
  }
  if (it->is_string()) return it->get<std::string>();
  // Long texts (help) may be written as an array of lines.
  if (it->is_array() && std::all_of(it->begin(), it->end(), [](const json& v) { return v.is_string(); })) {
    std::string joined;
    for (const auto& line : *it) {
      if (!joined.empty()) joined += '\n';
      joined += line.get<std::string>();
    }
    return joined;
  }
  ctx.fail(where, std::string("field '") + key + "' must be a string");
}

std::vector<std::string> get_strings(const Context& ctx, const std::string& where, const json& object,
                                     const char* key) {
  std::vector<std::string> out;
  auto it = object.find(key);
  if (it == object.end()) return out;
  if (!it->is_array()) ctx.fail(where, std::string("field '") + key + "' must be an array of strings");
  for (const auto& v : *it) {
    if (!v.is_string()) ctx.fail(where, std::string("field '") + key + "' must be an array of strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

// "literals": ["a", "b"] is one group (any of them); [["for", "while"], ["execute", "query"]] is
// several, all of which must have a literal in the file.
Prefilter::LiteralGroups get_literal_groups(const Context& ctx, const json& rule) {
  Prefilter::LiteralGroups groups;
  auto it = rule.find("literals");
  if (it == rule.end()) return groups;
  const char* shape = "field 'literals' must be an array of strings (any of them) or an array of non-empty arrays of "
                      "strings (all groups, any literal of each)";
  if (!it->is_array()) ctx.fail("", shape);
  if (!it->empty() && it->front().is_array()) {
    for (const auto& group : *it) {
      if (!group.is_array() || group.empty()) ctx.fail("", shape);
      auto& strings = groups.emplace_back();
      for (const auto& v : group) {
        if (!v.is_string() || v.get<std::string>().empty()) ctx.fail("", shape);
        strings.push_back(v.get<std::string>());
      }
    }
    if (groups.size() > Prefilter::kMaxGroups) {
      ctx.fail("", "at most " + std::to_string(Prefilter::kMaxGroups) + " literal groups");
    }
    return groups;
  }
  std::vector<std::string> any;
  for (const auto& v : *it) {
    if (!v.is_string() || v.get<std::string>().empty()) ctx.fail("", shape);
    any.push_back(v.get<std::string>());
  }
  if (!any.empty()) groups.push_back(std::move(any));
  return groups;
}

// Replaces {{name}} with the pack's definition of name, so a long name list is written once.
// Definitions may use other definitions; a cycle is an error.
std::string expand(const Context& ctx, const std::string& where, const std::string& text, int depth = 0) {
  if (depth > 16) ctx.fail(where, "{{definitions}} refer to each other in a cycle (or nest deeper than 16)");
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t open = text.find("{{", pos);
    if (open == std::string::npos) break;
    const std::size_t close = text.find("}}", open + 2);
    if (close == std::string::npos) break;
    const std::string name = text.substr(open + 2, close - open - 2);
    const bool identifier = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
    if (!identifier) {  // not a reference (e.g. "{{ var }}" inside a regex): keep it as written
      out += text.substr(pos, close + 2 - pos);
      pos = close + 2;
      continue;
    }
    const auto it = ctx.definitions ? ctx.definitions->find(name) : decltype(ctx.definitions->end()){};
    if (!ctx.definitions || it == ctx.definitions->end()) ctx.fail(where, "{{" + name + "}} is not in the pack's definitions");
    out += text.substr(pos, open - pos);
    out += expand(ctx, where, it->second, depth + 1);
    pos = close + 2;
  }
  out += text.substr(pos);
  return out;
}

// RE2 objects are immutable and thread-safe: one compiled regex per distinct pattern in a load.
std::shared_ptr<const RE2> compile_regex(const Context& ctx, const std::string& where,
                                         const std::string& raw_pattern) {
  const std::string pattern = expand(ctx, where, raw_pattern);
  if (ctx.regex_cache) {
    auto it = ctx.regex_cache->find(pattern);
    if (it != ctx.regex_cache->end()) return it->second;
  }
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<const RE2>(pattern, options);
  if (!re->ok()) {
    ctx.fail(where, "invalid RE2 pattern '" + pattern + "': " + re->error() +
                        (re->error_arg().empty() ? "" : " (at '" + re->error_arg() + "')"));
  }
  if (ctx.regex_cache) ctx.regex_cache->emplace(pattern, re);
  return re;
}

LanguageMask parse_languages(const Context& ctx, const std::string& where,
                             const std::vector<std::string>& names) {
  LanguageMask mask = 0;
  for (const auto& name : names) {
    if (name == "*") return ~LanguageMask{0};
    if (name == "text") {  // every language without a grammar
      for (int i = 0; i < kLanguageCount; ++i) {
        if (grammar_of(static_cast<Language>(i)) == Grammar::None) mask |= LanguageMask{1} << i;
      }
      continue;
    }
    auto language = language_from_name(name);
    if (!language) ctx.fail(where, "unknown language '" + name + "'");
    mask |= detail::language_bit(*language);
  }
  return mask;
}

std::vector<Language> mask_languages(LanguageMask mask) {
  std::vector<Language> out;
  for (int i = 0; i < kLanguageCount; ++i) {
    if (mask & (LanguageMask{1} << i)) out.push_back(static_cast<Language>(i));
  }
  return out;
}

// Capture lookup shared by queries (capture names) and regexes (named groups).
using CaptureResolver = std::function<int(const std::string&)>;

MessagePart literal_part(std::string text) {
  MessagePart part;
  part.literal = std::move(text);
  return part;
}

std::vector<MessagePart> parse_message(const Context& ctx, const std::string& where,
                                       const std::string& text, const CaptureResolver& resolve) {
  std::vector<MessagePart> parts;
  std::string literal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      const std::size_t close = text.find('}', i);
      if (close == std::string::npos) ctx.fail(where, "unclosed '{' in message");
      std::string name = text.substr(i + 1, close - i - 1);
      if (name.starts_with("@")) {
        MessagePart part;
        part.holder = true;
        const std::size_t question = name.find('?');
        const std::size_t bar = name.find('|', question == std::string::npos ? 0 : question);
        const std::string key = name.substr(0, std::min(question, bar));
        if (key != "@holder") ctx.fail(where, "message refers to unknown name '{" + key + "}' (known: {@holder})");
        if (question != std::string::npos) part.holder_template = name.substr(question + 1, bar == std::string::npos ? std::string::npos : bar - question - 1);
        if (bar != std::string::npos) part.holder_fallback = name.substr(bar + 1);
        if (!literal.empty()) parts.push_back(literal_part(std::move(literal)));
        literal.clear();
        parts.push_back(std::move(part));
        i = close;
        continue;
      }
      std::shared_ptr<const detail::LabelTable> labels;
      if (const std::size_t bar = name.find('|'); bar != std::string::npos) {
        const std::string table = name.substr(bar + 1);
        name = name.substr(0, bar);
        const auto it = ctx.labels ? ctx.labels->find(table) : decltype(ctx.labels->end()){};
        if (!ctx.labels || it == ctx.labels->end()) ctx.fail(where, "message uses labels '" + table + "', which the pack does not define");
        labels = it->second;
      }
      const int capture = resolve(name);
      if (capture < 0) ctx.fail(where, "message refers to unknown capture '{" + name + "}'");
      if (!literal.empty()) parts.push_back(literal_part(std::move(literal)));
      literal.clear();
      MessagePart part;
      part.capture = capture;
      part.labels = std::move(labels);
      parts.push_back(std::move(part));
      i = close;
    } else {
      literal += text[i];
    }
  }
  if (!literal.empty()) parts.push_back(literal_part(std::move(literal)));
  return parts;
}

// `(?P=name)` in a value-check pattern refers to another capture's text, filled in per match
// (RE2 has no backreferences). Null when the pattern has none. The pattern is compiled once here
// with a stand-in for each reference, so a syntax error is reported at load time.
std::shared_ptr<const detail::RegexTemplate> parse_backreferences(const Context& ctx, const std::string& where,
                                                                  const std::string& pattern,
                                                                  const CaptureResolver& resolve) {
  static constexpr std::string_view kOpen = "(?P=";
  if (pattern.find(kOpen) == std::string::npos) return nullptr;
  auto out = std::make_shared<detail::RegexTemplate>();
  std::string piece, trial;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern.compare(i, kOpen.size(), kOpen) == 0) {
      const std::size_t close = pattern.find(')', i);
      if (close == std::string::npos) ctx.fail(where, "unclosed '(?P=' in '" + pattern + "'");
      const std::string name = pattern.substr(i + kOpen.size(), close - i - kOpen.size());
      const int capture = resolve(name);
      if (capture < 0) ctx.fail(where, "backreference (?P=" + name + ") names no capture");
      out->pieces.push_back(std::move(piece));
      out->captures.push_back(capture);
      piece.clear();
      trial += "x";
      i = close + 1;
      continue;
    }
    piece += pattern[i];
    trial += pattern[i];
    ++i;
  }
  out->pieces.push_back(std::move(piece));
  RE2::Options options;
  options.set_log_errors(false);
  const RE2 re(trial, options);
  if (!re.ok()) ctx.fail(where, "invalid RE2 pattern '" + pattern + "': " + re.error());
  return out;
}

std::vector<ValueCheck> parse_value_checks(const Context& ctx, const std::string& where,
                                           const json& matcher, const CaptureResolver& resolve,
                                           int default_capture) {
  std::vector<ValueCheck> checks;
  auto it = matcher.find("value");
  if (it == matcher.end()) return checks;
  if (!it->is_object() && !it->is_array()) ctx.fail(where + ".value", "must be a check object or an array of them");
  const json list = it->is_array() ? *it : json::array({*it});
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& v = list[i];
    const std::string here = where + ".value" + (it->is_array() ? "[" + std::to_string(i) + "]" : "");
    check_keys(ctx, here, v,
               {"capture", "minLength", "maxLength", "minEntropy", "rejectPlaceholders", "match",
                "notMatch", "orgDomain", "checksum", "strip"});
    ValueCheck check;
    const std::string capture = get_string(ctx, here, v, "capture", false);
    check.capture = capture.empty() ? default_capture : resolve(capture);
    if (check.capture < 0) ctx.fail(here, "value check needs a capture ('capture' or the matcher's 'secret')");
    try {
      check.min_length = v.value("minLength", std::size_t{0});
      check.max_length = v.value("maxLength", SIZE_MAX);
      check.min_entropy = v.value("minEntropy", 0.0);
      check.reject_placeholders = v.value("rejectPlaceholders", false);
    } catch (const json::exception& e) {
      ctx.fail(here, std::string("wrong type: ") + e.what());
    }
    if (v.contains("checksum")) {
      const std::string name = get_string(ctx, here, v, "checksum", true);
      if (name == "luhn") check.checksum = ValueCheck::Checksum::Luhn;
      else if (name == "iban-mod97") check.checksum = ValueCheck::Checksum::Iban;
      else if (name == "ssn-valid") check.checksum = ValueCheck::Checksum::Ssn;
      else if (name == "crc32-base62") check.checksum = ValueCheck::Checksum::Crc32Base62;
      else ctx.fail(here, "checksum must be luhn, iban-mod97, ssn-valid or crc32-base62, not '" + name + "'");
    }
    if (v.contains("strip")) {
      if (!v.contains("match") && !v.contains("notMatch")) ctx.fail(here, "'strip' needs a 'match' or 'notMatch' to apply to");
      check.strip = compile_regex(ctx, here + ".strip", get_string(ctx, here, v, "strip", true));
    }
    for (const bool negate : {false, true}) {
      const char* key = negate ? "notMatch" : "match";
      if (!v.contains(key)) continue;
      const std::string field = here + "." + key;
      const std::string pattern = expand(ctx, field, get_string(ctx, here, v, key, true));
      auto backrefs = parse_backreferences(ctx, field, pattern, resolve);
      if (backrefs) {
        (negate ? check.must_not_match_template : check.must_match_template) = std::move(backrefs);
      } else {
        (negate ? check.must_not_match : check.must_match) = compile_regex(ctx, field, get_string(ctx, here, v, key, true));
      }
    }
    if (v.contains("orgDomain")) {
      const std::string relation = get_string(ctx, here, v, "orgDomain", true);
      if (relation == "outside") check.org_domain = ValueCheck::OrgDomain::Outside;
      else if (relation == "inside") check.org_domain = ValueCheck::OrgDomain::Inside;
      else ctx.fail(here + ".orgDomain", "must be \"outside\" or \"inside\", not '" + relation + "'");
    }
    checks.push_back(std::move(check));
  }
  return checks;
}

// "refine": [{"value": <checks>, "severity": "error", "message": "..."}, ...]
std::vector<detail::Refinement> parse_refinements(const Context& ctx, const std::string& where, const json& matcher,
                                                  const CaptureResolver& resolve, int default_capture) {
  std::vector<detail::Refinement> out;
  auto it = matcher.find("refine");
  if (it == matcher.end()) return out;
  if (!it->is_array()) ctx.fail(where + ".refine", "must be an array of {value, severity, message}");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& e = (*it)[i];
    const std::string here = where + ".refine[" + std::to_string(i) + "]";
    check_keys(ctx, here, e, {"value", "severity", "message"});
    if (!e.contains("value")) ctx.fail(here, "needs 'value': the checks that decide when it applies");
    if (!e.contains("severity") && !e.contains("message")) ctx.fail(here, "needs a 'severity', a 'message' or both");
    detail::Refinement refinement;
    refinement.checks = parse_value_checks(ctx, here, e, resolve, default_capture);
    if (e.contains("severity")) {
      const std::string severity = get_string(ctx, here, e, "severity", true);
      const auto level = severity_from_name(severity);
      if (!level) ctx.fail(here, "severity must be error, warning or note, not '" + severity + "'");
      refinement.severity = *level;
    }
    if (e.contains("message")) refinement.message = parse_message(ctx, here + ".message", get_string(ctx, here, e, "message", true), resolve);
    out.push_back(std::move(refinement));
  }
  return out;
}

std::vector<TSSymbol> resolve_kinds(const Context& ctx, const std::string& where, Grammar grammar,
                                    const std::vector<std::string>& names) {
  const TSLanguage* language = ts_language_for(grammar);
  std::vector<TSSymbol> symbols;
  const uint32_t count = ts_language_symbol_count(language);
  for (const auto& name : names) {
    bool found = false;
    for (uint32_t id = 0; id < count; ++id) {
      const auto symbol = static_cast<TSSymbol>(id);
      if (ts_language_symbol_type(language, symbol) != TSSymbolTypeRegular) continue;
      if (name == ts_language_symbol_name(language, symbol)) {
        symbols.push_back(symbol);
        found = true;
      }
    }
    if (!found) ctx.fail(where, "node kind '" + name + "' does not exist in the " +
                                    std::string(grammar_name(grammar)) + " grammar");
  }
  std::sort(symbols.begin(), symbols.end());
  return symbols;
}

std::string query_error_name(TSQueryError error) {
  switch (error) {
    case TSQueryErrorSyntax: return "syntax error";
    case TSQueryErrorNodeType: return "unknown node type";
    case TSQueryErrorField: return "unknown field";
    case TSQueryErrorCapture: return "unknown capture";
    case TSQueryErrorStructure: return "impossible pattern structure";
    case TSQueryErrorLanguage: return "language error";
    case TSQueryErrorNone: break;
  }
  return "error";
}

// One matcher's part of a compiled query: its own query, or its patterns in the grammar's combined
// query. The matcher numbers its captures in the order they first appear in its text (so "the
// first capture" means what it says); `captures` maps those numbers to the query's capture ids.
struct QueryView {
  const TSQuery* query = nullptr;
  uint32_t first_pattern = 0;
  uint32_t pattern_count = 0;
  uint32_t text_start = 0;  // where the matcher's text starts in the query's source
  std::vector<uint32_t> captures;
  std::vector<int> own;  // query capture id -> the matcher's number, -1 when not its capture
};

// Turns the predicate steps of each pattern into typed Predicates, rejecting what we don't know.
std::vector<std::vector<Predicate>> compile_predicates(const Context& ctx, const std::string& where,
                                                       const QueryView& view) {
  const TSQuery* query = view.query;
  std::vector<std::vector<Predicate>> out(view.pattern_count);
  for (uint32_t local = 0; local < out.size(); ++local) {
    const uint32_t pattern = view.first_pattern + local;
    uint32_t step_count = 0;
    const TSQueryPredicateStep* steps = ts_query_predicates_for_pattern(query, pattern, &step_count);
    const std::string here = where + " (pattern at byte " +
                             std::to_string(ts_query_start_byte_for_pattern(query, pattern) - view.text_start) + ")";
    auto string_of = [&](const TSQueryPredicateStep& step) {
      uint32_t length = 0;
      const char* s = ts_query_string_value_for_id(query, step.value_id, &length);
      return std::string(s, length);
    };
    uint32_t i = 0;
    while (i < step_count) {
      uint32_t end = i;
      while (end < step_count && steps[end].type != TSQueryPredicateStepTypeDone) ++end;
      if (steps[i].type != TSQueryPredicateStepTypeString) ctx.fail(here, "predicate without a name");
      std::string name = string_of(steps[i]);
      const uint32_t argc = end - i - 1;
      const TSQueryPredicateStep* args = steps + i + 1;
      Predicate p;
      std::string base = name;
      if (base.rfind("any-", 0) == 0 && base != "any-of?") {
        p.any = true;
        base = base.substr(4);
      }
      if (base.rfind("not-", 0) == 0) {
        p.negate = true;
        base = base.substr(4);
      }
      if (base == "eq?") p.op = Predicate::Op::Eq;
      else if (base == "match?") p.op = Predicate::Op::Match;
      else if (base == "any-of?") p.op = Predicate::Op::AnyOf;
      else ctx.fail(here, "unknown predicate #" + name + " (supported: eq?, match?, any-of?, with not-/any- forms)");
      if (argc < 2 || args[0].type != TSQueryPredicateStepTypeCapture) {
        ctx.fail(here, "#" + name + " needs a capture and at least one argument");
      }
      auto require_in_pattern = [&](uint32_t capture) {
        if (ts_query_capture_quantifier_for_id(query, pattern, capture) == TSQuantifierZero) {
          uint32_t length = 0;
          const char* capture_name = ts_query_capture_name_for_id(query, capture, &length);
          ctx.fail(here, "#" + name + " refers to @" + std::string(capture_name, length) +
                             ", which is not in this pattern (a predicate must be inside the "
                             "parentheses of the pattern it filters)");
        }
      };
      require_in_pattern(args[0].value_id);
      p.capture = static_cast<std::uint32_t>(view.own[args[0].value_id]);
      if (p.op == Predicate::Op::Eq) {
        if (argc != 2) ctx.fail(here, "#" + name + " takes exactly two arguments");
        if (args[1].type == TSQueryPredicateStepTypeCapture) {
          p.other_capture = view.own[args[1].value_id];
          require_in_pattern(args[1].value_id);
        } else {
          p.values.push_back(string_of(args[1]));
        }
      } else if (p.op == Predicate::Op::Match) {
        if (argc != 2 || args[1].type != TSQueryPredicateStepTypeString) {
          ctx.fail(here, "#" + name + " takes a capture and one pattern string");
        }
        p.regex = compile_regex(ctx, here + " #" + name, string_of(args[1]));
      } else {
        for (uint32_t a = 1; a < argc; ++a) {
          if (args[a].type != TSQueryPredicateStepTypeString) ctx.fail(here, "#" + name + " takes strings after the capture");
          p.values.push_back(string_of(args[a]));
        }
      }
      out[local].push_back(std::move(p));
      i = end + 1;
    }
  }
  return out;
}

// `bind(name)` declares a new capture bound by a check ("as"), returning its id.
std::vector<StructuralCheck> parse_structure(const Context& ctx, const std::string& where,
                                             const json& matcher, Grammar grammar,
                                             const CaptureResolver& resolve,
                                             const std::function<int(const std::string&)>& bind) {
  std::vector<StructuralCheck> out;
  auto it = matcher.find("where");
  if (it == matcher.end()) return out;
  if (!it->is_array()) ctx.fail(where + ".where", "must be an array");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& w = (*it)[i];
    const std::string here = where + ".where[" + std::to_string(i) + "]";
    check_keys(ctx, here, w, {"capture", "inside", "notInside", "contains", "notContains", "definition", "binding", "notBinding", "text", "before", "as", "optional"});
    StructuralCheck check;
    int kinds_given = 0;
    const std::pair<const char*, StructuralCheck::Kind> forms[] = {
        {"inside", StructuralCheck::Kind::Inside},
        {"notInside", StructuralCheck::Kind::NotInside},
        {"contains", StructuralCheck::Kind::Contains},
        {"notContains", StructuralCheck::Kind::NotContains},
        {"definition", StructuralCheck::Kind::Definition},
        {"binding", StructuralCheck::Kind::Binding},
        {"notBinding", StructuralCheck::Kind::NotBinding}};
    for (const auto& [key, kind] : forms) {
      if (w.contains(key)) {
        ++kinds_given;
        check.kind = kind;
        check.kind_names = get_strings(ctx, here, w, key);
      }
    }
    if (kinds_given != 1) ctx.fail(here, "needs exactly one of inside, notInside, contains, notContains, definition, binding, notBinding");
    check.capture = resolve(get_string(ctx, here, w, "capture", true));
    if (check.capture < 0) ctx.fail(here, "unknown capture '" + w["capture"].get<std::string>() + "'");
    check.symbols = resolve_kinds(ctx, here, grammar, check.kind_names);
    if (w.contains("text")) {
      if (check.kind == StructuralCheck::Kind::Definition) ctx.fail(here, "'text' does not apply to definition");
      check.text = compile_regex(ctx, here + ".text", get_string(ctx, here, w, "text", true));
    }
    if (w.contains("before")) {
      if (check.kind != StructuralCheck::Kind::Contains && check.kind != StructuralCheck::Kind::NotContains) {
        ctx.fail(here, "'before' applies to contains/notContains only");
      }
      const std::string name = get_string(ctx, here, w, "before", true);
      check.before = resolve(name);
      if (check.before < 0) ctx.fail(here, "'before': unknown capture '" + name + "'");
    }
    if (check.kind == StructuralCheck::Kind::Definition) {
      static constexpr std::string_view kName = "name";
      check.name_field = ts_language_field_id_for_name(ts_language_for(grammar), kName.data(), kName.size());
      if (check.name_field == 0) ctx.fail(here, "'definition' needs a grammar with a 'name' field");
    }
    if (check.kind == StructuralCheck::Kind::Binding || check.kind == StructuralCheck::Kind::NotBinding) {
      const TSLanguage* language = ts_language_for(grammar);
      const auto field = [&](std::string_view name) {
        return ts_language_field_id_for_name(language, name.data(), static_cast<uint32_t>(name.size()));
      };
      check.target_fields = {field("left"), field("name")};
      check.value_fields = {field("right"), field("value")};
      if (check.target_fields[0] == 0 && check.target_fields[1] == 0) {
        ctx.fail(here, "'binding' needs a grammar with a 'left' or 'name' field");
      }
    }
    if (w.contains("as")) {
      if (check.kind == StructuralCheck::Kind::NotInside || check.kind == StructuralCheck::Kind::NotContains ||
          check.kind == StructuralCheck::Kind::NotBinding) {
        ctx.fail(here, "'as' binds the node an inside/contains check found; a not- check finds none");
      }
      const std::string name = get_string(ctx, here, w, "as", true);
      if (resolve(name) >= 0) ctx.fail(here, "'as': capture '" + name + "' already exists");
      check.bind = bind(name);
    }
    if (w.contains("optional")) {
      if (!w["optional"].is_boolean()) ctx.fail(here, "'optional' must be true or false");
      check.optional = w["optional"].get<bool>();
      if (check.optional && check.bind < 0) ctx.fail(here, "'optional' needs 'as' (an optional check only binds a name)");
    }
    out.push_back(std::move(check));
  }
  return out;
}

// What compiling a query matcher later needs from its pack.
struct PackState {
  std::string source;
  std::map<std::string, std::string> definitions;
  std::map<std::string, std::shared_ptr<const detail::LabelTable>> labels;
};

}  // namespace

namespace detail {
// A query matcher read at load time, compiled with its grammar (see combined_query).
struct PendingMatcher {
  std::shared_ptr<const PackState> pack;
  std::string rule_id;
  std::string where;  // "matchers[2]", "embedded[0]"
  json spec;          // the matcher's JSON object
  std::string default_message;
  bool embedded = false;
  std::uint32_t rule = 0;   // rules[rule].queries[index], or embedded[index]
  std::uint32_t index = 0;
};
struct PendingQueries {
  std::array<std::vector<PendingMatcher>, kGrammarCount> by_grammar;
  std::vector<std::vector<PendingMatcher>> regexes_by_rule;  // `index`: into the rule's regexes
};
}  // namespace detail

namespace {

using detail::PendingMatcher;

// An embedded entry's "pieces": {"text": [...], "through": [...], "placeholder": "...",
// "harmless": {"kinds": [...], "text": "..."}}. Host kinds resolve in the host grammar, the
// harmless kinds in the embedded language's.
std::shared_ptr<const detail::EmbeddedPieces> embedded_pieces(const Context& ctx, const std::string& where,
                                                              const json& entry, Grammar host, Grammar embedded) {
  if (!entry.contains("pieces")) return nullptr;
  const std::string here = where + ".pieces";
  const json& p = entry["pieces"];
  check_keys(ctx, here, p, {"text", "through", "placeholder", "harmless", "separator"});
  auto out = std::make_shared<detail::EmbeddedPieces>();
  out->text = resolve_kinds(ctx, here + ".text", host, get_strings(ctx, here, p, "text"));
  if (out->text.empty()) ctx.fail(here + ".text", "must name at least one node kind holding the embedded text");
  out->through = resolve_kinds(ctx, here + ".through", host, get_strings(ctx, here, p, "through"));
  if (p.contains("placeholder")) {
    out->placeholder = compile_regex(ctx, here + ".placeholder", get_string(ctx, here, p, "placeholder", true));
    if (out->placeholder->NumberOfCapturingGroups() < 1) {
      ctx.fail(here + ".placeholder", "needs a group: each match of its first group is a hole");
    }
  }
  if (p.contains("harmless")) {
    const json& h = p["harmless"];
    check_keys(ctx, here + ".harmless", h, {"kinds", "text"});
    out->harmless = resolve_kinds(ctx, here + ".harmless.kinds", embedded, get_strings(ctx, here + ".harmless", h, "kinds"));
    out->harmless_text = compile_regex(ctx, here + ".harmless.text", get_string(ctx, here + ".harmless", h, "text", true));
  }
  out->separator = get_string(ctx, here, p, "separator", false);
  return out;
}

// Reads a query matcher: one QueryMatcher per grammar its languages use, holding the grammar,
// languages and the query text with {{definitions}} expanded. The query is compiled later, with
// every other query of its grammar (compile_grammar).
void declare_query_matcher(const Context& ctx, const std::shared_ptr<const PackState>& pack,
                           const std::string& where, const json& m, LanguageMask languages,
                           const std::string& default_message, bool embedded, std::uint32_t rule_index,
                           std::vector<QueryMatcher>& matchers, detail::PendingQueries& pending) {
  const std::string text = get_string(ctx, where, m, "query", true);
  std::set<Grammar> grammars;
  for (Language language : mask_languages(languages)) {
    if (grammar_of(language) != Grammar::None) grammars.insert(grammar_of(language));
  }
  if (grammars.empty()) ctx.fail(where, "a query matcher needs at least one language with a grammar");
  for (Grammar grammar : grammars) {
    const std::string here = where + ".query[" + std::string(grammar_name(grammar)) + "]";
    QueryMatcher matcher;
    matcher.grammar = grammar;
    for (Language language : mask_languages(languages)) {
      if (grammar_of(language) == grammar) matcher.languages |= detail::language_bit(language);
    }
    matcher.expanded_text = expand(ctx, here, text);
    pending.by_grammar[static_cast<std::size_t>(grammar)].push_back(
        {pack, ctx.rule_id, where, m, default_message, embedded, rule_index,
         static_cast<std::uint32_t>(matchers.size())});
    matchers.push_back(std::move(matcher));
  }
}

// Capture names in the order they first appear in a query's text (tree-sitter numbers captures
// in that order): `@name` outside strings and `;` comments.
std::vector<std::string> capture_names_in_order(std::string_view text) {
  std::vector<std::string> names;
  const auto name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == '?' || c == '!';
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (c == ';') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '@') {
      std::size_t end = i + 1;
      while (end < text.size() && name_char(text[end])) ++end;
      std::string name(text.substr(i + 1, end - i - 1));
      if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
      i = end - 1;
    }
  }
  return names;
}

std::string query_error_message(TSQueryError error, uint32_t offset, const std::string& expanded,
                                const std::string& text) {
  return query_error_name(error) + " at byte offset " + std::to_string(offset) + " of the query" +
         (expanded != text ? " (after {{definitions}} are expanded)" : "") + ", near '" +
         expanded.substr(std::min<std::size_t>(offset, expanded.size()), 30) + "'";
}

// The view of a query compiled from one matcher's text alone.
QueryView whole_query(const TSQuery* query) {
  QueryView view;
  view.query = query;
  view.pattern_count = ts_query_pattern_count(query);
  for (uint32_t i = 0; i < ts_query_capture_count(query); ++i) {
    view.captures.push_back(i);
    view.own.push_back(static_cast<int>(i));
  }
  return view;
}

// Compiles one matcher's text alone, failing with the position of the error in its text.
std::shared_ptr<TSQuery> compile_alone(const Context& ctx, const PendingMatcher& p, Grammar grammar,
                                       const std::string& expanded) {
  uint32_t error_offset = 0;
  TSQueryError error = TSQueryErrorNone;
  std::shared_ptr<TSQuery> query(ts_query_new(ts_language_for(grammar), expanded.data(),
                                              static_cast<uint32_t>(expanded.size()), &error_offset, &error),
                                 QueryDeleter{});
  if (!query) {
    ctx.fail(p.where + ".query[" + std::string(grammar_name(grammar)) + "]",
             query_error_message(error, error_offset, expanded, get_string(ctx, p.where, p.spec, "query", true)));
  }
  return query;
}

// Completes a declared matcher from its compiled query: captures, predicates, `where`, value
// checks, report capture, messages.
void finalize_query_matcher(const Context& ctx, const PendingMatcher& p, Grammar grammar, const QueryView& view,
                            QueryMatcher& matcher) {
  const std::string& where = p.where;
  const json& m = p.spec;
  const std::string here = where + ".query[" + std::string(grammar_name(grammar)) + "]";
  const TSQuery* q = view.query;
  // Capture ids: the query's own, then names bound by `where` checks ("as"), then field
  // accesses "name.field" (the named child of a capture), created on first use.
  std::vector<std::string> names;
  for (const uint32_t id : view.captures) {
    uint32_t length = 0;
    const char* n = ts_query_capture_name_for_id(q, id, &length);
    names.emplace_back(n, length);
  }
  matcher.first_bound_capture = static_cast<int>(names.size());
  const TSLanguage* ts_language = ts_language_for(grammar);
  CaptureResolver resolve = [&](const std::string& name) -> int {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) return static_cast<int>(i);
    }
    const std::size_t dot = name.find('.');
    if (dot == std::string::npos) return -1;
    const std::string base_name = name.substr(0, dot);
    const std::string field = name.substr(dot + 1);
    int base = -1;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == base_name) base = static_cast<int>(i);
    }
    const TSFieldId field_id = ts_language_field_id_for_name(ts_language, field.data(), static_cast<uint32_t>(field.size()));
    if (base < 0 || field_id == 0) return -1;
    names.push_back(name);
    matcher.field_captures.push_back({static_cast<int>(names.size() - 1), base, field_id});
    return static_cast<int>(names.size() - 1);
  };
  auto bind = [&](const std::string& name) -> int {
    names.push_back(name);
    return static_cast<int>(names.size() - 1);
  };
  matcher.predicates = compile_predicates(ctx, here, view);
  const std::string secret = get_string(ctx, where, m, "secret", false);
  if (!secret.empty()) {
    matcher.secret_capture = resolve(secret);
    if (matcher.secret_capture < 0) ctx.fail(where, "secret capture '@" + secret + "' is not in the query");
  }
  matcher.structure = parse_structure(ctx, where, m, grammar, resolve, bind);
  // After `where`, so a finding can be reported at a node a check bound ("as").
  const std::string report = get_string(ctx, where, m, "report", false);
  if (!report.empty()) {
    matcher.report_capture = resolve(report);
    if (matcher.report_capture < 0) ctx.fail(where, "report capture '" + report + "' is not in the query or bound by 'where'");
  } else if (matcher.secret_capture >= 0) {
    matcher.report_capture = matcher.secret_capture;
  } else if (!view.captures.empty()) {
    matcher.report_capture = 0;
  } else {
    ctx.fail(where, "the query has no capture to report");
  }
  matcher.checks = parse_value_checks(ctx, where, m, resolve, matcher.secret_capture);
  const std::string message = m.contains("message") ? get_string(ctx, where, m, "message", true) : p.default_message;
  matcher.message = parse_message(ctx, where + ".message", message, resolve);
  matcher.refinements = parse_refinements(ctx, where, m, resolve, matcher.secret_capture);
}

// Reads a regex matcher: its languages now, the rest when its rule first runs (compile_regexes).
void declare_regex_matcher(const Context& ctx, const std::shared_ptr<const PackState>& pack, const std::string& where,
                           const json& m, LanguageMask languages, const std::string& default_message,
                           std::uint32_t rule_index, CompiledRule& rule, detail::PendingQueries& pending) {
  get_string(ctx, where, m, "regex", true);
  RegexMatcher matcher;
  matcher.languages = languages;
  if (pending.regexes_by_rule.size() <= rule_index) pending.regexes_by_rule.resize(rule_index + 1);
  pending.regexes_by_rule[rule_index].push_back(
      {pack, ctx.rule_id, where, m, default_message, false, rule_index, static_cast<std::uint32_t>(rule.regexes.size())});
  rule.regexes.push_back(std::move(matcher));
}

// "block": {"capture": group, "open": RE2, "close": RE2, "skip": RE2, "end": RE2}; open and close
// are required. The token kinds become one pattern, each kind a group, in the order that decides
// which kind a token is when two could start at the same place: skip, close, open, end.
detail::BlockExtent parse_block(const Context& ctx, const std::string& where, const json& spec,
                                const CaptureResolver& resolve) {
  if (!spec.is_object()) ctx.fail(where, "must be an object {capture, open, close, skip, end}");
  check_keys(ctx, where, spec, {"capture", "open", "close", "skip", "end"});
  detail::BlockExtent block;
  const std::string capture = get_string(ctx, where, spec, "capture", true);
  block.group = resolve(capture);
  if (block.group <= 0) ctx.fail(where, "capture group '(?P<" + capture + ">...)' is not in the regex");
  std::string combined;
  int group = 1;
  static constexpr std::array<const char*, 4> kKinds{"skip", "close", "open", "end"};
  for (std::size_t k = 0; k < kKinds.size(); ++k) {
    const bool required = k == 1 || k == 2;
    if (!spec.contains(kKinds[k]) && !required) continue;
    const std::string field = where + "." + kKinds[k];
    const std::string raw = get_string(ctx, where, spec, kKinds[k], true);
    const std::shared_ptr<const RE2> alone = compile_regex(ctx, field, raw);  // validates, counts groups
    if (!combined.empty()) combined += '|';
    combined += "(" + raw + ")";  // compile_regex expands {{definitions}}
    block.kind_group[k] = group;
    group += 1 + alone->NumberOfCapturingGroups();
  }
  block.tokens = compile_regex(ctx, where, combined);
  return block;
}

// Completes a declared regex matcher: the pattern, its groups, checks and messages.
void finalize_regex_matcher(const Context& ctx, const PendingMatcher& p, RegexMatcher& matcher) {
  const std::string& where = p.where;
  const json& m = p.spec;
  const std::string& default_message = p.default_message;
  const std::string pattern = expand(ctx, where + ".regex", get_string(ctx, where, m, "regex", true));
  RE2::Options options;
  options.set_log_errors(false);
  matcher.regex = std::make_unique<RE2>(pattern, options);
  if (!matcher.regex->ok()) {
    ctx.fail(where + ".regex", "invalid RE2 pattern: " + matcher.regex->error() +
                                   (matcher.regex->error_arg().empty() ? "" : " (at '" + matcher.regex->error_arg() + "')"));
  }
  const RE2* re = matcher.regex.get();
  CaptureResolver resolve = [re](const std::string& name) -> int {
    const auto& groups = re->NamedCapturingGroups();
    auto it = groups.find(name);
    if (it != groups.end()) return it->second;
    if (name == "match") return 0;
    return -1;
  };
  const std::string secret = get_string(ctx, where, m, "secret", false);
  if (!secret.empty()) {
    matcher.secret_group = resolve(secret);
    if (matcher.secret_group < 0) ctx.fail(where, "secret group '(?P<" + secret + ">...)' is not in the regex");
  }
  const std::string report = get_string(ctx, where, m, "report", false);
  if (!report.empty()) {
    matcher.report_group = resolve(report);
    if (matcher.report_group < 0) ctx.fail(where, "report group '(?P<" + report + ">...)' is not in the regex");
  }
  if (m.contains("where")) ctx.fail(where, "'where' needs a query matcher (a regex has no syntax tree)");
  if (m.contains("within")) matcher.within = compile_regex(ctx, where + ".within", get_string(ctx, where, m, "within", true));
  if (m.contains("block")) matcher.block = parse_block(ctx, where + ".block", m["block"], resolve);
  matcher.checks = parse_value_checks(ctx, where, m, resolve, matcher.secret_group);
  const std::string message = m.contains("message") ? get_string(ctx, where, m, "message", true) : default_message;
  matcher.message = parse_message(ctx, where + ".message", message, resolve);
  matcher.refinements = parse_refinements(ctx, where, m, resolve, matcher.secret_group);
}

// The load-time context of a declared matcher, for completing it later. The regex cache is the
// caller's: grammars and rules may be completed on several threads at once.
Context context_for(const PendingMatcher& p, std::map<std::string, std::shared_ptr<const RE2>>& regex_cache) {
  Context ctx{p.pack->source, p.rule_id};
  ctx.definitions = &p.pack->definitions;
  ctx.regex_cache = &regex_cache;
  ctx.labels = &p.pack->labels;
  return ctx;
}

void compile_rule_regexes(const CompiledRules& rules, std::uint32_t index) {
  if (!rules.pending || index >= rules.pending->regexes_by_rule.size()) return;
  // As in compile_grammar: only this call writes the rule's regex matchers, before any reader
  // beyond their languages and sensitivity (compile_regexes is the gate).
  auto& writable = const_cast<CompiledRules&>(rules);
  std::map<std::string, std::shared_ptr<const RE2>> regex_cache;
  for (const PendingMatcher& p : rules.pending->regexes_by_rule[index]) {
    finalize_regex_matcher(context_for(p, regex_cache), p, writable.rules[index].regexes[p.index]);
  }
}

bool valid_rule_id(const std::string& id, const std::string& pack) {
  if (id.rfind(pack + "/", 0) != 0) return false;
  const std::string name = id.substr(pack.size() + 1);
  if (name.empty() || name.front() == '-' || name.back() == '-') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// "checks": named lists of `where` or `value` entries written once. A string in a matcher's (or an
// embedded entry's, or a refinement's) `where`/`value` array stands for the list of that name, in
// place, so "loop body has no break/return" or "the loop walks data" is one definition, not one
// copy per matcher. Expanded in the document before anything else reads it; lists do not nest.
void expand_named_checks(const Context& ctx, json& doc) {
  std::map<std::string, json> named;
  if (doc.contains("checks")) {
    if (!doc["checks"].is_object()) ctx.fail("checks", "must be an object of name: [where or value entries]");
    for (const auto& [name, list] : doc["checks"].items()) {
      const std::string here = "checks." + name;
      if (!list.is_array() || list.empty()) ctx.fail(here, "must be a non-empty array of where or value entries");
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_object()) {
          ctx.fail(here + "[" + std::to_string(i) + "]", "must be an object (named check lists do not name other lists)");
        }
      }
      named[name] = list;
    }
  }
  auto expand = [&](const std::string& where, json& holder, const char* key) {
    if (!holder.is_object()) return;
    auto it = holder.find(key);
    if (it == holder.end() || !it->is_array()) return;  // a single object, or a type error reported later
    if (std::none_of(it->begin(), it->end(), [](const json& e) { return e.is_string(); })) return;
    json expanded = json::array();
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& e = (*it)[i];
      if (!e.is_string()) {
        expanded.push_back(e);
        continue;
      }
      const std::string name = e.get<std::string>();
      const auto found = named.find(name);
      if (found == named.end()) {
        ctx.fail(where + "." + key + "[" + std::to_string(i) + "]", "'" + name + "' is not in the pack's checks");
      }
      for (const json& entry : found->second) expanded.push_back(entry);
    }
    *it = std::move(expanded);
  };
  auto expand_matcher = [&](const std::string& where, json& m) {
    expand(where, m, "where");
    expand(where, m, "value");
    if (m.is_object() && m.contains("refine") && m["refine"].is_array()) {
      for (std::size_t i = 0; i < m["refine"].size(); ++i) {
        expand(where + ".refine[" + std::to_string(i) + "]", m["refine"][i], "value");
      }
    }
  };
  if (doc.contains("embedded") && doc["embedded"].is_array()) {
    for (std::size_t i = 0; i < doc["embedded"].size(); ++i) expand_matcher("embedded[" + std::to_string(i) + "]", doc["embedded"][i]);
  }
  if (doc.contains("rules") && doc["rules"].is_array()) {
    for (std::size_t r = 0; r < doc["rules"].size(); ++r) {
      json& rule = doc["rules"][r];
      if (!rule.is_object() || !rule.contains("matchers") || !rule["matchers"].is_array()) continue;
      const std::string id = rule.contains("id") && rule["id"].is_string() ? rule["id"].get<std::string>() : "";
      const std::string prefix = (id.empty() ? "rules[" + std::to_string(r) + "]" : "rule " + id) + ": ";
      for (std::size_t k = 0; k < rule["matchers"].size(); ++k) {
        expand_matcher(prefix + "matchers[" + std::to_string(k) + "]", rule["matchers"][k]);
      }
    }
  }
}

void load_pack(const std::string& source, const std::string& text, CompiledRules& out,
               std::vector<Prefilter::LiteralGroups>& literals) {
  Context ctx{source, {}};
  auto pack_state = std::make_shared<PackState>();
  pack_state->source = source;
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {  // a syntax error, or a number too large (out_of_range)
    ctx.fail("", std::string("malformed JSON: ") + e.what());
  }
  check_keys(ctx, "", doc, {"$schema", "pack", "description", "definitions", "checks", "labels", "embedded", "rules"});
  expand_named_checks(ctx, doc);
  const std::string pack = get_string(ctx, "", doc, "pack", true);
  std::map<std::string, std::string>& definitions = pack_state->definitions;
  if (doc.contains("definitions")) {
    if (!doc["definitions"].is_object()) ctx.fail("definitions", "must be an object of name: text");
    for (const auto& [name, value] : doc["definitions"].items()) {
      // A string, or an array of alternatives joined with '|' (long name lists stay readable).
      if (value.is_string()) {
        definitions[name] = value.get<std::string>();
      } else if (value.is_array() && std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); })) {
        std::string joined;
        for (const auto& v : value) joined += (joined.empty() ? "" : "|") + v.get<std::string>();
        definitions[name] = joined;
      } else {
        ctx.fail("definitions." + name, "must be a string or an array of strings");
      }
    }
  }
  std::map<std::string, std::shared_ptr<const RE2>> regex_cache;
  ctx.definitions = &definitions;
  ctx.regex_cache = &regex_cache;
  // "labels": {"pii_kind": [["(?i)ssn|social", "a Social Security number"], ["", "personal data"]]}
  std::map<std::string, std::shared_ptr<const detail::LabelTable>>& labels = pack_state->labels;
  if (doc.contains("labels")) {
    if (!doc["labels"].is_object()) ctx.fail("labels", "must be an object of name: [[pattern, label], ...]");
    for (const auto& [name, entries] : doc["labels"].items()) {
      auto table = std::make_shared<detail::LabelTable>();
      const std::string here = "labels." + name;
      if (!entries.is_array() || entries.empty()) ctx.fail(here, "must be a non-empty array of [pattern, label] pairs");
      for (std::size_t i = 0; i < entries.size(); ++i) {
        const json& e = entries[i];
        if (!e.is_array() || e.size() != 2 || !e[0].is_string() || !e[1].is_string()) {
          ctx.fail(here + "[" + std::to_string(i) + "]", "must be a [pattern, label] pair of strings");
        }
        table->entries.emplace_back(compile_regex(ctx, here + "[" + std::to_string(i) + "]", e[0].get<std::string>()),
                                    e[1].get<std::string>());
      }
      labels[name] = std::move(table);
    }
  }
  ctx.labels = &labels;
  // "embedded": [{"languages": ["python"], "language": "sql", "query": "...", "report": "sql"}]
  if (doc.contains("embedded")) {
    if (!doc["embedded"].is_array()) ctx.fail("embedded", "must be an array of matchers");
    for (std::size_t i = 0; i < doc["embedded"].size(); ++i) {
      const json& e = doc["embedded"][i];
      const std::string here = "embedded[" + std::to_string(i) + "]";
      check_keys(ctx, here, e, {"languages", "language", "query", "report", "where", "value", "pieces", "note"});
      const auto language = language_from_name(get_string(ctx, here, e, "language", true));
      if (!language || grammar_of(*language) == Grammar::None) {
        ctx.fail(here + ".language", "must name a language with a grammar (e.g. \"sql\")");
      }
      const LanguageMask hosts = parse_languages(ctx, here + ".languages", get_strings(ctx, here, e, "languages"));
      std::vector<QueryMatcher> matchers;
      detail::PendingQueries declared;
      declare_query_matcher(ctx, pack_state, here, e, hosts, "embedded", true, 0, matchers, declared);
      for (std::size_t g = 0; g < declared.by_grammar.size(); ++g) {
        for (PendingMatcher& p : declared.by_grammar[g]) {
          const std::uint32_t declared_at = p.index;  // its place in `matchers`
          p.index = static_cast<std::uint32_t>(out.embedded.size());
          out.embedded.push_back({*language, std::move(matchers[declared_at]),
                                  embedded_pieces(ctx, here, e, static_cast<Grammar>(g), grammar_of(*language))});
          out.pending->by_grammar[g].push_back(std::move(p));
        }
      }
    }
  }
  if (!doc.contains("rules") || !doc["rules"].is_array()) ctx.fail("", "'rules' must be an array");
  for (std::size_t r = 0; r < doc["rules"].size(); ++r) {
    const json& j = doc["rules"][r];
    ctx.rule_id.clear();
    const std::string where = "rules[" + std::to_string(r) + "]";
    check_keys(ctx, where, j,
               {"id", "name", "shortDescription", "fullDescription", "help", "severity",
                "securitySeverity", "cwe", "precision", "tags", "languages", "literals", "message",
                "matchers", "yieldsTo", "testSeverity", "computedBy"});
    RuleInfo info;
    info.id = get_string(ctx, where, j, "id", true);
    ctx.rule_id = info.id;
    if (!valid_rule_id(info.id, pack)) {
      ctx.fail("", "id must be '" + pack + "/<kebab-case-name>'");
    }
    for (const auto& existing : out.infos) {
      if (existing.id == info.id) ctx.fail("", "duplicate rule id (also in " + existing.source + ")");
    }
    info.pack = pack;
    info.source = source;
    info.name = get_string(ctx, "", j, "name", true);
    info.short_description = get_string(ctx, "", j, "shortDescription", true);
    info.full_description = get_string(ctx, "", j, "fullDescription", true);
    info.help_markdown = get_string(ctx, "", j, "help", true);
    if (info.short_description.empty() || info.help_markdown.empty()) ctx.fail("", "empty description or help");
    const std::string severity = get_string(ctx, "", j, "severity", true);
    auto level = severity_from_name(severity);
    if (!level) ctx.fail("", "severity must be error, warning or note, not '" + severity + "'");
    info.severity = *level;
    if (!j.contains("securitySeverity") || !j["securitySeverity"].is_number()) ctx.fail("", "securitySeverity must be a number");
    info.security_severity = j["securitySeverity"].get<double>();
    if (info.security_severity < 0.0 || info.security_severity > 10.0) ctx.fail("", "securitySeverity must be in 0.0-10.0");
    info.cwe = get_strings(ctx, "", j, "cwe");
    for (const auto& cwe : info.cwe) {
      if (cwe.rfind("CWE-", 0) != 0) ctx.fail("", "cwe entries look like 'CWE-798', not '" + cwe + "'");
    }
    info.precision = get_string(ctx, "", j, "precision", true);
    static const std::set<std::string> kPrecisions{"very-high", "high", "medium", "low"};
    if (!kPrecisions.count(info.precision)) ctx.fail("", "precision must be very-high, high, medium or low");
    info.tags = get_strings(ctx, "", j, "tags");
    const LanguageMask languages = parse_languages(ctx, "languages", get_strings(ctx, "", j, "languages"));
    if (languages == 0) ctx.fail("", "'languages' must name at least one language");
    info.languages = mask_languages(languages);
    CompiledRule rule;
    rule.literals = get_literal_groups(ctx, j);
    rule.yields_to = get_strings(ctx, "", j, "yieldsTo");
    if (j.contains("testSeverity")) {
      const std::string test_severity = get_string(ctx, "", j, "testSeverity", true);
      rule.test_severity = severity_from_name(test_severity);
      if (!rule.test_severity) ctx.fail("", "testSeverity must be error, warning or note, not '" + test_severity + "'");
      info.test_severity = rule.test_severity;
    }
    // A computed rule is metadata only: its findings come from a later analysis over a whole tool
    // (`citizenscan inventory`), so it never runs per file and takes no part in the prefilter.
    info.computed_by = get_string(ctx, "", j, "computedBy", false);
    if (j.contains("computedBy")) {
      if (info.computed_by != "inventory") ctx.fail("", "computedBy must be \"inventory\"");
      if (j.contains("matchers") || j.contains("literals") || j.contains("message") || j.contains("yieldsTo")) {
        ctx.fail("", "a computed rule has no matchers, literals, message or yieldsTo");
      }
      literals.emplace_back();
      out.infos.push_back(std::move(info));
      out.rules.push_back(std::move(rule));  // languages stay 0: never a candidate for a file
      continue;
    }
    const std::string message = get_string(ctx, "", j, "message", true);
    rule.languages = languages;
    if (!j.contains("matchers") || !j["matchers"].is_array() || j["matchers"].empty()) {
      ctx.fail("", "'matchers' must be a non-empty array");
    }
    for (std::size_t k = 0; k < j["matchers"].size(); ++k) {
      const json& m = j["matchers"][k];
      const std::string here = "matchers[" + std::to_string(k) + "]";
      check_keys(ctx, here, m,
                 {"query", "regex", "languages", "secret", "report", "value", "where", "within", "block", "message",
                  "refine", "sensitivity", "note"});
      if (m.contains("within") && m.contains("query")) ctx.fail(here, "'within' applies to regex matchers (a query uses 'where')");
      if (m.contains("block") && m.contains("query")) ctx.fail(here, "'block' applies to regex matchers (a query has a syntax tree)");
      LanguageMask matcher_languages = languages;
      if (m.contains("languages")) {
        matcher_languages = parse_languages(ctx, here + ".languages", get_strings(ctx, here, m, "languages"));
        if ((matcher_languages & ~languages) != 0) ctx.fail(here, "matcher languages must be among the rule's languages");
      }
      if (m.contains("query") == m.contains("regex")) ctx.fail(here, "needs exactly one of 'query' or 'regex'");
      if (m.contains("query")) {
        declare_query_matcher(ctx, pack_state, here, m, matcher_languages, message, false,
                              static_cast<std::uint32_t>(out.rules.size()), rule.queries, *out.pending);
      } else {
        declare_regex_matcher(ctx, pack_state, here, m, matcher_languages, message,
                              static_cast<std::uint32_t>(out.rules.size()), rule, *out.pending);
      }
      if (m.contains("sensitivity")) {
        const std::string name = get_string(ctx, here, m, "sensitivity", true);
        const auto sensitivity = name == "low"      ? std::optional{PiiSensitivity::Low}
                                 : name == "medium" ? std::optional{PiiSensitivity::Medium}
                                 : name == "high"   ? std::optional{PiiSensitivity::High}
                                                    : std::nullopt;
        if (!sensitivity) ctx.fail(here, "sensitivity must be low, medium or high, not '" + name + "'");
        if (m.contains("query")) rule.queries.back().sensitivity = *sensitivity;
        else rule.regexes.back().sensitivity = *sensitivity;
      }
    }
    literals.push_back(rule.literals);
    out.infos.push_back(std::move(info));
    out.rules.push_back(std::move(rule));
  }
}

void fill_grammar_info(CompiledRules& rules) {
  const Context ctx{"builtin grammar table", {}};
  rules.grammars[static_cast<int>(Grammar::Python)].function_boundaries =
      resolve_kinds(ctx, "", Grammar::Python, {"function_definition", "lambda", "class_definition"});
  rules.grammars[static_cast<int>(Grammar::JavaScript)].function_boundaries = resolve_kinds(
      ctx, "", Grammar::JavaScript,
      {"function_declaration", "function_expression", "arrow_function", "method_definition",
       "generator_function_declaration", "generator_function", "class_body"});
}

// Compiles every query matcher of one grammar and completes it. The rules' and the embedded
// entries' matchers go into one combined query, so the file's tree is walked once (a walk costs
// about a third of a parse) and tree-sitter analyses the grammar once (its fixed cost per
// ts_query_new is large: ~30 ms for the SQL grammar). Matchers with the same text share one copy of its
// patterns, and a match is handed to every matcher that wrote it (packs write `(call) @call` for
// many matchers; the cursor walks it once). If the texts compile alone but not together, every
// matcher runs on its own query instead.
void compile_grammar(const CompiledRules& rules, Grammar grammar, detail::CombinedQuery& combined) {
  if (!rules.pending) return;
  const auto& pending = rules.pending->by_grammar[static_cast<std::size_t>(grammar)];
  // combined_query is the only way to this grammar's matchers beyond their grammar and languages,
  // and it runs this once before returning: completing them here, through the const set, races
  // with no reader (each grammar's matchers are written by its own call only).
  auto& writable = const_cast<CompiledRules&>(rules);
  auto matcher_of = [&](const PendingMatcher& p) -> QueryMatcher& {
    return p.embedded ? writable.embedded[p.index].matcher : writable.rules[p.rule].queries[p.index];
  };
  std::map<std::string, std::shared_ptr<const RE2>> regex_cache;
  auto context_of = [&](const PendingMatcher& p) { return context_for(p, regex_cache); };
  if (pending.empty()) return;
  // The distinct texts, in order of first use, are the segments of the combined text; each
  // remembers the first matcher that wrote it (for errors and lone compiles).
  std::vector<const std::string*> texts;
  std::vector<uint32_t> starts;
  std::vector<const PendingMatcher*> first_writer;
  std::vector<uint32_t> segment_of(pending.size());
  std::map<std::string_view, uint32_t> segment_index;
  std::string text;
  for (std::size_t i = 0; i < pending.size(); ++i) {
    const std::string& own = matcher_of(pending[i]).expanded_text;
    const auto [it, added] = segment_index.emplace(own, static_cast<uint32_t>(texts.size()));
    if (added) {
      texts.push_back(&own);
      starts.push_back(static_cast<uint32_t>(text.size()));
      first_writer.push_back(&pending[i]);
      text += own;
      text += '\n';
    }
    segment_of[i] = it->second;
  }
  uint32_t error_offset = 0;
  TSQueryError error = TSQueryErrorNone;
  std::shared_ptr<TSQuery> query(ts_query_new(ts_language_for(grammar), text.data(), static_cast<uint32_t>(text.size()),
                                              &error_offset, &error),
                                 QueryDeleter{});
  if (!query) {
    // Report the error in the matcher whose text holds it, at its offset there.
    const auto segment = static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), error_offset) - starts.begin()) - 1;
    compile_alone(context_of(*first_writer[segment]), *first_writer[segment], grammar, *texts[segment]);
  }
  std::vector<QueryView> views(texts.size());
  bool together = query != nullptr;
  if (together) {
    const TSQuery* q = query.get();
    const uint32_t capture_count = ts_query_capture_count(q);
    std::map<std::string_view, uint32_t> capture_id;
    for (uint32_t c = 0; c < capture_count; ++c) {
      uint32_t length = 0;
      const char* name = ts_query_capture_name_for_id(q, c, &length);
      capture_id.emplace(std::string_view(name, length), c);
    }
    for (uint32_t pattern = 0; pattern < ts_query_pattern_count(q); ++pattern) {
      const uint32_t start = ts_query_start_byte_for_pattern(q, pattern);
      const auto segment = static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), start) - starts.begin()) - 1;
      QueryView& view = views[segment];
      if (view.pattern_count == 0) view.first_pattern = pattern;
      together = together && view.first_pattern + view.pattern_count == pattern;  // contiguous
      ++view.pattern_count;
    }
    for (std::size_t segment = 0; segment < views.size() && together; ++segment) {
      QueryView& view = views[segment];
      view.query = q;
      view.text_start = starts[segment];
      view.own.assign(capture_count, -1);
      for (const std::string& name : capture_names_in_order(*texts[segment])) {
        const auto it = capture_id.find(name);
        if (it == capture_id.end()) {
          together = false;
          break;
        }
        view.own[it->second] = static_cast<int>(view.captures.size());
        view.captures.push_back(it->second);
      }
      // The names read from the text must be exactly the captures its patterns use.
      for (uint32_t c = 0; c < capture_count && together; ++c) {
        bool used = false;
        for (uint32_t k = 0; k < view.pattern_count && !used; ++k) {
          used = ts_query_capture_quantifier_for_id(q, view.first_pattern + k, c) != TSQuantifierZero;
        }
        together = used == (view.own[c] >= 0);
      }
    }
  }
  std::vector<std::shared_ptr<TSQuery>> alone;
  if (!together) {
    for (std::size_t segment = 0; segment < texts.size(); ++segment) {
      const PendingMatcher& p = *first_writer[segment];
      alone.push_back(compile_alone(context_of(p), p, grammar, *texts[segment]));
      views[segment] = whole_query(alone.back().get());
    }
  }
  for (std::size_t i = 0; i < pending.size(); ++i) {
    QueryMatcher& matcher = matcher_of(pending[i]);
    finalize_query_matcher(context_of(pending[i]), pending[i], grammar, views[segment_of[i]], matcher);
    if (!together) matcher.query = alone[segment_of[i]];
  }
  if (!together) return;  // no combined query: the matchers run one by one
  std::vector<int> first_owner(texts.size(), -1);
  for (std::size_t i = 0; i < pending.size(); ++i) {
    const auto owner = static_cast<std::uint32_t>(combined.owners.size());
    const QueryView& view = views[segment_of[i]];
    combined.owners.push_back({pending[i].rule, pending[i].index, pending[i].embedded, view.first_pattern, view.own, {}});
    int& first = first_owner[segment_of[i]];
    if (first < 0) first = static_cast<int>(owner);
    else combined.owners[static_cast<std::size_t>(first)].twins.push_back(owner);
  }
  combined.pattern_owner.assign(ts_query_pattern_count(query.get()), 0);
  for (std::size_t segment = 0; segment < views.size(); ++segment) {
    for (uint32_t k = 0; k < views[segment].pattern_count; ++k) {
      combined.pattern_owner[views[segment].first_pattern + k] = static_cast<std::uint32_t>(first_owner[segment]);
    }
  }
  combined.query = std::move(query);
}

void read_path(const std::filesystem::path& path, std::vector<std::pair<std::string, std::string>>& out) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    if (ec) throw RuleLoadError(path.string() + ": cannot list rule directory: " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) read_path(file, out);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw RuleLoadError(path.string() + ": cannot read rule pack");
  std::ostringstream text;
  text << in.rdbuf();
  out.emplace_back(path.string(), text.str());
}

}  // namespace

RuleSet::RuleSet(std::unique_ptr<detail::CompiledRules> compiled) : compiled_(std::move(compiled)) {}
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;
RuleSet::~RuleSet() = default;

const std::vector<RuleInfo>& RuleSet::infos() const { return compiled_->infos; }

void RuleSet::compile_matchers() const { detail::compile_all_matchers(*compiled_); }

const RuleInfo* RuleSet::find(std::string_view id) const {
  for (const auto& info : compiled_->infos) {
    if (info.id == id) return &info;
  }
  return nullptr;
}

RuleSet RuleSet::load_from_texts(const std::vector<std::pair<std::string, std::string>>& sources) {
  return load(sources, true);
}

RuleSet RuleSet::load(const std::vector<std::pair<std::string, std::string>>& sources, bool compile_now) {
  auto compiled = std::make_unique<detail::CompiledRules>();
  fill_grammar_info(*compiled);
  compiled->pending = std::make_shared<detail::PendingQueries>();
  std::vector<Prefilter::LiteralGroups> literals;
  for (const auto& [source, text] : sources) load_pack(source, text, *compiled, literals);
  if (compiled->infos.empty()) throw RuleLoadError("no rules loaded (--no-builtin-rules needs --rules PATH)");
  try {
    compiled->prefilter = Prefilter::all_of(literals);
  } catch (const std::exception& e) {
    throw RuleLoadError(std::string("rule packs: ") + e.what());
  }
  compiled->regex_once = std::make_unique<std::once_flag[]>(compiled->rules.size());
  compiled->regex_error = std::make_unique<std::exception_ptr[]>(compiled->rules.size());
  if (compile_now) detail::compile_all_matchers(*compiled);
  return RuleSet(std::move(compiled));
}

RuleSet RuleSet::load_builtin_and(const std::vector<std::string>& extra_paths, bool include_builtin,
                                  const std::vector<std::pair<std::string, std::string>>& more_packs) {
  std::vector<std::pair<std::string, std::string>> sources;
  if (include_builtin) {
    for (const auto& [name, text] : detail::builtin_packs()) sources.emplace_back(name, text);
  }
  sources.insert(sources.end(), more_packs.begin(), more_packs.end());
  for (const auto& path : extra_paths) read_path(path, sources);
  // The built-in packs alone: their queries compile on first use per grammar, their regexes per
  // rule (all tested by the suite).
  const bool builtin_only = include_builtin && more_packs.empty() && extra_paths.empty();
  return load(sources, !builtin_only);
}

}  // namespace citizenscan
