// Escaping shared by the report formats. Everything a report shows from the scanned tree (paths,
// messages, snippets, folder names) is hostile input: it goes through one of these on its way out.
#pragma once

#include <string>
#include <string_view>

namespace citizenscan::report_detail {

// C0 controls (tab kept), DEL and the UTF-8 encoded C1 controls U+0080..U+009F shown as \x1b /
// \u009b; other bytes, valid UTF-8 or not, pass through. For terminals and plain text.
std::string printable(std::string_view text);

// Invalid UTF-8 sequences replaced by U+FFFD, so a file that declares UTF-8 is UTF-8.
std::string valid_utf8(std::string_view text);

// HTML text or attribute value: printable(), valid UTF-8, and & < > " ' as character references.
std::string html_escape(std::string_view text);

// GitHub-flavoured Markdown, inline: every character with an inline meaning backslash-escaped;
// newlines and other controls shown as \x0a (a table cell or a heading is one line).
std::string markdown_text(std::string_view text);
// A code span whose content shows exactly `text`; `in_table`: the span sits in a table cell, where
// '|' must be escaped even inside a code span (GFM splits cells before it parses inlines).
// The fence is longer than any backtick run inside, and the content is padded when it starts or
// ends with a backtick or a space. Empty text gives "".
std::string markdown_code(std::string_view text, bool in_table);

// A finding message as the rule packs write it: `code` between backticks, prose around it. The
// backticks pair up only when their count is even (a captured name may hold a backtick of its own);
// otherwise the whole message is prose. `code` receives each code part, `prose` each text part.
template <typename Prose, typename Code>
void split_message(std::string_view message, Prose&& prose, Code&& code) {
  std::size_t ticks = 0;
  for (char c : message) ticks += c == '`';
  if (ticks % 2 != 0) {
    prose(message);
    return;
  }
  bool in_code = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= message.size(); ++i) {
    if (i < message.size() && message[i] != '`') continue;
    const std::string_view part = message.substr(start, i - start);
    if (in_code) {
      code(part);
    } else if (!part.empty()) {
      prose(part);
    }
    in_code = !in_code;
    start = i + 1;
  }
}

}  // namespace citizenscan::report_detail
