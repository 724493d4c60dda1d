#include "cli/cli.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "citizenscan/changes.h"
#include "citizenscan/config.h"
#include "citizenscan/inventory.h"
#include "citizenscan/load.h"
#include "citizenscan/parse.h"
#include "citizenscan/report.h"
#include "citizenscan/rules.h"
#include "citizenscan/scan.h"
#include "citizenscan/suppress.h"
#include "citizenscan/walk.h"
#include "cli/interrupt.h"
#include "cli/output.h"
#include "cli/scan_feedback.h"

namespace citizenscan::cli {
namespace {

constexpr int kExitClean = 0;
constexpr int kExitFindings = 1;
constexpr int kExitError = 2;

std::optional<std::uint64_t> parse_size(const std::string& text) {
  // "800000", "512K", "8M", "1G" (binary units).
  if (text.empty()) return std::nullopt;
  std::size_t used = 0;
  unsigned long long value = 0;
  try {
    value = std::stoull(text, &used);
  } catch (...) {
    return std::nullopt;
  }
  std::string unit = text.substr(used);
  if (!unit.empty() && (unit.back() == 'B' || unit.back() == 'b')) unit.pop_back();
  if (unit.empty()) return value;
  if (unit == "K" || unit == "k") return value << 10;
  if (unit == "M" || unit == "m") return value << 20;
  if (unit == "G" || unit == "g") return value << 30;
  return std::nullopt;
}

struct ScanArgs {
  std::vector<std::string> targets;
  std::string format = "text";
  std::string output;
  std::string fail_on;  // empty: the config's failOn, else "note"
  std::string color = "auto";
  std::string max_file_size = "8M";
  std::string max_parse_size = "4M";
  std::string progress = "auto";
  std::string baseline;  // --baseline FILE; empty: the config's baseline, if any
  std::string sarif_category = std::string(kToolName);
  bool staged = false;      // --staged: the content of git's index
  std::string diff_base;    // --diff-base REV: only findings introduced since REV
  bool all_lines = false;   // --staged --all-lines: not only findings on added or changed lines
  std::string config;  // --config FILE; empty: discovered
  bool no_config = false;
  std::vector<std::string> rule_paths;
  unsigned jobs = 0;
  bool no_builtin_rules = false;
  bool stats = false;
  bool quiet = false;
  bool shard_index_given = false;
  ScanOptions options;
};

// A Kubernetes Indexed Job gives each pod its index in JOB_COMPLETION_INDEX; with --shard-count
// that is enough for every pod to take its own shard without a per-pod command line.
bool shard_from_environment(ScanArgs& args) {
  if (args.shard_index_given || args.options.walk.shard_count <= 1) return true;
  const char* index = std::getenv("JOB_COMPLETION_INDEX");
  if (index == nullptr || *index == '\0') return true;
  char* end = nullptr;
  errno = 0;
  const unsigned long value = std::strtoul(index, &end, 10);
  if (errno != 0 || *end != '\0' || *index == '-' || value > UINT32_MAX) {
    std::cerr << "citizenscan: JOB_COMPLETION_INDEX='" << index << "' is not a shard index\n";
    return false;
  }
  args.options.walk.shard_index = static_cast<std::uint32_t>(value);
  return true;
}

// The folder a config is looked for from: the scan root as walk() will choose it.
std::string config_search_start(const ScanArgs& args) {
  namespace fs = std::filesystem;
  if (!args.options.walk.root.empty()) return args.options.walk.root;
  std::error_code ec;
  if (args.targets.size() == 1 && fs::is_directory(args.targets.front(), ec)) return args.targets.front();
  return ".";
}

bool all_inside(const std::vector<std::string>& targets, const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(folder, ec);
  for (const std::string& target : targets.empty() ? std::vector<std::string>{"."} : targets) {
    const fs::path path = fs::weakly_canonical(fs::absolute(target, ec), ec);
    const fs::path relative = path.lexically_relative(base);
    if (relative.empty() || *relative.begin() == "..") return false;
  }
  return true;
}

// The config's settings that `scan`, `baseline create` and `inventory` share: where and what to walk,
// PII sensitivity, and which rules run at which level. `options.walk.targets` must be set.
void apply_config(const ProjectConfig& cfg, const RuleSet& rules, ScanOptions& options) {
  if (!cfg.path.empty()) {
    // The config's globs are relative to its folder, so that folder is the root they match under.
    if (options.walk.root.empty() && all_inside(options.walk.targets, cfg.folder)) options.walk.root = cfg.folder;
    options.walk.include_globs.insert(options.walk.include_globs.begin(), cfg.include.begin(), cfg.include.end());
    options.walk.exclude_globs.insert(options.walk.exclude_globs.begin(), cfg.exclude.begin(), cfg.exclude.end());
    if (cfg.pii_sensitivity) options.pii_sensitivity = *cfg.pii_sensitivity;
  }
  options.selection = select_rules(cfg, rules.infos());
}

// Everything a scan needs once flags and the config file are combined. Flags win over the config
// for single values; lists (globs, packs, domains) add up.
struct PreparedScan {
  ProjectConfig config;
  RuleSet rules;
  ScanOptions options;
  std::string fail_on;
  std::vector<RuleInfo> report_rules;  // the rules with severity overrides applied
  std::optional<BaselineMatcher> baseline;
  std::string baseline_justification;
};

// --baseline, else the config's `baseline`; nullopt after printing the problem.
bool load_baseline(const ScanArgs& args, PreparedScan& prepared) {
  const std::string path = !args.baseline.empty() ? args.baseline : prepared.config.baseline.value_or("");
  if (path.empty()) return true;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "citizenscan: cannot read the baseline " << path
              << " (`citizenscan baseline create` writes one)\n";
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  prepared.baseline.emplace(parse_baseline(text.str(), path));
  prepared.baseline_justification = "accepted in the baseline " + std::filesystem::path(path).filename().string();
  return true;
}

std::optional<PreparedScan> prepare_scan(const ScanArgs& args, bool use_baseline) {
  ProjectConfig config;
  const std::string config_path =
      args.no_config ? "" : !args.config.empty() ? args.config : find_config(config_search_start(args));
  if (!config_path.empty()) config = load_config(config_path);

  std::vector<std::string> rule_paths = config.rule_packs;
  rule_paths.insert(rule_paths.end(), args.rule_paths.begin(), args.rule_paths.end());
  PreparedScan prepared{std::move(config), RuleSet::load_builtin_and(rule_paths, !args.no_builtin_rules), args.options,
                        "", {}, std::nullopt, ""};
  const ProjectConfig& cfg = prepared.config;
  ScanOptions& options = prepared.options;
  options.jobs = args.jobs;
  options.walk.targets = args.targets;
  auto size = parse_size(args.max_file_size);
  if (!size) {
    std::cerr << "citizenscan: --max-file-size: '" << args.max_file_size
              << "' is not a size (examples: 800000, 512K, 8M)\n";
    return std::nullopt;
  }
  options.walk.max_file_size = *size;
  options.org_domains = cfg.org_domains;
  for (const std::string& domain : args.options.org_domains) {
    auto normalized = normalize_org_domain(domain);
    if (!normalized) {
      std::cerr << "citizenscan: --org-domain: '" << domain << "' is not a domain name (example: --org-domain example.com)\n";
      return std::nullopt;
    }
    options.org_domains.push_back(std::move(*normalized));
  }
  auto parse_limit = parse_size(args.max_parse_size);
  if (!parse_limit) {
    std::cerr << "citizenscan: --max-parse-size: '" << args.max_parse_size
              << "' is not a size (examples: 800000, 512K, 4M)\n";
    return std::nullopt;
  }
  options.max_parse_bytes = *parse_limit;
  options.rule_timing = args.stats;
  apply_config(cfg, prepared.rules, options);
  for (const ReportFormatInfo& format : report_formats()) {
    if (format.name == args.format) options.context_lines = format.context_lines;
  }
  prepared.fail_on = !args.fail_on.empty() ? args.fail_on : cfg.fail_on.value_or("note");
  prepared.report_rules = prepared.rules.infos();
  for (std::size_t i = 0; i < prepared.report_rules.size(); ++i) {
    if (options.selection.level[i]) prepared.report_rules[i].severity = *options.selection.level[i];
  }
  // Rules the inventory computes over whole tools (program/no-owner...) never fire in a scan, so a
  // scan's reports do not list them (SARIF consumers show every listed rule as checked).
  std::erase_if(prepared.report_rules, [](const RuleInfo& rule) { return !rule.computed_by.empty(); });
  if (use_baseline && !load_baseline(args, prepared)) return std::nullopt;
  return prepared;
}

// Runs a command that scans with SIGINT/SIGTERM turned into a stop request (cli/interrupt.h); when
// one came, the process ends by it once the command has cleaned up.
int stoppable(const std::function<int(const StopOnSignal&)>& command) {
  StopOnSignal stop;
  const int code = command(stop);
  if (stop.received() != 0) stop.end_by_signal();
  return code;
}

// True (after saying so) when a signal asked to stop: then no report is written or committed.
bool abandoned(const StopOnSignal& stop, std::uint64_t files_scanned) {
  if (stop.received() == 0) return false;
  std::cerr << "citizenscan: interrupted by " << stop.received_name() << " after " << files_scanned
            << " files; no report written\n";
  return true;
}

// --staged / --diff-base: the change git knows of, under the targets; nullopt for a tree scan.
// Depends on the flags only, so it runs while the config and the rule packs load.
std::optional<ChangeSet> collect_requested_changes(const ScanArgs& args) {
  if (!args.staged && args.diff_base.empty()) return std::nullopt;
  ChangeRequest request;
  request.mode = args.staged ? ChangeMode::Staged : ChangeMode::SinceRevision;
  request.revision = args.diff_base;
  request.start = config_search_start(args);
  std::error_code ec;
  if (!std::filesystem::is_directory(request.start, ec)) request.start = ".";
  request.limit_to = args.targets;
  return collect_changes(request);
}

// The root a tree scan would take, so that a change's relative paths and globs stay what they are there.
void root_for_changes(const ScanArgs& args, ScanOptions& options) {
  std::error_code ec;
  if (options.walk.root.empty()) options.walk.root = config_search_start(args);
  if (!std::filesystem::is_directory(options.walk.root, ec)) options.walk.root = ".";
}

int run_scan(const ScanArgs& args, const StopOnSignal& stop) {
  // git's processes (a pre-commit run's --staged) run while this thread loads the config and packs.
  std::future<std::optional<ChangeSet>> changes_ahead =
      std::async(args.staged || !args.diff_base.empty() ? std::launch::async : std::launch::deferred,
                 [&args] { return collect_requested_changes(args); });
  std::optional<PreparedScan> prepared = prepare_scan(args, true);
  if (!prepared) return kExitError;
  prepared->options.stop = stop.flag();
  const RuleSet& rules = prepared->rules;
  const std::optional<ChangeSet> changes = changes_ahead.get();
  if (changes) root_for_changes(args, prepared->options);
  const ScanOptions& options = prepared->options;

  ReportOutput output;
  std::string error;
  if (!output.open(args.output, error)) {
    std::cerr << "citizenscan: " << error << '\n';
    return kExitError;
  }
  ScanCallbacks callbacks;
  ProgressLine progress(stderr);
  if (progress_wanted(args.progress, args.quiet, STDERR_FILENO)) {
    callbacks.progress = [&progress](const ScanProgress& p) { progress.update(p); };
  }
  // jsonl: findings leave as soon as their file is done, and are only counted here.
  const bool streaming = args.format == "jsonl";
  const std::vector<Finding> none;
  ReportSummary streamed;
  bool streamed_over_threshold = false;
  const std::optional<Severity> threshold =
      prepared->fail_on == "none" ? std::nullopt : severity_from_name(prepared->fail_on);
  bool write_failed = false;
  // With a baseline, a finding that only an entry under another path could account for (a moved
  // file) waits for the end of the scan, when every file has used its own entries (see
  // BaselineMatcher::apply_own_path): streamed or not, the same findings are baselined.
  std::vector<Finding> held;
  std::function<void(std::vector<Finding>&)> emit;
  if (streaming) {
    callbacks.findings = [&](std::vector<Finding>&& findings) {
      std::sort(findings.begin(), findings.end(), finding_less);
      if (prepared->baseline) prepared->baseline->apply_own_path(findings, prepared->baseline_justification, held);
      emit(findings);
    };
    emit = [&](std::vector<Finding>& findings) {
      if (findings.empty()) return;
      const ReportSummary part = summarize_report(ReportInput{rules.infos(), findings, {}, "", 0, true});
      streamed.findings += part.findings;
      streamed.suppressed += part.suppressed;
      streamed.baselined += part.baselined;
      streamed.files_with_findings += part.files_with_findings;
      for (const auto& [pack, counts] : part.by_pack) {
        SeverityCounts& total = streamed.by_pack[pack];
        total.error += counts.error;
        total.warning += counts.warning;
        total.note += counts.note;
      }
      for (const Finding& finding : findings) {
        if (!finding.suppression && threshold && finding.level >= *threshold) streamed_over_threshold = true;
      }
      std::ostringstream lines;
      write_jsonl_findings(lines, findings);
      if (!write_failed && !output.write(lines.str(), error)) write_failed = true;
    };
  }
  ScanResult result = changes ? scan_changes(rules, options, *changes, args.staged && !args.all_lines, callbacks)
                              : scan(rules, options, callbacks);
  progress.finish();
  if (abandoned(stop, result.stats.files_scanned)) return kExitError;
  if (!held.empty()) {
    std::sort(held.begin(), held.end(), finding_less);
    prepared->baseline->apply(held, prepared->baseline_justification);
    emit(held);
  }
  if (prepared->baseline) prepared->baseline->apply(result.findings, prepared->baseline_justification);
  if (args.stats) print_stats(stderr, result, rules);

  ReportInput input{prepared->report_rules, result.findings, result.diagnostics, result.root,
                    result.stats.files_scanned, result.complete};
  input.sarif_category = args.sarif_category;
  std::ostringstream out;
  if (streaming) {
    streamed.files_scanned = result.stats.files_scanned;
    write_jsonl_tail(out, input, streamed);
  } else if (args.format == "sarif") {
    write_sarif(out, input);
  } else if (args.format == "json") {
    write_json(out, input);
  } else if (args.format == "markdown") {
    write_markdown(out, input);
  } else if (args.format == "html") {
    write_html(out, input);
  } else {
    TextOptions text;
    const bool tty = args.output.empty() && ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
    text.color = args.color == "always" || (args.color == "auto" && tty);
    write_text(out, input, text);
  }
  if (!write_failed && !output.write(out.str(), error)) write_failed = true;
  if (abandoned(stop, result.stats.files_scanned)) return kExitError;  // not committed: a previous report stays as it was
  if (write_failed || !output.commit(error)) {
    std::cerr << "citizenscan: " << error << '\n';
    return kExitError;
  }
  // Findings decide first (they are real whatever else went wrong); without them, an incomplete
  // scan is never reported as clean.
  if (streamed_over_threshold) return kExitFindings;
  for (const Finding& finding : result.findings) {
    if (threshold && !finding.suppression && finding.level >= *threshold) return kExitFindings;
  }
  return result.complete ? kExitClean : kExitError;
}

// Writes a whole report to `path` ("": standard output); false after telling the user why.
bool emit(const std::string& path, const std::string& content) {
  ReportOutput output;
  std::string error;
  if (output.open(path, error) && output.write(content, error) && output.commit(error)) return true;
  std::cerr << "citizenscan: " << error << '\n';
  return false;
}

int run_merge(const std::vector<std::string>& inputs, const std::string& output_path) {
  std::vector<std::pair<std::string, std::string>> logs;
  for (const std::string& path : inputs) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    if (in.is_open()) text << in.rdbuf();
    if (!in.is_open() || in.bad()) {
      std::cerr << "citizenscan: merge: cannot read " << path << '\n';
      return kExitError;
    }
    logs.emplace_back(path, text.str());
  }
  const std::string merged = merge_sarif(logs);  // throws with the input's name
  return emit(output_path, merged) ? kExitClean : kExitError;
}

struct InventoryArgs {
  std::vector<std::string> targets;
  std::string format = "markdown";
  std::string output;
  std::string config;
  std::vector<std::string> rule_paths;
  unsigned jobs = 0;
  bool no_git = false;
  bool no_config = false;
  ScanOptions options;
};

int run_inventory(const InventoryArgs& args, const StopOnSignal& stop) {
  InventoryOptions options;
  options.scan = args.options;
  options.scan.stop = stop.flag();
  options.scan.jobs = args.jobs;
  options.scan.walk.targets = args.targets;
  options.git = !args.no_git;
  // The same .citizenscan.json as `scan` (found the same way): its perimeter and handoff keys, and
  // the walk, PII and rule settings both commands share.
  ProjectConfig config;
  std::string start = ".";
  std::error_code ec;
  if (args.targets.size() == 1 && std::filesystem::is_directory(args.targets.front(), ec)) start = args.targets.front();
  const std::string config_path = args.no_config ? "" : !args.config.empty() ? args.config : find_config(start);
  if (!config_path.empty()) config = load_config(config_path);
  std::vector<std::string> rule_paths = config.rule_packs;
  rule_paths.insert(rule_paths.end(), args.rule_paths.begin(), args.rule_paths.end());
  const RuleSet rules = load_inventory_rules(rule_paths);
  apply_config(config, rules, options.scan);
  options.scan.org_domains = config.org_domains;
  options.perimeter = config.perimeter;
  options.handoff = config.handoff;
  const InventoryResult result = inventory(rules, options);
  if (abandoned(stop, result.files_scanned)) return kExitError;
  std::ostringstream out;
  write_inventory(out, result, *inventory_format_from_name(args.format));
  for (const Diagnostic& d : result.diagnostics) {
    std::cerr << "citizenscan: " << (d.path.empty() ? "" : d.path + ": ") << d.message << '\n';
  }
  if (!emit(args.output, out.str())) return kExitError;
  return result.complete ? kExitClean : kExitError;
}

// Writes a whole file atomically; false (with the reason on stderr) when it cannot.
bool write_file(const std::string& path, const std::string& content) {
  ReportOutput output;
  std::string error;
  if (output.open(path, error) && output.write(content, error) && output.commit(error)) return true;
  std::cerr << "citizenscan: " << error << '\n';
  return false;
}

// Scans like `scan` and records the unsuppressed findings as a baseline: -o, else the config's
// `baseline`, else .citizenscan-baseline.json in the config's folder (or here).
int run_baseline_create(const ScanArgs& args, const StopOnSignal& stop) {
  std::optional<PreparedScan> prepared = prepare_scan(args, false);
  if (!prepared) return kExitError;
  prepared->options.stop = stop.flag();
  const ScanResult result = scan(prepared->rules, prepared->options);
  if (abandoned(stop, result.stats.files_scanned)) return kExitError;
  std::string path = args.output;
  if (path.empty()) path = prepared->config.baseline.value_or("");
  if (path.empty()) {
    const std::string folder = prepared->config.folder.empty() ? "." : prepared->config.folder;
    path = (std::filesystem::path(folder) / ".citizenscan-baseline.json").string();
  }
  for (const Diagnostic& d : result.diagnostics) {
    if (d.level != DiagnosticLevel::Note) std::cerr << "citizenscan: " << d.path << ": " << d.message << '\n';
  }
  if (!write_file(path, write_baseline(result.findings))) return kExitError;
  const auto recorded = std::count_if(result.findings.begin(), result.findings.end(),
                                      [](const Finding& f) { return !f.suppression; });
  std::cout << "wrote " << path << ": " << recorded << " findings accepted\n";
  return result.complete ? kExitClean : kExitError;
}

// Writes DIR/.citizenscan.json (never over an existing one unless forced) and DIR/.pre-commit-config.yaml
// when the project has none; with one, prints the hook entry to add.
int run_init(const std::string& dir, bool force) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::cerr << "citizenscan: init: " << dir << " is not a directory\n";
    return kExitError;
  }
  const std::string config = (fs::path(dir) / kConfigFileName).string();
  if (fs::exists(config, ec) && !force) {
    std::cerr << "citizenscan: init: " << config << " exists; use --force to replace it\n";
    return kExitError;
  }
  if (!write_file(config, starter_config())) return kExitError;
  std::cout << "wrote " << config << '\n';
  const std::string precommit = (fs::path(dir) / ".pre-commit-config.yaml").string();
  if (fs::exists(precommit, ec)) {
    std::cout << precommit << " exists; add this hook to it:\n\n" << precommit_config_snippet();
    return kExitClean;
  }
  if (!write_file(precommit, precommit_config_snippet())) return kExitError;
  std::cout << "wrote " << precommit << " (run `pre-commit install` to turn the hook on)\n";
  return kExitClean;
}

