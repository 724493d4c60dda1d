// suppress: inline ignore comments. On the finding's line or the line before, in any comment
// syntax of the file's language:
//
//   password = "hunter2hunter2"  # citizenscan:ignore credentials/hardcoded-password -- rotated, test db
//
// marks that finding suppressed (kind inSource) with the text after "--" as its justification.
// The rule id may be a pack wildcard ("credentials/*"). An ignore without a rule id or without a
// reason suppresses nothing and becomes a note diagnostic, so every ignore stays reviewable.
#pragma once

#include <vector>

#include "citizenscan/core.h"
#include "citizenscan/load.h"

namespace citizenscan {

// Marks findings (all from one file) suppressed where an inline ignore applies; malformed ignores
// are appended to `diagnostics` (path left empty for the caller to fill).
void apply_inline_ignores(std::string_view text, const LineIndex& lines, std::vector<Finding>& findings,
                          std::vector<Diagnostic>& diagnostics);

}  // namespace citizenscan
