#include "citizenscan/scan.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include <time.h>

#include "citizenscan/load.h"
#include "citizenscan/match.h"
#include "citizenscan/parse.h"
#include "citizenscan/suppress.h"
#include "rules/compiled.h"

namespace citizenscan {
namespace {

using Clock = std::chrono::steady_clock;

std::uint64_t ns_between(Clock::time_point from, Clock::time_point to) {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(to - from).count());
}

// CPU time of the calling thread: on a busy machine, wall-clock laps would charge a stage for the
// time its thread spent waiting for a core.
std::uint64_t thread_cpu_ns() {
  timespec now{};
  ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<std::uint64_t>(now.tv_sec) * 1000000000ULL + static_cast<std::uint64_t>(now.tv_nsec);
}

// Times consecutive stages of one file: each lap() charges the CPU time since the previous one.
class StageClock {
 public:
  explicit StageClock(ScanStats& stats) : stats_(stats), last_(thread_cpu_ns()) {}
  void lap(Stage stage) {
    const std::uint64_t now = thread_cpu_ns();
    stats_.stage_ns[static_cast<int>(stage)] += now - last_;
    last_ = now;
  }

 private:
  ScanStats& stats_;
  std::uint64_t last_;
};

// "812 KB", "4.0 MB": binary multiples, as --max-parse-size is usually written.
std::string size_text(std::uint64_t bytes) {
  char buffer[32];
  if (bytes < 1024 * 1024) {
    std::snprintf(buffer, sizeof buffer, "%llu KB", static_cast<unsigned long long>((bytes + 1023) / 1024));
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  }
  return buffer;
}

// What a worker hands back per file (findings go straight to the worker's list or the callback).
struct FileOutcome {
  std::vector<Finding> findings;
  std::vector<Diagnostic> diagnostics;
};

// Everything one worker owns: parsers, query cursor, buffers. Never shared.
class Worker {
 public:
  Worker(const RuleSet& rules, const ScanOptions& options) : rules_(rules), options_(options) {
    if (options.rule_timing) {
      stats_.rule_ns.assign(rules.infos().size(), 0);
      stats_.rule_tree_files.assign(rules.infos().size(), 0);
      stats_.rule_tree_only.assign(rules.infos().size(), 0);
    }
  }

