package dev.pipelines.cdc.job.source;

import dev.pipelines.cdc.job.SourceGraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelines.cdc.job.catalog.CatalogTables;
import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StartupMode;
import dev.pipelines.cdc.job.Credentials;
import dev.pipelines.cdc.job.catalog.SourceColumn;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.toast.UnchangedValueResolver;
import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real CDC source (Debezium, pgoutput) on a real Postgres 17, through our deserializer: every
 * mapped type arrives as the exact value StarRocks should store, in the snapshot and in the stream.
 */
@ExtendWith(PostgresExtension.class)
class PostgresSourceIT {
  static final ConcurrentLinkedQueue<ChangeRow> COLLECTED = new ConcurrentLinkedQueue<>();
  /** Rows as the source emitted them, before unchanged values are filled in. */
  static final ConcurrentLinkedQueue<ChangeRow> RAW = new ConcurrentLinkedQueue<>();
  private static final ObjectMapper JSON = new ObjectMapper();
  private JobClient job;
  /** The production snapshot encoding (COPY text to the stream path's JSON) of the tables a test captures. */
  static dev.pipelines.cdc.job.snapshot.SnapshotEncoders encoders(Map<String, TableShape> shapes) {
    return dev.pipelines.cdc.job.SnapshotEncoding.copy(shapes, Map.of());
  }

  @AfterEach
  void stop() throws Exception {
    if (job != null) {
      job.cancel().get();
    }
    COLLECTED.clear();
    RAW.clear();
  }

