#include "citizenscan/scan.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <optional>
#include <thread>

#include "citizenscan/load.h"
#include "citizenscan/match.h"
#include "citizenscan/parse.h"
#include "citizenscan/suppress.h"
#include "rules/compiled.h"

namespace citizenscan {
namespace {

struct FileOutcome {
  std::vector<Finding> findings;
  std::vector<Diagnostic> diagnostics;
};

// Everything one worker owns: parsers, query cursor, buffers. Never shared.
class Worker {
 public:
  Worker(const RuleSet& rules, const ScanOptions& options) : rules_(rules), options_(options) {}

  void scan_file(const WalkEntry& entry, FileOutcome& outcome, ScanStats& stats) {
    LoadResult loaded = loader_.load(entry.path, options_.walk.max_file_size);
    if (!loaded.ok()) {
      ++stats.files_skipped_load;
      outcome.diagnostics.push_back({entry.path, loaded.problem_level, loaded.problem});
      return;
    }
    ++stats.files_scanned;
    stats.bytes_scanned += loaded.text.size();
    const auto& compiled = rules_.compiled();
    if (options_.prefilter) {
      compiled.prefilter.candidates(loaded.text, candidates_);
    } else {
      candidates_.resize(compiled.rules.size());
      for (std::uint32_t i = 0; i < candidates_.size(); ++i) candidates_[i] = i;
    }
    const detail::LanguageMask bit = detail::language_bit(entry.language);
    std::erase_if(candidates_, [&](std::uint32_t r) { return (compiled.rules[r].languages & bit) == 0; });
    if (candidates_.empty()) {
      ++stats.files_no_candidates;
      return;
    }
    const bool needs_tree = std::any_of(candidates_.begin(), candidates_.end(), [&](std::uint32_t r) {
      return compiled.rules[r].needs_tree(entry.language);
    });
    TreePtr tree;
    if (needs_tree) {
      ParseOutcome parsed = parser_for(grammar_of(entry.language)).parse(loaded.text, options_.parse_budget_ms);
      if (parsed.tree) {
        ++stats.files_parsed;
        stats.bytes_parsed += loaded.text.size();
        tree = std::move(parsed.tree);
      } else {
        outcome.diagnostics.push_back({entry.path, DiagnosticLevel::Warning,
                                       parsed.error + "; only text rules were run on this file"});
      }
    }
    const LineIndex lines(loaded.text);
    MatchInput input{loaded.text, entry.language, lines, tree.get(), is_test_path(entry.relative_path)};
    match_file(rules_, candidates_, input, MatchOptions{options_.show_secrets, options_.org_domains}, workspace_, outcome.findings);
    if (options_.inline_ignores) {
      const std::size_t before = outcome.diagnostics.size();
      apply_inline_ignores(loaded.text, lines, outcome.findings, outcome.diagnostics);
      for (std::size_t i = before; i < outcome.diagnostics.size(); ++i) outcome.diagnostics[i].path = entry.path;
    }
    for (Finding& finding : outcome.findings) {
      finding.path = entry.path;
      finding.relative_path = entry.relative_path;
    }
  }

 private:
  Parser& parser_for(Grammar grammar) {
    auto& slot = parsers_[static_cast<int>(grammar)];
    if (!slot) slot.emplace(grammar);
    return *slot;
  }

  const RuleSet& rules_;
  const ScanOptions& options_;
  FileLoader loader_;
  MatchWorkspace workspace_;
  std::array<std::optional<Parser>, kGrammarCount> parsers_;
  std::vector<std::uint32_t> candidates_;
};

void add_stats(ScanStats& total, const ScanStats& part) {
  total.files_scanned += part.files_scanned;
  total.files_skipped_load += part.files_skipped_load;
  total.files_parsed += part.files_parsed;
  total.files_no_candidates += part.files_no_candidates;
  total.bytes_scanned += part.bytes_scanned;
  total.bytes_parsed += part.bytes_parsed;
}

}  // namespace

std::optional<std::string> normalize_org_domain(std::string_view text) {
  while (!text.empty() && (text.front() == '@' || text.front() == '.')) text.remove_prefix(1);
  while (!text.empty() && text.back() == '.') text.remove_suffix(1);
  if (text.empty() || text.size() > 253 || text.find('.') == std::string_view::npos) return std::nullopt;
  std::string out;
  char previous = '.';
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '-' || c == '.')) return std::nullopt;
    if (c == '.' && previous == '.') return std::nullopt;  // an empty label
    out += static_cast<char>(std::tolower(u));
    previous = c;
  }
  return out;
}

ScanResult scan(const RuleSet& rules, const ScanOptions& given) {
  WalkResult walked = walk(given.walk);
  ScanResult result;
  result.root = walked.root;
  result.walk_stats = walked.stats;
  result.diagnostics = std::move(walked.diagnostics);
  // Library callers may pass domains as typed; the CLI and the config loader reject bad ones first.
  ScanOptions options = given;
  options.org_domains.clear();
  for (const std::string& domain : given.org_domains) {
    if (auto normalized = normalize_org_domain(domain)) {
      options.org_domains.push_back(std::move(*normalized));
    } else {
      result.diagnostics.push_back({"", DiagnosticLevel::Warning,
                                    "organisation domain '" + domain + "' is not a domain name; ignored"});
    }
  }

  const std::vector<WalkEntry>& files = walked.files;
  std::vector<FileOutcome> outcomes(files.size());
  unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, files.size())));
  std::vector<ScanStats> stats(jobs);
  std::atomic<std::size_t> next{0};

  auto work = [&](unsigned worker_index) {
    Worker worker(rules, options);
    for (std::size_t i = next++; i < files.size(); i = next++) {
      try {
        worker.scan_file(files[i], outcomes[i], stats[worker_index]);
      } catch (const std::exception& e) {
        // Nothing crosses the thread boundary: the file gets a diagnostic, the scan goes on.
        outcomes[i].findings.clear();
        outcomes[i].diagnostics.push_back({files[i].path, DiagnosticLevel::Error,
                                           std::string("internal error while scanning: ") + e.what()});
      }
    }
  };
  if (jobs == 1) {
    work(0);
  } else {
    std::vector<std::jthread> threads;
    threads.reserve(jobs);
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work, t);
  }

  for (const ScanStats& part : stats) add_stats(result.stats, part);
  for (FileOutcome& outcome : outcomes) {
    std::move(outcome.findings.begin(), outcome.findings.end(), std::back_inserter(result.findings));
    std::move(outcome.diagnostics.begin(), outcome.diagnostics.end(), std::back_inserter(result.diagnostics));
  }
  std::sort(result.findings.begin(), result.findings.end(), finding_less);
  std::sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
  result.complete = std::none_of(result.diagnostics.begin(), result.diagnostics.end(),
                                 [](const Diagnostic& d) { return d.level == DiagnosticLevel::Error; });
  return result;
}

}  // namespace citizenscan
