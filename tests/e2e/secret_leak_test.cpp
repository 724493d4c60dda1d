// No output shows a secret unless --show-secrets asks for it: a tree full of secrets is scanned in
// every format the CLI offers (the list comes from report_formats() and inventory_format_names(),
// so a new format is covered the day it is added), plus baseline files, merged SARIF, and standard
// error with --stats and the progress line; every output is searched for every raw value, and for
// the part of it a redaction must never show (everything after the first four characters).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "citizenscan/inventory.h"
#include "citizenscan/report.h"
#include "harness.h"

namespace citizenscan::testing {
namespace {
namespace fs = std::filesystem;

// The raw values in the tree below; each must be a finding (checked with --show-secrets).
const std::vector<std::string> kSecrets = {
    "AKIAQ3EGRTY6KXMFZ7PN",
    "Zq8rT5mLp0w!",
    "Hv4tQ9zLw2xN!",
    "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",
    "Wq7zPm4Rx9Lt!",  // inline-ignored: still a secret, still redacted
    "sk_live_51Hx9QwErTyUiOp7AsDfGhJkLz",
    "Spr1ngP4ss7x",
    "xoxb-16000938668-5058529912491-SzQ1zY0BPsJz49BfqiSrrqYC",
    "xceqr%Cj7SQP",
    "Gm4ilAppP4ssw0rdXy",
    "xoxb-27000938668-6058529912491-TzQ1zY0BPsJz49BfqiSrrqYD",
};

void write_tree(const TempTree& tree) {
  tree.write("tools/app.py",
             "import os\n"
             "import psycopg2\n"
             "\n"
             "AWS_KEY = \"AKIAQ3EGRTY6KXMFZ7PN\"\n"
             "DB_PASSWORD = 'Zq8rT5mLp0w!'\n"
             "connect(password='Hv4tQ9zLw2xN!', api_key='Kp3Wm8Rt6Yv1Zq4Xs7Nb')\n"
             "GH = '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'\n"
             "# citizenscan:ignore credentials/hardcoded-password -- rotated in March, kept for the migration\n"
             "LEGACY_PASSWORD = 'Wq7zPm4Rx9Lt!'\n"
             "cur = psycopg2.connect(os.environ[\"DSN\"]).cursor()\n"
             // An embedded-SQL finding on the line of a secret a host rule finds: each snippet must
             // redact secrets found by either.
             "cur.execute(\"DELETE FROM staging\"); STRIPE_KEY = \"sk_live_51Hx9QwErTyUiOp7AsDfGhJkLz\"\n"
             "for customer in customers:\n"
             "    cur.execute(\"SELECT * FROM invoices WHERE id = %s\", (customer,))\n");
  tree.write(".env",
             "DATABASE_URL=postgres://report_bot:Spr1ngP4ss7x@db.internal:5432/finance\n"
             "SLACK_BOT_TOKEN=xoxb-16000938668-5058529912491-SzQ1zY0BPsJz49BfqiSrrqYC\n");
  tree.write("sync/config.yaml", "database:\n  user: sync\n  password: \"xceqr%Cj7SQP\"\n");
  tree.write("sync/mailer.js",
             "const nodemailer = require('nodemailer');\n"
             "const transport = nodemailer.createTransport({\n"
             "  service: 'gmail',\n"
             "  auth: { user: 'ops.bot@gmail.com', pass: 'Gm4ilAppP4ssw0rdXy' },\n"
             "});\n");
  // Minified: not parsed, a note says so, and its text rules still run.
  tree.write("sync/dist/app.min.js", "var a=1;var t=\"xoxb-27000938668-6058529912491-TzQ1zY0BPsJz49BfqiSrrqYD\";\n");
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every raw value, and every value's unredactable part, must be absent from `text`.
void expect_no_secret(const std::string& what, const std::string& text) {
  EXPECT_FALSE(text.empty()) << what << " wrote nothing: nothing was checked";
  for (const std::string& secret : kSecrets) {
    EXPECT_EQ(text.find(secret), std::string::npos) << what << " shows the secret " << secret;
    EXPECT_EQ(text.find(secret.substr(4)), std::string::npos) << what << " shows part of the secret " << secret;
  }
}

TEST(SecretLeaks, NoOutputShowsASecretByDefault) {
  TempTree tree("SecretLeaksNoOutputShowsASecretByDefault");
  write_tree(tree);

  // The tree is what it claims: with --show-secrets, every value is there.
  const RunResult shown = run_citizenscan({"scan", "--show-secrets", "-f", "json", "."}, tree.path());
  for (const std::string& secret : kSecrets) {
    EXPECT_NE(shown.out.find(secret), std::string::npos) << secret << " is not a finding: the test would prove nothing";
  }

  ASSERT_GE(report_formats().size(), 6u);
  for (const ReportFormatInfo& format : report_formats()) {
    const std::string name(format.name);
    const RunResult run =
        run_citizenscan({"scan", "-f", name, "--stats", "--progress", "always", "."}, tree.path());
    EXPECT_EQ(run.exit_code, 1) << name << ": " << run.err;
    expect_no_secret("scan -f " + name, run.out);
    expect_no_secret("scan -f " + name + " (stderr, --stats)", run.err);
    const fs::path file = tree.path() / ("report." + name);
    EXPECT_EQ(run_citizenscan({"scan", "-f", name, "-o", file.string(), "."}, tree.path()).exit_code, 1);
    expect_no_secret("scan -f " + name + " -o FILE", read_file(file));
    fs::remove(file);
  }

  const fs::path shard = tree.path() / "shard.sarif";
  run_citizenscan({"scan", "-f", "sarif", "-o", shard.string(), "."}, tree.path());
  const RunResult merged = run_citizenscan({"merge", shard.string()}, tree.path());
  expect_no_secret("merge", merged.out + merged.err);
  fs::remove(shard);

  const fs::path baseline = tree.path() / "baseline.json";
  const RunResult created = run_citizenscan({"baseline", "create", "--stats", "-o", baseline.string(), "."}, tree.path());
  EXPECT_EQ(created.exit_code, 0) << created.err;
  expect_no_secret("baseline create (file)", read_file(baseline));
  expect_no_secret("baseline create (stdout, stderr)", created.out + created.err);
  const RunResult baselined = run_citizenscan({"scan", "--baseline", baseline.string(), "-f", "json", "."}, tree.path());
  expect_no_secret("scan --baseline", baselined.out + baselined.err);
  fs::remove(baseline);

  for (const std::string& name : inventory_format_names()) {
    const RunResult run = run_citizenscan({"inventory", "--no-git", "-f", name, "."}, tree.path());
    expect_no_secret("inventory -f " + name, run.out + run.err);
  }
}

}  // namespace
}  // namespace citizenscan::testing
