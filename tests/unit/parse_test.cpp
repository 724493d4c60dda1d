// parse: the SQL grammar's external scanner, which is ours (grammars/sql_scanner.c): dollar-quoted
// strings and function bodies. The tarball's scanner leaked the tags of PL/pgSQL bodies (found by
// bench/fuzz/run.sh, file_scan target, on testdata/db-loops/sql/plpgsql_jobs.sql: 810 bytes in
// 270 allocations for that one file). Under the sanitizer build (-DCITIZENSCAN_SANITIZE=address,
// undefined) LeakSanitizer fails these tests if the scanner leaks again, and UBSan if it hands
// memcpy the null buffer tree-sitter deserializes an empty state from (a mistake of the first
// version of ours, found by the rule_pack fuzz target); here they pin the trees it gives,
// which were compared with the tarball scanner's on every SQL file in testdata/ and 400 generated
// inputs (identical but for tags over 255 characters, see the scanner's header).
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "citizenscan/parse.h"

namespace citizenscan {
namespace {

std::string sql_tree(Parser& parser, std::string_view text) {
  ParseOutcome parsed = parser.parse(text, 0);
  EXPECT_TRUE(parsed.tree) << parsed.error;
  return parsed.tree ? tree_sexp(parsed.tree.get()) : "";
}

TEST(SqlScanner, DollarQuotedFunctionBody) {
  Parser parser(Grammar::Sql);
  EXPECT_EQ(sql_tree(parser, "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;"),
            "(program (statement (create_function (keyword_create) (keyword_function) (object_reference name: "
            "(identifier)) (function_arguments) (keyword_returns) (int (keyword_int)) (function_body (keyword_as) "
            "(dollar_quote) (statement (select (keyword_select) (select_expression (term value: (literal))))) "
            "(dollar_quote)) (function_language (keyword_language) (identifier)))))");
}

TEST(SqlScanner, DollarQuotedStringsEndAtTheirOwnTag) {
  Parser parser(Grammar::Sql);
  const std::string literal = "(program (statement (select (keyword_select) (select_expression (term value: (literal))))))";
  EXPECT_EQ(sql_tree(parser, "SELECT $$a$$;"), literal);
  EXPECT_EQ(sql_tree(parser, "SELECT $tag$ has $$ and $other$ inside $tag$;"), literal);
  EXPECT_EQ(sql_tree(parser, "SELECT $\xc3\xa4$ text $\xc3\xa4$;"), literal);
}

TEST(SqlScanner, UnterminatedAndOverlongTagsAreSyntaxErrors) {
  Parser parser(Grammar::Sql);
  for (const std::string& text : {std::string("SELECT $$ unterminated"), std::string("$"), std::string("$$"),
                                  "SELECT $" + std::string(300, 'x') + "$ body $" + std::string(300, 'x') + "$;"}) {
    const ParseOutcome parsed = parser.parse(text, 0);
    ASSERT_TRUE(parsed.tree) << text;
    EXPECT_TRUE(parsed.has_syntax_errors) << text;
  }
}

TEST(SqlScanner, PlpgsqlFixtureParsesTheSameEveryTime) {
  std::ifstream in(CITIZENSCAN_SOURCE_DIR "/testdata/db-loops/sql/plpgsql_jobs.sql", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  ASSERT_FALSE(text.str().empty());
  Parser parser(Grammar::Sql);
  const std::string first = sql_tree(parser, text.str());
  // Three function bodies open with $$ and close with it (the PL/pgSQL inside is partly ERROR to the
  // grammar; the rules rely on the statements it does see).
  std::size_t bodies = 0;
  for (std::size_t at = first.find("(function_body (keyword_as) (dollar_quote)"); at != std::string::npos;
       at = first.find("(function_body (keyword_as) (dollar_quote)", at + 1)) {
    ++bodies;
  }
  EXPECT_EQ(bodies, 3U) << first;
  for (int i = 0; i < 20; ++i) EXPECT_EQ(sql_tree(parser, text.str()), first);
}

TEST(ParseRanges, PiecesAreOneTextInFileOffsets) {
  // SQL text in two pieces of a Python line; the bytes between them are skipped, so the pieces
  // read as "DELETE FROM staging WHERE id = 1".
  const std::string source = "x = \"DELETE FROM \" + \"staging WHERE id = 1\"\n";
  Parser parser(Grammar::Sql);
  const std::vector<ByteRange> pieces{{5, 17}, {22, 42}};
  ParseOutcome parsed = parser.parse_ranges(source, pieces, 0);
  ASSERT_TRUE(parsed.tree) << parsed.error;
  EXPECT_FALSE(parsed.has_syntax_errors);
  const TSNode root = ts_tree_root_node(parsed.tree.get());
  EXPECT_EQ(ts_node_start_byte(root), 5u);
  EXPECT_NE(tree_sexp(parsed.tree.get()).find("(where"), std::string::npos);
  // The table name starts after the gap, at its place in the file.
  const TSNode table = ts_node_descendant_for_byte_range(root, 22, 23);
  EXPECT_EQ(source.substr(ts_node_start_byte(table), ts_node_end_byte(table) - ts_node_start_byte(table)), "staging");
  EXPECT_EQ(ts_node_start_point(table).column, 22u);
  // Tokens run across a gap: "FROM t" + "able" is one identifier, as the string is at run time.
  const std::string fused = "\"DELETE FROM t\" \"able\"";
  const std::vector<ByteRange> fused_pieces{{1, 14}, {17, 21}};
  ParseOutcome joined = parser.parse_ranges(fused, fused_pieces, 0);
  ASSERT_TRUE(joined.tree);
  const TSNode name = ts_node_descendant_for_byte_range(ts_tree_root_node(joined.tree.get()), 13, 14);
  EXPECT_EQ(ts_node_end_byte(name), 21u);
  // Afterwards the parser reads whole texts again.
  EXPECT_EQ(sql_tree(parser, "SELECT 1;").find("(program (statement (select"), 0u);
}

TEST(ParseRanges, BadPiecesAreAnErrorNotACrash) {
  Parser parser(Grammar::Sql);
  const std::string source = "SELECT 1; SELECT 2;";
  const std::vector<ByteRange> backwards{{10, 19}, {0, 9}};
  EXPECT_FALSE(parser.parse_ranges(source, backwards, 0).tree);
  const std::vector<ByteRange> outside{{0, 9}, {10, 40}};
  EXPECT_FALSE(parser.parse_ranges(source, outside, 0).tree);
  const std::vector<ByteRange> empty{{3, 3}};
  EXPECT_FALSE(parser.parse_ranges(source, empty, 0).tree);
  const std::vector<ByteRange> reversed{{9, 3}};
  EXPECT_FALSE(parser.parse_ranges(source, reversed, 0).tree);
  EXPECT_TRUE(parser.parse_ranges(source, std::vector<ByteRange>{{0, 9}}, 0).tree);
}

}  // namespace
}  // namespace citizenscan
