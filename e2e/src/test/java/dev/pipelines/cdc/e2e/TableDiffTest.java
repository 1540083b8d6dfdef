package dev.pipelines.cdc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every row and every column is compared, in both directions. */
class TableDiffTest {
  private static final List<String> COLUMNS = List.of("id", "status");

  @Test
  void equalTablesHaveNoDifferences() {
    assertThat(TableDiff.between(table("pg", row(1, "new"), row(2, "paid")), table("sr", row(1, "new"), row(2, "paid"))))
        .isEmpty();
  }

  @Test
  void missingExtraAndChangedRowsAreEachReported() {
    List<String> diff = TableDiff.between(
        table("pg", row(1, "new"), row(2, "paid"), row(3, null)),
        table("sr", row(1, "new"), row(3, "x"), row(4, "gone")));
    assertThat(diff).containsExactly(
        "row [2] missing in sr",
        "row [3], column status: source 'null', target 'x'",
        "row [4] in sr but not in pg");
  }

  @Test
  void differentColumnsAreReportedFirst() {
    TableContent target = new TableContent("sr", List.of("id"), Map.of());
    assertThat(TableDiff.between(table("pg", row(1, "new")), target)).singleElement().asString()
        .startsWith("columns differ");
  }

  @Test
  void manyDifferencesAreCapped() {
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add(row(i, "s"));
    }
    List<String> diff = TableDiff.between(table("pg", rows), table("sr"));
    assertThat(diff).hasSize(TableDiff.MAX_REPORTED + 1).last().isEqualTo("... and 10 more differences");
  }

  private static Map<String, String> row(long id, String status) {
    Map<String, String> row = new HashMap<>();
    row.put("id", String.valueOf(id));
    row.put("status", status);
    return row;
  }

  @SafeVarargs
  private static TableContent table(String name, Map<String, String>... rows) {
    return table(name, List.of(rows));
  }

  private static TableContent table(String name, List<Map<String, String>> rows) {
    Map<List<String>, Map<String, String>> byKey = new LinkedHashMap<>();
    for (Map<String, String> row : rows) {
      byKey.put(List.of(row.get("id")), row);
    }
    return new TableContent(name, COLUMNS, byKey);
  }
}