int run_rules(const std::vector<std::string>& rule_paths, bool no_builtin, const std::string& explain_id) {
  RuleSet rules = RuleSet::load_builtin_and(rule_paths, !no_builtin);
  if (!explain_id.empty()) {
    const RuleInfo* info = rules.find(explain_id);
    if (info == nullptr) {
      std::cerr << "citizenscan: no rule '" << explain_id << "' (see `citizenscan rules`)\n";
      return kExitError;
    }
    std::cout << "# " << info->id << " (" << info->name << ")\n\n"
              << info->short_description << "\n\n"
              << "Severity: " << severity_name(info->severity);
    if (info->test_severity) std::cout << " (" << severity_name(*info->test_severity) << " in test files)";
    std::cout << ", security-severity " << info->security_severity << ", precision: " << info->precision;
    if (!info->cwe.empty()) {
      std::cout << ", ";
      for (std::size_t i = 0; i < info->cwe.size(); ++i) std::cout << (i ? ", " : "") << info->cwe[i];
    }
    std::cout << "\nLanguages: ";
    for (std::size_t i = 0; i < info->languages.size(); ++i) {
      std::cout << (i ? ", " : "") << language_name(info->languages[i]);
    }
    std::cout << "\n\n" << info->full_description << "\n\n" << info->help_markdown << '\n';
    return kExitClean;
  }
  std::string pack;
  for (const RuleInfo& info : rules.infos()) {
    if (info.pack != pack) {
      pack = info.pack;
      std::cout << (pack == rules.infos().front().pack ? "" : "\n") << pack << "\n";
    }
    std::printf("  %-48s %-8s %s\n", info.id.c_str(), std::string(severity_name(info.severity)).c_str(),
                info.short_description.c_str());
  }
  std::cout << '\n' << rules.infos().size() << " rules. `citizenscan rules explain ID` shows one rule's help.\n";
  return kExitClean;
}

