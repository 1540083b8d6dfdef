package dev.pipelines.cdc.emulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.emulator.catalog.TableDef;
import dev.pipelines.cdc.emulator.sql.Statement;
import dev.pipelines.cdc.emulator.sql.StatementParser;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The emulator's rules for values at the edge of their StarRocks type, each as StarRocks' JSON
 * Stream Load handles it (see ValueConverter for the StarRocks source each follows).
 */
class EdgeValueRulesTest {
  private static final TableDef TABLE = ((Statement.CreateTable) StatementParser.parse(
      "CREATE TABLE db.e (id INT NOT NULL, f FLOAT, d DOUBLE, s STRING, v VARCHAR(4), i SMALLINT,"
          + " n DECIMAL(5,2), dt DATE, ts DATETIME, a ARRAY<INT>, av ARRAY<VARCHAR(2)>)"
          + " PRIMARY KEY(id) DISTRIBUTED BY HASH(id)").orElseThrow()).table();

  private static LoadBatch load(boolean strict, String body) {
    Map<String, String> h = new HashMap<>(Map.of("format", "json", "strip_outer_array", "true"));
    if (strict) {
      h.put("strict_mode", "true");
    }
    return RowConverter.convert(LoadRequest.fromHeaders("db", "e", h::get), TABLE, body.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> only(LoadBatch batch) {
    assertThat(batch.changes()).hasSize(1);
    return batch.changes().get(0).values();
  }

  @Test
  void nanAndInfinitiesAsStringsLoadIntoFloatAndDoubleAsThoseValues() {
    for (boolean strict : new boolean[] {false, true}) {
      LoadBatch batch = load(strict, """
          [{"id":1,"f":"NaN","d":"Infinity"},{"id":2,"f":"-Infinity","d":"-inf"},{"id":3,"f":"nan","d":"INF"}]""");
      assertThat(batch.filteredRows()).isZero();
      assertThat(batch.changes()).extracting(c -> c.values().get("f")).containsExactly("NaN", "-Infinity", "NaN");
      assertThat(batch.changes()).extracting(c -> c.values().get("d")).containsExactly("Infinity", "-Infinity", "Infinity");
    }
  }

  @Test
  void finiteFloatsAreKeptAtTheirTypesPrecisionAndOverflowIsUnqualified() {
    Map<String, String> v = only(load(false, "[{\"id\":1,\"f\":3.4028235E38,\"d\":-1.7976931348623157E308}]"));
    assertThat(v).containsEntry("f", "3.4028235E38").containsEntry("d", "-1.7976931348623157E308");
    assertThat(only(load(false, "[{\"id\":1,\"f\":1e39,\"d\":\"1e309\"}]"))).containsEntry("f", null).containsEntry("d", null);
    assertThat(load(true, "[{\"id\":1,\"d\":\"1e309\"}]").filteredRows()).isEqualTo(1);
    assertThat(only(load(false, "[{\"id\":1,\"d\":\"0x1p3\"}]"))).as("no hex floats").containsEntry("d", null);
  }

  @Test
  void aTooLongStringFiltersTheRowEvenWithoutStrictMode() {
    String tooLong = "x".repeat(65_534);
    LoadBatch batch = load(false, "[{\"id\":1,\"s\":\"" + tooLong + "\"},{\"id\":2,\"v\":\"äää\"},{\"id\":3,\"v\":\"ää\"}]");
    assertThat(batch.filteredRows()).isEqualTo(2);
    assertThat(batch.changes()).extracting(c -> c.values().get("id")).containsExactly("3");
    assertThat(batch.errors().get(0)).contains("(length=65534) is too long. The max length of 's' is 65533");
    assertThat(batch.errors().get(1)).contains("(length=6) is too long. The max length of 'v' is 4");
    assertThat(batch.exceeds(0)).as("max_filter_ratio 0 fails the load").isTrue();
    assertThat(only(load(false, "[{\"id\":1,\"s\":\"" + "x".repeat(65_533) + "\"}]")).get("s")).hasSize(65_533);
  }

  @Test
  void outOfRangeNumbersAndDatesAreNullWithoutStrictModeAndFilteredWithIt() {
    String body = "[{\"id\":1,\"i\":32768,\"n\":\"1000.00\",\"dt\":\"+10000-01-01\",\"ts\":\"10000-01-01 00:00:00\"}]";
    assertThat(only(load(false, body))).containsEntry("i", null).containsEntry("n", null).containsEntry("dt", null)
        .containsEntry("ts", null);
    assertThat(load(true, body).filteredRows()).isEqualTo(1);
    assertThat(only(load(false, "[{\"id\":1,\"n\":\"NaN\"}]"))).as("DECIMAL has no NaN").containsEntry("n", null);
    assertThat(only(load(false, "[{\"id\":1,\"i\":-32768,\"n\":\"-999.99\",\"dt\":\"0000-01-01\",\"ts\":\"9999-12-31 23:59:59.999999\"}]")))
        .containsEntry("i", "-32768").containsEntry("n", "-999.99").containsEntry("dt", "0000-01-01")
        .containsEntry("ts", "9999-12-31 23:59:59.999999");
  }

  @Test
  void anArrayElementThatDoesNotConvertBecomesNullButATooLongOneFiltersTheRow() {
    assertThat(only(load(true, "[{\"id\":1,\"a\":[1,\"x\",null,2147483648]}]")).get("a")).isEqualTo("[1,null,null,null]");
    assertThat(only(load(false, "[{\"id\":1,\"a\":[]}]")).get("a")).isEqualTo("[]");
    assertThat(load(false, "[{\"id\":1,\"av\":[\"abc\"]}]").filteredRows()).isEqualTo(1);
  }
}