  // Returns the number of bytes loaded (for progress).
  std::uint64_t scan_file(const WalkEntry& entry, FileOutcome& outcome) {
    StageClock clock(stats_);
    LoadResult loaded = loader_.load(entry.path, options_.walk.max_file_size);
    if (!loaded.ok()) {
      ++stats_.files_skipped_load;
      ++stats_.skipped_by_load_reason[static_cast<int>(loaded.skip)];
      outcome.diagnostics.push_back({entry.path, loaded.problem_level, loaded.problem});
      clock.lap(Stage::Load);
      return 0;
    }
    ++stats_.files_scanned;
    stats_.bytes_scanned += loaded.text.size();
    clock.lap(Stage::Load);

    const auto& compiled = rules_.compiled();
    if (options_.prefilter) {
      compiled.prefilter.candidates(loaded.text, candidates_);
    } else {
      candidates_.resize(compiled.rules.size());
      for (std::uint32_t i = 0; i < candidates_.size(); ++i) candidates_[i] = i;
    }
    const detail::LanguageMask bit = detail::language_bit(entry.language);
    std::erase_if(candidates_, [&](std::uint32_t r) { return (compiled.rules[r].languages & bit) == 0 || !enabled(r); });
    clock.lap(Stage::Prefilter);
    if (candidates_.empty()) {
      ++stats_.files_no_candidates;
      return loaded.text.size();
    }
    const bool needs_tree = std::any_of(candidates_.begin(), candidates_.end(), [&](std::uint32_t r) {
      return compiled.rules[r].needs_tree(entry.language);
    });
    if (needs_tree && !stats_.rule_tree_files.empty()) count_tree_rules(entry.language);
    const LineIndex lines(loaded.text);
    clock.lap(Stage::Load);
    TreePtr tree;
    if (!needs_tree) {
      ++stats_.files_no_query_rules;
    } else if (options_.text_only_minified &&
               looks_minified(entry.relative_path, entry.language, lines, loaded.text.size())) {
      ++stats_.files_text_only_minified;
      outcome.diagnostics.push_back(
          {entry.path, DiagnosticLevel::Note,
           "not parsed: minified or generated code (longest line " + std::to_string(lines.longest_line()) +
               " bytes, " + std::to_string(lines.line_count()) +
               " lines); only text rules were run on this file (--parse-minified to parse it)"});
    } else if (options_.max_parse_bytes != 0 && loaded.text.size() > options_.max_parse_bytes) {
      ++stats_.files_text_only_large;
      outcome.diagnostics.push_back(
          {entry.path, DiagnosticLevel::Note,
           "not parsed: " + size_text(loaded.text.size()) + " is over the parse limit of " +
               size_text(options_.max_parse_bytes) + " (--max-parse-size); only text rules were run on this file"});
    } else {
      ParseOutcome parsed = parser_for(grammar_of(entry.language)).parse(loaded.text, options_.parse_budget_ms);
      if (parsed.tree) {
        ++stats_.files_parsed;
        stats_.bytes_parsed += loaded.text.size();
        tree = std::move(parsed.tree);
        if (parsed.deeper_than_queries_reach) {
          outcome.diagnostics.push_back(
              {entry.path, DiagnosticLevel::Warning,
               "nested more than " + std::to_string(kMaxQueryDepth) +
                   " levels deep: tree-sitter queries cannot match below that depth, so findings there may be missing"});
        }
      } else {
        ++stats_.files_parse_failed;
        outcome.diagnostics.push_back({entry.path, DiagnosticLevel::Warning,
                                       parsed.error + "; only text rules were run on this file"});
      }
      clock.lap(Stage::Parse);
    }
    MatchInput input{loaded.text, entry.language, lines, tree.get(), is_test_path(entry.relative_path)};
    MatchOptions match_options{options_.show_secrets, options_.org_domains};
    if (options_.rule_timing) {
      match_options.rule_ns = stats_.rule_ns.data();
      match_options.query_walk_ns = &stats_.query_walk_ns;
    }
    match_options.sensitivity = options_.pii_sensitivity;
    secret_spans_.clear();
    match_options.secret_spans = &secret_spans_;
    // Embedded text (SQL in strings) is found in the same tree walk as the rules' matches.
    if (tree && !compiled.embedded.empty()) match_options.embedded_regions = &regions_;
    match_file(rules_, candidates_, input, match_options, workspace_, outcome.findings);
    if (match_options.embedded_regions != nullptr) match_embedded(loaded.text, input, match_options, outcome);
    tree.reset();
    finish_snippets(loaded.text, lines, std::move(secret_spans_), options_.context_lines, options_.show_secrets,
                    outcome.findings);
    const auto& levels = options_.selection.level;
    for (Finding& finding : outcome.findings) {
      if (finding.rule_index < levels.size() && levels[finding.rule_index]) finding.level = *levels[finding.rule_index];
    }
    clock.lap(Stage::Match);
    if (options_.inline_ignores && !outcome.findings.empty()) {
      const std::size_t before = outcome.diagnostics.size();
      apply_inline_ignores(loaded.text, lines, outcome.findings, outcome.diagnostics);
      for (std::size_t i = before; i < outcome.diagnostics.size(); ++i) outcome.diagnostics[i].path = entry.path;
    }
    for (Finding& finding : outcome.findings) {
      finding.path = entry.path;
      finding.relative_path = entry.relative_path;
    }
    stats_.findings += outcome.findings.size();
    clock.lap(Stage::Suppress);
    return loaded.text.size();
  }

  // --stats: which rules make files reach the parser (the prefilter literals worth tightening).
  void count_tree_rules(Language language) {
    const auto& compiled = rules_.compiled();
    std::uint32_t count = 0;
    std::uint32_t last = 0;
    for (std::uint32_t r : candidates_) {
      if (!compiled.rules[r].needs_tree(language)) continue;
      ++stats_.rule_tree_files[r];
      ++count;
      last = r;
    }
    if (count == 1) ++stats_.rule_tree_only[last];
  }

