package dev.pipelines.cdc.job.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelines.cdc.config.transform.ColumnRename;
import dev.pipelines.cdc.config.transform.ColumnTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.apache.flink.util.Collector;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

/** Debezium records, built the way Debezium's Postgres connector shapes them, into StarRocks JSON rows. */
class ChangeRowDeserializerTest {
  private static final Schema ROW = SchemaBuilder.struct().name("shop.public.orders.Value")
      .field("id", Schema.INT64_SCHEMA)
      .field("code", Schema.OPTIONAL_STRING_SCHEMA)
      .field("amount", Schema.OPTIONAL_STRING_SCHEMA)
      .field("score", Schema.OPTIONAL_FLOAT64_SCHEMA)
      .field("created", SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").optional().build())
      .field("paid", SchemaBuilder.string().name("io.debezium.time.ZonedTimestamp").optional().build())
      .field("day", SchemaBuilder.int32().name("io.debezium.time.Date").optional().build())
      .field("at", SchemaBuilder.int64().name("io.debezium.time.MicroTime").optional().build())
      .field("doc", SchemaBuilder.string().name("io.debezium.data.Json").optional().build())
      .field("tags", SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).optional().build())
      .field("note", Schema.OPTIONAL_STRING_SCHEMA)
      .optional()
      .build();
  private static final Schema SOURCE = SchemaBuilder.struct()
      .field("schema", Schema.STRING_SCHEMA).field("table", Schema.STRING_SCHEMA).build();
  private static final Schema ENVELOPE = SchemaBuilder.struct()
      .field("before", ROW).field("after", ROW).field("source", SOURCE).field("op", Schema.STRING_SCHEMA).build();

  private static final Set<String> COLUMNS = Set.of("id", "code", "amount", "score", "created", "paid", "day", "at",
      "doc", "tags", "note");
  private final ChangeRowDeserializer deserializer = new ChangeRowDeserializer(
      Map.of("public.orders", new TableShape(COLUMNS, List.of("id"), Set.of("code"))));

  @Test
  void insertCarriesEveryColumnExactly() throws Exception {
    Struct after = row(7)
        .put("code", "AB   ")
        .put("amount", "1234.5600")
        .put("score", Double.NaN)
        .put("created", 1_700_000_000_123_456L)
        .put("paid", "2024-03-01T10:15:30.5+02:00")
        .put("day", 19_000)
        .put("at", 3_723_000_001L)
        .put("doc", "{\"a\": [1, 2]}")
        .put("tags", List.of("x", "y"));

    ChangeRow change = single(envelope("c", null, after));

    assertThat(change.sourceTable).isEqualTo("public.orders");
    assertThat(change.json).isEqualTo("{\"id\":7,\"code\":\"AB\",\"amount\":\"1234.5600\",\"score\":\"NaN\","
        + "\"created\":\"2023-11-14 22:13:20.123456\",\"paid\":\"2024-03-01 08:15:30.500000\",\"day\":\"2022-01-08\","
        + "\"at\":\"01:02:03.000001\",\"doc\":{\"a\":[1,2]},\"tags\":[\"x\",\"y\"],\"note\":null,\"__op\":0}");
  }

  /** The row is written as text directly; it must be exactly what Jackson writes for the same values. */
  @Test
  void textIsEscapedAndNumbersWrittenAsJacksonWritesThem() throws Exception {
    String tricky = "quote \" backslash \\ newline \n tab \t bell \u0007 nul-ish \u0001 é 漢字 \uD83D\uDE00 </script>";
    Struct after = row(-12).put("note", tricky).put("score", 1.0E10).put("tags", List.of("a\"b", "c"));

    ChangeRow change = single(envelope("c", null, after));

    com.fasterxml.jackson.databind.ObjectMapper jackson = new com.fasterxml.jackson.databind.ObjectMapper();
    com.fasterxml.jackson.databind.node.ObjectNode expected = jackson.createObjectNode();
    expected.put("id", -12L).put("code", (String) null).put("amount", (String) null).put("score", 1.0E10)
        .put("created", (String) null).put("paid", (String) null).put("day", (String) null).put("at", (String) null)
        .put("doc", (String) null);
    expected.putArray("tags").add("a\"b").add("c");
    expected.put("note", tricky).put("__op", 0);
    assertThat(change.json).isEqualTo(jackson.writeValueAsString(expected));
    assertThat(change.key).isEqualTo("-12\u0001");
  }

