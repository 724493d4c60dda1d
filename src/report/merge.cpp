// Merging SARIF logs of shards into one run, so that the merge of all shards of a scan is the very
// file a single scan of the whole tree writes. Works on the JSON (key order kept), not on Findings:
// it must take whatever citizenscan wrote, including rules this build does not know.
#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>

#include <nlohmann/json.hpp>

#include "citizenscan/report.h"
#include "report/sarif_limits.h"

namespace citizenscan {
namespace {

using Json = nlohmann::ordered_json;

[[noreturn]] void fail(const std::string& name, const std::string& problem) {
  throw std::runtime_error(name + ": " + problem);
}

const Json& member(const Json& object, const char* key, const std::string& name, const char* where) {
  if (!object.is_object() || !object.contains(key)) fail(name, std::string(where) + " has no '" + key + "'");
  return object[key];
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string uri_decode(std::string_view uri) {
  std::string out;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex_value(uri[i + 1]) >= 0 && hex_value(uri[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2])));
      i += 2;
    } else {
      out.push_back(uri[i]);
    }
  }
  return out;
}

// The path a location names: %SRCROOT%-relative as the relative path, file:// as the absolute one
// (the order a single scan sorts results in: finding_less starts with the relative path).
std::string location_path(const Json& holder, const std::string& root) {
  if (!holder.contains("locations") || !holder["locations"].is_array() || holder["locations"].empty()) return "";
  const Json& location = holder["locations"][0];
  if (!location.contains("physicalLocation")) return "";
  const Json& artifact = location["physicalLocation"].value("artifactLocation", Json::object());
  const std::string uri = artifact.value("uri", "");
  if (uri.rfind("file://", 0) == 0) return uri_decode(uri.substr(7));
  if (!root.empty() && artifact.contains("uriBaseId")) return root + uri_decode(uri);
  return uri_decode(uri);
}

struct ResultKey {
  std::string path;
  std::int64_t start_line = 0;
  std::int64_t start_column = 0;
  std::string rule;
  std::int64_t end_line = 0;
  std::int64_t end_column = 0;
  std::string message;
  auto tie() const { return std::tie(path, start_line, start_column, rule, end_line, end_column, message); }
};

ResultKey result_key(const Json& result) {
  ResultKey key;
  key.path = location_path(result, "");
  key.rule = result.value("ruleId", "");
  key.message = result.contains("message") ? result["message"].value("text", "") : "";
  if (result.contains("locations") && !result["locations"].empty()) {
    const Json region = result["locations"][0].value("physicalLocation", Json::object()).value("region", Json::object());
    key.start_line = region.value("startLine", 0);
    key.start_column = region.value("startColumn", 0);
    key.end_line = region.value("endLine", 0);
    key.end_column = region.value("endColumn", 0);
  }
  return key;
}

std::string dumped(const Json& value) { return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

std::string merge_sarif(const std::vector<std::pair<std::string, std::string>>& logs) {
  if (logs.empty()) throw std::runtime_error("nothing to merge");
  Json merged_run;
  Json rules = Json::array();
  std::map<std::string, std::size_t> rule_index;  // id -> index in `rules`
  std::vector<Json> results;
  std::vector<Json> notifications;
  bool successful = true;
  std::string root;  // file:// base of %SRCROOT% in the first run, decoded

  for (const auto& [name, text] : logs) {
    Json log;
    try {
      log = Json::parse(text);
    } catch (const Json::parse_error& e) {
      fail(name, std::string("not JSON: ") + e.what());
    }
    if (!log.is_object() || log.value("version", "") != "2.1.0") fail(name, "not a SARIF 2.1.0 log");
    const Json& runs = member(log, "runs", name, "the log");
    if (!runs.is_array()) fail(name, "'runs' is not an array");
    for (const Json& run : runs) {
      const Json& driver = member(member(run, "tool", name, "a run"), "driver", name, "tool");
      if (merged_run.is_null()) {
        merged_run = run;
        if (run.contains("originalUriBaseIds") && run["originalUriBaseIds"].contains("%SRCROOT%")) {
          const std::string base = run["originalUriBaseIds"]["%SRCROOT%"].value("uri", "");
          if (base.rfind("file://", 0) == 0) root = uri_decode(base.substr(7));
        }
      } else if (driver.value("name", "") != merged_run["tool"]["driver"].value("name", "")) {
        fail(name, "a run of '" + driver.value("name", "") + "' cannot be merged with a run of '" +
                       merged_run["tool"]["driver"].value("name", "") + "'");
      }
      // Rules: the first definition of an id wins; results are renumbered to the merged list.
      std::vector<std::size_t> renumber;
      for (const Json& rule : driver.value("rules", Json::array())) {
        const std::string id = member(rule, "id", name, "a rule");
        const auto [it, added] = rule_index.emplace(id, rules.size());
        if (added) rules.push_back(rule);
        renumber.push_back(it->second);
      }
      for (Json result : run.value("results", Json::array())) {
        const std::string id = result.value("ruleId", "");
        if (result.contains("ruleIndex")) {
          const auto known = rule_index.find(id);
          if (known != rule_index.end()) {
            result["ruleIndex"] = known->second;
          } else if (result["ruleIndex"].is_number_unsigned() && result["ruleIndex"].get<std::size_t>() < renumber.size()) {
            result["ruleIndex"] = renumber[result["ruleIndex"].get<std::size_t>()];
          } else {
            result.erase("ruleIndex");
          }
        }
        results.push_back(std::move(result));
      }
      for (const Json& invocation : run.value("invocations", Json::array())) {
        successful = successful && invocation.value("executionSuccessful", true);
        for (const Json& notification : invocation.value("toolExecutionNotifications", Json::array())) {
          notifications.push_back(notification);
        }
      }
    }
  }
  if (merged_run.is_null()) throw std::runtime_error("the logs hold no run");

  // Sorted as a single scan sorts (stable: equal keys keep their input order), exact duplicates
  // (the same shard given twice, a scan-wide notice every shard repeats) dropped.
  std::stable_sort(results.begin(), results.end(), [](const Json& a, const Json& b) {
    return result_key(a).tie() < result_key(b).tie();
  });
  auto drop_duplicates = [](std::vector<Json>& items) {
    std::set<std::string> seen;
    std::vector<Json> kept;
    for (Json& item : items) {
      if (seen.insert(dumped(item)).second) kept.push_back(std::move(item));
    }
    items = std::move(kept);
  };
  drop_duplicates(results);
  Json omitted = report_detail::limit_sarif_results(results);
  if (!omitted.is_null()) notifications.push_back(std::move(omitted));
  std::stable_sort(notifications.begin(), notifications.end(), [&root](const Json& a, const Json& b) {
    const auto message = [](const Json& n) { return n.contains("message") ? n["message"].value("text", "") : ""; };
    return std::make_pair(location_path(a, root), message(a)) < std::make_pair(location_path(b, root), message(b));
  });
  drop_duplicates(notifications);

  merged_run["tool"]["driver"]["rules"] = std::move(rules);
  Json invocation{{"executionSuccessful", successful}, {"toolExecutionNotifications", notifications}};
  merged_run["invocations"] = Json::array({std::move(invocation)});
  merged_run["results"] = results;
  const Json log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                 {"version", "2.1.0"},
                 {"runs", Json::array({std::move(merged_run)})}};
  return log.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
}

}  // namespace citizenscan
