// prefilter: one pass over a file's bytes decides which rules can possibly fire.
//
//   citizenscan::Prefilter prefilter({{"akia", "asia"}, {}, {"password"}});  // literals per rule
//   std::vector<std::uint32_t> rules;  // reused
//   prefilter.candidates(text, rules);  // rule 1 (no literals) is always a candidate
//
// A rule's literals form groups: the rule is a candidate when every one of its groups has at least
// one literal in the text (all of the groups, any literal of a group). The constructor above gives
// each rule one group; Prefilter::all_of takes the groups themselves:
//
//   Prefilter::all_of({{{"for", "while"}, {"execute", "query"}}});  // a loop word AND a query word
//
// Literals are matched case-insensitively, all at once, with one RE2::Set. A rule with no literals
// always runs (gitleaks keywords work the same way). If the set's DFA runs out of memory the
// answer is "every rule", never "no rule".
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace citizenscan {

class Prefilter {
 public:
  // Groups of one rule: each group is "any of these literals", the rule needs all groups.
  using LiteralGroups = std::vector<std::vector<std::string>>;
  static constexpr std::size_t kMaxGroups = 8;

  Prefilter();
  explicit Prefilter(const std::vector<std::vector<std::string>>& literals_per_rule);  // one group per rule
  static Prefilter all_of(const std::vector<LiteralGroups>& groups_per_rule);  // throws on > kMaxGroups
  Prefilter(Prefilter&&) noexcept;
  Prefilter& operator=(Prefilter&&) noexcept;
  ~Prefilter();

  // Rule indices (ascending) that may match `text`.
  void candidates(std::string_view text, std::vector<std::uint32_t>& out) const;
  std::size_t literal_count() const { return literal_rules_.size(); }

 private:
  struct LiteralSet;  // wraps RE2::Set (a nested class cannot be forward-declared)
  void build(const std::vector<LiteralGroups>& groups_per_rule);
  std::unique_ptr<LiteralSet> set_;
  // literal index -> (rule, bit of the rule's group holding it)
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> literal_rules_;
  std::vector<std::uint32_t> all_groups_;  // by rule: the bits of all its groups
  std::vector<std::uint32_t> always_;      // rules without literals
  std::uint32_t rule_count_ = 0;
};

}  // namespace citizenscan
