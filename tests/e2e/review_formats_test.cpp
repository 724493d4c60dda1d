// End-to-end tests of the review formats: the Markdown report of testdata/demo against its golden
// file, and the HTML report opened in headless Chromium (counts shown = the scan's JSON, the filter
// works, a screenshot in the build directory).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "harness.h"

namespace citizenscan::testing {
namespace {
namespace fs = std::filesystem;

const fs::path kDemo = fs::path(CITIZENSCAN_SOURCE_DIR) / "testdata" / "demo";
const fs::path kGolden = fs::path(CITIZENSCAN_SOURCE_DIR) / "tests" / "e2e" / "expected" / "demo-report.md";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The first line where two texts differ, both versions shown, for a readable failure.
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected), b(actual);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, la));
    const bool more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) return "(no difference)";
    if (!more_a || !more_b || la != lb) {
      return "line " + std::to_string(line) + "\n--- expected\n" + (more_a ? la : "(end)") + "\n--- actual\n" +
             (more_b ? lb : "(end)") + "\n";
    }
  }
}

TEST(MarkdownReport, DemoMatchesTheGoldenFile) {
  const RunResult run = run_citizenscan({"scan", "-f", "markdown", "."}, kDemo);
  ASSERT_EQ(run.exit_code, 1) << run.err;
  if (std::getenv("CITIZENSCAN_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(kGolden, std::ios::binary) << run.out;
    GTEST_SKIP() << "wrote " << kGolden;
  }
  const std::string golden = read_file(kGolden);
  EXPECT_TRUE(run.out == golden) << "the Markdown report of testdata/demo differs from " << kGolden
                                 << " at " << first_difference(golden, run.out)
                                 << "If the change is intended (a rule's message or fix, the demo), regenerate it:\n"
                                    "  CITIZENSCAN_UPDATE_GOLDEN=1 build/tests/e2e_tests --gtest_filter='MarkdownReport.*'";
  const RunResult one_job = run_citizenscan({"scan", "-j", "1", "-f", "markdown", "."}, kDemo);
  EXPECT_TRUE(one_job.out == run.out) << "output differs between -j 1 and the default";
}

TEST(MarkdownReport, CountsAgreeWithTheJsonReport) {
  const RunResult md = run_citizenscan({"scan", "-f", "markdown", "."}, kDemo);
  const RunResult js = run_citizenscan({"scan", "-f", "json", "."}, kDemo);
  const auto report = nlohmann::json::parse(js.out);
  std::size_t rows = 0;
  std::istringstream lines(md.out);
  std::string line;
  while (std::getline(lines, line)) {
    // A finding row starts with its line number; the summary and tool tables start with a name.
    if (line.size() > 2 && line[0] == '|' && line[2] >= '1' && line[2] <= '9') ++rows;
  }
  EXPECT_EQ(rows, report["summary"]["findings"].get<std::size_t>());
  for (const auto& [pack, counts] : report["summary"]["by_pack"].items()) {
    const std::string row = "| " + pack + " | " + std::to_string(counts["error"].get<int>()) + " | " +
                            std::to_string(counts["warning"].get<int>()) + " | " +
                            std::to_string(counts["note"].get<int>()) + " |";
    EXPECT_NE(md.out.find(row), std::string::npos) << row << "\n" << md.out;
  }
}

// ---- shared by the renderer and browser tests ----

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command; its standard output, or nullopt when it did not exit 0.
std::optional<std::string> run_shell(const std::string& command) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string out;
  char buffer[65536];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int status = ::pclose(pipe);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return out;
}

std::string find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    const fs::path candidate = fs::path(dir) / name;
    if (!dir.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return {};
}

std::size_t count_of(const std::string& text, std::string_view needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++count;
  return count;
}

// A tree with a tool whose folder and file names are markup: the path
// "evil/<script>document.documentElement.setAttribute('data-pwned','1')</script>.py" (its '/' before
// "script>" is a folder separator) and a secret in it.
void write_hostile_tool(const TempTree& tree) {
  tree.write("evil/<script>document.documentElement.setAttribute('data-pwned','1')</script>.py",
             "import os\nSLACK = 'xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'\n");
  tree.write("evil/<img src=x onerror=alert(1)>.py", "AWS_KEY = \"AKIAQ3EGRTY6KXMFZ7PN\"\n");
}

// ---- Markdown in GitHub's renderer ----

