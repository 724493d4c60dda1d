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
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "citizenscan/load.h"
#include "citizenscan/parse.h"
#include "citizenscan/report.h"
#include "citizenscan/rules.h"
#include "citizenscan/scan.h"
#include "citizenscan/walk.h"
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
  std::string fail_on = "note";
  std::string color = "auto";
  std::string max_file_size = "8M";
  std::string max_parse_size = "4M";
  std::string progress = "auto";
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

int run_scan(const ScanArgs& args) {
  RuleSet rules = RuleSet::load_builtin_and(args.rule_paths, !args.no_builtin_rules);
  ScanOptions options = args.options;
  options.jobs = args.jobs;
  options.walk.targets = args.targets;
  auto size = parse_size(args.max_file_size);
  if (!size) {
    std::cerr << "citizenscan: --max-file-size: '" << args.max_file_size
              << "' is not a size (examples: 800000, 512K, 8M)\n";
    return kExitError;
  }
  options.walk.max_file_size = *size;
  options.org_domains.clear();
  for (const std::string& domain : args.options.org_domains) {
    auto normalized = normalize_org_domain(domain);
    if (!normalized) {
      std::cerr << "citizenscan: --org-domain: '" << domain << "' is not a domain name (example: --org-domain example.com)\n";
      return kExitError;
    }
    options.org_domains.push_back(std::move(*normalized));
  }
  auto parse_limit = parse_size(args.max_parse_size);
  if (!parse_limit) {
    std::cerr << "citizenscan: --max-parse-size: '" << args.max_parse_size
              << "' is not a size (examples: 800000, 512K, 4M)\n";
    return kExitError;
  }
  options.max_parse_bytes = *parse_limit;
  options.rule_timing = args.stats;

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
      args.fail_on == "none" ? std::nullopt : severity_from_name(args.fail_on);
  bool write_failed = false;
  if (streaming) {
    callbacks.findings = [&](std::vector<Finding>&& findings) {
      const ReportSummary part = summarize_report(ReportInput{rules.infos(), findings, {}, "", 0, true});
      streamed.findings += part.findings;
      streamed.suppressed += part.suppressed;
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
  ScanResult result = scan(rules, options, callbacks);
  progress.finish();
  if (args.stats) print_stats(stderr, result, rules);

  ReportInput input{rules.infos(), result.findings, result.diagnostics, result.root,
                    result.stats.files_scanned, result.complete};
  std::ostringstream out;
  if (streaming) {
    streamed.files_scanned = result.stats.files_scanned;
    write_jsonl_tail(out, input, streamed);
  } else if (args.format == "sarif") {
    write_sarif(out, input);
  } else if (args.format == "json") {
    write_json(out, input);
  } else {
    TextOptions text;
    const bool tty = args.output.empty() && ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
    text.color = args.color == "always" || (args.color == "auto" && tty);
    write_text(out, input, text);
  }
  if (write_failed || !output.write(out.str(), error) || !output.commit(error)) {
    std::cerr << "citizenscan: " << error << '\n';
    return kExitError;
  }
  if (!result.complete) return kExitError;
  if (!threshold) return kExitClean;
  if (streamed_over_threshold) return kExitFindings;
  for (const Finding& finding : result.findings) {
    if (!finding.suppression && finding.level >= *threshold) return kExitFindings;
  }
  return kExitClean;
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
  ReportOutput output;
  std::string error;
  if (!output.open(output_path, error) || !output.write(merged, error) || !output.commit(error)) {
    std::cerr << "citizenscan: " << error << '\n';
    return kExitError;
  }
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
              << "Severity: " << severity_name(info->severity) << " (security-severity "
              << info->security_severity << "), precision: " << info->precision;
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

}  // namespace

int run(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is an EPIPE write error we handle, not a crash
  CLI::App app{"citizenscan: find hardcoded credentials, unprotected personal data, mail sent from "
               "personal accounts and unbounded database load in citizen-built Python, JavaScript, "
               "Apps Script and SQL."};
  app.require_subcommand(0, 1);
  bool show_version = false;
  app.add_flag("--version", show_version, "Print the version and exit");

  ScanArgs scan_args;
  CLI::App* scan_cmd = app.add_subcommand("scan", "Scan files and directories");
  scan_cmd->add_option("targets", scan_args.targets, "Files or directories (default: .)");
  scan_cmd->add_option("-f,--format", scan_args.format, "Output format")
      ->check(CLI::IsMember({"text", "sarif", "json", "jsonl"}));
  scan_cmd->add_option("-o,--output", scan_args.output, "Write the report to FILE (atomically)");
  scan_cmd->add_option("-j,--jobs", scan_args.jobs, "Worker threads (default: all hardware threads)");
  scan_cmd->add_option("--rules", scan_args.rule_paths, "Extra rule pack file or directory (repeatable)")
      ->allow_extra_args(false);
  scan_cmd->add_flag("--no-builtin-rules", scan_args.no_builtin_rules,
                     "Run only the packs given with --rules");
  scan_cmd->add_option("--fail-on", scan_args.fail_on,
                       "Exit 1 when a finding at or above this level remains (default: note = any)")
      ->check(CLI::IsMember({"error", "warning", "note", "none"}));
  scan_cmd->add_option("--color", scan_args.color, "Colour text output")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  scan_cmd->add_option("--root", scan_args.options.walk.root,
                       "Root for relative paths in reports (default: the single directory target, else .)");
  scan_cmd->add_flag("--no-ignore", [&](std::int64_t) { scan_args.options.walk.respect_ignore_files = false; },
                     "Do not honour .gitignore/.ignore files");
  scan_cmd->add_option("--exclude", scan_args.options.walk.exclude_globs, "Skip paths matching GLOB (repeatable)")
      ->allow_extra_args(false);
  scan_cmd->add_option("--include", scan_args.options.walk.include_globs, "Only scan paths matching GLOB (repeatable)")
      ->allow_extra_args(false);
  scan_cmd->add_option("--org-domain", scan_args.options.org_domains,
                       "The organisation's own mail domain (repeatable); addresses outside it are reported "
                       "as external by the rules that check recipients")
      ->allow_extra_args(false);
  scan_cmd->add_option("--max-file-size", scan_args.max_file_size, "Skip larger files (default 8M)");
  scan_cmd->add_option("--parse-budget-ms", scan_args.options.parse_budget_ms,
                       "Per-file parse time budget; past it only text rules run (default 10000)");
  scan_cmd->add_flag("--no-prefilter", [&](std::int64_t) { scan_args.options.prefilter = false; },
                     "Run every rule on every file (benchmark baseline; same findings, slower)");
  scan_cmd->add_flag("--stats", scan_args.stats,
                     "Print files skipped by reason, bytes, the share parsed, time per stage, the slowest rules and "
                     "peak memory to stderr");
  scan_cmd->add_option("--progress", scan_args.progress, "Progress line on stderr (default: auto = on a terminal)")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  scan_cmd->add_flag("-q,--quiet", scan_args.quiet, "No progress line");
  scan_cmd->add_option("--max-parse-size", scan_args.max_parse_size,
                       "Code files larger than this get text rules only, with a note (default 4M; 0 = no limit)");
  scan_cmd->add_flag("--parse-minified", [&](std::int64_t) { scan_args.options.text_only_minified = false; },
                     "Parse minified or generated code too (by default it gets text rules only, with a note)");
  scan_cmd->add_flag("--show-secrets", scan_args.options.show_secrets,
                     "Show full secret values in the output (never use in CI logs)");
  scan_cmd->add_flag("--no-inline-ignores", [&](std::int64_t) { scan_args.options.inline_ignores = false; },
                     "Ignore citizenscan:ignore comments");
  scan_cmd->add_option("--shard-index", scan_args.options.walk.shard_index,
                       "This shard's index (0-based; default: $JOB_COMPLETION_INDEX when --shard-count is given)")
      ->each([&](const std::string&) { scan_args.shard_index_given = true; });
  scan_cmd->add_option("--shard-count", scan_args.options.walk.shard_count, "Number of shards")
      ->check(CLI::PositiveNumber);

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
      return run_scan(scan_args);
    }
    if (rules_cmd->parsed()) return run_rules(rules_paths, rules_no_builtin, explain_cmd->parsed() ? explain_id : "");
    if (parse_cmd->parsed()) return run_parse(parse_path, parse_language);
    if (merge_cmd->parsed()) return run_merge(merge_inputs, merge_output);
    std::cout << app.help();
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
