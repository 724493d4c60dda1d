// citizenscan_eval: precision, recall and F1 of one rule pack on a labeled evaluation set.
//
// The set is a directory of annotated files (format: tests/support/annotations.h) whose first path
// component is the language group: DIR/python/..., DIR/javascript/..., DIR/appsscript/...,
// DIR/sql/..., DIR/config/.... It runs the built scanner over the set with all built-in packs (as a
// user would), keeps the findings of the pack under evaluation, and counts per language:
//   TP  a finding of the pack on an annotated line with the annotated rule id
//   FN  an annotated (line, rule) the scanner did not report
//   FP  any other finding of the pack: on a hard negative (`expect-none: PACK`), on an unannotated
//       line, or with the wrong rule id
// With --min-* options it exits 1 when the set is too small or a target is missed (used by ctest).
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "../tests/support/annotations.h"

namespace {
namespace fs = std::filesystem;
using citizenscan::testing::Expectation;

struct Counts {
  int positives = 0, negatives = 0, tp = 0, fp = 0, fn = 0;
  [[nodiscard]] double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
  [[nodiscard]] double recall() const { return positives == 0 ? 1.0 : double(tp) / positives; }
  [[nodiscard]] double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string language_of(const std::string& relative) { return relative.substr(0, relative.find('/')); }

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Precision/recall/F1 of a citizenscan rule pack on a labeled evaluation set"};
  std::string pack, dir, binary = CITIZENSCAN_BINARY;
  double min_precision = 0, min_recall = 0;
  int min_positives = 0, min_negatives = 0;
  bool verbose = false;
  app.add_option("--pack", pack, "pack under evaluation, e.g. credentials")->required();
  app.add_option("dir", dir, "labeled set, e.g. bench/eval/credentials")->required()->check(CLI::ExistingDirectory);
  app.add_option("--binary", binary, "citizenscan binary to evaluate");
  app.add_option("--min-precision", min_precision, "fail (exit 1) below this overall precision");
  app.add_option("--min-recall", min_recall, "fail (exit 1) below this overall recall");
  app.add_option("--min-positives", min_positives, "fail when the set has fewer annotated positives");
  app.add_option("--min-negatives", min_negatives, "fail when the set has fewer hard negatives");
  app.add_flag("-v,--verbose", verbose, "list every false positive and false negative");
  CLI11_PARSE(app, argc, argv);

  citizenscan::testing::Annotations labels;
  try {
    labels = citizenscan::testing::read_annotations(dir);
  } catch (const std::exception& e) {
    std::cerr << "citizenscan_eval: " << e.what() << "\n";
    return 2;
  }
  std::erase_if(labels.expected, [&](const Expectation& e) { return !std::get<2>(e).starts_with(pack + "/"); });
  std::erase_if(labels.negatives, [&](const Expectation& e) { return std::get<2>(e) != pack; });

  const std::string command = quote(binary) + " scan --format json --no-ignore " + quote(dir);
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    std::cerr << "citizenscan_eval: cannot run " << binary << "\n";
    return 2;
  }
  std::string out;
  char buffer[65536];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  const int status = ::pclose(pipe);
  if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
    std::cerr << "citizenscan_eval: scan failed (" << command << ")\n";
    return 2;
  }

  std::set<Expectation> found;
  const auto report = nlohmann::json::parse(out, nullptr, false);
  if (report.is_discarded() || !report.contains("findings")) {
    std::cerr << "citizenscan_eval: the scan's JSON output does not parse\n";
    return 2;
  }
  for (const auto& f : report["findings"]) {
    const auto rule = f["rule_id"].get<std::string>();
    if (rule.starts_with(pack + "/") && !f.value("suppressed", false)) {
      found.emplace(f["relative_path"].get<std::string>(), f["line"].get<int>(), rule);
    }
  }

  std::map<std::string, Counts> by_language;
  Counts total;
  auto count = [&](const std::string& path, int Counts::*field) {
    ++(by_language[language_of(path)].*field);
    ++(total.*field);
  };
  std::vector<std::string> misses;
  for (const auto& e : labels.expected) {
    count(std::get<0>(e), &Counts::positives);
    if (found.contains(e)) {
      count(std::get<0>(e), &Counts::tp);
    } else {
      count(std::get<0>(e), &Counts::fn);
      misses.push_back("  FN " + std::get<0>(e) + ":" + std::to_string(std::get<1>(e)) + "  " + std::get<2>(e));
    }
  }
  for (const auto& e : labels.negatives) count(std::get<0>(e), &Counts::negatives);
  for (const auto& f : found) {
    if (labels.expected.contains(f)) continue;
    count(std::get<0>(f), &Counts::fp);
    const bool hard = labels.negatives.contains({std::get<0>(f), std::get<1>(f), pack});
    misses.push_back("  FP " + std::get<0>(f) + ":" + std::to_string(std::get<1>(f)) + "  " + std::get<2>(f) +
                     (hard ? "  (hard negative)" : ""));
  }

  std::cout << "pack " << pack << " on " << dir << "\n"
            << std::left << std::setw(14) << "language" << std::right << std::setw(6) << "pos" << std::setw(6)
            << "neg" << std::setw(6) << "TP" << std::setw(6) << "FP" << std::setw(6) << "FN" << std::setw(11)
            << "precision" << std::setw(8) << "recall" << std::setw(7) << "F1" << "\n";
  auto row = [](const std::string& name, const Counts& c) {
    std::cout << std::left << std::setw(14) << name << std::right << std::setw(6) << c.positives << std::setw(6)
              << c.negatives << std::setw(6) << c.tp << std::setw(6) << c.fp << std::setw(6) << c.fn << std::fixed
              << std::setprecision(3) << std::setw(11) << c.precision() << std::setw(8) << c.recall()
              << std::setw(7) << c.f1() << "\n";
  };
  for (const auto& [language, c] : by_language) row(language, c);
  row("overall", total);
  if (verbose || !misses.empty()) {
    for (const auto& m : misses) std::cout << m << "\n";
  }

  bool ok = true;
  auto require = [&](bool condition, const std::string& what) {
    if (!condition) {
      std::cout << "target missed: " << what << "\n";
      ok = false;
    }
  };
  require(total.positives >= min_positives, std::to_string(total.positives) + " positives < " + std::to_string(min_positives));
  require(total.negatives >= min_negatives, std::to_string(total.negatives) + " hard negatives < " + std::to_string(min_negatives));
  require(total.precision() >= min_precision, "precision below " + std::to_string(min_precision));
  require(total.recall() >= min_recall, "recall below " + std::to_string(min_recall));
  return ok ? 0 : 1;
}
