# -DCITIZENSCAN_FUZZ=ON (clang only; off by default): builds the libFuzzer targets in tests/fuzz.
# Every target in the build, tree-sitter and the grammars included, gets libFuzzer's coverage
# instrumentation, so the fuzzer is guided by the branches of the parsers our code drives too.
# Use it in a build folder of its own together with -DCITIZENSCAN_SANITIZE=address,undefined;
# bench/fuzz/run.sh does exactly that.
option(CITIZENSCAN_FUZZ "Build the libFuzzer targets in tests/fuzz (needs clang)" OFF)
if(CITIZENSCAN_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR NOT CMAKE_C_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CITIZENSCAN_FUZZ needs clang for C and C++ (libFuzzer is part of clang): "
                        "configure with -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
