#pragma once

namespace citizenscan::cli {

// Exit codes: 0 no findings at or above --fail-on and a complete scan; 1 findings at or above
// --fail-on (even if the scan was incomplete); 2 usage, config, rule-pack or output errors, or,
// without such findings, an incomplete scan (a warning or error diagnostic; notes do not count).
int run(int argc, char** argv);

}  // namespace citizenscan::cli