// cmark-gfm (GitHub's fork of cmark, from Debian) renders the report; every table row must have as
// many cells as its header, and nothing from the tree may come out as markup.
TEST(MarkdownReport, RendersAsTablesInGitHubsRenderer) {
  const std::string cmark = find_program("cmark-gfm");
  if (cmark.empty()) GTEST_SKIP() << "cmark-gfm is not installed (scripts/setup.sh installs it)";
  TempTree tree("MarkdownReportRendersAsTablesInGitHubsRenderer");
  fs::copy(kDemo, tree.path() / "demo", fs::copy_options::recursive);
  write_hostile_tool(tree);
  const fs::path md = tree.path() / "report.md";
  const RunResult run = run_citizenscan({"scan", "-f", "markdown", "-o", md.string(), "."}, tree.path());
  ASSERT_EQ(run.exit_code, 1) << run.err;
  const auto html = run_shell(shell_quote(cmark) + " -e table " + shell_quote(md.string()));
  ASSERT_TRUE(html.has_value());
  EXPECT_EQ(html->find("<script"), std::string::npos) << *html;
  EXPECT_EQ(html->find("<img"), std::string::npos) << *html;
  EXPECT_NE(html->find("&lt;script&gt;document.documentElement"), std::string::npos) << *html;
  std::size_t tables = 0, rows = 0;
  for (auto table = html->find("<table>"); table != std::string::npos; table = html->find("<table>", table + 1)) {
    ++tables;
    const std::string body = html->substr(table, html->find("</table>", table) - table);
    const std::string header = body.substr(0, body.find("</tr>"));
    const std::size_t columns = count_of(header, "<th>") + count_of(header, "<th ");
    for (auto row = body.find("<tbody>"); (row = body.find("<tr>", row + 1)) != std::string::npos;) {
      ++rows;
      const std::string cells = body.substr(row, body.find("</tr>", row) - row);
      EXPECT_EQ(count_of(cells, "<td>") + count_of(cells, "<td "), columns) << cells;
    }
  }
  EXPECT_GE(tables, 7u) << "summary, tools, one table per file with findings";
  const auto json = nlohmann::json::parse(run_citizenscan({"scan", "-f", "json", "."}, tree.path()).out);
  EXPECT_GT(rows, json["summary"]["findings"].get<std::size_t>());
}

// ---- HTML in headless Chromium ----

// What a page shows after its script ran, from Chromium's --dump-dom.
struct Page {
  std::map<std::string, std::uint64_t> counts;  // data-count="pack:level" -> number shown
  std::size_t findings = 0;                     // <article class="finding"> elements
  std::size_t visible = 0;                      // ... without the hidden attribute
  std::map<std::string, std::size_t> visible_by_level;
  std::string shown;                            // the text of <output id="shown">
  std::string dom;
  // The number in the cell data-count="key", or a value no count has when the page lacks it.
  std::uint64_t count(const std::string& key) const {
    const auto it = counts.find(key);
    return it == counts.end() ? ~std::uint64_t{0} : it->second;
  }
};

std::string attribute(std::string_view tag, std::string_view name) {
  const std::string key = " " + std::string(name) + "=\"";
  const auto at = tag.find(key);
  if (at == std::string_view::npos) return {};
  const auto start = at + key.size();
  return std::string(tag.substr(start, tag.find('"', start) - start));
}

Page read_page(const std::string& dom) {
  Page page;
  page.dom = dom;
  for (auto at = dom.find("data-count=\""); at != std::string::npos; at = dom.find("data-count=\"", at + 1)) {
    const auto key_end = dom.find('"', at + 12);
    const auto text = dom.find('>', key_end) + 1;
    page.counts[dom.substr(at + 12, key_end - at - 12)] = std::stoull(dom.substr(text, dom.find('<', text) - text));
  }
  for (auto at = dom.find("<article class=\"finding\""); at != std::string::npos;
       at = dom.find("<article class=\"finding\"", at + 1)) {
    const std::string_view tag = std::string_view(dom).substr(at, dom.find('>', at) - at);
    ++page.findings;
    if (tag.find(" hidden") == std::string_view::npos) {
      ++page.visible;
      ++page.visible_by_level[attribute(tag, "data-level")];
    }
  }
  const auto shown = dom.find("<output id=\"shown\"");
  if (shown != std::string::npos) {
    const auto text = dom.find('>', shown) + 1;
    page.shown = dom.substr(text, dom.find('<', text) - text);
  }
  return page;
}

class HtmlInChromium : public ::testing::Test {
 protected:
  void SetUp() override {
    chromium_ = find_program("chromium");
    if (chromium_.empty()) GTEST_SKIP() << "chromium is not installed (scripts/setup.sh installs Debian's chromium)";
  }

  // Chromium with a throwaway profile and no way out to the network (every host name resolves to
  // nothing, any proxy use goes to a closed port); the report must not need it anyway.
  std::string chromium(const fs::path& profile, const std::string& action, const std::string& url) const {
    std::string command = "timeout 120 " + shell_quote(chromium_) + " --headless";
    if (::geteuid() == 0) command += " --no-sandbox";  // Chromium refuses to run as root with its sandbox
    command += " --disable-gpu --disable-dev-shm-usage --no-first-run --no-default-browser-check"
               " --disable-extensions --disable-background-networking --disable-component-update --disable-sync"
               " --host-resolver-rules='MAP * ~NOTFOUND' --proxy-server=127.0.0.1:9 --hide-scrollbars"
               " --user-data-dir=" + shell_quote(profile.string()) + " " + action + " " + shell_quote(url) +
               " 2>" + shell_quote((profile / "stderr.txt").string());
    return command;
  }

