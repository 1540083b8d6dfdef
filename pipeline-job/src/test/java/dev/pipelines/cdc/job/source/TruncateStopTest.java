package dev.pipelines.cdc.job.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelines.cdc.config.JobStopReason;
import dev.pipelines.cdc.job.failure.PipelineStop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.apache.flink.util.Collector;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

/** A truncate record, shaped as Debezium 1.9's Postgres connector emits it (op "t", no before or after, no key). */
class TruncateStopTest {
  private static final Schema ROW = SchemaBuilder.struct().name("shop.public.orders.Value")
      .field("id", Schema.INT64_SCHEMA).optional().build();
  private static final Schema SOURCE = SchemaBuilder.struct()
      .field("schema", Schema.STRING_SCHEMA).field("table", Schema.STRING_SCHEMA)
      .field("lsn", Schema.OPTIONAL_INT64_SCHEMA).build();
  private static final Schema ENVELOPE = SchemaBuilder.struct().name("shop.public.orders.Envelope")
      .field("before", ROW).field("after", ROW).field("source", SOURCE).field("op", Schema.STRING_SCHEMA)
      .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA).build();
  private static final Map<String, TableShape> SHAPES = Map.of(
      "public.orders", new TableShape(Set.of("id"), List.of("id"), Set.of()),
      "public.items", new TableShape(Set.of("id"), List.of("id"), Set.of()));
  private static final Map<String, String> TARGETS = Map.of("public.orders", "shop.orders", "public.items", "shop.line_items");

  @Test
  void aTruncateOfACapturedTableStopsWithoutRestartsAndSaysWhatToDo() {
    ChangeRowDeserializer deserializer = new ChangeRowDeserializer(SHAPES, new TruncateStop(TARGETS));
    List<ChangeRow> out = new ArrayList<>();

    assertThatThrownBy(() -> deserializer.deserialize(truncate("orders"), collector(out)))
        .isInstanceOf(SuppressRestartsException.class)
        .cause().isInstanceOfSatisfying(PipelineStop.class, stop -> {
          assertThat(stop.reason()).isEqualTo(JobStopReason.TRUNCATE_NOT_REPLICATED);
          JobStopReason.Found found = JobStopReason.find("org.apache.flink...JobException: failed\nCaused by: "
              + PipelineStop.class.getName() + ": " + stop.getMessage() + "\n\tat ...").orElseThrow();
          assertThat(found.reason()).isEqualTo(JobStopReason.TRUNCATE_NOT_REPLICATED);
          assertThat(found.message())
              .startsWith("table public.orders was truncated in Postgres (at LSN 0/16E9058)")
              .contains("StarRocks table shop.orders still holds the rows from before the truncate")
              .contains("TRUNCATE TABLE every table of this pipeline [shop.line_items, shop.orders]")
              .contains("delete the CdcPipeline (which drops its slot) and apply it again")
              .contains("drop the slot and run without the state directory");
        });
    assertThat(out).isEmpty();
  }

  @Test
  void aTruncateOfATableThePipelineDoesNotCaptureIsIgnored() throws Exception {
    ChangeRowDeserializer deserializer = new ChangeRowDeserializer(SHAPES, new TruncateStop(TARGETS));
    List<ChangeRow> out = new ArrayList<>();

    deserializer.deserialize(truncate("audit_log"), collector(out));

    assertThat(out).isEmpty();
  }

  /** The deserializer used to throw a NullPointerException here (there is no after-image). */
  @Test
  void withoutTargetNamesATruncateStillStopsInsteadOfFailingOnTheMissingRow() {
    ChangeRowDeserializer deserializer = new ChangeRowDeserializer(SHAPES);

    assertThatThrownBy(() -> deserializer.deserialize(truncate("items"), collector(new ArrayList<>())))
        .isInstanceOf(SuppressRestartsException.class)
        .cause().hasMessageContaining("[TruncateNotReplicated] table public.items was truncated");
  }

  private static SourceRecord truncate(String table) {
    Struct source = new Struct(SOURCE).put("schema", "public").put("table", table).put("lsn", 24023128L);
    Struct value = new Struct(ENVELOPE).put("source", source).put("op", "t").put("ts_ms", 1L);
    return new SourceRecord(Map.of(), Map.of(), "shop.public." + table, null, null, ENVELOPE, value);
  }

  private static Collector<ChangeRow> collector(List<ChangeRow> out) {
    return new ListCollector<>(out);
  }
}