  // Text in another language inside the file (SQL in a string passed to execute()), as match_file
  // found it in regions_: each region is parsed on its own with its grammar and matched with that
  // language's rules, in file offsets.
  void match_embedded(std::string_view text, const MatchInput& host, const MatchOptions& match_options,
                      FileOutcome& outcome) {
    const auto& compiled = rules_.compiled();
    for (const EmbeddedRegion& region : regions_) {
      const std::string_view piece = text.substr(region.start, region.end - region.start);
      if (options_.prefilter) {
        compiled.prefilter.candidates(piece, embedded_candidates_);
      } else {
        embedded_candidates_.resize(compiled.rules.size());
        for (std::uint32_t i = 0; i < embedded_candidates_.size(); ++i) embedded_candidates_[i] = i;
      }
      std::erase_if(embedded_candidates_,
                    [&](std::uint32_t r) { return !compiled.rules[r].needs_tree(region.language) || !enabled(r); });
      if (embedded_candidates_.empty()) continue;
      ParseOutcome parsed =
          parser_for(grammar_of(region.language)).parse_ranges(text, region.pieces, options_.parse_budget_ms);
      if (!parsed.tree) continue;  // an embedded string that does not parse is not worth a diagnostic
      ++stats_.embedded_regions_parsed;
      if (!region.holes.empty()) ++stats_.embedded_regions_with_holes;
      MatchInput input{text, region.language, host.lines, parsed.tree.get(), host.test_file, /*embedded=*/true};
      const std::size_t first = outcome.findings.size();
      match_file(rules_, embedded_candidates_, input, match_options, workspace_, outcome.findings);
      stats_.embedded_findings_dropped +=
          drop_findings_at_holes(rules_, region, text, parsed.tree.get(), outcome.findings, first);
    }
  }

  ScanStats& stats() { return stats_; }

 private:
  // The rule selection (config enable/disable): applies to a file's rules and to the rules run on
  // text embedded in it alike.
  bool enabled(std::uint32_t rule) const {
    const std::vector<bool>& selection = options_.selection.enabled;
    return rule >= selection.size() || selection[rule];
  }

  Parser& parser_for(Grammar grammar) {
    auto& slot = parsers_[static_cast<int>(grammar)];
    if (!slot) {
      slot.emplace(grammar);
      slot->set_stop_flag(options_.stop);
    }
    return *slot;
  }

  const RuleSet& rules_;
  const ScanOptions& options_;
  ScanStats stats_;
  FileLoader loader_;
  MatchWorkspace workspace_;
  std::array<std::optional<Parser>, kGrammarCount> parsers_;
  std::vector<std::uint32_t> candidates_;
  std::vector<std::uint32_t> embedded_candidates_;
  std::vector<EmbeddedRegion> regions_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> secret_spans_;  // with context_lines: this file's
};

void add_stats(ScanStats& total, const ScanStats& part) {
  total.files_scanned += part.files_scanned;
  total.files_skipped_load += part.files_skipped_load;
  for (int i = 0; i < kLoadSkipCount; ++i) total.skipped_by_load_reason[i] += part.skipped_by_load_reason[i];
  total.files_parsed += part.files_parsed;
  total.files_no_candidates += part.files_no_candidates;
  total.files_no_query_rules += part.files_no_query_rules;
  total.files_text_only_minified += part.files_text_only_minified;
  total.files_text_only_large += part.files_text_only_large;
  total.files_parse_failed += part.files_parse_failed;
  total.embedded_regions_parsed += part.embedded_regions_parsed;
  total.embedded_regions_with_holes += part.embedded_regions_with_holes;
  total.embedded_findings_dropped += part.embedded_findings_dropped;
  total.bytes_scanned += part.bytes_scanned;
  total.bytes_parsed += part.bytes_parsed;
  total.findings += part.findings;
  for (int i = 0; i < kStageCount; ++i) total.stage_ns[i] += part.stage_ns[i];
  if (total.rule_ns.size() < part.rule_ns.size()) total.rule_ns.resize(part.rule_ns.size(), 0);
  for (std::size_t i = 0; i < part.rule_ns.size(); ++i) total.rule_ns[i] += part.rule_ns[i];
  total.query_walk_ns += part.query_walk_ns;
  for (auto [sum, add] : {std::pair{&total.rule_tree_files, &part.rule_tree_files},
                          std::pair{&total.rule_tree_only, &part.rule_tree_only}}) {
    if (sum->size() < add->size()) sum->resize(add->size(), 0);
    for (std::size_t i = 0; i < add->size(); ++i) (*sum)[i] += (*add)[i];
  }
}

// The walker's hand-over to the workers. Bounded, so a walk far ahead of the workers does not
// hold a huge tree's file list in memory; the walker waits while it is full.
class FileQueue {
 public:
  explicit FileQueue(std::size_t capacity) : capacity_(capacity) {}

