// Scanning a change: the orchestrator runs the ordinary scan over each side of a ChangeSet and
// keeps what the change introduced.
#include <algorithm>
#include <filesystem>

#include "citizenscan/scan.h"
#include "citizenscan/suppress.h"

namespace citizenscan {
namespace {

namespace fs = std::filesystem;

// Where a real folder of the repository lies on one side of the change.
struct SideLayout {
  std::string scan_root;   // the real scan root, absolute
  std::string from_top;    // the scan root relative to the repository top ("" = the top)
};

// A canonical folder path without a trailing separator ("/a/b/." and "/a/b/" are "/a/b").
fs::path canonical_folder(const fs::path& path) {
  std::error_code ec;
  std::string text = fs::weakly_canonical(fs::absolute(path, ec), ec).lexically_normal().string();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text;
}

SideLayout layout_for(const ScanOptions& options, const ChangeSet& changes) {
  const fs::path repository = canonical_folder(changes.repository);
  const fs::path root = canonical_folder(options.walk.root.empty() ? "." : options.walk.root);
  const fs::path relative = root.lexically_relative(repository);
  if (relative.empty() || *relative.begin() == "..") return {repository.string(), ""};
  const std::string from_top = relative == "." ? "" : relative.generic_string();
  return {root.string(), from_top};
}

std::string join(const std::string& base, const std::string& relative) {
  if (base.empty()) return relative;
  return relative.empty() ? base : base + "/" + relative;
}

// The path a user would type for a file of the repository: relative to the current directory
// when it lies below it, else absolute.
class DisplayPaths {
 public:
  explicit DisplayPaths(const std::string& scan_root) : root_(scan_root) {
    std::error_code ec;
    cwd_ = fs::weakly_canonical(fs::current_path(ec), ec);
  }
  std::string operator()(const std::string& relative_path) const {
    const fs::path real = fs::path(root_) / relative_path;
    const fs::path relative = real.lexically_relative(cwd_);
    if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
    return real.generic_string();
  }

 private:
  std::string root_;
  fs::path cwd_;
};

ScanOptions side_options(const ScanOptions& options, const std::string& side_root, const SideLayout& layout,
                         const std::vector<std::string>& paths) {
  ScanOptions side = options;
  side.walk.root = join(side_root, layout.from_top);
  side.walk.targets.clear();
  for (const std::string& path : paths) side.walk.targets.push_back(side_root + "/" + path);
  return side;
}

}  // namespace

ScanResult scan_changes(const RuleSet& rules, const ScanOptions& options, const ChangeSet& changes,
                        bool only_added_lines, const ScanCallbacks& callbacks) {
  const SideLayout layout = layout_for(options, changes);
  const DisplayPaths display(layout.scan_root);
  std::vector<std::string> new_paths, base_paths;
  for (const ChangedFile& file : changes.files) {
    new_paths.push_back(file.path);
    if (!file.base_path.empty()) base_paths.push_back(file.base_path);
  }
  base_paths.insert(base_paths.end(), changes.removed.begin(), changes.removed.end());

  ScanResult result;
  result.root = layout.scan_root;
  if (new_paths.empty()) {
    if (callbacks.progress) callbacks.progress(ScanProgress{0, true, 0, 0, 0, 0.0});
    return result;
  }

  // The base side first: what it finds, the new side does not report again.
  std::vector<Finding> base_findings;
  if (!base_paths.empty()) {
    ScanResult base = scan(rules, side_options(options, changes.base_root, layout, base_paths));
    base_findings = std::move(base.findings);
  }
  BaselineMatcher already_there(baseline_entries(base_findings, /*include_suppressed=*/true));

  const std::string new_prefix = join(changes.new_root, layout.from_top) + "/";
  auto introduced = [&](std::vector<Finding>& findings) {
    const std::vector<bool> seen_before = already_there.take(findings, /*include_suppressed=*/true);
    std::vector<Finding> kept;
    for (std::size_t i = 0; i < findings.size(); ++i) {
      Finding& finding = findings[i];
      if (seen_before[i]) continue;
      const std::string top_relative = join(layout.from_top, finding.relative_path);
      if (only_added_lines && !changes.touches_added_line(top_relative, finding.region.start_line,
                                                           std::max(finding.region.end_line, finding.region.start_line))) {
        continue;
      }
      finding.path = display(finding.relative_path);
      kept.push_back(std::move(finding));
    }
    findings = std::move(kept);
  };

  ScanCallbacks side_callbacks;
  side_callbacks.progress = callbacks.progress;
  if (callbacks.findings) {
    side_callbacks.findings = [&](std::vector<Finding>&& findings) {
      introduced(findings);
      if (!findings.empty()) callbacks.findings(std::move(findings));
    };
  }
  result = scan(rules, side_options(options, changes.new_root, layout, new_paths), side_callbacks);
  result.root = layout.scan_root;
  introduced(result.findings);
  for (Diagnostic& diagnostic : result.diagnostics) {
    if (diagnostic.path.starts_with(new_prefix)) diagnostic.path = display(diagnostic.path.substr(new_prefix.size()));
  }
  return result;
}

}  // namespace citizenscan
