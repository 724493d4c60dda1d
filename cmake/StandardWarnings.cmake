# Warnings for our own code only (never for the compiled third-party grammar sources).
add_library(citizenscan_warnings INTERFACE)
target_compile_options(citizenscan_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused -Woverloaded-virtual
  -Wnull-dereference -Wimplicit-fallthrough)
