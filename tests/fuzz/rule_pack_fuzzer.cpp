// Rule-pack loader: any bytes as a pack (--rules FILE). Loading either succeeds or throws
// RuleLoadError; any other exception, a crash or a sanitizer report is a bug. A pack that loads is
// run over testdata/demo, so its queries, predicates, regexes and checks meet real files.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

using namespace citizenscan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::optional<RuleSet> rules;
  try {
    rules.emplace(RuleSet::load_from_texts({{"fuzz-pack.json", text}}));
  } catch (const RuleLoadError& error) {
    if (std::string_view(error.what()).find("fuzz-pack.json") == std::string_view::npos &&
        std::string_view(error.what()).find("no rules loaded") == std::string_view::npos) {
      fuzz::fail(std::string("a rule-pack error that does not name the file: ") + error.what());
    }
    return 0;
  }
  for (const RuleInfo& rule : rules->infos()) {
    if (rule.id.rfind(rule.pack + "/", 0) != 0) fuzz::fail("rule id '" + rule.id + "' is not in pack '" + rule.pack + "'");
  }
  ScanOptions options;
  options.walk.targets = {CITIZENSCAN_SOURCE_DIR "/testdata/demo"};
  options.jobs = 1;
  const ScanResult result = scan(*rules, options);
  fuzz::check_scan(result);
  return 0;
}
