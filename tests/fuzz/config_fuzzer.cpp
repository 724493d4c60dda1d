// Config loader: any bytes as .citizenscan.json. Parsing either succeeds or throws ConfigError
// naming the file; so does selecting the built-in rules with the result.
#include <cstddef>
#include <cstdint>
#include <string>

#include "citizenscan/config.h"
#include "fuzz_support.h"

using namespace citizenscan;

namespace {
constexpr const char* kPath = "/fuzz/project/.citizenscan.json";

void expect_named(const ConfigError& error) {
  if (std::string_view(error.what()).rfind(kPath, 0) != 0) {
    fuzz::fail(std::string("a config error that does not start with the file: ") + error.what());
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const RuleSet& rules = fuzz::builtin_rules();
  ProjectConfig config;
  try {
    config = parse_config(std::string_view(reinterpret_cast<const char*>(data), size), kPath);
  } catch (const ConfigError& error) {
    expect_named(error);
    return 0;
  }
  if (config.folder != "/fuzz/project") fuzz::fail("config folder is '" + config.folder + "'");
  for (const std::string& pack : config.rule_packs) {
    if (pack.empty() || pack.front() != '/') fuzz::fail("rule pack path '" + pack + "' is not absolute");
  }
  if (config.baseline && (config.baseline->empty() || config.baseline->front() != '/')) {
    fuzz::fail("baseline path '" + *config.baseline + "' is not absolute");
  }
  try {
    const RuleSelection selection = select_rules(config, rules.infos());
    const std::size_t count = rules.infos().size();
    if ((!selection.enabled.empty() && selection.enabled.size() != count) ||
        (!selection.level.empty() && selection.level.size() != count)) {
      fuzz::fail("a rule selection that does not cover the " + std::to_string(count) + " rules");
    }
  } catch (const ConfigError& error) {
    expect_named(error);
  }
  return 0;
}
