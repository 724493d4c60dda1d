# Compile the built-in rule packs (rules/*.json) into the binary as byte arrays.
file(GLOB CITIZENSCAN_PACKS CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/rules/*.json")
list(SORT CITIZENSCAN_PACKS)
set(CITIZENSCAN_BUILTIN_RULES_CPP "${PROJECT_BINARY_DIR}/generated/builtin_rules.cpp")
# A list argument would be split at ';' by add_custom_command; pass it '|'-separated instead.
string(REPLACE ";" "|" _packs_arg "${CITIZENSCAN_PACKS}")
add_custom_command(
  OUTPUT "${CITIZENSCAN_BUILTIN_RULES_CPP}"
  COMMAND ${CMAKE_COMMAND} -DOUTPUT=${CITIZENSCAN_BUILTIN_RULES_CPP} "-DPACKS=${_packs_arg}"
          -P "${PROJECT_SOURCE_DIR}/cmake/embed_rules_script.cmake"
  DEPENDS ${CITIZENSCAN_PACKS} "${PROJECT_SOURCE_DIR}/cmake/embed_rules_script.cmake"
  COMMENT "Embedding rule packs"
  VERBATIM)
