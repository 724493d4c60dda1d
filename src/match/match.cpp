#include "citizenscan/match.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <span>
#include <unordered_map>

#include "core/hash.h"
#include "rules/compiled.h"

namespace citizenscan {

struct MatchWorkspace::State {
  QueryCursorPtr cursor{ts_query_cursor_new()};
  std::vector<std::pair<std::uint32_t, TSNode>> captures;  // (capture id, node) of the current match
  // Descendant walks (contains, the definition and binding indexes). A cursor, because stepping
  // to a node's i-th child with ts_node_child costs O(i): a walk by index is quadratic in the width
  // of a module, class body or long argument list.
  std::optional<TSTreeCursor> walker;
  // The ancestors of the last node an `inside` check asked about, root first. ts_node_parent
  // descends from the root on every call, so walking up with it costs O(depth²) per node: minutes
  // for 100,000 nested brackets. Matches arrive roughly in document order, so the next node's
  // path shares most of this one and only the rest is descended again. Cleared for every file.
  std::vector<TSNode> ancestors;
  std::vector<bool> candidate;                              // rule index -> survived the prefilter
  // Per file: the named definitions of each `definition` check (name -> first node), built on use.
  std::vector<std::pair<const detail::StructuralCheck*, std::unordered_map<std::string_view, TSNode>>> definitions;
  // Per file: the bindings of each `binding` check in each function (scope start byte), built on use.
  struct Binding {
    std::uint32_t target_start = 0;
    std::uint32_t target_end = 0;
    TSNode value;
  };
  std::map<std::pair<const detail::StructuralCheck*, std::uint32_t>,
           std::unordered_map<std::string_view, std::vector<Binding>>>
      bindings;
  std::vector<const detail::StructuralCheck*> binding_kinds;  // one check per distinct set of kinds
};

MatchWorkspace::MatchWorkspace() : state_(std::make_unique<State>()) {}
MatchWorkspace::MatchWorkspace(MatchWorkspace&&) noexcept = default;
MatchWorkspace& MatchWorkspace::operator=(MatchWorkspace&&) noexcept = default;
MatchWorkspace::~MatchWorkspace() {
  if (state_ && state_->walker) ts_tree_cursor_delete(&*state_->walker);
}

// ---------------------------------------------------------------------------------------------
// Value helpers

std::string_view unquote_literal(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && i < 3 && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
  if (i >= text.size()) return text;
  const char q = text[i];
  if (q != '"' && q != '\'' && q != '`') return text;
  const std::string_view body = text.substr(i);
  const std::string triple(3, q);
  if (body.size() >= 6 && body.substr(0, 3) == triple && body.substr(body.size() - 3) == triple) {
    return body.substr(3, body.size() - 6);
  }
  if (body.size() >= 2 && body.back() == q) return body.substr(1, body.size() - 2);
  return text;
}

bool looks_like_placeholder(std::string_view value) {
  if (value.empty()) return true;
  std::string lower(value);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // One repeated character: "xxxxxxxx", "********", "00000000".
  if (std::all_of(lower.begin(), lower.end(), [&](char c) { return c == lower[0]; })) return true;
  // Template and format syntax: ${VAR}, {{ var }}, %(name)s, %s, {0}, <your-key>, $VAR.
  static constexpr std::array<std::string_view, 9> kSyntax{"${", "{{", "%(", "%s", "{0}", "{}", "<", "$(", "#{"};
  for (auto s : kSyntax) {
    if (lower.find(s) != std::string::npos) return true;
  }
  if (lower[0] == '$' && lower.size() > 1 && (std::isalpha(static_cast<unsigned char>(lower[1])) || lower[1] == '_')) return true;
  static constexpr std::array<std::string_view, 25> kWords{
      "changeme", "change_me", "change-me", "changeit", "placeholder", "example", "dummy",
      "sample", "redacted", "your_", "your-", "yourpassword", "yourtoken", "yourkey", "yoursecret",
      "replace_me", "replaceme", "replace-me", "insert_", "xxxx", "****", "...", "\u2026", "todo", "fixme"};
  for (auto w : kWords) {
    if (lower.find(w) != std::string::npos) return true;
  }
  static constexpr std::array<std::string_view, 12> kWhole{
      "password", "passwd", "secret", "token", "apikey", "api_key", "none", "null",
      "undefined", "test", "pass", "admin"};
  for (auto w : kWhole) {
    if (lower == w) return true;
  }
  return false;
}

double shannon_entropy(std::string_view value) {
  if (value.empty()) return 0.0;
  std::array<std::uint32_t, 256> counts{};
  for (unsigned char c : value) ++counts[c];
  double entropy = 0.0;
  const double n = static_cast<double>(value.size());
  for (std::uint32_t count : counts) {
    if (count == 0) continue;
    const double p = count / n;
    entropy -= p * std::log2(p);
  }
  return entropy;
}

std::string redact(std::string_view secret, bool show) {
  if (show) return std::string(secret);
  // At most the first 4 characters; fewer for short values, so a short password is not half shown.
  const std::size_t visible = std::min<std::size_t>(4, secret.size() / 4);
  std::string out(secret.substr(0, visible));
  out += "****";
  return out;
}

namespace {

// The characters of `value` other than spaces and dashes (the usual group separators of numbers).
std::string compact(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c != ' ' && c != '-') out += c;
  }
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool one_repeated_char(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [&](char c) { return c == s[0]; });
}

}  // namespace

