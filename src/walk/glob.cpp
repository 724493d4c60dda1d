#include "glob.h"

#include <cctype>

#include "citizenscan/walk.h"

namespace citizenscan::walk_internal {
namespace {

// Length of the UTF-8 sequence starting at text[position]; 1 for ASCII and for invalid bytes, so
// that a malformed name still advances one byte at a time.
std::size_t utf8_length(std::string_view text, std::size_t position) {
  const auto lead = static_cast<unsigned char>(text[position]);
  std::size_t length = 1;
  if (lead >= 0xF0 && lead < 0xF8) {
    length = 4;
  } else if (lead >= 0xE0) {
    length = lead < 0xF0 ? 3 : 1;
  } else if (lead >= 0xC0) {
    length = 2;
  }
  return position + length <= text.size() ? length : 1;
}

// POSIX character class names inside brackets ("[[:digit:]]"), ASCII only; nullopt: unknown name.
std::optional<bool> in_named_class(std::string_view name, unsigned char c) {
  const int ch = c;
  if (name == "alnum") return std::isalnum(ch) != 0;
  if (name == "alpha") return std::isalpha(ch) != 0;
  if (name == "blank") return std::isblank(ch) != 0;
  if (name == "cntrl") return std::iscntrl(ch) != 0;
  if (name == "digit") return std::isdigit(ch) != 0;
  if (name == "graph") return std::isgraph(ch) != 0;
  if (name == "lower") return std::islower(ch) != 0;
  if (name == "print") return std::isprint(ch) != 0;
  if (name == "punct") return std::ispunct(ch) != 0;
  if (name == "space") return std::isspace(ch) != 0;
  if (name == "upper") return std::isupper(ch) != 0;
  if (name == "xdigit") return std::isxdigit(ch) != 0;
  return std::nullopt;
}

// Splits on '/' outside escapes, dropping empty names (so "a//b" and a leading '/' are harmless).
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> names;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      if (i > start) names.push_back(path.substr(start, i - start));
      start = i + 1;
    }
  }
  return names;
}

std::vector<std::string_view> split_pattern(std::string_view pattern) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '\\') {
      i += 2;  // the escaped character never splits
      continue;
    }
    if (pattern[i] == '/') {
      if (i > start) segments.push_back(pattern.substr(start, i - start));
      start = i + 1;
    }
    ++i;
  }
  if (start < pattern.size()) segments.push_back(pattern.substr(start));
  return segments;
}

// gitignore(5): "Trailing spaces are ignored unless they are quoted with backslash".
std::string_view trim_trailing_spaces(std::string_view line) {
  while (!line.empty() && line.back() == ' ') {
    std::size_t backslashes = 0;
    for (std::size_t i = line.size() - 1; i > 0 && line[i - 1] == '\\'; --i) ++backslashes;
    if (backslashes % 2 == 1) break;  // "\ " keeps this space
    line.remove_suffix(1);
  }
  return line;
}

bool contains_unescaped_slash(std::string_view pattern) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
    } else if (pattern[i] == '/') {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<Glob> Glob::parse(std::string_view text, GlobSource source) {
  Glob glob;
  if (source == GlobSource::IgnoreFile) {
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);  // files written on Windows
    text = trim_trailing_spaces(text);
    if (text.empty() || text.front() == '#') return std::nullopt;
  }
  if (source != GlobSource::Single && !text.empty() && text.front() == '!') {
    glob.negated_ = true;
    text.remove_prefix(1);
  }
  if (!text.empty() && text.back() == '/') {
    glob.directory_only_ = true;
    while (!text.empty() && text.back() == '/') text.remove_suffix(1);
  }
  const bool anchored = contains_unescaped_slash(text);
  while (!text.empty() && text.front() == '/') text.remove_prefix(1);
  const std::vector<std::string_view> parts = split_pattern(text);
  if (parts.empty()) return std::nullopt;

  if (!anchored) {
    // No '/' inside: the pattern names a file or folder at any depth below its base.
    Segment any_depth;
    any_depth.any_depth = true;
    glob.segments_.push_back(std::move(any_depth));
  }
  for (const std::string_view part : parts) {
    if (part == "**") {
      if (!glob.segments_.empty() && glob.segments_.back().any_depth) continue;  // "**/**"
      Segment any_depth;
      any_depth.any_depth = true;
      glob.segments_.push_back(std::move(any_depth));
    } else {
      glob.segments_.push_back(compile_segment(part));
    }
  }
  if (parts.back() == "**") glob.segments_.back().at_least_one = true;
  glob.basename_only_ = !anchored && glob.segments_.size() == 2 && !glob.segments_[1].any_depth;
  return glob;
}