  @Test
  void everyTypeArrivesExactlyInSnapshotAndStream(PostgresServer pg) throws Exception {
    pg.superuserSql().execute(
        "DROP TABLE IF EXISTS public.all_types",
        "DROP TYPE IF EXISTS mood",
        "CREATE TYPE mood AS ENUM ('happy', 'sad')",
        """
        CREATE TABLE public.all_types (
          id bigint PRIMARY KEY, s smallint, i integer, n numeric(12,4), nu numeric, m money, r real,
          d double precision, b boolean, t text, vc varchar(10), c char(5), dt date, tm time, ts timestamp,
          tstz timestamptz, iv interval, u uuid, ip inet, j json, jb jsonb, by bytea, ia integer[], ta text[], e mood)""",
        """
        INSERT INTO public.all_types VALUES (1, -2, 3, 12345678.1234, 1.000000000000000000001, 12.34, 1.5, 'NaN',
          true, 'tëxt', 'vc', 'ab', '2024-02-29', '13:14:15.123456', '2024-02-29 23:59:59.999999',
          '2024-03-01 01:00:00+02', '1 year 2 mons 3 days 04:05:06.7', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
          '192.168.0.1/24', '{"k": [1, "x"]}', '{"b": 2, "a": 1}', '\\xdeadbeef', '{1,2,3}', '{"a","b c"}', 'sad')""",
        "INSERT INTO public.all_types (id) VALUES (2)",
        "DROP PUBLICATION IF EXISTS types_pub",
        "CREATE PUBLICATION types_pub FOR TABLE public.all_types");
    pg.grantCaptureOn("public.all_types");

    job = start(pg, "types_slot", "types_pub", "public.all_types");

    await().atMost(Duration.ofSeconds(60)).until(() -> COLLECTED.size() >= 2);
    JsonNode snapshot = row(1);
    assertThat(snapshot.get("s").asLong()).isEqualTo(-2);
    assertThat(snapshot.get("n").asText()).isEqualTo("12345678.1234");
    assertThat(snapshot.get("nu").asText()).isEqualTo("1.000000000000000000001");
    assertThat(snapshot.get("m").asText()).isEqualTo("12.34");
    assertThat(snapshot.get("r").asDouble()).isEqualTo(1.5);
    assertThat(snapshot.get("d").asText()).isEqualTo("NaN");
    assertThat(snapshot.get("b").asBoolean()).isTrue();
    assertThat(snapshot.get("t").asText()).isEqualTo("tëxt");
    assertThat(snapshot.get("c").asText()).isEqualTo("ab");
    assertThat(snapshot.get("dt").asText()).isEqualTo("2024-02-29");
    // Read by COPY: microseconds kept (flink-cdc's JDBC snapshot read java.sql.Time, milliseconds only).
    assertThat(snapshot.get("tm").asText()).isEqualTo("13:14:15.123456");
    assertThat(snapshot.get("ts").asText()).isEqualTo("2024-02-29 23:59:59.999999");
    assertThat(snapshot.get("tstz").asText()).isEqualTo("2024-02-29 23:00:00.000000");
    assertThat(snapshot.get("iv").asText()).isEqualTo("P1Y2M3DT4H5M6.7S");
    assertThat(snapshot.get("u").asText()).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    assertThat(snapshot.get("ip").asText()).isEqualTo("192.168.0.1/24");
    assertThat(snapshot.get("j")).isEqualTo(JSON.readTree("{\"k\": [1, \"x\"]}"));
    assertThat(snapshot.get("jb")).isEqualTo(JSON.readTree("{\"a\": 1, \"b\": 2}"));
    assertThat(snapshot.get("by").asText()).isEqualTo("deadbeef");
    assertThat(snapshot.get("ia").toString()).isEqualTo("[1,2,3]");
    assertThat(snapshot.get("ta").toString()).isEqualTo("[\"a\",\"b c\"]");
    assertThat(snapshot.get("e").asText()).isEqualTo("sad");
    assertThat(snapshot.get("__op").asInt()).isZero();
    assertThat(row(2).get("t").isNull()).isTrue();

    COLLECTED.clear();
    pg.superuserSql().execute(
        "BEGIN",
        "UPDATE public.all_types SET t = 'changed', n = -0.0001, tm = '23:59:59.999999' WHERE id = 1",
        "DELETE FROM public.all_types WHERE id = 2",
        "INSERT INTO public.all_types (id, tstz) VALUES (3, '1969-12-31 23:59:59.5+00')",
        "COMMIT");

    await().atMost(Duration.ofSeconds(30)).until(() -> COLLECTED.size() >= 3);
    List<String> stream = COLLECTED.stream().map(c -> c.json).toList();
    assertThat(JSON.readTree(stream.get(0)).get("t").asText()).isEqualTo("changed");
    assertThat(JSON.readTree(stream.get(0)).get("n").asText()).isEqualTo("-0.0001");
    assertThat(JSON.readTree(stream.get(0)).get("tm").asText()).isEqualTo("23:59:59.999999");
    assertThat(JSON.readTree(stream.get(0)).get("ta").toString()).isEqualTo("[\"a\",\"b c\"]");
    assertThat(stream.get(1)).isEqualTo("{\"id\":2,\"__op\":1}");
    assertThat(JSON.readTree(stream.get(2)).get("tstz").asText()).isEqualTo("1969-12-31 23:59:59.500000");
  }

  @Test
  void unchangedToastValueIsReadBackFromPostgres(PostgresServer pg) throws Exception {
    pg.superuserSql().execute(
        "DROP TABLE IF EXISTS public.toasty",
        "CREATE TABLE public.toasty (id bigint PRIMARY KEY, n int, big text, doc jsonb)",
        "DROP PUBLICATION IF EXISTS toast_pub",
        "CREATE PUBLICATION toast_pub FOR TABLE public.toasty");
    pg.grantCaptureOn("public.toasty");
    SourceTable table = new SourceTable("public", "toasty", List.of(
        new SourceColumn("id", "bigint", false, false), new SourceColumn("n", "integer", false, true),
        new SourceColumn("big", "text", false, true), new SourceColumn("doc", "jsonb", false, true)),
        List.of("id"), false);
    job = startWithResolver(pg, "toast_slot", "toast_pub", table);
    await().atMost(Duration.ofSeconds(60)).until(() -> slotActive(pg, "toast_slot"));

    // Large and random, so that it is stored out of line (TOASTed) even compressed.
    pg.superuserSql().execute(
        "INSERT INTO public.toasty SELECT 1, 1, string_agg(md5(random()::text), ''),"
            + " jsonb_build_object('blob', string_agg(md5(random()::text), '')) FROM generate_series(1, 400)",
        "UPDATE public.toasty SET n = 2 WHERE id = 1");
    String big = pg.superuserSql().query("SELECT big FROM public.toasty", rs -> rs.getString(1)).get(0);

    await().atMost(Duration.ofSeconds(30)).until(() -> COLLECTED.size() >= 2);
    JsonNode update = JSON.readTree(COLLECTED.stream().skip(1).findFirst().orElseThrow().json);
    assertThat(update.get("n").asInt()).isEqualTo(2);
    assertThat(update.get("big").asText()).hasSize(12_800).isEqualTo(big);
    assertThat(update.get("doc").get("blob").asText()).hasSize(12_800);
    // Proof that the path was taken: Postgres did not send the unchanged values.
    assertThat(RAW.stream().skip(1).findFirst().orElseThrow().unavailable).isEqualTo("big,doc");
  }

