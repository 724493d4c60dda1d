// End-to-end tests of the binary: output formats, SARIF schema, determinism, exit codes, atomic
// output, secret redaction, broken packs. Each test builds its own temp tree named after itself.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <sstream>

#include "../support/sarif_checks.h"
#include "harness.h"

namespace citizenscan::testing {
namespace {
namespace fs = std::filesystem;

const std::string kSecretFile = "import os\nAWS_KEY = \"AKIAQ3EGRTY6KXMFZ7PN\"\nregion = os.environ['AWS_REGION']\n";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(Cli, VersionPrintsNameAndVersion) {
  const RunResult run = run_citizenscan({"--version"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out.rfind("citizenscan 0.", 0), 0u) << run.out;
}

TEST(Cli, FindingsExitOneCleanTreeExitsZero) {
  TempTree tree("FindingsExitOneCleanTreeExitsZero");
  tree.write("clean/app.py", "print('hello')\n");
  tree.write("dirty/app.py", kSecretFile);
  EXPECT_EQ(run_citizenscan({"scan", (tree.path() / "clean").string()}).exit_code, 0);
  const RunResult dirty = run_citizenscan({"scan", (tree.path() / "dirty").string()});
  EXPECT_EQ(dirty.exit_code, 1) << dirty.out << dirty.err;
  EXPECT_EQ(run_citizenscan({"scan", "--fail-on", "none", (tree.path() / "dirty").string()}).exit_code, 0);
}

TEST(Cli, TextOutputNamesLocationRuleAndRedactsTheSecret) {
  TempTree tree("TextOutputNamesLocationRuleAndRedactsTheSecret");
  tree.write("app.py", kSecretFile);
  const RunResult run = run_citizenscan({"scan", "--color", "never", "app.py"}, tree.path());
  EXPECT_NE(run.out.find("app.py:2:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("credentials/aws-access-key-id"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("AKIAQ3EGRTY6KXMFZ7PN"), std::string::npos) << "secret leaked:\n" << run.out;
  const RunResult shown = run_citizenscan({"scan", "--show-secrets", "app.py"}, tree.path());
  EXPECT_NE(shown.out.find("AKIAQ3EGRTY6KXMFZ7PN"), std::string::npos) << shown.out;
}

// Issue 3: generic passwords in test files are warnings, provider tokens stay errors; messages name
// the identifier and the provider; two secrets on one line keep apart in their fingerprints.
TEST(Cli, Issue3CredentialsInTestFilesAndFingerprints) {
  TempTree tree("Issue3CredentialsInTestFilesAndFingerprints");
  const std::string body =
      "DB_PASSWORD = 'Zq8rT5mLp0w!'\n"
      "GH = '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'\n"
      "connect(password='Hv4tQ9zLw2xN!', api_key='Kp3Wm8Rt6Yv1Zq4Xs7Nb')\n";
  tree.write("app.py", body);
  tree.write("tests/test_app.py", body);
  const RunResult run = run_citizenscan({"scan", "-f", "json", "--no-builtin-rules", "--rules",
                                         CITIZENSCAN_SOURCE_DIR "/rules/credentials.json", "."}, tree.path());
  ASSERT_EQ(run.exit_code, 1) << run.err;
  const auto report = nlohmann::json::parse(run.out);
  std::map<std::string, std::string> level;  // "path:line:rule" -> level
  std::map<std::string, std::string> message;
  std::vector<std::string> line3_fingerprints;
  for (const auto& f : report["findings"]) {
    const std::string key = f["relative_path"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()) + ":" +
                            f["rule_id"].get<std::string>();
    level[key] = f["level"].get<std::string>();
    message[key] = f["message"].get<std::string>();
    if (f["relative_path"] == "app.py" && f["line"] == 3) line3_fingerprints.push_back(f["fingerprint"]);
  }
  EXPECT_EQ(level["app.py:1:credentials/hardcoded-password"], "error");
  EXPECT_EQ(level["tests/test_app.py:1:credentials/hardcoded-password"], "warning");
  EXPECT_EQ(level["app.py:2:credentials/github-token"], "error");
  EXPECT_EQ(level["tests/test_app.py:2:credentials/github-token"], "error");
  EXPECT_NE(message["app.py:1:credentials/hardcoded-password"].find("DB_PASSWORD"), std::string::npos);
  EXPECT_EQ(message["app.py:2:credentials/github-token"], "`GH` holds a GitHub token `ghp_****`")
      << "a provider finding names the variable holding the token";
  EXPECT_NE(message["app.py:1:credentials/hardcoded-password"].find("`Zq8****`"), std::string::npos);
  EXPECT_EQ(run.out.find("Zq8rT5mLp0w"), std::string::npos) << "secret leaked";
  ASSERT_EQ(line3_fingerprints.size(), 2u) << run.out;
  EXPECT_NE(line3_fingerprints[0], line3_fingerprints[1]);
}

TEST(Cli, SarifOfAllTestdataValidatesAgainstTheOfficialSchema) {
  const fs::path schema = fs::path(CITIZENSCAN_CACHE) / "pkg/microsoft-sarif-multitool-linux-5.7.0/sarif-2.1.0.json";
  ASSERT_TRUE(fs::exists(schema)) << schema << " is missing: scripts/setup.sh fetches it (role 'test' in grammars/manifest.txt)";
  ASSERT_TRUE(fs::exists("/usr/bin/python3")) << "python3 is installed by scripts/setup.sh";
  TempTree out("SarifOfAllTestdataValidatesAgainstTheOfficialSchema");
  const fs::path report = out.path() / "report.sarif";
  const RunResult run = run_citizenscan({"scan", "--no-ignore", "-f", "sarif", "-o", report.string(), "testdata"});
  ASSERT_TRUE(run.exit_code == 0 || run.exit_code == 1) << run.err;
  const auto sarif = nlohmann::json::parse(read_file(report));
  EXPECT_FALSE(sarif["runs"][0]["results"].empty()) << "the schema test must see real results";
  EXPECT_EQ(sarif_problems(read_file(report)), std::vector<std::string>{});
  const std::string command = "/usr/bin/python3 '" CITIZENSCAN_SOURCE_DIR "/tests/e2e/validate_sarif.py' '" +
                              schema.string() + "' '" + report.string() + "' 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  const int status = ::pclose(pipe);
  EXPECT_EQ(WEXITSTATUS(status), 0) << output;
  EXPECT_NE(output.find("valid"), std::string::npos) << output;
}

TEST(Cli, SarifShapeForCodeScanning) {
  TempTree tree("SarifShapeForCodeScanning");
  tree.write("src/app.py", kSecretFile);
  const RunResult run = run_citizenscan({"scan", "-f", "sarif", tree.path().string()});
  const auto sarif = nlohmann::json::parse(run.out);
  const auto& result = sarif["runs"][0]["results"][0];
  const auto& rules = sarif["runs"][0]["tool"]["driver"]["rules"];
  EXPECT_EQ(rules[result["ruleIndex"].get<int>()]["id"], result["ruleId"]);
  const auto& location = result["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "src/app.py");
  EXPECT_EQ(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(location["region"]["startLine"], 2);
  EXPECT_GE(location["region"]["startColumn"].get<int>(), 1);
  EXPECT_TRUE(result["partialFingerprints"].contains("citizenscan/v1"));
  EXPECT_TRUE(sarif["runs"][0]["invocations"][0]["executionSuccessful"].get<bool>());
}

TEST(Cli, OutputIsIdenticalForOneAndFourJobs) {
  for (const std::string format : {"text", "json", "sarif"}) {
    const RunResult one = run_citizenscan({"scan", "--no-ignore", "-j", "1", "-f", format, "testdata"});
    const RunResult four = run_citizenscan({"scan", "--no-ignore", "-j", "4", "-f", format, "testdata"});
    EXPECT_EQ(one.exit_code, four.exit_code);
    EXPECT_FALSE(one.out.empty());
    EXPECT_TRUE(one.out == four.out) << format << " output differs between --jobs 1 and --jobs 4";
  }
}

TEST(Cli, OutputFileIsWrittenAtomicallyAndMissingDirectoryIsAnError) {
  TempTree tree("OutputFileIsWrittenAtomicallyAndMissingDirectoryIsAnError");
  tree.write("app.py", kSecretFile);
  const fs::path report = tree.path() / "report.json";
  EXPECT_EQ(run_citizenscan({"scan", "-f", "json", "-o", report.string(), "app.py"}, tree.path()).exit_code, 1);
  EXPECT_NO_THROW((void)nlohmann::json::parse(read_file(report)));
  const RunResult missing = run_citizenscan({"scan", "-o", (tree.path() / "nope/r.json").string(), "app.py"}, tree.path());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("does not exist"), std::string::npos) << missing.err;
  for (const auto& entry : fs::directory_iterator(tree.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp."), std::string::npos) << "leftover " << entry.path();
  }
}

TEST(Cli, MissingTargetIsAnErrorButOtherTargetsAreScanned) {
  TempTree tree("MissingTargetIsAnErrorButOtherTargetsAreScanned");
  tree.write("app.py", kSecretFile);
  tree.write("clean.py", "x = 1\n");
  // The finding decides the exit code (1); the missing target is an error diagnostic in the report.
  const RunResult run = run_citizenscan({"scan", "-f", "json", "app.py", "missing.py"}, tree.path());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const auto report = nlohmann::json::parse(run.out);
  EXPECT_EQ(report["findings"].size(), 1u);
  EXPECT_EQ(report["complete"], false);
  EXPECT_NE(run.out.find("missing.py"), std::string::npos);
  // Without findings the incomplete scan is not clean: 2.
  const RunResult clean = run_citizenscan({"scan", "-f", "json", "clean.py", "missing.py"}, tree.path());
  EXPECT_EQ(clean.exit_code, 2) << clean.err;
  EXPECT_EQ(nlohmann::json::parse(clean.out)["findings"].size(), 0u);
}

TEST(Cli, BrokenRulePackFailsBeforeScanningWithFileRuleAndOffset) {
  TempTree tree("BrokenRulePackFailsBeforeScanningWithFileRuleAndOffset");
  tree.write("bad.json", R"({"pack": "custom", "rules": [{"id": "custom/bad-query", "name": "B",
    "shortDescription": "s", "fullDescription": "f", "help": "h", "severity": "note",
    "securitySeverity": 1.0, "precision": "low", "languages": ["python"], "message": "m",
    "matchers": [{"query": "(call function: (identifier) @f"}]}]})");
  tree.write("app.py", "x = 1\n");
  const RunResult run = run_citizenscan({"scan", "--rules", "bad.json", "app.py"}, tree.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("bad.json"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("custom/bad-query"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("byte offset"), std::string::npos) << run.err;
  EXPECT_TRUE(run.out.empty());
}

TEST(Cli, CustomPackAddsRules) {
  TempTree tree("CustomPackAddsRules");
  tree.write("extra.json", R"J({"pack": "custom", "rules": [{"id": "custom/todo-comment", "name": "Todo",
    "shortDescription": "s", "fullDescription": "f", "help": "h", "severity": "note",
    "securitySeverity": 1.0, "precision": "low", "languages": ["python"], "message": "comment {c}",
    "literals": ["todo"], "matchers": [{"query": "((comment) @c (#match? @c \"TODO\"))"}]}]})J");
  tree.write("app.py", "# TODO: rotate\nx = 1  # fine\n");
  const RunResult run = run_citizenscan({"scan", "-f", "json", "--rules", "extra.json", "app.py"}, tree.path());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const auto report = nlohmann::json::parse(run.out);
  ASSERT_EQ(report["findings"].size(), 1u);
  EXPECT_EQ(report["findings"][0]["rule_id"], "custom/todo-comment");
  EXPECT_EQ(report["findings"][0]["line"], 1);
}

TEST(Cli, InlineIgnoreSuppressesWithReasonAndStaysInSarif) {
  TempTree tree("InlineIgnoreSuppressesWithReasonAndStaysInSarif");
  tree.write("app.py",
             "# citizenscan:ignore credentials/aws-access-key-id -- revoked key kept for the tutorial\n"
             "AWS_KEY = \"AKIAQ3EGRTY6KXMFZ7PN\"\n");
  EXPECT_EQ(run_citizenscan({"scan", "app.py"}, tree.path()).exit_code, 0);
  const auto sarif = nlohmann::json::parse(run_citizenscan({"scan", "-f", "sarif", "app.py"}, tree.path()).out);
  const auto& suppression = sarif["runs"][0]["results"][0]["suppressions"][0];
  EXPECT_EQ(suppression["kind"], "inSource");
  EXPECT_EQ(suppression["justification"], "revoked key kept for the tutorial");
  EXPECT_EQ(run_citizenscan({"scan", "--no-inline-ignores", "app.py"}, tree.path()).exit_code, 1);
}

TEST(Cli, RulesListAndExplain) {
  const RunResult list = run_citizenscan({"rules"});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("credentials/aws-access-key-id"), std::string::npos);
  const RunResult explain = run_citizenscan({"rules", "explain", "credentials/aws-access-key-id"});
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_NE(explain.out.find("# credentials/aws-access-key-id"), std::string::npos);
  EXPECT_EQ(explain.out.find("in test files"), std::string::npos) << explain.out;  // same level everywhere
  const RunResult password = run_citizenscan({"rules", "explain", "credentials/hardcoded-password"});
  EXPECT_NE(password.out.find("Severity: error (warning in test files)"), std::string::npos) << password.out;
  EXPECT_EQ(run_citizenscan({"rules", "explain", "credentials/nope"}).exit_code, 2);
}

TEST(Cli, BinaryAndOversizedFilesAreDiagnosticsNotSilence) {
  TempTree tree("BinaryAndOversizedFilesAreDiagnosticsNotSilence");
  tree.write("bin.py", std::string("x = 1\0\0\0", 8));
  tree.write("big.py", std::string(4096, '#') + "\n");
  tree.write("app.py", kSecretFile);
  const RunResult run = run_citizenscan({"scan", "-f", "json", "--max-file-size", "1K", "."}, tree.path());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const auto report = nlohmann::json::parse(run.out);
  std::string diagnostics = report["diagnostics"].dump();
  EXPECT_NE(diagnostics.find("bin.py"), std::string::npos) << diagnostics;
  EXPECT_NE(diagnostics.find("big.py"), std::string::npos) << diagnostics;
  EXPECT_EQ(report["findings"].size(), 1u);
}

TEST(Cli, AppsScriptDetectedInClaspProject) {
  TempTree tree("AppsScriptDetectedInClaspProject");
  tree.write("tool/appsscript.json", R"({"timeZone": "Etc/UTC"})");
  tree.write("tool/Code.js", "var KEY = 'AKIAQ3EGRTY6KXMFZ7PN';\n");
  tree.write("node/index.js", "var KEY = 'AKIAQ3EGRTY6KXMFZ7PN';\n");
  const auto report = nlohmann::json::parse(run_citizenscan({"scan", "-f", "json", "."}, tree.path()).out);
  std::map<std::string, std::string> languages;
  for (const auto& f : report["findings"]) languages[f["relative_path"]] = f["language"];
  EXPECT_EQ(languages["tool/Code.js"], "appsscript");
  EXPECT_EQ(languages["node/index.js"], "javascript");
}

}  // namespace
}  // namespace citizenscan::testing

