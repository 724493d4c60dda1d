// Limits GitHub code scanning puts on an uploaded SARIF run, applied by write_sarif and merge_sarif
// alike so that a merged log of shards keeps to them as a single scan does.
#pragma once

#include <cstddef>
#include <vector>

#include <nlohmann/json.hpp>

namespace citizenscan::report_detail {

// Results per run: code scanning rejects a run with more.
inline constexpr std::size_t kMaxSarifResults = 25000;
// Tags per rule: code scanning ignores the rule's tags beyond this.
inline constexpr std::size_t kMaxSarifTags = 20;

// Keeps at most `limit` results, the most severe ones (unsuppressed before suppressed, then error,
// warning, note; ties keep the earlier result), in their original order. When results are dropped,
// returns the toolExecutionNotification that counts them by level; otherwise a null Json.
nlohmann::ordered_json limit_sarif_results(std::vector<nlohmann::ordered_json>& results,
                                           std::size_t limit = kMaxSarifResults);

}  // namespace citizenscan::report_detail
