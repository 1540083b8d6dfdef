package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.job.source.ChangeRow;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The initial snapshot of every captured table, exact at the replication slot's consistent point:
 * a bounded FLIP-27 source. The enumerator creates the slot with an exported snapshot and plans
 * block-range splits ({@link SnapshotEnumerator}); parallel readers import that snapshot and COPY
 * one split at a time ({@link SnapshotReader}). The stream follows it (see
 * {@code source.PostgresSourceFactory}) from the slot's consistent point.
 */
public final class SnapshotSource
    implements Source<ChangeRow, SnapshotSplit, SnapshotState>, ResultTypeQueryable<ChangeRow> {
  private static final long serialVersionUID = 1L;

  private final SnapshotSettings settings;
  private final SnapshotEncoders encoders;
  private final boolean endAfterCheckpoint;

  /**
   * @param endAfterCheckpoint a reader reports its end only once a checkpoint after its last row has
   *     completed, so that no snapshot row is still in flight when the stream starts (see
   *     {@link SnapshotReader#pollNext}); false only for a snapshot read on its own, without checkpoints
   */
  public SnapshotSource(SnapshotSettings settings, SnapshotEncoders encoders, boolean endAfterCheckpoint) {
    this.settings = settings;
    this.encoders = encoders;
    this.endAfterCheckpoint = endAfterCheckpoint;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<SnapshotSplit, SnapshotState> createEnumerator(SplitEnumeratorContext<SnapshotSplit> context) {
    return new SnapshotEnumerator(context, settings);
  }

  @Override
  public SplitEnumerator<SnapshotSplit, SnapshotState> restoreEnumerator(SplitEnumeratorContext<SnapshotSplit> context,
      SnapshotState state) {
    return new SnapshotEnumerator(context, settings, state);
  }

  @Override
  public SimpleVersionedSerializer<SnapshotSplit> getSplitSerializer() {
    return SnapshotSplitSerializer.INSTANCE;
  }

  @Override
  public SimpleVersionedSerializer<SnapshotState> getEnumeratorCheckpointSerializer() {
    return SnapshotStateSerializer.INSTANCE;
  }

  @Override
  public SourceReader<ChangeRow, SnapshotSplit> createReader(SourceReaderContext context) {
    return new SnapshotReader(context, settings, encoders, endAfterCheckpoint);
  }

  @Override
  public TypeInformation<ChangeRow> getProducedType() {
    return TypeInformation.of(ChangeRow.class);
  }
}
