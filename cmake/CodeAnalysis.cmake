# Opt-in clang-tidy over our own targets: cmake -DENABLE_CLANG_TIDY=ON ...
option(ENABLE_CLANG_TIDY "Run clang-tidy (.clang-tidy) while compiling citizenscan's own code" OFF)
if(ENABLE_CLANG_TIDY)
  find_program(CLANG_TIDY_EXE NAMES clang-tidy clang-tidy-14 REQUIRED)
  set(CITIZENSCAN_CLANG_TIDY "${CLANG_TIDY_EXE}")
endif()