bool luhn_valid(std::string_view number) {
  const std::string digits = compact(number);
  if (digits.size() < 12 || digits.size() > 19 || !all_digits(digits) || one_repeated_char(digits)) return false;
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

bool iban_valid(std::string_view iban) {
  const std::string s = compact(iban);
  if (s.size() < 15 || s.size() > 34) return false;
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (!upper(s[0]) || !upper(s[1]) || !digit(s[2]) || !digit(s[3])) return false;
  // Move the first four characters to the end, letters become 10..35, the number mod 97 must be 1.
  const std::string rotated = s.substr(4) + s.substr(0, 4);
  int remainder = 0;
  for (char c : rotated) {
    if (digit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else if (upper(c)) {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return remainder == 1;
}

bool us_ssn_valid(std::string_view ssn) {
  const std::string digits = compact(ssn);
  if (digits.size() != 9 || !all_digits(digits) || one_repeated_char(digits)) return false;
  const int area = std::stoi(digits.substr(0, 3));
  const int group = std::stoi(digits.substr(3, 2));
  const int serial = std::stoi(digits.substr(5, 4));
  // Never issued: area 000, 666 and 900-999, group 00, serial 0000; 123-45-6789 and 078-05-1120
  // are the well-known sample numbers printed in advertising and documentation.
  if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) return false;
  if (digits == "123456789" || digits == "078051120") return false;
  // Patterns people type as examples: every group one repeated digit (111-22-3333).
  const std::string_view d(digits);
  return !(one_repeated_char(d.substr(0, 3)) && one_repeated_char(d.substr(3, 2)) && one_repeated_char(d.substr(5, 4)));
}

bool crc32_base62_valid(std::string_view body) {
  constexpr std::size_t kDigits = 6;
  if (body.size() <= kDigits) return false;
  const std::string_view payload = body.substr(0, body.size() - kDigits);
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : payload) {
    crc ^= c;
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  crc ^= 0xFFFFFFFFu;
  static constexpr std::string_view kBase62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  std::string encoded(kDigits, '0');
  for (std::size_t i = kDigits; i > 0 && crc != 0; --i) {
    encoded[i - 1] = kBase62[crc % 62];
    crc /= 62;
  }
  return crc == 0 && body.substr(payload.size()) == encoded;
}

namespace {

std::uint64_t now_ns() {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
          .count());
}

using detail::CompiledRule;
using detail::Refinement;
using detail::MessagePart;
using detail::Predicate;
using detail::QueryMatcher;
using detail::RegexMatcher;
using detail::StructuralCheck;
using detail::ValueCheck;

std::string_view node_text(std::string_view text, TSNode node) {
  const std::uint32_t start = ts_node_start_byte(node);
  const std::uint32_t end = ts_node_end_byte(node);
  if (start >= text.size() || end < start) return {};
  return text.substr(start, std::min<std::size_t>(end, text.size()) - start);
}

bool is_domain_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
}

// The mail domains a value names, lowercased: the domain of every address in it ("Jane
// <jane@gmail.com>, ops@example.com"), or, for a literal, the value itself when it is a host name
// ("smtp.example.com:587"; an expression such as `invoice.customerEmail` is not one).
std::vector<std::string> mail_domains(std::string_view value, bool literal) {
  std::vector<std::string> out;
  auto add = [&](std::string_view domain) {
    while (!domain.empty() && (domain.back() == '.' || domain.back() == '-')) domain.remove_suffix(1);
    if (domain.find('.') == std::string_view::npos) return;
    std::string lower(domain);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out.push_back(std::move(lower));
  };
  for (std::size_t at = value.find('@'); at != std::string_view::npos; at = value.find('@', at + 1)) {
    const char before = at > 0 ? value[at - 1] : ' ';
    if (!(std::isalnum(static_cast<unsigned char>(before)) || std::string_view("._%+-").find(before) != std::string_view::npos)) continue;
    std::size_t end = at + 1;
    while (end < value.size() && is_domain_char(value[end])) ++end;
    add(value.substr(at + 1, end - at - 1));
  }
  if (out.empty() && literal) {
    std::string_view host = value.substr(0, value.find(':'));
    if (!host.empty() && std::all_of(host.begin(), host.end(), is_domain_char)) add(host);
  }
  return out;
}

bool in_org(std::string_view domain, std::span<const std::string> org_domains) {
  return std::any_of(org_domains.begin(), org_domains.end(), [&](const std::string& org) {
    return domain == org || (domain.size() > org.size() && domain.ends_with(org) &&
                             domain[domain.size() - org.size() - 1] == '.');
  });
}

bool passes_org_domain(ValueCheck::OrgDomain relation, std::string_view value, bool literal,
                       std::span<const std::string> org_domains) {
  if (relation == ValueCheck::OrgDomain::Any) return true;
  if (org_domains.empty()) return false;  // the scan knows no organisation: nothing to claim
  const std::vector<std::string> domains = mail_domains(value, literal);
  if (domains.empty()) return false;
  const auto inside = [&](const std::string& d) { return in_org(d, org_domains); };
  return relation == ValueCheck::OrgDomain::Inside ? std::all_of(domains.begin(), domains.end(), inside)
                                                   : !std::all_of(domains.begin(), domains.end(), inside);
}

// A pattern with backreferences, built for this match; false when a referenced capture is absent.
// `capture_text(id, out)` gives another capture's text.
template <typename CaptureText>
bool partial_match_template(const detail::RegexTemplate& t, const re2::StringPiece& value,
                            CaptureText capture_text, bool& matched) {
  std::string pattern = t.pieces[0];
  for (std::size_t i = 0; i < t.captures.size(); ++i) {
    std::string_view other;
    if (!capture_text(t.captures[i], other)) return false;
    pattern += RE2::QuoteMeta(re2::StringPiece(other.data(), other.size()));
    pattern += t.pieces[i + 1];
  }
  RE2::Options options;
  options.set_log_errors(false);
  const RE2 re(pattern, options);
  matched = re.ok() && RE2::PartialMatch(value, re);
  return true;
}

// Every non-empty match of `pattern` in `text` turned into spaces (line breaks kept), so that a
// text test does not see what is inside string literals and comments, and positions and word
// boundaries stay as they were.
std::string blank_matches(std::string_view text, const RE2& pattern) {
  std::string out(text);
  const re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece found;
  for (std::size_t at = 0; at < text.size() && pattern.Match(whole, at, text.size(), RE2::UNANCHORED, &found, 1);) {
    const auto start = static_cast<std::size_t>(found.data() - text.data());
    for (std::size_t i = start; i < start + found.size(); ++i) {
      if (out[i] != '\n' && out[i] != '\r') out[i] = ' ';
    }
    at = start + std::max<std::size_t>(found.size(), 1);
  }
  return out;
}

// `literal`: the value is a string literal's content (or a regex group), not an expression's text.
template <typename CaptureText>
bool passes_value_check(const ValueCheck& check, std::string_view value, const MatchOptions& options,
                        CaptureText capture_text, bool literal = true) {
  if (value.size() < check.min_length || value.size() > check.max_length) return false;
  if (!passes_org_domain(check.org_domain, value, literal, options.org_domains)) return false;
  if (check.min_entropy > 0.0 && shannon_entropy(value) < check.min_entropy) return false;
  if (check.reject_placeholders && looks_like_placeholder(value)) return false;
  switch (check.checksum) {
    case ValueCheck::Checksum::None: break;
    case ValueCheck::Checksum::Luhn: if (!luhn_valid(value)) return false; break;
    case ValueCheck::Checksum::Iban: if (!iban_valid(value)) return false; break;
    case ValueCheck::Checksum::Ssn: if (!us_ssn_valid(value)) return false; break;
    case ValueCheck::Checksum::Crc32Base62: if (!crc32_base62_valid(value)) return false; break;
  }
  std::string stripped;
  if (check.strip) {
    stripped = blank_matches(value, *check.strip);
    value = stripped;
  }
  const re2::StringPiece piece(value.data(), value.size());
  if (check.must_match && !RE2::PartialMatch(piece, *check.must_match)) return false;
  if (check.must_not_match && RE2::PartialMatch(piece, *check.must_not_match)) return false;
  bool matched = false;
  if (check.must_match_template &&
      (!partial_match_template(*check.must_match_template, piece, capture_text, matched) || !matched)) {
    return false;
  }
  if (check.must_not_match_template &&
      (!partial_match_template(*check.must_not_match_template, piece, capture_text, matched) || matched)) {
    return false;
  }
  return true;
}

// A span of the file and, within it, the secret (if the matcher names one).
struct Hit {
  Hit(std::uint32_t rule_index, std::uint32_t start_byte, std::uint32_t end_byte)
      : rule(rule_index), start(start_byte), end(end_byte) {}
  std::uint32_t rule;
  std::uint32_t start;
  std::uint32_t end;
  std::uint32_t secret_start = 0;
  std::uint32_t secret_end = 0;
  bool has_secret = false;
  std::string message;
  std::optional<Severity> level;  // set by a refinement; else the rule's severity
  std::uint32_t ordinal = 0;  // matcher order within the rule: ties go to the earlier matcher
};

std::string one_line(std::string_view text, std::size_t max) {
  std::string out;
  for (char c : text) {
    if (out.size() >= max) {
      out += "...";
      break;
    }
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  return out;
}

// Where a value is held, by grammar node kind: the field naming the holder. The value must come
// from another child (a token inside a dict key names no holder).
struct HolderKind {
  std::string_view kind;
  std::string_view field;
};
constexpr std::array<HolderKind, 11> kHolderKinds{{
    {"assignment", "left"},                      // Python  NAME = value
    {"augmented_assignment", "left"},            // Python  NAME += value
    {"keyword_argument", "name"},                // Python  f(name=value)
    {"default_parameter", "name"},               // Python  def f(name=value)
    {"pair", "key"},                             // Python dict / JavaScript object
    {"variable_declarator", "name"},             // JavaScript  const NAME = value
    {"assignment_expression", "left"},           // JavaScript  obj.NAME = value
    {"augmented_assignment_expression", "left"},
    {"assignment_pattern", "left"},              // JavaScript  function f(name = value)
    {"field_definition", "property"},            // JavaScript  class { name = value }
    {"typed_default_parameter", "name"},         // Python  def f(name: str = value)
}};

// Nodes a value passes through unchanged in meaning on its way to its holder: string pieces,
// concatenation and formatting, parentheses.
bool passes_value_through(std::string_view kind) {
  return kind.find("string") != std::string_view::npos || kind == "binary_operator" ||
         kind == "binary_expression" || kind == "parenthesized_expression" || kind == "interpolation" ||
         kind == "template_substitution" || kind == "escape_sequence";
}

}  // namespace

std::optional<std::string> value_holder(const TSTree* tree, std::string_view text, std::uint32_t start,
                                        std::uint32_t end) {
  if (tree == nullptr || end < start) return std::nullopt;
  constexpr int kMaxAncestors = 6;
  TSNode node = ts_node_named_descendant_for_byte_range(ts_tree_root_node(tree), start, end);
  for (int step = 0; step <= kMaxAncestors && !ts_node_is_null(node); ++step) {
    const TSNode parent = ts_node_parent(node);
    if (ts_node_is_null(parent)) return std::nullopt;
    const std::string_view kind = ts_node_type(parent);
    for (const HolderKind& holder : kHolderKinds) {
      if (kind != holder.kind) continue;
      const TSNode name = ts_node_child_by_field_name(parent, holder.field.data(),
                                                      static_cast<uint32_t>(holder.field.size()));
      if (ts_node_is_null(name) || ts_node_eq(name, node)) return std::nullopt;
      const std::string_view raw = node_text(text, name);
      const std::string_view unquoted = unquote_literal(raw);
      if (unquoted.empty() || unquoted.find('\n') != std::string_view::npos) return std::nullopt;
      return one_line(unquoted, 80);
    }
    if (!passes_value_through(kind)) return std::nullopt;
    node = parent;
  }
  return std::nullopt;
}

namespace {

// Message from template parts; `capture_text(id)` gives a capture's text and whether it is the secret;
// `holder()` the name holding the finding's value (see value_holder), computed only when asked.
template <typename CaptureText, typename Holder>
std::string render_message(const std::vector<MessagePart>& parts, int secret, bool show_secrets,
                           CaptureText capture_text, Holder holder) {
  std::string out;
  std::optional<std::optional<std::string>> holder_name;
  for (const auto& part : parts) {
    if (part.holder) {
      if (!holder_name) holder_name = holder();
      if (!*holder_name) {
        out += part.holder_fallback;
      } else if (part.holder_template.empty()) {
        out += **holder_name;
      } else {
        for (char c : part.holder_template) {
          if (c == '%') {
            out += **holder_name;
          } else {
            out += c;
          }
        }
      }
      continue;
    }
    if (part.capture < 0) {
      out += part.literal;
      continue;
    }
    std::string_view text = capture_text(part.capture);
    if (part.labels) {
      const auto& entries = part.labels->entries;
      const re2::StringPiece piece(text.data(), text.size());
      const auto hit = std::find_if(entries.begin(), entries.end(),
                                    [&](const auto& entry) { return RE2::PartialMatch(piece, *entry.first); });
      if (hit != entries.end()) {
        out += hit->second;
        continue;
      }
    }
    if (part.capture == secret) {
      out += redact(unquote_literal(text), show_secrets);
    } else {
      out += one_line(text, 80);
    }
  }
  return out;
}

bool symbol_in(const std::vector<TSSymbol>& sorted, TSSymbol symbol) {
  return std::binary_search(sorted.begin(), sorted.end(), symbol);
}

// What a descendant walk does after visiting a node.
enum class Step : std::uint8_t { Descend, Skip, Stop };  // Skip: not into this node's children

// Visits the descendants of `root` (not `root` itself) in document order with the workspace's
// cursor: O(nodes), where stepping by child index would be O(width²) per node.
template <typename Visit>
void walk_descendants(TSNode root, MatchWorkspace::State& ws, Visit visit) {
  if (!ws.walker) {
    ws.walker = ts_tree_cursor_new(root);
  } else {
    ts_tree_cursor_reset(&*ws.walker, root);
  }
  TSTreeCursor* cursor = &*ws.walker;
  if (!ts_tree_cursor_goto_first_child(cursor)) return;
  std::uint32_t depth = 1;
  for (;;) {
    const Step step = visit(ts_tree_cursor_current_node(cursor));
    if (step == Step::Stop) return;
    if (step == Step::Descend && ts_tree_cursor_goto_first_child(cursor)) {
      ++depth;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(cursor)) {
      if (--depth == 0 || !ts_tree_cursor_goto_parent(cursor)) return;
    }
  }
}

// The first node of the check's kinds in the file whose `name` field reads `name`. The index of
// a file's definitions is built on first use and kept until the next file.
bool find_definition(const StructuralCheck& check, std::string_view name, std::string_view text, TSNode root,
                     MatchWorkspace::State& ws, TSNode& found) {
  // Checks of the same kinds (one per matcher that looks for a callee) share one index.
  auto it = std::find_if(ws.definitions.begin(), ws.definitions.end(), [&](const auto& entry) {
    return entry.first == &check ||
           (entry.first->symbols == check.symbols && entry.first->name_field == check.name_field);
  });
  if (it == ws.definitions.end()) {
    ws.definitions.emplace_back(&check, std::unordered_map<std::string_view, TSNode>{});
    it = std::prev(ws.definitions.end());
    auto& index = it->second;
    walk_descendants(root, ws, [&](TSNode n) {
      if (symbol_in(check.symbols, ts_node_symbol(n))) {
        const TSNode id = ts_node_child_by_field_id(n, check.name_field);
        // The walk is in document order, so emplace keeps the first definition of a name.
        if (!ts_node_is_null(id)) index.emplace(node_text(text, id), n);
      }
      return Step::Descend;
    });
  }
  const auto hit = it->second.find(name);
  if (hit == it->second.end()) return false;
  found = hit->second;
  return true;
}

// The value last bound to `node`'s name before it in the same function: among the nodes of the
// check's kinds in the enclosing function (or the file, at top level; nested functions are not
// entered), those whose target reads the name exactly and ends before `node` starts; the latest
// target wins (`row = ...` then `for row in ...`: the loop); with `text`, that value must match it.
// A function that never binds the name (and has no parameter of that name) reads it from the
// function around it, and so on up to the file, as Python and JavaScript scoping do: a client
// created at module level (`CRM = axios.create(...)`) is found from a function that uses it.
// Each scope's index is built on first use and kept until the next file.
void ancestors_of(TSNode node, std::vector<TSNode>& path);

// Whether the parameter list of function `fn` names `name` (Python `parameters`, JavaScript
// `parameters` or an arrow's single `parameter`): a parameter hides the scopes around it.
bool has_parameter(TSNode fn, std::string_view name, std::string_view text, MatchWorkspace::State& ws) {
  bool found = false;
  for (const char* field : {"parameters", "parameter"}) {
    const TSNode params = ts_node_child_by_field_name(fn, field, static_cast<uint32_t>(std::strlen(field)));
    if (ts_node_is_null(params)) continue;
    if (std::string_view(ts_node_type(params)) == "identifier") return node_text(text, params) == name;
    walk_descendants(params, ws, [&](TSNode n) {
      if (std::string_view(ts_node_type(n)) == "identifier" && node_text(text, n) == name) {
        found = true;
        return Step::Stop;
      }
      return Step::Descend;
    });
    if (found) return true;
  }
  return false;
}

bool find_binding(const StructuralCheck& check, TSNode node, std::string_view text,
                  const std::vector<TSSymbol>& boundaries, MatchWorkspace::State& ws, TSNode& found) {
  const auto child = [](TSNode n, const std::array<TSFieldId, 2>& fields) {
    for (TSFieldId f : fields) {
      if (f == 0) continue;
      const TSNode c = ts_node_child_by_field_id(n, f);
      if (!ts_node_is_null(c)) return c;
    }
    return TSNode{};
  };
  ancestors_of(node, ws.ancestors);
  if (ws.ancestors.empty()) return false;
  // Checks of the same kinds share one index (the `text` filter is applied per lookup).
  const auto same_kinds = std::find_if(ws.binding_kinds.begin(), ws.binding_kinds.end(), [&](const StructuralCheck* c) {
    return c == &check || (c->symbols == check.symbols && c->target_fields == check.target_fields &&
                           c->value_fields == check.value_fields);
  });
  const StructuralCheck* key = &check;
  if (same_kinds == ws.binding_kinds.end()) {
    ws.binding_kinds.push_back(&check);
  } else {
    key = *same_kinds;
  }
  const std::string_view name = node_text(text, node);
  const std::uint32_t use = ts_node_start_byte(node);
  // The scopes around the node, innermost first: its enclosing functions (the boundaries on the
  // cached ancestor path), then the file (the path's root). Nothing below changes that path.
  for (std::size_t i = ws.ancestors.size(); i-- > 0;) {
    const TSNode scope = ws.ancestors[i];
    if (i != 0 && !symbol_in(boundaries, ts_node_symbol(scope))) continue;
    auto [entry, inserted] = ws.bindings.try_emplace({key, ts_node_start_byte(scope)});
    auto& index = entry->second;
    if (inserted) {
      walk_descendants(scope, ws, [&](TSNode n) {
        const TSSymbol symbol = ts_node_symbol(n);
        if (symbol_in(check.symbols, symbol)) {
          const TSNode target = child(n, check.target_fields);
          const TSNode value = child(n, check.value_fields);
          if (!ts_node_is_null(target) && !ts_node_is_null(value)) {
            index[node_text(text, target)].push_back({ts_node_start_byte(target), ts_node_end_byte(target), value});
          }
        }
        return symbol_in(boundaries, symbol) ? Step::Skip : Step::Descend;
      });
    }
    const auto hit = index.find(name);
    if (hit == index.end()) {
      // Not bound here: a parameter of this function, or else the scope around it.
      if (has_parameter(scope, name, text, ws)) return false;
      continue;
    }
    const MatchWorkspace::State::Binding* best = nullptr;
    for (const auto& binding : hit->second) {
      if (binding.target_end <= use && (best == nullptr || binding.target_start > best->target_start)) best = &binding;
    }
    if (best == nullptr) return false;  // bound in this scope, but only after the use
    if (check.text) {
      const std::string_view value = node_text(text, best->value);
      if (!RE2::PartialMatch(re2::StringPiece(value.data(), value.size()), *check.text)) return false;
    }
    found = best->value;
    return true;
  }
  return false;
}

bool encloses(TSNode outer, TSNode inner) {
  return ts_node_start_byte(outer) <= ts_node_start_byte(inner) && ts_node_end_byte(inner) <= ts_node_end_byte(outer);
}

// Fills `path` with the ancestors of `node`, root first (node itself excluded), reusing the part
// of the previous path that still encloses it.
void ancestors_of(TSNode node, std::vector<TSNode>& path) {
  const TSNode root = ts_tree_root_node(node.tree);
  if (path.empty() || !ts_node_eq(path.front(), root)) path.assign(1, root);
  if (ts_node_eq(node, root)) {
    path.clear();
    return;
  }
  while (path.size() > 1 && !encloses(path.back(), node)) path.pop_back();
  bool from_root = path.size() == 1;
  for (;;) {
    const TSNode child = ts_node_child_with_descendant(path.back(), node);
    if (ts_node_eq(child, node)) return;
    if (ts_node_is_null(child)) {
      // A kept entry enclosed the node by bytes without being its ancestor (zero-width or
      // equal-range neighbours): descend once more from the root. From the root, stop where
      // tree-sitter stops, as ts_node_parent does.
      if (from_root) return;
      path.assign(1, root);
      from_root = true;
      continue;
    }
    path.push_back(child);
  }
}

// `found` receives the ancestor (inside) or descendant (contains) that satisfied the check.
// `limit`: contains only counts descendants that end at or before this byte (`before`).
bool check_structure(const StructuralCheck& check, TSNode node, std::string_view text,
                     const std::vector<TSSymbol>& boundaries, MatchWorkspace::State& ws, TSNode& found,
                     std::uint32_t limit = UINT32_MAX) {
  using Kind = StructuralCheck::Kind;
  const auto text_ok = [&](TSNode n) {
    if (!check.text) return true;
    const std::string_view t = node_text(text, n);
    return RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), *check.text);
  };
  if (check.kind == Kind::Inside || check.kind == Kind::NotInside) {
    bool inside = false;
    ancestors_of(node, ws.ancestors);
    for (auto it = ws.ancestors.rbegin(); it != ws.ancestors.rend(); ++it) {
      const TSNode n = *it;
      const TSSymbol symbol = ts_node_symbol(n);
      if (symbol_in(check.symbols, symbol) && text_ok(n)) {
        inside = true;
        found = n;
        break;
      }
      if (symbol_in(boundaries, symbol)) break;
    }
    return check.kind == Kind::Inside ? inside : !inside;
  }
  // contains / notContains: an iterative walk of the descendants, not into nested functions.
  bool contains = false;
  walk_descendants(node, ws, [&](TSNode n) {
    if (ts_node_start_byte(n) >= limit) return Step::Stop;  // document order: all later nodes too
    const TSSymbol symbol = ts_node_symbol(n);
    if (symbol_in(check.symbols, symbol) && ts_node_end_byte(n) <= limit) {
      if (text_ok(n)) {
        contains = true;
        found = n;
        return Step::Stop;
      }
    }
    return symbol_in(boundaries, symbol) ? Step::Skip : Step::Descend;
  });
  return check.kind == Kind::Contains ? contains : !contains;
}

// Evaluates one predicate against the captures of a match.
bool predicate_holds(const Predicate& p, std::string_view text,
                     const std::vector<std::pair<std::uint32_t, TSNode>>& captures) {
  auto test = [&](TSNode node) {
    const std::string_view value = node_text(text, node);
    bool result = false;
    switch (p.op) {
      case Predicate::Op::Eq:
        if (p.other_capture >= 0) {
          for (const auto& [id, other] : captures) {
            if (id == static_cast<std::uint32_t>(p.other_capture)) {
              result = value == node_text(text, other);
              break;
            }
          }
        } else {
          result = value == p.values[0];
        }
        break;
      case Predicate::Op::Match:
        result = RE2::PartialMatch(re2::StringPiece(value.data(), value.size()), *p.regex);
        break;
      case Predicate::Op::AnyOf:
        result = std::find(p.values.begin(), p.values.end(), value) != p.values.end();
        break;
    }
    return result != p.negate;
  };
  bool any_passed = false;
  bool all_passed = true;
  for (const auto& [id, node] : captures) {
    if (id != p.capture) continue;
    const bool ok = test(node);
    any_passed = any_passed || ok;
    all_passed = all_passed && ok;
  }
  return p.any ? any_passed : all_passed;
}

// The first refinement whose checks all pass, or null.
template <typename ValueOk>
const Refinement* first_refinement(const std::vector<Refinement>& refinements, ValueOk value_ok) {
  for (const Refinement& refinement : refinements) {
    if (std::all_of(refinement.checks.begin(), refinement.checks.end(), value_ok)) return &refinement;
  }
  return nullptr;
}

// Evaluates one query match (its captures already in ws.captures, in the matcher's own capture
// ids) through predicates, value and structural checks, and records a hit.
void process_match(std::uint32_t rule_index, std::uint32_t ordinal, const QueryMatcher& matcher,
                   std::uint32_t pattern_index, const MatchInput& input,
                   const std::vector<TSSymbol>& boundaries, const MatchOptions& options, MatchWorkspace::State& ws,
                   std::vector<Hit>& hits) {
  {
    bool ok = true;
    for (const Predicate& p : matcher.predicates[pattern_index]) {
      if (!predicate_holds(p, input.text, ws.captures)) {
        ok = false;
        break;
      }
    }
    if (!ok) return;
    auto first_node = [&](int capture, TSNode& out) {
      for (const auto& [id, node] : ws.captures) {
        if (id == static_cast<std::uint32_t>(capture)) {
          out = node;
          return true;
        }
      }
      for (const detail::FieldCapture& field : matcher.field_captures) {
        if (field.id != capture) continue;
        TSNode base;
        bool found = false;
        for (const auto& [id, node] : ws.captures) {
          if (id == static_cast<std::uint32_t>(field.base)) {
            base = node;
            found = true;
            break;
          }
        }
        if (!found) return false;
        out = ts_node_child_by_field_id(base, field.field);
        return !ts_node_is_null(out);
      }
      return false;
    };
    auto capture_text = [&](int capture, std::string_view& out) {
      TSNode node;
      if (!first_node(capture, node)) return false;
      out = unquote_literal(node_text(input.text, node));
      return true;
    };
    auto value_ok = [&](const ValueCheck& check) {
      std::string_view value;
      TSNode node;
      return capture_text(check.capture, value) && first_node(check.capture, node) &&
             passes_value_check(check, value, options, capture_text,
                                std::string_view(ts_node_type(node)).find("string") != std::string_view::npos);
    };
    // Checks on the query's own captures first (cheap, and most candidates fail there); checks on
    // names bound by `where` and on field captures need the structural checks to have run.
    const auto depends_on_structure = [&](const ValueCheck& check) {
      const auto bound = [&](const std::shared_ptr<const detail::RegexTemplate>& t) {
        return t && std::any_of(t->captures.begin(), t->captures.end(),
                                [&](int c) { return c >= matcher.first_bound_capture; });
      };
      return check.capture >= matcher.first_bound_capture || bound(check.must_match_template) ||
             bound(check.must_not_match_template);
    };
    for (const ValueCheck& check : matcher.checks) {
      if (!depends_on_structure(check) && !value_ok(check)) {
        ok = false;
        break;
      }
    }
    if (!ok) return;
    for (const StructuralCheck& check : matcher.structure) {
      TSNode node;
      TSNode found{};
      // A negative check on an absent capture (an optional name left unbound, a missing field) holds:
      // "the loop's `.length` array is not a small literal" is true when the condition has none.
      // So does one whose `before` capture is absent; a positive one fails.
      const bool negative = check.kind == StructuralCheck::Kind::NotBinding ||
                            check.kind == StructuralCheck::Kind::NotInside ||
                            check.kind == StructuralCheck::Kind::NotContains;
      TSNode bound;
      if (!first_node(check.capture, node) || (check.before >= 0 && !first_node(check.before, bound))) {
        if (negative || check.optional) continue;
        ok = false;
        break;
      }
      // `before`: descendants must end before that capture's node starts.
      const std::uint32_t limit = check.before < 0 ? UINT32_MAX : ts_node_start_byte(bound);
      const bool holds =
          (check.kind == StructuralCheck::Kind::Definition
               ? find_definition(check, node_text(input.text, node), input.text, ts_tree_root_node(input.tree), ws, found)
           : check.kind == StructuralCheck::Kind::Binding
               ? find_binding(check, node, input.text, boundaries, ws, found)
           : check.kind == StructuralCheck::Kind::NotBinding
               ? !find_binding(check, node, input.text, boundaries, ws, found)
               : check_structure(check, node, input.text, boundaries, ws, found, limit));
      if (!holds) {
        if (check.optional) continue;  // the name stays unbound; checks that need it fail
        ok = false;
        break;
      }
      if (check.bind >= 0) ws.captures.emplace_back(static_cast<std::uint32_t>(check.bind), found);
    }
    if (!ok) return;
    for (const ValueCheck& check : matcher.checks) {
      if (depends_on_structure(check) && !value_ok(check)) {
        ok = false;
        break;
      }
    }
    if (!ok) return;
    TSNode report;
    if (!first_node(matcher.report_capture, report)) return;  // optional capture absent
    Hit hit{rule_index, ts_node_start_byte(report), ts_node_end_byte(report)};
    hit.ordinal = ordinal;
    TSNode secret;
    if (matcher.secret_capture >= 0 && first_node(matcher.secret_capture, secret)) {
      const std::string_view raw = node_text(input.text, secret);
      const std::string_view value = unquote_literal(raw);
      hit.has_secret = true;
      hit.secret_start = ts_node_start_byte(secret) + static_cast<std::uint32_t>(value.data() - raw.data());
      hit.secret_end = hit.secret_start + static_cast<std::uint32_t>(value.size());
    }
    const Refinement* refinement = first_refinement(matcher.refinements, value_ok);
    if (refinement != nullptr) hit.level = refinement->severity;
    const auto& message = refinement != nullptr && !refinement->message.empty() ? refinement->message : matcher.message;
    hit.message = render_message(message, matcher.secret_capture, options.show_secrets, [&](int capture) {
      TSNode node;
      return first_node(capture, node) ? node_text(input.text, node) : std::string_view{};
    }, [&] {
      return hit.has_secret ? value_holder(input.tree, input.text, hit.secret_start, hit.secret_end)
                            : value_holder(input.tree, input.text, hit.start, hit.end);
    });
    hits.push_back(std::move(hit));
  }
}

// One query per matcher: the fallback when the combined query of a grammar is not available.
void run_query(std::uint32_t rule_index, std::uint32_t ordinal, const QueryMatcher& matcher,
               const MatchInput& input, const std::vector<TSSymbol>& boundaries, const MatchOptions& options,
               MatchWorkspace::State& ws, std::vector<Hit>& hits) {
  TSQueryCursor* cursor = ws.cursor.get();
  ts_query_cursor_exec(cursor, matcher.query.get(), ts_tree_root_node(input.tree));
  TSQueryMatch match;
  while (ts_query_cursor_next_match(cursor, &match)) {
    ws.captures.clear();
    for (uint16_t i = 0; i < match.capture_count; ++i) {
      ws.captures.emplace_back(match.captures[i].index, match.captures[i].node);
    }
    process_match(rule_index, ordinal, matcher, match.pattern_index, input, boundaries, options, ws, hits);
  }
}

// A file read as the tokens of a "block" (BlockExtent), once per file and matcher, and only when
// the matcher's regex matched: every token in order, each opener paired with the close that
// balances it.
class BlockTokens {
 public:
  BlockTokens(std::string_view text, const detail::BlockExtent& block) : size_(text.size()) {
    const RE2& re = *block.tokens;
    std::vector<re2::StringPiece> groups(static_cast<std::size_t>(re.NumberOfCapturingGroups() + 1));
    const re2::StringPiece whole(text.data(), text.size());
    std::vector<std::size_t> open;  // indices of the openers not closed yet
    for (std::size_t at = 0; at <= text.size() &&
                             re.Match(whole, at, text.size(), RE2::UNANCHORED, groups.data(), static_cast<int>(groups.size()));) {
      const auto start = static_cast<std::uint32_t>(groups[0].data() - text.data());
      const auto end = start + static_cast<std::uint32_t>(groups[0].size());
      at = end > start ? end : start + 1;
      Kind kind = Kind::Skip;
      for (std::size_t k = 0; k < block.kind_group.size(); ++k) {
        const int g = block.kind_group[k];
        if (g >= 0 && groups[static_cast<std::size_t>(g)].data() != nullptr) {
          kind = static_cast<Kind>(k);
          break;
        }
      }
      if (end == start && kind != Kind::End) continue;  // an empty skip, open or close means nothing
      tokens_.push_back({start, end, kind, -1});
      if (kind == Kind::Open) {
        open.push_back(tokens_.size() - 1);
      } else if (kind == Kind::Close && !open.empty()) {
        tokens_[open.back()].pair = static_cast<std::int64_t>(tokens_.size() - 1);
        open.pop_back();
      }
    }
    memo_.assign(tokens_.size(), kUnknown);
  }

  // The end of the block or statement that starts at `start`, or none when the text there is not
  // code (inside a token: a string or comment) or its block is never closed. A block starts
  // with an opener right at `start` and ends after the close that balances it; anything else is a
  // statement, which ends before the first end token or close outside the blocks it contains (a
  // close there ends the block around the statement) or with the text.
  std::optional<std::size_t> end_of(std::size_t start) {
    auto it = std::lower_bound(tokens_.begin(), tokens_.end(), start,
                               [](const Token& t, std::size_t at) { return t.start < at; });
    if (it != tokens_.begin() && std::prev(it)->end > start) return std::nullopt;  // inside a token
    auto k = static_cast<std::size_t>(it - tokens_.begin());
    if (k < tokens_.size() && tokens_[k].start == start && tokens_[k].kind == Kind::Open) {
      const std::int64_t pair = tokens_[k].pair;
      if (pair < 0) return std::nullopt;
      return tokens_[static_cast<std::size_t>(pair)].end;
    }
    const std::int64_t end = statement_end(k);
    if (end == kUnbalanced) return std::nullopt;
    return static_cast<std::size_t>(end);
  }

 private:
  enum class Kind : std::uint8_t { Skip, Close, Open, End };  // the order of BlockExtent::kind_group
  struct Token {
    std::uint32_t start;
    std::uint32_t end;
    Kind kind;
    std::int64_t pair;  // an opener: the index of its close (-1: never closed)
  };
  static constexpr std::int64_t kUnknown = -2;
  static constexpr std::int64_t kUnbalanced = -1;

  // Walks the statement's own tokens from index k, jumping over the blocks it contains. Every walk
  // through a token ends the same way, so each answer is kept for all the tokens it passed: the
  // walks of all statements in a file take linear time together.
  std::int64_t statement_end(std::size_t k) {
    std::vector<std::size_t> passed;
    std::int64_t result = static_cast<std::int64_t>(size_);
    for (; k < tokens_.size(); ++k) {
      if (memo_[k] != kUnknown) {
        result = memo_[k];
        break;
      }
      passed.push_back(k);
      const Token& t = tokens_[k];
      if (t.kind == Kind::Close || t.kind == Kind::End) {
        result = t.start;
        break;
      }
      if (t.kind == Kind::Open) {
        if (t.pair < 0) {
          result = kUnbalanced;
          break;
        }
        k = static_cast<std::size_t>(t.pair);  // the loop's ++k steps past the close
      }
    }
    for (std::size_t p : passed) memo_[p] = result;
    return result;
  }

  std::size_t size_;
  std::vector<Token> tokens_;
  std::vector<std::int64_t> memo_;
};

void run_regex(std::uint32_t rule_index, const RegexMatcher& matcher, const MatchInput& input,
               const MatchOptions& options, std::vector<Hit>& hits) {
  const RE2& re = *matcher.regex;
  const int group_count = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(static_cast<std::size_t>(group_count));
  const re2::StringPiece text(input.text.data(), input.text.size());
  // "within": the spans a finding must lie inside (e.g. one statement that calls a mail procedure).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> regions;
  if (matcher.within) {
    re2::StringPiece region;
    for (std::size_t at = 0; at <= text.size() && matcher.within->Match(text, at, text.size(), RE2::UNANCHORED, &region, 1);) {
      const auto start = static_cast<std::uint32_t>(region.data() - text.data());
      regions.emplace_back(start, start + static_cast<std::uint32_t>(region.size()));
      at = start + std::max<std::size_t>(region.size(), 1);
    }
    if (regions.empty()) return;
  }
  std::optional<BlockTokens> block_tokens;
  std::size_t pos = 0;
  while (pos <= text.size() &&
         re.Match(text, pos, text.size(), RE2::UNANCHORED, groups.data(), group_count)) {
    const auto offset_of = [&](const re2::StringPiece& g) {
      return static_cast<std::uint32_t>(g.data() - text.data());
    };
    const std::uint32_t start = offset_of(groups[0]);
    std::uint32_t end = start + static_cast<std::uint32_t>(groups[0].size());
    pos = groups[0].empty() ? end + 1 : end;  // a block's extension does not move it: nested blocks match too
    if (matcher.block) {
      auto& g = groups[static_cast<std::size_t>(matcher.block->group)];
      if (g.data() == nullptr) continue;
      if (!block_tokens) block_tokens.emplace(input.text, *matcher.block);
      const std::optional<std::size_t> block_end = block_tokens->end_of(offset_of(g));
      if (!block_end) continue;  // not code, or a block that is never closed: not judged
      g = re2::StringPiece(g.data(), *block_end - offset_of(g));
      end = std::max(end, static_cast<std::uint32_t>(*block_end));
      groups[0] = re2::StringPiece(groups[0].data(), end - start);
    }
    auto group_text = [&](int g) {
      const auto& piece = groups[static_cast<std::size_t>(g)];
      return piece.data() ? std::string_view(piece.data(), piece.size()) : std::string_view{};
    };
    auto other_group = [&](int g, std::string_view& out) {
      if (groups[static_cast<std::size_t>(g)].data() == nullptr) return false;
      out = group_text(g);
      return true;
    };
    const auto value_ok = [&](const ValueCheck& check) {
      return passes_value_check(check, group_text(check.capture), options, other_group);
    };
    if (!std::all_of(matcher.checks.begin(), matcher.checks.end(), value_ok)) continue;
    Hit hit{rule_index, start, end};
    if (matcher.report_group >= 0 && groups[static_cast<std::size_t>(matcher.report_group)].data()) {
      const auto& g = groups[static_cast<std::size_t>(matcher.report_group)];
      hit.start = offset_of(g);
      hit.end = hit.start + static_cast<std::uint32_t>(g.size());
    }
    if (matcher.within && std::none_of(regions.begin(), regions.end(), [&](const auto& r) {
          return r.first <= hit.start && hit.end <= r.second;
        })) {
      continue;
    }
    if (matcher.secret_group >= 0 && groups[static_cast<std::size_t>(matcher.secret_group)].data()) {
      const auto& g = groups[static_cast<std::size_t>(matcher.secret_group)];
      hit.has_secret = true;
      hit.secret_start = offset_of(g);
      hit.secret_end = hit.secret_start + static_cast<std::uint32_t>(g.size());
    }
    const Refinement* refinement = first_refinement(matcher.refinements, value_ok);
    if (refinement != nullptr) hit.level = refinement->severity;
    const auto& message = refinement != nullptr && !refinement->message.empty() ? refinement->message : matcher.message;
    hit.message = render_message(message, matcher.secret_group, options.show_secrets, group_text, [&] {
      return hit.has_secret ? value_holder(input.tree, input.text, hit.secret_start, hit.secret_end)
                            : value_holder(input.tree, input.text, hit.start, hit.end);
    });
    hits.push_back(std::move(hit));
  }
}

constexpr std::uint32_t kQueryOrdinal = 0x8000;  // query matchers rank after a rule's regexes

// The text of `node` (a "pieces" text kind) as pieces: its named children (escape sequences) and the
// placeholder's matches are holes.
void add_text(const detail::EmbeddedPieces& how, std::string_view text, TSNode node, EmbeddedRegion& region) {
  std::uint32_t at = ts_node_start_byte(node);
  const auto piece_to = [&](std::uint32_t end) {
    // The placeholder's first group, where it took part in a match, is a hole.
    if (how.placeholder && end > at) {
      const std::uint32_t base = at;  // offsets in `piece` count from here
      const std::string_view piece = text.substr(base, end - base);
      const re2::StringPiece subject(piece.data(), piece.size());
      std::array<re2::StringPiece, 2> groups;
      std::size_t pos = 0;
      while (pos < piece.size() &&
             how.placeholder->Match(subject, pos, piece.size(), RE2::UNANCHORED, groups.data(), 2)) {
        const std::size_t match_end = static_cast<std::size_t>(groups[0].data() - piece.data()) + groups[0].size();
        if (groups[1].data() != nullptr && !groups[1].empty()) {
          const auto hole_start = base + static_cast<std::uint32_t>(groups[1].data() - piece.data());
          const auto hole_end = hole_start + static_cast<std::uint32_t>(groups[1].size());
          if (hole_start > at) region.pieces.push_back({at, hole_start});
          region.holes.push_back({hole_start, hole_end});
          at = hole_end;
        }
        pos = std::max(match_end, pos + (groups[0].empty() ? 1 : 0));
      }
    }
    if (end > at) region.pieces.push_back({at, end});
    at = std::max(at, end);
  };
  const uint32_t count = ts_node_child_count(node);
  for (uint32_t i = 0; i < count; ++i) {
    const TSNode child = ts_node_child(node, i);
    if (!ts_node_is_named(child)) continue;
    piece_to(ts_node_start_byte(child));
    region.holes.push_back({ts_node_start_byte(child), ts_node_end_byte(child)});
    at = ts_node_end_byte(child);
  }
  piece_to(ts_node_end_byte(node));
}

// The region of the embedded text at [start, end) of the host: that span whole, or with the
// entry's "pieces", the text nodes of the expression there (a string, an f-string, a template, a
// concatenation) as pieces and every other named node in it as a hole.
void add_regions(const std::vector<Hit>& hits, const detail::EmbeddedMatcher& embedded, std::uint32_t entry,
                 const MatchInput& input, MatchWorkspace::State& ws, std::vector<EmbeddedRegion>& regions) {
  for (const Hit& hit : hits) {
    if (hit.end <= hit.start) continue;
    EmbeddedRegion region{hit.start, hit.end, embedded.language, {}, {}, entry};
    if (!embedded.pieces) {
      region.pieces.push_back({hit.start, hit.end});
      regions.push_back(std::move(region));
      continue;
    }
    const detail::EmbeddedPieces& how = *embedded.pieces;
    const TSNode top = ts_node_descendant_for_byte_range(ts_tree_root_node(input.tree), hit.start, hit.end);
    const auto visit = [&](TSNode node) {
      const TSSymbol symbol = ts_node_symbol(node);
      if (symbol_in(how.text, symbol)) {
        add_text(how, input.text, node, region);
        return Step::Skip;
      }
      if (!ts_node_is_named(node) || ts_node_is_extra(node)) return Step::Skip;  // quotes, operators, comments
      if (symbol_in(how.through, symbol)) return Step::Descend;
      region.holes.push_back({ts_node_start_byte(node), ts_node_end_byte(node)});
      return Step::Skip;
    };
    if (visit(top) == Step::Descend) walk_descendants(top, ws, visit);
    if (region.pieces.empty()) continue;  // no text known before run time
    region.start = region.pieces.front().start;
    region.end = region.pieces.back().end;
    if (!region.holes.empty()) {
      region.start = std::min(region.start, region.holes.front().start);
      region.end = std::max(region.end, region.holes.back().end);
    }
    regions.push_back(std::move(region));
  }
}

// Sorted by position, each region once (two entries may report the same string).
void finish_regions(std::vector<EmbeddedRegion>& regions) {
  std::sort(regions.begin(), regions.end(), [](const EmbeddedRegion& a, const EmbeddedRegion& b) {
    return std::tie(a.start, a.end, a.language, a.entry) < std::tie(b.start, b.end, b.language, b.entry);
  });
  regions.erase(std::unique(regions.begin(), regions.end(),
                            [](const EmbeddedRegion& a, const EmbeddedRegion& b) {
                              return a.start == b.start && a.end == b.end && a.language == b.language;
                            }),
                regions.end());
}

// One walk of the tree for every query matcher of the grammar; matches of rules the prefilter
// ruled out, or of matchers for another language on this grammar, are dropped here. With
// `regions`, the matches of the packs' embedded entries become regions of embedded text in the
// same walk (without, they are dropped too).
void run_combined(const detail::CompiledRules& compiled, const detail::CombinedQuery& combined,
                  const std::vector<std::uint32_t>& candidates, const MatchInput& input,
                  const std::vector<TSSymbol>& boundaries, const MatchOptions& options, MatchWorkspace::State& ws,
                  std::vector<Hit>& hits, std::vector<EmbeddedRegion>* regions) {
  std::uint64_t* const rule_ns = options.rule_ns;
  ws.candidate.assign(compiled.rules.size(), false);
  for (std::uint32_t r : candidates) ws.candidate[r] = true;
  const detail::LanguageMask bit = detail::language_bit(input.language);
  TSQueryCursor* cursor = ws.cursor.get();
  ts_query_cursor_exec(cursor, combined.query.get(), ts_tree_root_node(input.tree));
  TSQueryMatch match;
  // --stats: the time since the last charge goes to a rule, or to the shared walk (the cursor, and
  // finding embedded text, which belongs to no rule).
  std::uint64_t since = rule_ns != nullptr ? now_ns() : 0;
  const auto charge = [&](std::uint64_t* counter) {
    if (rule_ns == nullptr) return;
    const std::uint64_t now = now_ns();
    if (counter != nullptr) *counter += now - since;
    since = now;
  };
  // The match's captures under the owner's own capture numbers.
  const auto map_captures = [&](const detail::CombinedQuery::Owner& owner) {
    ws.captures.clear();
    for (uint16_t i = 0; i < match.capture_count; ++i) {
      const int local = owner.capture_map[match.captures[i].index];
      if (local >= 0) ws.captures.emplace_back(static_cast<std::uint32_t>(local), match.captures[i].node);
    }
  };
  std::vector<Hit> found;  // an embedded entry's matches, reused
  while (ts_query_cursor_next_match(cursor, &match)) {
    charge(options.query_walk_ns);
    // Matchers with the same query text share its patterns: the match goes to each of them.
    const std::uint32_t first = combined.pattern_owner[match.pattern_index];
    const auto& twins = combined.owners[first].twins;
    for (std::size_t k = 0; k <= twins.size(); ++k) {
      const auto& owner = combined.owners[k == 0 ? first : twins[k - 1]];
      const std::uint32_t pattern = match.pattern_index - owner.first_pattern;
      if (owner.embedded) {
        const detail::EmbeddedMatcher& embedded = compiled.embedded[owner.matcher];
        if (regions != nullptr && !input.embedded && (embedded.matcher.languages & bit) != 0) {
          map_captures(owner);
          found.clear();
          process_match(0, 0, embedded.matcher, pattern, input, boundaries, MatchOptions{}, ws, found);
          add_regions(found, embedded, owner.matcher, input, ws, *regions);
        }
        charge(options.query_walk_ns);
        continue;
      }
      const QueryMatcher& matcher = compiled.rules[owner.rule].queries[owner.matcher];
      if (ws.candidate[owner.rule] && (matcher.languages & bit) != 0 && matcher.sensitivity <= options.sensitivity) {
        map_captures(owner);
        process_match(owner.rule, kQueryOrdinal + owner.matcher, matcher, pattern, input, boundaries, options, ws,
                      hits);
      }
      charge(rule_ns != nullptr ? &rule_ns[owner.rule] : nullptr);
    }
  }
  charge(options.query_walk_ns);
}

bool yields_to(const std::vector<std::string>& patterns, const std::string& id) {
  for (const auto& pattern : patterns) {
    if (pattern == id) return true;
    if (pattern.size() > 2 && pattern.ends_with("/*") &&
        id.rfind(pattern.substr(0, pattern.size() - 1), 0) == 0) {
      return true;
    }
  }
  return false;
}

std::string normalize_code(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

// The part of a finding's first line that snippets and fingerprints look at: the whole line, or
// on a long (minified) line the bytes around the finding, so that neither costs the line's length
// per finding and a fingerprint does not change when code far away on the same line does.
struct LineWindow {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool clipped_before = false;
  bool clipped_after = false;
};

LineWindow line_window(const MatchInput& input, std::uint32_t line, std::uint32_t at) {
  constexpr std::uint32_t kLongLine = 4096;
  constexpr std::uint32_t kAround = 1024;
  const std::uint32_t line_start = input.lines.line_start(line);
  const auto line_end = line_start + static_cast<std::uint32_t>(input.lines.line_text(line).size());
  LineWindow window{line_start, line_end, false, false};
  if (line_end - line_start <= kLongLine) return window;
  auto continuation = [&](std::uint32_t i) { return (static_cast<unsigned char>(input.text[i]) & 0xC0) == 0x80; };
  if (at > line_start + kAround) {
    window.begin = at - kAround;
    while (window.begin < at && continuation(window.begin)) ++window.begin;  // whole code points
    window.clipped_before = true;
  }
  if (line_end - at > kAround) {
    window.end = at + kAround;
    while (window.end > at && continuation(window.end)) --window.end;
    window.clipped_after = true;
  }
  return window;
}

// The finding's first line with every secret on it redacted (not only this finding's: a line can
// hold a key and a password), clipped around the finding on very long lines.
std::string make_snippet(const MatchInput& input, const Region& region,
                         const std::vector<std::pair<std::uint32_t, std::uint32_t>>& secrets, bool show_secrets) {
  const LineWindow window = line_window(input, region.start_line, region.start_byte);
  const std::uint32_t line_start = window.begin;
  const std::uint32_t line_end = window.end;
  std::string text;
  std::uint32_t at_in_text = 0;  // where the finding starts in `text`
  std::uint32_t pos = line_start;
  // Sorted by start and non-overlapping, so also by end: skip those that end before the line.
  const auto first = std::partition_point(secrets.begin(), secrets.end(), [&](const auto& s) { return s.second <= pos; });
  for (auto span = first; span != secrets.end() && span->first < line_end; ++span) {
    const auto [start, end] = *span;
    const std::uint32_t from = std::max(start, pos);
    const std::uint32_t to = std::min(end, line_end);
    if (region.start_byte >= pos && region.start_byte < from) at_in_text = static_cast<std::uint32_t>(text.size() + (region.start_byte - pos));
    text += input.text.substr(pos, from - pos);
    if (region.start_byte >= from && region.start_byte < to) at_in_text = static_cast<std::uint32_t>(text.size());
    text += redact(input.text.substr(start, end - start), show_secrets);
    pos = to;
  }
  if (region.start_byte >= pos) at_in_text = static_cast<std::uint32_t>(text.size() + (region.start_byte - pos));
  if (pos < line_end) text += input.text.substr(pos, line_end - pos);
  constexpr std::size_t kMax = 240;
  if (text.size() > kMax) {
    // Cut at code-point starts, so that a clipped snippet stays valid UTF-8 where the line was.
    auto continuation = [&](std::size_t i) { return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
    const std::size_t at = std::min<std::size_t>(at_in_text, text.size());
    std::size_t from = at > 60 ? at - 60 : 0;
    for (int back = 0; back < 3 && from > 0 && continuation(from); ++back) --from;
    std::size_t to = std::min(from + kMax, text.size());
    for (int back = 0; back < 3 && to < text.size() && to > from && continuation(to); ++back) --to;
    text = (from > 0 || window.clipped_before ? "..." : "") + text.substr(from, to - from) +
           (to < text.size() || window.clipped_after ? "..." : "");
  } else if (window.clipped_before || window.clipped_after) {
    text = (window.clipped_before ? "..." : "") + text + (window.clipped_after ? "..." : "");
  }
  return text;
}

// Sorted, overlapping spans joined: the form make_snippet walks.
std::vector<std::pair<std::uint32_t, std::uint32_t>> merge_spans(std::vector<std::pair<std::uint32_t, std::uint32_t>> spans) {
  std::sort(spans.begin(), spans.end());
  std::vector<std::pair<std::uint32_t, std::uint32_t>> merged;
  for (const auto& span : spans) {
    if (!merged.empty() && span.first < merged.back().second) {
      merged.back().second = std::max(merged.back().second, span.second);
    } else {
      merged.push_back(span);
    }
  }
  return merged;
}

}  // namespace

void finish_snippets(std::string_view text, const LineIndex& lines,
                     std::vector<std::pair<std::uint32_t, std::uint32_t>> secret_spans, unsigned context_lines,
                     bool show_secrets, std::vector<Finding>& findings) {
  if (findings.empty()) return;
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> merged = merge_spans(std::move(secret_spans));
  const MatchInput input{text, Language::Python, lines};  // make_snippet reads only the text and lines
  for (Finding& finding : findings) finding.snippet = make_snippet(input, finding.region, merged, show_secrets);
  if (context_lines == 0) return;
  const unsigned count = context_lines;
  // Each line rendered like a snippet that starts at the line's first byte (so a long line is
  // clipped from its start); a line is rendered once however many findings show it.
  std::unordered_map<std::uint32_t, std::string> rendered;
  auto line = [&](std::uint32_t number) -> const std::string& {
    auto [slot, added] = rendered.try_emplace(number);
    if (added) {
      Region region;
      region.start_line = region.end_line = number;
      region.start_byte = region.end_byte = lines.line_start(number);
      slot->second = make_snippet(input, region, merged, show_secrets);
    }
    return slot->second;
  };
  // A file ending in a newline has an empty last "line": it is not code.
  std::uint32_t last = lines.line_count();
  if (last > 1 && lines.line_text(last).empty()) --last;
  for (Finding& finding : findings) {
    const std::uint32_t at = finding.region.start_line;
    finding.context_before.clear();
    finding.context_after.clear();
    if (at < 1 || at > last) continue;
    for (std::uint32_t n = at > count ? at - count : 1; n < at; ++n) finding.context_before.push_back(line(n));
    for (std::uint32_t n = at + 1; n <= last && n <= at + count; ++n) finding.context_after.push_back(line(n));
  }
}

namespace {

// A new tree: the definition and binding indexes and the cached ancestor path belong to the last one.
void forget_tree(MatchWorkspace::State& ws) {
  ws.definitions.clear();
  ws.bindings.clear();
  ws.binding_kinds.clear();
  ws.ancestors.clear();
}

// Without a combined query every embedded matcher has a query of its own.
void find_embedded_one_by_one(const detail::CompiledRules& compiled, const MatchInput& input,
                              const std::vector<TSSymbol>& boundaries, MatchWorkspace::State& ws,
                              std::vector<EmbeddedRegion>& out) {
  const detail::LanguageMask bit = detail::language_bit(input.language);
  std::vector<Hit> hits;
  for (std::uint32_t e = 0; e < compiled.embedded.size(); ++e) {
    const detail::EmbeddedMatcher& embedded = compiled.embedded[e];
    if (embedded.matcher.grammar != grammar_of(input.language) || (embedded.matcher.languages & bit) == 0 ||
        !embedded.matcher.query) {
      continue;
    }
    hits.clear();
    run_query(0, 0, embedded.matcher, input, boundaries, MatchOptions{}, ws, hits);
    add_regions(hits, embedded, e, input, ws, out);
  }
}

}  // namespace

void find_embedded(const RuleSet& rules, const MatchInput& input, MatchWorkspace& workspace,
                   std::vector<EmbeddedRegion>& out) {
  out.clear();
  if (input.tree == nullptr) return;
  const detail::CompiledRules& compiled = rules.compiled();
  const Grammar grammar = grammar_of(input.language);
  const auto& boundaries = compiled.grammars[static_cast<int>(grammar)].function_boundaries;
  forget_tree(workspace.state());
  std::vector<Hit> hits;  // stays empty: no rule is a candidate
  const detail::CombinedQuery& combined = detail::combined_query(compiled, grammar);
  if (combined.query) {
    run_combined(compiled, combined, {}, input, boundaries, MatchOptions{}, workspace.state(), hits, &out);
  } else {
    find_embedded_one_by_one(compiled, input, boundaries, workspace.state(), out);
  }
  finish_regions(out);
}

namespace {

// A hole inside a node the entry calls harmless (an SQL string literal around it) changes a value,
// not the statement's structure.
bool harmless_hole(const detail::EmbeddedPieces* how, std::string_view text, TSNode root, ByteRange hole) {
  if (how == nullptr || how->harmless.empty()) return false;
  for (TSNode node = ts_node_descendant_for_byte_range(root, hole.start, hole.end); !ts_node_is_null(node);
       node = ts_node_parent(node)) {
    const std::uint32_t start = ts_node_start_byte(node);
    const std::uint32_t end = ts_node_end_byte(node);
    if (start < hole.start && hole.end < end && symbol_in(how->harmless, ts_node_symbol(node)) &&
        RE2::FullMatch(re2::StringPiece(text.data() + start, end - start), *how->harmless_text)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::size_t drop_findings_at_holes(const RuleSet& rules, const EmbeddedRegion& region, std::string_view text,
                                   const TSTree* tree, std::vector<Finding>& out, std::size_t first) {
  if (region.holes.empty() || first >= out.size() || tree == nullptr) return 0;
  const detail::CompiledRules& compiled = rules.compiled();
  const detail::EmbeddedPieces* how =
      region.entry < compiled.embedded.size() ? compiled.embedded[region.entry].pieces.get() : nullptr;
  const TSNode root = ts_tree_root_node(tree);
  std::vector<std::uint32_t> structural;  // positions of the holes that could change a statement
  for (const ByteRange& hole : region.holes) {
    if (!harmless_hole(how, text, root, hole)) structural.push_back(hole.start);
  }
  std::sort(structural.begin(), structural.end());
  if (structural.empty()) return 0;
  // A finding's statement reaches from the separator before it (`;` among the root's tokens) to
  // the one after it; without a separator, over the whole region.
  std::vector<ByteRange> separators;
  if (how != nullptr && !how->separator.empty()) {
    const uint32_t count = ts_node_child_count(root);
    for (uint32_t i = 0; i < count; ++i) {
      const TSNode child = ts_node_child(root, i);
      if (!ts_node_is_named(child) && how->separator == ts_node_type(child)) {
        separators.push_back({ts_node_start_byte(child), ts_node_end_byte(child)});
      }
    }
  }
  // Separators and structural holes are in file order: both lookups are binary searches.
  const auto reach_of = [&](std::uint32_t at) {
    ByteRange reach{0, UINT32_MAX};
    const auto after = std::lower_bound(separators.begin(), separators.end(), at,
                                        [](const ByteRange& s, std::uint32_t b) { return s.start < b; });
    if (after != separators.end()) reach.end = after->start;
    if (after != separators.begin()) reach.start = std::prev(after)->end;
    return reach;
  };
  const auto before = out.size();
  out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                           [&](const Finding& finding) {
                             const ByteRange reach = reach_of(finding.region.start_byte);
                             const auto hole = std::lower_bound(structural.begin(), structural.end(), reach.start);
                             return hole != structural.end() && *hole <= reach.end;
                           }),
            out.end());
  return before - out.size();
}

void match_file(const RuleSet& rules, const std::vector<std::uint32_t>& candidates,
                const MatchInput& input, const MatchOptions& options, MatchWorkspace& workspace,
                std::vector<Finding>& out) {
  const detail::CompiledRules& compiled = rules.compiled();
  const detail::LanguageMask bit = detail::language_bit(input.language);
  const Grammar grammar = grammar_of(input.language);
  const auto& boundaries = compiled.grammars[static_cast<int>(grammar)].function_boundaries;
  static const detail::CombinedQuery kNone;
  const detail::CombinedQuery& combined =
      input.tree != nullptr ? detail::combined_query(compiled, grammar) : kNone;
  forget_tree(workspace.state());
  std::vector<Hit> hits;
  for (std::uint32_t index : candidates) {
    const CompiledRule& rule = compiled.rules[index];
    if ((rule.languages & bit) == 0) continue;
    const auto applies = [&](const RegexMatcher& matcher) {
      return (matcher.languages & bit) && !input.embedded && matcher.sensitivity <= options.sensitivity;
    };
    if (std::any_of(rule.regexes.begin(), rule.regexes.end(), applies)) {
      detail::compile_regexes(compiled, index);  // on the rule's first use; not part of its search time
      const std::uint64_t started = options.rule_ns != nullptr ? now_ns() : 0;
      for (const RegexMatcher& matcher : rule.regexes) {
        if (applies(matcher)) run_regex(index, matcher, input, options, hits);
      }
      if (started != 0) options.rule_ns[index] += now_ns() - started;
    }
    if (input.tree == nullptr || combined.query) continue;
    for (std::uint32_t m = 0; m < rule.queries.size(); ++m) {
      const QueryMatcher& matcher = rule.queries[m];
      if (matcher.grammar == grammar && (matcher.languages & bit) && matcher.sensitivity <= options.sensitivity) {
        run_query(index, kQueryOrdinal + m, matcher, input, boundaries, options, workspace.state(), hits);
      }
    }
  }
  std::vector<EmbeddedRegion>* const regions = input.embedded ? nullptr : options.embedded_regions;
  if (regions != nullptr) regions->clear();
  if (input.tree != nullptr && combined.query) {
    run_combined(compiled, combined, candidates, input, boundaries, options, workspace.state(), hits, regions);
  } else if (input.tree != nullptr && regions != nullptr) {
    find_embedded_one_by_one(compiled, input, boundaries, workspace.state(), *regions);
  }
  if (regions != nullptr) finish_regions(*regions);
  // One finding per rule and start; a rule that yields to another drops hits that overlap one.
  // Stable: among hits of one rule at one start, the first matcher / query match wins.
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return std::tie(a.start, a.rule, a.end, a.ordinal) < std::tie(b.start, b.rule, b.end, b.ordinal);
  });
  std::vector<bool> keep(hits.size(), true);
  // Only hits near hit i can overlap it: later ones that start before it ends, and earlier ones
  // while the largest end so far reaches past its start (hits are sorted by start). This keeps a
  // file with tens of thousands of hits of a yielding rule linear-ish instead of quadratic.
  std::vector<std::uint32_t> max_end_so_far(hits.size());
  for (std::size_t i = 0; i < hits.size(); ++i) {
    max_end_so_far[i] = std::max(hits[i].end, i > 0 ? max_end_so_far[i - 1] : 0u);
  }
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (i > 0 && hits[i].rule == hits[i - 1].rule && hits[i].start == hits[i - 1].start) {
      keep[i] = false;
      continue;
    }
    const auto& yields = compiled.rules[hits[i].rule].yields_to;
    if (yields.empty()) continue;
    auto yields_to_hit = [&](std::size_t j) {
      if (hits[j].rule == hits[i].rule) return false;
      const bool overlap = hits[j].start < hits[i].end && hits[i].start < hits[j].end;
      return overlap && yields_to(yields, compiled.infos[hits[j].rule].id);
    };
    bool yielded = false;
    for (std::size_t j = i + 1; !yielded && j < hits.size() && hits[j].start < hits[i].end; ++j) yielded = yields_to_hit(j);
    for (std::size_t j = i; !yielded && j-- > 0 && max_end_so_far[j] > hits[i].start;) yielded = yields_to_hit(j);
    if (yielded) keep[i] = false;
  }
  // Every secret span in the file (merged), so no snippet shows another finding's secret in full.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> secrets;
  for (const Hit& hit : hits) {
    if (hit.has_secret && hit.secret_end > hit.secret_start) secrets.emplace_back(hit.secret_start, hit.secret_end);
  }
  if (options.secret_spans != nullptr) options.secret_spans->insert(options.secret_spans->end(), secrets.begin(), secrets.end());
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> merged = merge_spans(std::move(secrets));
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (!keep[i]) continue;
    const Hit& hit = hits[i];
    const RuleInfo& info = compiled.infos[hit.rule];
    Finding finding;
    finding.rule_index = hit.rule;
    finding.rule_id = info.id;
    finding.language = input.language;
    const auto& test_severity = compiled.rules[hit.rule].test_severity;
    finding.level = input.test_file && test_severity ? *test_severity : hit.level.value_or(info.severity);
    finding.region = make_region(input.lines, hit.start, hit.end);
    finding.message = hit.message;
    finding.snippet = make_snippet(input, finding.region, merged, options.show_secrets);
    // Content fingerprint: rule, the finding's line (its window on a long line) with the secret
    // masked, and the secret's hash.
    const LineWindow window = line_window(input, finding.region.start_line, finding.region.start_byte);
    std::string line(input.text.substr(window.begin, window.end - window.begin));
    std::string secret_hash;
    if (hit.has_secret) {
      const std::uint32_t line_start = window.begin;
      if (hit.secret_start >= line_start && hit.secret_start - line_start < line.size()) {
        const std::size_t from = hit.secret_start - line_start;
        line.replace(from, std::min<std::size_t>(hit.secret_end - hit.secret_start, line.size() - from), "\x01");
      }
      secret_hash = hex64(hash64(input.text.substr(hit.secret_start, hit.secret_end - hit.secret_start), 7));
    }
    const std::string key = info.id + '\0' + normalize_code(line) + '\0' + secret_hash;
    finding.fingerprint = hex64(hash64(key, 1)) + hex64(hash64(key, 2));
    out.push_back(std::move(finding));
  }
}

}  // namespace citizenscan
