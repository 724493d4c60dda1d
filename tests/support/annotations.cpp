#include "annotations.h"

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace citizenscan::testing {
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void read_sidecar(const fs::path& sidecar, const fs::path& dir, Annotations& out) {
  std::istringstream in(slurp(sidecar));
  const std::string target = fs::relative(sidecar.parent_path() / sidecar.stem(), dir).generic_string();
  std::string row;
  while (std::getline(in, row)) {
    std::istringstream fields(row);
    int line = 0;
    std::string what, pack;
    if (!(fields >> line >> what)) continue;
    if (what == "none" && fields >> pack) out.negatives.emplace(target, line, pack);
    else out.expected.emplace(target, line, what);
  }
}

}  // namespace

Annotations read_annotations(const fs::path& dir) {
  // Group 1: comment opener, 2: "-none" for a negative, 3: rule id or pack.
  static const std::regex kAnnotation(R"((#|//|--|;|/\*)\s*expect(-none)?:\s*([a-z0-9-]+(/[a-z0-9-]+)?))");
  Annotations out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const fs::path& path = entry.path();
    if (path.extension() == ".expect") {
      read_sidecar(path, dir, out);
      continue;
    }
    const std::string relative = fs::relative(path, dir).generic_string();
    std::istringstream in(slurp(path));
    std::string text;
    int line = 0;
    std::vector<std::pair<bool, std::string>> pending;  // (negative?, rule or pack)
    while (std::getline(in, text)) {
      ++line;
      std::smatch m;
      if (std::regex_search(text, m, kAnnotation) && text.find_first_not_of(" \t") == text.find(m[1].str())) {
        const bool negative = m[2].matched;
        // A positive names a rule (pack/rule); a negative names a pack.
        if (negative == m[4].matched) {
          throw std::runtime_error(path.string() + ":" + std::to_string(line) +
                                   ": `expect:` takes PACK/RULE, `expect-none:` takes PACK");
        }
        pending.emplace_back(negative, m[3].str());
        continue;
      }
      for (const auto& [negative, what] : pending) (negative ? out.negatives : out.expected).emplace(relative, line, what);
      pending.clear();
    }
  }
  return out;
}

}  // namespace citizenscan::testing