  @Test
  void snapshotReadAndUpdateAreUpserts() throws Exception {
    assertThat(single(envelope("r", null, row(1))).json).endsWith("\"__op\":0}");
    assertThat(single(envelope("u", row(1), row(1).put("note", "changed"))).json)
        .contains("\"note\":\"changed\"").endsWith("\"__op\":0}");
  }

  @Test
  void deleteCarriesOnlyTheKey() throws Exception {
    // With default REPLICA IDENTITY the before-image has the key and nulls for the rest.
    ChangeRow change = single(envelope("d", row(9), null));

    assertThat(change.json).isEqualTo("{\"id\":9,\"__op\":1}");
  }

  @Test
  void sameKeyRoutesTogether() throws Exception {
    ChangeRow insert = single(envelope("c", null, row(5)));
    ChangeRow delete = single(envelope("d", row(5), null));
    ChangeRow other = single(envelope("c", null, row(6)));

    assertThat(insert.routingKey()).isEqualTo(delete.routingKey()).isNotEqualTo(other.routingKey());
  }

  @Test
  void unchangedToastValueIsLeftOutAndFlaggedForLookup() throws Exception {
    Struct after = row(3).put("note", DebeziumValues.UNAVAILABLE).put("code", DebeziumValues.UNAVAILABLE);

    ChangeRow change = single(envelope("u", null, after));

    assertThat(change.unavailable).isEqualTo("code,note");
    assertThat(change.complete()).isFalse();
    assertThat(change.json).doesNotContain("code", "note", DebeziumValues.UNAVAILABLE);
  }

  @Test
  void tablesOutsideThePipelineAndNonDataRecordsAreSkipped() throws Exception {
    ChangeRowDeserializer onlyOther = new ChangeRowDeserializer(Map.of("public.other", new TableShape(Set.of("id"), List.of("id"), Set.of())));
    List<ChangeRow> out = new ArrayList<>();

    onlyOther.deserialize(envelope("c", null, row(1)), collector(out));
    onlyOther.deserialize(new SourceRecord(Map.of(), Map.of(), "heartbeat", null, null, null, null, null), collector(out));

    assertThat(out).isEmpty();
  }

  @Test
  void newColumnStopsTheJobWithoutRestartsNamingTheColumn() {
    Set<String> before = new java.util.HashSet<>(COLUMNS);
    before.remove("note");
    before.add("legacy");
    ChangeRowDeserializer planned = new ChangeRowDeserializer(
        Map.of("public.orders", new TableShape(before, List.of("id"), Set.of())));

    assertThatThrownBy(() -> planned.deserialize(envelope("c", null, row(1)), collector(new ArrayList<>())))
        .isInstanceOf(org.apache.flink.runtime.execution.SuppressRestartsException.class)
        .cause().isInstanceOf(SchemaChangedException.class)
        .hasMessageContaining("table public.orders changed while the job ran: new columns [note]: dropped columns [legacy]");
  }

  @Test
  void aColumnTransformLeavesColumnsOutAndWritesOthersUnderTheirNewNamesKeysIncluded() throws Exception {
    ColumnTransform transform = new ColumnTransform(List.of(), List.of("note", "doc", "tags", "at", "day", "created",
        "paid", "score"), List.of(new ColumnRename("id", "order_id"), new ColumnRename("code", "order_code")));
    ChangeRowDeserializer transformed = new ChangeRowDeserializer(Map.of("public.orders",
        new TableShape(Set.of("id", "code", "amount"), List.of("id"), Set.of("code"), Map.of(), transform)));
    List<ChangeRow> out = new ArrayList<>();

    transformed.deserialize(envelope("c", null, row(7).put("code", "AB  ").put("amount", "1.50").put("note", "secret")),
        collector(out));
    transformed.deserialize(envelope("d", row(7).put("note", "secret"), null), collector(out));

    assertThat(out).extracting(c -> c.json).containsExactly(
        "{\"order_id\":7,\"order_code\":\"AB\",\"amount\":\"1.50\",\"__op\":0}", "{\"order_id\":7,\"__op\":1}");
    assertThat(out).extracting(c -> c.key).containsOnly(out.get(0).key);
  }