  Page load(const fs::path& profile, const fs::path& html, const std::string& fragment) const {
    const std::string url = "file://" + html.string() + fragment;
    const auto dom = run_shell(chromium(profile, "--dump-dom", url));
    EXPECT_TRUE(dom.has_value()) << "chromium --dump-dom failed:\n" << read_file(profile / "stderr.txt");
    Page page = read_page(dom.value_or(""));
    EXPECT_NE(page.dom.find("data-filter-ready"), std::string::npos) << "the page's script did not run (" << url << ")";
    const auto html_tag = page.dom.find("<html");
    EXPECT_EQ(page.dom.substr(html_tag, page.dom.find('>', html_tag) - html_tag).find("data-pwned"), std::string::npos)
        << "a file name ran as script";
    return page;
  }

  std::string chromium_;
};

TEST_F(HtmlInChromium, CountsMatchTheScanFilterWorksAndScreenshot) {
  TempTree tree("HtmlInChromium");
  fs::copy(kDemo, tree.path() / "demo", fs::copy_options::recursive);
  write_hostile_tool(tree);
  const fs::path html = tree.path() / "report.html";
  const RunResult run = run_citizenscan({"scan", "-f", "html", "-o", html.string(), "."}, tree.path());
  ASSERT_EQ(run.exit_code, 1) << run.err;
  const auto json = nlohmann::json::parse(run_citizenscan({"scan", "-f", "json", "."}, tree.path()).out);
  const auto& summary = json["summary"];
  std::map<std::string, std::size_t> by_level;
  std::map<std::pair<std::string, std::string>, std::size_t> by_pack_level;
  for (const auto& f : json["findings"]) {
    if (f["suppressed"].get<bool>()) continue;
    ++by_level[f["level"].get<std::string>()];
    ++by_pack_level[{f["rule_id"].get<std::string>().substr(0, f["rule_id"].get<std::string>().find('/')),
                     f["level"].get<std::string>()}];
  }
  const fs::path profile = tree.path() / "chromium-profile";
  fs::create_directories(profile);

  // Unfiltered: the summary table and the finding list agree with the JSON report.
  const Page all = load(profile, html, "");
  const auto total = summary["findings"].get<std::size_t>();
  ASSERT_GT(total, 20u);
  EXPECT_EQ(all.findings, total);
  EXPECT_EQ(all.visible, total);
  EXPECT_EQ(all.shown, std::to_string(total));
  EXPECT_EQ(all.count("*:total"), total);
  for (const std::string level : {"error", "warning", "note"}) {
    EXPECT_EQ(all.count("*:" + level), summary["by_pack"].empty() ? 0 : by_level[level]) << level;
  }
  std::size_t packs = 0;
  for (const auto& [pack, counts] : summary["by_pack"].items()) {
    ++packs;
    for (const std::string level : {"error", "warning", "note"}) {
      EXPECT_EQ(all.count(pack + ":" + level), counts[level].get<std::uint64_t>()) << pack << ":" << level;
    }
  }
  EXPECT_GE(packs, 4u);
  EXPECT_NE(all.dom.find("data-findings=\"" + std::to_string(total) + "\""), std::string::npos);
  EXPECT_NE(all.dom.find("&lt;script&gt;document.documentElement.setAttribute('data-pwned','1')&lt;/script&gt;.py"),
            std::string::npos)
      << "the hostile file name is shown, as text";

  // The filter, set from the URL fragment: one severity; then two packs and one severity.
  const Page errors = load(profile, html, "#level=error");
  EXPECT_EQ(errors.findings, total);
  EXPECT_EQ(errors.visible, by_level["error"]);
  EXPECT_EQ(errors.shown, std::to_string(by_level["error"]));
  EXPECT_EQ(errors.visible_by_level.size(), 1u);
  const Page narrow = load(profile, html, "#pack=credentials,pii&level=warning,note");
  const std::size_t expected = by_pack_level[{"credentials", "warning"}] + by_pack_level[{"credentials", "note"}] +
                               by_pack_level[{"pii", "warning"}] + by_pack_level[{"pii", "note"}];
  EXPECT_GT(expected, 0u) << "the demo has pii warnings";
  EXPECT_EQ(narrow.visible, expected);
  EXPECT_EQ(narrow.shown, std::to_string(expected));

  // A screenshot for people: in the build directory, next to the binary.
  const fs::path screenshot = fs::path(CITIZENSCAN_BINARY).parent_path() / "html-report.png";
  fs::remove(screenshot);
  const auto shot = run_shell(chromium(profile, "--window-size=1280,2000 --screenshot=" + shell_quote(screenshot.string()),
                                       "file://" + html.string()));
  EXPECT_TRUE(shot.has_value()) << read_file(profile / "stderr.txt");
  const std::string png = read_file(screenshot);
  EXPECT_TRUE(png.starts_with("\x89PNG")) << screenshot << " is not a PNG (" << png.size() << " bytes)";
}

}  // namespace
}  // namespace citizenscan::testing
