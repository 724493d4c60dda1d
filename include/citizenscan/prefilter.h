// prefilter: one pass over a file's bytes decides which rules can possibly fire.
//
//   citizenscan::Prefilter prefilter({{"akia", "asia"}, {}, {"password"}});  // literals per rule
//   std::vector<std::uint32_t> rules;  // reused
//   prefilter.candidates(text, rules);  // rule 1 (no literals) is always a candidate
//
// Literals are matched case-insensitively, all at once, with one RE2::Set. A rule with no literals
// always runs (gitleaks keywords work the same way). If the set's DFA runs out of memory the
// answer is "every rule", never "no rule".
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace citizenscan {

class Prefilter {
 public:
  Prefilter();
  explicit Prefilter(const std::vector<std::vector<std::string>>& literals_per_rule);
  Prefilter(Prefilter&&) noexcept;
  Prefilter& operator=(Prefilter&&) noexcept;
  ~Prefilter();

  // Rule indices (ascending) that may match `text`.
  void candidates(std::string_view text, std::vector<std::uint32_t>& out) const;
  std::size_t literal_count() const { return literal_rules_.size(); }

 private:
  struct LiteralSet;  // wraps RE2::Set (a nested class cannot be forward-declared)
  std::unique_ptr<LiteralSet> set_;
  std::vector<std::vector<std::uint32_t>> literal_rules_;  // literal index -> rules needing it
  std::vector<std::uint32_t> always_;                      // rules without literals
  std::uint32_t rule_count_ = 0;
};

}  // namespace citizenscan
