package dev.pipelines.cdc.job.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.relational.Table;
import io.debezium.relational.TableId;
import io.debezium.relational.history.TableChanges.TableChange;
import io.debezium.relational.history.TableChanges.TableChangeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.cdc.connectors.base.source.meta.split.SourceSplitBase;
import org.apache.flink.cdc.connectors.base.source.meta.split.StreamSplit;
import org.apache.flink.cdc.connectors.postgres.source.offset.PostgresOffset;
import org.apache.flink.cdc.connectors.postgres.source.offset.PostgresOffsetFactory;
import org.apache.flink.cdc.connectors.base.source.meta.split.SourceSplitSerializer;
import org.apache.flink.cdc.connectors.base.source.meta.offset.OffsetFactory;
import org.junit.jupiter.api.Test;

class OverlappingTransactionsKeptTest {
  private static final TableId ORDERS = new TableId(null, "shop", "orders");

  @Test
  void aStreamSplitKeepsItsPositionsAndCarriesOnlyThePlaceholderSchema() {
    StreamSplit restored = streamSplit();

    StreamSplit given = OverlappingTransactionsKept.Reader.withPlaceholderSchema((SourceSplitBase) restored)
        .asStreamSplit();

    assertThat(given.splitId()).isEqualTo(restored.splitId());
    assertThat(given.getStartingOffset()).isEqualTo(restored.getStartingOffset());
    assertThat(given.getEndingOffset()).isEqualTo(restored.getEndingOffset());
    assertThat(given.getTotalFinishedSplitSize()).isEqualTo(restored.getTotalFinishedSplitSize());
    assertThat(given.isSuspended()).isEqualTo(restored.isSuspended());
    // Not empty (flink-cdc's reader would discover the captured tables again), and no captured table in it.
    assertThat(given.getTableSchemas()).containsOnlyKeys(OverlappingTransactionsKept.PLACEHOLDER);
    assertThat(restored.getTableSchemas()).as("the restored split is left as it was").containsOnlyKeys(ORDERS);
  }

  @Test
  void thePlaceholderSurvivesTheCheckpointSerializer() throws Exception {
    SourceSplitBase given = OverlappingTransactionsKept.Reader.withPlaceholderSchema((SourceSplitBase) streamSplit());
    SourceSplitSerializer serializer = new SourceSplitSerializer() {
      @Override
      public OffsetFactory getOffsetFactory() {
        return new PostgresOffsetFactory();
      }
    };

    SourceSplitBase back = serializer.deserialize(serializer.getVersion(), serializer.serialize(given));

    assertThat(back.asStreamSplit().getTableSchemas()).containsOnlyKeys(OverlappingTransactionsKept.PLACEHOLDER);
    assertThat(back.asStreamSplit().getStartingOffset()).isEqualTo(given.asStreamSplit().getStartingOffset());
  }

  @Test
  void anyOtherSplitPassesUnchanged() {
    var other = (org.apache.flink.api.connector.source.SourceSplit) () -> "snapshot-split-1";
    assertThat(OverlappingTransactionsKept.Reader.withPlaceholderSchema(other)).isSameAs(other);
  }

  private static StreamSplit streamSplit() {
    Map<String, String> offset = new HashMap<>();
    offset.put("lsn", "22249824");
    offset.put("lsn_proc", "22249824");
    offset.put("lsn_commit", "22249824");
    offset.put("txId", "812");
    offset.put("ts_usec", "1700000000000000");
    Map<TableId, TableChange> schemas = new HashMap<>();
    schemas.put(ORDERS, new TableChange(TableChangeType.CREATE, Table.editor().tableId(ORDERS).create()));
    return new StreamSplit(StreamSplit.STREAM_SPLIT_ID, PostgresOffset.of(offset), PostgresOffset.NO_STOPPING_OFFSET,
        List.of(), schemas, 0, false, false);
  }
}
