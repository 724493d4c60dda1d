// GitHub code scanning's own SARIF rules, checked offline: the SARIF multitool (pinned npm tarball
// @microsoft/sarif-multitool-linux, fetched by scripts/setup.sh) validates with --rule-kind
// "Sarif;Gh". It writes its verdict as a SARIF log and exits 0 whatever it finds, so the test
// counts the verdict's results; a deliberately broken copy shows the validator does find problems.
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness.h"

namespace citizenscan::testing {
namespace {
namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs the validator on `log`; returns the verdict's results (errors and warnings only).
nlohmann::json multitool_verdict(const fs::path& tool, const fs::path& log, const fs::path& verdict,
                                 std::string& console) {
  // Invariant globalization: the tool needs no ICU library then.
  const std::string command = "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 '" + tool.string() +
                              "' validate --rule-kind 'Sarif;Gh' --level 'Error;Warning' -o '" + verdict.string() +
                              "' '" + log.string() + "' 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return nullptr;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) console.append(buffer, n);
  ::pclose(pipe);
  if (!fs::exists(verdict)) return nullptr;
  return nlohmann::json::parse(read_all(verdict))["runs"][0]["results"];
}

TEST(SarifMultitool, DemoSarifPassesCodeScanningRules) {
  const fs::path package = fs::path(CITIZENSCAN_CACHE) / "pkg/microsoft-sarif-multitool-linux-5.7.0/Sarif.Multitool";
  ASSERT_TRUE(fs::exists(package)) << package << " is missing: scripts/setup.sh fetches it (role 'test' in grammars/manifest.txt)";
  TempTree work("DemoSarifPassesCodeScanningRules");
  // The tarball's binary is not executable: use an executable copy.
  const fs::path tool = work.path() / "Sarif.Multitool";
  fs::copy_file(package, tool);
  fs::permissions(tool, fs::perms::owner_all, fs::perm_options::add);

  const fs::path demo = work.path() / "demo.sarif";
  const RunResult scan = run_citizenscan({"scan", "testdata/demo", "-f", "sarif", "-o", demo.string()});
  ASSERT_EQ(scan.exit_code, 1) << scan.err;
  ASSERT_FALSE(nlohmann::json::parse(read_all(demo))["runs"][0]["results"].empty());

  std::string console;
  const nlohmann::json verdict = multitool_verdict(tool, demo, work.path() / "verdict.sarif", console);
  ASSERT_TRUE(verdict.is_array()) << console;
  EXPECT_TRUE(verdict.empty()) << verdict.dump(2);

  // A result without message text breaks GitHub's rules: the validator must say so.
  nlohmann::json broken = nlohmann::json::parse(read_all(demo));
  broken["runs"][0]["results"][0]["message"] = {{"text", ""}};
  const fs::path broken_path = work.path() / "broken.sarif";
  std::ofstream(broken_path) << broken.dump();
  std::string broken_console;
  const nlohmann::json broken_verdict =
      multitool_verdict(tool, broken_path, work.path() / "broken-verdict.sarif", broken_console);
  ASSERT_TRUE(broken_verdict.is_array()) << broken_console;
  EXPECT_FALSE(broken_verdict.empty()) << "the validator found nothing wrong with a result without a message";
}

}  // namespace
}  // namespace citizenscan::testing
