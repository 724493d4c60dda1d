// The inventory's keys of the project config: `perimeter` and `handoff`.
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "citizenscan/inventory.h"

namespace citizenscan {
namespace {

using nlohmann::json;

[[noreturn]] void fail(const std::string& source, const std::string& key, const std::string& problem) {
  throw std::runtime_error(source + ": " + key + ": " + problem);
}

std::vector<std::string> string_list(const json& value, const std::string& source, const std::string& key) {
  if (!value.is_array()) fail(source, key, "must be an array of strings");
  std::vector<std::string> out;
  for (const json& item : value) {
    if (!item.is_string() || item.get<std::string>().empty()) fail(source, key, "must be an array of non-empty strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace

void parse_program_config(std::string_view json_text, const std::string& source, std::optional<Perimeter>& perimeter,
                          HandoffRule& handoff) {
  json doc;
  try {
    doc = json::parse(json_text);
  } catch (const json::parse_error& e) {
    fail(source, "(file)", std::string("malformed JSON: ") + e.what());
  }
  if (!doc.is_object()) fail(source, "(file)", "must be a JSON object");
  if (doc.contains("perimeter")) {
    const json& p = doc["perimeter"];
    if (!p.is_object()) fail(source, "perimeter", "must be an object");
    Perimeter out;
    for (const auto& [key, value] : p.items()) {
      const std::string where = "perimeter." + key;
      if (key == "databaseHosts") out.database_hosts = string_list(value, source, where);
      else if (key == "domains") out.domains = string_list(value, source, where);
      else if (key == "sheets") out.sheets = string_list(value, source, where);
      else if (key == "driveFolders") out.drive_folders = string_list(value, source, where);
      else if (key == "mailRelays") out.mail_relays = string_list(value, source, where);
      else fail(source, where, "unknown key (known: databaseHosts, domains, sheets, driveFolders, mailRelays)");
    }
    perimeter = std::move(out);
  }
  if (doc.contains("handoff")) {
    const json& h = doc["handoff"];
    if (!h.is_object()) fail(source, "handoff", "must be an object");
    for (const auto& [key, value] : h.items()) {
      const std::string where = "handoff." + key;
      if (key == "highSensitivityPii" || key == "webAppBeyondDomain") {
        if (!value.is_boolean()) fail(source, where, "must be true or false");
        (key == "highSensitivityPii" ? handoff.high_sensitivity_pii : handoff.web_app_beyond_domain) = value.get<bool>();
      } else if (key == "productionHosts") {
        handoff.production_hosts = string_list(value, source, where);
      } else if (key == "maxCommitters") {
        if (!value.is_number_unsigned()) fail(source, where, "must be a whole number (0 turns the check off)");
        handoff.max_committers = value.get<std::uint32_t>();
      } else {
        fail(source, where, "unknown key (known: highSensitivityPii, productionHosts, webAppBeyondDomain, maxCommitters)");
      }
    }
  }
}

}  // namespace citizenscan
