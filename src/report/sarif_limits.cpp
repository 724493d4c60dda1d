#include "report/sarif_limits.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <string>

namespace citizenscan::report_detail {
namespace {

using Json = nlohmann::ordered_json;

// 0 = most severe: unsuppressed error; 5 = least: suppressed note.
int rank(const Json& result) {
  const std::string level = result.value("level", "warning");
  const int severity = level == "error" ? 0 : level == "warning" ? 1 : 2;
  const bool suppressed = result.contains("suppressions") && !result["suppressions"].empty();
  return (suppressed ? 3 : 0) + severity;
}

}  // namespace

Json limit_sarif_results(std::vector<Json>& results, std::size_t limit) {
  if (results.size() <= limit) return Json();
  std::vector<std::size_t> order(results.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::vector<int> ranks(results.size());
  for (std::size_t i = 0; i < results.size(); ++i) ranks[i] = rank(results[i]);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ranks[a] < ranks[b]; });
  std::vector<bool> keep(results.size(), false);
  for (std::size_t i = 0; i < limit; ++i) keep[order[i]] = true;

  std::array<std::size_t, 3> dropped{};  // error, warning, note
  std::size_t dropped_suppressed = 0;
  std::vector<Json> kept;
  kept.reserve(limit);
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (keep[i]) {
      kept.push_back(std::move(results[i]));
    } else if (ranks[i] >= 3) {
      ++dropped_suppressed;
    } else {
      ++dropped[static_cast<std::size_t>(ranks[i])];
    }
  }
  results = std::move(kept);
  const std::size_t total = dropped[0] + dropped[1] + dropped[2] + dropped_suppressed;
  std::string text = std::to_string(total) + " more results are not in this SARIF run (GitHub code scanning accepts at most " +
                     std::to_string(limit) + " per run; the most severe were kept): " + std::to_string(dropped[0]) +
                     " error, " + std::to_string(dropped[1]) + " warning, " + std::to_string(dropped[2]) + " note, " +
                     std::to_string(dropped_suppressed) + " suppressed. --format json lists every finding.";
  return Json{{"level", "warning"}, {"message", {{"text", std::move(text)}}}};
}

}  // namespace citizenscan::report_detail
