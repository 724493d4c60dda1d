#include "sarif_checks.h"

#include <charconv>
#include <set>

#include <nlohmann/json.hpp>

namespace citizenscan::testing {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxResults = 25000;  // GitHub code scanning rejects a run with more
constexpr std::size_t kMaxTags = 20;        // and ignores tags beyond these

bool is_hex_upper(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); }

bool is_unreserved_or_slash(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~' || c == '/';
}

// The path part of a URI as uri_encode_path writes it; "" when fine, else what is wrong.
std::string encoding_problem(std::string_view path) {
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%') {
      if (i + 2 >= path.size() || !is_hex_upper(path[i + 1]) || !is_hex_upper(path[i + 2])) {
        return "'%' not followed by two uppercase hex digits at offset " + std::to_string(i);
      }
      i += 2;
    } else if (!is_unreserved_or_slash(path[i])) {
      return "unencoded character at offset " + std::to_string(i);
    }
  }
  return "";
}

class Checker {
 public:
  std::vector<std::string> problems;

  void add(const std::string& where, const std::string& what) { problems.push_back(where + ": " + what); }

  // The member `key` of `object` when it has the wanted type; null (and a problem) otherwise.
  const json* member(const json& object, const std::string& where, const char* key, json::value_t type) {
    if (!object.is_object()) {
      add(where, "not an object");
      return nullptr;
    }
    const auto found = object.find(key);
    if (found == object.end()) {
      add(where, std::string("missing '") + key + "'");
      return nullptr;
    }
    const bool matches = found->type() == type ||
                         (type == json::value_t::number_unsigned && found->type() == json::value_t::number_integer &&
                          found->get<std::int64_t>() >= 0);
    if (!matches) {
      add(where + "." + key, std::string("has the wrong type (") + found->type_name() + ")");
      return nullptr;
    }
    return &*found;
  }

  void text_message(const json& object, const std::string& where) {
    if (const json* message = member(object, where, "message", json::value_t::object)) {
      member(*message, where + ".message", "text", json::value_t::string);
    }
  }

  void level(const json& object, const std::string& where) {
    if (const json* value = member(object, where, "level", json::value_t::string)) {
      static const std::set<std::string> kLevels{"none", "note", "warning", "error"};
      if (!kLevels.contains(value->get<std::string>())) add(where + ".level", "unknown level " + value->dump());
    }
  }

  void artifact_location(const json& location, const std::string& where) {
    const json* physical = member(location, where, "physicalLocation", json::value_t::object);
    if (physical == nullptr) return;
    const std::string at = where + ".physicalLocation.artifactLocation";
    const json* artifact = member(*physical, where + ".physicalLocation", "artifactLocation", json::value_t::object);
    if (artifact == nullptr) return;
    const json* uri_value = member(*artifact, at, "uri", json::value_t::string);
    if (uri_value == nullptr) return;
    const std::string uri = uri_value->get<std::string>();
    if (artifact->contains("uriBaseId")) {
      if ((*artifact)["uriBaseId"] != "%SRCROOT%") add(at + ".uriBaseId", "is not %SRCROOT%");
      if (!uri.empty() && uri.front() == '/') add(at + ".uri", "'" + uri + "' relative to %SRCROOT% starts with '/'");
      if (const std::string problem = encoding_problem(uri); !problem.empty()) add(at + ".uri", problem);
    } else if (uri.rfind("file:///", 0) == 0) {
      if (const std::string problem = encoding_problem(std::string_view(uri).substr(7)); !problem.empty()) {
        add(at + ".uri", problem);
      }
    } else {
      add(at + ".uri", "'" + uri + "' has neither a uriBaseId nor a file:/// prefix");
    }
  }

  void region(const json& physical, const std::string& where) {
    const json* region = member(physical, where, "region", json::value_t::object);
    if (region == nullptr) return;
    const std::string at = where + ".region";
    std::uint64_t values[4] = {0, 0, 0, 0};
    const char* names[4] = {"startLine", "startColumn", "endLine", "endColumn"};
    for (int i = 0; i < 4; ++i) {
      const json* value = member(*region, at, names[i], json::value_t::number_unsigned);
      if (value == nullptr) return;
      values[i] = value->get<std::uint64_t>();
      if (values[i] < 1) add(at + "." + names[i], "is below 1");
    }
    if (values[2] < values[0] || (values[2] == values[0] && values[3] < values[1])) {
      add(at, "ends before it starts " + region->dump());
    }
    if (region->contains("snippet")) member((*region)["snippet"], at + ".snippet", "text", json::value_t::string);
  }