  private static boolean slotActive(PostgresServer pg, String slot) {
    return pg.replicationSlots().stream().anyMatch(s -> s.name().equals(slot) && s.active());
  }

  private static JsonNode row(long id) throws Exception {
    for (ChangeRow c : COLLECTED) {
      JsonNode n = JSON.readTree(c.json);
      if (n.get("id").asLong() == id) {
        return n;
      }
    }
    throw new AssertionError("no row " + id + " in " + COLLECTED);
  }

  static JobClient startWithResolver(PostgresServer pg, String slot, String publication, SourceTable table)
      throws Exception {
    PostgresSourceConfig config = new PostgresSourceConfig(pg.host(), pg.port(), PostgresServer.DATABASE,
        List.of(table.qualifiedName()), List.of(), slot, publication, StartupMode.INITIAL, 1000);
    Credentials credentials = new Credentials(PostgresServer.CDC_USER, PostgresServer.CDC_PASSWORD, "u", "p");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(1000);
    Map<String, TableShape> shapes = Map.of(table.qualifiedName(),
        new TableShape(Set.of("id", "n", "big", "doc"), table.primaryKey(), Set.of()));
    var changes = SourceGraph.read(env, config, credentials, List.of(table), shapes, Map.of(),
        PublicationMode.DISABLED, encoders(shapes));
    changes.addSink(collectInto(RAW));
    changes.keyBy(ChangeRow::routingKey)
        .map(new UnchangedValueResolver(config, credentials, Map.of(table.qualifiedName(), table)))
        .addSink(collectInto(COLLECTED));
    return env.executeAsync("toast-it");
  }

  static JobClient start(PostgresServer pg, String slot, String publication, String... tables) throws Exception {
    PostgresSourceConfig config = new PostgresSourceConfig(pg.host(), pg.port(), PostgresServer.DATABASE,
        List.of(tables), List.of(), slot, publication, StartupMode.INITIAL, 1000);
    Credentials credentials = new Credentials(PostgresServer.CDC_USER, PostgresServer.CDC_PASSWORD, "u", "p");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    env.enableCheckpointing(1000);
    Set<String> columns = Set.copyOf(pg.superuserSql().query("SELECT column_name FROM information_schema.columns"
        + " WHERE table_schema || '.' || table_name = '" + tables[0] + "'", rs -> rs.getString(1)));
    Map<String, TableShape> shapes = Map.of(tables[0], new TableShape(columns, List.of("id"), Set.of("c")));
    List<SourceTable> sources;
    try (var c = pg.superuserConnection()) {
      sources = CatalogTables.matching(c, List.of(tables));
    }
    SourceGraph.read(env, config, credentials, sources, shapes, Map.of(), PublicationMode.DISABLED, encoders(shapes))
        .addSink(collectInto(COLLECTED));
    return env.executeAsync("source-it");
  }

  /**
   * A sink into one of this class's static queues. The function is serialized into the job, so it
   * names the queue instead of capturing it (a captured queue would arrive as a copy).
   */
  private static SinkFunction<ChangeRow> collectInto(ConcurrentLinkedQueue<ChangeRow> queue) {
    boolean raw = queue == RAW;
    return new SinkFunction<>() {
      @Override
      public void invoke(ChangeRow value, Context context) {
        (raw ? RAW : COLLECTED).add(value);
      }
    };
  }
}
