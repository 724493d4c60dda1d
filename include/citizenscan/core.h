// citizenscan core: the vocabulary every stage shares.
//
//   citizenscan::Finding f;             // produced by match, filtered by suppress, printed by report
//   f.region = {12, 5, 12, 31};         // 1-based lines and columns (code points), end exclusive
//   std::string_view name = citizenscan::language_name(citizenscan::Language::AppsScript);  // "appsscript"
//
// Nothing here depends on tree-sitter or RE2; stages include this header, never each other's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace citizenscan {

inline constexpr std::string_view kToolName = "citizenscan";
inline constexpr std::string_view kToolVersion = "0.1.0";

// Languages a file can be in. The first four have a grammar; the rest get raw-text rules only.
enum class Language : std::uint8_t {
  Python,
  JavaScript,
  AppsScript,  // JavaScript grammar, tagged so rules can target Apps Script services
  Sql,
  Env,
  Json,
  Yaml,
  Ini,
  Toml,
  Properties,
  Notebook,
};
inline constexpr int kLanguageCount = 11;

std::string_view language_name(Language language);
std::optional<Language> language_from_name(std::string_view name);
// A readable name for messages and reports: "Python", "Apps Script", ".env file"...
std::string_view language_display_name(Language language);

// The tree-sitter grammar a language is parsed with; None for text-only languages.
enum class Grammar : std::uint8_t { None, Python, JavaScript, Sql };
inline constexpr int kGrammarCount = 4;
Grammar grammar_of(Language language);
std::string_view grammar_name(Grammar grammar);

// SARIF levels, in increasing order of severity.
enum class Severity : std::uint8_t { Note, Warning, Error };
std::string_view severity_name(Severity severity);  // "note" | "warning" | "error"
std::optional<Severity> severity_from_name(std::string_view name);

// A span in a file: 1-based lines and columns (columns count Unicode code points; a column is
// never < 1), end column exclusive. Byte offsets are kept for redaction and fingerprints.
struct Region {
  std::uint32_t start_line = 1;
  std::uint32_t start_column = 1;
  std::uint32_t end_line = 1;
  std::uint32_t end_column = 1;
  std::uint32_t start_byte = 0;
  std::uint32_t end_byte = 0;
};

// Bytes [start, end) of a file.
struct ByteRange {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
};

enum class SuppressionKind : std::uint8_t { InSource, External };

struct Suppression {
  SuppressionKind kind = SuppressionKind::InSource;
  std::string justification;
};

struct Finding {
  std::uint32_t rule_index = 0;  // index into the RuleSet the scan ran with
  std::string rule_id;           // "<pack>/<kebab-name>"
  std::string path;              // as shown to the user: the target joined with the relative path
  std::string relative_path;     // relative to the scan root, '/'-separated (SARIF %SRCROOT%)
  Language language = Language::Python;
  Severity level = Severity::Warning;
  Region region;
  std::string message;      // names the concrete thing found; never the full secret
  std::string snippet;      // the source line(s) of the finding, secret redacted
  std::string fingerprint;  // hex, from content (rule, normalized code, secret hash), not lines
  std::optional<Suppression> suppression;
  // The code around the snippet's line, for reports that show it (ScanOptions::context_lines; empty
  // otherwise): up to that many lines before and after, every secret redacted as in `snippet`.
  std::vector<std::string> context_before;
  std::vector<std::string> context_after;
};

// A problem with one file or with the scan: skipped files, parse failures, unreadable paths.
enum class DiagnosticLevel : std::uint8_t { Note, Warning, Error };

struct Diagnostic {
  std::string path;  // empty when it concerns the whole scan
  DiagnosticLevel level = DiagnosticLevel::Warning;
  std::string message;
};

// Orders findings by path, line, column, rule id (then the rest) for deterministic output.
bool finding_less(const Finding& a, const Finding& b);
bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

}  // namespace citizenscan
