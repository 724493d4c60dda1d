# -DCITIZENSCAN_SANITIZE=address,undefined (or thread): every target in the build, the grammars and
# tree-sitter included, is compiled and linked with these sanitizers, so a bad read in C code that
# our code drives is caught too. Empty (the default): no sanitizer. A sanitizer build belongs in its
# own build folder (see scripts/ and .ci/run).
set(CITIZENSCAN_SANITIZE "" CACHE STRING "Comma-separated sanitizers: address, undefined, thread (empty: none)")
if(CITIZENSCAN_SANITIZE)
  string(REPLACE "," ";" _sanitizers "${CITIZENSCAN_SANITIZE}")
  foreach(_sanitizer IN LISTS _sanitizers)
    if(NOT _sanitizer MATCHES "^(address|undefined|thread)$")
      message(FATAL_ERROR "CITIZENSCAN_SANITIZE: unknown sanitizer '${_sanitizer}' (address, undefined, thread)")
    endif()
  endforeach()
  if("thread" IN_LIST _sanitizers AND "address" IN_LIST _sanitizers)
    message(FATAL_ERROR "CITIZENSCAN_SANITIZE: thread and address cannot be combined")
  endif()
  # Any undefined behaviour is an error that stops the test, not a line in a log nobody reads.
  set(_flags "-fsanitize=${CITIZENSCAN_SANITIZE}" -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_compile_options(${_flags})
  add_link_options(${_flags})
endif()
