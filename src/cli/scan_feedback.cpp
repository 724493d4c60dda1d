#include "cli/scan_feedback.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

namespace citizenscan::cli {
namespace {

using ull = unsigned long long;

double seconds(std::uint64_t ns) { return static_cast<double>(ns) / 1e9; }
double mb(std::uint64_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }
double percent(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

std::uint64_t peak_rss_bytes() {
  struct rusage usage {};
  if (::getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
}

void print_stats(std::FILE* out, const ScanResult& result, const RuleSet& rules) {
  const WalkStats& w = result.walk_stats;
  const ScanStats& s = result.stats;
  const auto load_skip = [&](LoadSkip reason) { return static_cast<ull>(s.skipped_by_load_reason[static_cast<int>(reason)]); };
  std::fprintf(out,
               "stats: walk: %llu files seen; skipped by name or rule: %llu ignored, %llu unknown type, %llu too large, "
               "%llu in other shards\n",
               static_cast<ull>(w.files_seen), static_cast<ull>(w.skipped_ignored), static_cast<ull>(w.skipped_unknown),
               static_cast<ull>(w.skipped_size), static_cast<ull>(w.skipped_shard));
  std::fprintf(out,
               "stats: load: %llu files read (%.1f MB); skipped %llu: %llu binary, %llu UTF-16/32, %llu unreadable, "
               "%llu grew too large, %llu no longer regular files\n",
               static_cast<ull>(s.files_scanned), mb(s.bytes_scanned), static_cast<ull>(s.files_skipped_load),
               load_skip(LoadSkip::Binary), load_skip(LoadSkip::Encoding), load_skip(LoadSkip::Unreadable),
               load_skip(LoadSkip::TooLarge), load_skip(LoadSkip::NotRegular));
  std::fprintf(out,
               "stats: prefilter: %llu files ruled out entirely, %llu need text rules only; parse: %llu files "
               "(%.1f MB: %.0f%% of files read, %.0f%% of bytes), text rules only: %llu minified/generated, %llu over "
               "the parse limit, %llu parse failures; %llu embedded regions parsed (%llu with holes: text known only at "
               "run time; %llu findings dropped for a hole in their statement)\n",
               static_cast<ull>(s.files_no_candidates), static_cast<ull>(s.files_no_query_rules),
               static_cast<ull>(s.files_parsed), mb(s.bytes_parsed), percent(s.files_parsed, s.files_scanned),
               percent(s.bytes_parsed, s.bytes_scanned), static_cast<ull>(s.files_text_only_minified),
               static_cast<ull>(s.files_text_only_large), static_cast<ull>(s.files_parse_failed),
               static_cast<ull>(s.embedded_regions_parsed), static_cast<ull>(s.embedded_regions_with_holes),
               static_cast<ull>(s.embedded_findings_dropped));
  const double wall = seconds(s.wall_ns);
  std::fprintf(out, "stats: time: %.3f s wall, %.1f MB/s, %.0f files/s; walk thread %.3f s wall; worker CPU:", wall,
               wall > 0 ? mb(s.bytes_scanned) / wall : 0.0,
               wall > 0 ? static_cast<double>(s.files_scanned + s.files_skipped_load) / wall : 0.0, seconds(s.walk_ns));
  for (int i = 0; i < kStageCount; ++i) {
    std::fprintf(out, "%s %s %.3f s", i == 0 ? "" : ",", std::string(stage_name(static_cast<Stage>(i))).c_str(),
                 seconds(s.stage_ns[static_cast<std::size_t>(i)]));
  }
  std::fprintf(out, "\n");
  if (!s.rule_ns.empty()) {
    std::vector<std::size_t> order(s.rule_ns.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return s.rule_ns[a] > s.rule_ns[b]; });
    std::fprintf(out,
                 "stats: query walks (tree-sitter's cursor over each tree, shared by every query rule, and the "
                 "search for embedded text) %.3f s\n",
                 seconds(s.query_walk_ns));
    std::fprintf(out, "stats: slowest rules (query match checks and regex searches, summed over workers):\n");
    for (std::size_t i = 0; i < std::min<std::size_t>(10, order.size()); ++i) {
      if (s.rule_ns[order[i]] == 0) break;
      std::fprintf(out, "stats:   %8.3f s  %s\n", seconds(s.rule_ns[order[i]]), rules.infos()[order[i]].id.c_str());
    }
  }
  if (!s.rule_tree_files.empty()) {
    std::vector<std::size_t> order(s.rule_tree_files.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return s.rule_tree_files[a] > s.rule_tree_files[b]; });
    std::fprintf(out,
                 "stats: rules that bring files to the parser (files where the rule's literals matched and it needs "
                 "a syntax tree; files where it was the only such rule):\n");
    for (std::size_t i = 0; i < std::min<std::size_t>(10, order.size()); ++i) {
      const std::uint64_t files = s.rule_tree_files[order[i]];
      if (files == 0) break;
      std::fprintf(out, "stats:   %8llu %3.0f%%  only %6llu  %s\n", static_cast<ull>(files),
                   percent(files, s.files_scanned), static_cast<ull>(s.rule_tree_only[order[i]]),
                   rules.infos()[order[i]].id.c_str());
    }
  }
  std::fprintf(out, "stats: %zu rules, %llu findings, peak RSS %.1f MB\n", rules.infos().size(),
               static_cast<ull>(s.findings), mb(peak_rss_bytes()));
}

bool progress_wanted(const std::string& mode, bool quiet, int fd) {
  if (quiet || mode == "never") return false;
  if (mode == "always") return true;
  return ::isatty(fd) != 0;
}

void ProgressLine::update(const ScanProgress& p) {
  const double rate = p.elapsed_seconds > 0 ? mb(p.bytes_done) / p.elapsed_seconds : 0.0;
  std::string eta = "walking";
  if (p.walk_done) {
    eta = "ETA --";
    if (p.files_done > 0 && p.files_discovered >= p.files_done) {
      const double left = p.elapsed_seconds / static_cast<double>(p.files_done) *
                          static_cast<double>(p.files_discovered - p.files_done);
      const auto whole = static_cast<unsigned long>(left + 0.5);
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "ETA %lu:%02lu", whole / 60, whole % 60);
      eta = buffer;
    }
  }
  std::fprintf(out_, "\r\033[Kscanning: %llu/%llu%s files, %.1f MB/s, %llu findings, %s", static_cast<ull>(p.files_done),
               static_cast<ull>(p.files_discovered), p.walk_done ? "" : "+", rate, static_cast<ull>(p.findings),
               eta.c_str());
  std::fflush(out_);
  shown_ = true;
}

void ProgressLine::finish() {
  if (!shown_) return;
  std::fprintf(out_, "\r\033[K");
  std::fflush(out_);
  shown_ = false;
}

}  // namespace citizenscan::cli
