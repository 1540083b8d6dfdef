package dev.pipelines.cdc.job.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/** {@link SnapshotState} in checkpoints. Versioned: 1 (splits in {@link SnapshotSplitSerializer}'s format 1). */
public final class SnapshotStateSerializer implements SimpleVersionedSerializer<SnapshotState> {
  static final int VERSION = 1;
  public static final SnapshotStateSerializer INSTANCE = new SnapshotStateSerializer();

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(SnapshotState state) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256 + 96 * state.unassigned().size());
    out.writeUTF(state.snapshotName());
    out.writeUTF(state.consistentPoint());
    out.writeInt(state.splitsTotal());
    out.writeInt(state.unassigned().size());
    for (SnapshotSplit split : state.unassigned()) {
      SnapshotSplitSerializer.write(split, out);
    }
    return out.getCopyOfBuffer();
  }

  @Override
  public SnapshotState deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown snapshot state version " + version + " (this job reads " + VERSION + ")");
    }
    DataInputDeserializer in = new DataInputDeserializer(serialized);
    String snapshotName = in.readUTF();
    String consistentPoint = in.readUTF();
    int total = in.readInt();
    int count = in.readInt();
    List<SnapshotSplit> splits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      splits.add(SnapshotSplitSerializer.read(in));
    }
    return new SnapshotState(splits, total, snapshotName, consistentPoint);
  }
}