  void push(WalkEntry&& entry) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return entries_.size() < capacity_ || abandoned_; });
    if (abandoned_) return;
    entries_.push_back(std::move(entry));
    ++pushed_;
    not_empty_.notify_one();
  }
  // No more files will come.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }
  // The workers are gone (cannot happen today, but a walker must never wait forever).
  void abandon() {
    std::lock_guard lock(mutex_);
    abandoned_ = true;
    not_full_.notify_all();
  }
  std::optional<WalkEntry> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !entries_.empty() || closed_; });
    if (entries_.empty()) return std::nullopt;
    WalkEntry entry = std::move(entries_.front());
    entries_.pop_front();
    not_full_.notify_one();
    return entry;
  }
  std::uint64_t pushed() const {
    std::lock_guard lock(mutex_);
    return pushed_;
  }
  bool closed() const {
    std::lock_guard lock(mutex_);
    return closed_;
  }

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<WalkEntry> entries_;
  std::uint64_t pushed_ = 0;
  bool closed_ = false;
  bool abandoned_ = false;
};

constexpr std::size_t kQueueCapacity = 4096;

}  // namespace

std::string_view stage_name(Stage stage) {
  switch (stage) {
    case Stage::Load: return "load";
    case Stage::Prefilter: return "prefilter";
    case Stage::Parse: return "parse";
    case Stage::Match: return "match";
    case Stage::Suppress: return "suppress";
  }
  return "?";
}

bool looks_minified(std::string_view file_name, Language language, const LineIndex& lines, std::size_t size) {
  if (language == Language::JavaScript || language == Language::AppsScript) {
    for (const std::string_view suffix : {".min.js", "-min.js", ".min.mjs", ".min.cjs", ".bundle.js"}) {
      if (file_name.ends_with(suffix)) return true;
    }
  }
  // Hand-written code keeps lines short; a minifier or generator writes a few enormous ones. The
  // thresholds leave room for long string literals and data lines in ordinary files.
  constexpr std::size_t kMinSize = 2048;
  constexpr std::size_t kMeanLine = 300;
  constexpr std::size_t kLongestLine = 64 * 1024;
  if (size < kMinSize) return false;
  return size / lines.line_count() > kMeanLine || lines.longest_line() > kLongestLine;
}

std::string_view pii_sensitivity_name(PiiSensitivity level) {
  switch (level) {
    case PiiSensitivity::Low: return "low";
    case PiiSensitivity::Medium: return "medium";
    case PiiSensitivity::High: return "high";
  }
  return "medium";
}

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

