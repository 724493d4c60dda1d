#include "citizenscan/prefilter.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <re2/re2.h>
#include <re2/set.h>

namespace citizenscan {

struct Prefilter::LiteralSet {
  explicit LiteralSet(const RE2::Options& options) : set(options, RE2::UNANCHORED) {}
  RE2::Set set;
};

Prefilter::Prefilter() = default;
Prefilter::Prefilter(Prefilter&&) noexcept = default;
Prefilter& Prefilter::operator=(Prefilter&&) noexcept = default;
Prefilter::~Prefilter() = default;

Prefilter::Prefilter(const std::vector<std::vector<std::string>>& literals_per_rule) {
  std::vector<LiteralGroups> groups(literals_per_rule.size());
  for (std::size_t rule = 0; rule < literals_per_rule.size(); ++rule) {
    if (!literals_per_rule[rule].empty()) groups[rule].push_back(literals_per_rule[rule]);
  }
  build(groups);
}

Prefilter Prefilter::all_of(const std::vector<LiteralGroups>& groups_per_rule) {
  Prefilter prefilter;
  prefilter.build(groups_per_rule);
  return prefilter;
}

void Prefilter::build(const std::vector<LiteralGroups>& groups_per_rule) {
  rule_count_ = static_cast<std::uint32_t>(groups_per_rule.size());
  std::map<std::string, std::uint32_t> literal_ids;  // lowercased literal -> set index
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  options.set_max_mem(256 << 20);
  set_ = std::make_unique<LiteralSet>(options);
  all_groups_.assign(rule_count_, 0);
  for (std::uint32_t rule = 0; rule < rule_count_; ++rule) {
    const LiteralGroups& groups = groups_per_rule[rule];
    if (groups.size() > kMaxGroups) {
      throw std::invalid_argument("more than " + std::to_string(kMaxGroups) + " literal groups");
    }
    if (groups.empty()) {
      always_.push_back(rule);
      continue;
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (groups[g].empty()) throw std::invalid_argument("an empty literal group (it could never match)");
      const std::uint32_t bit = std::uint32_t{1} << g;
      all_groups_[rule] |= bit;
      for (const std::string& literal : groups[g]) {
        std::string lowered = literal;
        std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        auto [it, inserted] = literal_ids.emplace(lowered, static_cast<std::uint32_t>(literal_rules_.size()));
        if (inserted) {
          std::string error;
          if (set_->set.Add(RE2::QuoteMeta(lowered), &error) < 0) {
            throw std::invalid_argument("prefilter literal '" + literal + "': " + error);
          }
          literal_rules_.emplace_back();
        }
        literal_rules_[it->second].emplace_back(rule, bit);
      }
    }
  }
  if (!literal_rules_.empty() && !set_->set.Compile()) {
    throw std::runtime_error("prefilter: the literal set did not compile (out of memory)");
  }
}

void Prefilter::candidates(std::string_view text, std::vector<std::uint32_t>& out) const {
  out.clear();
  if (literal_rules_.empty()) {
    out = always_;
    return;
  }
  // Reused per thread: (rule, group bit) for every literal found.
  thread_local std::vector<int> hits;
  thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> found;
  hits.clear();
  RE2::Set::ErrorInfo error{};
  const bool matched = set_->set.Match(re2::StringPiece(text.data(), text.size()), &hits, &error);
  if (!matched && error.kind != RE2::Set::kNoError) {
    // Out of memory (or similar) says nothing about the text: every rule stays a candidate.
    out.resize(rule_count_);
    for (std::uint32_t i = 0; i < rule_count_; ++i) out[i] = i;
    return;
  }
  found.clear();
  for (int literal : hits) {
    const auto& rules = literal_rules_[static_cast<std::size_t>(literal)];
    found.insert(found.end(), rules.begin(), rules.end());
  }
  std::sort(found.begin(), found.end());
  out = always_;
  for (std::size_t i = 0; i < found.size();) {
    const std::uint32_t rule = found[i].first;
    std::uint32_t groups = 0;
    for (; i < found.size() && found[i].first == rule; ++i) groups |= found[i].second;
    if (groups == all_groups_[rule]) out.push_back(rule);
  }
  std::sort(out.begin(), out.end());
}

}  // namespace citizenscan
