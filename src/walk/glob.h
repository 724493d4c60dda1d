// Private to the walk stage: gitignore-style patterns, compiled once and matched many times.
//
//   auto glob = walk_internal::Glob::parse("build/", walk_internal::GlobSource::IgnoreFile);
//   glob->matches("src/build", /*is_directory=*/true);        // true: no '/' inside, any depth
//   glob->matches_path_or_parent("build/x.py", false);        // true: a parent folder matches
//
// Syntax (as in gitignore(5)): `*` and `?` never match '/', `[...]` classes (`!`/`^` negation,
// ranges, `[:alpha:]`-style names), `\` escapes the next character, `**` as a whole segment
// matches any number of folders (at the end: at least one), a leading or middle '/' anchors the
// pattern to its base folder, a trailing '/' makes it match folders only. Matching is byte-wise
// and case-sensitive, like git on Linux, except that `?` and classes consume a whole UTF-8 character.
#pragma once

#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace citizenscan::walk_internal {

// Where a pattern comes from decides which parts of the gitignore line syntax apply.
enum class GlobSource : std::uint8_t {
  IgnoreFile,  // a line of .gitignore/.ignore: `#` comments, `!` negation, trailing spaces trimmed
  OptionList,  // one --include/--exclude value: `!` negation, nothing trimmed, no comments
  Single,      // glob_match(): a plain glob, a leading `!` is an ordinary character
};

class Glob {
 public:
  // nullopt for lines that hold no pattern: blank lines, comments, a lone "/" or "!".
  static std::optional<Glob> parse(std::string_view text, GlobSource source);

  [[nodiscard]] bool negated() const { return negated_; }
  [[nodiscard]] bool directory_only() const { return directory_only_; }

  // Does the pattern match exactly this '/'-separated path (relative to the pattern's base)?
  [[nodiscard]] bool matches(std::string_view path, bool is_directory) const;
  // Also true when a folder above the path matches, which is how git treats an ignored folder.
  [[nodiscard]] bool matches_path_or_parent(std::string_view path, bool is_directory) const;

 private:
  struct Token {
    enum class Kind : std::uint8_t { Literal, AnyChar, Star, Class };
    explicit Token(Kind token_kind) : kind(token_kind) {}
    Kind kind;
    std::string literal;                     // Literal: a run of bytes
    std::bitset<128> ascii_members;          // Class: ASCII members
    std::vector<std::string> other_members;  // Class: multi-byte UTF-8 members
    bool negated_class = false;
  };
  struct Segment {
    bool any_depth = false;     // "**"
    bool at_least_one = false;  // a trailing "**" matches what is inside, not the folder itself
    std::vector<Token> tokens;
  };

  static std::optional<Token> parse_class(std::string_view text, std::size_t& position);
  static Segment compile_segment(std::string_view text);
  static bool token_matches(const Token& token, std::string_view text, std::size_t position,
                            std::size_t& length);
  static bool segment_matches(const Segment& segment, std::string_view name);
  [[nodiscard]] bool segments_match(const std::vector<std::string_view>& names) const;

  std::vector<Segment> segments_;
  bool negated_ = false;
  bool directory_only_ = false;
  bool basename_only_ = false;  // unanchored and one plain segment: only the last name matters
};

// The patterns of one ignore file or option list, in order; the last pattern that matches decides.
class GlobList {
 public:
  enum class Decision : std::uint8_t { None, Match, NegatedMatch };

  static GlobList parse_ignore_file(std::string_view text);
  static GlobList from_options(const std::vector<std::string>& patterns);

  [[nodiscard]] bool empty() const { return globs_.empty(); }
  [[nodiscard]] Decision decide(std::string_view path, bool is_directory) const;
  [[nodiscard]] Decision decide_path_or_parent(std::string_view path, bool is_directory) const;

 private:
  std::vector<Glob> globs_;
};

}  // namespace citizenscan::walk_internal
