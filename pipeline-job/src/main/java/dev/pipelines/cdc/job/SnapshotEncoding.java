package dev.pipelines.cdc.job;

import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.snapshot.SnapshotEncoders;
import dev.pipelines.cdc.job.snapshot.SnapshotRowEncoder;
import dev.pipelines.cdc.job.snapshot.copy.CopyRowEncoder;
import dev.pipelines.cdc.job.snapshot.copy.CopyRowEncoders;
import dev.pipelines.cdc.job.source.ChangeRow;
import dev.pipelines.cdc.job.source.TableShape;
import java.util.List;
import java.util.Map;

/**
 * The production encoding of snapshot rows: COPY text fields to the same JSON values (and key text,
 * which routes a row to its sink writer) that the stream path writes ({@link CopyRowEncoders}).
 */
public final class SnapshotEncoding {
  private SnapshotEncoding() {}

  static SnapshotEncoders of(PipelinePlan plan) {
    return copy(plan.shapes(), PipelineGraph.starRocksTableBySource(plan));
  }

  /**
   * @param shapes each captured table's shape
   * @param targets each captured table's StarRocks table ({@code db.table}), for messages
   */
  public static SnapshotEncoders copy(Map<String, TableShape> shapes, Map<String, String> targets) {
    return new CopyEncoders(Map.copyOf(shapes), Map.copyOf(targets));
  }

  /** Each table's {@link CopyRowEncoder}, with the session settings its text formats assume. */
  record CopyEncoders(Map<String, TableShape> shapes, Map<String, String> targets) implements SnapshotEncoders {
    @Override
    public SnapshotRowEncoder forTable(SourceTable table) {
      CopyRowEncoder encoder = CopyRowEncoders.forTable(table, shapes.get(table.qualifiedName()),
          targets.getOrDefault(table.qualifiedName(), table.qualifiedName()));
      return new Adapter(encoder);
    }

    @Override
    public List<String> sessionSettings() {
      return CopyRowEncoders.SESSION_SETTINGS;
    }
  }

  private record Adapter(CopyRowEncoder encoder) implements SnapshotRowEncoder {
    @Override
    public String selectList() {
      return encoder.selectList();
    }

    @Override
    public ChangeRow encode(byte[] line, int offset, int length) {
      return encoder.encode(line, offset, length);
    }
  }
}