Glob::Segment Glob::compile_segment(std::string_view text) {
  Segment segment;
  auto append_literal = [&segment](std::string_view bytes) {
    if (segment.tokens.empty() || segment.tokens.back().kind != Token::Kind::Literal) {
      segment.tokens.emplace_back(Token::Kind::Literal);
    }
    segment.tokens.back().literal.append(bytes);
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\\') {
      // A trailing lone backslash matches itself rather than making the whole pattern invalid.
      append_literal(i + 1 < text.size() ? text.substr(i + 1, 1) : text.substr(i, 1));
      i += 2;
    } else if (c == '*') {
      if (segment.tokens.empty() || segment.tokens.back().kind != Token::Kind::Star) {
        segment.tokens.emplace_back(Token::Kind::Star);
      }
      ++i;
    } else if (c == '?') {
      segment.tokens.emplace_back(Token::Kind::AnyChar);
      ++i;
    } else if (c == '[') {
      std::size_t position = i;
      if (auto token = parse_class(text, position)) {
        segment.tokens.push_back(std::move(*token));
        i = position;
      } else {
        append_literal("[");  // no closing ']': an ordinary bracket, the friendlier reading
        ++i;
      }
    } else {
      append_literal(text.substr(i, 1));
      ++i;
    }
  }
  return segment;
}

// Parses "[...]" starting at text[position] == '['; on success position is just past the ']'.
std::optional<Glob::Token> Glob::parse_class(std::string_view text, std::size_t& position) {
  Token token(Token::Kind::Class);
  std::size_t i = position + 1;
  if (i < text.size() && (text[i] == '!' || text[i] == '^')) {
    token.negated_class = true;
    ++i;
  }
  // Reads one member character (escapes allowed) and returns its bytes.
  auto read_char = [&text](std::size_t& at) -> std::string_view {
    if (text[at] == '\\' && at + 1 < text.size()) ++at;
    const std::size_t length = utf8_length(text, at);
    const std::string_view bytes = text.substr(at, length);
    at += length;
    return bytes;
  };
  bool first = true;
  while (i < text.size()) {
    if (text[i] == ']' && !first) {
      position = i + 1;
      return token;
    }
    first = false;
    if (text.substr(i, 2) == "[:") {
      const std::size_t close = text.find(":]", i + 2);
      if (close != std::string_view::npos) {
        const std::string_view name = text.substr(i + 2, close - i - 2);
        if (in_named_class(name, 'a').has_value()) {
          for (unsigned char ch = 0; ch < 128; ++ch) {
            if (in_named_class(name, ch).value_or(false)) token.ascii_members.set(ch);
          }
          i = close + 2;
          continue;
        }
        // An unknown name: read "[:" as two ordinary members, as a shell would.
      }
    }
    const std::string_view low = read_char(i);
    if (i + 1 < text.size() && text[i] == '-' && text[i + 1] != ']') {
      ++i;
      const std::string_view high = read_char(i);
      if (low.size() == 1 && high.size() == 1) {
        const auto from = static_cast<unsigned char>(low[0]);
        const auto to = static_cast<unsigned char>(high[0]);
        for (unsigned ch = from; ch <= to && ch < 128; ++ch) token.ascii_members.set(ch);
      } else {
        // Ranges over non-ASCII characters are rare; keep just their ends.
        token.other_members.emplace_back(low);
        token.other_members.emplace_back(high);
      }
    } else if (low.size() == 1 && static_cast<unsigned char>(low[0]) < 128) {
      token.ascii_members.set(static_cast<unsigned char>(low[0]));
    } else {
      token.other_members.emplace_back(low);
    }
  }
  return std::nullopt;
}

bool Glob::token_matches(const Token& token, std::string_view text, std::size_t position,
                         std::size_t& length) {
  switch (token.kind) {
    case Token::Kind::Literal:
      length = token.literal.size();
      return text.substr(position, length) == token.literal;
    case Token::Kind::AnyChar:
      if (position >= text.size()) return false;
      length = utf8_length(text, position);
      return true;
    case Token::Kind::Class: {
      if (position >= text.size()) return false;
      length = utf8_length(text, position);
      const std::string_view character = text.substr(position, length);
      bool member = false;
      if (length == 1 && static_cast<unsigned char>(character[0]) < 128) {
        member = token.ascii_members.test(static_cast<unsigned char>(character[0]));
      } else {
        for (const std::string& other : token.other_members) member = member || other == character;
      }
      return member != token.negated_class;
    }
    case Token::Kind::Star:
      break;
  }
  return false;
}

