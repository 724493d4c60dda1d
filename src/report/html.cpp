// The HTML report: one page for the weekly review, with nothing to fetch. Its style and script are
// inline and a Content-Security-Policy lets only those two run (by hash), so even markup that
// slipped past escaping could neither load anything nor execute.
//
// Every string from the scanned tree (paths, folder names, messages, snippets, context lines,
// diagnostics) goes through html_escape. Rule texts come from the packs and are rendered from their
// Markdown by a small renderer that escapes everything it does not itself turn into a tag.
//
// For tests and scripted checks the page exposes its numbers: summary cells carry
// data-count="<pack>:<level>" ("*" for the totals, "total" for a row's sum), #summary-line carries
// data-findings / data-files / data-scanned / data-suppressed, and #shown (data-shown) says how
// many findings the filter leaves visible. The URL fragment `#pack=a,b&level=error,warning` sets
// the filter on load; `<html data-filter-ready>` is set once the script has applied it.
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include "citizenscan/report.h"
#include "report/escape.h"
#include "report/review.h"
#include "report/sha256.h"

namespace citizenscan {
namespace {

using namespace report_detail;

constexpr std::string_view kStyle = R"CSS(
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--soft:#f6f8fa;--err:#cf222e;--warn:#9a6700;--note:#0969da;
--crit:#8c1d18;--high:#cf222e;--med:#bc4c00;--low:#59636e;--hit:#fff8c5}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header.page,main{max-width:1100px;margin:0 auto;padding:0 20px}
header.page{padding-top:16px}
h1{font-size:24px;margin:8px 0}
h2{font-size:19px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:16px;margin:22px 0 8px}
h4{font-size:14px;margin:14px 0 6px;font-weight:600}
code,pre{font:12.5px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
p code,li code,td code,h3 code,h4 code{background:var(--soft);padding:1px 4px;border-radius:4px}
.meta{color:var(--muted);margin:0}
.headline{font-size:16px;margin:8px 0}
.incomplete{border:1px solid var(--err);color:var(--err);padding:8px 12px;border-radius:6px}
table{border-collapse:collapse;margin:6px 0 10px}
th,td{border:1px solid var(--line);padding:4px 10px;text-align:right}
th:first-child,th.name,td.name{text-align:left}
thead th{background:var(--soft)}
tr.total th,tr.total td{font-weight:700}
td.zero{color:#8c959f}
#filter{position:sticky;top:0;background:var(--bg);border-bottom:1px solid var(--line);padding:8px 0;z-index:1;
display:flex;flex-wrap:wrap;gap:8px 24px;align-items:center}
#filter fieldset{border:0;margin:0;padding:0;display:flex;gap:10px;align-items:center}
#filter legend{float:left;font-weight:600;margin-right:6px}
#filter label{white-space:nowrap;cursor:pointer}
#filter button{font:inherit;padding:2px 10px;border:1px solid var(--line);background:var(--soft);border-radius:6px;cursor:pointer}
section.tool{margin-top:8px}
.badge{display:inline-block;font-size:12px;font-weight:600;padding:0 7px;border-radius:10px;border:1px solid currentColor;vertical-align:1px}
.level-error{color:var(--err)}.level-warning{color:var(--warn)}.level-note{color:var(--note)}
.risk-critical{color:var(--crit)}.risk-high{color:var(--high)}.risk-medium{color:var(--med)}.risk-low{color:var(--low)}
article.finding{border:1px solid var(--line);border-left:4px solid var(--note);border-radius:6px;margin:8px 0 14px;padding:8px 12px}
article.finding[data-level=error]{border-left-color:var(--err)}
article.finding[data-level=warning]{border-left-color:var(--warn)}
article.finding>header{display:flex;flex-wrap:wrap;gap:6px 10px;align-items:baseline}
article.finding .where{color:var(--muted)}
article.finding .message{margin:6px 0;font-weight:600}
pre.code{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:6px 0;overflow-x:auto;margin:6px 0}
pre.code span.line{display:block;padding:0 10px 0 0;white-space:pre}
pre.code span.hit{background:var(--hit)}
pre.code span.ln{display:inline-block;min-width:4.5em;padding-right:12px;text-align:right;color:#8c959f;user-select:none}
.explain p{margin:4px 0}
.fix{margin:4px 0}
.rule-help{border-top:1px solid var(--line);margin-top:14px}
.rule-help pre{background:var(--soft);padding:8px 10px;border-radius:6px;overflow-x:auto}
[hidden]{display:none!important}
footer{max-width:1100px;margin:30px auto;padding:0 20px;color:var(--muted)}
@media print{#filter{position:static}#filter button{display:none}article.finding{break-inside:avoid}}
)CSS";

constexpr std::string_view kScript = R"JS(
(function () {
  'use strict';
  var findings = Array.prototype.slice.call(document.querySelectorAll('article.finding'));
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#filter input[type=checkbox]'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('section.file, section.tool'));
  var shown = document.getElementById('shown');
  function chosen(name) {
    var set = {};
    boxes.forEach(function (b) { if (b.name === name && b.checked) set[b.value] = true; });
    return set;
  }
  function apply() {
    var packs = chosen('pack'), levels = chosen('level'), count = 0;
    findings.forEach(function (f) {
      var visible = packs[f.getAttribute('data-pack')] === true && levels[f.getAttribute('data-level')] === true;
      f.hidden = !visible;
      if (visible) count += 1;
    });
    groups.forEach(function (g) { g.hidden = g.querySelector('article.finding:not([hidden])') === null; });
    shown.textContent = String(count);
    shown.setAttribute('data-shown', String(count));
  }
  function fromHash() {
    var params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    ['pack', 'level'].forEach(function (name) {
      if (!params.has(name)) return;
      var wanted = params.get(name).split(',');
      boxes.forEach(function (b) { if (b.name === name) b.checked = wanted.indexOf(b.value) >= 0; });
    });
  }
  function toHash() {
    var parts = [];
    ['pack', 'level'].forEach(function (name) {
      var all = boxes.filter(function (b) { return b.name === name; });
      var on = all.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      if (on.length !== all.length) parts.push(name + '=' + on.map(encodeURIComponent).join(','));
    });
    try {
      history.replaceState(null, '', parts.length ? '#' + parts.join('&') : window.location.pathname);
    } catch (e) {
      // Some browsers refuse history changes on file: pages; the filter itself has been applied.
    }
  }
  boxes.forEach(function (b) { b.addEventListener('change', function () { apply(); toHash(); }); });
  document.getElementById('show-all').addEventListener('click', function () {
    boxes.forEach(function (b) { b.checked = true; });
    apply();
    toHash();
  });
  window.addEventListener('hashchange', function () { fromHash(); apply(); });
  fromHash();
  apply();
  document.documentElement.setAttribute('data-filter-ready', '');
})();
)JS";

std::string esc(std::string_view text) { return html_escape(text); }

std::string count_cell(std::string_view key, std::uint64_t value) {
  return std::string("<td data-count=\"") + esc(key) + "\"" + (value == 0 ? " class=\"zero\"" : "") + ">" +
         std::to_string(value) + "</td>";
}

// A finding message: the rule's `code` parts as <code>, the rest as text.
std::string html_message(std::string_view message) {
  std::string out;
  split_message(
      message, [&](std::string_view prose) { out += esc(prose); },
      [&](std::string_view code) { out += "<code>" + esc(code) + "</code>"; });
  return out;
}

// Inline Markdown of the packs' texts: `code`, **strong**, *emphasis*; everything else escaped.
// A '*' opens emphasis only after a space or an opening bracket and before a non-space, and closes
// it only after a non-space and before a space or punctuation, so "@yahoo.*" stays a star.
std::string inline_markdown(std::string_view text) {
  std::string out;
  std::size_t plain = 0;  // start of the text not yet written
  bool strong = false, emphasis = false;
  auto emit = [&](std::size_t upto, std::string_view tag, std::size_t skip) {
    out += esc(text.substr(plain, upto - plain));
    out += tag;
    plain = upto + skip;
  };
  auto space_or_open = [&](std::size_t k) { return k == 0 || text[k - 1] == ' ' || text[k - 1] == '(' || text[k - 1] == '\n'; };
  auto closes_here = [&](std::size_t k) {
    return k + 1 == text.size() || std::string_view(" .,;:)!?\n").find(text[k + 1]) != std::string_view::npos;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '`') {
      const auto close = text.find('`', i + 1);
      if (close == std::string_view::npos) continue;
      emit(i, "<code>" + esc(text.substr(i + 1, close - i - 1)) + "</code>", close + 1 - i);
      i = close;
    } else if (text.substr(i, 2) == "**") {
      emit(i, strong ? "</strong>" : "<strong>", 2);
      strong = !strong;
      ++i;
    } else if (text[i] == '*' && !emphasis && space_or_open(i) && i + 1 < text.size() && text[i + 1] != ' ') {
      emit(i, "<em>", 1);
      emphasis = true;
    } else if (text[i] == '*' && emphasis && i > 0 && text[i - 1] != ' ' && closes_here(i)) {
      emit(i, "</em>", 1);
      emphasis = false;
    }
  }
  out += esc(text.substr(plain));
  if (emphasis) out += "</em>";
  if (strong) out += "</strong>";
  return out;
}

// Block Markdown of a rule's help: headings, fenced code, lists and paragraphs.
std::string block_markdown(std::string_view text) {
  std::string out;
  std::string paragraph;
  std::string list;  // "ul" or "ol" while inside a list
  auto flush = [&] {
    if (!paragraph.empty()) out += "<p>" + inline_markdown(paragraph) + "</p>\n";
    paragraph.clear();
  };
  auto close_list = [&] {
    if (!list.empty()) out += "</" + list + ">\n";
    list.clear();
  };
  std::istringstream lines{std::string(text)};
  std::string line;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const std::string_view view = line;
    const auto first = view.find_first_not_of(' ');
    const std::string_view body = first == std::string_view::npos ? std::string_view{} : view.substr(first);
    if (body.starts_with("```")) {
      flush();
      close_list();
      std::string code;
      while (std::getline(lines, line)) {
        const auto indent = line.find_first_not_of(' ');
        if (indent != std::string::npos && std::string_view(line).substr(indent).starts_with("```")) break;
        code += line + "\n";
      }
      out += "<pre><code>" + esc(code) + "</code></pre>\n";
      continue;
    }
    if (body.empty()) {
      flush();
      close_list();
      continue;
    }
    std::size_t hashes = 0;
    while (hashes < body.size() && body[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 6 && hashes < body.size() && body[hashes] == ' ') {
      flush();
      close_list();
      const std::string level = std::to_string(std::min<std::size_t>(6, hashes + 3));  // under the page's h4
      out += "<h" + level + ">" + inline_markdown(body.substr(hashes + 1)) + "</h" + level + ">\n";
      continue;
    }
    std::size_t digits = 0;
    while (digits < body.size() && body[digits] >= '0' && body[digits] <= '9') ++digits;
    const bool bullet = body.starts_with("- ") || body.starts_with("* ");
    const bool numbered = digits > 0 && body.substr(digits, 2) == ". ";
    if (bullet || numbered) {
      flush();
      const std::string kind = bullet ? "ul" : "ol";
      if (list != kind) {
        close_list();
        out += "<" + kind + ">\n";
        list = kind;
      }
      out += "<li>" + inline_markdown(body.substr(bullet ? 2 : digits + 2)) + "</li>\n";
      continue;
    }
    if (!list.empty() && first != std::string_view::npos && first >= 2) {
      // A continuation line of the last list item.
      out.insert(out.size() - std::string_view("</li>\n").size(), " " + inline_markdown(body));
      continue;
    }
    close_list();
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += body;
  }
  flush();
  close_list();
  return out;
}

std::string tool_label(const std::string& tool) {
  return tool.empty() ? std::string("files at the root") : "<code>" + esc(tool + "/") + "</code>";
}

std::string plural(std::uint64_t count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

void write_counts(std::ostream& out, const ReportSummary& summary) {
  out << "<section id=\"summary\"><h2>Findings by pack and severity</h2>\n"
         "<table class=\"counts\"><thead><tr><th>pack</th><th>error</th><th>warning</th><th>note</th><th>total</th>"
         "</tr></thead><tbody>\n";
  for (const auto& [pack, counts] : summary.by_pack) {
    out << "<tr><td class=\"name\">" << esc(pack) << "</td>" << count_cell(pack + ":error", counts.error)
        << count_cell(pack + ":warning", counts.warning) << count_cell(pack + ":note", counts.note)
        << count_cell(pack + ":total", counts.total()) << "</tr>\n";
  }
  const SeverityCounts& t = summary.totals;
  out << "<tr class=\"total\"><td class=\"name\">total</td>" << count_cell("*:error", t.error)
      << count_cell("*:warning", t.warning) << count_cell("*:note", t.note) << count_cell("*:total", t.total())
      << "</tr>\n</tbody></table></section>\n";
}

void write_filter(std::ostream& out, const ReportSummary& summary) {
  out << "<section id=\"filter\" aria-label=\"Filter\">\n<fieldset><legend>Pack</legend>";
  for (const auto& [pack, counts] : summary.by_pack) {
    out << "<label><input type=\"checkbox\" name=\"pack\" value=\"" << esc(pack) << "\" checked> " << esc(pack)
        << "</label>";
  }
  out << "</fieldset>\n<fieldset><legend>Severity</legend>";
  for (const std::string_view level : {"error", "warning", "note"}) {
    out << "<label class=\"level-" << level << "\"><input type=\"checkbox\" name=\"level\" value=\"" << level
        << "\" checked> " << level << "</label>";
  }
  out << "</fieldset>\n<p>Showing <output id=\"shown\" data-shown=\"" << summary.findings << "\">" << summary.findings
      << "</output> of " << summary.findings << " findings <button type=\"button\" id=\"show-all\">Show all</button></p>"
      << "\n</section>\n";
}

void write_tools(std::ostream& out, const std::vector<ToolGroup>& tools) {
  out << "<section id=\"tools\"><h2>Tools by risk</h2>\n<p class=\"meta\">A tool is a top-level folder. Risk is "
         "the rule's security-severity (critical &ge; 9, high &ge; 7, medium &ge; 4); tools are ranked by their "
         "critical findings, then high, medium and low.</p>\n"
         "<table><thead><tr><th>#</th><th class=\"name\">tool</th><th>critical</th><th>high</th><th>medium</th><th>low</th>"
         "<th>error</th><th>warning</th><th>note</th><th>files</th></tr></thead><tbody>\n";
  for (std::size_t i = 0; i < tools.size(); ++i) {
    const ToolGroup& tool = tools[i];
    out << "<tr data-tool-rank=\"" << i + 1 << "\"><td>" << i + 1 << "</td><td class=\"name\"><a href=\"#tool-"
        << i + 1 << "\">" << tool_label(tool.tool) << "</a></td>";
    for (int r = 0; r < kRiskCount; ++r) {
      out << count_cell("tool-" + std::to_string(i + 1) + ":" + std::string(risk_name(static_cast<Risk>(r))),
                        tool.risks[r]);
    }
    out << "<td>" << tool.levels.error << "</td><td>" << tool.levels.warning << "</td><td>" << tool.levels.note
        << "</td><td>" << tool.files.size() << "</td></tr>\n";
  }
  out << "</tbody></table></section>\n";
}

void write_code(std::ostream& out, const Finding& finding) {
  const std::uint32_t at = finding.region.start_line;
  std::uint32_t number = at - static_cast<std::uint32_t>(finding.context_before.size());
  auto line = [&](std::string_view text, bool hit) {
    out << "<span class=\"line" << (hit ? " hit" : "") << "\"><span class=\"ln\">" << number++ << "</span>" << esc(text)
        << "</span>";
  };
  out << "<pre class=\"code\"><code>";
  for (const std::string& text : finding.context_before) line(text, false);
  std::string_view snippet = finding.snippet;
  while (!snippet.empty() && (snippet.back() == '\n' || snippet.back() == '\r')) snippet.remove_suffix(1);
  line(snippet, true);
  for (const std::string& text : finding.context_after) line(text, false);
  out << "</code></pre>\n";
}

void write_finding(std::ostream& out, const ReportInput& input, const Finding& finding, std::size_t index,
                   const std::map<std::string, std::size_t>& rule_anchor) {
  const RuleInfo* rule = rule_of(input, finding);
  const std::string level(severity_name(finding.level));
  const Risk risk = risk_of(rule != nullptr ? rule->security_severity : 0.0);
  out << "<article class=\"finding\" id=\"f-" << index << "\" data-pack=\"" << esc(report_pack_of(input, finding))
      << "\" data-level=\"" << level << "\">\n<header><span class=\"badge level-" << level << "\">" << level
      << "</span><span class=\"badge risk-" << risk_name(risk) << "\">" << risk_name(risk) << "</span><code>"
      << esc(finding.rule_id) << "</code><span class=\"where\">line " << finding.region.start_line << ", column "
      << finding.region.start_column << "</span></header>\n<p class=\"message\">" << html_message(finding.message)
      << "</p>\n";
  write_code(out, finding);
  if (rule != nullptr) {
    out << "<div class=\"explain\"><p>" << inline_markdown(rule->full_description) << "</p>\n<p class=\"fix\"><strong>"
        << "Fix:</strong> " << inline_markdown(short_fix(*rule)) << " <a href=\"#rule-" << rule_anchor.at(rule->id)
        << "\">The rule's full help</a></p></div>\n";
  }
  out << "</article>\n";
}

void write_rules(std::ostream& out, const std::vector<const RuleInfo*>& rules) {
  out << "<section id=\"rules\"><h2>The rules behind these findings</h2>\n";
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const RuleInfo& rule = *rules[i];
    out << "<section class=\"rule-help\" id=\"rule-" << i + 1 << "\"><h3><code>" << esc(rule.id) << "</code> "
        << esc(rule.short_description) << "</h3>\n<p class=\"meta\">" << severity_name(rule.severity)
        << ", security-severity " << rule.security_severity << " (" << risk_name(risk_of(rule.security_severity))
        << "), precision " << esc(rule.precision);
    for (const std::string& cwe : rule.cwe) out << ", " << esc(cwe);
    out << "</p>\n" << block_markdown(rule.help_markdown) << "</section>\n";
  }
  out << "</section>\n";
}

void write_diagnostics(std::ostream& out, const ReportInput& input) {
  if (input.diagnostics.empty()) return;
  out << "<section id=\"diagnostics\"><h2>Diagnostics</h2>\n<details><summary>"
      << plural(input.diagnostics.size(), "diagnostic", "diagnostics")
      << " (files skipped or only partly scanned)</summary>\n<ul>\n";
  for (const Diagnostic& diagnostic : input.diagnostics) {
    out << "<li><span class=\"badge\">" << diagnostic_level_name(diagnostic.level) << "</span> ";
    if (!diagnostic.path.empty()) out << "<code>" << esc(diagnostic.path) << "</code>: ";
    out << esc(diagnostic.message) << "</li>\n";
  }
  out << "</ul></details></section>\n";
}

}  // namespace

void write_html(std::ostream& out, const ReportInput& input) {
  const ReportSummary summary = summarize_report(input);
  const std::vector<ToolGroup> tools = group_by_tool(input);
  // The rules that have findings, in the order the findings first name them.
  std::vector<const RuleInfo*> rules;
  std::map<std::string, std::size_t> rule_anchor;
  for (const ToolGroup& tool : tools) {
    for (const FileGroup& file : tool.files) {
      for (const Finding* finding : file.findings) {
        const RuleInfo* rule = rule_of(input, *finding);
        if (rule != nullptr && rule_anchor.emplace(rule->id, rules.size() + 1).second) rules.push_back(rule);
      }
    }
  }

  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '"
      << csp_hash(kStyle) << "'; script-src '" << csp_hash(kScript)
      << "'; img-src 'none'; base-uri 'none'; form-action 'none'\">\n"
      << "<meta name=\"referrer\" content=\"no-referrer\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << kToolName << " report</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n"
      << "<header class=\"page\">\n<h1>" << kToolName << " report</h1>\n<p class=\"meta\">Scanned <code>"
      << esc(input.root) << "</code> with " << kToolName << ' ' << kToolVersion << "</p>\n"
      << "<p class=\"headline\" id=\"summary-line\" data-findings=\"" << summary.findings << "\" data-files=\""
      << summary.files_with_findings << "\" data-scanned=\"" << summary.files_scanned << "\" data-suppressed=\""
      << summary.suppressed << "\">" << esc(summary_line(summary)) << "</p>\n";
  if (!input.complete) {
    out << "<p class=\"incomplete\">The scan is incomplete: some files could not be read or matched fully (see the "
           "diagnostics).</p>\n";
  }
  out << "</header>\n<main>\n";
  write_counts(out, summary);
  if (summary.findings > 0) {
    write_tools(out, tools);
    out << "<section id=\"findings\"><h2>Findings</h2>\n";
    write_filter(out, summary);
    std::size_t index = 0;
    for (std::size_t t = 0; t < tools.size(); ++t) {
      const ToolGroup& tool = tools[t];
      out << "<section class=\"tool\" id=\"tool-" << t + 1 << "\"><h3>" << tool_label(tool.tool) << " <span class=\""
          << "meta\">" << plural(tool.findings(), "finding", "findings") << "</span></h3>\n";
      for (const FileGroup& file : tool.files) {
        out << "<section class=\"file\"><h4><code>" << esc(file.path) << "</code></h4>\n";
        for (const Finding* finding : file.findings) write_finding(out, input, *finding, ++index, rule_anchor);
        out << "</section>\n";
      }
      out << "</section>\n";
    }
    out << "</section>\n";
    write_rules(out, rules);
  } else {
    // The filter's script expects its elements; with nothing to filter they stay hidden.
    out << "<section id=\"filter\" hidden><p><output id=\"shown\" data-shown=\"0\">0</output>"
           "<button type=\"button\" id=\"show-all\">Show all</button></p></section>\n";
  }
  write_diagnostics(out, input);
  out << "</main>\n<footer>Secrets are shown redacted (the first characters, then ****). Generated by "
      << kToolName << ' ' << kToolVersion << ".</footer>\n<script>" << kScript << "</script>\n</body>\n</html>\n";
}

}  // namespace citizenscan
