// Micro-benchmarks of the per-file hot path, each against its baseline in the same run:
//   prefilter (one RE2::Set pass over the bytes)  vs  parsing the same bytes with tree-sitter,
//   the whole match stage on a parsed file        vs  parsing alone.
// The ratio is what makes the prefilter worth it: a file no rule can match is never parsed.
//
//   build/bench/citizenscan_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <string>

#include <nlohmann/json.hpp>

#include "citizenscan/load.h"
#include "citizenscan/match.h"
#include "citizenscan/parse.h"
#include "citizenscan/rules.h"
#include "rules/compiled.h"

namespace {

using namespace citizenscan;

// About 1 MB of ordinary Python: functions, loops, string literals, no secrets.
const std::string& python_corpus() {
  static const std::string corpus = [] {
    std::string text;
    for (int i = 0; text.size() < (1u << 20); ++i) {
      const std::string n = std::to_string(i);
      text += "def compute_totals_" + n + "(rows, region='emea'):\n"
              "    \"\"\"Sum the invoice amounts of one region.\"\"\"\n"
              "    total = 0\n"
              "    for row in rows:\n"
              "        if row['region'] == region and row['status'] != 'void':\n"
              "            total += float(row['amount_" + n + "'])\n"
              "    label = f'{region}-{total:.2f}'\n"
              "    return {'label': label, 'total': total, 'count': len(rows)}\n\n";
    }
    return text;
  }();
  return corpus;
}

const RuleSet& builtin_rules() {
  static const RuleSet rules = RuleSet::load_builtin_and({});
  return rules;
}

void BM_Prefilter(benchmark::State& state) {
  const std::string& text = python_corpus();
  const RuleSet& rules = builtin_rules();
  std::vector<std::uint32_t> candidates;
  for (auto _ : state) {
    rules.compiled().prefilter.candidates(text, candidates);
    benchmark::DoNotOptimize(candidates.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Prefilter)->Unit(benchmark::kMillisecond);

void BM_ParsePython(benchmark::State& state) {
  const std::string& text = python_corpus();
  Parser parser(Grammar::Python);
  for (auto _ : state) {
    ParseOutcome outcome = parser.parse(text, 0);
    benchmark::DoNotOptimize(outcome.tree.get());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParsePython)->Unit(benchmark::kMillisecond);

void BM_MatchAllRulesOnParsedPython(benchmark::State& state) {
  const std::string& text = python_corpus();
  const RuleSet& rules = builtin_rules();
  Parser parser(Grammar::Python);
  ParseOutcome outcome = parser.parse(text, 0);
  const LineIndex lines(text);
  std::vector<std::uint32_t> all(rules.infos().size());
  for (std::uint32_t i = 0; i < all.size(); ++i) all[i] = i;
  MatchWorkspace workspace;
  std::vector<Finding> findings;
  for (auto _ : state) {
    findings.clear();
    match_file(rules, all, MatchInput{text, Language::Python, lines, outcome.tree.get()}, {}, workspace, findings);
    benchmark::DoNotOptimize(findings.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_MatchAllRulesOnParsedPython)->Unit(benchmark::kMillisecond);

// Start-up cost paid by every run (a pre-commit hook on two files pays little else): loading and
// compiling every built-in pack, against the baseline of parsing the JSON alone.
void BM_LoadBuiltinPacks(benchmark::State& state) {
  for (auto _ : state) {
    RuleSet rules = RuleSet::load_builtin_and({});
    benchmark::DoNotOptimize(rules.infos().data());
  }
}
BENCHMARK(BM_LoadBuiltinPacks)->Unit(benchmark::kMillisecond);

void BM_ParsePackJsonOnly(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& [name, text] : detail::builtin_packs()) {
      auto doc = nlohmann::json::parse(text);
      benchmark::DoNotOptimize(doc.size());
    }
  }
}
BENCHMARK(BM_ParsePackJsonOnly)->Unit(benchmark::kMillisecond);

}  // namespace
