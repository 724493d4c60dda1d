#include "citizenscan/report.h"

namespace citizenscan {
namespace {

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

// Bytewise on purpose: a path is bytes on disk, so a non-UTF-8 byte must survive as %XX instead of
// being decoded (and possibly replaced) first.
std::string uri_encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  encoded.reserve(path.size());
  for (const char ch : path) {
    const auto byte = static_cast<unsigned char>(ch);
    if (is_unreserved(byte) || byte == '/') {
      encoded.push_back(ch);
    } else {
      encoded.push_back('%');
      encoded.push_back(kHex[byte >> 4U]);
      encoded.push_back(kHex[byte & 0x0FU]);
    }
  }
  return encoded;
}

}  // namespace citizenscan