  void rule(const json& rule, const std::string& where) {
    member(rule, where, "id", json::value_t::string);
    member(rule, where, "name", json::value_t::string);
    for (const char* key : {"shortDescription", "fullDescription", "help"}) {
      if (const json* text = member(rule, where, key, json::value_t::object)) {
        member(*text, where + "." + key, "text", json::value_t::string);
      }
    }
    const json* properties = member(rule, where, "properties", json::value_t::object);
    if (properties == nullptr) return;
    if (const json* tags = member(*properties, where + ".properties", "tags", json::value_t::array)) {
      if (tags->size() > kMaxTags) add(where + ".properties.tags", std::to_string(tags->size()) + " tags");
      std::set<std::string> seen;
      for (const json& tag : *tags) {
        if (!tag.is_string() || tag.get<std::string>().empty() || !seen.insert(tag.get<std::string>()).second) {
          add(where + ".properties.tags", "a tag that is empty, repeated or not a string: " + tag.dump());
        }
      }
    }
    if (const json* severity = member(*properties, where + ".properties", "security-severity", json::value_t::string)) {
      const std::string text = severity->get<std::string>();
      double value = -1;
      const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (error != std::errc{} || end != text.data() + text.size() || value < 0.0 || value > 10.0) {
        add(where + ".properties.security-severity", "'" + text + "' is not a number from 0.0 to 10.0");
      }
    }
  }

  void result(const json& result, const std::string& where, const json& rules) {
    const json* rule_id = member(result, where, "ruleId", json::value_t::string);
    if (result.is_object() && result.contains("ruleIndex")) {
      const json* index = member(result, where, "ruleIndex", json::value_t::number_unsigned);
      if (index != nullptr) {
        const auto i = index->get<std::uint64_t>();
        if (i >= rules.size()) {
          add(where + ".ruleIndex", std::to_string(i) + " is past the " + std::to_string(rules.size()) + " rules");
        } else if (rule_id != nullptr && rules[i].is_object() && rules[i].value("id", json()) != *rule_id) {
          add(where + ".ruleIndex", "names rule " + rules[i].value("id", json()).dump() + ", not " + rule_id->dump());
        }
      }
    }
    level(result, where);
    text_message(result, where);
    if (const json* locations = member(result, where, "locations", json::value_t::array)) {
      if (locations->size() != 1) add(where + ".locations", std::to_string(locations->size()) + " locations, not 1");
      for (std::size_t i = 0; i < locations->size(); ++i) {
        const std::string at = where + ".locations[" + std::to_string(i) + "]";
        artifact_location((*locations)[i], at);
        if ((*locations)[i].contains("physicalLocation")) region((*locations)[i]["physicalLocation"], at + ".physicalLocation");
      }
    }
    if (result.contains("partialFingerprints")) {
      for (const auto& [key, value] : result["partialFingerprints"].items()) {
        if (!value.is_string()) add(where + ".partialFingerprints." + key, "is not a string");
      }
    }
    if (result.contains("suppressions")) {
      const json& suppressions = result["suppressions"];
      if (!suppressions.is_array() || suppressions.empty()) add(where + ".suppressions", "is not a non-empty array");
      for (const json& suppression : suppressions) {
        const json* kind = member(suppression, where + ".suppressions[]", "kind", json::value_t::string);
        if (kind != nullptr && *kind != "inSource" && *kind != "external") {
          add(where + ".suppressions[].kind", "unknown kind " + kind->dump());
        }
      }
    }
  }