ScanResult scan(const RuleSet& rules, const ScanOptions& given, const ScanCallbacks& callbacks) {
  const Clock::time_point started = Clock::now();
  ScanResult result;
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

  options.walk.stop = options.stop;
  auto stopping = [&options] { return options.stop != nullptr && options.stop->load(std::memory_order_relaxed); };
  const unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  FileQueue queue(kQueueCapacity);
  WalkResult walked;
  std::atomic<std::uint64_t> walk_ns{0};
  std::atomic<std::uint64_t> files_done{0};
  std::atomic<std::uint64_t> bytes_done{0};
  std::atomic<std::uint64_t> findings_so_far{0};
  std::atomic<unsigned> workers_running{jobs};
  std::mutex done_mutex;
  std::condition_variable done_signal;

  // Per worker: findings and diagnostics, merged once at the end.
  std::vector<FileOutcome> kept(jobs);
  std::vector<ScanStats> stats(jobs);
  std::mutex callback_mutex;

  // The first file of each grammar starts compiling that grammar's queries on a thread of its
  // own (combined_query: once per grammar, ~50-70 ms CPU for Python or JavaScript), so a small
  // change of Python and JavaScript files compiles both at once instead of one after the other
  // in the workers. A grammar no file has is never compiled.
  std::vector<std::jthread> warmers;
  std::array<bool, kGrammarCount> warming{};
  auto warm = [&](Language language) {
    const Grammar grammar = grammar_of(language);
    if (grammar == Grammar::None || warming[static_cast<std::size_t>(grammar)]) return;
    warming[static_cast<std::size_t>(grammar)] = true;
    warmers.emplace_back([&rules, grammar] {
      try {
        detail::combined_query(rules.compiled(), grammar);
      } catch (const std::exception&) {
        // Kept in the grammar's state: each file of the grammar reports it when it gets there.
      }
    });
  };

  std::jthread walker([&] {
    const Clock::time_point walk_started = Clock::now();
    try {
      walked = walk(options.walk, [&](WalkEntry&& entry) {
        warm(entry.language);
        if (callbacks.walked) callbacks.walked(entry);
        queue.push(std::move(entry));
      });
    } catch (const std::exception& e) {
      walked.diagnostics.push_back({"", DiagnosticLevel::Error, std::string("the walk stopped: ") + e.what()});
    }
    walk_ns = ns_between(walk_started, Clock::now());
    queue.close();
  });

  auto work = [&](unsigned worker_index) {
    Worker worker(rules, options);
    FileOutcome outcome;
    while (std::optional<WalkEntry> entry = queue.pop()) {
      if (stopping()) break;
      outcome.findings.clear();
      outcome.diagnostics.clear();
      std::uint64_t bytes = 0;
      try {
        bytes = worker.scan_file(*entry, outcome);
      } catch (const std::exception& e) {
        // Nothing crosses the thread boundary: the file gets a diagnostic, the scan goes on.
        outcome.findings.clear();
        outcome.diagnostics.push_back({entry->path, DiagnosticLevel::Error,
                                       std::string("internal error while scanning: ") + e.what()});
      }
      FileOutcome& mine = kept[worker_index];
      std::move(outcome.diagnostics.begin(), outcome.diagnostics.end(), std::back_inserter(mine.diagnostics));
      findings_so_far += outcome.findings.size();
      if (callbacks.findings) {
        if (!outcome.findings.empty()) {
          const std::lock_guard lock(callback_mutex);
          callbacks.findings(std::move(outcome.findings));
        }
      } else {
        std::move(outcome.findings.begin(), outcome.findings.end(), std::back_inserter(mine.findings));
      }
      bytes_done += bytes;
      ++files_done;
    }
    stats[worker_index] = std::move(worker.stats());
    if (--workers_running == 0) {
      const std::lock_guard lock(done_mutex);
      done_signal.notify_all();
    }
  };

  auto snapshot = [&] {
    ScanProgress progress;
    progress.files_discovered = queue.pushed();
    progress.walk_done = queue.closed();
    progress.files_done = files_done;
    progress.bytes_done = bytes_done;
    progress.findings = findings_so_far;
    progress.elapsed_seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return progress;
  };
  {
    std::vector<std::jthread> threads;
    threads.reserve(jobs);
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(work, t);
    if (callbacks.progress) {
      std::unique_lock lock(done_mutex);
      while (!done_signal.wait_for(lock, std::chrono::milliseconds(250), [&] { return workers_running == 0; })) {
        lock.unlock();
        callbacks.progress(snapshot());
        lock.lock();
      }
    }
  }  // joins the workers
  queue.abandon();
  walker.join();
  if (callbacks.progress) callbacks.progress(snapshot());

  result.root = walked.root;
  result.walk_stats = walked.stats;
  std::move(walked.diagnostics.begin(), walked.diagnostics.end(), std::back_inserter(result.diagnostics));
  for (const ScanStats& part : stats) add_stats(result.stats, part);
  for (FileOutcome& part : kept) {
    std::move(part.findings.begin(), part.findings.end(), std::back_inserter(result.findings));
    std::move(part.diagnostics.begin(), part.diagnostics.end(), std::back_inserter(result.diagnostics));
  }
  std::sort(result.findings.begin(), result.findings.end(), finding_less);
  std::sort(result.diagnostics.begin(), result.diagnostics.end(), diagnostic_less);
  // Notes are deliberate skips (binary, size limit, excluded, minified); a warning or an error means
  // something the user asked for was not read or not matched fully.
  result.complete = std::none_of(result.diagnostics.begin(), result.diagnostics.end(),
                                 [](const Diagnostic& d) { return d.level != DiagnosticLevel::Note; });
  result.stopped = stopping();
  result.complete = result.complete && !result.stopped;
  result.stats.walk_ns = walk_ns;
  result.stats.wall_ns = ns_between(started, Clock::now());
  return result;
}

}  // namespace citizenscan