int run_parse(const std::string& path, const std::string& language_name_arg) {
  std::optional<Language> language;
  if (!language_name_arg.empty()) {
    language = language_from_name(language_name_arg);
  } else {
    language = detect_language(std::filesystem::path(path).filename().string(), false);
  }
  if (!language || grammar_of(*language) == Grammar::None) {
    std::cerr << "citizenscan: " << path << ": no grammar for this file (use --language python|javascript|sql)\n";
    return kExitError;
  }
  FileLoader loader;
  LoadResult loaded = loader.load(path, 64u << 20);
  if (!loaded.ok()) {
    std::cerr << "citizenscan: " << path << ": " << loaded.problem << '\n';
    return kExitError;
  }
  Parser parser(grammar_of(*language));
  ParseOutcome parsed = parser.parse(loaded.text, 0);
  if (!parsed.tree) {
    std::cerr << "citizenscan: " << path << ": " << parsed.error << '\n';
    return kExitError;
  }
  std::cout << tree_sexp(parsed.tree.get()) << '\n';
  return kExitClean;
}

// The flags of every command that scans.
void add_scan_flags(CLI::App* cmd, ScanArgs& args) {
  cmd->add_option("targets", args.targets, "Files or directories (default: .)");
  cmd->add_option("-f,--format", args.format, "Output format")->check(CLI::IsMember(report_format_names()));
  cmd->add_option("-o,--output", args.output, "Write the report to FILE (atomically)");
  cmd->add_option("-j,--jobs", args.jobs, "Worker threads (default: all hardware threads)");
  cmd->add_option("--rules", args.rule_paths, "Extra rule pack file or directory (repeatable)")
      ->allow_extra_args(false);
  cmd->add_flag("--no-builtin-rules", args.no_builtin_rules,
                     "Run only the packs given with --rules");
  cmd->add_option("--fail-on", args.fail_on,
                       "Exit 1 when a finding at or above this level remains (default: config failOn, else note = any)")
      ->check(CLI::IsMember({"error", "warning", "note", "none"}));
  cmd->add_option("--color", args.color, "Colour text output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--root", args.options.walk.root,
                       "Root for relative paths in reports (default: the single directory target, else .)");
  cmd->add_flag("--no-ignore", [&](std::int64_t) { args.options.walk.respect_ignore_files = false; },
                     "Do not honour .gitignore/.ignore files");
  cmd->add_option("--exclude", args.options.walk.exclude_globs, "Skip paths matching GLOB (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--include", args.options.walk.include_globs, "Only scan paths matching GLOB (repeatable)")
      ->allow_extra_args(false);
  cmd->add_option("--org-domain", args.options.org_domains,
                       "The organisation's own mail domain (repeatable); addresses outside it are reported "
                       "as external by the rules that check recipients")
      ->allow_extra_args(false);
  cmd->add_option("--max-file-size", args.max_file_size, "Skip larger files (default 8M)");
  cmd->add_option("--parse-budget-ms", args.options.parse_budget_ms,
                       "Per-file parse budget in milliseconds of CPU time; past it only text rules run (default 10000)");
  cmd->add_flag("--no-prefilter", [&](std::int64_t) { args.options.prefilter = false; },
                     "Run every rule on every file (benchmark baseline; same findings, slower)");
  cmd->add_flag("--stats", args.stats,
                     "Print files skipped by reason, bytes, the share parsed, time per stage, the slowest rules and "
                     "peak memory to stderr");
  cmd->add_option("--progress", args.progress, "Progress line on stderr (default: auto = on a terminal)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_flag("-q,--quiet", args.quiet, "No progress line");
  cmd->add_option("--max-parse-size", args.max_parse_size,
                       "Code files larger than this get text rules only, with a note (default 4M; 0 = no limit)");
  cmd->add_flag("--parse-minified", [&](std::int64_t) { args.options.text_only_minified = false; },
                     "Parse minified or generated code too (by default it gets text rules only, with a note)");
  cmd->add_flag("--show-secrets", args.options.show_secrets,
                     "Show full secret values in the output (never use in CI logs)");
  cmd->add_flag("--no-inline-ignores", [&](std::int64_t) { args.options.inline_ignores = false; },
                     "Ignore citizenscan:ignore comments");
  cmd->add_option("--shard-index", args.options.walk.shard_index,
                       "This shard's index (0-based; default: $JOB_COMPLETION_INDEX when --shard-count is given)")
      ->each([&](const std::string&) { args.shard_index_given = true; });
  cmd->add_option("--shard-count", args.options.walk.shard_count, "Number of shards")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--config", args.config, "Read this config file instead of looking for .citizenscan.json");
  cmd->add_flag("--no-config", args.no_config, "Ignore .citizenscan.json files");
  cmd->add_option("--baseline", args.baseline,
                  "Report only findings that this baseline file does not list (default: config baseline)");
  cmd->add_option("--sarif-category", args.sarif_category,
                  "SARIF automationDetails.id category (default citizenscan); give each kind of scan of one "
                  "repository its own, e.g. citizenscan-pr for --diff-base scans")
      ->check([](const std::string& value) {
        return value.empty() || value.find_first_of(" \t\n") != std::string::npos
                   ? std::string("a category is a non-empty name without spaces")
                   : std::string();
      });
}

}  // namespace

