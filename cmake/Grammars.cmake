# Fetch (via scripts/fetch-grammars.sh: npm pack + integrity check) and compile the pinned
# tree-sitter core and grammars listed in grammars/manifest.txt. Nothing from the tarballs is in the
# source tree; they live in CITIZENSCAN_CACHE (default ~/.cache/citizenscan).
if(DEFINED ENV{CITIZENSCAN_CACHE})
  set(_default_cache "$ENV{CITIZENSCAN_CACHE}")
else()
  set(_default_cache "$ENV{HOME}/.cache/citizenscan")
endif()
set(CITIZENSCAN_CACHE "${_default_cache}" CACHE PATH "Where pinned npm tarballs are cached and unpacked")

execute_process(
  COMMAND "${CMAKE_CURRENT_SOURCE_DIR}/scripts/fetch-grammars.sh" "${CITIZENSCAN_CACHE}" core grammar
  RESULT_VARIABLE _fetch_result)
if(NOT _fetch_result EQUAL 0)
  message(FATAL_ERROR "citizenscan: fetching the pinned tree-sitter tarballs failed (see the message "
                      "above: it names the package and the fix). Manifest: grammars/manifest.txt")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${CMAKE_CURRENT_SOURCE_DIR}/grammars/manifest.txt")

set(_pkg "${CITIZENSCAN_CACHE}/pkg")
set(TS_CORE_DIR "${_pkg}/tree-sitter-0.25.1/vendor/tree-sitter/lib")
foreach(_required "${TS_CORE_DIR}/src/lib.c" "${_pkg}/tree-sitter-python-0.25.0/src/parser.c"
        "${_pkg}/tree-sitter-javascript-0.25.0/src/parser.c"
        "${_pkg}/derekstride-tree-sitter-sql-0.3.11/src/parser.c")
  if(NOT EXISTS "${_required}")
    message(FATAL_ERROR "citizenscan: ${_required} is missing from the grammar cache. "
                        "Delete ${CITIZENSCAN_CACHE}/pkg and reconfigure to unpack it again.")
  endif()
endforeach()

# The core is compiled as one unit from lib.c, as its build intends.
add_library(ts_core STATIC "${TS_CORE_DIR}/src/lib.c")
target_include_directories(ts_core SYSTEM PUBLIC "${TS_CORE_DIR}/include"
                                         PRIVATE "${TS_CORE_DIR}/src" "${TS_CORE_DIR}/src/wasm")
target_compile_options(ts_core PRIVATE -w)
target_compile_definitions(ts_core PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
set_target_properties(ts_core PROPERTIES POSITION_INDEPENDENT_CODE ON)

# citizenscan_grammar(TARGET DIR [SCANNER FILE]): the tarball's parser.c and its scanner.c, or our
# own external scanner FILE instead (the file's header says why).
function(citizenscan_grammar target dir)
  cmake_parse_arguments(PARSE_ARGV 2 _grammar "" "SCANNER" "")
  set(_sources "${dir}/src/parser.c")
  if(_grammar_SCANNER)
    list(APPEND _sources "${_grammar_SCANNER}")
  elseif(EXISTS "${dir}/src/scanner.c")
    list(APPEND _sources "${dir}/src/scanner.c")
  endif()
  add_library(${target} STATIC ${_sources})
  target_include_directories(${target} SYSTEM PRIVATE "${dir}/src")
  target_compile_options(${target} PRIVATE -w -O2)
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()

citizenscan_grammar(ts_python "${_pkg}/tree-sitter-python-0.25.0")
citizenscan_grammar(ts_javascript "${_pkg}/tree-sitter-javascript-0.25.0")
citizenscan_grammar(ts_sql "${_pkg}/derekstride-tree-sitter-sql-0.3.11"
                    SCANNER "${PROJECT_SOURCE_DIR}/grammars/sql_scanner.c")
