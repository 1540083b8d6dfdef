package dev.pipelines.cdc.config.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What a filter's text may be before it reaches SQL: one parenthesized expression, and nothing that could end it. */
class RowFiltersTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "status <> 'deleted'",
      "region IN ('eu', 'us') AND amount >= 10.5",
      "\"Order Status\" = 'it''s; -- not a comment'",
      "(a > 1 OR (b IS NULL)) AND c BETWEEN 1 AND 2",
      "note LIKE '%/*%' AND \"we\"\"ird\" = 'x'",
      "created_at >= timestamptz '2024-01-01 00:00:00+00'",
      "a - 1 > 0 AND b / 2 < 3"})
  void oneExpressionIsTaken(String filter) {
    assertThat(RowFilters.problem(filter)).isEmpty();
  }

  /** Injection attempts through the filter: each would end the WHERE, the statement, or hide text from this check. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "id = 1; DROP TABLE crm.customers|holds a ';' (position 7)",
      "true); DROP TABLE crm.customers; --|closes a parenthesis it did not open (position 5)",
      "true) UNION SELECT password FROM pg_authid WHERE (true|closes a parenthesis it did not open (position 5)",
      "id > 0 -- and the rest is ignored|holds a comment (position 8)",
      "id > 0 /* hidden */|holds a comment (position 8)",
      "name = $$x$$|holds a '$' (position 8)",
      "name = E'\\'' OR true|holds a backslash (position 10)",
      "name = E'\\'' ; DROP TABLE x; --'|holds a backslash (position 10)",
      "name = 'unterminated|has an unterminated string literal (from position 8)",
      "\"unterminated = 1|has an unterminated quoted identifier (from position 1)",
      "((a = 1)|leaves 1 parenthesis open"})
  void everythingElseIsRefusedNamingWhere(String filter, String problem) {
    assertThat(RowFilters.problem(filter)).get().asString().startsWith(problem);
  }

  @Test
  void aBlankFilterIsRefused() {
    assertThat(RowFilters.problem("   ")).contains("is empty");
  }

  @Test
  void aFilterLongerThanTheBoundIsRefused() {
    assertThat(RowFilters.problem("a = 1 OR ".repeat(600) + "true")).get().asString().contains("at most 4096");
  }

  @Test
  void referencedColumnsAreReadAsPostgresReadsNamesAndLiteralsAreSkipped() {
    List<String> columns = List.of("id", "status", "Status", "Order Status", "region", "note");

    assertThat(RowFilters.referencedColumns("STATUS = 'region' AND \"Order Status\" <> 'x' AND id > 0", columns))
        .containsExactly("id", "status", "Order Status");
  }
}
