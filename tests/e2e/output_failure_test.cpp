// Reports that cannot be written: the run exits 2 with a message naming the output and the reason,
// leaves no partial or temporary file, and a previous report at the same path stays as it was. A
// reader that closes standard output early (`| head`) is not a failure of ours: no crash, no
// "Broken pipe" noise, the usual exit code.
#include <gtest/gtest.h>

#include <sys/mount.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "harness.h"

namespace citizenscan::testing {
namespace {
namespace fs = std::filesystem;

const std::string kPrevious = "the previous report\n";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A tree whose report is large in every format (3,000 findings: about 0.5 MB of text, 1.5 MB of
// SARIF), so a write cannot fit in a pipe buffer or a small file system.
void write_noisy_tree(const TempTree& tree) {
  std::string many;
  for (int i = 0; i < 3000; ++i) many += "KEY_" + std::to_string(i) + " = \"AKIAQ3EGRTY6KXMFZ7PN\"\n";
  tree.write("src/many.py", many);
}

// The names in `folder`, to show that nothing (no .report.tmp.XXXXXX) was left beside the report.
std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(OutputFailure, AMissingFolderFailsBeforeScanningAndCreatesNothing) {
  TempTree tree("AMissingFolderFailsBeforeScanningAndCreatesNothing");
  write_noisy_tree(tree);
  const RunResult run = run_citizenscan({"scan", "src", "-f", "sarif", "-o", "no-such-dir/report.sarif"}, tree.path());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "citizenscan: cannot write no-such-dir/report.sarif: directory no-such-dir does not exist\n");
  EXPECT_EQ(run.out, "");
  EXPECT_FALSE(fs::exists(tree.path() / "no-such-dir"));
}

TEST(OutputFailure, AReadOnlyFolderKeepsThePreviousReport) {
  if (!can_run_unprivileged()) GTEST_SKIP() << "running as root without setpriv";
  TempTree tree("AReadOnlyFolderKeepsThePreviousReport");
  write_noisy_tree(tree);
  tree.write("out/report.sarif", kPrevious);
  fs::permissions(tree.path(), fs::perms::all);
  fs::permissions(tree.path() / "src", fs::perms::all);
  fs::permissions(tree.path() / "src/many.py", fs::perms::all);
  fs::permissions(tree.path() / "out", fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                          fs::perms::others_read | fs::perms::others_exec);  // 0755: others cannot write
  const RunResult run =
      run_citizenscan_unprivileged({"scan", "src", "-f", "sarif", "-o", "out/report.sarif"}, tree.path());
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_EQ(run.err, "citizenscan: cannot write out/report.sarif: Permission denied\n");
  EXPECT_EQ(slurp(tree.path() / "out/report.sarif"), kPrevious);
  EXPECT_EQ(names_in(tree.path() / "out"), std::vector<std::string>{"report.sarif"});
}

TEST(OutputFailure, DevFullAsReportOrStandardOutputExitsTwo) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  TempTree tree("DevFullAsReportOrStandardOutputExitsTwo");
  write_noisy_tree(tree);
  const RunResult file = run_citizenscan({"scan", "src", "-f", "json", "-o", "/dev/full"}, tree.path());
  EXPECT_EQ(file.exit_code, 2);
  EXPECT_EQ(file.err, "citizenscan: cannot write /dev/full: No space left on device\n");
  EXPECT_TRUE(fs::is_character_file("/dev/full")) << "a device is written in place, never replaced";
  for (const std::string format : {"text", "jsonl"}) {
    const RunResult out = run_bash("\"$CITIZENSCAN\" scan src -f " + format + " >/dev/full", tree.path());
    EXPECT_EQ(out.exit_code, 2) << format;
    EXPECT_EQ(out.err, "citizenscan: writing to standard output failed: No space left on device\n") << format;
  }
  const RunResult closed = run_bash("\"$CITIZENSCAN\" scan src >&-", tree.path());
  EXPECT_EQ(closed.exit_code, 2);
  EXPECT_EQ(closed.err, "citizenscan: writing to standard output failed: Bad file descriptor\n");
}

// A file system that fills up while the report is written: a 256 KiB tmpfs (mounting needs root).
TEST(OutputFailure, AFullFileSystemKeepsThePreviousReport) {
  TempTree tree("AFullFileSystemKeepsThePreviousReport");
  write_noisy_tree(tree);
  const fs::path mount_point = tree.path() / "small";
  fs::create_directory(mount_point);
  if (::geteuid() != 0 || ::mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=256k") != 0) {
    GTEST_SKIP() << "cannot mount a small tmpfs here (needs root)";
  }
  struct Unmount {
    fs::path path;
    ~Unmount() { ::umount(path.c_str()); }
  } unmount{mount_point};
  tree.write("small/report.sarif", kPrevious);
  tree.write("small/report.jsonl", kPrevious);
  for (const std::string format : {"sarif", "jsonl"}) {  // written whole at the end / streamed during the scan
    const std::string target = "small/report." + format;
    const RunResult run = run_citizenscan({"scan", "src", "-f", format, "-o", target}, tree.path());
    EXPECT_EQ(run.exit_code, 2) << format << "\n" << run.err;
    EXPECT_EQ(run.err, "citizenscan: cannot write " + target + ": No space left on device\n") << format;
    EXPECT_EQ(slurp(tree.path() / target), kPrevious) << format;
  }
  EXPECT_EQ(names_in(mount_point), (std::vector<std::string>{"report.jsonl", "report.sarif"}));
  // The same scan fits once there is room: the failure was the space, not the scan.
  const RunResult small = run_citizenscan({"scan", "src", "-f", "json", "--no-builtin-rules", "--rules",
                                           CITIZENSCAN_SOURCE_DIR "/rules/db-loops.json", "-o", "small/clean.json"},
                                          tree.path());
  EXPECT_EQ(small.exit_code, 0) << small.err;
  EXPECT_NE(slurp(mount_point / "clean.json").find("\"findings\": []"), std::string::npos);
}

// A file size limit (ulimit -f) fails the write the same way, for any user; SIGXFSZ must not kill
// the process before it has removed its temporary file.
TEST(OutputFailure, AFileSizeLimitKeepsThePreviousReport) {
  TempTree tree("AFileSizeLimitKeepsThePreviousReport");
  write_noisy_tree(tree);
  tree.write("out/report.json", kPrevious);
  const RunResult run = run_bash("ulimit -f 64 && \"$CITIZENSCAN\" scan src -f json -o out/report.json", tree.path());
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(run.err, "citizenscan: cannot write out/report.json: File too large\n");
  EXPECT_EQ(slurp(tree.path() / "out/report.json"), kPrevious);
  EXPECT_EQ(names_in(tree.path() / "out"), std::vector<std::string>{"report.json"});
}

// `citizenscan scan | head -1`: the reader leaves after one line while megabytes are still coming.
TEST(OutputFailure, AReaderThatStopsEarlyIsNoCrashAndNoNoise) {
  TempTree tree("AReaderThatStopsEarlyIsNoCrashAndNoNoise");
  write_noisy_tree(tree);
  for (const std::string format : {"text", "json", "jsonl", "sarif"}) {
    const RunResult run =
        run_bash("\"$CITIZENSCAN\" scan src -f " + format + " | head -1; exit \"${PIPESTATUS[0]}\"", tree.path());
    EXPECT_EQ(run.exit_code, 1) << format << ": the findings decide, as if the report had been read\n" << run.err;
    EXPECT_EQ(run.err, "") << format;
    EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 1) << format;
  }
}

}  // namespace
}  // namespace citizenscan::testing