int run(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is an EPIPE write error we handle, not a crash
  std::signal(SIGXFSZ, SIG_IGN);  // over a file size limit: an EFBIG write error, and the temp file is removed
  CLI::App app{"citizenscan: find hardcoded credentials, unprotected personal data, mail sent from "
               "personal accounts and unbounded database load in citizen-built Python, JavaScript, "
               "Apps Script and SQL."};
  app.require_subcommand(0, 1);
  bool show_version = false;
  app.add_flag("--version", show_version, "Print the version and exit");

  ScanArgs scan_args;
  CLI::App* scan_cmd = app.add_subcommand("scan", "Scan files and directories");
  add_scan_flags(scan_cmd, scan_args);
  CLI::Option* staged_flag = scan_cmd->add_flag(
      "--staged", scan_args.staged,
      "Scan what git's index holds for the next commit (not the working tree) and report only findings the "
      "commit adds, on added or changed lines (for pre-commit hooks)");
  scan_cmd->add_option("--diff-base", scan_args.diff_base,
                       "Report only findings introduced since the merge base of REV and HEAD, in the files "
                       "changed since then (working tree; for pull requests)")
      ->excludes(staged_flag);
  scan_cmd->add_flag("--all-lines", scan_args.all_lines,
                     "With --staged: report new findings anywhere in the changed files, not only on added or "
                     "changed lines")
      ->needs(staged_flag);
  scan_cmd->footer(
      "Test files (a test/tests/spec/fixtures folder, test_*.py, *_test.py, *.test.js, *.spec.js, conftest.py)\n"
      "are scanned like any other file; a rule may report lower there (its help says so). Credentials:\n"
      "generic passwords, connection strings and config secrets become warnings in tests, provider tokens\n"
      "with a recognised structure stay errors. Exclude tests entirely with --exclude 'tests/'.");

  ScanArgs baseline_args;
  CLI::App* baseline_cmd = app.add_subcommand("baseline", "Record the current findings so later scans report only new ones");
  baseline_cmd->require_subcommand(1);
  CLI::App* baseline_create_cmd =
      baseline_cmd->add_subcommand("create", "Scan and write the baseline (-o FILE, default .citizenscan-baseline.json)");
  add_scan_flags(baseline_create_cmd, baseline_args);

  std::string init_dir = ".";
  bool init_force = false;
  CLI::App* init_cmd = app.add_subcommand("init", "Write a starter .citizenscan.json and a pre-commit hook entry");
  init_cmd->add_option("dir", init_dir, "Project folder (default: .)");
  init_cmd->add_flag("--force", init_force, "Overwrite an existing .citizenscan.json");

  InventoryArgs inv_args;
  CLI::App* inv_cmd = app.add_subcommand("inventory", "List the tools in a tree: entry points, data stores, owners, risk");
  inv_cmd->add_option("targets", inv_args.targets, "Files or directories (default: .)");
  inv_cmd->add_option("-f,--format", inv_args.format, "Output format (default markdown)")
      ->check(CLI::IsMember(inventory_format_names()));
  inv_cmd->add_option("-o,--output", inv_args.output, "Write the inventory to FILE (atomically)");
  inv_cmd->add_option("-j,--jobs", inv_args.jobs, "Worker threads (default: all hardware threads)");
  inv_cmd->add_option("--config", inv_args.config, "Read this config file instead of looking for .citizenscan.json");
  inv_cmd->add_flag("--no-config", inv_args.no_config, "Ignore .citizenscan.json files");
  inv_cmd->add_option("--rules", inv_args.rule_paths, "Extra rule pack file or directory (repeatable)")
      ->allow_extra_args(false);
  inv_cmd->add_flag("--no-git", inv_args.no_git, "Do not read git history (owners, last change)");
  inv_cmd->add_flag("--no-ignore", [&](std::int64_t) { inv_args.options.walk.respect_ignore_files = false; },
                    "Do not honour .gitignore/.ignore files");
  inv_cmd->add_option("--exclude", inv_args.options.walk.exclude_globs, "Skip paths matching GLOB (repeatable)")
      ->allow_extra_args(false);

  std::vector<std::string> rules_paths;
  std::string explain_id;
  bool rules_no_builtin = false;
  CLI::App* rules_cmd = app.add_subcommand("rules", "List the rules, or explain one");
  rules_cmd->add_option("--rules", rules_paths, "Extra rule pack file or directory (repeatable)")
      ->allow_extra_args(false);
  rules_cmd->add_flag("--no-builtin-rules", rules_no_builtin, "Only the packs given with --rules");
  CLI::App* explain_cmd = rules_cmd->add_subcommand("explain", "Print a rule's help");
  explain_cmd->add_option("id", explain_id, "Rule id, e.g. credentials/aws-access-key-id")->required();
  rules_cmd->add_subcommand("list", "List the rules (the default)");

  std::string parse_path, parse_language;
  CLI::App* parse_cmd = app.add_subcommand("parse", "Print a file's syntax tree (for rule authors)");
  parse_cmd->add_option("file", parse_path, "File to parse")->required();
  parse_cmd->add_option("--language", parse_language, "python | javascript | appsscript | sql");

  std::vector<std::string> merge_inputs;
  std::string merge_output;
  CLI::App* merge_cmd = app.add_subcommand("merge", "Merge SARIF files (the shards of a scan) into one run");
  merge_cmd->add_option("inputs", merge_inputs, "SARIF files")->required();
  merge_cmd->add_option("-o,--output", merge_output, "Write the merged SARIF to FILE (atomically; default: stdout)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitClean : kExitError;
  }
  try {
    if (show_version) {
      std::cout << kToolName << ' ' << kToolVersion << '\n';
      return kExitClean;
    }
    if (scan_cmd->parsed()) {
      if (!shard_from_environment(scan_args)) return kExitError;
      if (scan_args.options.walk.shard_index >= scan_args.options.walk.shard_count) {
        std::cerr << "citizenscan: --shard-index must be below --shard-count\n";
        return kExitError;
      }
      return stoppable([&](const StopOnSignal& stop) { return run_scan(scan_args, stop); });
    }
    if (baseline_create_cmd->parsed()) {
      return stoppable([&](const StopOnSignal& stop) { return run_baseline_create(baseline_args, stop); });
    }
    if (init_cmd->parsed()) return run_init(init_dir, init_force);
    if (inv_cmd->parsed()) {
      return stoppable([&](const StopOnSignal& stop) { return run_inventory(inv_args, stop); });
    }
    if (rules_cmd->parsed()) return run_rules(rules_paths, rules_no_builtin, explain_cmd->parsed() ? explain_id : "");
    if (parse_cmd->parsed()) return run_parse(parse_path, parse_language);
    if (merge_cmd->parsed()) return run_merge(merge_inputs, merge_output);
    std::cout << app.help();
    return kExitError;
  } catch (const ConfigError& e) {
    std::cerr << "citizenscan: invalid config: " << e.what() << '\n';
    return kExitError;
  } catch (const ChangeError& e) {
    std::cerr << "citizenscan: " << e.what() << '\n';
    return kExitError;
  } catch (const BaselineError& e) {
    std::cerr << "citizenscan: invalid baseline: " << e.what() << '\n';
    return kExitError;
  } catch (const RuleLoadError& e) {
    std::cerr << "citizenscan: invalid rule pack: " << e.what() << '\n';
    return kExitError;
  } catch (const std::exception& e) {
    std::cerr << "citizenscan: " << e.what() << '\n';
    return kExitError;
  }
}

}  // namespace citizenscan::cli