// Wildcard match within one name. Stars never cross '/', so the classic single-backtrack-point
// algorithm is exact here and linear in practice: on a mismatch only the last star grows.
bool Glob::segment_matches(const Segment& segment, std::string_view name) {
  const std::vector<Token>& tokens = segment.tokens;
  std::size_t token_index = 0;
  std::size_t position = 0;
  std::size_t star_token = tokens.size();  // none yet
  std::size_t star_position = 0;
  while (position < name.size()) {
    std::size_t length = 0;
    if (token_index < tokens.size() && tokens[token_index].kind == Token::Kind::Star) {
      star_token = token_index++;
      star_position = position;
    } else if (token_index < tokens.size() && token_matches(tokens[token_index], name, position, length)) {
      ++token_index;
      position += length;
    } else if (star_token < tokens.size()) {
      token_index = star_token + 1;
      star_position += utf8_length(name, star_position);
      position = star_position;
    } else {
      return false;
    }
  }
  while (token_index < tokens.size() && tokens[token_index].kind == Token::Kind::Star) {
    ++token_index;
  }
  return token_index == tokens.size();
}

// Dynamic programming over (pattern segment, path name) so that several "**" never backtrack
// exponentially, whatever an ignore file in a scanned repository contains.
bool Glob::segments_match(const std::vector<std::string_view>& names) const {
  const std::size_t name_count = names.size();
  // next[j]: do the segments after the current one match names j..? Starts as "the empty
  // pattern matches the empty rest of the path".
  std::vector<bool> next(name_count + 1, false);
  std::vector<bool> current(name_count + 1, false);
  next[name_count] = true;
  // Reverse iterators, not std::views::reverse: Debian's clang 14 cannot compile that view with
  // libstdc++ 12, and the fuzz build (bench/fuzz/run.sh) uses that clang.
  for (auto it = segments_.rbegin(); it != segments_.rend(); ++it) {
    const Segment& segment = *it;
    if (segment.any_depth) {
      // current[j] = any next[t] for t >= j (t > j when at least one name must be consumed).
      const std::size_t skip = segment.at_least_one ? 1 : 0;
      bool any_later = false;
      for (std::size_t j = name_count + 1; j-- > 0;) {
        const bool reachable = j + skip <= name_count;
        any_later = any_later || (reachable && next[j + skip]);
        current[j] = reachable && any_later;
      }
    } else {
      for (std::size_t j = 0; j <= name_count; ++j) {
        current[j] = j < name_count && next[j + 1] && segment_matches(segment, names[j]);
      }
    }
    std::swap(next, current);
  }
  return next[0];
}

bool Glob::matches(std::string_view path, bool is_directory) const {
  if (directory_only_ && !is_directory) return false;
  if (basename_only_) {
    while (!path.empty() && path.back() == '/') path.remove_suffix(1);
    const std::size_t slash = path.rfind('/');
    const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    return !name.empty() && segment_matches(segments_[1], name);
  }
  return segments_match(split_path(path));
}

bool Glob::matches_path_or_parent(std::string_view path, bool is_directory) const {
  if (matches(path, is_directory)) return true;
  for (std::size_t slash = path.find('/'); slash != std::string_view::npos;
       slash = path.find('/', slash + 1)) {
    if (slash > 0 && matches(path.substr(0, slash), true)) return true;
  }
  return false;
}

GlobList GlobList::parse_ignore_file(std::string_view text) {
  GlobList list;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte order mark
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    if (auto glob = Glob::parse(line, GlobSource::IgnoreFile)) list.globs_.push_back(std::move(*glob));
  }
  return list;
}

GlobList GlobList::from_options(const std::vector<std::string>& patterns) {
  GlobList list;
  for (const std::string& pattern : patterns) {
    if (auto glob = Glob::parse(pattern, GlobSource::OptionList)) {
      list.globs_.push_back(std::move(*glob));
    }
  }
  return list;
}

GlobList::Decision GlobList::decide(std::string_view path, bool is_directory) const {
  for (auto glob = globs_.rbegin(); glob != globs_.rend(); ++glob) {  // the last match wins
    if (glob->matches(path, is_directory)) return glob->negated() ? Decision::NegatedMatch : Decision::Match;
  }
  return Decision::None;
}

// As git walks: a folder that matches (and is not re-included at its own level) selects everything
// inside it, so "!vendor/keep.py" cannot undo "vendor/"; otherwise the path's own match decides.
GlobList::Decision GlobList::decide_path_or_parent(std::string_view path, bool is_directory) const {
  for (std::size_t slash = path.find('/'); slash != std::string_view::npos;
       slash = path.find('/', slash + 1)) {
    if (slash > 0 && decide(path.substr(0, slash), true) == Decision::Match) return Decision::Match;
  }
  return decide(path, is_directory);
}

}  // namespace citizenscan::walk_internal

namespace citizenscan {

bool glob_match(std::string_view pattern, std::string_view relative_path, bool is_directory) {
  const auto glob = walk_internal::Glob::parse(pattern, walk_internal::GlobSource::Single);
  return glob.has_value() && glob->matches_path_or_parent(relative_path, is_directory);
}

}  // namespace citizenscan
