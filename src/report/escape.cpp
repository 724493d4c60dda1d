#include "report/escape.h"

#include <algorithm>
#include <cstdio>

namespace citizenscan::report_detail {
namespace {

std::string hex_escape(unsigned value, bool unicode) {
  char buffer[12];
  std::snprintf(buffer, sizeof buffer, unicode ? "\\u%04x" : "\\x%02x", value);
  return buffer;
}

// Length of the valid UTF-8 sequence at text[i], 0 when it is not one (overlong forms,
// surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = at(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xbf;  // the allowed range of the second byte
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead == 0xe0) low = 0xa0;
    if (lead == 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead == 0xf0) low = 0x90;
    if (lead == 0xf4) high = 0x8f;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (at(i + 1) < low || at(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (at(i + k) < 0x80 || at(i + k) > 0xbf) return 0;
  }
  return length;
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte < 0x20 && byte != '\t') || byte == 0x7f) {
      out += hex_escape(byte, false);
    } else if (byte == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      out += hex_escape(static_cast<unsigned char>(text[i + 1]), true);
      ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_sequence(text, i);
    if (length == 0) {
      out += "\xef\xbf\xbd";
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  return out;
}

std::string html_escape(std::string_view text) {
  const std::string clean = valid_utf8(printable(text));
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string markdown_text(std::string_view text) {
  // Every character with an inline meaning is backslash-escaped (GFM allows that for any ASCII
  // punctuation, in and out of tables), so hostile text cannot open emphasis, a link, an HTML tag,
  // an entity or a new table cell.
  const std::string clean = valid_utf8(printable(text));
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (char c : clean) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '|': case '~': case '&': case '#': case '!':
        out.push_back('\\');
        out.push_back(c);
        break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string markdown_code(std::string_view text, bool in_table) {
  // printable() already turned newlines into \x0a, so the span stays on one line.
  const std::string clean = valid_utf8(printable(text));
  if (clean.empty()) return "";
  std::size_t longest = 0;
  for (std::size_t i = 0; i < clean.size();) {
    if (clean[i] != '`') {
      ++i;
      continue;
    }
    std::size_t run = 0;
    while (i < clean.size() && clean[i] == '`') ++run, ++i;
    longest = std::max(longest, run);
  }
  std::string content;
  for (char c : clean) {
    if (c == '|' && in_table) content.push_back('\\');
    content.push_back(c);
  }
  const bool pad = clean.front() == '`' || clean.back() == '`' || clean.front() == ' ' || clean.back() == ' ';
  if (pad) content = " " + content + " ";
  const std::string fence(longest + 1, '`');
  return fence + content + fence;
}

}  // namespace citizenscan::report_detail
