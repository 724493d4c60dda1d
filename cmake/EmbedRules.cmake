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

# The inventory's facts pack (rules/inventory/*.json): loaded only by `citizenscan inventory`.
file(GLOB CITIZENSCAN_FACT_PACKS CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/rules/inventory/*.json")
list(SORT CITIZENSCAN_FACT_PACKS)
set(CITIZENSCAN_FACT_PACKS_CPP "${PROJECT_BINARY_DIR}/generated/inventory_packs.cpp")
string(REPLACE ";" "|" _facts_arg "${CITIZENSCAN_FACT_PACKS}")
add_custom_command(
  OUTPUT "${CITIZENSCAN_FACT_PACKS_CPP}"
  COMMAND ${CMAKE_COMMAND} -DOUTPUT=${CITIZENSCAN_FACT_PACKS_CPP} "-DPACKS=${_facts_arg}" -DFUNCTION=inventory_packs
          -P "${PROJECT_SOURCE_DIR}/cmake/embed_rules_script.cmake"
  DEPENDS ${CITIZENSCAN_FACT_PACKS} "${PROJECT_SOURCE_DIR}/cmake/embed_rules_script.cmake"
  COMMENT "Embedding inventory fact packs"
  VERBATIM)
