// The citizenscan binary: all behaviour lives in the library; this only hands over argv.
#include "cli/cli.h"

int main(int argc, char** argv) { return citizenscan::cli::run(argc, argv); }
