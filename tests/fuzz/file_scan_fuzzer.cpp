// The whole per-file pipeline (walk, load, prefilter, parse, match, embedded SQL, suppress) with
// the built-in rules over arbitrary bytes, written as a file and scanned as the CLI would scan it.
// The first byte chooses the file (low four bits: the language, by its name) and options:
//   0x10 --show-secrets   0x20 --parse-minified   0x40 two lines of context   0x80 --no-inline-ignores
// The rest is the file. Checked: no internal error, regions that are regions, and SARIF of the
// result (with the rules found) that keeps the rules of tests/support/sarif_checks.h.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_support.h"

using namespace citizenscan;

namespace {

// Indexed by the low four bits of the first byte (modulo the count): Python, JavaScript, Apps
// Script and SQL first, then the text-only languages.
constexpr const char* kFileNames[] = {"report.py", "sync.js",   "Code.gs",   "schema.sql",
                                      ".env",      "app.json",  "app.yaml",  "app.ini",
                                      "app.toml",  "app.properties", "analysis.ipynb"};
constexpr std::size_t kFileKinds = sizeof kFileNames / sizeof kFileNames[0];

const std::filesystem::path& work_dir() {
  static const std::filesystem::path dir = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "citizenscan-fuzz-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) fuzz::fail("mkdtemp failed");
    std::atexit([] { std::filesystem::remove_all(work_dir()); });
    return std::filesystem::path(pattern);
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t choice = data[0];
  const std::filesystem::path file = work_dir() / kFileNames[(choice & 0x0F) % kFileKinds];
  std::ofstream(file, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data + 1),
                                                                 static_cast<std::streamsize>(size - 1));
  ScanOptions options;
  options.walk.targets = {file.string()};
  options.walk.root = work_dir().string();
  options.jobs = 1;
  options.show_secrets = (choice & 0x10) != 0;
  options.text_only_minified = (choice & 0x20) == 0;
  options.context_lines = (choice & 0x40) != 0 ? 2 : 0;
  options.inline_ignores = (choice & 0x80) == 0;
  options.org_domains = {"example.com"};
  const RuleSet& rules = fuzz::builtin_rules();
  const ScanResult result = scan(rules, options);
  std::filesystem::remove(file);
  if (result.stats.files_scanned + result.stats.files_skipped_load != 1) {
    fuzz::fail("the file was neither scanned nor skipped with a reason");
  }
  fuzz::check_scan(result);
  for (const Finding& finding : result.findings) {
    if (finding.relative_path != file.filename().string()) fuzz::fail("a finding in '" + finding.relative_path + "'");
  }
  fuzz::check_sarif(fuzz::sarif_of(rules, result), "scan");
  return 0;
}
