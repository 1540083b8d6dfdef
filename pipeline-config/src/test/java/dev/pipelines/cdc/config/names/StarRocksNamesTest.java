package dev.pipelines.cdc.config.names;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StarRocksNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"orders", "OrderItems", "order", "group", "select", "key", "_staging", "a1", "x_y_z"})
  void takesWhatStarRocksDocumentsIncludingMixedCaseAndReservedWords(String name) {
    assertThat(StarRocksNames.tableProblem(name)).isEmpty();
    assertThat(StarRocksNames.columnProblem(name)).isEmpty();
  }

  @Test
  void refusesSpacesQuotesHyphensAndNonAsciiNamingTheCharacter() {
    assertThat(StarRocksNames.columnProblem("Display Name")).hasValueSatisfying(r -> assertThat(r)
        .startsWith("contains a space (").contains("letters a-z and A-Z, digits and '_'"));
    assertThat(StarRocksNames.columnProblem("say \"hi\"")).hasValueSatisfying(r -> assertThat(r)
        .startsWith("contains a space, a double quote ("));
    assertThat(StarRocksNames.columnProblem("a`b")).hasValueSatisfying(r -> assertThat(r).startsWith("contains a backquote"));
    assertThat(StarRocksNames.tableProblem("order-items")).hasValueSatisfying(r -> assertThat(r).startsWith("contains '-'"));
    assertThat(StarRocksNames.tableProblem("commandes_été")).hasValueSatisfying(r -> assertThat(r).startsWith("contains 'é'"));
    assertThat(StarRocksNames.tableProblem("2024_orders")).hasValueSatisfying(r -> assertThat(r).startsWith("starts with '2'"));
    assertThat(StarRocksNames.tableProblem("")).contains("is empty");
  }

  @Test
  void lengthLimitsAreStarRocksOwnPerKindInCharacters() {
    assertThat(StarRocksNames.tableProblem("t".repeat(1024))).isEmpty();
    assertThat(StarRocksNames.tableProblem("t".repeat(1025))).contains("is 1025 characters long; StarRocks allows at most 1024");
    assertThat(StarRocksNames.columnProblem("c".repeat(1025))).contains("is 1025 characters long; StarRocks allows at most 1024");
    assertThat(StarRocksNames.databaseProblem("d".repeat(256))).isEmpty();
    assertThat(StarRocksNames.databaseProblem("d".repeat(257))).contains("is 257 characters long; StarRocks allows at most 256");
  }

  @Test
  void databaseFollowsTheFeRuleForALeadingUnderscore() {
    assertThat(StarRocksNames.databaseProblem("_analytics")).isEmpty();
    assertThat(StarRocksNames.databaseProblem("__analytics")).isPresent();
    assertThat(StarRocksNames.databaseProblem("_")).isPresent();
    assertThat(StarRocksNames.databaseProblem("information_schema")).isPresent();
    assertThat(StarRocksNames.tableProblem("__analytics")).isEmpty();
  }

  @Test
  void columnsTheFeReservesAreRefusedWhateverTheirCase() {
    assertThat(StarRocksNames.columnProblem("__op")).hasValueSatisfying(r -> assertThat(r).contains("reserved by StarRocks"));
    assertThat(StarRocksNames.columnProblem("__OP")).isPresent();
    assertThat(StarRocksNames.columnProblem("__row")).isPresent();
    assertThat(StarRocksNames.columnProblem("__starrocks_shadow_x")).isPresent();
    assertThat(StarRocksNames.columnProblem("__generated_partition_column_x")).isPresent();
    assertThat(StarRocksNames.columnProblem("__opera")).isEmpty();
    assertThat(StarRocksNames.tableProblem("__op")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders", "OrderItems", "_x", "__op", "Order Items", "order-items", "été", "1st", "a`b"})
  void thePatternForSchemasIsTheSameTableRule(String name) {
    assertThat(name.matches(StarRocksNames.TABLE_NAME_PATTERN)).isEqualTo(StarRocksNames.tableProblem(name).isEmpty());
    // Pattern plus the schema's length bound is the whole rule.
    String longest = "t".repeat(StarRocksNames.MAX_TABLE_NAME);
    assertThat(longest.matches(StarRocksNames.TABLE_NAME_PATTERN) && longest.length() <= StarRocksNames.MAX_TABLE_NAME)
        .isEqualTo(StarRocksNames.tableProblem(longest).isEmpty()).isTrue();
    assertThat(StarRocksNames.tableProblem(longest + "t")).isPresent();
  }

  @Test
  void quoteBackquotesAndDoublesABackquote() {
    assertThat(StarRocksNames.quote("order")).isEqualTo("`order`");
    assertThat(StarRocksNames.quote("a`b")).isEqualTo("`a``b`");
  }

  @Test
  void suggestionIsAlwaysANameStarRocksTakes() {
    for (String name : new String[] {"Order Items", "order-items", "commandes_été", "2024", "\"\"", "Grüße-Straße"}) {
      String s = StarRocksNames.suggestion(name);
      assertThat(StarRocksNames.tableProblem(s)).as(name + " -> " + s).isEmpty();
    }
    assertThat(StarRocksNames.suggestion("Order Items")).isEqualTo("order_items");
    assertThat(StarRocksNames.suggestion("2024")).isEqualTo("_2024");
  }
}
