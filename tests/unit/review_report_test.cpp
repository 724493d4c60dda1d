// The review formats (markdown, html) and what they share: escaping of hostile paths and messages,
// grouping by tool, the one-sentence fix, the CSP hashes, code context with secrets redacted.
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "citizenscan/load.h"
#include "citizenscan/match.h"
#include "citizenscan/report.h"
#include "report/escape.h"
#include "report/review.h"
#include "report/sha256.h"

namespace citizenscan {
namespace {

using namespace report_detail;

RuleInfo rule(std::string id, double security_severity, std::string help) {
  RuleInfo info;
  info.id = id;
  info.pack = id.substr(0, id.find('/'));
  info.name = "Rule";
  info.short_description = "short description of " + id;
  info.full_description = "What *this* rule finds, e.g. `x`.";
  info.help_markdown = std::move(help);
  info.security_severity = security_severity;
  info.precision = "high";
  return info;
}

Finding finding(std::uint32_t index, std::string rule_id, std::string relative_path, Severity level,
                std::uint32_t line) {
  Finding f;
  f.rule_index = index;
  f.rule_id = std::move(rule_id);
  f.relative_path = relative_path;
  f.path = relative_path;
  f.level = level;
  f.region = {line, 3, line, 9, 0, 0};
  f.message = "`TOKEN` holds a token `abcd****`";
  f.snippet = "TOKEN = 'abcd****'";
  f.fingerprint = "ff";
  return f;
}

std::string markdown_of(const ReportInput& input) {
  std::ostringstream out;
  write_markdown(out, input);
  return out.str();
}

std::string html_of(const ReportInput& input) {
  std::ostringstream out;
  write_html(out, input);
  return out.str();
}

TEST(ReviewEscape, MarkdownCodeSpanHoldsBackticksAndPipes) {
  EXPECT_EQ(markdown_code("a|b", true), "`a\\|b`");
  EXPECT_EQ(markdown_code("a|b", false), "`a|b`");
  EXPECT_EQ(markdown_code("x = `cmd`", false), "`` x = `cmd` ``");
  EXPECT_EQ(markdown_code("a``b", false), "```a``b```");
  EXPECT_EQ(markdown_code("", true), "");
  EXPECT_EQ(markdown_code("line\nnext", true), "`line\\x0anext`");
}

TEST(ReviewEscape, MarkdownTextEscapesEveryInlineSyntax) {
  EXPECT_EQ(markdown_text("<script>|*_[x](y)&amp;`#"), "\\<script\\>\\|\\*\\_\\[x\\](y)\\&amp;\\`\\#");
  EXPECT_EQ(markdown_text("two\nlines"), "two\\\\x0alines") << "shows as \\x0a";
}

TEST(ReviewEscape, HtmlEscapeCoversMarkupQuotesControlsAndBadUtf8) {
  EXPECT_EQ(html_escape("<script>alert('x')&\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;)&amp;&quot;&lt;/script&gt;");
  EXPECT_EQ(html_escape("a\x1b[31mb"), "a\\x1b[31mb");
  EXPECT_EQ(html_escape("caf\xc3\xa9 \xff"), "caf\xc3\xa9 \xef\xbf\xbd");
  EXPECT_EQ(valid_utf8("\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd") << "a surrogate is not UTF-8";
}

TEST(ReviewEscape, MessagesSplitIntoCodeAndProseOnlyWhenBackticksPair) {
  std::vector<std::string> parts;
  split_message("`A` holds `B` now", [&](std::string_view p) { parts.push_back("p:" + std::string(p)); },
                [&](std::string_view c) { parts.push_back("c:" + std::string(c)); });
  EXPECT_EQ(parts, (std::vector<std::string>{"c:A", "p: holds ", "c:B", "p: now"}));
  parts.clear();
  split_message("`odd` one`", [&](std::string_view p) { parts.push_back("p:" + std::string(p)); },
                [&](std::string_view c) { parts.push_back("c:" + std::string(c)); });
  EXPECT_EQ(parts, (std::vector<std::string>{"p:`odd` one`"}));
}

TEST(ReviewSha256, KnownVectorsAndCspHash) {
  const auto hex = [](const std::array<std::uint8_t, 32>& digest) {
    std::string out;
    char buffer[3];
    for (std::uint8_t b : digest) {
      std::snprintf(buffer, sizeof buffer, "%02x", b);
      out += buffer;
    }
    return out;
  };
  EXPECT_EQ(hex(sha256("")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(hex(sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // 56 bytes: the length no longer fits in the first padding block.
  EXPECT_EQ(hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(hex(sha256(std::string(1000, 'a'))), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
  EXPECT_EQ(base64("abc"), "YWJj");
  EXPECT_EQ(base64("ab"), "YWI=");
  EXPECT_EQ(base64("a"), "YQ==");
  EXPECT_EQ(csp_hash("abc"), "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
}

TEST(ReviewFix, FirstSentenceOfTheHowToFixPart) {
  EXPECT_EQ(short_fix(rule("a/b", 5, "**What:** x.\n\n**How to fix:** rotate the key now (e.g. in the admin console). Then more.\n")),
            "Rotate the key now (e.g. in the admin console).");
  EXPECT_EQ(short_fix(rule("a/b", 5, "## How to fix it\n\nFetch everything in one query before the loop\n(`IN (...)`). "
                                     "Then look up.\n")),
            "Fetch everything in one query before the loop (`IN (...)`).");
  EXPECT_EQ(short_fix(rule("a/b", 5, "**How to fix:** change the password, then read it at run time:\n\n```py\n```")),
            "Change the password, then read it at run time.");
  EXPECT_EQ(short_fix(rule("a/b", 5, "**How to fix:** do not mail it. Share a link instead of a copy.\n")),
            "Do not mail it. Share a link instead of a copy.")
      << "a very short first sentence takes the next one along";
  EXPECT_EQ(short_fix(rule("a/b", 5, "No fix section here.")), "Short description of a/b");
}

TEST(ReviewGroups, ToolsRankedByCriticalThenHighFindings) {
  const std::vector<RuleInfo> rules{rule("credentials/key", 9.5, ""), rule("db-loops/loop", 5.0, "")};
  std::vector<Finding> findings{
      finding(1, "db-loops/loop", "busy/a.py", Severity::Warning, 1),
      finding(1, "db-loops/loop", "busy/a.py", Severity::Warning, 2),
      finding(1, "db-loops/loop", "busy/b.py", Severity::Warning, 1),
      finding(0, "credentials/key", "keys/x.py", Severity::Error, 1),
      finding(0, "credentials/key", "top.py", Severity::Error, 1),
      finding(0, "credentials/key", "top.py", Severity::Error, 2),
  };
  findings.back().suppression = Suppression{};
  const std::vector<Diagnostic> diagnostics;
  const ReportInput input{rules, findings, diagnostics, "/r", 4, true};
  const std::vector<ToolGroup> tools = group_by_tool(input);
  ASSERT_EQ(tools.size(), 3u);
  EXPECT_EQ(tools[0].tool, "") << "one critical finding at the root; the tie with keys/ goes by name";
  EXPECT_EQ(tools[1].tool, "keys");
  EXPECT_EQ(tools[2].tool, "busy");
  EXPECT_EQ(tools[2].files.size(), 2u);
  EXPECT_EQ(tools[2].levels.warning, 3u);
  EXPECT_EQ(tools[2].risks[static_cast<int>(Risk::Medium)], 3u);
  EXPECT_EQ(tools[0].findings(), 1u) << "suppressed findings are not counted";
}

TEST(MarkdownReport, HostilePathsAndMessagesCannotBreakTheTable) {
  const std::vector<RuleInfo> rules{rule("credentials/key", 9.5, "**How to fix:** rotate `a|b` now, please.\n")};
  std::vector<Finding> findings{finding(0, "credentials/key", "x|y/<img src=x>.py", Severity::Error, 7)};
  findings[0].message = "`a|b` holds <b>bold</b> | more\nline";
  findings[0].snippet = "  key = `x` | 'abcd****'  \n";
  const std::vector<Diagnostic> diagnostics{{"x|y/<b>.py", DiagnosticLevel::Warning, "bad | thing"}};
  const std::string md = markdown_of(ReportInput{rules, findings, diagnostics, "/r", 1, true});
  std::istringstream lines(md);
  std::string line;
  bool saw_row = false;
  while (std::getline(lines, line)) {
    if (!line.starts_with("| 7 |")) continue;
    saw_row = true;
    // Six cells: seven unescaped pipes.
    int pipes = 0;
    for (std::size_t i = 0; i < line.size(); ++i) pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
    EXPECT_EQ(pipes, 7) << line;
    EXPECT_NE(line.find("`a\\|b` holds \\<b\\>bold\\</b\\> \\| more\\\\x0aline"), std::string::npos) << line;
    EXPECT_NE(line.find("``key = `x` \\| 'abcd****'``"), std::string::npos) << line;
    EXPECT_NE(line.find("Rotate `a\\|b` now, please."), std::string::npos) << line;
  }
  EXPECT_TRUE(saw_row) << md;
  EXPECT_NE(md.find("### `x|y/`"), std::string::npos) << md;
  EXPECT_NE(md.find("#### `x|y/<img src=x>.py`"), std::string::npos) << "a path is a code span: literal" << md;
  EXPECT_NE(md.find("| `x\\|y/<b>.py` | warning | bad \\| thing |"), std::string::npos) << md;
  EXPECT_EQ(md, markdown_of(ReportInput{rules, findings, diagnostics, "/r", 1, true})) << "deterministic";
}

TEST(MarkdownReport, NoFindingsIsOneLine) {
  const std::vector<RuleInfo> rules;
  const std::vector<Finding> findings;
  const std::vector<Diagnostic> diagnostics;
  EXPECT_EQ(markdown_of(ReportInput{rules, findings, diagnostics, "/r", 3, true}),
            "# citizenscan report\n\nno findings (3 files scanned)\n\n");
}

TEST(HtmlReport, EverythingFromTheTreeIsEscaped) {
  const std::vector<RuleInfo> rules{rule("credentials/key", 9.5, "## How to fix it\n\nUse <env> & `x<y>`.\n")};
  std::vector<Finding> findings{finding(0, "credentials/key", "<script>alert(1)</script>/a\".py", Severity::Error, 2)};
  findings[0].message = "`<img src=x onerror=alert(1)>` holds \"it\"";
  findings[0].snippet = "k = '<script>'";
  findings[0].context_before = {"</pre><script>alert(2)</script>"};
  findings[0].context_after = {"x = 1 & 2"};
  const std::vector<Diagnostic> diagnostics{{"<script>.py", DiagnosticLevel::Warning, "<b>unreadable</b>"}};
  const std::string html = html_of(ReportInput{rules, findings, diagnostics, "/r<script>", 1, true});
  EXPECT_EQ(html.find("<script>alert"), std::string::npos) << html;
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<env>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;/a&quot;.py"), std::string::npos);
  EXPECT_NE(html.find("<code>&lt;img src=x onerror=alert(1)&gt;</code>"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"ln\">1</span>&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"line hit\"><span class=\"ln\">2</span>k = &#39;&lt;script&gt;&#39;"), std::string::npos);
  EXPECT_NE(html.find("Use &lt;env&gt; &amp; <code>x&lt;y&gt;</code>."), std::string::npos);
  // Exactly one script element: the page's own.
  std::size_t scripts = 0;
  for (auto at = html.find("<script"); at != std::string::npos; at = html.find("<script", at + 1)) ++scripts;
  EXPECT_EQ(scripts, 1u);
}

TEST(HtmlReport, SelfContainedWithAHashedContentSecurityPolicy) {
  const std::vector<RuleInfo> rules{rule("credentials/key", 9.5, "")};
  const std::vector<Finding> findings{finding(0, "credentials/key", "a/b.py", Severity::Error, 1)};
  const std::vector<Diagnostic> diagnostics;
  const std::string html = html_of(ReportInput{rules, findings, diagnostics, "/r", 1, true});
  for (const std::string_view external : {"src=", "http://", "https://", "@import", "url("}) {
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  }
  const auto style_start = html.find("<style>") + 7;
  const std::string style = html.substr(style_start, html.find("</style>") - style_start);
  const auto script_start = html.find("<script>") + 8;
  const std::string script = html.substr(script_start, html.find("</script>") - script_start);
  EXPECT_NE(html.find("default-src 'none'; style-src '" + csp_hash(style) + "'; script-src '" + csp_hash(script) + "'"),
            std::string::npos);
  EXPECT_NE(html.find("data-count=\"credentials:error\">1</td>"), std::string::npos);
  EXPECT_NE(html.find("data-pack=\"credentials\" data-level=\"error\""), std::string::npos);
}

TEST(FinishSnippets, ContextLinesAroundTheFindingWithEverySecretRedacted) {
  const std::string text =
      "import os\n"
      "PASSWORD = 'hunter2hunter2'\n"
      "x = 1\n"
      "TOKEN = 'ghp_abcdefghijklmnop'\n"
      "y = 2\n";
  const LineIndex lines(text);
  const auto span_of = [&](std::string_view secret) {
    const auto at = static_cast<std::uint32_t>(text.find(secret));
    return std::pair<std::uint32_t, std::uint32_t>{at, at + static_cast<std::uint32_t>(secret.size())};
  };
  std::vector<Finding> findings(2);
  const auto token = span_of("ghp_abcdefghijklmnop");
  findings[0].region = {4, 10, 4, 30, token.first, token.second};
  findings[0].snippet = "TOKEN = 'ghp_abcdefghijklmnop'";  // as a match_file call that did not see the token made it
  findings[1].region = {1, 1, 1, 3, 0, 2};
  findings[1].snippet = "import os";
  finish_snippets(text, lines, {span_of("ghp_abcdefghijklmnop"), span_of("hunter2hunter2")}, 2, false, findings);
  EXPECT_EQ(findings[0].context_before, (std::vector<std::string>{"PASSWORD = 'hun****'", "x = 1"}));
  EXPECT_EQ(findings[0].context_after, (std::vector<std::string>{"y = 2"})) << "the empty line after the last newline is no code";
  EXPECT_EQ(findings[0].snippet, "TOKEN = 'ghp_****'") << "snippets are rendered again with every span of the file";
  EXPECT_TRUE(findings[1].context_before.empty());
  EXPECT_EQ(findings[1].context_after, (std::vector<std::string>{"PASSWORD = 'hun****'", "x = 1"}));
  finish_snippets(text, lines, {span_of("hunter2hunter2")}, 2, true, findings);
  EXPECT_EQ(findings[1].context_after[0], "PASSWORD = 'hunter2hunter2'") << "--show-secrets";

}

}  // namespace
}  // namespace citizenscan
