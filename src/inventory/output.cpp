// The inventory's output formats: JSON (complete), CSV (one row per tool), Markdown and HTML
// (a tools table, details, overlaps, program findings). Nothing depends on time or thread count.
#include <nlohmann/json.hpp>

#include "citizenscan/inventory.h"
#include "report/escape.h"

namespace citizenscan {
namespace {

using Json = nlohmann::ordered_json;

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string entry_text(const EntryPoint& e) {
  std::string where = e.path.empty() ? "" : " @ " + e.path + (e.line ? ":" + std::to_string(e.line) : "");
  return e.kind + " " + e.name + where;
}

std::string store_text(const DataStore& s) {
  return s.kind + " " + s.name + " (" + s.access + (s.outside_perimeter ? ", outside perimeter" : "") + ")";
}

std::string owner_text(const Owner& o) { return o.name + " (" + o.source + ")"; }

std::string committer_text(const Owner& o) { return o.name + " (" + std::to_string(o.commits) + " commits)"; }

template <typename T, typename F>
std::vector<std::string> texts(const std::vector<T>& items, F format) {
  std::vector<std::string> out;
  for (const T& item : items) out.push_back(format(item));
  return out;
}

std::string languages_text(const Tool& tool) {
  std::vector<std::string> parts;
  for (const LanguageShare& l : tool.languages) {
    parts.push_back(std::string(language_display_name(l.language)) + " " + std::to_string(l.files));
  }
  return join(parts, ", ");
}

// The data-stores cell of the Markdown and HTML tables: database drivers first (a driver is a data
// store even when no host literal names the server), then every store with its access.
std::vector<std::string> stores_and_drivers(const Tool& tool) {
  std::vector<std::string> out;
  for (const std::string& driver : tool.database_drivers) out.push_back("database driver " + driver);
  for (const DataStore& s : tool.data_stores) out.push_back(store_text(s));
  return out;
}

// "node: JavaScript 3, Python 1; 12 files, 40 KB"
std::string kind_text(const Tool& tool) {
  std::string text = join(tool.kinds, ", ");
  const std::string languages = languages_text(tool);
  if (!languages.empty()) text += ": " + languages;
  const std::uint64_t kb = (tool.bytes + 1023) / 1024;
  return text + "; " + std::to_string(tool.files) + (tool.files == 1 ? " file, " : " files, ") + std::to_string(kb) +
         " KB";
}

std::string unassigned_text(const InventoryResult& result) {
  if (result.unassigned_files == 0) return "";
  return "; " + std::to_string(result.unassigned_files) + " non-code file" +
         (result.unassigned_files == 1 ? "" : "s") + " outside every tool";
}

std::string findings_text(const Tool& tool) {
  std::vector<std::string> parts;
  for (const auto& [pack, count] : tool.findings_by_pack) parts.push_back(pack + " " + std::to_string(count));
  return join(parts, ", ");
}

std::uint64_t unsuppressed(const InventoryResult& result) {
  std::uint64_t n = 0;
  for (const Finding& f : result.findings) n += f.suppression ? 0 : 1;
  return n;
}

Json tool_json(const Tool& tool) {
  Json languages = Json::array();
  for (const LanguageShare& l : tool.languages) {
    languages.push_back({{"language", language_name(l.language)}, {"files", l.files}, {"bytes", l.bytes}});
  }
  Json entries = Json::array();
  for (const EntryPoint& e : tool.entry_points) {
    entries.push_back({{"kind", e.kind}, {"name", e.name}, {"path", e.path}, {"line", e.line}});
  }
  Json stores = Json::array();
  for (const DataStore& s : tool.data_stores) {
    stores.push_back({{"kind", s.kind}, {"name", s.name}, {"access", s.access}, {"path", s.path}, {"line", s.line},
                      {"outside_perimeter", s.outside_perimeter}});
  }
  Json owners = Json::array();
  for (const Owner& o : tool.owners) owners.push_back({{"name", o.name}, {"source", o.source}});
  Json committers = Json::array();
  for (const Owner& o : tool.committers) committers.push_back({{"name", o.name}, {"commits", o.commits}});
  Json by_pack = Json::object();
  for (const auto& [pack, count] : tool.findings_by_pack) by_pack[pack] = count;
  Json web_app = nullptr;
  if (tool.web_app) web_app = {{"access", tool.web_app->access}, {"execute_as", tool.web_app->execute_as}};
  return Json{{"path", tool.path},
              {"kinds", tool.kinds},
              {"languages", languages},
              {"files", tool.files},
              {"bytes", tool.bytes},
              {"entry_points", entries},
              {"database_drivers", tool.database_drivers},
              {"data_stores", stores},
              {"web_app", web_app},
              {"secrets", tool.secrets},
              {"pii_kinds", tool.pii_kinds},
              {"findings_by_pack", by_pack},
              {"last_modified", tool.last_modified},
              {"owners", owners},
              {"committers", committers},
              {"shared", !tool.shared_because.empty()},
              {"shared_because", tool.shared_because},
              {"risk", tool.risk},
              {"risk_reasons", tool.risk_reasons},
              {"needs_engineering", !tool.handoff_reasons.empty()},
              {"handoff_reasons", tool.handoff_reasons}};
}

std::string tool_of_finding(const InventoryResult& result, const Finding& f) {
  std::string best;
  for (const Tool& tool : result.tools) {
    const bool inside = tool.path == "." || f.relative_path == tool.path ||
                        f.relative_path.rfind(tool.path + "/", 0) == 0;
    if (inside && (best.empty() || tool.path.size() > best.size() || best == ".")) best = tool.path;
  }
  return best;
}

void write_json(std::ostream& out, const InventoryResult& result) {
  Json tools = Json::array();
  std::map<std::string, std::uint64_t> by_risk{{"high", 0}, {"medium", 0}, {"low", 0}};
  std::uint64_t handoff = 0;
  for (const Tool& tool : result.tools) {
    tools.push_back(tool_json(tool));
    ++by_risk[tool.risk];
    handoff += tool.handoff_reasons.empty() ? 0 : 1;
  }
  Json overlaps = Json::array();
  for (const Overlap& o : result.overlaps) overlaps.push_back({{"kind", o.kind}, {"name", o.name}, {"tools", o.tools}});
  Json findings = Json::array();
  std::map<std::string, std::uint64_t> by_pack;
  for (const Finding& f : result.findings) {
    if (!f.suppression) ++by_pack[f.rule_id.substr(0, f.rule_id.find('/'))];
    findings.push_back({{"rule_id", f.rule_id},
                        {"tool", tool_of_finding(result, f)},
                        {"relative_path", f.relative_path},
                        {"level", severity_name(f.level)},
                        {"line", f.region.start_line},
                        {"column", f.region.start_column},
                        {"message", f.message},
                        {"snippet", f.snippet},
                        {"fingerprint", f.fingerprint},
                        {"suppressed", f.suppression.has_value()}});
  }
  Json diagnostics = Json::array();
  for (const Diagnostic& d : result.diagnostics) {
    const char* level = d.level == DiagnosticLevel::Error ? "error" : d.level == DiagnosticLevel::Warning ? "warning" : "note";
    diagnostics.push_back({{"path", d.path}, {"level", level}, {"message", d.message}});
  }
  Json doc{{"tool", kToolName},
           {"version", kToolVersion},
           {"root", result.root},
           {"complete", result.complete},
           {"perimeter_checked", result.perimeter_checked},
           {"tools", tools},
           {"overlaps", overlaps},
           {"findings", findings},
           {"diagnostics", diagnostics},
           {"summary",
            {{"files_scanned", result.files_scanned},
             {"unassigned_files", result.unassigned_files},
             {"tools", result.tools.size()},
             {"by_risk", by_risk},
             {"needs_engineering", handoff},
             {"findings", unsuppressed(result)},
             {"by_pack", by_pack}}}};
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

// RFC 4180 quoting; a cell that a spreadsheet would run as a formula gets a leading apostrophe.
std::string csv_cell(std::string value) {
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos) value = "'" + value;
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void write_csv(std::ostream& out, const InventoryResult& result) {
  out << "path,kinds,risk,risk_reasons,needs_engineering,owners,committers,shared_because,languages,files,bytes,"
         "entry_points,database_drivers,data_stores,secrets,pii_kinds,findings,last_modified\r\n";
  for (const Tool& t : result.tools) {
    const std::vector<std::string> cells{
        t.path, join(t.kinds, "; "), t.risk, join(t.risk_reasons, "; "), join(t.handoff_reasons, "; "),
        join(texts(t.owners, owner_text), "; "), join(texts(t.committers, committer_text), "; "),
        join(t.shared_because, "; "), languages_text(t), std::to_string(t.files), std::to_string(t.bytes),
        join(texts(t.entry_points, entry_text), "; "), join(t.database_drivers, "; "),
        join(texts(t.data_stores, store_text), "; "), std::to_string(t.secrets), join(t.pii_kinds, "; "),
        findings_text(t), t.last_modified};
    for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << csv_cell(cells[i]);
    out << "\r\n";
  }
}

std::string md(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_' || c == '<' || c == '[' || c == ']') out += '\\';
    out += c == '\n' || c == '\r' ? ' ' : c;
  }
  return out;
}

std::string md_list(const std::vector<std::string>& items) {
  std::vector<std::string> escaped;
  for (const auto& item : items) escaped.push_back(md(item));
  return escaped.empty() ? "-" : join(escaped, "<br>");
}

void write_markdown(std::ostream& out, const InventoryResult& result) {
  std::map<std::string, int> by_risk;
  for (const Tool& t : result.tools) ++by_risk[t.risk];
  out << "# Tool inventory\n\n"
      << result.tools.size() << " tools (" << by_risk["high"] << " high risk, " << by_risk["medium"] << " medium, "
      << by_risk["low"] << " low), " << result.files_scanned << " files scanned, " << unsuppressed(result)
      << " findings" << unassigned_text(result)
      << (result.perimeter_checked ? "; data perimeter checked" : "; no data perimeter configured") << ".\n\n"
      << "| tool | kind | risk | owner | entry points | data stores | secrets | PII | findings | last change |\n"
      << "|---|---|---|---|---|---|---|---|---|---|\n";
  for (const Tool& t : result.tools) {
    std::vector<std::string> owners = texts(t.owners, owner_text);
    if (owners.empty()) owners = texts(t.committers, [](const Owner& o) { return o.name + " (committer)"; });
    out << "| " << md(t.path) << " | " << md(kind_text(t)) << " | " << t.risk << " | " << md_list(owners)
        << " | " << md_list(texts(t.entry_points, [](const EntryPoint& e) { return e.kind + " " + e.name; })) << " | "
        << md_list(stores_and_drivers(t)) << " | " << t.secrets << " | " << md(join(t.pii_kinds, ", "))
        << " | " << md(findings_text(t)) << " | " << (t.last_modified.empty() ? "-" : t.last_modified) << " |\n";
  }
  out << "\n## Risk and handoff\n\n";
  for (const Tool& t : result.tools) {
    out << "- **" << md(t.path) << "**: " << t.risk << " risk";
    if (!t.risk_reasons.empty()) out << " (" << md(join(t.risk_reasons, "; ")) << ")";
    if (!t.handoff_reasons.empty()) out << "; **needs engineering ownership**: " << md(join(t.handoff_reasons, "; "));
    if (!t.shared_because.empty()) out << "; shared: " << md(join(t.shared_because, ", "));
    out << '\n';
  }
  out << "\n## Overlaps\n\n";
  if (result.overlaps.empty()) out << "No two tools touch the same data store or host.\n";
  for (const Overlap& o : result.overlaps) {
    out << "- " << md(o.kind) << " " << md(o.name) << ": " << md(join(o.tools, ", ")) << '\n';
  }
  out << "\n## Program findings\n\n";
  bool any = false;
  for (const Finding& f : result.findings) {
    if (f.suppression || f.rule_id.rfind("program/", 0) != 0) continue;
    any = true;
    out << "- " << md(f.relative_path) << ":" << f.region.start_line << " " << md(f.rule_id) << ": " << md(f.message)
        << '\n';
  }
  if (!any) out << "None.\n";
}

std::string html_list(const std::vector<std::string>& items) {
  if (items.empty()) return "&ndash;";
  std::string out = "<ul>";
  for (const auto& item : items) out += "<li>" + report_detail::html_escape(item) + "</li>";
  return out + "</ul>";
}

void write_html(std::ostream& out, const InventoryResult& result) {
  std::map<std::string, int> by_risk;
  for (const Tool& t : result.tools) ++by_risk[t.risk];
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>citizenscan tool inventory</title>\n"
         "<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;width:100%}"
         "td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}ul{margin:0;padding-left:1.2em}"
         ".high{background:#fdd}.medium{background:#ffd}.low{background:#dfd}.handoff{font-weight:bold;color:#900}</style>"
         "</head><body>\n<h1>Tool inventory</h1>\n<p>"
      << result.tools.size() << " tools (" << by_risk["high"] << " high risk, " << by_risk["medium"] << " medium, "
      << by_risk["low"] << " low), " << result.files_scanned << " files scanned, " << unsuppressed(result)
      << " findings" << report_detail::html_escape(unassigned_text(result)) << "; "
      << (result.perimeter_checked ? "data perimeter checked" : "no data perimeter configured")
      << ".</p>\n<table><thead><tr><th>tool</th><th>kind</th><th>risk</th><th>owner</th><th>entry points</th>"
         "<th>data stores</th><th>secrets</th><th>PII</th><th>findings</th><th>last change</th></tr></thead><tbody>\n";
  for (const Tool& t : result.tools) {
    std::vector<std::string> owners = texts(t.owners, owner_text);
    if (owners.empty()) owners = texts(t.committers, [](const Owner& o) { return o.name + " (committer)"; });
    std::vector<std::string> risk = t.risk_reasons;
    out << "<tr class=\"" << t.risk << "\"><td>" << report_detail::html_escape(t.path) << "</td><td>" << report_detail::html_escape(kind_text(t))
        << "</td><td>" << t.risk << html_list(risk);
    if (!t.handoff_reasons.empty()) {
      out << "<div class=\"handoff\">needs engineering ownership</div>" << html_list(t.handoff_reasons);
    }
    out << "</td><td>" << html_list(owners) << "</td><td>" << html_list(texts(t.entry_points, entry_text)) << "</td><td>"
        << html_list(stores_and_drivers(t)) << "</td><td>" << t.secrets << "</td><td>"
        << report_detail::html_escape(join(t.pii_kinds, ", ")) << "</td><td>" << report_detail::html_escape(findings_text(t)) << "</td><td>"
        << report_detail::html_escape(t.last_modified) << "</td></tr>\n";
  }
  out << "</tbody></table>\n<h2>Overlaps</h2>\n";
  std::vector<std::string> overlaps;
  for (const Overlap& o : result.overlaps) overlaps.push_back(o.kind + " " + o.name + ": " + join(o.tools, ", "));
  out << (overlaps.empty() ? "<p>No two tools touch the same data store or host.</p>" : html_list(overlaps))
      << "\n<h2>Program findings</h2>\n";
  std::vector<std::string> program;
  for (const Finding& f : result.findings) {
    if (f.suppression || f.rule_id.rfind("program/", 0) != 0) continue;
    program.push_back(f.relative_path + ":" + std::to_string(f.region.start_line) + " " + f.rule_id + ": " + f.message);
  }
  out << (program.empty() ? "<p>None.</p>" : html_list(program)) << "\n</body></html>\n";
}

}  // namespace

std::vector<std::string> inventory_format_names() { return {"json", "csv", "markdown", "html"}; }

std::optional<InventoryFormat> inventory_format_from_name(std::string_view name) {
  if (name == "json") return InventoryFormat::Json;
  if (name == "csv") return InventoryFormat::Csv;
  if (name == "markdown" || name == "md") return InventoryFormat::Markdown;
  if (name == "html") return InventoryFormat::Html;
  return std::nullopt;
}

void write_inventory(std::ostream& out, const InventoryResult& result, InventoryFormat format) {
  switch (format) {
    case InventoryFormat::Json: write_json(out, result); break;
    case InventoryFormat::Csv: write_csv(out, result); break;
    case InventoryFormat::Markdown: write_markdown(out, result); break;
    case InventoryFormat::Html: write_html(out, result); break;
  }
}

}  // namespace citizenscan
