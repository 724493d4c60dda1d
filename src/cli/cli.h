#pragma once

namespace citizenscan::cli {

// Exit codes: 0 no findings at or above --fail-on; 1 findings; 2 usage, rule-pack or output
// errors, or a scan that could not cover every target (error diagnostics).
int run(int argc, char** argv);

}  // namespace citizenscan::cli
