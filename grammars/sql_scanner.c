// The external scanner of the SQL grammar (derekstride tree-sitter-sql, grammars/manifest.txt),
// written here and compiled instead of the tarball's src/scanner.c. That one leaks: deserialize
// drops a start tag still held without freeing it, and a dollar string whose tag equals the open
// one returns without freeing the tag it read. Every PL/pgSQL function body ($$ ... $$) in a scan
// leaked a few bytes (found by bench/fuzz/run.sh, file_scan target, on testdata/ itself). This one
// allocates nothing: the open tag lives in the scanner state, read tags on the stack.
//
// The tokens and how they are recognised are the grammar's (parser.c calls these five functions):
//   a tag is '$', then characters other than '$', whitespace and end of input, then '$'; reading
//   one consumes what it looked at, also when it turns out not to be a tag;
//   DOLLAR_QUOTED_STRING_START_TAG  a tag, when no tag is open: it becomes the open tag;
//   DOLLAR_QUOTED_STRING_END_TAG    the open tag again: it closes;
//   DOLLAR_QUOTED_STRING            a whole $tag$ ... $tag$ string in one token (a tag equal to the
//                                   open one is not a string start: it is the END_TAG's).
// One difference: a tag longer than kMaxTagLength code points is not a tag (the original keeps any
// length while scanning, but drops tags that do not fit tree-sitter's serialization buffer).
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "tree_sitter/parser.h"

enum TokenType { DOLLAR_QUOTED_STRING_START_TAG, DOLLAR_QUOTED_STRING_END_TAG, DOLLAR_QUOTED_STRING };

// Code points of a tag, the two '$' included; serialized as int32 values.
enum { kMaxTagLength = TREE_SITTER_SERIALIZATION_BUFFER_SIZE / sizeof(int32_t) };

typedef struct {
  int32_t text[kMaxTagLength];
  unsigned length;  // 0: none
} Tag;

typedef struct {
  Tag open;  // the start tag of the dollar-quoted body being parsed, if any
} Scanner;

static bool same_tag(const Tag *a, const Tag *b) {
  return a->length == b->length && memcmp(a->text, b->text, a->length * sizeof(int32_t)) == 0;
}

typedef enum { NO_TAG, TAG, LONG_TAG } TagRead;

// Reads a tag at the lookahead into *tag. NO_TAG (with what it looked at consumed) when there is
// none; LONG_TAG for a tag too long to keep, which then equals no other.
static TagRead read_tag(TSLexer *lexer, Tag *tag) {
  tag->length = 0;
  if (lexer->lookahead != '$') return NO_TAG;
  bool fits = true;
  do {
    if (tag->length < kMaxTagLength) {
      tag->text[tag->length++] = lexer->lookahead;
    } else {
      fits = false;
    }
    lexer->advance(lexer, false);
  } while (lexer->lookahead != '$' && !iswspace((wint_t)lexer->lookahead) && !lexer->eof(lexer));
  if (lexer->lookahead != '$') return NO_TAG;
  if (tag->length < kMaxTagLength) {
    tag->text[tag->length++] = '$';
  } else {
    fits = false;
  }
  lexer->advance(lexer, false);
  return fits ? TAG : LONG_TAG;
}

static void skip_whitespace(TSLexer *lexer) {
  while (iswspace((wint_t)lexer->lookahead)) lexer->advance(lexer, true);
}

void *tree_sitter_sql_external_scanner_create(void) { return calloc(1, sizeof(Scanner)); }

void tree_sitter_sql_external_scanner_destroy(void *payload) { free(payload); }

bool tree_sitter_sql_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid_symbols) {
  Scanner *scanner = (Scanner *)payload;
  Tag tag;
  if (valid_symbols[DOLLAR_QUOTED_STRING_START_TAG] && scanner->open.length == 0) {
    skip_whitespace(lexer);
    if (read_tag(lexer, &tag) != TAG) return false;
    scanner->open = tag;
    lexer->result_symbol = DOLLAR_QUOTED_STRING_START_TAG;
    return true;
  }
  if (valid_symbols[DOLLAR_QUOTED_STRING_END_TAG] && scanner->open.length != 0) {
    skip_whitespace(lexer);
    if (read_tag(lexer, &tag) != TAG || !same_tag(&tag, &scanner->open)) return false;
    scanner->open.length = 0;
    lexer->result_symbol = DOLLAR_QUOTED_STRING_END_TAG;
    return true;
  }
  if (valid_symbols[DOLLAR_QUOTED_STRING]) {
    lexer->mark_end(lexer);
    skip_whitespace(lexer);
    Tag start;
    if (read_tag(lexer, &start) != TAG) return false;
    if (scanner->open.length != 0 && same_tag(&start, &scanner->open)) return false;
    while (!lexer->eof(lexer)) {
      const TagRead read = read_tag(lexer, &tag);
      if (read == NO_TAG) {
        lexer->advance(lexer, false);  // past what read_tag looked at, and one more
      } else if (read == TAG && same_tag(&tag, &start)) {
        lexer->mark_end(lexer);
        lexer->result_symbol = DOLLAR_QUOTED_STRING;
        return true;
      }
    }
    return false;
  }
  return false;
}

unsigned tree_sitter_sql_external_scanner_serialize(void *payload, char *buffer) {
  const Scanner *scanner = (const Scanner *)payload;
  const unsigned size = scanner->open.length * (unsigned)sizeof(int32_t);
  if (size != 0) memcpy(buffer, scanner->open.text, size);
  return size;
}

void tree_sitter_sql_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  Scanner *scanner = (Scanner *)payload;
  scanner->open.length = length / sizeof(int32_t);
  if (scanner->open.length > kMaxTagLength) scanner->open.length = 0;
  // tree-sitter passes a null buffer with length 0 (no token yet), and memcpy must not see one.
  if (scanner->open.length != 0) memcpy(scanner->open.text, buffer, scanner->open.length * sizeof(int32_t));
}