namespace citizenscan::testing {
namespace {

// Regression: -o onto a device or FIFO must write into it, never rename a temp file over it
// (that once replaced /dev/null with a regular file).
TEST(Cli, OutputToAFifoWritesIntoItAndKeepsIt) {
  TempTree tree("OutputToAFifoWritesIntoItAndKeepsIt");
  tree.write("app.py", kSecretFile);
  const fs::path fifo = tree.path() / "out.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // so the writer's open does not block
  ASSERT_GE(reader, 0);
  const RunResult run = run_citizenscan({"scan", "-f", "json", "-o", fifo.string(), "app.py"}, tree.path());
  EXPECT_EQ(run.exit_code, 1) << run.err;
  std::string received(65536, '\0');
  const ssize_t n = ::read(reader, received.data(), received.size());
  ::close(reader);
  ASSERT_GT(n, 0);
  received.resize(static_cast<std::size_t>(n));
  EXPECT_NE(received.find("credentials/aws-access-key-id"), std::string::npos);
  EXPECT_TRUE(fs::is_fifo(fifo)) << "the FIFO was replaced by a regular file";
}

}  // namespace
}  // namespace citizenscan::testing

namespace citizenscan::testing {
namespace {

// Unreadable files and folders are warnings, and the rest of the tree is still scanned. Root
// ignores permissions, so as root the binary runs as `nobody` through setpriv.
TEST(Cli, PermissionDeniedIsAWarningAndTheScanGoesOn) {
  if (!can_run_unprivileged()) GTEST_SKIP() << "running as root without setpriv";
  TempTree tree("PermissionDeniedIsAWarningAndTheScanGoesOn");
  tree.write("ok/app.py", kSecretFile);
  tree.write("locked-dir/app.py", kSecretFile);
  tree.write("locked-file.py", kSecretFile);
  fs::permissions(tree.path(), fs::perms::all);  // nobody must be able to enter the temp tree
  fs::permissions(tree.path() / "ok", fs::perms::all);
  fs::permissions(tree.path() / "ok/app.py", fs::perms::owner_all | fs::perms::others_read);
  fs::permissions(tree.path() / "locked-dir", fs::perms::none);
  fs::permissions(tree.path() / "locked-file.py", fs::perms::none);
  const RunResult run = run_citizenscan_unprivileged({"scan", "-f", "json", tree.path().string()}, "/");
  fs::permissions(tree.path() / "locked-dir", fs::perms::owner_all);
  fs::permissions(tree.path() / "locked-file.py", fs::perms::owner_all);
  ASSERT_EQ(run.exit_code, 1) << "a finding wins over the incomplete scan\n" << run.out << run.err;
  const auto report = nlohmann::json::parse(run.out);
  ASSERT_EQ(report["findings"].size(), 1u) << run.out;
  EXPECT_EQ(report["findings"][0]["relative_path"], "ok/app.py");
  const std::string diagnostics = report["diagnostics"].dump();
  EXPECT_NE(diagnostics.find("locked-dir"), std::string::npos) << diagnostics;
  EXPECT_NE(diagnostics.find("locked-file.py"), std::string::npos) << diagnostics;
  EXPECT_NE(diagnostics.find("Permission denied"), std::string::npos) << diagnostics;
}

TEST(Cli, OrgDomainThatIsNotADomainIsAnUsageError) {
  TempTree tree("OrgDomainThatIsNotADomainIsAnUsageError");
  tree.write("app.py", "print('hello')\n");
  const RunResult bad = run_citizenscan({"scan", "--org-domain", "jane@example.com", "."}, tree.path());
  EXPECT_EQ(bad.exit_code, 2) << bad.out << bad.err;
  EXPECT_NE(bad.err.find("--org-domain: 'jane@example.com' is not a domain name"), std::string::npos) << bad.err;
  const RunResult good =
      run_citizenscan({"scan", "--org-domain", "Example.com", "--org-domain", "@example.org", "."}, tree.path());
  EXPECT_EQ(good.exit_code, 0) << good.out << good.err;
}

// Issue 5: with --org-domain, a report mailed to a literal address outside the organisation is an
// error that says so; without it the same finding stays a warning and claims nothing about who is
// external, and a company recipient is never called external.
TEST(Cli, OrgDomainMakesExternalRecipientsMoreSevere) {
  TempTree tree("OrgDomainMakesExternalRecipientsMoreSevere");
  tree.write("Report.gs",
             "function sendReport() {\n"
             "  const pdf = SpreadsheetApp.getActive().getAs(MimeType.PDF);\n"
             "  GmailApp.sendEmail('cfo@partner-audit.com', 'Q3', 'Attached', { attachments: [pdf] });\n"
             "  GmailApp.sendEmail('cfo@example.com', 'Q3', 'Attached', { attachments: [pdf] });\n"
             "}\n");
  auto findings_of = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> args{"scan", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(".");
    const RunResult run = run_citizenscan(args, tree.path());
    EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
    std::map<int, std::pair<std::string, std::string>> by_line;  // line -> (level, message)
    const auto report = nlohmann::json::parse(run.out);
    for (const auto& f : report["findings"]) {
      if (f["rule_id"] == "personal-email/apps-script-report-attachment") {
        by_line[f["line"].get<int>()] = {f["level"].get<std::string>(), f["message"].get<std::string>()};
      }
    }
    return by_line;
  };
  const auto plain = findings_of({});
  ASSERT_EQ(plain.size(), 2u);
  for (const auto& [line, finding] : plain) {
    EXPECT_EQ(finding.first, "warning") << line;
    EXPECT_EQ(finding.second.find("external"), std::string::npos) << finding.second;
  }
  const auto org = findings_of({"--org-domain", "example.com"});
  ASSERT_EQ(org.size(), 2u);
  EXPECT_EQ(org.at(3).first, "error");
  EXPECT_NE(org.at(3).second.find("to the external address `'cfo@partner-audit.com'`"), std::string::npos) << org.at(3).second;
  EXPECT_EQ(org.at(4).first, "warning");
  EXPECT_EQ(org.at(4).second.find("external"), std::string::npos) << org.at(4).second;
}

}  // namespace
}  // namespace citizenscan::testing