  void run(const json& run, const std::string& where) {
    if (!run.is_object()) {
      add(where, "not an object");
      return;
    }
    const json empty = json::array();
    const json* rules = &empty;
    if (const json* tool = member(run, where, "tool", json::value_t::object)) {
      if (const json* driver = member(*tool, where + ".tool", "driver", json::value_t::object)) {
        member(*driver, where + ".tool.driver", "name", json::value_t::string);
        if (const json* listed = member(*driver, where + ".tool.driver", "rules", json::value_t::array)) rules = listed;
      }
    }
    std::set<std::string> rule_ids;
    for (std::size_t i = 0; i < rules->size(); ++i) {
      const std::string at = where + ".tool.driver.rules[" + std::to_string(i) + "]";
      rule((*rules)[i], at);
      if ((*rules)[i].is_object() && (*rules)[i].contains("id") && (*rules)[i]["id"].is_string() &&
          !rule_ids.insert((*rules)[i]["id"].get<std::string>()).second) {
        add(at + ".id", (*rules)[i]["id"].dump() + " is listed twice");
      }
    }
    if (const json* details = member(run, where, "automationDetails", json::value_t::object)) {
      const json* id = member(*details, where + ".automationDetails", "id", json::value_t::string);
      if (id != nullptr && (id->get<std::string>().empty() || id->get<std::string>().back() != '/')) {
        add(where + ".automationDetails.id", id->dump() + " does not end with '/'");
      }
    }
    if (run.contains("originalUriBaseIds")) {
      const json& base = run["originalUriBaseIds"];
      const json* root = base.is_object() && base.contains("%SRCROOT%") ? &base["%SRCROOT%"] : nullptr;
      const json* uri = root != nullptr ? member(*root, where + ".originalUriBaseIds.%SRCROOT%", "uri", json::value_t::string)
                                        : nullptr;
      if (uri == nullptr) {
        add(where + ".originalUriBaseIds", "has no %SRCROOT% uri");
      } else {
        const std::string text = uri->get<std::string>();
        if (text.rfind("file:///", 0) != 0 || text.back() != '/') {
          add(where + ".originalUriBaseIds.%SRCROOT%.uri", "'" + text + "' is not a file:/// folder URI");
        } else if (const std::string problem = encoding_problem(std::string_view(text).substr(7)); !problem.empty()) {
          add(where + ".originalUriBaseIds.%SRCROOT%.uri", problem);
        }
      }
    }
    if (const json* invocations = member(run, where, "invocations", json::value_t::array)) {
      if (invocations->size() != 1) add(where + ".invocations", std::to_string(invocations->size()) + " invocations, not 1");
      for (std::size_t i = 0; i < invocations->size(); ++i) {
        const std::string at = where + ".invocations[" + std::to_string(i) + "]";
        member((*invocations)[i], at, "executionSuccessful", json::value_t::boolean);
        const json* notes = member((*invocations)[i], at, "toolExecutionNotifications", json::value_t::array);
        for (std::size_t n = 0; notes != nullptr && n < notes->size(); ++n) {
          const std::string note_at = at + ".toolExecutionNotifications[" + std::to_string(n) + "]";
          level((*notes)[n], note_at);
          text_message((*notes)[n], note_at);
          if ((*notes)[n].contains("locations")) {
            for (const json& location : (*notes)[n]["locations"]) artifact_location(location, note_at + ".locations[]");
          }
        }
      }
    }
    if (run.value("columnKind", json()) != "unicodeCodePoints") add(where + ".columnKind", "is not unicodeCodePoints");
    if (const json* results = member(run, where, "results", json::value_t::array)) {
      if (results->size() > kMaxResults) add(where + ".results", std::to_string(results->size()) + " results");
      for (std::size_t i = 0; i < results->size(); ++i) {
        result((*results)[i], where + ".results[" + std::to_string(i) + "]", *rules);
      }
    }
  }
};

}  // namespace

std::vector<std::string> sarif_problems(std::string_view text) {
  Checker checker;
  const json log = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (log.is_discarded()) {
    checker.add("log", "not JSON (or not valid UTF-8)");
    return checker.problems;
  }
  if (!log.is_object()) {
    checker.add("log", "not an object");
    return checker.problems;
  }
  if (log.value("$schema", json()) != "https://json.schemastore.org/sarif-2.1.0.json") {
    checker.add("log.$schema", "is not the SARIF 2.1.0 schema");
  }
  if (log.value("version", json()) != "2.1.0") checker.add("log.version", "is not 2.1.0");
  if (const json* runs = checker.member(log, "log", "runs", json::value_t::array)) {
    if (runs->size() != 1) checker.add("log.runs", std::to_string(runs->size()) + " runs, not 1");
    for (std::size_t i = 0; i < runs->size(); ++i) checker.run((*runs)[i], "runs[" + std::to_string(i) + "]");
  }
  return checker.problems;
}

}  // namespace citizenscan::testing