  @Test
  void aColumnAddedLaterIsIgnoredUnderAnIncludeListAndASchemaChangeUnderAnExcludeList() {
    // Planned without "note" (as if added since): only the include list leaves it out.
    Set<String> planned = new java.util.HashSet<>(COLUMNS);
    planned.remove("note");
    ColumnTransform include = new ColumnTransform(List.copyOf(planned), List.of(), List.of());
    ColumnTransform exclude = new ColumnTransform(List.of(), List.of("legacy"), List.of());
    ChangeRowDeserializer included = new ChangeRowDeserializer(Map.of("public.orders",
        new TableShape(planned, List.of("id"), Set.of(), Map.of(), include)));
    ChangeRowDeserializer excluded = new ChangeRowDeserializer(Map.of("public.orders",
        new TableShape(planned, List.of("id"), Set.of(), Map.of(), exclude)));
    List<ChangeRow> out = new ArrayList<>();

    org.assertj.core.api.Assertions.assertThatCode(() -> included.deserialize(envelope("c", null, row(1).put("note", "n")),
        collector(out))).doesNotThrowAnyException();
    assertThat(out).singleElement().satisfies(c -> assertThat(c.json).doesNotContain("note"));
    assertThatThrownBy(() -> excluded.deserialize(envelope("c", null, row(1)), collector(new ArrayList<>())))
        .cause().isInstanceOf(SchemaChangedException.class).hasMessageContaining("new columns [note]");
  }

