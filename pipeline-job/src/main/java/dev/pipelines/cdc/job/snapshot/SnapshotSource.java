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
 * The snapshot of every captured table, a FLIP-27 source. The enumerator creates the slot with an
 * exported snapshot and plans block-range splits ({@link SnapshotEnumerator}); parallel readers
 * import that snapshot and COPY one split at a time ({@link SnapshotReader}). In the job it is
 * unbounded: it runs beside the stream (see {@code source.PostgresSourceFactory}) and stays alive,
 * idle, after its splits, so that a restore with new tables can plan and read theirs.
 */
public final class SnapshotSource
    implements Source<ChangeRow, SnapshotSplit, SnapshotState>, ResultTypeQueryable<ChangeRow> {
  private static final long serialVersionUID = 1L;

  private final SnapshotSettings settings;
  private final SnapshotEncoders encoders;
  private final boolean unbounded;

  /**
   * @param unbounded the job's source: never ends, emits "done" markers; false only for a snapshot
   *     read on its own (tests), which ends after its last split
   */
  public SnapshotSource(SnapshotSettings settings, SnapshotEncoders encoders, boolean unbounded) {
    this.settings = settings;
    this.encoders = encoders;
    this.unbounded = unbounded;
  }

  @Override
  public Boundedness getBoundedness() {
    return unbounded ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  @Override
  public SplitEnumerator<SnapshotSplit, SnapshotState> createEnumerator(SplitEnumeratorContext<SnapshotSplit> context) {
    return new SnapshotEnumerator(context, settings, unbounded, null);
  }

  @Override
  public SplitEnumerator<SnapshotSplit, SnapshotState> restoreEnumerator(SplitEnumeratorContext<SnapshotSplit> context,
      SnapshotState state) {
    return new SnapshotEnumerator(context, settings, unbounded, state);
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
    return new SnapshotReader(context, settings, encoders);
  }

  @Override
  public TypeInformation<ChangeRow> getProducedType() {
    return TypeInformation.of(ChangeRow.class);
  }
}
