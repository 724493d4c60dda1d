#pragma once
// Shared by the libFuzzer targets in this folder (built with -DCITIZENSCAN_FUZZ=ON, run by
// bench/fuzz/run.sh). A broken invariant is reported like a crash: the message, then abort(), so
// libFuzzer saves the input as crash-<sha1>.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "citizenscan/report.h"
#include "citizenscan/rules.h"
#include "citizenscan/scan.h"
#include "../support/sarif_checks.h"

namespace citizenscan::fuzz {

[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "\n==citizenscan fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

// The built-in packs, compiled once per process.
inline const RuleSet& builtin_rules() {
  static const RuleSet rules = RuleSet::load_builtin_and({});
  return rules;
}

// Fails unless `sarif` keeps every rule of tests/support/sarif_checks.h. With the environment
// variable CITIZENSCAN_FUZZ_SARIF_DIR set (bench/fuzz/run.sh replays the corpus that way), the log
// is also written there, for the official-schema check in Python.
inline void check_sarif(const std::string& sarif, std::string_view what) {
  const std::vector<std::string> problems = testing::sarif_problems(sarif);
  if (!problems.empty()) {
    std::string message = std::string(what) + " wrote SARIF that breaks " + std::to_string(problems.size()) + " rule(s):";
    for (std::size_t i = 0; i < problems.size() && i < 10; ++i) message += "\n  " + problems[i];
    fail(message);
  }
  if (const char* dir = std::getenv("CITIZENSCAN_FUZZ_SARIF_DIR")) {
    static unsigned serial = 0;
    std::ofstream(std::string(dir) + "/" + std::string(what) + "-" + std::to_string(::getpid()) + "-" +
                  std::to_string(serial++) + ".sarif")
        << sarif;
  }
}

// Findings and diagnostics as the CLI's SARIF output would carry them, but listing only the rules
// that were found (renumbered): the metadata of every built-in rule is the same for every input
// (the SARIF tests check it) and writing and parsing it made each input ten times slower.
inline std::string sarif_of(const RuleSet& rules, const ScanResult& result) {
  std::vector<RuleInfo> found;
  std::vector<Finding> findings = result.findings;
  std::map<std::uint32_t, std::uint32_t> renumbered;
  for (Finding& finding : findings) {
    const auto [it, added] = renumbered.emplace(finding.rule_index, static_cast<std::uint32_t>(found.size()));
    if (added) found.push_back(rules.infos().at(finding.rule_index));
    finding.rule_index = it->second;
  }
  std::ostringstream out;
  ReportInput input{found, findings, result.diagnostics, result.root};
  input.files_scanned = result.stats.files_scanned;
  input.complete = result.complete;
  write_sarif(out, input);
  return out.str();
}

// What every scan must give, whatever the input: no exception turned into an "internal error"
// diagnostic, regions that start at 1:1 or later and never end before they start.
inline void check_scan(const ScanResult& result) {
  for (const Diagnostic& diagnostic : result.diagnostics) {
    if (diagnostic.message.find("internal error") != std::string::npos) {
      fail("scan: " + diagnostic.path + ": " + diagnostic.message);
    }
  }
  for (const Finding& finding : result.findings) {
    const Region& r = finding.region;
    if (r.start_line < 1 || r.start_column < 1 || r.end_column < 1 || r.end_line < r.start_line ||
        (r.end_line == r.start_line && r.end_column < r.start_column) || r.end_byte < r.start_byte) {
      fail("scan: " + finding.rule_id + " at " + std::to_string(r.start_line) + ":" + std::to_string(r.start_column) +
           "-" + std::to_string(r.end_line) + ":" + std::to_string(r.end_column) + " (bytes " +
           std::to_string(r.start_byte) + "-" + std::to_string(r.end_byte) + ") is not a region");
    }
  }
}

}  // namespace citizenscan::fuzz
