package dev.pipelines.cdc.job.snapshot.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelines.cdc.config.transform.ColumnRename;
import dev.pipelines.cdc.config.transform.ColumnTransform;
import dev.pipelines.cdc.job.catalog.SourceColumn;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.failure.PipelineStop;
import dev.pipelines.cdc.job.source.ChangeRow;
import dev.pipelines.cdc.job.source.TableShape;
import dev.pipelines.cdc.job.types.StarRocksTypes;
import dev.pipelines.cdc.job.types.ValueLimit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** Whole COPY lines of a table into the stream path's ChangeRow: order, key, NULLs, __op, refusals. */
class CopyRowEncodersTest {
  private static final SourceTable ORDERS = new SourceTable("shop", "orders", List.of(
      new SourceColumn("id", "bigint", false, false),
      new SourceColumn("code", "character(5)", false, false),
      new SourceColumn("Amount \"EUR\"", "numeric(12,4)", false, true),
      new SourceColumn("tags", "text[]", false, true),
      new SourceColumn("paid", "timestamp with time zone", false, true),
      new SourceColumn("note", "text", false, true)), List.of("code", "id"), false);

  private static TableShape shape(SourceTable t) {
    return TableShape.of(t);
  }

  private static ChangeRow encode(CopyRowEncoder encoder, String line) {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    return encoder.encode(bytes, 0, bytes.length - 1);
  }

  @Test
  void selectListQuotesEveryNameInTableOrder() {
    assertThat(CopyRowEncoders.forTable(ORDERS, shape(ORDERS), "db.orders").selectList())
        .isEqualTo("\"id\", \"code\", \"Amount \"\"EUR\"\"\", \"tags\", \"paid\", \"note\"");
  }

  @Test
  void moneyIsSelectedAsNumeric() {
    SourceTable t = new SourceTable("public", "p", List.of(new SourceColumn("id", "integer", false, false),
        new SourceColumn("m", "money", false, true), new SourceColumn("ms", "money[]", false, true)), List.of("id"), false);
    CopyRowEncoder encoder = CopyRowEncoders.forTable(t, new TableShape(Set.of("id", "m", "ms"), List.of("id"), Set.of()),
        "db.p");
    assertThat(encoder.selectList()).isEqualTo("\"id\", \"m\"::numeric, \"ms\"::numeric[]");
    assertThat(encode(encoder, "1\t-92233720368547758.08\t{1001.00,NULL}").json)
        .isEqualTo("{\"id\":1,\"m\":\"-92233720368547758.08\",\"ms\":[\"1001.00\",null],\"__op\":0}");
  }

  @Test
  void aLineBecomesTheStreamPathsRow() {
    CopyRowEncoder encoder = CopyRowEncoders.forTable(ORDERS, shape(ORDERS), "db.orders");

    ChangeRow row = encode(encoder,
        "7\tAB   \t1234.5600\t{x,\"y z\",NULL}\t2024-03-01 08:15:30.5+00\tquote \" backslash \\\\ newline \\n tab \\t é");

    assertThat(row.sourceTable).isEqualTo("shop.orders");
    assertThat(row.json).isEqualTo("{\"id\":7,\"code\":\"AB\",\"Amount \\\"EUR\\\"\":\"1234.5600\","
        + "\"tags\":[\"x\",\"y z\",null],\"paid\":\"2024-03-01 08:15:30.500000\","
        + "\"note\":\"quote \\\" backslash \\\\ newline \\n tab \\t é\",\"__op\":0}");
    // key columns in key order, each as its JSON text and \u0001 (ChangeRowDeserializer.keyOf)
    assertThat(row.key).isEqualTo("\"AB\"\u00017\u0001");
    assertThat(row.complete()).isTrue();
  }

