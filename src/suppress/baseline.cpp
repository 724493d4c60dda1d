#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "citizenscan/suppress.h"

namespace citizenscan {
namespace {

using Json = nlohmann::ordered_json;
constexpr int kBaselineVersion = 1;

}  // namespace

std::vector<BaselineEntry> baseline_entries(const std::vector<Finding>& findings, bool include_suppressed) {
  std::map<std::tuple<std::string, std::string, std::string>, std::uint32_t> counts;  // path, rule, fingerprint
  for (const Finding& finding : findings) {
    if (finding.suppression && !include_suppressed) continue;
    ++counts[{finding.relative_path, finding.rule_id, finding.fingerprint}];
  }
  std::vector<BaselineEntry> entries;
  entries.reserve(counts.size());
  for (const auto& [key, count] : counts) {
    const auto& [path, rule, fingerprint] = key;
    entries.push_back({rule, path, fingerprint, count});
  }
  return entries;
}

std::string write_baseline(const std::vector<Finding>& findings) {
  Json entries = Json::array();
  for (const BaselineEntry& entry : baseline_entries(findings)) {
    entries.push_back(Json{{"rule", entry.rule_id}, {"path", entry.path}, {"fingerprint", entry.fingerprint},
                           {"count", entry.count}});
  }
  const Json doc{{"tool", kToolName}, {"baselineVersion", kBaselineVersion}, {"findings", std::move(entries)}};
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::vector<BaselineEntry> parse_baseline(std::string_view text, const std::string& source) {
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::exception& e) {  // a syntax error, or a number too large (out_of_range)
    throw BaselineError(source + ": not a citizenscan baseline (invalid JSON: " + e.what() + ")");
  }
  if (!doc.is_object() || doc.value("tool", "") != kToolName || !doc.contains("findings") ||
      !doc["findings"].is_array()) {
    throw BaselineError(source + ": not a citizenscan baseline (expected {\"tool\": \"citizenscan\", \"findings\": [...]})");
  }
  if (doc.value("baselineVersion", 0) != kBaselineVersion) {
    throw BaselineError(source + ": baselineVersion must be " + std::to_string(kBaselineVersion));
  }
  std::vector<BaselineEntry> entries;
  const Json& findings = doc["findings"];
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Json& item = findings[i];
    const std::string where = source + ": findings[" + std::to_string(i) + "]";
    if (!item.is_object()) throw BaselineError(where + ": must be an object");
    BaselineEntry entry;
    for (const auto& [key, field] : {std::pair<const char*, std::string*>{"rule", &entry.rule_id},
                                     {"path", &entry.path},
                                     {"fingerprint", &entry.fingerprint}}) {
      if (!item.contains(key) || !item[key].is_string()) throw BaselineError(where + "." + key + ": must be a string");
      *field = item[key].get<std::string>();
    }
    if (!item.contains("count") || !item["count"].is_number_unsigned() || item["count"].get<std::uint64_t>() == 0) {
      throw BaselineError(where + ".count: must be a whole number of at least 1");
    }
    entry.count = static_cast<std::uint32_t>(std::min<std::uint64_t>(item["count"].get<std::uint64_t>(), UINT32_MAX));
    entries.push_back(std::move(entry));
  }
  return entries;
}

BaselineMatcher::BaselineMatcher(std::vector<BaselineEntry> entries) : remaining_(std::move(entries)) {
  for (std::size_t i = 0; i < remaining_.size(); ++i) by_fingerprint_.emplace(remaining_[i].fingerprint, i);
}

std::vector<bool> BaselineMatcher::take(const std::vector<Finding>& findings, bool include_suppressed) {
  return take_passes(findings, include_suppressed, true);
}

std::vector<bool> BaselineMatcher::take_passes(const std::vector<Finding>& findings, bool include_suppressed,
                                               bool other_paths) {
  std::vector<bool> taken(findings.size(), false);
  for (const bool same_path : {true, false}) {
    if (!same_path && !other_paths) break;
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const Finding& finding = findings[i];
      if (taken[i] || (finding.suppression && !include_suppressed)) continue;
      const auto [first, last] = by_fingerprint_.equal_range(finding.fingerprint);
      for (auto it = first; it != last; ++it) {
        BaselineEntry& entry = remaining_[it->second];
        if (entry.count == 0 || entry.rule_id != finding.rule_id) continue;
        if (same_path && entry.path != finding.relative_path) continue;
        --entry.count;
        taken[i] = true;
        break;
      }
    }
  }
  return taken;
}

namespace {

// Marks the taken findings as baselined; returns how many.
std::size_t mark_taken(std::vector<Finding>& findings, const std::vector<bool>& taken, const std::string& justification) {
  std::size_t marked = 0;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (!taken[i]) continue;
    findings[i].suppression = Suppression{SuppressionKind::External, justification};
    ++marked;
  }
  return marked;
}

}  // namespace

std::size_t BaselineMatcher::apply_own_path(std::vector<Finding>& findings, const std::string& justification,
                                            std::vector<Finding>& held) {
  const std::size_t marked = mark_taken(findings, take_passes(findings, false, false), justification);
  // Still unmarked, and an entry under another path could account for it: wait for the end.
  const auto only_elsewhere = [&](const Finding& finding) {
    if (finding.suppression) return false;
    const auto [first, last] = by_fingerprint_.equal_range(finding.fingerprint);
    return std::any_of(first, last, [&](const auto& hit) {
      const BaselineEntry& entry = remaining_[hit.second];
      return entry.count > 0 && entry.rule_id == finding.rule_id && entry.path != finding.relative_path;
    });
  };
  const auto wait = std::stable_partition(findings.begin(), findings.end(),
                                          [&](const Finding& finding) { return !only_elsewhere(finding); });
  std::move(wait, findings.end(), std::back_inserter(held));
  findings.erase(wait, findings.end());
  return marked;
}

std::size_t BaselineMatcher::apply(std::vector<Finding>& findings, const std::string& justification) {
  return mark_taken(findings, take(findings), justification);
}

}  // namespace citizenscan