  private ChangeRow single(SourceRecord record) throws Exception {
    List<ChangeRow> out = new ArrayList<>();
    deserializer.deserialize(record, collector(out));
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  private static Struct row(long id) {
    return new Struct(ROW).put("id", id);
  }

  private static SourceRecord envelope(String op, Struct before, Struct after) {
    Struct value = new Struct(ENVELOPE)
        .put("before", before).put("after", after).put("op", op)
        .put("source", new Struct(SOURCE).put("schema", "public").put("table", "orders"));
    return new SourceRecord(Map.of(), Map.of(), "shop.public.orders", null, null, null, ENVELOPE, value);
  }

  private static Collector<ChangeRow> collector(List<ChangeRow> out) {
    return new ListCollector<>(out);
  }

  private static final ChangeRowDeserializer LIMITED = new ChangeRowDeserializer(Map.of("public.orders",
      new TableShape(COLUMNS, List.of("id"), Set.of("code"), Map.of(
          "id", dev.pipelines.cdc.job.types.ValueLimit.of("BIGINT"),
          "code", dev.pipelines.cdc.job.types.ValueLimit.of("VARCHAR(4)"),
          "amount", dev.pipelines.cdc.job.types.ValueLimit.of("DECIMAL(10,2)"),
          "day", dev.pipelines.cdc.job.types.ValueLimit.of("DATE"),
          "created", dev.pipelines.cdc.job.types.ValueLimit.of("DATETIME"),
          "tags", dev.pipelines.cdc.job.types.ValueLimit.of("ARRAY<VARCHAR(2)>"),
          "note", dev.pipelines.cdc.job.types.ValueLimit.of("VARCHAR(1048576)")))));

  private static String rejection(Struct after) {
    Throwable stop = org.assertj.core.api.Assertions.catchThrowable(
        () -> LIMITED.deserialize(envelope("c", null, after), collector(new ArrayList<>())));
    assertThat(stop).isInstanceOf(org.apache.flink.runtime.execution.SuppressRestartsException.class);
    return stop.getCause().getMessage();
  }

  @Test
  void valuesAtTheLimitPassAndOneByteMoreStopsNamingTableColumnKeyAndRule() throws Exception {
    List<ChangeRow> out = new ArrayList<>();
    LIMITED.deserialize(envelope("c", null, row(1).put("code", "äXX").put("note", "x".repeat(1_048_576))
        .put("tags", List.of("ä")).put("day", 2_932_896).put("amount", "-99999999.99")), collector(out));
    assertThat(out).hasSize(1);

    assertThat(rejection(row(2).put("note", "x".repeat(1_048_575) + "é")))
        .startsWith("[RowRejected] table public.orders, column note, key id=2: the value is 1048577 bytes of UTF-8,"
            + " more than the 1048576 bytes its StarRocks column holds");
    assertThat(rejection(row(3).put("code", "äää"))).contains("column code, key id=3").contains("6 bytes");
    assertThat(rejection(row(4).put("tags", List.of("ok", "😀")))).contains("column tags").contains("4 bytes");
  }

  @Test
  void numericNaNOutOfRangeDatesAndUnconvertibleValuesStopTheRow() {
    assertThat(rejection(row(5).put("amount", "NaN"))).contains("column amount, key id=5")
        .contains("numeric value NaN has no StarRocks DECIMAL equivalent");
    assertThat(rejection(row(6).put("day", 2_932_897))).contains("column day").contains("year 10000 is outside");
    assertThat(rejection(row(7).put("created", -62_167_219_200_000_001L))).contains("column created")
        .contains("year -1 is outside");
    assertThat(rejection(row(8).put("paid", "infinity"))).contains("column paid, key id=8")
        .contains("cannot be converted");
  }

  @Test
  void aSnapshotTimestampBeforeTheGregorianSwitchStopsButAStreamedOneArrives() throws Exception {
    long micros1500 = -14_831_769_600_000_000L; // 1500-01-01
    Throwable stop = org.assertj.core.api.Assertions.catchThrowable(() -> LIMITED.deserialize(
        envelope("r", null, row(9).put("created", micros1500)), collector(new ArrayList<>())));
    assertThat(stop.getCause()).hasMessageContaining("column created, key id=9")
        .hasMessageContaining("a timestamp before 1582-10-25");
    List<ChangeRow> out = new ArrayList<>();
    LIMITED.deserialize(envelope("c", null, row(9).put("created", micros1500)), collector(out));
    assertThat(out.get(0).json).contains("\"created\":\"1500-01-01 00:00:00.000000\"");
  }

  @Test
  void aJsonNullStopsBecauseStarRocksWouldStoreSqlNull() {
    Throwable stop = org.assertj.core.api.Assertions.catchThrowable(() -> deserializer.deserialize(
        envelope("c", null, row(3).put("doc", " null ")), collector(new ArrayList<>())));
    assertThat(stop.getCause()).hasMessageContaining("column doc, key id=3").hasMessageContaining("JSON null");
  }

  @Test
  void aPrimaryKeyOver128BytesStops() {
    ChangeRowDeserializer wideKey = new ChangeRowDeserializer(Map.of("public.orders",
        new TableShape(COLUMNS, List.of("code", "id"), Set.of(), Map.of(
            "code", dev.pipelines.cdc.job.types.ValueLimit.of("VARCHAR(1000)"),
            "id", dev.pipelines.cdc.job.types.ValueLimit.of("BIGINT")))));
    List<ChangeRow> out = new ArrayList<>();
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> wideKey.deserialize(
        envelope("c", null, row(1).put("code", "k".repeat(118))), collector(out)))).isNull();
    Throwable stop = org.assertj.core.api.Assertions.catchThrowable(() -> wideKey.deserialize(
        envelope("c", null, row(1).put("code", "k".repeat(119))), collector(out)));
    assertThat(stop.getCause()).hasMessageContaining("column code,id, key code=kkk")
        .hasMessageContaining("129 bytes in StarRocks' encoding, more than its limit of 128 bytes");
  }

  @Test
  void timeAtMidnightEndAndRealsAsFloats() throws Exception {
    assertThat(single(envelope("c", null, row(1).put("at", 86_400_000_000L))).json).contains("\"at\":\"24:00:00.000000\"");
  }
}