  @Test
  void aTransformedTableSelectsOnlyItsWrittenColumnsAndWritesThemUnderTheirNewNames() {
    SourceTable t = ORDERS.transformed(new ColumnTransform(List.of(), List.of("tags", "note"),
        List.of(new ColumnRename("Amount \"EUR\"", "amount_eur"), new ColumnRename("code", "order_code"))));
    CopyRowEncoder encoder = CopyRowEncoders.forTable(t, shape(t), "db.orders");

    assertThat(encoder.selectList()).isEqualTo("\"id\", \"code\", \"Amount \"\"EUR\"\"\", \"paid\"");
    ChangeRow row = encode(encoder, "7\tAB   \t1234.5600\t2024-03-01 08:15:30.5+00");
    assertThat(row.json).isEqualTo("{\"id\":7,\"order_code\":\"AB\",\"amount_eur\":\"1234.5600\","
        + "\"paid\":\"2024-03-01 08:15:30.500000\",\"__op\":0}");
    assertThat(row.key).isEqualTo(encode(CopyRowEncoders.forTable(ORDERS, shape(ORDERS), "db.orders"),
        "7\tAB   \t1\t\\N\t\\N\t\\N").key);
  }

  @Test
  void nullsAreJsonNulls() {
    CopyRowEncoder encoder = CopyRowEncoders.forTable(ORDERS, shape(ORDERS), "db.orders");

    assertThat(encode(encoder, "1\tk\t\\N\t\\N\t\\N\t\\N").json)
        .isEqualTo("{\"id\":1,\"code\":\"k\",\"Amount \\\"EUR\\\"\":null,\"tags\":null,\"paid\":null,\"note\":null,\"__op\":0}");
  }

  @Test
  void aRefusedValueStopsNamingTableColumnKeyAndRule() {
    CopyRowEncoder encoder = CopyRowEncoders.forTable(ORDERS, shape(ORDERS), "db.orders");

    assertThatThrownBy(() -> encode(encoder, "42\tK1\tNaN\t\\N\t\\N\t\\N"))
        .isInstanceOf(SuppressRestartsException.class)
        .cause().isInstanceOf(PipelineStop.class)
        .hasMessageStartingWith("[RowRejected] table shop.orders, column Amount \"EUR\", key code=K1, id=42: numeric value"
            + " NAN has no StarRocks DECIMAL equivalent"); // the stream's spelling, as in its message
    assertThatThrownBy(() -> encode(encoder, "42\tK1\t1\t\\N\t10000-01-01 00:00:00+00\t\\N"))
        .cause().hasMessageStartingWith("[RowRejected] table shop.orders, column paid, key code=K1, id=42: year 10000");
  }

  @Test
  void aKeyLongerThanStarRocksLimitStops() {
    SourceTable t = new SourceTable("public", "k", List.of(new SourceColumn("a", "text", false, false),
        new SourceColumn("b", "integer", false, false)), List.of("a", "b"), false);
    CopyRowEncoder encoder = CopyRowEncoders.forTable(t, shape(t), "db.k");

    // a string key column that is not the last: its bytes + 2; the int: 4 → 122 + 2 + 4 = 128 fits
    assertThat(encode(encoder, "k".repeat(122) + "\t1").key).isEqualTo("\"" + "k".repeat(122) + "\"\u00011\u0001");
    assertThatThrownBy(() -> encode(encoder, "k".repeat(123) + "\t1")).cause()
        .hasMessageStartingWith("[RowRejected] table public.k, column a,b, key a=" + "k".repeat(100) + "..., b=1: the"
            + " primary key is 129 bytes");
  }

  @Test
  void aLineWithTheWrongNumberOfFieldsIsAnError() {
    CopyRowEncoder encoder = CopyRowEncoders.forTable(ORDERS, shape(ORDERS), "db.orders");
    assertThatThrownBy(() -> encode(encoder, "1\tk")).hasMessageContaining("fewer fields");
    assertThatThrownBy(() -> encode(encoder, "1\tk\t1\t{}\t\\N\tx\textra")).hasMessageContaining("more fields");
  }

  @Test
  void theEncoderTravelsSerializedAndKeepsEncoding() throws Exception {
    CopyRowEncoder encoder = CopyRowEncoders.forTable(ORDERS, shape(ORDERS), "db.orders");
    encode(encoder, "1\tk\t\\N\t\\N\t\\N\t\\N");
    CopyRowEncoder copy = InstantiationUtil.clone(encoder);
    assertThat(encode(copy, "2\tk\t\\N\t{}\t\\N\tx")).isEqualTo(encode(encoder, "2\tk\t\\N\t{}\t\\N\tx"));
  }
}
