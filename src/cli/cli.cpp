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

// Writes via a temporary file in the same directory and renames it over `path`, so a reader never
// sees a half-written report and a failed write leaves the previous report intact.
bool write_all(int fd, const std::string& content) {
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
}

bool write_atomically(const std::string& path, const std::string& content, std::string& error) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  // -o /dev/null, -o /dev/stdout, a FIFO: write in place. Renaming a temp file over a device
  // node would replace the device with a regular file.
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    if (S_ISDIR(existing.st_mode)) {
      error = "cannot write " + path + ": it is a directory";
      return false;
    }
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0 || !write_all(fd, content)) {
      error = "cannot write " + path + ": " + std::strerror(errno);
      if (fd >= 0) ::close(fd);
      return false;
    }
    ::close(fd);
    return true;
  }
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error = "cannot write " + path + ": directory " + dir.string() + " does not exist";
    return false;
  }
  std::string tmp = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  if (!write_all(fd, content)) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    return false;
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    ::unlink(tmp.c_str());
    return false;
  }
  ::chmod(tmp.c_str(), 0644);
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    ::unlink(tmp.c_str());
    return false;
  }
  return true;
}

bool write_stdout(const std::string& content) {
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(STDOUT_FILENO, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno == EPIPE;  // the reader went away (| head): not our failure
    }
    written += static_cast<std::size_t>(n);
  }
  return true;
}

struct ScanArgs {
  std::vector<std::string> targets;
  std::string format = "text";
  std::string output;
  std::string fail_on = "note";
  std::string color = "auto";
  std::string max_file_size = "8M";
  std::vector<std::string> rule_paths;
  unsigned jobs = 0;
  bool no_builtin_rules = false;
  bool stats = false;
  ScanOptions options;
};

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
  const auto started = std::chrono::steady_clock::now();
  ScanResult result = scan(rules, options);
  if (args.stats) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const auto& w = result.walk_stats;
    const auto& s = result.stats;
    std::fprintf(stderr,
                 "stats: %llu files seen; skipped: %llu ignored, %llu unknown type, %llu too large, %llu other shards, "
                 "%llu unreadable/binary\n"
                 "stats: %llu files scanned (%.1f MB), %llu ruled out by the prefilter, %llu parsed (%.1f MB)\n"
                 "stats: %zu rules, %.3f s scan, %.1f MB/s, %zu findings\n",
                 static_cast<unsigned long long>(w.files_seen), static_cast<unsigned long long>(w.skipped_ignored),
                 static_cast<unsigned long long>(w.skipped_unknown), static_cast<unsigned long long>(w.skipped_size),
                 static_cast<unsigned long long>(w.skipped_shard), static_cast<unsigned long long>(s.files_skipped_load),
                 static_cast<unsigned long long>(s.files_scanned), s.bytes_scanned / 1e6,
                 static_cast<unsigned long long>(s.files_no_candidates), static_cast<unsigned long long>(s.files_parsed),
                 s.bytes_parsed / 1e6, rules.infos().size(), seconds, seconds > 0 ? s.bytes_scanned / 1e6 / seconds : 0.0,
                 result.findings.size());
  }

  ReportInput input{rules.infos(), result.findings, result.diagnostics, result.root,
                    result.stats.files_scanned, result.complete};
  std::ostringstream out;
  if (args.format == "sarif") {
    write_sarif(out, input);
  } else if (args.format == "json") {
    write_json(out, input);
  } else {
    TextOptions text;
    const bool tty = args.output.empty() && ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
    text.color = args.color == "always" || (args.color == "auto" && tty);
    write_text(out, input, text);
  }
  if (args.output.empty()) {
    if (!write_stdout(out.str())) {
      std::cerr << "citizenscan: writing to standard output failed: " << std::strerror(errno) << '\n';
      return kExitError;
    }
  } else {
    std::string error;
    if (!write_atomically(args.output, out.str(), error)) {
      std::cerr << "citizenscan: " << error << '\n';
      return kExitError;
    }
  }
  if (!result.complete) return kExitError;
  if (args.fail_on == "none") return kExitClean;
  const Severity threshold = *severity_from_name(args.fail_on);
  for (const Finding& finding : result.findings) {
    if (!finding.suppression && finding.level >= threshold) return kExitFindings;
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
      ->check(CLI::IsMember({"text", "sarif", "json"}));
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
  scan_cmd->add_flag("--stats", scan_args.stats, "Print file, byte, prefilter and timing counts to stderr");
  scan_cmd->add_flag("--show-secrets", scan_args.options.show_secrets,
                     "Show full secret values in the output (never use in CI logs)");
  scan_cmd->add_flag("--no-inline-ignores", [&](std::int64_t) { scan_args.options.inline_ignores = false; },
                     "Ignore citizenscan:ignore comments");
  scan_cmd->add_option("--shard-index", scan_args.options.walk.shard_index, "This shard's index (0-based)");
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
      if (scan_args.options.walk.shard_index >= scan_args.options.walk.shard_count) {
        std::cerr << "citizenscan: --shard-index must be below --shard-count\n";
        return kExitError;
      }
      return run_scan(scan_args);
    }
    if (rules_cmd->parsed()) return run_rules(rules_paths, rules_no_builtin, explain_cmd->parsed() ? explain_id : "");
    if (parse_cmd->parsed()) return run_parse(parse_path, parse_language);
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
