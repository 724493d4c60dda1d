// SHA-256 (FIPS 180-4) and base64, for the HTML report's Content-Security-Policy: a browser runs
// the page's inline style and script only when their hashes are listed ('sha256-<base64>').
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace citizenscan::report_detail {

std::array<std::uint8_t, 32> sha256(std::string_view bytes);
std::string base64(std::string_view bytes);
// "sha256-<base64 of the digest>", a CSP hash source (without the quotes).
std::string csp_hash(std::string_view bytes);

}  // namespace citizenscan::report_detail
